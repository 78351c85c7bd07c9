"""Resolution: which place each recognised name means, with the evidence for the choice.

Every candidate gets a score from the evidence: its layer (user > curated > broad > geocoded), a
type cue next to the name ("district", "the city of", "ridge"), its peers (names listed
with it: "Zangezur and Nakhichevan" are regions alike; a dash chain of towns is a route),
the document's region (where its unambiguous places and its place of writing lie), the
document's date against the place's and the name's validity, and, in the broad layer only,
population. Resolution runs twice: the first pass finds the unambiguous places that fix the
document's region, the second uses it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from statistics import median

from gazetteer.geodesy import distance_km
from gazetteer.geoparse.matcher import Hit
from gazetteer.geoparse.neighbours import in_parentheses, list_peers
from gazetteer.geoparse.persons import not_meant
from gazetteer.geoparse.placenames import names_with_key
from gazetteer.model import Candidate, LonLat, Mention, Place
from gazetteer.names.normalize import name_key
from gazetteer.names.stoplists import CUE_KINDS, POLITY_WORDS
from gazetteer.places.index import Gazetteer

FIELD_CENTRE = LonLat(45.5, 40.5)   # the Caucasus: a text with no other clue is about it
LAYER_PRIOR = {"user": 3.0, "curated": 2.5, "broad": 0.0, "geocoded": -0.5}   # LAYERS order
REGION_KINDS = frozenset({"region", "district", "province", "country"})
MAX_CANDIDATES = 5
FOCUS_KM = 60.0
MIN_SURE = 3


@dataclass(frozen=True)
class TextContext:
    """What is known of a text besides its words: its date range and its place of writing."""

    earliest: date | None = None
    latest: date | None = None
    origin: str | None = None

    def years(self) -> tuple[int, int] | None:
        """Return the first and last year of the text's date range (one end serving for a
        missing other), or None for an undated text."""
        if self.earliest is None and self.latest is None:
            return None
        return (self.earliest or self.latest).year, (self.latest or self.earliest).year


@dataclass(frozen=True)
class Evidence:
    """What the text says around one hit, as resolution uses it."""

    key: str
    text: str
    cue: str | None
    peer: str | None       # "region" or "settlement": what the names listed with it are
    focus: LonLat | None
    alias: str | None = None   # the id of the place a name in parentheses beside it means



def score_candidate(place: Place, ev: Evidence, context: TextContext) -> tuple[float, tuple[str, ...]]:
    """Return the score of `place` for one hit and the reasons that make it up."""
    # All but the nearness to the document's region is remembered: the same names on the same
    # evidence recur in both passes and text after text, where only the region differs.
    signature = (id(place), ev.key, ev.text, ev.cue, ev.peer, ev.alias, context.years())
    found = _SCORED.get(signature)
    if found is None or found[0] is not place:
        if len(_SCORED) >= MAX_REMEMBERED:
            _SCORED.clear()
            _SHARED.clear()
        score, reasons, field, penalty, late_reasons = _without_focus(place, ev, context)
        # Held as one object per distinct name, year pair and list of reasons: each text brings its
        # own copies of them, and the remembered scores would otherwise keep every copy alive.
        found = _SCORED[tuple(map(_one_copy, signature))] = (
            place, score, _one_copy(reasons), field, penalty, _one_copy(late_reasons))
    _, score, reasons, field, penalty, late_reasons = found
    reasons = list(reasons)
    score += _nearness(place, ev.focus, field, reasons)
    score += penalty
    return score, (*reasons, *late_reasons)


# Scores kept apart from the region; then forgotten at once. Over 10,000 generated documents in one
# process (bench/resolve_cap.py) caps of 200,000, 50,000 and 20,000 took the same CPU within the
# noise, and the smaller the cap, the less memory (bench/RESULTS.md): the scores that pay are those
# of the same text and of the texts just before it.
MAX_REMEMBERED = 20_000
_SCORED: dict[tuple, tuple] = {}
_SHARED: dict[object, object] = {}   # the one copy of each value the remembered scores hold


def _one_copy(value):
    """Return the copy of `value` the remembered scores already hold (`value` itself at first)."""
    return _SHARED.setdefault(value, value)


def remembered_count() -> int:
    """Return how many scores apart from the region this process remembers (at most MAX_REMEMBERED)."""
    return len(_SCORED)


def _without_focus(place: Place, ev: Evidence, context: TextContext):
    """Return what score_candidate adds up before the nearness to the document's region (score
    and reasons), the broad layer's nearness to the field (None for other layers), and the
    validity's penalty and reasons, which come after it."""
    score = LAYER_PRIOR.get(place.layer, 0.0)
    reasons = [f"{place.layer} layer"]
    if place.layer == "broad":
        if place.kind == "country":
            score += 1.2
            reasons.append("country")
        elif place.population:
            score += 0.15 * math.log10(place.population + 1)
            reasons.append(f"population {place.population:,}")
        if name_key(place.name) == ev.key:   # GeoNames' alternate names are many and noisy
            score += 0.4
            reasons.append("its main name")
    if ev.cue:
        if place.kind in CUE_KINDS.get(ev.cue, ()):
            score += 1.5
            reasons.append(f"cue says {ev.cue}")
        else:
            score -= 1.5
    elif ev.peer and place.kind in CUE_KINDS.get(ev.peer, ()):
        score += 0.6
        reasons.append(f"listed with names of {ev.peer} kind")
    elif place.kind == "settlement":
        score += 0.2  # a bare name shared by a town and its district is the town
    if ev.text in _spellings(place):
        score += 0.3
        reasons.append("exact spelling")
    if ev.alias == place.id:
        score += 4.0
        reasons.append("named beside it in parentheses")
    field = 0.6 * math.exp(-distance_km(place, FIELD_CENTRE) / 1000) \
        if place.layer == "broad" and place.kind != "country" else None
    late: list[str] = []
    penalty = _validity(place, ev.key, context, late)
    return score, tuple(reasons), field, penalty, tuple(late)


