"""Which date of its sentence dates a movement: its own clause's, else the sentence's opening one."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from gazetteer.model import DatedSpan
from gazetteer.movements.patterns import NEW_CLAUSE
from gazetteer.movements.steps import Found


def own_dates(text: str, found: Sequence[Found], i: int, dates: Sequence[DatedSpan]) -> list[DatedSpan]:
    """The dates of the sentence that may date `found[i]`.

    Not one in a later clause ("retreated to Darachichag, and in April 1921 Nzhdeh withdrew"),
    nor one in an earlier movement's clause; a date before the sentence's first movement is
    the whole sentence's.
    """
    f = found[i]
    upper = min(found[i + 1].start if i + 1 < len(found) else f.sentence_end, f.sentence_end)
    lower = f.scope_start
    if i > 0:
        boundaries = list(NEW_CLAUSE.finditer(text, found[i - 1].end, f.start))
        lower = boundaries[-1].end() if boundaries else found[i - 1].end
    first = found[0].start
    return [d for d in dates if f.scope_start <= d.start and d.end <= upper
            and (d.start >= lower or d.end <= first)
            and not (d.start >= f.end and NEW_CLAUSE.search(text, f.end, d.start))]


def date_range(f: Found, text: str, dates: Sequence[DatedSpan],
               default_range: tuple[date | None, date | None]) -> tuple[date | None, date | None]:
    """The range of a date in the movement's sentence (nearest one), else the document's.

    A movement of several dated steps ("took Kars on 30 October and Alexandropol on 7 November")
    runs from its first step's date to its last's.
    """
    near = [d for d in dates if f.scope_start <= d.start and d.end <= f.sentence_end]
    if not near:
        return default_range
    inside = [d for d in near if f.start <= d.start and d.end <= f.end + 40 and d.earliest and d.latest]
    if len(inside) >= 2:
        return min(d.earliest for d in inside), max(d.latest for d in inside)
    best = min(near, key=lambda d: abs(d.start - f.cue_start))
    return best.earliest, best.latest
