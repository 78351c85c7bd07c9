"""Score the geoparser on the development sets and the held-out sets, side by side.

    python bench/score_sets.py              # one row per set: places, dates, routes
    python bench/score_sets.py --verbose    # plus every miss of the development sets
    python bench/score_sets.py --cmd "chronotope geoparse" --shared ../shared
    python bench/score_sets.py --freeze heldout-ru   # record a held-out set's files as frozen (once)

The numbers come from the shared scorer (shared/tools/score_geoparse.py), run on each set's
texts/ against its gold/, and route precision (which the scorer lacks) from one more run of the
geoparser: the share of predicted routes that overlap a gold route's mention. The rows:

* development sets, read while the analysis was developed: bench/devset/ (English, encyclopedic
  passages), bench/devset_dispatches/ (English dispatches and parliamentary answers) and
  bench/russian/ (Russian, written for the project) and bench/russian_others/ (Russian texts by
  others, read while developing). Their scores, like the seeds', are not
  evidence of generalisation.
* held-out sets, texts written by others with gold made before Chronotope ran on them:
  bench/heldout/ (English), the same set through bench/ocr_noise.py's OCR noise model (seed 1920,
  one word in ten confused) and bench/heldout_ru/ (Russian). Only these say how the analysis
  generalises. They are scored only as frozen (FROZEN.sha256), as a whole, and their misses are
  never listed: code and data are not changed because of them.

The verbose listing runs `chronotope geoparse --json` on the development sets once more and
compares it with the gold using the scorer's own span, matching and distance functions, so what it
lists is exactly what the scorer counted.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "bench" / "devset"
DISPATCHES = ROOT / "bench" / "devset_dispatches"
RUSSIAN = ROOT / "bench" / "russian"
RUSSIAN_OTHERS = ROOT / "bench" / "russian_others"
DEVELOPMENT = {"development": DEVSET, "development-dispatches": DISPATCHES, "development-ru": RUSSIAN,
               "development-ru-others": RUSSIAN_OTHERS}
HELDOUT = ROOT / "bench" / "heldout"
FROZEN = HELDOUT / "FROZEN.sha256"
HELDOUT_RU = ROOT / "bench" / "heldout_ru"
FROZEN_RU = HELDOUT_RU / "FROZEN.sha256"
# The frozen sets, by the name `--freeze` takes; each manifest is FROZEN.sha256 in the set's folder.
FROZEN_SETS = {"heldout": HELDOUT, "heldout-ru": HELDOUT_RU}
# The OCR-noised copy of the English held-out set: bench/ocr_noise.py's model with its defaults.
OCR_SEED, OCR_RATE = 1920, 0.1
# Row order of the table, and what each row is (printed under it).
ROWS = {
    "development": "development set, English encyclopedic passages (bench/devset/)",
    "development-dispatches": "development set, English dispatches and answers (bench/devset_dispatches/)",
    "held-out": "held-out set, English texts by others (bench/heldout/)",
    "held-out-ocr": f"held-out set, the same through the OCR noise model (seed {OCR_SEED}, rate {OCR_RATE})",
    "development-ru": "development set, Russian texts written for the project (bench/russian/)",
    "development-ru-others": "development set, Russian texts by others, read while developing (bench/russian_others/)",
    "held-out-ru": "held-out set, Russian texts by others (bench/heldout_ru/)",
}
SCORER = Path("tools") / "score_geoparse.py"
COLUMNS = ("precision", "recall", "f1", "place_score", "date_recall", "date_precision", "date_exact", "route_recall",
           "route_precision")
CAVEAT = ("development scores (like the seeds') are not evidence of generalisation: their texts were read while "
          "developing; only the held-out sets' are")


def load_module(name: str, path: Path):
    """Return the Python file at `path` as a module (the scorer and bench scripts are not packages)."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_scorer(shared: Path):
    """Return the shared scorer as a module (its helpers are reused for the verbose listing)."""
    return load_module("score_geoparse", shared / SCORER)


def has_texts(folder: Path) -> bool:
    """Return True when the set in `folder` has texts with gold to score."""
    return any((folder / "texts" / f"{g.stem}.txt").is_file() for g in (folder / "gold").glob("*.json"))


