"""`chronotope movements` and the routes of `chronotope geoparse --json`, through the real CLI."""
from __future__ import annotations

import json

import pytest

from gazetteer.model import LonLat, Movement, Place
from mapapp.atlas.packing import unpack

PROPERTIES = {"kind", "actor", "status", "earliest", "latest", "text", "start", "end", "document_id",
              "source", "waypoints", "approximate", "in_heading", "party", "edtf"}
ROUTE_KEYS = {"start", "end", "text", "kind", "actor", "party", "status", "earliest", "latest", "edtf", "waypoints",
              "approximate"}

REPORT = """---
title: Report on the Zangezur front
date: 1920-08-12
origin: Goris
---
Our troops entered Sisian. The Armenian detachments retreated from Goris to Kapan.
"""


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "report.md"
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_json_is_one_feature_collection_of_lines_and_points(runner, report):
    result = runner.invoke(["movements", str(report), "--json"])
    assert result.exit_code == 0
    collection = json.loads(result.output)
    assert collection["type"] == "FeatureCollection"
    (entered, retreated) = collection["features"]
    assert all(set(f["properties"]) == PROPERTIES for f in collection["features"])
    assert entered["geometry"]["type"] == "Point"
    assert (entered["properties"]["kind"], entered["properties"]["actor"]) == ("occupation", "Our troops")
    assert retreated["geometry"]["type"] == "LineString"
    assert [w["name"] for w in retreated["properties"]["waypoints"]] == ["Goris", "Kapan"]
    assert retreated["properties"]["earliest"] == "1920-08-12"  # the document's date
    assert retreated["properties"]["source"] == "report.md"
    assert retreated["properties"]["approximate"] is False  # along the Goris–Kapan road
    assert not any(f["properties"]["in_heading"] for f in collection["features"])


HEADED = """---
title: Armenian troops withdrew from Kars to Alexandropol
date: 1920-10-31
---
The population remained in the town.
"""


def test_a_movement_in_the_heading_is_listed_with_offsets_into_the_title(runner, tmp_path):
    path = tmp_path / "headed.md"
    path.write_text(HEADED, encoding="utf-8")
    result = runner.invoke(["movements", str(path), "--json"])
    assert result.exit_code == 0
    (feature,) = json.loads(result.output)["features"]
    props = feature["properties"]
    title = "Armenian troops withdrew from Kars to Alexandropol"
    assert props["in_heading"] is True
    assert title[props["start"]:props["end"]] == props["text"] == title
    assert [w["name"] for w in props["waypoints"]] == ["Kars", "Gyumri"]
    assert props["earliest"] == "1920-10-31"


def test_the_atlas_stores_heading_movements_flagged(tmp_path):
    from mapapp.atlas.rows import analyse_source

    path = tmp_path / "headed.md"
    path.write_text(HEADED, encoding="utf-8")
    (row,) = analyse_source(path).movements
    record = json.loads(unpack("movement", row["props"]))
    assert record["in_heading"] is True and record["text"].startswith("Armenian troops withdrew")


def test_table_lists_each_movement(runner, report):
    result = runner.invoke(["movements", str(report)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["DOCUMENT", "DATE", "KIND", "STATUS", "ACTOR", "ROUTE"]
    assert "Goris → Kapan" in lines[2] and "withdrawal" in lines[2]


def test_default_is_the_bundled_corpus(runner):
    result = runner.invoke(["movements", "--json"])
    assert result.exit_code == 0
    features = json.loads(result.output)["features"]
    by_actor = {f["properties"]["actor"]: f for f in features}
    khalil = by_actor["Khalil Pasha"]["properties"]
    assert (khalil["kind"], khalil["earliest"], [w["name"] for w in khalil["waypoints"]]) == \
        ("journey", "1920-08-06", ["Baku"])  # "departed for Baku on 6/VIII"
    route = next(f for f in features if f["properties"]["text"].startswith("Shusha–Geryusy"))
    assert route["properties"]["status"] == "ordered, not secured"
    assert route["properties"]["approximate"] is False
    assert len(route["geometry"]["coordinates"]) >= 7  # along the road, not five straight legs


def test_bad_network_file_is_one_error_line(runner, report, tmp_path):
    broken = tmp_path / "roads.geojson"
    broken.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Dead end", "kind": "road", "source": "x",
                                           "certainty": "approximate"},
         "geometry": {"type": "LineString", "coordinates": [[45, 40]]}}]}), encoding="utf-8")
    result = runner.invoke(["movements", str(report), "--network", str(broken)])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == \
        [f"error: {broken}: record #1 (Dead end): a LineString needs at least two positions"]


