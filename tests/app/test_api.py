"""The shape and the filters of every API route, checked against the atlas of the seed pages,
on both stores: the SQLite atlas and the same atlas published into PostgreSQL/PostGIS."""
from __future__ import annotations

import re
import shutil
import sqlite3
from contextlib import closing

import pytest

LIST_KEYS = {"id", "title", "heading", "date_text", "earliest", "latest", "precision", "origin", "kind", "author",
             "recipient", "source", "edtf", "calendar", "date_as_written"}
MENTION_KEYS = {"start", "end", "text", "place_id", "name", "kind", "lat", "lon", "score", "uncertainty_km"}
ROUTE_KEYS = {"start", "end", "text", "kind", "actor", "status", "earliest", "latest", "waypoints", "approximate"}
PLACE_KEYS = {"id", "name", "kind", "names", "certainty", "uncertainty_km", "coord_source", "mentions", "documents",
              "period_name", "links"}
EVENT_KEYS = {"document_id", "document_title", "earliest", "latest", "edtf", "place_id", "name", "kind", "text",
              "start", "end"}


def all_documents(client, query: str = "") -> list[dict]:
    answer = client.get(f"/api/documents?per_page=500&{query}").get_json()
    assert answer["total"] == len(answer["documents"])
    return answer["documents"]


def overlaps(doc: dict, start: str, end: str) -> bool:
    return doc["earliest"] is not None and doc["earliest"] <= end and doc["latest"] >= start


