"""Markdown with YAML front matter: one document per file, the way users add their own.

    ---
    title: Telegram from P. Mdivani to G. Chicherin
    date: January 8, 1921
    origin: Kars
    kind: telegram
    archive_ref: RGASPI, f. 5, op. 1, d. 2203, l. 43. Copy.
    ---
    Our conduct in this matter unsettles the Turks ...

This module is also the one YAML reader of the project (tours use it): safe, without aliases
(whose expansion is exponential: a few hundred bytes can hold billions of nodes), nested at most
MAX_DEPTH deep, numbers at most MAX_DIGITS long, dates left as text, and every mapping
remembering its line in the file.
"""
from __future__ import annotations

import re

import yaml

from documents.assemble import assemble_document, check_kind, given_date, given_id
from documents.errors import DocumentError
from documents.model import Document

FIELDS = ("id", "title", "date", "origin", "author", "recipient", "kind", "archive_ref", "published_in",
          "language")
MAX_DEPTH = 20
MAX_DIGITS = 40


class LineDict(dict):
    """A YAML mapping that remembers the (1-based) line of the file it starts on."""

    line = 1


class _Loader(yaml.SafeLoader):
    """A SafeLoader that refuses aliases, deep nesting and overlong numbers, and keeps dates as text."""

    first_line = 1
    _depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, f"aliases (*{event.anchor}) are not allowed",
                                              event.start_mark)
        if self._depth >= MAX_DEPTH:
            raise yaml.composer.ComposerError(None, None, f"nested more than {MAX_DEPTH} levels deep",
                                              self.peek_event().start_mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    value = LineDict(loader.construct_mapping(node, deep=True))
    value.line = loader.first_line + node.start_mark.line
    return value


def _construct_int(loader: _Loader, node: yaml.ScalarNode) -> int:
    if len(node.value) > MAX_DIGITS:
        raise yaml.constructor.ConstructorError(None, None, f"a number longer than {MAX_DIGITS} digits",
                                                node.start_mark)
    return yaml.SafeLoader.construct_yaml_int(loader, node)


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
# Dates stay text, so that the callers' date readers read (and check) them.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml(text: str, source: str, first_line: int = 1, problem: str = "not valid YAML") -> object:
    """Return the value of a YAML text whose first line is line `first_line` of `source`.

    Mappings come back as LineDict. Raises DocumentError naming the line for text that is not
    YAML, or that uses aliases, nests too deep or writes overlong numbers.
    """
    loader = _Loader(text)
    loader.first_line = first_line
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        raise DocumentError(f"{problem}: {err.problem or err.context}", source,
                            first_line + mark.line if mark else first_line) from None
    except (yaml.YAMLError, ValueError, RecursionError) as err:
        raise DocumentError(f"{problem}: {err}", source, first_line) from None
    finally:
        loader.dispose()


def front_matter(lines: list[str], source: str) -> tuple[LineDict, int]:
    """Return the YAML front matter mapping of a file's `lines` and the index of its closing line.

    Raises DocumentError when the file does not start with '---', the front matter is not
    closed by '---' (or '...'), is not YAML or is not a mapping.
    """
    if not lines or lines[0].strip() != "---":
        raise DocumentError("no YAML front matter: the file starts with '---', then key: value lines",
                            source, 1)
    close = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if close is None:
        raise DocumentError("the YAML front matter is not closed by a '---' line", source, 1)
    meta = load_yaml("\n".join(lines[1:close]), source, 2, "broken YAML front matter")
    if meta is None:
        meta = LineDict()
    if not isinstance(meta, dict):
        raise DocumentError("the YAML front matter must be a mapping (key: value lines)", source, 2)
    return meta, close


def key_line(lines: list[str], key: str, close: int) -> int:
    """Return the 1-based line of `key:` in the front matter (its first line if not found)."""
    for i in range(1, close):
        if re.match(rf"\s*{re.escape(key)}\s*:", lines[i]):
            return i + 1
    return 2


def _text(value) -> str | None:
    """Return a front matter value as text (YAML may read `1921` as a number)."""
    if value is None or value == "":
        return None
    return str(value).strip()


def read_markdown(text: str, source: str) -> tuple[list[Document], list[DocumentError]]:
    """Return the one document of a Markdown file with front matter (and no warnings).

    Raises DocumentError naming the line for an unknown key, a value that is not text, a date
    or kind that cannot be read, a bad id, or a file with neither title nor text.
    """
    lines = text.replace("\r\n", "\n").split("\n")
    meta, close = front_matter(lines, source)
    for key, value in meta.items():
        if key not in FIELDS:
            raise DocumentError(f"unknown front matter key {str(key)!r} (known: {', '.join(FIELDS)})",
                                source, key_line(lines, str(key), close))
        if isinstance(value, dict | list):
            raise DocumentError(f"front matter key {key!r} must be text, not a "
                                f"{'mapping' if isinstance(value, dict) else 'list'}",
                                source, key_line(lines, key, close))
    values = {key: _text(meta.get(key)) for key in FIELDS}
    date = given_date(values["date"], source, key_line(lines, "date", close))
    check_kind(values["kind"], source, key_line(lines, "kind", close))
    doc_id = given_id(values["id"], source, key_line(lines, "id", close))
    body = "\n".join(lines[close + 1:]).strip()
    if not body and not values["title"]:
        raise DocumentError("no document: neither a title nor any text after the front matter",
                            source, close + 1)
    document = assemble_document(
        source, 1, values["title"], date, body, origin=values["origin"], author=values["author"],
        recipient=values["recipient"], kind=values["kind"], archive_ref=values["archive_ref"],
        published_in=values["published_in"], doc_id=doc_id, language=values["language"],
    )
    return [document], []
