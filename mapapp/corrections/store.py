"""The corrections store: every annotation and every change to it, apart from what a build derives.

Beside a folder atlas it is `<folder>/corrections.sqlite`; beside a single-file atlas,
`<file>.corrections.sqlite`; with an atlas in PostgreSQL, the schema `chronotope_corrections` of
the same database. No build nor prune ever deletes it. Each change is one transaction that
writes the annotation and one history entry (who, when, before, after, note).
"""
from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from mapapp.corrections.annotation import Annotation, dumps, parse
from mapapp.side_tables import transaction

PG_SCHEMA = "chronotope_corrections"
TABLES = """
CREATE TABLE IF NOT EXISTS annotations (
    id TEXT PRIMARY KEY, document_id TEXT NOT NULL, json TEXT NOT NULL, creator TEXT,
    created TEXT, modified TEXT, etag TEXT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
    orphaned INTEGER NOT NULL DEFAULT 0, seq INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS annotations_by_document ON annotations (document_id, seq);
CREATE TABLE IF NOT EXISTS history (
    id {serial}, annotation_id TEXT NOT NULL, document_id TEXT NOT NULL, who TEXT, at TEXT NOT NULL,
    action TEXT NOT NULL, before TEXT, after TEXT, note TEXT);
CREATE INDEX IF NOT EXISTS history_by_document ON history (document_id, id);
"""


class StaleAnnotation(Exception):
    """An If-Match that no longer matches: someone changed the annotation meanwhile."""

    def __init__(self, current: Annotation | None, etag: str | None):
        super().__init__("the annotation was changed meanwhile")
        self.current, self.etag = current, etag


class UnknownAnnotation(LookupError):
    """No such annotation (or history entry) in the store."""


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def store_location(atlas_location: Path | str) -> Path | str:
    """Return where the corrections of the atlas at `atlas_location` are kept (a file, or the database URL)."""
    if isinstance(atlas_location, str) and atlas_location.startswith(("postgresql://", "postgres://")):
        return atlas_location
    location = Path(atlas_location)
    if location.suffix.lower() in (".sqlite", ".sqlite3", ".db"):
        return location.with_name(location.name + ".corrections.sqlite")
    return location / "corrections.sqlite"


def _etag(text: str, modified: str | None, deleted: int) -> str:
    return hashlib.sha1(f"{text}\n{modified}\n{deleted}".encode()).hexdigest()[:16]


