"""The CPU each of the map page's asks costs in process, on an atlas file opened as it is (no server,
no rebuild, whatever its schema): what `bench/scale.py api --asks page` asks the server, per route.

    python bench/page_cpu.py /work/scale100k/final/atlas/atlas-XXXX.sqlite --windows 40
    python bench/page_cpu.py ATLAS --profile places        # the cProfile of one route, top 25 lines

The file is opened read-only with sqlite3 and the `mapapp.atlas.query` functions of the code on
the path are called directly (as `Atlas` calls them), so an atlas of an older schema can be
measured with newer code as long as its tables answer the queries. Random 30-day windows (as
bench/app.py's `page_requests`), each route asked once a window; best of `--passes` passes.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import random
import sqlite3
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from app import page_caps  # noqa: E402  (beside this file)
from atlas_cpu import best  # noqa: E402


def connect(path: Path) -> sqlite3.Connection:
    """A read-only connection to an atlas file, as `Atlas.conn` makes it."""
    from mapapp.atlas import query

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    query.register(conn)
    return conn


def asks(conn: sqlite3.Connection, windows: int, seed: int) -> dict[str, list]:
    """For each route of the page, one thunk a random window (or document, or place)."""
    from mapapp.atlas import query, spans
    from mapapp.atlas.caps import PlaceCap
    from mapapp.params import Page, Window

    caps, span = page_caps(), spans.read(conn)
    rng = random.Random(seed)
    first, last = (date.fromisoformat(x) for x in
                   conn.execute("SELECT min(earliest), max(latest) FROM documents").fetchone())
    docs = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY rowid")]
    places = [r[0] for r in conn.execute("SELECT id FROM places ORDER BY rowid")]
    fts = conn.execute("SELECT value FROM meta WHERE key = 'fts'").fetchone()[0] == "1"
    found: dict[str, list] = {}
    for _ in range(windows):
        start = first + timedelta(days=rng.randrange(max(1, (last - first).days)))
        end = start + timedelta(days=30)
        window = Window(start.isoformat(), end.isoformat())
        doc, place = rng.choice(docs), rng.choice(places)
        for route, call in (
                ("places", lambda w=window: query.places(conn, w, None, None, span["documents"],
                                                         PlaceCap(caps["MAP_PLACES"], 0))),
                ("movements", lambda w=window: query.movements(conn, w, span["movements"], caps["MAP_MOVEMENTS"])),
                ("territories", lambda e=end: query.territories(conn, e.isoformat())),
                ("documents", lambda w=window: query.documents(conn, w, None, None, Page(1, caps["LIST_DOCUMENTS"]),
                                                               fts, span["documents"])),
                ("place", lambda p=place: query.place(conn, conn.execute(
                    "SELECT rowid, head, note, parent FROM places WHERE id = ?", (p,)).fetchone(),
                    caps["POPUP_DOCUMENTS"])),
                ("document", lambda d=doc: query.document(conn, d))):
            found.setdefault(route, []).append(call)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("atlas", type=Path, help="an atlas .sqlite file")
    parser.add_argument("--windows", type=int, default=40)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1920)
    parser.add_argument("--profile", help="a route to profile (cProfile, cumulative, top 25)")
    args = parser.parse_args(argv)
    conn = connect(args.atlas)
    found = asks(conn, args.windows, args.seed)
    if args.profile:
        calls = found[args.profile]
        for call in calls:   # warm the page cache and the lru caches first
            call()
        profile = cProfile.Profile()
        profile.enable()
        for call in calls:
            call()
        profile.disable()
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(25)
        print(out.getvalue())
        return 0
    total = 0.0
    for route, calls in found.items():
        ms = best(args.passes, calls)
        total += ms
        print(f"[cpu] {route:<12} {ms:8.2f} ms a request (best of {args.passes} passes of {len(calls)})")
    print(f"[cpu] {'all six':<12} {total:8.2f} ms, {total / len(found):.2f} ms a request on average")
    return 0


if __name__ == "__main__":
    sys.exit(main())
