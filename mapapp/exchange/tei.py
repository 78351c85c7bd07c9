"""A document as TEI P5: the header from its fields, the text with its places, dates and movements
marked up by their offsets, and a standOff list of the places it names."""
from __future__ import annotations

import re
from typing import NamedTuple
from xml.sax.saxutils import escape, quoteattr

TEI_NS = "http://www.tei-c.org/ns/1.0"
# A reading the machine made, not one a person confirmed, says so: @resp points at the header's
# respStmt, and the TEI reader gives it back unconfirmed.
MACHINE = (("resp", "#chronotope"),)
MACHINE_STMT = ('<respStmt xml:id="chronotope"><resp>places, dates and movements read by machine</resp>'
                "<name>Chronotope</name></respStmt>")


class Span(NamedTuple):
    """A marked stretch of the body: [start, end) offsets, the element and its attributes."""

    start: int
    end: int
    tag: str
    attrs: tuple[tuple[str, str], ...]


def xml_id(prefix: str, value: str) -> str:
    """An xml:id (an NCName) made from any id: letters, digits, '.', '-', '_' kept, the rest '_'."""
    return prefix + re.sub(r"[^A-Za-z0-9._-]", "_", value)


def date_attrs(earliest: str | None, latest: str | None) -> tuple[tuple[str, str], ...]:
    """@when for a day, else @notBefore/@notAfter for an interval; nothing for an unknown date."""
    if earliest and earliest == latest:
        return (("when", earliest),)
    attrs = []
    if earliest:
        attrs.append(("notBefore", earliest))
    if latest:
        attrs.append(("notAfter", latest))
    return tuple(attrs)


def document_spans(doc: dict) -> list[Span]:
    """The places, dates and movements of a document as spans over its body."""
    spans = []
    for m in doc.get("places") or []:
        attrs = (("ref", "#" + xml_id("pl-", m["place_id"])),) if m.get("place_id") else ()
        spans.append(Span(m["start"], m["end"], "placeName", attrs + _whose(m)))
    for d in doc.get("dates") or []:
        spans.append(Span(d["start"], d["end"], "date", date_attrs(d.get("earliest"), d.get("latest")) + _whose(d)))
    for n, mv in enumerate(doc.get("movements") or []):
        attrs = (("type", "movement"), ("subtype", mv.get("kind") or "movement"),
                 ("n", str(n)))
        spans.append(Span(mv["start"], mv["end"], "seg", attrs))
    return spans


def _whose(reading: dict) -> tuple[tuple[str, str], ...]:
    """Nothing for a reading a person confirmed; @resp="#chronotope" for the machine's."""
    review = reading.get("review")
    return () if isinstance(review, dict) and review.get("status") == "confirmed" else MACHINE


def _open(span: Span) -> str:
    return f"<{span.tag}" + "".join(f" {k}={quoteattr(v)}" for k, v in span.attrs) + ">"


def marked_up(text: str, spans: list[Span], offset: int = 0) -> str:
    """`text` (which starts at `offset` of the body) with `spans` as nested elements.

    A span that would cross another's edge, or leave the text, is left out: XML nests.
    """
    chosen, stack = [], []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.start < offset or span.end > offset + len(text) or span.start >= span.end:
            continue
        while stack and stack[-1].end <= span.start:
            stack.pop()
        if stack and span.end > stack[-1].end:
            continue  # crosses the edge of the enclosing span
        chosen.append(span)
        stack.append(span)
    events = sorted([(s.start, 1, -s.end, i) for i, s in enumerate(chosen)] +
                    [(s.end, 0, -s.start, -i) for i, s in enumerate(chosen)])
    out, at = [], offset
    for position, opening, _, i in events:
        i = abs(i)
        out.append(escape(text[at - offset:position - offset]))
        at = position
        out.append(_open(chosen[i]) if opening else f"</{chosen[i].tag}>")
    out.append(escape(text[at - offset:]))
    return "".join(out)


def _paragraphs(body: str, spans: list[Span]) -> list[str]:
    """One `p` per line of the body, an empty line too: under xml:space="preserve" the TEI reader
    reads back the body exactly, so the offsets of a re-import are the atlas's."""
    out, start = [], 0
    for line in body.split("\n"):
        out.append(f"<p>{marked_up(line, spans, start)}</p>" if line else "<p/>")
        start += len(line) + 1
    return out


