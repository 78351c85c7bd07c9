"""/map.png: a PNG of the asked size whose territory pixels have the colour the legend gives, its
legend beside the map rather than over it, its labels apart, its default view framing the disputes."""
from __future__ import annotations

import io
from collections import Counter
from datetime import date

import pytest
from PIL import Image
from shapely.geometry import Point, box, shape

from gazetteer.territories.timeline import is_disputed
from gazetteer.territories.units import load_territories, territories_on
from mapapp.atlas.current import current_atlas
from mapapp.picture.legend import legend_rows, no_single_control, party_colours
from mapapp.picture.render import picture_frame
from mapapp.picture.scene import REGION, build_scene, default_bbox, disputed, document_bbox
from mapapp.view_state import parse_state


def png(client, **params):
    answer = client.get("/map.png", query_string=params)
    assert answer.status_code == 200 and answer.mimetype == "image/png", answer.get_data(as_text=True)[:300]
    return Image.open(io.BytesIO(answer.data))


@pytest.mark.parametrize(("asked", "size"), [((640, 480), (640, 480)), ((1200, 630), (1200, 630)),
                                             ((300, 250), (300, 250)), ((5000, 100), (800, 600))])
def test_png_has_the_asked_size(client, asked, size):
    image = png(client, width=asked[0], height=asked[1], date="1920-08-10")
    assert (image.format, image.size) == ("PNG", size)


def place_point(client, name):
    features = client.get("/api/places", query_string={"q": name}).get_json()["features"]
    assert features, f"{name} not in the atlas"
    return features[0]["geometry"]["coordinates"][:2]


def expected_colour(client, lon, lat, on):
    """The legend colour of the territory holding lon/lat on `on`, from the API's own data."""
    timeline = client.get("/api/territories").get_json()["features"]
    parties = {e["party"] for t in timeline for e in t["properties"]["timeline"]}
    colours = party_colours(tuple(parties))
    features = client.get("/api/territories", query_string={"date": on}).get_json()["features"]
    holding = [t for t in features if t["geometry"] and shape(t["geometry"]).covers(Point(lon, lat))]
    assert holding, f"no territory holds {lon},{lat}"
    # A holder of part of the unit (Armenia at Shakhtakhty) does not make the whole unit "divided".
    control = {e["party"] for e in holding[0]["properties"]["control"] if not e["partial"]}
    hex_colour = colours[control.pop()] if len(control) == 1 else no_single_control()
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


def scene_of(app, width, height, **params):
    """The scene the app draws for these URL parameters, from the app's own atlas."""
    with app.test_request_context("/map.png", query_string=params):
        return build_scene(current_atlas(), parse_state(params), width, height)


def colour_at(image, x, y, radius=5):
    rgb = image.convert("RGB")
    pixels = [rgb.getpixel((i, j)) for i in range(x - radius, x + radius + 1) for j in range(y - radius, y + radius + 1)]
    return Counter(pixels).most_common(1)[0][0]


@pytest.mark.parametrize("on", ["1920-08-10", "1921-03-01"])
@pytest.mark.parametrize("name", ["Goris", "Nakhichevan"])
def test_territory_pixels_have_the_legend_colour_of_their_controller(app, client, name, on):
    width, height = 900, 700
    image = png(client, width=width, height=height, date=on, layers="territories")
    lon, lat = place_point(client, name)
    x, y = picture_frame(scene_of(app, width, height, date=on, layers="territories"), width, height).pixel(lon, lat)
    assert colour_at(image, x, y) == expected_colour(client, lon, lat, on)


def test_pictures_are_cached_on_disk_under_the_cache_dir(app_for, atlas_path, tmp_path):
    folder = tmp_path / "cache" / "pictures"
    client = app_for(atlas_path, CACHE_DIR=tmp_path / "cache").test_client()
    first = client.get("/map.png?width=300&height=250&date=1920-08-10")
    again = client.get("/map.png?height=250&date=1920-08-10&width=300&unrelated=1")
    assert first.data == again.data
    assert len(list(folder.glob("*.png"))) == 1
    client.get("/map.png?width=301&height=250&date=1920-08-10")
    assert len(list(folder.glob("*.png"))) == 2
    restarted = app_for(atlas_path, CACHE_DIR=tmp_path / "cache").test_client()
    assert restarted.get("/map.png?width=300&height=250&date=1920-08-10").data == first.data


def test_a_document_picture_shows_its_own_view(client):
    doc = client.get("/api/documents").get_json()["documents"][0]["id"]
    assert png(client, doc=doc, width=400, height=300).size == (400, 300)


@pytest.mark.parametrize(("params", "status"), [
    ({"date": "1920-13-45"}, 400), ({"ll": "north"}, 400), ({"z": "40"}, 400), ({"layers": "tiles"}, 400),
    ({"doc": "no-such-document"}, 404), ({"v": "0123456789ab"}, 410),
])
def test_bad_view_parameters_are_refused_clearly(client, params, status):
    answer = client.get("/map.png", query_string=params)
    assert answer.status_code == status


@pytest.mark.parametrize("on", ["1920-08-10", "1921-03-20"])
def test_the_default_view_frames_every_disputed_territory(app, client, on):
    width, height = 1200, 630
    frame = picture_frame(scene_of(app, width, height, date=on), width, height)
    view = box(*frame.bbox)
    answer = [t for t in client.get("/api/territories", query_string={"date": on}).get_json()["features"]
              if t["geometry"] and t["properties"]["disputed"]]
    assert answer
    for territory in answer:
        assert view.contains(shape(territory["geometry"])), territory["properties"]["id"]


