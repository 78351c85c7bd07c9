"""Who may change an atlas folder, and when: its lock, the files of dead builds, files in use.

Three kernel `flock` locks, all released by the kernel when their holder exits or is killed,
so that no lock outlives its process (a lock file left behind by a SIGKILLed build is stale
and taken at once; the pid written in it only names the holder in messages):

- the folder's `.lock`, held exclusively by the one build that publishes a version, points
  `CURRENT` at it and prunes old versions;
- a shared lock on each atlas file a server (or a build reading its previous atlas) has
  open; pruning skips a file it cannot lock exclusively.

Temporary files carry their writer's pid (`.atlas-<version>.sqlite.<pid>.building`,
`.CURRENT.<pid>.tmp`); those whose process is gone are removed by the next build.
"""
from __future__ import annotations

import errno
import fcntl
import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = ".lock"
WAIT_SECONDS = 120.0
# The temporary files of a build: the atlas being written, and the next CURRENT.
LEFTOVER = re.compile(r"^\.(?:.+\.(?:sqlite|sqlite3|db)\.(\d+)\.building|CURRENT\.(\d+)\.tmp)$")


class FolderBusy(Exception):
    """Another live build has held the atlas folder's lock for longer than we waited."""


def holder(lock_path: Path) -> str:
    """Return the pid written in a lock file, or "?" when it cannot be read."""
    try:
        text = lock_path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return "?"
    return text if text.isdigit() else "?"


@contextmanager
def folder_lock(folder: Path, wait: float = WAIT_SECONDS) -> Iterator[Path]:
    """Hold the exclusive lock of an atlas folder for the `with` block, waiting up to `wait` s.

    The lock file exists only while held (its holder removes it); one left by a killed build
    is stale, and taken. Raises FolderBusy when another live process holds it all that time.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_FILE
    fd = _take(path, wait, folder)
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield path
    finally:
        path.unlink(missing_ok=True)   # still holding it: whoever waits retries on a new file
        os.close(fd)


def _take(path: Path, wait: float, folder: Path) -> int:
    """Return an fd of the lock file `path` holding its exclusive lock, waiting up to `wait` s."""
    deadline = time.monotonic() + wait
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        if _try_flock(fd, fcntl.LOCK_EX):
            try:
                if os.path.samestat(os.fstat(fd), os.stat(path)):
                    return fd
            except FileNotFoundError:
                pass
            os.close(fd)    # the holder removed this file as we locked it: take the new one
            continue
        os.close(fd)
        if time.monotonic() >= deadline:
            raise FolderBusy(f"{folder}: another build (pid {holder(path)}) has held the atlas folder "
                             f"for more than {wait:g} s")
        time.sleep(0.05)


def _try_flock(fd: int, kind: int) -> bool:
    try:
        fcntl.flock(fd, kind | fcntl.LOCK_NB)
    except OSError as err:
        if err.errno in (errno.EWOULDBLOCK, errno.EAGAIN):
            return False
        raise
    return True


def alive(pid: int) -> bool:
    """Return True when a process `pid` is running (ours included)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:   # someone else's process
        return True
    return True


def remove_leftovers(folder: Path) -> list[Path]:
    """Delete the temporary files in `folder` whose writing process is gone; return them."""
    removed = []
    try:
        names = [entry.name for entry in os.scandir(folder)]
    except (FileNotFoundError, NotADirectoryError):
        return removed
    for name in names:
        found = LEFTOVER.match(name)
        if found and not alive(int(found.group(1) or found.group(2))):
            (folder / name).unlink(missing_ok=True)
            removed.append(folder / name)
    return removed


def hold_shared(path: Path) -> int | None:
    """Open `path` and hold a shared lock on it, so pruning leaves it; return the fd to release.

    None when the file is gone.
    """
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    fcntl.flock(fd, fcntl.LOCK_SH)
    return fd


def release(fd: int | None) -> None:
    """Release a lock taken by `hold_shared`."""
    if fd is not None:
        os.close(fd)


@contextmanager
def reading(path: Path | None) -> Iterator[None]:
    """Hold a shared lock on `path` (if any) for the `with` block."""
    fd = hold_shared(path) if path is not None else None
    try:
        yield
    finally:
        release(fd)


def remove_unless_in_use(path: Path) -> bool:
    """Delete `path` unless a process holds a shared lock on it; return True when deleted."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return False
    try:
        if not _try_flock(fd, fcntl.LOCK_EX):
            return False
        path.unlink(missing_ok=True)
        return True
    finally:
        os.close(fd)
