"""Gazetteer places as plain GeoJSON points and as CSV rows (LPF lives in `lpf`)."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from gazetteer.model import Place

CSV_COLUMNS = ("id", "name", "kind", "lon", "lat", "names", "coord_source", "certainty",
               "uncertainty_km", "parent")


def geojson_feature(place: Place) -> dict:
    """Return an RFC 7946 Point feature for `place`, its record in the properties."""
    props = {
        "id": place.id, "name": place.name, "kind": place.kind,
        "names": [n.toponym for n in place.names], "coord_source": place.coord_source,
        "certainty": place.certainty, "uncertainty_km": place.uncertainty_km,
        "note": place.note, "parent": place.parent, "valid_from": place.valid_from,
        "valid_to": place.valid_to, "country_code": place.country_code, "layer": place.layer,
    }
    return {"type": "Feature", "id": place.id, "properties": props,
            "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]}}


def geojson_collection(places: Iterable[Place]) -> dict:
    """Return an RFC 7946 FeatureCollection of `places`."""
    return {"type": "FeatureCollection", "features": [geojson_feature(p) for p in places]}


def csv_text(places: Iterable[Place]) -> str:
    """Return CSV with a header row; `names` are joined by `|`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for p in places:
        writer.writerow([p.id, p.name, p.kind, p.lon, p.lat, "|".join(n.toponym for n in p.names),
                         p.coord_source, p.certainty,
                         "" if p.uncertainty_km is None else p.uncertainty_km, p.parent or ""])
    return out.getvalue()


def merge_layers(curated: Iterable[Place], user: Iterable[Place]) -> list[Place]:
    """Return user places first, then curated places whose id no user place overrides."""
    user = list(user)
    overridden = {p.id for p in user}
    return user + [p for p in curated if p.id not in overridden]
