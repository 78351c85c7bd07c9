"""The map with the keyboard alone (Tab, Enter, Space, arrows; no clicks, no scripted focus) and what a
screen reader is told; the pages honour prefers-reduced-motion and prefers-contrast."""
from __future__ import annotations

import pytest
from browser.mappage import idle, open_map

pytestmark = pytest.mark.browser

VIEW = "/?date=1920-08-10&window=30"
ACTIVE = "document.activeElement"


def tab_to(page, test: str, limit: int = 400, back: bool = False) -> None:
    """Press Tab (Shift+Tab when `back`) until `test` (JS, of `el` = the focused element) holds."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        if page.evaluate(f"(() => {{ const el = {ACTIVE}; return !!({test}); }})()"):
            return
    pytest.fail(f"Tab never reached an element where {test}")


def test_the_time_bar_by_keyboard(page, live_server):
    open_map(page, live_server + VIEW)
    tab_to(page, "el.id === 'slider'")
    before = page.inner_text("#date-label")
    page.keyboard.press("ArrowRight")
    idle(page)
    assert page.inner_text("#date-label") != before
    assert page.get_attribute("#slider", "aria-valuetext") == page.inner_text("#date-label")
    assert page.get_attribute("#date-label", "aria-live") == "polite"     # read out as it changes
    page.keyboard.press("Home")
    idle(page)
    tab_to(page, "el.id === 'mode'")
    page.keyboard.press("ArrowDown")                                     # "everything up to this date"
    idle(page)
    assert "window=upto" in page.url


def test_the_layer_switcher_by_keyboard(page, live_server):
    open_map(page, live_server + VIEW)
    tab_to(page, "el.classList && el.classList.contains('leaflet-control-layers-toggle')")
    page.keyboard.press("Enter")                                          # opens the list of layers
    tab_to(page, "el.closest('.leaflet-control-layers') && el.type === 'checkbox'"
                 " && /movement/i.test(el.parentElement.textContent)")
    name = page.evaluate(f"{ACTIVE}.parentElement.textContent.trim()")
    assert page.evaluate(f"{ACTIVE}.checked")
    page.keyboard.press("Space")
    assert not page.evaluate(f"{ACTIVE}.checked"), name
    page.wait_for_function("() => !new URLSearchParams(location.search).get('layers').split(',').includes('movements')",
                           timeout=10_000)
    assert page.locator(".leaflet-movements-pane path.movement").count() == 0


def test_a_marker_by_keyboard(page, live_server):
    open_map(page, live_server + VIEW)
    tab_to(page, "el.classList && el.classList.contains('place-marker')")
    label = page.evaluate(f"{ACTIVE}.getAttribute('aria-label')")
    assert label and label.split(",")[0]                                  # the place's name is announced
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(timeout=10_000)
    assert label.split(",")[0] in popup.inner_text()


def test_the_reader_by_keyboard(page, live_server):
    open_map(page, live_server + VIEW)
    tab_to(page, "el.closest('#doc-list')")
    page.keyboard.press("Enter")
    page.locator("#reader:not([hidden])").wait_for(timeout=10_000)
    idle(page)
    assert page.evaluate(f"!!{ACTIVE}.closest('#reader')")                # focus moved into the reader
    assert page.inner_text("#reader-title").strip()
    tab_to(page, "el.classList && el.classList.contains('mention')")
    centre = page.evaluate("JSON.stringify(window.chronotopeMap.getCenter())")
    page.keyboard.press("Enter")                                          # pans to the place
    page.wait_for_function(f"() => JSON.stringify(window.chronotopeMap.getCenter()) !== {centre!r}", timeout=10_000)
    tab_to(page, "el.id === 'reader-close'", back=True)
    page.keyboard.press("Enter")
    page.locator("#reader").wait_for(state="hidden", timeout=10_000)
    assert "doc=" not in page.url


def test_reduced_motion_stops_transitions(page, live_server):
    page.emulate_media(reduced_motion="reduce")
    page.goto(f"{live_server}/tours/disputed-districts-1920-1921")
    assert page.eval_on_selector(".progress-fill", "e => getComputedStyle(e).transitionDuration") == "0s"
    page.emulate_media(reduced_motion="no-preference")
    assert page.eval_on_selector(".progress-fill", "e => getComputedStyle(e).transitionDuration") != "0s"


def test_more_contrast_darkens_the_map_page_and_turns_the_tour_to_high_contrast(page, live_server):
    page.emulate_media(contrast="more")
    open_map(page, live_server + VIEW)
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"
    page.goto(f"{live_server}/tours/disputed-districts-1920-1921")
    assert "high-contrast" in page.eval_on_selector("body", "b => b.className")
    page.click(".contrast-toggle")                                        # the reader's choice wins
    page.reload()
    assert "high-contrast" not in page.eval_on_selector("body", "b => b.className")
