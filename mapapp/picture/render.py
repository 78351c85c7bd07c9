"""The map drawn server-side as a PNG (matplotlib Agg, geopandas).

`render_png(scene, width, height)` draws a `Scene` (GeoJSON features already chosen for a date
and a view) into exactly width x height pixels: a title band, the map frame, the legend in a strip
beside or below the map (never over it, see `picture_layout`), an attribution band; place labels
are placed so that none overlaps another (`labels`). `picture_frame(scene, width, height)` says
where a lon/lat lands in those pixels, so a test or a caller can find a place in the picture.
Matplotlib is imported (through `drawing`) only when a picture is drawn.
"""
from __future__ import annotations

import io

from mapapp import params
from mapapp.picture.layout import DPI
from mapapp.picture.model import Frame, Scene

MIN_SIZE, MAX_SIZE, DEFAULT_SIZE = 200, 2400, (800, 600)
STYLE = 4                     # bump when pictures change, so no cached picture of an older style is served


def clamp_size(width: object, height: object) -> tuple[int, int]:
    """The picture size to draw: numbers outside MIN..MAX or not numbers give the default.

    Read as every whole number is (`params.whole_number`), but forgiven: a card or a thumbnail
    with an odd size still gets a picture.
    """
    def one(name: str, value: object, default: int) -> int:
        try:
            return params.whole_number(name, None if value is None else str(value), MIN_SIZE, MAX_SIZE,
                                       default=default)
        except params.ParamError:
            return default
    return one("width", width, DEFAULT_SIZE[0]), one("height", height, DEFAULT_SIZE[1])


def picture_frame(scene: Scene, width: int, height: int) -> Frame:
    """Where the map lies in the width x height picture of `scene`: its lon/lat -> pixel mapping."""
    from mapapp.picture.drawing import Ruler, plan

    return plan(scene, width, height, Ruler(width, height))[1]


def render_png(scene: Scene, width: int, height: int) -> bytes:
    """The scene drawn as a PNG of exactly width x height pixels."""
    from mapapp.picture.drawing import PAPER, draw_picture

    out = io.BytesIO()
    draw_picture(scene, width, height).figure.savefig(out, format="png", dpi=DPI, facecolor=PAPER)
    return out.getvalue()
