"""oEmbed 1.0 answers (https://oembed.com/), built by pure functions the `/oembed` view calls."""
from __future__ import annotations

import re
from html import escape
from typing import NamedTuple
from urllib.parse import parse_qsl, urlsplit

from mapapp import params

THUMBNAIL_MINIMUM = 200      # the smallest /map.png
CACHE_AGE = 86400            # a pinned (v=) view does not change, so a day is safe
PROVIDER_NAME = "Chronotope"

# Which of our pages can be embedded, and under which name.
PAGE_PATTERNS = (
    ("map", re.compile(r"^/$")),
    ("map", re.compile(r"^/embed/?$")),
    ("document", re.compile(r"^/documents/(?P<ident>[^/]+)/?$")),
    ("place", re.compile(r"^/places/(?P<ident>[^/]+)/?$")),
    ("tour", re.compile(r"^/tours/(?P<ident>[^/]+)/?$")),
)


class OurUrl(NamedTuple):
    """A URL of ours that can be embedded: which page, whose id, and its query parameters."""

    kind: str                    # map | document | place | tour
    ident: str | None
    query: tuple[tuple[str, str], ...]


class Size(NamedTuple):
    width: int
    height: int


DEFAULT_SIZE = Size(640, 480)
MINIMUM_SIZE = Size(300, 250)


def parse_our_url(url: str, our_host: str, prefix: str = "") -> OurUrl | None:
    """The embeddable page `url` names when it is on `our_host` (host[:port]), else None."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or parts.netloc.lower() != our_host.lower():
        return None
    path = parts.path or "/"
    if prefix and path.startswith(prefix):
        path = path[len(prefix):] or "/"
    for kind, pattern in PAGE_PATTERNS:
        match = pattern.match(path)
        if match:
            ident = match.groupdict().get("ident")
            return OurUrl(kind, ident, tuple(parse_qsl(parts.query, keep_blank_values=False)))
    return None


def fit_size(maxwidth: str | int | None, maxheight: str | int | None,
             default: Size = DEFAULT_SIZE, minimum: Size = MINIMUM_SIZE) -> Size:
    """The embed's size: the default's shape scaled down to fit the limits, never above them.

    Below the minimum only when a limit forces it (oEmbed: width/height must not exceed
    maxwidth/maxheight); ParamError for a limit that is not a whole number of pixels.
    """
    max_w, max_h = params.pixels("maxwidth", maxwidth), params.pixels("maxheight", maxheight)
    scale = min(1.0, (max_w or default.width) / default.width, (max_h or default.height) / default.height)
    width, height = round(default.width * scale), round(default.height * scale)
    width = max(width, min(minimum.width, max_w or minimum.width))
    height = max(height, min(minimum.height, max_h or minimum.height))
    return Size(width, height)


def iframe_html(src: str, size: Size, title: str) -> str:
    """The <iframe> an embedding page pastes, attributes escaped."""
    return (f'<iframe src="{escape(src)}" width="{size.width}" height="{size.height}" '
            f'title="{escape(title)}" style="border:0" loading="lazy" '
            f'referrerpolicy="no-referrer-when-downgrade"></iframe>')


def answer(*, embed_src: str, title: str, provider_url: str, size: Size,
           thumbnail_url: str | None = None, thumbnail_size: Size | None = None) -> dict:
    """The oEmbed 1.0 `rich` answer (a JSON-ready dict) for an iframe of `embed_src`."""
    data = {
        "type": "rich", "version": "1.0",
        "title": title,
        "provider_name": PROVIDER_NAME, "provider_url": provider_url,
        "cache_age": CACHE_AGE,
        "html": iframe_html(embed_src, size, title),
        "width": size.width, "height": size.height,
    }
    if thumbnail_url and thumbnail_size:
        data.update(thumbnail_url=thumbnail_url, thumbnail_width=thumbnail_size.width,
                    thumbnail_height=thumbnail_size.height)
    return data


def provenance(doc: dict, say=lambda message, **values: message % values) -> dict:
    """Extra oEmbed fields (oEmbed 1.0 allows a provider's own) for a document's view: the compiler's
    heading and the compilation it comes from, so an embedding page can credit them as such.
    `say` translates the words around them (gettext; English by default)."""
    extra = {}
    if doc.get("heading"):
        extra["heading_in_compilation"] = doc["heading"]
    collection = doc.get("collection")
    if collection:
        by = ", " + say("compiled by %(compiler)s", compiler=collection["compiler"]) if collection.get("compiler") else ""
        extra["collection"] = f"{collection['title']}{by}"
    return extra


def thumbnail_size(size: Size) -> Size | None:
    """The thumbnail's size: the embed's own, or None when the limits leave no room for a /map.png."""
    if size.width < THUMBNAIL_MINIMUM or size.height < THUMBNAIL_MINIMUM:
        return None
    return size
