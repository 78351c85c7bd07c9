"""Which movements a date window holds, in answer order, found through the date indexes alone; and
an even sample of them when the map asks for at most `limit`.

A movement overlaps the window when it starts before the window's end and ends after its start.
Most are dated to a day or a few weeks: their index scan may start `schema.LONG_DAYS` before the
window. The few dated more loosely ("in 1920") have an index of their own (`movements_long`), so
that they no longer widen every window's scan to the longest interval in the atlas.
"""
from __future__ import annotations

from collections.abc import Callable

from mapapp.atlas.schema import LONG_DAYS

# window_sql's condition on `m` (and its parameters), given the longest interval to reach back for.
Bound = Callable[[int], tuple[str, list]]

# The columns both scans read from their index, and the answer's order.
KEYS = "m.rowid AS r, m.earliest, m.seq, m.ord"


def rows_sql(window, bound: Bound, span: int, dialect) -> tuple[str, list]:
    """Return a query (and its parameters) of the window's drawn movements as (r, earliest, seq, ord)."""
    if window.start is None:   # no lower bound to tighten: one scan (the open window, or "up to")
        where, params = bound(span)
        return f"SELECT {KEYS} FROM movements m {dialect.hint(window, 'movements_by_date')} " \
               f"WHERE m.drawn = 1 AND {where}", params
    short, short_params = bound(min(span, LONG_DAYS))
    long, long_params = bound(span)
    return (f"SELECT {KEYS} FROM movements m {dialect.hint(window, 'movements_by_date')} "
            f"WHERE m.drawn = 1 AND m.span_days <= {LONG_DAYS} AND {short} UNION ALL "
            f"SELECT {KEYS} FROM movements m {dialect.hint(window, 'movements_long')} "
            f"WHERE m.span_days > {LONG_DAYS} AND m.drawn = 1 AND {long}"), short_params + long_params


def ranked_sql(window, bound: Bound, span: int, dialect, limit: int | None) -> tuple[str, list]:
    """Return a query (and parameters) of (r, k, total): the window's movements ranked in answer order
    (k from 0), with how many there are; at most `limit` of them, spread evenly over that order.

    Row k is kept when (k * limit) mod total < limit: exactly `limit` rows, one in every
    total/limit, so a capped answer samples the whole window rather than its first days.
    """
    rows, params = rows_sql(window, bound, span, dialect)
    order = f"w.earliest{dialect.nulls_first}, w.seq, w.ord"
    if limit is None:   # the whole window: its total is the answer's length
        return f"SELECT w.r, row_number() OVER (ORDER BY {order}) - 1 AS k, NULL AS total FROM ({rows}) w", params
    if dialect.total_apart:   # SQLite's `count(*) OVER ()` keeps every row of the window until the last
        ranked = (f"SELECT w.r, row_number() OVER (ORDER BY {order}) - 1 AS k, "
                  f"(SELECT count(*) FROM ({rows}) c) AS total FROM ({rows}) w")
        params = params + params
    else:   # PostgreSQL's counts the rows it has sorted, where a second count would scan them again
        ranked = f"SELECT w.r, row_number() OVER (ORDER BY {order}) - 1 AS k, count(*) OVER () AS total FROM ({rows}) w"
    n = int(limit)   # a whole number already (params.limit); written in, as both stores read it alike
    return f"SELECT r, k, total FROM ({ranked}) ranked WHERE k * {n} - (k * {n} / total) * total < {n}", params
