"""The README's picture of the map in Armenian, made by this test (test-artifacts/map-reader-hy.png):
the map of 10 August 1920 with the reader open on the agreement of that day, every word of the
interface in Armenian, the date as Armenian writes it."""
from __future__ import annotations

from datetime import date

import pytest
from babel.dates import format_date
from browser.mappage import open_map

pytestmark = pytest.mark.browser


def test_the_map_in_armenian_with_the_reader_open(live_server, client, page, screenshot):
    doc = next(d for d in client.get("/api/documents?per_page=500").get_json()["documents"]
               if d["title"] == "Agreement, 10 August 1920")
    open_map(page, f"{live_server}/?date=1920-08-10&window=30&doc={doc['id']}&lang=hy")
    page.wait_for_selector("#reader:not([hidden]) .mention")
    assert page.evaluate("document.documentElement.lang") == "hy"
    assert page.inner_text("#date-label") == format_date(date(1920, 8, 10), "long", locale="hy")
    # The interface's words (the document's title and facts are its data, shown as recorded).
    interface = "#reader-meta dt, #timebar label, #reader-close, #reader-prev, #reader-next"
    armenian = page.evaluate("(css) => [...document.querySelectorAll(css)].map(e => e.textContent.trim()).filter(Boolean)",
                             interface)
    assert armenian and all(any("\u0531" <= ch <= "\u058f" for ch in text) for text in armenian), armenian
    screenshot(page, "map-reader-hy")
