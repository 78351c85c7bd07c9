"""One movement's steps: a movement found but not yet dated or drawn, the joining of one mover's
consecutive steps ("crossed the Arpachay and took Kars") and the order of its waypoints.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from gazetteer.model import Place
from gazetteer.movements.patterns import PRONOUNS, PURPOSE_GAP, ROLE_RANK, TIME_GAP
from gazetteer.movements.waypoints import Attached

_LISTED = re.compile(r"\s*(?:(?:in|on|at|by|during)\s+[\w ]{1,25}?)?\s*,\s*(?:and\s+)?", re.I)
_SERIES = re.compile(r"[^.;:()]{0,60}\s(?:and|then|and then)(?:\s*,\s*(?:in|on|at|by|during)\s+[\w ]{1,25}?,)?\s+",
                     re.I)  # "sailed ..., shelled the harbour and landed"; "occupied Ardahan and, on 11 March, entered"
# "crossed the Azerbaijan frontier and is marching on Kazakh": the place's noun may come before "and"
_COORDINATED = re.compile(r"(?:\s+(?:frontier|border|river|pass|valley|railway|line|range|ridge)s?)?"
                          r"\s*(?:(?:in|on|at|by)\s+[\w ]{1,25}?)?\s*,?\s*(?:and|then|and then)\s+"
                          # "have evacuated Sarikamish and are now retiring on Kars": the same subject
                          r"(?:(?:is|are|was|were|has|have|had|been|being|now|also)\s+)*", re.I)
_OPENING = re.compile(r"\s*(?:(?:having|after|once|when)\s+)?", re.I)  # a sentence's opening participle


@dataclass(frozen=True)
class Found:
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


def merge(text: str, found: list[Found]) -> list[Found]:
    """Join one mover's consecutive steps into one movement.

    "advance toward Aghdam, occupation of territory up to Yengikend" (a list of movement nouns)
    and "the Turkish army crossed the Arpachay and took Kars" (verbs sharing their subject).
    """
    merged: list[Found] = []
    for f in found:
        prev = merged[-1] if merged else None
        if prev is not None and f.kind != "route" and prev.kind != "route" and _continues(text, prev, f):
            # Each verb is a step; a list of nouns ("advance toward X, occupation up to Y") is one.
            step = max(a.step for a in prev.attached) + (not f.noun)
            later = tuple(replace(a, step=a.step + step) for a in f.attached)
            merged[-1] = Found(prev.start, f.end, prev.kind, prev.status, prev.attached + later,
                               prev.actor or f.actor, prev.cue_start, prev.scope_start, prev.sentence_end,
                               prev.noun)
            continue
        merged.append(f)
    return [f for f in merged if not f.continuation]


def _continues(text: str, prev: Found, f: Found) -> bool:
    gap = text[prev.end:f.cue_start]
    if prev.actor is None and f.actor is not None and _OPENING.fullmatch(text[prev.scope_start:prev.start]) \
            and re.fullmatch(r"\s*,\s*" + re.escape(f.actor) + r"\s+(?:\w+ly\s+|then\s+)?", gap):
        return True  # "Driven out of Kars, the Armenians regrouped at Alexandropol": one subject
    if f.noun:
        return f.actor is None and bool(_LISTED.fullmatch(gap))
    if f.actor is not None and f.actor == prev.actor and (_LISTED.fullmatch(gap) or _SERIES.fullmatch(gap)):
        return True  # "The Red Army, advancing from Baku, entered Yerevan"; "sailed ..., shelled ... and landed"
    if f.actor in (None, prev.actor) and not prev.noun and (TIME_GAP.fullmatch(gap) or _comma_only(gap)):
        return True  # telegraphese: "arrived at Batum Saturday morning, August 21, reached Tiflis, ..."
    if (f.actor in (None, prev.actor) or f.actor.lower() in PRONOUNS | {"them", "him", "her"}) \
            and PURPOSE_GAP.fullmatch(gap):
        return True  # "sent from France to have them land at Batoum": the purpose is the next step
    return f.actor in (None, prev.actor) and bool(_COORDINATED.fullmatch(gap))


def _comma_only(gap: str) -> bool:
    return bool(re.fullmatch(r"\s*,\s*", gap))


def ordered_places(attached: Sequence[Attached]) -> tuple[Place, ...]:
    """Waypoints in order of movement, without a place repeated next to itself."""
    # Step by step (verb by verb, leg by leg), in each the origin first and the direction last.
    ordered = sorted(attached, key=lambda a: (a.step, ROLE_RANK[a.role]))
    places: list[Place] = []
    for a in ordered:
        for p in a.spot.places:
            if not places or places[-1].id != p.id:
                places.append(p)
    return tuple(places)
