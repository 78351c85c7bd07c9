"""Places named by the adjective Russian derives from them, beside a word for a unit of land.

"Карабахского ханства", "Шушинский у.", "Елизаветпольской губ.", "Нахичеванской Провинціи",
"области Армянской": the adjective ("-ский", "-скій", "-скаго" in the old orthography) is cut back
to its stem ("карабах", "шушин", "елизаветполь") and the stem, without a linking "-ин-", "-ен-",
"-ов-" or "-ев-" ("шуш", "талыш"), meets a gazetteer name cut back to its stem ("Шуша" -> "шуш").
Only beside a unit word (уезд, губерния, область, провинция, ханство, округ, участок and their
abbreviations), so that "персидской границе" or "эриванского сардаря" name no place; the mention
is the adjective with its unit word, as a reader marks it.
"""
from __future__ import annotations

import re
import weakref

from gazetteer.geoparse.matcher import Hit
from gazetteer.geoparse.russian import WORD, forms, has_cyrillic, modern
from gazetteer.names.normalize import name_key
from gazetteer.places.index import Gazetteer

# The lemmas of words for a unit of land, and their abbreviations (written with a full stop).
UNITS = frozenset("уезд губерния область провинция ханство округ участок султанство магал".split())
ABBREVIATED_UNITS = frozenset("у губ обл окр".split())
_ADJECTIVE = re.compile(r"^(?P<stem>\w{3,}?)[сц]к(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими|ый|ым|аго|яго|ия|ую)$")
_LINKS = ("ин", "ен", "ов", "ев")
_VOWEL_END = re.compile(r"[аяоеиыуюьй]$")
BASE_MIN = 3
_PARTICLES = frozenset(["же"])


def adjective_stems(word: str) -> tuple[str, ...]:
    """The stems a place adjective may come from: "шушинского" -> ("шушин", "шуш"); () if no adjective."""
    match = _ADJECTIVE.match(modern(word))
    if not match:
        return ()
    stem = match.group("stem").rstrip("ь")
    cuts = [stem] + [stem[:-len(link)] for link in _LINKS if stem.endswith(link)]
    return tuple(c for c in cuts if len(c) >= BASE_MIN)


def base(name: str) -> str:
    """A one-word name without its final vowel or soft sign: "Шуша" -> "шуш", "Эривань" -> "эриван"."""
    return _VOWEL_END.sub("", modern(name))


_BASES: dict[int, tuple[weakref.ref, dict[str, str]]] = {}


def base_index(gazetteer: Gazetteer) -> dict[str, str]:
    """{stem: gazetteer key} of the one-word Cyrillic names; a stem two names share keeps the first
    (the resolver then chooses among that key's places, as for any name)."""
    held = _BASES.get(id(gazetteer))
    if held is None or held[0]() is not gazetteer:
        found: dict[str, str] = {}
        for place in gazetteer.places:
            for n in place.names:
                if not has_cyrillic(n.toponym) or len(WORD.findall(n.toponym)) != 1:
                    continue
                b = base(n.toponym)
                if len(b) < BASE_MIN:
                    continue
                found.setdefault(b, name_key(n.toponym))
        held = _BASES[id(gazetteer)] = (weakref.ref(gazetteer), found)
    return held[1]


def _is_unit(text: str, word_end: int, word: str) -> bool:
    if modern(word) in ABBREVIATED_UNITS:
        return text[word_end:word_end + 1] == "."
    return bool(forms(word) & UNITS)


def adjective_hits(text: str, gazetteer: Gazetteer) -> list[Hit]:
    """The places of `text` named by an adjective beside a unit word, as matcher hits."""
    index = base_index(gazetteer)
    words = [(m.start(), m.end(), m.group(0)) for m in WORD.finditer(text)]
    hits = []
    for i, (start, end, word) in enumerate(words):
        if not word[:1].isupper():
            continue
        stems = adjective_stems(word)
        key = next((index[s] for s in stems if s in index), None)
        if key is None:
            continue
        after, gap_from = words[i + 1:i + 3], end
        if after and modern(after[0][2]) in _PARTICLES and _gap_ok(text, end, after[0][0]):
            gap_from, after = after[0][1], after[1:]     # "Казахском же уезде"
        unit_after = after[:1] and _gap_ok(text, gap_from, after[0][0]) and _is_unit(text, after[0][1], after[0][2])
        unit_before = i > 0 and _gap_ok(text, words[i - 1][1], start) and _is_unit(text, words[i - 1][1],
                                                                                     words[i - 1][2])
        if unit_after:
            stop = after[0][1]
            hits.append(Hit(start, stop, text[start:stop], key, cue="region", cue_text=after[0][2]))
        elif unit_before:
            first = words[i - 1][0]
            hits.append(Hit(first, end, text[first:end], key, cue="region", cue_text=words[i - 1][2]))
    return hits


def _gap_ok(text: str, a_end: int, b_start: int) -> bool:
    gap = text[a_end:b_start]
    return 0 < len(gap) <= 4 and not gap.strip(" \n\u00a0")
