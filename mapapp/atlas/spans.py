"""How long the longest dated interval of each table is: the bound that keeps a window's index scan
to the window.

A row overlaps a window when it starts before the window's end and ends after its start; a date
index finds the first cheaply, and the second only if the scan may start no earlier than the
window's start less the longest interval. One bound for the whole atlas would let a single
movement dated "the early 1920s" widen every window of every table to four years, so each table
has its own (mentions and events follow their documents'). They are kept in the meta table; a
correction that dates a row more loosely widens its table's bound (`widen`).
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

TABLES = ("documents", "movements")
# Where none is recorded: a century, so that a window finds every row overlapping it.
UNKNOWN = 36600


def meta_key(table: str) -> str:
    return f"{table}_span_days"


def days(earliest: str | None, latest: str | None) -> int:
    """The days from `earliest` to `latest` (ISO dates); 0 when either is missing."""
    if not earliest or not latest:
        return 0
    return (date.fromisoformat(latest) - date.fromisoformat(earliest)).days


def measured(conn) -> dict[str, str]:
    """The meta entries of a SQLite atlas being built: each table's longest interval, in days."""
    found = {}
    for table in TABLES:
        longest = conn.execute(f"SELECT max(julianday(latest) - julianday(earliest)) FROM {table}").fetchone()[0]
        found[meta_key(table)] = str(int(longest or 0))
    return found


def read(conn) -> dict[str, int]:
    """Each table's bound, as the atlas's meta table records it now."""
    keys = [meta_key(t) for t in TABLES]
    stored = dict(conn.execute(f"SELECT key, value FROM meta WHERE key IN ({', '.join('?' * len(keys))})",
                               keys).fetchall())
    return {t: int(stored.get(meta_key(t), UNKNOWN)) for t in TABLES}


def widen(conn, table: str, intervals: Iterable[tuple[str | None, str | None]]) -> None:
    """Raise `table`'s bound to the longest of `intervals` (earliest, latest) if it is longer."""
    longest = max((days(first, last) for first, last in intervals), default=0)
    if longest > read(conn)[table]:
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                     (meta_key(table), str(longest)))
