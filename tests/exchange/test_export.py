"""`chronotope export`: every format written whole, and read back by its real consumer
(GDAL for GeoJSON, LPF and GeoPackage; the TEI P5 RelaxNG schema; Python's csv; a JSON schema
of the World Historical Gazetteer's LPF rules)."""
from __future__ import annotations

import csv
import json
import re
from importlib import resources

import jsonschema
import pytest
from lxml import etree

from mapapp.atlas.store import open_atlas
from mapapp.exchange.tei import Span, date_attrs, marked_up


@pytest.fixture(scope="session")
def atlas(atlas_path):
    return open_atlas(location=atlas_path)


@pytest.fixture(scope="session")
def documents(atlas):
    listed = atlas.documents(page=__import__("mapapp.atlas.store", fromlist=["Page"]).Page(1, 500))["documents"]
    return [atlas.document(d["id"]) for d in listed]


def _counts(summary: str) -> dict[str, int]:
    return {m[1]: int(m[2]) for m in re.finditer(r"Layer name: (\S+)\n(?:.*\n)*?Feature Count: (\d+)", summary)}


def test_geojson_layers_open_in_gdal_with_every_record(export, ogrinfo, atlas, documents):
    out = export("geojson")
    mentions = sum(len([m for m in d["places"] if m.get("lat") is not None]) for d in documents)
    periods = sum(len(t["properties"]["timeline"]) for t in atlas.territories()["features"])
    expected = {"places": len(atlas.places()["features"]), "mentions": mentions,
                "movements": len(atlas.movements()["features"]), "territory_periods": periods}
    for layer, count in expected.items():
        assert count > 0
        assert _counts(ogrinfo(out / f"{layer}.geojson")) == {layer: count}


def test_geojson_is_rfc_7946_lon_then_lat(export, bundled_goris):
    data = json.loads((export("geojson") / "places.geojson").read_text(encoding="utf-8"))
    assert "crs" not in data and data["type"] == "FeatureCollection"
    goris = next(f for f in data["features"] if f["properties"]["id"] == "chr:goris")
    assert goris["geometry"]["coordinates"] == [bundled_goris.lon, bundled_goris.lat]


@pytest.fixture(scope="session")
def bundled_goris():
    from gazetteer.places.lpf import bundled_place_files, load_places

    return next(p for path in bundled_place_files() for p in load_places(path) if p.id == "chr:goris")


def test_geopackage_has_four_layers_with_real_date_columns(export, ogrinfo, atlas):
    summary = ogrinfo(export("gpkg"))
    counts = _counts(summary)
    assert set(counts) == {"places", "mentions", "movements", "territory_periods"}
    assert counts["places"] == len(atlas.places()["features"])
    assert counts["movements"] == len(atlas.movements()["features"])
    assert re.search(r"^earliest: Date", summary, re.M) and re.search(r"^from: Date", summary, re.M)


# The World Historical Gazetteer's LPF rules, as a JSON schema: what its validator requires.
LPF_RULES = {
    "type": "object", "required": ["@context", "type", "features"],
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {"type": "array", "items": {
            "type": "object", "required": ["@id", "type", "properties", "names"],
            "properties": {
                "@id": {"type": "string", "pattern": "^https?://"},
                "type": {"const": "Feature"},
                "properties": {"type": "object", "required": ["title"],
                               "properties": {"title": {"type": "string", "minLength": 1}}},
                "names": {"type": "array", "minItems": 1, "items": {
                    "type": "object", "required": ["toponym"],
                    "properties": {"toponym": {"type": "string", "minLength": 1}}}},
                "geometry": {"type": "object", "required": ["type"], "properties": {
                    "type": {"enum": ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon",
                                      "MultiPolygon", "GeometryCollection"]},
                    "certainty": {"enum": ["certain", "less-certain", "uncertain"]}}},
                "certainty": {"enum": ["certain", "less-certain", "uncertain"]},
                "links": {"type": "array", "items": {"type": "object", "required": ["type", "identifier"], "properties": {
                    "type": {"enum": ["closeMatch", "exactMatch", "primaryTopicOf", "subjectOf"]}}}},
                "when": {"type": "object", "required": ["timespans"]},
            }}}}}


def test_lpf_meets_the_whg_rules_and_opens_in_gdal(export, ogrinfo, atlas):
    out = export("lpf")
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, LPF_RULES)
    places, territories = len(atlas.places()["features"]), len(atlas.territories()["features"])
    assert len(data["features"]) == places + territories
    assert sum(_counts(ogrinfo(out)).values()) == places + territories


def test_lpf_places_keep_their_names_sources_and_geonames_links(export):
    data = json.loads(export("lpf").read_text(encoding="utf-8"))
    goris = next(f for f in data["features"] if f["properties"].get("chronotope_id") == "chr:goris")
    assert {"Goris", "Geryusy"} <= {n["toponym"] for n in goris["names"]}
    assert goris["geometry"]["citations"][0]["label"]
    assert any(link["identifier"].startswith("https://sws.geonames.org/") for link in goris.get("links", []))


