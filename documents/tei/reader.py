"""TEI P5 files read into documents: one per `TEI` (each of a `teiCorpus`), or one per
`div[@type="document"]` of a TEI that holds several documents in its body."""
from __future__ import annotations

from documents.assemble import assemble_document, given_id
from documents.errors import DocumentError
from documents.model import Document
from documents.tei.header import Fields, div_fields, header_fields
from documents.tei.parsing import attribute, children, descendants, first, name, parse_tei, words, xpath_of
from documents.tei.text import body_text


def read_tei(text: str, source: str) -> tuple[list[Document], list[DocumentError]]:
    """Return the documents of a TEI file, and a warning for each one that cannot be read.

    Raises DocumentError (naming the line) for a file that is not well-formed TEI, holds no
    document, or whose only document cannot be read.
    """
    root = parse_tei(text, source)
    teis = [root] if name(root) == "TEI" else descendants(root, "TEI")
    anchors = place_anchors(root)
    units = [unit for tei in teis for unit in _units(tei, source, anchors)]
    if not units:
        raise DocumentError("no document: a <TEI> needs a <text> with a <body>", source, root.sourceline)
    documents, warnings = [], []
    for read in units:
        try:
            documents.append(read())
        except DocumentError as err:
            if len(units) == 1:
                raise
            warnings.append(err)
    return documents, warnings


def place_anchors(root) -> dict[str, tuple[str, ...]]:
    """The identifiers of each `place` with an xml:id in the file (its `listPlace`): its typed
    `idno`s ("geonames:616052" for a GeoNames number), `ptr/@target`, `@sameAs` and `@corresp`."""
    anchors = {}
    for place in descendants(root, "place"):
        own = attribute(place, "xml:id")
        if not own:
            continue
        found = []
        for idno in children(place, "idno"):
            value, kind = words(idno), (attribute(idno, "type") or "").lower()
            if value:
                found.append(f"geonames:{value}" if kind == "geonames" and value.isdigit() else value)
        found += [attribute(p, "target") for p in children(place, "ptr")]
        found += [attribute(place, key) for key in ("sameAs", "corresp")]
        anchors[own] = tuple(v for f in found if f for v in f.split())
    return anchors


def _units(tei, source: str, anchors: dict[str, tuple[str, ...]]) -> list:
    """A reader (a function of no arguments) per document the TEI element holds."""
    body = first(tei, "text", "body")
    if body is None:
        return []
    divs = [d for d in descendants(body, "div") if attribute(d, "type") == "document"]
    if not divs:
        return [lambda: _document(header_fields(tei, source), body, source, tei.sourceline, anchors)]

    def of_div(div):
        return lambda: _document(div_fields(div, header_fields(tei, source), source), div, source,
                                 div.sourceline, anchors, skip=frozenset({"head"}))

    return [of_div(div) for div in divs]


def _document(fields: Fields, container, source: str, line: int, anchors: dict[str, tuple[str, ...]],
              skip: frozenset[str] = frozenset()) -> Document:
    text, markup = body_text(container, source, skip, anchors)
    if not text and not fields.title:
        raise DocumentError(f"no document: {xpath_of(container)} has neither a title nor any text", source, line)
    return assemble_document(
        source, line, fields.title, fields.date, text, origin=fields.origin, author=fields.author,
        recipient=fields.recipient, kind=fields.kind, archive_ref=fields.archive_ref,
        published_in=fields.published_in, doc_id=given_id(fields.doc_id, source, line), heading=fields.heading,
        language=fields.language, markup=markup)

