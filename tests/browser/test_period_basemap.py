"""The period basemap on the live map: rivers and lakes named in every variant, the mountains'
relief and the 1920 railways and roads, all from the app's own origin and switchable; place labels
in the period's spelling by default, today's on a choice kept in the URL."""
from __future__ import annotations

import json
from urllib.parse import urlsplit
from urllib.request import urlopen

import pytest

from .mappage import idle, open_map
from .test_map_labels import assert_no_overlap, labels_on

pytestmark = pytest.mark.browser

VIEW = "date=1920-08-10&window=30&z=8&ll=39.6000,46.0000"


def waters_labelled(page) -> dict[str, dict]:
    return {label["key"]: label for label in labels_on(page)["labels"] if label["key"].startswith("water:")}


def test_rivers_and_lakes_are_labelled_with_every_sides_names(page, live_server, screenshot):
    open_map(page, f"{live_server}/?{VIEW}")
    page.wait_for_function("() => document.querySelector('.leaflet-labels-pane .water-label')")
    waters = waters_labelled(page)
    # names alphabetical, none first for being one side's; every variant on hover
    assert waters["water:chr:aras"]["text"] == "Araks / Aras / Araz"
    assert "Արաքս (hy)" in waters["water:chr:aras"]["title"] and "Araz (az)" in waters["water:chr:aras"]["title"]
    assert "Sevan" in waters["water:chr:sevan"]["text"] and "Gokcha" in waters["water:chr:sevan"]["text"]
    assert len(waters) >= 5
    assert_no_overlap(labels_on(page))
    screenshot(page, "period-basemap-zoom-8")
    # Zangezur's rivers, where the documents' places leave them room
    open_map(page, f"{live_server}/?date=1920-08-10&z=9&ll=39.4500,46.1000&layers=basemap,relief,network")
    page.wait_for_function("() => document.querySelector('.leaflet-labels-pane .water-label')")
    waters = waters_labelled(page)
    assert "Bazarchay" in waters["water:chr:vorotan"]["text"] and "Vorotan" in waters["water:chr:vorotan"]["text"]
    assert {"water:chr:hakari", "water:chr:arpa"} <= set(waters)
    assert_no_overlap(labels_on(page))
    screenshot(page, "period-basemap-zangezur")


@pytest.mark.parametrize("zoom", [6, 10])
def test_water_labels_stay_clear_of_each_other_and_the_places_at_every_zoom(page, live_server, screenshot, zoom):
    open_map(page, f"{live_server}/?date=1920-08-10&window=30&z={zoom}&ll=39.5000,46.2000")
    page.wait_for_function("() => document.querySelector('.leaflet-labels-pane .water-label')")
    assert waters_labelled(page)
    assert_no_overlap(labels_on(page))
    screenshot(page, f"period-basemap-zoom-{zoom}")


def test_relief_rivers_and_network_come_from_the_apps_own_origin(page, live_server):
    open_map(page, f"{live_server}/?{VIEW}")
    page.wait_for_function("() => document.querySelector('.leaflet-relief-pane img.relief')?.complete")
    assert page.evaluate("document.querySelector('.leaflet-relief-pane img.relief').naturalWidth") > 100
    lines = page.evaluate("window.chronotopeLayers.network.getLayers().length")
    with urlopen(f"{live_server}/basemap/network.geojson", timeout=30) as answer:
        network = json.loads(answer.read())
    assert lines == len(network["features"]) > 10
    paths = {urlsplit(url).path for url in page.watch.requests}
    assert {"/basemap/relief.jpg", "/basemap/network.geojson", "/basemap/waters.geojson",
            "/basemap/rivers.geojson"} <= paths
    own = f"{urlsplit(live_server).scheme}://{urlsplit(live_server).netloc}"
    assert all(url.startswith((own, "data:")) for url in page.watch.requests), "a request left the app"
    assert not page.watch.foreign


def test_relief_and_network_switch_off_and_the_address_keeps_it(page, live_server):
    open_map(page, f"{live_server}/?{VIEW}")
    # the legend says how the 1920 lines are drawn while they are shown
    assert page.locator("#legend .legend-network li").count() == 3
    page.hover(".leaflet-control-layers")
    page.get_by_label("Mountains (shaded relief)").uncheck()
    page.get_by_label("Railways and roads of 1920").uncheck()
    page.wait_for_function("() => !new URLSearchParams(location.search).get('layers').includes('relief')")
    layers = page.evaluate("new URLSearchParams(location.search).get('layers')").split(",")
    assert "relief" not in layers and "network" not in layers and "basemap" in layers
    assert page.locator(".leaflet-relief-pane img").count() == 0
    assert page.locator("#legend .legend-network").count() == 0
    page.reload()
    page.wait_for_function("() => document.getElementById('app').dataset.ready === 'true'")
    idle(page)
    assert page.evaluate("window.chronotopeMap.hasLayer(window.chronotopeLayers.relief)") is False
    assert page.evaluate("window.chronotopeMap.hasLayer(window.chronotopeLayers.network)") is False
    # without the basemap, the rivers lose their names too
    open_map(page, f"{live_server}/?{VIEW}&layers=territories,places")
    assert not waters_labelled(page)


def period_respelled(live_server) -> list[dict]:
    """The places of the window whose period name is not today's (Geryusy: Goris), most named first."""
    with urlopen(f"{live_server}/api/places?from=1920-07-12&to=1920-08-10", timeout=30) as answer:
        places = [f["properties"] for f in json.loads(answer.read())["features"]]
    return sorted((p for p in places if p.get("period_name") and p["period_name"] != p["name"]),
                  key=lambda p: -p["mentions"])


def test_place_labels_use_the_periods_names_by_default_and_todays_on_choice(page, live_server, screenshot):
    open_map(page, f"{live_server}/?{VIEW}")
    # labels are thinned where they would collide: take the most-named respelled place that has one
    shown = {lab["key"] for lab in labels_on(page)["labels"]}
    place = next((p for p in period_respelled(live_server) if f"place:{p['id']}" in shown), None)
    assert place is not None, "no place with a period name of its own is labelled"
    key = f"place:{place['id']}"
    label = next(lab for lab in labels_on(page)["labels"] if lab["key"] == key)
    assert label["text"] == place["period_name"]
    assert label["title"] == f"{place['name']} (today's name)"
    assert "names=period" in page.evaluate("location.search")
    page.select_option("#name-choice", "today")
    page.wait_for_function("() => location.search.includes('names=today')")
    idle(page)
    label = next(lab for lab in labels_on(page)["labels"] if lab["key"] == key)
    assert label["text"] == place["name"]
    assert place["period_name"] in label["title"]
    screenshot(page, "labels-todays-names")
    # the address carries the choice: a new visitor (nothing remembered) sees today's names
    url = page.url
    fresh = page.context.browser.new_context().new_page()
    try:
        open_map(fresh, url)
        assert fresh.locator("#name-choice").input_value() == "today"
        label = next(lab for lab in labels_on(fresh)["labels"] if lab["key"] == key)
        assert label["text"] == place["name"]
    finally:
        fresh.context.close()
    page.go_back()
    page.wait_for_function("() => location.search.includes('names=period')")
    idle(page)
    assert next(lab for lab in labels_on(page)["labels"] if lab["key"] == key)["text"] == place["period_name"]
