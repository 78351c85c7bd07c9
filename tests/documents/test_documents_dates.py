"""The date parser: every written form, with and without the document's date, and non-dates."""
from __future__ import annotations

from datetime import date

import pytest

from documents.calendars import gregorian_to_julian, julian_to_gregorian
from documents.dates import find_dates, parse_date
from documents.errors import DateError
from documents.model import DateRange


def ctx(written: str, precision: str = "day") -> DateRange:
    day = date.fromisoformat(written)
    return DateRange(day, day, written, precision)


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


@pytest.mark.parametrize(("text", "earliest", "latest", "precision"), [
    ("December 23, 1920", "1920-12-23", "1920-12-23", "day"),
    ("November 30, 1920", "1920-11-30", "1920-11-30", "day"),
    ("6 August 1920", "1920-08-06", "1920-08-06", "day"),
    ("Early January 1921", "1921-01-01", "1921-01-10", "part-of-month"),
    ("Mid January 1921", "1921-01-11", "1921-01-20", "part-of-month"),
    ("mid-January 1921", "1921-01-11", "1921-01-20", "part-of-month"),
    ("Late January 1921", "1921-01-21", "1921-01-31", "part-of-month"),
    ("Late February 1920", "1920-02-21", "1920-02-29", "part-of-month"),
    ("the end of March 1921", "1921-03-21", "1921-03-31", "part-of-month"),
    ("February 1921", "1921-02-01", "1921-02-28", "month"),
    ("December 1920", "1920-12-01", "1920-12-31", "month"),
    ("Sept. 1920", "1920-09-01", "1920-09-30", "month"),
    ("spring of 1920", "1920-03-01", "1920-05-31", "season"),
    ("1921", "1921-01-01", "1921-12-31", "year"),
    ("1918–1920", "1918-01-01", "1920-12-31", "years"),
    ("1918-20", "1918-01-01", "1920-12-31", "years"),
    ("23–25 December 1920", "1920-12-23", "1920-12-25", "day"),
    ("7/VIII-1920", "1920-08-07", "1920-08-07", "day"),
    ("20/XI 1920", "1920-11-20", "1920-11-20", "day"),
    ("between 5 and 7 August 1920", "1920-08-05", "1920-08-07", "day"),
    ("December 1920 – January 1921", "1920-12-01", "1921-01-31", "month"),
    ("22.II.21", "1921-02-22", "1921-02-22", "day"),
    ("22.02.1921", "1921-02-22", "1921-02-22", "day"),
    ("1921-01-08", "1921-01-08", "1921-01-08", "day"),
    ("On the 10th day of August 1920", "1920-08-10", "1920-08-10", "day"),
    ("the 8th of August 1920", "1920-08-08", "1920-08-08", "day"),
    ("August 10, 1920.", "1920-08-10", "1920-08-10", "day"),
    # spans of encyclopedic prose
    ("25 to 28 May 1918", "1918-05-25", "1918-05-28", "day"),
    ("25–28 May 1918", "1918-05-25", "1918-05-28", "day"),
    ("the 11th to 13th of June 1919", "1919-06-11", "1919-06-13", "day"),
    ("May 25 until 28, 1918", "1918-05-25", "1918-05-28", "day"),
    ("12 February – 17 March 1921", "1921-02-12", "1921-03-17", "day"),
    ("February 12 – March 17, 1921", "1921-02-12", "1921-03-17", "day"),
    ("28 December – 4 January 1921", "1920-12-28", "1921-01-04", "day"),   # the first end in the year before
    ("3 May 1918 – 9 June 1919", "1918-05-03", "1919-06-09", "day"),
    ("12/13 February 1921", "1921-02-12", "1921-02-13", "day"),
    ("September–October 1920", "1920-09-01", "1920-10-31", "month"),
    ("September to November 1920", "1920-09-01", "1920-11-30", "month"),
    ("July and August 1920", "1920-07-01", "1920-08-31", "month"),
    ("between April and June 1919", "1919-04-01", "1919-06-30", "month"),
    ("May 1918 – June 1920", "1918-05-01", "1920-06-30", "month"),
    ("spring and summer of 1919", "1919-03-01", "1919-08-31", "season"),
    ("summer, autumn and winter of 1920", "1920-06-01", "1921-02-28", "season"),  # the winter that follows
    ("winter of 1920–21", "1920-12-01", "1921-02-28", "season"),
    ("winter of 1920/21", "1920-12-01", "1921-02-28", "season"),
    ("winter 1920-1921", "1920-12-01", "1921-02-28", "season"),
    ("autumn of 1920", "1920-09-01", "1920-11-30", "season"),
    ("late summer of 1920", "1920-08-01", "1920-08-31", "season"),
    ("early spring 1921", "1921-03-01", "1921-03-31", "season"),
    ("autumn and early winter of 1920", "1920-09-01", "1920-12-31", "season"),
    ("late winter of 1920–21", "1921-02-01", "1921-02-28", "season"),
    ("first week of May 1920", "1920-05-01", "1920-05-07", "part-of-month"),
    ("last week of February 1920", "1920-02-23", "1920-02-29", "part-of-month"),
    ("last days of November 1920", "1920-11-21", "1920-11-30", "part-of-month"),
    ("second half of February 1921", "1921-02-16", "1921-02-28", "part-of-month"),
    ("first decade of March 1921", "1921-03-01", "1921-03-10", "part-of-month"),   # the Russian dekada
    ("second ten days of March 1921", "1921-03-11", "1921-03-20", "part-of-month"),
    ("late 1918", "1918-09-01", "1918-12-31", "part-of-year"),
    ("Early 1920", "1920-01-01", "1920-04-30", "part-of-year"),
    ("mid-1920", "1920-05-01", "1920-08-31", "part-of-year"),
    ("the middle of 1919", "1919-05-01", "1919-08-31", "part-of-year"),
    ("the end of 1920", "1920-09-01", "1920-12-31", "part-of-year"),
    ("the beginning of 1921", "1921-01-01", "1921-04-30", "part-of-year"),
    ("early in 1920", "1920-01-01", "1920-04-30", "part-of-year"),
    ("first half of 1920", "1920-01-01", "1920-06-30", "part-of-year"),
    ("second half of 1919", "1919-07-01", "1919-12-31", "part-of-year"),
    ("first months of 1921", "1921-01-01", "1921-04-30", "part-of-year"),
    ("closing months of 1920", "1920-09-01", "1920-12-31", "part-of-year"),
    ("1920s", "1920-01-01", "1929-12-31", "years"),
    ("early 1920s", "1920-01-01", "1923-12-31", "years"),
    ("1920/21", "1920-01-01", "1921-12-31", "years"),
])
def test_parse_date_forms(text, earliest, latest, precision):
    found = parse_date(text)
    assert (found.earliest.isoformat(), found.latest.isoformat(), found.precision) == (earliest, latest, precision)
    assert found.note is None


