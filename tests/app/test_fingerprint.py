"""A change to any code whose output the atlas stores makes a new atlas version (no stale answers)."""
from __future__ import annotations

import pytest

from mapapp.atlas.versions import analysis_fingerprint

SHAPING = ["documents/dates.py", "gazetteer/resolve.py", "gazetteer/data/places/x.lpf.json",
           "mapapp/pipeline.py", "mapapp/atlas/build.py", "mapapp/atlas/rows.py"]


@pytest.fixture
def tree(tmp_path):
    for name in SHAPING + ["mapapp/api.py"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("# v1\n")
    return tmp_path


@pytest.mark.parametrize("name", SHAPING)
def test_changing_code_that_shapes_stored_answers_changes_the_fingerprint(tree, name):
    before = analysis_fingerprint(tree)
    (tree / name).write_text("# v2\n")
    assert analysis_fingerprint(tree) != before


def test_code_that_only_serves_answers_leaves_the_fingerprint(tree):
    before = analysis_fingerprint(tree)
    (tree / "mapapp/api.py").write_text("# v2\n")
    assert analysis_fingerprint(tree) == before
