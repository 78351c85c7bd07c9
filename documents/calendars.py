"""Calendar arithmetic: month lengths, thirds of a month, and the calendars documents of the period
are dated in (Julian or Old Style, Ottoman Rumi, tabular Hijri) to the Gregorian one.

Every conversion goes through the Julian Day Number, as the published converters do."""
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


# The Rumi calendar followed the Julian days until 15 Şubat 1332 (28 February 1917), which was
# followed by 1 Mart 1333 (1 March 1917); from 1 January 1918 (1 Kânunusani 1334) its year
# began in January, so that from then on a Rumi year is the Gregorian year less 584.
RUMI_OFFSET = 584
_RUMI_GREGORIAN_FROM = 1333
_RUMI_JANUARY_FROM = 1334


def rumi_to_gregorian(year: int, month: int, day: int) -> date:
    """Return the Gregorian date of the Rumi (Ottoman civil) date `day.month.year`.

    `month` is the number of the Julian month the Rumi month stands for (Mart 3, Kânunusani 1,
    Şubat 2). Before 1 Mart 1333 the days are Julian ones and the year began in March, so
    Kânunusani and Şubat of year Y fell in Julian year Y + 585; raises ValueError for a day the
    calendar did not have (Şubat 1332 after the 15th, Kânunusani or Şubat 1333).
    """
    if year >= _RUMI_JANUARY_FROM or (year == _RUMI_GREGORIAN_FROM and month >= 3):
        return date(year + RUMI_OFFSET, month, day)
    if year == _RUMI_GREGORIAN_FROM or (year == _RUMI_GREGORIAN_FROM - 1 and month == 2 and day > 15):
        raise ValueError(f"no such day in the Rumi calendar: {day}.{month}.{year}")
    return julian_to_gregorian(year + RUMI_OFFSET + (1 if month < 3 else 0), month, day)


def rumi_month_length(year: int, month: int) -> int:
    """Return the number of days of a Rumi month (see `rumi_to_gregorian` for the numbering)."""
    if year >= _RUMI_JANUARY_FROM or (year == _RUMI_GREGORIAN_FROM and month >= 3):
        return calendar.monthrange(year + RUMI_OFFSET, month)[1]
    if year == _RUMI_GREGORIAN_FROM - 1 and month == 2:
        return 15
    return julian_month_length(year + RUMI_OFFSET + (1 if month < 3 else 0), month)


# The tabular (arithmetic) Islamic calendar: 30-year cycles with 11 leap years, epoch 1 Muharram 1
# = Julian Day 1948440 (16 July 622, Julian). The months the documents name began on the evening
# the new crescent was seen, which can fall a day or two from the table's day.
HIJRI_EPOCH = 1948440
HIJRI_SLACK_DAYS = 2


def hijri_month_length(year: int, month: int) -> int:
    """Return 30 or 29: odd months have 30 days, even ones 29, the last 30 in a leap year."""
    if month % 2 == 1 or (month == 12 and (14 + 11 * year) % 30 < 11):
        return 30
    return 29


def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """Return the Gregorian date of a day of the tabular Islamic calendar (see HIJRI_SLACK_DAYS)."""
    if not 1 <= month <= 12 or not 1 <= day <= hijri_month_length(year, month):
        raise ValueError(f"no such day in the Hijri calendar: {day}.{month}.{year}")
    jdn = day + (59 * (month - 1) + 1) // 2 + (year - 1) * 354 + (3 + 11 * year) // 30 + HIJRI_EPOCH - 1
    return date.fromordinal(jdn - 1721425)
