"""Atlas versions: their ids, and where their files lie.

An atlas location is either a directory, holding `atlas-<version>.sqlite` files and a
`CURRENT` file naming the one served, or a single `*.sqlite` file (which holds one
version). A version id is a hash of everything the atlas is made from: the content of
each source, the code that reads and analyses it, and the gazetteer's data.
"""
from __future__ import annotations

import hashlib
import os
import re
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path
from urllib.parse import quote

from mapapp.atlas import lock
from mapapp.atlas.schema import SCHEMA_VERSION

CURRENT = "CURRENT"
FILE_SUFFIXES = (".sqlite", ".sqlite3", ".db")
VERSION_RE = re.compile(r"^[0-9a-f]{12}$")
# The packages whose code or data shape what a build stores: whole packages, so that a new
# module is covered without anyone remembering to list it; a lone module is named as a file
# (tests/app/test_fingerprint.py checks that everything the build imports lies inside them).
ANALYSIS_PACKAGES = ("documents", "gazetteer", "mapapp/analysis", "mapapp/atlas", "mapapp/corrections",
                     "mapapp/side_tables.py", "mapapp/message_ids.py")


def sqlite_uri(path: Path, mode: str = "ro") -> str:
    """Return the SQLite URI opening `path` in `mode` ("ro", "rw", "rwc"), its name quoted."""
    return f"file:{quote(str(Path(path).resolve()))}?mode={mode}"


def read_only(path: Path) -> closing[sqlite3.Connection]:
    """Return a read-only connection to an atlas file, closed when the `with` block ends."""
    return closing(sqlite3.connect(sqlite_uri(path), uri=True))


def file_sha256(path: Path) -> str:
    """Return the hex SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def analysis_fingerprint(root: Path | None = None) -> str:
    """Return a hash of the code and gazetteer data a build runs, and of the schema."""
    root = root or Path(__file__).resolve().parent.parent.parent
    digest = hashlib.sha256(f"schema {SCHEMA_VERSION}".encode())
    for name in ANALYSIS_PACKAGES:
        base = root / name
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for path in files:
            if "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            digest.update(str(path.relative_to(root)).encode())
            digest.update(file_sha256(path).encode())
    return digest.hexdigest()


def user_layer_digest(files: Iterable[Path]) -> str:
    """Return a hash of the user gazetteer layer's files (names and content): the analysis reads them."""
    digest = hashlib.sha256(b"user layer")
    for path in sorted(files):
        digest.update(f"\n{path.name}\t{file_sha256(path)}".encode())
    return digest.hexdigest()


def version_id(fingerprint: str, sources: Iterable[tuple[str, str]]) -> str:
    """Return the 12-hex-digit id of the atlas made by `fingerprint` from (name, sha256) sources."""
    digest = hashlib.sha256(fingerprint.encode())
    for name, sha in sorted(sources):
        digest.update(f"\n{name}\t{sha}".encode())
    return digest.hexdigest()[:12]


def is_single_file(location: Path) -> bool:
    """Return True when `location` names one atlas file rather than an atlas directory."""
    return location.suffix.lower() in FILE_SUFFIXES


def version_file(location: Path, version: str) -> Path:
    """Return the file that holds `version` at `location`."""
    if is_single_file(location):
        return location
    return location / f"atlas-{version}.sqlite"


def current_version(location: Path) -> str | None:
    """Return the version served at a directory location, or None when nothing is built there."""
    try:
        text = (location / CURRENT).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        return None
    return text if VERSION_RE.match(text) else None


def current_file(location: Path) -> Path | None:
    """Return the file of the version served at `location`, or None when nothing is built there."""
    if is_single_file(location):
        path = location
    else:
        version = current_version(location)
        if version is None:
            return None
        path = version_file(location, version)
    return path if path.exists() else None


def kept_versions(location: Path) -> list[str]:
    """Return the versions whose files are at a directory location, newest first."""
    if is_single_file(location) or not location.is_dir():
        return []
    files = sorted(location.glob("atlas-*.sqlite"), key=lambda p: p.stat().st_mtime, reverse=True)
    names = (p.name[len("atlas-"):-len(".sqlite")] for p in files)
    return [n for n in names if VERSION_RE.match(n)]


def set_current(location: Path, version: str) -> None:
    """Point a directory location at `version`, atomically."""
    tmp = location / f".{CURRENT}.{os.getpid()}.tmp"
    try:
        tmp.write_text(version + "\n", encoding="utf-8")
        os.replace(tmp, location / CURRENT)
    except BaseException:   # a full disk, say: leave no half-written file behind
        tmp.unlink(missing_ok=True)
        raise


def prune(location: Path, keep: int) -> list[str]:
    """Delete all but the `keep` newest versions; return those deleted.

    Never deletes the version CURRENT names, nor one a running server (or build) has open:
    that one is left for a later build. Call it holding the folder's lock (lock.folder_lock).
    """
    current = current_version(location)
    others = [v for v in kept_versions(location) if v != current]
    doomed = others[max(keep - 1, 0):]
    return [version for version in doomed if lock.remove_unless_in_use(version_file(location, version))]
