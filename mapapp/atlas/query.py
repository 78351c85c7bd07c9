"""The SQL behind the `Atlas` read methods. Each returns its answer as JSON text, mostly by
joining the JSON the build stored with each row (see `rows`), so a large answer costs little."""
from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from datetime import date, timedelta

DETAIL_COLUMNS = ("id", "title", "date_text", "earliest", "latest", "precision", "origin", "kind",
                  "author", "recipient", "source", "body", "archive_ref", "published_in")


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def collection(features: list[str]) -> str:
    """Return a FeatureCollection from the JSON texts of its features."""
    return '{"type":"FeatureCollection","features":[' + ",".join(features) + "]}"


def with_properties(head: str, more: dict) -> str:
    """Return the Feature whose JSON `head` stops inside its properties (see `rows.open_feature`),
    with the non-empty `more` appended to them and the Feature closed."""
    return head + "," + dumps(more)[1:] + "}"


def window_sql(window, alias: str, max_span_days: int) -> tuple[str, list]:
    """Return an SQL condition (and its parameters): the row's dates overlap `window`.

    No interval in the atlas is longer than `max_span_days`, so a row overlapping the window
    starts at most that long before it: a bound that keeps the index scan to the window.
    """
    clauses, params = ["1"], []
    if window.end is not None:
        clauses.append(f"{alias}.earliest <= ?")
        params.append(window.end)
    if window.start is not None:
        start = date.fromisoformat(window.start)
        lowest = start - timedelta(days=min(max_span_days, (start - date.min).days))   # from=0001-01-01
        clauses.append(f"{alias}.earliest >= ? AND {alias}.latest >= ?")
        params += [lowest.isoformat(), window.start]
    return " AND ".join(clauses), params


def by_date(window, index: str) -> str:
    """Return the index hint for a windowed query (the planner would rather scan in rank order)."""
    return "" if window.open else f"INDEXED BY {index}"


def in_order(window, alias: str, *then: str) -> str:
    """Return the ORDER BY terms for answer order (by rank), as the date index gives them in a window.

    A windowed query holds dated rows only, and their rank follows their earliest date.
    """
    rank = [f"{alias}.seq", *(f"{alias}.{t}" for t in then)]
    return ", ".join(rank if window.open else [f"{alias}.earliest", *rank])


def fts_query(text: str) -> str | None:
    """Return an FTS5 query matching every word of `text` (words quoted, so no syntax leaks in)."""
    words = re.findall(r"\w+", text)
    return " ".join('"' + w.replace('"', '""') + '"' for w in words) or None


