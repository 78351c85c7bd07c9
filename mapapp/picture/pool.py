"""Pictures drawn off the request threads, in a bounded pool of worker processes.

A picture costs ~0.4 s of CPU (seconds at 2400 px); drawn in a request thread it holds the GIL
and starves every API answer. Here at most `workers` pictures are drawn at once, by processes of
lower priority, and at most `queue` more wait for one; beyond that `run` refuses at once
(`PoolFull`), and the view answers 503 with Retry-After. The same picture asked for twice while
it is drawn is drawn once.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Hashable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool

from mapapp.picture.model import ENGLISH_WORDS, PictureWords
from mapapp.view_state import ViewState

WORKER_NICENESS = 10          # request threads come first when the CPU is short
# Imported once by the fork server, so that a new worker starts drawing at once.
PRELOAD = ["mapapp.picture.drawing", "mapapp.picture.scene"]


class PoolFull(Exception):
    """Every worker is busy and the queue is full (or the wait was too long): try again later."""


def draw_view(atlas_location: str, version: str, state: ViewState, width: int, height: int,
              words: PictureWords = ENGLISH_WORDS) -> bytes:
    """The PNG of `state` on atlas `version` at `atlas_location`, width x height, in `words`' language
    (runs in a worker)."""
    from mapapp.atlas.store import open_atlas
    from mapapp.picture.render import render_png
    from mapapp.picture.scene import build_scene

    atlas = open_atlas(version, atlas_location)
    return render_png(build_scene(atlas, state, width, height, words), width, height)


def _start_worker() -> None:
    """Draw at a lower priority; leave Ctrl-C to the server, which stops its workers itself
    (a terminal's Ctrl-C reaches every process of its group: each worker printed a traceback)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        os.nice(WORKER_NICENESS)
    except OSError:   # not allowed here: draw at the same priority
        pass


def _context() -> multiprocessing.context.BaseContext:
    """Workers start from a fork server (never a fork of the threaded server itself) where there is one."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


class WorkerPool:
    """At most `workers` calls running in processes and `queue` waiting; more are refused."""

    def __init__(self, workers: int, queue: int):
        self.workers, self.queue = workers, queue
        self._executor: ProcessPoolExecutor | None = None
        self._running: dict[Hashable, Future] = {}
        self._lock = threading.Lock()

    @property
    def in_flight(self) -> int:
        """Calls running or waiting."""
        with self._lock:
            return len(self._running)

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:     # started on first use: creating the app starts nothing
            self._executor = ProcessPoolExecutor(self.workers, mp_context=_context(),
                                                 initializer=_start_worker)
        return self._executor

    def submit(self, key: Hashable, fn: Callable, *args) -> Future:
        """Start `fn(*args)` (or join the running call of the same `key`); PoolFull when full."""
        with self._lock:
            if key in self._running:
                return self._running[key]
            if len(self._running) >= self.workers + self.queue:
                raise PoolFull(f"{len(self._running)} pictures are being drawn or waiting")
            try:
                future = self._pool().submit(fn, *args)
            except BrokenProcessPool:  # a worker died (killed, out of memory): start afresh
                self._executor = None
                future = self._pool().submit(fn, *args)
            self._running[key] = future
        future.add_done_callback(lambda _: self._forget(key, future))
        return future

    def _forget(self, key: Hashable, future: Future) -> None:
        with self._lock:
            if self._running.get(key) is future:
                del self._running[key]

    def run(self, key: Hashable, fn: Callable, *args, timeout: float | None = None):
        """The result of `fn(*args)` run in a worker; PoolFull when full or not done within `timeout`."""
        future = self.submit(key, fn, *args)
        try:
            return future.result(timeout)
        except FutureTimeout:
            raise PoolFull(f"not drawn within {timeout} s") from None
        except BrokenProcessPool:     # a worker died mid-call: the next call starts a fresh pool
            with self._lock:
                self._executor = None
            raise PoolFull("a picture worker stopped") from None

    def warm_up(self) -> None:
        """Start the workers now rather than on the first picture."""
        for _ in range(self.workers):
            self._pool().submit(os.getpid)

    def shutdown(self) -> None:
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


_SHARED: dict[tuple[int, int], WorkerPool] = {}
_SHARED_LOCK = threading.Lock()


def shared_pool(workers: int, queue: int) -> WorkerPool:
    """The process's one pool of this shape (apps made in one process, as in tests, share it)."""
    with _SHARED_LOCK:
        if (workers, queue) not in _SHARED:
            _SHARED[(workers, queue)] = WorkerPool(workers, queue)
        return _SHARED[(workers, queue)]
