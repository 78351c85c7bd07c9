"""The calendars documents of 1920-1921 are dated in, converted to the Gregorian one, and read
from the text with the calendar they were written in."""
from __future__ import annotations

from datetime import date

import pytest

from documents.calendars import hijri_to_gregorian, julian_to_gregorian, rumi_to_gregorian
from documents.dates import find_dates, parse_date
from documents.errors import DateError


# Published examples:
# - Wikipedia, "Rumi calendar": the Julian calendar was adopted for civic matters "on March 13,
#   1840 AD (March 1, 1256)"; its 1911 multilingual calendar page shows Rumi 7 Nisan 1327 =
#   Julian 7 April 1911 = Gregorian 20 April 1911.
# - memim.com, "Rumi calendar" (after de.wikipedia): "February 15, 1332 followed by ... March 1,
#   1333 (1917)", the year then moved to begin on 1 January, "a difference of 584 years".
# - US Social Security Administration, POMS GN 00307.899 D: Rumi 1333 began 03/01/1917, 1336
#   began 03/01/1920, 1337 began 03/01/1921; 1331 began 03/14/1915 (still Julian).
@pytest.mark.parametrize(("rumi", "gregorian"), [
    ((1256, 3, 1), date(1840, 3, 13)),
    ((1327, 4, 7), date(1911, 4, 20)),
    ((1331, 3, 1), date(1915, 3, 14)),
    ((1332, 2, 15), date(1917, 2, 28)),    # the last Julian day ...
    ((1333, 3, 1), date(1917, 3, 1)),      # ... and the day after it
    ((1334, 1, 1), date(1918, 1, 1)),      # Kânunusani now opens the year
    ((1336, 3, 1), date(1920, 3, 1)),
    ((1336, 11, 15), date(1920, 11, 15)),
    ((1337, 3, 1), date(1921, 3, 1)),
    ((1337, 2, 16), date(1921, 2, 16)),    # Şubat 1337 is February 1921, not 1922
])
def test_rumi_to_gregorian(rumi, gregorian):
    assert rumi_to_gregorian(*rumi) == gregorian


@pytest.mark.parametrize("rumi", [(1332, 2, 16), (1333, 1, 10), (1333, 2, 1)])
def test_rumi_days_the_reform_left_out(rumi):
    with pytest.raises(ValueError):
        rumi_to_gregorian(*rumi)


# The tabular Islamic calendar. OEIS A097105 (after J. Walker's converter): 1 Muharram 1396 =
# 3 January 1976, 1 Muharram 1397 = 23 December 1976; its epoch 1 Muharram 1 = 16 July 622 Julian
# (lux.quae.nl, "The Islamic calendar").
@pytest.mark.parametrize(("hijri", "gregorian"), [
    ((1396, 1, 1), date(1976, 1, 3)),
    ((1397, 1, 1), date(1976, 12, 23)),
    ((1, 1, 1), julian_to_gregorian(622, 7, 16)),
])
def test_tabular_hijri_to_gregorian(hijri, gregorian):
    assert hijri_to_gregorian(*hijri) == gregorian


@pytest.mark.parametrize(("text", "calendar", "earliest", "latest", "precision", "first", "last"), [
    ("28 July 1920 (O.S.)", "julian", "1920-08-10", "1920-08-10", "day", (1920, 7, 28), (1920, 7, 28)),
    ("28 July 1920 old style", "julian", "1920-08-10", "1920-08-10", "day", (1920, 7, 28), (1920, 7, 28)),
    ("15 (28) July 1920", "julian", "1920-07-28", "1920-07-28", "day", (1920, 7, 15), (1920, 7, 15)),
    ("July 1920 (O.S.)", "julian", "1920-07-14", "1920-08-13", "month", (1920, 7, 1), (1920, 7, 31)),
    ("15 июля 1918 г. по ст. ст.", "julian", "1918-07-28", "1918-07-28", "day", (1918, 7, 15), (1918, 7, 15)),
    ("10 августа 1920 г. (ст. ст.)", "julian", "1920-08-23", "1920-08-23", "day", (1920, 8, 10), (1920, 8, 10)),
    ("июль 1918 г. по старому стилю", "julian", "1918-07-14", "1918-08-13", "month", (1918, 7, 1), (1918, 7, 31)),
    ("15 Mart 1336", "rumi", "1920-03-15", "1920-03-15", "day", (1336, 3, 15), (1336, 3, 15)),
    ("15 Mart 336", "rumi", "1920-03-15", "1920-03-15", "day", (1336, 3, 15), (1336, 3, 15)),
    ("1336 senesi Mart", "rumi", "1920-03-01", "1920-03-31", "month", (1336, 3, 1), (1336, 3, 31)),
    ("Teşrin-i evvel 1336", "rumi", "1920-10-01", "1920-10-31", "month", (1336, 10, 1), (1336, 10, 31)),
    ("7 Nisan 1327", "rumi", "1911-04-20", "1911-04-20", "day", (1327, 4, 7), (1327, 4, 7)),
    ("3 Kânunusani 1337", "rumi", "1921-01-03", "1921-01-03", "day", (1337, 1, 3), (1337, 1, 3)),
    # Wikipedia's 1911 calendar page: 21 Rebiülahir 1329 = 20 April 1911, one day before the
    # tabular day (21 April): inside the interval the slack allows.
    ("21 Rebiülahir 1329", "hijri", "1911-04-19", "1911-04-23", "day", (1329, 4, 21), (1329, 4, 21)),
    ("Ramazan 1338", "hijri", "1920-05-17", "1920-06-19", "month", (1338, 9, 1), (1338, 9, 30)),
    ("10 August 1920", "gregorian", "1920-08-10", "1920-08-10", "day", None, None),
])
def test_a_date_says_its_calendar_and_its_gregorian_interval(text, calendar, earliest, latest, precision,
                                                             first, last):
    found = parse_date(text)
    assert (found.calendar, found.earliest.isoformat(), found.latest.isoformat(), found.precision) == \
        (calendar, earliest, latest, precision)
    if calendar == "gregorian":
        assert found.written is None and found.note is None
    else:
        assert (found.written.first, found.written.last) == (first, last)
        assert "calendar" in found.note   # says how it was read


def test_dates_in_other_calendars_are_found_in_running_text():
    text = "Kars, 15 Teşrinisani 1336 tarihli telgraf; 3 Cemaziyelevvel 1339 günü; 5 августа 1920 г."
    found = find_dates(text)
    assert [(f.text, f.range.calendar) for f in found] == [
        ("15 Teşrinisani 1336", "rumi"), ("3 Cemaziyelevvel 1339", "hijri"), ("5 августа 1920 г.", "gregorian")]
    assert all(text[f.start:f.end] == f.text for f in found)


@pytest.mark.parametrize("text", ["32 Mart 1336", "16 Şubat 1332", "Mart 1920 senesi Nisan"])
def test_a_day_the_calendar_lacks_is_no_date(text):
    with pytest.raises(DateError):
        parse_date(text)
