"""The archival collection page: many documents in one text, as published on the web.

Each document is a heading (CAPITALS or Title Case, one or more lines, maybe after "№ 514"),
a date line ("Kars, January 8, 1921"), the body, then the archival citation ("RGASPI, f. 5,
...") and publication notes. A document with no heading opens with a dating clause right after
the previous document's citation ("On the 10th day of August 1920, ..."). Everything else
(footnotes, the book credit, "Read Also:" and teaser titles) is page furniture.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from documents.assemble import assemble_document
from documents.citations import PUBLICATION, editorial_notes, find_citation, find_publication
from documents.compilations import collection_of
from documents.datelines import (
    DATELINE_PRECISIONS,
    Dateline,
    read_dateline,
    read_inline_dateline,
    read_trailing_dateline,
)
from documents.dates import find_dates
from documents.errors import DocumentError
from documents.headings import (
    continues_heading,
    is_capitals,
    is_furniture,
    is_heading_like,
    is_loose_heading,
    is_number_marker,
    is_stamp,
    is_strong_heading,
    strip_number,
)
from documents.kinds import opens_with_kind
from documents.model import Collection, DateRange, Document

# A line that tries to be a date line ("February 30, 1921", "No. 5, Kars, 31.II.21") but is not read.
_DATEISH = re.compile(
    r"^\s*(?:(?:No\.|№)\s*\w+,\s*)?(?:[A-Z][\w-]*[,.]\s+)?(?:(?:Early|Mid|Late)[\s-]+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December)\b(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?\s+\d{2,4}\s*\.?\s*$"
    r"|^\s*\d{1,2}\s?[./]\s?[IVX]+\s?[./-]\s?\d{2,4}\s*$"
)


@dataclass(frozen=True)
class Line:
    number: int  # 1-based
    start: int   # offset of the line in the text
    text: str


@dataclass(frozen=True)
class Anchor:
    """Where a document starts: its heading lines, its date line and where its body begins."""

    line: int            # 1-based line of the heading (or of the dating clause)
    start: int           # offset where the document (its heading) begins
    title: str | None
    dateline: Dateline
    body_start: int      # offset where the body begins
    needs_citation: bool = False  # a heading over text with no date line: kept only if cited


def _lines(text: str) -> list[Line]:
    lines, offset = [], 0
    for number, line in enumerate(text.split("\n"), start=1):
        lines.append(Line(number, offset, line))
        offset += len(line) + 1
    return lines


def _heading_above(lines: list[Line], index: int, floor: int, start: str | None = None,
                   loose: bool = False) -> list[Line]:
    """Return the heading lines just above lines[index]: a block of heading-like lines.

    `start` is the part of the heading on lines[index] itself, if any. Blank lines are crossed
    between a date line and its heading, and above a part that reads as a heading's second half
    ("On Joint Discussion ...", "(Copy to: ...)"); otherwise a blank line ends the heading (so a
    page's category label such as "History" is not taken in). With `loose` (between documents,
    where no body text can be), a heading may also be in sentence case.
    """
    found: list[Line] = []
    i = index - 1
    while i >= floor:
        text = lines[i].text
        if is_stamp(text) or not found and start is None and is_number_marker(text):
            i -= 1  # "Top Secret", "Copy", or "No. 03" between the heading and its date
            continue
        if not text.strip():
            top = found[0].text if found else start
            if top is not None and not _heading_goes_on_above(top, lines, i, floor):
                break
        elif (is_heading_like(text) or loose and is_loose_heading(text)) and read_dateline(text) is None:
            if found and is_capitals(found[0].text) and not is_capitals(text):
                break  # a heading in CAPITALS does not go on in Title Case (that is a signature above)
            found.insert(0, lines[i])
        else:
            break
        i -= 1
    return found


def _heading_goes_on_above(top: str, lines: list[Line], index: int, floor: int) -> bool:
    """Return True if the heading whose top line is `top` goes on above the blank lines[index].

    It does when `top` reads as a second half ("On Joint Discussion ...") under a heading line, or
    when `top` names no kind ("Territories in Dispute ...") under a long heading line.
    """
    above = _heading_line_above(lines, index, floor)
    if not above:
        return False
    return continues_heading(top) or (not opens_with_kind(top) and is_strong_heading(above))


def _heading_line_above(lines: list[Line], index: int, floor: int) -> str:
    """Return the first non-blank line above lines[index] if it is a heading of four words or more.

    (A page's one-word category label, such as "History", is not the first half of a heading.)
    """
    i = index - 1
    while i >= floor and not lines[i].text.strip():
        i -= 1
    text = lines[i].text if i >= floor else ""
    return text if len(text.split()) >= 4 and is_heading_like(text) and read_dateline(text) is None else ""


def _title(parts: list[str]) -> str:
    """Return the heading as printed, whitespace-normalised, without a page title repeated above it.

    (A web page may print its own title, the heading cut short, just above the full heading.)
    """
    parts = [re.sub(r"\s+", " ", part).strip() for part in parts if part.strip()]
    if len(parts) > 1 and " ".join(parts[1:]).startswith(parts[0].rstrip(".…").rstrip()):
        parts = parts[1:]
    return strip_number(" ".join(parts))


def _anchor(lines: list[Line], index: int, floor: int, in_body: bool) -> Anchor | None:
    """Return the document that starts at lines[index] (its date line), or None."""
    line = lines[index]
    dateline = read_dateline(line.text)
    if dateline is not None:
        heading, extra = _heading_above(lines, index, floor, loose=not in_body), []
        if dateline.clause and not heading:  # "On the 10th day of August 1920, the ...": no heading
            if in_body or len(line.text.split()) < 8:
                return None
            return Anchor(line.number, line.start, None, dateline, line.start)
    else:
        trailing = read_trailing_dateline(line.text)
        if trailing is None or not (is_heading_like(trailing[0]) or not in_body and is_loose_heading(trailing[0])):
            trailing = read_inline_dateline(line.text)
            if trailing is None or (in_body and not is_heading_like(trailing[0])):
                return _undated(lines, index, floor, in_body)
        extra, dateline = [trailing[0]], trailing[1]
        heading = _heading_above(lines, index, floor, trailing[0], loose=not in_body)
    if not heading and not extra:
        return None
    title = _title([h.text for h in heading] + extra)
    if not title or (in_body and not (is_strong_heading(title) and _text_follows(lines, index, dateline))):
        return None
    first = heading[0] if heading else line
    return Anchor(first.number, first.start, title, dateline, line.start + dateline.end)


def _text_follows(lines: list[Line], index: int, dateline: Dateline) -> bool:
    """Return True if some text, not straight away a citation, follows the date line.

    Inside a document, a signature over a date and the citation ("Plenipotentiary Representative
    ... B. Legrand / 10 August 1920 / RGASPI, f. ...") looks like a heading and a date line.
    """
    rest = lines[index].text[dateline.end:].strip()
    following = [line.text.strip() for line in lines[index + 1:index + 4] if line.text.strip()]
    first = rest or (following[0] if following else "")
    cited = find_citation(first) or find_publication(first)
    return bool(first) and not (cited and cited.start == 0)


def _undated(lines: list[Line], index: int, floor: int, in_body: bool) -> Anchor | None:
    """Return a document whose long heading is followed straight by its text, with no date line."""
    line = lines[index]
    if in_body or is_heading_like(line.text) or len(line.text.split()) < 8:
        return None
    heading = _heading_above(lines, index, floor)
    title = _title([h.text for h in heading])
    if not heading or not is_strong_heading(title):
        return None
    return Anchor(heading[0].number, heading[0].start, title, Dateline("", 0, 0, None), line.start,
                  needs_citation=True)


def _find_anchors(text: str, lines: list[Line], source: str) -> tuple[list[Anchor], list[DocumentError], int]:
    """Return the documents' anchors, warnings for unreadable date lines, and where furniture starts."""
    anchors, warnings = [], []
    floor, in_body = 0, False
    for index, line in enumerate(lines):
        if is_furniture(line.text):
            return anchors, warnings, line.start
        anchor = _anchor(lines, index, floor, in_body)
        if anchor is not None:
            anchors.append(anchor)
            in_body, floor = True, index + 1
            after = anchor.body_start - line.start
        elif not in_body and _DATEISH.match(line.text) and _heading_above(lines, index, floor):
            warnings.append(DocumentError(f"cannot read the date {line.text.strip()!r}; document skipped",
                                          source, line.number))
            floor = index + 1
            continue
        else:
            after = 0
        line_end = line.start + len(line.text)
        if in_body and _is_cited(text, line.start + after, line_end):
            in_body, floor = False, index + 1
    return anchors, warnings, len(text)


def _origin(dateline: Dateline, body: str) -> str | None:
    """Return the place of writing from the date line, or from the text's own opening dateline."""
    if dateline.place:
        return dateline.place
    first_line = body.split("\n", 1)[0]
    own = read_dateline(first_line)
    return own.place if own is not None and not own.clause else None


def _closing_dateline(body: str) -> Dateline | None:
    """Return a date line among the last lines of a body (a text dated under its signature)."""
    for line in [line for line in body.split("\n") if line.strip()][-3:][::-1]:
        found = read_dateline(line)
        if found is not None and found.range is not None and not found.clause:
            return found
    return None


# The compiler's own cut, as the compilation prints it (the ellipses of the original are "…" alone).
OMISSION = "<…>"


def compiler_marks(text: str, start: int, end: int, body: str) -> tuple[str, ...]:
    """Return the compiler's editorial marks on the document in text[start:end]: emphasis, omissions."""
    marks = editorial_notes(text, start, end)
    if OMISSION in body:
        marks += (f"{OMISSION} marks a passage the compiler left out",)
    return marks


def _document(text: str, anchor: Anchor, end: int, source: str, collection: Collection | None) -> Document:
    """Return the document that runs from `anchor` to offset `end` of `text`, from `collection`."""
    citation = find_citation(text, anchor.body_start, end)
    publication = find_publication(text, anchor.body_start, end)
    body_end = min(c.start for c in (citation, publication) if c) if citation or publication else end
    if publication and citation and publication.start < citation.start:
        # "Sources: AVPR, f. 148, ...": the label introduces the citation, not a publication
        introduces = bool(PUBLICATION.fullmatch(text[publication.start:citation.start].strip()))
        later = find_publication(text, citation.start, end)
        publication = later or (None if introduces else publication)
    body = text[anchor.body_start:body_end].strip().lstrip(",;.").strip()
    dateline = anchor.dateline
    if dateline.range is None and anchor.needs_citation:
        dateline = _closing_dateline(body) or dateline
    return assemble_document(
        source, anchor.line, None, dateline.range, body,
        origin=_origin(dateline, body) if dateline.range else None,
        archive_ref=citation.text if citation else None,
        published_in=publication.text if publication else None,
        heading=anchor.title or "", collection=collection,
        editorial_notes=compiler_marks(text, anchor.body_start, end, body),
    )


def read_collection(text: str, source: str) -> tuple[list[Document], list[DocumentError]]:
    """Return the documents of a collection page and a warning for each one that cannot be read.

    Raises DocumentError when the text holds no recognisable document.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = _lines(text)
    anchors, warnings, furniture = _find_anchors(text, lines, source)
    if not anchors and not warnings:
        documents = _by_citations(text[:furniture], lines, source)
        if documents:
            layout = DocumentError("no heading and date line found; documents taken as the texts before "
                                   "each archival citation", source, 1)
            return documents, [layout]
    if not anchors:
        if warnings:
            raise warnings[0]
        raise DocumentError("no document found (expected a heading followed by a date line)", source, 1)
    ends = [a.start for a in anchors[1:]] + [furniture]
    collection = collection_of(text)
    documents = [_document(text, anchor, end, source, collection) for anchor, end in zip(anchors, ends, strict=True)
                 if not anchor.needs_citation or _is_cited(text, anchor.body_start, end)]
    if not documents:
        raise DocumentError("no document found (expected a heading followed by a date line)", source, 1)
    return documents, warnings


def _by_citations(text: str, lines: list[Line], source: str) -> list[Document]:
    """Return the texts that end with an archival citation, as documents (a last resort).

    Each runs from the line after the citation before; its first line is its heading if it reads
    as one, and its date is its first date line, else the first date it mentions.
    """
    documents, start = [], 0
    while (citation := find_citation(text, start)) is not None:
        segment_start = start
        line_end = text.find("\n", citation.end)
        start = len(text) if line_end < 0 else line_end + 1
        segment = text[segment_start:citation.start].strip()
        head, _, rest = segment.partition("\n")
        titled = bool(rest.strip()) and (is_heading_like(head) or is_loose_heading(head))
        body = rest.strip() if titled else segment
        if len(body.split()) < 5:
            continue
        first = segment_start + len(text[segment_start:]) - len(text[segment_start:].lstrip())
        number = next(line.number for line in reversed(lines) if line.start <= first)
        documents.append(assemble_document(source, number, None, _first_date(body), body,
                                           archive_ref=citation.text, heading=head.strip() if titled else "",
                                           collection=collection_of(text)))
    return documents


def _first_date(body: str) -> DateRange | None:
    """Return the date of a text's first date line, else of the first date it mentions, or None."""
    for line in body.split("\n"):
        found = read_dateline(line)
        if found is not None and found.range is not None:
            return found.range
    mentioned = [f for f in find_dates(body) if f.range.has_year and f.range.precision in DATELINE_PRECISIONS]
    return mentioned[0].range if mentioned else None


def _is_cited(text: str, start: int, end: int) -> bool:
    """Return True if text[start:end] holds an archival citation or a publication note."""
    return bool(find_citation(text, start, end) or find_publication(text, start, end))