def test_a_network_without_the_road_makes_lines_approximate(runner, report, tmp_path):
    elsewhere = tmp_path / "roads.geojson"
    elsewhere.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Far road", "kind": "road", "source": "x",
                                           "certainty": "approximate"},
         "geometry": {"type": "LineString", "coordinates": [[40, 40], [41, 41]]}}]}), encoding="utf-8")
    result = runner.invoke(["movements", str(report), "--json", "--network", str(elsewhere)])
    retreated = json.loads(result.output)["features"][1]
    assert retreated["properties"]["approximate"] is True


def test_geoparse_json_fills_routes(runner, tmp_path):
    text = tmp_path / "passage.txt"
    text.write_text("Armenian troops retreated from Kars to Alexandropol.", encoding="utf-8")
    result = runner.invoke(["geoparse", str(text), "--json"])
    assert result.exit_code == 0
    (route,) = json.loads(result.output)["routes"]
    assert set(route) == ROUTE_KEYS
    assert (route["kind"], route["actor"], route["status"]) == ("withdrawal", "Armenian troops", "occurred")
    assert [w["name"] for w in route["waypoints"]] == ["Kars", "Gyumri"]
    assert set(route["waypoints"][0]) == {"place_id", "name", "lat", "lon"}
    assert route["text"] == "Armenian troops retreated from Kars to Alexandropol"


def test_cli_and_api_draw_each_movement_of_the_bundled_corpus_alike(runner, client):
    # One function builds a movement's Feature for both: same geometry type and coordinates.
    result = runner.invoke(["movements", "--json"])
    assert result.exit_code == 0
    cli = {(f["properties"]["document_id"], f["properties"]["start"], f["properties"]["in_heading"]): f
           for f in json.loads(result.output)["features"]}
    api = {(f["properties"]["document_id"], f["properties"]["start"], f["properties"].get("in_heading", False)): f
           for f in client.get("/api/movements").get_json()["features"]}
    assert len(cli) >= 20 and cli.keys() == api.keys()
    assert {k: f["geometry"] for k, f in cli.items()} == {k: f["geometry"] for k, f in api.items()}
    shared = PROPERTIES - {"source", "in_heading"}
    assert all({p: cli[k]["properties"][p] for p in shared} == {p: api[k]["properties"][p] for p in shared}
               for k in cli)


GORIS = Place("goris", "Goris", "settlement", 46.34, 39.51)
KAPAN = Place("kapan", "Kapan", "settlement", 46.41, 39.21)


@pytest.mark.parametrize(("waypoints", "path", "geometry"), [
    ((GORIS,), (), {"type": "Point", "coordinates": [46.34, 39.51]}),
    ((GORIS, KAPAN), (), {"type": "LineString", "coordinates": [[46.34, 39.51], [46.41, 39.21]]}),
    ((GORIS, GORIS), (LonLat(46.34, 39.51), LonLat(46.34, 39.51)), {"type": "Point", "coordinates": [46.34, 39.51]}),
    ((GORIS, KAPAN), (LonLat(46.34, 39.51), LonLat(46.34, 39.51), LonLat(46.41, 39.21)),
     {"type": "LineString", "coordinates": [[46.34, 39.51], [46.41, 39.21]]}),
])
def test_the_command_and_the_atlas_build_one_geometry(waypoints, path, geometry):
    from mapapp.analysis.pipeline import route_record
    from mapapp.atlas.rows import movement_row
    from mapapp.cli.movements_cmd import movement_feature

    movement = Movement(0, 5, "moved", "advance", "occurred", None, None, waypoints, path=path)
    row = movement_row({"id": "d1", "title": "T", "earliest": None, "latest": None}, 0, movement,
                       route_record(movement), "Armies moved")
    assert movement_feature(movement, "d1", "d1.txt")["geometry"] == json.loads(unpack("geometry", row["geometry"])) == geometry


@pytest.mark.parametrize("field, value", [
    ("actor", "the Red\ntroops"),
    ("actor", "our  troops\r\n(2nd brigade)"),
    ("status", "ordered,\nnot secured"),
    ("kind", "advance\n"),
])
def test_a_newline_inside_a_cell_keeps_the_table_one_line_per_movement(field, value):
    from mapapp.cli.movements_cmd import table_lines

    props = {"document_id": "d-1", "earliest": "1920-08-10", "latest": "1920-08-10", "kind": "advance",
             "status": "occurred", "actor": "our troops", "approximate": False,
             "waypoints": [{"name": "Goris"}, {"name": "Nakhichevan\n(town)"}]}
    lines = table_lines([{"properties": {**props, field: value}}], 200)
    assert len(lines) == 2 and all("\n" not in line and "\r" not in line for line in lines)
    assert " ".join(value.split()) in lines[1]
