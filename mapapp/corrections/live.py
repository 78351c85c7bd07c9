"""Republishing corrected documents in an atlas: the rows of one document rewritten from the
machine's reading and its corrections, in the transaction of the caller.

The machine's reading of a document is kept in the `readings` table the first time a document
is rewritten (until then its rows are the machine's), so a correction withdrawn or undone
leaves exactly what the build derived. A build applies every correction the same way
(`apply_all`); a live change (`patch_served`) rewrites the served atlas file in place in one
transaction and bumps `revision` in its meta table, which every answer's ETag and cache key
include, so that no server keeps a stale answer.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping

from documents.edtf import period_of_iso
from mapapp.atlas import place_spans, spans, versions
from mapapp.atlas.packing import pack, pack_counts, text_of, unpack, unpack_counts
from mapapp.atlas.query import document_body, document_mentions
from mapapp.atlas.rows import (
    dumps,
    extras_of,
    pack_mention,
    pack_route,
    place_row,
    provenance_of,
    queue_order,
    stored_facts,
    stored_text,
    unpack_route,
)
from mapapp.corrections import anchor, apply
from mapapp.corrections.annotation import Annotation
from mapapp.corrections.store import CorrectionsStore

FIELDS = ("title", "author", "recipient", "origin", "kind", "date_text", "earliest", "latest", "precision")
READINGS = "CREATE TABLE IF NOT EXISTS readings (document_id TEXT PRIMARY KEY, record TEXT NOT NULL)"

# Patches of one PostgreSQL atlas take turns (pg_advisory_xact_lock's key: "correc" in hex).
PATCH_LOCK = 0x636F72726563
PlaceLookup = Callable[[str], "object | None"]   # id -> gazetteer Place or None


def machine_reading(conn, doc_id: str) -> dict | None:
    """The machine's reading of a document: kept in `readings`, else its rows as the build wrote them."""
    conn.execute(READINGS)
    row = conn.execute("SELECT record FROM readings WHERE document_id = ?", (doc_id,)).fetchone()
    if row is not None:
        return json.loads(row[0])
    doc = conn.execute(f"SELECT {', '.join(FIELDS)}, dates, extras, rowid FROM documents WHERE id = ?",
                       (doc_id,)).fetchone()
    if doc is None:
        return None
    fields = dict(zip(FIELDS, doc, strict=False))
    listed = json.loads(extras_of(doc[len(FIELDS) + 1], fields["earliest"], fields["latest"]))
    key = doc[len(FIELDS) + 2]
    places = [json.loads(record) for record in document_mentions(conn, key)]
    moves = conn.execute("SELECT props, geometry FROM movements WHERE doc = ? ORDER BY ord", (key,)).fetchall()
    reading = {"fields": {f: doc[i] for i, f in enumerate(FIELDS)}, "places": places,
               "date_extras": {k: listed.get(k) for k in ("edtf", "calendar", "date_as_written")},
               "dates": json.loads(unpack("dates", doc[len(FIELDS)])),
               "movements": [json.loads(unpack_route(unpack("movement", m[0]), lambda: document_body(conn, doc_id)))
                             for m in moves],
               "geometries": [json.loads(unpack("geometry", m[1])) if m[1] else None for m in moves]}
    conn.execute("INSERT INTO readings VALUES (?, ?)", (doc_id, dumps(reading)))
    return reading


def _postgres(conn) -> bool:
    return getattr(getattr(conn, "dialect", None), "name", "sqlite") == "postgresql"


def set_machine_reading(conn, doc_id: str, reading: dict) -> None:
    """Replace the machine's reading of a document (after it was analysed again)."""
    conn.execute(READINGS)
    conn.execute("INSERT INTO readings VALUES (?, ?) ON CONFLICT (document_id) DO UPDATE SET record = excluded.record",
                 (doc_id, dumps(reading)))


