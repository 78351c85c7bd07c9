"""Projector mode of a tour: the live map full screen, the text beside it in large type, the
quotation above the fold at 1024×768, keys to step."""
from __future__ import annotations

import pytest

# The projector's frame keeps loading the live map (basemap, palette) when a test ends; werkzeug's
# test server, cut off mid-file at teardown, can leave that file to the garbage collector, which
# warns. Production serves with waitress, which closes every answer; the app holds no file open
# itself (the basemap is served from memory).
pytestmark = [pytest.mark.browser, pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")]

SHIPPED = "disputed-districts-1920-1921"


def shown_step(page) -> dict:
    return page.evaluate("""() => { const s = document.querySelector('.step:not([hidden])');
        const r = (e) => e && e.getBoundingClientRect();
        const frame = r(s.querySelector('.step-live')), quote = r(s.querySelector('.quote > p'));
        return {n: Number(s.dataset.step), frame: frame && {width: frame.width, height: frame.height},
                quote: quote && {top: quote.top, bottom: quote.bottom}, search: location.search,
                src: s.querySelector('.step-live')?.getAttribute('src'), font: parseFloat(getComputedStyle(document.body).fontSize)}; }""")


def test_projector_mode_shows_the_live_map_and_keeps_each_quotation_above_the_fold(page, live_server, screenshot):
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(f"{live_server}/tours/{SHIPPED}?step=1")
    page.click(".projector-toggle")
    assert page.evaluate("document.body.classList.contains('projector')")
    count = int(page.locator(".tour").get_attribute("data-count"))
    quoted = 0
    for n in range(1, count + 1):
        step = shown_step(page)
        assert step["n"] == n
        assert "projector=1" in step["search"] and f"step={n}" in step["search"]
        assert step["src"].startswith("/embed?")
        assert step["frame"]["width"] >= 0.55 * 1024 and step["frame"]["height"] >= 0.7 * 768
        assert step["font"] >= 20                                   # large type
        if step["quote"]:
            assert step["quote"]["bottom"] <= 768, f"step {n}: the quotation runs below the fold"
            quoted += 1
        if n == 3:
            page.frame_locator(".step:not([hidden]) .step-live").locator(".leaflet-container").wait_for(timeout=20_000)
            page.wait_for_timeout(1500)
            screenshot(page, "tour-projector-1024x768-step-3")
        page.keyboard.press("ArrowRight")
    assert quoted >= count // 2
    # P leaves projector mode; the address says so
    page.keyboard.press("p")
    assert not page.evaluate("document.body.classList.contains('projector')")
    assert "projector=1" not in page.evaluate("location.search")


def test_a_projector_link_opens_in_projector_mode(page, live_server):
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(f"{live_server}/tours/{SHIPPED}?step=2&projector=1")
    assert page.locator(".projector-toggle").get_attribute("aria-pressed") == "true"
    assert shown_step(page)["src"]
