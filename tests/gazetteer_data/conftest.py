"""Fixtures for the gazetteer data and file-tool tests."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from harness import shared_path

from gazetteer.places.lpf import bundled_place_files, load_places

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="session")
def bundled_places():
    """Every curated place shipped in the package."""
    return [p for path in bundled_place_files() for p in load_places(path)]


@pytest.fixture(scope="session")
def gold_entries():
    """The gold place entries of the seed texts (skips when ../shared is not beside the repo)."""
    docs = json.loads(shared_path("gold", "places.json").read_text(encoding="utf-8"))
    return [entry for doc in docs for entry in doc["places"]]


@pytest.fixture()
def home(tmp_path, monkeypatch):
    """A private CHRONOTOPE_HOME for the user layer."""
    folder = tmp_path / "home"
    monkeypatch.setenv("CHRONOTOPE_HOME", str(folder))
    return folder


@pytest.fixture()
def data_dir():
    return HERE / "data"


@pytest.fixture()
def cli(home):
    """Run `chronotope ARGS...` in-process with a private CHRONOTOPE_HOME; return the result."""
    from click.testing import CliRunner

    from mapapp.cli import main

    def run(*args: str):
        return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)

    return run
