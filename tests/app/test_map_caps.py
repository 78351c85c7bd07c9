"""Answers cut to what a map shows (`limit`, `doc_limit`): the counts of what was left out beside
them, the movements spread over the window, and the default answers left whole."""
from __future__ import annotations

import pytest

from mapapp.atlas.caps import capped_places

WINDOW = "from=1920-07-01&to=1921-03-31"


@pytest.mark.parametrize(("mentions", "limit", "kept"), [
    ({1: 3, 2: 5, 3: 1}, 1, {2}),
    ({1: 3, 2: 5, 3: 1}, 2, {1, 2}),
    ({1: 2, 2: 2, 3: 2}, 2, {1, 2}),          # a tie goes to the place listed first (by name)
    ({1: 2, 2: 2, 3: 9}, 1, {3}),
    ({1: 1, 2: 1}, 5, {1, 2}),                # a limit above the count keeps them all
    ({1: 1, 2: 1}, None, {1, 2}),
])
def test_the_most_mentioned_places_are_kept(mentions, limit, kept):
    rows = [(key, None) for key in mentions]   # in the answer's order (by name)
    assert capped_places(rows, mentions, limit) == kept


def test_capped_movements_are_spread_over_the_window_with_their_total(client):
    whole = client.get(f"/api/movements?{WINDOW}").get_json()["features"]
    assert len(whole) >= 6
    capped = client.get(f"/api/movements?{WINDOW}&limit=3").get_json()
    assert capped["total"] == len(whole) and capped["limit"] == 3
    ids = [f["id"] for f in whole]
    chosen = [ids.index(f["id"]) for f in capped["features"]]
    assert len(chosen) == 3 and chosen == sorted(chosen)
    assert [f["properties"] for f in capped["features"]] == [whole[i]["properties"] for i in chosen]
    # One in every total/3, from the first: not the window's first three.
    assert chosen[0] == 0 and chosen[-1] >= len(whole) * 2 // 3 - 1


def test_a_limit_above_the_count_gives_every_movement(client):
    whole = client.get(f"/api/movements?{WINDOW}").get_json()
    capped = client.get(f"/api/movements?{WINDOW}&limit=5000").get_json()
    assert capped["features"] == whole["features"] and capped["total"] == len(whole["features"])


def test_an_empty_window_has_no_movements_and_says_so(client):
    capped = client.get("/api/movements?from=1700-01-01&to=1700-01-02&limit=10").get_json()
    assert capped == {"type": "FeatureCollection", "features": [], "total": 0, "limit": 10}


def test_capped_places_are_the_most_mentioned_with_their_documents_counted(client):
    whole = client.get(f"/api/places?{WINDOW}").get_json()["features"]
    capped = client.get(f"/api/places?{WINDOW}&limit=3&doc_limit=1").get_json()
    assert capped["total"] == len(whole) > 3
    top = sorted(whole, key=lambda f: -f["properties"]["mentions"])[:3]
    assert {f["id"] for f in capped["features"]} == {f["id"] for f in top}
    by_id = {f["id"]: f["properties"] for f in whole}
    for f in capped["features"]:
        p, was = f["properties"], by_id[f["id"]]
        assert p["documents"] == was["documents"][:1]
        assert p["document_count"] == len(was["documents"]) and p["mentions"] == was["mentions"]


@pytest.mark.parametrize(("caps", "listed"), [("limit=3", None), ("limit=3&doc_limit=0", 0),
                                               ("doc_limit=0", 0), ("doc_limit=2", 2)])
def test_every_shape_of_cap_counts_the_places_documents(client, caps, listed):
    whole = {f["id"]: f["properties"] for f in client.get(f"/api/places?{WINDOW}").get_json()["features"]}
    capped = client.get(f"/api/places?{WINDOW}&{caps}").get_json()
    assert capped["total"] == len(whole) and capped["features"]
    for f in capped["features"]:
        p, was = f["properties"], whole[f["id"]]
        assert p["documents"] == was["documents"][:listed]
        assert p["document_count"] == len(was["documents"]) and p["mentions"] == was["mentions"]


def test_a_popup_gets_a_places_first_documents_and_how_many_there_are(client):
    whole = client.get("/api/places/chr:shusha").get_json()["properties"]
    assert len(whole["documents"]) > 2
    capped = client.get("/api/places/chr:shusha?doc_limit=2").get_json()["properties"]
    assert capped["documents"] == whole["documents"][:2]
    assert capped["document_count"] == len(whole["documents"])
    assert capped["mentions"] == whole["mentions"]
    # "all N documents" is the reader's list of the place's documents.
    assert client.get("/api/documents?place=chr:shusha").get_json()["total"] == capped["document_count"]


def test_the_default_answers_carry_no_counts(client):
    assert "total" not in client.get(f"/api/movements?{WINDOW}").get_json()
    places = client.get(f"/api/places?{WINDOW}").get_json()
    assert "total" not in places and all("document_count" not in f["properties"] for f in places["features"])


@pytest.mark.parametrize("path", ["/api/movements?limit=0", "/api/movements?limit=5001", "/api/places?limit=x",
                                  "/api/places?doc_limit=-1", "/api/places?doc_limit=501",
                                  "/api/places/chr:shusha?doc_limit=1.5"])
def test_a_bad_cap_is_refused_naming_it(client, path):
    answer = client.get(path)
    name = path.split("?")[1].split("=")[0]
    assert answer.status_code == 400 and name in answer.get_json()["error"]["message"]
