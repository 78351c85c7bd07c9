"""The atlas's layout under corrections: each table's date bound follows what editors date, and the
review queue reads one page of its index rather than every record (mapapp/atlas/spans.py, review_queue.py)."""
from __future__ import annotations

import json
import sqlite3
from contextlib import closing

import pytest

from mapapp.atlas import postgres, versions
from mapapp.atlas.review_queue import ORDER, waiting_sql
from mapapp.atlas.rows import queue_order, unpack_mention
from tests.review.conftest import DOC
from tests.review.test_readings_api import annotate, ours

LOOSE = {"earliest": "1918-01-01", "latest": "1923-12-31"}   # longer than any interval the build found


@pytest.mark.parametrize("store", ["sqlite", "postgresql"], indirect=True)
def test_a_document_dated_loosely_by_an_editor_shows_in_every_window_it_overlaps(site, eve):
    reader = site.test_client()
    window = "from=1923-06-01&to=1923-06-30"
    assert DOC not in [d["id"] for d in reader.get(f"/api/documents?{window}").get_json()["documents"]]
    made = eve.post(f"/api/documents/{DOC}/annotations", json={"type": "Annotation", "target": {"source": DOC},
                    "body": {"type": "DateValue", "purpose": "editing", **LOOSE, "precision": "range",
                             "calendar": "gregorian"}})
    assert made.status_code == 201, made.get_data(as_text=True)
    assert DOC in [d["id"] for d in reader.get(f"/api/documents?{window}").get_json()["documents"]]
    assert ours(reader, f"/api/events?{window}")
    assert any(DOC in f["properties"]["documents"] for f in reader.get(f"/api/places?{window}").get_json()["features"])


@pytest.mark.parametrize("store", ["sqlite", "postgresql"], indirect=True)
def test_a_movement_dated_loosely_by_an_editor_is_drawn_in_every_window_it_overlaps(site, eve):
    reader = site.test_client()
    window = "/api/movements?from=1923-09-01&to=1923-09-30"
    assert ours(reader, window) == []
    annotate(eve, "Estonia, Latvia, and Lithuania", {
        "type": "MovementValue", "purpose": "editing", "actor": "the Red Army", "kind": "advance",
        "status": "carried out", **LOOSE, "waypoints": ["chr:estonia", "chr:latvia"]})
    assert [f["properties"]["actor"] for f in ours(reader, window)] == ["the Red Army"]


def old_queue(site) -> list[tuple]:
    """The queue as the whole table says it should be: every unreviewed record, sorted in Python."""
    with closing(sqlite3.connect(versions.current_file(site.config["ATLAS_DIR"]))) as conn:
        records = [(doc, json.loads(unpack_mention(*row[:4], tuple(row[4:]) if row[4] else None)))
                   for doc, *row in conn.execute(
            'SELECT d.id, m.start, m."end", m.text, m.record, p.id, p.name, p.kind, p.lat, p.lon FROM mentions m '
            "JOIN documents d ON d.rowid = m.doc LEFT JOIN places p ON p.rowid = m.place")]
    waiting = [(queue_order(r), doc, r["start"], r["end"]) for doc, r in records if r.get("review") is None]
    return [(doc, start) for _, doc, start, _ in sorted(waiting, key=lambda w: (*w[0], w[1], w[2], w[3]))]


