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


def test_projector_draws_the_period_basemap_under_each_step(page, live_server, screenshot):
    """Issue #12: the step's live map stood on a blank blue background. Now the land, the waters
    with their names and the relief are drawn from our own origin, and the 1920 network where the
    step asks for it."""
    from urllib.parse import urlsplit

    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(f"{live_server}/tours/{SHIPPED}?step=3&projector=1")
    frame = page.frame_locator(".step:not([hidden]) .step-live")
    frame.locator(".leaflet-labels-pane .water-label").first.wait_for(timeout=20_000)
    layers = shown_step(page)["src"].split("layers=")[1].split("&")[0].split(",")
    assert {"basemap", "relief", "network", "territories", "places", "movements"} <= set(layers)
    labels = frame.locator(".leaflet-labels-pane .water-label").all_inner_texts()
    assert any("Araks" in text and "Araz" in text for text in labels), labels
    relief = frame.locator(".leaflet-relief-pane img.relief")
    relief.wait_for(timeout=20_000)
    page.wait_for_function("""() => { const f = document.querySelector('.step:not([hidden]) .step-live');
        const img = f.contentDocument.querySelector('.leaflet-relief-pane img.relief');
        return img && img.complete && img.naturalWidth > 100; }""", timeout=20_000)
    own = f"{urlsplit(live_server).scheme}://{urlsplit(live_server).netloc}"
    assert relief.evaluate("img => img.src").startswith(own + "/basemap/relief.jpg")
    # land and network are drawn on canvases of their own panes: some of their pixels are painted
    painted = """pane => { const c = document.querySelector(`.leaflet-${pane}-pane canvas`);
        if (!c) return 0; const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i]) n++; return n; }"""
    inner = page.frame_locator(".step:not([hidden]) .step-live").locator("body")
    assert inner.evaluate(f"(_, pane) => ({painted})(pane)", "basemap") > 10_000
    assert inner.evaluate(f"(_, pane) => ({painted})(pane)", "network") > 100
    page.wait_for_timeout(1000)
    screenshot(page, "tour-projector-1024x768-step-3-basemap")
    # a step that lists no network keeps it off, the ground still drawn
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    src = shown_step(page)["src"]
    layers = src.split("layers=")[1].split("&")[0].split(",")
    assert "network" not in layers and {"basemap", "relief"} <= set(layers)
