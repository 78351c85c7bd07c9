"""The corrections API on the real app and a real atlas (SQLite): each change shows at once in every
answer, keeps its history, and every refusal the issue lists answers as it says."""
from __future__ import annotations

import pytest

from tests.review.conftest import DOC, link, logged_in, quote, with_token

# Every test here runs on both stores: an atlas folder (SQLite) and a PostgreSQL database.
pytestmark = pytest.mark.parametrize("store", ["sqlite", "postgresql"], indirect=True)


def body_of(client, doc=DOC) -> str:
    return client.get(f"/api/documents/{doc}").get_json()["body"]


def mention(doc: dict, text: str) -> dict:
    return next(m for m in doc["places"] if m["text"] == text)


def test_the_machine_reading_carries_a_null_review(site):
    doc = site.test_client().get(f"/api/documents/{DOC}").get_json()
    assert doc["places"] and all(m["review"] is None for m in doc["places"])
    assert all(m["review"] is None for m in doc["movements"])
    assert all(d["review"] is None for d in doc["dates"])


def test_relinking_a_mention_shows_at_once_on_document_map_and_place(site, eve):
    reader = site.test_client()
    before = reader.get(f"/api/documents/{DOC}")
    events_before = reader.get("/api/events").get_json()
    text = body_of(reader)
    response = eve.post(f"/api/documents/{DOC}/annotations",
                        json=link(DOC, text, "Angora", "chr:erzurum", note="the letter means Erzurum"))
    assert response.status_code == 201, response.get_data(as_text=True)
    made = response.get_json()
    assert made["id"].endswith(response.headers["Location"].split("/api")[-1])
    assert response.headers["ETag"]
    doc = reader.get(f"/api/documents/{DOC}", headers={"If-None-Match": before.headers["ETag"]})
    assert doc.status_code == 200
    angora = mention(doc.get_json(), "Angora")
    assert angora["place_id"] == "chr:erzurum"
    assert angora["review"] == {"status": "corrected", "by": "Eve Markarian", "at": made["modified"],
                                "note": "the letter means Erzurum"}
    events = reader.get("/api/events").get_json()["features"]
    ours = [f["properties"]["place_id"] for f in events if f["properties"]["document_id"] == DOC]
    assert "chr:erzurum" in ours and "chr:ankara" not in ours
    assert len(events) == len(events_before["features"])


def test_rejecting_a_mention_keeps_it_in_the_document_but_off_the_map(site, eve):
    reader = site.test_client()
    text = body_of(reader)
    annotation = link(DOC, text, "Estonia", "chr:estonia")
    annotation["body"] = {"type": "TextualBody", "purpose": "assessing", "value": "not-a-place"}
    assert eve.post(f"/api/documents/{DOC}/annotations", json=annotation).status_code == 201
    estonia = mention(reader.get(f"/api/documents/{DOC}").get_json(), "Estonia")
    assert estonia["review"]["status"] == "rejected"
    events = reader.get("/api/events").get_json()["features"]
    assert not [f for f in events if f["properties"]["document_id"] == DOC and f["properties"]["text"] == "Estonia"]


def test_an_editor_not_named_is_shown_as_nobody(site, ed):
    text = body_of(ed)
    annotation = link(DOC, text, "Latvia", "chr:latvia")
    assert ed.post(f"/api/documents/{DOC}/annotations", json=annotation).status_code == 201
    latvia = mention(site.test_client().get(f"/api/documents/{DOC}").get_json(), "Latvia")
    assert latvia["review"]["status"] == "confirmed" and latvia["review"]["by"] is None


def test_annotations_are_served_as_a_w3c_collection(site, eve):
    text = body_of(eve)
    eve.post(f"/api/documents/{DOC}/annotations", json=link(DOC, text, "Angora", "chr:erzurum"))
    listing = site.test_client().get(f"/api/documents/{DOC}/annotations").get_json()
    assert listing["type"] == "AnnotationCollection" and listing["total"] == 1
    assert "http://www.w3.org/ns/anno.jsonld" in listing["@context"]
    item = listing["items"][0]
    assert item["body"]["source"] == "chr:erzurum"
    assert item["target"]["selector"] == quote(text, "Angora")


