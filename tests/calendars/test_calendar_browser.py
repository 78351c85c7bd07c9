"""In chromium: the reader shows a date written in another calendar beside the Gregorian one, as the
document page does, in the page's language."""
from __future__ import annotations

import pytest
from browser.mappage import open_map

from .conftest import document

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("code", "title"), [("hy", "Telegram on the road from Shusha"),
                                             ("en", "Report on the road to Kars"),
                                             ("ru", "Letter from Nakhichevan")])
def test_the_reader_and_the_document_page_agree(calendar_app, serve_app, page, screenshot, code, title):
    base = serve_app(calendar_app)
    doc = document(calendar_app.test_client(), title)
    page.goto(f"{base}/documents/{doc['id']}?lang={code}")
    on_page = page.inner_text(".doc-date .calendar-date")
    open_map(page, f"{base}/?doc={doc['id']}&date={doc['earliest']}&window=30&lang={code}")
    page.wait_for_selector("#reader:not([hidden])")
    dates = page.locator("#reader-meta dd").first.inner_text()
    assert dates == f"{doc['date_text']} ({on_page})"
    screenshot(page, f"reader-calendar-{code}")
