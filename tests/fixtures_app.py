"""Fixtures for tests that use the real app and a real atlas (app, client, runner, ...).

- `small_corpus`: a folder holding copies of the bundled seed pages (22 documents; session).
- `make_atlas`: a factory, `make_atlas(corpus_paths, location=None) -> Path`, building a real atlas
  with the real pipeline into `location` (default: a fresh temporary folder) and returning it.
- `atlas_path`: the atlas folder built once per session from `small_corpus`. Read it, never change it.
- `app`: `create_app` on `atlas_path` with TESTING on; `client`: its test client.
- `runner`: runs `chronotope` commands in-process: `runner.invoke(["build", "--corpus", ...])`,
  with `CHRONOTOPE_HOME` and `CHRONOTOPE_ATLAS_DIR` pointing at temporary folders.
- `app_for`: a factory, `app_for(atlas_location, **config) -> Flask`, for an app on another atlas.
"""
from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "documents" / "corpus"


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory) -> Path:
    """A folder with copies of the bundled seed pages."""
    folder = tmp_path_factory.mktemp("small_corpus")
    for path in sorted(BUNDLED.glob("*.txt")):
        shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="session")
def make_atlas(tmp_path_factory) -> Callable[..., Path]:
    """A factory building a real atlas from corpus paths; returns the atlas location."""
    from mapapp.atlas.build import plan_build, run_build

    def make(corpus: Sequence[Path] | Path, location: Path | None = None) -> Path:
        corpus = [corpus] if isinstance(corpus, (str, Path)) else list(corpus)
        location = location or tmp_path_factory.mktemp("atlas")
        run_build(plan_build(corpus, Path(location)))
        return Path(location)

    return make


@pytest.fixture(scope="session")
def atlas_path(make_atlas, small_corpus) -> Path:
    """The atlas folder of `small_corpus`, built once per session."""
    return make_atlas([small_corpus])


@pytest.fixture
def app_for(small_corpus, tmp_path) -> Callable[..., object]:
    """A factory: the real app on the atlas at `location`, with extra config."""
    from mapapp.app import create_app

    def make(location: Path, **config):
        return create_app({"TESTING": True, "HOME": tmp_path / "home", "ATLAS_DIR": location,
                           "CORPUS": [small_corpus], **config})

    return make


@pytest.fixture
def app(app_for, atlas_path):
    return app_for(atlas_path)


@pytest.fixture
def client(app):
    return app.test_client()


class ChronotopeRunner(CliRunner):
    """Runs `chronotope` commands in-process, in a temporary home."""

    def __init__(self, env: dict[str, str]):
        super().__init__()
        self.base_env = env

    def invoke(self, args: Sequence[str] | str = (), **kwargs) -> Result:  # type: ignore[override]
        from mapapp.cli import main

        env = {**self.base_env, **kwargs.pop("env", {})}
        return super().invoke(main, args, env=env, catch_exceptions=kwargs.pop("catch_exceptions", False),
                              **kwargs)


@pytest.fixture
def runner(tmp_path) -> ChronotopeRunner:
    return ChronotopeRunner({"CHRONOTOPE_HOME": str(tmp_path / "home"),
                             "CHRONOTOPE_ATLAS_DIR": str(tmp_path / "atlas")})
