"""The readings a source marks up itself (TEI `placeName/@ref`, `date/@when`), in place of the machine's.

A source's editor has already said which place a name means and which day a date is; the
analysis keeps those readings, confirmed, and drops what the machine found over the same words.
A ref is resolved to a gazetteer place by its id ("chr:sisian", "#chr-sisian"), a GeoNames id
("geonames:616052", "https://sws.geonames.org/616052/") or a place page of ours
(".../places/chr:sisian"); a ref naming no place leaves the mention unlinked, with a warning.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from urllib.parse import unquote

from documents.dehyphenate import Dehyphenated
from documents.model import Markup
from gazetteer.model import Candidate, Mention, Place

NOTE = "from the source's TEI markup"
MACHINE = "#chronotope"   # the @resp of readings Chronotope's own export marks as the machine's
UNLINKED = "names no place in the gazetteer; the mention is kept unlinked"   # a warning that skips nothing
_GEONAMES = re.compile(r"(?:geonames:|https?://(?:sws\.|www\.)?geonames\.org/)(\d+)\b", re.I)
_OUR_PAGE = re.compile(r"https?://[^?#]*/places/([^/?#]+)/?$")
_OWN_SOURCE = re.compile(r"^GeoNames geonameid (\d+)\b")
_INDEXES: dict[int, tuple] = {}


def confirms(markup: Markup) -> bool:
    """True when a markup reading is the source's editor's (not the machine's, exported and read back)."""
    return markup.resp != MACHINE


def review() -> dict:
    """The review record of a reading taken from the source's markup."""
    return {"status": "confirmed", "by": None, "at": None, "note": NOTE}


def _key(value: str) -> str:
    return re.sub(r"[^0-9a-z]", "", value.lower())


def _indexes(gazetteer) -> tuple[dict[str, Place], dict[str, Place]]:
    """Places of the user and curated layers by folded id, and by the GeoNames id their point comes from."""
    held = _INDEXES.get(id(gazetteer))
    if held is None or held[0] is not gazetteer:
        by_key, by_geonames = {}, {}
        for place in reversed(gazetteer.places):   # the first (highest layer) wins
            by_key[_key(place.id)] = place
            numbers = [m[1] for link in place.links if (m := _GEONAMES.search(link.identifier))]
            own = _OWN_SOURCE.match(place.coord_source or "")
            for number in numbers + ([own[1]] if own else []):
                by_geonames[number] = place
        held = _INDEXES[id(gazetteer)] = (gazetteer, by_key, by_geonames)
    return held[1], held[2]


def place_for_ref(ref: str, gazetteer) -> Place | None:
    """Return the gazetteer place a markup ref names, None when it names none."""
    by_key, by_geonames = _indexes(gazetteer)
    number = _GEONAMES.match(ref.strip())
    if number:
        return by_geonames.get(number[1]) or _broad_place(gazetteer, number[1])
    page = _OUR_PAGE.match(ref.strip())
    value = unquote(page[1]) if page else ref.strip().removeprefix("#")
    for key in (_key(value), _key(value.removeprefix("pl-"))):
        if key in by_key:
            return by_key[key]
    return None


def _broad_place(gazetteer, number: str) -> Place | None:
    broad = gazetteer.broad
    if broad is None:
        return None
    index = next((i for i, record in enumerate(broad.records) if str(record[0]) == number), None)
    return broad.place(index) if index is not None else None


def in_read_text(markup: Sequence[Markup], joined: Dehyphenated) -> list[Markup]:
    """The markup's spans moved from the text as written to the text with its line-end breaks rejoined."""
    if not joined.cuts:
        return list(markup)

    def moved(offset: int) -> int:
        shift = 0
        for i, cut in enumerate(joined.cuts):
            before = joined.removed[i - 1] if i else 0
            if offset < cut + before:
                break
            shift = min(joined.removed[i], offset - cut)
        return offset - shift

    return [replace(m, start=moved(m.start), end=moved(m.end)) for m in markup]


def with_place_markup(mentions: Sequence[Mention], markup: Sequence[Markup], gazetteer) -> tuple[list[Mention], list[str]]:
    """Return the mentions with each place the markup states in place of those over its words,
    and a warning for each ref that names no gazetteer place."""
    stated, warnings = [], []
    for item in (m for m in markup if m.kind == "place"):
        place = next((p for ref in item.refs if (p := place_for_ref(ref, gazetteer)) is not None), None)
        if place is None:
            warnings.append(f"{item.where}: placeName ref {' '.join(item.refs[:1])!r} {UNLINKED}")
        stated.append(Mention(item.start, item.end, item.text, place, 1.0 if place else 0.0,
                              (Candidate(place, 1.0, (NOTE,)),) if place else (), reason=NOTE))
    kept = [m for m in mentions if not any(m.start < s.end and s.start < m.end for s in stated)]
    return sorted(kept + stated, key=lambda m: (m.start, m.end)), warnings
