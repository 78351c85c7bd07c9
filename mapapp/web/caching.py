"""ETag and Cache-Control headers on every answer; answers kept per atlas version.

An atlas version never changes once built, so an API answer depends only on the version,
the route and its parameters: its ETag is a hash of those, known before any query runs,
and a pinned answer (`v=` given) may be cached for good.
"""
from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable

from flask import Flask, Response, request

# Bumped when an API answer's shape changes, so clients drop what they hold.
API_REVISION = "1"
PINNED = "public, max-age=31536000, immutable"
UNPINNED = "public, max-age=60, must-revalidate"   # the current atlas may be rebuilt
PAGES = "no-cache"                                # revalidate with the ETag each time


def request_etag(version: str) -> str:
    """Return the ETag of this request's answer from the atlas `version`."""
    args = sorted((k, v) for k, vs in request.args.lists() for v in vs)
    key = repr((API_REVISION, version, request.path, args))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


class AnswerCache:
    """A thread-safe LRU of answer bodies keyed by ETag, bounded by their total size."""

    def __init__(self, max_bytes: int = 64 << 20):
        self.max_bytes = max_bytes
        self.size = 0
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_make(self, key: str, make: Callable[[], bytes]) -> bytes:
        """Return the body kept for `key`, making it (and keeping it, unless huge) if missing."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        body = make()   # outside the lock: queries run in parallel
        if len(body) > self.max_bytes // 8:
            return body
        with self._lock:
            if key not in self._items:
                self._items[key] = body
                self.size += len(body)
            while self.size > self.max_bytes:
                _, dropped = self._items.popitem(last=False)
                self.size -= len(dropped)
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
