"""Names read through OCR noise: "A1exandropol", "Nakhichcvan", "Sharnkhor", "Alexan dropol".

Scanned archives are read by OCR, which confuses l and 1, O and 0, m and rn, e and c, and
leaves stray spaces inside words. A capitalised word of FUZZY_MIN letters or more that no
layer knows is read as a curated (or user) name when
* it is that name once the usual OCR confusions are undone (1→l, 0→o, rn→m, cl→d, vv→w), or
* it is one edit (a letter changed, added or dropped) from exactly one name's key, and
* with the next word joined to it ("Alexan dropol", "Alexan\\ndropol"), it is a name exactly.
A word that is a name of any layer, an English word that names a town somewhere, a demonym
or a function word is never read as another name; a word close to two names is left alone.

Candidates are found by the deletion neighbourhood of each key (the key with one letter
dropped), so each word costs a few dictionary look-ups: linear in the text. Edit distances
are `rapidfuzz`'s Levenshtein. The hits are marked fuzzy, for a reviewer to check.
"""
from __future__ import annotations

import re
import weakref
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein

from gazetteer.geoparse.matcher import Hit, place_cue
from gazetteer.names.normalize import fold_word, name_key
from gazetteer.names.stoplists import (
    CUE_AFTER,
    DEMONYM_KEYS,
    EVENT_WORDS,
    FUNCTION_WORDS,
    GENERIC_WORDS,
    not_a_place,
)
from gazetteer.places.broad import common_keys
from gazetteer.places.index import Gazetteer

FUZZY_MIN = 6
MEMO_MAX = 200_000   # words remembered per gazetteer, across texts (then forgotten at once)
KEEPS_A_PLACE = frozenset(CUE_AFTER) | GENERIC_WORDS | EVENT_WORDS   # "Sharnkhor District", "Erzerurn Treaty"
# A capitalised Latin word (digits inside it are OCR noise), the separator after it, the next word.
_WORD = re.compile(r"[A-Z][A-Za-z0-9]*[a-z0-9][A-Za-z0-9]*")
_JOIN_GAP = re.compile(r"[ \t]*\r?\n[ \t]*| ")
_LOWER = re.compile(r"[a-z]+")
_OCR_READINGS = (("rn", "m"), ("cl", "d"), ("vv", "w"), ("1", "l"), ("0", "o"), ("5", "s"))
_BEFORE_WORDS = re.compile(r"[A-Za-z]+")
_NEXT = re.compile(r" ([A-Z][a-z]+)")


class FuzzyIndex(NamedTuple):
    keys: frozenset[str]                   # one-word keys (no spaces) of the curated and user names
    near: dict[str, frozenset[str]]        # a key with one letter dropped (or whole) -> those keys
    never: frozenset[str]                  # keys of words never read as another name
    never_near: dict[str, frozenset[str]]  # those words with one letter dropped (or whole) -> the words


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


def build_index(keys) -> FuzzyIndex:
    """Index the one-word `keys` (" key ") of FUZZY_MIN letters or more by their deletions.

    A noisy word one edit from a demonym or an English word ("Azcrbaijani") is taken for it.
    """
    never = common_keys() | DEMONYM_KEYS | {fold_word(w) for w in FUNCTION_WORDS}
    # A name that is also a demonym ("Armenian" of "Armenian Oblast") is never reached through noise.
    words = {k.strip() for k in keys if " " not in k.strip() and len(k.strip()) >= FUZZY_MIN
             and k.strip().isalpha()} - never
    near: dict[str, set[str]] = {}
    for word in words:
        for d in _deletions(word):
            near.setdefault(d, set()).add(word)
    never_near: dict[str, set[str]] = {}
    for word in never:
        if len(word) >= FUZZY_MIN - 1:
            for d in _deletions(word):
                never_near.setdefault(d, set()).add(word)
    return FuzzyIndex(frozenset(words), {k: frozenset(v) for k, v in near.items()}, frozenset(never),
                      {k: frozenset(v) for k, v in never_near.items()})


_INDEXES: dict[int, tuple[weakref.ref, FuzzyIndex, dict[str, str | None]]] = {}


def fuzzy_index(gazetteer: Gazetteer) -> FuzzyIndex:
    """The index of a gazetteer's curated and user one-word names, built once per gazetteer."""
    return _held(gazetteer)[1]


def _held(gazetteer: Gazetteer) -> tuple[weakref.ref, FuzzyIndex, dict[str, str | None]]:
    """The gazetteer's index and the words already read against it (word -> closest key)."""
    held = _INDEXES.get(id(gazetteer))
    if held is None or held[0]() is not gazetteer:
        # The names as written, not the matcher's one-vowel variants of them
        names = {name_key(n) for p in gazetteer.places for n in (p.name, *(x.toponym for x in p.names))}
        held = _INDEXES[id(gazetteer)] = (weakref.ref(gazetteer), build_index(names & gazetteer.keys.keys()), {})
    return held


