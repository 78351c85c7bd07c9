"""Benchmarks of the app: build time, and API latency and throughput under load on loopback.

    python bench/app.py                      # bundled corpus, then 10,000 synthetic documents
    python bench/app.py --documents 2000     # a smaller synthetic corpus
    python bench/app.py --documents 0        # bundled corpus only
    python bench/app.py --documents 1518 --clients 50,200 --picture-clients 10 --skip-page

The synthetic corpus is made by bench/corpus_gen.py (varied documents from the gazetteer's
names, dates in every written form, movements between real places), written to a folder,
built with `chronotope build`, then served by `chronotope serve` (waitress) in its own process.
The load generator is wrk (`--client wrk`, Debian's `wrk`, the default when installed:
bench/wrk_load.py) or the threads here (`--client python`), on keep-alive connections; it asks
what the map page asks when the slider moves: the documents, places, events and movements of a
30-day window, the territories on a day, and single documents. Every window is drawn at random, so answers come from the database
rather than the server's answer cache (a separate "repeat" run measures the cached path).

One function per measurement: `measure_build`, `measure_api` (also with many clients: every
request over 2 s is counted), `measure_mixed` (the API while clients ask for pictures of random
views, which are drawn afresh), and `measure_page` for page weight, drawing and slider timings.
Everything runs on 127.0.0.1 and for a bounded time.
"""
from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import corpus_gen  # noqa: E402  (beside this file)
import wrk_load  # noqa: E402


# --- the synthetic corpus ------------------------------------------------------------------
def synthetic_corpus(folder: Path, documents: int, seed: int = 1920) -> dict[str, int]:
    """Write `documents` generated documents (bench/corpus_gen.py) into `folder`; return the count per format."""
    return corpus_gen.write_corpus(folder, documents, seed)


# --- measurements --------------------------------------------------------------------------
def chronotope_exe() -> str:
    """The `chronotope` installed beside this interpreter, else the one on PATH."""
    beside = Path(sys.executable).with_name("chronotope")
    return str(beside) if beside.is_file() else shutil.which("chronotope") or "chronotope"


