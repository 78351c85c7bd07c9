"""A document's fields from a TEI header (or from a `div[@type="document"]` of a collection).

Title `titleStmt/title` (a `title[@type="heading"]` is a compiler's heading); author
`titleStmt/author` or the sender of `correspDesc`; recipient the receiver; date the sending's
`date`, else `origDate`, else `creation/date`; origin the sending's `placeName`, else
`origPlace`, else `creation/placeName`; kind `text/@type` or a `textClass` term; archival
reference `msIdentifier`; publication `sourceDesc/bibl`; id `publicationStmt/idno[@type="chronotope"]`
or `@xml:id`; language `xml:lang` or `langUsage`.
"""
from __future__ import annotations

from dataclasses import dataclass

from documents.assemble import given_date
from documents.ids import id_problem
from documents.model import KINDS, DateRange
from documents.tei.dating import stated_date
from documents.tei.parsing import attribute, children, descendants, first, name, words

AGENTS = ("persName", "orgName", "name")
PLACES = ("placeName", "settlement", "origPlace")


@dataclass(frozen=True)
class Fields:
    """What a header says of a document (None where it says nothing)."""

    title: str | None = None
    heading: str | None = None
    author: str | None = None
    recipient: str | None = None
    date: DateRange | None = None
    origin: str | None = None
    kind: str | None = None
    archive_ref: str | None = None
    published_in: str | None = None
    doc_id: str | None = None
    language: str | None = None


def header_fields(tei, source: str) -> Fields:
    """Return the fields of a `TEI` element's header; DocumentError names the line of a bad date."""
    header = first(tei, "teiHeader")
    titles = descendants(first(header, "fileDesc", "titleStmt"), "title") if header is not None else []
    main = [t for t in titles if attribute(t, "type") in (None, "main")]
    sent, received = _correspondence(header)
    source_desc = first(header, "fileDesc", "sourceDesc") if header is not None else None
    creation = first(header, "profileDesc", "creation") if header is not None else None
    dating = _first_dated(_in(sent, "date") + _in_all(source_desc, "origDate") + _in(creation, "date"))
    text = first(tei, "text")
    return Fields(
        title=words(main[0]) if main else None,
        heading=next((words(t) for t in titles if attribute(t, "type") == "heading"), None),
        author=_titled_author(header) or _agent(sent),
        recipient=_agent(received),
        date=_date_of(dating, source),
        origin=_place(sent) or words(next(iter(_in_all(source_desc, "origPlace")), None)) or _place(creation),
        kind=_kind(text, header),
        archive_ref=_archive_ref(source_desc),
        published_in=words(next((b for b in children(source_desc, "bibl")), None)) if source_desc is not None else None,
        doc_id=_doc_id(header, tei),
        language=attribute(text, "xml:lang") or attribute(tei, "xml:lang") or _lang_usage(header),
    )


def div_fields(div, inherited: Fields, source: str) -> Fields:
    """Return the fields of one `div[@type="document"]`: its head, opener/dateline and closer,
    the TEI header's language and publication where it says nothing of its own."""
    front = [e for e in div.iter() if name(e) in ("opener", "dateline", "docDate", "closer", "byline")]
    dated = _first_dated([d for e in front for d in ([e] if name(e) == "docDate" else descendants(e, "date"))])
    places = [p for e in front if name(e) in ("opener", "dateline") for p in descendants(e, *PLACES)]
    signed = [s for e in front for s in descendants(e, "signed")] + [e for e in front if name(e) == "byline"]
    archive = next((b for b in descendants(div, "bibl", "idno") if attribute(b, "type") == "archive"), None)
    kind = attribute(div, "subtype")
    own_id = attribute(div, "xml:id")
    return Fields(
        title=words(first(div, "head")), author=words(signed[0]) if signed else None,
        date=_date_of(dated, source), origin=words(places[0]) if places else None,
        kind=kind if kind in KINDS else None, archive_ref=words(archive),
        published_in=inherited.published_in,
        doc_id=own_id if own_id and id_problem(own_id) is None else None,
        language=attribute(div, "xml:lang") or inherited.language)


def _in(element, *names: str) -> list:
    return children(element, *names) if element is not None else []


def _in_all(element, *names: str) -> list:
    return descendants(element, *names) if element is not None else []


def _correspondence(header):
    actions = _in_all(header, "correspAction")
    sent = next((a for a in actions if attribute(a, "type") == "sent"), None)
    received = next((a for a in actions if attribute(a, "type") == "received"), None)
    return sent, received


def _titled_author(header) -> str | None:
    return words(first(header, "fileDesc", "titleStmt", "author")) if header is not None else None


def _agent(action) -> str | None:
    return words(next(iter(_in(action, *AGENTS)), None))


def _place(element) -> str | None:
    return words(next(iter(_in(element, *PLACES)), None))


def _first_dated(candidates: list):
    """The first element with dating attributes and text, else with attributes, else with text."""
    dated = [e for e in candidates if any(attribute(e, k) for k in ("when", "notBefore", "notAfter", "from", "to"))]
    written = [e for e in candidates if words(e)]
    return ([e for e in dated if e in written] or dated or written or [None])[0]


def _date_of(element, source: str) -> DateRange | None:
    if element is None:
        return None
    return stated_date(element, source) or given_date(words(element), source, element.sourceline)


def _kind(text, header) -> str | None:
    stated = attribute(text, "type")
    if stated in KINDS:
        return stated
    terms = _in_all(first(header, "profileDesc", "textClass") if header is not None else None, "term")
    return next((words(t).lower() for t in terms if words(t) and words(t).lower() in KINDS), None)


def _archive_ref(source_desc) -> str | None:
    identifier = next(iter(_in_all(source_desc, "msIdentifier")), None)
    if identifier is None:
        return None
    parts = [words(e) for e in children(identifier) if attribute(e, "type") != "chronotope"]
    return ", ".join(p for p in parts if p) or None


def _doc_id(header, tei) -> str | None:
    stated = [words(i) for i in _in(first(header, "fileDesc", "publicationStmt") if header is not None else None,
                                     "idno") if attribute(i, "type") == "chronotope"]
    for candidate in [*stated, attribute(tei, "xml:id")]:
        if candidate and id_problem(candidate) is None:
            return candidate
    return None


def _lang_usage(header) -> str | None:
    language = next(iter(_in_all(header, "language")), None)
    return attribute(language, "ident")
