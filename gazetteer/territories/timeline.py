"""Pure lookups in a territory's timeline: who claimed it and who held it on a given day.

A timeline is a sequence of `TimelineEntry` (relation "claim" or "control", a party, an
inclusive date interval with open ends as None, and a source). Claims overlap freely:
nothing here picks one owner.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date

from gazetteer.model import TimelineEntry

RELATIONS = ("claim", "control")
# Words of a note that qualify its entry, and must reach whoever sees the claim or control.
CAUTIONS = ("partial", "approximate", "sources disagree", "not ratified", "uncertain", "unverified", "contested")
SOURCE_KINDS = ("document", "reference")
_EDGE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_edge(text: str | None, edge: str) -> date | None:
    """The day a "from"/"to" value stands for: YYYY-MM-DD, or YYYY-MM / YYYY widened to
    the first ("from") or last ("to") day of that month or year; None for an open end.
    Raises ValueError naming the value."""
    if text is None:
        return None
    match = _EDGE.match(str(text).strip())
    if not match:
        raise ValueError(f"{edge} date {text!r} is not YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if day is not None:
            return date(year, month, day)
        if month is not None:
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1 if edge == "from" else last)
        return date(year, 1, 1) if edge == "from" else date(year, 12, 31)
    except ValueError:
        raise ValueError(f"{edge} date {text!r} is not a real date") from None


def in_force(entry: TimelineEntry, day: date) -> bool:
    """True when `day` lies within the entry's interval (both ends inclusive, None open)."""
    return (entry.start is None or entry.start <= day) and (entry.end is None or day <= entry.end)


def entries_on(timeline: Iterable[TimelineEntry], day: date,
               relation: str | None = None) -> tuple[TimelineEntry, ...]:
    """The entries in force on `day` (optionally only claims or only control), in data order."""
    return tuple(e for e in timeline if in_force(e, day) and (relation is None or e.relation == relation))


def parties_on(timeline: Iterable[TimelineEntry], day: date, relation: str) -> tuple[str, ...]:
    """The distinct parties with a `relation` ("claim"/"control") in force on `day`, in data order."""
    return tuple(dict.fromkeys(e.party for e in entries_on(timeline, day, relation)))


def is_disputed(claimants: Iterable[str]) -> bool:
    """True when the claims in force (given by their parties' names) come from more than one party.

    The one meaning of "disputed": the API's `disputed`, the live map's dashed outline, the
    picture's framing and outline all come from it. A party claiming what another holds is not
    enough; that shows as hatching in pictures and in the tooltips, not as a dispute.
    """
    return len(set(claimants)) > 1


def disputed_on(timeline: Iterable[TimelineEntry], day: date) -> bool:
    """True when the territory of `timeline` is disputed (`is_disputed`) on `day`."""
    return is_disputed(parties_on(timeline, day, "claim"))


def turning_points(timeline: Iterable[TimelineEntry]) -> tuple[date, ...]:
    """The sorted days on which some entry begins, or the day after one ends: the days
    on which what is in force can change (for a time slider)."""
    days = set()
    for e in timeline:
        if e.start is not None:
            days.add(e.start)
        if e.end is not None and e.end < date.max:
            days.add(date.fromordinal(e.end.toordinal() + 1))
    return tuple(sorted(days))


def is_partial(note: str | None) -> bool:
    """Return True for an entry over part of its unit only: its note opens "partial" (the data README's rule)."""
    return bool(note) and note.lstrip().lower().startswith("partial")


# Other words a note may use for a caution.
CAUTION_SYNONYMS = {"not ratified": ("never ratified", "unratified"), "sources disagree": ("sources differ",)}


def cautions(note: str | None) -> tuple[str, ...]:
    """Return the cautions a note states ("partial", "approximate", "sources disagree", ...), in CAUTIONS order."""
    lowered = (note or "").lower()
    return tuple(word for word in CAUTIONS
                 if any(form in lowered for form in (word, *CAUTION_SYNONYMS.get(word, ()))))


def source_kind(source: str) -> str:
    """"document" for a corpus reference ("corpus:<file>#<n>" or a document id), else "reference"."""
    return "document" if source.startswith("corpus:") else "reference"