def place_info(conn, lookup: PlaceLookup, place_id: str) -> dict | None:
    """Name, kind, lat, lon of a place: the gazetteer's, else the atlas's own row."""
    found = lookup(place_id)
    if found is not None:
        return {"name": found.name, "kind": found.kind, "lat": found.lat, "lon": found.lon,
                "uncertainty_km": found.uncertainty_km}
    row = conn.execute("SELECT name, kind, lat, lon, uncertainty_km FROM places WHERE id = ?", (place_id,)).fetchone()
    return dict(zip(("name", "kind", "lat", "lon", "uncertainty_km"), row, strict=True)) if row else None


def republish(conn, doc_id: str, annotations: list[Annotation], lookup: PlaceLookup,
              names: Mapping[str, str | None]) -> set[str] | None:
    """Rewrite one document's rows from its machine reading and `annotations`; return the ids of
    those that could not be anchored or applied (orphaned), or None when the atlas has no such document."""
    reading = machine_reading(conn, doc_id)
    if reading is None:
        return None
    body = document_body(conn, doc_id)
    anchored = [(a, anchor.anchor(body, a.selection) if a.selection is not None else None) for a in annotations]
    wanted = {a.place for a in annotations if a.place} | {w for a in annotations for w in a.values.get("waypoints", ())}
    places = {pid: info for pid in wanted if (info := place_info(conn, lookup, pid)) is not None}
    done = apply.apply(reading, anchored, places, names, body)
    _write_rows(conn, doc_id, reading, done.reading, lookup)
    return set(done.orphaned)


