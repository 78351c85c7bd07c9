"""Table rows from the pipeline's records: what one source file puts into the atlas.

Some rows also hold their API answer as JSON (a place's Feature up to its counts, the end of a
document's list entry), made once here so the API answers by joining strings. An event's and a
movement's Feature are not stored: they are joined at answer time from parts made here
(`event_json`, `movement_json`) out of the mention, place, movement and document rows, which hold
them once. The longer JSON columns are stored packed (`packing`), and unpacked to the same text.
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import lru_cache
from json.encoder import encode_basestring
from pathlib import Path

from documents.edtf import edtf_of, period, period_of_iso
from gazetteer.model import Movement, Place, TimelineEntry
from gazetteer.places.display import name_years, period_name
from mapapp.analysis.geojson import movement_geometry
from mapapp.atlas.packing import pack, unpack

LIST_FIELDS = ("id", "title", "heading", "date_text", "earliest", "latest", "precision", "origin", "kind",
               "author", "recipient", "source")


@dataclass
class SourceRows:
    """The rows of one source (dicts keyed by column): documents, places, mentions, movements."""

    documents: list[dict] = field(default_factory=list)
    places: list[dict] = field(default_factory=list)
    mentions: list[dict] = field(default_factory=list)
    movements: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)   # documents the reader skipped, and why


def iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def open_feature(feature: dict) -> str:
    """Return a Feature's JSON without the closing braces of its properties (which must come last),
    so that more properties can be appended: head + ',"more":1}}'."""
    if list(feature)[-1] != "properties" or not feature["properties"]:
        raise ValueError("a feature opened for more properties must end with non-empty properties")
    return dumps(feature)[:-2]


def name_record(name) -> dict:
    """Return a place name as answers give it: toponym and language, with its years and note when known."""
    record = {"toponym": name.toponym, "lang": name.lang}
    years = name_years(name)
    if years:
        record["years"] = years
    if name.note:
        record["note"] = name.note
    return record


def place_row(place: Place) -> dict:
    """Return the places-table row of a gazetteer place."""
    return dict(_place_row(place))


# Each source's rows hold the places it names, so a build makes the same place's row once a
# source that names it; packed, a row costs ~130 µs: made once a process (places are frozen values).
@lru_cache(maxsize=16384)
def _place_row(place: Place) -> dict:
    names = [name_record(n) for n in place.names]
    props = {"id": place.id, "name": place.name, "kind": place.kind, "names": names, "certainty": place.certainty,
             "uncertainty_km": place.uncertainty_km, "coord_source": place.coord_source,
             "period_name": period_name(place),
             # the same place in GeoNames and Wikidata, for gazetteers that reconcile with ours
             "links": [{"type": link.type, "identifier": link.identifier} for link in place.links]}
    head = open_feature({"type": "Feature", "id": place.id,
                         "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]}, "properties": props})
    return {"id": place.id, "name": place.name, "kind": place.kind, "lon": place.lon, "lat": place.lat,
            "names": pack("names", dumps(names)), "uncertainty_km": place.uncertainty_km, "note": place.note, "parent": place.parent, "head": pack("place", head)}


def provenance(doc) -> dict:
    """Return where a document's words come from: its collection's record and the compiler's marks."""
    collection = asdict(doc.collection) if doc.collection else None
    return {"collection": collection, "editorial_notes": list(doc.editorial_notes)}


def with_review(record: dict) -> dict:
    """A reading's record with its `review`: None for the machine's reading, unless the pipeline set one
    (a reading taken from source markup); editors' corrections set it (mapapp/corrections)."""
    return record if "review" in record else {**record, "review": None}


def document_row(doc, key: str, dates: list[dict]) -> dict:
    """Return the documents-table row of a Document read from source `key`."""
    span = doc.date
    row = {"id": doc.id, "source_path": key, "source": Path(doc.source).name, "line": doc.line,
           "title": doc.title, "heading": doc.heading, "provenance": dumps(provenance(doc)),
           "former_id": doc.former_ids[0] if doc.former_ids else None, "date_text": span.text if span else None,
           "earliest": iso(span.earliest) if span else None, "latest": iso(span.latest) if span else None,
           "precision": span.precision if span else None, "origin": doc.origin, "kind": doc.kind,
           "author": doc.author, "recipient": doc.recipient, "archive_ref": doc.archive_ref,
           "published_in": doc.published_in, "body": pack("body", doc.body), "dates": pack("dates", dumps(dates)),
           "extras": dumps(date_extras(span))}
    return stored_facts(row)


