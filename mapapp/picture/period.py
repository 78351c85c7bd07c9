"""The period basemap in a picture, as the live map draws it: the mountains' relief and the
rivers' and lakes' names (every side's, alphabetical: `mapapp.waters`)."""
from __future__ import annotations

import json
import math
from functools import lru_cache

from matplotlib.patheffects import withStroke

from mapapp.palette import palette
from mapapp.picture.labels import Box
from mapapp.picture.model import Bbox, Frame
from mapapp.waters import BASEMAP_DIR

# The live map's styles for the 1920 network (mapapp/web/mapview.py): railways solid, roads dashed, faint.
NETWORK_STYLES = {"railway": {"color": "#5b5650", "linewidth": 1.1, "alpha": 0.55, "linestyle": "-"},
                  "road": {"color": "#8a6d4b", "linewidth": 0.9, "alpha": 0.6, "linestyle": (0, (4, 3))}}
RELIEF_STRENGTH = 0.5     # as the live map's relief overlay (opacity 0.5, multiplied in)
WATER_LABEL_PT = 7.5


def _mercator_y(lat: float) -> float:
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


@lru_cache(maxsize=1)
def relief_shade():
    """The relief as an RGBA array in plate carrée rows (black, see-through where flat), and its Bbox;
    None when the shipped picture cannot be read. The file is in Web Mercator rows (relief.json)."""
    import numpy
    from PIL import Image

    try:
        box = json.loads((BASEMAP_DIR / "relief.json").read_text(encoding="utf-8"))["bounds"]
        with Image.open(BASEMAP_DIR / "relief.jpg") as image:
            grey = numpy.asarray(image.convert("L"), dtype=numpy.float32) / 255
    except (OSError, ValueError, KeyError):
        return None
    rows = grey.shape[0]
    top, bottom = _mercator_y(box["north"]), _mercator_y(box["south"])
    lats = numpy.linspace(box["north"], box["south"], rows)
    merc = numpy.log(numpy.tan(numpy.pi / 4 + numpy.radians(lats) / 2))
    source = numpy.clip(((top - merc) / (top - bottom) * (rows - 1)).round().astype(int), 0, rows - 1)
    shade = numpy.zeros((rows, grey.shape[1], 4), dtype=numpy.float32)
    shade[..., 3] = (1 - grey[source]) * RELIEF_STRENGTH
    return shade, Bbox(box["west"], box["south"], box["east"], box["north"])


def draw_relief(ax) -> None:
    """The mountains' shading over the land, under the territories."""
    found = relief_shade()
    if found is None:
        return
    shade, box = found
    ax.imshow(shade, extent=(box.west, box.east, box.south, box.north), origin="upper",
              interpolation="bilinear", aspect="auto", zorder=1)   # after the land, under the territories


def _anchor(geometry, frame: Frame):
    """Where a water's name goes: a lake's inner point; the middle of a river's longest stretch in the frame."""
    from shapely.geometry import box, shape

    b = frame.bbox
    inside = shape(geometry).intersection(box(b.west, b.south, b.east, b.north))
    if inside.is_empty:
        return None
    if inside.geom_type in ("Polygon", "MultiPolygon"):
        return inside.representative_point()
    parts = list(getattr(inside, "geoms", [inside]))
    longest = max((p for p in parts if p.geom_type == "LineString"), key=lambda p: p.length, default=None)
    return longest.interpolate(0.5, normalized=True) if longest is not None else None


def draw_water_names(ax, waters: tuple[dict, ...], frame: Frame, scale: float, measure, taken: list[Box]) -> None:
    """Each river's and lake's label (`label`, as `/basemap/waters.geojson` gives it) in the frame,
    italic, where it is clear of the `taken` boxes (the place labels and markers) and of each other;
    `measure(text, fontsize)` gives a text's (width, height) in pixels."""
    taken = list(taken)
    for feature in waters:
        label = (feature.get("properties") or {}).get("label")
        point = _anchor(feature["geometry"], frame) if label and feature.get("geometry") else None
        if point is None:
            continue
        x, y = frame.point(point.x, point.y)
        w, h = measure(label, WATER_LABEL_PT * scale)
        box = Box(x - w / 2, y - h / 2, x + w / 2, y + h / 2)
        if not box.inside(frame.box) or any(box.overlaps(other) for other in taken):
            continue
        taken.append(box)
        ax.text(point.x, point.y, label, ha="center", va="center", fontsize=WATER_LABEL_PT * scale,
                style="italic", color=palette().river, zorder=2.5, clip_on=True,
                path_effects=[withStroke(linewidth=2 * scale, foreground="white")])


@lru_cache(maxsize=1)
def network_features() -> tuple[dict, ...]:
    """The bundled 1920 railways and roads (gazetteer/data/network), as `/basemap/network.geojson` serves them."""
    from gazetteer.movements.network import bundled_network_file

    try:
        return tuple(json.loads(bundled_network_file().read_text(encoding="utf-8")).get("features", []))
    except (OSError, ValueError):
        return ()


def draw_network(ax, network: tuple[dict, ...], scale: float) -> None:
    """The railways and roads of 1920, faint, over the territories (whose fills are opaque here)."""
    for feature in network:
        geometry = feature.get("geometry") or {}
        style = NETWORK_STYLES.get((feature.get("properties") or {}).get("kind"), NETWORK_STYLES["road"])
        lines = {"LineString": [geometry.get("coordinates")],
                 "MultiLineString": geometry.get("coordinates")}.get(geometry.get("type"), [])
        for line in lines or []:
            if line and len(line) > 1:
                ax.plot([c[0] for c in line], [c[1] for c in line], **{**style, "linewidth": style["linewidth"] * scale},
                        zorder=1.8)
