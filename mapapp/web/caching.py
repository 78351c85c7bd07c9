"""ETag and Cache-Control headers on every answer; answers kept per atlas version.

An atlas version never changes once built, so an API answer depends only on the version,
the route and its parameters: its ETag is a hash of those, known before any query runs,
and a pinned answer (`v=` given) may be cached for good.
"""
from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable

from cachetools import LRUCache
from flask import Flask, Response, request

# Bumped when an API answer's shape changes, so clients drop what they hold.
API_REVISION = "2"   # 2: a document carries its `citation`
PINNED = "public, max-age=31536000, immutable"
UNPINNED = "public, max-age=60, must-revalidate"   # the current atlas may be rebuilt
PAGES = "no-cache"                                # revalidate with the ETag each time


def request_etag(version: str) -> str:
    """Return the ETag of this request's answer from the atlas `version`."""
    args = sorted((k, v) for k, vs in request.args.lists() for v in vs)
    key = repr((API_REVISION, version, request.path, args))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


class AnswerCache:
    """A thread-safe LRU of answer bodies keyed by ETag, bounded by their total size (cachetools)."""

    def __init__(self, max_bytes: int = 64 << 20):
        self.max_bytes = max_bytes
        self._items: LRUCache[str, bytes] = LRUCache(maxsize=max_bytes, getsizeof=len)
        self._lock = threading.Lock()

    @property
    def size(self) -> int:
        """The total size of the bodies kept, in bytes."""
        return self._items.currsize

    def get_or_make(self, key: str, make: Callable[[], bytes]) -> bytes:
        """Return the body kept for `key`, making it (and keeping it, unless huge) if missing."""
        with self._lock:
            body = self._items.get(key)   # a hit counts as a use
        if body is not None:
            return body
        body = make()   # outside the lock: queries run in parallel
        if len(body) <= self.max_bytes // 8:
            with self._lock:
                self._items.setdefault(key, body)
        return body


def add_cache_headers(response: Response) -> Response:
    """Give every answer an ETag and a Cache-Control; answer 304 when the client has it."""
    if response.direct_passthrough or response.is_streamed:
        response.headers.setdefault("Cache-Control", PAGES)
        return response
    if "Cache-Control" not in response.headers:
        if request.path.startswith("/api/"):
            response.headers["Cache-Control"] = PINNED if request.args.get("v") else UNPINNED
        else:
            response.headers["Cache-Control"] = PAGES
    if not response.get_etag()[0]:
        response.add_etag()
    if response.status_code == 200:
        response.make_conditional(request)
    return response


def init_app(app: Flask) -> None:
    """Register the cache headers hook and the answer cache."""
    app.extensions["chronotope.answers"] = AnswerCache(app.config.get("ANSWER_CACHE_BYTES", 64 << 20))
    app.after_request(add_cache_headers)
