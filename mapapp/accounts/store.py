"""The accounts: users, their roles, the history of every change to an account, and what several
servers must share to let the same people in (the failed logins, the session key).

Where they are kept, one interface over two backends (`mapapp.side_tables`): for one machine, the
file `<HOME>/accounts.sqlite` (failed logins counted in each process, the key in `<HOME>/secret_key`);
with the atlas in PostgreSQL, the schema `chronotope_accounts` of that database, which every server
on it reads. Passwords are kept only as Argon2id hashes (`argon2-cffi`). Every change to an account
is written to `history` in the same transaction, with who made it and when.
"""
from __future__ import annotations

import json
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from mapapp.accounts import sessions
from mapapp.accounts.secret import secret_key
from mapapp.atlas.postgres import is_database_url
from mapapp.side_tables import transaction

ROLES = ("reader", "editor", "admin")
WRITERS = ("editor", "admin")
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
MIN_PASSWORD = 10
PG_SCHEMA = "chronotope_accounts"
TABLES = """
CREATE TABLE IF NOT EXISTS users (
    name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL,
    public_name TEXT, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS history (
    id {serial}, at TEXT NOT NULL, actor TEXT NOT NULL,
    action TEXT NOT NULL, target TEXT NOT NULL, before TEXT, after TEXT, note TEXT);
"""
# What the servers on one database share besides (a single machine keeps these in its process and
# its data folder). Times are the database's, so the servers' own clocks need not agree.
SHARED_TABLES = """
CREATE TABLE IF NOT EXISTS failed_logins (address TEXT NOT NULL, at DOUBLE PRECISION NOT NULL);
CREATE INDEX IF NOT EXISTS failed_logins_by_address ON failed_logins (address, at);
CREATE TABLE IF NOT EXISTS session_key (id INTEGER PRIMARY KEY CHECK (id = 1), key BYTEA NOT NULL);
"""
DB_NOW = "extract(epoch FROM clock_timestamp())::float8"
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


def accounts_location(config: Mapping) -> Path | str:
    """Where the accounts of an app (or a command) with these settings are: the atlas's database
    when it has one, else its data folder."""
    return config.get("DATABASE_URL") or Path(config["HOME"])


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




def _row_user(row) -> User | None:
    return User(row[0], row[1], row[2]) if row else None


