"""The legend makes room: folded on small screens, at most a fifth of the map when open, movable to
the side panel, never under the scale bar."""
from __future__ import annotations

import pytest

from .layout import box, overlap
from .mappage import open_map

pytestmark = pytest.mark.browser

VIEW = "/?date=1920-08-10&window=30"
MAX_SHARE_OPEN = 0.2       # of the map's area, on a desktop screen
MAX_SHARE_FOLDED = 0.05


def legend_share(page) -> float:
    legend, area = box(page, "#legend"), box(page, "#map-area")
    return legend["width"] * legend["height"] / (area["width"] * area["height"])


def legend_open(page) -> bool:
    return page.evaluate("document.querySelector('#legend details').open")


@pytest.mark.parametrize("width, height", [(1280, 800), (1920, 1080)])
def test_an_open_legend_covers_at_most_a_fifth_of_the_map(page, live_server, screenshot, width, height):
    page.set_viewport_size({"width": width, "height": height})
    open_map(page, live_server + VIEW)
    assert legend_open(page)
    assert legend_share(page) <= MAX_SHARE_OPEN
    screenshot(page, f"legend-open-{width}x{height}")


@pytest.mark.parametrize("width, height", [(390, 844), (768, 1024), (1280, 560)])
def test_the_legend_starts_folded_on_small_screens_and_opens_on_demand(page, live_server, screenshot, width, height):
    page.set_viewport_size({"width": width, "height": height})
    open_map(page, live_server + VIEW)
    assert not legend_open(page)
    assert legend_share(page) <= MAX_SHARE_FOLDED
    page.click("#legend summary")
    assert legend_open(page)
    assert page.locator("#legend .legend-body").is_visible()
    screenshot(page, f"legend-unfolded-{width}x{height}")


@pytest.mark.parametrize("width, height", [(390, 844), (768, 1024), (1280, 800)])
def test_the_scale_bar_never_overlaps_the_legend(page, live_server, width, height):
    page.set_viewport_size({"width": width, "height": height})
    open_map(page, live_server + VIEW)
    for _ in range(2):      # folded and open, whichever it starts as
        scale, legend = box(page, ".leaflet-control-scale"), box(page, "#legend")
        assert scale and legend
        assert overlap(scale, legend) == 0
        page.click("#legend summary")


def test_the_legend_moves_to_the_side_panel_and_back(page, live_server, screenshot):
    open_map(page, live_server + VIEW)
    move = page.locator("#legend .legend-move")
    move.click()
    assert page.evaluate("document.getElementById('legend').parentElement.id") == "panel"
    assert page.locator("#panel .legend-body li.party").count() > 0
    assert move.get_attribute("aria-pressed") == "true"
    screenshot(page, "legend-in-panel")
    move.click()
    assert page.evaluate("document.getElementById('legend').parentElement.id") == "map-area"
    assert move.get_attribute("aria-pressed") == "false"
