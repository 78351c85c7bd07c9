"""What an export holds: every document, place, mention, movement and territory of one atlas version."""
from __future__ import annotations

from dataclasses import dataclass

from mapapp.atlas.store import Atlas, Page, Window

ALL = Page(1, 500)


@dataclass(frozen=True)
class AtlasContent:
    """The atlas as its API answers it: full documents, and the places, movements and territories layers.

    `on` is the day the export was limited to (documents whose date interval holds it, the claims
    and control in force that day), or None for the whole atlas.
    """

    version: str
    documents: tuple[dict, ...]
    places: tuple[dict, ...]          # GeoJSON Point features, as /api/places
    movements: tuple[dict, ...]       # GeoJSON features, as /api/movements
    territories: tuple[dict, ...]     # GeoJSON Polygon features, as /api/territories (with the whole timeline)
    on: str | None = None

    def mentions(self):
        """Yield (document, mention) for every place mention of every document, in document order."""
        for document in self.documents:
            for mention in document.get("places") or []:
                yield document, mention


def read_content(atlas: Atlas, on: str | None = None) -> AtlasContent:
    """Return the content of `atlas`, limited to the day `on` (ISO) when given."""
    window = Window(on, on) if on else Window()
    ids, page = [], 1
    while True:
        answer = atlas.documents(window=window, page=Page(page, ALL.size))
        ids.extend(d["id"] for d in answer["documents"])
        if page * ALL.size >= answer["total"]:
            break
        page += 1
    documents = tuple(atlas.document(doc_id) for doc_id in ids)
    named = {m["place_id"] for d in documents for m in d.get("places") or [] if m.get("place_id")}
    places = tuple(_with_note(atlas, f) for f in atlas.places(window=window)["features"] if f["id"] in named)
    movements = tuple(atlas.movements(window=window)["features"])
    territories = tuple(atlas.territories()["features"])
    if on:
        territories = tuple(_on_day(t, on) for t in territories)
    return AtlasContent(atlas.version, documents, places, movements, territories, on)


def _with_note(atlas: Atlas, feature: dict) -> dict:
    """The place with its `note` and `parent` (the place's own answer has them; the list does not):
    an uncertain point's note says why, and a places layer imported back needs it."""
    own = atlas.place(feature["id"])["properties"]
    return {**feature, "properties": {**feature["properties"], "note": own.get("note"), "parent": own.get("parent")}}


def _on_day(feature: dict, day: str) -> dict:
    """The territory with only the timeline entries in force on `day`."""
    timeline = [e for e in feature["properties"].get("timeline", [])
                if (e.get("from") or "0000") <= day <= (e.get("to") or "9999")]
    return {**feature, "properties": {**feature["properties"], "timeline": timeline}}