class AccountsStore:
    """The accounts at one location: a data folder (its `accounts.sqlite`) or a database URL."""

    def __init__(self, where: Path | str):
        self.postgres = is_database_url(where)
        self.where = where if self.postgres else Path(where)
        self.location = where if self.postgres else accounts_file(self.where)
        self.tables = TABLES + SHARED_TABLES if self.postgres else TABLES

    def _tx(self, write: bool = True):
        return transaction(self.location, PG_SCHEMA, self.tables, write)

    def exists(self) -> bool:
        return self.postgres or Path(self.location).exists()

    # --- users -------------------------------------------------------------------------------
    def get_user(self, name: str) -> User | None:
        with self._tx(write=False) as conn:
            return _row_user(conn.execute("SELECT name, role, public_name FROM users WHERE name = ?",
                                          (name,)).fetchone())

    def session_user(self, name: str, key: bytes | str) -> tuple[User, str] | None:
        """The user `name` and the stamp their sessions must carry (`sessions.stamp` under `key`),
        in one query; None when there is no such user."""
        with self._tx(write=False) as conn:
            row = conn.execute("SELECT name, role, public_name, password_hash FROM users WHERE name = ?",
                               (name,)).fetchone()
        return (_row_user(row), sessions.stamp(key, row[3])) if row else None

    def list_users(self) -> list[User]:
        with self._tx(write=False) as conn:
            return [_row_user(r) for r in conn.execute("SELECT name, role, public_name FROM users ORDER BY name")]

    def public_names(self) -> dict[str, str | None]:
        """Account name -> the name public pages may show beside their work (None: not to be named)."""
        return {u.name: u.public_name for u in self.list_users()} if self.exists() else {}

    def add_user(self, name: str, role: str, password: str, actor: str, public_name: str | None = None) -> User:
        """Create an account; AccountError when the name is taken or a field is not acceptable."""
        check_name(name), check_role(role), check_password(password)
        with self._tx() as conn:
            if conn.execute("SELECT 1 FROM users WHERE name = ?", (name,)).fetchone():
                raise AccountError(f"user {name!r} exists already")
            conn.execute("INSERT INTO users (name, role, password_hash, public_name, created_at) VALUES (?,?,?,?,?)",
                         (name, role, HASHER.hash(password), public_name, now()))
            _record(conn, actor, "add user", name, None, {"role": role, "public_name": public_name})
        return User(name, role, public_name)

    def remove_user(self, name: str, actor: str) -> None:
        with self._tx() as conn:
            row = conn.execute("SELECT role FROM users WHERE name = ?", (name,)).fetchone()
            if row is None:
                raise AccountError(f"no user {name!r}")
            conn.execute("DELETE FROM users WHERE name = ?", (name,))
            _record(conn, actor, "remove user", name, {"role": row[0]}, None)

    def set_password(self, name: str, password: str, actor: str) -> None:
        check_password(password)
        with self._tx() as conn:
            changed = conn.execute("UPDATE users SET password_hash = ? WHERE name = ?", (HASHER.hash(password), name))
            if changed.rowcount == 0:
                raise AccountError(f"no user {name!r}")
            _record(conn, actor, "change password", name, None, None)

    def verify(self, name: str, password: str) -> User | None:
        """The user whose name and password these are, else None (the same time either way, near enough)."""
        with self._tx(write=False) as conn:
            row = conn.execute("SELECT name, role, public_name, password_hash FROM users WHERE name = ?",
                               (name,)).fetchone()
        stored = row[3] if row else HASHER.hash("not a password of anyone")   # spend the same work on a miss
        try:
            HASHER.verify(stored, password or "")
        except (VerificationError, InvalidHashError):
            return None
        return _row_user(row) if row else None

    def history(self, target: str | None = None, limit: int = 200) -> list[dict]:
        """The latest history entries, newest first; only those about `target` when given."""
        sql = "SELECT id, at, actor, action, target, before, after, note FROM history"
        args: tuple = ()
        if target:
            sql, args = sql + " WHERE target = ?", (target,)
        with self._tx(write=False) as conn:
            rows = conn.execute(sql + " ORDER BY id DESC LIMIT ?", (*args, limit)).fetchall()
        keys = ("id", "at", "actor", "action", "target", "before", "after", "note")
        return [{**dict(zip(keys, (r[i] for i in range(8)), strict=True)),
                 "before": json.loads(r[5]) if r[5] else None, "after": json.loads(r[6]) if r[6] else None}
                for r in rows]

    # --- shared by the servers on one database ----------------------------------------------
    def session_key(self) -> bytes:
        """The key sessions are signed with: made once, by the first server (or command) to ask for it."""
        if not self.postgres:
            return secret_key(self.where)
        with self._tx() as conn:
            # Two servers starting at once: the second's insert waits for the first's and does nothing.
            conn.execute("INSERT INTO session_key (id, key) VALUES (1, ?) ON CONFLICT (id) DO NOTHING",
                         (secrets.token_bytes(32),))
            return bytes(conn.execute("SELECT key FROM session_key WHERE id = 1").fetchone()[0])

    def failed_login_wait(self, address: str, limit: int, period: float) -> float:
        """Seconds until `address` may try again (0: now), when `limit` failures in `period` s block it."""
        with self._tx(write=False) as conn:
            row = conn.execute(f"SELECT at + ? - {DB_NOW} FROM failed_logins WHERE address = ? AND at > {DB_NOW} - ? "
                               "ORDER BY at DESC OFFSET ? LIMIT 1", (period, address, period, limit - 1)).fetchone()
        return max(0.0, float(row[0])) if row else 0.0

    def fail_login(self, address: str, period: float) -> None:
        """Count a failed login from `address` (and forget the failures older than `period` s)."""
        with self._tx() as conn:
            conn.execute(f"DELETE FROM failed_logins WHERE at <= {DB_NOW} - ?", (period,))
            conn.execute(f"INSERT INTO failed_logins (address, at) VALUES (?, {DB_NOW})", (address,))

    def clear_failed_logins(self, address: str) -> None:
        with self._tx() as conn:
            conn.execute("DELETE FROM failed_logins WHERE address = ?", (address,))


def _record(conn, actor: str, action: str, target: str, before: dict | None, after: dict | None,
            note: str | None = None) -> None:
    conn.execute("INSERT INTO history (at, actor, action, target, before, after, note) VALUES (?,?,?,?,?,?,?)",
                 (now(), actor, action, target, json.dumps(before) if before else None,
                  json.dumps(after) if after else None, note))


# The same, by location (a data folder or a database URL), for callers holding one store's place.
def get_user(where: Path | str, name: str) -> User | None:
    return AccountsStore(where).get_user(name)


def list_users(where: Path | str) -> list[User]:
    return AccountsStore(where).list_users()


def public_names(where: Path | str) -> dict[str, str | None]:
    return AccountsStore(where).public_names()


def add_user(where: Path | str, name: str, role: str, password: str, actor: str,
             public_name: str | None = None) -> User:
    return AccountsStore(where).add_user(name, role, password, actor, public_name)


def remove_user(where: Path | str, name: str, actor: str) -> None:
    AccountsStore(where).remove_user(name, actor)


def set_password(where: Path | str, name: str, password: str, actor: str) -> None:
    AccountsStore(where).set_password(name, password, actor)


def verify(where: Path | str, name: str, password: str) -> User | None:
    return AccountsStore(where).verify(name, password)


def history(where: Path | str, target: str | None = None, limit: int = 200) -> list[dict]:
    return AccountsStore(where).history(target, limit)
