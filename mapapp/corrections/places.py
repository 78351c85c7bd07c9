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


@cache
def _gazetteer():
    from gazetteer.places.index import load_gazetteer

    return load_gazetteer()


@cache
def _broad_ids() -> dict[str, int]:
    broad = _gazetteer().broad
    return {f"geonames:{record[0]}": i for i, record in enumerate(broad.records)} if broad else {}


def forget() -> None:
    """Drop what was loaded, so that the next lookup reads the gazetteer (and its user layer) again."""
    from gazetteer.places.index import load_gazetteer

    with _LOCK:
        load_gazetteer.cache_clear()
        _gazetteer.cache_clear()
        _broad_ids.cache_clear()


def place(place_id: str) -> Place | None:
    """The place `place_id` of any layer, or None."""
    with _LOCK:
        gazetteer = _gazetteer()
    found = gazetteer.get(place_id)
    if found is None and place_id.startswith("geonames:"):
        index = _broad_ids().get(place_id)
        found = gazetteer.broad.place(index) if index is not None else None
    return found


def search(q: str, limit: int = 50) -> list[Place]:
    """Places whose name, in any spelling, is `q` or (user and curated layers) contains it."""
    with _LOCK:
        gazetteer = _gazetteer()
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
