"""Drawing a `Scene` with matplotlib: the layout's bands, the map frame's layers, labels, legend.

Used by `mapapp.picture.render.render_png`; colours from `mapapp.palette`; matplotlib and geopandas are imported here only, when a
picture is drawn.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.patheffects import withStroke

from mapapp.palette import palette
from mapapp.picture.labels import Box, Label, Mark, place_labels
from mapapp.picture.layout import (
    ATTRIBUTION_PT,
    DPI,
    LABEL_PT,
    TITLE_PT,
    Layout,
    edge_padding,
    is_small,
    picture_scale,
    plan_layout,
    points_to_px,
)
from mapapp.picture.legend import (
    is_disputed_feature,
    legend_rows,
    other_claimants,
    partial_holders,
    scene_colours,
    territory_colour,
)
from mapapp.picture.model import Frame, Scene
from mapapp.picture.period import draw_network, draw_relief, draw_water_names

PAPER = "#ffffff"             # the bands and the legend strip around the map
FRAME_EDGE = "#777777"
BACKGROUND = "#e8eef2"        # beyond the basemap's land
INK = "#222222"               # place labels
SMALL_LABELS = 8     # a thumbnail labels its few most-mentioned places only


@dataclass(frozen=True)
class Picture:
    """A drawn picture: the matplotlib figure, its layout, the map frame and the labels placed."""

    figure: Figure
    layout: Layout
    frame: Frame
    labels: tuple[Label, ...]


class Ruler:
    """Measures text and legends in pixels as they will be drawn, on a scratch figure of the same size."""

    def __init__(self, width: int, height: int):
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        self.figure = Figure(figsize=(width / DPI, height / DPI), dpi=DPI)
        self.renderer = FigureCanvasAgg(self.figure).get_renderer()

    def text_size(self, text: str, fontsize: float, **style) -> tuple[float, float]:
        """The (width, height) in pixels of `text` at `fontsize` points."""
        artist = self.figure.text(0, 0, text, fontsize=fontsize, **style)
        extent = artist.get_window_extent(self.renderer)
        artist.remove()
        return extent.width, extent.height

    def legend_size(self, rows: tuple, fontsize: float, wrap: int | None, ncol: int) -> tuple[float, float]:
        """The (width, height) in pixels of the legend of `rows` drawn with these settings."""
        legend = self.figure.legend(**legend_options(rows, fontsize, wrap, ncol), loc="upper left")
        extent = legend.get_window_extent(self.renderer)
        legend.remove()
        return extent.width, extent.height


def legend_options(rows: tuple, fontsize: float, wrap: int | None, ncol: int) -> dict:
    """The keyword arguments of `Figure.legend` for `rows` (kind, label, colour), measured and drawn alike."""
    handles = []
    for kind, label, colour in rows:
        text = textwrap.fill(label, wrap, break_on_hyphens=False) if wrap else label
        if kind == "fill":
            handles.append(Patch(facecolor=colour, edgecolor=palette().outline, label=text))
        elif kind == "hatch":
            handles.append(Patch(facecolor="white", edgecolor=colour, hatch="//", label=text))
        elif kind == "partial":
            handles.append(Patch(facecolor="white", edgecolor=colour, hatch="xx", label=text))
        elif kind == "disputed":
            handles.append(Patch(facecolor="white", edgecolor=colour, linestyle="--", linewidth=1.4, label=text))
        elif kind == "place":
            handles.append(Line2D([], [], marker="o", color=colour, markerfacecolor=palette().place_fill,
                                  linestyle="", label=text))
        else:
            handles.append(Line2D([], [], color=colour, label=text))
    return {"handles": handles, "fontsize": fontsize, "ncol": ncol, "frameon": False, "borderaxespad": 0,
            "borderpad": 0, "columnspacing": 1.2, "handletextpad": 0.6, "labelspacing": 0.55}


def plan(scene: Scene, width: int, height: int, ruler: Ruler) -> tuple[Layout, Frame, tuple, list[str]]:
    """The layout, the map frame, the legend rows and the attribution's lines of the picture.

    The legend lists what the frame shows, and the frame depends on the legend's size: a second
    pass settles it (a third changes nothing in practice).
    """
    lines = attribution_lines(scene.attribution, width, height, ruler)
    rows = legend_rows(scene, scene.bbox)
    for _ in range(3):
        measure = (lambda fs, wrap, ncol, rows=rows: ruler.legend_size(rows, fs, wrap, ncol)) if rows else None
        layout = plan_layout(width, height, measure, max(1, len(lines)))
        frame = Frame.of(scene.bbox, layout.map_box)
        seen = legend_rows(scene, frame.bbox)
        if seen == rows:
            break
        rows = seen
    return layout, frame, rows, lines


def attribution_lines(attribution: str, width: int, height: int, ruler: Ruler) -> list[str]:
    """The attribution as drawn: one line when it fits; else two, split between its ' · ' parts; a
    thumbnail, or a picture too narrow for two lines, gets the short form, cut to fit."""
    if not attribution:
        return []
    scale = picture_scale(width, height)
    size, room = ATTRIBUTION_PT * scale, width - 2 * edge_padding(scale)

    def wide(text: str) -> float:
        return ruler.text_size(text, size)[0]

    parts = attribution.split(" · ")
    if not is_small(width, height):
        if wide(attribution) <= room:
            return [attribution]
        for cut in sorted(range(1, len(parts)), key=lambda i: abs(2 * i - len(parts))):
            lines = [" · ".join(parts[:cut]), " · ".join(parts[cut:])]
            if all(wide(line) <= room for line in lines):
                return lines
    return [_fitted(parts[0] + " · Natural Earth", room, wide)]


def _frame_of(features: tuple[dict, ...]):
    """A GeoDataFrame of GeoJSON features (geometry made valid), or None when there are none."""
    import geopandas
    import shapely

    rows = [f for f in features if f.get("geometry")]
    if not rows:
        return None
    frame = geopandas.GeoDataFrame.from_features(rows, crs="EPSG:4326")
    frame["geometry"] = shapely.make_valid(frame.geometry.values)
    return frame


def _draw_basemap(ax, scene: Scene) -> None:
    land = _frame_of(scene.basemap.get("land", ()))
    if land is not None:
        land.plot(ax=ax, color=palette().land, linewidth=0)


def _draw_water(ax, scene: Scene, scale: float) -> None:
    """Lakes and rivers, over the territories so they stay readable."""
    lakes = _frame_of(scene.basemap.get("lakes", ()))
    if lakes is not None:
        lakes.plot(ax=ax, color=palette().water, linewidth=0)
    rivers = _frame_of(scene.basemap.get("rivers", ()))
    if rivers is not None:
        rivers.plot(ax=ax, color=palette().river, linewidth=1.2 * scale)


def _draw_territories(ax, scene: Scene, colours: dict[str, str], scale: float) -> None:
    """Fills by control; claims by a party other than the controller shown by hatching; a disputed
    territory (the atlas's `disputed`: more than one claimant) outlined dashed, as on the live map."""
    frame = _frame_of(scene.territories)
    if frame is None:
        return
    drawn = [f["properties"] for f in scene.territories if f.get("geometry")]
    fills = [territory_colour(properties, colours) for properties in drawn]
    frame.plot(ax=ax, color=fills, edgecolor=palette().outline, linewidth=0.8 * scale)
    claimed = [i for i, properties in enumerate(drawn) if other_claimants(properties)]
    if claimed:
        frame.iloc[claimed].plot(ax=ax, facecolor="none", edgecolor=palette().hatch, hatch="//", linewidth=0)
    for i, properties in enumerate(drawn):
        for holder in partial_holders(properties)[:1]:   # a part, not the whole unit: a hatch in its colour
            frame.iloc[[i]].plot(ax=ax, facecolor="none", edgecolor=colours.get(holder, palette().hatch),
                                 hatch="xx", linewidth=0)
    disputed = [i for i, properties in enumerate(drawn) if is_disputed_feature(properties)]
    if disputed:
        frame.iloc[disputed].plot(ax=ax, facecolor="none", edgecolor=palette().outline, linestyle="--",
                                  linewidth=1.6 * scale)


def _draw_movements(ax, scene: Scene, scale: float) -> None:
    """Each movement as a line with an arrow at its end; dashed when not stated as done."""
    colour = palette().movement
    for feature in scene.movements:
        geometry = feature.get("geometry") or {}
        coords = geometry.get("coordinates") or []
        if geometry.get("type") != "LineString" or len(coords) < 2:
            continue
        done = (feature.get("properties") or {}).get("status") == "occurred"
        xs, ys = [c[0] for c in coords], [c[1] for c in coords]
        ax.plot(xs, ys, color=colour, linewidth=1.6 * scale, linestyle="-" if done else "--")
        ax.annotate("", xy=(xs[-1], ys[-1]), xytext=(xs[-2], ys[-2]),
                    arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 1.6 * scale,
                                "mutation_scale": 14 * scale})


