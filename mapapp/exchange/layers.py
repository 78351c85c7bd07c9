"""The atlas as four flat GIS layers (RFC 7946 GeoJSON; the same layers make the GeoPackage):
places, mentions, movements and territory periods, one flat record each, dates as ISO days."""
from __future__ import annotations

import json

from mapapp.exchange.content import AtlasContent

LAYERS = ("places", "mentions", "movements", "territory_periods")
# Columns holding days, which the GeoPackage stores as real DATE columns.
DATE_COLUMNS = {"earliest", "latest", "from", "to"}


def _point(lon: float, lat: float) -> dict:
    return {"type": "Point", "coordinates": [lon, lat]}


def _feature(geometry: dict, properties: dict) -> dict:
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def places_layer(content: AtlasContent) -> list[dict]:
    out = []
    for f in content.places:
        p = f["properties"]
        out.append(_feature(f["geometry"], {
            "id": p["id"], "name": p["name"], "kind": p["kind"],
            "names": "; ".join(f"{n['toponym']} ({n.get('lang') or '?'})" for n in p.get("names", [])),
            "certainty": p.get("certainty"), "uncertainty_km": p.get("uncertainty_km"),
            "coord_source": p.get("coord_source"), "note": p.get("note"), "parent": p.get("parent"),
            "mentions": p.get("mentions"),
            "documents": len(p.get("documents", []))}))
    return out


def mentions_layer(content: AtlasContent) -> list[dict]:
    out = []
    for doc, m in content.mentions():
        if m.get("lon") is None or m.get("lat") is None:
            continue
        out.append(_feature(_point(m["lon"], m["lat"]), {
            "document_id": doc["id"], "document_title": doc["title"],
            "earliest": doc.get("earliest"), "latest": doc.get("latest"), "edtf": doc.get("edtf"),
            "start": m["start"], "end": m["end"], "text": m["text"], "place_id": m.get("place_id"),
            "name": m.get("name"), "score": m.get("score"), "review": review_status(m)}))
    return out


def movements_layer(content: AtlasContent) -> list[dict]:
    out = []
    for f in content.movements:
        p = f["properties"]
        out.append(_feature(f["geometry"], {
            "id": f.get("id"), "document_id": p.get("document_id"), "kind": p.get("kind"),
            "status": p.get("status"), "actor": p.get("actor"), "earliest": p.get("earliest"),
            "latest": p.get("latest"), "edtf": p.get("edtf"), "text": p.get("text"), "approximate": bool(p.get("approximate")),
            "waypoints": " – ".join(w.get("name") or w.get("place_id") or "?" for w in p.get("waypoints", []))}))
    return out


def territory_periods_layer(content: AtlasContent) -> list[dict]:
    out = []
    for f in content.territories:
        p = f["properties"]
        for entry in p.get("timeline", []):
            out.append(_feature(f["geometry"], {
                "territory_id": p["id"], "territory": p["name"], "level": p.get("level"),
                "relation": entry["relation"], "party": entry["party"], "from": entry.get("from"),
                "to": entry.get("to"), "edtf": entry.get("edtf"), "source": entry.get("source"), "note": entry.get("note")}))
    return out


def review_status(mention: dict) -> str:
    review = mention.get("review")
    return review["status"] if isinstance(review, dict) and review.get("status") else "machine"


def layers(content: AtlasContent) -> dict[str, dict]:
    """Each layer as a GeoJSON FeatureCollection (RFC 7946: lon/lat WGS 84, no `crs`)."""
    build = {"places": places_layer, "mentions": mentions_layer, "movements": movements_layer,
             "territory_periods": territory_periods_layer}
    return {name: {"type": "FeatureCollection", "features": build[name](content)} for name in LAYERS}


def geojson_text(collection: dict) -> str:
    return json.dumps(collection, ensure_ascii=False, indent=None, separators=(",", ":")) + "\n"