def _write_rows(conn, doc_id: str, machine: dict, corrected: dict, lookup: PlaceLookup) -> None:
    old = conn.execute("SELECT rowid, title, body, earliest, provenance, latest, place_counts FROM documents "
                       "WHERE id = ?", (doc_id,)).fetchone()
    fields = corrected["fields"]
    provenance = json.loads(provenance_of(old[4]))
    provenance.pop("reviews", None)
    if corrected["reviews"]:
        provenance["reviews"] = corrected["reviews"]
    facts = stored_facts({"provenance": None, "extras": dumps(_date_extras(machine, corrected)),
                          "earliest": fields["earliest"], "latest": fields["latest"]})
    # Mentions: a rejected one stays in the document (its record says so) but names no place,
    # so that no map layer shows it.
    # (Its `/api/events` Features are joined from these rows and the places' at answer time.)
    counts, mentions = {}, []
    body = text_of("body", old[2])
    for m in sorted(corrected["places"], key=lambda m: (m["start"], m["end"])):
        shown = m.get("place_id") and (m.get("review") or {}).get("status") != "rejected"
        place = _ensure_place(conn, lookup, m["place_id"]) if shown else None
        row = conn.execute("SELECT id, name, kind, lat, lon FROM places WHERE rowid = ?", (place,)).fetchone() \
            if place is not None else None
        mentions.append((old[0], len(mentions), place, m["start"], m["end"], stored_text(m["text"], body, m["start"], m["end"]),
                         pack("mention", pack_mention(m, tuple(row) if row else None)), *queue_order(m)))
        if place is not None:   # as build._finish counts them
            counts[place] = counts.get(place, 0) + 1
    conn.execute(f"UPDATE documents SET {', '.join(f'{f} = ?' for f in FIELDS)}, dates = ?, extras = ?, "
                 "place_counts = ?, provenance = ? WHERE id = ?",
                 [fields[f] for f in FIELDS] + [pack("dates", dumps(corrected["dates"])), facts["extras"], pack_counts(counts),
                                                stored_facts({**facts, "provenance": dumps(provenance)})["provenance"],
                                                doc_id])
    # The window's counts (place_spans): the document's old places out of its old dates' group, the new in.
    place_spans.shift(conn, old[3], old[5], unpack_counts(old[6]), -1)
    place_spans.shift(conn, fields["earliest"], fields["latest"], counts, 1)
    conn.execute("DELETE FROM mentions WHERE doc = ?", (old[0],))
    for mention in mentions:
        conn.execute('INSERT INTO mentions (doc, n, place, start, "end", text, record, score, lead) '
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", mention)
    _write_movements(conn, doc_id, machine, corrected, lookup)
    if _postgres(conn):   # PostGIS points of the new rows; the words of a new title
        conn.execute("UPDATE mentions m SET geom = p.geom FROM places p WHERE p.rowid = m.place AND m.doc = ?",
                     (old[0],))
        for rowid, geometry in conn.execute("SELECT rowid, geometry FROM movements WHERE doc = ? "
                                            "AND geometry IS NOT NULL", (old[0],)).fetchall():
            conn.execute("UPDATE movements SET geom = ST_SetSRID(ST_GeomFromGeoJSON(?), 4326) WHERE rowid = ?",
                         (unpack("geometry", geometry), rowid))
        if old[1] != fields["title"] and _has_table(conn, "document_words"):
            from mapapp.atlas.query import fts_words

            conn.execute("DELETE FROM document_words WHERE rowid = ? AND col = 'title'", (old[0],))
            for pos, word in enumerate(fts_words(fields["title"] or "")):
                conn.execute("INSERT INTO document_words VALUES (?, 'title', ?, ?) ON CONFLICT DO NOTHING",
                             (old[0], pos, word))
    elif old[1] != fields["title"] and _has_table(conn, "documents_fts"):
        # A contentless index deletes a row's words given its old title and text.
        conn.execute("INSERT INTO documents_fts (documents_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)",
                     (old[0], old[1], body))
        conn.execute("INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)", (old[0], fields["title"], body))
    if old[3] != fields["earliest"]:
        _rerank(conn)
    spans.widen(conn, "documents", [(fields["earliest"], fields["latest"])])


def _date_extras(machine: dict, corrected: dict) -> dict:
    """The list's date extras (EDTF, calendar, date as written): the build's while the document's date
    stands as the machine read it, else those of the editor's date."""
    keys = ("earliest", "latest", "precision")
    if all(machine["fields"].get(k) == corrected["fields"].get(k) for k in keys) and "date_extras" in machine:
        return machine["date_extras"]
    fields, stated = corrected["fields"], corrected["reviews"].get("date") or {}
    return {"edtf": period_of_iso(fields["earliest"], fields["latest"]),
            "calendar": stated.get("calendar", "gregorian") if fields["earliest"] else None,
            "date_as_written": stated.get("as_written")}


def _write_movements(conn, doc_id: str, machine: dict, corrected: dict, lookup: PlaceLookup) -> None:
    key, seq, earliest, latest = conn.execute("SELECT rowid, seq, earliest, latest FROM documents WHERE id = ?",
                                              (doc_id,)).fetchone()
    geometries = machine.get("geometries", [])
    body = document_body(conn, doc_id)
    conn.execute("DELETE FROM movements WHERE doc = ?", (key,))
    dated = []
    for ord_, m in enumerate(corrected["movements"]):
        ids = [w["place_id"] for w in m["waypoints"]]
        if ord_ < len(geometries) and ids == [w["place_id"] for w in machine["movements"][ord_]["waypoints"]]:
            geometry = geometries[ord_]     # the drawn path along the roads, as the build found it
        else:
            points = [[w["lon"], w["lat"]] for w in m["waypoints"]]
            points = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
            geometry = None if not points else {"type": "Point", "coordinates": points[0]} if len(points) == 1 \
                else {"type": "LineString", "coordinates": points}
        for pid in ids:
            _ensure_place(conn, lookup, pid)
        rejected = (m.get("review") or {}).get("status") == "rejected"
        rowid = conn.execute("SELECT coalesce(max(rowid), 0) + 1 FROM movements").fetchone()[0]
        dated.append((m.get("earliest") or earliest, m.get("latest") or latest))
        # Drawn (its Feature joined at answer time, rows.movement_json) unless it has no place or was rejected.
        conn.execute("INSERT INTO movements (rowid, doc, ord, seq, geometry, "
                     "earliest, latest, props, drawn, span_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (rowid, key, ord_, seq, pack("geometry", dumps(geometry)) if geometry else None,
                      *dated[-1], pack("movement", pack_route(m, body)), int(geometry is not None and not rejected),
                      spans.days(*dated[-1])))
    spans.widen(conn, "movements", dated)


