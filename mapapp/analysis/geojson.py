"""A movement as GeoJSON: the one geometry and Feature that `chronotope movements --json` prints
and the atlas stores for `/api/movements`."""
from __future__ import annotations

from gazetteer.model import Movement


def movement_geometry(movement: Movement) -> dict | None:
    """Return the GeoJSON geometry of a movement, None when it has no point at all.

    The line is its drawn path, else its waypoints in order, with repeated consecutive points
    dropped; a Point when that leaves one place, else a LineString.
    """
    points = [(p.lon, p.lat) for p in movement.path] or [(p.lon, p.lat) for p in movement.waypoints]
    deduped = [pt for i, pt in enumerate(points) if i == 0 or pt != points[i - 1]]
    if not deduped:
        return None
    if len(deduped) == 1:
        return {"type": "Point", "coordinates": list(deduped[0])}
    return {"type": "LineString", "coordinates": [list(pt) for pt in deduped]}


def movement_feature(movement: Movement, properties: dict, feature_id: str | None = None) -> dict | None:
    """Return the GeoJSON Feature of a movement with `properties`, None when it has no geometry."""
    geometry = movement_geometry(movement)
    if geometry is None:
        return None
    feature: dict = {"type": "Feature"}
    if feature_id is not None:
        feature["id"] = feature_id
    feature.update(geometry=geometry, properties=properties)
    return feature


def bounds(geometry: dict | None) -> tuple:
    """Return (west, south, east, north) of a Point or LineString, or four Nones."""
    if geometry is None:
        return (None,) * 4
    coords = geometry["coordinates"]
    coords = [coords] if geometry["type"] == "Point" else coords
    lons, lats = [c[0] for c in coords], [c[1] for c in coords]
    return (min(lons), min(lats), max(lons), max(lats))
