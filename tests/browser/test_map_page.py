"""The map page in headless chromium: offline drawing, the slider, the reader, the keyboard."""
from __future__ import annotations

import pytest

from .mappage import idle, open_map, set_slider, shown

pytestmark = pytest.mark.browser


def test_page_draws_everything_offline_without_errors(page, live_server, screenshot):
    open_map(page, live_server + "/?date=1920-08-10&window=30")
    now = shown(page)
    assert now["places"] and now["lines"] and now["fills"]
    # the shipped basemap (land, water, rivers) and modern borders were fetched and drawn
    assert page.evaluate("window.chronotopeLayers.basemap.getLayers().length") >= 5
    assert page.evaluate("window.chronotopeLayers.borders.getLayers().length") >= 1
    assert any(url.endswith("/vendor/leaflet/leaflet.js?v=1.9.3") for url in page.watch.requests)
    assert page.locator(".leaflet-control-attribution").inner_text().count("Natural Earth") == 1
    screenshot(page, "map-page-1920-08-10")
    # the fixture fails the test if any request left the server or the console logged an error


def test_moving_the_slider_changes_markers_lines_and_territory_colours(page, live_server):
    open_map(page, live_server + "/?date=1920-08-07&window=7")
    august = shown(page)
    set_slider(page, "1921-02-16")
    february = shown(page)
    assert february["date"] == "16 February 1921"
    assert "date=1921-02-16" in february["search"]
    assert set(august["places"]) != set(february["places"])
    assert august["lines"] != february["lines"] or august["places"] != february["places"]
    assert august["fills"] != february["fills"]


def test_window_mode_everything_up_to_shows_more_than_the_last_days(page, live_server):
    open_map(page, live_server + "/?date=1921-03-01&window=7")
    week = shown(page)
    page.select_option("#mode", "upto")
    idle(page)
    everything = shown(page)
    assert set(week["places"]) < set(everything["places"])
    assert "window=upto" in everything["search"]


def test_keyboard_steps_between_document_dates_and_space_plays(page, live_server):
    open_map(page, live_server + "/?date=1920-08-06&window=30")
    dates = page.evaluate("fetch('/api/corpus').then(r => r.json()).then(c => c.dates)")
    slider = page.locator("#slider")
    slider.focus()
    page.keyboard.press("ArrowRight")
    idle(page)
    assert f"date={dates[1]}" in page.evaluate("location.search")
    assert slider.get_attribute("aria-valuetext") == page.locator("#date-label").inner_text()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")
    idle(page)
    assert f"date={dates[1]}" in page.evaluate("location.search")
    page.keyboard.press(" ")
    assert page.locator("#play").get_attribute("aria-pressed") == "true"
    page.keyboard.press(" ")
    assert page.locator("#play").get_attribute("aria-pressed") == "false"


def test_opening_a_document_highlights_its_places_and_moves_the_slider(page, live_server, screenshot):
    open_map(page, live_server + "/?date=1921-03-01&window=upto")
    first = page.locator(".doc-button").first
    doc_id = first.get_attribute("data-doc")
    first.click()
    page.wait_for_selector("#reader:not([hidden]) .mention")
    idle(page)
    doc = page.evaluate("id => fetch('/api/documents/' + encodeURIComponent(id)).then(r => r.json())", doc_id)
    assert page.locator("#reader-title").inner_text() == doc["title"]
    assert f"doc={doc_id}" in page.evaluate("location.search")
    assert f"date={doc['earliest']}" in page.evaluate("location.search")
    named = {m["place_id"] for m in doc["places"] if m["place_id"]}
    marked = set(page.evaluate("[...document.querySelectorAll('path.place-marker.in-document')].map(p => p.dataset.place)"))
    assert marked and marked <= named
    mention = page.locator(f".mention[data-place='{sorted(marked)[0]}']").first
    mention.hover()
    marker = page.locator(f"path.place-marker[data-place='{sorted(marked)[0]}']")
    assert "highlighted" in marker.get_attribute("class")
    screenshot(page, "reader-open")
    page.mouse.move(5, 5)
    assert "highlighted" not in marker.get_attribute("class")
    # movements in the text are underlined
    if doc["movements"]:
        assert page.locator("#reader-body .movement-text").count() > 0


def test_mentions_are_keyboard_focusable_and_enter_pans_to_the_place(page, live_server):
    open_map(page, live_server + "/?date=1921-03-01&window=upto")
    page.locator(".doc-button").first.click()
    page.wait_for_selector("#reader:not([hidden]) .mention[data-place]:not([data-place=''])")
    idle(page)
    mention = page.locator(".mention[data-place]:not([data-place=''])").first
    place = mention.get_attribute("data-place")
    mention.focus()
    assert "highlighted" in page.locator(f"path.place-marker[data-place='{place}']").get_attribute("class")
    page.keyboard.press("Enter")
    # the pan animates: wait until the marker sits at the map's centre
    page.wait_for_function("""id => {
        const m = window.chronotopeMap;
        const marker = window.chronotopeLayers.places.getLayers().find(l => l.getElement().dataset.place === id);
        const size = m.getSize();
        const p = m.latLngToContainerPoint(marker.getLatLng());
        return Math.hypot(p.x - size.x / 2, p.y - size.y / 2) < 5;
    }""", arg=place, timeout=5000)


