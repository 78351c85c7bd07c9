"""A written account of a view of the map: who claimed and who held each territory on its date,
which documents fall in its window and where they were written, which movements they describe.

Pure: it composes the atlas's own answers (territories on a day, documents, movements), so every
statement carries the sources it rests on. Neutral by construction: parties are listed in
alphabetical order, claims apart from control, and the documents' own words are quoted, never
restated in the narrator's voice.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from mapapp.code_words import DOCUMENT_KIND_WORDS
from mapapp.picture.scene import long_date

MAX_DOCUMENTS = 8     # named one by one; the rest are counted
MAX_MOVEMENTS = 10


def N_(message: str) -> str:
    """Mark `message` as a message id for the catalogues."""
    return message


def _english(message: str, **values: object) -> str:
    return message % values if values else message


def _english_plural(singular: str, plural: str, count: int, **values: object) -> str:
    return (singular if count == 1 else plural) % {"num": count, **values}


@dataclass(frozen=True)
class Words:
    """How the account is said: gettext-like `say` and `say_n`, a long `date` writer, its language.

    The web layer passes Flask-Babel's functions for the request's language; the default is English."""

    say: Callable[..., str] = _english
    say_n: Callable[..., str] = _english_plural
    date: Callable[[str], str] = long_date
    lang: str = "en"


ENGLISH = Words()

# Document kinds (documents.model), as the account names them.
KINDS = DOCUMENT_KIND_WORDS


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


def _and(items: Iterable[str], words: Words = ENGLISH) -> str:
    items = list(items)
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return words.say("%(first)s and %(last)s", first=", ".join(items[:-1]), last=items[-1])


def _entry_source(entry: dict) -> dict:
    if entry.get("source_kind") == "document" and entry.get("document_id"):
        return {"kind": "document", "id": entry["document_id"], "label": entry.get("source") or entry["document_id"]}
    return {"kind": "reference", "label": entry.get("source") or "no source recorded"}


def _parties(entries: list[dict], words: Words = ENGLISH) -> str:
    """'A (partial: …) and B', alphabetically, each with its note."""
    named = []
    for entry in sorted(entries, key=lambda e: e["party"]):
        note = f" ({entry['note']})" if entry.get("note") else ""
        named.append(f"{entry['party']}{note}")
    return _and(named, words)


def territory_statements(features: list[dict], sources: _Sources, words: Words = ENGLISH) -> list[Statement]:
    """One statement per set of territories that share the same claims and control on the day."""
    groups: dict[tuple, list[dict]] = {}
    for feature in features:
        p = feature["properties"]
        key = (_parties(p.get("claims") or [], words), _parties(p.get("control") or [], words))
        groups.setdefault(key, []).append(p)
    out = []
    for (claims, control), members in sorted(groups.items(), key=lambda kv: kv[1][0]["name"]):
        names = _and(sorted(m["name"] for m in members), words)
        claimed = (words.say("claimed by %(parties)s", parties=claims) if claims
                   else words.say("claimed by no party the sources record"))
        held = words.say("held by %(parties)s", parties=control) if control else words.say("who held it is not recorded")
        cited = {sources.cite(_entry_source(e)) for m in members for e in (m.get("claims") or []) + (m.get("control") or [])}
        out.append(Statement(words.say("%(names)s: %(claimed)s; %(held)s, as the sources record it.",
                                       names=names, claimed=claimed, held=held), tuple(sorted(cited))))
    return out


def _document_source(doc: dict) -> dict:
    return {"kind": "document", "id": doc["id"], "label": doc.get("title") or doc["id"],
            "date": doc.get("date_text"), "url": f"/documents/{doc['id']}"}


def document_statements(documents: list[dict], total: int, sources: _Sources,
                        words: Words = ENGLISH) -> list[Statement]:
    if total == 0:
        return [Statement(words.say("No document of the collection falls in this window."))]
    out = [Statement(words.say_n("%(num)d document of the collection falls in this window.",
                                 "%(num)d documents of the collection fall in this window.", total))]
    for doc in documents[:MAX_DOCUMENTS]:
        where = words.say(", written at %(place)s", place=doc["origin"]) if doc.get("origin") else ""
        when = words.say(", dated %(date)s", date=doc["date_text"]) if doc.get("date_text") else ""
        kind = doc.get("kind") or "other"
        kind = words.say(KINDS[kind]) if kind in KINDS else kind.capitalize()
        out.append(Statement(f"{kind}{where}{when}: “{doc.get('title') or doc['id']}”.",
                             (sources.cite(_document_source(doc)),)))
    if total > MAX_DOCUMENTS:
        out.append(Statement(words.say("And %(count)s more.", count=total - MAX_DOCUMENTS)))
    return out


def movement_statements(movements: list[dict], sources: _Sources, words: Words = ENGLISH) -> list[Statement]:
    if not movements:
        return []
    out = [Statement(words.say_n("The documents describe %(num)d movement.",
                                 "The documents describe %(num)d movements.", len(movements)))]
    for feature in movements[:MAX_MOVEMENTS]:
        p = feature["properties"]
        places = [w.get("name") or w.get("place_id") for w in p.get("waypoints") or [] if w]
        route = (words.say(" from %(start)s to %(end)s", start=places[0], end=places[-1]) if len(places) > 1
                 else words.say(" at %(place)s", place=places[0]) if places else "")
        who = f"“{p['actor']}”" if p.get("actor") else words.say("an actor the document does not name")
        when = f", {words.date(p['earliest'])}" if p.get("earliest") and p.get("earliest") == p.get("latest") else ""
        status = f" ({p['status']})" if p.get("status") else ""
        cited = sources.cite({"kind": "document", "id": p.get("document_id"),
                              "label": p.get("document_title") or p.get("document_id"),
                              "url": f"/documents/{p.get('document_id')}"})
        out.append(Statement(words.say("%(who)s: %(what)s, in the words of the document “%(text)s”.", who=who,
                                       what=f"{p.get('kind') or 'movement'}{route}{when}{status}",
                                       text=p.get("text", "").strip()), (cited,)))
    if len(movements) > MAX_MOVEMENTS:
        out.append(Statement(words.say("And %(count)s more.", count=len(movements) - MAX_MOVEMENTS)))
    return out


def describe(on: str, window: tuple[str | None, str | None], territories: list[dict], documents: list[dict],
             total_documents: int, movements: list[dict], layers: Iterable[str],
             words: Words = ENGLISH) -> Description:
    """The account of a view: `territories` on the day `on`, the `documents` and `movements` of `window`,
    said in `words` (English by default)."""
    layers = set(layers)
    sources = _Sources()
    start, end = window
    say, date = words.say, words.date
    if start and end and start != end:
        opening = say("The map on %(date)s, with the documents dated from %(start)s to %(end)s.",
                      date=date(on), start=date(start), end=date(end))
    elif end and not start:
        opening = say("The map on %(date)s, with the documents dated up to %(end)s.", date=date(on), end=date(end))
    elif start:
        opening = say("The map on %(date)s, with the documents dated %(start)s.", date=date(on), start=date(start))
    else:
        opening = say("The map on %(date)s, with every document.", date=date(on))
    statements = [Statement(opening)]
    if "territories" in layers:
        statements += territory_statements([t for t in territories if t["properties"].get("claims")
                                            or t["properties"].get("control")], sources, words)
    statements += document_statements(documents, total_documents, sources, words)
    if "movements" in layers:
        statements += movement_statements(movements, sources, words)
    return Description(on, window, tuple(statements), tuple(sources.items), words.lang)
