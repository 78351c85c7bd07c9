"""An editor undoes a place made in the app, in headless chromium: the reader's review tools list the
places made, their Undo is refused while the editor's own link uses the place (the message names the
document), and once that link is undone the place leaves the gazetteer and the document reads as the
machine read it."""
from __future__ import annotations

from urllib.parse import quote

import pytest
from fixtures_review import DOC, create_place, get_json, log_in, mention_at, open_document

from .mappage import idle, shown

pytestmark = pytest.mark.browser
NAME = "Engelaurt (editor's reading)"


def said(page, text: str) -> str:
    """Wait until the review status says `text`, and the reader and the map are drawn again; return it."""
    page.wait_for_function("(t) => document.getElementById('review-status').textContent.includes(t)", arg=text,
                           timeout=20_000)
    idle(page)
    return page.locator("#review-status").inner_text()


def test_an_editor_undoes_a_place_once_nothing_links_it(editor_site, page, screenshot):
    base = editor_site
    machine = mention_at(get_json(f"{base}/api/documents/{DOC}"), 1048)["place_id"]
    log_in(page, base)
    open_document(page, base)

    page.locator('#reader-body mark[data-start="1048"]').click()
    create_place(page, NAME, "the editor's reading of a 1920 staff map")
    said(page, "Linked to")
    made = mention_at(get_json(f"{base}/api/documents/{DOC}"), 1048)["place_id"]
    assert made != machine and made in shown(page)["places"]

    page.locator("#review-tools .rv-places summary").click()
    entry = page.locator("#review-tools .rv-places .rv-change", has_text=made)
    assert f"new place: {NAME} ({made})" in entry.inner_text()
    entry.locator(".rv-undo").click()
    refused = said(page, "Not undone")
    assert DOC in refused and made in refused
    assert all("409" in error for error in page.watch.console_errors)   # the browser logs the refused answer
    page.watch.console_errors.clear()
    assert made in [p["id"] for p in get_json(f"{base}/api/gazetteer/search?q={quote(NAME)}")["places"]]

    page.locator("#review-tools .rv-changes .rv-change", has_text=made).locator(".rv-undo").click()
    said(page, "Undone")
    page.locator("#review-tools .rv-places .rv-change", has_text=made).first.locator(".rv-undo").click()
    said(page, "Undone")
    assert mention_at(get_json(f"{base}/api/documents/{DOC}"), 1048)["place_id"] == machine
    assert made not in [p["id"] for p in get_json(f"{base}/api/gazetteer/search?q={quote(NAME)}")["places"]]
    assert made not in shown(page)["places"]
    listed = page.locator("#review-tools .rv-places .rv-change")
    assert listed.first.inner_text().startswith(f"undone: new place: {NAME}")
    assert listed.first.locator(".rv-undo").count() == 0      # an undo is undone through the API only
    screenshot(page, "review-place-undone")
