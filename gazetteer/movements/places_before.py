"""The places before a movement word that it governs, and the index of a text's places and words.

A movement word usually takes its places after it ("retreated from Kars to Alexandropol"); these
are the ones before it: the subject of a passive ("Kars was taken"), the antecedent of a relative
clause ("Baku, which they captured"), an origin in the subject ("detachments from Karabakh were
sent"), where a first verb happened ("met in Tiflis and moved to Erivan"), and whether what a
transfer moves is territory (a cession, not a movement).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from gazetteer.model import Place
from gazetteer.movements.patterns import CLAUSE_STOP, FORCE_WORDS, NEW_CLAUSE, TERRITORY, Trigger
from gazetteer.movements.waypoints import Attached, Spot

_RELATIVE = re.compile(r"\s*,?\s*(?:which|that|who)\s+(?:\w+\s+){0,3}", re.I)  # "Alexandropol, which was"
_PASSIVE_SUBJECT = re.compile(r"\s*(?:(?:is|are|was|were|has been|have been|had been|will be|to be|be)\s+)"
                              r"(?:\w+ly\s+)?", re.I)
# "Baku, which they captured": the antecedent of a relative clause is the verb's object.
_ANTECEDENT = re.compile(r"\s*,?\s*(?:which|whom)\s+(?:[\w'’-]+\s+){0,5}$", re.I)
_WHERE = re.compile(r"\s*,?\s*where\s+(?:[\w'’-]+\s+){0,5}$", re.I)
# "Detachments from Karabakh were sent": an origin inside the subject phrase.
_FROM_BEFORE = re.compile(r"\b(?:from|out of)\s+(?:the\s+)?(?:(?:[a-z]+\s+)?(?:district|region|city|town|"
                          r"province|village|area)\s+of\s+)?$", re.I)
_GOVERNED_NAME = re.compile(r"\b(?:from|to|into|towards?|through|via|of|in|at|on|near|for)\s+(?:the\s+)?$", re.I)
_LIST_GAP = re.compile(r"\s*(?:,|(?:,\s*)?(?:and|or))\s*", re.I)
_SUBJECT_TAIL = re.compile(r"[^,;:.()—–]{0,40}$")
# "met in Tiflis and moved to Erivan": where a first verb happened is where the second starts.
_IN_BEFORE = re.compile(r"\b(?:in|at|near)\s+(?:the\s+)?$", re.I)
# "The garrison in Kars was withdrawn", "our troops who were sent to Baku were withdrawn": a force
# placed in the subject is where a withdrawal starts.
_FORCE_AT = re.compile(r"\b(?:in|at|to)\s+(?:the\s+)?$", re.I)
_AND_THEN = re.compile(r"[^,;:.()—–]{0,40}?\s(?:and|then|and then|before)\s+"
                       r"(?:(?:then|later|soon|subsequently|eventually|finally)\s+)?$", re.I)


@dataclass(frozen=True)
class TextIndex:
    """A text's places (spots) and movement words, found once and looked up by position."""

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
        """The movement words that lie in text[start:end]."""
        i = bisect.bisect_left(self.triggers, (start,))
        j = bisect.bisect_left(self.triggers, (end,))
        return [t for t in self.triggers[i:j] if t[1] <= end]


def before_verb(ctx: TextIndex, scope: int, span: tuple[int, int], trigger: Trigger,
                attached: list[Attached]) -> list[Attached]:
    """`attached` with the places before an active verb that it governs.

    The antecedent of a relative clause ("Baku, which they captured"), an origin in the subject
    ("detachments from Karabakh were sent into Zangezur") and where a first verb of the same
    subject happened ("met in Tiflis and moved to Erivan").
    """
    text, (t_start, t_end) = ctx.text, span
    clause = max([scope] + [m.end() for m in CLAUSE_STOP.finditer(text, scope, t_start)
                            if m.group().lower() not in ("which", "whom", "where")]
                 + [m.end() for m in NEW_CLAUSE.finditer(text, scope, t_start)])
    before = ctx.spots_within(scope, t_start)
    if not before or any(t[0] != t_start for t in ctx.triggers_within(before[-1].end, t_end)):
        return attached
    last, gap = before[-1], text[before[-1].end:t_start]
    if trigger.object_verb and _ANTECEDENT.fullmatch(gap):
        return [Attached(last, trigger.object_role)] + attached
    if trigger.locative and _WHERE.fullmatch(gap):
        return [Attached(last, trigger.locative_role)] + attached
    if trigger.kind == "withdrawal" and not attached and _SUBJECT_TAIL.fullmatch(gap) \
            and _FORCE_AT.search(text, max(scope, last.start - 12), last.start) \
            and FORCE_WORDS.search(text, max(scope, last.start - 50), last.start):
        return [Attached(last, "origin")]
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


def ceded(text: str, scope: int, span: tuple[int, int], attached: list[Attached],
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


def subject_spots(text: str, before: Sequence[Spot], pos: int, locative: bool = False) -> list[Attached]:
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
