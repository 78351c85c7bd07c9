"""Dates the way dispatches write them: without a year, relative to the document's date, and as EDTF."""
from __future__ import annotations

from datetime import date

import edtf
import pytest

from documents.dates import find_dates
from documents.edtf import edtf_of, read_edtf
from documents.errors import DateError
from documents.model import DateRange


def ctx(written: str, precision: str = "day") -> DateRange:
    return read_edtf(written) if precision != "day" else DateRange(
        date.fromisoformat(written), date.fromisoformat(written), written, "day")


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


@pytest.mark.parametrize(("text", "written", "expected"), [
    ("On April 23 the column left.", "April 23", "XXXX-04-23"),
    ("They arrived in June.", "June", "XXXX-06"),
    ("March 22nd", "March 22nd", "XXXX-03-22"),
    ("by the 29th of February", "the 29th of February", "XXXX-02-29"),   # read in a leap year: it may be one
    ("in early June the line held", "early June", "XXXX-06-01/XXXX-06-10"),
    ("fought from 5 to 7 June", "5 to 7 June", "XXXX-06-05/XXXX-06-07"),
    ("the first week of May", "first week of May", "XXXX-05-01/XXXX-05-07"),
])
def test_a_date_without_a_year_and_nothing_to_date_it_is_reported_with_its_year_unknown(text, written, expected):
    (found,) = find_dates(text)
    assert (found.text, found.range.earliest, found.range.latest) == (written, None, None)
    assert edtf_of(found.range) == expected
    assert edtf.parse_edtf(expected)          # a string other tools can read
    assert "no year" in found.range.note and text[found.start:found.end] == written


@pytest.mark.parametrize(("text", "context", "expected"), [
    ("On April 23 the column left.", "1920-08-10", ("April 23", "1920-04-23", "1920-04-23")),
    ("They arrived in June.", "1920-08-10", ("June", "1920-06-01", "1920-06-30")),
    # a month well after the document's is in the year before: a report of January about December
    ("The offensive of December failed.", "1921-01-15", ("December", "1920-12-01", "1920-12-31")),
    ("on 28 December the line broke", "1921-01-15", ("28 December", "1920-12-28", "1920-12-28")),
    # a month a little after it is a plan in the same year, not last year's
    ("to be finished by September", "1920-08-10", ("September", "1920-09-01", "1920-09-30")),
])
def test_with_a_document_date_the_year_is_the_one_it_implies(text, context, expected):
    (found,) = find_dates(text, ctx(context))
    assert (found.text, iso(found.range.earliest), iso(found.range.latest)) == expected


# A telegram of Tuesday 10 August 1920.
TUESDAY_10_AUGUST = "1920-08-10"


@pytest.mark.parametrize(("text", "written", "expected", "how"), [
    ("Yesterday the Turks crossed the river.", "Yesterday", ("1920-08-09", "1920-08-09"), "the day before it"),
    ("the day before yesterday", "the day before yesterday", ("1920-08-08", "1920-08-08"), "two days before it"),
    ("as reported the day before.", "the day before", ("1920-08-09", "1920-08-09"), "the day before it"),
    ("This morning the bridge fell.", "This morning", ("1920-08-10", "1920-08-10"), "its own day"),
    ("fighting went on last night", "last night", ("1920-08-09", "1920-08-10"), "the night before it"),
    ("We leave to-morrow.", "to-morrow", ("1920-08-11", "1920-08-11"), "the day after it"),
    ("on Tuesday the talks resumed", "on Tuesday", ("1920-08-10", "1920-08-10"), "on or before"),
    ("on Saturday the talks resumed", "on Saturday", ("1920-08-07", "1920-08-07"), "on or before"),
    ("since last Tuesday", "last Tuesday", ("1920-08-03", "1920-08-03"), "before it"),
    ("The matter should be raised on Thursday.", "on Thursday", ("1920-08-12", "1920-08-12"), "after it"),
    ("The Turks attacked on Thursday. We will hold.", "on Thursday", ("1920-08-05", "1920-08-05"), "on or before"),
    ("until next Friday", "next Friday", ("1920-08-13", "1920-08-13"), "after it"),
    ("ATTACKED ON SUNDAY STOP", "ON SUNDAY", ("1920-08-08", "1920-08-08"), "on or before"),
    ("ATTACKED YESTERDAY STOP", "YESTERDAY", ("1920-08-09", "1920-08-09"), "the day before it"),
    ("On the 28th we took Shusha.", "On the 28th", ("1920-08-28", "1920-08-28"), "in the document's month"),
    ("to hold out until the 15th.", "the 15th", ("1920-08-15", "1920-08-15"), "in the document's month"),
    ("The 5th, the Turks attacked.", "The 5th", ("1920-08-05", "1920-08-05"), "in the document's month"),
    ("Your telegram of the 12th received.", "the 12th", ("1920-07-12", "1920-07-12"), "cited by its day"),
    ("my report No. 45 of the 3rd,", "the 3rd", ("1920-08-03", "1920-08-03"), "cited by its day"),
    ("YOUR TELEGRAM OF 12TH RECEIVED", "12TH", ("1920-07-12", "1920-07-12"), "cited by its day"),
    ("ARRIVED SHUSHA 7TH INST", "7TH INST", ("1920-08-07", "1920-08-07"), "the document's month"),
    ("your letter of the 7th instant", "the 7th instant", ("1920-08-07", "1920-08-07"), "the document's month"),
    ("dated 7th inst. from Kars", "7th inst.", ("1920-08-07", "1920-08-07"), "the document's month"),
    ("on the 30th ultimo", "on the 30th ultimo", ("1920-07-30", "1920-07-30"), "the month before"),
    ("the 2nd prox.", "the 2nd prox.", ("1920-09-02", "1920-09-02"), "the month after"),
])
def test_dates_relative_to_the_document_are_read_against_it_and_say_how(text, written, expected, how):
    (found,) = find_dates(text, ctx(TUESDAY_10_AUGUST))
    assert (found.text, iso(found.range.earliest), iso(found.range.latest)) == (written, *expected)
    assert text[found.start:found.end] == written
    assert "10 August 1920" in found.range.note and how in found.range.note


