"""Reconciling our places with another gazetteer's records: which record, if any, is the same place.

A name alone never makes a match. A record is the same place as ours when either its GeoNames id is
the one our place links to (an `exactMatch`), or all of these agree (a `closeMatch`): the kind; our
title — the place's name today, the gazetteer's rule for titles — is one of the record's names; our
point lies within `tolerance_km` of the record's geometry; and, where both say one, the country code.
A place that has ended (it has an end year: the Republic of Armenia of 1918-1920, the Russian
Empire) matches no record, since the records we reconcile with describe places as they are today.
Only a single qualifying record is taken: two are an ambiguity, left for a person to settle.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from shapely.geometry import Point
from shapely.ops import nearest_points

from gazetteer.geodesy import distance_km
from gazetteer.model import LonLat, Place, PlaceLink

WIKIDATA_ENTITY = "http://www.wikidata.org/entity/{}"
Q_ID = re.compile(r"^Q[1-9]\d*$")
_GEONAMES = re.compile(r"^https://sws\.geonames\.org/(\d+)/$")


@dataclass(frozen=True)
class ExternalRecord:
    """A record of another gazetteer that carries a Wikidata item, in our terms."""

    key: str                       # the record's key in its source, e.g. "NE_ID 1159320333 (ARM)"
    kind: str                      # the kind of our places it can match: "country", "settlement", ...
    names: tuple[str, ...]
    wikidata: str                  # "Q399"
    geometry: object               # a shapely geometry in lon/lat
    country_code: str | None = None
    geonames_id: int | None = None


@dataclass(frozen=True)
class Reconciliation:
    """The record a place was matched to, how, and the link it earns."""

    record: ExternalRecord
    link: PlaceLink
    distance_km: float
    reason: str


def fold(name: str) -> str:
    """The form names are compared in: case and diacritics folded, spacing collapsed."""
    # The dotless ı of Turkish and Azerbaijani has no decomposition: Bakı is Baki in other spellings.
    decomposed = unicodedata.normalize("NFKD", name.casefold().replace("ı", "i"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def distance_to_km(place: Place, geometry) -> float:
    """Return the geodesic distance in km from the place's point to the geometry (0 inside it)."""
    point = Point(place.lon, place.lat)
    if geometry.covers(point):
        return 0.0
    nearest = nearest_points(point, geometry)[1]
    return distance_km(place, LonLat(nearest.x, nearest.y))


def geonames_ids(place: Place) -> set[int]:
    """The GeoNames ids our place links to."""
    return {int(m.group(1)) for link in place.links if (m := _GEONAMES.match(link.identifier))}


def reconcile(place: Place, records: list[ExternalRecord], tolerance_km: float) -> Reconciliation | None:
    """Return the one record that is the same place as `place`, or None (no record, or two)."""
    if place.valid_to is not None:
        return None
    found = []
    for record in records:
        if record.kind != place.kind or not Q_ID.match(record.wikidata):
            continue
        if record.country_code and place.country_code and record.country_code != place.country_code:
            continue
        away = distance_to_km(place, record.geometry)
        if record.geonames_id and record.geonames_id in geonames_ids(place):
            found.append(Reconciliation(record, PlaceLink("exactMatch", WIKIDATA_ENTITY.format(record.wikidata)),
                                        away, f"GeoNames id {record.geonames_id} agrees"))
        elif fold(place.name) in {fold(n) for n in record.names} and away <= tolerance_km:
            found.append(Reconciliation(record, PlaceLink("closeMatch", WIKIDATA_ENTITY.format(record.wikidata)),
                                        away, f"name {place.name!r}, kind {place.kind}, "
                                              f"our point {away:.0f} km from the record's geometry (tolerance {tolerance_km:g} km)"))
    exact = [r for r in found if r.link.type == "exactMatch"]
    chosen = exact or found
    return chosen[0] if len({r.record.wikidata for r in chosen}) == 1 else None
