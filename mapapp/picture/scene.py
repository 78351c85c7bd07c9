"""What a view of the map shows, gathered from an atlas for the PNG renderer (`mapapp.picture.render`)."""
from __future__ import annotations

import json
import math
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from mapapp import params
from mapapp.atlas.store import Atlas
from mapapp.params import Window
from mapapp.picture.legend import is_disputed_feature
from mapapp.picture.model import ENGLISH_WORDS, Bbox, PictureWords, Scene
from mapapp.picture.period import network_features
from mapapp.view_state import ViewState
from mapapp.waters import gazetteer_waters

# The disputed districts and their neighbours: the view when the atlas has nothing to frame.
REGION = Bbox(44.2, 38.6, 47.9, 41.6)
NEAR = 2.0          # degrees: places of the window this close to the disputed territories are framed too
MARGIN = 0.06       # of the framed span, on each side (at least MIN_MARGIN degrees)
MIN_MARGIN = 0.15
BASEMAP_DIR = Path(__file__).resolve().parent.parent / "data" / "basemap"
BASEMAP_FILES = (BASEMAP_DIR / "region.geojson", BASEMAP_DIR / "rivers.geojson")   # rivers: the tributaries
BASEMAP_KINDS = {"land": "land", "sea": "lakes", "lake": "lakes", "river": "rivers"}
# The longest time a picture shows places and movements of: longer windows keep their last year.
# (Years of movements cost seconds to draw and show nothing readable.)
MAX_WINDOW_DAYS = 366


@lru_cache(maxsize=1)
def basemap() -> dict[str, tuple[dict, ...]]:
    """The shipped basemap's features by what the renderer draws them as (land, lakes, rivers)."""
    try:
        features = [f for path in BASEMAP_FILES for f in json.loads(path.read_text(encoding="utf-8"))["features"]]
    except (OSError, ValueError, KeyError):
        return {}   # the picture is still drawn, on a plain background
    grouped: dict[str, list[dict]] = {}
    for feature in features:
        kind = BASEMAP_KINDS.get((feature.get("properties") or {}).get("layer"))
        if kind:
            grouped.setdefault(kind, []).append(feature)
    return {kind: tuple(items) for kind, items in grouped.items()}


def long_date(iso: str) -> str:
    """'10 August 1920' for '1920-08-10'."""
    day = date.fromisoformat(iso)
    return f"{day.day} {day:%B} {day.year}"


def zoom_bbox(lon: float, lat: float, zoom: float, width: int, height: int) -> Bbox:
    """The area a web map centred on lon/lat at `zoom` shows in width x height pixels."""
    degrees_per_px = 360 / (256 * 2 ** zoom)
    half_w = width * degrees_per_px / 2
    half_h = height * degrees_per_px * math.cos(math.radians(lat)) / 2
    return Bbox(lon - half_w, lat - half_h, lon + half_w, lat + half_h)


def fit_points(points: list[tuple[float, float]], margin: float = 0.25) -> Bbox | None:
    """A box around (lon, lat) points with a margin in degrees; None for no points."""
    if not points:
        return None
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return Bbox(min(lons) - margin, min(lats) - margin, max(lons) + margin, max(lats) + margin)


def disputed(territories: list[dict]) -> list[dict]:
    """The territories (features on a date) that are disputed then, as the API says."""
    return [t for t in territories if is_disputed_feature(t.get("properties") or {})]


def disputed_core(territories: list[dict]) -> Bbox:
    """The box around every territory disputed on the date (REGION when none is)."""
    from shapely.geometry import shape

    bounds = [shape(t["geometry"]).bounds for t in disputed(territories) if t.get("geometry")]
    if not bounds:
        return REGION
    return Bbox(min(b[0] for b in bounds), min(b[1] for b in bounds),
                max(b[2] for b in bounds), max(b[3] for b in bounds))


def near_points(core: Bbox, places: tuple[dict, ...]) -> list[tuple[float, float]]:
    """(lon, lat) of the places within NEAR degrees of `core`.

    Farther ones (a capital far away, a country's centroid) are left out of a frame, or the
    districts would shrink to a speck; their markers fall outside the picture.
    """
    points = [tuple(f["geometry"]["coordinates"][:2]) for f in places
              if (f.get("geometry") or {}).get("type") == "Point"]
    return [(lon, lat) for lon, lat in points
            if core.west - NEAR <= lon <= core.east + NEAR and core.south - NEAR <= lat <= core.north + NEAR]


