"""Every date the API and the exports give also carries its EDTF string (`edtf`), read back by
the `edtf` package to the very interval of its ISO fields; existing fields are unchanged."""
from __future__ import annotations

import json
import time
from datetime import date

import edtf
import pytest

from documents.edtf import period


def _ends(written: str) -> tuple[str | None, str | None]:
    """The first and last day an EDTF string says, by the `edtf` package (None for an open end)."""
    if written.startswith("../"):
        return None, _ends(written[3:])[1]
    if written.endswith("/.."):
        return _ends(written[:-3])[0], None
    parsed = edtf.parse_edtf(written)
    return (time.strftime("%Y-%m-%d", parsed.lower_strict()), time.strftime("%Y-%m-%d", parsed.upper_strict()))


@pytest.mark.parametrize(("first", "last", "expected"), [
    (date(1920, 8, 10), date(1920, 8, 10), "1920-08-10"),
    (date(1921, 1, 1), date(1921, 1, 31), "1921-01"),
    (date(1921, 2, 1), date(1921, 3, 31), "1921-02/1921-03"),
    (date(1920, 1, 1), date(1920, 12, 31), "1920"),
    (date(1920, 8, 1), date(1920, 8, 10), "1920-08-01/1920-08-10"),
    (date(1920, 8, 10), None, "1920-08-10/.."),      # in force, no end recorded
    (None, date(1921, 3, 16), "../1921-03-16"),
    (None, None, None),
])
def test_period_is_the_edtf_of_its_ends(first, last, expected):
    assert period(first, last) == expected
    if expected:
        assert _ends(expected) == (first.isoformat() if first else None, last.isoformat() if last else None)


def _get(client, route: str) -> dict:
    answer = client.get(route)
    assert answer.status_code == 200
    return answer.get_json()


def test_documents_listed_and_shown_carry_their_edtf(client):
    listed = _get(client, "/api/documents?per_page=500")["documents"]
    assert {d["edtf"] for d in listed} >= {"1920-12", "1920-08-10"}   # a month, a day
    for doc in listed:
        assert _ends(doc["edtf"]) == (doc["earliest"], doc["latest"])
        assert list(doc)[:12] == ["id", "title", "heading", "date_text", "earliest", "latest", "precision",
                                  "origin", "kind", "author", "recipient", "source"]   # the contract, then edtf
        shown = _get(client, f"/api/documents/{doc['id']}")
        assert shown["edtf"] == doc["edtf"]
        for movement in shown["movements"]:
            assert _ends(movement["edtf"]) == (movement["earliest"], movement["latest"]) if movement["earliest"] \
                else movement["edtf"] is None


@pytest.mark.parametrize("route", ["/api/movements", "/api/events"])
def test_movements_and_events_carry_their_edtf(client, route):
    features = _get(client, route)["features"]
    assert features
    for feature in features:
        p = feature["properties"]
        assert _ends(p["edtf"]) == (p["earliest"], p["latest"])


def test_a_places_documents_carry_their_edtf(client):
    place = _get(client, "/api/places/chr:goris")["properties"]
    assert place["documents"]
    assert all(_ends(d["edtf"]) == (d["earliest"], d["latest"]) for d in place["documents"])


def test_territory_claims_and_control_carry_their_period_in_edtf(client):
    timeline = [e for t in _get(client, "/api/territories")["features"] for e in t["properties"]["timeline"]]
    assert any(e["edtf"].endswith("/..") for e in timeline)      # a period with no end recorded
    for entry in timeline:
        assert _ends(entry["edtf"]) == (entry["from"], entry["to"])
    on_day = _get(client, "/api/territories?date=1920-08-15")["features"]
    held = [e for t in on_day for e in t["properties"]["claims"] + t["properties"]["control"]]
    assert held and all(_ends(e["edtf"]) == (e["from"], e["to"]) for e in held)


def test_the_openapi_description_names_the_edtf_fields(client):
    schemas = _get(client, "/api/openapi.json")["components"]["schemas"]
    assert schemas["Document"]["properties"]["edtf"] == {"$ref": "#/components/schemas/EDTF"}
    assert "Extended Date/Time Format" in schemas["EDTF"]["description"]


def test_gis_layers_and_lpf_periods_carry_edtf(export, ogrinfo):
    summary = ogrinfo(export("gpkg"))
    for layer in ("mentions", "movements", "territory_periods"):
        block = summary.split(f"Layer name: {layer}\n", 1)[1].split("Layer name:", 1)[0]
        assert "\nedtf: String" in block, layer
    lpf = json.loads(export("lpf").read_text(encoding="utf-8"))
    relations = [r for f in lpf["features"] for r in f.get("relations", [])]
    assert relations
    for relation in relations:
        span = relation["when"]["timespans"][0]
        ends = (span.get("start", {}).get("in"), span.get("end", {}).get("in"))
        assert _ends(relation["when"]["label"]) == ends
