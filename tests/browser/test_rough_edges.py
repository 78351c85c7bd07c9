"""Rough edges a new user met: what the address asks for and the map cannot show is said on the page;
a gone data version answers 410 on the main page too; the reader opens at its top; footers name the data."""
from __future__ import annotations

import pytest

from .mappage import idle, open_map

pytestmark = pytest.mark.browser


def notice(page) -> str:
    return page.locator("#notice").inner_text()


@pytest.mark.parametrize("query, says, shown", [
    ("date=1921-03-20", ["20 March 1921", "the nearest"], None),
    ("date=1919-01-01", ["1 January 1919", "the nearest"], None),
    ("date=banana", ["\u201cbanana\u201d is not a date"], None),
])
def test_a_date_the_map_cannot_show_is_named_on_the_page(page, live_server, screenshot, query, says, shown):
    open_map(page, f"{live_server}/?{query}&window=30")
    for text in says:
        assert text in notice(page)
    assert page.locator("#date-label").inner_text() in notice(page)
    screenshot(page, f"notice-{query.replace('=', '-')}")
    # the notice goes once the reader moves the map in time
    page.click("#prev" if query != "date=1919-01-01" else "#next")
    idle(page)
    assert notice(page) == ""


def test_a_date_inside_the_corpus_says_nothing(page, live_server):
    open_map(page, f"{live_server}/?date=1920-08-10&window=30")
    assert notice(page) == ""


def test_an_unknown_document_is_named_on_the_page(page, live_server):
    page.watch.allow_console_errors = True      # the browser logs the 404 of /api/documents/nope
    open_map(page, f"{live_server}/?date=1920-08-10&window=30&doc=nope")
    page.wait_for_function("document.getElementById('notice').textContent.includes('nope')")
    assert "no document \u201cnope\u201d" in notice(page)
    assert "doc=" not in page.evaluate("location.search")
    assert page.locator("#documents").is_visible()


def test_the_reader_opens_at_the_top_of_the_text_when_the_list_was_scrolled(page, live_server):
    page.set_viewport_size({"width": 1280, "height": 500})
    open_map(page, f"{live_server}/?date=1921-03-01&window=upto")
    page.evaluate("document.getElementById('panel').scrollTop = 600")
    assert page.evaluate("document.getElementById('panel').scrollTop") > 0
    page.locator(".doc-button").nth(8).click()
    page.wait_for_selector("#reader:not([hidden]) .reader-body")
    idle(page)
    assert page.evaluate("document.getElementById('panel').scrollTop") == 0
    assert page.locator("#reader-title").is_visible()


def test_the_main_page_answers_410_for_a_data_version_no_longer_kept(client):
    answer = client.get("/?date=1920-08-10&v=0123456789ab")
    assert answer.status_code == 410
    body = answer.get_data(as_text=True)
    assert 'href="/?date=1920-08-10"' in body and "0123456789ab" in body
    # as /embed does
    assert client.get("/embed?date=1920-08-10&v=0123456789ab").status_code == 410


def test_the_tours_footer_names_the_data_version(client):
    version = client.get("/api/corpus").get_json()["version"]
    body = client.get("/tours/").get_data(as_text=True)
    assert f"Data version <code>{version}</code>" in body
