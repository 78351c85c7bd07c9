"""The SQL behind the `Atlas` read methods; each returns JSON-ready dicts (GeoJSON where spatial)."""
from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict

LIST_COLUMNS = ("id", "title", "date_text", "earliest", "latest", "precision", "origin", "kind",
                "author", "recipient", "source")
DETAIL_COLUMNS = LIST_COLUMNS + ("body", "archive_ref", "published_in")
PLACE_PROPERTIES = ("id", "name", "kind", "names", "certainty", "uncertainty_km", "coord_source")


def loads(text: str | None):
    """Return the JSON value stored in a column (None stays None)."""
    return None if text is None else json.loads(text)


def window_sql(window, alias: str = "d") -> tuple[str, list]:
    """Return an SQL condition (and its parameters): the row's dates overlap `window`."""
    clauses, params = ["1"], []
    if window.end is not None:
        clauses.append(f"{alias}.earliest <= ?")
        params.append(window.end)
    if window.start is not None:
        clauses.append(f"{alias}.latest >= ?")
        params.append(window.start)
    return " AND ".join(clauses), params


def fts_query(text: str) -> str | None:
    """Return an FTS5 query matching every word of `text` (words quoted, so no syntax leaks in)."""
    words = re.findall(r"\w+", text)
    return " ".join('"' + w.replace('"', '""') + '"' for w in words) or None


def like_pattern(text: str) -> str:
    """Return a LIKE pattern for `text` anywhere, with % and _ taken literally."""
    return "%" + re.sub(r"([\\%_])", r"\\\1", text) + "%"


def corpus(conn: sqlite3.Connection, version: str, built_at: str) -> dict:
    row = conn.execute("SELECT count(*), min(earliest), max(latest) FROM documents").fetchone()
    dates = [r[0] for r in conn.execute(
        "SELECT DISTINCT earliest FROM documents WHERE earliest IS NOT NULL ORDER BY earliest")]
    return {"version": version, "count": row[0], "earliest": row[1], "latest": row[2],
            "dates": dates, "built_at": built_at}


def documents(conn: sqlite3.Connection, window, q: str | None, place: str | None, page, fts: bool) -> dict:
    where, params = window_sql(window)
    if q and q.strip():
        match = fts_query(q) if fts else None
        if fts and match:
            where += " AND d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)"
            params.append(match)
        else:
            where += r" AND (d.title LIKE ? ESCAPE '\' OR d.body LIKE ? ESCAPE '\')"
            params += [like_pattern(q.strip())] * 2
    if place is not None:
        where += " AND d.id IN (SELECT document_id FROM mentions WHERE place_id = ?)"
        params.append(place)
    total = conn.execute(f"SELECT count(*) FROM documents d WHERE {where}", params).fetchone()[0]
    columns = ", ".join(f"d.{c}" for c in LIST_COLUMNS)
    rows = conn.execute(f"SELECT {columns} FROM documents d WHERE {where} ORDER BY d.seq LIMIT ? OFFSET ?",
                        params + [page.size, (page.number - 1) * page.size]).fetchall()
    return {"documents": [dict(r) for r in rows], "total": total, "page": page.number, "per_page": page.size}


