"""The atlas of schema 9 keeps less (mapapp/atlas/packing.py, rows.py): a document's text packed under
a full-text index without positions, lines as whole-number steps, what a row can take from its
document left out. Each way of storing gives back the same text, and search finds what it found."""
from __future__ import annotations

import json
import sqlite3
from contextlib import closing

import pytest

from mapapp.atlas import packing
from mapapp.atlas.rows import dumps, pack_route, stored_facts, unpack_route

# The lines as the build writes them (rows.dumps of mapapp.analysis.geojson's geometry), and
# some it never writes, which must come back all the same.
LINES = [
    ('{"type":"LineString","coordinates":[[44.0388,40.1555],[43.86376,40.35314],[43.68769,40.55051]]}', True),
    ('{"type":"LineString","coordinates":[[46.75,39.76],[46.34,39.51]]}', True),
    ('{"type":"Point","coordinates":[46.75,39.76]}', True),
    ('{"type":"LineString","coordinates":[[-73.9857,40.7484],[139.6917,35.6895],[-0.1276,51.5072]]}', True),
    ('{"type":"LineString","coordinates":[[0.1,0.2],[0.30000000000000004,0.5]]}', False),   # 17 decimals
    ('{"type":"Point","coordinates":[-0.0,1e-07]}', False),           # -0.0 and an exponent
    ('{"type":"LineString","coordinates":[[46,39.76],[46.34,39.51]]}', False),   # an integer
    ('{"type":"MultiLineString","coordinates":[[[46.75,39.76],[46.34,39.51]]]}', False),
    ('{"type": "Point", "coordinates": [46.75, 39.76]}', False),       # not the build's spacing
    ('{"type":"LineString","coordinates":[]}', False),
]


@pytest.mark.parametrize(("line", "as_steps"), LINES)
def test_a_line_reads_back_to_the_byte_in_steps_or_else_deflated(line, as_steps):
    stored = packing.pack("geometry", line)
    assert packing.unpack("geometry", stored) == line
    assert stored.startswith(packing.STEPS) == as_steps


def test_a_line_along_a_straight_course_takes_a_byte_or_two_a_point():
    # 13 points of a straight course, as the route network's lines are drawn between its nodes.
    points = [[round(44.0388 - 0.17604 * i, 5), round(40.1555 + 0.19764 * i, 5)] for i in range(13)]
    line = dumps({"type": "LineString", "coordinates": points})
    assert len(packing.pack("geometry", line)) < len(line) / 6 < len(packing.deflate("geometry", line))


@pytest.mark.parametrize("counts", [{}, {1: 1}, {7: 3, 2: 1, 4000: 12}, {1: 1, 2: 1, 3: 200, 2 ** 40: 1}])
def test_a_documents_place_counts_read_back(counts):
    stored = packing.pack_counts(counts)
    assert (stored is None) == (not counts)
    assert packing.unpack_counts(stored) == counts


BODY = 'The 11th Army "marched" from Shusha to Goris; Халил-паша withdrew.'


@pytest.mark.parametrize(("record", "shortened"), [
    ({"start": 15, "end": 42, "text": BODY[15:42], "kind": "advance", "waypoints": []}, True),
    ({"start": 46, "end": 66, "text": BODY[46:66], "review": None}, True),
    ({"start": 0, "end": 0, "text": "", "kind": "route"}, True),
    ({"start": 15, "end": 42, "text": "Armenian troops withdrew", "in_heading": True}, False),   # offsets into the title
    ({"kind": "route", "start": 15, "end": 42, "text": BODY[15:42]}, False),   # another order of keys
    ({"start": None, "end": 4, "text": "The "}, False),
    ({"start": 15, "end": 42, "~": 1}, False),
])
def test_a_movement_record_reads_back_with_its_text(record, shortened):
    stored = pack_route(record, BODY)
    assert unpack_route(stored, lambda: BODY) == dumps(record)
    assert (len(stored) < len(dumps(record))) == shortened


def test_a_movement_record_asks_for_the_text_only_when_it_needs_it():
    stored = pack_route({"start": 0, "end": 3, "text": "Our", "kind": "route"}, "Our troops")
    assert unpack_route(dumps({"start": 0, "end": 3, "text": "Our"}), lambda: pytest.fail("read the text")) \
        == '{"start":0,"end":3,"text":"Our"}'
    assert json.loads(unpack_route(stored, lambda: "Our troops"))["text"] == "Our"


