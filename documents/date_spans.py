"""Written spans of time: ranges between two dates, seasons, parts of a year, decades.

"25 to 28 May 1918", "12 February – 17 March 1921", "September–October 1920", "spring and
summer of 1919", "winter of 1920–21", "late 1918", "the first half of 1920", "1918–20", "the
1920s". The first part of a range takes what it leaves out (year, month) from the second.

A dash makes one span of its two ends. Words ("to", "until", "and") join only a first part
that is not a date by itself (a day number, a bare month or season: "25 to 28 May 1918",
"July and August 1920"); two dates that each name a day, a month with its year, or a year
("from 24 September to 2 December 1920", "between 1918 and 1921") stay two dates, the first
taking a missing year from the second (`documents.dates`), as annotators of prose mark them.

Conventions, where prose is vague:
* early / mid / late (beginning / middle / end of) a month are its thirds (1-10, 11-20, 21-end),
  and of a year its thirds: January-April, May-August, September-December;
* seasons are meteorological: spring March-May, summer June-August, autumn September-November,
  winter December-February;
* "winter of 1920-21" is December 1920 - February 1921; a bare "winter of 1920" is the winter
  whose January and February fall in 1920 (December 1919 - February 1920), with a note saying
  so, since history prose also uses it for the winter that begins in December 1920; after another
  season ("autumn and winter of 1920") it is the winter that follows, December 1920 - February 1921;
* early / mid / late of a season is its first, middle or last month.
"""
from __future__ import annotations

import re
from datetime import date

from documents.calendars import month_end
from documents.date_forms import (
    DASH,
    FULL_YEAR,
    MONTH,
    MONTH_NAMES,
    MONTHS,
    ORD,
    PART,
    SINGLE_FORMS,
    YEAR,
    Builder,
    compile_form,
    context_year,
    month_of,
    part_of,
    year_of,
)
from documents.errors import DateError
from documents.model import PRECISIONS, DateRange

SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
YEAR_THIRDS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}

_TO = r"(?:" + DASH + r"|\s+(?:to|until|till|through)\s+)"
_DAY_MONTH = r"[0-3]?\d" + ORD + r"\s+(?:of\s+)?(?:" + MONTH_NAMES + r")"
_MONTH_DAY = r"(?:" + MONTH_NAMES + r")\s+[0-3]?\d" + ORD + r"(?!\d)"
_DATED = r"(?:" + _DAY_MONTH + "|" + _MONTH_DAY + r")(?:,?\s+" + FULL_YEAR + r")?"
_MONTH_YEAR = r"(?:" + MONTH_NAMES + r"),?\s+(?:of\s+)?" + FULL_YEAR
_SEASON = r"(?i:spring|summer|autumn|fall|winter)"
_PARTED_SEASON = r"(?:(?i:early|mid|late)[\s-]+)?" + _SEASON
_LISTED_SEASON = re.compile(r"(?:(early|mid|late)[\s-]+)?(spring|summer|autumn|fall|winter)", re.IGNORECASE)
_THE = r"(?:the\s+(?=[0-3]?\d(?:st|nd|rd|th)))?"  # "the 11th to the 13th of June"


def _whole(text: str, context: DateRange | None) -> DateRange:
    """Return the interval of `text`, one written date (or a bare month), its gaps filled from `context`."""
    readings = []
    for pattern, builder in SINGLE_FORMS:
        match = pattern.fullmatch(text)
        if match is not None:
            try:
                first, last, precision, *_ = builder(match, context)
            except (DateError, ValueError):
                continue
            readings.append(DateRange(first, last, text, precision))
    if readings:
        return min(readings, key=lambda r: PRECISIONS.index(r.precision))
    if text.rstrip(".").lower() in MONTHS:
        month = month_of(text)
        year = context_year(context, month, text)
        return DateRange(date(year, month, 1), month_end(year, month), text, "month")
    raise DateError(f"cannot read {text!r} as one end of a range")


def _joined(match, context):
    """Return the span from the first to the second date of a range; the first borrows from the second."""
    right = _whole(match.group("right"), context)
    left = _whole(match.group("left"), right)
    if left.earliest > right.latest:
        raise DateError(f"the range {match.group(0)!r} ends before it begins")
    precision = max(left.precision, right.precision, key=PRECISIONS.index)
    return left.earliest, right.latest, precision


def _day_range(match, context):
    month = month_of(match.group("month"))
    year = year_of(match, context, month)
    first, last = date(year, month, int(match.group("d1"))), date(year, month, int(match.group("d2")))
    if last < first:
        raise DateError(f"the range {match.group(0)!r} ends before it begins")
    return first, last, "day"


def _winter(year: int, position: str) -> tuple[date, date]:
    """Return the winter of `year`: the one that ends in it ("ends") or begins in it ("begins")."""
    start = year - 1 if position == "ends" else year
    return date(start, 12, 1), month_end(start + 1, 2)