@pytest.mark.parametrize("text", [
    "Yesterday the Turks crossed the river.", "on Tuesday the talks resumed", "Your telegram of the 12th received.",
    "the 7th instant", "On the 28th we took Shusha.",
])
def test_relative_dates_without_a_document_date_are_not_dates(text):
    assert find_dates(text) == []


@pytest.mark.parametrize(("text", "context"), [
    ("Yesterday the Turks crossed the river.", ("1920-08", "month")),   # which day? the document's is not known
    ("on Tuesday the talks resumed", ("1920-08", "month")),
    ("On the 28th we took Shusha.", ("1920", "year")),                 # which month?
])
def test_relative_dates_need_a_document_date_as_fine_as_they_are(text, context):
    assert find_dates(text, ctx(*context)) == []


@pytest.mark.parametrize("text", [
    "the day before the battle", "the 11th Army entered", "of the 28th Division", "since the 3rd Regiment left",
    "by the 2nd and 3rd Brigades", "on the 28th day of fighting", "On Tuesday, 10 August 1920",
    "the 3rd detachment", "a Sunday school", "the day before he left", "The 5th Regiment held.", "the 5th and 6th", "the report of the 28th Division", "THE 28TH DIVISION",
])
def test_ordinals_weekdays_and_day_words_that_are_not_relative_dates(text):
    found = find_dates(text, ctx(TUESDAY_10_AUGUST))
    assert [f.text for f in found] in ([], ["10 August 1920"])


@pytest.mark.parametrize(("span", "expected"), [
    (DateRange(date(1920, 8, 10), date(1920, 8, 10), ""), "1920-08-10"),
    (DateRange(date(1920, 8, 1), date(1920, 8, 31), ""), "1920-08"),
    (DateRange(date(1920, 2, 1), date(1920, 2, 29), ""), "1920-02"),
    (DateRange(date(1920, 1, 1), date(1920, 12, 31), ""), "1920"),
    (DateRange(date(1918, 1, 1), date(1920, 12, 31), ""), "1918/1920"),
    (DateRange(date(1920, 9, 1), date(1920, 10, 31), ""), "1920-09/1920-10"),
    (DateRange(date(1920, 12, 1), date(1921, 2, 28), ""), "1920-12/1921-02"),   # winter of 1920-21
    (DateRange(date(1920, 8, 1), date(1920, 8, 10), ""), "1920-08-01/1920-08-10"),
    (DateRange(date(1920, 8, 30), date(1920, 9, 2), ""), "1920-08-30/1920-09-02"),
    (DateRange(None, None, "April 23", edtf="XXXX-04-23"), "XXXX-04-23"),
])
def test_edtf_of_every_kind_of_interval(span, expected):
    assert edtf_of(span) == expected
    assert edtf.parse_edtf(expected)


@pytest.mark.parametrize("text", [
    "12 February – 17 March 1921", "spring and summer of 1919", "late 1918", "the 1920s", "winter of 1920",
    "third week of May 1918", "1918–20", "28 July 1920 (O.S.)", "first half of 1920",
])
def test_every_date_found_has_a_valid_edtf_that_says_its_interval(text):
    (found,) = find_dates(text)
    written = edtf_of(found.range)
    parsed = edtf.parse_edtf(written)
    assert (parsed.lower_strict()[:3], parsed.upper_strict()[:3]) == (found.range.earliest.timetuple()[:3],
                                                                       found.range.latest.timetuple()[:3])


@pytest.mark.parametrize(("text", "expected"), [
    ("1920-08-10", ("1920-08-10", "1920-08-10", "day")),
    ("1920-02", ("1920-02-01", "1920-02-29", "month")),
    ("1921", ("1921-01-01", "1921-12-31", "year")),
])
def test_read_edtf(text, expected):
    found = read_edtf(text)
    assert (iso(found.earliest), iso(found.latest), found.precision) == expected


@pytest.mark.parametrize("text", ["1920-13", "1920-02-30", "10 August 1920", "1920-8-1", "", "XXXX-04-23"])
def test_read_edtf_refuses_what_is_not_a_day_month_or_year(text):
    with pytest.raises(DateError):
        read_edtf(text)


def test_every_date_of_the_bundled_corpus_has_an_edtf_that_says_exactly_its_interval():
    from documents.corpus import bundled_corpus
    from documents.readers import read_documents

    documents = read_documents(bundled_corpus()).documents
    found = [f for doc in documents for f in (*doc.dates, *find_dates(doc.body))]
    assert any(not f.range.has_year for f in found) and any(f.range.note and "read against" in f.range.note
                                                             for f in found)
    for f in found:
        parsed = edtf.parse_edtf(edtf_of(f.range))
        if f.range.has_year:
            assert (parsed.lower_strict()[:3], parsed.upper_strict()[:3]) == (
                f.range.earliest.timetuple()[:3], f.range.latest.timetuple()[:3]), f.text
        else:
            assert edtf_of(f.range).startswith("XXXX-") and f.range.latest is None, f.text
