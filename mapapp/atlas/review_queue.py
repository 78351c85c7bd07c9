"""The review queue's SQL: the machine's place links nobody has reviewed yet, least certain first.

Each such mention's row holds its queue order (`score`, `lead`: rows.queue_order) and a partial
index holds those rows alone, in that order, so a page of the queue reads that page's rows
and counting the queue reads the index, not every record.
"""
from __future__ import annotations

from dataclasses import dataclass

from mapapp.atlas.packing import text_of
from mapapp.atlas.rows import mention_text, unpack_mention

# The mention's place, which rows.pack_mention may have left out of the record (places mp).
MENTION_PLACE = "mp.id, mp.name, mp.kind, mp.lat, mp.lon"

# Documents' rowids follow their ids (build._number_by_id): the order is by document id; a
# mention's rank `n` in its document follows its (start, end), so the index need not hold them.
ORDER = "m.score, m.lead, m.doc, m.n"


@dataclass(frozen=True)
class QueuePage:
    """One page of the queue: its mentions (document id, JSON record), how many wait in all
    (with the filters), and the progress of the documents asked about (reviewed, of all mentions)."""

    rows: list[tuple[str, str]]
    waiting: int
    reviewed: int
    total: int


def waiting_sql(doc: str | None, place: str | None, kind: str | None) -> tuple[str, str, list]:
    """Return the FROM clause, the condition and its parameters of the waiting mentions asked for."""
    source, where, params = "mentions m", ["m.score IS NOT NULL"], []
    if doc:
        where.append("m.doc = (SELECT rowid FROM documents WHERE id = ?)")
        params.append(doc)
    if place:
        where.append("m.place = (SELECT rowid FROM places WHERE id = ?)")
        params.append(place)
    if kind:
        source += " JOIN places p ON p.rowid = m.place"
        where.append("p.kind = ?")
        params.append(kind)
    return source, " AND ".join(where), params


def queue_page(conn, doc: str | None, place: str | None, kind: str | None, size: int, number: int) -> QueuePage:
    """Return page `number` (of `size` mentions) of the queue, filtered by document, place and kind."""
    source, where, params = waiting_sql(doc, place, kind)
    rows = conn.execute(f'SELECT (SELECT id FROM documents WHERE rowid = m.doc), m.start, m."end", m.text, m.record, '
                        f"{MENTION_PLACE}, CASE WHEN m.text IS NULL THEN (SELECT body FROM documents WHERE rowid = m.doc) END "
                        f"FROM {source} LEFT JOIN places mp ON mp.rowid = m.place "
                        f"WHERE {where} ORDER BY {ORDER} LIMIT ? OFFSET ?",
                        [*params, size, (number - 1) * size]).fetchall()
    waiting = conn.execute(f"SELECT count(*) FROM {source} WHERE {where}", params).fetchone()[0]
    mine, mine_params = ("m.doc = (SELECT rowid FROM documents WHERE id = ?)", [doc]) if doc else ("TRUE", [])
    total = conn.execute(f"SELECT count(*) FROM mentions m WHERE {mine}", mine_params).fetchone()[0]
    unreviewed = conn.execute(f"SELECT count(*) FROM mentions m WHERE {mine} AND m.score IS NOT NULL",
                              mine_params).fetchone()[0]
    return QueuePage([(r[0], unpack_mention(r[1], r[2], mention_text(r[3], text_of("body", r[10]), r[1], r[2]), r[4],
                                            tuple(r[5:10]) if r[5] is not None else None)) for r in rows],
                     waiting, total - unreviewed, total)
