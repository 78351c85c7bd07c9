"""`chronotope gazetteer import` of GIS files: GeoJSON points and GeoPackage layers into the user
layer, every row checked first, what is defaulted said, what was in the layer kept; and the
GeoPackage export's places layer imported back gives the same places."""
from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.harness import chronotope_command

DATA = Path(__file__).parent / "data"


def _run(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "CHRONOTOPE_HOME": str(home)}
    return subprocess.run([*chronotope_command(), *args], capture_output=True, text=True, env=env, timeout=300)


def _layer(home: Path, name: str) -> dict[str, dict]:
    data = json.loads((home / "gazetteer" / name).read_text(encoding="utf-8"))
    return {f["@id"]: f for f in data["features"]}


@pytest.fixture
def gpkg(tmp_path) -> Path:
    """The test places as a GeoPackage, written by GDAL's ogr2ogr (a layer named 'points')."""
    ogr2ogr = shutil.which("ogr2ogr")
    if ogr2ogr is None:
        pytest.fail("ogr2ogr is missing: install Debian's gdal-bin (the README's test command does)")
    out = tmp_path / "field.gpkg"
    subprocess.run([ogr2ogr, "-f", "GPKG", str(out), str(DATA / "places.geojson"), "-nln", "points"],
                   check=True, capture_output=True, timeout=60)
    return out


def test_geojson_points_come_in_with_their_names_kind_and_source(tmp_path):
    done = _run(tmp_path, "gazetteer", "import", str(DATA / "places.geojson"))
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"imported 3 places into {tmp_path / 'gazetteer' / 'places.lpf.json'}\n"
    places = _layer(tmp_path, "places.lpf.json")
    tatev = places["mine:tatev"]
    assert tatev["geometry"]["coordinates"] == [46.2502, 39.3797]
    assert tatev["properties"]["kind"] == "settlement"
    assert tatev["properties"]["coord_source"] == "QGIS, digitised from a 1:200 000 sheet, J-38-XX"
    assert {(n["toponym"], n.get("lang")) for n in tatev["names"]} == {
        ("Tatev", "en"), ("Tathev", None), ("Datev", None), ("Տաթև", "hy")}
    camp = places["places:2"]
    assert {k: camp["properties"].get(k) for k in ("kind", "certainty", "uncertainty_km", "coord_source")} == {
        "kind": "other", "certainty": "approximate", "uncertainty_km": 5.0,
        "coord_source": "user file places.geojson, feature 2"}
    assert places["places:3"]["properties"]["title"] == "Spring of the shepherds"
    assert done.stderr.splitlines() == [
        f"warning: {DATA / 'places.geojson'}: 1 places without a kind, imported as 'other'",
        f"warning: {DATA / 'places.geojson'}: 1 places without a source: their points are credited to your "
        "file ('user file places.geojson, ...')"]
    assert _run(tmp_path, "gazetteer", "lookup", "Tathev").stdout.count("mine:tatev") >= 1


def test_bad_rows_are_one_line_each_and_nothing_is_written(tmp_path):
    _run(tmp_path, "gazetteer", "import", str(DATA / "places.geojson"), "--name", "bad-places")
    before = (tmp_path / "gazetteer" / "bad-places.lpf.json").read_bytes()
    done = _run(tmp_path, "gazetteer", "import", str(DATA / "bad-places.geojson"))
    assert done.returncode == 2
    source = DATA / "bad-places.geojson"
    assert done.stderr.splitlines() == [
        f"error: {source}: feature 2: no Point geometry (only points can be imported as places)",
        f"error: {source}: feature 3: no name (a 'name', 'title' or 'toponym' column)",
        f"error: {source}: feature 4: unknown kind 'castle' (one of settlement, region, district, province, "
        "country, river, lake, ridge, mountain, pass, other)"]
    assert (tmp_path / "gazetteer" / "bad-places.lpf.json").read_bytes() == before


def test_a_geopackage_layer_gives_the_same_places(tmp_path, gpkg):
    done = _run(tmp_path, "gazetteer", "import", str(gpkg))
    assert done.returncode == 0, done.stderr
    from_gpkg = _layer(tmp_path, "field.lpf.json")
    _run(tmp_path, "gazetteer", "import", str(DATA / "places.geojson"))
    from_geojson = _layer(tmp_path, "places.lpf.json")
    assert from_gpkg["mine:tatev"] == from_geojson["mine:tatev"]
    assert from_gpkg["field:2"]["properties"]["coord_source"] == "user file field.gpkg, layer points, fid 2"
    assert [f["properties"]["title"] for f in from_gpkg.values()] == \
        [f["properties"]["title"] for f in from_geojson.values()]


def test_a_geopackage_without_a_places_layer_asks_which(tmp_path, gpkg):
    subprocess.run([shutil.which("ogr2ogr"), "-update", "-f", "GPKG", str(gpkg), str(DATA / "places.geojson"),
                    "-nln", "more"], check=True, capture_output=True, timeout=60)
    done = _run(tmp_path, "gazetteer", "import", str(gpkg))
    assert (done.returncode, done.stderr) == (2, f"error: {gpkg}: which layer? it has points, more (--layer NAME)\n")
    assert _run(tmp_path, "gazetteer", "import", str(gpkg), "--layer", "more").returncode == 0


def test_what_the_layer_file_held_is_kept(tmp_path, gpkg):
    _run(tmp_path, "gazetteer", "import", str(gpkg), "--name", "mine")
    done = _run(tmp_path, "gazetteer", "import", str(DATA / "places.geojson"), "--name", "mine")
    assert done.returncode == 0, done.stderr
    assert done.stdout.endswith("(2 kept from before)\n")
    assert set(_layer(tmp_path, "mine.lpf.json")) == {"mine:tatev", "field:2", "field:3", "places:2", "places:3"}


def test_the_geopackage_exports_places_come_back_the_same(tmp_path, export, atlas_path):
    from mapapp.atlas.store import open_atlas

    done = _run(tmp_path, "gazetteer", "import", str(export("gpkg")))
    assert done.returncode == 0, done.stderr
    imported = _layer(tmp_path, "atlas.lpf.json")
    exported = open_atlas(location=atlas_path).places()["features"]
    assert len(imported) == len(exported) > 0

    def same(feature: dict) -> tuple:
        p = feature["properties"]
        return (p["name"], p["kind"], p["certainty"], p["uncertainty_km"], p["coord_source"],
                sorted((n["toponym"], n.get("lang")) for n in p["names"]))

    for place in exported:
        back = imported[place["id"]]
        lon, lat = back["geometry"]["coordinates"]
        assert math.isclose(lon, place["geometry"]["coordinates"][0], abs_tol=1e-9)
        assert math.isclose(lat, place["geometry"]["coordinates"][1], abs_tol=1e-9)
        p = back["properties"]
        assert same(place) == (p["title"], p["kind"], p["certainty"], p.get("uncertainty_km"), p["coord_source"],
                               sorted((n["toponym"], n.get("lang")) for n in back["names"]))
