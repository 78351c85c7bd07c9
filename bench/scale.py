"""Benchmarks at scale on a generated corpus (bench/corpus_gen.py): the build, the atlas's bytes,
the API under 1, 8 and 50 clients, and the map page in headless chromium.

    python bench/corpus_gen.py /tmp/c100k --documents 100000
    python bench/scale.py build /tmp/c100k --out /tmp/a100k --jobs 2       # or --dask local, --database URL
    python bench/scale.py size /tmp/a100k                                   # where the atlas's bytes go
    python bench/scale.py api /tmp/c100k --out /tmp/a100k --clients 1,8,50 --seconds 20 --floor 50
    python bench/scale.py api /tmp/c100k --out /tmp/a100k --workers 2 --client wrk   # wrk: apt-get install wrk
    python bench/scale.py page /tmp/c100k --out /tmp/a100k
    python bench/scale.py publish /tmp/c100k --out /tmp/a100k --database URL    # SQLite atlas -> PostgreSQL

What each figure times:
* build: the whole `chronotope build --force --json` command, wall clock, from start to exit;
  peak memory is the largest sum of resident sets of the command and all its children (worker
  processes, a Dask cluster's workers), sampled every 0.2 s.
* size: the atlas file, and SQLite's dbstat table: the bytes of each table and index.
* api: `chronotope serve` (as users run it, `--workers` and `--threads` passed on) in its own
  process; clients on keep-alive loopback connections ask what the map asks when the slider
  moves (`--asks page`: its capped places and movements, territories, documents, a popup's place
  and a document; `--asks whole`: every window route uncapped, events too, as the page asked
  before), each round a new random 30-day window (so the answers come from the database, not the
  answer cache); per request, from sending it to the last byte read. The clients are `wrk`
  (`--client wrk`, the default when Debian's `wrk` is installed: `apt-get install wrk`), walking
  the list of requests the Python clients would ask, written to a file first (bench/wrk_load.py),
  or bench/app.py's Python threads (`--client python`, as the figures before 2026-12-06 18:00
  were taken). Each run also gives the CPU time a request of the server (all its processes) and
  of the client.
* page: the map page in headless chromium against the same server: first draw (navigation start
  to the first window drawn) and the slider's step to the next document date (bench/app.py).

Every run prints the load average before and after it: the machine is shared, and figures taken
under load are upper bounds. `--log FILE` appends each run's figures as one JSON line.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

import app  # noqa: E402  (beside this file: the server wrapper, load generator and page timings)
from wrk_load import wrk_exe  # noqa: E402


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def machine() -> str:
    return (f"{os.cpu_count()} CPUs, {psutil.virtual_memory().total / 2**30:.1f} GiB RAM, {platform.platform()}, "
            f"Python {platform.python_version()}")


def run_measured(command: list[str], env: dict | None = None, interval: float = 0.2) -> dict:
    """Run `command`; return its wall time, exit code, stdout, and the peak resident memory of
    its whole process tree."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    root, peak = psutil.Process(process.pid), 0
    while process.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(_rss(p) for p in tree))
        except psutil.NoSuchProcess:
            pass
        time.sleep(interval)
    out, err = process.communicate()
    return {"wall_seconds": round(time.perf_counter() - started, 1), "returncode": process.returncode,
            "peak_rss_mb": round(peak / 2**20, 1), "stdout": out, "stderr_tail": err[-2000:]}


def _rss(process: psutil.Process) -> int:
    try:
        return process.memory_info().rss
    except psutil.NoSuchProcess:
        return 0


def atlas_file(out: Path) -> Path:
    """The atlas file an `--out` names: the file itself, or the CURRENT version in the folder."""
    if out.is_file():
        return out
    current = (out / "CURRENT").read_text().strip() if (out / "CURRENT").exists() else None
    if current and (out / current).is_file():
        return out / current
    return max(out.glob("atlas-*.sqlite"), key=lambda p: p.stat().st_mtime)


