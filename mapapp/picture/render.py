"""The map drawn server-side as a PNG (matplotlib Agg, geopandas).

`render_png(scene, width, height)` draws a `Scene` (GeoJSON features already chosen for a date
and a view) into exactly width x height pixels: a title band, the map frame, the legend in a strip
beside or below the map (never over it, see `picture_layout`), an attribution band; place labels
are placed so that none overlaps another (`labels`). `picture_frame(scene, width, height)` says
where a lon/lat lands in those pixels, so a test or a caller can find a place in the picture.
"""
from __future__ import annotations

import io
import math
import zlib
from dataclasses import dataclass, field
from typing import NamedTuple

from mapapp.picture.labels import Box
from mapapp.picture.layout import DPI

MIN_SIZE, MAX_SIZE, DEFAULT_SIZE = 200, 2400, (800, 600)
STYLE = 2                     # bump when pictures change, so no cached picture of an older style is served
PAPER = "#ffffff"             # the bands and the legend strip around the map
FRAME_EDGE = "#777777"
BACKGROUND = "#e8eef2"
LAND = "#f7f5ef"
WATER = "#a9cbe3"
UNKNOWN_CONTROL = "#dcdcdc"   # a territory whose control on the date is not recorded
# Pale, colour-blind-safe tints (Okabe-Ito hues), opaque so that a pixel's colour names its party.
PALETTE = ("#f2c46d", "#8fcdf0", "#6fc6a8", "#e9a07b", "#c9a6d6", "#eee386", "#7fa9d4", "#d7b48c",
           "#b3d98c", "#e6a3bd", "#9fd8d0", "#c4b08a", "#f5b3a3", "#a9b4e8", "#d9d98f", "#b7e3a1")
PLACE_COLOUR = "#222222"
MOVE_COLOUR = "#5a1f6b"


class Bbox(NamedTuple):
    west: float
    south: float
    east: float
    north: float


@dataclass(frozen=True)
class Scene:
    """What one picture shows: GeoJSON features for a date, a view, a title and its parties' colours."""

    title: str
    bbox: Bbox
    territories: tuple[dict, ...] = ()
    places: tuple[dict, ...] = ()
    movements: tuple[dict, ...] = ()
    basemap: dict[str, tuple[dict, ...]] = field(default_factory=dict)   # land, lakes, rivers
    parties: tuple[str, ...] = ()       # every party in the territory data, for stable colours
    attribution: str = ""


class Frame:
    """The map frame's lon/lat -> picture pixel mapping: the view's bbox widened to the frame's shape.

    The frame is width x height pixels with its top-left corner at (left, top) in the picture.
    Plate carrée with the longitude scaled by cos(middle latitude), so shapes are not squashed.
    """

    def __init__(self, bbox: Bbox, width: int, height: int, left: int = 0, top: int = 0):
        self.width, self.height, self.left, self.top = width, height, left, top
        mid_lat = (bbox.south + bbox.north) / 2
        self.x_scale = math.cos(math.radians(mid_lat))
        span_x = (bbox.east - bbox.west) * self.x_scale
        span_y = bbox.north - bbox.south
        per_px = max(span_x / width, span_y / height)   # degrees (of latitude) per pixel
        cx, cy = (bbox.west + bbox.east) / 2, (bbox.south + bbox.north) / 2
        half_w, half_h = per_px * width / 2 / self.x_scale, per_px * height / 2
        self.bbox = Bbox(cx - half_w, cy - half_h, cx + half_w, cy + half_h)

    def point(self, lon: float, lat: float) -> tuple[float, float]:
        """Return (x, y) in pixels from the picture's top-left corner for a lon/lat, unrounded."""
        b = self.bbox
        x = (lon - b.west) / (b.east - b.west) * self.width
        y = (b.north - lat) / (b.north - b.south) * self.height
        return self.left + x, self.top + y

    def pixel(self, lon: float, lat: float) -> tuple[int, int]:
        """Return the (x, y) pixel from the picture's top-left corner holding a lon/lat."""
        x, y = self.point(lon, lat)
        return int(x), int(y)

    def lonlat(self, x: float, y: float) -> tuple[float, float]:
        """Return the (lon, lat) at picture pixel (x, y): the inverse of `point`."""
        b = self.bbox
        return (b.west + (x - self.left) / self.width * (b.east - b.west),
                b.north - (y - self.top) / self.height * (b.north - b.south))

    @property
    def box(self) -> Box:
        """The frame's box in picture pixels."""
        return Box(self.left, self.top, self.left + self.width, self.top + self.height)

    @classmethod
    def of(cls, bbox: Bbox, box: Box) -> Frame:
        """The frame of `bbox` drawn into the picture's pixel `box`."""
        return cls(bbox, int(box.right - box.left), int(box.bottom - box.top), int(box.left), int(box.top))


