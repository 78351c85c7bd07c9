"""The atlas in PostgreSQL/PostGIS, for more than one machine: publishing a build into it, reading it.

A build writes its SQLite file as ever (`build.py`); `publish` copies that file into a new
schema `atlas_<version>` (with PostGIS geometry and GiST indexes, see `pg_schema`) and points
`public.atlas_current` at it, all in one transaction: readers see the old version or the new
one, never half of one, and a failed build leaves the database as it was. The last `keep`
versions stay, so pinned `v=` links keep working. Every server on the database reads the
pointer on each request, so a build published by one is served by all at once.
"""
from __future__ import annotations

import json
import sqlite3
import weakref
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

from mapapp.atlas import packing, pg_pool, pg_schema, query, versions
from mapapp.atlas.schema import TOKENIZE

SCHEMES = ("postgresql://", "postgres://")
Error = psycopg.Error
# Builds publishing into one database take turns (pg_advisory_xact_lock's key: "chrono" in hex).
PUBLISH_LOCK = 0x6368726F6E6F


def is_database_url(location) -> bool:
    """Return True when an atlas location is a PostgreSQL URL rather than a folder or a file."""
    return isinstance(location, str) and location.startswith(SCHEMES)


def shown_url(url: str) -> str:
    """Return `url` without its password, fit for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    return urlunsplit(parts._replace(netloc=netloc[0].split(":", 1)[0] + ":***@" + netloc[1]))


class Row(tuple):
    """A row read by position or by column name, as `sqlite3.Row` is."""

    def __new__(cls, values, names: dict[str, int]):
        row = super().__new__(cls, values)
        row.names = names
        return row

    def __getitem__(self, key):
        return super().__getitem__(self.names[key] if isinstance(key, str) else key)

    def keys(self) -> list[str]:
        return list(self.names)


def _rows(cursor):
    names = {c.name: i for i, c in enumerate(cursor.description or ())}
    return lambda values: Row(values, names)


class Connection:
    """A PostgreSQL connection that runs the atlas's SQL (`?` parameters) as SQLite's would.

    `shared`: this thread's connection of the request (`pg_pool.lease`), which the atlas, the
    accounts and the pointer to the served version take turns on, each with its search_path, given
    back when the request ends; otherwise one of its own, borrowed until `close`."""

    dialect = query.POSTGRES

    def __init__(self, url: str, schema: str | None = None, shared: bool = False):
        self.url, self.shared = url, shared
        self.search_path = f"{schema}, public" if schema else None
        self._own = None if shared else pg_pool.Lease(pg_pool.pool(url, OPTIONS))
        _OPEN.add(self)

    @property
    def raw(self) -> psycopg.Connection:
        """The psycopg connection, its search_path this connection's."""
        lease = pg_pool.lease(self.url, OPTIONS) if self.shared else self._own
        if lease is None:
            raise psycopg.InterfaceError("the connection is closed")
        if self.search_path and lease.path != self.search_path:
            lease.raw.execute(f"SET search_path = {self.search_path}")
            lease.path = self.search_path
        return lease.raw

    def execute(self, sql: str, params=()):
        return self.raw.execute(sql.replace("?", "%s"), params)

    @property
    def usable(self) -> bool:
        return self.shared or (self._own is not None and self._own.sound)

    def close(self) -> None:
        """Give back a connection of its own (a shared one goes back when the request ends)."""
        own, self._own = self._own, None
        if own is not None:
            own.give_back()


OPTIONS = {"autocommit": True, "row_factory": _rows, "application_name": "chronotope"}
# The connections readers hold, so they can all be closed.
_OPEN: weakref.WeakSet[Connection] = weakref.WeakSet()


def close_all() -> None:
    """Close every connection of this process to its databases (they reopen when next needed)."""
    for conn in list(_OPEN):
        conn.close()
    pg_pool.close_all()


@dataclass(frozen=True)
class Schema:
    """Where one atlas version lies in a database: what `Atlas` reads instead of a file."""

    url: str
    version: str

    def connect(self, shared: bool = False) -> Connection:
        """A connection reading this version (`shared`: this thread's for the request, see Connection)."""
        return Connection(self.url, pg_schema.schema_name(self.version), shared)

    def __str__(self) -> str:
        return f"{shown_url(self.url)}#{pg_schema.schema_name(self.version)}"


