"""The date a TEI element states in its attributes: @when, @notBefore/@notAfter, @from/@to."""
from __future__ import annotations

from datetime import date

from documents.calendars import month_end
from documents.dates import parse_date
from documents.edtf import read_edtf
from documents.errors import DateError, DocumentError
from documents.model import DateRange
from documents.tei.parsing import attribute, name, words

ATTRIBUTES = ("when", "notBefore", "notAfter", "from", "to")


def stated_date(element, source: str) -> DateRange | None:
    """Return the interval `element`'s dating attributes state, None when it has none.

    Its text becomes the range's text; when that text reads as the same interval (`parse_date`),
    its reading is kept, with its precision and note. DocumentError names the line of a value
    that is no ISO day, month or year, or an interval that ends before it starts.
    """
    values = {key: attribute(element, key) for key in ATTRIBUTES}
    if not any(values.values()):
        return None
    bounds = {key: _read(value, key, element, source) for key, value in values.items() if value}
    if "when" in bounds:
        first = last = bounds["when"]
    else:
        first = bounds.get("notBefore") or bounds.get("from")
        last = bounds.get("notAfter") or bounds.get("to")
    earliest = first.earliest if first else None
    latest = last.latest if last else None
    if earliest and latest and latest < earliest:
        raise DocumentError(f"<{_tag(element)}> ends ({latest}) before it starts ({earliest})", source,
                            element.sourceline)
    if earliest is None or latest is None:
        raise DocumentError(f"<{_tag(element)}> gives only one end of its interval (@notBefore with "
                            "@notAfter, @from with @to)", source, element.sourceline)
    text = words(element) or values["when"] or f"{earliest}/{latest}"
    return _as_read(text, earliest, latest)


def _read(value: str, key: str, element, source: str) -> DateRange:
    try:
        return read_edtf(value)
    except DateError:
        raise DocumentError(f"<{_tag(element)} {key}={value!r}>: not a date written YYYY, YYYY-MM or YYYY-MM-DD",
                            source, element.sourceline) from None


def _tag(element) -> str:
    return name(element)


def _as_read(text: str, earliest: date, latest: date) -> DateRange:
    """The interval with the text's own reading when the text says the same, else its precision."""
    try:
        read = parse_date(text)
    except DateError:
        read = None
    if read is not None and (read.earliest, read.latest) == (earliest, latest):
        return read
    return DateRange(earliest, latest, text, precision_of(earliest, latest))


def precision_of(earliest: date, latest: date) -> str:
    """How exactly an interval stated by its ends is known (one of documents.model.PRECISIONS)."""
    if earliest == latest:
        return "day"
    whole_month = earliest.day == 1 and latest == month_end(latest.year, latest.month)
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        return "month" if whole_month else "part-of-month"
    if earliest.year == latest.year:
        return "year" if whole_month and (earliest.month, latest.month) == (1, 12) else "part-of-year"
    return "years"
