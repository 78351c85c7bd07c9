"""`chronotope geoparse` prints no movement's drawn line, and has the analysis leave the lines out
(`lines=False`): everything else it finds is what the analysis with the lines finds."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from documents.edtf import read_edtf
from mapapp.analysis.pipeline import analyse_text

ROOT = Path(__file__).resolve().parents[2]
SETS = ("bench/devset/texts", "bench/devset_dispatches/texts", "bench/russian/texts", "bench/russian_others/texts")


@pytest.mark.parametrize("folder", SETS)
def test_leaving_the_lines_out_changes_nothing_but_the_lines(folder, full_gazetteer):
    moved = 0
    for path in sorted((ROOT / folder).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for context in (None, read_edtf("1920-08-10")):
            drawn = analyse_text(text, context, gazetteer=full_gazetteer)
            lean = analyse_text(text, context, gazetteer=full_gazetteer, lines=False)
            assert lean.movements == tuple(replace(m, path=()) for m in drawn.movements), path.name
            assert replace(lean, movements=()) == replace(drawn, movements=()), path.name
            moved += sum(len(m.path) > len(m.waypoints) for m in drawn.movements)
    assert moved   # the set has movements whose lines have points between their places
