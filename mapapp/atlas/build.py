"""Building an atlas: read the corpus, analyse each document, write one SQLite file.

The build is atomic (it writes a temporary file and swaps it in with `os.replace`, so a
failed or interrupted build leaves the previous atlas as it was) and incremental (a source
whose content is unchanged, analysed by unchanged code, is copied from the previous atlas
rather than read again).

The atlas is written to SQLite whatever the store; into a PostgreSQL database (a location that is
a `postgresql://` URL) the finished file is then published by `postgres.publish`, in one
transaction. The previous version's rows are first copied out of the database into a temporary
file, so such a build is incremental too.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from gazetteer.places.userlayer import user_place_files
from mapapp.atlas import lock, packing, place_spans, postgres, query, schema, spans, versions
from mapapp.atlas.executors import in_processes, on_dask
from mapapp.atlas.rows import SourceRows, territory_rows
from mapapp.corrections import live
from mapapp.corrections.store import CorrectionsStore

SOURCE_SUFFIXES = (".txt", ".md", ".markdown", ".csv", ".xml")   # .xml: TEI


class BuildError(Exception):
    """A build that could not be made; the previous atlas is untouched."""


@dataclass(frozen=True)
class Plan:
    """What a build will do: which sources, their hashes, and the version they make."""

    location: Path | str            # a folder, a .sqlite file, or a postgresql:// URL
    sources: tuple[Path, ...]
    hashes: dict[str, str]          # source path -> sha256
    fingerprint: str
    version: str
    previous: Path | postgres.Schema | None   # the current atlas file (or schema), if any
    reusable: frozenset[str]        # source paths whose rows the previous atlas holds
    # Editors' account names and the names they agreed to be shown by (None: not named).
    names: tuple[tuple[str, str | None], ...] = ()

    @property
    def up_to_date(self) -> bool:
        """True when the current atlas is already this version."""
        if isinstance(self.previous, postgres.Schema):
            return self.previous.version == self.version
        return self.previous is not None and self.previous == versions.version_file(self.location, self.version) \
            and _meta(self.previous).get("version") == self.version


@dataclass(frozen=True)
class SourceDone:
    """One source written into the atlas being built (what progress reports count)."""

    path: Path
    documents: int
    read: bool                      # analysed afresh; False: copied from the previous atlas


@dataclass(frozen=True)
class BuildReport:
    version: str
    path: Path | str                # the file, or the database and schema
    documents: int
    places: int
    mentions: int
    movements: int
    territories: int
    sources: int
    read: int                       # sources read and analysed
    reused: int                     # sources copied from the previous atlas
    seconds: float
    up_to_date: bool = False
    warnings: tuple[str, ...] = ()  # documents skipped by the reader, one line each

    def as_dict(self) -> dict:
        return {k: (str(v) if isinstance(v, Path) else list(v) if isinstance(v, tuple) else v)
                for k, v in self.__dict__.items()}


def collect_sources(corpus: Sequence[Path]) -> tuple[Path, ...]:
    """Return the source files named by `corpus` (files, or folders of them), sorted and resolved."""
    found: list[Path] = []
    for item in corpus:
        path = Path(item).expanduser()
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES)
        elif path.is_file():
            found.append(path)
        elif path.exists():   # a FIFO would make the build wait for a writer forever
            raise BuildError(f"{path}: not a regular file (a pipe, socket or device is not read)")
        else:
            raise BuildError(f"{path}: no such file or folder")
    unique = dict.fromkeys(p.resolve() for p in found)
    return tuple(unique)


def _meta(path: Path) -> dict[str, str]:
    """Return the meta table of an atlas file ({} when it cannot be read)."""
    try:
        with versions.read_only(path) as conn:
            return dict(conn.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.Error:
        return {}


def plan_build(corpus: Sequence[Path], location: Path | str) -> Plan:
    """Return the plan for building the atlas of `corpus` at `location` (a folder, a .sqlite file or a database URL)."""
    sources = collect_sources(corpus)
    if not sources:
        raise BuildError("the corpus has no source files (" + ", ".join(map(str, corpus)) + ")")
    hashes = {str(p): versions.file_sha256(p) for p in sources}
    # The user gazetteer layer shapes every link: a change to it is a change of the analysis.
    fingerprint = hashlib.sha256((versions.analysis_fingerprint() + "\n" + versions.user_layer_digest(
        user_place_files())).encode()).hexdigest()
    # The corrections are applied to every build (rows are still reused: they are re-applied).
    corrections = ("corrections", CorrectionsStore(location).digest())
    version = versions.version_id(fingerprint, [*((p.name, hashes[str(p)]) for p in sources), corrections])
    if postgres.is_database_url(location):
        served = postgres.current_version(location)
        previous = postgres.Schema(location, served) if served else None
        old = postgres.sources(location, served) if served and \
            postgres.meta(location, served).get("fingerprint") == fingerprint else {}
    else:
        previous = versions.current_file(location)
        old = {}
        if previous is not None and _meta(previous).get("fingerprint") == fingerprint:
            with versions.read_only(previous) as conn:
                old = dict(conn.execute("SELECT path, sha256 FROM sources").fetchall())
    reusable = frozenset(p for p, sha in hashes.items() if old.get(p) == sha)
    return Plan(location, sources, hashes, fingerprint, version, previous, reusable)


def run_build(plan: Plan, on_source: Callable[[SourceDone], None] | None = None, keep: int = 5,
              jobs: int = 1, dask: str | None = None) -> BuildReport:
    """Build the atlas `plan` describes, publish it as the current version and return what it holds.

    `jobs` > 1 analyses that many sources at once, in worker processes; `dask` (a scheduler's
    address, or "local" for a LocalCluster of `jobs` workers) analyses them on a Dask cluster.
    The atlas is the same whichever way.
    """
    started = time.perf_counter()
    analyse = (lambda fresh: on_dask(fresh, dask, jobs)) if dask else (lambda fresh: in_processes(fresh, jobs))
    if postgres.is_database_url(plan.location):
        return _build_into_database(plan, on_source or (lambda done: None), keep, analyse, started)
    target = versions.version_file(plan.location, plan.version)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.parent / f".{target.name}.{os.getpid()}.building"
    try:
        with lock.reading(plan.previous):   # so that a concurrent build does not prune it meanwhile
            read = _write(tmp, plan, on_source or (lambda done: None), analyse)
        _publish(tmp, target, plan, keep)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    counts, warnings = atlas_contents(target)
    return BuildReport(plan.version, target, sources=len(plan.sources), read=read,
                       reused=len(plan.sources) - read, seconds=round(time.perf_counter() - started, 3),
                       warnings=warnings, **counts)


def _publish(tmp: Path, target: Path, plan: Plan, keep: int) -> None:
    """Swap the written atlas in, point CURRENT at it and prune, one build at a time per folder.

    First removes what builds that died (SIGKILL, full disk) left behind.
    """
    if versions.is_single_file(plan.location):
        lock.remove_leftovers(target.parent)
        os.replace(tmp, target)
        return
    with lock.folder_lock(plan.location):
        lock.remove_leftovers(plan.location)
        os.replace(tmp, target)
        versions.set_current(plan.location, plan.version)
        versions.prune(plan.location, keep)


def _build_into_database(plan: Plan, on_source: Callable[[SourceDone], None], keep: int,
                         analyse: Callable, started: float) -> BuildReport:
    """Write the atlas to a temporary file, then publish it into the database as the current version."""
    with tempfile.TemporaryDirectory(prefix="chronotope-build-") as folder:
        if plan.reusable:   # the rows to reuse, out of the database into a file the build can attach
            previous = Path(folder) / "previous.sqlite"
            postgres.export(plan.previous, previous, schema.TABLES)
            plan = replace(plan, previous=previous)
        built = Path(folder) / f"atlas-{plan.version}.sqlite"
        read = _write(built, plan, on_source, analyse)
        postgres.publish(plan.location, built, plan.version, keep)
        counts, warnings = atlas_contents(built)
    return BuildReport(plan.version, str(postgres.Schema(plan.location, plan.version)), sources=len(plan.sources),
                       read=read, reused=len(plan.sources) - read, seconds=round(time.perf_counter() - started, 3),
                       warnings=warnings, **counts)


def atlas_contents(path: Path | postgres.Schema) -> tuple[dict[str, int], tuple[str, ...]]:
    """Return the row counts of an atlas file (or schema) and the reader's warnings about its sources."""
    if isinstance(path, postgres.Schema):
        return postgres.contents(path.url, path.version)
    with versions.read_only(path) as conn:
        counts = query.counts(conn)
        warnings = tuple(w for (text,) in conn.execute("SELECT warnings FROM sources ORDER BY path")
                         for w in json.loads(text))
    return counts, warnings


