"""`chronotope gazetteer check` and the pure validation behind it."""
from __future__ import annotations

import json

import pytest

from gazetteer.places.check import DataFile, check_files, errors, normalise


def feature(pid="chr:x", title="X", lon=45.0, lat=40.0, kind="settlement", **props):
    props = {"title": title, "kind": kind, "coord_source": "test value", **props}
    return {"@id": pid, "type": "Feature", "properties": {k: v for k, v in props.items() if v is not None},
            "names": [{"toponym": title}], "geometry": {"type": "Point", "coordinates": [lon, lat]}}


def collection(*features):
    return {"type": "FeatureCollection", "features": list(features)}


def test_bundled_data_passes_check(cli):
    result = cli("gazetteer", "check")
    assert result.exit_code == 0, result.output
    assert " 0 errors" in result.output.splitlines()[-1]


def test_bundled_data_holds_several_hundred_places(bundled_places):
    assert len(bundled_places) >= 400
    kinds = {p.kind for p in bundled_places}
    assert {"settlement", "district", "province", "country", "region", "river", "lake", "ridge", "pass"} <= kinds


@pytest.mark.parametrize("broken, problem", [
    (feature(lon=245.0), "coordinates out of range"),
    (feature(title=None), "missing properties.title"),
    (feature(kind="village"), "unknown kind 'village'"),
    (feature(certainty="sure"), "unknown certainty 'sure'"),
    (feature(coord_source=""), "missing properties.coord_source"),
    (feature(certainty="uncertain"), "uncertain place needs both uncertainty_km and a note"),
    (feature(uncertainty_km=-3), "uncertainty_km must be a positive number"),
    (feature(parent="chr:nowhere"), "parent 'chr:nowhere' points to no place"),
    (feature(valid_from=1930, valid_to=1920), "valid_from 1930 is after valid_to 1920"),
    ({**feature(), "geometry": {"type": "Point", "coordinates": ["45", 40]}}, "two numbers"),
    ({**feature(), "geometry": None}, "no Point geometry"),
    ({**feature(), "@id": None}, "missing '@id'"),
    ("not an object", "a feature must be a JSON object"),
])
def test_each_broken_record_is_named_with_its_problem(broken, problem):
    found = errors(check_files([DataFile("f.lpf.json", "curated", (feature("chr:ok", "Okay", 44.0, 41.0), broken))]))
    assert [(p.source, p.record.split(" ")[0]) for p in found] == [("f.lpf.json", "2")]
    assert problem in found[0].message


def test_duplicate_ids_in_one_layer_are_errors_but_user_may_override():
    curated = DataFile("a.lpf.json", "curated", (feature("chr:goris"),))
    again = DataFile("b.lpf.json", "curated", (feature("chr:goris", lon=46.0),))
    user = DataFile("mine.lpf.json", "user", (feature("chr:goris", lon=46.0),))
    assert [p.message for p in errors(check_files([curated, again]))] == [
        "duplicate id 'chr:goris' (also a.lpf.json: record 1 (chr:goris))"]
    assert errors(check_files([curated, user])) == []


def test_same_name_and_kind_within_5_km_is_a_probable_duplicate():
    one = feature("chr:a", "Kapan", 46.406, 39.207)
    two = feature("chr:b", "Kapan", 46.41, 39.21)
    found = errors(check_files([DataFile("f", "curated", (one, two))]))
    assert len(found) == 1 and "probable duplicate of 'chr:b'" in found[0].message


def test_same_name_far_apart_is_only_an_ambiguity_note():
    town = feature("chr:julfa", "Julfa", 45.63, 38.96)
    other = feature("chr:new-julfa", "Julfa", 51.67, 32.63)
    problems = check_files([DataFile("f", "curated", (town, other))])
    assert errors(problems) == []
    assert [p.message for p in problems] == ["ambiguous name 'julfa': chr:julfa, chr:new-julfa"]


@pytest.mark.parametrize("a, b", [
    ("Nakhichevan", "NAKHICHEVAN"), ("Şuşa", "Susa"), ("Dara-laghez", "Dara laghez"),
    ("Qarabağ", "Qarabag"), ("Gəncə", "Ganca"), ("Kyssyr-Dagh", "kyssyr dagh"),
])
def test_normalise_folds_case_accents_and_hyphens(a, b):
    assert normalise(a) == normalise(b)


def write(path, data):
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize("content, problem, record", [
    (collection(feature(lat=95.0)), "coordinates out of range: lon=45.0, lat=95.0", "record 1 (chr:x)"),
    (collection(feature(title=None)), "missing properties.title", "record 1 (chr:x)"),
    (collection(feature("chr:a"), feature("chr:a")), "duplicate id 'chr:a'", "record 2 (chr:a)"),
    ('{"type": "FeatureCollection", "features": [', "not JSON", None),
    ('{"type": "Feature"}', "not a Linked Places FeatureCollection", None),
])
def test_broken_file_names_file_record_and_problem_and_exits_1(cli, tmp_path, content, problem, record):
    path = write(tmp_path / "broken.lpf.json", content)
    result = cli("gazetteer", "check", path)
    assert result.exit_code == 1
    line = next(line for line in result.output.splitlines() if line.startswith("error:"))
    assert str(path) in line and problem in line
    assert (record in line) if record else "record" not in line
    assert "Traceback" not in result.output


def test_check_of_a_user_file_resolves_parents_against_the_bundled_data(cli, data_dir):
    result = cli("gazetteer", "check", data_dir / "user_places.lpf.json")
    assert result.exit_code == 1  # the WHG-style record lacks coord_source: reported, not guessed
    assert [line for line in result.output.splitlines() if line.startswith("error")] == [
        f"error: {data_dir / 'user_places.lpf.json'}: record 3 (user:whg-style-record): "
        "missing properties.coord_source (where the point comes from)"]


def test_notes_are_counted_and_listed_on_request(cli):
    quiet = cli("gazetteer", "check")
    loud = cli("gazetteer", "check", "--notes")
    assert "(--notes lists them)" in quiet.output
    assert any("ambiguous name 'nakhichevan'" in line for line in loud.output.splitlines())
