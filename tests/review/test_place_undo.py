"""Undoing the creation of a place, on the real app, with the atlas in a folder and in PostgreSQL."""
from __future__ import annotations

import json

import pytest

from tests.review.conftest import DOC, link, logged_in, with_token
from tests.review.test_queue_places import SISIAN_KARAKILISA

pytestmark = pytest.mark.parametrize("store", ["sqlite", "postgresql"], indirect=True)
ROUTES = [f"/api/documents/{DOC}", "/api/events", "/api/places", "/api/movements"]


def candidates(client) -> list[str]:
    angora = next(m for m in client.get(f"/api/documents/{DOC}").get_json()["places"] if m["text"] == "Angora")
    return [angora["place_id"], *(c["place_id"] for c in angora["candidates"])]


def found(client, place_id: str) -> bool:
    return place_id in [p["id"] for p in client.get("/api/gazetteer/search?q=Angora").get_json()["places"]]


def test_undoing_a_created_place_takes_it_out_and_the_documents_read_as_before(site, user_home):
    eve, reader = logged_in(site, "eve"), site.test_client()
    before = [reader.get(route).get_data() for route in ROUTES]
    made = eve.post("/api/places", json=SISIAN_KARAKILISA).get_json()
    assert found(reader, made["id"]) and made["id"] in candidates(reader)

    undone = eve.post(f"/api/history/{made['history_entry']}/undo")
    assert undone.status_code == 201, undone.get_data(as_text=True)
    entry = undone.get_json()
    assert (entry["action"], entry["annotation_id"], entry["after"]) == ("undo", made["id"], None)
    assert entry["before"]["source"] == SISIAN_KARAKILISA["source"] and entry["who"] == "eve"
    assert not found(reader, made["id"]) and made["id"] not in candidates(reader)
    layer = json.loads((user_home / "gazetteer" / "app-places.lpf.json").read_text(encoding="utf-8"))
    assert layer["features"] == []
    assert [reader.get(route).get_data() for route in ROUTES] == before
    listed = reader.get("/api/history/places").get_json()
    assert [(e["action"], e["annotation_id"], e["who"]) for e in listed["entries"]] == \
        [("create-place", made["id"], "Eve Markarian"), ("undo", made["id"], "Eve Markarian")]

    # undoing the undo makes it again, with its id
    again = eve.post(f"/api/history/{entry['id']}/undo")
    assert again.status_code == 201 and again.get_json()["after"]["id"] == made["id"]
    assert found(reader, made["id"]) and made["id"] in candidates(reader)


def test_a_place_corrections_use_stays_until_they_are_withdrawn(site, user_home):
    eve, reader = logged_in(site, "eve"), site.test_client()
    made = eve.post("/api/places", json=SISIAN_KARAKILISA).get_json()
    body = reader.get(f"/api/documents/{DOC}").get_json()["body"]
    linked = eve.post(f"/api/documents/{DOC}/annotations", json=link(DOC, body, "Angora", made["id"]))
    assert linked.status_code == 201

    refused = eve.post(f"/api/history/{made['history_entry']}/undo")
    assert refused.status_code == 409 and refused.get_json()["error"]["code"] == "conflict"
    assert DOC in refused.get_json()["error"]["message"]
    assert found(reader, made["id"]) and candidates(reader)[0] == made["id"]

    url = "/api/annotations/" + linked.get_json()["id"].rsplit("/", 1)[1]
    assert eve.delete(url, headers={"If-Match": linked.headers["ETag"]}).status_code == 204
    assert eve.post(f"/api/history/{made['history_entry']}/undo").status_code == 201
    assert not found(reader, made["id"]) and made["id"] not in candidates(reader)
    twice = eve.post(f"/api/history/{made['history_entry']}/undo")
    assert twice.status_code == 409 and made["id"] in twice.get_json()["error"]["message"]


def test_undoing_a_place_needs_an_editor_and_the_form_token(site, user_home):
    entry = logged_in(site, "eve").post("/api/places", json=SISIAN_KARAKILISA).get_json()["history_entry"]
    assert with_token(site).post(f"/api/history/{entry}/undo").status_code == 401
    assert logged_in(site, "rita").post(f"/api/history/{entry}/undo").status_code == 403
    no_token = logged_in(site, "ed")
    del no_token.environ_base["HTTP_X_CSRF_TOKEN"]
    refused = no_token.post(f"/api/history/{entry}/undo")
    assert refused.status_code == 400 and refused.get_json()["error"]["code"] == "csrf_failed"
    assert found(site.test_client(), "user:angora")
