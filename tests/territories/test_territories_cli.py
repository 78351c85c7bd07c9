"""`chronotope territories`: the GeoJSON contract, the two dates of the issue, the table, and
one-line errors for a bad date or a bad data file."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from harness import shared_path

from gazetteer.territories.units import bundled_paths
from mapapp.cli import main

from .conftest import DATA

ROOT = Path(__file__).resolve().parents[2]
LEGRAND_AGREEMENT = "corpus:003_56f7da20727ceaf0.txt#6"
MOSCOW = "Treaty of Moscow"


def run(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, ["territories", *args], env=env)


def on(day: str) -> dict:
    """Territory id -> properties, from `chronotope territories --date DAY --json`."""
    result = run("--date", day, "--json")
    assert result.exit_code == 0, result.output
    return {f["properties"]["id"]: f["properties"] for f in json.loads(result.output)["features"]}


def parties(props: dict, key: str) -> list[str]:
    return [e["party"] for e in props[key]]


def test_json_is_a_feature_collection_with_the_agreed_properties():
    result = run("--json")
    assert result.exit_code == 0
    collection = json.loads(result.output)
    assert collection["type"] == "FeatureCollection"
    props = collection["features"][0]["properties"]
    assert {"id", "name", "names", "level", "method", "certainty", "sources"} <= set(props)
    assert "claims" not in props                       # only with --date
    assert all({"toponym", "lang"} <= set(n) for n in props["names"])
    lon, lat = collection["features"][0]["geometry"]["coordinates"][0][0][:2]
    assert 40 < lon < 49 and 38 < lat < 43              # RFC 7946 order: lon, lat


def test_15_august_1920_the_legrand_agreement_in_force():
    day = on("1920-08-15")
    for unit in ("nakhichevan-uyezd", "zangezur-uyezd", "karabakh"):
        assert "RSFSR (11th Red Army)" in parties(day[unit], "control"), unit
        assert {"Republic of Armenia", "Azerbaijan SSR"} <= set(parties(day[unit], "claims")), unit
        assert day[unit]["disputed"] is True
    # Zangezur held by both: the Armenian forces and the Red Army on the Goris road
    assert set(parties(day["zangezur-uyezd"], "control")) == {"Republic of Armenia", "RSFSR (11th Red Army)"}
    karabakh = {e["party"]: e for e in day["karabakh"]["control"]}
    assert karabakh["RSFSR (11th Red Army)"]["source"] == LEGRAND_AGREEMENT
    assert karabakh["RSFSR (11th Red Army)"]["source_kind"] == "document"
    batum = day["batum-oblast"]["control"]
    assert [e["party"] for e in batum] == ["Democratic Republic of Georgia"]
    assert batum[0]["source"] == "corpus:003_56f7da20727ceaf0.txt#9"
    assert parties(day["kars-oblast"], "control")[0] == "Republic of Armenia"


def test_20_march_1921_after_the_treaty_of_moscow():
    day = on("1921-03-20")
    nakhichevan = {e["party"]: e for e in day["nakhichevan-uyezd"]["claims"]
                   if e["source"].startswith(MOSCOW) or e["source"].startswith("corpus:")}
    assert nakhichevan["Azerbaijan SSR"]["source"].startswith(MOSCOW)
    assert "Armenian SSR" in nakhichevan          # the older claim is kept, not overwritten
    for unit in ("kars-oblast", "surmalu-uyezd"):
        assert parties(day[unit], "control") == ["Grand National Assembly of Turkey"], unit
    assert parties(day["batum-oblast"], "control") == ["Grand National Assembly of Turkey", "Georgian SSR"]
    assert parties(day["zangezur-uyezd"], "control") == ["Autonomous Syunik", "Azerbaijan SSR"]  # south, north
    assert "Committee for the Salvation of the Homeland" in parties(day["sharur-daralagyaz-uyezd"], "control")


def test_both_accounts_of_the_declaration_of_30_november_1920_are_kept():
    claim = next(e for e in on("1921-01-29")["nagorno-karabakh"]["claims"] if e["party"] == "Armenian SSR")
    assert "000 #4" in claim["note"] and "000 #6" in claim["note"]


@pytest.mark.parametrize(("day", "claimants"), [
    ("1921-07-04", {"Armenian SSR", "Azerbaijan SSR"}),
    ("1921-07-06", {"Azerbaijan SSR"}),
])
def test_kavbiuro_decisions_of_july_1921(day, claimants):
    assert set(parties(on(day)["nagorno-karabakh"], "claims")) == claimants


def test_table_lists_every_territory_with_its_parties():
    result = run("--date", "1920-08-15")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split()[:4] == ["id", "level", "claimed", "by"]
    row = next(line for line in lines if line.startswith("nakhichevan-uyezd"))
    assert "Republic of Armenia; Azerbaijan SSR" in row and "RSFSR (11th Red Army)" in row
    assert len([line for line in lines if line.endswith("uyezd") or " uyezd " in line]) >= 11


def test_level_filter():
    result = run("--json", "--level", "oblast")
    ids = [f["properties"]["id"] for f in json.loads(result.output)["features"]]
    assert ids == ["kars-oblast", "batum-oblast"]
    unknown = run("--level", "province")
    assert unknown.exit_code == 2 and unknown.output.startswith("error: --level 'province': expected one of")


@pytest.mark.parametrize("bad", ["1920-8-15", "15.08.1920", "1920-02-30", "tomorrow"])
def test_bad_date_is_one_line_and_exit_2(bad):
    result = run("--date", bad, "--json")
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and result.output.startswith(f"error: --date={bad!r}")


def test_a_file_of_ones_own_with_an_inline_timeline():
    path = DATA / "lori_inline.geojson"
    result = run("--data", str(path), "--date", "1919-03-01", "--json")
    assert result.exit_code == 0, result.output
    (feature,) = json.loads(result.output)["features"]
    assert [e["party"] for e in feature["properties"]["control"]] == ["Great Britain"]
    via_env = run("--json", env={"CHRONOTOPE_TERRITORIES": str(path)})
    assert [f["id"] for f in json.loads(via_env.output)["features"]] == ["lori-neutral-zone"]


def _break(collection: dict, how: str) -> dict:
    """The collection with its third feature (Zangezur) broken in one way."""
    feature = collection["features"][2]
    props = feature["properties"]
    if how == "point":
        feature["geometry"] = {"type": "Point", "coordinates": [46.3, 39.5]}
    elif how == "bowtie":
        feature["geometry"] = {"type": "Polygon", "coordinates": [[[46, 39], [47, 40], [47, 39], [46, 40], [46, 39]]]}
    elif how == "latlon":
        feature["geometry"] = {"type": "Polygon", "coordinates": [[[39, 146], [40, 146], [40, 147], [39, 146]]]}
    elif how == "level":
        props["level"] = "province"
    elif how == "certainty":
        props["certainty"] = "sure"
    elif how == "name":
        props["names"] = [{"lang": "en"}]
    elif how == "duplicate":
        props["id"] = collection["features"][0]["properties"]["id"]
    elif how == "no-id":
        del props["id"]
    return collection


@pytest.mark.parametrize(("how", "feature", "problem"), [
    ("point", "zangezur-uyezd", "geometry must be a Polygon or MultiPolygon, not Point"),
    ("bowtie", "zangezur-uyezd", "invalid polygon: Self-intersection"),
    ("latlon", "zangezur-uyezd", "coordinates out of lon/lat range"),
    ("level", "zangezur-uyezd", "level 'province' is not one of"),
    ("certainty", "zangezur-uyezd", "certainty 'sure' does not start with one of"),
    ("name", "zangezur-uyezd", "a name without 'toponym'"),
    ("duplicate", "nakhichevan-uyezd", "duplicate id"),
    ("no-id", "#3", "missing properties.id"),
])
def test_bad_feature_names_file_and_feature(bundled_collection, write_json, how, feature, problem):
    path = write_json("broken.geojson", _break(bundled_collection, how))
    result = run("--data", str(path), "--json")
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {path}: feature {feature}: {problem}"), result.output
    assert result.output.count("\n") == 1 and "Traceback" not in result.output


@pytest.mark.parametrize(("change", "problem"), [
    ({"relation": "owns"}, "timeline entry 1: relation 'owns' is not one of claim, control"),
    ({"party": "Armenia"}, "timeline entry 1: party 'Armenia' is not in the file's list of parties"),
    ({"from": "1920-02-30"}, "timeline entry 1: from date '1920-02-30' is not a real date"),
    ({"to": "1917-01-01"}, "timeline entry 1: 'to' 1917-01-01 is before 'from' 1918-05-28"),
    ({"source": "ref:no-such-treaty"}, "timeline entry 1: source 'ref:no-such-treaty' is not among"),
    ({"source": ""}, "timeline entry 1: missing 'source'"),
])
def test_bad_timeline_entry_names_file_feature_and_entry(bundled_timeline, write_json, change, problem):
    bundled_timeline["territories"]["zangezur-uyezd"][0].update(change)
    path = write_json("timeline.json", bundled_timeline)
    result = run("--data", str(bundled_paths()[0]), "--timeline", str(path), "--json")
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {path}: feature zangezur-uyezd: {problem}"), result.output


def test_timeline_for_a_territory_that_is_not_there(bundled_timeline, write_json):
    bundled_timeline["territories"]["erivan-uyezd"] = []
    path = write_json("timeline.json", bundled_timeline)
    result = run("--timeline", str(path))
    assert result.exit_code == 2
    assert result.output == f"error: {path}: feature erivan-uyezd: no territory with this id\n"


@pytest.mark.parametrize(("text", "problem"), [
    ("{", "not JSON: Expecting property name enclosed in double quotes at line 1, column 2"),
    ('{"type": "Feature"}', "not a GeoJSON FeatureCollection"),
])
def test_unreadable_file_is_one_line(write_json, text, problem):
    path = write_json("broken.geojson", text)
    result = run("--data", str(path))
    assert result.exit_code == 2
    assert result.output == f"error: {path}: {problem}\n"


def test_missing_file_is_one_line(tmp_path):
    result = run("--data", str(tmp_path / "nowhere.geojson"))
    assert result.exit_code == 2 and result.output.startswith(f"error: {tmp_path / 'nowhere.geojson'}: cannot read")


def test_the_shared_checker_passes():
    checker = shared_path("tools", "check_territories.py")
    command = f"{sys.executable} -c 'from mapapp.cli import main; main()' territories"
    out = subprocess.run([sys.executable, str(checker), "--cmd", command],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.strip().endswith("failures=0")


def test_corpus_sources_carry_the_id_chronotope_documents_gives():
    from documents.readers import read_file

    documents = read_file(ROOT / "documents" / "corpus" / "003_56f7da20727ceaf0.txt")[0]
    karabakh = {e["party"]: e for e in on("1920-08-15")["karabakh"]["control"]}
    cited = next(d for d in documents if d.id == karabakh["RSFSR (11th Red Army)"]["document_id"])
    assert "shall be occupied by the forces of the RSFSR" in cited.body
    assert "document_id" not in {k for e in on("1920-08-15")["kars-oblast"]["control"] for k in e}
