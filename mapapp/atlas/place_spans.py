"""The places of a date window counted in SQL: the documents grouped by their dates.

Each document is in exactly one group, the documents of the same (earliest, latest) dates
(`document_dates`); per group and place, `place_spans` holds the mentions of the place in those
documents and how many of them name it. Both numbers add across groups, so a window's counts
are one indexed aggregate over the groups that overlap it, however many documents they hold:
the same window condition (`query.window_sql`) and the same bounded scan as the documents'.

The build fills the tables from the mentions (`fill`); a correction that rewrites a document's
rows moves its counts out of its old group and into its new one (`shift`), in its transaction.
"""
from __future__ import annotations

from collections.abc import Mapping

# Groups and counts from the mentions of a finished atlas (build._finish): the documents' place_counts
# name the same places, mention for mention.
FILL = """
INSERT INTO document_dates (earliest, latest)
    SELECT DISTINCT earliest, latest FROM documents WHERE place_counts IS NOT NULL ORDER BY earliest, latest;
INSERT INTO place_spans (dates, place, mentions, documents)
    SELECT g.rowid, m.place, count(*), count(DISTINCT m.doc) FROM mentions m
    JOIN documents d ON d.rowid = m.doc
    JOIN document_dates g ON g.earliest IS d.earliest AND g.latest IS d.latest
    WHERE m.place IS NOT NULL GROUP BY g.rowid, m.place ORDER BY g.rowid, m.place;
ANALYZE document_dates;
ANALYZE place_spans;
"""


def fill(conn) -> None:
    """Group a built atlas's documents by their dates and count each group's places."""
    conn.executescript(FILL)


def counts_sql(hint: str, where: str) -> str:
    """The query of (place rowid, mentions, documents) summed over the groups `d` that meet `where`
    (`query.window_sql` on alias `d`), read through the date index (`hint`: SQLite's)."""
    return (f"SELECT s.place, sum(s.mentions), sum(s.documents) FROM document_dates d {hint} "
            f"JOIN place_spans s ON s.dates = d.rowid WHERE {where} GROUP BY s.place")


def _same(column: str, value: str | None) -> tuple[str, list]:
    # `IS ?` is SQLite's; PostgreSQL needs the NULL spelled out.
    return (f"{column} IS NULL", []) if value is None else (f"{column} = ?", [value])


def group_of(conn, earliest: str | None, latest: str | None, make: bool) -> int | None:
    """The rowid of the group of documents dated (earliest, latest); made when missing and `make`."""
    first, first_params = _same("earliest", earliest)
    last, last_params = _same("latest", latest)
    found = conn.execute(f"SELECT rowid FROM document_dates WHERE {first} AND {last}",
                         first_params + last_params).fetchone()
    if found is not None or not make:
        return found[0] if found is not None else None
    rowid = conn.execute("SELECT coalesce(max(rowid), 0) + 1 FROM document_dates").fetchone()[0]
    conn.execute("INSERT INTO document_dates (rowid, earliest, latest) VALUES (?, ?, ?)", (rowid, earliest, latest))
    return rowid


def shift(conn, earliest: str | None, latest: str | None, counts: Mapping[int, int], sign: int) -> None:
    """Add (`sign` 1) or take away (-1) one document dated (earliest, latest) naming the places
    `counts` ({place rowid: mentions}) to its group's counts."""
    if not counts:
        return
    group = group_of(conn, earliest, latest, make=sign > 0)
    if group is None:   # nothing to take away: the document's counts were never added
        return
    for place, n in sorted(counts.items()):
        if sign > 0:
            conn.execute("INSERT INTO place_spans (dates, place, mentions, documents) VALUES (?, ?, ?, 1) "
                         "ON CONFLICT (dates, place) DO UPDATE SET mentions = place_spans.mentions + excluded.mentions, "
                         "documents = place_spans.documents + 1", (group, place, n))
        else:
            conn.execute("UPDATE place_spans SET mentions = mentions - ?, documents = documents - 1 "
                         "WHERE dates = ? AND place = ?", (n, group, place))
            conn.execute("DELETE FROM place_spans WHERE dates = ? AND place = ? AND documents <= 0", (group, place))
