"""Dates written without a year that nothing dates: reported with what they say, never dropped.

"On April 23", "in June", "March 22nd" in a text with no document date, no dated neighbour to
lend a year and no earlier date in its paragraph are still dates: their interval is unknown
(`earliest`/`latest` None), and their EDTF form keeps the month and day ("XXXX-04-23").
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from documents.edtf import UNKNOWN_YEAR, interval
from documents.model import DateRange, FoundDate

# The year a date without one is read in, to check its day and find its span: a leap year, so
# that "29 February" reads. It never leaves this module.
ANY_YEAR = DateRange(date(2000, 1, 1), date(2000, 12, 31), "2000", "year")
NOTE = "no year in the text and no document date to take it from"


def without_year(found: FoundDate | None) -> FoundDate | None:
    """Return `found`, a date read in ANY_YEAR, as a date whose year is unknown (None for None)."""
    if found is None:
        return None
    span = found.range
    if span.earliest.year != span.latest.year:  # a span across a new year needs its years
        return None
    return replace(found, range=replace(span, earliest=None, latest=None, note=span.note or NOTE,
                                        edtf=interval(span.earliest, span.latest, UNKNOWN_YEAR)))
