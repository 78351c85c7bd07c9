"""The progress of a build on stderr: sources and documents done, documents per second, time left.

On a terminal one line is redrawn in place, from the first second on; in a log (stderr not a
terminal) a line is printed at every tenth of the sources of a build of more than
PROGRESS_MIN_SOURCES sources, and at least every LOG_EVERY seconds of any build that takes
longer than that. Time left is estimated from the bytes of the sources still to analyse.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

PROGRESS_MIN_SOURCES = 20   # more sources than this: a line at every tenth, however fast
LOG_EVERY = 5.0             # seconds between lines in a log
DRAW_AFTER = 1.0            # seconds before a terminal shows progress
DRAW_EVERY = 0.25           # seconds between redraws on a terminal


def duration(seconds: float) -> str:
    """Return a duration as people read it: "8 s", "2 min 05 s", "1 h 03 min"."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    if whole < 3600:
        return f"{whole // 60} min {whole % 60:02d} s"
    return f"{whole // 3600} h {whole % 3600 // 60:02d} min"


def progress_line(sources: int, total: int, documents: int, seconds: float, left: float | None) -> str:
    """Return the progress line: sources done of `total`, documents, documents per second, time left."""
    rate = f"{documents / seconds:,.1f} documents/s" if seconds > 0 else "starting"
    if sources == total:
        ahead = f"done in {duration(seconds)}"
    elif left is None:
        ahead = "time left unknown"
    else:
        ahead = f"about {duration(left)} left"
    return f"building atlas: {sources}/{total} sources, {documents:,} documents, {rate}, {ahead}"


class BuildProgress:
    """An `on_source` callback for `run_build` that reports progress on `stream`."""

    def __init__(self, total: int, sizes: dict[str, int], stream: TextIO, terminal: bool,
                 clock: Callable[[], float] = time.monotonic):
        """`total` sources, of which `sizes` (bytes, by path) are analysed afresh and the others copied."""
        self.sizes, self.stream, self.terminal, self.clock = sizes, stream, terminal, clock
        self.started = self.last = clock()
        self.total, self.todo = total, sum(sizes.values())
        self.sources = self.documents = self.analysed = 0
        self.drawn = False

    def __call__(self, done) -> None:
        self.sources += 1
        self.documents += done.documents
        self.analysed += self.sizes.get(str(done.path), 0) if done.read else 0
        now = self.clock()
        if self._due(now):
            self._show(now)

    def _due(self, now: float) -> bool:
        elapsed, last = now - self.started, self.sources == self.total
        if self.terminal:
            if last:
                return self.drawn or elapsed >= DRAW_AFTER
            return elapsed >= DRAW_AFTER and now - self.last >= DRAW_EVERY
        tenth = self.total > PROGRESS_MIN_SOURCES and self.sources * 10 // self.total != \
            (self.sources - 1) * 10 // self.total
        return tenth or now - self.last >= LOG_EVERY or (last and self.drawn)

    def _show(self, now: float) -> None:
        elapsed = now - self.started
        left = None
        if self.analysed and elapsed > 0:
            left = (self.todo - self.analysed) / (self.analysed / elapsed)
        elif not self.todo:
            left = 0.0
        line = progress_line(self.sources, self.total, self.documents, elapsed, left)
        if self.terminal:
            self.stream.write(f"\r{line}\x1b[K" + ("\n" if self.sources == self.total else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()
        self.last, self.drawn = now, True
