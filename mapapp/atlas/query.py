"""The SQL behind the `Atlas` read methods. Each returns its answer as JSON text, by joining the
JSON the build stored with each row, or (events, movements) parts of it made by `rows` once per
document and place, so a large answer costs little and the atlas holds each fact once.

The same SQL reads a SQLite atlas and a PostgreSQL one (`postgres.py`); where the two differ
(index hints, LIKE, full text, the bbox) the connection's `dialect` says how, and each way
gives the same rows in the same order."""
from __future__ import annotations

import json
import re
import sqlite3
from collections import defaultdict
from contextlib import closing
from datetime import date, timedelta
from functools import lru_cache

from documents.citations import document_citation
from documents.edtf import period_of_iso
from mapapp.atlas import movement_window, packing, place_spans
from mapapp.atlas.caps import PlaceCap, capped_places
from mapapp.atlas.packing import text_of, unpack
from mapapp.atlas.rows import (
    LIST_FIELDS,
    event_document,
    event_json,
    event_place,
    extras_of,
    list_json,
    mention_text,
    movement_json,
    provenance_of,
    unpack_mention,
    unpack_route,
)
from mapapp.atlas.schema import TOKENIZE

DETAIL_COLUMNS = ("id", "title", "heading", "date_text", "earliest", "latest", "precision", "origin", "kind",
                  "author", "recipient", "source", "body", "archive_ref", "published_in")

# A mention's place, as rows.pack_mention may have left it out of the record (places p).
MENTION_PLACE = "p.id, p.name, p.kind, p.lat, p.lon"

# The keys of a document's list entry that say the calendar its date was written in (see rows).
WRITTEN_KEYS = ("calendar", "date_as_written")

ASCII_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class SQLiteDialect:
    """SQLite's way: index hints, LIKE (case-blind for ASCII letters only), FTS5."""

    name = "sqlite"
    # How ORDER BY puts NULL first, as SQLite does by default (an undated document's movements).
    nulls_first = ""
    # Whether a window's total is counted by a query of its own rather than `count(*) OVER ()`
    # (movement_window.ranked_sql): cheaper in SQLite, dearer in PostgreSQL.
    total_apart = True

    def hint(self, window, index: str) -> str:
        """Return the index hint for a windowed query (the planner would rather scan in rank order)."""
        return "" if window.open else f"INDEXED BY {index}"

    def like(self, column: str) -> str:
        """Return a condition: `column` matches the LIKE pattern parameter (see `like_pattern`)."""
        return f"{column} LIKE ? ESCAPE '\\'"

    def unpacked(self, kind: str, column: str) -> str:
        """Return an expression of the text of a packed `column` of `kind` (packing.register)."""
        return f"unpacked('{kind}', {column})"

    def full_text(self, q: str) -> tuple[str, list] | None:
        """Return the condition (and parameters) on `d` for documents holding every word of `q`.

        Each word of q is an FTS5 phrase: the words FTS5 cuts it in ("red_army": red, army), one
        after the other. The index keeps no positions (schema.FTS), so it finds the documents
        holding every such word, and `holds_phrases` keeps those where a phrase's words follow
        each other, in the title or in the text."""
        if fts_query(q) is None:
            return None
        phrases = [p for p in (fts_words(word) for word in re.findall(r"\w+", q)) if p]
        if not phrases:   # FTS5 finds nothing for a query without a word it indexes
            return "FALSE", []
        match = " ".join(f'"{word}"' for phrase in phrases for word in phrase)
        found, params = "d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)", [match]
        longer = [list(p) for p in phrases if len(p) > 1]
        if longer:
            found += f" AND holds_phrases(d.title, {self.unpacked('body', 'd.body')}, ?)"
            params.append(dumps(longer))
        return found, params

    def bbox(self, bbox) -> tuple[str, list]:
        """Return the condition (and parameters) on a place's lon and lat: inside `bbox`."""
        lon = "lon BETWEEN ? AND ?" if bbox.west <= bbox.east else "(lon >= ? OR lon <= ?)"
        return f"{lon} AND lat BETWEEN ? AND ?", [bbox.west, bbox.east, bbox.south, bbox.north]


