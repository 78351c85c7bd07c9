"""Score Russian place-name reading on the Russian development set (bench/russian/).

    python bench/russian.py [--shared ../shared] [--cmd "python -m mapapp geoparse"]

The numbers come from the shared scorer (shared/tools/score_geoparse.py). This is a development
set (see bench/russian/README.md): its scores are not evidence of generalisation.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "bench" / "russian"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--cmd", default=f"{sys.executable} -m mapapp geoparse")
    args = parser.parse_args(argv)
    print("Russian development set (not evidence of generalisation):", flush=True)
    return subprocess.run([sys.executable, str(args.shared / "tools" / "score_geoparse.py"), str(SET / "texts"),
                           str(SET / "gold"), "--cmd", args.cmd], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main())