def chronotope(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run a `chronotope` command; return it finished (raises when it fails)."""
    return subprocess.run([chronotope_exe(), *args], env=env, capture_output=True, text=True, check=True)


def measure_build(corpus: Path, atlas: Path, jobs: int = 1) -> dict:
    """Build the atlas of `corpus` with `chronotope build`; return its summary and wall time."""
    started = time.perf_counter()
    done = chronotope("build", "--corpus", str(corpus), "--out", str(atlas), "--jobs", str(jobs), "--json")
    report = json.loads(done.stdout)
    report["wall_seconds"] = round(time.perf_counter() - started, 2)
    return report


class Server:
    """`chronotope serve` on a free loopback port, in its own process (waitress; gunicorn with `workers`)."""

    def __init__(self, corpus: Path, atlas: Path, threads: int | None = None, cache: Path | None = None,
                 workers: int | None = None):
        env = {**os.environ, "CHRONOTOPE_ATLAS_DIR": str(atlas), "CHRONOTOPE_CORPUS": str(corpus)}
        if cache is not None:
            env["CHRONOTOPE_CACHE_DIR"] = str(cache)
        threads_option = ["--threads", str(threads)] if threads else []    # else the server's default
        threads_option += ["--workers", str(workers)] if workers else []   # else $CHRONOTOPE_WORKERS, else 1
        self.process = subprocess.Popen([chronotope_exe(), "serve", "--port", "0", *threads_option], env=env,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.process.stdout.readline()
        found = re.search(r"serving on (http://\S+?)/? ", line)
        if not found:
            self.stop()
            raise RuntimeError(f"chronotope serve did not start: {line!r}")
        self.url = found[1]

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


SLOW = 2.0     # seconds: an answer slower than this counts as too slow


@dataclass
class Load:
    latencies: dict[str, list[float]] = field(default_factory=dict)   # route -> seconds
    errors: int = 0
    busy: int = 0                 # 503 answers (the picture pool full)
    seconds: float = 0.0

    def summary(self) -> dict:
        every = sorted(x for xs in self.latencies.values() for x in xs)
        return {"requests": len(every), "errors": self.errors, "busy_503": self.busy,
                "throughput_rps": round(len(every) / self.seconds, 1) if self.seconds else 0.0,
                "p50_ms": percentile(every, 50), "p95_ms": percentile(every, 95), "p99_ms": percentile(every, 99),
                "max_ms": round(every[-1] * 1000, 1) if every else float("nan"),
                "over_2s": sum(1 for x in every if x > SLOW),
                "p95_ms_by_route": {r: percentile(sorted(xs), 95) for r, xs in sorted(self.latencies.items())}}


def percentile(sorted_seconds: list[float], p: float) -> float:
    if not sorted_seconds:
        return float("nan")
    index = min(len(sorted_seconds) - 1, max(0, math.ceil(p / 100 * len(sorted_seconds)) - 1))
    return round(sorted_seconds[index] * 1000, 2)


def window_requests(corpus: dict, ids: list[str], rng: random.Random) -> list[tuple[str, str]]:
    """Return (route, path) pairs: what the map asks for one random 30-day window."""
    first, last = date.fromisoformat(corpus["earliest"]), date.fromisoformat(corpus["latest"])
    start = first + timedelta(days=rng.randrange(max(1, (last - first).days)))
    end = start + timedelta(days=30)
    window = f"from={start}&to={end}"
    return [("documents", f"/api/documents?{window}&per_page=50"), ("places", f"/api/places?{window}"),
            ("events", f"/api/events?{window}"), ("movements", f"/api/movements?{window}"),
            ("territories", f"/api/territories?date={start}"),
            ("document", f"/api/documents/{rng.choice(ids)}")]


def page_caps() -> dict[str, int]:
    """The caps the map page asks with (mapapp/static/js/caps.js, their one definition)."""
    text = (Path(__file__).resolve().parents[1] / "mapapp" / "static" / "js" / "caps.js").read_text()
    return {name: int(n) for name, n in re.findall(r"export const (\w+) = (\d+);", text)}


def page_requests(corpus: dict, ids: list[str], rng: random.Random) -> list[tuple[str, str]]:
    """Return (route, path) pairs: what the map page asks now for one random 30-day window (main.js
    `requests()`), and a place's popup and a document opened from it."""
    caps = page_caps()
    first, last = date.fromisoformat(corpus["earliest"]), date.fromisoformat(corpus["latest"])
    start = first + timedelta(days=rng.randrange(max(1, (last - first).days)))
    end = start + timedelta(days=30)
    window = f"from={start}&to={end}"
    doc = rng.choice(ids)
    return [("places", f"/api/places?{window}&limit={caps['MAP_PLACES']}&doc_limit=0"),
            ("movements", f"/api/movements?{window}&limit={caps['MAP_MOVEMENTS']}"),
            ("territories", f"/api/territories?date={end}"),
            ("documents", f"/api/documents?{window}&per_page={caps['LIST_DOCUMENTS']}"),
            ("place", f"/api/places/{rng.choice(corpus_places(corpus))}?doc_limit={caps['POPUP_DOCUMENTS']}"),
            ("document", f"/api/documents/{doc}")]


def corpus_places(corpus: dict) -> list[str]:
    """The place ids a popup may be opened on (put in `corpus` by `api_workers`)."""
    return corpus.get("place_ids") or ["chr:shusha"]


def load_loop(host, stop: float, batches, load: Load, lock: threading.Lock, timeout: float = 120) -> None:
    """Ask for the (route, path) pairs of `batches()` over one keep-alive connection until `stop`."""
    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=timeout)
    while time.perf_counter() < stop:
        for route, path in batches():
            began = time.perf_counter()
            try:
                conn.request("GET", path)
                response = conn.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection(host.hostname, host.port, timeout=timeout)
                status = 0
            took = time.perf_counter() - began
            with lock:
                if status == 200:
                    load.latencies.setdefault(route, []).append(took)
                elif status == 503:
                    load.busy += 1
                else:
                    load.errors += 1
    conn.close()


def run_threads(targets: list) -> float:
    """Run the callables in threads at once; return the wall time until all are done."""
    started = time.perf_counter()
    threads = [threading.Thread(target=t) for t in targets]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - started