def place_marks(scene: Scene, frame: Frame) -> list[Mark]:
    """The places inside the frame as marks to label, weighted by their mentions in the window."""
    marks: dict[str, Mark] = {}
    b = frame.bbox
    for feature in scene.places:
        geometry = feature.get("geometry") or {}
        if geometry.get("type") != "Point":
            continue
        lon, lat = geometry["coordinates"][:2]
        if not (b.west <= lon <= b.east and b.south <= lat <= b.north):
            continue
        props = feature.get("properties") or {}
        x, y = frame.point(lon, lat)
        mentions = props.get("mentions")
        key = str(props.get("id") or props.get("name", ""))
        marks.setdefault(key, Mark(key, str(props.get("name", "")), x, y,
                                   float(mentions) if isinstance(mentions, int | float) else 0.0))
    return list(marks.values())


def _draw_places(ax, marks: list[Mark], layout: Layout, frame: Frame, ruler: Ruler) -> tuple[Label, ...]:
    """Markers for every place in the frame; labels for those that fit without overlapping."""
    scale = layout.scale
    for mark in marks:
        lon, lat = frame.lonlat(mark.x, mark.y)
        ax.plot([lon], [lat], marker="o", markersize=4 * scale, color=palette().place_fill,
                markeredgecolor=palette().place, markeredgewidth=0.8 * scale)
    fontsize = LABEL_PT * scale
    radius = points_to_px(4 * scale) / 2 + points_to_px(0.8 * scale)
    small = is_small(layout.width, layout.height)
    labels = place_labels(marks, lambda text: ruler.text_size(text, fontsize), frame.box.grown(-2), radius,
                          gap=2 * scale, limit=SMALL_LABELS if small else None)
    for label in labels:
        x = {"left": label.box.left, "right": label.box.right, "center": (label.box.left + label.box.right) / 2}
        y = {"top": label.box.top, "bottom": label.box.bottom, "center": (label.box.top + label.box.bottom) / 2}
        lon, lat = frame.lonlat(x[label.ha], y[label.va])
        ax.text(lon, lat, label.text, ha=label.ha, va=label.va, fontsize=fontsize, color=INK,
                path_effects=[withStroke(linewidth=2.2 * scale, foreground="white")])
    return tuple(labels)