@pytest.mark.parametrize(("text", "context", "expected"), [
    ("6/VIII", "1920-08-07", "1920-08-06"),         # Roman month, year from the document
    ("19/II", "1921-02-16", "1921-02-19"),
    ("22.II", "1921-02-16", "1921-02-22"),
    ("on the 8th", "1920-08-09", "1920-08-08"),      # month and year from the document
    ("5 August", "1920-08-07", "1920-08-05"),
    ("December 28", "1921-01-05", "1920-12-28"),     # well after January: the year before
])
def test_parse_date_takes_missing_parts_from_the_document(text, context, expected):
    found = parse_date(text, ctx(context))
    assert (found.earliest.isoformat(), found.latest.isoformat()) == (expected, expected)


@pytest.mark.parametrize(("text", "expected", "written"), [
    ("28 July 1920 (O.S.)", "1920-08-10", "28 July 1920"),
    ("January 5, 1920, old style", "1920-01-18", "January 5, 1920"),
    ("15 February 1899 O.S.", "1899-02-27", "15 February 1899"),   # 12 days in the 19th century
])
def test_old_style_dates_become_gregorian_with_a_note(text, expected, written):
    found = parse_date(text)
    assert found.earliest.isoformat() == expected == found.latest.isoformat()
    assert "Julian" in found.note and written in found.note


@pytest.mark.parametrize(("text", "expected"), [
    ("15 (28) July 1920", "1920-07-28"),
    ("28 (15) July 1920", "1920-07-28"),
    ("July 15 (28), 1920", "1920-07-28"),
    ("19 February (3 March) 1920", "1920-03-03"),
])
def test_dates_written_in_both_calendars_use_the_gregorian_day(text, expected):
    found = parse_date(text)
    assert found.earliest.isoformat() == expected
    assert "both calendars" in found.note