def _write(tmp: Path, plan: Plan, on_source: Callable[[SourceDone], None],
           analyse: Callable[[list[Path]], Iterator[SourceRows]]) -> int:
    """Write the whole atlas into `tmp`; return how many sources were read afresh."""
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(versions.sqlite_uri(tmp, "rwc"), uri=True)   # URIs, so ATTACH can be read-only
    packing.register(conn)   # the full-text index is filled from the unpacked texts
    try:
        # A temporary file is thrown away on failure, so no journal is needed while writing.
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        schema.create_tables(conn)
        if plan.reusable:
            conn.execute("ATTACH DATABASE ? AS old", (versions.sqlite_uri(plan.previous),))
        fresh = [p for p in plan.sources if str(p) not in plan.reusable]
        analysed = analyse(fresh)
        try:
            for path in plan.sources:   # in plan order, so that the atlas does not depend on `jobs`
                key = str(path)
                if key in plan.reusable:
                    done = SourceDone(path, _copy_source(conn, key), read=False)
                else:
                    rows = next(analysed)
                    _insert(conn, rows, key, plan.hashes[key])
                    done = SourceDone(path, len(rows.documents), read=True)
                on_source(done)
        finally:
            analysed.close()
        _insert_territories(conn)
        _finish(conn, plan)
        _apply_corrections(conn, plan)
        conn.commit()
        conn.execute("VACUUM")   # the pages the renumbering and counting left half full
    finally:
        conn.close()
    return len(fresh)


