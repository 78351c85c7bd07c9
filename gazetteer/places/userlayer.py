"""The user's own gazetteer layer: LPF files under <data folder>/gazetteer/ (see `gazetteer.datahome`).

Places there override curated places with the same id and rank first. Files are written
atomically (a temporary file renamed over the target), so a failed import never leaves a
half-written layer behind.
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path

from gazetteer.datahome import data_home
from gazetteer.model import Place
from gazetteer.places.lpf import feature_collection, load_places


def layer_dir(base: Path | None = None) -> Path:
    """Return the folder of the user layer's LPF files."""
    return (base or data_home()) / "gazetteer"


def user_place_files(home: Path | None = None) -> list[Path]:
    """Return the user layer's LPF files, sorted by name (none when the folder is missing)."""
    folder = layer_dir(home)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name.endswith(".lpf.json") and p.is_file())


def load_user_places(home: Path | None = None) -> list[Place]:
    """Return every place of the user layer; GazetteerError names a broken file and record."""
    places = []
    for path in user_place_files(home):
        layer = "geocoded" if path.name == GEOCODED_FILE else "user"
        places += load_places(path, layer=layer)
    return places


GEOCODED_FILE = "geocoded.lpf.json"


def layer_file_name(source: Path | str) -> str:
    """Return the user-layer file name for an imported file: its stem, safe, + .lpf.json."""
    stem = Path(source).name
    for suffix in (".lpf.json", ".geojson", ".jsonld", ".json", ".gpkg", ".tsv", ".txt", ".csv"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-.") or "import"
    return f"{stem}.lpf.json"


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file in the same folder and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def save_places(places: Iterable[Place], name: str, home: Path | None = None) -> Path:
    """Write `places` as the user-layer file `name` (replacing it) and return its path."""
    path = layer_dir(home) / name
    text = json.dumps(feature_collection(places), ensure_ascii=False, indent=1)
    write_atomically(path, text + "\n")
    return path