def _ensure_place(conn, lookup: PlaceLookup, place_id: str) -> int | None:
    """The rowid of place `place_id` in the atlas, its row added from the gazetteer if missing (None: unknown)."""
    found = conn.execute("SELECT rowid FROM places WHERE id = ?", (place_id,)).fetchone()
    if found is not None:
        return found[0]
    found = lookup(place_id)
    if found is None:
        return None
    row = {"rowid": conn.execute("SELECT coalesce(max(rowid), 0) + 1 FROM places").fetchone()[0], **place_row(found)}
    if _postgres(conn):   # which keeps them plain (pg_schema.PLAIN)
        row["names"] = unpack("names", row["names"])
    names = ", ".join(f'"{c}"' for c in row)
    conn.execute(f"INSERT INTO places ({names}) VALUES ({', '.join('?' * len(row))})", tuple(row.values()))
    if _postgres(conn):
        conn.execute("UPDATE places SET geom = ST_SetSRID(ST_MakePoint(lon, lat), 4326) WHERE id = ?", (place_id,))
    return row["rowid"]


def _has_table(conn, name: str) -> bool:
    if _postgres(conn):
        return conn.execute("SELECT to_regclass(?)", (name,)).fetchone()[0] is not None
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None


def _rerank(conn) -> None:
    """Rank the documents by date again (a corrected date moves one), as the build does."""
    conn.execute("UPDATE documents SET seq = -rowid")
    conn.execute("WITH ranked AS (SELECT rowid AS r, row_number() OVER "
                 "(ORDER BY earliest IS NULL, earliest, id) AS n FROM documents) "
                 "UPDATE documents SET seq = ranked.n FROM ranked WHERE documents.rowid = ranked.r")
    conn.execute("UPDATE movements SET seq = d.seq FROM documents d WHERE movements.doc = d.rowid")


def bump_revision(conn) -> int:
    """Count one more change to the atlas (what answers' ETags include)."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
    revision = int(row[0]) + 1 if row else 1
    conn.execute("INSERT INTO meta (key, value) VALUES ('revision', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                 (str(revision),))
    return revision


def apply_all(conn, store: CorrectionsStore, lookup: PlaceLookup, names: Mapping[str, str | None],
              documents: Iterable[str] | None = None) -> dict[str, set[str]]:
    """Republish every document that has (or had) a correction; return the orphaned ids by document."""
    by_doc: dict[str, list[Annotation]] = {}
    for a in store.annotations():
        by_doc.setdefault(a.document_id, []).append(a)
    orphaned = {}
    for doc_id in (documents if documents is not None else store.documents()):
        found = republish(conn, doc_id, by_doc.get(doc_id, []), lookup, names)
        orphaned[doc_id] = found if found is not None else {a.id for a in by_doc.get(doc_id, [])}
    return orphaned


def record_orphans(store: CorrectionsStore, orphaned: Mapping[str, set[str]]) -> None:
    for doc_id, ids in orphaned.items():
        store.set_orphaned(doc_id, ids)


def patch_served(atlas_file, store: CorrectionsStore, doc_ids: Iterable[str], lookup: PlaceLookup,
                 names: Mapping[str, str | None], readings: Mapping[str, dict] | None = None) -> int:
    """Republish `doc_ids` in the served atlas file, in one transaction; return its new revision.

    `readings`: new machine readings of documents analysed again (a gazetteer change). An atlas in
    PostgreSQL (a `postgres.Schema`) is patched alike, in one transaction, one patch at a time."""
    from mapapp.atlas import postgres

    if isinstance(atlas_file, postgres.Schema):
        conn = atlas_file.connect()
        try:
            with conn.raw.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(?)", (PATCH_LOCK,))
                for doc_id, reading in (readings or {}).items():
                    set_machine_reading(conn, doc_id, reading)
                orphaned = apply_all(conn, store, lookup, names, list(doc_ids))
                revision = bump_revision(conn)
        finally:
            conn.close()
        record_orphans(store, orphaned)
        return revision
    with sqlite3.connect(versions.sqlite_uri(atlas_file, "rw"), uri=True, timeout=10,
                         isolation_level=None) as conn:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for doc_id, reading in (readings or {}).items():
                set_machine_reading(conn, doc_id, reading)
            orphaned = apply_all(conn, store, lookup, names, list(doc_ids))
            revision = bump_revision(conn)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    conn.close()
    record_orphans(store, orphaned)
    return revision
