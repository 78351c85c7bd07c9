"""Benchmark of a correction's live effect: how long from an editor's POST until every answer shows it.

    python bench/corrections.py                 # the bundled corpus, 40 corrections
    python bench/corrections.py --count 200

Builds the bundled corpus into a temporary folder, logs an editor in on the real app (in this
process, Flask's test client: no network), then posts re-links one after the other, each on a
mention of some document, and times the POST (store, history, patch of the served atlas in one
transaction) and the first GET of the document after it (a fresh answer: the ETag changed). Prints
the minimum, median and maximum of each, in milliseconds.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

# bench/, this script's folder
from editor_site import EDITOR, PASSWORD, editor_site
from spread import spread_line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=40, help="corrections to post")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="chronotope-bench-") as folder:
        client = editor_site(Path(folder)).test_client()
        token = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/login").get_data(as_text=True))[1]
        client.post("/login", data={"username": EDITOR, "password": PASSWORD, "csrf_token": token})
        client.environ_base["HTTP_X_CSRF_TOKEN"] = token
        mentions = [m for d in client.get("/api/documents?per_page=500").get_json()["documents"]
                    for m in client.get(f"/api/documents/{d['id']}").get_json()["places"]
                    for m in [{**m, "doc": d["id"]}]]
        posts, reads = [], []
        for i in range(args.count):
            m = mentions[i % len(mentions)]
            body = client.get(f"/api/documents/{m['doc']}").get_json()["body"]
            annotation = {"type": "Annotation",
                          "body": {"type": "SpecificResource", "purpose": "identifying", "source": m["place_id"]},
                          "target": {"source": m["doc"], "selector": [
                              {"type": "TextQuoteSelector", "exact": m["text"],
                               "prefix": body[max(0, m["start"] - 20):m["start"]], "suffix": body[m["end"]:m["end"] + 20]},
                              {"type": "TextPositionSelector", "start": m["start"], "end": m["end"]}]}}
            started = time.perf_counter()
            made = client.post(f"/api/documents/{m['doc']}/annotations", json=annotation)
            posted = time.perf_counter()
            shown = client.get(f"/api/documents/{m['doc']}").get_json()
            done = time.perf_counter()
            if made.status_code != 201 or not any(p["review"] for p in shown["places"]):
                sys.exit(f"correction {i} not shown: {made.status_code} {made.get_data(as_text=True)[:200]}")
            posts.append((posted - started) * 1000)
            reads.append((done - posted) * 1000)

    def line(name, values):
        return spread_line(name, values, 36)

    print(f"{args.count} corrections on {len(mentions)} mentions of the bundled corpus")
    print(line("POST (store + history + live patch)", posts))
    print(line("first GET of the document after", reads))
    print(line("POST until shown", [p + r for p, r in zip(posts, reads, strict=True)]))


if __name__ == "__main__":
    main()
