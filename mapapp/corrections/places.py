"""The gazetteer as corrections see it: any place by id (every layer), places by any spelling.

Loaded lazily, once per process (the broad layer takes a moment); `forget()` after the user
layer changes.
"""
from __future__ import annotations

import threading
from functools import cache

from gazetteer.model import Place
from gazetteer.names.normalize import name_key

_LOCK = threading.Lock()
_SIGNATURE: list = [None]   # the user layer's files when the gazetteer was loaded


def _user_layer() -> tuple:
    """The user layer's files as they are now (name, size, mtime): another server may have added a place."""
    from gazetteer.places.userlayer import user_place_files

    found = []
    for path in user_place_files():
        try:
            info = path.stat()
        except FileNotFoundError:
            continue
        found.append((path.name, info.st_size, info.st_mtime_ns))
    return tuple(found)


def _current():
    """The gazetteer, loaded again when the user layer changed since it was loaded."""
    with _LOCK:
        now = _user_layer()
        if _SIGNATURE[0] is not None and _SIGNATURE[0] != now:
            _clear()
        _SIGNATURE[0] = now
        return _gazetteer()


@cache
def _gazetteer():
    from gazetteer.places.index import load_gazetteer

    return load_gazetteer()


@cache
def _broad_ids() -> dict[str, int]:
    broad = _gazetteer().broad
    return {f"geonames:{record[0]}": i for i, record in enumerate(broad.records)} if broad else {}


def _clear() -> None:
    from gazetteer.places.index import load_gazetteer

    load_gazetteer.cache_clear()
    _gazetteer.cache_clear()
    _broad_ids.cache_clear()


def forget() -> None:
    """Drop what was loaded, so that the next lookup reads the gazetteer (and its user layer) again."""
    with _LOCK:
        _clear()
        _SIGNATURE[0] = None


def place(place_id: str) -> Place | None:
    """The place `place_id` of any layer, or None."""
    gazetteer = _current()
    found = gazetteer.get(place_id)
    if found is None and place_id.startswith("geonames:"):
        index = _broad_ids().get(place_id)
        found = gazetteer.broad.place(index) if index is not None else None
    return found


def search(q: str, limit: int = 50) -> list[Place]:
    """Places whose name, in any spelling, is `q` or (user and curated layers) contains it."""
    gazetteer = _current()
    key = name_key(q).strip()
    if not key:
        return []
    found = {p.id: p for p in gazetteer.lookup(q)}
    for p in gazetteer.places:
        if len(found) >= limit:
            break
        if any(key in name_key(n.toponym) for n in p.names) or key in name_key(p.name):
            found.setdefault(p.id, p)
    return list(found.values())[:limit]


def summary(p: Place) -> dict:
    """What apply.py needs of a place."""
    return {"name": p.name, "kind": p.kind, "lat": p.lat, "lon": p.lon, "uncertainty_km": p.uncertainty_km}
