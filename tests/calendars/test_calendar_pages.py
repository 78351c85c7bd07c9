"""The document page and its handout show a date written in another calendar beside the Gregorian one,
in the page's language."""
from __future__ import annotations

import html
import re

import pytest

from mapapp.web.i18n import LANGUAGES

from .conftest import document


def shown(page: str, css_class: str) -> str:
    (found,) = re.findall(rf'<(?:span|p) class="[^"]*\b{css_class}\b[^"]*">([^<]*)<', page)
    return html.unescape(found)


@pytest.mark.parametrize("code", LANGUAGES)
def test_document_page_and_handout_show_both_calendars(calendar_app, code):
    from mapapp.web.calendar_words import calendar_words, side_by_side

    client = calendar_app.test_client()
    doc = document(client, "Telegram on the road from Shusha")
    with calendar_app.test_request_context():
        expected = side_by_side(doc, calendar_words(code))
    for path in (f"/documents/{doc['id']}?lang={code}", f"/documents/{doc['id']}/print?lang={code}"):
        page = client.get(path).get_data(as_text=True)
        assert shown(page, "calendar-date") == expected
    assert ("10 August 1920" in expected) == (code == "en")


def test_the_english_page_reads_as_the_example(calendar_client):
    doc = document(calendar_client, "Report on the road to Kars")
    page = calendar_client.get(f"/documents/{doc['id']}?lang=en").get_data(as_text=True)
    assert shown(page, "calendar-date") == "15 Teşrinisani 1336 (Rumi) = 15 November 1920"


def test_a_gregorian_document_shows_no_second_calendar(client):
    listed = client.get("/api/documents?per_page=1").get_json()["documents"]
    page = client.get(f"/documents/{listed[0]['id']}?lang=ru").get_data(as_text=True)
    assert "calendar-date" not in page
