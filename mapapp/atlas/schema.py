"""The atlas's SQLite tables and the indexes for the queries the app makes."""
from __future__ import annotations

import sqlite3

# Bumped when the tables change: an atlas of another schema is rebuilt from scratch.
SCHEMA_VERSION = 10

TABLES = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources (
    rowid INTEGER PRIMARY KEY,      -- declared, so that VACUUM keeps it (source_places holds it)
    path TEXT NOT NULL UNIQUE,      -- as given to the build
    name TEXT NOT NULL,             -- file name, for messages
    sha256 TEXT NOT NULL,
    documents INTEGER NOT NULL,
    warnings TEXT NOT NULL          -- JSON list: documents the reader skipped, and why
);
CREATE TABLE documents (
    rowid INTEGER PRIMARY KEY,      -- the rank of its id (build._finish): mentions and movements hold it
    id TEXT NOT NULL UNIQUE,
    seq INTEGER,                    -- rank by (earliest, id), undated last: list order, prev/next
    source_path TEXT NOT NULL,      -- sources.path
    source TEXT NOT NULL,           -- the source's file name, as shown
    line INTEGER,
    title TEXT,                     -- descriptive: kind, author, recipient, date
    heading TEXT,                   -- the compiler's heading over it, as printed (NULL: none)
    provenance TEXT,                -- JSON {"collection": {...} or null, "editorial_notes": [...]}; NULL: neither (rows.stored_facts)
    former_id TEXT,                 -- the id it had before (links to it are redirected)
    date_text TEXT,
    earliest TEXT,                  -- ISO dates; NULL for an undated document
    latest TEXT,
    precision TEXT,
    origin TEXT,
    kind TEXT,
    author TEXT,
    recipient TEXT,
    archive_ref TEXT,
    published_in TEXT,
    body BLOB NOT NULL,             -- the text, packed ("body"); the full-text index holds its words
    dates BLOB NOT NULL,            -- JSON list of date records, packed (packing.py: "dates")
    extras TEXT,                    -- JSON {"edtf", "calendar", "date_as_written"}: the end of its list entry; NULL: the usual
    place_counts BLOB               -- {place rowid: mentions}, packing.pack_counts (build._finish); NULL: no place
);
CREATE TABLE places (
    rowid INTEGER PRIMARY KEY,      -- declared, so that VACUUM keeps it (mentions hold it)
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    lon REAL NOT NULL,
    lat REAL NOT NULL,
    names BLOB NOT NULL,            -- JSON list of {"toponym", "lang", ...}, packed ("names")
    uncertainty_km REAL,            -- (its certainty and the source of its point: in `head`)
    note TEXT,
    parent TEXT,
    head BLOB NOT NULL              -- its GeoJSON Feature, cut before the properties' closing brace; packed ("place")
);
-- sources.rowid, places.rowid: the places each source's documents name (what a later build reuses)
CREATE TABLE source_places (source INTEGER NOT NULL, place INTEGER NOT NULL, PRIMARY KEY (source, place)) WITHOUT ROWID;
CREATE TABLE mentions (
    doc INTEGER NOT NULL,           -- documents.rowid
    n INTEGER NOT NULL,             -- its rank in the document, by (start, end)
    place INTEGER,                  -- places.rowid; NULL when no place was chosen
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT,                      -- NULL: the document's text from start to end (rows.stored_text)
    record BLOB NOT NULL,           -- JSON mention record (rows.pack_mention), packed ("mention")
    score REAL,                     -- while nobody reviewed it: the review queue's order (rows.queue_order)
    lead REAL,                      -- (both NULL once reviewed)
    PRIMARY KEY (doc, n)            -- a document's mentions together, found by the key itself
) WITHOUT ROWID;
CREATE TABLE movements (
    rowid INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL,           -- documents.rowid
    ord INTEGER NOT NULL,
    seq INTEGER,                    -- the document's rank
    geometry BLOB,                  -- GeoJSON geometry, packed ("geometry"); NULL without located waypoints
    earliest TEXT,
    latest TEXT,
    props BLOB NOT NULL,            -- JSON route record, packed ("movement")
    drawn INTEGER NOT NULL,         -- 1: `/api/movements` draws it (it has a geometry, and is not rejected)
    span_days INTEGER NOT NULL DEFAULT 0   -- latest - earliest in days (spans.days): long ones have an index of their own
);
-- The documents grouped by their dates (place_spans.py): each (earliest, latest) the documents that
-- name a place have, once; NULL both: the undated ones.
CREATE TABLE document_dates (rowid INTEGER PRIMARY KEY, earliest TEXT, latest TEXT);
CREATE TABLE place_spans (
    dates INTEGER NOT NULL,         -- document_dates.rowid
    place INTEGER NOT NULL,         -- places.rowid
    mentions INTEGER NOT NULL,      -- the place's mentions in the documents of those dates
    documents INTEGER NOT NULL,     -- how many of them name it
    PRIMARY KEY (dates, place)
) WITHOUT ROWID;
CREATE TABLE territories (
    id TEXT PRIMARY KEY,
    ord INTEGER NOT NULL,
    head BLOB NOT NULL,             -- its GeoJSON Feature, cut before the properties' closing brace; packed ("territory")
    timeline BLOB NOT NULL          -- JSON list of timeline entries, packed ("territory")
);
"""

# The columns the build fills, in the order its rows give them.
COLUMNS = {
    "documents": ("id", "source_path", "source", "line", "title", "heading", "provenance", "former_id", "date_text", "earliest", "latest", "precision",
                  "origin", "kind", "author", "recipient", "archive_ref", "published_in", "body", "dates",
                  "extras"),
    "places": ("id", "name", "kind", "lon", "lat", "names", "uncertainty_km",
               "note", "parent", "head"),
    "mentions": ("doc", "n", "place", "start", "end", "text", "record", "score", "lead"),
    "movements": ("doc", "ord", "geometry", "earliest", "latest", "props", "drawn"),
    "territories": ("id", "ord", "head", "timeline"),
}

# A movement dated more loosely than this (days) is found through its own small index, so that a
# few "in 1920" ones do not widen every window's scan of the rest to years (query.movements). A
# month: most are dated to a day or a part of a month, and the few longer ones (2 % at 100,000
# documents) cost less in the small index than four more months of the others in the large one.
LONG_DAYS = 31

# A movement's span_days, from its dates (as spans.days reads them: 0 when one is missing).
SPAN_DAYS = "coalesce(CAST(julianday(latest) - julianday(earliest) AS INTEGER), 0)"

# Made after the rows are in: cheaper than keeping them up to date row by row. A dated row's rank
# (seq) follows its earliest date, so the date indexes also give the rows in answer order.
INDEXES = f"""
CREATE INDEX documents_by_date ON documents (earliest, seq, latest);
CREATE INDEX documents_by_source ON documents (source_path);
CREATE INDEX documents_by_former_id ON documents (former_id) WHERE former_id IS NOT NULL;
CREATE UNIQUE INDEX documents_by_seq ON documents (seq);
CREATE INDEX mentions_by_place ON mentions (place, doc);
CREATE INDEX places_by_lon_lat ON places (lon, lat);
CREATE INDEX movements_by_document ON movements (doc, ord);
CREATE INDEX movements_by_date ON movements (earliest, seq, ord, latest, drawn, span_days);
CREATE INDEX movements_long ON movements (earliest, seq, ord, latest, drawn) WHERE span_days > {LONG_DAYS};
CREATE INDEX document_dates_by_date ON document_dates (earliest, latest);
CREATE INDEX mentions_waiting ON mentions (score, lead, doc, n) WHERE score IS NOT NULL;
"""


# How the full-text index cuts a text into words: one definition for the index and every query.
TOKENIZE = "unicode61 remove_diacritics 2"

# Contentless: the text is packed in `documents`, so the index keeps only its words, filled from the
# unpacked text (a correction deletes a row's words by giving the old title and text: live.py). It
# keeps which column a word is in but not where (half the size): a phrase is checked in the text
# (query.holds_phrases), and PostgreSQL's words get their positions when they are published.
FTS = f"""
CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, content='', detail=column, tokenize='{TOKENIZE}');
INSERT INTO documents_fts (rowid, title, body) SELECT rowid, title, unpacked('body', body) FROM documents;
"""


def has_fts5(conn: sqlite3.Connection) -> bool:
    """Return True when this SQLite has FTS5 (full-text search)."""
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.fts5_probe USING fts5(x)")
        conn.execute("DROP TABLE temp.fts5_probe")
        return True
    except sqlite3.OperationalError:
        return False


def create_tables(conn: sqlite3.Connection) -> None:
    """Create the empty tables of an atlas."""
    conn.executescript(TABLES)


def finish(conn: sqlite3.Connection) -> bool:
    """Create the indexes and the full-text index; return whether full-text search is there."""
    conn.executescript(INDEXES)
    fts = has_fts5(conn)
    if fts:
        conn.executescript(FTS)
    conn.execute("ANALYZE main")
    return fts
