"""W3C Web Annotations <-> `Annotation`: the one reading of a correction, with clear refusals.

A correction is one annotation on one document. Its first body says what the editor states
(a place link, a rejection, a date, a movement, a document field); an optional second body
with `purpose: "commenting"` is the editor's note. The target is the document (its id or URL),
with a TextQuoteSelector and a TextPositionSelector over its `body` for anything in the text.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import date

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
NS = "https://w3id.org/chronotope/ns#"
# Our own terms, so that JSON-LD expansion keeps every field (anno.jsonld defines the rest).
OWN_CONTEXT = {
    "ctns": NS,
    "DateValue": "ctns:DateValue", "MovementValue": "ctns:MovementValue", "FieldValue": "ctns:FieldValue",
    "earliest": "ctns:earliest", "latest": "ctns:latest", "precision": "ctns:precision",
    "calendar": "ctns:calendar", "dateText": "ctns:dateText",
    "actor": "ctns:actor", "kind": "ctns:kind", "status": "ctns:status",
    "waypoints": {"@id": "ctns:waypoints", "@container": "@list"},
    "field": "ctns:field", "orphaned": "ctns:orphaned",
    # Terms of the Web Annotation model that some copies of anno.jsonld lack.
    "nickname": "http://xmlns.com/foaf/0.1/nick", "assessing": "http://www.w3.org/ns/oa#assessing",
}
CONTEXT = [ANNO_CONTEXT, OWN_CONTEXT]

# What a correction does, by its first body.
LINK, REJECT, CONFIRM, DATE, MOVEMENT, FIELD = "link", "reject", "confirm", "date", "movement", "field"
REJECTIONS = ("not-a-place", "not-this-place", "not-a-date", "not-a-movement")
FIELDS = ("title", "author", "recipient", "origin", "kind")
PRECISIONS = ("day", "month", "year", "season", "range")
CALENDARS = ("gregorian", "julian")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAX_TEXT = 2000


class AnnotationError(ValueError):
    """An annotation that cannot be taken; the message names the field and the problem."""


@dataclass(frozen=True)
class Selection:
    """Where in the document's body the annotation points: the quote and its old position."""

    exact: str
    prefix: str = ""
    suffix: str = ""
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Annotation:
    """One correction. `value` holds the body's own fields (a date's, a movement's, a field's)."""

    document_id: str
    action: str                        # LINK REJECT CONFIRM DATE MOVEMENT FIELD
    selection: Selection | None        # None: the document as a whole (its date, a field)
    place: str | None = None           # LINK: the gazetteer id
    value: tuple[tuple[str, object], ...] = ()
    note: str | None = None
    id: str | None = None              # the store's id (`aid`)
    creator: str | None = None         # the account name
    created: str | None = None
    modified: str | None = None
    extra: tuple[tuple[str, str], ...] = field(default=())   # e.g. ("orphaned", "true")

    @property
    def values(self) -> dict:
        return dict(self.value)


def _text(value, where: str, limit: int = MAX_TEXT, empty: bool = False) -> str:
    if not isinstance(value, str) or (not empty and not value.strip()):
        raise AnnotationError(f"{where}: a non-empty string is needed")
    if len(value) > limit:
        raise AnnotationError(f"{where}: longer than {limit} characters")
    return value


def document_of(source, base: str = "") -> str:
    """Return the document id a target's `source` names: an id, or a `/documents/<id>` or API URL."""
    source = _text(source, "target.source", 500)
    match = re.search(r"/(?:api/)?documents/([^/?#]+)/?(?:[?#].*)?$", source)
    return match.group(1) if match else source


GEONAMES_URI = re.compile(r"^https?://(?:sws\.|www\.)?geonames\.org/(\d+)")


def place_of(source) -> str:
    """Return the gazetteer id a place body's `source` names: an id (`chr:sisian`), a `/places/<id>` URL,
    or a GeoNames URI (`https://sws.geonames.org/616052/`, as Recogito writes them)."""
    source = _text(source, "body.source", 300)
    geonames = GEONAMES_URI.match(source)
    if geonames:
        return f"geonames:{geonames.group(1)}"
    match = re.search(r"/(?:api/)?places/([^/?#]+)/?(?:[?#].*)?$", source)
    return match.group(1) if match else source


