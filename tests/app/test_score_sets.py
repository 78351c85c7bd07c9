"""bench/score_sets.py: development and held-out scores side by side; the held-out set frozen."""
from __future__ import annotations

import importlib.util
import shlex
import subprocess
import sys
from pathlib import Path

import harness
import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "score_sets.py"


@pytest.fixture(scope="module")
def sets():
    spec = importlib.util.spec_from_file_location("score_sets", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def scored(n: int, **summary) -> dict:
    return {"rows": [{}] * n, "summary": summary}


def test_the_table_puts_the_sets_side_by_side_with_dates_and_routes(sets):
    table = sets.side_by_side({"development": scored(20, precision=0.996, date_recall=1.0, route_recall=0.976),
                               "held-out": scored(3, precision=0.81, date_recall=0.7, route_recall=0.5,
                                                  route_precision=0.6)})
    header, dev, held = table.splitlines()
    assert header.split() == ["set", "texts", "precision", "recall", "f1", "place_score", "date_recall",
                              "date_precision", "date_exact", "route_recall", "route_precision"]
    assert dev.split() == ["development", "20", "0.996", "-", "-", "-", "1.0", "-", "-", "0.976", "-"]
    assert held.split() == ["held-out", "3", "0.81", "-", "-", "-", "0.7", "-", "-", "0.5", "0.6"]
    assert header.index("route_recall") == dev.index("0.976") == held.index("0.5")


def test_an_empty_held_out_set_is_not_yet_scored(sets, tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "gold").mkdir()
    result = sets.heldout_result(tmp_path / "no-scorer", "chronotope geoparse", tmp_path, tmp_path / "FROZEN.sha256")
    assert result.startswith("not yet scored")
    assert "not yet scored" in sets.side_by_side({"development": scored(20, precision=1.0), "held-out": result})


def test_the_repository_held_out_set_has_a_readme_and_the_development_set_its_texts(sets):
    assert (sets.HELDOUT / "README.md").is_file() and (sets.DEVSET / "README.md").is_file()
    assert sets.has_texts(sets.DEVSET)
    assert "not evidence of generalisation" in (sets.DEVSET / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["heldout", "heldout-ru"])
def test_the_repository_held_out_sets_are_exactly_as_frozen(sets, name):
    """Each held-out set's texts, gold and annotation still have the SHA-256 recorded when it was frozen."""
    folder = sets.FROZEN_SETS[name]
    assert (folder / "README.md").is_file() and sets.has_texts(folder)
    assert sets.frozen_state(folder, folder / "FROZEN.sha256") == "frozen"
    recorded = (folder / "FROZEN.sha256").read_text(encoding="utf-8")
    assert all(f"  texts/{t.name}" in recorded for t in (folder / "texts").glob("*.txt"))
    assert all(f"  gold/{g.name}" in recorded for g in (folder / "gold").glob("*.json"))


def test_a_held_out_set_is_scored_only_as_frozen(sets, tmp_path):
    for sub in ("texts", "gold"):
        (tmp_path / sub).mkdir()
    (tmp_path / "texts" / "01_dispatch.txt").write_text("Tiflis, 7 August 1920.", encoding="utf-8")
    (tmp_path / "gold" / "01_dispatch.json").write_text('{"places": [], "dates": [], "routes": []}', encoding="utf-8")
    manifest, nowhere = tmp_path / "FROZEN.sha256", tmp_path / "no-scorer"
    assert "not frozen" in sets.heldout_result(nowhere, "x", tmp_path, manifest)
    assert sets.freeze(tmp_path, manifest) == 2
    assert sets.frozen_state(tmp_path, manifest) == "frozen"
    (tmp_path / "gold" / "01_dispatch.json").write_text('{"places": [], "dates": [], "routes": [{}]}',
                                                        encoding="utf-8")
    result = sets.heldout_result(nowhere, "x", tmp_path, manifest)
    assert "CHANGED since frozen: gold/01_dispatch.json" in result


@pytest.mark.parametrize(("predicted", "expected"), [
    ([(0, 12), (20, 30)], 0.5),        # one predicted route on the gold mention, one elsewhere
    ([(5, 9)], 1.0),                   # overlapping part of the mention is enough, as for recall
    ([], "-"),                         # nothing predicted: no precision to state
])
def test_route_precision_counts_predicted_routes_on_a_gold_mention(sets, predicted, expected):
    text = "Left Baku for Tiflis. Arrived Batum."
    gold = {"routes": [{"mention": "Left Baku for Tiflis", "waypoints": ["Baku", "Tbilisi"]}]}
    pred = {"routes": [{"start": s, "end": e, "waypoints": []} for s, e in predicted]}
    assert sets.route_precision([(gold, text, pred)]) == expected


def test_the_script_prints_both_sets_and_the_caveat(sets):
    shared = harness.shared_path("tools", "score_geoparse.py").parents[1]
    cmd = shlex.join(harness.chronotope_command() + ["geoparse"])
    out = subprocess.run([sys.executable, str(SCRIPT), "--shared", str(shared), "--cmd", cmd],
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout + out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].split()[:3] == ["set", "texts", "precision"] and lines[0].split()[-2:] == [
        "route_recall", "route_precision"]
    rows = {line.split()[0]: line.split()[1:] for line in lines[1:8]}
    assert list(rows) == ["development", "development-dispatches", "held-out", "held-out-ocr", "development-ru",
                          "development-ru-others", "held-out-ru"]
    assert rows["held-out-ru"][0] == str(len(list((sets.HELDOUT_RU / "gold").glob("*.json"))))
    assert rows["held-out-ocr"][0] == rows["held-out"][0]
    assert all(float(cell) >= 0 for row in rows.values() for cell in row[1:4])   # every set scored, none refused
    assert rows["development-ru-others"][0] == str(len(list((sets.RUSSIAN_OTHERS / "gold").glob("*.json"))))
    assert "not evidence of generalisation" in lines[8]
    legend = dict(line.split(None, 1) for line in lines[9:16])
    assert [legend[name].split(",")[0] for name in rows] == ["development set", "development set", "held-out set",
                                                            "held-out set", "development set", "development set",
                                                            "held-out set"]
