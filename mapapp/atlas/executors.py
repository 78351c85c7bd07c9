"""Where a build analyses its sources: here, in N worker processes, or on a Dask cluster.

Each way yields the sources' rows in the order of the sources, with at most a few sources
in flight per worker, so that a build's memory stays flat however large the corpus: the
rows of a source are written to the atlas and dropped before many more are analysed.
"""
from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from mapapp.atlas.rows import SourceRows, analyse_source

LOCAL = "local"
IN_FLIGHT = 2   # sources (Dask: batches) queued per worker: enough to keep it busy, few enough to hold little
# Sources in one Dask task. A task costs the scheduler, the worker and the client a few ms of CPU
# each way; one per source made a 100,000-document build spend ~75 % more CPU than a serial one.
BATCH = 16


def ordered(submit: Callable[[Path], object], sources: Iterable[Path], window: int) -> Iterator:
    """Yield the results of `submit(source)` (futures) in the order of `sources`, `window` at most in flight."""
    pending: deque = deque()
    for source in sources:
        pending.append(submit(source))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def in_processes(sources: list[Path], jobs: int) -> Iterator[SourceRows]:
    """Yield the rows of each source, in order; analysed `jobs` at a time in worker processes."""
    if jobs <= 1 or len(sources) <= 2:
        yield from map(analyse_source, sources)
        return
    # The first source is read here: it loads the gazetteer, which forked workers then share.
    yield analyse_source(sources[0])
    workers = min(jobs, len(sources) - 1)
    pool = ProcessPoolExecutor(max_workers=workers)
    try:
        yield from ordered(lambda path: pool.submit(analyse_source, path), sources[1:], workers * IN_FLIGHT)
    finally:  # on failure, drop the sources not started yet
        pool.shutdown(wait=True, cancel_futures=True)


def on_dask(sources: list[Path], scheduler: str, jobs: int = 0) -> Iterator[SourceRows]:
    """Yield the rows of each source, in order, analysed on a `dask.distributed` cluster.

    `scheduler` is a scheduler's address (tcp://host:8786), or "local" to start a LocalCluster
    of `jobs` single-threaded worker processes (0: one per CPU) for this build. Every worker
    loads the gazetteer once and reads the sources from their paths, so the workers of a
    remote cluster must see the corpus at the same paths (a shared file system).
    """
    if not sources:   # every source copied from the previous atlas: no cluster needed
        return
    with dask_client(scheduler, jobs) as client:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        client.run(_load_gazetteer)   # once per worker, before the first source
        for rows in ordered(lambda batch: client.submit(analyse_sources, batch, pure=False),
                            batches(sources, BATCH), workers * IN_FLIGHT):
            yield from rows


def batches(items: list, size: int) -> Iterator[list]:
    """Yield `items` in consecutive lists of at most `size`."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


def analyse_sources(paths: list[Path]) -> list[SourceRows]:
    """The rows of each source of a batch, in order (one Dask task)."""
    return [analyse_source(path) for path in paths]


@contextmanager
def dask_client(scheduler: str, jobs: int = 0):
    """Return a Client of the cluster at `scheduler`, or of a LocalCluster started for the `with` block."""
    from distributed import Client, LocalCluster

    if scheduler != LOCAL:
        with Client(scheduler) as client:
            yield client
        return
    with LocalCluster(n_workers=jobs or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def _load_gazetteer() -> None:
    from gazetteer.places.index import load_gazetteer

    load_gazetteer()
