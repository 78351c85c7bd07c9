"""Dates as written in documents, read into intervals (`DateRange`).

One set of patterns serves both the document's own date line (`parse_date`) and the dates
mentioned in its text (`find_dates`). A date without a year (or, for "on the 8th", without a
month) takes them from the document's date, passed as `context`.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from documents.calendars import julian_to_gregorian, month_end, month_third
from documents.errors import DateError
from documents.model import PRECISIONS, DateRange, FoundDate

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9,
         "X": 10, "XI": 11, "XII": 12}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
PARTS = {"early": "early", "beginning of": "early", "the beginning of": "early", "mid": "mid",
         "middle of": "mid", "the middle of": "mid", "late": "late", "end of": "late",
         "the end of": "late"}

# Month names are matched with their capital (so "may be" is not May); abbreviations take a dot.
_MONTH_NAMES = (r"January|February|March|April|May|June|July|August|September|October"
                r"|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_MONTH = rf"(?P<month>{_MONTH_NAMES})"
_YEAR = r"(?P<year>1[7-9]\d\d|20\d\d)"
_DAY = r"(?P<day>[0-3]?\d)"
_ORD = r"(?:st|nd|rd|th)?"
_DASH = r"\s*[–—-]\s*"

# Numbers written after these abbreviations are references (No. 03, f. 5, op. 1, p. 1920), not dates.
_REFERENCE = re.compile(r"(?:\bNo|№|\bnos?|\bf|\bop|\bd|\bl|\bll|\bp|\bpp|\bdoc|\bArt|\bart)\.?\s*$")
_DIGIT = re.compile(r"\d")
_OLD_STYLE = re.compile(r",?\s*(?:\(\s*(?:O\.\s?S\.|[Oo]ld [Ss]tyle)\s*\)|O\.\s?S\.|[Oo]ld [Ss]tyle)")
_NEW_STYLE = re.compile(r",?\s*(?:\(\s*(?:N\.\s?S\.|[Nn]ew [Ss]tyle)\s*\)|N\.\s?S\.|[Nn]ew [Ss]tyle)")


def _year(match: re.Match, context: DateRange | None, month: int = 1) -> int:
    """Return the year written in `match`, else the one of the document date `context`."""
    written = match.groupdict().get("year")
    if written:
        value = int(written)
        return value if value >= 100 else 1900 + value
    if context is None or context.precision == "years":
        raise DateError(f"no year in {match.group(0)!r} and no document date to take it from")
    year = context.earliest.year
    # A month well after the document's date was most likely in the previous year.
    if (month - context.latest.month) > 6 and context.latest.year == year:
        year -= 1
    return year


def _month(match: re.Match) -> int:
    return MONTHS[match.group("month").rstrip(".").lower()]


def _day_range(match, context):
    month = _month(match)
    year = _year(match, context, month)
    first, last = date(year, month, int(match.group("d1"))), date(year, month, int(match.group("d2")))
    if last < first:
        raise DateError(f"the range {match.group(0)!r} ends before it begins")
    return first, last, "day"


def _day(match, context):
    month = _month(match)
    day = int(match.group("day"))
    when = date(_year(match, context, month), month, day)
    return when, when, "day"


def _double(match, context):
    """Return the Gregorian day of a date written in both calendars: "15 (28) July 1920"."""
    month = _month(match)
    groups = match.groupdict()
    second_month = MONTHS[groups["month2"].rstrip(".").lower()] if groups.get("month2") else month
    year = _year(match, context, month)
    first, second = int(groups["day"]), int(groups.get("day2") or groups.get("day3"))
    for (jm, jd), (gm, gd) in (((month, first), (second_month, second)), ((second_month, second), (month, first))):
        try:
            if julian_to_gregorian(year, jm, jd) == date(year, gm, gd):
                note = f"written in both calendars ({match.group(0)}); the Gregorian (New Style) day is used"
                return date(year, gm, gd), date(year, gm, gd), "day", note
        except ValueError:
            continue
    raise DateError(f"{match.group(0)!r} is not the same day in both calendars")


def _month_range(match, context):
    first_month, last_month = _month(match), MONTHS[match.group("month2").rstrip(".").lower()]
    last_year = int(match.group("year"))
    first_year = int(match.group("y1")) if match.group("y1") else last_year - (first_month > last_month)
    first, last = date(first_year, first_month, 1), month_end(last_year, last_month)
    if last < first:
        raise DateError(f"the range {match.group(0)!r} ends before it begins")
    return first, last, "month"


def _part(match, context):
    month = _month(match)
    part = PARTS[re.sub(r"[\s-]+", " ", match.group("part").lower()).strip()]
    first, last = month_third(_year(match, context, month), month, part)
    return first, last, "part-of-month"


def _month_year(match, context):
    month = _month(match)
    year = _year(match, context, month)
    return date(year, month, 1), month_end(year, month), "month"


def _season(match, context):
    first_month, last_month = SEASONS[match.group("season").lower()]
    year = int(match.group("year"))
    if first_month > last_month:  # winter: December of the year before to February
        return date(year - 1, first_month, 1), month_end(year, last_month), "season"
    return date(year, first_month, 1), month_end(year, last_month), "season"


def _roman(match, context):
    month = ROMAN[match.group("roman")]
    day = int(match.group("day"))
    when = date(_year(match, context, month), month, day)
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


def _years(match, context):
    first, last = match.group("y1"), match.group("y2")
    if len(last) == 2:
        last = first[:2] + last
    if int(last) <= int(first):
        raise DateError(f"the range {match.group(0)!r} ends before it begins")
    return date(int(first), 1, 1), date(int(last), 12, 31), "years"


def _year_only(match, context):
    year = int(match.group("year"))
    return date(year, 1, 1), date(year, 12, 31), "year"


def _nth(match, context):
    if context is None or context.precision not in ("day", "part-of-month", "month"):
        raise DateError(f"{match.group(0)!r} needs a document date with its month")
    day = int(match.group("day"))
    when = date(context.earliest.year, context.earliest.month, day)
    return when, when, "day"


# A builder returns (earliest, latest, precision) and may add a note.
Builder = Callable[[re.Match, "DateRange | None"], tuple]

# (pattern, builder); the longest match starting first wins, so order does not matter.
PATTERNS: tuple[tuple[re.Pattern, Builder], ...] = tuple(
    (re.compile(r"(?<![\w./])" + pattern + r"(?![\w]|[./]\d)"), builder) for pattern, builder in (
        (r"(?:between\s+)?(?P<d1>[0-3]?\d)" + _ORD + r"(?:\s+and\s+|" + _DASH + r")(?P<d2>[0-3]?\d)" + _ORD
         + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + ")?", _day_range),
        (_MONTH + r"\s+(?P<d1>[0-3]?\d)" + _ORD + _DASH + r"(?P<d2>[0-3]?\d)" + _ORD
         + r"(?:,?\s+" + _YEAR + ")?", _day_range),
        (r"(?:(?:[Oo]n\s+)?the\s+(?=[0-3]?\d(?:st|nd|rd|th)))?" + _DAY + _ORD + r"(?:\s+day)?(?:\s+of)?\s+"
         + _MONTH + r"(?:,?\s+" + _YEAR + ")?", _day),
        (_MONTH + r"\s+" + _DAY + _ORD + r"(?!\d)(?:,?\s+" + _YEAR + ")?", _day),
        (_DAY + r"\s*(?:\(\s*(?P<day2>[0-3]?\d)\s*\)|/\s*(?P<day3>[0-3]?\d))\s+" + _MONTH
         + r"(?:,?\s+" + _YEAR + ")?", _double),
        (_MONTH + r"\s+" + _DAY + r"\s*\(\s*(?P<day2>[0-3]?\d)\s*\)(?:,?\s+" + _YEAR + ")?", _double),
        (_DAY + r"\s+" + _MONTH + r"\s*\(\s*(?P<day2>[0-3]?\d)\s+(?P<month2>" + _MONTH_NAMES + r")\s*\)"
         + r"(?:,?\s+" + _YEAR + ")?", _double),
        (r"(?P<part>(?i:early|mid|late|(?:the\s+)?(?:beginning|middle|end)\s+of))[\s-]*" + _MONTH
         + r"(?:,?\s+(?:of\s+)?" + _YEAR + ")?", _part),
        (_MONTH + r",?\s+(?:of\s+)?" + _YEAR, _month_year),
        (_MONTH + r"(?:\s+(?P<y1>1[7-9]\d\d|20\d\d))?" + _DASH + r"(?P<month2>" + _MONTH_NAMES + r")\s+" + _YEAR,
         _month_range),
        (r"(?P<season>(?i:spring|summer|autumn|fall|winter))(?:\s+of)?\s+" + _YEAR, _season),
        (_DAY + r"\s?[./]\s?(?P<roman>XII|XI|IX|X|VIII|VII|VI|IV|V|III|II|I)"
         + r"(?:(?:\s?[./-]\s?|\s(?=1[7-9]\d\d\b))(?P<year>\d{4}|\d\d))?", _roman),
        (_DAY + r"\.(?P<nmonth>[01]?\d)\." + _YEAR, _numeric),
        (_YEAR + r"-(?P<nmonth>[01]\d)(?:-(?P<day>[0-3]\d))?", _iso),
        (r"(?P<y1>1[7-9]\d\d|20\d\d)" + _DASH + r"(?P<y2>1[7-9]\d\d|20\d\d|\d\d)", _years),
        (_YEAR + r"(?!,\d)", _year_only),
        (r"[Oo]n the " + _DAY + r"(?:st|nd|rd|th)(?!\s+(?:day|of)\b)", _nth),
    )
)


def _old_style(first: date, last: date, text: str) -> tuple[date, date, str]:
    """Return the Gregorian interval of a Julian one given as (Gregorian-read) dates, and a note."""
    try:
        earliest = julian_to_gregorian(first.year, first.month, first.day)
        latest = julian_to_gregorian(last.year, last.month, last.day)
    except ValueError as err:
        raise DateError(str(err)) from None
    return earliest, latest, f"converted from the Julian calendar (O.S. {text})"


def _candidate(pattern, builder, match, text, context) -> FoundDate | None:
    """Return the FoundDate for one match, or None if it is not a readable date."""
    if _REFERENCE.search(text[max(0, match.start() - 6):match.start()]):
        return None
    try:
        first, last, precision, *noted = builder(match, context)
    except (DateError, ValueError):
        return None
    end, note = match.end(), (noted[0] if noted else None)
    old = _OLD_STYLE.match(text, end)
    if old:
        if precision in ("day", "part-of-month", "month"):
            try:
                first, last, note = _old_style(first, last, match.group(0))
            except DateError:
                return None
        end = old.end()
    elif new := _NEW_STYLE.match(text, end):
        end = new.end()
    written = text[match.start():end]
    return FoundDate(written, match.start(), end, DateRange(first, last, written, precision, note))


def _candidates(text: str, context: DateRange | None) -> list[FoundDate]:
    found: list[FoundDate] = []
    if not _DIGIT.search(text):  # every written date has a digit; most lines have none
        return found
    for pattern, builder in PATTERNS:
        for match in pattern.finditer(text):
            candidate = _candidate(pattern, builder, match, text, context)
            if candidate is not None:
                found.append(candidate)
    return found


def find_dates(text: str, context: DateRange | None = None) -> list[FoundDate]:
    """Return the dates written in `text`, in order, with their spans; overlaps keep the longest.

    Dates without a year take it from `context` (the document's date); without one they are skipped.
    """
    chosen: list[FoundDate] = []
    taken_until = -1
    for found in sorted(_candidates(text, context), key=lambda f: (f.start, -(f.end - f.start))):
        if found.start >= taken_until:
            chosen.append(found)
            taken_until = found.end
    return chosen


def parse_date(text: str, context: DateRange | None = None) -> DateRange:
    """Return the interval a whole date expression stands for; raise DateError if it is not one."""
    if isinstance(text, date):
        return DateRange(text, text, text.isoformat(), "day")
    written = str(text).strip()
    if not written:
        raise DateError("empty date")
    for wanted in dict.fromkeys((written, written.rstrip(".").strip())):  # "August 10, 1920." too
        whole = [f for f in _candidates(wanted, context) if f.start == 0 and f.end == len(wanted)]
        if whole:
            return min(whole, key=_rank).range
    raise DateError(f"cannot read the date {written!r}")


def _rank(found: FoundDate) -> int:
    return PRECISIONS.index(found.range.precision)
