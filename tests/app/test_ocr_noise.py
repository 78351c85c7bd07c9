"""bench/ocr_noise.py: the seeded OCR noise model, and gold that follows the noise."""
from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path

import harness
import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "ocr_noise.py"


def _module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def noise():
    return _module("ocr_noise", SCRIPT)


@pytest.fixture(scope="module")
def scorer():
    return _module("score_geoparse", harness.shared_path("tools", "score_geoparse.py"))


def test_the_noise_is_seeded_and_keeps_lines_short(noise):
    text = "The Ottoman forces advanced from Alexandropol towards Erivan and Karakilisa in May 1918. " * 4
    first = "".join(noise.noisy_pieces(text, random.Random(7), 0.3))
    assert first == "".join(noise.noisy_pieces(text, random.Random(7), 0.3))
    assert first != text and "-\n" in first
    assert max(len(line) for line in first.split("\n")) <= noise.WIDTH + 3


def test_every_gold_span_of_the_development_set_survives_the_noise(noise, scorer, tmp_path):
    broken = noise.make_noisy_set(tmp_path, 1920, 0.1, scorer)
    assert broken == 0
    name = "01_armenian_azerbaijani_war"
    text = (tmp_path / "texts" / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((tmp_path / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    clean = (noise.DEVSET / "texts" / f"{name}.txt").read_text(encoding="utf-8")
    assert text != clean
    assert all(scorer.occurrences(text, route["mention"]) for route in gold["routes"])
    assert all(scorer.occurrences(text, d["mention"]) for d in gold["dates"])


def test_the_held_out_set_is_made_noisy_only_as_frozen(noise, tmp_path):
    assert noise.held_out_state(noise.DEVSET) is None                      # a development set: no check
    assert noise.held_out_state(noise.ROOT / "bench" / "heldout") == "frozen"
    assert noise.held_out_state(noise.ROOT / "bench" / "heldout_ru") == "frozen"


def test_a_noisy_copy_of_another_set_keeps_its_gold_spans(noise, scorer, tmp_path):
    for sub in ("texts", "gold"):
        (tmp_path / "set" / sub).mkdir(parents=True)
    (tmp_path / "set" / "texts" / "01.txt").write_text("The garrison left Alexandropol for Erivan.", encoding="utf-8")
    gold = {"places": [{"mention": "Alexandropol", "count": 1, "canonical": "Gyumri", "lat": 40.79, "lon": 43.85,
                        "kind": "settlement"},
                       {"mention": "Erivan", "count": 1, "canonical": "Yerevan", "lat": 40.18, "lon": 44.51,
                        "kind": "settlement"}],
            "dates": [], "routes": []}
    (tmp_path / "set" / "gold" / "01.json").write_text(json.dumps(gold), encoding="utf-8")
    assert noise.make_noisy_set(tmp_path / "noisy", 1920, 0.5, scorer, tmp_path / "set") == 0
    noisy = (tmp_path / "noisy" / "texts" / "01.txt").read_text(encoding="utf-8")
    noisy_gold = json.loads((tmp_path / "noisy" / "gold" / "01.json").read_text(encoding="utf-8"))
    assert len(scorer.gold_spans(noisy, noisy_gold["places"])) == 2