# Dates on which a territory had one claimant that did not hold it: the old picture rule called it
# disputed, the API did not.
DISPUTE_DATES = ("1919-06-01", "1920-06-01", "1920-08-10", "1920-12-02", "1921-03-20", "1921-10-20")


@pytest.mark.parametrize("on", DISPUTE_DATES)
def test_the_picture_and_the_api_call_the_same_territories_disputed(app, client, on):
    answer = client.get("/api/territories", query_string={"date": on}).get_json()["features"]
    api = {t["properties"]["id"] for t in answer if t["properties"]["disputed"]}
    scene = scene_of(app, 1200, 630, date=on, layers="territories")
    picture = {t["properties"]["id"] for t in disputed(list(scene.territories))}
    rule = {s.territory.id for s in territories_on(load_territories(), date.fromisoformat(on)) if s.disputed}
    assert picture == api == rule
    drawn_rows = {kind for kind, _, _ in legend_rows(scene)}
    assert ("disputed" in drawn_rows) is bool(picture)


def test_the_dates_include_one_where_the_old_picture_rule_disagreed(client):
    def old_rule(props):
        claimed = {e["party"] for e in props["claims"]}
        return len(claimed) > 1 or bool(claimed - {e["party"] for e in props["control"]})

    differ = [on for on in DISPUTE_DATES
              if any(old_rule(t["properties"]) != t["properties"]["disputed"]
                     for t in client.get("/api/territories", query_string={"date": on}).get_json()["features"])]
    assert differ


@pytest.mark.parametrize(("width", "height"), [(1200, 630), (900, 600), (600, 800)])
def test_the_legend_lies_outside_the_map_and_labels_apart(app, width, height):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from mapapp.picture.drawing import draw_picture

    picture = draw_picture(scene_of(app, width, height, date="1921-03-20"), width, height)
    renderer = FigureCanvasAgg(picture.figure).get_renderer()
    picture.figure.draw(renderer)
    (ax,), (legend,) = picture.figure.axes, picture.figure.legends
    map_box, legend_box = ax.get_window_extent(renderer), legend.get_window_extent(renderer)
    # display y grows upwards: right of the map when wide, below it when tall
    assert legend_box.x0 >= map_box.x1 if width >= height else legend_box.y1 <= map_box.y0
    assert 0 <= legend_box.x0 and legend_box.x1 <= width and 0 <= legend_box.y0 and legend_box.y1 <= height
    texts = [t.get_window_extent(renderer) for t in ax.texts if t.get_text()]
    assert len(texts) >= 8 and len(texts) == len({t.get_text() for t in ax.texts if t.get_text()})
    for i, one in enumerate(texts):
        for other in texts[i + 1:]:
            assert not (one.x0 < other.x1 and other.x0 < one.x1 and one.y0 < other.y1 and other.y0 < one.y1)


def claims(control, claimed):
    return {"control": [{"party": p} for p in control], "claims": [{"party": p} for p in claimed],
            "disputed": is_disputed(claimed)}


def square(west, south, east, north, **properties):
    return {"type": "Feature", "properties": properties,
            "geometry": {"type": "Polygon", "coordinates": [[[west, south], [east, south], [east, north],
                                                              [west, north], [west, south]]]}}


def point(lon, lat):
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": {}}


TERRITORIES = [square(45.0, 39.0, 46.0, 40.0, **claims(["A"], ["A", "B"])),
               square(42.0, 41.0, 43.0, 42.0, **claims(["C"], ["C", "A"])),
               square(30.0, 30.0, 31.0, 31.0, **claims(["A"], ["A"])),      # undisputed, far: not framed
               square(20.0, 20.0, 21.0, 21.0, **claims(["A"], ["B"]))]      # one claimant, not disputed: not framed


@pytest.mark.parametrize(("places", "inside", "outside"), [
    ((), [(45.5, 39.5), (42.5, 41.5)], [(30.5, 30.5), (20.5, 20.5)]),
    ((point(47.5, 38.2),), [(47.5, 38.2), (42.1, 41.9)], []),          # a place near the disputes is framed
    ((point(37.6, 55.8), point(-1.5, 52.6)), [(45.9, 39.1)], [(37.6, 55.8), (-1.5, 52.6)]),   # far ones are not
])
def test_the_default_view_frames_the_disputes_and_the_places_near_them(places, inside, outside):
    bbox = default_bbox(TERRITORIES, places)
    for lon, lat in inside:
        assert bbox.west < lon < bbox.east and bbox.south < lat < bbox.north
    for lon, lat in outside:
        assert not (bbox.west < lon < bbox.east and bbox.south < lat < bbox.north)
    assert default_bbox([], ()).west < REGION.west


def test_a_document_view_frames_its_nearby_places_only():
    bbox = document_bbox(TERRITORIES, (point(45.2, 39.3), point(45.8, 39.9), point(37.6, 55.8)))
    assert bbox.west < 45.2 and bbox.east > 45.8 and bbox.north < 45 and bbox.east - bbox.west < 2
    assert document_bbox(TERRITORIES, (point(37.6, 55.8),)) == default_bbox(TERRITORIES, ())
