"""The PNG renderer: exact sizes, territory colours where the frame says, and the cache."""
from __future__ import annotations

import io
from collections import Counter

import pytest
from PIL import Image

from mapapp.picture import (
    UNKNOWN_CONTROL,
    Bbox,
    Frame,
    PictureCache,
    Scene,
    clamp_size,
    legend_entries,
    party_colours,
    render_png,
)


def square(west, south, east, north):
    return {"type": "Polygon", "coordinates": [[[west, south], [east, south], [east, north], [west, north],
                                                [west, south]]]}


def territory(name, geometry, control=(), claims=()):
    return {"type": "Feature", "geometry": geometry,
            "properties": {"id": name, "name": name, "control": [{"party": p} for p in control],
                           "claims": [{"party": p} for p in claims]}}


SCENE = Scene(
    title="10 August 1920", bbox=Bbox(44.0, 38.5, 48.0, 40.5), attribution="test",
    territories=(territory("west", square(44.5, 39.0, 46.0, 40.0), control=["Party A"]),
                 territory("east", square(46.0, 39.0, 47.5, 40.0), control=["Party B"], claims=["Party B"]),
                 territory("none", square(45.0, 40.05, 46.5, 40.4))),
    places=({"type": "Feature", "geometry": {"type": "Point", "coordinates": [46.34, 39.51]},
             "properties": {"name": "Goris"}},),
    movements=({"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[46.7, 39.7], [45.4, 39.2]]},
                "properties": {"status": "occurred"}},),
)


def hex_rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def colour_around(image: Image.Image, x: int, y: int, radius: int = 4) -> tuple[int, int, int]:
    """The most common colour in a small square around (x, y): robust to a line crossing it."""
    pixels = [image.getpixel((i, j)) for i in range(x - radius, x + radius + 1)
              for j in range(y - radius, y + radius + 1)]
    return Counter(pixels).most_common(1)[0][0]


@pytest.mark.parametrize(("width", "height"), [(200, 200), (301, 251), (640, 480), (333, 999), (1200, 630)])
def test_png_has_exactly_the_asked_size(width, height):
    image = Image.open(io.BytesIO(render_png(SCENE, width, height)))
    assert (image.format, image.size) == ("PNG", (width, height))


@pytest.mark.parametrize(("lon", "lat", "fill"), [(44.8, 39.2, "Party A"), (47.2, 39.2, "Party B"),
                                                  (45.8, 40.2, None)])
def test_territory_pixels_have_their_legend_colour(lon, lat, fill):
    width, height = 800, 500
    image = Image.open(io.BytesIO(render_png(SCENE, width, height))).convert("RGB")
    legend = dict(legend_entries(SCENE))
    expected = legend[f"controlled by {fill}"] if fill else legend["control not recorded / shared"]
    x, y = Frame(SCENE.bbox, width, height).pixel(lon, lat)
    assert colour_around(image, x, y) == hex_rgb(expected)


def test_frame_keeps_the_view_and_widens_it_to_the_picture_shape():
    for width, height in ((800, 400), (400, 800)):
        frame = Frame(SCENE.bbox, width, height)
        b = frame.bbox
        assert b.west <= 44.0 and b.east >= 48.0 and b.south <= 38.5 and b.north >= 40.5
        assert frame.pixel(b.west, b.north) == (0, 0)
        assert frame.pixel((b.west + b.east) / 2, (b.south + b.north) / 2) == (width // 2, height // 2)


@pytest.mark.parametrize(("width", "height", "expected"), [
    (640, 480, (640, 480)), ("1200", "630", (1200, 630)), (199, 480, (800, 480)), (640, 2401, (640, 600)),
    ("wide", None, (800, 600)), (None, None, (800, 600)),
])
def test_clamp_size(width, height, expected):
    assert clamp_size(width, height) == expected


def test_party_colours_do_not_depend_on_order_and_differ():
    colours = party_colours(("B", "A", "C"))
    assert colours == party_colours(("C", "A", "B"))
    assert len(set(colours.values())) == 3 and UNKNOWN_CONTROL not in colours.values()


def test_cache_draws_once_and_keeps_pictures_on_disk(tmp_path):
    calls = []

    def make():
        calls.append(1)
        return b"png-bytes"

    cache = PictureCache(size=2, folder=tmp_path)
    key = PictureCache.key("v1", (("date", "1920-08-10"),), (640, 480))
    assert cache.get_or_make(key, make) == b"png-bytes"
    assert cache.get_or_make(key, make) == b"png-bytes"
    assert len(calls) == 1
    assert (tmp_path / f"{key}.png").read_bytes() == b"png-bytes"
    fresh = PictureCache(size=2, folder=tmp_path)       # a restarted server reads the disk
    assert fresh.get_or_make(key, make) == b"png-bytes" and len(calls) == 1
    assert PictureCache.key("v2", (("date", "1920-08-10"),), (640, 480)) != key
