"""Memory and CPU of one analysis process over many generated sources, by the cap of the resolver's
remembered scores (`gazetteer.geoparse.resolve.MAX_REMEMBERED`).

    python bench/resolve_cap.py --documents 5000 --caps 200000 50000 20000

The corpus comes from bench/corpus_gen.py (the same seed, the same bytes). Each cap runs in a fresh
process that analyses every source file as a build's worker does (`mapapp.atlas.rows.analyse_source`),
one after the other; it prints that process's CPU seconds (user + system), its peak resident set and
how many scores it held at the end. The load average is printed beside each figure.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (".md", ".csv", ".txt")   # what bench/corpus_gen.py writes, beside its corpus.yaml
sys.path.insert(0, str(ROOT / "bench"))


def analyse_all(folder: Path, cap: int) -> dict:
    """Analyse every source under `folder` in this process with the cap set; return the figures."""
    from gazetteer.geoparse import resolve
    from mapapp.atlas.rows import analyse_source

    resolve.MAX_REMEMBERED = cap
    sources = sorted(p for p in folder.rglob("*") if p.suffix in SOURCES)
    before = resource.getrusage(resource.RUSAGE_SELF)
    for path in sources:
        analyse_source(path)
    after = resource.getrusage(resource.RUSAGE_SELF)
    return {"cap": cap, "sources": len(sources),
            "cpu_s": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 2),
            "peak_mb": round(after.ru_maxrss / 1024), "held": held(resolve)}


def held(resolve) -> int:
    """How many scores the resolver holds (the code before `remembered_count`: its dict's length)."""
    return resolve.remembered_count() if hasattr(resolve, "remembered_count") else len(resolve._SCORED)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--caps", type=int, nargs="+", default=[200_000, 50_000, 20_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)   # the child: one cap
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(analyse_all(args.corpus, args.one)))
        return
    import corpus_gen  # noqa: E402  (beside this file)

    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        corpus_gen.write_corpus(corpus, args.documents)
        print(f"{args.documents} documents in {sum(1 for p in corpus.rglob('*') if p.suffix in SOURCES)} sources; "
              f"{os.cpu_count()} cores")
        for cap in args.caps:
            load = os.getloadavg()[0]
            out = subprocess.run([sys.executable, __file__, "--one", str(cap), "--corpus", str(corpus)],
                                 check=True, capture_output=True, text=True).stdout
            figures = json.loads(out.splitlines()[-1])
            print(f"cap {cap:>7,}: {figures['cpu_s']:.1f} s CPU, peak {figures['peak_mb']} MB, "
                  f"{figures['held']:,} scores held at the end (load {load:.1f} -> {os.getloadavg()[0]:.1f})",
                  flush=True)


if __name__ == "__main__":
    main()