def _seasons(match, context):
    """Return the span of one or more seasons of a year ("spring and summer of 1919", "winter of 1920/21")."""
    listed = [(part.lower(), name.lower()) for part, name in _LISTED_SEASON.findall(match.group("seasons"))]
    year, second = int(match.group("y1")), match.group("y2")
    if second is not None:
        second_year = int(second) if len(second) == 4 else year // 100 * 100 + int(second)
        if second_year != year + 1:
            raise DateError(f"{match.group(0)!r} is not a winter across two years")
    spans = []
    for i, (part, name) in enumerate(listed):
        if name == "winter":
            first, last = _winter(year, "begins" if second is not None or i > 0 else "ends")
        else:
            first, last = _season_of(name, year)
        spans.append(_part_of_season(first, part) if part else (first, last))
    first, last = min(s[0] for s in spans), max(s[1] for s in spans)
    if second is None and listed[0][1] == "winter" and len(listed) == 1:
        note = (f"the winter of {year} read as December {year - 1} - February {year} "
                f"(the winter whose January falls in {year})")
        return first, last, "season", note
    return first, last, "season"


def _season_of(name: str, year: int) -> tuple[date, date]:
    first, last = SEASONS[name]
    return date(year, first, 1), month_end(year, last)


def _part_of_season(first: date, part: str) -> tuple[date, date]:
    """Return the first, middle or last month of the season that begins on `first`."""
    offset = {"early": 0, "mid": 1, "late": 2}[part]
    month = (first.month - 1 + offset) % 12 + 1
    year = first.year + (first.month + offset > 12)
    return date(year, month, 1), month_end(year, month)


def _part_of_year(match, context):
    year = int(match.group("year"))
    half, months = match.groupdict().get("half"), match.groupdict().get("months")
    if half:
        first, last = (1, 6) if half.lower() == "first" else (7, 12)
    elif months:  # "the first months of 1921" are its early third, "the last months" its late one
        first, last = YEAR_THIRDS["early" if months.lower() in ("first", "opening") else "late"]
    else:
        first, last = YEAR_THIRDS[part_of(match.group("part"))]
    return date(year, first, 1), month_end(year, last), "part-of-year"


def _decade(match, context):
    decade = int(match.group("decade"))
    first, last = DECADE_PARTS[match.group("dpart").lower()] if match.group("dpart") else (0, 9)
    return date(decade + first, 1, 1), date(decade + last, 12, 31), "years"


def _years(match, context):
    first, last = match.group("y1"), match.group("y2")
    if len(last) == 2:
        last = first[:2] + last
    if int(last) <= int(first):
        raise DateError(f"the range {match.group(0)!r} ends before it begins")
    return date(int(first), 1, 1), date(int(last), 12, 31), "years"


_Y1, _Y2 = rf"(?P<y1>{FULL_YEAR})", rf"(?P<y2>{FULL_YEAR}|\d\d)"

# (pattern, builder) for spans; as with single dates, the longest match starting first wins.
SPAN_FORMS: tuple[tuple[re.Pattern, Builder], ...] = tuple(
    (compile_form(pattern), builder) for pattern, builder in (
        (r"(?:between\s+)?" + _THE + r"(?P<d1>[0-3]?\d)" + ORD + r"(?:\s+(?:and|to|until|till|through)\s+|"
         + DASH + ")" + _THE + r"(?P<d2>[0-3]?\d)" + ORD + r"\s+(?:of\s+)?" + MONTH + r"(?:,?\s+" + YEAR + ")?", _day_range),
        (MONTH + r"\s+(?P<d1>[0-3]?\d)" + ORD + _TO + r"(?P<d2>[0-3]?\d)" + ORD + r"(?:,?\s+" + YEAR + ")?",
         _day_range),
        (r"(?P<left>" + _DATED + ")" + DASH + r"(?P<right>" + _DATED + ")", _joined),
        (r"(?P<left>(?:" + MONTH_NAMES + r")(?:,?\s+" + FULL_YEAR + r")?)" + DASH + r"(?P<right>" + _MONTH_YEAR + ")",
         _joined),
        (r"(?:between\s+)?(?P<left>" + MONTH_NAMES + r")(?:" + _TO + r"|\s+and\s+)(?P<right>" + _MONTH_YEAR + ")",
         _joined),
        (r"(?P<seasons>" + _PARTED_SEASON + r"(?:(?:\s*,\s*|\s+and\s+|" + DASH + r"|\s+to\s+)" + _PARTED_SEASON
         + r")*)(?:\s+of)?\s+" + _Y1 + r"(?:\s*[–—/-]\s*" + _Y2 + ")?", _seasons),
        (PART + r"[\s-]*(?:in\s+)?" + YEAR, _part_of_year),
        (r"(?P<half>(?i:first|second|latter))\s+half\s+of\s+" + YEAR, _part_of_year),
        (r"(?P<months>(?i:first|opening|last|final|closing))\s+months\s+of\s+" + YEAR, _part_of_year),
        (r"(?:(?P<dpart>(?i:early|mid|late))[\s-]+)?(?P<decade>1[7-9]\d0)[’']?s", _decade),
        (_Y1 + r"(?:" + DASH + r"|\s*/\s*)" + _Y2, _years),
    )
)