def _el(tag: str, text: str | None, **attrs: str) -> str:
    attr = "".join(f" {k}={quoteattr(v)}" for k, v in attrs.items())
    return f"<{tag}{attr}>{escape(text)}</{tag}>" if text else ""


def _standoff(doc: dict, places: dict[str, dict]) -> str:
    seen, items = set(), []
    for m in doc.get("places") or []:
        pid = m.get("place_id")
        if not pid or pid in seen:
            continue
        seen.add(pid)
        place = places.get(pid, {})
        names = [n for n in place.get("names", [])] or [{"toponym": m.get("name") or m["text"]}]
        name_xml = "".join(f"<placeName{' xml:lang=' + quoteattr(n['lang']) if n.get('lang') else ''}>"
                           f"{escape(n['toponym'])}</placeName>" for n in names)
        geo = (f"<location><geo>{m['lat']} {m['lon']}</geo></location>"
               if m.get("lat") is not None and m.get("lon") is not None else "")
        source = place.get("coord_source")
        note = f"<note type=\"source\">{escape(source)}</note>" if source else ""
        items.append(f"<place xml:id={quoteattr(xml_id('pl-', pid))}>{name_xml}{geo}"
                     f"<idno type=\"chronotope\">{escape(pid)}</idno>{note}</place>")
    return f"<standOff><listPlace>{''.join(items)}</listPlace></standOff>" if items else ""


def tei_document(doc: dict, places: dict[str, dict], version: str) -> str:
    """The TEI P5 XML text of one atlas document (`places`: the atlas place properties by id)."""
    title = doc.get("title") or doc["id"]
    when = date_attrs(doc.get("earliest"), doc.get("latest"))
    date_xml = ("<origDate" + "".join(f" {k}={quoteattr(v)}" for k, v in when) + ">"
                + escape(doc.get("date_text") or "") + "</origDate>") if when or doc.get("date_text") else ""
    origin = _el("origPlace", doc.get("origin"))
    history = f"<history><origin>{origin}{date_xml}</origin></history>" if origin or date_xml else ""
    recipient = (f"<correspAction type=\"received\"><persName>{escape(doc['recipient'])}</persName>"
                 f"</correspAction>") if doc.get("recipient") else ""
    sent = (_el("persName", doc.get("author")) + _el("placeName", doc.get("origin"))
            + ("<date" + "".join(f" {k}={quoteattr(v)}" for k, v in when) + "/>" if when else ""))
    sender = f"<correspAction type=\"sent\">{sent}</correspAction>" if sent else ""
    profile = (f"<profileDesc><correspDesc>{sender}{recipient}</correspDesc></profileDesc>"
               if sender or recipient else "")
    published = f"<bibl type=\"published\">{escape(doc['published_in'])}</bibl>" if doc.get("published_in") else ""
    heading = f"<title type=\"heading\">{escape(doc['heading'])}</title>" if doc.get("heading") else ""
    archive = (f"<idno type=\"archive\">{escape(doc['archive_ref'])}</idno>" if doc.get("archive_ref")
               else f"<idno type=\"chronotope\">{escape(doc.get('source') or doc['id'])}</idno>")
    text_attrs = "".join(f" {k}={quoteattr(doc[f])}" for k, f in (("type", "kind"), ("xml:lang", "language"))
                         if doc.get(f))
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="{TEI_NS}" xml:id={quoteattr(xml_id("doc-", doc["id"]))}>'
        f"<teiHeader><fileDesc><titleStmt><title>{escape(title)}</title>{heading}{_el('author', doc.get('author'))}"
        f"{MACHINE_STMT}</titleStmt><publicationStmt><publisher>Chronotope</publisher>"
        f"<idno type=\"chronotope\">{escape(doc['id'])}</idno><availability><p>Exported from Chronotope, "
        f"atlas version {escape(version)}; places, dates and movements as the atlas read them.</p></availability>"
        f"</publicationStmt><sourceDesc><msDesc><msIdentifier>{archive}</msIdentifier>{history}</msDesc>"
        f"{published}</sourceDesc></fileDesc>{profile}</teiHeader>"
        f"<text{text_attrs}><body><div xml:space=\"preserve\">"
        f"{''.join(_paragraphs(doc.get('body') or '', document_spans(doc)))}</div></body></text>"
        f"{_standoff(doc, places)}</TEI>\n")
