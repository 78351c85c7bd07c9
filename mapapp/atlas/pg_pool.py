"""How many connections a process opens to a PostgreSQL database: at most `size` (DATABASE_POOL).

Without a bound a server held one connection per request thread for the atlas, one for the
accounts and corrections and one for the pointer to the served version: 24 threads made 72, so
two servers passed PostgreSQL's default `max_connections` (100). Here each thread borrows one
connection for a request (`lease`, shared by the atlas, the accounts and the pointer) and gives it
back when the request ends (`release_thread`); a short task (a correction's patch, a build's
export) borrows one of its own (`borrow`/`give_back`). A thread that finds all `size` in use
waits up to `WAIT` seconds, then the request answers 503 (`DatabaseBusy`), as it does when the
database itself refuses a connection for having too many.

Hand-written rather than psycopg_pool's: a database out of reach must answer at once with
PostgreSQL's own words (the pages and `chronotope users` show them), where that pool retries
in the background until its timeout.
"""
from __future__ import annotations

import threading
import weakref

import psycopg

from mapapp.message_ids import N_

SIZE = 10                  # the default of CHRONOTOPE_DATABASE_POOL
WAIT = 10.0                # seconds a request waits for a free connection
TOO_MANY = "53300"         # PostgreSQL's too_many_connections (max_connections reached)
# Its words for that, where the error of a refused connection carries no SQLSTATE.
REFUSALS = ("too many clients", "remaining connection slots are reserved")


class DatabaseBusy(Exception):
    """Every connection this process may open to the database is in use, or the database has no
    more to give: the client may retry shortly (mapapp.errors answers 503 with Retry-After).

    A plain exception, not an ApiError: the build reaches this module, and what the build reaches
    is fingerprinted (versions.ANALYSIS_PACKAGES), which the web's error table must not be."""

    def __init__(self) -> None:
        super().__init__(N_("every connection to the database is in use; try again in a moment"))


class Pool:
    """At most `size` open connections to the database at `url`; idle ones wait for the next borrower."""

    def __init__(self, url: str, size: int, options: dict):
        self.url, self.size, self.options = url, size, options
        self._slots = threading.BoundedSemaphore(size)
        self._idle: list[psycopg.Connection] = []
        self._all: weakref.WeakSet = weakref.WeakSet()
        self._lock = threading.Lock()
        self.closed = False

    def borrow(self, wait: float | None = None) -> psycopg.Connection:
        """An open connection; DatabaseBusy when none is free within `wait` s (default WAIT) or the
        database refuses one for having too many."""
        if not self._slots.acquire(timeout=WAIT if wait is None else wait):
            raise DatabaseBusy()
        try:
            with self._lock:
                while self._idle:
                    conn = self._idle.pop()
                    if not (conn.closed or conn.broken):
                        return conn
                    conn.close()   # dropped by the server while it waited
            conn = psycopg.connect(self.url, **self.options)
        except psycopg.OperationalError as exc:
            self._slots.release()
            if getattr(exc, "sqlstate", None) == TOO_MANY or any(words in str(exc) for words in REFUSALS):
                raise DatabaseBusy() from None
            raise
        except BaseException:
            self._slots.release()
            raise
        self._all.add(conn)
        return conn

    def give_back(self, conn: psycopg.Connection) -> None:
        """Return a borrowed connection: kept for the next borrower if it is sound and idle, else closed."""
        sound = not (conn.closed or conn.broken) and \
            conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
        with self._lock:
            if sound and not self.closed:
                self._idle.append(conn)
        if not sound or self.closed:
            conn.close()
        self._slots.release()

    def close(self) -> None:
        """Close every connection of this pool, lent or idle (borrowers find theirs closed)."""
        self.closed = True
        with self._lock:
            conns, self._idle = list(self._all), []
        for conn in conns:
            conn.close()


class Lease:
    """A connection borrowed from `pool`, with the search_path last set on it (None: not known)."""

    def __init__(self, pool: Pool):
        self.pool, self.raw, self.path = pool, pool.borrow(), None
        # A thread that ends without giving its lease back (not a request thread) still frees the slot.
        self._finalizer = weakref.finalize(self, pool.give_back, self.raw)

    def give_back(self) -> None:
        self._finalizer()

    @property
    def sound(self) -> bool:
        return self._finalizer.alive and not (self.raw.closed or self.raw.broken)


_POOLS: dict[str, Pool] = {}
_POOLS_LOCK = threading.Lock()
_LEASES = threading.local()
_size = SIZE


def set_size(size: int) -> None:
    """At most `size` connections to each database from this process (an app sets it as it is made;
    a pool of another size, made before by a command's look at the database, is closed)."""
    global _size
    _size = max(2, int(size))
    with _POOLS_LOCK:
        other = [url for url, each in _POOLS.items() if each.size != _size]
        closing = [_POOLS.pop(url) for url in other]
    for each in closing:
        each.close()


def pool(url: str, options: dict) -> Pool:
    """This process's pool for the database at `url`."""
    with _POOLS_LOCK:
        found = _POOLS.get(url)
        if found is None or found.closed:
            found = _POOLS[url] = Pool(url, _size, options)
        return found


def lease(url: str, options: dict) -> Lease:
    """This thread's connection to `url`, borrowed on first use and kept until `release_thread`."""
    held = _LEASES.__dict__.setdefault("held", {})
    found = held.get(url)
    if found is None or not found.sound or found.pool.closed:
        if found is not None:
            found.give_back()
        found = held[url] = Lease(pool(url, options))
    return found


def release_thread() -> None:
    """Give back the connections this thread borrowed (at the end of every request)."""
    held = _LEASES.__dict__.get("held") or {}
    while held:
        held.popitem()[1].give_back()


def close_all() -> None:
    """Close every connection of this process to every database; the pools are made anew when next needed."""
    with _POOLS_LOCK:
        pools = list(_POOLS.values())
        _POOLS.clear()
    for each in pools:
        each.close()
