"""Fixtures for the movement tests: real places, and texts with their mentions marked by hand."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from gazetteer.model import Mention, Place
from gazetteer.places.lpf import load_places

DATA = Path(__file__).resolve().parent / "data"
MARK = re.compile(r"\[([^\]@]+)(?:@([^\]]+))?\]")


def places_by_name() -> dict[str, list[Place]]:
    """Every place of the test gazetteer under each of its names, in file order."""
    index: dict[str, list[Place]] = {}
    for place in load_places(DATA / "places.lpf.json"):
        for name in {place.name, *(n.toponym for n in place.names)}:
            index.setdefault(name, []).append(place)
    return index


@pytest.fixture(scope="session")
def mark():
    """Turn "advanced on [Nakhichevan]" into the plain text and its hand-made mentions."""
    index = places_by_name()

    def parse(marked: str) -> tuple[str, list[Mention]]:
        text, mentions, last, out = "", [], 0, []
        for m in MARK.finditer(marked):
            out.append(marked[last:m.start()])
            start = sum(len(s) for s in out)
            name, pid = m.group(1), m.group(2)
            if pid:
                place = next(p for group in index.values() for p in group if p.id == pid)
            else:
                place = index[name][0]
            mentions.append(Mention(start, start + len(name), name, place, score=1.0))
            out.append(name)
            last = m.end()
        out.append(marked[last:])
        text = "".join(out)
        return text, mentions

    return parse


@pytest.fixture(scope="session")
def full_gazetteer():
    """The gazetteer the command uses: curated, user and the GeoNames broad layer."""
    from gazetteer.places.index import load_gazetteer

    return load_gazetteer()