# What most documents' provenance is (no compilation, no marks): stored as NULL.
NO_PROVENANCE = '{"collection":null,"editorial_notes":[]}'


def usual_extras(earliest: str | None, latest: str | None) -> str:
    """The `extras` of a document dated in the Gregorian calendar, whose EDTF its dates give."""
    return dumps({"edtf": period_of_iso(earliest, latest), "calendar": "gregorian" if earliest else None,
                  "date_as_written": None})


def stored_facts(row: dict) -> dict:
    """A documents row with its `provenance` and `extras` NULL where they are the usual ones
    (`provenance_of` and `extras_of` give them back): most documents' are, to the byte."""
    return {**row, "provenance": None if row["provenance"] == NO_PROVENANCE else row["provenance"],
            "extras": None if row["extras"] == usual_extras(row["earliest"], row["latest"]) else row["extras"]}


def provenance_of(stored: str | None) -> str:
    return NO_PROVENANCE if stored is None else stored


def extras_of(stored: str | None, earliest: str | None, latest: str | None) -> str:
    return usual_extras(earliest, latest) if stored is None else stored


def date_extras(span) -> dict:
    """What the documents list adds after a document's first fields: `edtf`, the date in the
    Extended Date/Time Format; the calendar the date was written in, and the date in it (null when Gregorian)."""
    return {"edtf": edtf_of(span) if span else None, "calendar": span.calendar if span else None,
            "date_as_written": span.written.record() if span and span.written else None}


def list_json(row, extras: str) -> str:
    """The document as `/api/documents` lists it: its list fields (from a row or dict), then its
    `date_extras` (the JSON of the row's `extras` column)."""
    return dumps({k: row[k] for k in LIST_FIELDS})[:-1] + "," + extras[1:]


def event_document(doc: dict) -> str:
    """The part of an `/api/events` Feature's properties that comes from document row `doc`
    (id, title, earliest, latest, edtf): the same for each of its mentions, so made once."""
    return dumps({"document_id": doc["id"], "document_title": doc["title"], "earliest": doc["earliest"],
                  "latest": doc["latest"], "edtf": period_of_iso(doc["earliest"], doc["latest"])})[1:-1]


def event_place(place_id: str, name: str, kind: str, lon: float, lat: float) -> tuple[str, str]:
    """The parts of an `/api/events` Feature that come from its place: coordinates, and id, name, kind."""
    return dumps([lon, lat])[1:-1], dumps({"place_id": place_id, "name": name, "kind": kind})[1:-1]


def event_json(document: str, place: tuple[str, str], text: str, start: int, end: int) -> str:
    """The `/api/events` Feature of one mention, from its `event_document` and `event_place` parts."""
    # Called for every event of a window: the text quoted as json.dumps quotes it, the offsets (ints) as str.
    return ('{"type":"Feature","geometry":{"type":"Point","coordinates":[' + place[0] + ']},"properties":{' +
            document + "," + place[1] + ',"text":' + encode_basestring(text) + ',"start":' + str(int(start)) +
            ',"end":' + str(int(end)) + "}}")


def event_feature(doc: dict, place_id: str, name: str, kind: str, lon: float, lat: float,
                  text: str, start: int, end: int) -> str:
    """The `/api/events` Feature of one mention of a place in document row `doc`."""
    return event_json(event_document(doc), event_place(place_id, name, kind, lon, lat), text, start, end)


def movement_json(doc_id: str, title: str | None, ord_: int, geometry: str, props: str) -> str:
    """The `/api/movements` Feature of a movement: its stored `geometry` and `props` (JSON texts)
    with the document's id and title appended to the properties."""
    # Called for every movement of a window: the strings quoted as json.dumps quotes them.
    return ('{"type":"Feature","id":' + encode_basestring(f"{doc_id}/{ord_}") + ',"geometry":' + geometry +
            ',"properties":' + props[:-1] + ',"document_id":' + encode_basestring(doc_id) + ',"document_title":' +
            ("null" if title is None else encode_basestring(title)) + "}}")


def queue_order(record: dict) -> tuple[float | None, float | None]:
    """A mention's place in the review queue, least certain first: the resolver's score (0 when it
    gave none) and the chosen place's lead over the best other candidate (its score if alone);
    (None, None) once someone reviewed it, which takes it out of the queue."""
    if record.get("review") is not None:
        return None, None
    score = record.get("score") or 0.0
    others = [c["score"] for c in record.get("candidates", []) if c.get("place_id") != record.get("place_id")
              and c.get("score") is not None]
    return score, (round(score - max(others), 6) if others else score)


