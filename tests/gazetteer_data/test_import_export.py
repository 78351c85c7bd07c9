"""`chronotope gazetteer import` into the user layer and `export` in three formats."""
from __future__ import annotations

import csv
import io
import json

import pytest

from gazetteer.errors import GazetteerError
from gazetteer.places.geonames_tsv import kind_of, read_geonames
from gazetteer.places.lpf import load_places
from gazetteer.places.userlayer import layer_file_name, load_user_places, user_place_files


def test_import_lpf_then_export_user_layer_round_trips(cli, home, data_dir):
    source = data_dir / "user_places.lpf.json"
    result = cli("gazetteer", "import", source)
    assert result.exit_code == 0, result.output
    assert user_place_files(home) == [home / "gazetteer" / "user_places.lpf.json"]
    exported = json.loads(cli("gazetteer", "export", "--format", "lpf", "--layer", "user").output)
    original = json.loads(source.read_text(encoding="utf-8"))["features"]
    assert [f["@id"] for f in exported["features"]] == [f["@id"] for f in original]
    assert [f["geometry"]["coordinates"] for f in exported["features"]] == \
        [f["geometry"]["coordinates"] for f in original]
    brnakot = exported["features"][0]
    assert [n["toponym"] for n in brnakot["names"]] == ["Brnakot", "Brunakot"]
    assert brnakot["properties"]["parent"] == "chr:zangezur-uyezd"


def test_a_record_without_provenance_is_credited_to_the_users_file(cli, home, data_dir):
    cli("gazetteer", "import", data_dir / "user_places.lpf.json")
    bare = next(p for p in load_user_places(home) if p.id == "user:whg-style-record")
    assert bare.coord_source == "user file user_places.lpf.json, record 3"
    assert bare.layer == "user" and bare.kind == "other"


def test_user_layer_overrides_the_bundled_place_with_the_same_id(cli, data_dir):
    cli("gazetteer", "import", data_dir / "user_places.lpf.json")
    rows = list(csv.DictReader(io.StringIO(cli("gazetteer", "export", "--format", "csv").output)))
    goris = [r for r in rows if r["id"] == "chr:goris"]
    assert len(goris) == 1 and goris[0]["name"] == "Goris (user's own point)"
    assert rows[0]["id"] == "user:brnakot"  # the user layer ranks first


def test_import_geonames_dump(cli, home, data_dir):
    result = cli("gazetteer", "import", data_dir / "geonames_sample.tsv")
    assert result.exit_code == 0, result.output
    assert "imported 6 places" in result.output
    places = {p.id: p for p in load_user_places(home)}
    goris = places["geonames:174895"]
    assert (goris.name, goris.kind, goris.country_code) == ("Goris", "settlement", "AM")
    assert (round(goris.lon, 3), round(goris.lat, 3)) == (46.342, 39.511)
    assert "Geryusy" in [n.toponym for n in goris.names]
    assert goris.coord_source.startswith("GeoNames geonameid 174895")


def broken_tsv(tmp_path, data_dir, column, value):
    lines = (data_dir / "geonames_sample.tsv").read_text(encoding="utf-8").splitlines()
    fields = lines[2].split("\t")
    fields[column] = value
    lines[2] = "\t".join(fields)
    path = tmp_path / "dump.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("column, value, problem", [
    (4, "north", "latitude is not a number: 'north'"),
    (5, "200.5", "longitude out of range: 200.5"),
    (1, "", "empty name"),
])
def test_broken_geonames_row_names_line_and_writes_nothing(cli, home, tmp_path, data_dir, column, value, problem):
    path = broken_tsv(tmp_path, data_dir, column, value)
    result = cli("gazetteer", "import", path)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {path}: record 3 (geonames:174875): {problem}"
    assert user_place_files(home) == []


def test_tsv_with_wrong_column_count_is_refused():
    with pytest.raises(GazetteerError) as err:
        read_geonames(["1\tname\tonly three"], "x.tsv")
    assert str(err.value) == "x.tsv: record 1 (geonames:1): expected 19 tab-separated columns, found 3"


