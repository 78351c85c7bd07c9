"""The map drawn server-side as a PNG (matplotlib Agg, geopandas), and a cache of the results.

`render_png(scene, width, height)` draws a `Scene` (GeoJSON features already chosen for a date
and a view) into exactly width x height pixels; `Frame` says where a lon/lat lands in those
pixels, so a test or a caller can find a place in the picture.
"""
from __future__ import annotations

import hashlib
import io
import math
import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

MIN_SIZE, MAX_SIZE, DEFAULT_SIZE = 200, 2400, (800, 600)
DPI = 100
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
    """The picture's lon/lat -> pixel mapping: the view's bbox widened to the picture's shape.

    Plate carrée with the longitude scaled by cos(middle latitude), so shapes are not squashed.
    """

    def __init__(self, bbox: Bbox, width: int, height: int):
        self.width, self.height = width, height
        mid_lat = (bbox.south + bbox.north) / 2
        self.x_scale = math.cos(math.radians(mid_lat))
        span_x = (bbox.east - bbox.west) * self.x_scale
        span_y = bbox.north - bbox.south
        per_px = max(span_x / width, span_y / height)   # degrees (of latitude) per pixel
        cx, cy = (bbox.west + bbox.east) / 2, (bbox.south + bbox.north) / 2
        half_w, half_h = per_px * width / 2 / self.x_scale, per_px * height / 2
        self.bbox = Bbox(cx - half_w, cy - half_h, cx + half_w, cy + half_h)

    def pixel(self, lon: float, lat: float) -> tuple[int, int]:
        """Return (x, y) from the picture's top-left corner for a lon/lat."""
        b = self.bbox
        x = (lon - b.west) / (b.east - b.west) * self.width
        y = (b.north - lat) / (b.north - b.south) * self.height
        return int(x), int(y)


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


def legend_entries(scene: Scene, bbox: Bbox | None = None) -> list[tuple[str, str]]:
    """(label, colour) for each fill the picture shows (inside `bbox` when given), in legend order."""
    colours = party_colours(scene.parties or tuple(
        p for t in scene.territories for key in ("control", "claims") for p in _parties(t["properties"].get(key))))
    used, entries = set(), []
    for feature in _visible(scene.territories, bbox):
        fill = territory_colour(feature["properties"], colours)
        control = _parties(feature["properties"].get("control"))
        label = f"controlled by {control[0]}" if fill != UNKNOWN_CONTROL else "control not recorded / shared"
        if label not in used:
            used.add(label)
            entries.append((label, fill))
    return entries


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
        land.plot(ax=ax, color=LAND, linewidth=0)


def _draw_water(ax, scene: Scene, scale: float) -> None:
    """Lakes and rivers, over the territories so they stay readable."""
    lakes = _frame_of(scene.basemap.get("lakes", ()))
    if lakes is not None:
        lakes.plot(ax=ax, color=WATER, linewidth=0)
    rivers = _frame_of(scene.basemap.get("rivers", ()))
    if rivers is not None:
        rivers.plot(ax=ax, color=WATER, linewidth=1.2 * scale)


def _draw_territories(ax, scene: Scene, colours: dict[str, str], scale: float) -> None:
    """Fills by control; claims by a party other than the controller shown by hatching."""
    frame = _frame_of(scene.territories)
    if frame is None:
        return
    fills = [territory_colour(f["properties"], colours) for f in scene.territories if f.get("geometry")]
    frame.plot(ax=ax, color=fills, edgecolor="#555555", linewidth=0.8 * scale)
    claimed = [i for i, feature in enumerate(f for f in scene.territories if f.get("geometry"))
               if set(_parties(feature["properties"].get("claims")))
               - set(_parties(feature["properties"].get("control")))]
    if claimed:
        frame.iloc[claimed].plot(ax=ax, facecolor="none", edgecolor="#666666", hatch="//", linewidth=0)


def _draw_movements(ax, scene: Scene, scale: float) -> None:
    """Each movement as a line with an arrow at its end; dashed when not stated as done."""
    for feature in scene.movements:
        geometry = feature.get("geometry") or {}
        coords = geometry.get("coordinates") or []
        if geometry.get("type") != "LineString" or len(coords) < 2:
            continue
        done = (feature.get("properties") or {}).get("status") == "occurred"
        xs, ys = [c[0] for c in coords], [c[1] for c in coords]
        ax.plot(xs, ys, color=MOVE_COLOUR, linewidth=1.6 * scale, linestyle="-" if done else "--")
        ax.annotate("", xy=(xs[-1], ys[-1]), xytext=(xs[-2], ys[-2]),
                    arrowprops={"arrowstyle": "-|>", "color": MOVE_COLOUR, "lw": 1.6 * scale,
                                "mutation_scale": 14 * scale})


