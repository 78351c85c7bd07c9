"""Annotations in and out as files: a W3C AnnotationCollection (JSON-LD), and reading one back
(ours, or a Recogito export for the same texts, matched by quote)."""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from mapapp.corrections import anchor
from mapapp.corrections.annotation import CONTEXT, Annotation, AnnotationError, parse, to_w3c


class ExchangeError(ValueError):
    """A file that cannot be imported at all; the message names the file, the line and the problem."""


def collection(annotations: list[Annotation], base: str, names: dict[str, str | None], label: str) -> dict:
    """The AnnotationCollection of `annotations`, ids and sources as URLs on `base`."""
    items = []
    for a in annotations:
        item = to_w3c(a, base, names.get(a.creator or ""), account=True)
        item.pop("@context")
        items.append(item)
    return {"@context": CONTEXT, "type": "AnnotationCollection", "label": label, "total": len(items), "items": items}


@dataclass(frozen=True)
class Incoming:
    """One annotation read from a file: where it is, its own id there, and what it says (document unknown yet)."""

    label: str            # "item 3 (line 41)", for messages
    own_id: str | None    # the id it had (ours: the aid at the end of its URL)
    data: dict


def _line_of(text: str, needle: str | None) -> int | None:
    if not needle:
        return None
    at = text.find(json.dumps(needle, ensure_ascii=False))
    return text.count("\n", 0, at) + 1 if at >= 0 else None


def read(path: Path) -> list[Incoming]:
    """The annotations of a file: an AnnotationCollection (its `items`, or `first.items`), a list of
    annotations (Recogito), or one annotation. ExchangeError names file, line and problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ExchangeError(f"{path}: cannot be read ({exc})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExchangeError(f"{path}:{exc.lineno}: not JSON ({exc.msg})") from None
    if isinstance(data, dict) and data.get("type") == "AnnotationCollection":
        items = data.get("items", (data.get("first") or {}).get("items") if isinstance(data.get("first"), dict) else None)
    elif isinstance(data, dict):
        items = [data]
    else:
        items = data
    if not isinstance(items, list):
        raise ExchangeError(f"{path}:1: neither an AnnotationCollection, a list of annotations nor one annotation")
    found = []
    for i, item in enumerate(items, 1):
        own = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else None
        line = _line_of(text, own)
        label = f"item {i}" + (f" ({own})" if own else "")
        if not isinstance(item, dict):
            raise ExchangeError(f"{path}:{line or 1}: {label}: not an annotation object")
        found.append(Incoming(f"{path}:{line or '?'}: {label}", own, item))
    return found


def resolve(incoming: Incoming, has_document: Callable[[str], bool], body_of: Callable[[str], str],
            containing: Callable[[str], list[str]]) -> tuple[Annotation | None, str | None]:
    """Return the annotation ready to store (its document found, its quote anchored), or None and why not.

    A target naming a document of this atlas is taken as it is; else (a Recogito export) the
    document is the one whose body holds the quote, best placed by its prefix and suffix."""
    try:
        a = parse(incoming.data)
    except AnnotationError as exc:
        return None, f"{incoming.label}: {exc}"
    doc = a.document_id
    if not has_document(doc):
        if a.selection is None:
            return None, f"{incoming.label}: no document {doc!r} here, and no quote to find it by"
        candidates = [d for d in containing(a.selection.exact) if anchor.anchor(body_of(d), a.selection)]
        if not candidates:
            return None, f"{incoming.label}: could not anchor {a.selection.exact[:60]!r}: no document holds it"
        doc = candidates[0]
        a = replace(a, document_id=doc, selection=replace(a.selection, start=None, end=None)
                    if len(candidates) > 1 else a.selection)
    if a.selection is not None:
        span = anchor.anchor(body_of(doc), a.selection)
        if span is None:
            return None, f"{incoming.label}: could not anchor {a.selection.exact[:60]!r} in document {doc!r}"
        a = replace(a, selection=replace(a.selection, start=span[0], end=span[1]))
    own = incoming.own_id.rstrip("/").rsplit("/", 1)[-1] if incoming.own_id and "/api/annotations/" in incoming.own_id \
        else None
    return replace(a, id=own), None
