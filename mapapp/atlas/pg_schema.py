"""The atlas's tables in PostgreSQL/PostGIS: the SQLite tables (schema.py) column for column
(packed columns as BYTEA), plus PostGIS geometry with GiST indexes and the words of the full-text index.

Text columns collate "C" (code point order), as SQLite's BINARY does, so that every ORDER BY,
min() and comparison of ISO dates gives what the SQLite atlas gives, whatever the database's locale.
"""
from __future__ import annotations

import re

from mapapp.atlas import schema

TEXT = 'TEXT COLLATE "C"'

TABLES = f"""
CREATE TABLE meta (key {TEXT} PRIMARY KEY, value {TEXT} NOT NULL);
CREATE TABLE sources (rowid BIGINT NOT NULL UNIQUE, path {TEXT} PRIMARY KEY, name {TEXT} NOT NULL, sha256 {TEXT} NOT NULL,
    documents INTEGER NOT NULL, warnings {TEXT} NOT NULL);
CREATE TABLE documents (
    rowid BIGINT NOT NULL UNIQUE, id {TEXT} PRIMARY KEY, seq INTEGER,
    source_path {TEXT} NOT NULL, source {TEXT} NOT NULL, line INTEGER, title {TEXT}, heading {TEXT},
    provenance {TEXT}, former_id {TEXT}, date_text {TEXT},
    earliest {TEXT}, latest {TEXT}, precision {TEXT}, origin {TEXT}, kind {TEXT}, author {TEXT},
    recipient {TEXT}, archive_ref {TEXT}, published_in {TEXT},
    body {TEXT} NOT NULL,   -- plain, unlike SQLite's: PostgreSQL's LIKE reads it (and TOAST compresses it)
    dates BYTEA NOT NULL,
    extras {TEXT}, place_counts BYTEA
);
CREATE TABLE places (
    rowid BIGINT NOT NULL UNIQUE, id {TEXT} PRIMARY KEY, name {TEXT} NOT NULL, kind {TEXT} NOT NULL,
    lon DOUBLE PRECISION NOT NULL, lat DOUBLE PRECISION NOT NULL, names {TEXT} NOT NULL,   -- plain, as body
    uncertainty_km DOUBLE PRECISION, note {TEXT}, parent {TEXT},
    head BYTEA NOT NULL,
    geom geometry(Point, 4326)
);
CREATE TABLE source_places (source BIGINT NOT NULL, place BIGINT NOT NULL, PRIMARY KEY (source, place));
CREATE TABLE mentions (
    doc BIGINT NOT NULL, n INTEGER NOT NULL, place BIGINT, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text {TEXT}, record BYTEA NOT NULL, score DOUBLE PRECISION, lead DOUBLE PRECISION,
    geom geometry(Point, 4326), PRIMARY KEY (doc, n)
);
CREATE TABLE movements (
    rowid BIGINT PRIMARY KEY, doc BIGINT NOT NULL, ord INTEGER NOT NULL, seq INTEGER,
    geometry BYTEA, earliest {TEXT}, latest {TEXT}, props BYTEA NOT NULL, drawn INTEGER NOT NULL,
    span_days INTEGER NOT NULL DEFAULT 0, geom geometry(Geometry, 4326)
);
CREATE TABLE document_dates (rowid BIGINT PRIMARY KEY, earliest {TEXT}, latest {TEXT});
CREATE TABLE place_spans (dates BIGINT NOT NULL, place BIGINT NOT NULL, mentions INTEGER NOT NULL,
    documents INTEGER NOT NULL, PRIMARY KEY (dates, place) INCLUDE (mentions, documents));
CREATE TABLE territories (id {TEXT} PRIMARY KEY, ord INTEGER NOT NULL, head BYTEA NOT NULL,
    timeline BYTEA NOT NULL);
-- The full-text index's words as SQLite's FTS5 tokenizer cut them: which document, which
-- column (title, body), where (the word's rank in the column), so phrases can be found too.
CREATE TABLE document_words (rowid BIGINT NOT NULL, col {TEXT} NOT NULL, pos INTEGER NOT NULL,
    word {TEXT} NOT NULL, PRIMARY KEY (word, rowid, col, pos));
"""

# The columns SQLite keeps packed (each a kind of packing.py's, named as the column) and PostgreSQL
# plain: its LIKE reads them (and TOAST compresses the longer ones).
PLAIN = {"documents": ("body",), "places": ("names",)}

# The order some tables are copied in: a window's rows then lie together in the table, as in the
# date indexes (the answers' order is their queries' own).
COPY_ORDER = {"documents": "seq", "movements": "earliest, seq, ord"}

# Tables a window's queries read, vacuumed once published: their index-only scans then stay in the index.
VACUUMED = ("movements", "document_dates", "place_spans")

# The tables copied from a built SQLite atlas, with their columns (geometry is derived after).
COPIED = {
    "meta": ("key", "value"),
    "sources": ("rowid", "path", "name", "sha256", "documents", "warnings"),
    "documents": ("rowid", "id", "seq", "source_path", "source", "line", "title", "heading", "provenance",
                  "former_id", "date_text", "earliest",
                  "latest", "precision", "origin", "kind", "author", "recipient", "archive_ref",
                  "published_in", "body", "dates", "extras", "place_counts"),
    "places": ("rowid", "id", "name", "kind", "lon", "lat", "names", "uncertainty_km",
               "note", "parent", "head"),
    "source_places": ("source", "place"),
    "mentions": ("doc", "n", "place", "start", "end", "text", "record", "score", "lead"),
    "movements": ("rowid", "doc", "ord", "seq", "geometry", "earliest", "latest", "props", "drawn", "span_days"),
    "document_dates": ("rowid", "earliest", "latest"),
    "place_spans": ("dates", "place", "mentions", "documents"),
    "territories": ("id", "ord", "head", "timeline"),
}

GEOMETRY = """
UPDATE places SET geom = ST_SetSRID(ST_MakePoint(lon, lat), 4326);
UPDATE mentions m SET geom = p.geom FROM places p WHERE p.rowid = m.place;
UPDATE movements m SET geom = ST_SetSRID(ST_GeomFromGeoJSON(s.geometry), 4326) FROM movement_shapes s
    WHERE s.rowid = m.rowid;
DROP TABLE movement_shapes;
"""

# SQLite's indexes hold the rowid; here it is a column, which the movements' window scans read
# from their indexes too (INCLUDE), so that, once the tables are vacuumed, they never visit the table.
COVERED = re.compile(r"(CREATE INDEX (?:movements_by_date|movements_long) ON movements \([^)]*\))")

# The SQLite atlas's own indexes (one list, schema.INDEXES), and GiST on every geometry: the bbox
# and the date-window queries both find their rows through an index.
INDEXES = COVERED.sub(r"\1 INCLUDE (rowid)", schema.INDEXES) + """
CREATE INDEX places_geom ON places USING gist (geom);
CREATE INDEX mentions_geom ON mentions USING gist (geom);
CREATE INDEX movements_geom ON movements USING gist (geom);
"""

# Outside every atlas schema: which version is served, and which are kept (newest last).
POINTER = """
CREATE TABLE IF NOT EXISTS public.atlas_versions (
    version TEXT COLLATE "C" PRIMARY KEY, published_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp());
CREATE TABLE IF NOT EXISTS public.atlas_current (
    one BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one), version TEXT COLLATE "C" NOT NULL);
"""


def schema_name(version: str) -> str:
    """Return the PostgreSQL schema holding atlas `version` (a 12-hex-digit id, safe in SQL)."""
    return f"atlas_{version}"
