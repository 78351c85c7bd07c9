"""The machine's reading of documents analysed again with today's gazetteer (after a place was
created in the app), without a build: their source files read again, each document analysed by the
pipeline, its records in the shape `live` keeps."""
from __future__ import annotations

from pathlib import Path

from mapapp.analysis.geojson import movement_geometry
from mapapp.analysis.pipeline import analyse_document, date_record, place_record, route_record
from mapapp.atlas.rows import with_review


def readings(rows: list[tuple[str, str, dict]]) -> dict[str, dict]:
    """Return {document id: machine reading} for (id, source path, fields) rows; a document its
    source no longer holds is left out (the next build will see the change)."""
    from documents.readers import read_documents

    wanted: dict[str, list[tuple[str, dict]]] = {}
    for doc_id, source, fields in rows:
        wanted.setdefault(source, []).append((doc_id, fields))
    found = {}
    for source, docs in wanted.items():
        if not Path(source).is_file():
            continue
        by_id = {d.id: d for d in read_documents([Path(source)]).documents}
        for doc_id, fields in docs:
            doc = by_id.get(doc_id)
            if doc is not None:
                found[doc_id] = reading_of(doc, fields)
    return found


def reading_of(doc, fields: dict) -> dict:
    """The machine reading of one Document (fields as the atlas holds them)."""
    analysis = analyse_document(doc)
    moves = [(m, False) for m in analysis.movements] + [(m, True) for m in analysis.heading_movements]
    return {"fields": fields,
            "places": sorted((with_review(place_record(m)) for m in analysis.mentions if m.place is not None),
                             key=lambda r: (r["start"], r["end"])),
            "dates": [with_review(date_record(d)) for d in analysis.dates],
            "movements": [with_review(route_record(m, heading, doc.author)) for m, heading in moves],
            "geometries": [movement_geometry(m) for m, _ in moves]}
