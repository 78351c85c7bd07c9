"""Putting a Document together from what a reader found, filling in what the text implies."""
from __future__ import annotations

from documents.dates import find_dates, parse_date
from documents.errors import DateError, DocumentError
from documents.ids import document_id, id_problem
from documents.kinds import kind_of, parties_of, signature_of
from documents.language import detect_language
from documents.model import KINDS, Collection, DateRange, Document, FoundDate, Markup
from documents.titles import descriptive_name, descriptive_title, retitled_id


def with_stated_dates(dates, markup) -> list[FoundDate]:
    """Return `dates` with each date the source's markup states (a TEI `date/@when`) in place of
    those found over its words: the source's editor's reading wins."""
    stated = [FoundDate(m.text, m.start, m.end, m.date) for m in markup if m.kind == "date" and m.date]
    kept = [d for d in dates if not any(d.start < s.end and s.start < d.end for s in stated)]
    return sorted(kept + stated, key=lambda d: (d.start, d.end))


def given_date(written: str | None, source: str, line: int) -> DateRange | None:
    """Return the interval of a date a reader was given as a field, None if none was given.

    Raises DocumentError at `line` of `source` when the date cannot be read.
    """
    if written is None:
        return None
    try:
        return parse_date(written)
    except DateError as err:
        raise DocumentError(str(err), source, line) from None


def given_id(written: str | None, source: str, line: int) -> str | None:
    """Return an id a reader was given as a field, None if none was given.

    Raises DocumentError at `line` of `source` for an id outside the safe alphabet (ids.ID_PATTERN).
    """
    if written is None:
        return None
    problem = id_problem(written)
    if problem:
        raise DocumentError(problem, source, line)
    return written


def check_kind(kind: str | None, source: str, line: int) -> None:
    """Raise DocumentError at `line` of `source` for a kind given as a field that is not one of KINDS."""
    if kind is not None and kind not in KINDS:
        raise DocumentError(f"unknown kind {kind!r} (one of: {', '.join(KINDS)})", source, line)


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
    heading: str | None = None,
    collection: Collection | None = None,
    editorial_notes: tuple[str, ...] = (),
    language: str | None = None,
    markup: tuple[Markup, ...] = (),
) -> Document:
    """Return the Document, with its id, the dates of its body, and kind/author/recipient.

    Values given by the reader win; missing ones are taken from the heading (and the signature),
    the language from the text.
    A compiler's `heading` is kept as such: the title is then the descriptive one (kind, author,
    recipient, date), the id is made from it, and the id the heading gave is kept in `former_ids`.
    """
    stated = heading if heading is not None else title
    kind = kind if kind in KINDS else kind_of(stated, body)
    heading_author, heading_recipient = parties_of(stated, kind)
    if author is None:
        author = heading_author or (signature_of(body) if kind != "agreement" else None)
    if recipient is None:
        recipient = heading_recipient
    former: tuple[str, ...] = ()
    if heading is not None and title is None and doc_id is None:
        title = descriptive_title(kind, author, recipient, date, origin)
        old_id = document_id(source, heading, date, body)
        doc_id = retitled_id(old_id, descriptive_name(kind, author, recipient, origin))
        former = (old_id,) if old_id != doc_id else ()
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
        dates=tuple(with_stated_dates(find_dates(body, date), markup)),
        line=line,
        heading=heading or None,
        collection=collection,
        editorial_notes=editorial_notes,
        former_ids=former,
        language=language or detect_language(f"{title or ''}\n{body}"),
        markup=markup,
    )
