"""The editor's pages on a phone (390×844): nothing wider than the screen, every control reachable."""
from __future__ import annotations

import pytest
from fixtures_review import DOC, log_in, open_document

from .layout import layout_problems

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("kind", ["reader-review", "queue", "history"])
def test_review_pages_fit_a_phone(editor_site, page, screenshot, kind):
    log_in(page, editor_site)
    page.set_viewport_size(PHONE)
    if kind == "reader-review":
        open_document(page, editor_site)
        page.locator('#reader-body mark[data-start="543"]').click()
        page.locator("#review-tools .rv-new-place").click()
        page.locator("#review-tools .rv-movements summary").click()
    elif kind == "queue":
        page.goto(f"{editor_site}/review")
        page.locator(".queue-item .queue-context").first.wait_for()
    else:
        page.goto(f"{editor_site}/documents/{DOC}/history")
        page.wait_for_load_state("networkidle")
    screenshot(page, f"review-phone-{kind}")
    assert layout_problems(page) == []
