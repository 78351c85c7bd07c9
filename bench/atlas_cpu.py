"""The CPU an atlas spends answering, measured in the `Atlas` itself (no web server, no network):
what a change to how the atlas stores its rows costs or saves when they are read.

    python bench/atlas_cpu.py /tmp/a2k/atlas-XXXX.sqlite            # an atlas file (or folder)

Best of three passes (CPU seconds of this process) over 600 random documents and places, 30
random 30-day windows of events, movements, places and documents, the whole movements and events
lists (first call, then again: caches warm), three searches and a place-name search. Run it on two
atlases one after the other, each with its own code: the `mapapp` it imports is the installed one,
or that of PYTHONPATH=<a checkout of the other commit> (`git worktree add`).
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path


def best(passes: int, calls) -> float:
    """The least CPU milliseconds a call over `passes` passes of `calls` (a list of thunks)."""
    found = []
    for _ in range(passes):
        started = time.process_time()
        for call in calls:
            call()
        found.append((time.process_time() - started) / len(calls) * 1000)
    return min(found)


def main(argv: list[str] | None = None) -> int:
    from mapapp.atlas import versions
    from mapapp.atlas.store import Atlas
    from mapapp.params import Window

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("atlas", type=Path, help="an atlas file, or an atlas folder (its current version)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    atlas = Atlas(args.atlas if args.atlas.is_file() else versions.current_file(args.atlas))
    rng = random.Random(args.seed)
    docs = [r[0] for r in atlas.conn.execute("SELECT id FROM documents")]
    places = [r[0] for r in atlas.conn.execute("SELECT id FROM places")]
    first, last = (date.fromisoformat(x) for x in
                   atlas.conn.execute("SELECT min(earliest), max(latest) FROM documents").fetchone())
    starts = [first + timedelta(days=rng.randrange(max((last - first).days, 1))) for _ in range(30)]
    windows = [Window(s.isoformat(), (s + timedelta(days=30)).isoformat()) for s in starts]
    print(f"[atlas] {atlas.path}: {len(docs)} documents, {len(places)} places")
    figures = {
        "one document": [lambda d=d: atlas.document_json(d) for d in rng.sample(docs, min(600, len(docs)))],
        "one place": [lambda p=p: atlas.place_json(p) for p in rng.sample(places, min(600, len(places)))],
        **{f"{name}, a window": [lambda w=w, f=f: f(w) for w in windows] for name, f in (
            ("events", atlas.events_json), ("movements", atlas.movements_json), ("places", atlas.places_json),
            ("documents", atlas.documents_json))},
    }
    for name, calls in figures.items():
        print(f"[cpu] {name:<24} {best(3, calls):8.3f} ms (best of 3 passes of {len(calls)})")
    for name, answer in (("movements, all", atlas.movements_json), ("events, all", atlas.events_json)):
        once, again = best(1, [answer]), best(1, [answer])
        print(f"[cpu] {name:<24} {once:8.1f} ms first call, {again:.1f} ms again")
    for q in ("Shusha", "army", "Nakhichevan Erivan"):
        print(f"[cpu] search {q!r:<17} {best(3, [lambda q=q: atlas.documents_json(q=q)]):8.2f} ms")
    print(f"[cpu] places named 'shusha'   {best(3, [lambda: atlas.places_json(q='shusha')]):8.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
