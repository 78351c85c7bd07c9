"""The progress of a build: documents done, per second and time left, on a terminal and in a log."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from mapapp.atlas.build import SourceDone
from mapapp.cli.progress import LOG_EVERY, BuildProgress, duration, progress_line


@pytest.mark.parametrize(("seconds", "expected"), [
    (0.4, "0 s"), (8.6, "9 s"), (59.4, "59 s"), (125, "2 min 05 s"), (3599, "59 min 59 s"),
    (3780, "1 h 03 min"), (90000, "25 h 00 min"),
])
def test_duration(seconds, expected):
    assert duration(seconds) == expected


@pytest.mark.parametrize(("args", "expected"), [
    ((1, 10, 12, 2.0, 18.0), "building atlas: 1/10 sources, 12 documents, 6.0 documents/s, about 18 s left"),
    ((3, 10, 1200, 100.0, None), "building atlas: 3/10 sources, 1,200 documents, 12.0 documents/s, time left unknown"),
    ((10, 10, 25000, 250.0, 0.0), "building atlas: 10/10 sources, 25,000 documents, 100.0 documents/s, done in 4 min 10 s"),
    ((0, 10, 0, 0.0, None), "building atlas: 0/10 sources, 0 documents, starting, time left unknown"),
])
def test_progress_line(args, expected):
    assert progress_line(*args) == expected


class Clock:
    """Time that moves only when the test says so."""

    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def run(terminal: bool, steps: list[float], total: int = 4, reused: int = 0) -> list[str]:
    """Report `total` sources of 100 bytes and 10 documents each, `steps[i]` seconds apart; return the lines."""
    clock, out = Clock(), io.StringIO()
    sizes = {f"s{i}.txt": 100 for i in range(reused, total)}
    progress = BuildProgress(total, sizes, out, terminal, clock)
    for i, step in enumerate(steps):
        clock.now += step
        progress(SourceDone(Path(f"s{i}.txt"), 10, read=i >= reused))
    return out.getvalue().replace("\r", "\n").splitlines()


def test_a_quick_build_shows_nothing():
    assert run(terminal=False, steps=[0.1] * 4) == []
    assert run(terminal=True, steps=[0.1] * 4) == []


def test_a_log_gets_a_line_every_few_seconds_with_the_time_left():
    lines = run(terminal=False, steps=[LOG_EVERY / 2, LOG_EVERY / 2, 1, 1])
    assert LOG_EVERY == 5.0
    assert lines == ["building atlas: 2/4 sources, 20 documents, 4.0 documents/s, about 5 s left",
                     "building atlas: 4/4 sources, 40 documents, 5.7 documents/s, done in 7 s"]


def test_a_terminal_redraws_one_line_after_the_first_second():
    lines = [line for line in run(terminal=True, steps=[0.5, 0.6, 0.1, 0.5]) if line]
    assert [line.split(", ")[0] for line in lines] == ["building atlas: 2/4 sources", "building atlas: 4/4 sources"]
    assert lines[0].endswith("about 1 s left\x1b[K") and lines[-1].endswith("done in 2 s\x1b[K")


def test_copied_sources_do_not_count_towards_the_time_left():
    lines = run(terminal=False, steps=[0.0, 0.0, LOG_EVERY, LOG_EVERY], reused=2)
    assert lines[0] == "building atlas: 3/4 sources, 30 documents, 6.0 documents/s, about 5 s left"
