"""The accounts file (`<HOME>/accounts.sqlite`): users, their roles, and the history of writes.

Passwords are kept only as Argon2id hashes (`argon2-cffi`). Every change to an account is
written to `history` in the same transaction, with who made it and when.
"""
from __future__ import annotations

import json
import re
import sqlite3
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

ROLES = ("reader", "editor", "admin")
WRITERS = ("editor", "admin")
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
MIN_PASSWORD = 10
SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL,
    public_name TEXT, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS history (
    id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL,
    action TEXT NOT NULL, target TEXT NOT NULL, before TEXT, after TEXT, note TEXT);
"""
HASHER = PasswordHasher()


class AccountError(ValueError):
    """A request about accounts that cannot be done; the message says why."""


@dataclass(frozen=True)
class User:
    name: str
    role: str
    public_name: str | None = None     # the name shown on public pages, if the user agreed to be named

    @property
    def can_write(self) -> bool:
        return self.role in WRITERS

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def accounts_file(home: Path) -> Path:
    return Path(home) / "accounts.sqlite"


@contextmanager
def connect(home: Path):
    """A connection to the accounts file under `home` (created on first use), committed on success."""
    path = accounts_file(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path, timeout=10)) as conn:
        conn.executescript(SCHEMA)
        with conn:
            yield conn


def check_name(name: str) -> str:
    if not NAME_RE.match(name or ""):
        raise AccountError(f"user name {name!r}: use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit")
    return name


def check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError(f"role {role!r}: one of {', '.join(ROLES)}")
    return role


def check_password(password: str) -> str:
    if len(password or "") < MIN_PASSWORD:
        raise AccountError(f"a password needs at least {MIN_PASSWORD} characters")
    return password


def _record(conn, actor: str, action: str, target: str, before: dict | None, after: dict | None,
            note: str | None = None) -> None:
    conn.execute("INSERT INTO history (at, actor, action, target, before, after, note) VALUES (?,?,?,?,?,?,?)",
                 (now(), actor, action, target, json.dumps(before) if before else None,
                  json.dumps(after) if after else None, note))


def _row_user(row) -> User | None:
    return User(row[0], row[1], row[2]) if row else None


def get_user(home: Path, name: str) -> User | None:
    with connect(home) as conn:
        return _row_user(conn.execute("SELECT name, role, public_name FROM users WHERE name = ?", (name,)).fetchone())


def list_users(home: Path) -> list[User]:
    with connect(home) as conn:
        return [_row_user(r) for r in conn.execute("SELECT name, role, public_name FROM users ORDER BY name")]


def public_names(home: Path) -> dict[str, str | None]:
    """Account name -> the name public pages may show beside their work (None: not to be named)."""
    if not accounts_file(home).exists():
        return {}
    return {u.name: u.public_name for u in list_users(home)}


def add_user(home: Path, name: str, role: str, password: str, actor: str, public_name: str | None = None) -> User:
    """Create an account; AccountError when the name is taken or a field is not acceptable."""
    check_name(name), check_role(role), check_password(password)
    with connect(home) as conn:
        if conn.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone():
            raise AccountError(f"user {name!r} exists already")
        conn.execute("INSERT INTO users (name, role, password_hash, public_name, created_at) VALUES (?,?,?,?,?)",
                     (name, role, HASHER.hash(password), public_name, now()))
        _record(conn, actor, "add user", name, None, {"role": role, "public_name": public_name})
    return User(name, role, public_name)


def remove_user(home: Path, name: str, actor: str) -> None:
    with connect(home) as conn:
        row = conn.execute("SELECT role FROM users WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise AccountError(f"no user {name!r}")
        conn.execute("DELETE FROM users WHERE name = ?", (name,))
        _record(conn, actor, "remove user", name, {"role": row[0]}, None)


def set_password(home: Path, name: str, password: str, actor: str) -> None:
    check_password(password)
    with connect(home) as conn:
        if conn.execute("UPDATE users SET password_hash = ? WHERE name = ?", (HASHER.hash(password), name)).rowcount == 0:
            raise AccountError(f"no user {name!r}")
        _record(conn, actor, "change password", name, None, None)


def verify(home: Path, name: str, password: str) -> User | None:
    """The user whose name and password these are, else None (the same time either way, near enough)."""
    with connect(home) as conn:
        row = conn.execute("SELECT name, role, public_name, password_hash FROM users WHERE name = ?",
                           (name,)).fetchone()
    stored = row[3] if row else HASHER.hash("not a password of anyone")   # spend the same work on a miss
    try:
        HASHER.verify(stored, password or "")
    except (VerificationError, InvalidHashError):
        return None
    return _row_user(row) if row else None


def history(home: Path, target: str | None = None, limit: int = 200) -> list[dict]:
    """The latest history entries, newest first; only those about `target` when given."""
    sql = "SELECT id, at, actor, action, target, before, after, note FROM history"
    args: tuple = ()
    if target:
        sql, args = sql + " WHERE target = ?", (target,)
    with connect(home) as conn:
        rows = conn.execute(sql + " ORDER BY id DESC LIMIT ?", (*args, limit)).fetchall()
    keys = ("id", "at", "actor", "action", "target", "before", "after", "note")
    return [{**dict(zip(keys, r, strict=True)), "before": json.loads(r[5]) if r[5] else None,
             "after": json.loads(r[6]) if r[6] else None} for r in rows]
