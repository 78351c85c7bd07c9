"""Telegrams drop the subject and write each step as a sentence of its own: "Arrived Batum 12th.
Proceeding Erivan." The second sentence's movement starts where the first one ended.
"""
from __future__ import annotations

import re
from dataclasses import replace

from gazetteer.movements.patterns import ROLE_RANK
from gazetteer.movements.steps import Found
from gazetteer.movements.waypoints import Attached

# A sentence that opens with its movement word: no subject of its own ("Proceeding Erivan").
_BARE_OPENING = re.compile(r"[\s\"“‘(\[]*(?:(?:then|thence|now|today|to-day|tomorrow|to-morrow|"
                           r"yesterday)\s+)?$", re.I)


def carry_origin(text: str, before: Found | None, found: Found, sentence_start: int) -> Found:
    """`found` with the place `before` reached as its origin, when its sentence has no subject.

    Only a movement with no origin of its own, stated by a verb that opens its sentence, right
    after a sentence whose movement reached a place (no other sentence with a place between),
    continues it; anything else is returned unchanged.
    """
    if before is None or found.actor is not None or found.noun or found.kind == "route":
        return found
    if not _BARE_OPENING.fullmatch(text[sentence_start:found.cue_start]):
        return found
    if any(a.role == "origin" for a in found.attached):
        return found
    if re.search(r"[.;!?]\s*\S[^.;!?]*[.;!?]", text[before.end:sentence_start]):
        return found  # a sentence between: the telegram has moved on
    # Where the mover was last: the place reached, or the one left ("Left Tiflis 3rd. Reached Erivan 5th.")
    been = sorted((a for a in before.attached if a.role != "direction" and a.spot.start >= 0),
                  key=lambda a: (a.step, ROLE_RANK[a.role]))
    if not been or any(a.spot.start == been[-1].spot.start for a in found.attached):
        return found
    return replace(found, attached=(Attached(been[-1].spot, "origin"),) + found.attached)
