"""Linked Places Format (GeoJSON-LD, as used by the World Historical Gazetteer) <-> `Place`.

Our records are standard LPF features; what LPF has no field for (our place kind, the
uncertainty radius, the coordinate's source as a sentence) sits under the feature's
`properties`, which LPF leaves open:

    {"@id": "chr:goris", "type": "Feature",
     "properties": {"title": "Goris", "kind": "settlement", "ccodes": ["AM"],
                    "coord_source": "Wikipedia infobox (39°30′N 46°20′E)",
                    "certainty": "certain", "uncertainty_km": null, "note": null,
                    "parent": "chr:zangezur-uyezd", "valid_from": null, "valid_to": null},
     "names": [{"toponym": "Geryusy", "lang": "ru-Latn", "note": "period transliteration",
                "when": {"timespans": [{"start": {"in": "1870"}, "end": {"in": "1924"}}]}}],
     "types": [{"label": "settlement"}],
     "geometry": {"type": "Point", "coordinates": [46.34, 39.51]}}
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from gazetteer import datafiles
from gazetteer.errors import GazetteerError
from gazetteer.model import CERTAINTIES, LINK_TYPES, PLACE_KINDS, LinkSource, Place, PlaceLink, PlaceName

CONTEXT = "https://raw.githubusercontent.com/LinkedPasts/linked-places/master/linkedplaces-context-v1.1.jsonld"


def _year(when: dict | None, edge: str) -> int | None:
    """The year of a LPF `when` timespan edge ("start"/"end"), if given."""
    if not when:
        return None
    for span in when.get("timespans", []):
        value = (span.get(edge) or {})
        text = value.get("in") or value.get("earliest") or value.get("latest")
        if text:
            return int(str(text)[:4].lstrip("-") or 0) * (-1 if str(text).startswith("-") else 1)
    return None


def _when(start: int | None, end: int | None) -> dict | None:
    if start is None and end is None:
        return None
    span = {}
    if start is not None:
        span["start"] = {"in": str(start)}
    if end is not None:
        span["end"] = {"in": str(end)}
    return {"timespans": [span]}


def _point(geometry: dict | None) -> tuple[float, float] | None:
    """The first Point of a geometry (a Point or a GeometryCollection)."""
    if not geometry:
        return None
    if geometry.get("type") == "Point":
        return tuple(geometry["coordinates"][:2])
    for g in geometry.get("geometries", []):
        found = _point(g)
        if found:
            return found
    return None


def _link_sources(entries) -> dict[str, LinkSource]:
    """`properties.link_sources` by link identifier: where each link comes from."""
    cited = {}
    for entry in entries or []:
        if not isinstance(entry, dict) or not all(str(entry.get(k) or "").strip()
                                                  for k in ("identifier", "source", "record", "read")):
            raise ValueError("a link source needs 'identifier', 'source', 'record' and 'read'")
        cited[entry["identifier"].strip()] = LinkSource(
            source=entry["source"], record=entry["record"], read=entry["read"], via=entry.get("via") or "",
            field=entry.get("field") or "", matched_on=entry.get("matched_on") or "")
    return cited


def link_source_entry(link: PlaceLink) -> dict:
    """The `properties.link_sources` entry of a cited link (the inverse of `_link_sources`)."""
    entry = {"identifier": link.identifier, "source": link.cited.source, "via": link.cited.via,
             "record": link.cited.record, "field": link.cited.field, "read": link.cited.read,
             "matched_on": link.cited.matched_on}
    return {k: v for k, v in entry.items() if v}


def place_from_feature(feature: dict, layer: str = "curated") -> Place:
    """Return the `Place` a LPF feature describes; raise ValueError saying what is wrong."""
    if not isinstance(feature, dict):
        raise ValueError("a feature must be a JSON object")
    pid = feature.get("@id")
    if not pid or not isinstance(pid, str):
        raise ValueError("missing '@id'")
    props = feature.get("properties") or {}
    if not isinstance(props, dict):
        raise ValueError("'properties' must be a JSON object")
    title = props.get("title")
    if not title:
        raise ValueError("missing properties.title")
    point = _point(feature.get("geometry"))
    if point is None:
        raise ValueError("no Point geometry")
    lon, lat = (float(point[0]), float(point[1]))
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise ValueError(f"coordinates out of range: lon={lon}, lat={lat}")
    types = feature.get("types") if isinstance(feature.get("types"), list) else []
    kind = props.get("kind") or next((t.get("label") for t in types if isinstance(t, dict)), None) or "other"
    if kind not in PLACE_KINDS:
        raise ValueError(f"unknown kind {kind!r} (one of {', '.join(PLACE_KINDS)})")
    certainty = props.get("certainty") or "certain"
    if certainty not in CERTAINTIES:
        raise ValueError(f"unknown certainty {certainty!r} (one of {', '.join(CERTAINTIES)})")
    names = []
    for n in feature.get("names") or []:
        if not isinstance(n, dict) or not str(n.get("toponym") or "").strip():
            raise ValueError("a name without 'toponym'")
        names.append(PlaceName(toponym=n["toponym"].strip(), lang=n.get("lang"), note=n.get("note"),
                               valid_from=_year(n.get("when"), "start"),
                               valid_to=_year(n.get("when"), "end")))
    if not any(n.toponym == title for n in names):
        names.insert(0, PlaceName(toponym=title, lang="en"))
    radius = props.get("uncertainty_km")
    links = []
    cited = _link_sources(props.get("link_sources"))
    for link in feature.get("links") or []:
        if not isinstance(link, dict) or link.get("type") not in LINK_TYPES or not str(link.get("identifier") or "").strip():
            raise ValueError(f"a link needs 'type' (one of {', '.join(LINK_TYPES)}) and 'identifier'")
        identifier = link["identifier"].strip()
        links.append(PlaceLink(type=link["type"], identifier=identifier, cited=cited.get(identifier)))
    unlinked = sorted(set(cited) - {link.identifier for link in links})
    if unlinked:
        raise ValueError(f"a link source for {unlinked[0]}, which is not among the record's links")
    return Place(
        id=pid, name=title, kind=kind, lon=lon, lat=lat, names=tuple(names),
        coord_source=props.get("coord_source") or "", certainty=certainty,
        uncertainty_km=float(radius) if radius is not None else None,
        note=props.get("note"), parent=props.get("parent"),
        valid_from=props.get("valid_from"), valid_to=props.get("valid_to"),
        population=props.get("population"),
        country_code=(props.get("ccodes") or [None])[0], layer=layer, links=tuple(links),
    )


def feature_from_place(place: Place) -> dict:
    """Return the LPF feature for a `Place` (the inverse of `place_from_feature`)."""
    props = {"title": place.name, "kind": place.kind, "coord_source": place.coord_source,
             "certainty": place.certainty, "uncertainty_km": place.uncertainty_km,
             "note": place.note, "parent": place.parent, "valid_from": place.valid_from,
             "valid_to": place.valid_to, "population": place.population, "layer": place.layer}
    if place.country_code:
        props["ccodes"] = [place.country_code]
    if any(link.cited for link in place.links):
        props["link_sources"] = [link_source_entry(link) for link in place.links if link.cited]
    names = []
    for n in place.names:
        entry = {"toponym": n.toponym}
        if n.lang:
            entry["lang"] = n.lang
        if n.note:
            entry["note"] = n.note
        when = _when(n.valid_from, n.valid_to)
        if when:
            entry["when"] = when
        names.append(entry)
    feature = {"@id": place.id, "type": "Feature",
               "properties": {k: v for k, v in props.items() if v is not None},
               "names": names, "types": [{"label": place.kind}],
               "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]}}
    if place.links:
        feature["links"] = [{"type": link.type, "identifier": link.identifier} for link in place.links]
    return feature


def feature_collection(places: Iterable[Place]) -> dict:
    """Return a LPF FeatureCollection of `places`."""
    return {"@context": CONTEXT, "type": "FeatureCollection",
            "features": [feature_from_place(p) for p in places]}


def read_features(path: Path) -> list[dict]:
    """The features of a LPF file; GazetteerError naming the file if it is not one."""
    return datafiles.read_features(path, "Linked Places FeatureCollection")


def load_places(path: Path, layer: str = "curated") -> list[Place]:
    """Every place in a LPF file; GazetteerError naming file and record for a broken one."""
    places = []
    for i, feature in enumerate(read_features(path)):
        label = (feature.get("@id") if isinstance(feature, dict) else None) or f"#{i + 1}"
        try:
            places.append(place_from_feature(feature, layer))
        except (ValueError, TypeError, KeyError, AttributeError) as err:
            raise GazetteerError(str(err), str(path), label) from None
    return places


def bundled_place_files() -> Iterator[Path]:
    """The curated LPF files shipped in the package (gazetteer/data/places/*.lpf.json)."""
    folder = resources.files("gazetteer") / "data" / "places"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".lpf.json"):
            yield Path(str(entry))