def clamp_size(width: object, height: object) -> tuple[int, int]:
    """The picture size to draw: numbers outside MIN..MAX or not numbers give the default."""
    def one(value: object, default: int) -> int:
        try:
            number = int(str(value))
        except ValueError:
            return default
        return number if MIN_SIZE <= number <= MAX_SIZE else default
    return one(width, DEFAULT_SIZE[0]), one(height, DEFAULT_SIZE[1])


def party_colours(parties: tuple[str, ...]) -> dict[str, str]:
    """A colour per party, stable for a given set of parties (sorted, then the palette in turn).

    Beyond the palette's length a colour comes from the party name's checksum.
    """
    colours = {}
    for i, party in enumerate(sorted(set(parties))):
        colours[party] = PALETTE[i] if i < len(PALETTE) else PALETTE[zlib.crc32(party.encode()) % len(PALETTE)]
    return colours


def _parties(entries: object) -> list[str]:
    """Party names from a territory's `control`/`claims` (names or timeline-entry dicts)."""
    names = []
    for entry in entries or []:
        name = entry.get("party") if isinstance(entry, dict) else entry
        if isinstance(name, str) and name not in names:
            names.append(name)
    return names


def territory_colour(properties: dict, colours: dict[str, str]) -> str:
    """The fill of a territory: its one controlling party's colour, grey when none or several."""
    control = _parties(properties.get("control"))
    if len(control) == 1 and control[0] in colours:
        return colours[control[0]]
    return UNKNOWN_CONTROL


def _visible(features: tuple[dict, ...], bbox: Bbox | None) -> list[dict]:
    """The features whose geometry reaches into `bbox` (all of them without a bbox)."""
    if bbox is None:
        return list(features)
    from shapely.geometry import box, shape

    view = box(*bbox)
    return [f for f in features if f.get("geometry") and shape(f["geometry"]).intersects(view)]


def scene_colours(scene: Scene) -> dict[str, str]:
    """The colour of each party of the scene (of every party in the data when the scene lists them)."""
    return party_colours(scene.parties or tuple(
        p for t in scene.territories for key in ("control", "claims") for p in _parties(t["properties"].get(key))))


def other_claimants(properties: dict) -> list[str]:
    """The parties claiming a territory that do not control it (the reason for its hatching)."""
    control = set(_parties(properties.get("control")))
    return [p for p in _parties(properties.get("claims")) if p not in control]


def legend_entries(scene: Scene, bbox: Bbox | None = None) -> list[tuple[str, str]]:
    """(label, colour) for each fill the picture shows (inside `bbox` when given), in legend order:
    parties alphabetically (no side first), then 'control not recorded / shared'."""
    colours = scene_colours(scene)
    entries = {}
    for feature in _visible(scene.territories, bbox):
        fill = territory_colour(feature["properties"], colours)
        control = _parties(feature["properties"].get("control"))
        label = f"controlled by {control[0]}" if fill != UNKNOWN_CONTROL else "control not recorded / shared"
        entries[label] = fill
    return sorted(entries.items(), key=lambda item: (item[1] == UNKNOWN_CONTROL, item[0].casefold()))


def legend_rows(scene: Scene, bbox: Bbox | None = None) -> tuple[tuple[str, str, str], ...]:
    """(kind, label, colour) for each line of the legend: fills, hatching, places, movements."""
    rows = [("fill", label, colour) for label, colour in legend_entries(scene, bbox)]
    claimants = sorted({p for t in _visible(scene.territories, bbox) for p in other_claimants(t["properties"])},
                       key=str.casefold)
    if claimants:
        rows.append(("hatch", "hatched: also claimed by a party not in control (here: "
                     + ", ".join(claimants) + ")", "#666666"))
    if scene.places:
        rows.append(("place", "place named in documents", PLACE_COLOUR))
    if scene.movements:
        rows.append(("movement", "movement (dashed: ordered, agreed or intended)", MOVE_COLOUR))
    return tuple(rows)


def picture_frame(scene: Scene, width: int, height: int) -> Frame:
    """Where the map lies in the width x height picture of `scene`: its lon/lat -> pixel mapping."""
    from mapapp.picture.drawing import Ruler, plan

    return plan(scene, width, height, Ruler(width, height))[1]


def render_png(scene: Scene, width: int, height: int) -> bytes:
    """The scene drawn as a PNG of exactly width x height pixels."""
    from mapapp.picture.drawing import draw_picture

    out = io.BytesIO()
    draw_picture(scene, width, height).figure.savefig(out, format="png", dpi=DPI, facecolor=PAPER)
    return out.getvalue()
