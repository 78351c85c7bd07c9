"""How much an atlas-wide interval bound would cost the window queries (bench/RESULTS.md, projection).

    python bench/window_span.py ATLAS.sqlite [--windows 5]

Every window query reads the rows whose `earliest` lies between `start - bound` and `end`. Up to
atlas schema 6 the bound was one for the whole atlas (the longest interval of any table); since
schema 7 each table has its own (mapapp/atlas/spans.py, in meta). This times `mapapp.atlas.query`'s
documents, places, events and movements in this process on random 30-day windows, once with the
atlas-wide bound and once with the table's own, and checks that the answers are the same. It times the named query functions only, not the server.
"""
from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mapapp.atlas import query  # noqa: E402
from mapapp.params import Window  # noqa: E402


class Page(NamedTuple):
    number: int
    size: int


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("atlas", type=Path)
    parser.add_argument("--windows", type=int, default=5)
    args = parser.parse_args(argv)
    conn = sqlite3.connect(f"file:{args.atlas}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    own = {t: int(conn.execute(f"SELECT max(julianday(latest) - julianday(earliest)) FROM {t}").fetchone()[0] or 0)
           for t in ("documents", "movements")}
    atlas_span = max(own.values())
    first, last = (date.fromisoformat(x) for x in conn.execute("SELECT min(earliest), max(latest) FROM documents").fetchone())
    rng = random.Random(3)
    windows = []
    for _ in range(args.windows):
        start = first + timedelta(days=rng.randrange(max(1, (last - first).days)))
        windows.append(Window(start.isoformat(), (start + timedelta(days=30)).isoformat()))
    calls = {"documents": lambda w, s: query.documents(conn, w, None, None, Page(1, 50), True, s),
             "places": lambda w, s: query.places(conn, w, None, None, s),
             "events": lambda w, s: query.events(conn, w, s),
             "movements": lambda w, s: query.movements(conn, w, s)}
    count = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    print(f"{args.atlas}: {count} documents, {first}..{last}; {atlas_span} days for the atlas, "
          f"the documents' own {own['documents']}, the movements' own {own['movements']}")
    for name, call in calls.items():
        span = own["movements" if name == "movements" else "documents"]
        wide = narrow = 0.0
        for window in windows:
            began = time.perf_counter()
            a = call(window, atlas_span)
            middle = time.perf_counter()
            b = call(window, span)
            wide, narrow = wide + middle - began, narrow + time.perf_counter() - middle
            assert a == b, f"{name}: the answers differ"
        print(f"  query.{name}(): {wide / len(windows) * 1000:.1f} ms with the atlas's bound, "
              f"{narrow / len(windows) * 1000:.1f} ms with the table's own; same answers ({len(windows)} windows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
