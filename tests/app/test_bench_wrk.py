"""The benchmarks' wrk load generator (bench/wrk_load.py) against a real `chronotope serve`: it walks
the list of requests it is given and reports wrk's own figures."""
from __future__ import annotations

import importlib.util
import os
import shutil
import sys
from pathlib import Path

import pytest
from harness import chronotope_command

from tests.app.test_postgres_serve import Server

BENCH = Path(__file__).resolve().parents[2] / "bench" / "wrk_load.py"


@pytest.fixture(scope="module")
def wrk_load():
    if shutil.which("wrk") is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("wrk is missing: .ci/run installs Debian's wrk")
        pytest.skip("Debian's wrk is not installed")
    spec = importlib.util.spec_from_file_location("bench_wrk_load", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_wrk_load"] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules["bench_wrk_load"]


@pytest.mark.network
def test_wrk_walks_the_listed_requests_and_reports_its_percentiles(wrk_load, small_corpus, atlas_path, tmp_path):
    shutil.copytree(atlas_path, tmp_path / "atlas", ignore=shutil.ignore_patterns("*.lock", ".*"))
    env = {**os.environ, "CHRONOTOPE_ATLAS_DIR": str(tmp_path / "atlas"), "CHRONOTOPE_CORPUS": str(small_corpus),
           "CHRONOTOPE_HOME": str(tmp_path / "home")}
    server = Server([*chronotope_command(), "serve", "--port", "0", "--threads", "4"], env)
    try:
        # Every other request is a document the atlas lacks: wrk counts those answers (404) as errors.
        listed = ["/api/corpus", "/api/documents/no-such-document"]
        figures = wrk_load.measure(server.url, seconds=1, clients=2, paths=listed)
        assert figures["requests"] > 10 and figures["client"] == "wrk"
        assert figures["error_kinds"]["status"] == pytest.approx(figures["requests"] / 2, abs=3)
        assert figures["errors"] == figures["error_kinds"]["status"]
        assert 0 < figures["p50_ms"] <= figures["p95_ms"] <= figures["p99_ms"] <= figures["max_ms"]
        assert figures["throughput_rps"] > 10
        good = wrk_load.measure(server.url, seconds=1, clients=1, paths=["/api/corpus"])
        assert good["errors"] == 0 and good["requests"] > 10 and good["over_2s"] == 0
    finally:
        server.stop()