def test_a_bare_winter_is_the_one_its_january_falls_in_and_says_so():
    found = parse_date("winter of 1920")
    assert (found.earliest, found.latest) == (date(1919, 12, 1), date(1920, 2, 29))
    assert "December 1919" in found.note and "1920" in found.note


def test_a_year_taken_from_the_text_before_says_so():
    (_, found) = find_dates("In the summer of 1920 the front was quiet. On 5 January the army moved.")
    assert found.range.earliest == date(1921, 1, 5)
    assert "1921" in found.range.note and "summer of 1920" in found.range.note


def test_old_style_range_converts_both_ends():
    found = parse_date("12–15 March 1920 (O.S.)")
    assert (found.earliest, found.latest) == (date(1920, 3, 25), date(1920, 3, 28))


def test_old_style_month_converts_both_ends():
    found = parse_date("January 1920 (O.S.)")
    assert (found.earliest, found.latest) == (date(1920, 1, 14), date(1920, 2, 13))


@pytest.mark.parametrize("text", [
    "No. 03", "f. 5, op. 1", "1,200", "16 versts", "February 30, 1921", "Febuary 1921", "",
    "next Thursday", "6/VIII",  # no year and no document to take it from
    "on the 8th",
])
def test_parse_date_rejects_what_is_not_a_date(text):
    with pytest.raises(DateError):
        parse_date(text)


@pytest.mark.parametrize("text", [
    "No. 03, signed", "RGASPI, f. 5, op. 1, d. 2655, l. 35.", "numbering 1,200, betrayed us",
    "up to the village of Yengikend (16 versts from Aghdam)", "the 32nd and 28th Divisions",
    "Archive Editions, pp. 654–656.", "doc. No. 13, p. 70",
    "the 11th Army and the 28th Division", "ll. 40, 42, 44–46.", "op. 1, d. 1920/21, l. 5",
    "They may be right. May I ask?", "March on Kars!", "since the 28th Division left", "of the 3rd and 4th Regiments",
    "from 5 to 7 versts", "a spring and summer offensive", "late in the evening", "the second half of the 11th Army",
    "the first week of the offensive", "the pass lies at 1920 m", "March 20 versts to Shusha", "§ 1920",
])
def test_find_dates_ignores_numbers_that_are_not_dates(text):
    assert find_dates(text, ctx("1920-08-09")) == []


