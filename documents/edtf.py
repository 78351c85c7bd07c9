"""Dates in the Extended Date/Time Format (EDTF, ISO 8601-2), as exchanged with other tools.

`read_edtf` reads the simplest of them (a day, month or year), as `--date` options are written.
One function, `edtf_of`, gives the EDTF string of any `DateRange`: a day ("1920-08-10"), a
whole month ("1920-08"), a whole year ("1920"), runs of whole months or years
("1920-09/1920-10", "1918/1920") and any other interval day to day ("1920-08-01/1920-08-10").
A date whose year is unknown is written with an unspecified year ("XXXX-04-23", "XXXX-04",
"XXXX-05-21/XXXX-05-31").
"""
from __future__ import annotations

import re
from datetime import date

from documents.calendars import month_end
from documents.errors import DateError
from documents.model import DateRange

UNKNOWN_YEAR = "XXXX"
_DAY_MONTH_OR_YEAR = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?")


def read_edtf(text: str) -> DateRange:
    """Return the DateRange of a day, month or year written YYYY[-MM[-DD]]; DateError if it is not one."""
    match = _DAY_MONTH_OR_YEAR.fullmatch(text.strip())
    if match is None:
        raise DateError(f"{text!r} is not a date written YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if day is not None:
            return DateRange(date(year, month, day), date(year, month, day), text, "day")
        if month is not None:
            return DateRange(date(year, month, 1), month_end(year, month), text, "month")
        return DateRange(date(year, 1, 1), date(year, 12, 31), text, "year")
    except ValueError as err:
        raise DateError(f"{text!r} is not a date: {err}") from None


def edtf_of(span: DateRange) -> str:
    """Return the EDTF string of `span` (its own `edtf` when its year is unknown)."""
    if span.edtf is not None:
        return span.edtf
    return interval(span.earliest, span.latest)


def interval(first: date, last: date, year: str | None = None) -> str:
    """Return the EDTF of the days from `first` to `last`, the coarsest that says exactly that.

    `year` replaces the written year of both ends (UNKNOWN_YEAR for a date without its year).
    """
    def y(day: date) -> str:
        return year or f"{day.year:04d}"

    if first == last:
        return f"{y(first)}-{first.month:02d}-{first.day:02d}"
    whole_months = first.day == 1 and last == month_end(last.year, last.month)
    if whole_months and (first.month, last.month) == (1, 12) and year is None:
        return y(first) if first.year == last.year else f"{y(first)}/{y(last)}"
    if whole_months:
        if (first.year, first.month) == (last.year, last.month):
            return f"{y(first)}-{first.month:02d}"
        return f"{y(first)}-{first.month:02d}/{y(last)}-{last.month:02d}"
    return (f"{y(first)}-{first.month:02d}-{first.day:02d}/"
            f"{y(last)}-{last.month:02d}-{last.day:02d}")


OPEN = ".."   # EDTF's open end: a period still in force, or begun before anything says


def period(first: date | None, last: date | None) -> str | None:
    """Return the EDTF of a period from `first` to `last` whose ends may be open ("1920-08-10/..",
    "../1921-03-16"); None when neither end is known."""
    if first is None and last is None:
        return None
    if first is None or last is None:
        known = first or last
        day = f"{known.year:04d}-{known.month:02d}-{known.day:02d}"
        return f"{day}/{OPEN}" if last is None else f"{OPEN}/{day}"
    return interval(first, last)


def period_of_iso(first: str | None, last: str | None) -> str | None:
    """`period` of two ISO days (as the atlas stores them), either of them None."""
    return period(date.fromisoformat(first) if first else None, date.fromisoformat(last) if last else None)
