"""The atlas folder under concurrent builds, killed builds and a running server (real processes)."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from mapapp.atlas import lock, versions
from mapapp.atlas.build import BuildError, plan_build, run_build
from mapapp.atlas.store import close_unused, open_atlas

from .corpus_edits import add_document


@pytest.fixture
def corpus(small_corpus, tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(small_corpus, folder)
    return folder


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    """A home for builds run as processes, sharing this process's gazetteer cache (made afresh, ~30 s)."""
    from gazetteer.places.broad import cache_dir

    folder = tmp_path_factory.mktemp("home")
    cache_dir().mkdir(parents=True, exist_ok=True)
    (folder / "cache").symlink_to(cache_dir())
    return folder


def build(corpus, location, **kwargs):
    return run_build(plan_build([corpus], location), **kwargs)


def start_build(chronotope, corpus: Path, location: Path, home: Path) -> subprocess.Popen:
    return subprocess.Popen([*chronotope, "build", "--corpus", str(corpus), "--out", str(location), "--keep", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "CHRONOTOPE_HOME": str(home)})


def dead_pid() -> int:
    """The pid of a process that has exited."""
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def fds_open_on(path: Path) -> int:
    """How many of this process's file descriptors are open on `path` (removed or not)."""
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        count += target.removesuffix(" (deleted)") == str(path)
    return count


def test_a_build_waits_for_the_folders_lock_before_publishing(chronotope, corpus, home, tmp_path):
    location = tmp_path / "atlas"
    first = build(corpus, location)
    add_document(corpus, 1)
    with lock.folder_lock(location) as held:
        assert held.read_text().strip() == str(os.getpid())
        child = start_build(chronotope, corpus, location, home)
        deadline = time.monotonic() + 120
        while not list(location.glob(".atlas-*.building")) and child.poll() is None:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        time.sleep(1)
        assert child.poll() is None, child.communicate()
        assert versions.current_version(location) == first.version
    out, err = child.communicate(timeout=120)
    assert child.returncode == 0, err
    assert versions.current_version(location) != first.version
    assert versions.kept_versions(location) == [versions.current_version(location)]
    assert sorted(p.name for p in location.iterdir()) == ["CURRENT", f"atlas-{versions.current_version(location)}.sqlite"]


def test_two_builds_of_one_folder_leave_current_served(chronotope, corpus, home, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(sorted(corpus.iterdir())[0], other)
    location = tmp_path / "atlas"
    children = [start_build(chronotope, c, location, home) for c in (corpus, other)]
    for child in children:
        _, err = child.communicate(timeout=300)
        assert child.returncode == 0, err
    current = versions.current_version(location)
    assert versions.kept_versions(location) == [current]
    assert open_atlas(location=location).version == current


def test_a_stale_lock_of_a_dead_build_is_taken(corpus, tmp_path):
    location = tmp_path / "atlas"
    location.mkdir()
    (location / lock.LOCK_FILE).write_text(f"{dead_pid()}\n")
    started = time.monotonic()
    report = build(corpus, location)
    assert time.monotonic() - started < 60
    assert versions.current_version(location) == report.version
    assert not (location / lock.LOCK_FILE).exists()


def test_a_live_lock_that_is_never_released_is_one_clear_error(corpus, tmp_path):
    location = tmp_path / "atlas"
    with lock.folder_lock(location), pytest.raises(lock.FolderBusy, match=rf"pid {os.getpid()}\)"):
        with lock.folder_lock(location, wait=0.2):
            pass


def test_what_a_killed_build_left_is_removed_by_the_next(chronotope, corpus, home, tmp_path):
    location = tmp_path / "atlas"
    build(corpus, location)
    add_document(corpus, 1)
    child = start_build(chronotope, corpus, location, home)
    deadline = time.monotonic() + 120
    while not (left := list(location.glob(".atlas-*.building"))):
        assert child.poll() is None and time.monotonic() < deadline, child.communicate()
        time.sleep(0.02)
    child.send_signal(signal.SIGKILL)
    child.communicate()
    assert left[0].exists()
    (location / f".CURRENT.{child.pid}.tmp").write_text("half")      # as a full disk leaves it
    mine = location / f".atlas-0123456789ab.sqlite.{os.getpid()}.building"   # a live build's
    mine.write_text("in progress")
    add_document(corpus, 2)
    report = build(corpus, location)
    names = sorted(p.name for p in location.iterdir())
    assert names == sorted(["CURRENT", mine.name, *(f"atlas-{v}.sqlite" for v in versions.kept_versions(location))])
    assert versions.current_version(location) == report.version


def test_a_failed_current_update_leaves_no_temporary_file(tmp_path):
    (tmp_path / versions.CURRENT / "in-the-way").mkdir(parents=True)   # CURRENT cannot be replaced
    with pytest.raises(OSError):
        versions.set_current(tmp_path, "0123456789ab")
    assert sorted(p.name for p in tmp_path.iterdir()) == [versions.CURRENT]


def test_a_version_a_server_has_open_is_not_pruned_until_it_lets_go(corpus, tmp_path):
    location = tmp_path / "atlas"
    first = build(corpus, location)
    served = open_atlas(first.version, location)
    assert served.counts()["documents"] == first.documents
    for n in (1, 2):
        add_document(corpus, n)
        build(corpus, location, keep=1)
    assert first.path.exists() and len(versions.kept_versions(location)) == 2
    close_unused(versions.current_file(location), idle=0)     # the server lets go of what it no longer uses
    assert fds_open_on(first.path) == 0
    add_document(corpus, 3)
    newest = build(corpus, location, keep=1)
    assert versions.kept_versions(location) == [newest.version] and not first.path.exists()


def test_connections_to_a_removed_version_are_closed(corpus, tmp_path):
    location = tmp_path / "atlas"
    first = build(corpus, location)
    add_document(corpus, 1)
    build(corpus, location)
    old = open_atlas(first.version, location)
    assert old.counts()["documents"] == first.documents
    first.path.unlink()                  # removed by hand while the server has it open
    assert fds_open_on(first.path) >= 1
    close_unused(versions.current_file(location), gone=0)
    assert fds_open_on(first.path) == 0


@pytest.mark.parametrize("front", ["title: " + "[" * 5000 + "]" * 5000, "title: A\ndate: 1" + "0" * 5000,
                                   "a: &a [x, x, x]\nb: [*a, *a]"])
def test_a_hostile_front_matter_stops_the_build_with_one_line(chronotope, home, tmp_path, front):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "mine.md").write_text(f"---\n{front}\n---\nText.\n", encoding="utf-8")
    done = subprocess.run([*chronotope, "build", "--corpus", str(corpus), "--out", str(tmp_path / "atlas")],
                          capture_output=True, text=True, timeout=120, env={**os.environ, "CHRONOTOPE_HOME": str(home)})
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith(f"error: {corpus / 'mine.md'}:") and done.stderr.count("\n") == 1, done.stderr


def test_a_fifo_in_the_corpus_is_refused_not_waited_on(corpus, tmp_path):
    fifo = tmp_path / "fifo.csv"
    os.mkfifo(fifo)
    with pytest.raises(BuildError, match="not a regular file"):
        plan_build([corpus, fifo], tmp_path / "atlas")
    os.mkfifo(corpus / "another.csv")     # in a folder, only regular files are sources
    assert "another.csv" not in {p.name for p in plan_build([corpus], tmp_path / "atlas").sources}
