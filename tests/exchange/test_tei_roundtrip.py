"""The TEI writer and the TEI reader agree: `chronotope export --format tei`, then a fresh atlas
built from the exported files alone, answers the API as the atlas it came from did.

What may differ, and only that: each document's `source` (the exported file's name, `<id>.xml`,
instead of the collection page it was first read from). Everything else of /api/documents,
/api/places, /api/events and /api/movements is the same: the same ids, titles, headings, dates,
places with their counts, mention spans and movements.
"""
from __future__ import annotations

import pytest

MAY_DIFFER = {"source"}


@pytest.fixture(scope="module")
def clients(export, make_atlas, atlas_path, tmp_path_factory):
    from mapapp.app import create_app

    reimported = make_atlas([export("tei")])
    home = tmp_path_factory.mktemp("roundtrip-home")
    return tuple(create_app({"TESTING": True, "HOME": home, "ATLAS_DIR": location}).test_client()
                 for location in (atlas_path, reimported))


def _answers(client, route: str) -> dict:
    answer = client.get(route)
    assert answer.status_code == 200, answer.get_data(as_text=True)
    return answer.get_json()


def test_the_document_list_is_the_same_but_for_the_file_names(clients):
    before, after = (_answers(c, "/api/documents?per_page=500")["documents"] for c in clients)
    assert len(before) == 22
    assert [d["source"] for d in after] == [f"{d['id']}.xml" for d in before]
    assert [{k: v for k, v in d.items() if k not in MAY_DIFFER} for d in after] == \
        [{k: v for k, v in d.items() if k not in MAY_DIFFER} for d in before]


@pytest.mark.parametrize("route", ["/api/places", "/api/events", "/api/movements"])
def test_places_events_and_movements_are_the_same(clients, route):
    before, after = (_answers(c, route)["features"] for c in clients)
    assert before, route
    assert after == before


def test_each_document_reads_back_with_its_body_and_mentions(clients, export):
    from lxml import etree

    first, second = clients
    total = 0
    for listed in _answers(first, "/api/documents?per_page=500")["documents"]:
        old, new = (_answers(c, f"/api/documents/{listed['id']}") for c in clients)
        assert new["body"] == old["body"]
        assert [(m["start"], m["end"], m["place_id"]) for m in new["places"]] == \
            [(m["start"], m["end"], m["place_id"]) for m in old["places"]]
        assert [(d["start"], d["end"], d["earliest"], d["latest"]) for d in new["dates"]] == \
            [(d["start"], d["end"], d["earliest"], d["latest"]) for d in old["dates"]]
        # the machine's readings were exported as such (@resp="#chronotope") and come back
        # unconfirmed: a round trip never turns the machine's reading into a confirmed one
        tree = etree.parse(str(export("tei") / f"{listed['id']}.xml"))
        marked = tree.xpath("//tei:body//tei:placeName[@ref]", namespaces={"tei": "http://www.tei-c.org/ns/1.0"})
        assert all(m.get("resp") == "#chronotope" for m in marked)
        total += len(marked)
        assert not [m for m in new["places"] if m.get("review")]
        assert not [d for d in new["dates"] if d.get("review")]
    assert total > 100   # the machine's readings were marked up, and came back as such


def test_a_reading_the_source_confirmed_stays_confirmed_through_export_and_import(make_atlas, tmp_path):
    import os
    import shutil
    import subprocess
    from pathlib import Path

    from mapapp.atlas.store import open_atlas
    from tests.harness import chronotope_command

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(Path(__file__).parent / "data" / "letters.tei.xml", corpus / "letters.xml")
    first = make_atlas([corpus])
    done = subprocess.run([*chronotope_command(), "export", "--format", "tei", "--atlas", str(first),
                           "--out", str(tmp_path / "tei")], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "CHRONOTOPE_HOME": str(tmp_path / "home")})
    assert done.returncode == 0, done.stderr
    again = open_atlas(location=make_atlas([tmp_path / "tei"])).document("letter-goris")
    reviews = {m["text"]: (m["place_id"], m.get("review")) for m in again["places"]}
    assert reviews["Karakilisa"] == ("chr:sisian", {"status": "confirmed", "by": None, "at": None,
                                                    "note": "from the source's TEI markup"})
    assert reviews["Goris"] == ("chr:goris", None)
    assert [(d["text"], d.get("review", {}).get("status")) for d in again["dates"]] == [("the sixth", "confirmed")]