def _draw_legend(fig, layout: Layout, rows: tuple) -> None:
    """The legend in its strip, beside or below the map, never over it."""
    if layout.legend is None or layout.legend_box is None:
        return
    fit, box, pad = layout.legend, layout.legend_box, layout.padding
    if layout.side == "right":
        anchor, loc = (box.left + pad, box.top + pad), "upper left"
    else:
        anchor, loc = ((box.left + box.right) / 2, box.top + pad), "upper center"
    fig.legend(**legend_options(rows, fit.fontsize, fit.wrap, fit.ncol), loc=loc,
               bbox_to_anchor=(anchor[0] / layout.width, 1 - anchor[1] / layout.height))


def _fitted(text: str, room: float, measure) -> str:
    """`text`, cut with an ellipsis until `measure(text)` is at most `room` pixels wide."""
    while text and measure(text) > room:
        text = text[:-2].rstrip() + "…" if len(text) > 2 else ""
    return text


def _draw_title_and_attribution(fig, scene: Scene, layout: Layout, lines: list[str], ruler: Ruler) -> None:
    """The title (cut to the width) centred in its band; the attribution right-aligned in its own."""
    pad, w, h = layout.padding, layout.width, layout.height
    size = TITLE_PT * layout.scale
    title = _fitted(scene.title, w - 2 * pad, lambda t: ruler.text_size(t, size, weight="bold")[0])
    middle = (layout.title_box.top + layout.title_box.bottom) / 2
    fig.text(0.5, 1 - middle / h, title, ha="center", va="center", fontsize=size, weight="bold")
    if not lines:
        return
    middle = (layout.attribution_box.top + layout.attribution_box.bottom) / 2
    fig.text(1 - pad / w, 1 - middle / h, "\n".join(lines), ha="right", va="center", ma="right",
             fontsize=ATTRIBUTION_PT * layout.scale, color="#333333", linespacing=1.3)