def _spellings(place: Place) -> frozenset[str]:
    """Return the place's names as written (a name known only with a qualifier, "Vank
    (Gandzasar)", is not spelt exactly by "Vank": the curator marked it as the lesser one)."""
    found = _SPELLINGS.get(place.id)
    if found is None or found[0] is not place:
        found = _SPELLINGS[place.id] = (place, frozenset([place.name, *(n.toponym for n in place.names)]))
    return found[1]


_SPELLINGS: dict[str, tuple[Place, frozenset[str]]] = {}


def _nearness(place: Place, focus: LonLat | None, field: float | None, reasons: list[str]) -> float:
    """The bonus for lying near the document's region (`focus`), and, for the broad layer, near
    the field (`field`, that part already worked out)."""
    if place.kind == "country":
        return 0.0
    bonus = 0.0
    if focus is not None:
        km = distance_km(place, focus)
        bonus += 1.2 * math.exp(-km / 300)
        if km < 300:
            reasons.append(f"{km:.0f} km from the document's region")
    if field is not None:
        bonus += field
    return bonus


def _validity(place: Place, key: str, context: TextContext, reasons: list[str]) -> float:
    """A penalty when the place, or the name used, did not exist at the document's date."""
    years = context.years()
    if years is None:
        return 0.0
    first, last = years
    penalty = 0.0
    if (place.valid_to is not None and place.valid_to < first) or \
            (place.valid_from is not None and place.valid_from > last):
        penalty -= 1.0
        reasons.append(f"not in existence in {first}")
    names = names_with_key(place, key)
    if names and all((n.valid_to is not None and n.valid_to < first)
                     or (n.valid_from is not None and n.valid_from > last) for n in names):
        penalty -= 0.8
        reasons.append(f"name not in use in {first}")
    return penalty


def resolve(hits: list[Hit], gazetteer: Gazetteer, context: TextContext | None = None) -> list[Mention]:
    """Return one Mention per hit, in order, each with its scored candidates and choice.

    Hits that are persons after all (see `persons`) and names of polities ("Ararat
    Republic") are left out.
    """
    context = context or TextContext()
    places = {key: _unique(gazetteer.places_for_key(key)) for key in {h.key for h in hits if h.key}}
    first = _pass(hits, places, context, focus=None, peers=[None] * len(hits))
    focus = _focus(first, gazetteer, context)
    peers = list_peers(hits, first)
    second = _pass(hits, places, context, focus, peers)
    second, paired = _aliases(hits, places, context, focus, peers, second)
    countries = frozenset(c[0].country_code for c in second if c[0] is not None and c[0].kind == "country")
    region = focus or FIELD_CENTRE
    mentions = []
    memo: dict[tuple, bool] = {}
    for i, (h, (place, *choice, reason)) in enumerate(zip(hits, second, strict=True)):
        if place is None:
            dropped = False
        elif i in paired:   # "Ozurgeti (Makharadze)": a name beside another of its names is a place
            dropped = _polity(place, h)
        else:
            signature = (h.key, h.text, h.before, h.after, h.cue, place.id)
            dropped = memo.get(signature)
            if dropped is None:
                dropped = memo[signature] = _polity(place, h) or bool(
                    not_meant(h, place, context, region, countries))
        if dropped:
            continue
        mentions.append(Mention(h.start, h.end, h.text, place, *choice, h.cue_text, reason))
    return mentions


