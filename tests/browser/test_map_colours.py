"""A party's fill looks the same on the live map, in its legend and in /map.png: the same palette colour,
laid at the same opacity over the same land, so the pixels inside a territory agree (within rounding)."""
from __future__ import annotations

import io
from collections import Counter

import pytest
from PIL import Image
from shapely.geometry import shape
from shapely.ops import polylabel

from mapapp.atlas.current import current_atlas
from mapapp.palette import palette
from mapapp.picture.render import picture_frame
from mapapp.picture.scene import build_scene
from mapapp.view_state import parse_state

from .mappage import open_map

pytestmark = pytest.mark.browser

WIDTH, HEIGHT = 900, 700


def most_common(image: Image.Image, x: int, y: int, radius: int = 6) -> tuple[int, int, int]:
    """The commonest colour around (x, y): a river or a border crossing the spot does not count."""
    rgb = image.convert("RGB")
    return Counter(rgb.getpixel((i, j)) for i in range(x - radius, x + radius + 1)
                   for j in range(y - radius, y + radius + 1)).most_common(1)[0][0]


def held_by_one(client, on: str) -> tuple[dict, str]:
    """The largest territory one party alone controls on `on`, and that party."""
    features = client.get("/api/territories", query_string={"date": on}).get_json()["features"]
    single = [f for f in features if len({e["party"] for e in f["properties"]["control"]}) == 1]
    feature = max(single, key=lambda f: shape(f["geometry"]).area)
    return feature, feature["properties"]["control"][0]["party"]


def close(one: tuple[int, ...], two: tuple[int, ...], tolerance: int = 3) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(one, two, strict=True))


@pytest.mark.parametrize("on", ["1920-08-10", "1921-03-20"])
def test_a_party_fill_on_the_live_map_is_its_fill_in_map_png(app, client, live_server, page, screenshot, on):
    feature, party = held_by_one(client, on)
    inside = polylabel(shape(feature["geometry"]).buffer(0), tolerance=0.001)
    lon, lat = inside.x, inside.y

    picture = Image.open(io.BytesIO(client.get("/map.png", query_string={
        "date": on, "layers": "territories", "width": WIDTH, "height": HEIGHT}).data))
    params = {"date": on, "layers": "territories"}
    with app.test_request_context("/map.png", query_string=params):
        scene = build_scene(current_atlas(), parse_state(params), WIDTH, HEIGHT)
    in_picture = most_common(picture, *picture_frame(scene, WIDTH, HEIGHT).pixel(lon, lat))

    page.set_viewport_size({"width": 1200, "height": 800})
    open_map(page, f"{live_server}/?date={on}&layers=basemap,territories&z=9&ll={lat:.4f},{lon:.4f}")
    fills = page.evaluate("""() => [...document.querySelectorAll('.leaflet-territories-pane path.territory')]
        .map(p => p.getAttribute('fill'))""")
    x, y = page.evaluate("""([lat, lon]) => {
        const map = window.chronotopeMap, box = map.getContainer().getBoundingClientRect();
        const p = map.latLngToContainerPoint([lat, lon]);
        return [Math.round(box.left + p.x), Math.round(box.top + p.y)];
    }""", [lat, lon])
    live = most_common(Image.open(io.BytesIO(page.screenshot())), x, y)
    screenshot(page, f"map-colours-{on}")

    colour = palette().party_colours(
        e["party"] for f in client.get("/api/territories").get_json()["features"] for e in f["properties"]["timeline"])[party]
    seen = tuple(int(palette().seen(colour)[i:i + 2], 16) for i in (1, 3, 5))
    assert colour in fills
    assert close(live, seen) and close(in_picture, seen), (party, live, in_picture, seen)
    # the page's legend shows the fill as the map does
    row = page.evaluate("""(party) => [...document.querySelectorAll('#legend li.party')]
        .findIndex(li => li.querySelector('span').firstChild.textContent.trim() === party)""", party)
    sample = page.locator("#legend li.party").nth(row).locator("svg").first
    legend = Image.open(io.BytesIO(sample.screenshot()))
    assert close(most_common(legend, legend.width // 2, legend.height // 2, radius=3), seen)