def like_pattern(text: str) -> str:
    """Return a LIKE pattern for `text` anywhere, with % and _ taken literally."""
    return "%" + re.sub(r"([\\%_])", r"\\\1", text) + "%"


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Return how many rows the atlas's content tables hold, by table."""
    return {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", "places", "mentions", "movements", "territories")}


def corpus(conn: sqlite3.Connection, version: str, built_at: str) -> str:
    row = conn.execute("SELECT count(*), min(earliest), max(latest) FROM documents").fetchone()
    dates = [r[0] for r in conn.execute(
        "SELECT DISTINCT earliest FROM documents WHERE earliest IS NOT NULL ORDER BY earliest")]
    return dumps({"version": version, "count": row[0], "earliest": row[1], "latest": row[2],
                  "dates": dates, "built_at": built_at})


def documents(conn: sqlite3.Connection, window, q: str | None, place: str | None, page, fts: bool,
              span: int) -> str:
    where, params = window_sql(window, "d", span)
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
    source = f"documents d {by_date(window, 'documents_by_date')}"
    total = conn.execute(f"SELECT count(*) FROM {source} WHERE {where}", params).fetchone()[0]
    rows = conn.execute(f"SELECT d.list_json FROM {source} WHERE {where} ORDER BY {in_order(window, 'd')} LIMIT ? OFFSET ?",
                        params + [page.size, (page.number - 1) * page.size]).fetchall()
    return ('{"documents":[' + ",".join(r[0] for r in rows) + "]," +
            f'"total":{total},"page":{page.number},"per_page":{page.size}' + "}")


def document(conn: sqlite3.Connection, doc_id: str) -> str | None:
    row = conn.execute(f"SELECT {', '.join(DETAIL_COLUMNS)}, seq, dates FROM documents WHERE id = ?",
                       (doc_id,)).fetchone()
    if row is None:
        return None
    found = {c: row[c] for c in DETAIL_COLUMNS}
    places = [r[0] for r in conn.execute(
        'SELECT record FROM mentions WHERE document_id = ? ORDER BY start, "end"', (doc_id,))]
    movements = [r[0] for r in conn.execute(
        "SELECT props FROM movements WHERE document_id = ? ORDER BY ord", (doc_id,))]
    for key, seq in (("prev", row["seq"] - 1), ("next", row["seq"] + 1)):
        other = conn.execute("SELECT id FROM documents WHERE seq = ?", (seq,)).fetchone()
        found[key] = other[0] if other else None
    return (dumps(found)[:-1] + ',"places":[' + ",".join(places) + '],"dates":' + row["dates"] +
            ',"movements":[' + ",".join(movements) + "]}")


def places(conn: sqlite3.Connection, window, bbox, q: str | None, span: int) -> str:
    where, params = window_sql(window, "d", span)
    mentions, docs = defaultdict(int), defaultdict(list)
    for doc_id, counts in conn.execute(
            f"SELECT d.id, d.place_counts FROM documents d {by_date(window, 'documents_by_date')} "
            f"WHERE {where} AND d.place_counts != '{{}}' ORDER BY {in_order(window, 'd')}", params):
        for place_id, n in json.loads(counts).items():
            mentions[place_id] += n
            docs[place_id].append(doc_id)
    place_where, place_params = "1", []
    if bbox is not None:
        lon = "lon BETWEEN ? AND ?" if bbox.west <= bbox.east else "(lon >= ? OR lon <= ?)"
        place_where += f" AND {lon} AND lat BETWEEN ? AND ?"
        place_params += [bbox.west, bbox.east, bbox.south, bbox.north]
    if q and q.strip():
        place_where += r" AND (name LIKE ? ESCAPE '\' OR names LIKE ? ESCAPE '\' OR id = ?)"
        place_params += [like_pattern(q.strip())] * 2 + [q.strip()]
    rows = conn.execute(f"SELECT id, head FROM places WHERE {place_where} ORDER BY name, id", place_params)
    return collection([with_properties(head, {"mentions": mentions[pid], "documents": docs[pid]})
                       for pid, head in rows if pid in docs])


def place(conn: sqlite3.Connection, row: sqlite3.Row) -> str:
    docs = conn.execute(
        "SELECT d.id, d.title, d.earliest, d.latest, d.date_text, count(*) AS n FROM mentions m "
        "JOIN documents d ON d.id = m.document_id WHERE m.place_id = ? GROUP BY d.id ORDER BY d.seq",
        (row["id"],)).fetchall()
    listed = [{k: d[k] for k in ("id", "title", "earliest", "latest", "date_text")} for d in docs]
    more = {"mentions": sum(d["n"] for d in docs), "documents": listed, "note": row["note"], "parent": row["parent"]}
    return with_properties(row["head"], more)


def movements(conn: sqlite3.Connection, window, span: int) -> str:
    where, params = window_sql(window, "m", span)
    rows = conn.execute(f"SELECT m.feature FROM movements m {by_date(window, 'movements_by_date')} "
                        f"WHERE m.feature IS NOT NULL AND {where} ORDER BY m.earliest, m.seq, m.ord", params)
    return collection([r[0] for r in rows])


def events(conn: sqlite3.Connection, window, span: int) -> str:
    where, params = window_sql(window, "d", span)
    rows = conn.execute(f"SELECT d.events FROM documents d {by_date(window, 'documents_by_date')} "
                        f"WHERE {where} AND d.events != '' ORDER BY {in_order(window, 'd')}", params)
    return collection([r[0] for r in rows])


def territories(conn: sqlite3.Connection, on: str | None) -> str:
    """Return the territories; on a date, each with the claims and control then in force
    (the gazetteer's rule and JSON); without one, each with its whole `timeline`."""
    from gazetteer.territories.timeline import in_force
    from mapapp.atlas.rows import timeline_entry

    day = date.fromisoformat(on) if on is not None else None
    features = []
    for head, text in conn.execute("SELECT head, timeline FROM territories ORDER BY ord"):
        timeline = json.loads(text)
        if day is None:
            more = {"timeline": [{"relation": e["relation"], **e["shown"]} for e in timeline]}
        else:
            held = [e for e in timeline if in_force(timeline_entry(e), day)]
            claims = [e for e in held if e["relation"] == "claim"]
            more = {"date": on, "disputed": len({e["party"] for e in claims}) > 1,
                    "claims": [e["shown"] for e in claims],
                    "control": [e["shown"] for e in held if e["relation"] == "control"]}
        features.append(with_properties(head, more))
    return collection(features)
