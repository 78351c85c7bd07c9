"""What a picture is made of: the view's `Bbox`, the `Scene` to draw and the map `Frame` in pixels.

Shared by the scene builder, the legend, the drawing and the renderer; imports none of them.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import NamedTuple

from mapapp.message_ids import N_
from mapapp.picture.labels import Box


class Bbox(NamedTuple):
    west: float
    south: float
    east: float
    north: float


@dataclass(frozen=True)
class PictureWords:
    """The words a picture is drawn with, in one language: the legend's, the attribution's, and the
    CLDR locale its dates are written in. English by default; `mapapp.web.picture_words` gives them
    translated (the drawing runs in worker processes that have no request to ask)."""

    locale: str = "en_GB"
    controlled_by: str = N_("controlled by %(party)s")
    no_single_control: str = N_("control not recorded / shared")
    hatched: str = N_("hatched: also claimed by a party not in control (here: %(parties)s)")
    partial: str = N_("cross-hatched: part held by %(party)s")
    disputed: str = N_("dashed outline: claimed by two or more parties")
    place: str = N_("place named in documents")
    movement: str = N_("movement (dashed: ordered, agreed or intended)")
    attribution: str = N_("Chronotope · atlas %(version)s · basemap: Natural Earth (public domain) · "
                          "territory outlines approximate, see their sources")
    # A document's descriptive title in another language than English (mapapp.title_words): its
    # message ids and their translations, {English: translated}; empty in English.
    title_words: tuple[tuple[str, str], ...] = ()


ENGLISH_WORDS = PictureWords()


@dataclass(frozen=True)
class Scene:
    """What one picture shows: GeoJSON features for a date, a view, a title and its parties' colours."""

    title: str
    bbox: Bbox
    territories: tuple[dict, ...] = ()
    places: tuple[dict, ...] = ()
    movements: tuple[dict, ...] = ()
    basemap: dict[str, tuple[dict, ...]] = field(default_factory=dict)   # land, lakes, rivers
    relief: bool = False                # the mountains' shading (the `relief` layer)
    waters: tuple[dict, ...] = ()       # rivers and lakes with their `label`, named on the map
    network: tuple[dict, ...] = ()      # the 1920 railways and roads (the `network` layer)
    parties: tuple[str, ...] = ()       # every party in the territory data, for stable colours
    attribution: str = ""
    words: PictureWords = ENGLISH_WORDS


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
