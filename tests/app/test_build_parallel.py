"""Builds that analyse in worker processes or on a Dask cluster make the serial build's atlas,
and hold only a few sources in memory at a time."""
from __future__ import annotations

import json
import logging
import subprocess
from concurrent.futures import Future

import pytest
from harness import chronotope_command

from mapapp.atlas.build import plan_build, run_build
from mapapp.atlas.executors import IN_FLIGHT, ordered

from .test_build import table_dump


@pytest.fixture(scope="module")
def serial(small_corpus, tmp_path_factory):
    """The serial build of the seed pages (one .sqlite file)."""
    return run_build(plan_build([small_corpus], tmp_path_factory.mktemp("serial") / "atlas.sqlite"))


def test_a_build_on_a_dask_cluster_makes_the_same_atlas(small_corpus, serial, tmp_path):
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster:
        report = run_build(plan_build([small_corpus], tmp_path / "atlas.sqlite"), dask=cluster.scheduler_address)
    assert (report.version, report.read, report.documents) == (serial.version, serial.sources, serial.documents)
    assert table_dump(report.path) == table_dump(serial.path)


@pytest.mark.parametrize("options", [["--jobs", "2"], ["--dask", "local", "--jobs", "2"]])
def test_the_build_command_in_parallel_makes_the_same_atlas(small_corpus, serial, tmp_path, options):
    out = tmp_path / "atlas.sqlite"
    result = subprocess.run([*chronotope_command(), "build", "--corpus", str(small_corpus), "--out", str(out),
                             "--json", *options], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""   # --json: the summary instead of progress
    report = json.loads(result.stdout)
    assert (report["version"], report["read"], report["documents"]) == (serial.version, serial.sources,
                                                                        serial.documents)
    assert table_dump(out) == table_dump(serial.path)


def test_sources_are_analysed_a_few_at_a_time_and_come_back_in_order():
    in_flight, most = set(), 0

    def submit(n):
        nonlocal most
        in_flight.add(n)
        most = max(most, len(in_flight))
        future = Future()
        future.set_result(n * n)
        future.add_done_callback(lambda f: None)
        return _Done(future, lambda: in_flight.discard(n))

    assert list(ordered(submit, range(100), 2 * IN_FLIGHT)) == [n * n for n in range(100)]
    assert most == 2 * IN_FLIGHT and not in_flight


class _Done:
    """A finished future that says when its result is taken (the writer has it)."""

    def __init__(self, future, taken):
        self.future, self.taken = future, taken

    def result(self):
        self.taken()
        return self.future.result()