def _selection(target: dict) -> Selection | None:
    selectors = target.get("selector")
    if selectors is None:
        return None
    if isinstance(selectors, dict):
        selectors = [selectors]
    if not isinstance(selectors, list):
        raise AnnotationError("target.selector: a selector or a list of selectors is needed")
    quote = next((s for s in selectors if isinstance(s, dict) and s.get("type") == "TextQuoteSelector"), None)
    position = next((s for s in selectors if isinstance(s, dict) and s.get("type") == "TextPositionSelector"), None)
    if quote is None:
        raise AnnotationError("target.selector: a TextQuoteSelector (exact, prefix, suffix) is needed")
    start = end = None
    if position is not None:
        start, end = position.get("start"), position.get("end")
        if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool) or not 0 <= start < end:
            raise AnnotationError("target.selector: TextPositionSelector needs integers 0 <= start < end")
    exact = _text(quote.get("exact"), "TextQuoteSelector.exact")
    if start is not None and end - start != len(exact):
        raise AnnotationError("target.selector: TextPositionSelector's span and TextQuoteSelector.exact differ in length")
    return Selection(exact, _text(quote.get("prefix", ""), "TextQuoteSelector.prefix", empty=True),
                     _text(quote.get("suffix", ""), "TextQuoteSelector.suffix", empty=True), start, end)


