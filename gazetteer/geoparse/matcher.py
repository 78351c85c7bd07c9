"""Recognition: the spans of a text that name a place in the gazetteer.

The text is folded word by word (`normalize.fold_parts`) and scanned with the gazetteer's
Aho-Corasick automata; every key has a space on each side, so every hit is whole words.
Longer names win over the names inside them ("Nagorno-Karabakh" over "Karabakh"); each
name of a dash chain ("Shusha–Geryusy–Nakhichevan") is its own hit; a possessive "’s"
stays outside the span. Then the case rules and the stoplists drop what is not a place:
demonyms, organisations and units ("Caucasian Front", "Bayazet Division"), persons
("G. Chicherin", "Comrade X"), archives ("TsGIA of Armenia"). Capitalised names the
gazetteer does not know are reported when a place cue stands next to them ("the village
of X", "X district", "the X river").
"""
from __future__ import annotations

import multiprocessing
import os
import re
from bisect import bisect_right
from itertools import accumulate
from typing import NamedTuple

from gazetteer.names.normalize import DASHES, SPACE, fold_parts, fold_word
from gazetteer.names.stoplists import (
    CUE_AFTER,
    CUE_BEFORE,
    DEMONYM_KEYS,
    DEMONYMS,
    EVENT_WORDS,
    GENERIC_WORDS,
    not_a_place,
)
from gazetteer.places.index import Gazetteer

CHUNK = 1 << 18   # characters scanned at once: bounds the memory of the offset tables
PARALLEL_MIN = 1 << 21   # characters from which a text is scanned in parallel
MAX_WORKERS = 4
_NOT_NAMES = frozenset("""
the this that these those each every our their his its her my your a an all any some no in on
at of to from by for with and or but as if when where which while whole entire same said such
north south east west northern southern eastern western upper lower central new old great
little red white black green military revolutionary executive national people peoples
""".split()) | DEMONYMS
_WORD = re.compile(r"\w+")
TYPE_WORDS = frozenset(CUE_AFTER)
_UNSEEN = object()
_HYPHENS = frozenset({"-", "\u2010", "\u2011"})
_CUE_OF = frozenset(c.split()[0] for c in CUE_BEFORE if c.endswith(" of"))
# Place cues around unknown names: "[village] of (the) X" and "X district". Each regex is
# anchored on plain text (" of " before a capital) so that the scan stays fast.
_OF_CAPITAL = re.compile(r" of (?:the )?(?=[A-Z])")
_CUE_AFTER_RE = re.compile(r" ([Dd]istricts?|[Uu]y?ezd|[Rr]idge|[Rr]iver|[Pp]rovince|[Vv]ilayet|[Pp]ass"
                           r"|[Mm]ountains|[Vv]alley|[Gg]orge)\b")
_NAME_AFTER = re.compile(r"([A-Z][a-z’'\w]+(?:[-\u2013 ][A-Z][a-z\w]+)?)")
_NAME_BEFORE = re.compile(r"\b([A-Z][a-z\w]+(?:-[A-Z][a-z\w]+)?)$")


class Hit(NamedTuple):
    """A span of the text that names a place (key None: an unknown name next to a place cue).

    A named tuple rather than a dataclass: a long text has hundreds of thousands of hits.
    """

    start: int
    end: int
    text: str
    key: str | None
    before: str = ""      # the two words before, lowercase, "" across punctuation
    after: str = ""       # the word after, lowercase, "" across punctuation
    sep_before: str = ""  # the characters between the previous word and this name
    sep_after: str = ""
    prev_raw: str = ""    # the word before as written, across any punctuation
    cue: str | None = None        # the kind a neighbouring cue word implies
    cue_text: str | None = None


def find_hits(text: str, gazetteer: Gazetteer) -> list[Hit]:
    """Return the place-name hits of `text` in order, non-overlapping, stoplisted ones removed.

    A text of over PARALLEL_MIN characters is scanned by one forked process per core.
    """
    chunks = list(_chunks(text))
    workers = min(os.cpu_count() or 1, len(chunks), MAX_WORKERS)
    if len(text) >= PARALLEL_MIN and workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        global _JOB
        _JOB = (chunks, gazetteer)   # inherited by the forked workers, not pickled
        try:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                parts = pool.map(_scan_job, range(len(chunks)), chunksize=1)
        finally:
            _JOB = None
        return [hit for part in parts for hit in part]
    memo: dict[tuple, tuple | None] = {}
    return [hit for base, chunk in chunks for hit in _scan_chunk(base, chunk, gazetteer, memo)]


_JOB: tuple | None = None
_WORKER_MEMO: dict[tuple, tuple | None] = {}


def _scan_job(index: int) -> list[Hit]:
    chunks, gazetteer = _JOB
    base, chunk = chunks[index]
    return _scan_chunk(base, chunk, gazetteer, _WORKER_MEMO)


