"""Which atlas `build`, `export` and `annotations` work on: the option given, else the environment's."""
from __future__ import annotations

from pathlib import Path

import pytest

from mapapp.cli.chosen_atlas import chosen_atlas
from mapapp.settings import from_env

URL = "postgresql://editor@/chronotope?host=/tmp/pg"
ENV_URL = "postgresql://env@/atlas?host=/tmp/pg"


@pytest.mark.parametrize("atlas_path, database, env, expected", [
    (None, None, {"CHRONOTOPE_ATLAS_DIR": "/srv/atlas"}, Path("/srv/atlas")),          # the served one
    (None, None, {"CHRONOTOPE_HOME": "/srv/home"}, Path("/srv/home/atlas")),
    (None, None, {"CHRONOTOPE_ATLAS_DIR": "/srv/atlas", "CHRONOTOPE_DATABASE_URL": ENV_URL}, ENV_URL),
    (Path("/tmp/a.sqlite"), None, {"CHRONOTOPE_DATABASE_URL": ENV_URL}, Path("/tmp/a.sqlite")),   # --atlas
    (Path("/tmp/a.sqlite"), URL, {}, URL),                                                # --database wins
    (None, URL, {"CHRONOTOPE_ATLAS_DIR": "/srv/atlas"}, URL),
])
def test_the_option_given_wins_over_the_environment(monkeypatch, atlas_path, database, env, expected):
    for name in ("CHRONOTOPE_ATLAS_DIR", "CHRONOTOPE_HOME", "CHRONOTOPE_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert chosen_atlas(atlas_path, database) == expected
    assert chosen_atlas(atlas_path, database, from_env()) == expected
