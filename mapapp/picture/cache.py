"""Pictures already drawn, kept on disk and shared by every process serving the same data folder.

A picture's key hashes what changes it (atlas version, the normalised view, the size, the drawing
STYLE). Files are written whole to a temporary name and renamed into place, so a reader in any
process sees a complete picture or none. The folder is bounded: past `max_files` pictures the
least recently used go (a hit refreshes a file's time).
"""
from __future__ import annotations

import hashlib
import os
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from mapapp.picture.render import STYLE

PRUNE_EVERY = 32        # writes between two looks at the folder's size


class PictureCache:
    """PNG files by key in `folder` (made on the first write), at most about `max_files` of them."""

    def __init__(self, folder: Path, max_files: int = 5000):
        self.folder, self.max_files = Path(folder), max_files
        self._writes = 0
        self._lock = threading.Lock()

    @staticmethod
    def key(*parts: object) -> str:
        """A file-safe key for (version, normalised view, size, ...)."""
        return hashlib.sha256(repr((STYLE, *parts)).encode("utf-8")).hexdigest()[:32]

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.png"

    def get(self, key: str) -> bytes | None:
        """The picture kept for `key`, or None."""
        path = self.path(key)
        try:
            body = path.read_bytes()
        except FileNotFoundError:
            return None
        try:
            os.utime(path)          # recently used: pruned last
        except OSError:
            pass                    # pruned meanwhile by another process: the bytes are still good
        return body

    def put(self, key: str, body: bytes) -> None:
        """Keep `body` for `key`: written whole, then renamed into place."""
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=self.folder, prefix=f".{key}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(body)
            os.replace(tmp, self.path(key))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        with self._lock:
            self._writes += 1
            due = self._writes % PRUNE_EVERY == 0
        if due:
            self.prune()

    def prune(self) -> int:
        """Remove the least recently used pictures beyond `max_files`; return how many went."""
        entries = []
        for path in self.folder.glob("*.png"):
            try:
                entries.append((path.stat().st_mtime, path))
            except FileNotFoundError:
                continue
        extra = sorted(entries)[:max(0, len(entries) - self.max_files)]
        for _, path in extra:
            path.unlink(missing_ok=True)
        return len(extra)

    def get_or_make(self, key: str, make: Callable[[], bytes]) -> bytes:
        """The picture kept for `key`, else `make()`'s, kept."""
        body = self.get(key)
        if body is None:
            body = make()
            self.put(key, body)
        return body