def run_scorer(shared: Path, cmd: str, folder: Path) -> dict:
    """Return the scorer's JSON report (rows, totals, summary) on one set; raise RuntimeError if it fails."""
    out = subprocess.run([sys.executable, str(shared / SCORER), str(folder / "texts"), str(folder / "gold"),
                          "--cmd", cmd, "--json"], capture_output=True, text=True, timeout=900)
    if out.returncode != 0:
        raise RuntimeError((out.stdout + out.stderr).strip()[-400:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def passages_and_predictions(sg, cmd: str, folder: Path) -> list[tuple[dict, str, dict]]:
    """Return (gold, text, `cmd --json` output) per text of a set, the text read as the scorer reads it."""
    golds = sorted((folder / "gold").glob("*.json"))
    texts = [sg.passage(folder / "texts" / f"{g.stem}.txt") for g in golds]
    with tempfile.TemporaryDirectory(prefix="score-sets-") as work:
        paths = [Path(work) / f"{g.stem}.txt" for g in golds]
        for path, text in zip(paths, texts, strict=True):
            path.write_text(text, encoding="utf-8")
        preds = sg.run_geoparse(cmd, paths)
    return [(json.loads(g.read_text(encoding="utf-8")), text, pred)
            for g, text, pred in zip(golds, texts, preds, strict=True)]


def route_precision(cases: list[tuple[dict, str, dict]]) -> float | str:
    """Return the share of predicted routes that overlap a gold route's mention ("-" if none predicted).

    The scorer counts route recall only; this is its counterpart, so that recall is not bought with
    routes the text does not state."""
    right = predicted = 0
    for gold, text, pred in cases:
        spans = [span for route in gold.get("routes", []) for span in occurrences(text, route["mention"])]
        for route in pred.get("routes", []):
            predicted += 1
            right += any(min(e, route["end"]) - max(s, route["start"]) > 0 for s, e in spans)
    return round(right / predicted, 3) if predicted else "-"


def occurrences(text: str, mention: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each whole-word occurrence of `mention`, as the scorer finds them."""
    pattern = r"(?<!\w)" + re.escape(mention) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def fingerprints(folder: Path) -> dict[str, str]:
    """Return {relative path: sha256} of the files that make up a set (texts, gold, annotations)."""
    files = [p for p in sorted(folder.rglob("*")) if p.is_file() and p.name not in (FROZEN.name, "README.md")]
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def frozen_state(folder: Path, manifest: Path) -> str:
    """Return "frozen", "not frozen" or "CHANGED since frozen: ..." for the held-out set."""
    if not manifest.is_file():
        return "not frozen"
    recorded = dict(reversed(line.split("  ", 1)) for line in manifest.read_text(encoding="utf-8").splitlines()
                    if line.strip())
    now = fingerprints(folder)
    changed = sorted(k for k in recorded.keys() | now.keys() if recorded.get(k) != now.get(k))
    return f"CHANGED since frozen: {', '.join(changed)}" if changed else "frozen"


def side_by_side(results: dict[str, dict | str]) -> str:
    """Return the table of the sets' summaries: one row per set, or why a set was not scored."""
    header = ("set", "texts", *COLUMNS)
    scored = {name: (name, str(len(r["rows"])), *(str(r["summary"].get(c, "-")) for c in COLUMNS))
              for name, r in results.items() if not isinstance(r, str)}
    widths = [max(len(row[i]) for row in (header, *scored.values(), *((n, "0") for n in results)) if i < len(row))
              for i in range(len(header))]
    lines = []
    for row in (header, *(scored.get(name) or (name, "0", results[name]) for name in results)):
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)).rstrip())
    return "\n".join(lines)


