"""The API loaded by `wrk` (Debian's package `wrk`, in C) rather than by Python threads.

The Python load generator (bench/app.py `load_loop`) is 50 threads in one process: on a machine
of two cores its own CPU and its wait for the GIL are in every latency it reports. wrk spends
a few microseconds a request and no GIL. It walks the same random requests the Python clients
ask (`page_requests` or `window_requests`, each client's rounds from its own seeded generator),
written to a file first, through a Lua script whose `done()` prints wrk's own percentiles as JSON.

    apt-get install wrk
"""
from __future__ import annotations

import json
import math
import random
import resource
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

# The thread `n` of `threads` starts at its share of the list; each request is the next path.
SCRIPT = r"""
local paths = {}
local at = 0
local thread_count = 0

function setup(thread)
    thread:set("id", thread_count)
    thread_count = thread_count + 1
end

function init(args)
    for line in io.lines(args[1]) do
        paths[#paths + 1] = line
    end
    at = math.floor(id * #paths / tonumber(args[2]))
end

function request()
    at = at % #paths + 1
    return wrk.format("GET", paths[at])
end

-- The percentage of answers slower than `limit` microseconds (wrk keeps percentiles, not counts).
local function percent_over(latency, limit)
    if latency.max <= limit then
        return 0
    end
    local low, high = 0, 100
    for _ = 1, 40 do
        local mid = (low + high) / 2
        if latency:percentile(mid) > limit then high = mid else low = mid end
    end
    return 100 - high
end

function done(summary, latency, requests)
    local e = summary.errors
    io.write("wrk-json ", string.format(
        '{"requests": %d, "duration_us": %d, "bytes": %d, "connect": %d, "read": %d, "write": %d, '
        .. '"status": %d, "timeout": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d, '
        .. '"over_2s_percent": %.6f}',
        summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
        latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
        percent_over(latency, 2000000)), "\n")
end
"""


def wrk_exe() -> str | None:
    """The `wrk` on PATH, or None."""
    return shutil.which("wrk")


def request_paths(base_url: str, clients: int, requests: int, seed: int = 1920, page: bool = True,
                  fixed: list[str] | None = None, repeat: bool = False) -> list[str]:
    """About `requests` paths: the Python clients' rounds (client n draws from Random(seed + n)),
    round by round in turn, as they would reach the server; or `fixed` repeated; or (`repeat`) the
    four rounds the Python clients repeat to measure the answer cache."""
    import app  # beside this file (imported here: this module is also loaded by the tests, by path)

    if fixed:
        return fixed
    host = urlsplit(base_url)
    corpus = json.loads(app.get(host.hostname, host.port, "/api/corpus")[1])
    ids = [d["id"] for d in json.loads(app.get(host.hostname, host.port, "/api/documents?per_page=500")[1])
           ["documents"]]
    if page:
        corpus["place_ids"] = [f["id"] for f in json.loads(app.get(host.hostname, host.port,
                                                                   "/api/places?doc_limit=0")[1])["features"]]
    asks = app.page_requests if page else app.window_requests
    if repeat:   # bench/app.py api_workers' `fixed`
        return [path for i in range(4) for _route, path in asks(corpus, ids, random.Random(seed + i))]
    rngs = [random.Random(seed + n) for n in range(clients)]
    per_round = len(asks(corpus, ids, random.Random(seed)))
    paths: list[str] = []
    for _ in range(math.ceil(requests / per_round / clients)):
        for rng in rngs:
            paths += [path for _route, path in asks(corpus, ids, rng)]
    return paths


def measure(base_url: str, seconds: float, clients: int, paths: list[str], timeout: float = 120) -> dict:
    """Load `base_url` with `clients` wrk connections for `seconds`, walking `paths`; return the
    figures in bench/app.py's shape (no per-route figures) and wrk's own CPU seconds."""
    exe = wrk_exe()
    if exe is None:
        raise SystemExit("wrk is not installed: apt-get install wrk (or --client python)")
    threads = min(clients, 2)
    with tempfile.TemporaryDirectory(prefix="chronotope-wrk-") as tmp:
        script, listed = Path(tmp) / "walk.lua", Path(tmp) / "paths.txt"
        script.write_text(SCRIPT, encoding="utf-8")
        listed.write_text("\n".join(paths) + "\n", encoding="utf-8")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run([exe, "-t", str(threads), "-c", str(clients), "-d", f"{seconds:.0f}s",
                               "--timeout", f"{timeout:.0f}s", "-s", str(script), base_url.rstrip("/") + "/",
                               "--", str(listed), str(threads)],
                              capture_output=True, text=True, timeout=seconds + timeout + 30)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    line = next((line for line in done.stdout.splitlines() if line.startswith("wrk-json ")), None)
    if done.returncode or line is None:
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stderr.strip() or done.stdout.strip()}")
    raw = json.loads(line.removeprefix("wrk-json "))
    errors = raw["connect"] + raw["read"] + raw["write"] + raw["status"] + raw["timeout"]
    return {"client": "wrk", "concurrency": clients, "requests": raw["requests"], "errors": errors,
            "error_kinds": {k: raw[k] for k in ("connect", "read", "write", "status", "timeout")},
            "throughput_rps": round(raw["requests"] / (raw["duration_us"] / 1e6), 1),
            "p50_ms": round(raw["p50_us"] / 1000, 2), "p95_ms": round(raw["p95_us"] / 1000, 2),
            "p99_ms": round(raw["p99_us"] / 1000, 2), "max_ms": round(raw["max_us"] / 1000, 1),
            "over_2s": round(raw["requests"] * raw["over_2s_percent"] / 100),
            "p95_ms_by_route": {}, "distinct_paths": len(set(paths)),
            "client_cpu_seconds": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 2)}