def document(conn: sqlite3.Connection, doc_id: str) -> dict | None:
    columns = ", ".join(DETAIL_COLUMNS)
    row = conn.execute(f"SELECT {columns}, seq, dates FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    found = {c: row[c] for c in DETAIL_COLUMNS}
    found["places"] = [json.loads(r[0]) for r in conn.execute(
        'SELECT record FROM mentions WHERE document_id = ? ORDER BY start, "end"', (doc_id,))]
    found["dates"] = json.loads(row["dates"])
    found["movements"] = [json.loads(r[0]) for r in conn.execute(
        "SELECT props FROM movements WHERE document_id = ? ORDER BY ord", (doc_id,))]
    for key, seq in (("prev", row["seq"] - 1), ("next", row["seq"] + 1)):
        other = conn.execute("SELECT id FROM documents WHERE seq = ?", (seq,)).fetchone()
        found[key] = other[0] if other else None
    return found


def _names(text: str) -> list[dict]:
    return [{"toponym": n["toponym"], "lang": n.get("lang")} for n in json.loads(text)]


def point_feature(row: sqlite3.Row, **extra) -> dict:
    """Return the GeoJSON Point Feature of a places row, with `extra` properties."""
    props = {k: row[k] for k in PLACE_PROPERTIES}
    props["names"] = _names(row["names"])
    props.update(extra)
    return {"type": "Feature", "id": row["id"],
            "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]}, "properties": props}


def collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}


def places(conn: sqlite3.Connection, window, bbox, q: str | None) -> dict:
    where, params = window_sql(window)
    place_where, place_params = "1", []
    if bbox is not None:
        lon = "p.lon BETWEEN ? AND ?" if bbox.west <= bbox.east else "(p.lon >= ? OR p.lon <= ?)"
        place_where += f" AND {lon} AND p.lat BETWEEN ? AND ?"
        place_params += [bbox.west, bbox.east, bbox.south, bbox.north]
    if q and q.strip():
        place_where += r" AND (p.name LIKE ? ESCAPE '\' OR p.names LIKE ? ESCAPE '\' OR p.id = ?)"
        place_params += [like_pattern(q.strip())] * 2 + [q.strip()]
    pairs = conn.execute(
        f"SELECT m.place_id, d.id, count(*) FROM mentions m JOIN documents d ON d.id = m.document_id "
        f"JOIN places p ON p.id = m.place_id WHERE {where} AND {place_where} "
        f"GROUP BY m.place_id, d.seq ORDER BY m.place_id, d.seq", params + place_params).fetchall()
    mentions, docs = defaultdict(int), defaultdict(list)
    for place_id, doc_id, n in pairs:
        mentions[place_id] += n
        docs[place_id].append(doc_id)
    if not docs:
        return collection([])
    marks = ",".join("?" * len(docs))
    rows = conn.execute(f"SELECT * FROM places WHERE id IN ({marks}) ORDER BY name, id", list(docs))
    return collection([point_feature(r, mentions=mentions[r["id"]], documents=docs[r["id"]]) for r in rows])


def place(conn: sqlite3.Connection, row: sqlite3.Row) -> dict:
    docs = conn.execute(
        "SELECT d.id, d.title, d.earliest, d.latest, d.date_text, count(*) AS n FROM mentions m "
        "JOIN documents d ON d.id = m.document_id WHERE m.place_id = ? GROUP BY d.id ORDER BY d.seq",
        (row["id"],)).fetchall()
    listed = [{k: d[k] for k in ("id", "title", "earliest", "latest", "date_text")} for d in docs]
    return point_feature(row, mentions=sum(d["n"] for d in docs), documents=listed,
                         note=row["note"], parent=row["parent"])


def movements(conn: sqlite3.Connection, window) -> dict:
    where, params = window_sql(window, "m")
    rows = conn.execute(
        f"SELECT m.document_id, m.ord, m.geometry, m.props, d.title FROM movements m "
        f"JOIN documents d ON d.id = m.document_id WHERE m.geometry IS NOT NULL AND {where} "
        f"ORDER BY m.earliest, d.seq, m.ord", params).fetchall()
    features = []
    for r in rows:
        props = json.loads(r["props"])
        props.update(document_id=r["document_id"], document_title=r["title"])
        features.append({"type": "Feature", "id": f"{r['document_id']}/{r['ord']}",
                         "geometry": json.loads(r["geometry"]), "properties": props})
    return collection(features)


def events(conn: sqlite3.Connection, window) -> dict:
    where, params = window_sql(window)
    rows = conn.execute(
        f'SELECT d.id, d.title, d.earliest, d.latest, p.id AS place_id, p.name, p.kind, p.lon, p.lat, '
        f'm.text, m.start, m."end" FROM mentions m JOIN documents d ON d.id = m.document_id '
        f'JOIN places p ON p.id = m.place_id WHERE {where} ORDER BY d.seq, m.start', params).fetchall()
    return collection([
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
         "properties": {"document_id": r["id"], "document_title": r["title"], "earliest": r["earliest"],
                        "latest": r["latest"], "place_id": r["place_id"], "name": r["name"],
                        "kind": r["kind"], "text": r["text"], "start": r["start"], "end": r["end"]}}
        for r in rows])


def territories(conn: sqlite3.Connection, on: str | None) -> dict:
    """Return the territories; on a date, each with the claims and control then in force
    (the gazetteer's rules and JSON); without one, each with its whole `timeline`."""
    from datetime import date

    from gazetteer.territories import entry_json
    from gazetteer.timeline import entries_on

    from .rows import timeline_entry

    features = []
    for (text,) in conn.execute("SELECT record FROM territories ORDER BY ord"):
        record = json.loads(text)
        feature, timeline = record["feature"], [timeline_entry(e) for e in record["timeline"]]
        props = feature["properties"]
        if on is None:
            props["timeline"] = [{"relation": e.relation, **entry_json(e)} for e in timeline]
        else:
            day = date.fromisoformat(on)
            claims, control = entries_on(timeline, day, "claim"), entries_on(timeline, day, "control")
            props.update(date=on, disputed=len({e.party for e in claims}) > 1,
                         claims=[entry_json(e) for e in claims], control=[entry_json(e) for e in control])
        features.append(feature)
    return collection(features)