def test_marker_popup_lists_names_and_opens_documents(page, live_server):
    open_map(page, live_server + "/?date=1920-08-10&window=30")
    place = shown(page)["places"][0]
    marker = page.locator(f"path.place-marker[data-place='{place}']")
    marker.focus()                      # markers are reachable by keyboard; Enter opens the popup
    page.keyboard.press("Enter")
    popup = page.locator(".place-popup")
    popup.locator(".popup-docs a").first.wait_for()
    info = page.evaluate("id => fetch('/api/places/' + encodeURIComponent(id)).then(r => r.json())", place)
    for name in info["properties"]["names"]:
        assert name["toponym"] in popup.locator(".names").inner_text()
    assert info["properties"]["certainty"] in popup.inner_text()
    link = popup.locator(".popup-docs a").first
    link.click()
    page.wait_for_selector("#reader:not([hidden])")
    idle(page)
    first_doc = info["properties"]["documents"][0]
    assert page.locator("#reader-title").inner_text() == first_doc["title"]
    assert f"date={first_doc['earliest']}" in page.evaluate("location.search")


def test_online_tiles_are_offered_but_fetched_only_when_chosen(page, app_for, atlas_path, serve_app):
    url = serve_app(app_for(atlas_path, TILES=True))
    open_map(page, url + "/?date=1920-08-10")
    assert page.watch.foreign == []
    page.locator(".leaflet-control-layers").hover()
    page.get_by_label("OpenStreetMap (online)").check()
    for _ in range(50):                 # tiles are asked for as the layer draws
        if page.watch.foreign:
            break
        page.wait_for_timeout(100)
    assert page.watch.foreign and all("tile.openstreetmap.org" in u for u in page.watch.foreign)
    assert "basemap" not in page.evaluate("location.search")
    page.watch.foreign.clear()        # refused by the fixture, as it should be: no network in tests
    page.watch.allow_console_errors = True   # the refused tiles log load errors


def test_embed_form_fits_a_small_frame_without_the_panel(page, live_server, screenshot):
    page.set_viewport_size({"width": 300, "height": 250})
    open_map(page, live_server + "/embed?date=1920-08-10&z=7&ll=39.5,46.0")
    assert page.locator("#panel").count() == 0
    link = page.locator("#open-full")
    assert link.is_visible() and "date=1920-08-10" in link.get_attribute("href")
    assert page.locator(".leaflet-control-attribution").is_visible()
    assert shown(page)["places"]
    bar = page.locator("#timebar").bounding_box()
    assert bar["y"] + bar["height"] <= 250 and bar["x"] >= 0 and bar["x"] + bar["width"] <= 300
    screenshot(page, "embed-300x250")


def test_the_open_documents_movements_are_drawn_bolder(page, live_server, client):
    docs = client.get("/api/documents?from=1920-08-01&to=1920-08-31").get_json()["documents"]
    with_moves = next(d for d in docs if client.get(f"/api/documents/{d['id']}").get_json()["movements"])
    open_map(page, f"{live_server}/?doc={with_moves['id']}&window=30")
    page.wait_for_selector("#reader:not([hidden]) .movement-text")
    idle(page)
    own = page.locator(".leaflet-movements-pane path.movement.in-document")
    assert own.count() >= 1
    assert page.locator(".leaflet-movements-pane path.movement").count() > own.count()


def test_focus_is_visible_and_space_on_the_map_plays(page, live_server):
    open_map(page, live_server + "/?date=1920-08-06&window=30")
    page.locator("#slider").focus()
    page.keyboard.press("Shift+Tab")        # from the slider back to the play button, by keyboard
    focused = page.evaluate("document.activeElement.id")
    assert focused == "next"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")
    page.locator(".leaflet-container").focus()
    page.keyboard.press(" ")
    assert page.locator("#play").get_attribute("aria-pressed") == "true"
    page.keyboard.press(" ")
    assert page.locator("#play").get_attribute("aria-pressed") == "false"


def test_without_an_atlas_the_page_says_so(page, app_for, serve_app, tmp_path):
    url = serve_app(app_for(tmp_path / "no-atlas-here"))
    page.watch.allow_console_errors = True       # the browser logs the failed answer itself
    page.goto(url + "/")
    status = page.locator("#status")
    status.wait_for(state="visible")
    assert "Could not load the map's data" in status.inner_text()
    assert page.locator(".leaflet-container").is_visible()   # the basemap still draws
