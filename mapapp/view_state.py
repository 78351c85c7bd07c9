"""A view of the map as URL parameters, the same ones the main page keeps in its address.

`/?date=1920-08-10&doc=<id>&z=8&ll=39.5,46.0&layers=territories,places&v=<atlas version>`:
`ll` is "lat,lon" as the page writes it (Leaflet's order); inside we keep `lon`, `lat`.
`/embed`, `/map.png`, `/oembed` and the print pages read and write views through here.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urlencode

# Parameters that describe the view; anything else in a URL is ignored (and not cached apart).
STATE_KEYS = ("date", "doc", "place", "ll", "z", "layers", "window", "from", "to", "v")
LAYERS = ("territories", "places", "movements", "events", "basemap", "borders")
DEFAULT_LAYERS = ("territories", "places", "movements")
DEFAULT_WINDOW_DAYS = 30


class StateError(ValueError):
    """A view parameter that cannot be read; the message names the parameter."""


@dataclass(frozen=True)
class ViewState:
    date: str | None = None
    doc: str | None = None
    place: str | None = None
    lon: float | None = None
    lat: float | None = None
    zoom: float | None = None
    layers: tuple[str, ...] | None = None     # None: the page's default layers
    window: str | None = None                 # the page's window mode, passed through as written
    start: str | None = None                  # `from`
    end: str | None = None                    # `to`
    version: str | None = None

    @property
    def shown_layers(self) -> tuple[str, ...]:
        return DEFAULT_LAYERS if self.layers is None else self.layers


def _iso(value: str, name: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise StateError(f"{name}={value!r} is not a date (YYYY-MM-DD)") from None


def _ll(value: str) -> tuple[float, float]:
    """(lon, lat) from "lat,lon"."""
    try:
        lat, lon = (float(part) for part in value.split(","))
    except ValueError:
        raise StateError(f"ll={value!r} must be 'lat,lon', e.g. ll=39.5,46.0") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or math.isnan(lat + lon):
        raise StateError(f"ll={value!r} is outside the globe")
    return lon, lat


def _zoom(value: str) -> float:
    try:
        zoom = float(value)
    except ValueError:
        zoom = math.nan
    if not 1 <= zoom <= 18:
        raise StateError(f"z={value!r} must be a zoom level from 1 to 18")
    return zoom


def parse_state(args: Mapping[str, str]) -> ViewState:
    """The view the URL parameters `args` describe; StateError naming a bad parameter."""
    def get(key: str) -> str | None:
        value = args.get(key)
        return value.strip() if isinstance(value, str) and value.strip() else None

    state = ViewState(doc=get("doc"), place=get("place"), window=get("window"), version=get("v"))
    if get("date"):
        state = replace(state, date=_iso(get("date"), "date"))
    if get("from"):
        state = replace(state, start=_iso(get("from"), "from"))
    if get("to"):
        state = replace(state, end=_iso(get("to"), "to"))
    if state.start and state.end and state.start > state.end:
        raise StateError(f"from={state.start} is after to={state.end}")
    if get("ll"):
        lon, lat = _ll(get("ll"))
        state = replace(state, lon=lon, lat=lat)
    if get("z"):
        state = replace(state, zoom=_zoom(get("z")))
    if args.get("layers") is not None:
        layers = tuple(part for part in (args.get("layers") or "").split(",") if part)
        unknown = [layer for layer in layers if layer not in LAYERS]
        if unknown:
            raise StateError(f"layers: unknown layer {unknown[0]!r} (one of {', '.join(LAYERS)})")
        state = replace(state, layers=layers)
    return state


def state_params(state: ViewState, version: str | None = None) -> list[tuple[str, str]]:
    """The URL parameters of a view, in a fixed order; `version` (if given) pins it with v=."""
    params = [("date", state.date), ("from", state.start), ("to", state.end), ("window", state.window),
              ("doc", state.doc), ("place", state.place)]
    if state.lat is not None and state.lon is not None:
        params.append(("ll", f"{state.lat:.5g},{state.lon:.5g}"))
    if state.zoom is not None:
        params.append(("z", f"{state.zoom:g}"))
    if state.layers is not None:
        params.append(("layers", ",".join(state.layers)))
    params.append(("v", version or state.version))
    return [(k, v) for k, v in params if v is not None]


def state_query(state: ViewState, version: str | None = None, **extra: object) -> str:
    """The query string of a view (without '?'), plus `extra` parameters such as width/height."""
    params = state_params(state, version) + [(k, str(v)) for k, v in extra.items() if v is not None]
    return urlencode(params, safe=",:")


def cache_key(state: ViewState) -> tuple:
    """The parts of a view that change a picture (the version is added by the caller)."""
    return tuple(state_params(state, version="-"))
