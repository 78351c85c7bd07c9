"""Dates as written in documents, read into intervals (`DateRange`).

One set of forms serves both the document's own date line (`parse_date`) and the dates
mentioned in its text (`find_dates`): single dates (`documents.date_forms`) and spans
(`documents.date_spans`). A date without a year takes it from the date written right after it
("12 February and 17 March 1921", "from 24 September to 2 December 1920"), else from the document's date, passed as `context`;
with neither, its year is unknown. Dates relative to the document's ("yesterday") are read too.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from datetime import date

from documents.calendars import julian_to_gregorian
from documents.date_forms import SINGLE_FORMS, WITHIN_A_MONTH, Builder
from documents.date_scan import FormScanner
from documents.date_spans import SPAN_FORMS
from documents.errors import DateError
from documents.model import PRECISIONS, DateRange, FoundDate, WrittenDate
from documents.ottoman_dates import OTTOMAN_FORMS
from documents.relative_dates import WORDED_DATE, relative_dates
from documents.russian_dates import MONTH_CUE, RUSSIAN_FORMS, days_without_month
from documents.yearless import ANY_YEAR, without_year

FORMS: tuple[tuple[re.Pattern, Builder], ...] = SINGLE_FORMS + SPAN_FORMS + RUSSIAN_FORMS + OTTOMAN_FORMS
# All the forms in one pass over a text (compiled when first used).
_SCANNER = FormScanner([pattern for pattern, _ in FORMS])

# Numbers written after these abbreviations are references (No. 03, f. 5, op. 1, p. 1920), not dates.
_REFERENCE = re.compile(r"(?:\bNo|№|§|\bnos?|\bf|\bop|\bd|\bl|\bll|\bp|\bpp|\bdoc|\bArt|\bart)\.?\s*$")
# Numbers followed by a unit are measures ("1920 m", "March 20 versts"), not dates.
_UNIT = re.compile(r"\s*(?:m|km|metres|meters|kilometres|kilometers|ft|feet|miles|versts?|sazhens?|kg|tons|tonnes"
                   r"|poods?|roubles|rubles)\b")
_DIGIT = re.compile(r"\d")
# Old Style markers, English and Russian ("по ст. ст." after a month: "в июле 1918 г. по ст. ст.").
_OS_WORDS = r"(?:O\.\s?S\.|o\.\s?s\.|[Oo]ld [Ss]tyle|(?:по\s+)?ст\.\s*ст\.|по\s+старому\s+стилю)"
_OLD_STYLE = re.compile(r",?\s*(?:\(\s*" + _OS_WORDS + r"\s*\)|" + _OS_WORDS + ")")
_NEW_STYLE = re.compile(r",?\s*(?:\(\s*(?:N\.\s?S\.|[Nn]ew [Ss]tyle)\s*\)|N\.\s?S\.|[Nn]ew [Ss]tyle)")
# What may stand between a date without a year and the dated one it borrows the year from.
_LIST_GAP = re.compile(r"(?:,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&|to|until|till|through)\s+)"
                       r"(?:(?:on|in|by)\s+)?(?:the\s+)?")
# The words _LIST_GAP is made of: a gap never reaches further than a run of them.
_GAP_WORDS = re.compile(r"(?:[\s,&]+|\b(?:and|or|to|until|till|through|on|in|by|the)\b)*")
_PARAGRAPH_BREAK = re.compile(r"(?=\n\n)")


def _old_style(first: date, last: date, text: str) -> tuple[date, date, str, WrittenDate]:
    """Return the Gregorian interval of a Julian one given as (Gregorian-read) dates, a note, and
    the date as written."""
    try:
        earliest = julian_to_gregorian(first.year, first.month, first.day)
        latest = julian_to_gregorian(last.year, last.month, last.day)
    except ValueError as err:
        raise DateError(str(err)) from None
    written = WrittenDate("julian", (first.year, first.month, first.day), (last.year, last.month, last.day))
    return earliest, latest, f"converted from the Julian calendar (O.S. {text})", written


def _candidate(builder, match, text, context) -> FoundDate | None:
    """Return the FoundDate for one match, or None if it is not a readable date."""
    if _REFERENCE.search(text[max(0, match.start() - 6):match.start()]) or _UNIT.match(text, match.end()):
        return None
    try:
        first, last, precision, *noted = builder(match, context)
    except (DateError, ValueError):
        return None
    end, note, calendar = match.end(), (noted[0] if noted else None), (noted[1] if len(noted) > 1 else None)
    old = _OLD_STYLE.match(text, end)
    if old:
        if calendar is None and precision in WITHIN_A_MONTH:
            try:
                first, last, note, calendar = _old_style(first, last, match.group(0))
            except DateError:
                return None
        end = old.end()
    elif new := _NEW_STYLE.match(text, end):
        end = new.end()
    written = text[match.start():end]
    return FoundDate(written, match.start(), end, DateRange(first, last, written, precision, note, written=calendar))


def _candidates(text: str, context: DateRange | None) -> list[FoundDate]:
    """Return every reading of every form in `text`, overlapping ones included."""
    found: list[FoundDate] = []
    if not (_DIGIT.search(text) or WORDED_DATE.search(text) or MONTH_CUE.search(text)):  # most lines hold none
        return found
    yearless, undated = [], []
    for (pattern, builder), matches in zip(FORMS, _SCANNER.matches(text), strict=True):
        for match in matches:
            if "year" in pattern.groupindex and match.group("year") is None:
                yearless.append((builder, match))
            elif candidate := _candidate(builder, match, text, context):
                found.append(candidate)
    if not yearless:
        return found + relative_dates(text, context)
    dated, listed = _Before(text, found), _Listed(text, found)
    # Right to left, so that in "12 February, 3 March and 17 April 1921" each lends to the one before.
    for builder, match in sorted(yearless, key=lambda item: -item[1].start()):
        lender = listed.after(match.end())
        if lender is None and context is None:
            candidate = _in_running_year(builder, match, text, dated.last_before(match.start()))
            if candidate is None:  # reported with its year unknown, never dropped
                undated += filter(None, [without_year(_candidate(builder, match, text, ANY_YEAR))])
        else:
            candidate = _candidate(builder, match, text, lender.range if lender else context)
        if candidate is not None:
            found.append(candidate)
            listed.add(candidate)
    return found + undated + relative_dates(text, context)


def _in_running_year(builder, match, text: str, last: FoundDate | None) -> FoundDate | None:
    """Return the date of `match` in the year the narrative has reached, with a note; None if none.

    Prose without a document date ("In May 1918 ... On 28 May, ...") is dated by `last`, the
    last date before it in its paragraph; a month well before that date's is in the next year
    ("In December 1920 ... on 5 January").
    """
    if last is None or last.range.precision == "years":
        return None
    year = last.range.latest.year
    candidate = _candidate(builder, match, text, _whole_year(year))
    if candidate and last.range.precision != "year" and last.range.latest.month - candidate.range.earliest.month > 6:
        year += 1
        candidate = _candidate(builder, match, text, _whole_year(year))
    if candidate is None:
        return None
    note = f"year {year} taken from the date before it in the text ({last.text})"
    return FoundDate(candidate.text, candidate.start, candidate.end,
                     replace(candidate.range, note=candidate.range.note or note))


def _whole_year(year: int) -> DateRange:
    return DateRange(date(year, 1, 1), date(year, 12, 31), str(year), "year")


class _Before:
    """The dates with a year of a text, sorted by where they end, and where its paragraphs break:
    each look-up is a binary search, so a text's year-less dates cost O(n log n) together."""

    def __init__(self, text: str, dated: list[FoundDate]):
        # by end, then length; among equals the one found first
        order = sorted(range(len(dated)), key=lambda i: (dated[i].end, dated[i].end - dated[i].start, -i))
        self.dated = [dated[i] for i in order]
        self.ends = [f.end for f in self.dated]
        self.breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]

    def last_before(self, pos: int) -> FoundDate | None:
        """Return the date ending last (the longest of those) at or before `pos` in its paragraph."""
        i = bisect_right(self.ends, pos) - 1
        if i < 0:
            return None
        last = self.dated[i]
        k = bisect_right(self.breaks, pos - 2) - 1   # the last paragraph break that ends by `pos`
        return last if k < 0 or self.breaks[k] < last.end else None


