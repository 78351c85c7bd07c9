"""Score the geoparser on clean text and on the same text with OCR noise, side by side.

    python bench/ocr_noise.py [--seed 1920] [--rate 0.1] [--out DIR] [--cmd "chronotope geoparse"]
    python bench/ocr_noise.py --set bench/heldout     # the held-out set, clean and noisy (frozen only)

The noisy set is made from the development set (bench/devset/, or the set given with --set) by a seeded noise model of
what OCR does to printed pages of the period:
* the text is set in lines of about WIDTH characters; a word that crosses the line end is
  split with a hyphen ("Alexan-\\ndropol") half the time, else moved to the next line;
* a share `rate` of the words get one confusion: l→1, O→0, m→rn, rn→m, e→c, c→e, or a stray
  space inside the word ("Alexan dropol").
The gold follows the noise: every gold span (places, dates, routes) is mapped through it, so a
mention of the noisy gold is the noisy text of the clean one. The noisy texts and gold are
written to --out (a temporary folder by default); the shared scorer (shared/tools/
score_geoparse.py) scores both sets. This is a development set made noisy: its scores say what
the noise costs, not how well the analysis generalises; made from the held-out set (which the
OCR layer was not written from), they are, and only its totals are printed.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "bench" / "devset"
WIDTH = 64
CONFUSIONS = (("l", "1"), ("O", "0"), ("m", "rn"), ("rn", "m"), ("e", "c"), ("c", "e"))
COLUMNS = ("precision", "recall", "f1", "place_score", "date_recall", "date_precision", "date_exact", "route_recall")
_WORD = re.compile(r"[^\W\d_]+")


def noisy_pieces(text: str, rng: random.Random, rate: float) -> list[str]:
    """Return what each character of `text` becomes under the noise model (one piece per character;
    an insertion goes into the piece of the character after it, never the first of a word)."""
    pieces = list(text)
    for word in _WORD.finditer(text):
        if rng.random() >= rate:
            continue
        start, end = word.span()
        options = [(i, wrong, right) for wrong, right in CONFUSIONS for i in range(start, end)
                   if text.startswith(wrong, i) and (len(wrong) == 1 or i + 1 < end)]
        if end - start >= 6:
            options.append((rng.randrange(start + 2, end - 2), "", " "))
        if not options:
            continue
        i, wrong, right = rng.choice(options)
        if wrong == "":
            pieces[i] = " " + pieces[i]
        else:
            pieces[i] = right
            for j in range(i + 1, i + len(wrong)):
                pieces[j] = ""
    _wrap(text, pieces, rng)
    return pieces


def _wrap(text: str, pieces: list[str], rng: random.Random) -> None:
    """Set the text in lines of about WIDTH characters: spaces become line breaks, some words split."""
    column = 0
    for word in re.finditer(r"\S+|\s+", text):
        start, end = word.span()
        if "\n" in word.group(0):
            column = 0
            continue
        if word.group(0).isspace():
            column += 1
            continue
        if column + (end - start) <= WIDTH:
            column += end - start
            continue
        cut = start + (WIDTH - column)
        letters = word.group(0).isalpha() or word.group(0)[:-1].isalpha()
        if letters and cut - start >= 3 and end - cut >= 3 and rng.random() < 0.5:
            pieces[cut] = "-\n" + pieces[cut]
            column = end - cut
        elif start > 0 and text[start - 1] == " ":
            pieces[start - 1] = "\n"
            column = end - start


def offsets(pieces: list[str]) -> list[int]:
    """Return the noisy offset of each clean offset (and of the end)."""
    out, total = [], 0
    for piece in pieces:
        out.append(total)
        total += len(piece)
    out.append(total)
    return out


def noisy_gold(text: str, gold: dict, pieces: list[str], sg) -> tuple[str, dict, int]:
    """Return the noisy text, its gold, and how many gold place spans the noise broke up."""
    noisy = "".join(pieces)
    at = offsets(pieces)

    def moved(s: int, e: int) -> str:
        # An insertion belongs to the piece after it: a span's end stops before it.
        return noisy[at[s]:at[e - 1] + len(pieces[e - 1])]

    places: dict[tuple, dict] = {}
    spans = sg.gold_spans(text, gold.get("places", []))
    for s, e, item in spans:
        mention = moved(s, e)
        places.setdefault((mention, item["canonical"]), {**item, "mention": mention})
    dates: dict[str, dict] = {}
    for s, e, item in sg.gold_spans(text, gold.get("dates", [])):
        mention = moved(s, e)
        dates.setdefault(mention, {**item, "mention": mention})
    routes = []
    for route in gold.get("routes", []):
        found = sg.occurrences(text, route["mention"])
        routes.append({**route, "mention": moved(*found[0])} if found else route)
    result = {"places": list(places.values()), "dates": list(dates.values()), "routes": routes}
    broken = len(spans) - len(sg.gold_spans(noisy, result["places"]))
    return noisy, result, broken


def make_noisy_set(out: Path, seed: int, rate: float, sg, folder: Path = DEVSET) -> int:
    """Write the noisy copy of the set in `folder` to out/texts and out/gold; return the gold spans broken."""
    (out / "texts").mkdir(parents=True, exist_ok=True)
    (out / "gold").mkdir(parents=True, exist_ok=True)
    broken = 0
    for gold_path in sorted((folder / "gold").glob("*.json")):
        text = sg.passage(folder / "texts" / f"{gold_path.stem}.txt")
        rng = random.Random(f"{seed}:{gold_path.stem}")
        noisy, gold, lost = noisy_gold(text, json.loads(gold_path.read_text(encoding="utf-8")),
                                       noisy_pieces(text, rng, rate), sg)
        broken += lost
        (out / "texts" / f"{gold_path.stem}.txt").write_text(noisy, encoding="utf-8")
        (out / "gold" / gold_path.name).write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
    return broken


def score(shared: Path, cmd: str, folder: Path) -> dict:
    out = subprocess.run([sys.executable, str(shared / "tools" / "score_geoparse.py"), str(folder / "texts"),
                          str(folder / "gold"), "--cmd", cmd, "--json"], capture_output=True, text=True, timeout=900)
    if out.returncode != 0:
        raise RuntimeError((out.stdout + out.stderr).strip()[-400:])
    return json.loads(out.stdout.strip().splitlines()[-1])["summary"]


def held_out_state(folder: Path) -> str | None:
    """Return None for a development set, else the held-out set's frozen state (bench/score_sets.py's)."""
    spec = importlib.util.spec_from_file_location("score_sets", ROOT / "bench" / "score_sets.py")
    sets = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sets)
    for held_out in sets.FROZEN_SETS.values():
        if folder.resolve() == held_out.resolve():
            return sets.frozen_state(held_out, held_out / sets.FROZEN.name)
    return None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1920)
    parser.add_argument("--rate", type=float, default=0.1, help="share of words given one confusion")
    parser.add_argument("--out", type=Path, help="where to write the noisy set (default: a temporary folder)")
    parser.add_argument("--cmd", default="chronotope geoparse")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--set", type=Path, default=DEVSET, help="the set to make noisy (default: %(default)s)")
    args = parser.parse_args(argv)
    state = held_out_state(args.set)
    if state not in (None, "frozen"):
        print(f"ocr_noise: not scored: the held-out set is {state} (see its README)")
        return 1
    scorer = args.shared / "tools" / "score_geoparse.py"
    if not scorer.is_file():
        print(f"ocr_noise: no scorer at {scorer} (shared/ is missing); nothing scored")
        return 0
    spec = importlib.util.spec_from_file_location("score_geoparse", scorer)
    sg = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sg)
    out = args.out or Path(tempfile.mkdtemp(prefix="ocr-noise-"))
    broken = make_noisy_set(out, args.seed, args.rate, sg, args.set)
    rows = {"clean": score(args.shared, args.cmd, args.set), f"noisy (rate {args.rate})": score(args.shared, args.cmd, out)}
    width = max(map(len, rows))
    print("set".ljust(width), *COLUMNS)
    for name, summary in rows.items():
        print(name.ljust(width), *(str(summary.get(c, "-")).ljust(len(c)) for c in COLUMNS))
    print(f"noisy set in {out} (seed {args.seed}); gold place spans lost to the noise: {broken}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