def _draw_places(ax, scene: Scene, frame: Frame, scale: float) -> None:
    points = [f for f in scene.places if (f.get("geometry") or {}).get("type") == "Point"]
    inside = [f for f in points if frame.bbox.west <= f["geometry"]["coordinates"][0] <= frame.bbox.east
              and frame.bbox.south <= f["geometry"]["coordinates"][1] <= frame.bbox.north]
    for feature in inside:
        lon, lat = feature["geometry"]["coordinates"][:2]
        ax.plot([lon], [lat], marker="o", markersize=4 * scale, color=PLACE_COLOUR,
                markeredgecolor="white", markeredgewidth=0.8 * scale)
        limit = 40 if frame.width >= 500 and frame.height >= 400 else 8
        if len(inside) <= limit:   # beyond that labels hide the map
            ax.annotate(str(feature["properties"].get("name", "")), (lon, lat), xytext=(4 * scale, 3 * scale),
                        textcoords="offset points", fontsize=7.5 * scale, color=PLACE_COLOUR)


def _draw_legend_and_text(fig, ax, scene: Scene, frame: Frame, scale: float) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = [Patch(facecolor=colour, edgecolor="#555555", label=label)
               for label, colour in legend_entries(scene, frame.bbox)]
    if any(_parties(t["properties"].get("claims")) for t in scene.territories):
        handles.append(Patch(facecolor="white", edgecolor="#666666", hatch="//", label="also claimed by another party"))
    if scene.places:
        handles.append(Line2D([], [], marker="o", color=PLACE_COLOUR, linestyle="", label="place named in documents"))
    if scene.movements:
        handles.append(Line2D([], [], color=MOVE_COLOUR, label="movement (dashed: ordered, agreed or intended)"))
    small = frame.width < 500 or frame.height < 400   # a thumbnail: the page around it has the legend
    if handles and not small:
        # Upper right: over the Kura lowlands, away from the districts the documents dispute.
        ax.legend(handles=handles, loc="upper right", bbox_to_anchor=(0.995, 0.93), fontsize=7 * scale,
                  framealpha=0.9, ncol=2 if len(handles) > 7 else 1, columnspacing=1.0)
    fits = int(frame.width / (9.5 * scale))    # characters of the title's type across the picture
    title = scene.title if len(scene.title) <= fits else scene.title[:fits - 1].rstrip() + "…"
    fig.text(0.5, 0.985, title, ha="center", va="top", fontsize=11 * scale, weight="bold",
             bbox={"facecolor": "white", "alpha": 0.85, "edgecolor": "none", "pad": 3})
    if scene.attribution:
        text = scene.attribution.split(" · ")[0] + " · Natural Earth" if small else scene.attribution
        fig.text(0.995, 0.005, text, ha="right", va="bottom", fontsize=6 * scale, color="#333333",
                 bbox={"facecolor": "white", "alpha": 0.8, "edgecolor": "none", "pad": 1.5})


def render_png(scene: Scene, width: int, height: int) -> bytes:
    """The scene drawn as a PNG of exactly width x height pixels."""
    from matplotlib.figure import Figure

    frame = Frame(scene.bbox, width, height)
    scale = max(0.7, min(2.5, min(width, height) / 500))   # type and lines grow with the picture
    # No Agg canvas until savefig: geopandas asks the canvas to redraw after every layer.
    fig = Figure(figsize=(width / DPI, height / DPI), dpi=DPI, facecolor=BACKGROUND)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    ax.set_facecolor(BACKGROUND)
    ax.set_xlim(frame.bbox.west, frame.bbox.east)
    ax.set_ylim(frame.bbox.south, frame.bbox.north)
    ax.set_autoscale_on(False)
    colours = party_colours(scene.parties or tuple(
        p for t in scene.territories for key in ("control", "claims") for p in _parties(t["properties"].get(key))))
    _draw_basemap(ax, scene)
    _draw_territories(ax, scene, colours, scale)
    _draw_water(ax, scene, scale)
    _draw_movements(ax, scene, scale)
    _draw_places(ax, scene, frame, scale)
    _draw_legend_and_text(fig, ax, scene, frame, scale)
    out = io.BytesIO()
    fig.savefig(out, format="png", dpi=DPI, facecolor=BACKGROUND)
    return out.getvalue()


class PictureCache:
    """Pictures by key: a bounded in-memory LRU, backed by an optional folder on disk."""

    def __init__(self, size: int = 64, folder: Path | None = None):
        self.size, self.folder = size, Path(folder) if folder else None
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def key(*parts: object) -> str:
        """A file-safe key for (version, normalised state, size, ...)."""
        return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:32]

    def get_or_make(self, key: str, make: Callable[[], bytes]) -> bytes:
        """The picture kept for `key`, drawn with `make()` and kept when missing."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        path = self.folder / f"{key}.png" if self.folder else None
        if path is not None and path.is_file():
            body = path.read_bytes()
        else:
            body = make()
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(".tmp")   # written whole, then renamed: no half files
                tmp.write_bytes(body)
                tmp.replace(path)
        with self._lock:
            self._items[key] = body
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return body
