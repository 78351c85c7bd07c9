"""Every `/api/` answer of an atlas saved to files, and two such dumps compared: the check that a
change to how the atlas stores its rows leaves what it answers the same, byte for byte.

    python bench/answers.py dump /tmp/a2k /tmp/before          # an atlas folder (or --database URL)
    python bench/answers.py dump /tmp/a2k /tmp/after
    python bench/answers.py compare /tmp/before /tmp/after
    python bench/answers.py dump /work/scale100k/atlas /tmp/before --page --windows 200   # the map's asks only

What is asked: the corpus; every document and every place by id; all-time lists (documents page
by page, places, events, movements, territories); `--windows` random 30-day windows (seeded) of
documents, places, events, movements, territories on their last day and the description, and the
map's capped places and movements (bench/app.py's page_requests) with other caps; the documents of
each place, and a popup's first documents; a few full-text searches; the review queue by page,
document, place and kind. `/api/corpus`'s `version` and `built_at` (which name the build, not its contents) are
blanked before saving.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote, urlencode


def urls(get, windows: int, seed: int) -> list[str]:
    """The URLs to ask, in a fixed order, from what the atlas's own answers list."""
    corpus = json.loads(get("/api/corpus"))
    found = ["/api/corpus", "/api/territories", "/api/places", "/api/events", "/api/movements"]
    docs = []
    number = 1
    while True:
        url = f"/api/documents?per_page=100&page={number}"
        found.append(url)
        page = json.loads(get(url))
        docs += [d["id"] for d in page["documents"]]
        if number * 100 >= page["total"]:
            break
        number += 1
    found += [f"/api/documents/{quote(d, safe='')}" for d in docs]
    places = [f["id"] for f in json.loads(get("/api/places"))["features"]]
    found += [f"/api/places/{quote(p, safe='')}" for p in places]
    found += [f"/api/places/{quote(p, safe='')}?doc_limit=20" for p in places[::7]]
    rng = random.Random(seed)
    found += [f"/api/documents?place={quote(p, safe='')}&per_page=100" for p in rng.sample(places, min(20, len(places)))]
    if corpus["earliest"]:
        first, last = date.fromisoformat(corpus["earliest"]), date.fromisoformat(corpus["latest"])
        for _ in range(windows):
            start = first + timedelta(days=rng.randrange(max((last - first).days, 1)))
            window = urlencode({"from": start.isoformat(), "to": (start + timedelta(days=30)).isoformat()})
            found += [f"/api/documents?{window}&per_page=50", f"/api/documents?{window}&per_page=50&page=2",
                      f"/api/places?{window}", f"/api/events?{window}", f"/api/movements?{window}",
                      f"/api/territories?date={start + timedelta(days=30)}",
                      f"/api/description?date={start + timedelta(days=30)}&window=30"]
            found.append(f"/api/places?{window}&bbox=45,39,47,40.5")
            # What the map page asks (bench/app.py page_requests): the capped places and movements.
            found += [f"/api/places?{window}&limit=600&doc_limit=0", f"/api/places?{window}&limit=40&doc_limit=2",
                      f"/api/places?{window}&limit=30&doc_limit=0&bbox=45,39,47,40.5",
                      f"/api/places?{window}&limit=20&doc_limit=0&q=a", f"/api/movements?{window}&limit=300",
                      f"/api/movements?{window}&limit=7"]
        found += ["/api/places?limit=600&doc_limit=0", "/api/places?to=1920-08-01&limit=100&doc_limit=0",
                  "/api/places?from=1920-08-01&limit=100&doc_limit=0", "/api/movements?limit=300",
                  f"/api/movements?from={last - timedelta(days=90)}&limit=50"]
        found.append(f"/api/documents?to={first + timedelta(days=60)}&per_page=100")
        found.append(f"/api/movements?from={last - timedelta(days=90)}")
    for q in ("Shusha", "Zangezur", "telegram", "army", "Nakhichevan Erivan"):
        found += [f"/api/documents?q={quote(q)}&per_page=100", f"/api/places?q={quote(q)}"]
    for number in (1, 2, 3):
        found.append(f"/api/review/queue?page={number}")
    for d in rng.sample(docs, min(10, len(docs))):
        found.append(f"/api/review/queue?doc={quote(d, safe='')}")
    for p in rng.sample(places, min(10, len(places))):
        found.append(f"/api/review/queue?place={quote(p, safe='')}")
    for kind in ("settlement", "district", "region"):
        found.append(f"/api/review/queue?kind={kind}")
    return found


