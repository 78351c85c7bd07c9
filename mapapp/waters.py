"""The basemap's rivers and lakes, named as the gazetteer names them: every variant, none ranked.

A water's label is one name per language of the region (Armenian, Azerbaijani, Georgian,
Russian, Turkish and English, each in Latin letters as the gazetteer records it), deduplicated
and put in alphabetical order, so that no side's name comes first: "Araks / Aras / Araz". Its
hover text lists every name with its language. The courses and their provenance are the shipped
files' (mapapp/data/basemap/README.md).
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from gazetteer.errors import GazetteerError
from gazetteer.model import Place, PlaceName

BASEMAP_DIR = Path(__file__).resolve().parent / "data" / "basemap"
WATER_FILES = ("region.geojson", "rivers.geojson")
WATER_LAYERS = ("river", "lake")
LABEL_LANGS = ("hy", "az", "ka", "ru", "tr", "en")
MAX_LABEL_NAMES = 4
# "Lake Sevan", "Tartar (river)", "Terter river", "Arpaçay (Nakhchivan)": the bare name is the label.
_GENERIC = re.compile(r"^lake\s+|\s*\((?:river|lake|[^)]*)\)$|\s+(?:river|lake)$", re.IGNORECASE)


def _latin(text: str) -> bool:
    return all(ord(c) < 0x2B0 or not c.isalpha() for c in text)   # Latin, with ə (U+0259)


def _folded(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def water_label(names: Iterable[PlaceName], fallback: str = "") -> str:
    """Return the label of a water: the first Latin-script name of each of LABEL_LANGS, bare of
    "Lake"/"river", without repeats (ignoring case: "Kur" and "Kür" are two spellings), in
    alphabetical order (accents aside), joined by " / "."""
    chosen: dict[str, str] = {}
    for lang in LABEL_LANGS:
        for name in names:
            base = (name.lang or "").split("-")[0]
            if base == lang and _latin(name.toponym):
                bare = _GENERIC.sub("", name.toponym).strip()
                if bare:
                    chosen.setdefault(bare.casefold(), bare)
                break
    labels = sorted(chosen.values(), key=lambda n: (_folded(n), n))[:MAX_LABEL_NAMES]
    return " / ".join(labels) or fallback


def names_title(names: Iterable[PlaceName]) -> str:
    """Return every name with its language, in the gazetteer's order: "Aras (en), Аракс (ru), …"."""
    return ", ".join(f"{n.toponym} ({n.lang})" if n.lang else n.toponym for n in names)


def named_waters(features: Iterable[dict], place_of: Callable[[str], Place | None]) -> dict:
    """Return a FeatureCollection of the rivers and lakes among `features`, each with `label`,
    `names_title` and `names` (toponym, lang) from its gazetteer record (`properties.place`)."""
    out = []
    for feature in features:
        props = feature.get("properties") or {}
        if props.get("layer") not in WATER_LAYERS:
            continue
        place = place_of(props["place"]) if props.get("place") else None
        names = place.names if place else ()
        out.append({"type": "Feature", "geometry": feature["geometry"], "properties": {
            **props, "label": water_label(names, fallback=props.get("name", "")),
            "names_title": names_title(names) or props.get("name", ""),
            "names": [{"toponym": n.toponym, "lang": n.lang} for n in names]}})
    return {"type": "FeatureCollection", "features": out}


@lru_cache(maxsize=1)
def shipped_water_features() -> tuple[dict, ...]:
    """The rivers and lakes of the shipped basemap files."""
    features: list[dict] = []
    for name in WATER_FILES:
        features.extend(json.loads((BASEMAP_DIR / name).read_text(encoding="utf-8"))["features"])
    return tuple(f for f in features if (f.get("properties") or {}).get("layer") in WATER_LAYERS)


def _unnamed(_place_id: str) -> None:
    return None


@lru_cache(maxsize=1)
def gazetteer_waters() -> dict:
    """The shipped rivers and lakes named from the gazetteer (`named_waters`); the files' own names
    when the user's gazetteer is broken. The live map's and the pictures' one source."""
    from gazetteer.places.index import load_gazetteer

    try:
        place_of = load_gazetteer(broad=False).get
    except GazetteerError:
        place_of = _unnamed
    return named_waters(shipped_water_features(), place_of)
