"""Movements a text states: advances, withdrawals, occupations, attacks, journeys, named routes.

The one entry point, pure (no files, no network):

    find_movements(text: str, mentions: Sequence[Mention], dates: Sequence[DatedSpan] = (),
                   default_range: tuple[date | None, date | None] = (None, None),
                   network: RouteNetwork | None = None, lines: bool = True) -> list[Movement]

* `text`: the document text the mentions' and dates' offsets refer to (heading, date line, body).
* `mentions`: the geoparser's place mentions; only those with a resolved `place` become waypoints.
* `dates`: dates found in the same text; a date in a movement's sentence dates the movement.
* `default_range`: the document's own (earliest, latest), used when the sentence has no date.
* `network`: `gazetteer.movements.network.load_network()`; with it, paths follow the 1920 roads and
  railways where the waypoints lie on them; without it, paths are straight and approximate.
* `lines`: False leaves every movement's `path` empty (`approximate` is still said), for a
  caller that never draws them.

Each movement's waypoints are in the order of movement (origin, places passed, places
reached, then the direction aimed at), with `kind`, `status` (occurred, under way, ordered,
agreed, proposed, demanded, intended, expected, habitual, "ordered, not secured"), the actor
as the text words it, and the span [start, end) of the text it came from. Negated and hedged
movements ("lacking the means to advance", "if I'm not mistaken ... arrived") and cessions of
territory ("transfer Zangezur to Armenia") are left out.

Parts: `movement_patterns` (the words), `waypoints` (places after a movement word),
`places_before` (places before it), `actors`, `modality` (status), `movement_steps` (joining
one mover's steps, waypoint order), `telegraphese` (a subjectless telegram step carrying on from
the last), `movement_dates`, `network` (drawing).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from gazetteer.geoparse.russian import has_cyrillic
from gazetteer.model import DatedSpan, Mention, Movement, Place
from gazetteer.movements.actors import (
    agent_after,
    has_possessive_before,
    phrase_after,
    possessor_before,
    subject_before,
)
from gazetteer.movements.dates import date_range, own_dates
from gazetteer.movements.modality import PAST_FORM, status
from gazetteer.movements.network import RouteNetwork, draw_path
from gazetteer.movements.patterns import (
    ABSOLUTE,
    AGREEMENT_CONTEXT,
    CESSION,
    CHAIN_JOINER,
    CLAUSE_STOP,
    FORCE_WORDS,
    INFRASTRUCTURE,
    INFRASTRUCTURE_WORD,
    LINE_OF,
    NOT_TRAVEL,
    QUESTION,
    ROUTE_NOUN,
    TERRITORY,
    Trigger,
    any_trigger,
    compile_triggers,
    sentence_spans,
    triggers_by_letter,
)
from gazetteer.movements.places_before import TextIndex, before_verb, ceded, subject_spots
from gazetteer.movements.russian import russian_movements
from gazetteer.movements.steps import Found, merge, ordered_places
from gazetteer.movements.telegraphese import carry_origin
from gazetteer.movements.waypoints import Attached, Spot, attach, build_spots

_TRIGGERS = compile_triggers()
_ANY_TRIGGER = any_trigger()
_BY_LETTER = triggers_by_letter(_TRIGGERS)
# "was taken", "are also occupied", "is reported occupied" (a dispatch's way of saying it)
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:\w+ly|not|already|now|also|still|again|"
                      r"reported(?:\s+to\s+be)?)\s+)*$", re.I)
_LEFT_AS = re.compile(r"\s+(?:with|within|inside|under|as|to|without|intact|alone)\b", re.I)
_FROM = re.compile(r"\bfrom\b", re.I)
_HALTED = re.compile(r"\b(?:cessation|end|halt|stop|suspension)\s+of\s+(?:the\s+|all\s+)?$", re.I)
_ASIDE = re.compile(r"\([^()\[\].;:\d]{0,40}\)")  # "(now Spitak)", not "(16 versts from Aghdam)"
_ALONG = re.compile(r"\b(?:along|via|through|by way of|down|up|over|across|by)\s+(?:the\s+)?$", re.I)
# "the capture", "their advance", "the Turkish advance", "the Red Army's march": a noun, not a verb
_DETERMINED = re.compile(r"(?:\b(?i:the|a|an|their|its|his|her|our|this|further)\s+"
                         r"(?:(?:[A-Z][\w-]*(?:an|ish|ese|ic|i)|Soviet|Red|White|Allied|Bolshevik)\s+)?|"
                         r"['’]s\s+)$")
# A movement noun that is the object of "launched", "began" ...: its actor is that verb's subject.
_GOVERNED = re.compile(r"\b(?:launch|beg[aiu]n|commenc|continu|undert[ao]o?k|resum|open|start|made|make)\w*\s+"
                       r"(?:(?:an?|the|their|its|his|her|our|a new)\s+)?(?:[\w-]+\s+)?$", re.I)


def find_movements(text: str, mentions: Sequence[Mention], dates: Sequence[DatedSpan] = (),
                   default_range: tuple[date | None, date | None] = (None, None),
                   network: RouteNetwork | None = None, lines: bool = True) -> list[Movement]:
    """Return the movements `text` states, in text order (see the module docstring)."""
    spots = build_spots(text, mentions)
    context = TextIndex(text, spots, [s.start for s in spots], _triggers(text),
                       bool(AGREEMENT_CONTEXT.search(text)), _writer_place(text, spots, dates))
    dates = sorted(dates, key=lambda d: d.start)
    starts = [d.start for d in dates]
    movements: list[Movement] = []
    last: Found | None = None
    for start, end in sentence_spans(text):
        if not _has_spot(context, start, end):
            continue  # every movement attaches a place of its own sentence: none here, so none to find
        found = merge(text, _in_sentence(context, start, end))
        if found:
            found[0] = carry_origin(text, last, found[0], start)  # "Arrived Batum 12th. Proceeding Erivan."
            last = found[-1]
        for i, f in enumerate(found):
            own = own_dates(text, found, i, _dates_within(dates, starts, start, end))
            movements.append(_movement(text, f, own, default_range, network, lines))
    if has_cyrillic(text):
        movements = sorted(movements + russian_movements(text, mentions, dates, default_range, network, lines),
                           key=lambda m: m.start)
    return movements


def _in_sentence(ctx: TextIndex, start: int, end: int) -> list[Found]:
    """The movements of one sentence: named routes, movement words, then bare from-chains."""
    text = ctx.text
    chains = _dash_chains(text, ctx.spots_within(start, end))
    triggers = ctx.triggers_within(start, end)
    results: list[Found] = []
    consumed = [(c[0].start, c[-1].end) for c in chains]
    for i, (t_start, t_end, trigger) in enumerate(triggers):
        # A named route after "along"/"via" is the way this movement goes; otherwise a route of its own.
        routes = [c[0].start for c in chains if c[0].start >= t_end
                  and not _ALONG.search(text, max(t_end, c[0].start - 30), c[0].start)]
        stop = min([end] + [t[0] for t in triggers[i + 1:i + 2]] + routes + [_clause_end(text, t_end, end)])
        consumed.append((t_start, stop))
        found = _from_trigger(ctx, start, end, t_start, t_end, trigger, stop)
        if found is not None:
            results.append(found)
            taken = {a.spot.start for a in found.attached}
            chains = [c for c in chains if c[0].start not in taken]  # "advanced along the Baku–Tiflis railway"
    for chain in chains:
        found = _route(ctx, (start, end), chain[0].start, chain[-1].end, [Attached(s, "via") for s in chain])
        if found is not None:
            results.append(found)
    taken = {a.spot.start for f in results for a in f.attached}
    results += _from_chains(ctx, start, end, consumed, taken)
    return sorted(results, key=lambda f: f.cue_start)


def _has_spot(ctx: TextIndex, start: int, end: int) -> bool:
    """True if a place (a spot) lies in text[start:end]."""
    i = bisect.bisect_left(ctx.starts, start)
    return i < len(ctx.starts) and ctx.spots[i].end <= end


def _dates_within(dates: Sequence[DatedSpan], starts: list[int], start: int, end: int) -> Sequence[DatedSpan]:
    """The dates (sorted, with their `starts`) that begin in text[start:end]."""
    return dates[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]


def _triggers(text: str) -> list[tuple[int, int, Trigger]]:
    """Movement words in `text`, earliest first, none overlapping; the longest (then first) pattern wins."""
    kept: list[tuple[int, int, Trigger]] = []
    pos = 0
    while (hit := _ANY_TRIGGER.search(text, pos)) is not None:
        start = hit.start()
        matches = [(m.end(), -order, trigger) for order, rx, trigger in _BY_LETTER.get(text[start].lower(), ())
                   if (m := rx.match(text, start)) is not None]
        end, _, trigger = max(matches, key=lambda m: (m[0], m[1]))
        kept.append((start, end, trigger))
        pos = end
    return kept


def _clause_end(text: str, pos: int, end: int) -> int:
    """Where the clause that runs on from `pos` ends; a short aside in brackets does not end it."""
    while (m := CLAUSE_STOP.search(text, pos, end)) is not None:
        aside = _ASIDE.match(text, m.start(), end) if m.group() == "(" else None
        if aside is None:
            return m.start()
        pos = aside.end()  # "from Hamamlu (now Spitak) over the Pambak range"
    return end


def _scope_start(text: str, sentence_start: int, pos: int) -> int:
    """Where the status words for a movement at `pos` begin: its sentence, or after a colon."""
    colon = text.rfind(":", sentence_start, pos)
    return colon + 1 if colon >= 0 else sentence_start


def _from_trigger(ctx: TextIndex, start: int, end: int, t_start: int, t_end: int,
                  trigger: Trigger, stop: int) -> Found | None:
    """The movement a movement word states, or None if it names no place or is not asserted."""
    text = ctx.text
    scope = _scope_start(text, start, t_start)
    # "the capture", "the Turkish advance" are nouns; "the British evacuated/left" are verbs all the same
    nominal = trigger.noun or (not PAST_FORM.search(text[t_start:t_end].split()[0])
                               and bool(_DETERMINED.search(text[max(scope, t_start - 30):t_start])))
    if nominal and not trigger.noun:
        trigger = replace(trigger, noun=True)  # "the capture of Kars": a verb's form used as a noun
    absolute = trigger.object_verb and not trigger.noun and bool(ABSOLUTE.search(text[scope:t_start]))
    passive = trigger.subject_place or absolute or (trigger.object_verb and not trigger.noun
                                                    and bool(_PASSIVE.search(text[scope:t_start])))
    attached = attach(text, t_end, stop, ctx.spots_within(t_end, stop), trigger)
    if absolute:  # "With Shusha occupied, the road to Goris lay open": the phrase ends at its comma
        attached = [a for a in attached if "," not in text[t_end:a.spot.start]]
    if passive:
        attached = subject_spots(text, ctx.spots_within(scope, t_start), t_start, trigger.locative) + attached
    elif not nominal:
        attached = before_verb(ctx, scope, (t_start, t_end), trigger, attached)
    if not attached or _not_a_movement(ctx, scope, (t_start, t_end), trigger, attached):
        return None
    if trigger.object_role == "origin" and trigger.departure and attached[0].spot.start >= t_end \
            and _LEFT_AS.match(text, attached[0].spot.end):
        return None  # "left Armenia with little more than Erivan", "leave Karabakh within Azerbaijan"
    state = status(text[scope:t_end], ctx.agreement, text[t_start:t_end], nominal)
    if state is None or QUESTION.search(text, t_end, end):
        return None  # not asserted: hedged, denied, asked
    form = "passive" if passive else "noun" if nominal else "verb"
    actor, actor_start = _actor(text, (scope, end), (t_start, t_end), trigger, form, attached)
    if trigger.mover_not_land and actor is not None and actor_start is not None and (
            TERRITORY.search(actor) or ctx.spots_within(actor_start, actor_start + len(actor))):
        return None  # "Batum and the northern part of Ajaria went to Georgia": a cession
    if actor is not None and not FORCE_WORDS.search(actor) \
            and (INFRASTRUCTURE_WORD.search(actor) or NOT_TRAVEL.search(actor)):
        return None  # "the railway from Baku reached Tiflis", "a wave of strikes swept through Baku"
    if text[t_start:t_end].lower().startswith("return") and ctx.writer is not None \
            and all(a.role == "origin" for a in attached):
        # "has not yet returned from Moscow": back to where the document was written.
        attached = attached + [Attached(Spot(-1, -1, (ctx.writer,)), "reached")]
    kind = _kind(trigger, actor, [a.role for a in attached if a.spot.start >= t_end])
    spans = [a.spot for a in attached if a.spot.start >= 0]
    first = min([t_start] + [s.start for s in spans] + ([actor_start] if actor_start is not None and
                                                        actor_start < t_start else []))
    last = max([t_end] + [s.end for s in spans] + ([actor_start + len(actor)] if actor and actor_start else []))
    return Found(first, last, kind, state, tuple(attached), actor, t_start, scope, end, trigger.noun,
                  trigger.continuation)


def _not_a_movement(ctx: TextIndex, scope: int, span: tuple[int, int], trigger: Trigger,
                    attached: list[Attached]) -> bool:
    """True if the words state a cession, a message or a road, or a halt, not a movement."""
    text, (t_start, t_end) = ctx.text, span
    if trigger.cession and ceded(text, scope, span, attached, ctx.spots_within(scope, attached[0].spot.start)):
        return True  # a territory handed over
    # What is sent is named near the verb ("a telegram was sent", "the report, which was sent").
    if trigger.carries and (NOT_TRAVEL.search(text[max(scope, t_start - 30):max(t_end, attached[0].spot.start)])
                            or INFRASTRUCTURE.search(text[scope:t_start])):
        return True  # a message sent, a railway passing a town: not a traveller
    if LINE_OF.search(text, max(scope, t_start - 40), t_start):
        return True  # "a line of northern advance across the Caucasus": a way, not a movement
    return bool(_HALTED.search(text[max(scope, t_start - 40):t_start]))  # "the cessation of operations"


def _kind(trigger: Trigger, actor: str | None, roles_after: Sequence[str] = ()) -> str:
    """The movement's kind: the trigger's, unless who moves, or where, says otherwise."""
    if trigger.kind == "occupation" and roles_after[:1] == ["origin"] and "reached" in roles_after:
        return "journey"  # "the ships had been taken from Petrovsk to Enzeli": carried, not captured
    if trigger.kind == "journey" and actor and FORCE_WORDS.search(actor) and not trigger.civilian:
        # "the arrival of a detachment" is a military move; troops leaving a place withdraw from it
        return "withdrawal" if trigger.object_role == "origin" else "advance"
    if trigger.civil and actor and not FORCE_WORDS.search(actor):
        return "journey"  # "refugees moved from Kars to Alexandropol"
    return trigger.kind


def _actor(text: str, sentence: tuple[int, int], span: tuple[int, int], trigger: Trigger, form: str,
           attached: list[Attached]) -> tuple[str | None, int | None]:
    """The actor phrase as written and where it starts; `form` is "passive", "noun" or "verb"."""
    (scope, end), (t_start, t_end) = sentence, span
    if trigger.subject_place:
        return phrase_after(text, t_end, end)
    if form == "passive":
        return agent_after(text, t_end, end), None
    if form == "noun":
        spans = [a.spot for a in attached if a.spot.start >= t_end]
        agent = agent_after(text, t_end, spans[0].start if spans else end)
        if agent is None and spans:
            agent = agent_after(text, spans[-1].end, end)  # "occupation of X by Red troops"
        agent = agent or possessor_before(text, t_start)
        if agent is not None or not (has_possessive_before(text, t_start)
                                     or _GOVERNED.search(text[max(scope, t_start - 60):t_start])):
            return agent, None
    owner = possessor_before(text, t_start, adjacent=True)  # "the 11th Army's advance into Armenia"
    if owner is not None:
        return owner, None
    found = subject_before(text, scope, t_start)
    return (found[0], found[1]) if found else (None, None)


def _dash_chains(text: str, inside: Sequence[Spot]) -> list[list[Spot]]:
    """Runs of two or more places joined by dashes ("Shusha–Geryusy–Engelaurt ... route")."""
    chains: list[list[Spot]] = []
    run: list[Spot] = []
    for s in inside:
        if run and CHAIN_JOINER.match(text[run[-1].end:s.start]):
            run.append(s)
            continue
        if len(run) >= 2:
            chains.append(run)
        run = [s]
    if len(run) >= 2:
        chains.append(run)
    return chains


def _route(ctx: TextIndex, sentence: tuple[int, int], first: int, last: int,
           attached: list[Attached]) -> Found | None:
    """A named route (a dash chain or a from-chain), unless hedged or a cession."""
    text = ctx.text
    scope = _scope_start(text, sentence[0], first)
    if CESSION.search(text[scope:first]):
        return None
    state = status(text[scope:first], ctx.agreement, None)
    if state is None:
        return None
    noun = ROUTE_NOUN.match(text[last:last + 20])
    end = last + (noun.end() if noun else 0)
    return Found(first, end, "route", state, tuple(attached), None, first, scope, sentence[1])


def _from_chains(ctx: TextIndex, start: int, end: int, consumed: list[tuple[int, int]],
                 taken: set[int]) -> list[Found]:
    """Routes stated without a movement word: "from Vank through Shusha to Elizavetpol".

    `taken`: where the places already attached to a movement start.
    """
    text, results = ctx.text, []
    for m in _FROM.finditer(text, start, end):
        if any(a <= m.start() < b for a, b in consumed):
            continue
        after = ctx.spots_within(m.end(), end)
        if not after or after[0].start in taken or not re.fullmatch(r"\s*(?:[a-z-]+\s+){0,3}", text[m.end():after[0].start]):
            continue
        stops = list(CLAUSE_STOP.finditer(text, start, m.start()))
        clause = stops[-1].end() if stops else start
        if NOT_TRAVEL.search(text[clause:after[0].start]) or INFRASTRUCTURE.search(text[clause:m.start()]):
            continue  # "the distance from Kars to ...", "a telegram from Tiflis to Moscow"
        first = Attached(after[0], "origin")
        chain = attach(text, after[0].end, _clause_end(text, after[0].end, end), after[1:], None, [first])
        if len(chain) >= 2:
            found = _route(ctx, (start, end), m.start(), chain[-1].spot.end, chain)
            if found is not None:
                results.append(found)
                consumed.append((m.start(), chain[-1].spot.end))
    return results


def _writer_place(text: str, spots: Sequence[Spot], dates: Sequence[DatedSpan]) -> Place | None:
    """The place of writing: a name right before a date in the heading ("Baku, 9 August 1920")."""
    for s in spots:
        if s.start > 800 or len(s.places) != 1:
            continue
        for d in dates:
            if 0 <= d.start - s.end <= 3 and re.fullmatch(r"[,.]?\s*", text[s.end:d.start]):
                return s.places[0]
    return None


def _movement(text: str, f: Found, dates: Sequence[DatedSpan],
              default_range: tuple[date | None, date | None], network: RouteNetwork | None,
              lines: bool = True) -> Movement:
    places = ordered_places(f.attached)
    earliest, latest = date_range(f, text, dates, default_range)
    path, approximate = draw_path(places, network, lines)
    return Movement(start=f.start, end=f.end, text=text[f.start:f.end], kind=f.kind, status=f.status,
                    earliest=earliest, latest=latest, waypoints=places, actor=f.actor,
                    path=path, approximate=approximate)