@pytest.mark.parametrize(("text", "context", "expected"), [
    ("Yesterday, on the 8th, at two o’clock", "1920-08-09",
     [("Yesterday", "1920-08-08", "1920-08-08"), ("on the 8th", "1920-08-08", "1920-08-08")]),
    ("No. 03, February 15, 1921", None, [("February 15, 1921", "1921-02-15", "1921-02-15")]),
    ("Rostov-on-Don. 7/VIII-1920. Khalil Pasha departed for Baku on 6/VIII;", "1920-08-07",
     [("7/VIII-1920", "1920-08-07", "1920-08-07"), ("6/VIII", "1920-08-06", "1920-08-06")]),
    ("wireless messages of July 23, 31, and August 1.", "1920-08-10",
     [("July 23", "1920-07-23", "1920-07-23"), ("August 1", "1920-08-01", "1920-08-01")]),
    ("in 1918–1923. Yerevan, 1992, No. 430", None,
     [("1918–1923", "1918-01-01", "1923-12-31"), ("1992", "1992-01-01", "1992-12-31")]),
    ("my report dated December 4, 1920, I submit", None, [("December 4, 1920", "1920-12-04", "1920-12-04")]),
    ("“L. Serebryakov 22.II.21.” “22/II. Radek.”", "1921-02-16",
     [("22.II.21", "1921-02-22", "1921-02-22"), ("22/II", "1921-02-22", "1921-02-22")]),
    ("Early January 1921 With a sense", None, [("Early January 1921", "1921-01-01", "1921-01-10")]),
    ("on 2 August", None, [("2 August", None, None)]),  # no year, no document date: year unknown, not guessed
    # two dates joined by words stay two; the first takes its year from the second
    ("from 24 September to 2 December 1920 the war", None,
     [("24 September", "1920-09-24", "1920-09-24"), ("2 December 1920", "1920-12-02", "1920-12-02")]),
    ("between 1918 and 1921", None, [("1918", "1918-01-01", "1918-12-31"), ("1921", "1921-01-01", "1921-12-31")]),
    ("on 12 February, 3 March and 17 April 1921", None,
     [("12 February", "1921-02-12", "1921-02-12"), ("3 March", "1921-03-03", "1921-03-03"),
      ("17 April 1921", "1921-04-17", "1921-04-17")]),
    ("on 28 December and 4 January 1921", None,
     [("28 December", "1920-12-28", "1920-12-28"), ("4 January 1921", "1921-01-04", "1921-01-04")]),
    ("the third week of May and the first week of June 1918", None,
     [("third week of May", "1918-05-15", "1918-05-21"), ("first week of June 1918", "1918-06-01", "1918-06-07")]),
    ("late May and early June 1920", None,
     [("late May", "1920-05-21", "1920-05-31"), ("early June 1920", "1920-06-01", "1920-06-10")]),
    ("on 2 August, in the 1920s", None, [("2 August", None, None), ("1920s", "1920-01-01", "1929-12-31")]),
    # a decade lends no year
    ("5 August and 1921", "1920-08-09", [("5 August", "1920-08-05", "1920-08-05"), ("1921", "1921-01-01", "1921-12-31")]),
    # prose without a document date: a date without a year is in the year the narrative has reached
    ("In May 1918 the Turks advanced. On 28 May, the council met.", None,
     [("May 1918", "1918-05-01", "1918-05-31"), ("28 May", "1918-05-28", "1918-05-28")]),
    ("In December 1920 the army entered; on 5 January it left.", None,
     [("December 1920", "1920-12-01", "1920-12-31"), ("5 January", "1921-01-05", "1921-01-05")]),
    ("In 1920 the army rested; in late May it moved.", None,
     [("1920", "1920-01-01", "1920-12-31"), ("late May", "1920-05-21", "1920-05-31")]),
    ("In May 1918 the Turks advanced.\n\nOn 28 May, the council met.", None,
     [("May 1918", "1918-05-01", "1918-05-31"), ("28 May", None, None)]),
    ("in 1918–1920. On 5 January", None,
     [("1918–1920", "1918-01-01", "1920-12-31"), ("5 January", None, None)]),  # which year? unknown
    # a dash, or a first part that is no date alone, makes one span
    ("fought from 25 to 28 May 1918 at Sardarapat", None, [("25 to 28 May 1918", "1918-05-25", "1918-05-28")]),
    ("the war of 12 February – 17 March 1921 ended", None,
     [("12 February – 17 March 1921", "1921-02-12", "1921-03-17")]),
    ("in the spring and summer of 1919, and in late 1918", None,
     [("spring and summer of 1919", "1919-03-01", "1919-08-31"), ("late 1918", "1918-09-01", "1918-12-31")]),
    ("In the winter of 1920–21 the 11th Army", None, [("winter of 1920–21", "1920-12-01", "1921-02-28")]),
    ("between 1918–20 and 1921", None, [("1918–20", "1918-01-01", "1920-12-31"), ("1921", "1921-01-01", "1921-12-31")]),
])
def test_find_dates_spans_and_ranges(text, context, expected):
    found = find_dates(text, ctx(context) if context else None)
    assert [(f.text, iso(f.range.earliest), iso(f.range.latest)) for f in found] == expected
    assert all(text[f.start:f.end] == f.text for f in found)


def test_find_dates_old_style_span_includes_the_mark():
    text = "the uprising began on 5 February 1921 (O.S.) in Zangezur"
    (found,) = find_dates(text)
    assert found.text == "5 February 1921 (O.S.)" and text[found.start:found.end] == found.text
    assert found.range.earliest == date(1921, 2, 18) and "Julian" in found.range.note


@pytest.mark.parametrize(("julian", "gregorian"), [
    ((1920, 7, 28), date(1920, 8, 10)),
    ((1918, 1, 31), date(1918, 2, 13)),   # the day Soviet Russia switched calendars
    ((1900, 2, 29), date(1900, 3, 13)),   # a Julian leap day the Gregorian calendar lacks
    ((1899, 12, 31), date(1900, 1, 12)),
])
def test_julian_to_gregorian(julian, gregorian):
    assert julian_to_gregorian(*julian) == gregorian
    assert gregorian_to_julian(gregorian) == julian
