"""Which sessions are still good: each carries a stamp of the password it was made under.

A session names its user and a stamp: an HMAC, under the session key, of the user's stored password
hash. Setting a password (an admin's reset at /admin/users, or `chronotope users passwd`) stores a
new hash (Argon2 salts each one), so every session made before it carries a stamp that no longer
matches and is logged out at its next request, on every server; the session that set its own
password is given the new stamp and stays. An account removed and added again under the same name
has a new hash as well, so its old sessions stay out. Nothing new is stored: the stamp is derived
from what the accounts keep already, in a data folder and in a database alike.
"""
from __future__ import annotations

import hashlib
import hmac

SEPARATOR = ":"   # never in a user name (store.NAME_RE)


def stamp(key: bytes | str, password_hash: str) -> str:
    """The stamp of sessions made under `password_hash` (a hash of the hash: the cookie, signed but
    readable, shows nothing of it)."""
    key = key.encode() if isinstance(key, str) else key
    return hmac.new(key, password_hash.encode(), hashlib.sha256).hexdigest()[:32]


def session_id(name: str, stamp_: str) -> str:
    """What a session keeps of its user (Flask-Login's user id): the name and the stamp."""
    return f"{name}{SEPARATOR}{stamp_}"


def parse(value: str) -> tuple[str, str]:
    """The name and stamp of a session id; a session without a stamp (made before there were stamps)
    has the empty stamp, which matches no password."""
    name, _, stamp_ = value.partition(SEPARATOR)
    return name, stamp_


def still_good(stamp_: str, current: str) -> bool:
    """True when a session's stamp is the one of the user's current password."""
    return bool(stamp_) and hmac.compare_digest(stamp_, current)