def test_the_queue_pages_through_every_unreviewed_link_in_score_order(site):
    reader = site.test_client()
    expected = old_queue(site)
    pages = [reader.get(f"/api/review/queue?per_page=20&page={n}").get_json() for n in range(1, len(expected) // 20 + 2)]
    assert [(i["document_id"], i["start"]) for p in pages for i in p["items"]] == expected
    assert {p["total"] for p in pages} == {len(expected)}
    kinds = reader.get("/api/review/queue?kind=country&per_page=500").get_json()["items"]
    assert kinds and {i["place"]["kind"] for i in kinds} == {"country"}


@pytest.mark.parametrize("doc, place, kind", [(None, None, None), (DOC, None, None), (None, "chr:baku", None),
                                               (None, None, "country")])
def test_a_queue_page_is_read_from_the_index_in_its_order(atlas_path, doc, place, kind):
    source, where, params = waiting_sql(doc, place, kind)
    sql = f"SELECT m.doc, m.record FROM {source} WHERE {where} ORDER BY {ORDER} LIMIT 20"
    with closing(sqlite3.connect(versions.current_file(atlas_path))) as conn:
        plan = " / ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params))
    # Unfiltered, the rows come in the index's order (no sort of every waiting row); filtered, through an index.
    assert "USING INDEX" in plan or "USING COVERING INDEX" in plan or "USING PRIMARY KEY" in plan, plan
    if not (doc or place or kind):
        assert "mentions_waiting" in plan and "TEMP B-TREE" not in plan, plan


def test_postgresql_reads_a_queue_page_from_the_index_without_sorting(pg_atlas_url, atlas_path):
    source, where, params = waiting_sql(None, None, None)
    conn = postgres.Schema(pg_atlas_url, versions.current_version(atlas_path)).connect()
    try:
        conn.execute("SET enable_seqscan = off")   # a handful of rows: else a scan is cheaper than any index
        plan = "\n".join(r[0] for r in conn.execute(
            f"EXPLAIN SELECT m.doc, m.record FROM {source} WHERE {where} ORDER BY {ORDER} LIMIT 20", params))
    finally:
        conn.close()
    assert "mentions_waiting" in plan and "Sort" not in plan, plan


CHOSEN = {"place_id": "chr:goris", "name": "Goris", "kind": "settlement", "lat": 39.51, "lon": 46.34}


@pytest.mark.parametrize("record", [
    # the common case: one candidate, the chosen place
    {"start": 3, "end": 8, "text": "Goris", **CHOSEN, "score": 1.0, "uncertainty_km": None,
     "candidates": [{**CHOSEN, "score": 1.0, "source": "curated", "reasons": ["curated layer", "exact spelling"]}],
     "review": None},
    # a runner-up, and the chosen candidate not first
    {"start": 0, "end": 6, "text": "Гёрусы", **CHOSEN, "score": 0.6,
     "candidates": [{"place_id": "chr:kapan", "name": "Kapan", "kind": "settlement", "lat": 39.21, "lon": 46.41,
                     "score": 0.4}, {**CHOSEN, "score": 0.6}], "review": None},
    # a candidate naming the chosen place with another point (a corrected one): kept whole
    {"start": 1, "end": 2, "text": "G", **CHOSEN, "candidates": [{**CHOSEN, "lat": 0.0}],
     "review": {"status": "corrected", "by": "Eve"}},
    # a link added by an editor: no candidates; a rejected one without a place
    {"start": 5, "end": 9, "text": "x\"<y", **CHOSEN, "score": None, "candidates": [], "review": {"status": "added"}},
    {"start": 5, "end": 9, "text": "abcd", "place_id": None, "review": {"status": "rejected"}},
    # not in the pipeline's key order, or nothing but the span: stored as it is
    {"text": "Goris", "start": 3, "end": 8, **CHOSEN},
    {"start": 3, "end": 8, "text": "Goris"},
])
@pytest.mark.parametrize("place", [None, tuple(CHOSEN.values()), ("chr:goris", "Goris", "settlement", 39.51, 46.0),
                                   ("chr:goris", "Goris", "settlement", 39.51, 46)])
def test_a_mention_record_is_stored_packed_and_read_back_to_the_byte(record, place):
    """With the row's place (id, name, kind, lat, lon), the chosen place's are left out where they are the same."""
    from mapapp.atlas.rows import dumps, pack_mention

    stored = pack_mention(record, place)
    assert unpack_mention(record.get("start"), record.get("end"), record.get("text"), stored, place) == dumps(record)
    assert len(stored) <= len(dumps(record))


def test_the_chosen_place_is_left_out_of_a_record_only_when_the_row_has_it_to_the_byte():
    from mapapp.atlas.rows import pack_mention

    record = {"start": 3, "end": 8, "text": "Goris", **CHOSEN, "score": 1.0}
    assert '"Goris"' not in pack_mention(record, tuple(CHOSEN.values()))
    assert '"Goris"' in pack_mention(record, ("chr:goris", "Goris", "settlement", 39.51, 46))   # 46 is not 46.34
    assert '"Goris"' in pack_mention({**record, "lon": 46.0}, ("chr:goris", "Goris", "settlement", 39.51, 46))
