"""The quality bar: the shared scorer on the seed documents (needs shared/ beside the repository).

A regression bar, not evidence of generalisation: the seeds were read while developing. The
held-out figure is `python bench/score_sets.py`'s.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest


@pytest.fixture(scope="module")
def seed_score(shared_dir, tmp_path_factory):
    work = tmp_path_factory.mktemp("seeds")
    tools = shared_dir / "tools"
    subprocess.run([sys.executable, str(tools / "seed_texts.py"), str(shared_dir), str(work)], check=True)
    cmd = f"{sys.executable} -c 'from mapapp.cli import main; main()' geoparse"
    out = subprocess.run([sys.executable, str(tools / "score_geoparse.py"), str(work / "texts"),
                          str(work / "gold"), "--cmd", cmd, "--json"],
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stdout + out.stderr
    return json.loads(out.stdout)["summary"]


@pytest.mark.parametrize("measure", ["precision", "recall", "resolution_acc"])
def test_seed_documents_score_at_least_095(seed_score, measure):
    assert seed_score[measure] >= 0.95