def test_put_and_delete_need_if_match_and_refuse_a_stale_one(site, eve, ed):
    text = body_of(eve)
    made = eve.post(f"/api/documents/{DOC}/annotations", json=link(DOC, text, "Angora", "chr:erzurum"))
    url = "/api/annotations/" + made.get_json()["id"].rsplit("/", 1)[1]
    etag = made.headers["ETag"]
    assert eve.put(url, json=link(DOC, text, "Angora", "chr:kars")).status_code == 428
    changed = ed.put(url, json=link(DOC, text, "Angora", "chr:kars"), headers={"If-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag
    stale = eve.put(url, json=link(DOC, text, "Angora", "chr:baku"), headers={"If-Match": etag})
    assert stale.status_code == 409 and stale.get_json()["body"]["source"] == "chr:kars"
    assert mention(site.test_client().get(f"/api/documents/{DOC}").get_json(), "Angora")["place_id"] == "chr:kars"
    assert eve.delete(url).status_code == 428
    assert eve.delete(url, headers={"If-Match": etag}).status_code == 409
    assert eve.delete(url, headers={"If-Match": changed.headers["ETag"]}).status_code == 204
    angora = mention(site.test_client().get(f"/api/documents/{DOC}").get_json(), "Angora")
    assert angora["place_id"] == "chr:ankara" and angora["review"] is None
    assert site.test_client().get(url).status_code == 404


def test_writes_are_refused_to_strangers_readers_and_without_csrf(site):
    text = body_of(site.test_client())
    annotation = link(DOC, text, "Angora", "chr:erzurum")
    stranger = with_token(site)
    refused = stranger.post(f"/api/documents/{DOC}/annotations", json=annotation)
    assert refused.status_code == 401 and refused.get_json()["error"]["code"] == "login_required"
    assert stranger.post("/api/history/1/undo").status_code == 401
    reader = logged_in(site, "rita")
    assert reader.post(f"/api/documents/{DOC}/annotations", json=annotation).status_code == 403
    no_token = logged_in(site, "eve")
    del no_token.environ_base["HTTP_X_CSRF_TOKEN"]
    refused = no_token.post(f"/api/documents/{DOC}/annotations", json=annotation)
    assert refused.status_code == 400 and refused.get_json()["error"]["code"] == "csrf_failed"
    no_token.environ_base["HTTP_X_CSRF_TOKEN"] = "forged"
    assert no_token.post(f"/api/documents/{DOC}/annotations", json=annotation).status_code == 400
    assert site.test_client().get(f"/api/documents/{DOC}/annotations").get_json()["total"] == 0


def test_unknown_things_answer_404_and_bad_annotations_400_naming_the_problem(eve):
    text = body_of(eve)
    assert eve.post("/api/documents/no-such-doc/annotations",
                    json=link(DOC, text, "Angora", "chr:erzurum")).status_code == 400   # target names another
    assert eve.post("/api/documents/no-such-doc/annotations",
                    json=link("no-such-doc", text, "Angora", "chr:erzurum")).status_code == 404
    assert eve.post(f"/api/documents/{DOC}/annotations",
                    json=link(DOC, text, "Angora", "chr:no-such-place")).status_code == 404
    assert eve.get("/api/annotations/0123456789abcdef").status_code == 404
    assert eve.post("/api/history/999999/undo").status_code == 404
    bad = link(DOC, text, "Angora", "chr:erzurum")
    bad["target"]["selector"][0]["exact"] = "Atlantis"
    bad["target"]["selector"][1] = {"type": "TextPositionSelector", "start": 0, "end": 8}
    refused = eve.post(f"/api/documents/{DOC}/annotations", json=bad)
    assert refused.status_code == 400 and "TextQuoteSelector.exact" in refused.get_json()["error"]["message"]
    refused = eve.post(f"/api/documents/{DOC}/annotations", json={"type": "Annotation", "target": DOC, "body": {}})
    assert refused.status_code == 400 and refused.get_json()["error"]["code"] == "bad_annotation"


def test_history_lists_each_change_and_undo_is_a_change_too(site, eve):
    reader = site.test_client()
    text = body_of(reader)
    eve.post(f"/api/documents/{DOC}/annotations", json=link(DOC, text, "Angora", "chr:erzurum"))
    history = reader.get(f"/api/documents/{DOC}/history").get_json()["entries"]
    assert [e["action"] for e in history] == ["create"]
    entry = history[0]
    assert entry["before"] is None and entry["after"]["body"]["source"] == "chr:erzurum"
    assert entry["who"] == "Eve Markarian"
    undone = eve.post(f"/api/history/{entry['id']}/undo")
    assert undone.status_code == 201 and undone.get_json()["action"] == "undo"
    assert mention(reader.get(f"/api/documents/{DOC}").get_json(), "Angora")["place_id"] == "chr:ankara"
    assert [e["action"] for e in reader.get(f"/api/documents/{DOC}/history").get_json()["entries"]] == \
        ["create", "undo"]


def test_a_pinned_answer_of_the_version_being_corrected_is_revalidated(site, eve):
    reader = site.test_client()
    version = reader.get("/api/corpus").get_json()["version"]
    text = body_of(reader)
    eve.post(f"/api/documents/{DOC}/annotations", json=link(DOC, text, "Angora", "chr:erzurum"))
    pinned = reader.get(f"/api/documents/{DOC}?v={version}")
    assert "immutable" not in pinned.headers["Cache-Control"]
    assert mention(pinned.get_json(), "Angora")["place_id"] == "chr:erzurum"