class CorrectionsStore:
    """The annotations of one atlas location, with their history."""

    def __init__(self, atlas_location: Path | str):
        self.location = store_location(atlas_location)
        self.postgres = isinstance(self.location, str)

    def _tx(self, write: bool = True):
        """A connection in one write transaction (committed on success), tables made on first use;
        `write=False`: for reading only (readers do not wait for each other)."""
        return transaction(self.location, PG_SCHEMA, TABLES, write)

    def exists(self) -> bool:
        return self.postgres or Path(self.location).exists()

    # --- reading ---------------------------------------------------------------------------
    @staticmethod
    def _annotation(row) -> Annotation:
        a = parse(json.loads(row["json"]))
        extra = (("etag", row["etag"]),) + ((("orphaned", "true"),) if row["orphaned"] else ())
        return replace(a, id=row["id"], creator=row["creator"], created=row["created"], modified=row["modified"],
                       extra=extra)

    def get(self, aid: str, deleted: bool = False) -> Annotation:
        """The annotation `aid`; UnknownAnnotation if there is none (or it was withdrawn)."""
        if not self.exists():
            raise UnknownAnnotation(aid)
        with self._tx(write=False) as conn:
            row = conn.execute("SELECT * FROM annotations WHERE id = ?", (aid,)).fetchone()
        if row is None or (row["deleted"] and not deleted):
            raise UnknownAnnotation(aid)
        return self._annotation(row)

    def annotations(self, document_id: str | None = None, deleted: bool = False) -> list[Annotation]:
        """The live annotations (of one document, or all), in the order they were made."""
        if not self.exists():
            return []
        where, params = ("WHERE document_id = ?", (document_id,)) if document_id is not None else ("", ())
        with self._tx(write=False) as conn:
            rows = conn.execute(f"SELECT * FROM annotations {where} ORDER BY document_id, seq", params).fetchall()
        return [self._annotation(r) for r in rows if deleted or not r["deleted"]]

    def documents(self) -> list[str]:
        """Every document that has (or had) an annotation."""
        if not self.exists():
            return []
        with self._tx(write=False) as conn:
            return [r[0] for r in conn.execute("SELECT DISTINCT document_id FROM annotations ORDER BY 1")]

    def digest(self) -> str:
        """A hash of every live annotation: what the atlas version id covers."""
        digest = hashlib.sha256()
        for a in self.annotations():
            digest.update(f"{a.id}\t{dumps(a)}\t{a.modified}\n".encode())
        return digest.hexdigest()

    def history(self, document_id: str) -> list[dict]:
        """The changes to a document's annotations, oldest first."""
        if not self.exists():
            return []
        with self._tx(write=False) as conn:
            rows = conn.execute("SELECT * FROM history WHERE document_id = ? ORDER BY id", (document_id,)).fetchall()
        return [_entry(r) for r in rows]

    def place_history(self) -> list[dict]:
        """The changes to the places made in the app (entries without a document), oldest first."""
        if not self.exists():
            return []
        with self._tx(write=False) as conn:
            rows = conn.execute("SELECT * FROM history WHERE document_id = '' ORDER BY id").fetchall()
        return [_entry(r) for r in rows]

    # --- writing ---------------------------------------------------------------------------
    def add(self, a: Annotation, who: str, note: str | None = None, action: str = "create") -> Annotation:
        """Store a new annotation made by `who` (an imported one keeps its creator and stamps); return it."""
        stamp = now()
        a = replace(a, id=a.id or uuid.uuid4().hex[:16], creator=a.creator or who, created=a.created or stamp,
                    modified=a.modified or stamp)
        text = dumps(a)
        with self._tx() as conn:
            seq = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM annotations").fetchone()[0]
            conn.execute("INSERT INTO annotations (id, document_id, json, creator, created, modified, etag, "
                         "deleted, orphaned, seq) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, ?)",
                         (a.id, a.document_id, text, a.creator, a.created, a.modified, _etag(text, a.modified, 0), seq))
            _log(conn, a.id, a.document_id, who, action, None, text, note if note is not None else a.note)
        return self.get(a.id)

    def update(self, aid: str, new: Annotation, who: str, if_match: str) -> Annotation:
        """Replace annotation `aid` by `new` if its ETag is still `if_match`; StaleAnnotation if not."""
        with self._tx() as conn:
            row = self._current(conn, aid, if_match)
            stamp = now()
            new = replace(new, id=aid, creator=row["creator"], created=row["created"], modified=stamp)
            text = dumps(new)
            conn.execute("UPDATE annotations SET json = ?, modified = ?, etag = ?, orphaned = 0 WHERE id = ?",
                         (text, stamp, _etag(text, stamp, 0), aid))
            _log(conn, aid, row["document_id"], who, "update", row["json"], text, new.note)
        return self.get(aid)

    def delete(self, aid: str, who: str, if_match: str, note: str | None = None) -> Annotation:
        """Withdraw annotation `aid` if its ETag is still `if_match` (the history keeps it)."""
        with self._tx() as conn:
            row = self._current(conn, aid, if_match)
            stamp = now()
            conn.execute("UPDATE annotations SET deleted = 1, modified = ?, etag = ? WHERE id = ?",
                         (stamp, _etag(row["json"], stamp, 1), aid))
            _log(conn, aid, row["document_id"], who, "delete", row["json"], None, note)
        return self._annotation(row)

    def _current(self, conn, aid: str, if_match: str):
        row = conn.execute("SELECT * FROM annotations WHERE id = ?", (aid,)).fetchone()
        if row is None or row["deleted"]:
            raise UnknownAnnotation(aid)
        if if_match.strip('"') != row["etag"] and if_match != "*":
            raise StaleAnnotation(self._annotation(row), row["etag"])
        return row

    def undo(self, entry_id: int, who: str) -> tuple[dict, str]:
        """Undo one change: put its annotation back as it was before it; return the new entry and the document."""
        with self._tx() as conn:
            entry = conn.execute("SELECT * FROM history WHERE id = ?", (entry_id,)).fetchone()
            if entry is None:
                raise UnknownAnnotation(f"history entry {entry_id}")
            row = conn.execute("SELECT * FROM annotations WHERE id = ?", (entry["annotation_id"],)).fetchone()
            if row is None:   # a change to the places made in the app: see undo_place
                raise UnknownAnnotation(f"history entry {entry_id} is not a change to an annotation")
            stamp, before = now(), entry["before"]
            current = None if row["deleted"] else row["json"]
            if before is None:
                conn.execute("UPDATE annotations SET deleted = 1, modified = ?, etag = ? WHERE id = ?",
                             (stamp, _etag(row["json"], stamp, 1), row["id"]))
            else:
                conn.execute("UPDATE annotations SET json = ?, deleted = 0, modified = ?, etag = ? WHERE id = ?",
                             (before, stamp, _etag(before, stamp, 0), row["id"]))
            new_id = _log(conn, row["id"], row["document_id"], who, "undo", current, before,
                          f"undo of change {entry_id}")
            made = conn.execute("SELECT * FROM history WHERE id = ?", (new_id,)).fetchone()
        return _entry(made), row["document_id"]

    def entry(self, entry_id: int) -> dict | None:
        """History entry `entry_id` (of any change), or None."""
        if not self.exists():
            return None
        with self._tx(write=False) as conn:
            row = conn.execute("SELECT * FROM history WHERE id = ?", (entry_id,)).fetchone()
        return _entry(row) if row is not None else None

    @staticmethod
    def is_place_change(entry: dict) -> bool:
        """Whether a history entry changed the places made in the app (it has no document)."""
        return entry["document_id"] == ""

    def log_place(self, place_id: str, who: str, place: dict) -> dict:
        """Record a place created in the app (its history entry has no document); return the entry."""
        return self._log_place(place_id, who, "create-place", None, place, None)

    def log_place_undo(self, entry_id: int, place_id: str, who: str, before: dict | None,
                       after: dict | None) -> dict:
        """Record the undo of change `entry_id` to place `place_id` (before/after: the place, None when
        it was not there); return the new entry."""
        return self._log_place(place_id, who, "undo", before, after, f"undo of change {entry_id}")

    def _log_place(self, place_id: str, who: str, action: str, before: dict | None, after: dict | None,
                   note: str | None) -> dict:
        with self._tx() as conn:
            new_id = _log(conn, place_id, "", who, action, _place_text(before), _place_text(after), note)
            return _entry(conn.execute("SELECT * FROM history WHERE id = ?", (new_id,)).fetchone())

    def set_orphaned(self, document_id: str, orphaned: set[str]) -> None:
        """Record which of a document's annotations could not be anchored in its text now."""
        with self._tx() as conn:
            rows = conn.execute("SELECT id, orphaned FROM annotations WHERE document_id = ? AND deleted = 0",
                                (document_id,)).fetchall()
            for r in rows:
                flag = 1 if r["id"] in orphaned else 0
                if flag != r["orphaned"]:
                    conn.execute("UPDATE annotations SET orphaned = ? WHERE id = ?", (flag, r["id"]))

    def orphaned(self) -> list[Annotation]:
        return [a for a in self.annotations() if dict(a.extra).get("orphaned") == "true"]


def _log(conn, aid: str, doc: str, who: str, action: str, before: str | None, after: str | None,
         note: str | None) -> int:
    cur = conn.execute("INSERT INTO history (annotation_id, document_id, who, at, action, before, after, note) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", (aid, doc, who, now(), action, before, after, note))
    return cur.fetchone()[0]


def _place_text(place: dict | None) -> str | None:
    return json.dumps(place, ensure_ascii=False) if place is not None else None


def _entry(row) -> dict:
    return {"id": row["id"], "annotation_id": row["annotation_id"], "document_id": row["document_id"],
            "who": row["who"], "at": row["at"], "action": row["action"],
            "before": json.loads(row["before"]) if row["before"] else None,
            "after": json.loads(row["after"]) if row["after"] else None, "note": row["note"]}