def ocr_readings(word: str) -> list[str]:
    """The word with the usual OCR confusions undone, one kind at a time and all at once."""
    out = []
    whole = word
    for wrong, right in _OCR_READINGS:
        if wrong in word:
            out.append(word.replace(wrong, right))
            whole = whole.replace(wrong, right)
    if whole != word and whole not in out:
        out.append(whole)
    return out


def closest_key(word: str, gazetteer: Gazetteer, index: FuzzyIndex) -> str | None:
    """Return the one name key (" key ") `word` is an OCR-noisy form of, None if none or several."""
    folded = fold_word(word)
    if folded in index.never or gazetteer.has_key(f" {folded} "):
        return None
    readings = ocr_readings(word)
    for reading in readings:
        key = fold_word(reading)
        if key in index.keys:
            return f" {key} "
    target = fold_word(readings[-1]) if readings else folded
    if not target.isalpha() or target in index.never or gazetteer.has_key(f" {target} "):
        return None
    if _near_a_word(target, index):
        return None
    found = {k for d in _deletions(target) for k in index.near.get(d, ())
             if Levenshtein.distance(target, k, score_cutoff=1) <= 1 and not _suffixed(target, k)}
    # Spellings of one place ("nahichevan", "nahichivan") are one name; two places are two.
    places = {gazetteer.keys[f" {k} "] for k in found}
    return f" {min(found)} " if len(places) == 1 else None


def _near_a_word(word: str, index: FuzzyIndex) -> bool:
    """True when `word` is one edit from a word never read as a name (checked, not just indexed)."""
    return any(Levenshtein.distance(word, other, score_cutoff=1) <= 1
               for d in _deletions(word) for other in index.never_near.get(d, ()))


def _suffixed(word: str, key: str) -> bool:
    """True when one is the other with a letter added at the end: an adjective, a demonym or another
    name ("Ossetian", "Ajarian" for Ossetia, Ajaria; "Georgy" for Georgia), not OCR noise."""
    return word[:-1] == key or key[:-1] == word


def _in_a_longer_name(text: str, end: int) -> bool:
    """True when a capitalised word follows, as in a person's name ("Nariman Narimanov")."""
    after = _NEXT.match(text, end)
    return after is not None and after.group(1).lower() not in KEEPS_A_PLACE


def fuzzy_hits(text: str, gazetteer: Gazetteer, taken: list[Hit]) -> list[Hit]:
    """Return the hits of names `text` writes with OCR noise, overlapping none of `taken` (sorted)."""
    _, index, memo = _held(gazetteer)   # memo: a word is read alike wherever it stands, in any text
    if not index.keys:
        return []
    hits, t = [], 0
    for match in _WORD.finditer(text):
        start, end = match.span()
        while t < len(taken) and taken[t].end <= start:
            t += 1
        if t < len(taken) and taken[t].start < end:
            continue
        found = _joined(text, match, gazetteer, index, taken[t].start if t < len(taken) else len(text))
        word = match.group(0)
        if len(memo) > MEMO_MAX:
            memo.clear()
        if found is None and len(word) >= FUZZY_MIN:
            key = memo[word] if word in memo else memo.setdefault(
                word, closest_key(word, gazetteer, index) if sum(c.isalpha() for c in word) >= FUZZY_MIN else None)
            found = (end, key) if key else None
        if found is not None and not _in_a_longer_name(text, found[0]):
            hit = _hit(text, start, found[0], found[1])
            if not not_a_place(hit):
                hits.append(hit)
    return hits


def _joined(text: str, match: re.Match, gazetteer: Gazetteer, index: FuzzyIndex, limit: int):
    """Return (end, key) when the word and the lower-case piece after it make one name exactly."""
    gap = _JOIN_GAP.match(text, match.end())
    rest = _LOWER.match(text, gap.end()) if gap else None
    if rest is None or rest.end() > limit or (rest.end() < len(text) and text[rest.end()].isalnum()):
        return None
    word = match.group(0) + rest.group(0)
    key = fold_word(word)
    if len(word) < FUZZY_MIN or key not in index.keys or fold_word(rest.group(0)) in FUNCTION_WORDS:
        return None
    return rest.end(), f" {key} "


def _hit(text: str, start: int, end: int, key: str) -> Hit:
    """A matcher hit for text[start:end], with the words around it and the cue they give."""
    before = " ".join(w.lower() for w in _BEFORE_WORDS.findall(text[max(0, start - 30):start])[-2:])
    after_words = _BEFORE_WORDS.findall(text[end:end + 30])
    after = after_words[0].lower() if after_words and text[end:end + 1].isspace() else ""
    cue, cue_text = place_cue(before, after)
    return Hit(start, end, text[start:end], key, before, after, text[max(0, start - 1):start],
               text[end:end + 1], "", cue, cue_text)
