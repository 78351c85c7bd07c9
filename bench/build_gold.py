"""Write a set's gold files (SET/gold/*.json) from its annotations.json, places.json and texts/.

    python bench/build_gold.py bench/devset           # writes gold/, prints a count line
    python bench/build_gold.py bench/devset --check   # only checks that gold/ is up to date
    python bench/build_gold.py bench/heldout          # the same for the held-out set

Counts are never typed by hand: `count` is the number of whole-word, case-sensitive occurrences
of a mention in its text, found with the scorer's own pattern, and `nested` (only when > 0) how
many of those lie inside a longer place mention of the same text. Every mention, route mention
and date mention must occur in its text, and every canonical name must be in places.json.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path


def occurrences(text: str, mention: str) -> list[tuple[int, int]]:
    """Return the (start, end) of each whole-word occurrence, as score_geoparse.py finds them."""
    pattern = r"(?<!\w)" + re.escape(mention) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def nested_count(text: str, mention: str, others: list[str]) -> int:
    """Return how many occurrences of `mention` lie inside an occurrence of a longer mention."""
    longer = [span for o in others if len(o) > len(mention) for span in occurrences(text, o)]
    return sum(1 for s, e in occurrences(text, mention) if any(a <= s and e <= b for a, b in longer))


def place_entries(stem: str, text: str, pairs: list[list[str]], places: dict) -> list[dict]:
    """Return the gold place entries of one text; raise ValueError on an unknown or absent name."""
    mentions = [m for m, _ in pairs]
    out = []
    for mention, canonical in pairs:
        if canonical not in places:
            raise ValueError(f"{stem}: canonical {canonical!r} is not in places.json")
        count = len(occurrences(text, mention))
        if not count:
            raise ValueError(f"{stem}: place mention {mention!r} does not occur")
        point = places[canonical]
        entry = {"mention": mention, "count": count}
        nested = nested_count(text, mention, mentions)
        if nested:
            entry["nested"] = nested
        entry.update(canonical=canonical, lat=point["lat"], lon=point["lon"], kind=point["kind"],
                     coord_source=point["coord_source"])
        if "note" in point:
            entry["note"] = point["note"]
        out.append(entry)
    return out


def gold_for(stem: str, text: str, ann: dict, places: dict) -> dict:
    """Return the scorer-format gold object of one text."""
    for mention, waypoints, _kind, _status in ann["routes"]:
        if not occurrences(text, mention):
            raise ValueError(f"{stem}: route mention {mention!r} does not occur")
        unknown = [w for w in waypoints if w not in places]
        if unknown:
            raise ValueError(f"{stem}: route {mention!r} has unknown waypoints {unknown}")
    for mention, _start, _end in ann["dates"]:
        if not occurrences(text, mention):
            raise ValueError(f"{stem}: date mention {mention!r} does not occur")
    return {
        "places": place_entries(stem, text, ann["places"], places),
        "dates": [{"mention": m, "start": s, "end": e} for m, s, e in ann["dates"]],
        "routes": [{"mention": m, "waypoints": w, "kind": k, "status": st} for m, w, k, st in ann["routes"]],
    }


def build(folder: Path) -> dict[str, dict]:
    """Return {stem: gold} for every annotated text of the set in `folder`."""
    places = json.loads((folder / "places.json").read_text(encoding="utf-8"))
    annotations = json.loads((folder / "annotations.json").read_text(encoding="utf-8"))
    texts = {p.stem for p in (folder / "texts").glob("*.txt")}
    if texts != set(annotations):
        raise ValueError(f"texts and annotations differ: {sorted(texts ^ set(annotations))}")
    return {stem: gold_for(stem, (folder / "texts" / f"{stem}.txt").read_text(encoding="utf-8"), ann, places)
            for stem, ann in sorted(annotations.items())}


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv if not a.startswith("--")]
    if len(folders) != 1:
        print("usage: build_gold.py SET_FOLDER [--check]")
        return 2
    try:
        golds = build(folders[0])
    except (OSError, ValueError, KeyError) as err:
        print(f"build_gold: {err}")
        return 2
    out = folders[0] / "gold"
    if "--check" in argv:
        stale = [s for s, g in golds.items()
                 if not (out / f"{s}.json").exists()
                 or json.loads((out / f"{s}.json").read_text(encoding="utf-8")) != g]
        print(f"gold stale: {stale}" if stale else "gold up to date")
        return 1 if stale else 0
    out.mkdir(exist_ok=True)
    for stem, gold in golds.items():
        (out / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    spans = sum(e["count"] - e.get("nested", 0) for g in golds.values() for e in g["places"])
    print(f"gold written: {len(golds)} texts, {sum(len(g['places']) for g in golds.values())} place entries, "
          f"{spans} place spans, {sum(len(g['dates']) for g in golds.values())} date entries, "
          f"{sum(len(g['routes']) for g in golds.values())} routes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
