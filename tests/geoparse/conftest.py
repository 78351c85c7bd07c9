"""Fixtures for the geoparser tests: a small real gazetteer and the full one."""
from __future__ import annotations

from pathlib import Path

import pytest
from harness import shared_path

from gazetteer.places.index import Gazetteer, load_gazetteer
from gazetteer.places.lpf import load_places

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def small_gazetteer() -> Gazetteer:
    """31 curated places (tests/geoparse/data/places.lpf.json), no broad layer."""
    return Gazetteer.from_places(load_places(DATA / "places.lpf.json"))


@pytest.fixture(scope="session")
def full_gazetteer() -> Gazetteer:
    """The gazetteer the command uses: curated, user and the GeoNames broad layer."""
    return load_gazetteer()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The project's shared folder (gold and scorers), beside the repository."""
    return shared_path("tools", "score_geoparse.py").parent.parent
