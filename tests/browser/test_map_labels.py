"""Labels and arrowheads on the live map: places and territories named, none overlapping, the open
document's places in its own spelling; movements drawn above markers with arrowheads at the circle's edge."""
from __future__ import annotations

import json
from urllib.request import urlopen

import pytest

from .layout import overlap
from .mappage import open_map

pytestmark = pytest.mark.browser

LABELS = """() => {
  const rect = (e) => { const r = e.getBoundingClientRect();
    return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; };
  return {
    labels: [...document.querySelectorAll('.leaflet-labels-pane [data-label]')].map((e) => ({
      key: e.dataset.label, text: e.textContent, title: e.title, cls: e.className, ...rect(e)})),
    markers: [...document.querySelectorAll('.leaflet-places-pane path.place-marker')].map((e) => ({
      key: 'place:' + e.dataset.place, ...rect(e)})),
    legend: rect(document.getElementById('legend')),
  };
}"""


def labels_on(page) -> dict:
    return page.evaluate(LABELS)


def assert_no_overlap(seen: dict) -> None:
    labels = seen["labels"]
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            assert overlap(a, b) < 1, (a["text"], b["text"])
        for marker in seen["markers"]:
            if marker["key"] != a["key"]:
                assert overlap(a, marker) < 1, (a["text"], marker["key"])
        assert overlap(a, seen["legend"]) < 1, a["text"]


@pytest.mark.parametrize("zoom", [7, 9])
def test_places_and_territories_are_labelled_without_overlapping(page, live_server, screenshot, zoom):
    open_map(page, f"{live_server}/?date=1920-08-10&window=30&z={zoom}&ll=39.5000,45.9000")
    seen = labels_on(page)
    places = [label for label in seen["labels"] if label["key"].startswith("place:")]
    assert len(places) >= 5
    assert any(label["key"].startswith("territory:") for label in seen["labels"])
    assert_no_overlap(seen)
    screenshot(page, f"labels-zoom-{zoom}")


def test_the_most_named_place_is_labelled_first_and_labels_thin_out_when_zoomed_out(page, live_server):
    with urlopen(f"{live_server}/api/places?from=1920-07-12&to=1920-08-10", timeout=30) as answer:
        places = json.loads(answer.read())["features"]
    top = max(places, key=lambda f: f["properties"]["mentions"])["properties"]
    open_map(page, f"{live_server}/?date=1920-08-10&window=30&z=6&ll=40.5000,45.9000")
    far = [label for label in labels_on(page)["labels"] if label["key"].startswith("place:")]
    assert f"place:{top['id']}" in {label["key"] for label in far}
    assert "major" in next(label["cls"] for label in far if label["key"] == f"place:{top['id']}")
    assert len(far) <= 10
    page.evaluate("window.chronotopeMap.setZoom(8, {animate: false})")
    page.wait_for_timeout(300)
    near = [label for label in labels_on(page)["labels"] if label["key"].startswith("place:")]
    assert len(near) > len(far)


def test_the_open_documents_places_are_labelled_as_it_writes_them(page, live_server, screenshot):
    doc_id = "1920-08-06-telegram-plenipotentiary-representative-rsfsr-e4d5e8"
    with urlopen(f"{live_server}/api/documents/{doc_id}", timeout=30) as answer:
        doc = json.loads(answer.read())
    open_map(page, f"{live_server}/?date=1920-08-06&window=30&z=9&ll=39.4000,45.9000&doc={doc_id}")
    page.wait_for_selector("#reader:not([hidden]) .mention")
    page.evaluate("window.chronotope.idle()")
    seen = labels_on(page)
    own = {label["key"]: label for label in seen["labels"] if "in-document" in label["cls"]}
    assert len(own) >= 3
    first_written = {}
    for m in sorted(doc["places"], key=lambda m: m["start"]):
        if m["place_id"]:
            first_written.setdefault(f"place:{m['place_id']}", m["text"])
    for key, label in own.items():
        assert label["text"] == first_written[key]
    # a period spelling names today's form on hover ("Geryusy": Goris)
    respelled = [label for label in own.values() if "today's name" in label["title"]]
    assert respelled
    assert_no_overlap(seen)
    screenshot(page, "labels-open-document")


def test_movements_are_drawn_above_markers_with_arrowheads_at_the_circles_edge(page, live_server, screenshot):
    open_map(page, f"{live_server}/?date=1920-08-06&window=30&z=9&ll=39.4000,45.9000")
    z = page.evaluate("""() => ['places', 'movements', 'labels'].map((p) =>
        Number(getComputedStyle(document.querySelector('.leaflet-' + p + '-pane')).zIndex))""")
    assert z[0] < z[1] < z[2]
    # every line that ends on a drawn place ends at its circle's edge, where its arrowhead points
    ends = page.evaluate("""() => {
      const map = window.chronotopeMap, layers = window.chronotopeLayers;
      const px = (ll) => map.latLngToLayerPoint(ll);
      return layers.movements.getLayers().filter((l) => l.chronotopeRoute && l.getElement().getAttribute('marker-end'))
        .map((l) => { const [route] = l.chronotopeRoute, drawn = l.getLatLngs();
          const marker = layers.places.getLayers().find((m) => px(m.getLatLng()).distanceTo(px(route.at(-1))) < 3);
          if (!marker) return null;
          const gap = map.latLngToLayerPoint(drawn.at(-1)).distanceTo(map.latLngToLayerPoint(marker.getLatLng()));
          return [gap, marker.getRadius() + marker.options.weight / 2]; }).filter(Boolean); }""")
    assert ends
    for gap, edge in ends:
        assert gap == pytest.approx(edge, abs=2.0)   # the route may end a pixel off the place
    screenshot(page, "arrowheads-zoom-9")