def page_urls(get, windows: int, seed: int) -> list[str]:
    """What the map page asks (`--page`): for each random 30-day window its capped places and movements,
    its first 100 documents, the territories, and the popups of places and documents it names; for
    an atlas too large to ask for everything (100,000 documents)."""
    corpus = json.loads(get("/api/corpus"))
    first, last = date.fromisoformat(corpus["earliest"]), date.fromisoformat(corpus["latest"])
    rng, found = random.Random(seed), []
    for _ in range(windows):
        start = first + timedelta(days=rng.randrange(max((last - first).days, 1)))
        end = start + timedelta(days=30)
        window = urlencode({"from": start.isoformat(), "to": end.isoformat()})
        places = f"/api/places?{window}&limit=600&doc_limit=0"
        listed = f"/api/documents?{window}&per_page=100"
        found += [places, f"/api/movements?{window}&limit=300", listed, f"/api/territories?date={end}"]
        named = [f["id"] for f in json.loads(get(places))["features"]]
        found += [f"/api/places/{quote(p, safe='')}?doc_limit=20" for p in rng.sample(named, min(3, len(named)))]
        docs = [d["id"] for d in json.loads(get(listed))["documents"]]
        found += [f"/api/documents/{quote(d, safe='')}" for d in rng.sample(docs, min(3, len(docs)))]
    return found


def blank_build(url: str, body: bytes) -> bytes:
    if url != "/api/corpus":
        return body
    answer = json.loads(body)
    answer["version"] = answer["built_at"] = "-"
    return json.dumps(answer).encode()


def dump(location: str, out: Path, windows: int, seed: int, page: bool = False) -> int:
    from mapapp.app import create_app

    config = {"TESTING": True, "HOME": Path(tempfile.mkdtemp(prefix="answers-home-"))}
    config |= {"DATABASE_URL": location} if location.startswith("postgres") else {"ATLAS_DIR": Path(location)}
    client = create_app(config).test_client()

    def get(url: str) -> bytes:
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url}: {response.status_code} {response.data[:200]!r}")
        return response.data

    out.mkdir(parents=True, exist_ok=True)
    index = []
    cpu: dict[str, list[float]] = {}
    for url in (page_urls if page else urls)(get, windows, seed):
        started = time.process_time()
        answer = get(url)
        cpu.setdefault(route(url), []).append(time.process_time() - started)
        body = blank_build(url, answer)
        name = hashlib.sha256(url.encode()).hexdigest()[:20]
        (out / name).write_bytes(body)
        index.append({"url": url, "file": name, "bytes": len(body)})
    (out / "index.json").write_text(json.dumps(index, indent=0))
    print(f"{len(index)} answers, {sum(i['bytes'] for i in index):,} bytes -> {out}")
    # CPU of this process answering (the test client: no network), by route: the cost of reading the rows.
    for name, seconds in sorted(cpu.items(), key=lambda item: -sum(item[1])):
        print(f"[cpu] {name:<28} {len(seconds):5} answers, {sum(seconds):7.2f} s, {1000 * sum(seconds) / len(seconds):7.2f} ms each")
    return 0


def route(url: str) -> str:
    """A URL's route, its ids and parameters left out: /api/documents/<id>, /api/events?window, ..."""
    path, _, query = url.partition("?")
    parts = path.split("/")
    named = "/".join(parts[:3] + ["<id>"]) if len(parts) > 3 and parts[2] in ("documents", "places") else path
    return named + ("?q" if "q=" in query else "?place" if "place=" in query else "?window" if "from=" in query
                    or "to=" in query else "?" + query.split("=")[0] if query else "")


def compare(before: Path, after: Path) -> int:
    old = {i["url"]: i["file"] for i in json.loads((before / "index.json").read_text())}
    new = {i["url"]: i["file"] for i in json.loads((after / "index.json").read_text())}
    differ = [u for u in old if u in new and (before / old[u]).read_bytes() != (after / new[u]).read_bytes()]
    missing = sorted(set(old) ^ set(new))
    for url in differ[:20]:
        print("differs:", url)
    for url in missing[:20]:
        print("asked in one dump only:", url)
    print(f"{len(old)} answers before, {len(new)} after: {len(differ)} differ, {len(missing)} in one only")
    return 1 if differ or missing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("dump", "compare"))
    parser.add_argument("first", help="dump: the atlas folder or a postgresql:// URL; compare: the first dump")
    parser.add_argument("second", type=Path, help="dump: the folder to write; compare: the second dump")
    parser.add_argument("--windows", type=int, default=28)
    parser.add_argument("--seed", type=int, default=1920)
    parser.add_argument("--page", action="store_true", help="dump only what the map page asks (page_urls)")
    args = parser.parse_args(argv)
    if args.what == "dump":
        return dump(args.first, args.second, args.windows, args.seed, args.page)
    return compare(Path(args.first), args.second)


if __name__ == "__main__":
    sys.exit(main())
