"""What the document and place pages show, computed from atlas answers (pure except the atlas reads)."""
from __future__ import annotations

from typing import NamedTuple

from mapapp.atlas.store import Atlas


class Segment(NamedTuple):
    """A piece of a document's body: plain text, or a mention linked to its place."""

    text: str
    place_id: str | None = None
    name: str | None = None
    review: dict | None = None        # who checked the link, if a person did (None: the machine's)


def provenance_lines(doc: dict | None, say=None) -> list[str]:
    """Whose words a document's presentation carries, for a handout: the compiler's heading, his
    compilation and his marks, each said to be his (empty for a document of no compilation).

    `say(message, **values)` translates (Flask-Babel's `gettext`); by default the English."""
    say = say or (lambda message, **values: message % values)
    if not doc:
        return []
    lines = []
    if doc.get("heading"):
        lines.append(say("Heading in the compilation: “%(heading)s” (the compiler’s, not the document’s words)",
                         heading=doc["heading"]))
    collection = doc.get("collection")
    if collection:
        # Its standpoint's first sentence: a handout has one page. The standpoint is data, not translated.
        standpoint = (collection.get("standpoint") or "").split(". ")[0].rstrip(".")
        line = (say("From the compilation “%(title)s”, compiled by %(compiler)s.", title=collection["title"],
                    compiler=collection["compiler"]) if collection.get("compiler")
                else say("From the compilation “%(title)s”.", title=collection["title"]))
        lines.append(line + (f" {standpoint}." if standpoint else ""))
    if doc.get("editorial_notes"):
        lines.append(say("The compiler’s marks: %(marks)s", marks="; ".join(doc["editorial_notes"])))
    return lines


def body_segments(body: str, mentions: list[dict]) -> list[Segment]:
    """The body cut into plain and linked pieces by its mention offsets (overlaps: the first wins);
    a link a person rejected is left plain."""
    segments, at = [], 0
    for mention in sorted(mentions, key=lambda m: (m["start"], -m["end"])):
        start, end = mention["start"], mention["end"]
        review = mention.get("review")
        if start < at or not mention.get("place_id") or not 0 <= start < end <= len(body) or (
                review and review.get("status") == "rejected"):
            continue
        if start > at:
            segments.append(Segment(body[at:start]))
        segments.append(Segment(body[start:end], mention["place_id"], mention.get("name"), review))
        at = end
    if at < len(body):
        segments.append(Segment(body[at:]))
    return segments


def document_places(mentions: list[dict]) -> list[dict]:
    """The distinct places a document names, in order of first mention, with how often."""
    seen: dict[str, dict] = {}
    for mention in mentions:
        pid = mention.get("place_id")
        if not pid or (mention.get("review") or {}).get("status") == "rejected":
            continue
        if pid not in seen:
            seen[pid] = {"id": pid, "name": mention.get("name") or pid, "kind": mention.get("kind"),
                         "texts": [], "count": 0}
        seen[pid]["count"] += 1
        if mention["text"] not in seen[pid]["texts"]:
            seen[pid]["texts"].append(mention["text"])
    return list(seen.values())


def excerpt(text: str, limit: int) -> str:
    """`text` cut at a word boundary near `limit` characters, with an ellipsis when cut."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[:cut if cut > limit // 2 else limit].rstrip(" ,;:") + " …"


def _parties(entries: list[dict]) -> list[dict]:
    return [{"party": e.get("party"), "source": e.get("source"), "note": e.get("note"),
             "cautions": e.get("cautions") or [], "partial": bool(e.get("partial")),
             "start": e.get("start"), "end": e.get("end")} for e in entries or []]


def territories_at(atlas: Atlas, lon: float, lat: float, on: str | None) -> list[dict]:
    """The territories whose outline holds lon/lat, with the claims and control in force on `on`."""
    if not on:
        return []
    import shapely
    from shapely.geometry import Point, shape

    point = Point(lon, lat)
    found = []
    for feature in atlas.territories(on)["features"]:
        if not feature.get("geometry"):
            continue
        outline = shapely.make_valid(shape(feature["geometry"]))
        if outline.covers(point):
            props = feature["properties"]
            found.append({"id": props.get("id"), "name": props.get("name"), "level": props.get("level"),
                          "certainty": props.get("certainty"), "control": _parties(props.get("control")),
                          "claims": _parties(props.get("claims"))})
    return found
