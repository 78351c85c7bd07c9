"""Where a picture's parts go: a title band, the map frame, the legend strip and an attribution band.

The legend sits OUTSIDE the map, in a strip on the right of a wide picture or below a tall one,
sized to the legend it holds; a small picture (a thumbnail: its page has the legend) has none.
Pure arithmetic in pixels: the caller says how big a legend would be through `measure`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mapapp.picture.labels import Box

DPI = 100
SMALL = (500, 400)          # below either, a thumbnail: no legend
LEGEND_SHARE = 0.3          # the most of the width (strip on the right) or height (below) a legend takes
FONT_STEPS = (7.5, 7.0, 6.5, 6.0, 5.5)   # legend type sizes tried, in points before scaling
WRAPS = (None, 40, 32, 26, 20)           # legend label widths tried, in characters
TITLE_PT, LABEL_PT, ATTRIBUTION_PT = 11.0, 7.5, 6.0


@dataclass(frozen=True)
class LegendFit:
    """A legend's type size (points), label wrap (characters or None), columns and pixel size (w, h)."""

    fontsize: float
    wrap: int | None
    ncol: int
    size: tuple[float, float]


@dataclass(frozen=True)
class Layout:
    """The picture's boxes in pixels (y downwards) and the scale its type and lines are drawn at."""

    width: int
    height: int
    scale: float
    title_box: Box
    map_box: Box
    attribution_box: Box
    legend_box: Box | None = None
    legend: LegendFit | None = None
    side: str | None = None        # "right", "below", or None without a legend

    @property
    def padding(self) -> float:
        return edge_padding(self.scale)


def picture_scale(width: int, height: int) -> float:
    """How much type and lines grow with the picture (1 at 500 px on the short side)."""
    return max(0.7, min(2.5, min(width, height) / 500))


def edge_padding(scale: float) -> int:
    """The clear space in pixels kept inside the bands and around the legend at `scale`."""
    return round(8 * scale)


def is_small(width: int, height: int) -> bool:
    return width < SMALL[0] or height < SMALL[1]


def points_to_px(points: float) -> float:
    return points * DPI / 72


def fit_legend(measure: Callable[[float, int | None, int], tuple[float, float]],
               room: tuple[float, float], scale: float, side: str) -> LegendFit | None:
    """The legend with the largest type that fits `room` (w, h); on the right, its labels wrapped as
    little as fits; below, in the columns that make it lowest. None when even the smallest does not fit."""
    for points in FONT_STEPS:
        fits = []
        for wrap in WRAPS:
            for ncol in ((1,) if side == "right" else (1, 2, 3)):
                w, h = measure(points * scale, wrap, ncol)
                if w <= room[0] and h <= room[1]:
                    fits.append(LegendFit(points * scale, wrap, ncol, (w, h)))
            if fits and side == "right":
                return fits[0]
        if fits:
            return min(fits, key=lambda f: (f.size[1], f.size[0]))
    return None


def plan_layout(width: int, height: int,
                measure: Callable[[float, int | None, int], tuple[float, float]] | None,
                attribution_lines: int = 1) -> Layout:
    """Where the title, map, legend and attribution go in a width x height picture.

    `measure(fontsize, wrap, ncol)` gives the legend's (w, h) in pixels; None means no legend.
    """
    scale = picture_scale(width, height)
    header = round(points_to_px(TITLE_PT * scale) * 1.8)
    footer = round(points_to_px(ATTRIBUTION_PT * scale) * (0.8 + 1.2 * attribution_lines))
    title_box = Box(0, 0, width, header)
    attribution_box = Box(0, height - footer, width, height)
    whole = Box(0, header, width, height - footer)
    plain = Layout(width, height, scale, title_box, whole, attribution_box)
    if measure is None or is_small(width, height):
        return plain
    side = "right" if width >= height else "below"
    pad = plain.padding
    if side == "right":
        room = (width * LEGEND_SHARE - 2 * pad, whole.bottom - whole.top - 2 * pad)
    else:
        room = (width - 2 * pad, (whole.bottom - whole.top) * LEGEND_SHARE - 2 * pad)
    fit = fit_legend(measure, room, scale, side)
    if fit is None:
        return plain
    if side == "right":
        strip = round(fit.size[0] + 2 * pad)
        map_box = Box(0, header, width - strip, whole.bottom)
        legend_box = Box(width - strip, header, width, whole.bottom)
    else:
        strip = round(fit.size[1] + 2 * pad)
        map_box = Box(0, header, width, whole.bottom - strip)
        legend_box = Box(0, whole.bottom - strip, width, whole.bottom)
    return Layout(width, height, scale, title_box, map_box, attribution_box, legend_box, fit, side)