def api_workers(base_url: str, concurrency: int, stop: float, load: Load, lock: threading.Lock,
                repeat: bool = False, seed: int = 1920, page: bool = False) -> list:
    """`concurrency` callables loading the API until `stop`: every window route whole (`window_requests`),
    or (`page`) what the map page asks now (`page_requests`)."""
    host = urlsplit(base_url)
    corpus = json.loads(get(host.hostname, host.port, "/api/corpus")[1])
    ids = [d["id"] for d in json.loads(get(host.hostname, host.port, "/api/documents?per_page=500")[1])["documents"]]
    asks = page_requests if page else window_requests
    if page:
        corpus["place_ids"] = [f["id"] for f in json.loads(get(host.hostname, host.port, "/api/places?doc_limit=0")[1])
                               ["features"]]
    fixed = [asks(corpus, ids, random.Random(seed + i)) for i in range(4)]

    def worker(n: int) -> None:
        rng, rounds = random.Random(seed + (0 if repeat else n)), iter(range(1 << 62))
        load_loop(host, stop, lambda: fixed[next(rounds) % 4] if repeat else asks(corpus, ids, rng),
                  load, lock)

    return [lambda n=n: worker(n) for n in range(concurrency)]


def measure_api(base_url: str, seconds: float = 10.0, concurrency: int = 8, repeat: bool = False,
                seed: int = 1920, page: bool = False) -> dict:
    """Load the API at `base_url` from `concurrency` threads for `seconds`; return latency and throughput.

    `repeat=False` draws a fresh window for each round (database path); `repeat=True` asks the
    same few windows again and again (answer-cache path).
    """
    load, lock = Load(), threading.Lock()
    workers = api_workers(base_url, concurrency, time.perf_counter() + seconds, load, lock, repeat, seed, page)
    load.seconds = run_threads(workers)
    return {"concurrency": concurrency, "repeat": repeat, "asks": "page" if page else "whole", **load.summary()}


def load_api(base_url: str, seconds: float = 10.0, concurrency: int = 8, repeat: bool = False,
             seed: int = 1920, page: bool = False, client: str = "python") -> dict:
    """`measure_api` by the Python threads, or the same requests asked by wrk (`client="wrk"`:
    no figures by route)."""
    if client == "python":
        return measure_api(base_url, seconds, concurrency, repeat, seed, page)
    paths = wrk_load.request_paths(base_url, concurrency, int(seconds * 3000), seed, page=page, repeat=repeat)
    return {**wrk_load.measure(base_url, seconds, concurrency, paths), "repeat": repeat,
            "asks": "page" if page else "whole"}


def picture_requests(corpus: dict, rng: random.Random) -> list[tuple[str, str]]:
    """One random view as a picture no cache holds: a random day, centre, zoom and size."""
    first, last = date.fromisoformat(corpus["earliest"]), date.fromisoformat(corpus["latest"])
    on = first + timedelta(days=rng.randrange(max(1, (last - first).days + 1)))
    lat, lon, zoom = rng.uniform(38.8, 41.0), rng.uniform(44.5, 47.5), rng.choice((6, 7, 8, 9))
    width, height = rng.randrange(400, 1201), rng.randrange(300, 901)
    return [("picture", f"/map.png?date={on}&ll={lat:.4f},{lon:.4f}&z={zoom}&width={width}&height={height}")]


def measure_mixed(base_url: str, seconds: float = 10.0, concurrency: int = 8, picture_clients: int = 10,
                  seed: int = 1920) -> dict:
    """The API loaded by `concurrency` threads while `picture_clients` ask for fresh pictures.

    Returns the API's figures, the pictures' (drawn, refused with 503, failed) and the API p95
    alone just before, for the ratio the issue asks to keep under 2.
    """
    alone = measure_api(base_url, seconds, concurrency, seed=seed)
    host = urlsplit(base_url)
    corpus = json.loads(get(host.hostname, host.port, "/api/corpus")[1])
    api, pictures, lock = Load(), Load(), threading.Lock()
    stop = time.perf_counter() + seconds

    def painter(n: int) -> None:
        rng = random.Random(seed * 7 + n)
        load_loop(host, stop, lambda: picture_requests(corpus, rng), pictures, lock)

    started, ended = time.perf_counter(), {}

    def timed(target, name: str) -> None:
        target()
        with lock:
            ended[name] = max(ended.get(name, 0.0), time.perf_counter())

    targets = [lambda t=t: timed(t, "api") for t in api_workers(base_url, concurrency, stop, api, lock, seed=seed + 1)]
    targets += [lambda n=n: timed(lambda: painter(n), "pictures") for n in range(picture_clients)]
    run_threads(targets)
    api.seconds, pictures.seconds = ended["api"] - started, ended.get("pictures", started) - started
    figures = {"concurrency": concurrency, "picture_clients": picture_clients, "api_alone": alone,
               "api": api.summary(), "pictures": pictures.summary()}
    figures["api_p95_ratio"] = round(figures["api"]["p95_ms"] / alone["p95_ms"], 2) if alone["p95_ms"] else None
    return figures