def test_lpf_territories_give_a_timespan_and_a_source_per_claim_and_control(export, atlas):
    data = json.loads(export("lpf").read_text(encoding="utf-8"))
    by_id = {f["properties"]["chronotope_id"]: f for f in data["features"]}
    for territory in atlas.territories()["features"]:
        exported = by_id[territory["properties"]["id"]]
        timeline = territory["properties"]["timeline"]
        assert len(exported["relations"]) == len(timeline) == len(exported["when"]["timespans"])
        assert all(r["citations"][0]["label"] for r in exported["relations"])


@pytest.fixture(scope="session")
def tei_schema():
    return etree.RelaxNG(etree.parse(str(resources.files("schemas") / "tei_all.rng")))


def test_every_tei_document_is_valid_tei_p5(export, tei_schema, documents):
    out = export("tei")
    files = sorted(out.glob("*.xml"))
    assert len(files) == len(documents)
    for path in files:
        assert tei_schema.validate(etree.parse(str(path))), (path.name, tei_schema.error_log.filter_from_errors()[:3])


def test_tei_marks_up_each_place_mention_with_its_place(export, documents):
    ns = {"tei": "http://www.tei-c.org/ns/1.0"}
    doc = max(documents, key=lambda d: len(d["places"]))
    tree = etree.parse(str(export("tei") / f"{doc['id']}.xml"))
    marked = tree.findall(".//tei:body//tei:placeName", ns)
    assert [m.xpath("string()") for m in marked] == [m["text"] for m in doc["places"]]
    ids = {p.get("{http://www.w3.org/XML/1998/namespace}id") for p in tree.findall(".//tei:standOff//tei:place", ns)}
    assert {m.get("ref")[1:] for m in marked if m.get("ref")} <= ids
    body = "".join(p.xpath("string()") + "\n" for p in tree.findall(".//tei:body//tei:p", ns))
    assert body.split() == doc["body"].split()        # the text itself comes through unchanged


@pytest.mark.parametrize("earliest, latest, attrs", [
    ("1920-08-10", "1920-08-10", (("when", "1920-08-10"),)),
    ("1921-01-01", "1921-01-31", (("notBefore", "1921-01-01"), ("notAfter", "1921-01-31"))),
    (None, None, ()),
])
def test_tei_dates_are_a_day_or_an_interval(earliest, latest, attrs):
    assert date_attrs(earliest, latest) == attrs


@pytest.mark.parametrize("text, spans, xml", [
    ("From Goris to Shusha.", [Span(5, 10, "placeName", ()), Span(14, 20, "placeName", ())],
     "From <placeName>Goris</placeName> to <placeName>Shusha</placeName>."),
    ("left Goris", [Span(0, 10, "seg", ()), Span(5, 10, "placeName", ())],
     "<seg>left <placeName>Goris</placeName></seg>"),
    ("a < b & c", [Span(0, 9, "seg", (("n", '"1"'),))], '<seg n=\'"1"\'>a &lt; b &amp; c</seg>'),
    ("crossing spans", [Span(0, 8, "seg", ()), Span(4, 14, "date", ())], "<seg>crossing</seg> spans"),
])
def test_spans_nest_and_text_is_escaped(text, spans, xml):
    assert marked_up(text, spans) == xml


def test_csv_has_one_row_per_mention(export, documents):
    with export("csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == sum(len(d["places"]) for d in documents)
    first = documents[0]["places"][0]
    row = next(r for r in rows if r["document_id"] == documents[0]["id"] and int(r["start"]) == first["start"])
    assert row["text"] == first["text"] and row["place_id"] == first["place_id"] and row["review"] == "machine"


def test_export_on_a_date_keeps_that_day(export, atlas):
    day = "1920-08-10"
    data = json.loads(export("lpf", "--date", day).read_text(encoding="utf-8"))
    for feature in data["features"]:
        for span in feature.get("when", {}).get("timespans", []) if "relations" in feature else []:
            assert span.get("start", {}).get("in", "0000") <= day <= span.get("end", {}).get("in", "9999")
    assert data["chronotope"]["on"] == day


def test_a_bad_date_or_a_missing_atlas_is_one_line(runner, tmp_path):
    bad = runner.invoke(["export", "--format", "csv", "--out", str(tmp_path / "x.csv"), "--date", "1920-13-45"])
    assert bad.exit_code == 2 and bad.stderr.strip().startswith("error: --date") and "Traceback" not in bad.output
    missing = runner.invoke(["export", "--format", "csv", "--out", str(tmp_path / "x.csv"),
                             "--atlas", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2 and "run `chronotope build`" in missing.stderr
    assert not (tmp_path / "x.csv").exists()