def insert_rows(conn: sqlite3.Connection, table: str, rows: list[dict], verb: str = "INSERT") -> None:
    """Insert row dicts into `table`, columns as the schema lists them."""
    columns = schema.COLUMNS[table]
    names = ", ".join(f'"{c}"' for c in columns)
    conn.executemany(f"{verb} INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})",
                     [tuple(row[c] for c in columns) for row in rows])


SOURCE_COLUMNS = "path, name, sha256, documents, warnings"


def _insert(conn: sqlite3.Connection, rows: SourceRows, key: str, sha: str) -> None:
    """Insert one source's rows, its mentions and movements keyed by their document's and place's rowid."""
    source = conn.execute(f"INSERT INTO sources ({SOURCE_COLUMNS}) VALUES (?, ?, ?, ?, ?)",
                          (key, Path(key).name, sha, len(rows.documents), json.dumps(rows.warnings))).lastrowid
    docs = {}
    for doc in rows.documents:
        try:
            docs[doc["id"]] = insert_row(conn, "documents", doc)
        except sqlite3.IntegrityError:
            other = conn.execute("SELECT source, line FROM documents WHERE id = ?", (doc["id"],)).fetchone()
            raise BuildError(f"{key}:{doc['line']}: document id {doc['id']!r} is already used by "
                             f"{other[0]}:{other[1]}") from None
    insert_rows(conn, "places", rows.places, "INSERT OR IGNORE")
    places = {p["id"]: conn.execute("SELECT rowid FROM places WHERE id = ?", (p["id"],)).fetchone()[0]
              for p in rows.places}
    conn.executemany("INSERT OR IGNORE INTO source_places VALUES (?, ?)", [(source, k) for k in places.values()])
    insert_rows(conn, "mentions", [{**m, "doc": docs[m["document_id"]], "place": places.get(m["place_id"])}
                                   for m in rows.mentions])
    insert_rows(conn, "movements", [{**m, "doc": docs[m["document_id"]]} for m in rows.movements])


def insert_row(conn: sqlite3.Connection, table: str, row: dict) -> int:
    """Insert one row dict into `table`; return its rowid."""
    columns = schema.COLUMNS[table]
    names = ", ".join(f'"{c}"' for c in columns)
    return conn.execute(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})",
                        tuple(row[c] for c in columns)).lastrowid


def _copy(conn: sqlite3.Connection, table: str, where: str, params: tuple, verb: str = "INSERT") -> None:
    names = ", ".join(f'"{c}"' for c in schema.COLUMNS[table])
    conn.execute(f"{verb} INTO {table} ({names}) SELECT {names} FROM old.{table} WHERE {where}", params)


def _copy_source(conn: sqlite3.Connection, key: str) -> int:
    """Copy one unchanged source's rows from the previous atlas (attached as `old`); return its documents.

    Rowids are this atlas's own: mentions and movements find their document (and place) anew by id."""
    old = conn.execute("SELECT rowid FROM old.sources WHERE path = ?", (key,)).fetchone()[0]
    source = conn.execute(f"INSERT INTO sources ({SOURCE_COLUMNS}) SELECT {SOURCE_COLUMNS} FROM old.sources "
                          "WHERE path = ?", (key,)).lastrowid
    _copy(conn, "documents", "source_path = ?", (key,))
    _copy(conn, "places", "rowid IN (SELECT place FROM old.source_places WHERE source = ?)", (old,),
          "INSERT OR IGNORE")
    conn.execute("INSERT INTO source_places SELECT ?, p.rowid FROM old.source_places s "
                 "JOIN old.places o ON o.rowid = s.place JOIN places p ON p.id = o.id WHERE s.source = ?", (source, old))
    docs = "JOIN old.documents od ON od.rowid = m.doc JOIN documents d ON d.id = od.id WHERE od.source_path = ?"
    conn.execute('INSERT INTO mentions (doc, n, place, start, "end", text, record, score, lead) '
                 'SELECT d.rowid, m.n, p.rowid, m.start, m."end", m.text, m.record, m.score, m.lead FROM old.mentions m '
                 f"LEFT JOIN old.places op ON op.rowid = m.place LEFT JOIN places p ON p.id = op.id {docs}", (key,))
    moved = ", ".join(f'"{c}"' for c in schema.COLUMNS["movements"] if c != "doc")
    conn.execute(f"INSERT INTO movements (doc, {moved}) SELECT d.rowid, {', '.join(f'm.{c}' for c in moved.split(', '))} "
                 f"FROM old.movements m {docs} ORDER BY m.rowid", (key,))   # as a fresh build writes them
    return conn.execute("SELECT documents FROM sources WHERE path = ?", (key,)).fetchone()[0]


