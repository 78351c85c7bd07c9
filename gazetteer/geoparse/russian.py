"""Russian place names in every grammatical case, in the old orthography as in the new.

"в Эривани", "из Шуши", "Карабаха", "Зангезурского уезда": a Cyrillic word matches a word of a
gazetteer name when they share a lemma. The lemmas come from the standard morphological
analyser of Russian, `pymorphy3` with its dictionaries; toponyms the dictionary lacks (its
guesser may read "Эривань" as a man's name) also get a stem, the word without one of the case
endings of nouns and adjectives, on both sides. Old letters are folded first (ѣ→е, і→и, ѳ→ф,
ѵ→и, a final ъ dropped), so "Эривани" and "Эриванѣ" read alike.

Names are indexed once per gazetteer by the tuples of their words' lemmas; a text is read in one
pass, each Cyrillic word looked up with at most MAX_WORDS words after it: linear work.
"""
from __future__ import annotations

import re
import weakref
from functools import cache, lru_cache
from itertools import product
from typing import NamedTuple

from gazetteer.geoparse.matcher import Hit
from gazetteer.names.normalize import name_key
from gazetteer.places.index import Gazetteer

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# A Cyrillic word; a Latin i inside one stands for the old і, as typesetters and OCR write it, and
# the Latin letters that look like Cyrillic ones ("Аракc" with a Latin c) are OCR's for those.
HOMOGLYPHS = "aceopxyABCEHKMOPTX"
_PART = rf"[\u0400-\u04ff](?:[\u0400-\u04ffiI{HOMOGLYPHS}]*[\u0400-\u04ff{HOMOGLYPHS}])?"
WORD = re.compile(rf"{_PART}(?:-{_PART})*")
OLD_LETTERS = str.maketrans({"ѣ": "е", "Ѣ": "Е", "і": "и", "І": "И", "ѳ": "ф", "Ѳ": "Ф", "ѵ": "и", "Ѵ": "И",
                             "i": "и", "I": "И", **dict(zip(HOMOGLYPHS, "асеорхуАВСЕНКМОРТХ", strict=True))})
# Case endings of nouns and adjectives, longest first; a stem keeps at least STEM_MIN letters.
ENDINGS = sorted("""ами ями ого его ому ему ыми ими ых их ой ей ий ый ая яя ое ее ую юю ом ем ах ях ью ов ев
                    ы и а я у ю е о ь""".split(), key=len, reverse=True)
STEM_MIN = 4
STEM_WORD_MIN = 6      # shorter words are too often other words once their ending is cut
UNKNOWN_STEM_MIN = 5   # ... unless the dictionary knows no such word ("Ганжу", "Ганже": a toponym)
MAX_WORDS = 4
# Cue words before a name, and the kind of place they say it is.
CUES = {"город": "settlement", "г": "settlement", "село": "settlement", "деревня": "settlement",
        "станция": "settlement", "ст": "settlement", "крепость": "settlement", "аул": "settlement",
        "уезд": "region", "губерния": "region", "область": "region", "округ": "region",
        "река": "river", "р": "river", "гора": "mountain", "хребет": "ridge", "перевал": "pass",
        "озеро": "lake"}


def has_cyrillic(text: str) -> bool:
    return CYRILLIC.search(text) is not None


def modern(word: str) -> str:
    """The word in the modern orthography, lower case."""
    word = word.translate(OLD_LETTERS).lower()
    return word[:-1] if len(word) > 1 and word.endswith("ъ") else word