def _pointer_connection(url: str) -> Connection:
    """This thread's connection for reading the pointer (public tables, named with their schema)."""
    return Connection(url, shared=True)


def current_version(url: str) -> str | None:
    """Return the version the database serves, or None when no atlas was published there."""
    try:
        row = _pointer_connection(url).execute("SELECT version FROM public.atlas_current").fetchone()
    except psycopg.errors.UndefinedTable:
        return None
    return row[0] if row else None


def kept_versions(url: str) -> list[str]:
    """Return the versions kept in the database, newest first."""
    conn = _pointer_connection(url)
    if conn.execute("SELECT to_regclass('public.atlas_versions')").fetchone()[0] is None:
        return []
    return [r[0] for r in conn.execute("SELECT version FROM public.atlas_versions ORDER BY published_at DESC")]


def publish(url: str, built: Path, version: str, keep: int) -> None:
    """Copy the atlas file `built` into the schema of `version`, serve it, and keep `keep` versions."""
    schema = pg_schema.schema_name(version)
    with psycopg.connect(url) as conn:   # one transaction: committed whole or not at all
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (PUBLISH_LOCK,))
        conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        conn.execute(pg_schema.POINTER)
        conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        conn.execute(f"CREATE SCHEMA {schema}")
        conn.execute(f"SET LOCAL search_path TO {schema}, public")
        conn.execute(pg_schema.TABLES)
        with versions.read_only(built) as lite:
            for table, columns in pg_schema.COPIED.items():
                _copy(conn, lite, table, columns, convert=_converter(table, packing.unpack),
                      order=pg_schema.COPY_ORDER.get(table))
            # The machine's readings of the documents editors corrected (mapapp/corrections/live.py).
            if lite.execute("SELECT 1 FROM sqlite_master WHERE name = 'readings'").fetchone():
                conn.execute(f"CREATE TABLE readings (document_id {pg_schema.TEXT} PRIMARY KEY, record {pg_schema.TEXT} NOT NULL)")
                _copy(conn, lite, "readings", ("document_id", "record"))
            if dict(lite.execute("SELECT key, value FROM meta").fetchall()).get("fts") == "1":
                # The atlas's index keeps no positions (schema.FTS): its words again, with them.
                packing.register(lite)
                lite.execute(f"CREATE VIRTUAL TABLE temp.placed USING fts5(title, body, content='', "
                             f"tokenize='{TOKENIZE}')")
                lite.execute("INSERT INTO temp.placed (rowid, title, body) SELECT rowid, title, unpacked('body', body) "
                             "FROM documents")
                lite.execute("CREATE VIRTUAL TABLE temp.words USING fts5vocab(temp, placed, 'instance')")
                _copy(conn, lite, "document_words", ("rowid", "col", "pos", "word"),
                      'SELECT doc, col, "offset", term FROM temp.words')
            # The movements' lines as GeoJSON text, for PostGIS (the atlas keeps them packed).
            conn.execute(f"CREATE TEMPORARY TABLE movement_shapes (rowid BIGINT PRIMARY KEY, geometry {pg_schema.TEXT})")
            _copy(conn, lite, "movement_shapes", ("rowid", "geometry"),
                  "SELECT rowid, geometry FROM movements WHERE geometry IS NOT NULL",
                  lambda row: (row[0], packing.unpack("geometry", row[1])))
        conn.execute(pg_schema.GEOMETRY)
        conn.execute(pg_schema.INDEXES)
        conn.execute("ANALYZE")
        conn.execute("INSERT INTO public.atlas_versions (version) VALUES (%s) ON CONFLICT (version) "
                     "DO UPDATE SET published_at = clock_timestamp()", (version,))
        conn.execute("INSERT INTO public.atlas_current (one, version) VALUES (TRUE, %s) "
                     "ON CONFLICT (one) DO UPDATE SET version = EXCLUDED.version", (version,))
        _prune(conn, version, keep)
    _vacuum(url, schema)


