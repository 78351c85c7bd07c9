"""Score the geoparser on the held-out encyclopedic passages (bench/heldout/).

    python bench/heldout.py              # per-text rows and the scorer's summary line
    python bench/heldout.py --verbose    # also every miss, false positive, far resolution, date and route miss
    python bench/heldout.py --cmd "chronotope geoparse" --shared ../shared

The numbers come from the shared scorer (shared/tools/score_geoparse.py), run on
bench/heldout/texts against bench/heldout/gold. The verbose listing runs `chronotope geoparse
--json` once more and compares it with the gold using the scorer's own span, matching and
distance functions, so what it lists is exactly what the scorer counted.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "bench" / "heldout"
SCORER = Path("tools") / "score_geoparse.py"


def load_scorer(shared: Path):
    """Return the shared scorer as a module (its helpers are reused for the verbose listing)."""
    spec = importlib.util.spec_from_file_location("score_geoparse", shared / SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_scorer(shared: Path, cmd: str) -> dict:
    """Return the scorer's JSON report (rows, totals, summary); raise RuntimeError if it fails."""
    out = subprocess.run([sys.executable, str(shared / SCORER), str(HELDOUT / "texts"), str(HELDOUT / "gold"),
                          "--cmd", cmd, "--json"], capture_output=True, text=True, timeout=900)
    if out.returncode != 0:
        raise RuntimeError((out.stdout + out.stderr).strip()[-400:])
    return json.loads(out.stdout.strip().splitlines()[-1])


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


def verbose_report(sg, cmd: str) -> None:
    """Print every miss of every text, comparing `cmd --json` output with the gold directly."""
    golds = sorted((HELDOUT / "gold").glob("*.json"))
    texts = [sg.passage(HELDOUT / "texts" / f"{g.stem}.txt") for g in golds]
    preds = sg.run_geoparse(cmd, [HELDOUT / "texts" / f"{g.stem}.txt" for g in golds])
    for path, text, pred in zip(golds, texts, preds, strict=True):
        gold = json.loads(path.read_text(encoding="utf-8"))
        lines = place_misses(sg, text, gold, pred) + date_misses(sg, text, gold, pred) + route_misses(sg, text, gold, pred)
        print(f"== {path.stem}: {len(lines)} issue(s)")
        print("\n".join(lines) if lines else "  (none)")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every miss, false positive and far resolution")
    parser.add_argument("--cmd", default="chronotope geoparse", help="geoparser command (default: %(default)s)")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder (scorer)")
    args = parser.parse_args(argv)
    if not (args.shared / SCORER).is_file():
        print(f"heldout: no scorer at {args.shared / SCORER} (shared/ is missing); nothing scored")
        return 0
    try:
        report = run_scorer(args.shared, args.cmd)
    except (RuntimeError, subprocess.TimeoutExpired, json.JSONDecodeError) as err:
        print(f"heldout: the scorer failed: {err}")
        return 1
    for row in report["rows"]:
        print(json.dumps(row))
    print(" ".join(f"{k}={v}" for k, v in report["summary"].items()))
    if args.verbose:
        try:
            verbose_report(load_scorer(args.shared), args.cmd)
        except (RuntimeError, subprocess.TimeoutExpired) as err:
            print(f"heldout: geoparse failed: {err}")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
