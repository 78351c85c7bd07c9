"""Fixtures shared by every test folder: where the real data lives, and how to run the command."""
from __future__ import annotations

from pathlib import Path

import pytest
from harness import chronotope_command

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def chronotope() -> list[str]:
    return chronotope_command()


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seed_files() -> list[Path]:
    """The bundled corpus: the seed collection pages shipped in the package."""
    return sorted((ROOT / "documents" / "corpus").glob("*.txt"))

# Shared fixtures live in their own modules, owned by the app and browser test authors.
pytest_plugins = ["fixtures_app", "fixtures_browser"]