SPAN = ("start", "end", "text")            # a mention record's first keys: also the row's columns
CHOSEN = ("place_id", "name", "kind", "lat", "lon")   # a candidate's first keys: the chosen place's, mostly
SAME = "="                                  # the key that stands for CHOSEN in a packed candidate
PLACE = "@"                                 # the key that stands for CHOSEN when the row's place has them


def pack_mention(record: dict, place: tuple | None = None) -> str:
    """A mention record as the mentions table stores it: without its span (the row's own columns),
    without the chosen place's id, name, kind and point when they are those of `place` (the row's
    place: id, name, kind, lat, lon), and each candidate that is the chosen place without repeating
    them. `unpack_mention` gives back the record's JSON to the byte."""
    keys = list(record)
    if keys[:3] != list(SPAN) or len(keys) == 3:
        return dumps(record)
    packed = {k: v for k, v in record.items() if k not in SPAN}
    chosen = [record.get(k) for k in CHOSEN]
    if "candidates" in packed:
        packed["candidates"] = [{SAME: 1, **{k: v for k, v in c.items() if k not in CHOSEN}}
                                if list(c)[:5] == list(CHOSEN) and [c[k] for k in CHOSEN] == chosen else c
                                for c in packed["candidates"]]
    # Compared as JSON: 40 and 40.0 are equal numbers but not the same text.
    if place is not None and keys[3:8] == list(CHOSEN) and dumps(chosen) == dumps(list(place)):
        packed = {PLACE: 1, **{k: v for k, v in packed.items() if k not in CHOSEN}}
    return dumps(packed)


def unpack_mention(start: int, end: int, text: str, stored: str | bytes, place: tuple | None = None) -> str:
    """The JSON of the mention record that `pack_mention` stored (and `packing` packed), with its span
    from the row's columns and, where it left them out, the chosen place's from `place` (the row's)."""
    if isinstance(stored, bytes):
        stored = unpack("mention", stored)
    if stored.startswith('{"start":'):
        return stored
    packed = json.loads(stored)
    if "start" in packed:   # stored whole (not in the pipeline's key order)
        return stored
    if PLACE in packed:
        if place is None:
            raise ValueError("a mention record packed without its place, read without the place")
        packed = {**dict(zip(CHOSEN, place, strict=True)), **{k: v for k, v in packed.items() if k != PLACE}}
    if "candidates" in packed:
        chosen = {k: packed.get(k) for k in CHOSEN}
        packed["candidates"] = [{**chosen, **{k: v for k, v in c.items() if k != SAME}} if SAME in c else c
                                for c in packed["candidates"]]
    return dumps({"start": start, "end": end, "text": text, **packed})


def stored_text(text: str, body: str, start: int, end: int) -> str | None:
    """A mention's text as its row stores it: None when it is the document's text at its offsets."""
    return None if body[start:end] == text else text


def mention_text(stored: str | None, body: str | None, start: int, end: int) -> str:
    """A mention's text from its row's `text` and (when that is None) its document's text."""
    return stored if stored is not None else body[start:end]


def mention_row(doc: dict, n: int, mention, record: dict, body: str) -> dict:
    """Return the mentions-table row of a resolved mention in document row `doc` (whose text is `body`),
    the `n`th by (start, end)."""
    score, lead = queue_order(record)
    place = mention.place
    packed = pack_mention(record, (place.id, place.name, place.kind, place.lat, place.lon))
    return {"document_id": doc["id"], "n": n, "place_id": place.id, "start": mention.start, "end": mention.end,
            "text": stored_text(mention.text, body, mention.start, mention.end), "record": pack("mention", packed),
            "score": score, "lead": lead}


# Where a movement's record leaves out its text, which is its document's text at its offsets.
ROUTE_TEXT = re.compile(r'\{"start":(\d+),"end":(\d+),(?="~":1[,}])')
TEXT_MARK = '"~":1'


def pack_route(record: dict, body: str) -> str:
    """A movement's record as the movements table stores it (before `packing`): without its text,
    a mark in its place, when that is the document's text `body` at its offsets (not so for one
    stated in the heading, whose offsets are into the title). `unpack_route` gives back its JSON."""
    start, end, text = record.get("start"), record.get("end"), record.get("text")
    if list(record)[:3] != ["start", "end", "text"] or type(start) is not int or type(end) is not int \
            or not 0 <= start <= end or body[start:end] != text:
        whole = dumps(record)
        return " " + whole if ROUTE_TEXT.match(whole) else whole   # a space: not to be read as marked
    return dumps({"start": start, "end": end, "~": 1, **{k: v for k, v in record.items() if k not in SPAN}})


