"""A view of the map as URL parameters, the same ones the main page keeps in its address.

`/?date=1920-08-10&doc=<id>&z=8&ll=39.5,46.0&layers=territories,places&v=<atlas version>`:
`ll` is "lat,lon" as the page writes it (Leaflet's order); inside we keep `lon`, `lat`.
`/embed`, `/map.png`, `/oembed` and the print pages read and write views through here.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from urllib.parse import urlencode

from mapapp import params

# Parameters that describe the view; anything else in a URL is ignored (and not cached apart).
STATE_KEYS = ("date", "doc", "place", "ll", "z", "layers", "window", "from", "to", "v")
LAYERS = ("territories", "places", "movements", "events", "basemap", "borders", "relief", "network")
DEFAULT_LAYERS = ("territories", "places", "movements")


@dataclass(frozen=True)
class ViewState:
    date: str | None = None
    doc: str | None = None
    place: str | None = None
    lon: float | None = None
    lat: float | None = None
    zoom: float | None = None
    layers: tuple[str, ...] | None = None     # None: the page's default layers
    window: str | None = None                 # the page's window mode: N days or "upto" (params.window_mode)
    start: str | None = None                  # `from`
    end: str | None = None                    # `to`
    version: str | None = None

    @property
    def shown_layers(self) -> tuple[str, ...]:
        return DEFAULT_LAYERS if self.layers is None else self.layers


def parse_state(args: Mapping[str, str]) -> ViewState:
    """The view the URL parameters `args` describe; ParamError naming a bad parameter."""
    def get(key: str) -> str | None:
        value = args.get(key)
        return value.strip() if isinstance(value, str) and value.strip() else None

    span = params.date_window(get("from"), get("to"))
    centre = params.centre(get("ll"))
    state = ViewState(doc=get("doc"), place=get("place"), window=params.window_mode(get("window")),
                      version=get("v"), date=params.iso_day("date", get("date")), start=span.start,
                      end=span.end, zoom=params.zoom(get("z")))
    if centre is not None:
        state = replace(state, lon=centre.lon, lat=centre.lat)
    if args.get("layers") is not None:
        layers = tuple(part for part in (args.get("layers") or "").split(",") if part)
        unknown = [layer for layer in layers if layer not in LAYERS]
        if unknown:
            raise params.ParamError("layers", args.get("layers"), "unknown layer %(layer)s (expected some of %(layers)s)",
                                    layer=repr(unknown[0]), layers=", ".join(LAYERS))
        state = replace(state, layers=layers)
    return state


def state_params(state: ViewState, version: str | None = None) -> list[tuple[str, str]]:
    """The URL parameters of a view, in a fixed order; `version` (if given) pins it with v=."""
    pairs = [("date", state.date), ("from", state.start), ("to", state.end), ("window", state.window),
             ("doc", state.doc), ("place", state.place)]
    if state.lat is not None and state.lon is not None:
        pairs.append(("ll", f"{state.lat:.5g},{state.lon:.5g}"))
    if state.zoom is not None:
        pairs.append(("z", f"{state.zoom:g}"))
    if state.layers is not None:
        pairs.append(("layers", ",".join(state.layers)))
    pairs.append(("v", version or state.version))
    return [(k, v) for k, v in pairs if v is not None]


def state_query(state: ViewState, version: str | None = None, **extra: object) -> str:
    """The query string of a view (without '?'), plus `extra` parameters such as width/height."""
    params = state_params(state, version) + [(k, str(v)) for k, v in extra.items() if v is not None]
    return urlencode(params, safe=",:")


def cache_key(state: ViewState) -> tuple:
    """The parts of a view that change a picture (the version is added by the caller)."""
    return tuple(state_params(state, version="-"))
