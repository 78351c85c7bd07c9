"""Markdown with YAML front matter: one document per file, the way users add their own.

    ---
    title: Telegram from P. Mdivani to G. Chicherin
    date: January 8, 1921
    origin: Kars
    kind: telegram
    archive_ref: RGASPI, f. 5, op. 1, d. 2203, l. 43. Copy.
    ---
    Our conduct in this matter unsettles the Turks ...
"""
from __future__ import annotations

import re
from datetime import date as Date

import yaml

from documents.assemble import assemble_document, check_kind, given_date
from documents.errors import DocumentError
from documents.model import Document


class _DatesAsText(yaml.SafeLoader):
    """A safe YAML loader that leaves dates as written, so our date parser reads (and checks) them."""


_DatesAsText.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

FIELDS = ("id", "title", "date", "origin", "author", "recipient", "kind", "archive_ref", "published_in",
          "language")


def _key_line(lines: list[str], key: str, close: int) -> int:
    """Return the 1-based line of `key:` in the front matter (its first line if not found)."""
    for i in range(1, close):
        if re.match(rf"\s*{re.escape(key)}\s*:", lines[i]):
            return i + 1
    return 2


def _front_matter(lines: list[str], source: str) -> tuple[dict, int]:
    """Return the front matter mapping and the index of its closing '---' line."""
    if not lines or lines[0].strip() != "---":
        raise DocumentError("no YAML front matter (the file must start with a '---' line)", source, 1)
    close = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if close is None:
        raise DocumentError("the YAML front matter is not closed by a '---' line", source, 1)
    try:
        meta = yaml.load("\n".join(lines[1:close]), Loader=_DatesAsText)  # a SafeLoader subclass
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or "cannot be parsed"
        raise DocumentError(f"broken YAML front matter: {problem}", source,
                            mark.line + 2 if mark else 1) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise DocumentError("the YAML front matter must be a mapping (key: value lines)", source, 2)
    return meta, close


def _text(value) -> str | None:
    """Return a front matter value as text (YAML may read `1921` as a number)."""
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, Date) else str(value).strip()


def read_markdown(text: str, source: str) -> tuple[list[Document], list[DocumentError]]:
    """Return the one document of a Markdown file with front matter, and warnings (unknown keys)."""
    lines = text.replace("\r\n", "\n").split("\n")
    meta, close = _front_matter(lines, source)
    warnings = [DocumentError(f"unknown front matter key {key!r} ignored (known: {', '.join(FIELDS)})",
                              source, _key_line(lines, str(key), close))
                for key in meta if key not in FIELDS]
    values = {key: _text(meta.get(key)) for key in FIELDS}
    date = given_date(values["date"], source, _key_line(lines, "date", close))
    check_kind(values["kind"], source, _key_line(lines, "kind", close))
    body = "\n".join(lines[close + 1:]).strip()
    if not body and not values["title"]:
        raise DocumentError("no document: neither a title nor any text after the front matter",
                            source, close + 1)
    document = assemble_document(
        source, 1, values["title"], date, body, origin=values["origin"], author=values["author"],
        recipient=values["recipient"], kind=values["kind"], archive_ref=values["archive_ref"],
        published_in=values["published_in"], doc_id=values["id"], language=values["language"],
    )
    return [document], warnings
