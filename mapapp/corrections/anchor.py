"""Finding an annotation's span in a text that may have changed since it was made.

The old position is tried first; else every occurrence of the quote is scored by how much of
its prefix and suffix still stand beside it, then by nearness to the old position. A quote
found nowhere leaves the annotation orphaned (None), never silently moved to a guess.
"""
from __future__ import annotations

from mapapp.corrections.annotation import Selection


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def anchor(text: str, selection: Selection) -> tuple[int, int] | None:
    """Return (start, end) of `selection` in `text`, or None when its quote is no longer there."""
    exact, start = selection.exact, selection.start
    if start is not None and text[start:start + len(exact)] == exact:
        return start, start + len(exact)
    best, best_key = None, None
    at = text.find(exact)
    while at != -1:
        end = at + len(exact)
        context = (_common_suffix(text[max(0, at - len(selection.prefix)):at], selection.prefix)
                   + _common_prefix(text[end:end + len(selection.suffix)], selection.suffix))
        distance = abs(at - start) if start is not None else at
        key = (-context, distance)
        if best_key is None or key < best_key:
            best, best_key = (at, end), key
        at = text.find(exact, at + 1)
    return best


def quote_at(text: str, start: int, end: int, context: int = 32) -> Selection:
    """Return the selection (quote with `context` characters each side, and position) of a span."""
    return Selection(text[start:end], text[max(0, start - context):start], text[end:end + context], start, end)