def _vacuum(url: str, schema: str) -> None:
    """Vacuum the published tables a window reads (outside the publishing transaction, as VACUUM must be),
    so that their index-only scans need not visit the table; without it, PostgreSQL's planner reads
    all of place_spans (1.2 million rows at 100,000 documents) for a window rather than its key."""
    with psycopg.connect(url, autocommit=True) as conn:
        for table in pg_schema.VACUUMED:
            try:   # (analysed in the transaction: `VACUUM (ANALYZE)` left place_spans counted not all-visible)
                conn.execute(f"VACUUM {schema}.{table}")
            except psycopg.errors.UndefinedTable:   # pruned meanwhile by a newer publication
                return


def _same(row):
    return row


def _converter(table: str, convert):
    """A row of `table` with its packed columns that PostgreSQL keeps plain (pg_schema.PLAIN) converted:
    `packing.unpack` into PostgreSQL, `packing.pack` out of it."""
    at = [(pg_schema.COPIED[table].index(column), column) for column in pg_schema.PLAIN.get(table, ())]
    if not at:
        return _same

    def converted(row):
        row = list(row)
        for i, kind in at:
            row[i] = convert(kind, row[i])
        return tuple(row)
    return converted


def _copy(conn, lite, table: str, columns: tuple[str, ...], select: str | None = None,
          convert=_same, order: str | None = None) -> None:
    names = ", ".join(f'"{c}"' for c in columns)
    with conn.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in lite.execute(select or f"SELECT {names} FROM {table}" + (f" ORDER BY {order}" if order else "")):
            copy.write_row(convert(row))


def _prune(conn, current: str, keep: int) -> None:
    """Drop all but the `keep` newest versions (never the current one)."""
    others = [r[0] for r in conn.execute(
        "SELECT version FROM public.atlas_versions WHERE version <> %s ORDER BY published_at DESC", (current,))]
    for version in others[max(keep - 1, 0):]:
        if versions.VERSION_RE.match(version):
            conn.execute(f"DROP SCHEMA IF EXISTS {pg_schema.schema_name(version)} CASCADE")
        conn.execute("DELETE FROM public.atlas_versions WHERE version = %s", (version,))


def contents(url: str, version: str) -> tuple[dict[str, int], tuple[str, ...]]:
    """Return the row counts of a published version and the reader's warnings about its sources."""
    conn = Schema(url, version).connect()
    try:
        counts = query.counts(conn)
        warnings = tuple(w for (text,) in conn.execute("SELECT warnings FROM sources ORDER BY path")
                         for w in json.loads(text))
    finally:
        conn.close()
    return counts, warnings


def sources(url: str, version: str) -> dict[str, str]:
    """Return {source path: sha256} of the sources a published version was built from."""
    conn = Schema(url, version).connect()
    try:
        return dict(conn.execute("SELECT path, sha256 FROM sources").fetchall())
    finally:
        conn.close()


# What an incremental build copies from the previous version (see build._copy_source).
REUSED = ("sources", "documents", "places", "source_places", "mentions", "movements")


def export(schema: Schema, path: Path, tables_sql: str) -> None:
    """Write the rows a build may reuse from a published version into a new SQLite file `path`,
    whose empty tables `tables_sql` creates."""
    conn = schema.connect()
    try:
        with closing(sqlite3.connect(path)) as lite, lite:
            lite.executescript(tables_sql)
            for table in REUSED:
                columns = pg_schema.COPIED[table]
                names = ", ".join(f'"{c}"' for c in columns)
                rows = conn.execute(f"SELECT {names} FROM {table}")
                rows = map(_converter(table, packing.pack), rows)
                lite.executemany(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})", rows)
            # The machine's readings of corrected documents (their rows are the corrected ones).
            if conn.execute("SELECT to_regclass('readings')").fetchone()[0] is not None:
                lite.execute("CREATE TABLE readings (document_id TEXT PRIMARY KEY, record TEXT NOT NULL)")
                lite.executemany("INSERT INTO readings VALUES (?, ?)",
                                 conn.execute("SELECT document_id, record FROM readings"))
    finally:
        conn.close()


def meta(url: str, version: str) -> dict[str, str]:
    """Return the meta table of a published version ({} when it cannot be read)."""
    try:
        conn = Schema(url, version).connect()
    except Error:
        return {}
    try:
        return dict(conn.execute("SELECT key, value FROM meta").fetchall())
    except Error:
        return {}
    finally:
        conn.close()