def _apply_corrections(conn: sqlite3.Connection, plan: Plan) -> None:
    """Apply every correction of the store beside the atlas; record those that no longer anchor (orphaned).

    A reused document's rows may be the corrected ones: its machine reading comes along."""
    store = CorrectionsStore(plan.location)
    if not store.documents():
        return
    if plan.reusable and conn.execute("SELECT 1 FROM old.sqlite_master WHERE name = 'readings'").fetchone():
        conn.execute(live.READINGS)
        marks = ", ".join("?" * len(plan.reusable))
        conn.execute(f"INSERT OR REPLACE INTO readings SELECT * FROM old.readings WHERE document_id IN "
                     f"(SELECT id FROM documents WHERE source_path IN ({marks}))", tuple(plan.reusable))
    from mapapp.corrections import places

    orphaned = live.apply_all(conn, store, places.place, dict(plan.names))
    live.record_orphans(store, orphaned)


def _insert_territories(conn: sqlite3.Connection) -> None:
    insert_rows(conn, "territories", territory_rows())


def _finish(conn: sqlite3.Connection, plan: Plan) -> None:
    """Number the documents by id, rank them by date, count their places (each document's, and each
    group of documents of the same dates', place_spans), index everything and write the meta table."""
    _number_by_id(conn)
    conn.execute("WITH ranked AS (SELECT rowid AS r, row_number() OVER "
                 "(ORDER BY earliest IS NULL, earliest, id) AS n FROM documents) "
                 "UPDATE documents SET seq = ranked.n FROM ranked WHERE documents.rowid = ranked.r")
    conn.execute("UPDATE movements SET seq = d.seq FROM documents d WHERE movements.doc = d.rowid")
    conn.execute(f"UPDATE movements SET span_days = {schema.SPAN_DAYS}")
    fts = schema.finish(conn)
    counts = defaultdict(dict)
    conn.execute("UPDATE documents SET place_counts = NULL")   # a reused row's holds the previous atlas's rowids
    for doc, place, n in conn.execute("SELECT doc, place, count(*) FROM mentions WHERE place IS NOT NULL "
                                      "GROUP BY doc, place"):
        counts[doc][place] = n
    conn.executemany("UPDATE documents SET place_counts = ? WHERE rowid = ?",
                     [(packing.pack_counts(found), doc) for doc, found in counts.items()])
    place_spans.fill(conn)
    meta = {"version": plan.version, "fingerprint": plan.fingerprint, "schema": str(schema.SCHEMA_VERSION),
            "packing": packing.DIGEST,
            "built_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), "fts": "1" if fts else "0",
            **spans.measured(conn), "sources": json.dumps(sorted(Path(p).name for p in plan.hashes))}
    conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())


def _number_by_id(conn: sqlite3.Connection) -> None:
    """Give documents and places rowids in the order of their ids, and the rows that hold them the
    same: the atlas does not depend on the order the sources came in, and the review queue, in the
    order (score, lead, document id, ...), reads one index."""
    for table, holders in (("documents", (("mentions", "doc"), ("movements", "doc"))),
                           ("places", (("mentions", "place"), ("source_places", "place")))):
        conn.execute("CREATE TEMPORARY TABLE renumbered (old INTEGER PRIMARY KEY, new INTEGER NOT NULL)")
        conn.execute(f"INSERT INTO renumbered SELECT rowid, row_number() OVER (ORDER BY id) FROM {table}")
        # Through negative numbers, so that no key is ever held twice on the way (source_places' is unique).
        for holder, column in ((table, "rowid"), *holders):
            conn.execute(f"UPDATE {holder} SET {column} = -{column}")
            conn.execute(f"UPDATE {holder} SET {column} = (SELECT new FROM renumbered WHERE old = -{holder}.{column}) "
                         f"WHERE {column} IS NOT NULL")
        conn.execute("DROP TABLE renumbered")


def corpus_paths(configured: Sequence[Path] = ()) -> tuple[Path, ...]:
    """Return the corpus to build: the configured paths, else the bundled corpus."""
    if configured:
        return tuple(Path(p) for p in configured)
    from documents.corpus import bundled_corpus

    found = bundled_corpus()
    return (found,) if isinstance(found, str | Path) else tuple(found)
