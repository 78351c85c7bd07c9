"""Reading a built atlas: `open_atlas(version)` and the `Atlas` the API and the pages query.

A build writes a new file and swaps it in; the one change made to a published file is an
editor's correction (mapapp/corrections/live.py), which rewrites one document's rows in one
transaction and bumps `revision` in meta. So the file is opened read-only (not immutable, so
that every server sees such a change at once), one connection per thread. An atlas in PostgreSQL
(a location that is a `postgresql://` URL) is a schema per version, read alike (`postgres`).
"""
from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from pathlib import Path

from mapapp.atlas import lock, packing, postgres, query, spans, versions
from mapapp.atlas.caps import PlaceCap
from mapapp.atlas.schema import SCHEMA_VERSION
from mapapp.errors import AtlasMissing, DocumentRenamed, NotFound, VersionGone
from mapapp.message_ids import N_
from mapapp.params import BBox, Page, Window, shown

ALL_TIME = Window()
FIRST_PAGE = Page()


class Atlas:
    """One atlas version, read-only. Methods return JSON-ready dicts and lists."""

    def __init__(self, path: Path | postgres.Schema):
        # A file, or a version's schema in PostgreSQL.
        self.path = path if isinstance(path, postgres.Schema) else Path(path)
        self._local = threading.local()
        self._conns: list[sqlite3.Connection] = []
        self._conns_lock = threading.Lock()
        # A shared lock for as long as this atlas is open: a build's pruning leaves the file alone.
        self._hold = None
        if not isinstance(self.path, postgres.Schema):   # a schema is kept by the database's own pointer
            self._hold = lock.hold_shared(self.path)
            if self._hold is None or not _same_file(self._hold, self.path):
                lock.release(self._hold)
                raise AtlasMissing(N_("%(path)s: removed while it was being opened; run `chronotope build`"),
                                   path=self.path)
        try:
            meta = dict(self.conn.execute("SELECT key, value FROM meta").fetchall())
        except (sqlite3.DatabaseError, postgres.Error) as exc:
            self.close_all()
            raise AtlasMissing(N_("%(path)s: not a readable atlas (%(problem)s); run `chronotope build`"),
                               path=self.path, problem=exc) from None
        if not readable(meta):
            self.close_all()
            raise AtlasMissing(N_("%(path)s: made by another version of Chronotope (atlas schema %(found)s, this "
                                  "one reads %(read)s); run `chronotope build`"),
                               path=self.path, found=f"{meta.get('schema')}/{meta.get('packing')}",
                               read=f"{SCHEMA_VERSION}/{packing.DIGEST}")
        self.meta = meta
        self.version: str = meta["version"]
        self.built_at: str = meta["built_at"]
        self.fts: bool = meta.get("fts") == "1"

    @property
    def conn(self) -> sqlite3.Connection | postgres.Connection:
        """This thread's read-only connection to the atlas file (or its schema)."""
        conn = getattr(self._local, "conn", None)
        if isinstance(self.path, postgres.Schema):
            if conn is None:   # this thread's connection of the request, given back when it ends
                conn = self._local.conn = self.path.connect(shared=True)
            return conn
        if conn is None:
            if self._hold is None:   # closed by close_unused, and used again (files only: schemas return above)
                self._hold = lock.hold_shared(self.path)
            # Not immutable: a correction may rewrite a document's rows (and waits for readers).
            conn = sqlite3.connect(versions.sqlite_uri(self.path), uri=True, check_same_thread=False, timeout=10)
            conn.row_factory = sqlite3.Row
            query.register(conn)   # SQL that reads a packed text (the searches)
            self._local.conn = conn
            with self._conns_lock:
                self._conns.append(conn)
        return conn

    @property
    def spans(self) -> dict[str, int]:
        """Each table's longest dated interval in days, as meta says now (a correction may widen one)."""
        return spans.read(self.conn)

    @property
    def revision(self) -> int:
        """How many corrections were patched into this version since it was built (0: none)."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
        return int(row[0]) if row else 0

    @property
    def state(self) -> str:
        """The version and its revision: what every cached answer and ETag is keyed by."""
        revision = self.revision
        return f"{self.version}.{revision}" if revision else self.version

    def close(self) -> None:
        """Close this thread's connection."""
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None
            with self._conns_lock:
                if conn in self._conns:
                    self._conns.remove(conn)

    def close_all(self) -> None:
        """Close every thread's connection and release the file, so that a build may prune it."""
        with self._conns_lock:
            conns, self._conns = self._conns, []
        for conn in conns:
            conn.close()
        self._local = threading.local()
        hold, self._hold = self._hold, None
        lock.release(hold)

    def __del__(self) -> None:
        lock.release(getattr(self, "_hold", None))

    def __repr__(self) -> str:
        return f"Atlas(version={self.version!r}, path={str(self.path)!r})"

    # Each answer comes as JSON text (`*_json`, what the API sends) and as a dict (for Python callers).
    def corpus_json(self) -> str:
        """The slider's range: version, count, earliest, latest, distinct dates, built_at."""
        return query.corpus(self.conn, self.version, self.built_at)

    def documents_json(self, window: Window = ALL_TIME, q: str | None = None, place: str | None = None,
                       page: Page = FIRST_PAGE) -> str:
        """{"documents", "total", "page", "per_page"}: the documents overlapping `window`, by date."""
        if place is not None:
            self.place_row(place)
        return query.documents(self.conn, window, q, place, page, self.fts, self.spans["documents"])

    def document_json(self, doc_id: str) -> str:
        """One document with its body, places, dates, movements, prev and next; NotFound if absent."""
        found = query.document(self.conn, doc_id)
        if found is None:
            self.raise_if_renamed(doc_id)
            raise NotFound(N_("no document %(doc)s in atlas %(version)s"), doc=repr(doc_id), version=self.version)
        return found

    def places_json(self, window: Window = ALL_TIME, bbox: BBox | None = None, q: str | None = None,
                    cap: PlaceCap | None = None) -> str:
        """A FeatureCollection of the places mentioned in the documents of `window` (cut to `cap`)."""
        return query.places(self.conn, window, bbox, q, self.spans["documents"], cap)

    def place_json(self, place_id: str, doc_limit: int | None = None) -> str:
        """A Feature: the place, its note and parent, and its (first `doc_limit`) documents in date order;
        NotFound if absent."""
        return query.place(self.conn, self.place_row(place_id), doc_limit)

    def movements_json(self, window: Window = ALL_TIME, limit: int | None = None) -> str:
        """A FeatureCollection of the movements dated within `window` (undated: their document's dates);
        at most `limit` of them, spread over the window, with their `total`."""
        return query.movements(self.conn, window, self.spans["movements"], limit)

    def events_json(self, window: Window = ALL_TIME) -> str:
        """A FeatureCollection with one Point per place mention in the documents of `window`."""
        return query.events(self.conn, window, self.spans["documents"])

    def territories_json(self, on: str | None = None) -> str:
        """A FeatureCollection of territories: claims and control on ISO date `on`, or each whole timeline."""
        return query.territories(self.conn, on)

    def corpus(self) -> dict:
        return json.loads(self.corpus_json())

    def documents(self, *args, **kwargs) -> dict:
        return json.loads(self.documents_json(*args, **kwargs))

    def document(self, doc_id: str) -> dict:
        return json.loads(self.document_json(doc_id))

    def places(self, *args, **kwargs) -> dict:
        return json.loads(self.places_json(*args, **kwargs))

    def place(self, place_id: str, doc_limit: int | None = None) -> dict:
        return json.loads(self.place_json(place_id, doc_limit))

    def movements(self, *args, **kwargs) -> dict:
        return json.loads(self.movements_json(*args, **kwargs))

    def events(self, *args, **kwargs) -> dict:
        return json.loads(self.events_json(*args, **kwargs))

    def territories(self, on: str | None = None) -> dict:
        return json.loads(self.territories_json(on))

    def collections(self) -> list[dict]:
        """The compilations the documents come from: `{"collection", "documents"}`, most documents first."""
        return query.collections(self.conn)

    def current_id(self, former_id: str) -> str | None:
        """The id now borne by the document whose id was `former_id` (made from its heading), or None."""
        return query.current_id(self.conn, former_id)

    def raise_if_renamed(self, doc_id: str) -> None:
        """Raise DocumentRenamed when `doc_id` is the id a document had before (made from its heading)."""
        now = self.current_id(doc_id)
        if now is not None:
            raise DocumentRenamed(doc_id, now)

    def has_document(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def place_row(self, place_id: str) -> sqlite3.Row:
        """The places-table row of `place_id`; NotFound if the atlas has no such place."""
        row = self.conn.execute("SELECT * FROM places WHERE id = ?", (place_id,)).fetchone()
        if row is None:
            raise NotFound(N_("no place %(place)s in atlas %(version)s"), place=repr(place_id), version=self.version)
        return row

    def counts(self) -> dict:
        """Return how many rows each content table holds (documents, places, mentions, movements, territories)."""
        return query.counts(self.conn)

    def sources(self) -> dict[str, str]:
        """Return {source path: sha256} of the sources this atlas was built from."""
        return {r["path"]: r["sha256"] for r in self.conn.execute("SELECT path, sha256 FROM sources")}


def readable(meta: dict[str, str]) -> bool:
    """True when an atlas with this meta table has this Chronotope's tables, packed with its dictionaries."""
    return meta.get("schema") == str(SCHEMA_VERSION) and meta.get("packing") == packing.DIGEST


def _same_file(fd: int, path: Path) -> bool:
    """True when the open file `fd` is still the file at `path` (not removed nor replaced)."""
    try:
        return os.path.samestat(os.fstat(fd), path.stat())
    except FileNotFoundError:
        return False


# Atlases opened so far, by file and its identity on disk (a rebuilt single file is a new inode),
# with when each was last asked for.
_OPENED: dict[tuple[str, int, int], Atlas] = {}
_LAST_USED: dict[tuple[str, int, int], float] = {}
_OPENED_LOCK = threading.Lock()
# An atlas that is not the current one is closed after IDLE_SECONDS unused, so that builds can
# prune it; one removed or replaced on disk after GONE_SECONDS (a request that began with it
# may still be reading). A closed Atlas object reopens its file if it is used again.
IDLE_SECONDS = 300.0
GONE_SECONDS = 30.0


def _file_key(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return (str(path), stat.st_ino, stat.st_mtime_ns)


def _open_file(path: Path) -> Atlas:
    try:
        key = _file_key(path)
    except FileNotFoundError:
        raise AtlasMissing(N_("%(path)s: removed while it was being opened; run `chronotope build`"),
                           path=path) from None
    with _OPENED_LOCK:
        atlas = _OPENED.get(key)
        if atlas is None:
            atlas = _OPENED[key] = _corrected(key) or Atlas(path)
        _LAST_USED[key] = time.monotonic()
        return atlas


def _corrected(key: tuple[str, int, int]) -> Atlas | None:
    """The atlas already open on this very file when only a correction changed it since (its
    rows and `revision`, not its version): kept, under the file's new key. Call holding _OPENED_LOCK."""
    for old, atlas in list(_OPENED.items()):
        if old[:2] != key[:2] or atlas._hold is None:
            continue
        try:
            meta = dict(atlas.conn.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.Error:
            return None
        if "revision" in meta and meta.get("version") == atlas.version and readable(meta):
            del _OPENED[old]
            _LAST_USED.pop(old, None)
            return atlas
    return None


def close_unused(current: Path | None = None, idle: float = IDLE_SECONDS,
                 gone: float = GONE_SECONDS) -> list[Atlas]:
    """Close the atlases whose file is removed or replaced and unused for `gone` seconds, and
    those other than `current` unused for `idle` seconds; return them.
    """
    now = time.monotonic()
    closed = []
    with _OPENED_LOCK:
        for key, atlas in list(_OPENED.items()):
            unused = now - _LAST_USED.get(key, now)
            try:
                removed = _file_key(atlas.path) != key
            except FileNotFoundError:
                removed = True
            if (removed and unused >= gone) or (atlas.path != current and unused >= idle):
                del _OPENED[key]
                _LAST_USED.pop(key, None)
                atlas.close_all()
                closed.append(atlas)
    return closed


_OPENED_SCHEMAS: dict[postgres.Schema, Atlas] = {}


def _open_schema(schema: postgres.Schema) -> Atlas:
    with _OPENED_LOCK:
        atlas = _OPENED_SCHEMAS.get(schema)
        if atlas is None:
            atlas = _OPENED_SCHEMAS[schema] = Atlas(schema)
        return atlas


def _open_database(version: str | None, url: str) -> Atlas:
    """The atlas `version` (default: the current one) in the PostgreSQL database at `url`."""
    try:
        current = postgres.current_version(url)
    except postgres.Error as exc:
        raise AtlasMissing(N_("cannot read the atlas database %(url)s: %(problem)s"), url=postgres.shown_url(url),
                           problem=str(exc).strip().splitlines()[0]) from None
    if current is None:
        raise AtlasMissing(N_("no atlas in %(url)s; run `chronotope build --database URL`"),
                           url=postgres.shown_url(url))
    if version is None or version == current:
        return _open_schema(postgres.Schema(url, current))
    if not versions.VERSION_RE.match(version):
        raise VersionGone(N_("atlas version %(version)s is not a version id (12 hex digits)"), version=shown(version))
    gone = VersionGone(N_("atlas version %(version)s is no longer kept on this server (the current version is "
                          "%(current)s); the view it pinned cannot be shown"), version=version, current=current)
    if version not in postgres.kept_versions(url):
        raise gone
    try:
        return _open_schema(postgres.Schema(url, version))
    except AtlasMissing:
        raise gone from None


def open_atlas(version: str | None = None, location: Path | str | None = None) -> Atlas:
    """Return the atlas `version` (default: the current one) at `location` (default: the settings').

    `location` is an atlas folder, one atlas file, or a `postgresql://` URL.
    Raises AtlasMissing when nothing is built there and VersionGone when `version` is not kept.
    """
    if location is None:
        from mapapp.settings import from_env

        location = from_env().atlas_location
    if postgres.is_database_url(location):
        return _open_database(version, location)
    location = Path(location)
    current_path = versions.current_file(location)
    close_unused(current_path)
    if current_path is None:
        raise AtlasMissing(N_("no atlas at %(path)s; run `chronotope build`"), path=location)
    current = _open_file(current_path)
    if version is None or version == current.version:
        return current
    if not versions.VERSION_RE.match(version):
        raise VersionGone(N_("atlas version %(version)s is not a version id (12 hex digits)"), version=shown(version))
    path = versions.version_file(location, version)
    gone = VersionGone(N_("atlas version %(version)s is no longer kept on this server (the current version is "
                          "%(current)s); the view it pinned cannot be shown"), version=version, current=current.version)
    if versions.is_single_file(location) or not path.exists():
        raise gone
    try:
        return _open_file(path)
    except AtlasMissing:  # kept, but made by an older Chronotope that this one cannot read
        raise gone from None