def size_breakdown(path: Path) -> list[tuple[str, str, int, int]]:
    """Return (table, name, bytes, rows or -1) for every table and index of the SQLite atlas, largest first."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        owner = dict(con.execute("SELECT name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index')"))
        rows = []
        for name, size in con.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC"):
            table = owner.get(name, name)
            count = con.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0] if table == name and name in owner else -1
            rows.append((table, name, size, count))
        return rows
    finally:
        con.close()


def print_size(out: Path, documents: int | None = None) -> dict:
    path = atlas_file(out)
    total = path.stat().st_size
    rows = size_breakdown(path)
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    documents = documents or con.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    con.close()
    print(f"[size] {path}: {total / 1e6:.1f} MB for {documents} documents = {total / documents / 1000:.2f} KB/doc "
          "(the whole file; dbstat per table and index below)")
    by_table: dict[str, int] = {}
    for table, name, size, count in rows:
        by_table[table] = by_table.get(table, 0) + size
        kind = "table" if table == name else f"index on {table}"
        print(f"[size]   {name:<40} {kind:<28} {size / 1e6:9.2f} MB {size / documents:9.0f} B/doc"
              + (f"  {count} rows" if count >= 0 else ""))
    return {"path": str(path), "bytes": total, "documents": documents, "kb_per_document": round(total / documents / 1000, 2),
            "by_name": {name: size for _, name, size, _ in rows}, "by_table": by_table}


def bench_build(args) -> dict:
    command = [app.chronotope_exe(), "build", "--corpus", str(args.corpus), "--force", "--json"]
    command += ["--database", args.database] if args.database else ["--out", str(args.out)]
    command += ["--jobs", str(args.jobs)] + (["--dask", args.dask] if args.dask else [])
    before = load()
    figures = run_measured(command)
    after = load()
    label = f"jobs={args.jobs}" + (f" dask={args.dask}" if args.dask else "") + (" postgresql" if args.database else " sqlite")
    summary = json.loads(figures["stdout"]) if figures["returncode"] == 0 else {}
    print(f"[build {label}] whole command: {figures['wall_seconds']} s, peak memory {figures['peak_rss_mb']} MB "
          f"(command and children), exit {figures['returncode']}; {summary.get('documents')} documents, "
          f"{summary.get('mentions')} mentions, {summary.get('movements')} movements; "
          f"load average before {before}, after {after}", flush=True)
    if figures["returncode"]:
        print(figures["stderr_tail"], file=sys.stderr)
    result = {"run": "build", "label": label, **{k: v for k, v in figures.items() if k != "stdout"},
              "summary": summary, "load_before": before, "load_after": after}
    if not args.database and figures["returncode"] == 0:
        result["size"] = print_size(args.out, summary.get("documents"))
    return result


def bench_api(args) -> dict:
    if args.database:
        os.environ["CHRONOTOPE_DATABASE_URL"] = args.database
    server = app.Server(args.corpus, args.out, threads=args.threads, workers=args.workers)
    results = {"run": "api", "store": "postgresql" if args.database else "sqlite", "client": args.client,
               "workers": args.workers or 1, "threads": args.threads}
    label = f"api {results['store']}, {results['workers']} workers, {args.client} client"
    try:
        results["asks"] = args.asks
        results["answer_bytes"] = answer_sizes(server.url, args.seed, page=args.asks == "page")
        print(f"[{label}] answer size of a random window, median of 9, by route: "
              + ", ".join(f"{r} {b / 1000:.0f} KB" for r, b in results["answer_bytes"].items()), flush=True)
        serving = psutil.Process(server.process.pid)
        for n in (int(c) for c in args.clients.split(",") if c.strip()):
            figures = measured(args, server.url, serving, n)
            results[f"clients_{n}"] = figures
            routes = ", ".join(f"{r} {v}" for r, v in figures["p95_ms_by_route"].items())
            print(f"[{label}, asks {args.asks}] {n} clients, {args.seconds:.0f} s, random windows "
                  "(uncached), per request: "
                  f"p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms, p99 {figures['p99_ms']} ms, "
                  f"max {figures['max_ms']} ms, {figures['throughput_rps']} req/s, {figures['requests']} requests, "
                  f"{figures['errors']} errors, CPU a request: server {figures['server_cpu_ms_per_request']} ms, "
                  f"client {figures['client_cpu_ms_per_request']} ms; load average before {figures['load_before']}, "
                  f"after {figures['load_after']}" + (f"; p95 by route: {routes}" if routes else ""), flush=True)
        if args.floor:
            results["floor"] = floor(args, server.url, serving, args.floor)
    finally:
        server.stop()
    return results


def measured(args, base_url: str, serving: psutil.Process, clients: int, fixed: list[str] | None = None) -> dict:
    """One load run of `clients` (the Python threads or wrk): the client's figures, with the CPU that
    the server and the client spent a request and the load average before and after."""
    import resource

    import wrk_load

    if args.client == "wrk":
        paths = wrk_load.request_paths(base_url, clients, int(args.seconds * 3000), args.seed,
                                       page=args.asks == "page", fixed=fixed)
    before, cpu = load(), _cpu_seconds(serving)
    own = resource.getrusage(resource.RUSAGE_SELF)
    if args.client == "wrk":
        figures = wrk_load.measure(base_url, args.seconds, clients, paths)
        if not fixed and figures["requests"] > len(paths):
            print(f"note: wrk asked {figures['requests']} requests of a list of {len(paths)}: some answers were "
                  "cached", flush=True)
    elif fixed:
        figures = python_fixed(base_url, clients, args.seconds, fixed)
    else:
        figures = app.measure_api(base_url, seconds=args.seconds, concurrency=clients, seed=args.seed,
                                  page=args.asks == "page")
    if args.client != "wrk":
        now = resource.getrusage(resource.RUSAGE_SELF)
        figures["client_cpu_seconds"] = round(now.ru_utime + now.ru_stime - own.ru_utime - own.ru_stime, 2)
    requests = max(figures["requests"], 1)
    # The CPU time a request: steadier than wall times on a shared machine.
    figures["server_cpu_ms_per_request"] = round((_cpu_seconds(serving) - cpu) * 1000 / requests, 3)
    figures["client_cpu_ms_per_request"] = round(figures["client_cpu_seconds"] * 1000 / requests, 3)
    figures.update(client=args.client, load_before=before, load_after=load())
    return figures


def python_fixed(base_url: str, clients: int, seconds: float, paths: list[str]) -> dict:
    """The Python threads asking `paths` in turn, over and over, for `seconds`."""
    import threading
    from urllib.parse import urlsplit

    host, measured_load, lock = urlsplit(base_url), app.Load(), threading.Lock()
    stop = time.perf_counter() + seconds
    measured_load.seconds = app.run_threads([lambda: app.load_loop(host, stop, lambda: [("floor", p) for p in paths],
                                                                   measured_load, lock) for _ in range(clients)])
    return {"concurrency": clients, **measured_load.summary()}


def floor(args, base_url: str, serving: psutil.Process, clients: int) -> dict:
    """The floor: `/api/corpus` (tiny, and answered from the answer cache) asked by `clients` at once:
    what the server on this machine can do at all, whatever the query."""
    from urllib.parse import urlsplit

    host = urlsplit(base_url)
    for _ in range(4 * (args.workers or 1)):   # made once in each worker, then cached
        app.get(host.hostname, host.port, "/api/corpus")
    figures = measured(args, base_url, serving, clients, fixed=["/api/corpus"])
    print(f"[api floor, {args.workers or 1} workers, {args.client} client] /api/corpus (cached, "
          f"{len(app.get(host.hostname, host.port, '/api/corpus')[1])} bytes), {clients} clients, "
          f"{args.seconds:.0f} s: p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms, "
          f"p99 {figures['p99_ms']} ms, {figures['throughput_rps']} req/s, {figures['errors']} errors, CPU a request: "
          f"server {figures['server_cpu_ms_per_request']} ms, client {figures['client_cpu_ms_per_request']} ms; "
          f"load average before {figures['load_before']}, after {figures['load_after']}", flush=True)
    return figures


def _cpu_seconds(process: psutil.Process) -> float:
    """User and system CPU seconds of a process and its children so far."""
    times = [process.cpu_times(), *(c.cpu_times() for c in process.children(recursive=True))]
    return sum(t.user + t.system for t in times)


def answer_sizes(base_url: str, seed: int, windows: int = 9, page: bool = False) -> dict[str, int]:
    """Return the median size in bytes of each route's answer over `windows` random windows (every
    window route whole, or `page`: what the map page asks)."""
    from urllib.parse import urlsplit

    host = urlsplit(base_url)
    corpus = json.loads(app.get(host.hostname, host.port, "/api/corpus")[1])
    ids = [d["id"] for d in json.loads(app.get(host.hostname, host.port, "/api/documents?per_page=50")[1])["documents"]]
    rng, sizes = random.Random(seed - 1), {}
    if page:
        corpus["place_ids"] = [f["id"] for f in json.loads(app.get(host.hostname, host.port,
                                                                   "/api/places?doc_limit=0")[1])["features"]]
    for _ in range(windows):
        for route, path in (app.page_requests if page else app.window_requests)(corpus, ids, rng):
            sizes.setdefault(route, []).append(len(app.get(host.hostname, host.port, path)[1]))
    return {route: sorted(found)[len(found) // 2] for route, found in sizes.items()}


def bench_publish(args) -> dict:
    """Time the publication of a built SQLite atlas (`--out`) into PostgreSQL (`--database`): a named part."""
    from mapapp.atlas import postgres, versions

    before, started = load(), time.perf_counter()
    postgres.publish(args.database, versions.current_file(args.out), versions.current_version(args.out), keep=5)
    seconds, after = round(time.perf_counter() - started, 1), load()
    print(f"[publish] the SQLite atlas copied into PostgreSQL/PostGIS (rows, GiST and date indexes; no analysis): "
          f"{seconds} s; load average before {before}, after {after}", flush=True)
    return {"run": "publish", "seconds": seconds, "load_before": before, "load_after": after}


def bench_page(args) -> dict:
    server = app.Server(args.corpus, args.out)
    try:
        before = load()
        figures = app.report_page("page", server.url)
        after = load()
        print(f"[page] load average before {before}, after {after}", flush=True)
    finally:
        server.stop()
    return {"run": "page", **figures, "load_before": before, "load_after": after}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=("build", "size", "api", "page", "publish"))
    parser.add_argument("corpus", type=Path, help="the corpus folder (for size: the atlas)")
    parser.add_argument("--out", type=Path, help="the atlas folder")
    parser.add_argument("--database", help="a PostgreSQL URL instead of --out")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--dask", help="'local' or tcp://HOST:PORT")
    parser.add_argument("--clients", default="1,8,50")
    parser.add_argument("--asks", choices=("page", "whole"), default="page",
                        help="api: what the map page asks now (capped), or every window route whole (as before)")
    parser.add_argument("--floor", type=int, default=0, metavar="CLIENTS",
                        help="api: also the floor, a cached /api/corpus asked by this many clients")
    parser.add_argument("--client", choices=("wrk", "python"), default="wrk" if wrk_exe() else "python",
                        help="api: the load generator: wrk (Debian's package `wrk`, needed for this default: "
                             "apt-get install wrk; the default when it is installed) or the Python threads "
                             "of bench/app.py (their own CPU and GIL wait count in every latency)")
    parser.add_argument("--workers", type=int, help="api: chronotope serve --workers (default: its own, 1)")
    parser.add_argument("--threads", type=int, help="api: chronotope serve --threads (default: its own, 24)")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--seed", type=int, default=1920)
    parser.add_argument("--log", type=Path, help="append each run's figures as a JSON line here")
    args = parser.parse_args(argv)
    print(f"[machine] {machine()}; {datetime.now(UTC):%Y-%m-%d %H:%M} UTC; load average {load()}", flush=True)
    if args.what == "size":
        result = {"run": "size", **print_size(args.corpus)}
    else:
        result = {"build": bench_build, "api": bench_api, "page": bench_page, "publish": bench_publish}[args.what](args)
    if args.log:
        with args.log.open("a", encoding="utf-8") as log:
            log.write(json.dumps({"corpus": str(args.corpus), "at": f"{datetime.now(UTC):%Y-%m-%dT%H:%M}Z",
                                  **result}, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