class PostgresDialect(SQLiteDialect):
    """PostgreSQL's: no hints (its planner takes the date indexes), SQLite's LIKE spelled out,
    FTS5's own words looked up in `document_words`, and the bbox through the GiST index."""

    name = "postgresql"
    nulls_first = " NULLS FIRST"
    total_apart = False

    def hint(self, window, index: str) -> str:
        return ""

    def unpacked(self, kind: str, column: str) -> str:
        return column   # kept plain (pg_schema)

    def like(self, column: str) -> str:
        # SQLite's LIKE folds ASCII letters only (ILIKE would fold every alphabet).
        fold = f"'{ASCII_UPPER}', '{ASCII_UPPER.lower()}'"
        return f"translate({column}, {fold}) LIKE translate(?, {fold}) ESCAPE '\\'"

    def full_text(self, q: str) -> tuple[str, list] | None:
        if fts_query(q) is None:
            return None
        # Each word of q is an FTS5 phrase: the words FTS5 cuts it in, one after the other.
        phrases = [p for p in (fts_words(word) for word in re.findall(r"\w+", q)) if p]
        if not phrases:   # FTS5 finds nothing for a query without a word it indexes
            return "FALSE", []
        return " AND ".join(f"d.rowid IN ({phrase_sql(len(p))})" for p in phrases), [w for p in phrases for w in p]

    def bbox(self, bbox) -> tuple[str, list]:
        exact, params = super().bbox(bbox)
        # The GiST index finds the candidates; the exact test keeps SQLite's bounds to the last digit.
        if bbox.west <= bbox.east:
            envelope, boxes = "geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)", [bbox.west, bbox.south, bbox.east, bbox.north]
        else:
            envelope = "(geom && ST_MakeEnvelope(?, ?, 180, ?, 4326) OR geom && ST_MakeEnvelope(-180, ?, ?, ?, 4326))"
            boxes = [bbox.west, bbox.south, bbox.north, bbox.south, bbox.east, bbox.north]
        return f"{envelope} AND {exact}", boxes + params


def phrase_sql(length: int) -> str:
    """Return a query of the rowids of the documents holding a phrase of `length` words (parameters)."""
    joins = "".join(f" JOIN document_words w{i} ON w{i}.rowid = w0.rowid AND w{i}.col = w0.col"
                    f" AND w{i}.pos = w0.pos + {i}" for i in range(1, length))
    words = " AND ".join(f"w{i}.word = ?" for i in range(length))
    return f"SELECT w0.rowid FROM document_words w0{joins} WHERE {words}"


SQLITE = SQLiteDialect()
POSTGRES = PostgresDialect()


def dialect_of(conn) -> SQLiteDialect:
    """Return the dialect of an atlas connection (a PostgreSQL one says so; sqlite3's cannot)."""
    return getattr(conn, "dialect", SQLITE)


def holds_phrases(title: str | None, body: str, phrases: str) -> bool:
    """True when each phrase (a JSON list of lists of words) is words in a row of the title or of the body,
    as FTS5 cuts them (fts_words)."""
    columns = [fts_words(title or ""), fts_words(body)]
    return all(any(_within(phrase, words) for words in columns) for phrase in json.loads(phrases))


def _within(phrase: list[str], words: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(list(words[i:i + size]) == phrase for i in range(len(words) - size + 1) if words[i] == phrase[0])


def register(conn: sqlite3.Connection) -> None:
    """Give a SQLite atlas connection the functions its queries call: `unpacked`, `holds_phrases`."""
    packing.register(conn)
    conn.create_function("holds_phrases", 3, holds_phrases, deterministic=True)


@lru_cache(maxsize=4096)
def fts_words(text: str) -> tuple[str, ...]:
    """Return the words FTS5 indexes for `text` (lower case, without diacritics), in order."""
    with closing(sqlite3.connect(":memory:")) as conn:
        conn.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize='{TOKENIZE}')")
        conn.execute("CREATE VIRTUAL TABLE w USING fts5vocab(t, 'instance')")
        conn.execute("INSERT INTO t VALUES (?)", (text,))
        return tuple(r[0] for r in conn.execute("SELECT term FROM w ORDER BY offset"))


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
    clauses, params = ["TRUE"], []
    if window.end is not None:
        clauses.append(f"{alias}.earliest <= ?")
        params.append(window.end)
    if window.start is not None:
        start = date.fromisoformat(window.start)
        # Never below the first day Python has (the API keeps its days far above it anyway).
        lowest = start - min(timedelta(days=max_span_days), start - date.min)
        clauses.append(f"{alias}.earliest >= ? AND {alias}.latest >= ?")
        params += [lowest.isoformat(), window.start]
    return " AND ".join(clauses), params


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
    dialect = dialect_of(conn)
    where, params = window_sql(window, "d", span)
    if q and q.strip():
        found = dialect.full_text(q) if fts else None
        if found is not None:
            where += f" AND {found[0]}"
            params += found[1]
        else:
            where += f" AND ({dialect.like('d.title')} OR {dialect.like(dialect.unpacked('body', 'd.body'))})"
            params += [like_pattern(q.strip())] * 2
    if place is not None:
        where += " AND d.rowid IN (SELECT doc FROM mentions WHERE place = (SELECT rowid FROM places WHERE id = ?))"
        params.append(place)
    source = f"documents d {dialect.hint(window, 'documents_by_date')}"
    total = conn.execute(f"SELECT count(*) FROM {source} WHERE {where}", params).fetchone()[0]
    listed = ", ".join(f"d.{c}" for c in LIST_FIELDS)
    rows = conn.execute(f"SELECT {listed}, d.extras FROM {source} WHERE {where} ORDER BY {in_order(window, 'd')} "
                        "LIMIT ? OFFSET ?", params + [page.size, (page.number - 1) * page.size]).fetchall()
    return ('{"documents":[' + ",".join(list_json(r, extras_of(r["extras"], r["earliest"], r["latest"])) for r in rows) + "]," +
            f'"total":{total},"page":{page.number},"per_page":{page.size}' + "}")


