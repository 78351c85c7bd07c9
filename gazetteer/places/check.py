"""Validation of gazetteer data: what is wrong, in which file and which record.

Pure: `check_files` takes already-read feature lists and returns `Problem`s. Errors make data
unusable (schema, coordinates, duplicate ids, probable duplicates, dangling parents,
uncertain places without radius or note); notes are worth knowing but fine (a toponym shared
by places that really are different, such as Nakhichevan the town and the uyezd).
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from gazetteer.geodesy import distance_km
from gazetteer.model import Place
from gazetteer.places.lpf import place_from_feature

DUPLICATE_KM = 5.0   # same name, same kind, closer than this: probably one place entered twice


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file: where (file, record) and what."""

    source: str
    record: str | None
    message: str
    severity: str = "error"      # "error" | "note"

    def __str__(self) -> str:
        where = self.source if self.record is None else f"{self.source}: record {self.record}"
        return f"{self.severity}: {where}: {self.message}"


@dataclass(frozen=True)
class DataFile:
    """The features read from one file, and the layer they belong to."""

    source: str
    layer: str
    features: tuple


def normalise(toponym: str) -> str:
    """Return the toponym folded for comparison: no case, accents, hyphens or apostrophes."""
    text = unicodedata.normalize("NFKD", toponym.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("ı", "i").replace("ə", "a")
    for mark in "-‐–'’`ʼ.":
        text = text.replace(mark, " ")
    return " ".join(text.split())



def record_label(feature: object, index: int) -> str:
    """Return how a record is named in messages: its 1-based number and its id when it has one."""
    pid = feature.get("@id") if isinstance(feature, dict) else None
    return f"{index + 1} ({pid})" if isinstance(pid, str) and pid else str(index + 1)


def schema_problems(feature: object) -> list[str]:
    """Return what is wrong with one feature beyond what `place_from_feature` rejects."""
    if not isinstance(feature, dict):
        return ["a feature must be a JSON object"]
    found = []
    if feature.get("type") != "Feature":
        found.append("'type' must be \"Feature\"")
    geometry = feature.get("geometry")
    if isinstance(geometry, dict) and geometry.get("type") == "Point":
        coords = geometry.get("coordinates")
        if not isinstance(coords, list) or len(coords) < 2 or not all(
                isinstance(c, int | float) and not isinstance(c, bool) for c in coords[:2]):
            found.append("Point coordinates must be two numbers [lon, lat]")
    props = feature.get("properties")
    if not isinstance(props, dict):
        return found + ["'properties' must be an object"]
    names = feature.get("names", [])
    if not isinstance(names, list):
        found.append("'names' must be a list")
    radius = props.get("uncertainty_km")
    if radius is not None and (isinstance(radius, bool) or not isinstance(radius, int | float) or radius <= 0):
        found.append(f"uncertainty_km must be a positive number, not {radius!r}")
    for key in ("valid_from", "valid_to"):
        if props.get(key) is not None and (isinstance(props[key], bool) or not isinstance(props[key], int)):
            found.append(f"{key} must be a year (integer), not {props[key]!r}")
    if not str(props.get("coord_source") or "").strip():
        found.append("missing properties.coord_source (where the point comes from)")
    return found


def place_problems(place: Place) -> list[str]:
    """Return what is wrong with a parsed place on its own."""
    found = []
    if place.certainty == "uncertain" and (place.uncertainty_km is None or not place.note):
        found.append("uncertain place needs both uncertainty_km and a note saying why")
    if place.valid_from is not None and place.valid_to is not None and place.valid_from > place.valid_to:
        found.append(f"valid_from {place.valid_from} is after valid_to {place.valid_to}")
    for name in place.names:
        if name.valid_from is not None and name.valid_to is not None and name.valid_from > name.valid_to:
            found.append(f"name {name.toponym!r}: valid from {name.valid_from} after {name.valid_to}")
    return found


def parse_file(data: DataFile) -> tuple[list[tuple[str, Place]], list[Problem]]:
    """Return the (label, place) pairs a file yields and the problems of its records."""
    places, problems = [], []
    for i, feature in enumerate(data.features):
        label = record_label(feature, i)
        messages = schema_problems(feature)
        try:
            place = place_from_feature(feature, data.layer)
        except (ValueError, TypeError, KeyError, AttributeError) as err:
            messages.insert(0, str(err) or type(err).__name__)
            place = None
        if place is not None:
            messages += place_problems(place)
            places.append((label, place))
        problems += [Problem(data.source, label, m) for m in dict.fromkeys(messages)]
    return places, problems


def check_files(files: Iterable[DataFile], known_ids: Iterable[str] = ()) -> list[Problem]:
    """Return every problem in `files`; `known_ids` are ids parents may point to besides theirs."""
    located: list[tuple[str, str, Place]] = []
    problems: list[Problem] = []
    for data in files:
        places, found = parse_file(data)
        problems += found
        located += [(data.source, label, place) for label, place in places]
    problems += duplicate_ids(located)
    ids = {p.id for _, _, p in located} | set(known_ids)
    for source, label, place in located:
        if place.parent and place.parent not in ids:
            problems.append(Problem(source, label, f"parent {place.parent!r} points to no place"))
        elif place.parent == place.id:
            problems.append(Problem(source, label, "a place cannot be its own parent"))
    problems += name_collisions(located)
    return problems


def duplicate_ids(located: list[tuple[str, str, Place]]) -> list[Problem]:
    """Return an error for each id used twice within one layer (a user layer may override)."""
    first: dict[tuple[str, str], tuple[str, str]] = {}
    problems = []
    for source, label, place in located:
        key = (place.layer, place.id)
        if key in first:
            other_source, other_label = first[key]
            problems.append(Problem(source, label, f"duplicate id {place.id!r} "
                                    f"(also {other_source}: record {other_label})"))
        else:
            first[key] = (source, label)
    return problems


def name_collisions(located: list[tuple[str, str, Place]]) -> list[Problem]:
    """Return errors for probable duplicates and notes for toponyms shared by distinct places."""
    holders: dict[str, dict[str, tuple[str, str, Place]]] = {}
    for entry in located:
        for name in entry[2].names:
            holders.setdefault(normalise(name.toponym), {}).setdefault(entry[2].id, entry)
    problems, reported = [], set()
    for toponym, by_id in sorted(holders.items()):
        entries = list(by_id.values())
        if len(entries) < 2:
            continue
        for i, (source, label, place) in enumerate(entries):
            for _, _, other in entries[i + 1:]:
                pair = (place.id, other.id)
                if (place.kind == other.kind and place.layer == other.layer and pair not in reported
                        and distance_km(place, other) < DUPLICATE_KM):
                    reported.add(pair)
                    problems.append(Problem(source, label, f"probable duplicate of {other.id!r}: same "
                                            f"name {toponym!r}, same kind, {distance_km(place, other):.1f} km apart"))
        ids = ", ".join(sorted(by_id))
        problems.append(Problem(entries[0][0], None, f"ambiguous name {toponym!r}: {ids}", "note"))
    return problems


def errors(problems: Iterable[Problem]) -> list[Problem]:
    """Return only the problems that make data unusable."""
    return [p for p in problems if p.severity == "error"]