def _aliases(hits, places, context, focus, peers, choices) -> tuple[list[tuple], set[int]]:
    """Return the choices with "X (Y)" made one place when one name's choice is a candidate of
    the other ("Sisian (Karakilisa)" is Sisian, not Vanadzor, another Karakilisa), and the
    indices of the hits so paired."""
    choices, paired = list(choices), set()
    for i in range(len(hits) - 1):
        a, b = hits[i], hits[i + 1]
        pa, pb = choices[i][0], choices[i + 1][0]
        if pa is None or pb is None or not in_parentheses(a, b):
            continue
        if pa.id != pb.id:
            ids_a = {p.id for p in places[a.key]}
            ids_b = {p.id for p in places[b.key]}
            a_fits, b_fits = pa.id in ids_b, pb.id in ids_a
            if a_fits and (not b_fits or len(ids_a) <= len(ids_b)):
                j, alias = i + 1, pa.id
            elif b_fits:
                j, alias = i, pb.id
            else:
                continue
            h = hits[j]
            choices[j] = _choose(places[h.key], Evidence(h.key, h.text, h.cue, peers[j], focus, alias), context)
        paired.update((i, i + 1))
    return choices, paired


def _unique(places: list[Place]) -> list[Place]:
    seen, out = set(), []
    for p in places:
        if p.id not in seen:
            seen.add(p.id)
            out.append(p)
    return out


def _pass(hits, places, context, focus, peers) -> list[tuple]:
    """Return (place, score, candidates, reason) per hit; the same evidence is scored once."""
    memo: dict[tuple, tuple] = {}
    choices = []
    for hit, peer in zip(hits, peers, strict=True):
        if hit.key is None:
            choices.append((None, 0.0, (), f"not in the gazetteer; next to '{hit.cue_text}'"))
            continue
        signature = (hit.key, hit.text, hit.cue, peer)
        choice = memo.get(signature)
        if choice is None:
            choice = memo[signature] = _choose(places[hit.key], Evidence(*signature, focus), context)
        choices.append(choice)
    return choices


def rank_candidates(places: list[Place], ev: Evidence, context: TextContext) -> list[Candidate]:
    """Return every place as a Candidate, best first; scores are shares that sum to 1."""
    scored = sorted(((score_candidate(p, ev, context), p) for p in places), key=lambda item: -item[0][0])
    if not scored:
        return []
    top = scored[0][0][0]
    weights = [math.exp(s - top) for (s, _), _ in scored]
    total = sum(weights)
    return [Candidate(p, round(w / total, 3), reasons)
            for w, ((_, reasons), p) in zip(weights, scored, strict=True)]


def _choose(places: list[Place], ev: Evidence, context: TextContext):
    """Return (place, score, candidates, reason) for one piece of evidence."""
    candidates = tuple(rank_candidates(places, ev, context)[:MAX_CANDIDATES])
    if not candidates:
        return None, 0.0, (), "no candidate"
    best = candidates[0]
    return best.place, best.score, candidates, "; ".join(best.reasons)


def _focus(choices: list[tuple], gazetteer: Gazetteer, context: TextContext) -> LonLat | None:
    """Return the median point of the document's unambiguous places and its place of writing.

    A name is unambiguous when it scores high; in a text with fewer than MIN_SURE of those,
    also when all its likely candidates lie close together (Sisian the town and the district).
    """
    areas: dict[int, bool] = {}   # choices of the same evidence share their candidates tuple
    located = [(place, score >= 0.8) for place, score, candidates, _ in choices if place is not None
               and place.kind != "country" and place.layer != "broad"
               and (score >= 0.8 or _one_area(place, candidates, areas))]
    points = [place for place, sure in located if sure]
    if len(points) < MIN_SURE:   # a short text: names whose candidates lie together count too
        points = [place for place, _ in located]
    if context.origin:
        origin = next((p for p in gazetteer.lookup(context.origin) if p.kind != "country"), None)
        if origin is not None:
            points.append(origin)
    if not points:
        return None
    return LonLat(median(p.lon for p in points), median(p.lat for p in points))


def _one_area(place: Place, candidates: tuple[Candidate, ...], memo: dict[int, bool]) -> bool:
    """Return True when every candidate of a fair share lies within FOCUS_KM of `place`."""
    found = memo.get(id(candidates))
    if found is None:
        found = memo[id(candidates)] = all(distance_km(place, c.place) <= FOCUS_KM
                                           for c in candidates if c.score >= 0.15)
    return found


def _polity(place: Place | None, hit: Hit) -> bool:
    """'Ararat Republic': a town or mountain name before 'Republic' names another polity."""
    return hit.after in POLITY_WORDS and place is not None and place.kind not in REGION_KINDS