def default_bbox(territories: list[dict], places: tuple[dict, ...]) -> Bbox:
    """The view without `ll`/`z`: every disputed territory and the window's places near them, with a margin."""
    core = disputed_core(territories)
    near = near_points(core, places)
    west, east = min([core.west, *(p[0] for p in near)]), max([core.east, *(p[0] for p in near)])
    south, north = min([core.south, *(p[1] for p in near)]), max([core.north, *(p[1] for p in near)])
    dx = max(MIN_MARGIN, (east - west) * MARGIN)
    dy = max(MIN_MARGIN, (north - south) * MARGIN)
    return Bbox(west - dx, south - dy, east + dx, north + dy)


def document_bbox(territories: list[dict], places: tuple[dict, ...]) -> Bbox:
    """A document's view: its places near the disputed territories; the default view when it has none."""
    return fit_points(near_points(disputed_core(territories), places)) or default_bbox(territories, places)


def view_date(atlas: Atlas, state: ViewState, document: dict | None) -> str:
    """The date the view shows: asked for, else the document's, else the corpus's last."""
    if state.date:
        return state.date
    if document and document.get("earliest"):
        return document["earliest"]
    return atlas.corpus().get("latest") or date.today().isoformat()


def view_window(state: ViewState, on: str, document: dict | None) -> Window:
    """The documents whose places and movements show: from/to, the document's dates, or the last days;
    never more than MAX_WINDOW_DAYS (a longer window keeps its end)."""
    if state.start or state.end:
        return bounded_window(state.start, state.end or on)
    if document:
        return bounded_window(document.get("earliest"), document.get("latest"))
    days = params.window_days(state.window)
    if days is None:
        return bounded_window(None, on)
    # The last N days with the day itself, as the page counts them (main.js `windowOf`).
    return bounded_window((date.fromisoformat(on) - timedelta(days=days - 1)).isoformat(), on)


def bounded_window(start: str | None, end: str | None) -> Window:
    """The window start..end cut to its last MAX_WINDOW_DAYS days (an open end stays open)."""
    if end is None:
        return Window(start, end)
    earliest = (date.fromisoformat(end) - timedelta(days=MAX_WINDOW_DAYS)).isoformat()
    return Window(max(start or earliest, earliest), end)


def all_parties(atlas: Atlas) -> tuple[str, ...]:
    """Every party in the territories' timelines, so a party keeps its colour on every date."""
    parties = {entry.get("party") for feature in atlas.territories(None)["features"]
               for entry in feature["properties"].get("timeline") or []}
    return tuple(sorted(p for p in parties if isinstance(p, str)))


def document_title(document: dict, words: PictureWords) -> str:
    """The document's descriptive title in `words`' language: the atlas's own in English."""
    from babel.dates import format_date, format_skeleton

    from mapapp.title_words import shown_title

    if not words.title_words or not document.get("kind"):
        return document["title"]
    table = dict(words.title_words)

    def say(message: str, **values: object) -> str:
        text = table.get(message, message)
        return text % values if values else text

    return shown_title(document, say, lambda iso: format_date(date.fromisoformat(iso), "long", locale=words.locale),
                       lambda iso: format_skeleton("yMMMM", date.fromisoformat(iso), locale=words.locale))


def build_scene(atlas: Atlas, state: ViewState, width: int, height: int, words: PictureWords = ENGLISH_WORDS) -> Scene:
    """The picture of `state` from `atlas`: territories on the date, places and movements of the window;
    its title, legend and attribution in `words`' language."""
    from babel.dates import format_date

    document = atlas.document(state.doc) if state.doc else None
    on = view_date(atlas, state, document)
    window = view_window(state, on, document)
    layers = state.shown_layers
    on_date = atlas.territories(on)["features"]
    territories = tuple(on_date) if "territories" in layers else ()
    places, movements = (), ()
    if state.place:     # a place's own picture: that place, labelled, whatever the window
        places = (atlas.place(state.place),)
    elif "places" in layers or "events" in layers:
        places = tuple(f for f in atlas.places(window)["features"]
                       if not document or state.doc in (f["properties"].get("documents") or []))
    if "movements" in layers:
        movements = tuple(f for f in atlas.movements(window)["features"]
                          if not document or f["properties"].get("document_id") == state.doc)
    if state.lon is not None and state.zoom is not None:
        bbox = zoom_bbox(state.lon, state.lat, state.zoom, width, height)
    else:
        bbox = document_bbox(on_date, places) if document else default_bbox(on_date, places)
    title = format_date(date.fromisoformat(on), "long", locale=words.locale)
    if document and document.get("title"):
        title = f"{title} · {document_title(document, words)}"
    elif state.place:
        title = f"{places[0]['properties']['name']} · {title}"
    return Scene(title=title, bbox=bbox, territories=territories, places=places, movements=movements,
                 basemap=basemap(), parties=all_parties(atlas), relief="relief" in layers,
                 waters=tuple(gazetteer_waters()["features"]) if "basemap" in layers else (),
                 network=network_features() if "network" in layers else (),
                 attribution=words.attribution % {"version": atlas.version}, words=words)
