"""The written account of a view (`/api/description`): what the map shows on a date, in words,
every statement traceable to its sources, parties in no order of preference."""
from __future__ import annotations

import re

import pytest

from mapapp.description import _Sources as Sources
from mapapp.description import describe, territory_statements


def territory(name, claims=(), control=()):
    entry = lambda party, note=None, source="ref": {"party": party, "note": note, "source": source,  # noqa: E731
                                                    "source_kind": "reference"}
    return {"properties": {"name": name, "claims": [entry(*c) for c in claims],
                           "control": [entry(*c) for c in control]}}


@pytest.mark.parametrize("features, expected", [
    ([territory("Zangezur", [("B",), ("A",)], [("A", "partial")])],
     ["Zangezur: claimed by A and B; held by A (partial), as the sources record it."]),
    ([territory("Kars", [("T",)]), territory("Ardahan", [("T",)])],
     ["Ardahan and Kars: claimed by T; who held it is not recorded, as the sources record it."]),
    ([territory("X", [], [("C",)])],
     ["X: claimed by no party the sources record; held by C, as the sources record it."]),
])
def test_territories_with_the_same_claims_and_control_are_told_together(features, expected):
    assert [s.text for s in territory_statements(features, Sources())] == expected


def test_every_statement_cites_sources_that_exist():
    account = describe("1920-08-10", ("1920-08-01", "1920-08-10"),
                       [territory("Z", [("A", None, "Memorandum, 1919"), ("B", None, "Treaty")])], [], 0, [],
                       ["territories", "movements"])
    cited = [i for s in account.statements for i in s.sources]
    assert sorted(cited) == [0, 1] and [s["label"] for s in account.sources] == ["Memorandum, 1919", "Treaty"]
    assert account.text.startswith("The map on 10 August 1920, with the documents dated from 1 August 1920")


@pytest.fixture
def described(client):
    def get(query: str) -> dict:
        response = client.get(f"/api/description?{query}")
        assert response.status_code == 200, response.get_data(as_text=True)
        return response.get_json()
    return get


def test_the_account_names_every_claim_and_control_the_api_gives_for_the_day(client, described):
    day = "1920-08-10"
    account = described(f"date={day}")
    territories = client.get(f"/api/territories?date={day}").get_json()["features"]
    labels = {s["label"] for s in account["sources"]}
    for t in territories:
        p = t["properties"]
        entries = p.get("claims", []) + p.get("control", [])
        if not entries:
            continue
        statement = next(s for s in account["statements"] if re.search(rf"(^|, | and ){re.escape(p['name'])}[:,]",
                                                                       s["text"]))
        for entry in entries:
            assert entry["party"] in statement["text"]
            assert (entry.get("source") or "no source recorded") in labels or entry.get("document_id")


def test_parties_are_listed_in_alphabetical_order(client, described):
    day = "1920-08-10"
    text = described(f"date={day}")["text"]
    for t in client.get(f"/api/territories?date={day}").get_json()["features"]:
        for relation, word in (("claims", "claimed by "), ("control", "held by ")):
            parties = sorted({e["party"] for e in t["properties"].get(relation, [])})
            if len(parties) < 2:
                continue
            told = text[text.index(t["properties"]["name"]):]
            told = told[told.index(word):]
            assert [told.index(p) for p in parties] == sorted(told.index(p) for p in parties), parties


def test_the_documents_of_the_window_are_counted_and_named(client, described):
    account = described("date=1920-08-10&window=30")
    assert account["window"]["to"] == "1920-08-10"          # the window the map page shows for that view
    total = client.get("/api/documents?from={from}&to={to}".format(**account["window"])).get_json()["total"]
    assert f"{total} documents of the collection fall in this window." in account["text"]
    documents = [s for s in account["sources"] if s["kind"] == "document"]
    assert documents and all(s["url"] == f"/documents/{s['id']}" for s in documents if "url" in s)


def test_movements_quote_the_documents_words(client, described):
    account = described("date=1920-08-10&window=30")
    movements = client.get("/api/movements?from={from}&to={to}".format(**account["window"])).get_json()["features"]
    assert movements
    first = movements[0]["properties"]
    assert f"“{first['text'].strip()}”" in account["text"]


def test_without_the_territories_layer_no_territory_is_told(described):
    assert "claimed by" not in described("date=1920-08-10&layers=places")["text"]


@pytest.mark.parametrize("query, name", [("date=1920-13-45", "date"), ("from=1921-01-01&to=1920-01-01", "from"),
                                         ("z=99", "z")])
def test_a_bad_parameter_is_a_400_naming_it(client, query, name):
    response = client.get(f"/api/description?{query}")
    assert response.status_code == 400
    assert response.get_json()["error"]["message"].startswith(name)