def place_misses(sg, text: str, gold: dict, pred: dict) -> list[str]:
    """Return one line per gold span not found, false positive and resolution beyond tolerance."""
    gspans = sg.gold_spans(text, gold.get("places", []))
    pplaces = [p for p in pred.get("places", []) if p.get("lat") is not None]
    pairs = sg.match(gspans, pplaces)
    matched_gold = {(g[0], g[1]) for g, _ in pairs}
    matched_pred = {(p["start"], p["end"]) for _, p in pairs}
    lines = [f"  MISS   {text[s:e]!r} @{s} (gold {item['canonical']}, {item['kind']})"
             for s, e, item in gspans if (s, e) not in matched_gold]
    for p in pplaces:
        if (p["start"], p["end"]) not in matched_pred:
            lines.append(f"  FP     {text[p['start']:p['end']]!r} @{p['start']} -> {p.get('name')} "
                         f"({p.get('kind')}, {p['lat']:.2f}, {p['lon']:.2f})")
    for g, p in pairs:
        item = g[2]
        d = sg.haversine_km(item["lat"], item["lon"], p["lat"], p["lon"])
        tol = sg.TOLERANCE_KM.get(item.get("kind", "other"), 60)
        if d > tol:
            lines.append(f"  FAR    {text[g[0]:g[1]]!r} @{g[0]} -> {p.get('name')} ({p['lat']:.2f}, {p['lon']:.2f}) "
                         f"is {d:.0f} km from gold {item['canonical']} (tolerance {tol} km)")
        elif (g[0], g[1]) != (p["start"], p["end"]):
            lines.append(f"  SPAN   gold {text[g[0]:g[1]]!r} vs predicted {text[p['start']:p['end']]!r}")
    unresolved = [p for p in pred.get("places", []) if p.get("lat") is None]
    lines += [f"  UNRES  {text[p['start']:p['end']]!r} @{p['start']} (found, not resolved)" for p in unresolved]
    return lines


def date_misses(sg, text: str, gold: dict, pred: dict) -> list[str]:
    """Return one line per gold date not found, predicted date not in gold and wrong range."""
    gspans = sg.gold_spans(text, gold.get("dates", []))
    pairs = sg.match(gspans, pred.get("dates", []))
    matched_gold = {(g[0], g[1]) for g, _ in pairs}
    matched_pred = {(p["start"], p["end"]) for _, p in pairs}
    lines = [f"  DMISS  {text[s:e]!r} @{s}" for s, e, _ in gspans if (s, e) not in matched_gold]
    lines += [f"  DFP    {text[p['start']:p['end']]!r} @{p['start']} -> {p.get('earliest')}..{p.get('latest')}"
              for p in pred.get("dates", []) if (p["start"], p["end"]) not in matched_pred]
    for g, p in pairs:
        if (p.get("earliest"), p.get("latest")) != (g[2]["start"], g[2]["end"]):
            lines.append(f"  DWRONG {text[g[0]:g[1]]!r}: predicted {text[p['start']:p['end']]!r} "
                         f"{p.get('earliest')}..{p.get('latest')}, gold {g[2]['start']}..{g[2]['end']}")
    return lines


def route_misses(sg, text: str, gold: dict, pred: dict) -> list[str]:
    """Return one line per gold route the scorer does not count as found, saying why."""
    lines = []
    for r in gold.get("routes", []):
        s, e = (sg.occurrences(text, r["mention"]) or [(0, 0)])[0]
        need = min(2, len(r.get("waypoints", [])))
        overlapping = [p for p in pred.get("routes", []) if min(e, p["end"]) - max(s, p["start"]) > 0]
        if any(len(p.get("waypoints", [])) >= need for p in overlapping):
            continue
        why = "no predicted route overlaps" if not overlapping else "overlapping route has " + ", ".join(
            f"{len(p.get('waypoints', []))} waypoint(s) {[w.get('name') for w in p.get('waypoints', [])]}"
            for p in overlapping) + f", needs {need}"
        lines.append(f"  RMISS  {r['mention']!r} -> {r['waypoints']} ({why})")
    return lines


def verbose_report(sg, cmd: str, folder: Path) -> None:
    """Print every miss of every text of a set, comparing `cmd --json` output with the gold directly."""
    golds = sorted((folder / "gold").glob("*.json"))
    for path, (gold, text, pred) in zip(golds, passages_and_predictions(sg, cmd, folder), strict=True):
        lines = place_misses(sg, text, gold, pred) + date_misses(sg, text, gold, pred) + route_misses(sg, text, gold, pred)
        lines += [f"  RFP    {text[r['start']:r['end']]!r} -> {[w.get('name') for w in r.get('waypoints', [])]}"
                  for r in pred.get("routes", [])
                  if not any(min(e, r["end"]) - max(s, r["start"]) > 0
                             for g in gold.get("routes", []) for s, e in occurrences(text, g["mention"]))]
        print(f"== {path.stem}: {len(lines)} issue(s)")
        print("\n".join(lines) if lines else "  (none)")


