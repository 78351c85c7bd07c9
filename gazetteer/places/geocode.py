"""Opt-in online geocoding of names no layer knows, through geopy's Nominatim.

Run from the command line only, never inside a web request, never needed by a test of the
app. The network loop (`geocode_names`) is kept apart from the pure converters
(`usable_result`, `place_from_nominatim`); answers are cached in a JSON file so a name is
asked for once. The service is not trusted: a redirect to another host is refused, a request
times out in seconds without hidden retries, and only a checked, trimmed copy of each answer
is kept.
"""
from __future__ import annotations

import json
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from gazetteer.model import Place, PlaceName

DEFAULT_URL = "https://nominatim.openstreetmap.org"
USER_AGENT = "chronotope-gazetteer (historical document mapping; offline by default)"
DEFAULT_TIMEOUT = 5.0
# What is kept of an answer: these fields, each text cut to MAX_TEXT characters.
KEPT_FIELDS = ("lat", "lon", "name", "display_name", "class", "type", "addresstype", "osm_type", "osm_id")
MAX_TEXT = 300

# Nominatim class/type -> our place kind
KIND_OF_TYPE = {
    "city": "settlement", "town": "settlement", "village": "settlement", "hamlet": "settlement",
    "suburb": "settlement", "locality": "settlement", "isolated_dwelling": "settlement",
    "administrative": "district", "state": "province", "country": "country", "river": "river",
    "stream": "river", "lake": "lake", "water": "lake", "peak": "mountain", "volcano": "mountain",
    "ridge": "ridge", "mountain_range": "ridge", "saddle": "pass", "mountain_pass": "pass",
    "region": "region", "valley": "region",
}


def slug(text: str) -> str:
    """Return a lower-case ASCII id fragment for `text` ("Kyssyr-Dagh" -> "kyssyr-dagh")."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "place"


def kind_of(result: dict) -> str:
    """Return our place kind for a Nominatim result's `type`/`addresstype`/`class`."""
    for key in ("addresstype", "type"):
        kind = KIND_OF_TYPE.get(str(result.get(key) or ""))
        if kind:
            return kind
    return "settlement" if result.get("class") == "place" else "other"


def _point(result: dict, query: str) -> tuple[float, float]:
    """Return (lon, lat) of a result; ValueError unless both are finite and in range."""
    try:
        lat, lon = float(result["lat"]), float(result["lon"])
    except (KeyError, TypeError, ValueError, OverflowError):
        raise ValueError(f"Nominatim result for {query!r} has no lat/lon") from None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"Nominatim result for {query!r} is out of range: lon={lon}, lat={lat}")
    return lon, lat


def usable_result(result: object, query: str) -> dict:
    """Return the part of a Nominatim answer worth keeping: KEPT_FIELDS and the country code,
    texts cut to MAX_TEXT characters; ValueError when it is not a result with a usable point.
    """
    if not isinstance(result, dict):
        raise ValueError(f"Nominatim answer for {query!r} is not a JSON object")
    _point(result, query)
    kept = {}
    for key in KEPT_FIELDS:
        value = result.get(key)
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            kept[key] = str(value)[:MAX_TEXT]
    code = result.get("address", {}).get("country_code") if isinstance(result.get("address"), dict) else None
    if isinstance(code, str) and re.fullmatch(r"[A-Za-z]{2}", code):
        kept["address"] = {"country_code": code}
    return kept


def place_from_nominatim(result: dict, query: str, service: str) -> Place:
    """Return the `Place` a Nominatim JSON result describes; ValueError if it has no point."""
    lon, lat = _point(result, query)
    result = usable_result(result, query)
    display = str(result.get("display_name") or query)
    name = str(result.get("name") or display.split(",")[0].strip() or query)
    names = tuple(PlaceName(toponym=t) for t in dict.fromkeys([query, name]) if t)
    code = (result.get("address") or {}).get("country_code")
    osm = f"{result.get('osm_type', '')} {result.get('osm_id', '')}".strip()
    return Place(
        id=f"geocoded:{slug(query)}", name=name, kind=kind_of(result), lon=lon, lat=lat,
        names=names, certainty="uncertain", uncertainty_km=25.0, layer="geocoded",
        coord_source=f"{service} search for {query!r} (OSM {osm or 'object'}), not checked",
        note=f"Geocoded online: {display}. The first answer of a modern geocoder; check it "
             f"against the period before relying on it.",
        country_code=code.upper() if isinstance(code, str) else None,
    )


def split_url(url: str) -> tuple[str, str]:
    """Return (scheme, domain) for geopy from a service URL ("http://127.0.0.1:8080")."""
    parts = urlsplit(url if "://" in url else f"https://{url}")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not an http(s) URL: {url!r}")
    return parts.scheme, parts.netloc + parts.path.rstrip("/")


def read_cache(path: Path) -> dict:
    """Return the cached answers {query: raw Nominatim result or None}; {} if none yet."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        raise ValueError(f"{path}: geocoding cache is not JSON ({err}); delete it to start afresh") from None
    return data if isinstance(data, dict) else {}


def refuse_other_hosts(response, *args, **kwargs):
    """A requests response hook: refuse a redirect that leaves the service's host."""
    if response.is_redirect:
        target = urlsplit(urljoin(response.url, response.headers.get("location", "")))
        here = urlsplit(response.url)
        if (target.scheme, target.netloc) != (here.scheme, here.netloc):
            from requests import RequestException

            response.close()
            raise RequestException(f"refused a redirect from {here.netloc} to another host ({target.netloc})")
    return response


def _adapter(**kwargs):
    """geopy's requests adapter without urllib3's hidden retries, refusing cross-host redirects."""
    from geopy.adapters import RequestsAdapter

    adapter = RequestsAdapter(max_retries=0, **kwargs)
    adapter.session.hooks["response"].append(refuse_other_hosts)
    return adapter


def make_search(url: str, min_delay: float, timeout: float = DEFAULT_TIMEOUT) -> Callable[[str], dict | None]:
    """Return a rate-limited function: query -> usable Nominatim result (or None if not found).

    Each request times out after `timeout` seconds and is tried twice at most; an answer that
    is not a usable result raises ValueError naming the query.
    """
    from geopy.extra.rate_limiter import RateLimiter
    from geopy.geocoders import Nominatim

    scheme, domain = split_url(url)
    geocoder = Nominatim(domain=domain, scheme=scheme, user_agent=USER_AGENT, timeout=timeout,
                         adapter_factory=_adapter)
    # one retry after a pause, then the error reaches the caller (no silent "not found")
    limited = RateLimiter(geocoder.geocode, min_delay_seconds=min_delay, max_retries=1,
                          error_wait_seconds=max(min_delay, 0.5), swallow_exceptions=False)

    def search(query: str) -> dict | None:
        try:
            location = limited(query, exactly_one=True, addressdetails=True)
        except ValueError as err:   # geopy refuses some broken answers itself (NaN coordinates)
            raise ValueError(f"Nominatim answer for {query!r} is not usable: {err}") from None
        return usable_result(location.raw, query) if location is not None else None

    return search


def geocode_names(names: Iterable[str], search: Callable[[str], dict | None], cache: dict,
                  service: str) -> list[tuple[str, Place | None]]:
    """Return (name, place or None) for each name, asking `search` only for uncached names.

    `cache` is updated in place with each new answer (None for "not found").
    """
    found = []
    for name in names:
        if name not in cache:
            cache[name] = search(name)
        raw = cache[name]
        found.append((name, place_from_nominatim(raw, name, service) if raw else None))
    return found
