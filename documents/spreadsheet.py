"""CSV, one document per row under a header row: the way a teacher brings a spreadsheet.

Columns (header names are matched case-insensitively, spaces as underscores): title, body (or
text) are needed; id, date, origin, author, recipient, kind, archive_ref, published_in are optional.
"""
from __future__ import annotations

import csv
import io

from documents.assemble import assemble_document, check_kind, given_date, given_id
from documents.errors import DocumentError
from documents.model import Document

REQUIRED = ("title", "body")
OPTIONAL = ("id", "date", "origin", "author", "recipient", "kind", "archive_ref", "published_in", "language")
ALIASES = {"text": "body", "archival_reference": "archive_ref", "archive_reference": "archive_ref"}


def _column(name: str | None) -> str:
    key = "_".join((name or "").strip().lower().split())
    return ALIASES.get(key, key)


class Rfc4180(csv.Dialect):
    """RFC 4180 CSV: fields quoted with '"', a quote inside doubled (""), any line ending."""

    delimiter = ","
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = csv.QUOTE_MINIMAL
    strict = True


DELIMITERS = ",;\t"
# The csv module refuses a field over 128 KiB by default; a long document's body can be longer.
FIELD_LIMIT = 64 * 1024 * 1024


def delimiter_of(header: str) -> str:
    """Return the delimiter of a header line: the one of ',', ';', tab used most outside quotes.

    The delimiter is the one thing RFC 4180 leaves to sniff (spreadsheets in some languages
    write ';'); quoting is always the standard's, so "" stays an escaped quote.
    """
    outside = "".join(header.split('"')[::2])
    counts = {d: outside.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def _row_document(row: dict, source: str, line: int) -> Document:
    """Return the document of one row; raise DocumentError naming the row's line."""
    values = {key: (row.get(key) or "").strip() or None for key in REQUIRED + OPTIONAL}
    if not values["title"] and not values["body"]:
        raise DocumentError("row has neither a title nor a body", source, line)
    date = given_date(values["date"], source, line)
    check_kind(values["kind"], source, line)
    doc_id = given_id(values["id"], source, line)
    return assemble_document(
        source, line, values["title"], date, values["body"] or "", origin=values["origin"],
        author=values["author"], recipient=values["recipient"], kind=values["kind"],
        archive_ref=values["archive_ref"], published_in=values["published_in"], doc_id=doc_id,
        language=values["language"],
    )


def read_spreadsheet(text: str, source: str) -> tuple[list[Document], list[DocumentError]]:
    """Return the documents of a CSV file and a warning for each row that cannot be read.

    Raises DocumentError when the header lacks a needed column or no row can be read.
    """
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)
    header_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), Rfc4180, delimiter=delimiter_of(header_line))
    try:
        header = [_column(name) for name in next(reader)]
    except (StopIteration, csv.Error) as err:
        raise DocumentError(f"no CSV header row ({err})", source, 1) from None
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise DocumentError(f"CSV header lacks the column(s) {', '.join(missing)} "
                            f"(has: {', '.join(h for h in header if h)})", source, 1)
    documents, warnings, line = [], [], reader.line_num + 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                if len(cells) > len(header):
                    warnings.append(DocumentError(f"row has {len(cells)} fields, the header {len(header)}; "
                                                  "row skipped", source, line))
                else:
                    try:
                        documents.append(_row_document(dict(zip(header, cells, strict=False)), source, line))
                    except DocumentError as err:
                        warnings.append(err)
            line = reader.line_num + 1
    except csv.Error as err:
        raise DocumentError(f"broken CSV: {err}", source, reader.line_num) from None
    if not documents:
        raise warnings[0] if warnings else DocumentError("no rows below the CSV header", source, 2)
    return documents, warnings
