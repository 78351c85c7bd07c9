"""Disputed territories: load and check the GeoJSON polygons and their timelines, and ask
what was claimed and held on a day, or which unit a point lies in.

The bundled data live in `gazetteer/data/territories/`: `territories.geojson` (RFC 7946,
lon/lat) and `timeline.json` (claims and control by territory id; see its "about").
A GeoJSON file of your own may instead carry each timeline as `properties.timeline`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from shapely.geometry import Point, shape
from shapely.validation import explain_validity

from gazetteer import datafiles, geodesy
from gazetteer.errors import GazetteerError
from gazetteer.model import CERTAINTIES, PlaceName, Territory, TimelineEntry
from gazetteer.territories.timeline import (
    RELATIONS,
    cautions,
    entries_on,
    is_disputed,
    is_partial,
    parse_edge,
    source_kind,
)

LEVELS = ("uyezd", "uezd", "oblast", "okrug", "zone", "district", "region", "subregion")


@dataclass(frozen=True)
class TerritoryState:
    """A territory on one day: the claims and the control in force then."""

    territory: Territory
    day: date
    claims: tuple[TimelineEntry, ...]
    control: tuple[TimelineEntry, ...]

    @property
    def disputed(self) -> bool:
        """True when more than one party claims the territory on the day (`timeline.is_disputed`)."""
        return is_disputed(e.party for e in self.claims)


def bundled_paths() -> tuple[Path, Path]:
    """The shipped (territories.geojson, timeline.json)."""
    folder = resources.files("gazetteer") / "data" / "territories"
    return Path(str(folder / "territories.geojson")), Path(str(folder / "timeline.json"))


def _names(raw: object) -> tuple[PlaceName, ...]:
    if not isinstance(raw, list):
        raise ValueError("'names' must be a list")
    names = []
    for n in raw:
        if isinstance(n, str) and n.strip():
            names.append(PlaceName(toponym=n.strip()))
        elif isinstance(n, dict) and str(n.get("toponym") or "").strip():
            names.append(PlaceName(toponym=n["toponym"].strip(), lang=n.get("lang"), note=n.get("note")))
        else:
            raise ValueError("a name without 'toponym'")
    return tuple(names)


def _geometry(raw: object) -> dict:
    """The geometry if it is a valid lon/lat (Multi)Polygon; ValueError saying what is wrong."""
    if not isinstance(raw, dict) or raw.get("type") not in ("Polygon", "MultiPolygon"):
        kind = raw.get("type") if isinstance(raw, dict) else type(raw).__name__
        raise ValueError(f"geometry must be a Polygon or MultiPolygon, not {kind}")
    try:
        geom = shape(raw)
    except (ValueError, TypeError, IndexError, AttributeError) as err:
        raise ValueError(f"unreadable geometry ({err})") from None
    if geom.is_empty:
        raise ValueError("empty geometry")
    west, south, east, north = geom.bounds
    if west < -180 or east > 180 or south < -90 or north > 90:
        raise ValueError(f"coordinates out of lon/lat range (bounds {geom.bounds})")
    if not geom.is_valid:
        raise ValueError(f"invalid polygon: {explain_validity(geom)}")
    return raw


def _entry(raw: object, references: dict, parties: Sequence[str]) -> TimelineEntry:
    """One timeline entry; ValueError saying what is wrong."""
    if not isinstance(raw, dict):
        raise ValueError("an entry must be a JSON object")
    relation = raw.get("relation")
    if relation not in RELATIONS:
        raise ValueError(f"relation {relation!r} is not one of {', '.join(RELATIONS)}")
    party = raw.get("party")
    if not isinstance(party, str) or not party.strip():
        raise ValueError("missing 'party'")
    if parties and party not in parties:
        raise ValueError(f"party {party!r} is not in the file's list of parties")
    start, end = parse_edge(raw.get("from"), "from"), parse_edge(raw.get("to"), "to")
    if start and end and end < start:
        raise ValueError(f"'to' {raw.get('to')} is before 'from' {raw.get('from')}")
    source = raw.get("source")
    if not isinstance(source, str) or not source.strip():
        raise ValueError("missing 'source'")
    if source.startswith("ref:"):
        if source[4:] not in references:
            raise ValueError(f"source {source!r} is not among the file's references")
        source = references[source[4:]]
    kind = raw.get("source_kind") or source_kind(source)
    return TimelineEntry(relation=relation, party=party, start=start, end=end, source=source,
                         source_kind=kind, note=raw.get("note"))


def _timeline(raw: object, references: dict, parties: Sequence[str]) -> tuple[TimelineEntry, ...]:
    if not isinstance(raw, list):
        raise ValueError("a timeline must be a list of entries")
    entries = []
    for i, item in enumerate(raw, 1):
        try:
            entries.append(_entry(item, references, parties))
        except ValueError as err:
            raise ValueError(f"timeline entry {i}: {err}") from None
    return tuple(entries)


def _territory(feature: object, timeline: tuple[TimelineEntry, ...]) -> Territory:
    props = feature.get("properties") or {}
    level = props.get("level")
    if level not in LEVELS:
        raise ValueError(f"level {level!r} is not one of {', '.join(LEVELS)}")
    certainty = str(props.get("certainty") or "approximate")
    if certainty.split(":")[0].strip() not in CERTAINTIES:
        raise ValueError(f"certainty {certainty!r} does not start with one of {', '.join(CERTAINTIES)}")
    name = props.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("missing properties.name")
    sources = props.get("sources") or []
    return Territory(id=props["id"], name=name, level=level, geometry=_geometry(feature.get("geometry")),
                     names=_names(props.get("names") or []), method=str(props.get("method") or ""),
                     certainty=certainty, sources=tuple(str(s) for s in sources), timeline=timeline)


def _feature_id(feature: object, index: int) -> str:
    props = feature.get("properties") if isinstance(feature, dict) else None
    ident = (props or {}).get("id") if isinstance(props, dict) else None
    return ident if isinstance(ident, str) and ident else f"#{index}"


def _timelines(path: Path | None, ids: Iterable[str]) -> dict[str, tuple[TimelineEntry, ...]]:
    """Territory id -> timeline, from a timeline file; GazetteerError naming file and feature."""
    if path is None:
        return {}
    data = datafiles.read_json(path)
    if not isinstance(data, dict) or not isinstance(data.get("territories"), dict):
        raise GazetteerError("not a timeline file (no 'territories' object)", str(path))
    references, parties = data.get("references") or {}, data.get("parties") or ()
    known = set(ids)
    found = {}
    for ident, raw in data["territories"].items():
        if ident not in known:
            raise GazetteerError("no territory with this id", str(path), ident)
        try:
            found[ident] = _timeline(raw, references, parties)
        except ValueError as err:
            raise GazetteerError(str(err), str(path), ident) from None
    return found


def load_territories(path: Path | str | None = None,
                     timeline_path: Path | str | None = None) -> tuple[Territory, ...]:
    """Every territory of a GeoJSON file (default: the bundled one, with the bundled
    timeline.json); GazetteerError naming the file and the feature for bad data."""
    if path is None:
        path, default_timeline = bundled_paths()
        timeline_path = timeline_path or default_timeline
    path = Path(path)
    features = datafiles.read_features(path)
    ids, seen = [], set()
    for i, feature in enumerate(features, 1):
        ident = _feature_id(feature, i)
        if ident.startswith("#"):
            raise GazetteerError("missing properties.id", str(path), ident)
        if ident in seen:
            raise GazetteerError("duplicate id", str(path), ident)
        seen.add(ident)
        ids.append(ident)
    timelines = _timelines(Path(timeline_path) if timeline_path else None, ids)
    territories = []
    for feature, ident in zip(features, ids, strict=True):
        try:
            inline = (feature.get("properties") or {}).get("timeline")
            timeline = timelines.get(ident) or (_timeline(inline, {}, ()) if inline is not None else ())
            territories.append(_territory(feature, timeline))
        except ValueError as err:
            raise GazetteerError(str(err), str(path), ident) from None
    return tuple(territories)


def territories_on(territories: Iterable[Territory], day: date) -> list[TerritoryState]:
    """Each territory with the claims and the control in force on `day`."""
    return [TerritoryState(territory=t, day=day, claims=entries_on(t.timeline, day, "claim"),
                           control=entries_on(t.timeline, day, "control")) for t in territories]


def territories_at(territories: Iterable[Territory], lon: float, lat: float,
                   level: str | None = None) -> list[Territory]:
    """The territories (of `level`, if given) whose polygon covers the point."""
    point = Point(lon, lat)
    return [t for t in territories
            if (level is None or t.level == level) and shape(t.geometry).covers(point)]


def territory_at(territories: Iterable[Territory], lon: float, lat: float,
                 level: str | None = "uyezd") -> Territory | None:
    """The first territory of `level` covering the point (uyezds do not overlap), or None."""
    found = territories_at(territories, lon, lat, level)
    return found[0] if found else None


def area_km2(territory: Territory) -> float:
    """The polygon's area on the WGS84 ellipsoid, in km²."""
    return geodesy.area_km2(shape(territory.geometry))


