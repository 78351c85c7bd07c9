"""Table rows from the pipeline's records: what one source file puts into the atlas."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from gazetteer.model import Movement, Place, TimelineEntry


@dataclass
class SourceRows:
    """The rows of one source: documents, the places they mention, mentions and movements."""

    documents: list[tuple] = field(default_factory=list)
    places: list[tuple] = field(default_factory=list)
    mentions: list[tuple] = field(default_factory=list)
    movements: list[tuple] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)   # documents the reader skipped, and why


def iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def place_row(place: Place) -> tuple:
    """Return the places-table row of a gazetteer place."""
    names = [{"toponym": n.toponym, "lang": n.lang, "note": n.note} for n in place.names]
    return (place.id, place.name, place.kind, place.lon, place.lat, dumps(names), place.certainty,
            place.uncertainty_km, place.coord_source, place.note, place.parent)


def movement_geometry(movement: Movement) -> dict | None:
    """Return the GeoJSON geometry of a movement: its drawn path, else its waypoints in order."""
    points = [(p.lon, p.lat) for p in movement.path] or [(p.lon, p.lat) for p in movement.waypoints]
    deduped = [pt for i, pt in enumerate(points) if i == 0 or pt != points[i - 1]]
    if not deduped:
        return None
    if len(deduped) == 1:
        return {"type": "Point", "coordinates": list(deduped[0])}
    return {"type": "LineString", "coordinates": [list(pt) for pt in deduped]}


def bounds(geometry: dict | None) -> tuple:
    """Return (west, south, east, north) of a Point or LineString, or four Nones."""
    if geometry is None:
        return (None,) * 4
    coords = geometry["coordinates"]
    coords = [coords] if geometry["type"] == "Point" else coords
    lons, lats = [c[0] for c in coords], [c[1] for c in coords]
    return (min(lons), min(lats), max(lons), max(lats))


def analyse_source(path: Path) -> SourceRows:
    """Read one source file, analyse each document and return its rows.

    Raises DocumentError when the file cannot be read at all.
    """
    from documents.readers import read_documents
    from mapapp.pipeline import analyse_document, date_record, place_record, route_record

    reading = read_documents([path])
    rows = SourceRows(warnings=[str(w) for w in reading.warnings])
    places: dict[str, Place] = {}
    for doc in reading.documents:
        analysis = analyse_document(doc)
        dates = [date_record(d) for d in analysis.dates]
        span = doc.date
        rows.documents.append((
            doc.id, Path(doc.source).name, doc.line, doc.title, span.text if span else None,
            iso(span.earliest) if span else None, iso(span.latest) if span else None,
            span.precision if span else None, doc.origin, doc.kind, doc.author, doc.recipient,
            doc.archive_ref, doc.published_in, doc.body, dumps(dates)))
        for mention in analysis.mentions:
            if mention.place is None:
                continue
            places.setdefault(mention.place.id, mention.place)
            rows.mentions.append((doc.id, mention.place.id, mention.start, mention.end, mention.text,
                                  dumps(place_record(mention))))
        for ord_, movement in enumerate(analysis.movements):
            for waypoint in movement.waypoints:
                places.setdefault(waypoint.id, waypoint)
            geometry = movement_geometry(movement)
            earliest = movement.earliest or (span.earliest if span else None)
            latest = movement.latest or (span.latest if span else None)
            rows.movements.append((doc.id, ord_, dumps(geometry) if geometry else None, *bounds(geometry),
                                   iso(earliest), iso(latest), dumps(route_record(movement))))
    rows.places = [place_row(p) for p in places.values()]
    return rows


def timeline_record(entry: TimelineEntry) -> dict:
    """Return a timeline entry as stored: every field, dates ISO."""
    return {"relation": entry.relation, "party": entry.party, "start": iso(entry.start), "end": iso(entry.end),
            "source": entry.source, "source_kind": entry.source_kind, "note": entry.note}


def timeline_entry(record: dict) -> TimelineEntry:
    """Return the TimelineEntry a stored record holds."""
    return TimelineEntry(record["relation"], record["party"],
                         date.fromisoformat(record["start"]) if record["start"] else None,
                         date.fromisoformat(record["end"]) if record["end"] else None,
                         record["source"], record["source_kind"], record["note"])


def territory_rows() -> list[tuple]:
    """Return the territories-table rows: each unit's GeoJSON feature (without a date) and timeline."""
    from gazetteer.territories import load_territories, territory_feature

    return [(t.id, i, dumps({"feature": territory_feature(t), "timeline": [timeline_record(e) for e in t.timeline]}))
            for i, t in enumerate(load_territories())]
