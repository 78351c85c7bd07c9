"""Fixtures for the territory tests: the bundled territories and a writer for broken copies."""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from gazetteer.territories.units import bundled_paths, load_territories

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def territories():
    """The bundled territories with the bundled timeline."""
    return load_territories()


@pytest.fixture(scope="session")
def by_id(territories) -> dict:
    return {t.id: t for t in territories}


@pytest.fixture()
def bundled_collection() -> dict:
    """A fresh copy of the bundled territories.geojson, to break in a test."""
    return json.loads(bundled_paths()[0].read_text(encoding="utf-8"))


@pytest.fixture()
def bundled_timeline() -> dict:
    """A fresh copy of the bundled timeline.json, to break in a test."""
    return json.loads(bundled_paths()[1].read_text(encoding="utf-8"))


@pytest.fixture()
def write_json(tmp_path) -> Callable[[str, object], Path]:
    """write_json(name, obj) -> the path of `obj` written as JSON in a temporary folder."""
    def write(name: str, obj: object) -> Path:
        path = tmp_path / name
        path.write_text(obj if isinstance(obj, str) else json.dumps(obj, ensure_ascii=False), encoding="utf-8")
        return path
    return write