def corpus_document(source: str) -> tuple[str, int] | None:
    """(file name, n) of a "corpus:<file>#<n>" source (the n-th document of that bundled
    corpus file, counted from 1), or None for a published reference."""
    match = re.fullmatch(r"corpus:([^#\s]+)#(\d+)", source.strip())
    return (match.group(1), int(match.group(2))) if match else None


def entry_json(entry: TimelineEntry) -> dict:
    """A timeline entry as the JSON of `chronotope territories --date`."""
    return {"party": entry.party, "from": entry.start.isoformat() if entry.start else None,
            "to": entry.end.isoformat() if entry.end else None, "source": entry.source,
            "source_kind": entry.source_kind, "note": entry.note,
            "partial": is_partial(entry.note), "cautions": list(cautions(entry.note))}


def territory_feature(territory: Territory, state: TerritoryState | None = None) -> dict:
    """The GeoJSON feature of a territory; with a state, its claims and control on that day."""
    names = []
    for n in territory.names:
        name = {"toponym": n.toponym, "lang": n.lang}
        if n.note:
            name["note"] = n.note
        names.append(name)
    props = {"id": territory.id, "name": territory.name, "names": names, "level": territory.level,
             "method": territory.method, "certainty": territory.certainty,
             "sources": list(territory.sources), "area_km2": round(area_km2(territory))}
    if state is not None:
        props.update(date=state.day.isoformat(), disputed=state.disputed,
                     claims=[entry_json(e) for e in state.claims],
                     control=[entry_json(e) for e in state.control])
    return {"type": "Feature", "id": territory.id, "properties": props, "geometry": territory.geometry}


def feature_collection(territories: Sequence[Territory], day: date | None = None) -> dict:
    """A GeoJSON FeatureCollection of the territories, with claims and control on `day` if given."""
    if day is None:
        features = [territory_feature(t) for t in territories]
    else:
        features = [territory_feature(s.territory, s) for s in territories_on(territories, day)]
    return {"type": "FeatureCollection", "features": features}
