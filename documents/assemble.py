"""Putting a Document together from what a reader found, filling in what the text implies."""
from __future__ import annotations

from documents.dates import find_dates
from documents.ids import document_id
from documents.kinds import kind_of, parties_of, signature_of
from documents.model import KINDS, DateRange, Document


def assemble_document(
    source: str,
    line: int,
    title: str | None,
    date: DateRange | None,
    body: str,
    *,
    origin: str | None = None,
    author: str | None = None,
    recipient: str | None = None,
    kind: str | None = None,
    archive_ref: str | None = None,
    published_in: str | None = None,
    doc_id: str | None = None,
) -> Document:
    """Return the Document, with its id, the dates of its body, and kind/author/recipient.

    Values given by the reader win; missing ones are taken from the heading (and the signature).
    """
    kind = kind if kind in KINDS else kind_of(title, body)
    heading_author, heading_recipient = parties_of(title, kind)
    if author is None:
        author = heading_author or (signature_of(body) if kind != "agreement" else None)
    if recipient is None:
        recipient = heading_recipient
    return Document(
        id=doc_id or document_id(source, title, date, body),
        source=source,
        title=title,
        date=date,
        body=body,
        origin=origin,
        author=author,
        recipient=recipient,
        kind=kind,
        archive_ref=archive_ref,
        published_in=published_in,
        dates=tuple(find_dates(body, date)),
        line=line,
    )
