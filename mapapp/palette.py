"""The one palette: the colours the live map and every picture give parties, greys, places and movements.

The colours are data, in `static/palette.json`: the page's JavaScript imports that file as it is
served (`static/js/colours.js`), and the pictures read it here. A party's colour is dealt by the
alphabetical order (case-insensitive) of every party in the data, so no side gets a "national"
colour and a party keeps its colour on every date. A territory's fill is laid at `fill_opacity`
over the land; `seen` gives the colour that results, which is what a picture draws and what the
colour-blindness checks in the tests judge.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PALETTE_FILE = Path(__file__).resolve().parent / "static" / "palette.json"


@dataclass(frozen=True)
class Palette:
    """The colours of the map, as '#rrggbb' strings (see palette.json's "about" for each)."""

    parties: tuple[str, ...]
    actors: tuple[str, ...]
    no_single_control: str
    fill_opacity: float
    outline: str
    hatch: str
    land: str
    water: str
    river: str
    movement: str
    place: str
    place_fill: str
    unstated: str

    def party_colours(self, parties: Iterable[str]) -> dict[str, str]:
        """A colour per party: the parties in alphabetical order take the palette's colours in turn."""
        return {party: self.parties[i % len(self.parties)] for i, party in enumerate(alphabetical(parties))}

    def seen(self, colour: str) -> str:
        """'#rrggbb' of a territory fill `colour` as it looks laid at `fill_opacity` over the land."""
        alpha = self.fill_opacity
        mixed = (alpha * int(colour[i:i + 2], 16) + (1 - alpha) * int(self.land[i:i + 2], 16) for i in (1, 3, 5))
        return "#" + "".join(f"{round(value):02x}" for value in mixed)


def alphabetical(names: Iterable[str]) -> list[str]:
    """The distinct names sorted case-insensitively (ties by the name itself), as the page sorts them."""
    return sorted(set(names), key=lambda name: (name.casefold(), name))


@lru_cache(maxsize=1)
def palette() -> Palette:
    """The palette of `static/palette.json`."""
    data = json.loads(PALETTE_FILE.read_text(encoding="utf-8"))
    return Palette(**{name: tuple(value) if isinstance(value, list) else value
                      for name, value in data.items() if name != "about"})
