"""Calendar arithmetic: month lengths, thirds of a month, Julian (Old Style) to Gregorian."""
from __future__ import annotations

import calendar
from datetime import date


def month_end(year: int, month: int) -> date:
    """Return the last day of `month` in the Gregorian calendar."""
    return date(year, month, calendar.monthrange(year, month)[1])


def julian_month_length(year: int, month: int) -> int:
    """Return the number of days of `month` in the Julian calendar (every fourth year is leap)."""
    if month == 2:
        return 29 if year % 4 == 0 else 28
    return calendar.monthrange(2001, month)[1]


def julian_to_gregorian(year: int, month: int, day: int) -> date:
    """Return the Gregorian date of the Julian (Old Style) date `day.month.year`.

    Goes through the Julian Day Number, so Julian-only days such as 29 February 1900 work;
    raises ValueError for a day the Julian month does not have.
    """
    if not 1 <= month <= 12 or not 1 <= day <= julian_month_length(year, month):
        raise ValueError(f"no such day in the Julian calendar: {day}.{month}.{year}")
    a = (14 - month) // 12
    y = year + 4800 - a
    m = month + 12 * a - 3
    jdn = day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    # date.fromordinal(1) is 1 January 1 (proleptic Gregorian), Julian Day Number 1721426.
    return date.fromordinal(jdn - 1721425)


def gregorian_to_julian(value: date) -> tuple[int, int, int]:
    """Return (year, month, day) of the Julian calendar for a Gregorian date."""
    jdn = value.toordinal() + 1721425
    c = jdn + 32082
    d = (4 * c + 3) // 1461
    e = c - 1461 * d // 4
    m = (5 * e + 2) // 153
    day = e - (153 * m + 2) // 5 + 1
    month = m + 3 - 12 * (m // 10)
    year = d - 4800 + m // 10
    return year, month, day


def month_third(year: int, month: int, part: str) -> tuple[date, date]:
    """Return the first and last day of the early (1-10), mid (11-20) or late (21-end) third."""
    if part == "early":
        return date(year, month, 1), date(year, month, 10)
    if part == "mid":
        return date(year, month, 11), date(year, month, 20)
    return date(year, month, 21), month_end(year, month)