def _scan_chunk(base: int, chunk: str, gazetteer: Gazetteer, memo: dict) -> list[Hit]:
    """Return the hits of one chunk, in order (`memo`: the same words around a name decide alike)."""
    found = _scan(chunk, base, gazetteer, memo)
    found += _unknown_with_cue(chunk, base, found)
    found.sort(key=lambda h: h.start)
    return found


def _chunks(text: str):
    """Yield (offset, piece) of `text` in pieces of about CHUNK characters, cut at line ends."""
    start = 0
    while start < len(text):
        end = min(len(text), start + CHUNK)
        if end < len(text):
            cut = text.rfind("\n", start + CHUNK // 2, end)
            end = cut + 1 if cut > 0 else (text.rfind(" ", start + CHUNK // 2, end) + 1 or end)
        yield start, text[start:end]
        start = end


def _scan(chunk: str, base: int, gazetteer: Gazetteer, memo: dict) -> list[Hit]:
    """Return the longest non-overlapping, properly capitalised place hits of one chunk."""
    parts, folded = fold_parts(chunk)
    norm = "".join(folded)
    n_starts = list(accumulate(map(len, folded), initial=0))
    o_starts = list(accumulate(map(len, parts), initial=0))
    raw = []
    local = gazetteer.keys
    automaton = gazetteer.automaton
    for end, key in automaton.iter(norm) if automaton is not None else ():
        first = bisect_right(n_starts, end - len(key) + 2) - 1
        if parts[first][:1].isupper():   # strict case rules for the broad layer's names
            raw.append((first, bisect_right(n_starts, end - 1) - 1, key, key not in local))
    raw.extend(_compounds(chunk, parts, o_starts, gazetteer))
    raw.sort(key=lambda r: (r[0], -r[1]))  # leftmost, then longest
    hits = []
    taken_until = -1
    for first, last, key, strict in raw:
        if first <= taken_until or not _capitalised(parts, first, last, strict):
            continue
        taken_until = last
        low = max(0, first - 5)
        window = (key, first - low, last - first, *parts[low:last + 4])
        shape = memo.get(window, _UNSEEN)
        if shape is _UNSEEN:
            shape = memo[window] = _shape(parts, folded, first, last, key, gazetteer)
        if shape is not None:
            core_first, core_last = first + shape[0], first + shape[1]
            s, e = o_starts[core_first], o_starts[core_last] + len(parts[core_last])
            hits.append(Hit(base + s, base + e, chunk[s:e], *shape[2:]))
    return hits


def _shape(parts, folded, first, last, key, gazetteer) -> tuple | None:
    """Return what a hit is apart from its position, or None when it is not a place.

    (core_first, core_last) relative to `first`, then the Hit's fields after `text`.
    """
    core_first, core_last, key, trimmed = _bare(parts, folded, first, last, key, gazetteer)
    hit = _hit(parts, folded, core_first, core_last, key, trimmed)
    if not_a_place(hit) or (key not in gazetteer.keys and _in_a_longer_name(parts, folded, core_first, core_last)):
        return None
    return (core_first - first, core_last - first, hit.key, hit.before, hit.after, hit.sep_before,
            hit.sep_after, hit.prev_raw, hit.cue, hit.cue_text)


def _in_a_longer_name(parts, folded, first, last) -> bool:
    """A broad-layer name next to another capitalised word is most likely part of a person's
    or an organisation's name: "Sergo Ordzhonikidze", "Woodrow Wilson", "Lloyd George"."""
    before = parts[first - 2] if first >= 2 and folded[first - 1] == SPACE else ""
    after = parts[last + 2] if last + 2 < len(parts) and folded[last + 1] == SPACE else ""
    if before[:1].isupper() and before.lower() not in _NOT_NAMES and not before.isupper():
        return True
    word = after.lower()
    return after[:1].isupper() and not after.isupper() and word not in TYPE_WORDS \
        and word not in GENERIC_WORDS and word not in EVENT_WORDS


def _compounds(chunk: str, parts: list[str], o_starts: list[int],
               gazetteer: Gazetteer) -> list[tuple[int, int, str, bool]]:
    """Hyphenated words that are one word in the gazetteer: "Dara-laghez" for "Daralagez"."""
    found = []
    last_end = -1
    for position in _hyphens(chunk):
        sep = bisect_right(o_starts, position) - 1
        if sep <= last_end or sep % 2 or not parts[sep - 1][:1].isupper():
            continue
        first = last = sep - 1
        while last + 2 < len(parts) and parts[last + 1] in _HYPHENS:
            last += 2
        last_end = last
        key = f" {fold_word(''.join(parts[first:last + 1:2]))} "
        if gazetteer.has_key(key):
            found.append((first, last, key, True))
    return found


def _hyphens(chunk: str) -> list[int]:
    """Return the offsets of hyphens between two word characters, in order (str.find is fastest)."""
    found = []
    for mark in _HYPHENS:
        i = chunk.find(mark, 1)
        while 0 < i < len(chunk) - 1:
            if chunk[i - 1].isalnum() and chunk[i + 1].isalnum():
                found.append(i)
            i = chunk.find(mark, i + 1)
    return sorted(found)


def _capitalised(parts: list[str], first: int, last: int, strict: bool = True) -> bool:
    """Names start with a capital. In a broad-layer name (`strict`) so does each longer word
    after a space, unless it is a type word ("Zangezur ridge") or follows a hyphen
    ("Rostov-on-Don", "Dara-laghez"); curated names are written as they are used ("Lori
    neutral zone", "Urmu gölü")."""
    if not parts[first][:1].isupper():
        return False
    return not strict or all(parts[i][:1].isupper() for i in range(first + 2, last + 1, 2)
                             if len(parts[i]) > 3 and parts[i] not in TYPE_WORDS
                             and not (set(parts[i - 1]) & DASHES))


def _bare(parts, folded, first, last, key, gazetteer) -> tuple[int, int, str, tuple[str, str]]:
    """Return the bare place name inside a longer phrase, its key and the words trimmed.

    "Republic of Armenia", "Soviet Russia", "Grand National Assembly of Turkey" -> the country
    (the bare name's own key); "Shushi District", "Zangezur ridge" -> "Shushi", "Zangezur",
    keeping the phrase's key, since its type word says which place is meant. Names whose
    other words are neither generic nor type words stay whole: "Nagorno-Karabakh",
    "Rostov-on-Don", "Red Kurdistan".
    """
    words = list(range(first, last + 1, 2))
    for size in range(1, len(words)):
        for i in range(len(words) - size + 1):
            core = words[i:i + size]
            rest = [parts[w].lower() for w in words[:i] + words[i + size:]]
            if not all(w in GENERIC_WORDS or w in TYPE_WORDS for w in rest):
                continue
            core_key = " " + "".join(folded[core[0]:core[-1] + 1]) + " "
            if gazetteer.has_key(core_key):
                before = " ".join(parts[w].lower() for w in words[:i])
                after = " ".join(parts[w].lower() for w in words[i + size:])
                typed = all(w in TYPE_WORDS or w in ("of", "the") for w in rest)
                return core[0], core[-1], key if typed else core_key, (before, after)
    return first, last, key, ("", "")


def _hit(parts, folded, first, last, key, trimmed) -> Hit:
    """Return the hit for words first..last (no position yet), with its neighbours and cue."""
    trim_before, trim_after = trimmed
    before = [trim_before] if trim_before else []
    i = first
    while not trim_before and len(before) < 2 and i >= 3 and folded[i - 1] == SPACE:
        i -= 2
        before.insert(0, parts[i].lower())
    after = trim_after or (parts[last + 2].lower()
                           if last + 2 < len(parts) and folded[last + 1] == SPACE else "")
    before_text = " ".join(before)
    cue, cue_text = place_cue(before_text, after)
    return Hit(0, 0, "".join(parts[first:last + 1]), key, before_text, after,
               parts[first - 1] if first >= 1 else "", parts[last + 1] if last + 1 < len(parts) else "",
               parts[first - 2] if first >= 2 else "", cue, cue_text)


def place_cue(before: str, after: str) -> tuple[str | None, str | None]:
    """Return the kind a cue word before or after a name implies, and the cue's words."""
    if after in CUE_AFTER:
        return CUE_AFTER[after], after
    for phrase in (before, before.split(" ")[-1]):
        words = phrase.split(" ")
        if words[0] == "the" and len(words) > 1:
            phrase = " ".join(words[1:])
        if phrase in CUE_BEFORE:
            return CUE_BEFORE[phrase], phrase
    return None, None


def _unknown_with_cue(chunk: str, base: int, found: list[Hit]) -> list[Hit]:
    """Return hits for capitalised unknown names next to a place cue, not overlapping `found`."""
    taken = sorted((h.start - base, h.end - base) for h in found)
    extra = []
    for name, after in _cue_names(chunk):
        start, end = name.span(1)
        first_word = name.group(1).split()[0]
        if first_word.lower() in _NOT_NAMES or fold_word(first_word) in DEMONYM_KEYS:
            continue
        i = bisect_right(taken, (start, end))
        if (i and taken[i - 1][1] > start) or (i < len(taken) and taken[i][0] < end):
            continue
        taken.insert(i, (start, end))
        before = " ".join(_WORD.findall(chunk[max(0, start - 30):start].lower())[-2:])
        cue, cue_text = place_cue(before, after)
        extra.append(Hit(base + start, base + end, name.group(1), None, before, after,
                         cue=cue, cue_text=cue_text))
    return extra


def _cue_names(chunk: str):
    """Yield (name match, cue word after it or "") for capitalised names next to a place cue."""
    for m in _OF_CAPITAL.finditer(chunk):
        word = chunk[max(0, m.start() - 12):m.start()].rsplit(None, 1)[-1:]
        if word and word[0] in _CUE_OF:
            name = _NAME_AFTER.match(chunk, m.end())
            if name:
                yield name, ""
    for m in _CUE_AFTER_RE.finditer(chunk):
        name = _NAME_BEFORE.search(chunk, max(0, m.start() - 40), m.start())
        if name:
            yield name, m.group(1).lower()
