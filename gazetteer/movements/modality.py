"""What the words before a movement say about it: occurred, ordered, agreed, intended, ...

The texts state many movements as terms of an agreement, orders or intentions; these are
kept, with their status. Negated, hedged and requested movements get no status at all, and
the caller leaves them out.
"""
from __future__ import annotations

import re

from gazetteer.movements.first_letters import one_search
from gazetteer.movements.patterns import (
    ASKED,
    ASKED_END,
    ASKED_WORD,
    CLAUSE_CUES,
    CUE_CLAUSE_START,
    DENIED_INTENTION,
    NOT_NEGATION,
    STATUS_CUES,
)

_CUES = [(name, re.compile(rx, re.I)) for name, rx in STATUS_CUES]
# Every cue at once: most movements have none before them, and one search says so (each cue
# alone is a pass over the words).
ANY_CUE = re.compile(one_search([rx for _, rx in STATUS_CUES]), re.I)
PAST_FORM = re.compile(r"(?:ed|ew|ook|aken|ent|ft|ized|ied|ught|fled|led|left|went|came|come|fell|fallen|began|begun|held|"
                   r"spread|drove|driven|rode|ran|won|lost|made|pt|wn)$",
                   re.I)
_INFINITIVE = re.compile(r"\bto\s+\S+$", re.I)  # "was forced to retreat": no modal cue, so it happened
_RELATIVE_FACT = re.compile(r",\s*(?:which|who)\s+(?:had|has|have|was|were)\b", re.I)
_LEFT_OUT = ("hedged", "conditional", "negated", "requested", "counterfactual")
_DENIABLE = ("intended", "proposed", "ordered", "demanded")


def status(words: str, agreement: bool, trigger_text: str | None, nominal: bool = False) -> str | None:
    """The status of a movement stated after `words` (ending with its trigger), or None to leave it out.

    The cue nearest the movement wins ("the directive to occupy" -> ordered; "has not yet
    returned" -> expected). Without a cue: a past or participle form, or a noun, has occurred;
    a present form ("herders drive their flocks") is habitual, as is a route named without a
    verb (`trigger_text` None). `agreement`: "shall"/"is to" in a text of terms means agreed.
    """
    # "lost no time in invading": blanked, not cut, so that offsets and lengths stay as they were
    words = NOT_NEGATION.sub(lambda m: " " * len(m.group()), words)
    asked = [m.end() for m in ASKED.finditer(words)] if ASKED_WORD.search(words) else []
    if asked and not ASKED_END.search(words, asked[-1]):
        return None  # "asked ... whether the troops are to be withdrawn": a question, not a statement
    facts = list(_RELATIVE_FACT.finditer(words))
    if facts:  # "Its aim was to recover the ships, which had been taken to Enzeli": taken all the same
        words = words[facts[-1].start():]
    best: tuple[int, int, str, int] | None = None
    first = ANY_CUE.search(words)
    cued = first is not None
    clause = max([0] + [m.start() for m in CUE_CLAUSE_START.finditer(words)]) if cued else 0
    for rank, (name, rx) in enumerate(_CUES if cued else ()):
        # No cue begins before the first place where one of them does: each is looked for from there.
        for m in rx.finditer(words, first.start()):
            if name in CLAUSE_CUES and m.start() < clause:
                continue
            if best is None or (m.end(), -rank) > (best[0], -best[1]):
                best = (m.end(), rank, name, m.start())
    if best is not None:
        name = best[2]
        if name in _LEFT_OUT:
            return None
        if name in _DENIABLE and DENIED_INTENTION.search(words, max(clause, best[3] - 45), best[3]):
            return None  # "it was not part of the plan to attack Kars", "no orders to advance were given"
        if name == "not secured":
            # "failed to retake Kars" is an attempt; "failed to secure the route", an order not carried out
            attempted = trigger_text is not None and re.search(r"\bfail\w* to\s+$", words[:-len(trigger_text)])
            return "intended" if attempted else "ordered, not secured"
        if name == "agreed":
            agreed = agreement or re.search(r"\b(?:agree|undertak)\w*", words[max(0, best[0] - 12):best[0]], re.I)
            return "agreed" if agreed else "ordered"
        return name
    if trigger_text is None:
        return "habitual"
    verb = trigger_text.split()[0] if trigger_text.split() else ""
    if nominal or PAST_FORM.search(verb) or verb.lower().endswith("ing") or _INFINITIVE.search(words):
        return "occurred"
    return "habitual"
