"""The one parser of a parameter (`mapapp.params`): what each reads, what it refuses and how it
says so, and that nothing it lets through can overflow the date arithmetic behind it."""
from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from documents.date_forms import FULL_YEAR
from gazetteer.model import LonLat
from mapapp import params
from mapapp.atlas.query import window_sql
from mapapp.params import BBox, Page, ParamError, Window
from mapapp.picture.scene import view_window
from mapapp.view_state import ViewState

LONG = "9" * 5000


@pytest.mark.parametrize(("text", "expected"), [
    (None, None),
    ("", None),
    ("  ", None),
    ("1920-08-10", date(1920, 8, 10)),
    (" 1920-08-10 ", date(1920, 8, 10)),
    ("1700-01-01", params.FIRST_DAY),
    ("2099-12-31", params.LAST_DAY),
])
def test_day_reads(text, expected):
    assert params.day("date", text) == expected


@pytest.mark.parametrize("text", [
    "19201201",            # date.fromisoformat reads these two since Python 3.11; we do not
    "1920-W48-3",
    "1920-12-01T00:00",
    "1920-8-10",
    "10.08.1920",
    "1920-02-30",
    "1920-13-45",
    "0001-01-01",          # overflowed window_sql and view_window
    "1699-12-31",
    "2100-01-01",
    "9999-12-31",
    "１９２０-０８-１０",   # full-width digits, which fromisoformat would not read anyway
    "yesterday",
    LONG,
])
def test_day_refuses_with_one_message_naming_the_parameter(text):
    with pytest.raises(ParamError) as caught:
        params.day("from", text)
    message = str(caught.value)
    assert message.startswith("from=")
    assert message.endswith("expected a real day as YYYY-MM-DD from 1700-01-01 to 2099-12-31")
    assert caught.value.name == "from" and len(message) < 200     # a long value is cut short


@pytest.mark.parametrize(("start", "end", "expected"), [
    (None, None, Window()),
    ("1920-08-01", None, Window("1920-08-01", None)),
    (None, "1920-08-01", Window(None, "1920-08-01")),
    ("1920-08-01", "1920-08-01", Window("1920-08-01", "1920-08-01")),
])
def test_date_window_reads(start, end, expected):
    assert params.date_window(start, end) == expected


@pytest.mark.parametrize(("start", "end", "words"), [
    ("1921-01-01", "1920-01-01", "from='1921-01-01': is after to=1920-01-01"),
    ("0001-01-01", None, "from='0001-01-01'"),
    (None, "1920-02-30", "to='1920-02-30'"),
])
def test_date_window_refuses(start, end, words):
    with pytest.raises(ParamError, match=words):
        params.date_window(start, end)


@pytest.mark.parametrize(("text", "mode", "days"), [
    (None, None, params.DEFAULT_WINDOW_DAYS),
    ("", None, params.DEFAULT_WINDOW_DAYS),
    ("upto", "upto", None),
    ("all", "all", None),
    ("7", "7", 7),
    ("007", "7", 7),
    (str(params.MAX_WINDOW_DAYS), str(params.MAX_WINDOW_DAYS), params.MAX_WINDOW_DAYS),
])
def test_window_reads(text, mode, days):
    assert (params.window_mode(text), params.window_days(text)) == (mode, days)


@pytest.mark.parametrize("text", ["0", "-7", "1000000", "999999999999", "²", "٣", "7.5", "week", LONG,
                                  str(params.MAX_WINDOW_DAYS + 1)])
def test_window_refuses(text):
    with pytest.raises(ParamError, match=r"^window=.*: 'upto' or a number of days from 1 to \d+$"):
        params.window_days(text)


@pytest.mark.parametrize(("window", "expected"), [
    ("1", Window("1920-08-10", "1920-08-10")),
    ("7", Window("1920-08-04", "1920-08-10")),         # the page's "last 7 days": the day and six before
    (None, Window("1920-07-12", "1920-08-10")),        # 30 days
    ("upto", Window("1919-08-10", "1920-08-10")),   # every document up to the day, a picture's year at most
])
def test_the_picture_counts_a_window_as_the_page_does(window, expected):
    assert view_window(ViewState(window=window), "1920-08-10", None) == expected


@pytest.mark.parametrize(("page", "per_page", "expected"), [
    (None, None, Page(1, 50)),
    ("2", "500", Page(2, 500)),
    ("+3", " 10 ", Page(3, 10)),
])
def test_page_reads(page, per_page, expected):
    assert params.page(page, per_page) == expected


@pytest.mark.parametrize(("page", "per_page", "named"), [
    ("0", None, "page"), ("99999999999999999999", None, "page"), ("1.5", None, "page"), ("²", None, "page"),
    (None, "0", "per_page"), (None, "501", "per_page"), (None, "ten", "per_page"), (None, LONG, "per_page"),
])
def test_page_refuses(page, per_page, named):
    with pytest.raises(ParamError) as caught:
        params.page(page, per_page)
    assert caught.value.name == named


@pytest.mark.parametrize(("text", "count", "expected"), [(None, 5, 1), ("", 5, 1), ("3", 5, 3), ("5", 5, 5)])
def test_step_reads(text, count, expected):
    assert params.step(text, count) == expected


