"""Benchmark the geoparser: start-up, throughput and peak memory.

    python bench/geoparse.py [--mb 10]

Start-up is timed in fresh interpreters (import + loading the full gazetteer), once with an
empty cache folder (cold: the broad layer is built) and once with the cache in place (warm).
Throughput is `geoparse` (recognition and resolution, full gazetteer) on text made by
repeating the bundled seed pages to the given size; peak memory is the process's maximum
resident set size after that run.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STARTUP = ("import time; t = time.perf_counter(); from gazetteer.places.index import load_gazetteer; "
           "load_gazetteer(); print(time.perf_counter() - t)")


def startup_seconds(home: str) -> float:
    """Return the seconds a fresh interpreter takes to import and load the full gazetteer."""
    env = dict(os.environ, CHRONOTOPE_HOME=home) if home else dict(os.environ)
    out = subprocess.run([sys.executable, "-c", STARTUP], env=env, capture_output=True, text=True,
                         check=True, cwd=ROOT)
    return float(out.stdout.strip().splitlines()[-1])


def seed_text(megabytes: float) -> str:
    """Return the bundled seed pages repeated to `megabytes` of UTF-8 text."""
    seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "documents" / "corpus").glob("*.txt")))
    target = int(megabytes * 1_000_000)
    return (seeds * (target // len(seeds.encode("utf-8")) + 1))[:target]


def _cpu_seconds() -> float:
    """CPU seconds used so far by this process and its finished children (the scan workers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(megabytes: float) -> None:
    """Print throughput and peak memory of `geoparse` on `megabytes` of seed text (this process)."""
    from gazetteer.geoparse.linker import geoparse
    from gazetteer.places.index import load_gazetteer

    gazetteer = load_gazetteer()
    text = seed_text(megabytes)
    size = len(text.encode("utf-8")) / 1_000_000
    started, cpu = time.perf_counter(), _cpu_seconds()
    mentions = geoparse(text, gazetteer)
    seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
    print(f"throughput: {size:.1f} MB in {seconds:.2f} s = {size / seconds:.1f} MB/s "
          f"({len(mentions):,} mentions, {len(gazetteer.places)} curated+user places, "
          f"{len(gazetteer.places.broad.records) if gazetteer.places.broad else 0:,} broad places; "
          f"{cpu:.2f} s of CPU over {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f})")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB (maximum resident set size; each scan worker {workers:.0f} MB, "
          f"mostly pages shared with this process)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="size of the text in MB (default 10)")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(args.mb)
        return
    with tempfile.TemporaryDirectory() as home:
        cold = startup_seconds(home)
        warm = startup_seconds(home)
    print(f"start-up (import + full gazetteer): cold {cold:.2f} s (builds the broad-layer cache), "
          f"warm {warm:.2f} s")
    startup_seconds(os.environ.get("CHRONOTOPE_HOME", ""))  # make sure the real cache is built
    # a fresh process, so that its peak memory is the geoparser's alone
    subprocess.run([sys.executable, __file__, "--measure", "--mb", str(args.mb)], check=True, cwd=ROOT)


if __name__ == "__main__":
    main()