def document_mentions(conn: sqlite3.Connection, doc: int, body: str | None = None) -> list[str]:
    """The JSON records of the place mentions of the document whose rowid is `doc` (and text `body`,
    read when not given), in text order."""
    rows = conn.execute(f'SELECT m.start, m."end", m.text, m.record, {MENTION_PLACE} FROM mentions m LEFT JOIN places p '
                        'ON p.rowid = m.place WHERE m.doc = ? ORDER BY m.start, m."end", m.n', (doc,)).fetchall()
    if body is None and any(r[2] is None for r in rows):
        body = _body(conn, doc)
    return [unpack_mention(r[0], r[1], mention_text(r[2], body, r[0], r[1]), r[3], r[4:] if r[4] is not None else None)
            for r in rows]


def document_body(conn: sqlite3.Connection, doc_id: str) -> str | None:
    """The text of document `doc_id`, or None when the atlas has no such document."""
    row = conn.execute("SELECT body FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return text_of("body", row[0]) if row else None


def document(conn: sqlite3.Connection, doc_id: str) -> str | None:
    row = conn.execute(f"SELECT {', '.join(DETAIL_COLUMNS)}, rowid, seq, dates, provenance, extras FROM documents "
                       "WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        return None
    listed = json.loads(extras_of(row["extras"], row["earliest"], row["latest"]))
    found = {c: row[c] for c in DETAIL_COLUMNS} | json.loads(provenance_of(row["provenance"]))
    found["body"] = text_of("body", found["body"])
    found["edtf"] = period_of_iso(row["earliest"], row["latest"])
    found |= {k: listed.get(k) for k in WRITTEN_KEYS}
    found["citation"] = document_citation(found)
    places = document_mentions(conn, row["rowid"], found["body"])
    movements = [unpack_route(unpack("movement", r[0]), found["body"]) for r in conn.execute(
        "SELECT props FROM movements WHERE doc = ? ORDER BY ord", (row["rowid"],))]
    for key, seq in (("prev", row["seq"] - 1), ("next", row["seq"] + 1)):
        other = conn.execute("SELECT id FROM documents WHERE seq = ?", (seq,)).fetchone()
        found[key] = other[0] if other else None
    return (dumps(found)[:-1] + ',"places":[' + ",".join(places) + '],"dates":' + unpack("dates", row["dates"]) +
            ',"movements":[' + ",".join(movements) + "]}")


def collections(conn: sqlite3.Connection) -> list[dict]:
    """Return each collection the documents come from, with how many documents it gives, most first.

    Documents from no known compilation are counted under a `null` collection.
    """
    rows = conn.execute("SELECT json_extract(provenance, '$.collection') AS c, count(*) AS n FROM documents "
                        "GROUP BY c ORDER BY n DESC, c").fetchall()
    return [{"collection": json.loads(r["c"]) if r["c"] else None, "documents": r["n"]} for r in rows]


def current_id(conn: sqlite3.Connection, former_id: str) -> str | None:
    """Return the id now borne by the document that had `former_id`, or None."""
    row = conn.execute("SELECT id FROM documents WHERE former_id = ?", (former_id,)).fetchone()
    return row[0] if row else None


def places(conn: sqlite3.Connection, window, bbox, q: str | None, span: int, cap: PlaceCap | None = None) -> str:
    """The places named in the window's documents, by name; `cap` keeps the answer to what a map shows
    (the most mentioned places, a few document ids each, with the counts beside them)."""
    dialect = dialect_of(conn)
    where, params = window_sql(window, "d", span)
    counts_only = cap is not None and cap.documents == 0   # the map's ask: no ids listed, nor their order
    if counts_only:   # summed in SQL over the window's groups of documents (place_spans)
        mentions, counts, docs = {}, {}, None
        for key, mentioned, documents in conn.execute(
                place_spans.counts_sql(dialect.hint(window, "document_dates_by_date"), where), params):
            mentions[key], counts[key] = int(mentioned), int(documents)
    else:
        mentions, docs = place_documents(conn, dialect, window, where, params)
        counts = {key: len(ids) for key, ids in docs.items()}
    place_where, place_params = "TRUE", []
    if bbox is not None:
        inside, inside_params = dialect.bbox(bbox)
        place_where += f" AND {inside}"
        place_params += inside_params
    if q and q.strip():
        place_where += f" AND ({dialect.like('name')} OR {dialect.like(dialect.unpacked('names', 'names'))} OR id = ?)"
        place_params += [like_pattern(q.strip())] * 2 + [q.strip()]
    rows = [(key, head) for key, head in conn.execute(
        f"SELECT rowid, head FROM places WHERE {place_where} ORDER BY name, id", place_params) if key in mentions]
    if cap is None:
        return collection([with_properties(place_head(head), {"mentions": mentions[key], "documents": docs[key]})
                           for key, head in rows])
    kept = capped_places(rows, mentions, cap.limit)
    if docs is None:
        features = [place_head(head) + "," + cap.counts_json(mentions[key], counts[key]) + "}}"
                    for key, head in rows if key in kept]
    else:
        features = [with_properties(place_head(head), cap.properties(mentions[key], docs[key], counts[key]))
                    for key, head in rows if key in kept]
    return collection(features)[:-1] + f',"total":{len(rows)}' + "}"


@lru_cache(maxsize=16384)
def place_head(stored: bytes) -> str:
    """A place's Feature head as stored (packed): the same few thousand places are in every window's
    answer, and the same bytes always unpack to the same text, whichever atlas holds them."""
    return unpack("place", stored)


def place_documents(conn, dialect, window, where: str, params: list) -> tuple[dict, dict]:
    """Each place's mentions in the window's documents, and their ids in date order, by place rowid."""
    mentions, docs = defaultdict(int), defaultdict(list)
    for doc_id, counts in conn.execute(
            f"SELECT d.id, d.place_counts FROM documents d {dialect.hint(window, 'documents_by_date')} "
            f"WHERE {where} AND d.place_counts IS NOT NULL ORDER BY {in_order(window, 'd')}", params):
        for key, n in packing.unpack_counts(counts).items():
            mentions[key] += n
            docs[key].append(doc_id)
    return mentions, docs


def place(conn: sqlite3.Connection, row: sqlite3.Row, doc_limit: int | None = None) -> str:
    """A place's Feature with its documents in date order; with `doc_limit`, the first that many of
    them and their `document_count` (the counts from the place's own index, not its documents)."""
    listed_at_most = "" if doc_limit is None else f" LIMIT {int(doc_limit)}"
    docs = conn.execute(
        "SELECT d.id, d.title, d.earliest, d.latest, d.date_text, d.kind, d.author, d.recipient, count(*) AS n "
        "FROM mentions m JOIN documents d ON d.rowid = m.doc WHERE m.place = ? "
        "GROUP BY d.id, d.title, d.earliest, d.latest, d.date_text, d.kind, d.author, d.recipient, d.seq ORDER BY d.seq"
        + listed_at_most, (row["rowid"],)).fetchall()
    # kind, author, recipient: for pages in other languages, which compose the title anew (mapapp.title_words)
    listed = [{**{k: d[k] for k in ("id", "title", "earliest", "latest", "date_text", "kind", "author", "recipient")},
               "edtf": period_of_iso(d["earliest"], d["latest"])} for d in docs]
    if doc_limit is None:
        mentioned = sum(d["n"] for d in docs)
    else:
        mentioned, count = conn.execute("SELECT count(*), count(DISTINCT doc) FROM mentions WHERE place = ?",
                                        (row["rowid"],)).fetchone()
    more = {"mentions": mentioned, "documents": listed, "note": row["note"], "parent": row["parent"]}
    if doc_limit is not None:
        more["document_count"] = count
    return with_properties(place_head(row["head"]), more)


def movements(conn: sqlite3.Connection, window, span: int, limit: int | None = None) -> str:
    """The window's drawn movements in date order; with `limit`, at most that many, spread evenly over
    the window (movement_window), and the window's `total` beside them."""
    dialect = dialect_of(conn)
    ranked, params = movement_window.ranked_sql(window, lambda days: window_sql(window, "m", days), span, dialect,
                                                limit)
    rows = conn.execute(f"SELECT d.id, d.title, m.ord, m.geometry, m.props, w.total, m.doc, d.body FROM ({ranked}) w "
                        "JOIN movements m ON m.rowid = w.r JOIN documents d ON d.rowid = m.doc ORDER BY w.k",
                        params).fetchall()
    texts: dict[int, str] = {}   # each document's text (in its row, joined), unpacked once if a movement reads it

    def text_of_row(doc: int, body):
        return lambda: texts[doc] if doc in texts else texts.setdefault(doc, text_of("body", body))
    features = collection([movement_json(doc_id, title, ord_, unpack("geometry", geometry),
                                         unpack_route(unpack("movement", props), text_of_row(doc, body)))
                           for doc_id, title, ord_, geometry, props, _, doc, body in rows])
    if limit is None:
        return features
    total = rows[0][5] if rows else 0   # the sample keeps the first row of any window that has one
    return features[:-1] + f',"total":{total},"limit":{limit}' + "}"


def _body(conn, doc: int) -> str:
    """The text of the document whose rowid is `doc`."""
    return text_of("body", conn.execute("SELECT body FROM documents WHERE rowid = ?", (doc,)).fetchone()[0])


def events(conn: sqlite3.Connection, window, span: int) -> str:
    """One Point Feature per mention of a place in the window's documents, joined from the
    documents', mentions' and places' rows (each part made once per document and per place)."""
    where, params = window_sql(window, "d", span)
    rows = conn.execute(f"SELECT d.id, d.title, d.earliest, d.latest, p.id, p.name, p.kind, p.lon, p.lat, "
                        f'm.text, m.start, m."end", d.body FROM documents d {dialect_of(conn).hint(window, "documents_by_date")} '
                        "JOIN mentions m ON m.doc = d.rowid JOIN places p ON p.rowid = m.place "
                        f"WHERE {where} AND d.place_counts IS NOT NULL "
                        f'ORDER BY {in_order(window, "d")}, m.start, m."end", m.n', params)
    features, docs, places = [], {}, {}
    body = None
    for doc_id, title, earliest, latest, place_id, name, kind, lon, lat, text, start, end, stored in rows:
        document = docs.get(doc_id)
        if document is None:
            document = docs[doc_id] = event_document({"id": doc_id, "title": title, "earliest": earliest,
                                                      "latest": latest})
            body = None   # a document's rows come together: its text is unpacked once, if a mention needs it
        if text is None and body is None:
            body = text_of("body", stored)
        text = mention_text(text, body, start, end)
        place = places.get(place_id)
        if place is None:
            place = places[place_id] = event_place(place_id, name, kind, lon, lat)
        features.append(event_json(document, place, text, start, end))
    return collection(features)


def territories(conn: sqlite3.Connection, on: str | None) -> str:
    """Return the territories; on a date, each with the claims and control then in force
    (the gazetteer's rule and JSON); without one, each with its whole `timeline`."""
    from gazetteer.territories.timeline import in_force, is_disputed
    from mapapp.atlas.rows import timeline_entry

    day = date.fromisoformat(on) if on is not None else None
    features = []
    for head, text in conn.execute("SELECT head, timeline FROM territories ORDER BY ord"):
        head, timeline = unpack("territory", head), json.loads(unpack("territory", text))
        if day is None:
            more = {"timeline": [{"relation": e["relation"], **e["shown"]} for e in timeline]}
        else:
            held = [e for e in timeline if in_force(timeline_entry(e), day)]
            claims = [e for e in held if e["relation"] == "claim"]
            more = {"date": on, "disputed": is_disputed(e["party"] for e in claims),
                    "claims": [e["shown"] for e in claims],
                    "control": [e["shown"] for e in held if e["relation"] == "control"]}
        features.append(with_properties(head, more))
    return collection(features)