def unpack_route(stored: str, body) -> str:
    """The JSON of the movement record that `pack_route` stored; `body` gives the document's text
    (a callable, called only when the record needs it)."""
    if stored.startswith(" "):
        return stored[1:]
    found = ROUTE_TEXT.match(stored)
    if found is None:
        return stored
    text = (body() if callable(body) else body)[int(found[1]):int(found[2])]
    return stored[:found.end()] + '"text":' + encode_basestring(text) + stored[found.end() + len(TEXT_MARK):]


def movement_row(doc: dict, ord_: int, movement: Movement, record: dict, body: str) -> dict:
    """Return the movements-table row of a movement in document row `doc` (undated: the document's dates)."""
    geometry = movement_geometry(movement)
    return {"document_id": doc["id"], "ord": ord_, "geometry": pack("geometry", dumps(geometry)) if geometry else None,
            "earliest": iso(movement.earliest) or doc["earliest"], "latest": iso(movement.latest) or doc["latest"],
            "props": pack("movement", pack_route(record, body)), "drawn": int(geometry is not None)}


def analyse_source(path: Path) -> SourceRows:
    """Read one source file, analyse each document and return its rows.

    Raises DocumentError when the file cannot be read at all.
    """
    from documents.readers import read_documents
    from mapapp.analysis.pipeline import analyse_document, date_record, place_record, route_record

    reading = read_documents([path])
    rows = SourceRows(warnings=[str(w) for w in reading.warnings])
    places: dict[str, Place] = {}
    for doc in reading.documents:
        analysis = analyse_document(doc)
        rows.warnings.extend(analysis.warnings)
        row = document_row(doc, str(path), [with_review(date_record(d, analysis.review_of("date", d)))
                                            for d in analysis.dates])
        rows.documents.append(row)
        for n, mention in enumerate(sorted((m for m in analysis.mentions if m.place is not None),
                                           key=lambda m: (m.start, m.end))):
            places.setdefault(mention.place.id, mention.place)
            rows.mentions.append(mention_row(row, n, mention,
                                             with_review(place_record(mention, analysis.review_of("place", mention))),
                                             doc.body))
        # Movements stated in the heading follow the body's, flagged (their offsets are into the title).
        stated = [(m, False) for m in analysis.movements] + [(m, True) for m in analysis.heading_movements]
        for ord_, (movement, in_heading) in enumerate(stated):
            for waypoint in movement.waypoints:
                places.setdefault(waypoint.id, waypoint)
            record = with_review(route_record(movement, in_heading, doc.author))
            rows.movements.append(movement_row(row, ord_, movement, record, doc.body))
    rows.places = [place_row(p) for p in places.values()]
    return rows


def timeline_record(entry: TimelineEntry, shown: dict) -> dict:
    """Return a timeline entry as stored: every field (dates ISO) and `shown`, its JSON in answers."""
    return {"relation": entry.relation, "party": entry.party, "start": iso(entry.start), "end": iso(entry.end),
            "source": entry.source, "source_kind": entry.source_kind, "note": entry.note,
            "shown": {**shown, "edtf": period(entry.start, entry.end)}}


def timeline_entry(record: dict) -> TimelineEntry:
    """Return the TimelineEntry a stored record holds."""
    return TimelineEntry(record["relation"], record["party"],
                         date.fromisoformat(record["start"]) if record["start"] else None,
                         date.fromisoformat(record["end"]) if record["end"] else None,
                         record["source"], record["source_kind"], record["note"])


def territory_rows() -> list[dict]:
    """Return the territories-table rows: each unit's Feature (as the gazetteer draws it) and timeline."""
    from gazetteer.territories.units import entry_json, load_territories, territory_feature

    rows = []
    for i, territory in enumerate(load_territories()):
        feature = territory_feature(territory)
        head = open_feature({"type": "Feature", "id": feature["id"], "geometry": feature["geometry"],
                             "properties": feature["properties"]})
        rows.append({"id": territory.id, "ord": i, "head": pack("territory", head),
                     "timeline": pack("territory", dumps([timeline_record(e, entry_json(e)) for e in territory.timeline]))})
    return rows