def _day(value, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not ISO_DAY.match(value):
        raise AnnotationError(f"{where}: an ISO day (YYYY-MM-DD) is needed")
    return value


def _date_value(body: dict) -> dict:
    earliest, latest = _day(body.get("earliest"), "body.earliest"), _day(body.get("latest"), "body.latest")
    if earliest is None:
        raise AnnotationError("body.earliest: a date needs its earliest day")
    latest = latest or earliest
    if latest < earliest:
        raise AnnotationError("body.latest: before body.earliest")
    precision = body.get("precision", "day")
    if precision not in PRECISIONS:
        raise AnnotationError(f"body.precision: one of {', '.join(PRECISIONS)}")
    calendar = body.get("calendar", "gregorian")
    if calendar not in CALENDARS:
        raise AnnotationError(f"body.calendar: one of {', '.join(CALENDARS)}")
    if calendar == "gregorian":
        for key, day in (("earliest", earliest), ("latest", latest)):
            try:
                date.fromisoformat(day)
            except ValueError:
                raise AnnotationError(f"body.{key}: {day} is not a day of the Gregorian calendar") from None
    value = {"earliest": earliest, "latest": latest, "precision": precision, "calendar": calendar}
    if body.get("dateText") is not None:
        value["dateText"] = _text(body["dateText"], "body.dateText", 200)
    return value


def _movement_value(body: dict) -> dict:
    waypoints = body.get("waypoints", [])
    if not isinstance(waypoints, list) or not waypoints:
        raise AnnotationError("body.waypoints: a list of at least one place id, in order of movement")
    value: dict = {"waypoints": [place_of(w) for w in waypoints]}
    for key in ("actor", "kind", "status"):
        if body.get(key) is not None:
            value[key] = _text(body[key], f"body.{key}", 200)
    for key in ("earliest", "latest"):
        value[key] = _day(body.get(key), f"body.{key}")
    if value["earliest"] and value["latest"] and value["latest"] < value["earliest"]:
        raise AnnotationError("body.latest: before body.earliest")
    return value


def _main_body(bodies: list) -> tuple[dict, str | None]:
    """Return the body that states the correction, and the note (a commenting body) if any."""
    note, main = None, []
    for body in bodies:
        if not isinstance(body, dict):
            raise AnnotationError("body: each body must be an object")
        if body.get("purpose") == "commenting":
            note = _text(body.get("value"), "body (commenting).value")
        elif body.get("purpose") in ("tagging", "classifying"):
            continue   # Recogito's tags and entity classes ("PLACE"): the identifying body says it
        else:
            main.append(body)
    if len(main) != 1:
        raise AnnotationError("body: exactly one body that is not a comment is needed "
                              f"(found {len(main)})")
    return main[0], note


def parse(data, document_id: str | None = None) -> Annotation:
    """Return the Annotation a W3C annotation (parsed JSON) states; AnnotationError says what is wrong.

    `document_id`: the document the request is about; the target must name it.
    """
    if not isinstance(data, dict):
        raise AnnotationError("an annotation must be a JSON object")
    if data.get("type") not in ("Annotation", ["Annotation"], "oa:Annotation"):
        raise AnnotationError('type: "Annotation" is needed')
    target = data.get("target")
    if isinstance(target, str):
        target = {"source": target}
    if not isinstance(target, dict):
        raise AnnotationError("target: an object with source and selector is needed")
    doc = document_of(target.get("source"))
    if document_id is not None and doc != document_id:
        raise AnnotationError(f"target.source: names document {doc!r}, not {document_id!r}")
    selection = _selection(target)
    bodies = data.get("body")
    bodies = [bodies] if isinstance(bodies, dict) else bodies
    if not isinstance(bodies, list):
        raise AnnotationError("body: an object or a list of objects is needed")
    body, note = _main_body(bodies)
    purpose, kind = body.get("purpose"), body.get("type")
    place, value, action = None, {}, None
    if purpose == "identifying":
        if kind != "SpecificResource":
            raise AnnotationError('body: an identifying body is a "SpecificResource" with the place as source')
        place, action = place_of(body.get("source")), LINK
    elif purpose == "assessing":
        verdict = body.get("value")
        if verdict == "confirmed":
            action = CONFIRM
        elif verdict in REJECTIONS:
            action, value = REJECT, {"verdict": verdict}
        else:
            raise AnnotationError(f"body.value: an assessing body says one of confirmed, {', '.join(REJECTIONS)}")
    elif purpose == "editing" and kind == "DateValue":
        action, value = DATE, _date_value(body)
    elif purpose == "editing" and kind == "MovementValue":
        action, value = MOVEMENT, _movement_value(body)
    elif purpose == "editing" and kind == "FieldValue":
        name = body.get("field")
        if name not in FIELDS:
            raise AnnotationError(f"body.field: one of {', '.join(FIELDS)}")
        action, value = FIELD, {"field": name, "value": _text(body.get("value"), "body.value", 1000)}
    else:
        raise AnnotationError("body: purpose identifying (place), assessing (confirm or reject), or editing "
                              "with type DateValue, MovementValue or FieldValue")
    if action in (LINK, REJECT, CONFIRM, MOVEMENT) and selection is None:
        raise AnnotationError("target.selector: this correction is about a span of the text, so it needs selectors")
    if action == FIELD and selection is not None:
        raise AnnotationError("target.selector: a document field is not in the text; give no selector")
    return Annotation(doc, action, selection, place, tuple(sorted(value.items())), note,
                      creator=_creator(data.get("creator")), created=_stamp(data.get("created")),
                      modified=_stamp(data.get("modified")))


def _creator(value) -> str | None:
    if isinstance(value, dict):
        value = value.get("nickname") or value.get("name") or value.get("id")
    return value if isinstance(value, str) and value else None


def _stamp(value) -> str | None:
    return value if isinstance(value, str) and len(value) <= 40 else None


def to_w3c(a: Annotation, base: str = "", public_name: str | None = None, account: bool = False) -> dict:
    """Return the W3C annotation (JSON-LD) of `a`; ids and sources are URLs on `base` (the app's root).

    The creator is shown by `public_name` if the editor agreed to be named; the account name
    (`nickname`) only with `account` (an export, or an editor asking)."""
    target: dict = {"source": f"{base}/documents/{a.document_id}"}
    if a.selection is not None:
        s = a.selection
        target["selector"] = [{"type": "TextQuoteSelector", "exact": s.exact, "prefix": s.prefix, "suffix": s.suffix}]
        if s.start is not None:
            target["selector"].append({"type": "TextPositionSelector", "start": s.start, "end": s.end})
    values = a.values
    if a.action == LINK:
        body: dict = {"type": "SpecificResource", "purpose": "identifying", "source": a.place}
    elif a.action == CONFIRM:
        body = {"type": "TextualBody", "purpose": "assessing", "value": "confirmed"}
    elif a.action == REJECT:
        body = {"type": "TextualBody", "purpose": "assessing", "value": values["verdict"]}
    elif a.action == DATE:
        body = {"type": "DateValue", "purpose": "editing", **values}
    elif a.action == MOVEMENT:
        body = {"type": "MovementValue", "purpose": "editing", **{k: v for k, v in values.items() if v is not None}}
    else:
        body = {"type": "FieldValue", "purpose": "editing", **values}
    bodies = [body] + ([{"type": "TextualBody", "purpose": "commenting", "value": a.note}] if a.note else [])
    out: dict = {"@context": CONTEXT, "type": "Annotation"}
    if a.id is not None:
        out["id"] = f"{base}/api/annotations/{a.id}"
    creator = {"type": "Person", **({"nickname": a.creator} if account and a.creator else {}),
               **({"name": public_name} if public_name else {})}
    if len(creator) > 1:
        out["creator"] = creator
    if a.created:
        out["created"] = a.created
    if a.modified:
        out["modified"] = a.modified
    out["body"] = bodies if len(bodies) > 1 else body
    out["target"] = target
    if dict(a.extra).get("orphaned") == "true":
        out["orphaned"] = True
    return out


def dumps(a: Annotation) -> str:
    """The annotation as the store keeps it: W3C JSON with relative URLs, keys sorted."""
    return json.dumps(to_w3c(replace(a, id=None), account=True), ensure_ascii=False, sort_keys=True)
