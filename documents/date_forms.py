"""The written forms of one date: a day, a part of a month (a third, a week, a half, a dekada),
a month, a year.

Each form is a regular expression and a builder that turns its match into an interval. The
forms that join two dates or name a vague period (ranges, seasons, parts of a year) are in
`documents.date_spans`; `documents.dates` runs them all over a text.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from documents.calendars import julian_to_gregorian, month_end, month_third
from documents.errors import DateError
from documents.model import DateRange, WrittenDate

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9,
         "X": 10, "XI": 11, "XII": 12}
PARTS = {"early": "early", "beginning of": "early", "the beginning of": "early", "start of": "early",
         "the start of": "early", "mid": "mid", "middle of": "mid", "the middle of": "mid",
         "late": "late", "end of": "late", "the end of": "late"}

# Month names are matched with their capital (so "may be" is not May); abbreviations take a dot.
MONTH_NAMES = (r"January|February|March|April|May|June|July|August|September|October"
               r"|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
MONTH = rf"(?P<month>{MONTH_NAMES})"
FULL_YEAR = r"(?:1[7-9]\d\d|20\d\d)"
YEAR = rf"(?P<year>{FULL_YEAR})"
DAY = r"(?P<day>[0-3]?\d)"
ORD = r"(?:st|nd|rd|th)?"
DASH = r"\s*[–—-]\s*"
PART = r"(?P<part>(?i:early|mid|late|(?:the\s+)?(?:beginning|start|middle|end)\s+of))"

# The precisions of a date whose month is known.
WITHIN_A_MONTH = ("day", "part-of-month", "month")

# A builder returns (earliest, latest, precision) and may add a note, then the date as written in
# another calendar (a WrittenDate).
Builder = Callable[[re.Match, "DateRange | None"], tuple]


def compile_form(pattern: str) -> re.Pattern:
    """Return `pattern` compiled so that it neither starts nor ends inside a word or number."""
    return re.compile(r"(?<![\w./])" + pattern + r"(?![\w]|[./]\d)")


def year_of(match: re.Match, context: DateRange | None, month: int = 1) -> int:
    """Return the year written in `match`, else the one of the neighbouring date `context`."""
    written = match.groupdict().get("year")
    if written:
        return int(written) if len(written) == 4 else 1900 + int(written)  # "22.II.21"
    return context_year(context, month, match.group(0))


def context_year(context: DateRange | None, month: int, text: str) -> int:
    """Return the year of a date in `month` written without one (`text`), taken from `context`."""
    if context is None or context.precision == "years":
        raise DateError(f"no year in {text!r} and no date to take it from")
    year = context.earliest.year
    # A month well after the context's month was most likely in the previous year.
    if (month - context.latest.month) > 6 and context.latest.year == year:
        year -= 1
    return year


def month_of(name: str) -> int:
    """Return the number of a month written by name or abbreviation."""
    return MONTHS[name.rstrip(".").lower()]


def part_of(written: str) -> str:
    """Return "early", "mid" or "late" for a written part of a period ("the beginning of", "Mid")."""
    return PARTS[re.sub(r"[\s-]+", " ", written.lower()).strip()]


def _day(match, context):
    month = month_of(match.group("month"))
    day = int(match.group("day"))
    when = date(year_of(match, context, month), month, day)
    return when, when, "day"


def _double(match, context):
    """Return the Gregorian day of a date written in both calendars: "15 (28) July 1920".

    "12/13 February" with consecutive days is a night (12-13 February), not two calendars.
    """
    month = month_of(match.group("month"))
    groups = match.groupdict()
    second_month = month_of(groups["month2"]) if groups.get("month2") else month
    year = year_of(match, context, month)
    first, second = int(groups["day"]), int(groups.get("day2") or groups.get("day3"))
    if groups.get("day3") and second == first + 1:
        return date(year, month, first), date(year, month, second), "day"
    for (jm, jd), (gm, gd) in (((month, first), (second_month, second)), ((second_month, second), (month, first))):
        try:
            if julian_to_gregorian(year, jm, jd) == date(year, gm, gd):
                note = f"written in both calendars ({match.group(0)}); the Gregorian (New Style) day is used"
                return date(year, gm, gd), date(year, gm, gd), "day", note, WrittenDate("julian", (year, jm, jd), (year, jm, jd))
        except ValueError:
            continue
    raise DateError(f"{match.group(0)!r} is not the same day in both calendars")


def _part_of_month(match, context):
    month = month_of(match.group("month"))
    first, last = month_third(year_of(match, context, month), month, part_of(match.group("part")))
    return first, last, "part-of-month"


# Days of a month named by a part of it: (first day, last day), None for "to the month's end".
MONTH_PIECES = {
    "week": {"first": (1, 7), "second": (8, 14), "third": (15, 21), "fourth": (22, 28), "last": (-6, None)},
    "days": {"first": (1, 10), "last": (21, None)},
    "half": {"first": (1, 15), "second": (16, None), "last": (16, None)},
    "decade": {"first": (1, 10), "second": (11, 20), "third": (21, None), "last": (21, None)},  # Russian dekada
}


def _piece_of_month(match, context):
    """Return "the first week / last days / second half / first decade (ten days) of May 1920"."""
    month = month_of(match.group("month"))
    year = year_of(match, context, month)
    unit = "decade" if match.group("unit").lower() in ("decade", "ten days") else match.group("unit").lower()
    span = MONTH_PIECES[unit].get(match.group("which").lower())
    if span is None:
        raise DateError(f"{match.group(0)!r} names no part of the month")
    end = month_end(year, month)
    first = end.day + span[0] if span[0] < 0 else span[0]
    return date(year, month, first), date(year, month, span[1]) if span[1] else end, "part-of-month"


def _month_year(match, context):
    month = month_of(match.group("month"))
    year = year_of(match, context, month)
    return date(year, month, 1), month_end(year, month), "month"


def _roman(match, context):
    month = ROMAN[match.group("roman")]
    day = int(match.group("day"))
    when = date(year_of(match, context, month), month, day)
    return when, when, "day"


def _numeric(match, context):
    when = date(int(match.group("year")), int(match.group("nmonth")), int(match.group("day")))
    return when, when, "day"


def _iso(match, context):
    year, month = int(match.group("year")), int(match.group("nmonth"))
    if match.group("day"):
        when = date(year, month, int(match.group("day")))
        return when, when, "day"
    return date(year, month, 1), month_end(year, month), "month"


def _year_only(match, context):
    year = int(match.group("year"))
    return date(year, 1, 1), date(year, 12, 31), "year"


_OPTIONAL_YEAR = r"(?:,?\s+" + YEAR + ")?"
# A month named alone is a date after a preposition ("in June", "by March"); elsewhere "March"
# and "May" are as often a verb. Ordinals of the document's month ("on the 28th") and other
# dates relative to the document's are in `documents.relative_dates`.
_BARE_MONTH = (r"(?:" + "|".join(rf"(?<=\b{word}\s)" for word in (
    "in", "In", "by", "By", "of", "since", "Since", "until", "Until", "till", "during", "During", "from",
    "From", "before", "Before", "after", "After"))
    + r")(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)")

# (pattern, builder) for single dates; the longest match starting first wins, so order does not matter.
SINGLE_FORMS: tuple[tuple[re.Pattern, Builder], ...] = tuple(
    (compile_form(pattern), builder) for pattern, builder in (
        (r"(?:(?:[Oo]n\s+)?the\s+(?=[0-3]?\d(?:st|nd|rd|th)))?" + DAY + ORD + r"(?:\s+day)?(?:\s+of)?\s+"
         + MONTH + _OPTIONAL_YEAR, _day),
        (MONTH + r"\s+" + DAY + ORD + r"(?!\d)" + _OPTIONAL_YEAR, _day),
        (DAY + r"\s*(?:\(\s*(?P<day2>[0-3]?\d)\s*\)|/\s*(?P<day3>[0-3]?\d))\s+" + MONTH + _OPTIONAL_YEAR, _double),
        (MONTH + r"\s+" + DAY + r"\s*\(\s*(?P<day2>[0-3]?\d)\s*\)" + _OPTIONAL_YEAR, _double),
        (DAY + r"\s+" + MONTH + r"\s*\(\s*(?P<day2>[0-3]?\d)\s+(?P<month2>" + MONTH_NAMES + r")\s*\)"
         + _OPTIONAL_YEAR, _double),
        (PART + r"[\s-]*" + MONTH + r"(?:,?\s+(?:of\s+)?" + YEAR + ")?", _part_of_month),
        (r"(?P<which>(?i:first|second|third|fourth|last))\s+(?P<unit>week|days|half|decade|ten\s+days)\s+of\s+"
         + MONTH + r"(?:,?\s+(?:of\s+)?" + YEAR + ")?", _piece_of_month),
        (MONTH + r",?\s+(?:of\s+)?" + YEAR, _month_year),
        (DAY + r"\s?[./]\s?(?P<roman>XII|XI|IX|X|VIII|VII|VI|IV|V|III|II|I)"
         + r"(?:(?:\s?[./-]\s?|\s(?=1[7-9]\d\d\b))(?P<year>\d{4}|\d\d))?", _roman),
        (DAY + r"\.(?P<nmonth>[01]?\d)\." + YEAR, _numeric),
        (YEAR + r"-(?P<nmonth>[01]\d)(?:-(?P<day>[0-3]\d))?", _iso),
        (YEAR + r"(?!,\d)", _year_only),
        (_BARE_MONTH + _OPTIONAL_YEAR, _month_year),
    )
)