def _map_axes(fig, layout: Layout, frame: Frame):
    """The map's axes, filling the layout's map box exactly, framed by a thin line, without ticks."""
    w, h, m = layout.width, layout.height, layout.map_box
    ax = fig.add_axes((m.left / w, 1 - m.bottom / h, (m.right - m.left) / w, (m.bottom - m.top) / h))
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_edgecolor(FRAME_EDGE)
        spine.set_linewidth(0.8)
    ax.set_facecolor(BACKGROUND)
    ax.set_xlim(frame.bbox.west, frame.bbox.east)
    ax.set_ylim(frame.bbox.south, frame.bbox.north)
    ax.set_autoscale_on(False)
    return ax


def draw_picture(scene: Scene, width: int, height: int) -> Picture:
    """The scene drawn on a width x height figure (not yet saved): bands, map frame, legend strip."""
    ruler = Ruler(width, height)
    layout, frame, rows, lines = plan(scene, width, height, ruler)
    # No Agg canvas until savefig: geopandas asks the canvas to redraw after every layer.
    fig = Figure(figsize=(width / DPI, height / DPI), dpi=DPI, facecolor=PAPER)
    ax = _map_axes(fig, layout, frame)
    scale = layout.scale
    _draw_basemap(ax, scene)
    if scene.relief:
        draw_relief(ax)
    _draw_territories(ax, scene, scene_colours(scene), scale)
    draw_network(ax, scene.network, scale)
    _draw_water(ax, scene, scale)
    _draw_movements(ax, scene, scale)
    # geopandas sets an aspect that may shrink the axes; the Frame already keeps shapes true, and the
    # axes must fill the planned box for `Frame.pixel` to be exact. It also names the CRS's axes.
    ax.set_aspect("auto")
    ax.set_xlabel("")
    ax.set_ylabel("")
    marks = place_marks(scene, frame)
    labels = _draw_places(ax, marks, layout, frame, ruler)
    radius = points_to_px(4 * scale)
    draw_water_names(ax, scene.waters, frame, scale, lambda text, size: ruler.text_size(text, size, style="italic"),
                     [label.box for label in labels] + [Box(m.x - radius, m.y - radius, m.x + radius, m.y + radius)
                                                       for m in marks])
    _draw_legend(fig, layout, rows)
    _draw_title_and_attribution(fig, scene, layout, lines, ruler)
    return Picture(fig, layout, frame, labels)
