"""Fixtures shared by every test folder: where the real data lives, and how to run the command."""
from __future__ import annotations

from pathlib import Path

import pytest
from harness import chronotope_command

from gazetteer.datahome import CACHE_VARIABLE

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session", autouse=True)
def shared_cache_dir(tmp_path_factory) -> Path:
    """One cache folder for the whole run, in this process and every `chronotope` it starts:
    the GeoNames layer (seconds to build) is built once per run, whatever CHRONOTOPE_HOME a
    test gives, and never read from or written to the user's own cache."""
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(CACHE_VARIABLE, str(folder))
        yield folder


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
pytest_plugins = ["fixtures_app", "fixtures_browser", "fixtures_postgres", "fixtures_review"]