def test_broken_lpf_record_writes_nothing_and_keeps_the_existing_layer(cli, home, tmp_path, data_dir):
    cli("gazetteer", "import", data_dir / "user_places.lpf.json")
    before = (home / "gazetteer" / "user_places.lpf.json").read_bytes()
    data = json.loads((data_dir / "user_places.lpf.json").read_text(encoding="utf-8"))
    data["features"][1]["geometry"]["coordinates"] = [46.3, 139.5]
    path = tmp_path / "user_places.lpf.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = cli("gazetteer", "import", path)
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"error: {path}: record 2 (chr:goris): "
                                     "coordinates out of range: lon=46.3, lat=139.5")
    assert (home / "gazetteer" / "user_places.lpf.json").read_bytes() == before
    assert [p.name for p in (home / "gazetteer").iterdir()] == ["user_places.lpf.json"]


def test_import_of_a_missing_file_is_one_line(cli, tmp_path):
    result = cli("gazetteer", "import", tmp_path / "nope.json")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {tmp_path / 'nope.json'}: cannot read")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("klass, code, kind", [
    ("P", "PPLA", "settlement"), ("A", "ADM1", "province"), ("A", "ADM2", "district"),
    ("A", "PCLI", "country"), ("H", "STM", "river"), ("H", "LK", "lake"), ("T", "MTS", "ridge"),
    ("T", "PK", "mountain"), ("T", "PASS", "pass"), ("L", "RGN", "region"), ("S", "CH", "other"),
])
def test_geonames_feature_codes_map_to_kinds(klass, code, kind):
    assert kind_of(klass, code) == kind


@pytest.mark.parametrize("source, name", [
    ("my places.lpf.json", "my-places.lpf.json"), ("allCountries.txt", "allCountries.lpf.json"),
    ("AM.tsv", "AM.lpf.json"), ("../x/../евр.json", "import.lpf.json"),
])
def test_layer_file_names_are_safe(source, name):
    assert layer_file_name(source) == name


def test_export_geojson_is_plain_points(cli, bundled_places):
    data = json.loads(cli("gazetteer", "export", "--format", "geojson", "--layer", "curated").output)
    assert data["type"] == "FeatureCollection" and "@context" not in data
    goris = next(f for f in data["features"] if f["id"] == "chr:goris")
    curated = next(p for p in bundled_places if p.id == "chr:goris")
    assert goris["geometry"] == {"type": "Point", "coordinates": [curated.lon, curated.lat]}
    assert "Geryusy" in goris["properties"]["names"]
    assert goris["properties"]["coord_source"] == curated.coord_source


def test_export_csv_columns_and_names(cli):
    rows = list(csv.DictReader(io.StringIO(cli("gazetteer", "export", "--format", "csv").output)))
    assert list(rows[0]) == ["id", "name", "kind", "lon", "lat", "names", "coord_source", "certainty",
                             "uncertainty_km", "parent"]
    kyssyr = next(r for r in rows if r["id"] == "chr:kyssyr-dagh")
    assert kyssyr["certainty"] == "uncertain" and float(kyssyr["uncertainty_km"]) == 30.0
    assert "Kyssyr-Dagh" in kyssyr["names"].split("|")


def test_export_lpf_to_a_file_loads_back(cli, tmp_path, bundled_places):
    out = tmp_path / "all.lpf.json"
    result = cli("gazetteer", "export", "--layer", "curated", "-o", out)
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["@context"].endswith(".jsonld")
    assert len(load_places(out)) == len(bundled_places)


def test_a_broken_user_layer_file_stops_export_with_one_line(cli, home, data_dir):
    cli("gazetteer", "import", data_dir / "user_places.lpf.json")
    path = home / "gazetteer" / "user_places.lpf.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["features"][0]["properties"] = ["not", "an", "object"]
    path.write_text(json.dumps(data), encoding="utf-8")
    result = cli("gazetteer", "export", "--format", "csv")
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"error: {path}: record user:brnakot: "
                                     "'properties' must be a JSON object")
    assert path.exists()  # nothing stored is lost
