"""Fixtures for the documents tests: the small data files and the real command line."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture
def cli(tmp_path, monkeypatch):
    """Run `chronotope documents ARGS` in-process; return click's Result (stdout and stderr apart).

    Chronotope's home is an empty folder, so the user's own gazetteer layer plays no part.
    """
    from mapapp.cli import main

    monkeypatch.setenv("CHRONOTOPE_HOME", str(tmp_path / "home"))

    def run(*args: str):
        return CliRunner().invoke(main, ["documents", *map(str, args)])

    return run
