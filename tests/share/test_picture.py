"""The PNG renderer: exact sizes, territory colours where the frame says, the legend beside the map,
labels that do not overlap."""
from __future__ import annotations

import io
from collections import Counter

import pytest
from PIL import Image

from mapapp.picture.legend import legend_entries, legend_rows, no_single_control, party_colours
from mapapp.picture.model import Bbox, Frame, Scene
from mapapp.picture.render import clamp_size, picture_frame, render_png


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
    x, y = picture_frame(SCENE, width, height).pixel(lon, lat)
    assert colour_around(image, x, y) == hex_rgb(expected)


@pytest.mark.parametrize(("left", "top"), [(0, 0), (30, 45)])
def test_frame_keeps_the_view_and_widens_it_to_the_picture_shape(left, top):
    for width, height in ((800, 400), (400, 800)):
        frame = Frame(SCENE.bbox, width, height, left, top)
        b = frame.bbox
        assert b.west <= 44.0 and b.east >= 48.0 and b.south <= 38.5 and b.north >= 40.5
        assert frame.pixel(b.west, b.north) == (left, top)
        assert frame.pixel((b.west + b.east) / 2, (b.south + b.north) / 2) == (left + width // 2, top + height // 2)
        assert frame.lonlat(*frame.point(45.3, 39.9)) == pytest.approx((45.3, 39.9))


@pytest.mark.parametrize(("width", "height", "expected"), [
    (640, 480, (640, 480)), ("1200", "630", (1200, 630)), (199, 480, (800, 480)), (640, 2401, (640, 600)),
    ("wide", None, (800, 600)), (None, None, (800, 600)),
    ("\u0663\u0660\u0660", "\u00b2", (800, 600)), ("9" * 5000, "", (800, 600)),  # '٣٠٠' and '²': ASCII digits only
])
def test_clamp_size(width, height, expected):
    assert clamp_size(width, height) == expected


def test_party_colours_do_not_depend_on_order_and_differ():
    colours = party_colours(("B", "A", "C"))
    assert colours == party_colours(("C", "A", "B"))
    assert len(set(colours.values())) == 3 and no_single_control() not in colours.values()


def crowded_scene() -> Scene:
    """SCENE with many places, some sharing a point, some a few pixels apart, one named twice."""
    spots = [("Goris", 46.34, 39.51, 9), ("Zangezur (uyezd)", 46.34, 39.51, 2), ("Zangezur", 46.30, 39.40, 18),
             ("Vank (Hadrut)", 46.40, 39.50, 1), ("Elizavetpol Governorate", 45.36, 39.68, 2),
             ("Elizavetpol (uyezd)", 45.36, 39.68, 1), ("Shusha", 46.75, 39.76, 5), ("Khankendi", 46.75, 39.82, 2),
             ("Askeran", 46.83, 39.94, 2), ("Aghdam", 46.93, 39.99, 2), ("Minkend", 46.25, 39.71, 5),
             ("Angeghakot", 45.94, 39.57, 7), ("Bichenak", 45.77, 39.50, 2), ("Nakhchivan", 45.41, 39.21, 10)]
    places = tuple({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                    "properties": {"id": name.lower(), "name": name, "mentions": mentions}}
                   for name, lon, lat, mentions in spots)
    return Scene(title=SCENE.title, bbox=SCENE.bbox, territories=SCENE.territories,
                 places=places + places[:1], movements=SCENE.movements, attribution="test")


def drawn(scene: Scene, width: int, height: int):
    """The drawn picture, its renderer, its map axes and its legend (or None)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from mapapp.picture.drawing import draw_picture

    picture = draw_picture(scene, width, height)
    renderer = FigureCanvasAgg(picture.figure).get_renderer()
    picture.figure.draw(renderer)
    legends = picture.figure.legends
    return picture, renderer, picture.figure.axes[0], legends[0] if legends else None


def overlap(one, other) -> bool:
    return one.x0 < other.x1 and other.x0 < one.x1 and one.y0 < other.y1 and other.y0 < one.y1


@pytest.mark.parametrize(("width", "height", "side"), [(1200, 630, "right"), (900, 600, "right"),
                                                       (800, 800, "right"), (600, 800, "below"),
                                                       (500, 1200, "below")])
def test_the_legend_is_beside_or_below_the_map_never_over_it(width, height, side):
    picture, renderer, ax, legend = drawn(crowded_scene(), width, height)
    map_box, legend_box = ax.get_window_extent(renderer), legend.get_window_extent(renderer)
    assert not overlap(map_box, legend_box)
    # display y grows upwards
    assert legend_box.x0 >= map_box.x1 if side == "right" else legend_box.y1 <= map_box.y0
    assert picture.layout.side == side
    assert 0 <= legend_box.x0 and legend_box.x1 <= width and 0 <= legend_box.y0 and legend_box.y1 <= height
    texts = [t.get_text() for t in legend.get_texts()]
    assert len(texts) == len(legend_rows(crowded_scene(), picture.frame.bbox))


@pytest.mark.parametrize(("width", "height"), [(300, 250), (499, 600), (640, 399)])
def test_a_thumbnail_has_no_legend_and_the_map_fills_it_between_title_and_attribution(width, height):
    picture, renderer, ax, legend = drawn(crowded_scene(), width, height)
    assert legend is None
    map_box = ax.bbox
    assert (map_box.x0, map_box.x1) == pytest.approx((0, width)) and map_box.height > 0.8 * height


@pytest.mark.parametrize(("width", "height"), [(1200, 630), (900, 600), (600, 800), (300, 250)])
def test_no_two_drawn_labels_overlap_and_each_place_is_labelled_once(width, height):
    picture, renderer, ax, _ = drawn(crowded_scene(), width, height)
    labels = [t for t in ax.texts if t.get_text()]
    names = [t.get_text() for t in labels]
    assert len(names) == len(set(names)) >= 3
    boxes = [t.get_window_extent(renderer) for t in labels]
    for i, one in enumerate(boxes):
        assert all(not overlap(one, other) for other in boxes[i + 1:]), names[i]
    map_box = ax.get_window_extent(renderer)
    assert all(map_box.x0 <= b.x0 and b.x1 <= map_box.x1 and map_box.y0 <= b.y0 and b.y1 <= map_box.y1 for b in boxes)
    # the most-mentioned place of a crowded spot keeps its label
    assert "Zangezur" in names and "Nakhchivan" in names


ATTRIBUTION = ("Chronotope · atlas 0123456789ab · basemap: Natural Earth (public domain) · "
               "territory outlines approximate, see their sources")


@pytest.mark.parametrize(("width", "height", "lines"), [(1200, 630, 1), (600, 800, 2), (300, 250, 1)])
def test_the_attribution_keeps_its_caveat_when_there_is_room_and_stays_inside(width, height, lines):
    from dataclasses import replace

    picture, renderer, ax, _ = drawn(replace(crowded_scene(), attribution=ATTRIBUTION), width, height)
    (text,) = [t for t in picture.figure.texts if "Chronotope" in t.get_text()]
    assert len(text.get_text().splitlines()) == lines
    words = text.get_text().replace("\n", " · ")
    if lines == 2 or width >= 1200:
        assert words == ATTRIBUTION
    else:
        assert "Natural Earth" in words
    extent = text.get_window_extent(renderer)
    assert 0 <= extent.x0 and extent.x1 <= width and extent.y0 >= 0 and extent.y1 <= ax.bbox.y0


PARTIAL = Scene(
    title="1 December 1920", bbox=Bbox(44.0, 38.5, 48.0, 40.5), attribution="test",
    territories=({"type": "Feature", "geometry": square(44.5, 39.0, 47.5, 40.0),
                  "properties": {"id": "u", "name": "unit", "claims": [],
                                 "control": [{"party": "Party A"}, {"party": "Party B", "partial": True}]}},),
)


def test_partial_control_is_a_hatch_over_the_unit_not_its_fill():
    colours = party_colours(("Party A", "Party B"))
    assert dict(legend_entries(PARTIAL)) == {"controlled by Party A": colours["Party A"]}
    rows = [r for r in legend_rows(PARTIAL) if r[0] == "partial"]
    assert rows == [("partial", "cross-hatched: part held by Party B", colours["Party B"])]
    width, height = 800, 500
    image = Image.open(io.BytesIO(render_png(PARTIAL, width, height))).convert("RGB")
    frame = picture_frame(PARTIAL, width, height)
    x0, y0 = frame.pixel(44.7, 39.9)
    x1, y1 = frame.pixel(47.3, 39.1)
    inside = Counter(image.getpixel((x, y)) for x in range(x0, x1, 2) for y in range(y0, y1, 2))
    hatch = hex_rgb(colours["Party B"])
    near = sum(n for rgb, n in inside.items() if max(abs(a - b) for a, b in zip(rgb, hatch, strict=True)) <= 40)
    assert near > 0.02 * sum(inside.values())      # B's hatch shows over the unit ...
    assert inside.most_common(1)[0][0] != hatch     # ... but the unit is not B's colour