def why_not_scored(folder: Path, manifest: Path) -> str | None:
    """Return why a held-out set may not be scored (empty, not frozen, changed), or None if it may."""
    if not has_texts(folder):
        return f"not yet scored: {folder.name}/ has no texts yet (see its README)"
    state = frozen_state(folder, manifest)
    return None if state == "frozen" else f"not scored: the set is {state} (see its README)"


def heldout_result(shared: Path, cmd: str, folder: Path, manifest: Path) -> dict | str:
    """Return the scorer's report on a held-out set, or why it is not scored (empty, not frozen, changed)."""
    return why_not_scored(folder, manifest) or run_scorer(shared, cmd, folder)


def noisy_result(shared: Path, cmd: str, sg, out: Path) -> dict | str:
    """Return the scorer's report on the English held-out set made noisy in `out`, or why it is not scored.

    The noisy copy is made only from the frozen set, so its figure measures the same texts."""
    why = why_not_scored(HELDOUT, FROZEN)
    if why:
        return why
    noise = load_module("ocr_noise", ROOT / "bench" / "ocr_noise.py")
    noise.make_noisy_set(out, OCR_SEED, OCR_RATE, sg, HELDOUT)
    return run_scorer(shared, cmd, out)


def scored_sets(shared: Path, cmd: str, work: Path) -> dict[str, dict | str]:
    """Return every row's report (or why it was not scored), route precision added, in ROWS order."""
    sg = load_scorer(shared)
    folders = {**DEVELOPMENT, "held-out": HELDOUT, "held-out-ocr": work / "held-out-ocr", "held-out-ru": HELDOUT_RU}
    results: dict[str, dict | str] = {name: run_scorer(shared, cmd, folder) for name, folder in DEVELOPMENT.items()}
    results["held-out"] = heldout_result(shared, cmd, HELDOUT, FROZEN)
    results["held-out-ocr"] = noisy_result(shared, cmd, sg, folders["held-out-ocr"])
    results["held-out-ru"] = heldout_result(shared, cmd, HELDOUT_RU, FROZEN_RU)
    for name, result in results.items():
        if not isinstance(result, str):
            result["summary"]["route_precision"] = route_precision(passages_and_predictions(sg, cmd, folders[name]))
    return {name: results[name] for name in ROWS}


def legend() -> str:
    """Return one line per row saying whether it is a development or a held-out set, and which."""
    width = max(map(len, ROWS))
    return "\n".join(f"  {name.ljust(width)}  {what}" for name, what in ROWS.items())


def freeze(folder: Path, manifest: Path) -> int:
    """Record the SHA-256 of the set's files in `manifest`; return how many."""
    prints = fingerprints(folder)
    manifest.write_text("".join(f"{h}  {k}\n" for k, h in prints.items()), encoding="utf-8")
    return len(prints)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every miss of the development sets")
    parser.add_argument("--cmd", default="chronotope geoparse", help="geoparser command (default: %(default)s)")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder (scorer)")
    parser.add_argument("--freeze", nargs="?", const="heldout", choices=sorted(FROZEN_SETS),
                        help="record a held-out set's files as frozen (default: heldout), then stop")
    args = parser.parse_args(argv)
    if args.freeze:
        folder = FROZEN_SETS[args.freeze]
        manifest = folder / FROZEN.name
        print(f"score_sets: {freeze(folder, manifest)} held-out files recorded in {manifest.relative_to(ROOT)}")
        return 0
    if not (args.shared / SCORER).is_file():
        print(f"score_sets: no scorer at {args.shared / SCORER} (shared/ is missing); nothing scored")
        return 0
    try:
        with tempfile.TemporaryDirectory(prefix="score-sets-ocr-") as work:
            results = scored_sets(args.shared, args.cmd, Path(work))
    except (RuntimeError, subprocess.TimeoutExpired, json.JSONDecodeError) as err:
        print(f"score_sets: the scorer failed: {err}")
        return 1
    print(side_by_side(results))
    print(f"note: {CAVEAT}")
    print(legend())
    if args.verbose:
        sg = load_scorer(args.shared)
        try:
            for folder in DEVELOPMENT.values():
                verbose_report(sg, args.cmd, folder)
        except (RuntimeError, subprocess.TimeoutExpired) as err:
            print(f"score_sets: geoparse failed: {err}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
