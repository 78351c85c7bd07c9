"""A written account of a view of the map: who claimed and who held each territory on its date,
which documents fall in its window and where they were written, which movements they describe.

Pure: it composes the atlas's own answers (territories on a day, documents, movements), so every
statement carries the sources it rests on. Neutral by construction: parties are listed in
alphabetical order, claims apart from control, and the documents' own words are quoted, never
restated in the narrator's voice.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from mapapp.picture.scene import long_date

MAX_DOCUMENTS = 8     # named one by one; the rest are counted
MAX_MOVEMENTS = 10


@dataclass(frozen=True)
class Statement:
    text: str
    sources: tuple[int, ...] = ()     # indices into Description.sources


@dataclass(frozen=True)
class Description:
    """The account: statements in reading order, and the sources they cite."""

    date: str
    window: tuple[str | None, str | None]
    statements: tuple[Statement, ...]
    sources: tuple[dict, ...]
    lang: str = "en"

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.statements)

    def as_dict(self) -> dict:
        return {"text": self.text, "lang": self.lang, "date": self.date,
                "window": {"from": self.window[0], "to": self.window[1]},
                "statements": [{"text": s.text, "sources": list(s.sources)} for s in self.statements],
                "sources": list(self.sources)}


@dataclass
class _Sources:
    """Sources numbered in the order first cited."""

    items: list[dict] = field(default_factory=list)
    index: dict[tuple, int] = field(default_factory=dict)

    def cite(self, source: dict) -> int:
        key = (source.get("kind"), source.get("id") or source.get("label"))
        if key not in self.index:
            self.index[key] = len(self.items)
            self.items.append(source)
        return self.index[key]


def _and(items: Iterable[str]) -> str:
    items = list(items)
    if not items:
        return ""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _entry_source(entry: dict) -> dict:
    if entry.get("source_kind") == "document" and entry.get("document_id"):
        return {"kind": "document", "id": entry["document_id"], "label": entry.get("source") or entry["document_id"]}
    return {"kind": "reference", "label": entry.get("source") or "no source recorded"}


def _parties(entries: list[dict]) -> str:
    """'A (partial: …) and B', alphabetically, each with its note."""
    words = []
    for entry in sorted(entries, key=lambda e: e["party"]):
        note = f" ({entry['note']})" if entry.get("note") else ""
        words.append(f"{entry['party']}{note}")
    return _and(words)


def territory_statements(features: list[dict], sources: _Sources) -> list[Statement]:
    """One statement per set of territories that share the same claims and control on the day."""
    groups: dict[tuple, list[dict]] = {}
    for feature in features:
        p = feature["properties"]
        key = (_parties(p.get("claims") or []), _parties(p.get("control") or []))
        groups.setdefault(key, []).append(p)
    out = []
    for (claims, control), members in sorted(groups.items(), key=lambda kv: kv[1][0]["name"]):
        names = _and(sorted(m["name"] for m in members))
        claimed = f"claimed by {claims}" if claims else "claimed by no party the sources record"
        held = f"held by {control}" if control else "who held it is not recorded"
        cited = {sources.cite(_entry_source(e)) for m in members for e in (m.get("claims") or []) + (m.get("control") or [])}
        out.append(Statement(f"{names}: {claimed}; {held}, as the sources record it.", tuple(sorted(cited))))
    return out


def _document_source(doc: dict) -> dict:
    return {"kind": "document", "id": doc["id"], "label": doc.get("title") or doc["id"],
            "date": doc.get("date_text"), "url": f"/documents/{doc['id']}"}


def document_statements(documents: list[dict], total: int, sources: _Sources) -> list[Statement]:
    if total == 0:
        return [Statement("No document of the collection falls in this window.")]
    out = [Statement(f"{total} document{'s' if total != 1 else ''} of the collection fall{'s' if total == 1 else ''} "
                     "in this window.")]
    for doc in documents[:MAX_DOCUMENTS]:
        where = f", written at {doc['origin']}" if doc.get("origin") else ""
        when = f", dated {doc['date_text']}" if doc.get("date_text") else ""
        kind = (doc.get("kind") or "document").capitalize()
        out.append(Statement(f"{kind}{where}{when}: “{doc.get('title') or doc['id']}”.",
                             (sources.cite(_document_source(doc)),)))
    if total > MAX_DOCUMENTS:
        out.append(Statement(f"And {total - MAX_DOCUMENTS} more."))
    return out


def movement_statements(movements: list[dict], sources: _Sources) -> list[Statement]:
    if not movements:
        return []
    out = [Statement(f"The documents describe {len(movements)} movement{'s' if len(movements) != 1 else ''}.")]
    for feature in movements[:MAX_MOVEMENTS]:
        p = feature["properties"]
        places = [w.get("name") or w.get("place_id") for w in p.get("waypoints") or [] if w]
        route = (f" from {places[0]} to {places[-1]}" if len(places) > 1 else f" at {places[0]}" if places else "")
        who = f"“{p['actor']}”" if p.get("actor") else "an actor the document does not name"
        when = f", {long_date(p['earliest'])}" if p.get("earliest") and p.get("earliest") == p.get("latest") else ""
        status = f" ({p['status']})" if p.get("status") else ""
        cited = sources.cite({"kind": "document", "id": p.get("document_id"),
                              "label": p.get("document_title") or p.get("document_id"),
                              "url": f"/documents/{p.get('document_id')}"})
        out.append(Statement(f"{who}: {p.get('kind') or 'movement'}{route}{when}{status}, in the words of "
                             f"the document “{p.get('text', '').strip()}”.", (cited,)))
    if len(movements) > MAX_MOVEMENTS:
        out.append(Statement(f"And {len(movements) - MAX_MOVEMENTS} more."))
    return out


def describe(on: str, window: tuple[str | None, str | None], territories: list[dict], documents: list[dict],
             total_documents: int, movements: list[dict], layers: Iterable[str]) -> Description:
    """The account of a view: `territories` on the day `on`, the `documents` and `movements` of `window`."""
    layers = set(layers)
    sources = _Sources()
    start, end = window
    if start and end and start != end:
        span = f"documents dated from {long_date(start)} to {long_date(end)}"
    elif end and not start:
        span = f"documents dated up to {long_date(end)}"
    elif start:
        span = f"documents dated {long_date(start)}"
    else:
        span = "every document"
    statements = [Statement(f"The map on {long_date(on)}, with the {span}.")]
    if "territories" in layers:
        statements += territory_statements([t for t in territories if t["properties"].get("claims")
                                            or t["properties"].get("control")], sources)
    statements += document_statements(documents, total_documents, sources)
    if "movements" in layers:
        statements += movement_statements(movements, sources)
    return Description(on, window, tuple(statements), tuple(sources.items))
