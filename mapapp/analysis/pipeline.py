"""The analysis of one text or document: its dates, place mentions and movements.

This is where `documents` (dates) and `gazetteer` (places, movements) meet; neither knows
the other. The record helpers give the JSON shapes `chronotope geoparse --json` and
`chronotope documents --json` print, with character offsets into the analysed text.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from documents.assemble import with_stated_dates
from documents.dates import find_dates
from documents.dehyphenate import Dehyphenated, dehyphenate
from documents.edtf import edtf_of, period
from documents.language import detect_language
from documents.model import DateRange, Document, FoundDate, Markup
from gazetteer.cycles import paused_cycle_collection
from gazetteer.geoparse.linker import TextContext, geoparse
from gazetteer.model import Candidate, DatedSpan, Mention, Movement
from gazetteer.movements.finder import find_movements
from gazetteer.movements.network import RouteNetwork, load_network
from gazetteer.movements.parties import actor_party
from gazetteer.places.index import load_gazetteer
from mapapp.analysis import markup as source_markup

# The status of a movement stated only in a heading: the heading's (the compiler's) reading.
HEADING_STATUS = "stated only in the heading"


@dataclass(frozen=True)
class TextAnalysis:
    """What the pipeline finds in one text: place mentions, dates and movements, in text order."""

    mentions: tuple[Mention, ...]
    dates: tuple[FoundDate, ...]
    movements: tuple[Movement, ...]
    # A document's heading states movements too ("... DIVISION HAS BEEN DEPLOYED AGAINST ARMENIA");
    # their start/end are offsets into the heading, not the body.
    heading_movements: tuple[Movement, ...] = ()
    language: str | None = None   # BCP 47, given or detected (documents.language)
    # Readings the source marks up itself (TEI), as ("place" | "date", start, end): confirmed, not the machine's.
    confirmed: frozenset[tuple[str, int, int]] = frozenset()
    warnings: tuple[str, ...] = ()  # e.g. a markup ref that names no gazetteer place, with file and XPath

    def review_of(self, kind: str, item) -> dict | None:
        """The review record of a place mention or date (`kind` "place" or "date"): confirmed when
        the source's markup states it, None for the machine's readings."""
        return source_markup.review() if (kind, item.start, item.end) in self.confirmed else None


def analyse_text(text: str, context: DateRange | None = None, origin: str | None = None,
                 gazetteer=None, language: str | None = None, markup: tuple[Markup, ...] = (),
                 lines: bool = True) -> TextAnalysis:
    """Return the analysis of `text`; `context` is its date, `origin` its place of writing,
    `language` its language when known (else it is detected), `markup` the readings the source
    states itself (they replace the machine's over the same words, and are `confirmed`).
    `lines=False` leaves the movements' drawn `path` empty, for a caller that never draws them.

    Words split at a line end ("Alexan-\\ndropol") are read whole; every offset points into
    `text` as given, and a mention spanning such a break is marked fuzzy.
    """
    with paused_cycle_collection():
        return _analyse(text, context, origin, gazetteer, language, markup, lines)


def _analyse(text: str, context: DateRange | None, origin: str | None, gazetteer, language: str | None,
             markup: tuple[Markup, ...], lines: bool = True) -> TextAnalysis:
    joined = dehyphenate(text)
    read = joined.text
    dates = tuple(find_dates(read, context))
    span = context or _span_of(dates)
    text_context = TextContext(span.earliest if span else None, span.latest if span else None, origin)
    mentions = tuple(geoparse(read, gazetteer, text_context))
    warnings: list[str] = []
    if markup:
        stated = source_markup.in_read_text(markup, joined)
        found, warnings = source_markup.with_place_markup(mentions, stated, gazetteer or load_gazetteer())
        mentions, dates = tuple(found), tuple(with_stated_dates(dates, stated))
    movements = tuple(_find_movements(read, mentions, dates, context, lines))
    analysis = TextAnalysis(mentions, dates, movements, language=language or detect_language(text),
                            confirmed=frozenset((m.kind, m.start, m.end) for m in markup
                                                if source_markup.confirms(m)),
                            warnings=tuple(warnings))
    return _in_original(analysis, joined, text) if joined.cuts else analysis


def _in_original(analysis: TextAnalysis, joined: Dehyphenated, text: str) -> TextAnalysis:
    """The analysis of the rejoined text with its spans and quoted text mapped back to `text`."""
    def spanned(item, **more):
        start, end = joined.span_in_original(item.start, item.end)
        return replace(item, start=start, end=end, text=text[start:end], **more)

    return replace(
        analysis,
        mentions=tuple(spanned(m, fuzzy=m.fuzzy or joined.crosses_a_cut(m.start, m.end))
                       for m in analysis.mentions),
        dates=tuple(spanned(d) for d in analysis.dates),
        movements=tuple(spanned(m) for m in analysis.movements))


def analyse_document(doc: Document, gazetteer=None) -> TextAnalysis:
    """Return the analysis of a document's body, dated by the document's own date.

    `heading_movements` are the movements its heading states (offsets into the heading: the
    compiler's heading when it has one, else its title). They are a heading's reading, not the
    document's words, so each gets the status HEADING_STATUS: never drawn as carried out.
    """
    body = analyse_text(doc.body, doc.date, doc.origin, gazetteer, doc.language, doc.markup)
    heading_text = heading_of(doc)
    if not heading_text:
        return body
    heading = analyse_text(heading_text, doc.date, doc.origin, gazetteer).movements
    return replace(body, heading_movements=tuple(replace(m, status=HEADING_STATUS) for m in heading))


def heading_of(doc: Document) -> str | None:
    """Return the heading printed over a document: the compiler's if there is one, else its title."""
    return doc.heading or doc.title


def _span_of(dates: tuple[FoundDate, ...]) -> DateRange | None:
    """The range from the first to the last date a text names (its likely period), if any."""
    dates = tuple(d for d in dates if d.range.has_year)
    if not dates:
        return None
    return DateRange(min(d.range.earliest for d in dates), max(d.range.latest for d in dates), "")


def _find_movements(text, mentions, dates, context, lines: bool = True) -> list[Movement]:
    dated = [DatedSpan(d.start, d.end, d.range.earliest, d.range.latest) for d in dates if d.range.has_year]
    default = (context.earliest, context.latest) if context else (None, None)
    return find_movements(text, list(mentions), dated, default, _network(), lines)


@cache
def _network() -> RouteNetwork:
    """The 1920 roads and railways movements are drawn along (loaded once)."""
    return load_network()


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def candidate_record(candidate: Candidate) -> dict:
    """Return the JSON record of one candidate place of a mention."""
    p = candidate.place
    return {"place_id": p.id, "name": p.name, "kind": p.kind, "lat": p.lat, "lon": p.lon,
            "score": candidate.score, "source": p.layer, "reasons": list(candidate.reasons)}


def place_record(mention: Mention, review: dict | None = None) -> dict:
    """Return the JSON record of a place mention; an unresolved one has null place and point.

    `review` (a reading confirmed by the source's markup) is added as the record's `review`."""
    return {**place_head(mention), "candidates": [candidate_record(c) for c in mention.candidates],
            **place_tail(mention, review)}


def place_head(mention: Mention) -> dict:
    """The fields of a place record before its `candidates`."""
    p = mention.place
    return {"start": mention.start, "end": mention.end, "text": mention.text,
            "place_id": p.id if p else None, "name": p.name if p else None,
            "kind": p.kind if p else None, "lat": p.lat if p else None, "lon": p.lon if p else None,
            "score": mention.score, "uncertainty_km": p.uncertainty_km if p else None}


def place_tail(mention: Mention, review: dict | None = None) -> dict:
    """The fields of a place record after its `candidates` (often none)."""
    return {**({"fuzzy": True} if mention.fuzzy else {}), **({"review": review} if review else {})}


def date_record(found: FoundDate, review: dict | None = None) -> dict:
    """Return the JSON record of a date found in a text: its span, interval and EDTF form.

    A date whose year is unknown has null `earliest`/`latest` and an EDTF form like
    "XXXX-04-23"; `note` (only when there is one) says how the date was read. `calendar` is the
    calendar it was written in, and `as_written` (null for a Gregorian date) the date in it.
    """
    span = found.range
    record = {"text": found.text, "start": found.start, "end": found.end,
              "earliest": _iso(span.earliest), "latest": _iso(span.latest),
              "edtf": edtf_of(span), "calendar": span.calendar,
              "as_written": span.written.record() if span.written else None}
    if found.range.note:
        record["note"] = found.range.note
    if review:
        record["review"] = review
    return record


def route_record(movement: Movement, in_heading: bool = False, writer: str | None = None) -> dict:
    """Return the JSON record of a movement, its waypoints in order of movement.

    `in_heading`: the movement is stated in the document's heading, and start/end are offsets
    into the heading (the record then says so with `"in_heading": true`). `party` is the side the
    actor belongs to where the words make it clear (`writer`, the author, for "our troops").
    """
    record = {"start": movement.start, "end": movement.end, "text": movement.text,
              "kind": movement.kind, "status": movement.status,
              "earliest": _iso(movement.earliest), "latest": _iso(movement.latest),
              "edtf": period(movement.earliest, movement.latest), "actor": movement.actor, "party": actor_party(movement.actor, writer, movement.earliest),
              "approximate": movement.approximate,
              "waypoints": [{"place_id": w.id, "name": w.name, "lat": w.lat, "lon": w.lon}
                            for w in movement.waypoints]}
    if in_heading:
        record["in_heading"] = True
    return record


def analysis_fields(source: str, analysis: TextAnalysis) -> dict:
    """Return the `chronotope geoparse --json` object for one input, its lists as iterators
    (a long text's records are then written one at a time, never all held at once)."""
    return {"source": source, "places": (place_record(m, analysis.review_of("place", m)) for m in analysis.mentions),
            "dates": (date_record(d, analysis.review_of("date", d)) for d in analysis.dates),
            "routes": map(route_record, analysis.movements),
            "language": analysis.language}


def analysis_record(source: str, analysis: TextAnalysis) -> dict:
    """Return the `chronotope geoparse --json` object for one input."""
    return {k: list(v) if isinstance(v, Iterator) else v for k, v in analysis_fields(source, analysis).items()}


def document_places(doc: Document) -> list[dict]:
    """Return the place records of a document, with offsets into its body."""
    analysis = analyse_document(doc)
    return [place_record(m, analysis.review_of("place", m)) for m in analysis.mentions]
