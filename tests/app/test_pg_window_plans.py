"""PostgreSQL can read a window's capped movements and its places' counts from their indexes alone
(the rowid held in the movements' date indexes, place_spans' counts in its key's; the tables are
vacuumed after publication, so that the scans need not visit them): at 100,000 documents a window's
~10,000 movements visited ~6,000 pages of the table (mapapp/atlas/pg_schema.py, postgres.publish).
Whether the table is visited still depends on what else the database was doing when it was vacuumed
(a transaction older than the publication keeps its rows from being marked all-visible), so that
is not asserted here."""
from __future__ import annotations

import pytest

from mapapp.atlas import movement_window, place_spans, postgres, query, spans, versions
from mapapp.params import Window

WINDOW = Window("1920-07-15", "1920-08-14")


@pytest.fixture
def conn(pg_atlas_url, atlas_path):
    found = postgres.Schema(pg_atlas_url, versions.current_version(atlas_path)).connect()
    found.execute("SET enable_seqscan = off")   # a handful of rows: else a scan is cheaper than any index
    found.execute("SET enable_bitmapscan = off")
    yield found
    found.close()


def plan_of(conn, sql: str, params: list) -> str:
    return "\n".join(r[0] for r in conn.execute(f"EXPLAIN (COSTS OFF) {sql}", params))


def test_a_windows_movements_are_ranked_from_the_date_index_alone(conn):
    ranked, params = movement_window.ranked_sql(WINDOW, lambda days: query.window_sql(WINDOW, "m", days),
                                                spans.read(conn)["movements"], query.POSTGRES, 300)
    plan = plan_of(conn, ranked, params)
    assert "Index Only Scan using movements_by_date" in plan, plan


def test_a_windows_place_counts_are_summed_from_the_key_alone(conn):
    where, params = query.window_sql(WINDOW, "d", spans.read(conn)["documents"])
    plan = plan_of(conn, place_spans.counts_sql("", where), params)
    assert "Index Only Scan using place_spans_pkey" in plan, plan
