"""The atlas's packed columns (mapapp/atlas/packing.py): read back to the byte, a fraction of their
size, and the movements' lines still reach PostGIS; documents and places keyed by integers that follow their ids."""
from __future__ import annotations

import json
import sqlite3
from contextlib import closing

import pytest

from mapapp.atlas import packing, postgres, versions

RECORD = ('{"place_id":"chr:goris","name":"Goris","kind":"settlement","lat":39.51,"lon":46.34,"score":1.0,'
          '"uncertainty_km":null,"candidates":[{"=":1,"score":1.0,"source":"curated","reasons":["curated layer",'
          '"exact spelling"]}],"review":null}')


@pytest.mark.parametrize(("kind", "text"), [
    ("mention", RECORD),
    ("mention", '{"place_id":null,"review":{"status":"rejected","by":"Ева \\"Э\\" <b>"}}'),
    ("movement", '{"start":3,"end":40,"text":"marched from Shusha to Goris","kind":"advance","waypoints":[]}'),
    ("geometry", '{"type":"LineString","coordinates":[[46.75,39.76],[46.34,39.51]]}'),
    ("geometry", '{"type":"Point","coordinates":[-0.0,1e-07]}'),
    ("dates", "[]"),
    ("dates", '[{"text":"26 декабря 1920 г.","earliest":"1920-12-26","calendar":"julian"}]'),
    ("place", '{"type":"Feature","id":"chr:şuşa","properties":{"name":"Şuşa / Շուշի / Шуша"'),
    ("place", "x" * 100_000),
])
def test_a_packed_column_reads_back_to_the_byte(kind, text):
    stored = packing.pack(kind, text)
    assert isinstance(stored, bytes) and packing.unpack(kind, stored) == text


def test_a_mention_record_packs_to_a_fraction_of_its_length():
    # What the preset dictionary is for: zlib alone barely shrinks one short record.
    assert len(packing.pack("mention", RECORD)) * 4 < len(RECORD.encode())


def test_documents_and_places_are_numbered_in_the_order_of_their_ids(atlas_path):
    with closing(sqlite3.connect(versions.current_file(atlas_path))) as conn:
        for table in ("documents", "places"):
            ids = [r[0] for r in conn.execute(f"SELECT id FROM {table} ORDER BY rowid")]
            assert ids == sorted(ids) and len(ids) > 1
        # every mention and movement holds a document (and place) that exists
        assert conn.execute("SELECT count(*) FROM mentions WHERE doc NOT IN (SELECT rowid FROM documents) "
                            "OR place NOT IN (SELECT rowid FROM places)").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM movements WHERE doc NOT IN (SELECT rowid FROM documents)"
                            ).fetchone()[0] == 0


def test_every_movement_line_reaches_postgis(pg_atlas_url, atlas_path):
    with closing(sqlite3.connect(versions.current_file(atlas_path))) as lite:
        lines = {rowid: json.loads(packing.unpack("geometry", stored)) for rowid, stored in
                 lite.execute("SELECT rowid, geometry FROM movements WHERE geometry IS NOT NULL")}
    conn = postgres.Schema(pg_atlas_url, versions.current_version(atlas_path)).connect()
    try:
        found = {rowid: json.loads(shape) for rowid, shape in
                 conn.execute("SELECT rowid, ST_AsGeoJSON(geom, 9) FROM movements WHERE geom IS NOT NULL")}
    finally:
        conn.close()
    assert lines and found.keys() == lines.keys()
    for rowid, line in lines.items():
        assert found[rowid]["type"] == line["type"]
        assert flat(found[rowid]["coordinates"]) == pytest.approx(flat(line["coordinates"]))


def flat(coordinates) -> list[float]:
    return [x for c in coordinates for x in flat(c)] if isinstance(coordinates, list) else [coordinates]
