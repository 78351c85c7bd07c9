"""During playback each movement that comes into the window travels along its route."""
from __future__ import annotations

import pytest

from .mappage import open_map

pytestmark = pytest.mark.browser


def test_playback_sends_a_dot_along_each_new_movement(page, live_server, screenshot):
    open_map(page, f"{live_server}/?date=1920-08-06&window=7&z=8&ll=39.4000,45.9000")
    page.evaluate("""() => { window.__runs = [];
        new MutationObserver((changes) => changes.forEach((c) => c.addedNodes.forEach((n) => {
            if (n.classList && n.classList.contains('movement-runner')) window.__runs.push(n.getAttribute('d')); })))
          .observe(document.querySelector('.leaflet-movements-pane'), {childList: true, subtree: true}); }""")
    page.click("#play")
    page.wait_for_selector(".leaflet-movements-pane path.movement-runner", timeout=15_000)
    screenshot(page, "playback-runner")
    page.click("#play")     # pause
    assert page.evaluate("window.__runs.length") >= 1
    # each dot is gone once it has arrived
    page.wait_for_timeout(1500)
    assert page.locator(".leaflet-movements-pane path.movement-runner").count() == 0


def test_no_dot_runs_when_the_slider_is_moved_by_hand(page, live_server):
    open_map(page, f"{live_server}/?date=1920-08-06&window=7")
    page.click("#next")
    page.wait_for_timeout(400)
    assert page.locator(".leaflet-movements-pane path.movement-runner").count() == 0
