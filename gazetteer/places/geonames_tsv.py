"""GeoNames dumps (the 19-column geonames.org TSV) -> `Place`.

Columns: geonameid, name, asciiname, alternatenames, latitude, longitude, feature class,
feature code, country code, cc2, admin1..admin4, population, elevation, dem, timezone,
modification date.
"""
from __future__ import annotations

from collections.abc import Iterable

from gazetteer.errors import GazetteerError
from gazetteer.model import Place, PlaceName

COLUMNS = 19

# GeoNames feature code (or class) -> our place kind.
KIND_OF_CODE = {
    "ADM1": "province", "ADM1H": "province", "ADM2": "district", "ADM2H": "district",
    "ADM3": "district", "ADM3H": "district", "PCLI": "country", "PCLH": "country",
    "PCLD": "country", "PCLIX": "country", "PCLS": "country", "PCLF": "country",
    "STM": "river", "STMH": "river", "LK": "lake", "LKS": "lake", "RSV": "lake",
    "MT": "mountain", "PK": "mountain", "VLC": "mountain", "MTS": "ridge", "RDG": "ridge",
    "PASS": "pass", "RGN": "region", "RGNH": "region", "AREA": "region", "VAL": "region",
    "PLN": "region",
}
KIND_OF_CLASS = {"P": "settlement", "A": "region", "H": "river", "T": "mountain", "L": "region"}


def kind_of(feature_class: str, feature_code: str) -> str:
    """Return our place kind for a GeoNames feature class and code."""
    return KIND_OF_CODE.get(feature_code) or KIND_OF_CLASS.get(feature_class) or "other"


def _number(text: str, what: str, low: float, high: float) -> float:
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{what} is not a number: {text!r}") from None
    if not low <= value <= high:
        raise ValueError(f"{what} out of range: {value}")
    return value


def place_from_row(fields: list[str], source: str) -> Place:
    """Return the `Place` of one GeoNames row (already split on tabs); ValueError if broken."""
    if len(fields) != COLUMNS:
        raise ValueError(f"expected {COLUMNS} tab-separated columns, found {len(fields)}")
    gid, name, ascii_name, alternates = fields[0].strip(), fields[1].strip(), fields[2].strip(), fields[3]
    if not gid.isdigit():
        raise ValueError(f"geonameid is not a number: {gid!r}")
    if not name:
        raise ValueError("empty name")
    lat = _number(fields[4], "latitude", -90, 90)
    lon = _number(fields[5], "longitude", -180, 180)
    toponyms = [name, ascii_name] + alternates.split(",")
    names = tuple(PlaceName(toponym=t) for t in dict.fromkeys(t.strip() for t in toponyms) if t)
    population = int(fields[14]) if fields[14].strip().isdigit() and int(fields[14]) > 0 else None
    return Place(
        id=f"geonames:{gid}", name=name, kind=kind_of(fields[6].strip(), fields[7].strip()),
        lon=lon, lat=lat, names=names, certainty="probable", population=population,
        coord_source=f"GeoNames geonameid {gid} (imported from {source})",
        country_code=fields[8].strip() or None, layer="user",
    )


def read_geonames(lines: Iterable[str], source: str) -> list[Place]:
    """Return every place of a GeoNames dump; GazetteerError naming the line of a broken row.

    Blank lines and `#` comment lines are skipped; any other broken row fails the whole read,
    so no record disappears silently.
    """
    places = []
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\r\n")
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        label = f"{number} (geonames:{fields[0].strip()})" if fields[0].strip() else str(number)
        try:
            places.append(place_from_row(fields, source))
        except ValueError as err:
            raise GazetteerError(str(err), source, label) from None
    return places
