"""Benchmark the whole text analysis as `chronotope geoparse --json` runs it: start-up,
throughput on one long text and on many short ones, and peak memory.

    python bench/geoparse.py [--mb 5] [--short-kb 2] [--short-mb 1] [--runs 3]

Every figure times the command itself, in a fresh process, with its output thrown away:
places, dates and movements, as users run it. The texts come from bench/textgen.py (the
corpus's paragraphs reshuffled, between sentences naming the gazetteer's places and dates),
so the long text is not one text copied.

* start-up: the command on a one-line text; cold once (an empty cache folder: the broad layer
  is built), warm the median of --runs.
* long text: one file of --mb MB; MB/s is its size over the run's time less the warm start-up.
* short texts: files of --short-kb KB, --short-mb MB in all, in one call; MB/s likewise.
* peak memory: the largest resident set of the process (and of any worker it forks) in the run.
* place recognition only: the extra line of earlier versions, `geoparse()` (recognition and
  resolution, no dates, no movements) in this process on the long text; not the whole analysis.

Times are medians of --runs runs; the machine's load average is printed with them, since
the figures mean little on a busy machine.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import textgen  # noqa: E402  (beside this file)


def command() -> list[str]:
    """The `chronotope` installed beside this interpreter (else the module)."""
    script = Path(sys.executable).with_name("chronotope")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "mapapp"]


def run(files: list[Path], home: str | None = None) -> tuple[float, float, float]:
    """Return the seconds `chronotope geoparse FILES --json` takes, its CPU seconds (its own and
    its workers') and its peak memory in MB."""
    env = dict(os.environ, CHRONOTOPE_HOME=home) if home else dict(os.environ)
    started = time.perf_counter()
    process = subprocess.Popen([*command(), "geoparse", *map(str, files), "--json"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"chronotope geoparse failed: {process.stderr.read().decode()[-400:]}")
    process.stderr.close()
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def median_run(files: list[Path], runs: int) -> tuple[float, float, float]:
    """Return the median seconds, the median CPU seconds and the largest peak memory of `runs` runs."""
    results = [run(files) for _ in range(runs)]
    return (statistics.median(r[0] for r in results), statistics.median(r[1] for r in results),
            max(r[2] for r in results))


def rate(megabytes: float, seconds: float, startup: float) -> str:
    """Return the throughput of a run after its start-up, as "1.23 MB/s"."""
    return f"{megabytes / max(seconds - startup, 1e-9):.2f} MB/s"


def recognition_only(text: str) -> float:
    """Return the seconds `geoparse()` (place recognition and resolution alone) takes on `text`."""
    from gazetteer.geoparse.linker import geoparse
    from gazetteer.places.index import load_gazetteer

    gazetteer = load_gazetteer()
    started = time.perf_counter()
    geoparse(text, gazetteer)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size of the long text in MB (default 5)")
    parser.add_argument("--short-kb", type=float, default=2.0, help="size of each short text in KB (default 2)")
    parser.add_argument("--short-mb", type=float, default=1.0, help="all the short texts together, MB (default 1)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each measurement (default 3)")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f} at the start")
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        tiny = folder / "tiny.txt"
        tiny.write_text("On 6 August 1920 our units moved from Geryusy to Nakhichevan.\n", encoding="utf-8")
        cold, _, _ = run([tiny], home=str(folder / "home"))
        run([tiny])   # make sure the real cache is built
        warm, warm_cpu, warm_memory = median_run([tiny], args.runs)
        print(f"start-up: warm {warm:.2f} s ({warm_cpu:.2f} s CPU; median of {args.runs}), cold {cold:.2f} s "
              f"(builds the broad-layer cache); {warm_memory:.0f} MB")

        text = textgen.long_text(int(args.mb * 1_000_000))
        long = folder / "long.txt"
        long.write_text(text, encoding="utf-8")
        size = long.stat().st_size / 1_000_000
        seconds, cpu, memory = median_run([long], args.runs)
        print(f"one long text: {size:.1f} MB in {seconds:.2f} s = {rate(size, seconds, warm)} after start-up "
              f"({cpu:.1f} s CPU = {rate(size, cpu, warm_cpu)} of CPU); peak memory {memory:.0f} MB")

        count = max(1, int(args.short_mb * 1000 / args.short_kb))
        shorts = []
        for i, short in enumerate(textgen.short_texts(count, int(args.short_kb * 1000))):
            shorts.append(folder / f"short-{i:05d}.txt")
            shorts[-1].write_text(short, encoding="utf-8")
        size_short = sum(p.stat().st_size for p in shorts) / 1_000_000
        seconds, cpu, memory = median_run(shorts, args.runs)
        print(f"{count} short texts of {args.short_kb:g} KB in one call: {size_short:.1f} MB in {seconds:.2f} s = "
              f"{rate(size_short, seconds, warm)} after start-up ({cpu:.1f} s CPU = "
              f"{rate(size_short, cpu, warm_cpu)} of CPU); peak memory {memory:.0f} MB")

    seconds = recognition_only(text)
    print(f"place recognition only (geoparse(), no dates or movements; not the whole analysis): "
          f"{size:.1f} MB in {seconds:.2f} s = {size / seconds:.2f} MB/s")
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
