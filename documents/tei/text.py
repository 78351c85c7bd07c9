"""A TEI body as plain text with character offsets, and the readings its markup states.

Blocks (`p`, `ab`, `head`, `l`, `dateline`, ...) are lines of the text. Whitespace is collapsed as
TEI reads it, and `<lb/>` breaks the line; under `xml:space="preserve"` (as Chronotope's own
export writes) the text of each block is kept exactly and every block, even an empty one, is a
line. Notes, forme works and deletions are not the document's text; inside `choice` the
regularised, expanded or corrected reading is read.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from documents.model import Markup
from documents.tei.dating import stated_date
from documents.tei.parsing import attribute, name, where

BLOCKS = frozenset({"p", "ab", "head", "l", "dateline", "salute", "signed", "opener", "closer", "item", "label",
                    "byline", "trailer", "postscript", "docDate", "argument", "epigraph"})
SKIPPED = frozenset({"note", "fw", "del", "figDesc", "teiHeader", "standOff"})
SKIPPED_IN_CHOICE = frozenset({"sic", "orig", "abbr"})


@dataclass
class _Text:
    """The text written so far, and the spans of the elements that state a reading."""

    preserve: bool
    parts: list[str] = field(default_factory=list)
    length: int = 0
    pending: bool = False     # a block ended: the next text starts a new line
    blocks: int = 0           # blocks opened so far (preserve mode: each but the first starts a line)
    in_block: int = 0

    def last(self) -> str:
        return self.parts[-1][-1] if self.parts else ""

    def add(self, text: str | None) -> None:
        if not text:
            return
        if self.preserve:
            if self.in_block:
                self._write(text)
            return
        text = _collapse(text)
        if self.pending and not text.strip():
            return   # the space between blocks
        if self.pending and self.length and self.last() != "\n":
            self.newline()
        self.pending = False
        if text.startswith(" ") and (not self.length or self.last() in " \n"):
            text = text[1:]
        self._write(text)

    def newline(self) -> None:
        if self.last() == " ":
            self.parts[-1] = self.parts[-1][:-1]
            self.length -= 1
        self._write("\n")

    def open_block(self) -> None:
        if self.preserve and self.blocks:
            self._write("\n")
        self.blocks += 1
        self.in_block += 1
        self.pending = True

    def close_block(self) -> None:
        self.in_block -= 1
        self.pending = True

    def _write(self, text: str) -> None:
        if text:
            self.parts.append(text)
            self.length += len(text)


def _collapse(text: str) -> str:
    out = " ".join(text.split())
    if text[:1].isspace():
        out = " " + out
    if text[-1:].isspace() and out != " ":
        out += " "
    return out


def body_text(container, source: str, skip: frozenset[str] = frozenset(),
              anchors: dict[str, tuple[str, ...]] | None = None) -> tuple[str, tuple[Markup, ...]]:
    """Return the text of a TEI `body` (or `div`) and the readings its markup states, as offsets.

    `placeName` with `@ref` and `date` with `@when` give Markup records; a `#local` ref also
    carries the identifiers `anchors` gives for it (the file's own `listPlace` entry). `skip`
    names child elements of `container` left out (a document's `head` when it is its title).
    DocumentError names the line of a date attribute that cannot be read.
    """
    out = _Text(preserve=attribute(container, "xml:space") == "preserve")
    opened: list[tuple] = []
    for child in container:
        if name(child) in skip:
            out.add(child.tail)
            continue
        _walk(child, out, opened, source, in_choice=False)
        out.add(child.tail)
    text = "".join(out.parts)
    markup = [m for m in (_markup(text, span, source, anchors or {}) for span in opened) if m is not None]
    return text.strip(), tuple(_shifted(markup, len(text) - len(text.lstrip())))


def _walk(element, out: _Text, opened: list, source: str, in_choice: bool) -> None:
    local = name(element)
    if not local or local in SKIPPED or (in_choice and local in SKIPPED_IN_CHOICE):
        return
    if local in ("bibl", "idno") and attribute(element, "type") == "archive":
        return   # a document's archival reference (its field), not its words
    space, outer = attribute(element, "xml:space"), out.preserve
    if space:
        out.preserve = space == "preserve"
    block = local in BLOCKS
    if block:
        out.open_block()
    if local == "lb" and not out.preserve:
        out.pending = True
    start = out.length
    out.add(element.text)
    for child in element:
        _walk(child, out, opened, source, local == "choice")
        out.add(child.tail)
    if local in ("placeName", "date"):
        opened.append((element, start, out.length))
    if block:
        out.close_block()
    out.preserve = outer


def _markup(text: str, span: tuple, source: str, anchors: dict[str, tuple[str, ...]]) -> Markup | None:
    element, start, end = span
    end = min(end, len(text))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    if name(element) == "placeName":
        ref = attribute(element, "ref")
        if not ref:
            return None
        refs = [r for given in ref.split() for r in (given, *anchors.get(given.removeprefix("#"), ()))]
        return Markup("place", start, end, text[start:end], where(source, element), tuple(dict.fromkeys(refs)),
                      resp=attribute(element, "resp"))
    dated = stated_date(element, source)
    if dated is None or not attribute(element, "when"):
        return None
    return Markup("date", start, end, text[start:end], where(source, element), date=dated,
                  resp=attribute(element, "resp"))


def _shifted(markup: list[Markup], by: int) -> list[Markup]:
    return [replace(m, start=m.start - by, end=m.end - by) for m in markup] if by else markup
