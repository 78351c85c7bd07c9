"""A date in the calendar it was written in beside the Gregorian one, in every interface language."""
from __future__ import annotations

from datetime import date

import pytest
from babel.dates import format_date
from flask_babel import force_locale, gettext

from mapapp.web.calendar_words import RUMI_MONTHS, SIDE_BY_SIDE, calendar_words, side_by_side
from mapapp.web.i18n import LANGUAGES


def doc(calendar, written, earliest, latest=None, precision="day"):
    first, last = (written, written) if isinstance(written, str) else written
    return {"earliest": earliest, "latest": latest or earliest, "precision": precision,
            "date_as_written": {"calendar": calendar, "earliest": first, "latest": last}}


@pytest.mark.parametrize(("code", "answer", "shown"), [
    ("en", doc("julian", "1920-07-28", "1920-08-10"), "28 July 1920 (O.S.) = 10 August 1920"),
    ("ru", doc("julian", "1920-07-28", "1920-08-10"), "28 июля 1920\u202fг. (ст. ст.) = 10 августа 1920\u202fг."),
    ("en", doc("julian", ("1920-07-01", "1920-07-31"), "1920-07-14", "1920-08-13", "month"),
     "July 1920 (O.S.) = 14 July 1920 – 13 August 1920"),
    ("en", doc("rumi", "1336-11-15", "1920-11-15"), "15 Teşrinisani 1336 (Rumi) = 15 November 1920"),
    ("en", doc("rumi", ("1336-03-01", "1336-03-31"), "1920-03-01", "1920-03-31", "month"),
     "Mart 1336 (Rumi) = March 1920"),
    ("tr", doc("rumi", "1336-11-15", "1920-11-15"), "15 Teşrinisani 1336 (Rumî) = 15 Kasım 1920"),
    ("hy", doc("julian", "1920-07-28", "1920-08-10"), "1920 թ. հուլիսի 28 (հին տոմարով) = 1920 թ. օգոստոսի 10"),
    ("en", doc("hijri", "1339-03-05", "1920-11-15", "1920-11-19"),
     "5 Rabi al-Awwal 1339 (Hijri) = 15 November 1920 – 19 November 1920"),
])
def test_side_by_side(app, code, answer, shown):
    with app.test_request_context():
        assert side_by_side(answer, calendar_words(code)) == shown


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_language_writes_both_days_as_its_long_date_and_its_own_month_names(app, code):
    locale = "en_GB" if code == "en" else code
    with app.test_request_context(), force_locale(code):
        words = calendar_words(code)
        beside = gettext(SIDE_BY_SIDE["julian"])
        teshrinisani = gettext(RUMI_MONTHS[10])
    julian = side_by_side(doc("julian", "1920-07-28", "1920-08-10"), words)
    assert julian == beside.replace("%(written)s", format_date(date(1920, 7, 28), "long", locale=locale)).replace(
        "%(gregorian)s", format_date(date(1920, 8, 10), "long", locale=locale))
    rumi = side_by_side(doc("rumi", "1336-11-15", "1920-11-15"), words)
    assert teshrinisani in rumi and format_date(date(1920, 11, 15), "long", locale=locale) in rumi


@pytest.mark.parametrize("answer", [
    {"earliest": "1920-08-10", "latest": "1920-08-10", "precision": "day", "date_as_written": None},
    {"earliest": None, "latest": None, "precision": None, "date_as_written": None},
])
def test_a_gregorian_or_undated_document_has_nothing_to_set_beside(app, answer):
    with app.test_request_context():
        assert side_by_side(answer, calendar_words("ru")) is None
