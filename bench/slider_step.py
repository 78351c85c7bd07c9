"""The map's slider step at a dense window: what one step to the next document date costs the browser.

    python bench/slider_step.py [--workdir DIR] [--documents 2000] [--steps 20] [--profile]

What a step costs depends on what the capped answers hold (600 places, 300 movements, 100 listed
documents: mapapp/static/js/caps.js), not on the corpus's size, so a small generated corpus packed
into three months (bench/corpus_gen.py, seed 7) fills the caps as 100,000 documents do. It is built
with `chronotope build`, served by `chronotope serve`, and the page is driven in headless chromium:
after a pause (as between a reader's steps), "next" is pressed and the step lasts until the page is
idle. Printed per step: the wall time (p50, max) and the main thread's busy time (Chrome's
`Performance.getMetrics`: task, script, layout and style seconds), which a loaded machine inflates
less than the wall time; and the DOM nodes the step adds to the map's panes. `--profile` adds the
functions that held the main thread longest over the steps (Chrome's sampling profiler).

To measure another commit, run this script with `PYTHONPATH` set to a checkout of it: `chronotope
serve` then serves that commit's scripts.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import corpus_gen  # noqa: E402  (beside this file)
from app import CHROMIUM, CHROMIUM_ARGS, READY, STEP_JS, Server, chronotope_exe  # noqa: E402

FIRST, LAST = date(1920, 7, 1), date(1920, 9, 30)
START = "1920-08-20"     # the steps go forward from here, through the densest weeks
METRICS = ("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration")
# Counts the nodes each step adds under the map's panes (markers, lines, labels, tooltips).
WATCH_JS = """() => {
    window.addedNodes = 0;
    new MutationObserver((records) => {
        for (const r of records) window.addedNodes += r.addedNodes.length;
    }).observe(document.querySelector('.leaflet-map-pane'), {childList: true, subtree: true});
}"""


def dense_atlas(workdir: Path, documents: int) -> tuple[Path, Path]:
    """Write and build the dense corpus in `workdir` (kept: a rerun reuses it); return (corpus, atlas)."""
    corpus, atlas = workdir / f"dense-{documents}", workdir / f"atlas-dense-{documents}"
    if not corpus.is_dir():
        corpus_gen.write_corpus(corpus, documents, seed=7, first=FIRST, last=LAST)
    subprocess.run([chronotope_exe(), "build", "--corpus", str(corpus), "--out", str(atlas)], check=True,
                   capture_output=True, text=True)
    return corpus, atlas


def metrics(cdp) -> dict[str, float]:
    """Return Chrome's main-thread durations so far, seconds."""
    return {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"] if m["name"] in METRICS}


def hot_functions(profile: dict, top: int = 25) -> list[tuple[str, float, float]]:
    """Return the `top` functions by total time in a CPU profile: (`file:function:line`, total ms, self ms)."""
    nodes = {n["id"]: n for n in profile["nodes"]}
    parent = {child: n["id"] for n in profile["nodes"] for child in n.get("children", [])}
    gaps = profile.get("timeDeltas", [])
    total: Counter = Counter()
    own: Counter = Counter()

    def name(node_id: int) -> str:
        frame = nodes[node_id]["callFrame"]
        where = frame["url"].rsplit("/", 1)[-1].split("?")[0] or "(native)"
        return f"{where}:{frame['functionName'] or '(anonymous)'}:{frame['lineNumber'] + 1}"

    for sample, gap in zip(profile.get("samples", []), gaps[1:] + [0], strict=True):
        own[name(sample)] += gap / 1000
        seen, node = set(), sample
        while node is not None:
            seen.add(name(node))
            node = parent.get(node)
        for each in seen:
            total[each] += gap / 1000
    idle = {n for n in total if "(idle)" in n or "(root)" in n}
    return [(n, round(ms, 1), round(own[n], 1)) for n, ms in total.most_common(top + len(idle)) if n not in idle][:top]


def measure(url: str, steps: int, profile: bool) -> dict:
    """Open the map at `url`, take `steps` steps forward; return the step figures."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
        cdp = page.context.new_cdp_session(page)
        cdp.send("Performance.enable")
        page.goto(url)
        page.wait_for_function(READY, timeout=60_000)
        page.evaluate("window.chronotope.idle()")
        page.evaluate(WATCH_JS)
        shown = page.evaluate("window.chronotope.counts()")
        if profile:
            cdp.send("Profiler.enable")
            cdp.send("Profiler.setSamplingInterval", {"interval": 200})
            cdp.send("Profiler.start")
        walls, busy, added = [], Counter(), []
        for _ in range(steps):
            page.evaluate("window.addedNodes = 0")
            before = metrics(cdp)
            walls.append(page.evaluate(STEP_JS))
            after = metrics(cdp)
            busy.update({k: (after[k] - before[k]) * 1000 for k in METRICS})
            added.append(page.evaluate("window.addedNodes"))
        hot = hot_functions(cdp.send("Profiler.stop")["profile"]) if profile else []
        browser.close()
    walls.sort()
    # The main thread's busy time over a step includes the 300 ms pause before it (idle: ~0).
    return {"steps": steps, "step_ms_p50": round(walls[len(walls) // 2], 1), "step_ms_max": round(walls[-1], 1),
            "main_thread_ms_per_step": {k.removesuffix("Duration").lower(): round(v / steps, 1) for k, v in busy.items()},
            "nodes_added_per_step": round(sum(added) / steps), "shown": shown, "hot_functions_ms": hot}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "chronotope-step",
                        help="where the dense corpus and its atlas are kept between runs")
    parser.add_argument("--documents", type=int, default=2000, help="generated documents, July-September 1920")
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--profile", action="store_true", help="also print the hottest functions over the steps")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    corpus, atlas = dense_atlas(args.workdir, args.documents)
    server = Server(corpus, atlas)
    try:
        figures = measure(f"{server.url}/?date={START}&window=30", args.steps, args.profile)
    finally:
        server.stop()
    if args.json:
        print(json.dumps(figures, indent=1))
    busy = figures["main_thread_ms_per_step"]
    print(f"slider step at a dense window ({args.documents} documents, {figures['shown']}): "
          f"p50 {figures['step_ms_p50']} ms, max {figures['step_ms_max']} ms over {args.steps} steps; "
          f"main thread a step {busy['task']} ms (script {busy['script']}, layout {busy['layout']}, "
          f"style {busy['recalcstyle']}); {figures['nodes_added_per_step']} nodes added a step (aim: step < 100 ms)")
    for name, ms, own in figures["hot_functions_ms"]:
        print(f"  {ms:8.1f} ms  (self {own:7.1f})  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
