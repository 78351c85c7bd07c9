"""Fixtures of the audit tests: the shipped data files, loaded once."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PLACES = ROOT / "gazetteer" / "data" / "places"
TERRITORIES = ROOT / "gazetteer" / "data" / "territories"
NETWORK = ROOT / "gazetteer" / "data" / "network"
BASEMAP = ROOT / "mapapp" / "data" / "basemap"
TOURS = ROOT / "mapapp" / "tours" / "data"


def load_json(path: Path) -> object:
    return json.loads(path.read_text(encoding="utf-8"))


def shipped_places() -> list[tuple[str, dict]]:
    """(file:id, feature) for every curated place."""
    return [(f"{path.name}:{feature['@id']}", feature)
            for path in sorted(PLACES.glob("*.lpf.json")) for feature in load_json(path)["features"]]


def timeline_entries() -> list[tuple[str, dict]]:
    """(territory#n, entry) for every claim and control entry of the timeline."""
    timeline = load_json(TERRITORIES / "timeline.json")
    return [(f"{territory}#{n}", entry) for territory, entries in timeline["territories"].items()
            for n, entry in enumerate(entries)]


@pytest.fixture(scope="session")
def timeline() -> dict:
    return load_json(TERRITORIES / "timeline.json")
