"""Every view is a URL: a shared link restores it, reloading keeps it, Back walks back, Share copies it."""
from __future__ import annotations

import pytest

from .mappage import idle, open_map, set_slider, shown

pytestmark = pytest.mark.browser

VIEW_JS = """() => ({
    zoom: window.chronotopeMap.getZoom(),
    centre: [window.chronotopeMap.getCenter().lat, window.chronotopeMap.getCenter().lng],
    layers: Object.entries(window.chronotopeLayers).filter(([id, l]) => window.chronotopeMap.hasLayer(l))
        .map(([id]) => id).sort(),
    date: document.getElementById('date-label').textContent,
    mode: document.getElementById('mode').value,
    days: document.getElementById('days').value,
    reader: document.getElementById('reader').hidden ? null : document.getElementById('reader-title').textContent,
})"""


@pytest.fixture
def a_document(client):
    return client.get("/api/documents?from=1920-12-01&to=1921-01-31").get_json()["documents"][2]


def test_a_shared_url_restores_its_view_and_reload_keeps_it(page, live_server, a_document, screenshot):
    url = (f"{live_server}/?date=1921-01-10&window=14&doc={a_document['id']}&z=9&ll=39.7500,46.5000"
           "&layers=basemap,places,territories")
    open_map(page, url)
    view = page.evaluate(VIEW_JS)
    assert view["zoom"] == 9
    assert view["centre"] == pytest.approx([39.75, 46.5], abs=1e-4)
    assert view["layers"] == ["basemap", "places", "territories"]
    assert view["date"] == "10 January 1921"
    assert (view["mode"], view["days"]) == ("days", "14")
    assert view["reader"] == a_document["title"]
    screenshot(page, "shared-url-restored")
    page.reload()
    page.wait_for_function("() => document.getElementById('app').dataset.ready === 'true'")
    idle(page)
    assert page.evaluate(VIEW_JS) == view


def test_back_button_walks_back_through_views(page, live_server):
    open_map(page, live_server + "/?date=1920-08-06&window=30")
    page.click("#next")
    idle(page)
    second = shown(page)["date"]
    page.select_option("#mode", "upto")
    idle(page)
    page.evaluate("window.chronotopeMap.setZoom(9)")
    page.wait_for_function("() => location.search.includes('z=9')")
    page.go_back()
    page.wait_for_function("() => !location.search.includes('z=9')")
    idle(page)
    assert page.evaluate("window.chronotopeMap.getZoom()") == 7
    page.go_back()
    page.wait_for_function("() => !location.search.includes('window=upto')")
    idle(page)
    assert page.locator("#mode").input_value() == "days"
    assert shown(page)["date"] == second
    page.go_back()
    page.wait_for_function("() => location.search.includes('date=1920-08-06')")
    idle(page)
    assert shown(page)["date"] == "6 August 1920"


def test_share_copies_the_link_of_this_view(page, live_server):
    open_map(page, live_server + "/?date=1920-08-07&window=7")
    set_slider(page, "1920-08-10")
    page.click("#share")
    page.wait_for_function("() => document.getElementById('share-status').textContent.length > 0")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == live_server + "/" + page.evaluate("location.search")
    assert "date=1920-08-10" in copied


def test_share_falls_back_to_a_selected_field_without_clipboard(page, live_server):
    page.add_init_script("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    open_map(page, live_server + "/?date=1920-08-07&window=7")
    page.click("#share")
    field = page.locator("#share-url")
    assert field.is_visible()
    assert field.input_value().endswith(page.evaluate("location.search"))
    assert page.evaluate("document.activeElement.id") == "share-url"


def test_playing_moves_through_the_dates_without_flooding_history(page, live_server):
    open_map(page, live_server + "/?date=1920-08-06&window=30")
    length = page.evaluate("history.length")
    page.click("#play")
    page.wait_for_function("() => !location.search.includes('date=1920-08-06')", timeout=5000)
    page.wait_for_function("() => !location.search.includes('date=1920-08-07')", timeout=5000)
    page.click("#play")
    idle(page)
    assert page.locator("#play").get_attribute("aria-pressed") == "false"
    assert page.evaluate("history.length") == length
