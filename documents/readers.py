"""Reading files into documents, choosing the reader by extension or content."""
from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from documents.collection import read_collection
from documents.errors import DocumentError
from documents.frontmatter import read_markdown
from documents.ids import deduplicate
from documents.model import Document
from documents.spreadsheet import read_spreadsheet
from documents.tei.reader import read_tei

Reader = Callable[[str, str], tuple[list[Document], list[DocumentError]]]
READERS: dict[str, Reader] = {"collection": read_collection, "markdown": read_markdown, "csv": read_spreadsheet,
                              "tei": read_tei}
SUFFIXES = {".txt": "collection", ".text": "collection", ".md": "markdown", ".markdown": "markdown",
            ".csv": "csv", ".xml": "tei", ".tei": "tei"}
# A TEI file without a telling extension is known by its root element.
_TEI_ROOT = re.compile(r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:\w+:)?(?:TEI|teiCorpus)\b", re.S)


@dataclass(frozen=True)
class Reading:
    """The documents read from some files, and a warning for each document that was skipped."""

    documents: tuple[Document, ...]
    warnings: tuple[DocumentError, ...]


def _regular_file_bytes(path: Path) -> bytes:
    """Return the bytes of `path`; DocumentError if it is not a regular file (a FIFO would hang)."""
    # O_NONBLOCK: opening a FIFO must not wait for a writer; it changes nothing for regular files.
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as file:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(mode):
            raise DocumentError("not a regular file (a pipe, socket or device is not read)", str(path))
        return file.read()


def load_text(path: Path) -> str:
    """Return the UTF-8 text of `path`; raise DocumentError naming the file (and line) if unreadable."""
    name = str(path)
    try:
        data = _regular_file_bytes(path)
    except FileNotFoundError:
        raise DocumentError("file not found", name) from None
    except IsADirectoryError:
        raise DocumentError("is a directory, not a file", name) from None
    except PermissionError:
        raise DocumentError("cannot read file (permission denied)", name) from None
    except OSError as err:
        raise DocumentError(f"cannot read file ({err.strerror or err})", name) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        raise DocumentError(f"not UTF-8 text (byte 0x{data[err.start]:02x} cannot be decoded); "
                            "save the file as UTF-8", name, line) from None
    if not text.strip():
        raise DocumentError("empty file", name, 1)
    return text


def choose_reader(path: Path, text: str) -> str:
    """Return the reader's name for a file: by its extension, else by what its text looks like."""
    if path.suffix.lower() in SUFFIXES:
        return SUFFIXES[path.suffix.lower()]
    if _TEI_ROOT.match(text[:4096]):
        return "tei"
    if text.lstrip("\ufeff").startswith("---"):
        return "markdown"
    header = text.split("\n", 1)[0].lower()
    if "title" in header and ("body" in header or "text" in header) and any(c in header for c in ",;\t"):
        return "csv"
    return "collection"


def read_file(path: Path, reader: str | None = None) -> tuple[list[Document], list[DocumentError]]:
    """Return the documents of one file and the warnings for those skipped."""
    text = load_text(path)
    name = reader or choose_reader(path, text)
    if name not in READERS:
        raise DocumentError(f"unknown reader {name!r} (one of: {', '.join(READERS)})", str(path))
    documents, warnings = READERS[name](text, str(path))
    return [replace(doc, source=path.name) for doc in documents], warnings


def read_documents(paths: Iterable[Path | str], reader: str | None = None) -> Reading:
    """Return the documents of all `paths`, in order; raise DocumentError for a file that cannot be read.

    `reader` ("collection", "markdown", "csv", "tei") overrides the choice by extension or content.
    """
    documents: list[Document] = []
    warnings: list[DocumentError] = []
    for path in paths:
        found, skipped = read_file(Path(path), reader)
        documents.extend(found)
        warnings.extend(skipped)
    ids = deduplicate([doc.id for doc in documents])
    documents = [doc if doc.id == new else replace(doc, id=new) for doc, new in zip(documents, ids, strict=True)]
    return Reading(tuple(documents), tuple(warnings))
