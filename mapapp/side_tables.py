"""Tables of our own kept beside the atlas (the corrections, the accounts): in a SQLite file, or in a
schema of the atlas's PostgreSQL database. One helper opens either, one transaction at a time, and
the stores write their SQL once, with `?` parameters, reading rows by name or position."""
from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from mapapp.atlas.postgres import is_database_url

# Servers starting together make a schema's tables one at a time (pg_advisory_xact_lock's key:
# "tables" in hex): concurrent CREATE ... IF NOT EXISTS may otherwise collide.
SETUP_LOCK = 0x7461626C6573
_READY: set[tuple[str, str]] = set()     # (database URL, schema) whose tables this process has made
_READY_LOCK = threading.Lock()


@contextmanager
def transaction(location: Path | str, schema: str, tables: str, write: bool = True) -> Iterator:
    """A connection to the tables at `location` (a SQLite file, or a database URL and its `schema`),
    made on first use from `tables` (SQL whose `{serial}` is the dialect's auto-numbered key), in one
    transaction committed on success; `write=False`: reading only (SQLite readers do not wait)."""
    if is_database_url(location):
        with _pg(str(location), schema, tables) as conn:
            yield conn
        return
    Path(location).parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(location, timeout=10, isolation_level=None)) as conn:
        conn.row_factory = sqlite3.Row
        conn.executescript(tables.format(serial="INTEGER PRIMARY KEY AUTOINCREMENT"))
        if not write:
            yield conn
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


@contextmanager
def _pg(url: str, schema: str, tables: str) -> Iterator:
    import psycopg

    with psycopg.connect(url, options=f"-c search_path={schema}") as conn:
        if (url, schema) not in _READY:
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (SETUP_LOCK,))
            conn.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
            for statement in tables.format(serial="BIGSERIAL PRIMARY KEY").split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.commit()
            with _READY_LOCK:
                _READY.add((url, schema))
        yield Pg(conn)


class Pg:
    """A psycopg connection taking the stores' `?` parameters; rows by column name."""

    def __init__(self, conn):
        from psycopg.rows import dict_row

        self.conn = conn
        conn.row_factory = dict_row

    def execute(self, sql: str, params=()):
        return PgCursor(self.conn.execute(sql.replace("?", "%s"), params))


class PgCursor:
    def __init__(self, cursor):
        self.cursor = cursor

    @property
    def rowcount(self) -> int:
        return self.cursor.rowcount

    def fetchone(self):
        row = self.cursor.fetchone()
        return None if row is None else PgRow(row)

    def fetchall(self):
        return [PgRow(r) for r in self.cursor.fetchall()]

    def __iter__(self):
        return iter(self.fetchall())


class PgRow(dict):
    """A dict row also read by position, as sqlite3.Row is."""

    def __getitem__(self, key):
        return list(self.values())[key] if isinstance(key, int) else super().__getitem__(key)
