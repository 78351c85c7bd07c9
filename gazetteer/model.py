"""The records of the gazetteer, the geoparser, territories and movements.

Coordinates are always `lon`, `lat` fields (GeoJSON order); folium's (lat, lon)
swap happens in one place only, `mapapp.web.geo.folium_location`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

PLACE_KINDS = ("settlement", "region", "district", "province", "country", "river", "lake",
               "ridge", "mountain", "pass", "other")
LAYERS = ("user", "curated", "broad", "geocoded")  # in order of precedence
CERTAINTIES = ("certain", "probable", "approximate", "uncertain")  # of a point, a line, a polygon


@dataclass(frozen=True)
class LonLat:
    lon: float
    lat: float


@dataclass(frozen=True)
class PlaceName:
    """One name of a place: a period transliteration, a modern form, a native-script form."""

    toponym: str
    lang: str | None = None          # BCP 47: "en", "ru", "hy", "az", "ka", "tr", "fa", "ru-Latn", ...
    note: str | None = None          # e.g. "period transliteration (Russian)"
    valid_from: int | None = None    # years the name was in use, where known
    valid_to: int | None = None


@dataclass(frozen=True)
class LinkSource:
    """Where a link comes from: the source read, the copy it was read in, the record, the date."""

    source: str                      # e.g. "Natural Earth 5.1.1, ne_110m_admin_0_countries (public domain)"
    record: str                      # the record's key in the source
    read: str                        # ISO date
    via: str = ""                    # the copy read (a package, a page)
    field: str = ""                  # the field or statement that names the item
    matched_on: str = ""             # what the match rests on

    def citation(self) -> str:
        """One line a reader can follow: the source, the record and field, the copy, the date."""
        parts = [self.source, f"record {self.record}", self.field, f"read {self.read}" +
                 (f" from {self.via}" if self.via else "")]
        line = ", ".join(p for p in parts if p)
        return f"{line}; matched on {self.matched_on}" if self.matched_on else line


@dataclass(frozen=True)
class PlaceLink:
    """A Linked Places `links` entry: the same place in another gazetteer (GeoNames, Wikidata)."""

    type: str                        # closeMatch | exactMatch | primaryTopicOf | subjectOf
    identifier: str                  # a URI, e.g. https://sws.geonames.org/616052/
    cited: LinkSource | None = None  # where the link comes from, where the record says


LINK_TYPES = ("closeMatch", "exactMatch", "primaryTopicOf", "subjectOf")


@dataclass(frozen=True)
class Place:
    """A gazetteer entry, with where its coordinates come from and how certain they are."""

    id: str
    name: str
    kind: str
    lon: float
    lat: float
    names: tuple[PlaceName, ...] = ()
    coord_source: str = ""
    uncertainty_km: float | None = None   # radius; None when the point is good to settlement scale
    certainty: str = "certain"            # certain | probable | approximate | uncertain
    note: str | None = None
    parent: str | None = None             # id of the district/province it lay in, 1918-1921
    valid_from: int | None = None
    valid_to: int | None = None
    population: int | None = None
    country_code: str | None = None
    layer: str = "curated"
    links: tuple[PlaceLink, ...] = ()


@dataclass(frozen=True)
class Candidate:
    """A place a mention might mean, with its score and the evidence for it."""

    place: Place
    score: float
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A place name found in a text: span [start, end), the chosen place and the alternatives."""

    start: int
    end: int
    text: str
    place: Place | None
    score: float = 0.0
    candidates: tuple[Candidate, ...] = ()
    cue: str | None = None       # the type cue next to it ("district", "village of", ...)
    reason: str | None = None    # why the chosen candidate won, or why none was chosen
    fuzzy: bool = False          # read through OCR noise ("A1exandropol", "Alexan-\ndropol"): to check


@dataclass(frozen=True)
class DatedSpan:
    """A date found in a text, as the movement finder needs it (no dependency on `documents`)."""

    start: int
    end: int
    earliest: date
    latest: date


@dataclass(frozen=True)
class Movement:
    """A movement or route stated in a text: waypoints in order of movement."""

    start: int
    end: int
    text: str
    kind: str                    # advance | withdrawal | route | occupation | journey | attack | transfer
    status: str                  # occurred | ordered | agreed | intended | ...
    earliest: date | None
    latest: date | None
    waypoints: tuple[Place, ...]
    actor: str | None = None
    path: tuple[LonLat, ...] = ()  # the drawn line, following roads/railways where known
    approximate: bool = True


@dataclass(frozen=True)
class TimelineEntry:
    """Who claimed or controlled a territory, from when to when, and on whose word."""

    relation: str                # "claim" | "control"
    party: str
    start: date | None
    end: date | None
    source: str                  # a corpus document id or a published reference
    source_kind: str = "reference"   # "document" | "reference"
    note: str | None = None


@dataclass(frozen=True)
class Territory:
    """A disputed unit: its polygon (GeoJSON geometry dict), names, drawing method and timeline."""

    id: str
    name: str
    level: str                   # uyezd | oblast | zone | region
    geometry: dict
    names: tuple[PlaceName, ...] = ()
    method: str = ""
    certainty: str = "approximate"
    sources: tuple[str, ...] = ()
    timeline: tuple[TimelineEntry, ...] = field(default_factory=tuple)