def get(host: str, port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(host, port, timeout=60)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


# --- the page (front end) -----------------------------------------------------------------
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
READY = "() => document.getElementById('app').dataset.ready === 'true'"
# A step to the next document date, after a pause as a reader (or play) leaves between steps;
# a jump to a date the page cannot have asked for ahead (as a drag of the slider).
STEP_JS = """async () => {
    await new Promise(r => setTimeout(r, 300));
    const began = performance.now();
    document.getElementById('next').click();
    await window.chronotope.idle();
    return performance.now() - began;
}"""
JUMP_JS = """async (day) => {
    const s = document.getElementById('slider');
    const began = performance.now();
    s.value = String(day);
    s.dispatchEvent(new Event('input', {bubbles: true}));
    s.dispatchEvent(new Event('change', {bubbles: true}));
    await window.chronotope.idle();
    return performance.now() - began;
}"""


def content_kind(content_type: str) -> str:
    """Return the page-weight bucket of an answer: geojson, json, js, css, html, image or other."""
    for kind, marker in (("geojson", "geo+json"), ("json", "json"), ("js", "javascript"), ("css", "css"),
                         ("html", "html"), ("image", "image/")):
        if marker in content_type:
            return kind
    return "other"


def load_page(browser, url: str) -> tuple[float, dict[str, int], object]:
    """Open `url` in a fresh context (empty cache); return (first draw ms, bytes by type, page)."""
    weight: dict[str, int] = {}

    def count(response) -> None:
        try:
            size = len(response.body())
        except Exception:   # redirects and aborted answers have no body
            return
        kind = content_kind(response.headers.get("content-type", ""))
        weight[kind] = weight.get(kind, 0) + size

    page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    page.on("response", count)
    page.goto(url)
    page.wait_for_function(READY, timeout=60_000)
    # navigation start -> basemap and the first window (places, movements, territories, list) drawn
    first_draw = page.evaluate("performance.now()")
    drawn_with = dict(sorted(weight.items()))   # before the answers asked for ahead arrive
    page.evaluate("window.chronotope.idle()")
    return first_draw, drawn_with, page


def measure_page(base_url: str, query: str = "", steps: int = 15) -> dict:
    """Load the map page in headless chromium; return page weight by type, first draw and slider steps.

    The first load meets a server that has not drawn the page yet ("cold"), the second a warm one;
    both start with an empty browser cache. A slider step is "next document" until its window is
    drawn (the page asks for its neighbours ahead); a jump moves the slider to a random day.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        cold, _, first = load_page(browser, f"{base_url}/{query}")
        first.context.close()
        warm, weight, page = load_page(browser, f"{base_url}/{query}")
        timings = sorted(page.evaluate(STEP_JS) for _ in range(steps))
        shown = page.evaluate("window.chronotope.counts()")
        low, high = (int(page.get_attribute("#slider", k)) for k in ("min", "max"))
        rng = random.Random(1920)
        jumps = sorted(page.evaluate(JUMP_JS, rng.randrange(low, high + 1)) for _ in range(steps))
        browser.close()
    return {"page_bytes": sum(weight.values()), "page_bytes_by_type": weight,
            "first_draw_ms_cold": round(cold, 1), "first_draw_ms": round(warm, 1),
            "slider_step_ms_p50": round(timings[len(timings) // 2], 1),
            "slider_step_ms_max": round(timings[-1], 1), "steps": len(timings),
            "slider_jump_ms_p50": round(jumps[len(jumps) // 2], 1), "slider_jump_ms_max": round(jumps[-1], 1),
            "last_window_shows": shown}


def report_page(label: str, base_url: str) -> dict:
    """Measure the page from the corpus's first date in 30-day windows; print and return the figures."""
    host = urlsplit(base_url)
    earliest = json.loads(get(host.hostname, host.port, "/api/corpus")[1])["earliest"]
    figures = measure_page(base_url, f"?date={earliest}&window=30")
    by_type = ", ".join(f"{k} {v}" for k, v in figures["page_bytes_by_type"].items())
    print(f"[{label}] page: {figures['page_bytes']} bytes ({by_type}); first draw {figures['first_draw_ms']} ms "
          f"({figures['first_draw_ms_cold']} ms on a cold server); slider step p50 {figures['slider_step_ms_p50']} ms, "
          f"max {figures['slider_step_ms_max']} ms over {figures['steps']} steps; jump to a random day p50 "
          f"{figures['slider_jump_ms_p50']} ms, max {figures['slider_jump_ms_max']} ms "
          f"(aim: first draw < 1000 ms, step < 100 ms)", flush=True)
    return figures


# --- the report ----------------------------------------------------------------------------
def print_api(label: str, name: str, figures: dict) -> None:
    routes = ", ".join(f"{r} {v}" for r, v in figures["p95_ms_by_route"].items()) or "-"
    print(f"[{label}] API {name:<10} c={figures.get('concurrency', '-')} ({figures.get('client', 'python')}): "
          f"p50 {figures['p50_ms']} ms, "
          f"p95 {figures['p95_ms']} ms, p99 {figures['p99_ms']} ms, max {figures['max_ms']} ms "
          f"({figures['over_2s']} over 2 s), {figures['throughput_rps']} req/s, {figures['requests']} requests, "
          f"{figures['errors']} errors (load average {figures['load_average']}, {os.cpu_count()} CPUs); "
          f"p95 by route: {routes}", flush=True)


def bench_load(label: str, url: str, seconds: float, clients: tuple[int, ...], picture_clients: int,
               concurrency: int, client: str = "python") -> dict:
    """The many-client runs and the mixed API + picture run (always the Python threads); print and
    return their figures."""
    results = {}
    for n in clients:
        figures = load_api(url, seconds=seconds, concurrency=n, client=client)
        figures["load_average"] = round(os.getloadavg()[0], 1)
        results[f"clients_{n}"] = figures
        print_api(label, f"c{n}", figures)
    if picture_clients:
        mixed = measure_mixed(url, seconds, concurrency, picture_clients)
        mixed["load_average"] = round(os.getloadavg()[0], 1)
        results["mixed"] = mixed
        p, a = mixed["pictures"], mixed["api"]
        print(f"[{label}] mixed: API c={concurrency} p95 {mixed['api_alone']['p95_ms']} ms alone, "
              f"{a['p95_ms']} ms with {picture_clients} picture clients (x{mixed['api_p95_ratio']}; aim: under x2), "
              f"{a['throughput_rps']} vs {mixed['api_alone']['throughput_rps']} req/s, {a['errors']} errors; "
              f"pictures: {p['requests']} drawn (p50 {p['p50_ms']} ms, max {p['max_ms']} ms), "
              f"{p['busy_503']} refused with 503, {p['errors']} failed "
              f"(load average {mixed['load_average']})", flush=True)
    return results


def bench_corpus(label: str, corpus: Path, atlas: Path, seconds: float, concurrency: int, jobs: int = 1,
                 clients: tuple[int, ...] = (), picture_clients: int = 0, page: bool = True,
                 client: str = "python") -> dict:
    """Build and load one corpus; print and return the figures."""
    build = measure_build(corpus, atlas, jobs)
    state = "up to date, not rebuilt" if build["up_to_date"] else f"{build['read']} read, jobs={jobs}"
    print(f"[{label}] build: {build['documents']} documents, {build['mentions']} mentions, "
          f"{build['movements']} movements from {build['sources']} sources ({state}) in {build['wall_seconds']} s "
          f"(atlas {Path(build['path']).stat().st_size / 1e6:.1f} MB)", flush=True)
    with tempfile.TemporaryDirectory(prefix="chronotope-bench-cache-") as cache:
        server = Server(corpus, atlas, cache=Path(cache))   # no picture drawn before is cached
        results = {"build": build}
        try:
            for name, kwargs in (("sequential", {"concurrency": 1}), ("concurrent", {"concurrency": concurrency}),
                                 ("repeat", {"concurrency": concurrency, "repeat": True})):
                figures = load_api(server.url, seconds=seconds, client=client, **kwargs)
                figures["load_average"] = round(os.getloadavg()[0], 1)
                results[name] = figures
                print_api(label, name, figures)
            results.update(bench_load(label, server.url, seconds, clients, picture_clients, concurrency, client))
            if page:
                results["page"] = report_page(label, server.url)
        finally:
            server.stop()
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=10_000, help="synthetic documents (0: none)")
    parser.add_argument("--seconds", type=float, default=8.0, help="load duration of each run")
    parser.add_argument("--concurrency", type=int, default=8, help="load-generator threads")
    parser.add_argument("--json", action="store_true", help="print all figures as JSON at the end")
    parser.add_argument("--jobs", type=int, default=1, help="build worker processes (chronotope build --jobs)")
    parser.add_argument("--workdir", type=Path, help="keep corpora and atlases here (a rerun then skips "
                                                          "the unchanged build) instead of a temporary folder")
    parser.add_argument("--clients", default="50,200",
                        help="client counts of the many-client API runs, comma-separated ('' for none)")
    parser.add_argument("--picture-clients", type=int, default=10,
                        help="clients asking for fresh pictures during the mixed run (0: no mixed run)")
    parser.add_argument("--client", choices=("wrk", "python"), default="wrk" if wrk_load.wrk_exe() else "python",
                        help="the API's load generator: wrk (Debian's package `wrk`: apt-get install wrk; the "
                             "default when installed) or Python threads (the mixed run with pictures always uses these)")
    parser.add_argument("--skip-page", action="store_true", help="leave out the browser page measurement")
    parser.add_argument("--skip-bundled", action="store_true", help="measure the synthetic corpus only")
    args = parser.parse_args(argv)
    load = {"clients": tuple(int(n) for n in args.clients.split(",") if n.strip()),
            "picture_clients": args.picture_clients, "page": not args.skip_page, "client": args.client}
    figures = {}
    with tempfile.TemporaryDirectory(prefix="chronotope-bench-") as tmp:
        tmp = args.workdir or Path(tmp)
        tmp.mkdir(parents=True, exist_ok=True)
        if not (args.skip_bundled and args.documents):
            figures["bundled"] = bench_corpus("bundled", ROOT / "documents" / "corpus", tmp / "atlas-bundled",
                                              args.seconds, args.concurrency, args.jobs, **load)
        if args.documents:
            corpus = tmp / f"synthetic-{args.documents}"
            corpus.mkdir(exist_ok=True)
            counts = synthetic_corpus(corpus, args.documents)
            print(f"[synthetic] {args.documents} generated documents "
                  f"({', '.join(f'{k} {v}' for k, v in counts.items())})", flush=True)
            figures["synthetic"] = bench_corpus(f"synthetic {args.documents}", corpus,
                                                tmp / f"atlas-synthetic-{args.documents}",
                                                args.seconds, args.concurrency, args.jobs, **load)
    if args.json:
        print(json.dumps(figures, indent=1, default=str))
    p95 = figures.get("synthetic", figures.get("bundled"))["concurrent"]["p95_ms"]
    print(f"API p95 under load: {p95} ms (aim: under 50 ms at 10,000 documents)")
    last = figures.get("synthetic", figures.get("bundled"))
    for n in load["clients"]:
        run = last[f"clients_{n}"]
        print(f"API at {n} clients: max {run['max_ms']} ms, {run['over_2s']} over 2 s, {run['errors']} errors "
              "(aim: none over 2 s, 0 errors)")
    if "mixed" in last:
        print(f"API p95 while pictures are drawn: x{last['mixed']['api_p95_ratio']} of its p95 alone (aim: under x2)")
    if "page" in last:
        page = last["page"]
        print(f"page: first draw {page['first_draw_ms']} ms, slider step p50 {page['slider_step_ms_p50']} ms "
              "(aim: under 1000 ms and 100 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
