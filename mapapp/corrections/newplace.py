"""A place an editor creates in the app: checked, then kept in the user gazetteer layer (LPF).

It goes into one user-layer file, `app-places.lpf.json`, beside the layers the user imported, so
every later analysis (and `chronotope build`) offers it to every document. Undoing its creation
takes it out of that file again (never out of a layer the user imported).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from gazetteer.model import Place, PlaceName
from gazetteer.places.lpf import load_places
from gazetteer.places.userlayer import layer_dir, save_places
from mapapp.corrections.annotation import LINK, MOVEMENT, Annotation, AnnotationError

FILE = "app-places.lpf.json"
CERTAINTIES = ("certain", "probable", "approximate", "uncertain")


def _number(value, name: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise AnnotationError(f"{name}: a number from {low} to {high} is needed")
    return float(value)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "place"


def place_of(data, taken) -> Place:
    """Return the Place a request states (names, kind, lon, lat, certainty, source); AnnotationError says
    what is missing or wrong. `taken(id)` tells whether an id is in use."""
    if not isinstance(data, dict):
        raise AnnotationError("a place must be a JSON object")
    names = data.get("names")
    if not isinstance(names, list) or not names:
        raise AnnotationError('names: a list of {"toponym", "lang"} is needed')
    parsed = []
    for i, n in enumerate(names):
        if not isinstance(n, dict) or not isinstance(n.get("toponym"), str) or not n["toponym"].strip() \
                or len(n["toponym"]) > 200:
            raise AnnotationError(f"names[{i}].toponym: a name of 1 to 200 characters is needed")
        lang = n.get("lang")
        if lang is not None and (not isinstance(lang, str) or not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", lang)):
            raise AnnotationError(f"names[{i}].lang: a BCP 47 language tag (en, ru-Latn, hy ...)")
        parsed.append(PlaceName(n["toponym"].strip(), lang))
    kind = data.get("kind")
    if not isinstance(kind, str) or not re.fullmatch(r"[a-z][a-z -]{0,39}", kind):
        raise AnnotationError("kind: a kind of place (settlement, region, river ...) is needed")
    source = data.get("source")
    if not isinstance(source, str) or not source.strip() or len(source) > 500:
        raise AnnotationError("source: say who places it there (a map sheet, a book, a survey) - it is required")
    certainty = data.get("certainty", "probable")
    if certainty not in CERTAINTIES:
        raise AnnotationError(f"certainty: one of {', '.join(CERTAINTIES)}")
    lon, lat = _number(data.get("lon"), "lon", -180, 180), _number(data.get("lat"), "lat", -90, 90)
    base = "user:" + _slug(parsed[0].toponym)
    place_id, n = base, 1
    while taken(place_id):
        n += 1
        place_id = f"{base}-{n}"
    return Place(place_id, parsed[0].toponym, kind, round(lon, 6), round(lat, 6), tuple(parsed),
                 coord_source=source.strip(), certainty=certainty, layer="user")


def save(place: Place, home: Path | None = None) -> Path:
    """Add `place` to the app's user-layer file (written atomically)."""
    path = layer_dir(home) / FILE
    places = load_places(path, layer="user") if path.exists() else []
    return save_places([*places, place], FILE, home)


def made_in_app(home: Path | None = None) -> list[Place]:
    """The places made in the app, in the order they were made."""
    path = layer_dir(home) / FILE
    return load_places(path, layer="user") if path.exists() else []


def remove(place_id: str, home: Path | None = None) -> Place | None:
    """Take place `place_id` out of the app's user-layer file; return it, or None if it is not there."""
    kept = made_in_app(home)
    gone = next((p for p in kept if p.id == place_id), None)
    if gone is not None:
        save_places([p for p in kept if p.id != place_id], FILE, home)
    return gone


def place_json(p: Place) -> dict:
    """A place as the API gives it (the gazetteer search, a created place, its history entries)."""
    return {"id": p.id, "name": p.name, "names": [{"toponym": n.toponym, "lang": n.lang} for n in p.names],
            "kind": p.kind, "lon": p.lon, "lat": p.lat, "layer": p.layer, "source": p.coord_source,
            "certainty": p.certainty}


def place_from_json(data: dict) -> Place:
    """The user-layer Place that `place_json` wrote (a history entry's), with its id."""
    names = tuple(PlaceName(n["toponym"], n.get("lang")) for n in data["names"])
    return Place(data["id"], data["name"], data["kind"], data["lon"], data["lat"], names,
                 coord_source=data["source"], certainty=data["certainty"], layer="user")


def linked_by(annotations: Iterable[Annotation], place_id: str) -> list[Annotation]:
    """The corrections that link a mention to `place_id` or route a movement through it."""
    return [a for a in annotations
            if (a.action == LINK and a.place == place_id)
            or (a.action == MOVEMENT and place_id in a.values.get("waypoints", ()))]
