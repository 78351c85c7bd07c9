"""axe-core over the editor's page kinds: the reader in review mode (a mention chosen, every section
open), the review queue, a document's history and the document page once a person checked a link."""
from __future__ import annotations

import pytest
from fixtures_review import DOC, log_in, open_document

from .axe import audit, refused

pytestmark = pytest.mark.browser


def review_reader(page, base: str) -> None:
    open_document(page, base)
    page.locator('#reader-body mark[data-start="543"]').click()
    page.locator("#review-tools .rv-new-place").click()
    page.evaluate("document.querySelectorAll('#review-tools details').forEach((d) => { d.open = true; })")


def confirm_one(page, base: str) -> None:
    open_document(page, base)
    page.locator('#reader-body mark[data-start="280"]').click()
    page.locator("#review-tools .rv-confirm").click()
    page.wait_for_function("() => document.getElementById('review-status').textContent === 'Confirmed.'")


@pytest.mark.parametrize("kind", ["reader-review", "queue", "queue-help", "history", "document-checked"])
def test_review_pages_have_no_serious_accessibility_violation(editor_site, page, axe_source, kind):
    log_in(page, editor_site)
    if kind == "reader-review":
        review_reader(page, editor_site)
    elif kind.startswith("queue"):
        page.goto(f"{editor_site}/review")
        page.locator(".queue-item .queue-context").first.wait_for()
        if kind == "queue-help":
            page.keyboard.press("?")
            page.keyboard.press("l")
    else:
        confirm_one(page, editor_site)
        page.goto(f"{editor_site}/documents/{DOC}" + ("/history" if kind == "history" else ""))
        page.wait_for_load_state("networkidle")
        if kind == "history":
            page.locator("#history-rows tr").first.wait_for()
    assert refused(audit(page, axe_source)) == []
