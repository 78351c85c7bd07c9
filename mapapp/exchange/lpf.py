"""The atlas as one Linked Places (LPF) FeatureCollection: every place the corpus names, and the
territories with a `when` timespan per claim and control period, each with its source."""
from __future__ import annotations

from urllib.parse import quote

from gazetteer.model import Place
from mapapp.exchange.content import AtlasContent

LPF_CONTEXT = "https://raw.githubusercontent.com/LinkedPasts/linked-places/master/linkedplaces-context-v1.1.jsonld"
# Our four degrees of certainty in the LPF vocabulary, which has three.
LPF_CERTAINTY = {"certain": "certain", "probable": "less-certain", "approximate": "less-certain",
                 "uncertain": "uncertain"}
# Claims and control are not LPF relation types: they are named in our own namespace.
RELATION_TYPES = {"claim": "chronotope:claimedBy", "control": "chronotope:controlledBy"}


def place_uri(base: str, place_id: str) -> str:
    """The URI of a place of the atlas: its page in the app."""
    return f"{base.rstrip('/')}/places/{quote(place_id, safe=':')}"


def territory_uri(base: str, territory_id: str) -> str:
    return f"{base.rstrip('/')}/api/territories#{quote(territory_id)}"


def timespan(start: str | None, end: str | None) -> dict:
    """An LPF timespan from ISO dates or years; an open end is left out."""
    span = {}
    if start:
        span["start"] = {"in": str(start)}
    if end:
        span["end"] = {"in": str(end)}
    return span


def place_feature(feature: dict, base: str, place: Place | None = None) -> dict:
    """The LPF feature of a place of the atlas; `place` (the gazetteer record) adds name years and links."""
    props = feature["properties"]
    lon, lat = feature["geometry"]["coordinates"]
    certainty = LPF_CERTAINTY.get(props.get("certainty"), "uncertain")
    names = []
    for name in (place.names if place else ()):
        entry = {"toponym": name.toponym, "lang": name.lang or "und",
                 "citations": [{"label": f"Chronotope gazetteer, {props['id']}"}]}
        if name.valid_from or name.valid_to:
            entry["when"] = {"timespans": [timespan(name.valid_from, name.valid_to)]}
        names.append(entry)
    if not names:
        names = [{"toponym": n["toponym"], "lang": n.get("lang") or "und"} for n in props.get("names", [])]
    out = {
        "@id": place_uri(base, props["id"]), "type": "Feature",
        "properties": {"title": props["name"], "chronotope_id": props["id"], "kind": props["kind"],
                       "mentions": props.get("mentions"), "documents": props.get("documents", [])},
        "names": names,
        "types": [{"label": props["kind"], "sourceLabel": props["kind"]}],
        "geometry": {"type": "Point", "coordinates": [lon, lat], "certainty": certainty,
                     "citations": [{"label": props.get("coord_source") or "no source recorded"}]},
        "citations": [{"label": props.get("coord_source") or "no source recorded"}],
        "certainty": certainty,
    }
    if props.get("uncertainty_km"):
        out["properties"]["uncertainty_km"] = props["uncertainty_km"]
    if place and (place.valid_from or place.valid_to):
        out["when"] = {"timespans": [timespan(place.valid_from, place.valid_to)]}
    if place and place.links:
        out["links"] = [{"type": link.type, "identifier": link.identifier} for link in place.links]
        out["citations"] += [{"label": f"{link.identifier}: {link.cited.citation()}"} for link in place.links
                             if link.cited]
    elif props.get("links"):   # the atlas keeps the links its gazetteer had when it was built
        out["links"] = [{"type": link["type"], "identifier": link["identifier"]} for link in props["links"]]
    if place and place.note:
        out["descriptions"] = [{"value": place.note, "lang": "en"}]
    return out


def territory_feature(feature: dict, base: str) -> dict:
    """The LPF feature of a territory: its polygon, and a timespan and relation per claim and control."""
    props = feature["properties"]
    timeline = props.get("timeline", [])
    relations = []
    for entry in timeline:
        relation = {"relationType": RELATION_TYPES[entry["relation"]], "relationTo": entry["party"],
                    "label": f"{entry['relation']} by {entry['party']}",
                    "when": {"timespans": [timespan(entry.get("from"), entry.get("to"))],
                             **({"label": entry["edtf"]} if entry.get("edtf") else {})},  # EDTF, as archives write it
                    "citations": [{"label": entry.get("source") or "no source recorded"}]}
        if entry.get("note"):
            relation["note"] = entry["note"]
        relations.append(relation)
    out = {
        "@id": territory_uri(base, props["id"]), "type": "Feature",
        "properties": {"title": props["name"], "chronotope_id": props["id"], "level": props.get("level"),
                       "method": props.get("method"), "area_km2": props.get("area_km2")},
        "names": [{"toponym": n["toponym"], "lang": n.get("lang") or "und"} for n in props.get("names", [])]
        or [{"toponym": props["name"], "lang": "en"}],
        "types": [{"label": props.get("level") or "territory"}],
        "geometry": {**feature["geometry"], "certainty": "less-certain",
                     "citations": [{"label": s} for s in props.get("sources", [])]},
        "relations": relations,
    }
    spans = [timespan(e.get("from"), e.get("to")) for e in timeline]
    if spans:
        out["when"] = {"timespans": spans}
    return out


def lpf_collection(content: AtlasContent, base: str, places: dict[str, Place] | None = None) -> dict:
    """One LPF FeatureCollection of every place the corpus names and every territory."""
    places = places or {}
    features = [place_feature(f, base, places.get(f["id"])) for f in content.places]
    features += [territory_feature(f, base) for f in content.territories]
    return {"@context": LPF_CONTEXT, "type": "FeatureCollection",
            "features": features,
            "chronotope": {"atlas_version": content.version, "on": content.on}}
