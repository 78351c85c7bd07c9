"""The places a movement passes: spots in the text and how each attaches to a movement word.

A `Spot` is a stretch of text that stands for one or more places: a resolved mention
("Nakhichevan"), an anaphor ("the aforementioned ridge" -> the last ridge named), a phrase
the text defines by a list ("the disputed districts" -> Karabakh, Zangezur, Nakhichevan) or
a country adjective ("Armenian territory" -> Armenia, when the text names Armenia).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from gazetteer.model import Mention, Place
from gazetteer.movements.patterns import (
    ANAPHOR,
    ANAPHOR_KINDS,
    AREA_KINDS,
    CUE_NOUNS,
    DEFINED_PLURAL,
    DEMONYM_IRREGULAR,
    DEMONYM_PHRASE,
    DEPARTURE,
    LOCATIVE,
    MONTHS,
    MULTIWORD,
    PREPOSITIONS,
    Trigger,
)

TOKEN = re.compile(r"[\w’'-]+|[^\w\s]")
LIST_JOINERS = frozenset({",", "and", "or", "—", "–"})
APPOSITION = frozenset({"—", "–", ":", "("})
ARTICLES = frozenset({"the", "a", "an"})
MAX_AFTER_PREPOSITION = 4   # "up to the village of Yengikend"
MAX_BEFORE_PREPOSITION = 10  # "deploy, as far as possible, a sufficient number of troops on ..."
MAX_OBJECT_WORDS = 6         # "seized nearly the entire mountainous part of Karabakh"
# Words that can stand between a preposition and a name: "to neutral Pirdzhan", "the so-called".
ADJECTIVE = re.compile(r"(?:al|ile|ern|ed|ive|ous|ic|an|ian|ish|ese|ary|ful|less|ent|ant|ior|ward|ing|"
                       r"called|entire|whole|same|very|other|upper|lower|old|new|great|little|small)$")
BLOCKED = -1
# "Hamamlu (now Spitak)", "Ganja, then called Elizavetpol", "Aparan, today's Aparan"
ALIAS_GAP = re.compile(r"\s*(?:\(\s*(?:now|today|modern|present-day|later|formerly|also|or|then|today['’]s)?\s*|"
                       r",\s*(?:now|then|later|formerly|also)\s+(?:called|known as|named)\s+|,\s*today['’]s\s+)",
                       re.I)
COMMANDER_GAP = re.compile(r"\b(?:under|led by|commanded by|headed by)\s+(?:(?:general|colonel|commander|"
                           r"comrade|the)\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}$")
# Where a text sets events in an area: "an uprising in the 2nd Varanda sector", "fighting across Zangezur".
SCENE = re.compile(r"\b(?:in|within|throughout|across)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.I)
PLURAL_HEAD = re.compile(r"\b(?:districts|regions|territories|provinces|areas)\b", re.I)
SCENE_REACH = 1500  # characters back from "this region"
CLAUSE_AFTER_COMMA = re.compile(r",\s*(?:[\w'’-]+\s+){0,3}(?:had|has|have|was|were|is|are)\b", re.I)
DISTANCE = re.compile(r"\b(?:km|kilometres|kilometers|versts?|miles|metres|meters)\b", re.I)
NEW_SUBJECT = re.compile(r"\s+(?:\w+ly\s+)?(?:was|were|is|are|has|have|had|will|would|shall|fell|"
                         r"(?!and\b|or\b)[a-z]+ed)\b")
PLACE_PARTICIPLES = frozenset("neighbouring neighboring surrounding adjoining remaining bordering "
                              "following leading".split())
DATED_LIST = re.compile(r"(?:on|in|by) (?:the )?(?:\d+ )?[a-z]+(?: \d+)?(?: ,)? (?:and|,)(?: the)?")


@dataclass(frozen=True)
class Spot:
    """Text [start, end) standing for `places`, in order."""

    start: int
    end: int
    places: tuple[Place, ...]


S = TypeVar("S", Mention, Spot)  # anything with start/end offsets into the text


@dataclass(frozen=True)
class Attached:
    """A spot attached to a movement, with its role (origin, via, reached, direction)."""

    spot: Spot
    role: str
    step: int = 0  # a new step begins at each verb of a merged movement, or a "from" after other places


def build_spots(text: str, mentions: Sequence[Mention]) -> list[Spot]:
    """Return the spots of `text`, sorted, none inside another."""
    resolved = _outermost([m for m in mentions if m.place is not None])
    spots = [Spot(m.start, m.end, (m.place,)) for m in resolved]
    spots += _defined_phrases(text, spots)
    spots += _anaphors(text, resolved)
    spots += _demonyms(text, resolved)
    return _outermost(spots)


def _outermost(spans: list[S]) -> list[S]:
    """Spans (mentions or spots) that lie inside no longer one ("Karabakh" in "Nagorno-Karabakh" is dropped)."""
    ordered = sorted(spans, key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[S] = []
    for s in ordered:
        if kept and s.start < kept[-1].end:
            continue
        kept.append(s)
    return kept


def _defined_phrases(text: str, spots: list[Spot]) -> list[Spot]:
    """Spots for plural phrases the text defines elsewhere by a list of names."""
    definitions: dict[str, tuple[Place, ...]] = {}
    sites: set[int] = set()
    matches = _plural_phrases(text)
    starts = [s.start for s in spots]
    for m in matches:
        listed = _list_after(text, m.end(), spots[bisect.bisect_left(starts, m.end()):])
        if len(listed) >= 2:
            definitions.setdefault(_key(m.group(1)), tuple(p for s in listed for p in s.places))
            sites.add(m.start())
    return [Spot(m.start(), m.end(), definitions[_key(m.group(1))]) for m in matches
            if m.start() not in sites and _key(m.group(1)) in definitions]


def _plural_phrases(text: str) -> list[re.Match]:
    """The matches of DEFINED_PLURAL in `text`, found from their last word (a fast scan)."""
    found: list[re.Match] = []
    for head in PLURAL_HEAD.finditer(text):
        start = max(0, head.start() - 80)
        m = DEFINED_PLURAL.search(text, start, head.end())
        while m is not None and m.end() != head.end():
            m = DEFINED_PLURAL.search(text, m.start() + 1, head.end())
        if m is not None and (not found or m.start() >= found[-1].end()):
            found.append(m)
    return found


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().split()[-2:])


def _list_after(text: str, pos: int, spots: list[Spot]) -> list[Spot]:
    """The spots (those from `pos` on) listed right after `pos` in apposition ("— Karabakh, Zangezur")."""
    if not re.match(r"\s*[—–:(]", text[pos:pos + 4]):
        return []
    listed: list[Spot] = []
    for s in spots:
        if s.start < pos:
            continue
        gap = text[pos:s.start]
        words = [t for t in TOKEN.findall(gap) if t.lower() not in LIST_JOINERS | APPOSITION | ARTICLES]
        if len(gap) > 12 or words:
            break
        listed.append(s)
        pos = s.end
    return listed


_HANDED = re.compile(r"\b(?:hand\w*|ced\w*|transferr?\w*|giv\w*|gave|surrender\w*)\s+$", re.I)


def _anaphors(text: str, mentions: list[Mention]) -> list[Spot]:
    """Spots for "the aforementioned ridge", "this region": the place of that kind named last before.

    For an area, the last one named as the scene of events ("an uprising in the 2nd Varanda
    sector") is preferred, then one named with its unit ("Shushi district"), then any.
    """
    spots = []
    ends = [x.end for x in mentions]
    of_kinds: dict[int, tuple[list[int], list[int]]] = {}   # the mentions of each kind set, and those with a cue
    for m in ANAPHOR.finditer(text):
        if m.group(0)[:4].lower() == "the " and _HANDED.search(text, max(0, m.start() - 16), m.start()):
            continue  # "handing the city over to Georgia": a cession, no place a movement passes
        kinds = ANAPHOR_KINDS.get(m.group(1).lower(), AREA_KINDS)
        if id(kinds) not in of_kinds:
            found = [i for i, x in enumerate(mentions) if x.place.kind in kinds]
            of_kinds[id(kinds)] = (found, [i for i in found if mentions[i].cue])
        found, cued = of_kinds[id(kinds)]
        k = bisect.bisect_right(ends, m.start())   # the mentions before it are mentions[:k]
        n_found, n_cued = bisect.bisect_left(found, k), bisect.bisect_left(cued, k)
        chosen = _scene_before(text, m.start(), mentions, found, n_found) if kinds is AREA_KINDS else None
        if chosen is None and (n_cued or n_found):   # the last one named with its unit, else the last one
            chosen = mentions[cued[n_cued - 1] if n_cued else found[n_found - 1]]
        if chosen is not None:
            spots.append(Spot(m.start(), m.end(), (chosen.place,)))
    return spots


def _scene_before(text: str, pos: int, mentions: list[Mention], found: list[int], n: int) -> Mention | None:
    """The last of mentions[found[:n]] named as a scene of events within SCENE_REACH before `pos`."""
    for i in reversed(range(n)):
        x = mentions[found[i]]
        if pos - x.end > SCENE_REACH:
            return None
        if SCENE.search(text, max(0, x.start - 30), x.start):
            return x
    return None


def _demonyms(text: str, mentions: list[Mention]) -> list[Spot]:
    """Spots for "Armenian territory" when the text also names Armenia itself."""
    first: dict[str, Mention] = {}
    for x in mentions:
        first.setdefault(x.text.lower(), x)
    spots = []
    for m in DEMONYM_PHRASE.finditer(text):
        adjective = m.group(1).lower()
        # The name itself (irregular: "Turkish" -> "turkey") or the adjective less up to two letters.
        names = [DEMONYM_IRREGULAR.get(adjective)] + [adjective[:len(adjective) - k] for k in (1, 2)]
        found = [first[n] for i, n in enumerate(names) if n in first and (i == 0 or len(n) >= 4)]
        if found:
            spots.append(Spot(m.start(), m.end(), (min(found, key=lambda x: x.start).place,)))
    return spots


def attach(text: str, anchor: int, stop: int, spots: Sequence[Spot], trigger: Trigger | None,
           found: Sequence[Attached] = ()) -> list[Attached]:
    """The spots after `anchor` (before `stop`) that the movement word governs, in text order.

    `found`: spots already attached just before `anchor` (a chain continues from them).
    """
    found = list(found)
    pos = anchor
    for spot in spots:
        if spot.start < anchor:
            continue
        if spot.start >= stop:
            break
        if _aside(text[pos:spot.start], bool(found)):
            pos = spot.end  # "Hamamlu (now Spitak)", "forces under Dro": not a further place
            continue
        role = _role(text[pos:spot.start], trigger, found[-1].role if found else None)
        if role is None:
            break
        if found and role == found[-1].role and NEW_SUBJECT.match(text, spot.end):
            break  # "..., and the Kars Oblast was handed to Armenia": the subject of a new clause
        step = found[-1].step if found else 0
        if role == "origin" and found and found[-1].role == "via":
            step += 1  # "over the Mamison Pass and along the coast from Sochi to Gagra": a new leg
        found.append(Attached(spot, role, step))
        pos = spot.end
    return found


def _aside(gap: str, after_place: bool) -> bool:
    """True if a name after `gap` is not a waypoint: another name of the last place, or a commander."""
    if after_place and ALIAS_GAP.fullmatch(gap):
        return True
    return bool(COMMANDER_GAP.search(gap))


def _role(gap: str, trigger: Trigger | None, previous: str | None) -> str | None:
    """The role of the next place, given the words since the last one; None if unattached."""
    gap = gap.lstrip(") ")  # after "Hamamlu (now Spitak)"
    tokens = TOKEN.findall(gap)
    lowered = [t.lower() for t in tokens]
    if DISTANCE.search(gap):
        return None  # "some 50 kilometres from Tiflis": a distance, not a waypoint
    # "into Soviet Russia": a capitalised word before a name qualifies it (a month does not)
    proper = frozenset(t.lower() for t in tokens if t[:1].isupper() and t.lower() not in MONTHS)
    if sum(1 for t in tokens if len(t) > 3 and t[:1].isupper()) >= 3 \
            and not any(len(t) > 3 and t.islower() for t in tokens):
        proper = frozenset()  # a heading in title case ("Resolutions Adopted to Save Armenia")
    if previous is not None:
        while lowered and lowered[0] in CUE_NOUNS:  # "the Engelaurt route, and ..."
            lowered = lowered[1:]
        if lowered and lowered[0] in LIST_JOINERS and _listy(lowered, proper):
            return previous
        if DATED_LIST.fullmatch(" ".join(lowered)):
            return previous  # "took Kars on 30 October and Alexandropol"
        if any(len(t) > 5 and t.endswith("ing") and t not in PLACE_PARTICIPLES for t in lowered):
            return None  # ", handing the city over to Georgia": another verb's object
    if previous is None and CLAUSE_AFTER_COMMA.search(gap):
        return None  # "After the withdrawal, the area had been ruled from Lenkoran": another clause
    preposition, after, before = _governing(lowered, trigger, proper)
    if preposition is None:
        if previous is None and trigger is not None and trigger.object_verb \
                and before != BLOCKED and after <= MAX_OBJECT_WORDS:
            return trigger.object_role
        if previous is None and trigger is not None and trigger.bare_object and not lowered and not gap.strip():
            return "reached"   # telegraphese: "Arrived Batum"
        return None
    limit = MAX_BEFORE_PREPOSITION if previous is None else 3
    if after > MAX_AFTER_PREPOSITION or before > limit:
        return None
    return preposition


def _listy(lowered: list[str], proper: frozenset[str] = frozenset()) -> bool:
    """True if the tokens are only joiners, articles and at most two nominal words."""
    others = [t for i, t in enumerate(lowered) if t not in LIST_JOINERS and t not in ARTICLES
              and not (t == "at" and i and lowered[i - 1] in CUE_NOUNS)]  # "the Persian frontier at"
    return len(others) <= 2 and all(_nominal(t) or t in proper for t in others)


def _nominal(word: str) -> bool:
    """True for words that may qualify a place name: unit nouns and adjectives."""
    return word in CUE_NOUNS or word in ARTICLES or word in APPOSITION or bool(ADJECTIVE.search(word))


def _governing(lowered: list[str], trigger: Trigger | None,
               proper: frozenset[str] = frozenset()) -> tuple[str | None, int, int]:
    """The role given by the preposition governing the place, words after it, words before it."""
    after = 0
    i = len(lowered) - 1
    while i >= 0:
        word = lowered[i]
        for n in (4, 3, 2):
            phrase = " ".join(lowered[max(i - n + 1, 0):i + 1])
            if phrase in MULTIWORD:
                return PREPOSITIONS[phrase], after, _words(lowered[:i - len(phrase.split()) + 1])
        if word in ("of", "at") and i > 0 and lowered[i - 1] in CUE_NOUNS:
            i -= 2  # "the district of", "the frontier at": part of the name's noun phrase
            after += 2
            continue
        role = _preposition_role(word, trigger)
        if role is not None:
            if any(t.isdigit() for t in lowered[i + 1:]) or \
                    not all(_nominal(t) or t == "of" or t in proper for t in lowered[i + 1:] if t[0].isalpha()):
                return None, after, BLOCKED  # "to make Angora": "to" begins a verb, not a place
            return role, after, _words(lowered[:i])
        if word in ("of", "by", "with", "for", "in", "at", "near", "around"):
            return None, after, BLOCKED
        if word.isalpha() or word in APPOSITION:
            after += word not in ARTICLES and word not in APPOSITION
        i -= 1
    return None, after, 0


def _preposition_role(word: str, trigger: Trigger | None) -> str | None:
    if word in PREPOSITIONS:
        return PREPOSITIONS[word]
    if trigger is None:
        return None
    if word == "of" and trigger.kind in ("occupation", "attack", "withdrawal") and trigger.noun:
        return "reached"  # "occupation of the city of Nakhichevan"
    if trigger.locative and word in LOCATIVE:
        return trigger.locative_role if word in ("in", "at") else LOCATIVE[word]
    if trigger.departure and word in DEPARTURE:
        return DEPARTURE[word]
    return None


def _words(lowered: list[str]) -> int:
    return sum(1 for t in lowered if t[0].isalnum() and t not in ARTICLES)