@cache
def analyser():
    """The morphological analyser of Russian (`pymorphy3.MorphAnalyzer` with its dictionaries), made
    once per process: loading the dictionaries takes a good part of a second, and every Russian
    reading (place names here, movements' verbs and cases in `gazetteer.movements`) asks it."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def readings(word: str) -> list:
    """The analyser's readings (pymorphy3 `Parse`s: lemma, tag, score) of `word`, in the modern
    orthography and lower case (`modern`)."""
    return analyser().parse(modern(word))


def stem(word: str, shortest: int = STEM_WORD_MIN) -> str | None:
    """The word without its case ending, marked '~' so that a stem only ever meets a stem."""
    if len(word) < shortest:
        return None
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= STEM_MIN:
            return "~" + word[:-len(ending)]
    return "~" + word


@lru_cache(maxsize=200_000)
def forms(word: str) -> frozenset[str]:
    """What a word may share with another form of itself: its lemmas, its stem, itself."""
    word = modern(word)
    parses = analyser().parse(word)
    # A word the dictionary knows as a place name ("Баку") is read only as that, not as the
    # common noun it could also inflect ("бак"), which other words share.
    places = [p for p in parses if "Geox" in p.tag]
    found = {word} | {p.normal_form.replace("ё", "е") for p in places or parses}
    known = any(p.is_known for p in parses)
    cut = stem(word, STEM_WORD_MIN if known else UNKNOWN_STEM_MIN)
    if cut:
        found.add(cut)
    return frozenset(found)


class NameIndex(NamedTuple):
    keys: dict[tuple[str, ...], str]      # a tuple of word forms -> the name's gazetteer key
    first: frozenset[str]                  # every form a name's first word can take


def build_index(names: list[str]) -> NameIndex:
    """Index the Cyrillic `names` by every combination of their words' forms."""
    keys: dict[tuple[str, ...], str] = {}
    first = set()
    for name in names:
        words = WORD.findall(name)
        if not words or len(words) > MAX_WORDS:
            continue
        key = name_key(name)
        for combo in product(*(sorted(forms(w)) for w in words)):
            # The longer name keeps a combination both could take (it is the more specific).
            if combo not in keys or len(keys[combo]) < len(key):
                keys[combo] = key
        first.update(forms(words[0]))
    return NameIndex(keys, frozenset(first))


_INDEXES: dict[int, tuple[weakref.ref, NameIndex]] = {}   # by id: a Gazetteer is not hashable


def name_index(gazetteer: Gazetteer) -> NameIndex:
    """The index of a gazetteer's Cyrillic names (its curated and user layers), built once."""
    held = _INDEXES.get(id(gazetteer))
    if held is None or held[0]() is not gazetteer:
        names = sorted({n.toponym for p in gazetteer.places for n in p.names if has_cyrillic(n.toponym)})
        held = _INDEXES[id(gazetteer)] = (weakref.ref(gazetteer), build_index(names))
    return held[1]


def _joined(text: str, a_end: int, b_start: int) -> bool:
    """True when only spaces or a hyphen stand between two words (one name may span them)."""
    gap = text[a_end:b_start]
    return 0 < len(gap) <= 3 and not gap.strip(" -\u2010\u2011\u00a0")


def russian_hits(text: str, gazetteer: Gazetteer) -> list[Hit]:
    """The Russian place names of `text`, in any case, as matcher hits (keys of the gazetteer)."""
    index = name_index(gazetteer)
    if not index.keys:
        return []
    words = [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(text)]
    hits, i = [], 0
    while i < len(words):
        start, end, word = words[i]
        found = None
        if word[:1].isupper() and forms(word) & index.first:
            for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
                group = words[i:i + n]
                if any(not _joined(text, a[1], b[0]) for a, b in zip(group, group[1:], strict=False)):
                    continue
                key = next((index.keys[c] for c in product(*(sorted(forms(w)) for _, _, w in group))
                            if c in index.keys), None)
                if key:
                    found = (n, key)
                    break
        if found:
            n, key = found
            stop = words[i + n - 1][1]
            before_words = [modern(w) for _, _, w in words[max(0, i - 2):i]]
            after = modern(words[i + n][2]) if i + n < len(words) else ""
            cue_word = before_words[-1] if before_words else ""
            cue = CUES.get(cue_word)
            hits.append(Hit(start, stop, text[start:stop], key, " ".join(before_words), after,
                            cue=cue, cue_text=cue_word if cue else None))
            i += n
        else:
            i += 1
    return hits


def merged(hits: list[Hit], more: list[Hit]) -> list[Hit]:
    """`hits` with the hits of `more` that overlap none of them, in text order."""
    taken = [(h.start, h.end) for h in hits]
    extra = [h for h in more if not any(s < h.end and h.start < e for s, e in taken)]
    return sorted(hits + extra, key=lambda h: h.start)
