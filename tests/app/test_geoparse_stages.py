"""bench/geoparse_stages.py, which says where the CPU of `chronotope geoparse` goes: every stage
is timed where the pipeline calls it, so that little is left over as "rest" (a stage the pipeline
stopped calling by that name would fall into it)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STAGES = ("movements", "dates", "names: automaton", "names: OCR noise", "resolution", "JSON", "rest")


def test_every_stage_of_the_seeds_is_timed_and_little_is_left_over():
    seeds = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt")) or sorted((ROOT / "documents" / "corpus").glob("*.txt"))
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "geoparse_stages.py"), *map(str, seeds), "--runs", "1"],
                          capture_output=True, text=True, timeout=300, check=True)
    whole = float(re.search(r"MB: ([\d.]+) s CPU", done.stdout).group(1))
    shares = dict(re.findall(r"^  (.+?)\s+-?[\d.]+ s\s+(-?[\d.]+) %$", done.stdout, re.M))
    assert set(STAGES) <= set(shares), done.stdout
    assert whole > 0 and all(float(shares[stage]) > 0 for stage in STAGES if stage != "rest")
    assert float(shares["rest"]) < 15, done.stdout
