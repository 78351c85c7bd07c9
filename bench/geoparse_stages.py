"""Where the CPU of `chronotope geoparse --json` goes, stage by stage, on the texts given.

    python bench/geoparse_stages.py FILE... [--runs 2]
    python bench/geoparse_stages.py --generated 1 [--short 250]   # bench/textgen.py: 1 MB, or 250 texts of 2 KB

The texts are analysed in this process as the command analyses them (`analyse_text`, then the
JSON Lines written to /dev/null), after one warm-up text; each stage's CPU seconds
(`time.process_time`) are summed over the texts by timing the stage's function where the pipeline
calls it: line-end hyphens rejoined, dates, place recognition (the name automaton; OCR-noisy
names; Russian forms), resolution, movements, language, the spans mapped back across the
rejoined hyphens, and the JSON. What is left (the pipeline's own lines) is "rest". The best of
--runs runs is printed, with the machine's load average. Start-up (imports, the gazetteer) is
not in these figures: bench/geoparse.py times it.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import textgen  # noqa: E402  (beside this file)

# (stage, module, function): timed where the module named calls it
STAGES = (
    ("rejoin hyphens", "mapapp.analysis.pipeline", "dehyphenate"),
    ("dates", "mapapp.analysis.pipeline", "find_dates"),
    ("names: automaton", "gazetteer.geoparse.linker", "find_hits"),
    ("names: OCR noise", "gazetteer.geoparse.linker", "fuzzy_hits"),
    ("names: Russian", "gazetteer.geoparse.linker", "russian_hits"),
    ("names: Russian", "gazetteer.geoparse.linker", "adjective_hits"),
    ("resolution", "gazetteer.geoparse.linker", "resolve"),
    ("movements", "mapapp.analysis.pipeline", "find_movements"),
    ("language", "mapapp.analysis.pipeline", "detect_language"),
    ("map back", "mapapp.analysis.pipeline", "_in_original"),
)


def command_options() -> dict:
    """What `chronotope geoparse` passes to `analyse_text` besides the text (none before `lines`)."""
    import inspect

    from mapapp.analysis.pipeline import analyse_text

    return {"lines": False} if "lines" in inspect.signature(analyse_text).parameters else {}


def timed(spent: Counter, stage: str, function):
    """`function`, adding the CPU seconds of each call to spent[stage]."""
    def run(*args, **kwargs):
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[stage] += time.process_time() - started
    return run


def measure(texts: list[str]) -> tuple[Counter, float]:
    """Return the CPU seconds of each stage over `texts`, and of the whole analysis and JSON."""
    import importlib

    from mapapp.analysis.pipeline import analyse_text, analysis_fields
    from mapapp.cli.output import emit_json_line
    from mapapp.cli.place_lines import encoded_places

    spent: Counter = Counter()
    options = command_options()
    originals = []
    for stage, module_name, name in STAGES:
        module = importlib.import_module(module_name)
        originals.append((module, name, getattr(module, name)))
        setattr(module, name, timed(spent, stage, getattr(module, name)))
    try:
        with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink):
            started = time.process_time()
            for i, text in enumerate(texts):
                analysis = analyse_text(text, **options)
                json_started = time.process_time()
                emit_json_line({**analysis_fields(f"text-{i}", analysis), "places": encoded_places(analysis)})
                spent["JSON"] += time.process_time() - json_started
            whole = time.process_time() - started
    finally:
        for module, name, original in originals:
            setattr(module, name, original)
    spent["rest"] = whole - sum(spent.values())
    return spent, whole


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--generated", type=float, help="one generated text of this many MB")
    parser.add_argument("--short", type=int, help="this many generated texts of 2 KB")
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    from gazetteer.places.index import load_gazetteer
    from mapapp.analysis.pipeline import analyse_text

    texts = [p.read_text(encoding="utf-8") for p in args.files]
    if args.generated:
        texts.append(textgen.long_text(int(args.generated * 1_000_000)))
    if args.short:
        texts += textgen.short_texts(args.short, 2000)
    if not texts:
        parser.error("no texts: give FILEs, --generated or --short")
    load_gazetteer()
    # Warm-up: what a process builds once (the name automaton's tables, the index of OCR-noisy names)
    analyse_text("On 6 August 1920 our units moved from Geryusy to Nakhichevan. Alexandrop0l was taken.")
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    load = os.getloadavg()[0]
    spent, whole = min((measure(texts) for _ in range(args.runs)), key=lambda r: r[1])
    print(f"{len(texts)} texts, {size:.2f} MB: {whole:.2f} s CPU = {size / whole:.2f} MB/s of CPU "
          f"(best of {args.runs}; load average {load:.1f} -> {os.getloadavg()[0]:.1f})")
    for stage, seconds in spent.most_common():
        print(f"  {stage:18s} {seconds:6.2f} s  {100 * seconds / whole:5.1f} %")


if __name__ == "__main__":
    main()
