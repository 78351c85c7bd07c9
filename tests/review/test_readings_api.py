"""Movements and dates corrected through the API: what the map and the document answer then show."""
from __future__ import annotations

from tests.review.conftest import DOC, quote

LETTER = "1921-01-01-letter-chairman-armenian-revkom-6774b6"   # names "November 30, 1920"


def annotate(client, exact: str, body: dict, doc: str = DOC):
    text = client.get(f"/api/documents/{doc}").get_json()["body"]
    made = client.post(f"/api/documents/{doc}/annotations", json={
        "type": "Annotation", "body": body, "target": {"source": doc, "selector": quote(text, exact)}})
    assert made.status_code == 201, made.get_data(as_text=True)
    return made


def ours(client, route: str) -> list[dict]:
    return [f for f in client.get(route).get_json()["features"] if f["properties"]["document_id"] == DOC]


def test_a_false_movement_deleted_leaves_the_map_but_stays_in_the_document(site, eve):
    reader = site.test_client()
    movement = reader.get(f"/api/documents/{DOC}").get_json()["movements"][0]
    assert ours(reader, "/api/movements")
    annotate(eve, movement["text"], {"type": "TextualBody", "purpose": "assessing", "value": "not-a-movement"})
    assert reader.get(f"/api/documents/{DOC}").get_json()["movements"][0]["review"]["status"] == "rejected"
    assert ours(reader, "/api/movements") == []


def test_a_missed_movement_added_is_drawn_through_its_waypoints_in_order(site, eve):
    reader = site.test_client()
    before = len(ours(reader, "/api/movements"))
    annotate(eve, "Estonia, Latvia, and Lithuania", {
        "type": "MovementValue", "purpose": "editing", "actor": "the Red Army", "kind": "advance",
        "status": "carried out", "earliest": "1920-12-01", "latest": "1920-12-20",
        "waypoints": ["chr:estonia", "chr:latvia", "chr:lithuania"]})
    features = ours(reader, "/api/movements")
    assert len(features) == before + 1
    added = next(f for f in features if f["properties"]["review"] and f["properties"]["review"]["status"] == "added")
    assert added["geometry"]["type"] == "LineString" and len(added["geometry"]["coordinates"]) == 3
    assert [w["place_id"] for w in added["properties"]["waypoints"]] == ["chr:estonia", "chr:latvia", "chr:lithuania"]
    assert added["properties"]["actor"] == "the Red Army"
    in_window = reader.get("/api/movements?from=1920-12-05&to=1920-12-06").get_json()["features"]
    assert added["id"] in [f["id"] for f in in_window]


def test_a_date_in_the_text_corrected_and_one_added(site, eve):
    reader = site.test_client()
    found = reader.get(f"/api/documents/{LETTER}").get_json()["dates"][0]
    annotate(eve, found["text"], {"type": "DateValue", "purpose": "editing", "earliest": "1920-11-17",
                                  "latest": "1920-11-17", "precision": "day", "calendar": "julian"}, LETTER)
    annotate(eve, "Revkom", {"type": "DateValue", "purpose": "editing", "earliest": "1919-03-02",
                             "latest": "1919-03-06", "precision": "range"}, LETTER)
    dates = reader.get(f"/api/documents/{LETTER}").get_json()["dates"]
    corrected = next(d for d in dates if d["start"] == found["start"])
    assert (corrected["earliest"], corrected["review"]["status"]) == ("1920-11-30", "corrected")
    assert corrected["as_written"] == {"earliest": "1920-11-17", "latest": "1920-11-17", "calendar": "julian"}
    added = next(d for d in dates if d["text"] == "Revkom")
    assert (added["earliest"], added["latest"], added["review"]["status"]) == ("1919-03-02", "1919-03-06", "added")