class _Listed:
    """The dates with a month found so far, by where they start, for the year-less dates before them."""

    def __init__(self, text: str, found: list[FoundDate]):
        self.text = text
        self.by_start: dict[int, list[tuple[int, FoundDate]]] = {}
        self.count = 0
        for f in found:
            self.add(f)

    def add(self, found: FoundDate) -> None:
        if found.range.precision in WITHIN_A_MONTH:
            self.by_start.setdefault(found.start, []).append((self.count, found))
        self.count += 1

    def after(self, end: int) -> FoundDate | None:
        """Return the longest date with a month that follows `end` in the same list ("…, and 17 March 1921")."""
        reach = _GAP_WORDS.match(self.text, end).end()   # a list's gap is made of these words only
        listed = [(f.end, -i, f) for start in range(end + 1, reach + 1) for i, f in self.by_start.get(start, ())
                  if _LIST_GAP.fullmatch(self.text, end, start)]
        return max(listed, key=lambda item: item[:2], default=(None, None, None))[2]


def find_dates(text: str, context: DateRange | None = None) -> list[FoundDate]:
    """Return the dates written in `text`, in order, with their spans; overlaps keep the longest.

    A date without a year takes it from a date with one listed right after it, else from `context`
    (the document's date), else, in prose without one, from the last date before it in its
    paragraph (with a note saying so); with none of these its year is unknown (`documents.yearless`).
    Dates written relative to `context` ("yesterday", "the 7th inst.") are read by
    `documents.relative_dates`.
    """
    chosen: list[FoundDate] = []
    taken_until = -1
    candidates = _candidates(text, context)
    candidates += days_without_month(text, candidates, context)   # Russian "28-го", "10 числа"
    for found in sorted(candidates, key=lambda f: (f.start, -(f.end - f.start))):
        if found.start >= taken_until:
            chosen.append(found)
            taken_until = found.end
    return chosen


def parse_date(text: str, context: DateRange | None = None) -> DateRange:
    """Return the interval a whole date expression stands for; raise DateError if it is not one
    (or if its year is unknown)."""
    if isinstance(text, date):
        return DateRange(text, text, text.isoformat(), "day")
    written = str(text).strip()
    if not written:
        raise DateError("empty date")
    for wanted in dict.fromkeys((written, written.rstrip(".").strip())):  # "August 10, 1920." too
        whole = [f for f in _candidates(wanted, context)
                 if f.start == 0 and f.end == len(wanted) and f.range.has_year]
        if whole:
            return min(whole, key=_rank).range
    raise DateError(f"cannot read the date {written!r}")


def _rank(found: FoundDate) -> int:
    return PRECISIONS.index(found.range.precision)
