"""Movements a text states: advances, withdrawals, occupations, attacks, journeys, named routes.

The one entry point, pure (no files, no network):

    find_movements(text: str, mentions: Sequence[Mention], dates: Sequence[DatedSpan] = (),
                   default_range: tuple[date | None, date | None] = (None, None),
                   network: RouteNetwork | None = None) -> list[Movement]

* `text`: the document text the mentions' and dates' offsets refer to (heading, date line, body).
* `mentions`: the geoparser's place mentions; only those with a resolved `place` become waypoints.
* `dates`: dates found in the same text; a date in a movement's sentence dates the movement.
* `default_range`: the document's own (earliest, latest), used when the sentence has no date.
* `network`: `gazetteer.network.load_network()`; with it, paths follow the 1920 roads and
  railways where the waypoints lie on them; without it, paths are straight and approximate.

Each movement's waypoints are in the order of movement (origin, places passed, places
reached, then the direction aimed at), with `kind`, `status` (occurred, under way, ordered,
agreed, proposed, demanded, intended, expected, habitual, "ordered, not secured"), the actor
as the text words it, and the span [start, end) of the text it came from. Negated and hedged
movements ("lacking the means to advance", "if I'm not mistaken ... arrived") and cessions of
territory ("transfer Zangezur to Armenia") are left out.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from .actors import agent_after, has_possessive_before, phrase_after, possessor_before, subject_before
from .modality import status
from .model import DatedSpan, Mention, Movement, Place
from .movement_patterns import (
    AGREEMENT_CONTEXT,
    CESSION,
    CHAIN_JOINER,
    CLAUSE_STOP,
    FORCE_WORDS,
    INFRASTRUCTURE,
    NOT_TRAVEL,
    ROLE_RANK,
    ROUTE_NOUN,
    TERRITORY,
    Trigger,
    any_trigger,
    compile_triggers,
    sentence_spans,
)
from .network import RouteNetwork, draw_path
from .waypoints import Attached, Spot, attach, build_spots

_TRIGGERS = compile_triggers()
_ANY_TRIGGER = any_trigger()
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:\w+ly|not|already|now)\s+)*$", re.I)
_FROM = re.compile(r"\bfrom\b", re.I)
_HALTED = re.compile(r"\b(?:cessation|end|halt|stop|suspension)\s+of\s+(?:the\s+|all\s+)?$", re.I)
_RELATIVE = re.compile(r"\s*,?\s*(?:which|that|who)\s+(?:\w+\s+){0,3}", re.I)  # "Alexandropol, which was"
_LISTED = re.compile(r"\s*(?:(?:in|on|at|by|during)\s+[\w ]{1,25}?)?\s*,\s*(?:and\s+)?", re.I)
# "... retreated to Darachichag, and in April 1921 Nzhdeh withdrew": that date is the later clause's
_NEW_CLAUSE = re.compile(r",\s*(?:and|but|while|whereas|when|after|before|until)\b|[;:]|\s[—–]\s", re.I)
_PASSIVE_SUBJECT = re.compile(r"\s*(?:(?:is|are|was|were|has been|have been|had been|will be|to be|be)\s+)"
                              r"(?:\w+ly\s+)?", re.I)
_SERIES = re.compile(r"[^.;:()]{0,60}\s(?:and|then|and then)(?:\s*,\s*(?:in|on|at|by|during)\s+[\w ]{1,25}?,)?\s+",
                     re.I)  # "sailed ..., shelled the harbour and landed"; "occupied Ardahan and, on 11 March, entered"
_ASIDE = re.compile(r"\([^()\[\].;:\d]{0,40}\)")  # "(now Spitak)", not "(16 versts from Aghdam)"
# "Baku, which they captured": the antecedent of a relative clause is the verb's object.
_ANTECEDENT = re.compile(r"\s*,?\s*(?:which|whom)\s+(?:[\w'’-]+\s+){0,5}$", re.I)
_WHERE = re.compile(r"\s*,?\s*where\s+(?:[\w'’-]+\s+){0,5}$", re.I)
# "Detachments from Karabakh were sent": an origin inside the subject phrase.
_FROM_BEFORE = re.compile(r"\b(?:from|out of)\s+(?:the\s+)?(?:(?:[a-z]+\s+)?(?:district|region|city|town|"
                          r"province|village|area)\s+of\s+)?$", re.I)
_GOVERNED_NAME = re.compile(r"\b(?:from|to|into|towards?|through|via|of|in|at|on|near|for)\s+(?:the\s+)?$", re.I)
_ALONG = re.compile(r"\b(?:along|via|through|by way of|down|up|over|across|by)\s+(?:the\s+)?$", re.I)
_OPENING = re.compile(r"\s*(?:(?:having|after|once|when)\s+)?", re.I)  # a sentence's opening participle
_LIST_GAP = re.compile(r"\s*(?:,|(?:,\s*)?(?:and|or))\s*", re.I)
_SUBJECT_TAIL = re.compile(r"[^,;:.()—–]{0,40}$")
# "met in Tiflis and moved to Erivan": where a first verb happened is where the second starts.
_IN_BEFORE = re.compile(r"\b(?:in|at|near)\s+(?:the\s+)?$", re.I)
_AND_THEN = re.compile(r"[^,;:.()—–]{0,40}?\s(?:and|then|and then|before)\s+"
                       r"(?:(?:then|later|soon|subsequently|eventually|finally)\s+)?$", re.I)
_COORDINATED = re.compile(r"\s*(?:(?:in|on|at|by)\s+[\w ]{1,25}?)?\s*,?\s*(?:and|then|and then)\s+", re.I)
# "the capture", "their advance", "the Turkish advance", "the Red Army's march": a noun, not a verb
_DETERMINED = re.compile(r"(?:\b(?i:the|a|an|their|its|his|her|our|this|further)\s+"
                         r"(?:(?:[A-Z][\w-]*(?:an|ish|ese|ic|i)|Soviet|Red|White|Allied|Bolshevik)\s+)?|"
                         r"['’]s\s+)$")
# A movement noun that is the object of "launched", "began" ...: its actor is that verb's subject.
_GOVERNED = re.compile(r"\b(?:launch|beg[aiu]n|commenc|continu|undert[ao]o?k|resum|open|start|made|make)\w*\s+"
                       r"(?:(?:an?|the|their|its|his|her|our|a new)\s+)?(?:[\w-]+\s+)?$", re.I)


@dataclass(frozen=True)
class _Found:
    """A movement before it is dated and drawn."""

    start: int
    end: int
    kind: str
    status: str
    attached: tuple[Attached, ...]
    actor: str | None
    cue_start: int          # where the words that state it begin (trigger or "from")
    scope_start: int        # where its sentence (or clause after a colon) begins
    sentence_end: int
    noun: bool = False
    continuation: bool = False  # kept only as a further step of a movement before it


def find_movements(text: str, mentions: Sequence[Mention], dates: Sequence[DatedSpan] = (),
                   default_range: tuple[date | None, date | None] = (None, None),
                   network: RouteNetwork | None = None) -> list[Movement]:
    """Return the movements `text` states, in text order (see the module docstring)."""
    spots = build_spots(text, mentions)
    context = _Context(text, spots, [s.start for s in spots], _triggers(text),
                       bool(AGREEMENT_CONTEXT.search(text)), _writer_place(text, spots, dates))
    movements: list[Movement] = []
    for start, end in sentence_spans(text):
        found = _merge(text, _in_sentence(context, start, end))
        for i, f in enumerate(found):
            own = _own_dates(text, found, i, dates)
            movements.append(_movement(text, f, own, default_range, network))
    return movements


@dataclass(frozen=True)
class _Context:
    text: str
    spots: list[Spot]
    starts: list[int]                             # of the spots, for bisection
    triggers: list[tuple[int, int, Trigger]]      # movement words of the whole text
    agreement: bool
    writer: Place | None

    def spots_within(self, start: int, end: int) -> list[Spot]:
        """The spots that lie in text[start:end]."""
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        return [s for s in self.spots[i:j] if s.end <= end]

    def triggers_within(self, start: int, end: int) -> list[tuple[int, int, Trigger]]:
        i = bisect.bisect_left(self.triggers, (start,))
        j = bisect.bisect_left(self.triggers, (end,))
        return [t for t in self.triggers[i:j] if t[1] <= end]


def _in_sentence(ctx: _Context, start: int, end: int) -> list[_Found]:
    """The movements of one sentence: named routes, movement words, then bare from-chains."""
    text = ctx.text
    chains = _dash_chains(text, ctx.spots_within(start, end))
    triggers = ctx.triggers_within(start, end)
    results: list[_Found] = []
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


def _triggers(text: str) -> list[tuple[int, int, Trigger]]:
    """Movement words in `text`, earliest first, none overlapping; the longest (then first) pattern wins."""
    kept: list[tuple[int, int, Trigger]] = []
    pos = 0
    while (hit := _ANY_TRIGGER.search(text, pos)) is not None:
        start = hit.start()
        matches = [(m.end(), -order, trigger) for order, (rx, trigger) in enumerate(_TRIGGERS)
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


def _from_trigger(ctx: _Context, start: int, end: int, t_start: int, t_end: int,
                  trigger: Trigger, stop: int) -> _Found | None:
    """The movement a movement word states, or None if it names no place or is not asserted."""
    text = ctx.text
    scope = _scope_start(text, start, t_start)
    nominal = trigger.noun or bool(_DETERMINED.search(text[max(scope, t_start - 30):t_start]))
    if nominal and not trigger.noun:
        trigger = replace(trigger, noun=True)  # "the capture of Kars": a verb's form used as a noun
    passive = trigger.subject_place or (trigger.object_verb and not trigger.noun
                                        and bool(_PASSIVE.search(text[scope:t_start])))
    attached = attach(text, t_end, stop, ctx.spots_within(t_end, stop), trigger)
    if passive:
        attached = _subject_spots(text, ctx.spots_within(scope, t_start), t_start, trigger.locative) + attached
    elif not nominal:
        attached = _before_verb(ctx, scope, (t_start, t_end), trigger, attached)
    if not attached:
        return None
    if trigger.cession and _ceded(text, scope, (t_start, t_end), attached,
                                  ctx.spots_within(scope, attached[0].spot.start)):
        return None  # a territory handed over, not a movement
    # What is sent is named near the verb ("a telegram was sent", "the report, which was sent").
    if trigger.carries and (NOT_TRAVEL.search(text[max(scope, t_start - 30):max(t_end, attached[0].spot.start)])
                            or INFRASTRUCTURE.search(text[scope:t_start])):
        return None  # a message sent, a railway passing a town: not a traveller
    if _HALTED.search(text[max(scope, t_start - 40):t_start]):
        return None  # "the cessation of military operations against Armenia"
    state = status(text[scope:t_end], ctx.agreement, text[t_start:t_end], nominal)
    if state is None:
        return None
    form = "passive" if passive else "noun" if nominal else "verb"
    actor, actor_start = _actor(text, (scope, end), (t_start, t_end), trigger, form, attached)
    if trigger.mover_not_land and actor is not None and actor_start is not None and (
            TERRITORY.search(actor) or ctx.spots_within(actor_start, actor_start + len(actor))):
        return None  # "Batum and the northern part of Ajaria went to Georgia": a cession
    if text[t_start:t_end].lower().startswith("return") and ctx.writer is not None \
            and all(a.role == "origin" for a in attached):
        # "has not yet returned from Moscow": back to where the document was written.
        attached = attached + [Attached(Spot(-1, -1, (ctx.writer,)), "reached")]
    kind = _kind(trigger, actor)
    after = [a.role for a in attached if a.spot.start >= t_end]
    if kind == "occupation" and after[:1] == ["origin"] and "reached" in after:
        kind = "journey"  # "the ships had been taken from Petrovsk to Enzeli": carried, not captured
    spans = [a.spot for a in attached if a.spot.start >= 0]
    first = min([t_start] + [s.start for s in spans] + ([actor_start] if actor_start is not None and
                                                        actor_start < t_start else []))
    last = max([t_end] + [s.end for s in spans] + ([actor_start + len(actor)] if actor and actor_start else []))
    return _Found(first, last, kind, state, tuple(attached), actor, t_start, scope, end, trigger.noun,
                  trigger.continuation)


def _before_verb(ctx: _Context, scope: int, span: tuple[int, int], trigger: Trigger,
                 attached: list[Attached]) -> list[Attached]:
    """`attached` with the places before an active verb that it governs.

    The antecedent of a relative clause ("Baku, which they captured"), an origin in the subject
    ("detachments from Karabakh were sent into Zangezur") and where a first verb of the same
    subject happened ("met in Tiflis and moved to Erivan").
    """
    text, (t_start, t_end) = ctx.text, span
    clause = max([scope] + [m.end() for m in CLAUSE_STOP.finditer(text, scope, t_start)
                            if m.group().lower() not in ("which", "whom", "where")]
                 + [m.end() for m in _NEW_CLAUSE.finditer(text, scope, t_start)])
    before = ctx.spots_within(scope, t_start)
    if not before or any(t[0] != t_start for t in ctx.triggers_within(before[-1].end, t_end)):
        return attached
    last, gap = before[-1], text[before[-1].end:t_start]
    if trigger.object_verb and _ANTECEDENT.fullmatch(gap):
        return [Attached(last, trigger.object_role)] + attached
    if trigger.locative and _WHERE.fullmatch(gap):
        return [Attached(last, trigger.locative_role)] + attached
    if any(a.role == "origin" for a in attached) or last.start < clause \
            or ctx.triggers_within(clause, t_start):
        return attached
    run = [last]  # "detachments from Daralagyaz, Ashtarak and Garni advanced"
    for s in reversed(before[:-1]):
        if s.start < clause or not _LIST_GAP.fullmatch(text[s.end:run[0].start]):
            break
        run.insert(0, s)
    if _FROM_BEFORE.search(text[max(clause, run[0].start - 60):run[0].start]) and _SUBJECT_TAIL.fullmatch(gap):
        return [Attached(s, "origin") for s in run] + attached
    lead = text[max(clause, last.start - 60):last.start]
    if attached and _IN_BEFORE.search(lead) and _AND_THEN.fullmatch(gap):
        return [Attached(last, "origin")] + attached
    return attached


def _kind(trigger: Trigger, actor: str | None) -> str:
    """The movement's kind: the trigger's, unless who moves says otherwise."""
    if trigger.kind == "journey" and actor and FORCE_WORDS.search(actor):
        # "the arrival of a detachment" is a military move; troops leaving a place withdraw from it
        return "withdrawal" if trigger.object_role == "origin" else "advance"
    if trigger.civil and actor and not FORCE_WORDS.search(actor):
        return "journey"  # "refugees moved from Kars to Alexandropol"
    return trigger.kind


def _ceded(text: str, scope: int, span: tuple[int, int], attached: list[Attached],
           spots: Sequence[Spot]) -> bool:
    """True if what is transferred is territory: a territory word, or a place as the verb's object
    or as the subject of its passive ("Zangezur was transferred"), not a place in an earlier
    clause ("after Tiflis fell, troops were transferred")."""
    t_start, t_end = span
    object_end = max(t_end, attached[0].spot.start)
    clause = max([scope] + [m.end() for m in CLAUSE_STOP.finditer(text, scope, t_end)])
    return bool(TERRITORY.search(text[clause:object_end])) \
        or any(t_end <= s.start and s.end <= object_end for s in spots) \
        or any(_PASSIVE_SUBJECT.fullmatch(text[s.end:t_start]) for s in spots if s.end <= t_start)


def _subject_spots(text: str, before: Sequence[Spot], pos: int, locative: bool = False) -> list[Attached]:
    """The places that are the subject of a passive ("The region of X has been occupied").

    `locative`: the verb takes where it happened ("our mission in the Engelaurt area was attacked").
    """
    chosen: list[Spot] = []
    edge = pos
    for s in reversed(before):
        gap = text[s.end:edge]
        limit = 40 if not chosen else 8
        if len(gap) > limit or (chosen and not re.fullmatch(r"\s*(?:,|,?\s*and|—|–)?\s*", gap)):
            break
        if not chosen and CLAUSE_STOP.search(gap) and not _RELATIVE.fullmatch(gap):
            break
        chosen.insert(0, s)
        edge = s.start
    governed = _GOVERNED_NAME.search(text, max(0, chosen[-1].start - 20), chosen[-1].start) if chosen else None
    if governed and not governed.group().lower().startswith("of") \
            and not (locative and governed.group().lower().startswith(("in", "at", "near"))) \
            and not _RELATIVE.fullmatch(text[chosen[-1].end:pos]):
        return []  # "The plan to march on Erivan was abandoned": Erivan is not what was abandoned
    if chosen and _GOVERNED_NAME.search(text, max(0, chosen[0].start - 20), chosen[0].start):
        chosen = chosen[-1:]  # "fell back from Olti and Kaghizman, and Merdenek was taken": only Merdenek
    return [Attached(s, "reached") for s in chosen]


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


def _route(ctx: _Context, sentence: tuple[int, int], first: int, last: int,
           attached: list[Attached]) -> _Found | None:
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
    return _Found(first, end, "route", state, tuple(attached), None, first, scope, sentence[1])


def _from_chains(ctx: _Context, start: int, end: int, consumed: list[tuple[int, int]],
                 taken: set[int]) -> list[_Found]:
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


def _merge(text: str, found: list[_Found]) -> list[_Found]:
    """Join one mover's consecutive steps into one movement.

    "advance toward Aghdam, occupation of territory up to Yengikend" (a list of movement nouns)
    and "the Turkish army crossed the Arpachay and took Kars" (verbs sharing their subject).
    """
    merged: list[_Found] = []
    for f in found:
        prev = merged[-1] if merged else None
        if prev is not None and f.kind != "route" and prev.kind != "route" and _continues(text, prev, f):
            # Each verb is a step; a list of nouns ("advance toward X, occupation up to Y") is one.
            step = max(a.step for a in prev.attached) + (not f.noun)
            later = tuple(replace(a, step=a.step + step) for a in f.attached)
            merged[-1] = _Found(prev.start, f.end, prev.kind, prev.status, prev.attached + later,
                                prev.actor or f.actor, prev.cue_start, prev.scope_start, prev.sentence_end,
                                prev.noun)
            continue
        merged.append(f)
    return [f for f in merged if not f.continuation]


def _continues(text: str, prev: _Found, f: _Found) -> bool:
    gap = text[prev.end:f.cue_start]
    if prev.actor is None and f.actor is not None and _OPENING.fullmatch(text[prev.scope_start:prev.start]) \
            and re.fullmatch(r"\s*,\s*" + re.escape(f.actor) + r"\s+(?:\w+ly\s+|then\s+)?", gap):
        return True  # "Driven out of Kars, the Armenians regrouped at Alexandropol": one subject
    if f.noun:
        return f.actor is None and bool(_LISTED.fullmatch(gap))
    if f.actor is not None and f.actor == prev.actor and (_LISTED.fullmatch(gap) or _SERIES.fullmatch(gap)):
        return True  # "The Red Army, advancing from Baku, entered Yerevan"; "sailed ..., shelled ... and landed"
    return f.actor in (None, prev.actor) and bool(_COORDINATED.fullmatch(gap))


def _writer_place(text: str, spots: Sequence[Spot], dates: Sequence[DatedSpan]) -> Place | None:
    """The place of writing: a name right before a date in the heading ("Baku, 9 August 1920")."""
    for s in spots:
        if s.start > 800 or len(s.places) != 1:
            continue
        for d in dates:
            if 0 <= d.start - s.end <= 3 and re.fullmatch(r"[,.]?\s*", text[s.end:d.start]):
                return s.places[0]
    return None


def _ordered_places(attached: Sequence[Attached]) -> tuple[Place, ...]:
    """Waypoints in order of movement, without a place repeated next to itself."""
    # Step by step (verb by verb, leg by leg), in each the origin first and the direction last.
    ordered = sorted(attached, key=lambda a: (a.step, ROLE_RANK[a.role]))
    places: list[Place] = []
    for a in ordered:
        for p in a.spot.places:
            if not places or places[-1].id != p.id:
                places.append(p)
    return tuple(places)


def _movement(text: str, f: _Found, dates: Sequence[DatedSpan],
              default_range: tuple[date | None, date | None], network: RouteNetwork | None) -> Movement:
    places = _ordered_places(f.attached)
    earliest, latest = _date_range(f, text, dates, default_range)
    path, approximate = draw_path(places, network)
    return Movement(start=f.start, end=f.end, text=text[f.start:f.end], kind=f.kind, status=f.status,
                    earliest=earliest, latest=latest, waypoints=places, actor=f.actor,
                    path=path, approximate=approximate)


def _own_dates(text: str, found: Sequence[_Found], i: int, dates: Sequence[DatedSpan]) -> list[DatedSpan]:
    """The dates of the sentence that may date `found[i]`.

    Not one in a later clause ("retreated to Darachichag, and in April 1921 Nzhdeh withdrew"),
    nor one in an earlier movement's clause; a date before the sentence's first movement is
    the whole sentence's.
    """
    f = found[i]
    upper = min(found[i + 1].start if i + 1 < len(found) else f.sentence_end, f.sentence_end)
    lower = f.scope_start
    if i > 0:
        boundaries = list(_NEW_CLAUSE.finditer(text, found[i - 1].end, f.start))
        lower = boundaries[-1].end() if boundaries else found[i - 1].end
    first = found[0].start
    return [d for d in dates if f.scope_start <= d.start and d.end <= upper
            and (d.start >= lower or d.end <= first)
            and not (d.start >= f.end and _NEW_CLAUSE.search(text, f.end, d.start))]


def _date_range(f: _Found, text: str, dates: Sequence[DatedSpan],
                default_range: tuple[date | None, date | None]) -> tuple[date | None, date | None]:
    """The range of a date in the movement's sentence (nearest one), else the document's."""
    near = [d for d in dates if f.scope_start <= d.start and d.end <= f.sentence_end]
    if not near:
        return default_range
    best = min(near, key=lambda d: abs(d.start - f.cue_start))
    return best.earliest, best.latest