def assert_feature_collection(response, geometry_types=("Point",)) -> list[dict]:
    assert response.status_code == 200
    assert response.mimetype == "application/geo+json"
    body = response.get_json()
    assert body["type"] == "FeatureCollection"
    for feature in body["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] in geometry_types
        assert_lon_lat(feature["geometry"])
    return body["features"]


def assert_lon_lat(geometry: dict) -> None:
    """RFC 7946 positions are [lon, lat] numbers in range (their order is checked against records below)."""
    def positions(coords):
        if isinstance(coords[0], (int, float)):
            yield coords
        else:
            for inner in coords:
                yield from positions(inner)

    for lon, lat, *_ in positions(geometry["coordinates"]):
        assert -180 <= lon <= 180 and -90 <= lat <= 90, (lon, lat)


@pytest.fixture(params=["sqlite", "postgresql"])
def app(request, app_for, atlas_path):
    """The app on the seed pages' atlas, read from its SQLite file or from PostgreSQL."""
    if request.param == "postgresql":
        return app_for(atlas_path, DATABASE_URL=request.getfixturevalue("pg_atlas_url"))
    return app_for(atlas_path)


@pytest.fixture
def corpus(client) -> dict:
    return client.get("/api/corpus").get_json()


@pytest.fixture
def documents(client) -> list[dict]:
    return all_documents(client)


def test_corpus_gives_the_slider_its_range(corpus, documents):
    assert corpus["count"] == len(documents) > 0
    dated = [d for d in documents if d["earliest"]]
    assert corpus["earliest"] == min(d["earliest"] for d in dated)
    assert corpus["latest"] == max(d["latest"] for d in dated)
    assert corpus["dates"] == sorted({d["earliest"] for d in dated})
    assert re.fullmatch(r"[0-9a-f]{12}", corpus["version"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", corpus["built_at"])


def test_documents_are_listed_by_date_then_id(client, documents):
    assert all(set(d) == LIST_KEYS for d in documents)
    keys = [(d["earliest"] is None, d["earliest"] or "", d["id"]) for d in documents]
    assert keys == sorted(keys)
    assert client.get("/api/documents").mimetype == "application/json"


def test_the_window_selects_documents_whose_dates_overlap_it(client, corpus, documents):
    middle = corpus["dates"][len(corpus["dates"]) // 2]
    start, end = corpus["dates"][0], middle
    selected = all_documents(client, f"from={start}&to={end}")
    assert selected == [d for d in documents if overlaps(d, start, end)]
    assert 0 < len(selected) < len(documents)
    later = all_documents(client, f"from={middle}")
    assert later == [d for d in documents if d["latest"] and d["latest"] >= middle]


def test_paging_walks_the_whole_list(client, documents):
    seen, page = [], 1
    while True:
        answer = client.get(f"/api/documents?per_page=5&page={page}").get_json()
        assert (answer["page"], answer["per_page"], answer["total"]) == (page, 5, len(documents))
        if not answer["documents"]:
            break
        seen += answer["documents"]
        page += 1
    assert seen == documents


def test_full_text_search_finds_the_documents_holding_every_word(client, documents):
    detail = client.get(f"/api/documents/{documents[0]['id']}").get_json()
    words = [w for w in re.findall(r"[A-Za-z]{7,}", detail["body"])][:2]
    found = all_documents(client, "q=" + "+".join(words))
    assert documents[0]["id"] in [d["id"] for d in found]
    for doc in found:
        text = client.get(f"/api/documents/{doc['id']}").get_json()
        haystack = f"{text['title']} {text['body']}".lower()
        assert all(w.lower() in haystack for w in words)


def test_search_syntax_in_the_query_is_taken_literally(client):
    assert client.get('/api/documents?q="unbalanced AND (NEAR').status_code == 200


def test_a_document_carries_its_text_places_dates_and_movements(client, documents):
    for listed in documents:
        doc = client.get(f"/api/documents/{listed['id']}").get_json()
        assert LIST_KEYS | {"body", "archive_ref", "published_in", "citation", "places", "dates", "movements",
                            "prev", "next", "collection", "editorial_notes"} == set(doc)
        assert {k: doc[k] for k in LIST_KEYS} == listed
        for mention in doc["places"]:
            assert set(mention) >= MENTION_KEYS
            assert doc["body"][mention["start"]:mention["end"]] == mention["text"]
            place = client.get(f"/api/places/{mention['place_id']}").get_json()
            assert place["geometry"]["coordinates"] == [mention["lon"], mention["lat"]]
        for found in doc["dates"]:
            assert {"text", "start", "end", "earliest", "latest", "calendar", "as_written"} <= set(found)
            assert doc["body"][found["start"]:found["end"]] == found["text"]
        for route in doc["movements"]:
            assert set(route) >= ROUTE_KEYS


def test_prev_and_next_follow_the_list_order(client, documents):
    ids = [d["id"] for d in documents]
    for i, doc_id in enumerate(ids):
        doc = client.get(f"/api/documents/{doc_id}").get_json()
        assert doc["prev"] == (ids[i - 1] if i > 0 else None)
        assert doc["next"] == (ids[i + 1] if i + 1 < len(ids) else None)


def test_places_count_the_mentions_of_the_window(client, corpus):
    start, end = corpus["dates"][0], corpus["dates"][-1]
    features = assert_feature_collection(client.get(f"/api/places?from={start}&to={end}"))
    events = assert_feature_collection(client.get(f"/api/events?from={start}&to={end}"))
    assert features, "the seed pages mention places"
    for feature in features:
        props = feature["properties"]
        assert set(props) == PLACE_KEYS
        assert all({"toponym", "lang"} <= set(n) <= {"toponym", "lang", "years", "note"} for n in props["names"])
        of_place = [e["properties"] for e in events if e["properties"]["place_id"] == props["id"]]
        assert props["mentions"] == len(of_place)
        assert all(e["geometry"] == feature["geometry"] for e in events if e["properties"]["place_id"] == props["id"])
        assert set(props["documents"]) == {e["document_id"] for e in of_place}


def test_the_bbox_keeps_the_places_inside_it(client):
    features = assert_feature_collection(client.get("/api/places"))
    lons = sorted(f["geometry"]["coordinates"][0] for f in features)
    west = lons[len(lons) // 2]
    inside = assert_feature_collection(client.get(f"/api/places?bbox={west},-90,180,90"))
    assert [f["id"] for f in inside] == [f["id"] for f in features if f["geometry"]["coordinates"][0] >= west]
    assert 0 < len(inside) < len(features) or len(set(lons)) == 1


def test_places_can_be_searched_by_name(client):
    features = assert_feature_collection(client.get("/api/places"))
    name = features[0]["properties"]["name"]
    found = assert_feature_collection(client.get(f"/api/places?q={name.lower()}"))
    assert features[0]["id"] in [f["id"] for f in found]
    for feature in found:
        names = [feature["properties"]["name"]] + [n["toponym"] for n in feature["properties"]["names"]]
        assert any(name.lower() in n.lower() for n in names)


def test_a_place_lists_its_documents_in_date_order(client):
    listed = assert_feature_collection(client.get("/api/places"))[0]
    response = client.get(f"/api/places/{listed['id']}")
    assert response.mimetype == "application/geo+json"
    feature = response.get_json()
    assert feature["type"] == "Feature" and feature["geometry"] == listed["geometry"]
    docs = feature["properties"]["documents"]
    assert [d["id"] for d in docs] == listed["properties"]["documents"]
    assert all(set(d) == {"id", "title", "earliest", "latest", "date_text", "edtf", "kind", "author", "recipient"}
               for d in docs)
    assert {"note", "parent"} <= set(feature["properties"])


def test_the_place_filter_lists_the_documents_naming_it(client):
    place = assert_feature_collection(client.get("/api/places"))[0]
    docs = all_documents(client, f"place={place['id']}")
    assert [d["id"] for d in docs] == place["properties"]["documents"]


def test_movements_are_lines_or_points_with_their_document(client, documents):
    features = assert_feature_collection(client.get("/api/movements"), ("LineString", "Point"))
    titles = {d["id"]: d["title"] for d in documents}
    for feature in features:
        props = feature["properties"]
        assert set(props) >= ROUTE_KEYS | {"document_id", "document_title"}
        assert props["document_title"] == titles[props["document_id"]]
        if feature["geometry"]["type"] == "LineString":
            assert len(feature["geometry"]["coordinates"]) >= 2


def test_movements_of_a_window_are_those_dated_within_it(client, corpus, documents):
    """A movement without dates of its own takes its document's."""
    by_id = {d["id"]: d for d in documents}
    everything = assert_feature_collection(client.get("/api/movements"), ("LineString", "Point"))

    def dates(props):
        doc = by_id[props["document_id"]]
        return props["earliest"] or doc["earliest"], props["latest"] or doc["latest"]

    for day in corpus["dates"]:
        within = assert_feature_collection(client.get(f"/api/movements?from={day}&to={day}"),
                                           ("LineString", "Point"))
        expected = [f["id"] for f in everything if dates(f["properties"])[0] <= day <= dates(f["properties"])[1]]
        assert [f["id"] for f in within] == expected


def test_events_are_the_mentions_of_the_window(client, corpus, documents):
    day = corpus["dates"][0]
    features = assert_feature_collection(client.get(f"/api/events?from={day}&to={day}"))
    docs = {d["id"] for d in documents if overlaps(d, day, day)}
    expected = 0
    for doc_id in docs:
        expected += len(client.get(f"/api/documents/{doc_id}").get_json()["places"])
    assert len(features) == expected
    assert all(set(f["properties"]) == EVENT_KEYS and f["properties"]["document_id"] in docs for f in features)


@pytest.mark.parametrize("day", ["1920-08-10", "1920-12-23", "1921-03-01"])
def test_territories_on_a_date_hold_the_claims_and_control_in_force(client, day):
    response = client.get(f"/api/territories?date={day}")
    features = assert_feature_collection(response, ("Polygon", "MultiPolygon"))
    timelines = {f["id"]: f["properties"]["timeline"] for f in client.get("/api/territories").get_json()["features"]}
    assert features and set(timelines) == {f["id"] for f in features}
    for feature in features:
        props = feature["properties"]
        assert {"id", "name", "names", "level", "method", "certainty", "sources", "claims", "control"} <= set(props)
        for relation in ("claim", "control"):
            in_force = [{k: v for k, v in e.items() if k != "relation"} for e in timelines[feature["id"]]
                        if e["relation"] == relation and (e["from"] or "") <= day <= (e["to"] or "9999")]
            assert props["claims" if relation == "claim" else "control"] == in_force


def test_search_works_without_full_text_index(client, app_for, atlas_path, tmp_path, documents):
    """An SQLite without FTS5 falls back to substring search: a superset of the word matches."""
    copy = tmp_path / "atlas"
    shutil.copytree(atlas_path, copy)
    (path,) = copy.glob("atlas-*.sqlite")
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("UPDATE meta SET value = '0' WHERE key = 'fts'")
    plain = app_for(copy).test_client()
    body = client.get(f"/api/documents/{documents[-1]['id']}").get_json()["body"]
    word = max(re.findall(r"[A-Za-z]{6,}", body), key=len)
    with_fts = {d["id"] for d in all_documents(client, f"q={word}")}
    without = plain.get(f"/api/documents?per_page=500&q={word}").get_json()["documents"]
    assert with_fts <= {d["id"] for d in without} and documents[-1]["id"] in with_fts
    for doc in without:
        text = plain.get(f"/api/documents/{doc['id']}").get_json()
        assert word.lower() in f"{text['title']} {text['body']}".lower()