@pytest.mark.parametrize("text", ["0", "6", "²", "¹", "٣", LONG, "two", "-1"])
def test_step_refuses(text):
    with pytest.raises(ParamError, match="^step=.*: this tour has steps 1 to 5$"):
        params.step(text, 5)


@pytest.mark.parametrize(("text", "expected"), [
    (None, None),
    ("44,38.5,47,41", BBox(44.0, 38.5, 47.0, 41.0)),
    ("170,-10,-170,10", BBox(170.0, -10.0, -170.0, 10.0)),      # across 180°
    ("-180,-90,180,90", BBox(-180.0, -90.0, 180.0, 90.0)),
])
def test_bbox_reads(text, expected):
    assert params.bbox(text) == expected


@pytest.mark.parametrize("text", ["1,2,3", "a,b,c,d", "44,41,47,38", "190,38,47,41", "nan,38,47,41",
                                  "inf,38,47,41", "1e999,38,47,41", "٤٤,38,47,41", "1_0,38,47,41",
                                  "44,38,47,41,0", ",".join([LONG] * 4)])
def test_bbox_refuses_repeating_the_whole_box(text):
    with pytest.raises(ParamError) as caught:
        params.bbox(text)
    assert str(caught.value).startswith(f"bbox={params.shown(text)}: expected four numbers west,south,east,north")


@pytest.mark.parametrize(("text", "expected"), [
    (None, None), ("39.5,46.0", LonLat(46.0, 39.5)), ("1e-05,46", LonLat(46.0, 0.00001)),
])
def test_centre_reads_lat_then_lon(text, expected):
    assert params.centre(text) == expected


@pytest.mark.parametrize(("name", "parse", "text"), [
    ("ll", params.centre, "46"), ("ll", params.centre, "95,46"), ("ll", params.centre, "nan,46"),
    ("z", params.zoom, "0"), ("z", params.zoom, "eight"), ("z", params.zoom, "19"), ("z", params.zoom, LONG),
])
def test_view_numbers_refuse(name, parse, text):
    with pytest.raises(ParamError) as caught:
        parse(text)
    assert caught.value.name == name


@pytest.mark.parametrize(("text", "expected"), [(None, None), ("", None), ("300", 300), (640, 640)])
def test_pixels_read(text, expected):
    assert params.pixels("maxwidth", text) == expected


@pytest.mark.parametrize("text", ["abc", "0", "-5", "12.5", "²", LONG, str(params.MAX_PIXELS + 1)])
def test_pixels_refuse_without_int_s_words(text):
    with pytest.raises(ParamError) as caught:
        params.pixels("maxwidth", text)
    assert str(caught.value).startswith("maxwidth=") and "invalid literal" not in str(caught.value)


@pytest.mark.parametrize(("text", "expected"), [(None, None), ("  Goris ", "Goris"), ("%" * 200, "%" * 200)])
def test_short_text_reads(text, expected):
    assert params.short_text("q", text) == expected


@pytest.mark.parametrize("text", ["x" * 201, "%" * 25_000, "-" * 50_000])
def test_short_text_refuses_long_text(text):
    with pytest.raises(ParamError, match=r"^q='.{40}'… \([\d,]+ characters\): expected at most 200 characters$"):
        params.short_text("q", text)


@pytest.mark.parametrize(("text", "expected"), [(None, "a4"), ("letter", "letter"), ("A4", "a4")])
def test_choice_reads(text, expected):
    assert params.choice("paper", text, ("a4", "letter")) == expected


def test_choice_refuses():
    with pytest.raises(ParamError, match="^paper='legal': expected one of a4, letter$"):
        params.choice("paper", "legal", ("a4", "letter"))


def test_a_value_with_a_line_break_stays_on_one_line():
    with pytest.raises(ParamError) as caught:
        params.day("date", "1920\nERROR forged line")
    assert "\n" not in str(caught.value)


def test_the_days_one_can_ask_for_are_those_of_the_years_documents_are_dated_in():
    years = re.compile(FULL_YEAR)
    first, last = params.FIRST_DAY.year, params.LAST_DAY.year
    assert [y for y in (first - 1, first, last, last + 1) if years.fullmatch(str(y))] == [first, last]
    assert (params.FIRST_DAY.timetuple()[1:3], params.LAST_DAY.timetuple()[1:3]) == ((1, 1), (12, 31))


@pytest.mark.parametrize("window", [Window("0001-01-01", None), Window("0001-01-02", "0001-01-03"),
                                    Window("1920-08-10", None)])
def test_window_sql_cannot_overflow(window):
    where, values = window_sql(window, "d", 36600)
    assert "d.latest >= ?" in where and window.start in values


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30) | st.dates().map(date.isoformat))
def test_a_day_is_in_range_or_refused(text):
    try:
        found = params.day("date", text)
    except ParamError:
        return
    assert found is None or params.FIRST_DAY <= found <= params.LAST_DAY


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30) | st.integers().map(str))
def test_numbers_are_in_their_bounds_or_refused(text):
    for parse, low, high in ((lambda t: params.window_days(t), 1, params.MAX_WINDOW_DAYS),
                             (lambda t: params.step(t, 12), 1, 12),
                             (lambda t: params.pixels("maxwidth", t), 1, params.MAX_PIXELS)):
        try:
            value = parse(text)
        except ParamError:
            continue
        assert value is None or low <= value <= high
