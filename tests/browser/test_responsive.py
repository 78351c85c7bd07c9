"""Every page on a phone (390×844) and a tablet (768×1024): nothing wider than the screen, every
control reachable and uncovered. Screenshots of each go to test-artifacts/."""
from __future__ import annotations

import json
from urllib.request import urlopen

import pytest

from .layout import layout_problems
from .mappage import idle, open_map

pytestmark = pytest.mark.browser

SHIPPED_TOUR = "disputed-districts-1920-1921"
SCREENS = {"phone": {"width": 390, "height": 844}, "tablet": {"width": 768, "height": 1024}}


def first_document(base: str) -> str:
    with urlopen(f"{base}/api/documents?per_page=1", timeout=30) as answer:
        return json.loads(answer.read())["documents"][0]["id"]


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("path", ["/?date=1920-08-10&window=30", "/?date=1920-08-10&window=30&doc={doc}"])
def test_map_page_fits_the_screen(page, live_server, screenshot, screen, path):
    page.set_viewport_size(SCREENS[screen])
    open_map(page, live_server + path.format(doc=first_document(live_server)))
    if "doc=" in path:
        page.wait_for_selector("#reader:not([hidden]) .reader-body")
        idle(page)
    screenshot(page, f"responsive-map-{screen}-{'reader' if 'doc=' in path else 'list'}")
    assert layout_problems(page) == []


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("path", ["/documents/{doc}", "/places/chr:goris", "/tours/",
                                  f"/tours/{SHIPPED_TOUR}", f"/tours/{SHIPPED_TOUR}?step=3",
                                  f"/tours/{SHIPPED_TOUR}?step=3&projector=1", "/compare?a=1920-08-10&b=1921-02-16"])
def test_pages_fit_the_screen(page, live_server, screenshot, screen, path):
    page.set_viewport_size(SCREENS[screen])
    page.goto(live_server + path.format(doc=first_document(live_server)))
    page.wait_for_load_state("load")
    screenshot(page, f"responsive-{screen}-{path.strip('/')[:60] or 'index'}")
    assert layout_problems(page) == []