@pytest.mark.parametrize(("provenance", "extras", "earliest", "latest", "kept"), [
    ('{"collection":null,"editorial_notes":[]}', '{"edtf":"1920-08","calendar":"gregorian","date_as_written":null}',
     "1920-08-01", "1920-08-31", (False, False)),
    ('{"collection":{"id":"barsegov"},"editorial_notes":[]}', '{"edtf":null,"calendar":null,"date_as_written":null}',
     None, None, (True, False)),
    ('{"collection":null,"editorial_notes":["[…]"]}',
     '{"edtf":"1920-07-28","calendar":"julian","date_as_written":{"calendar":"julian","earliest":"1920-07-15"}}',
     "1920-07-28", "1920-07-28", (True, True)),
])
def test_a_documents_usual_facts_are_left_out_and_given_back(provenance, extras, earliest, latest, kept):
    from mapapp.atlas.rows import extras_of, provenance_of

    row = stored_facts({"provenance": provenance, "extras": extras, "earliest": earliest, "latest": latest})
    assert (row["provenance"] is not None, row["extras"] is not None) == kept
    assert (provenance_of(row["provenance"]), extras_of(row["extras"], earliest, latest)) == (provenance, extras)


PHRASES = {
    "adjacent.md": "---\ntitle: Report on the front\ndate: 1920-08-10\n---\nThe Red Army entered Goris at dawn.\n",
    "apart.md": "---\ntitle: Report on the flags\ndate: 1920-08-11\n---\nA red flag flew over the army's camp near Goris.\n",
}


@pytest.fixture(params=["sqlite", "postgresql"])
def phrase_atlas(request, tmp_path, app_for):
    """The app on an atlas of the two documents above, in SQLite and published into PostgreSQL."""
    from mapapp.atlas.build import plan_build, run_build

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in PHRASES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    folder = tmp_path / "atlas"
    run_build(plan_build([corpus], folder))
    if request.param == "sqlite":
        return app_for(folder).test_client()
    url = request.getfixturevalue("database_url")()
    run_build(plan_build([corpus], url))
    return app_for(folder, DATABASE_URL=url).test_client()


@pytest.mark.parametrize(("q", "found"), [
    ("red_army", ["adjacent.md"]),                 # FTS5 cuts it in two words, one after the other
    ("army_red", []),
    ("red army", ["adjacent.md", "apart.md"]),
    ("goris", ["adjacent.md", "apart.md"]),
    ("goris_at_dawn", ["adjacent.md"]),
    ("army_entered_goris", ["adjacent.md"]),
    ("dawn_a_red", []),                             # no phrase runs from one document's text into another's
])
def test_search_finds_a_phrase_only_where_its_words_follow_each_other(phrase_atlas, q, found):
    answer = phrase_atlas.get(f"/api/documents?q={q}").get_json()
    bodies = [phrase_atlas.get(f"/api/documents/{d['id']}").get_json()["body"] for d in answer["documents"]]
    assert sorted(bodies) == sorted(PHRASES[name].split("---\n")[2].strip() for name in found)
    assert answer["total"] == len(found)


def test_the_text_is_stored_packed_and_read_back_whole(tmp_path, app_for):
    from mapapp.atlas import versions
    from mapapp.atlas.build import plan_build, run_build

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "adjacent.md").write_text(PHRASES["adjacent.md"], encoding="utf-8")
    run_build(plan_build([corpus], tmp_path / "atlas"))
    with closing(sqlite3.connect(versions.current_file(tmp_path / "atlas"))) as conn:
        (stored,) = conn.execute("SELECT body FROM documents").fetchone()
        assert isinstance(stored, bytes) and b"Goris" not in stored
    client = app_for(tmp_path / "atlas").test_client()
    (doc,) = client.get("/api/documents").get_json()["documents"]
    detail = client.get(f"/api/documents/{doc['id']}").get_json()
    assert detail["body"] == "The Red Army entered Goris at dawn."
    assert [p["text"] for p in detail["places"]] == ["Goris"]
