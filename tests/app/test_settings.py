"""Settings come from CHRONOTOPE_* variables, typed, and create_app(config) overrides them."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from mapapp.app import create_app
from mapapp.settings import Settings, SettingsError, from_env, with_overrides


@pytest.mark.parametrize(("env", "expected"), [
    ({"CHRONOTOPE_HOME": "/srv/ch"},
     Settings(HOME=Path("/srv/ch"), ATLAS_DIR=Path("/srv/ch/atlas"))),
    ({"CHRONOTOPE_HOME": "/srv/ch", "CHRONOTOPE_ATLAS_DIR": "/data/atlas"},
     Settings(HOME=Path("/srv/ch"), ATLAS_DIR=Path("/data/atlas"))),
    ({"XDG_DATA_HOME": "/xdg"},
     Settings(HOME=Path("/xdg/chronotope"), ATLAS_DIR=Path("/xdg/chronotope/atlas"))),
    ({"CHRONOTOPE_HOME": "/h", "CHRONOTOPE_CORPUS": f"/a{os.pathsep}/b/c.txt"},
     Settings(HOME=Path("/h"), ATLAS_DIR=Path("/h/atlas"), CORPUS=(Path("/a"), Path("/b/c.txt")))),
    ({"CHRONOTOPE_HOME": "/h", "CHRONOTOPE_KEEP_VERSIONS": "12", "CHRONOTOPE_TILES": "yes"},
     Settings(HOME=Path("/h"), ATLAS_DIR=Path("/h/atlas"), KEEP_VERSIONS=12, TILES=True)),
    ({"CHRONOTOPE_HOME": "/h", "CHRONOTOPE_TILES": "0"},
     Settings(HOME=Path("/h"), ATLAS_DIR=Path("/h/atlas"), TILES=False)),
    ({"CHRONOTOPE_HOME": "/h", "CHRONOTOPE_DATABASE_URL": " postgresql://me@db/atlas "},
     Settings(HOME=Path("/h"), ATLAS_DIR=Path("/h/atlas"), DATABASE_URL="postgresql://me@db/atlas")),
])
def test_settings_from_environment(env, expected):
    assert from_env(env) == expected


@pytest.mark.parametrize(("env", "named"), [
    ({"CHRONOTOPE_KEEP_VERSIONS": "many"}, "CHRONOTOPE_KEEP_VERSIONS"),
    ({"CHRONOTOPE_KEEP_VERSIONS": "0"}, "CHRONOTOPE_KEEP_VERSIONS"),
    ({"CHRONOTOPE_TILES": "perhaps"}, "CHRONOTOPE_TILES"),
    ({"CHRONOTOPE_DATABASE_URL": "mysql://me@db/atlas"}, "CHRONOTOPE_DATABASE_URL"),
    ({"CHRONOTOPE_DATABASE_URL": "/var/lib/atlas.sqlite"}, "CHRONOTOPE_DATABASE_URL"),
])
def test_a_bad_variable_is_named_in_the_error(env, named):
    with pytest.raises(SettingsError, match=named):
        from_env({"CHRONOTOPE_HOME": "/h", **env})


@pytest.mark.parametrize(("env", "location"), [
    ({}, Path("/h/atlas")),
    ({"CHRONOTOPE_ATLAS_DIR": "/a.sqlite"}, Path("/a.sqlite")),
    ({"CHRONOTOPE_ATLAS_DIR": "/a", "CHRONOTOPE_DATABASE_URL": "postgres://db/x"}, "postgres://db/x"),
])
def test_the_database_when_set_is_where_the_atlas_lives(env, location):
    assert from_env({"CHRONOTOPE_HOME": "/h", **env}).atlas_location == location


def test_tiles_are_off_by_default():
    assert from_env({"CHRONOTOPE_HOME": "/h"}).TILES is False


def test_overrides_are_typed():
    base = from_env({"CHRONOTOPE_HOME": "/h"})
    changed = with_overrides(base, {"HOME": "/other", "CORPUS": "/x", "KEEP_VERSIONS": "3", "TILES": "on"})
    assert changed == Settings(HOME=Path("/other"), ATLAS_DIR=Path("/other/atlas"), CORPUS=(Path("/x"),),
                               KEEP_VERSIONS=3, TILES=True)


def test_create_app_reads_the_environment_and_config_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("CHRONOTOPE_ATLAS_DIR", str(tmp_path / "from-env"))
    monkeypatch.setenv("CHRONOTOPE_KEEP_VERSIONS", "7")
    app = create_app({"ATLAS_DIR": tmp_path / "from-config"})
    assert app.config["ATLAS_DIR"] == tmp_path / "from-config"
    assert app.config["KEEP_VERSIONS"] == 7


def test_creating_the_app_builds_nothing(tmp_path):
    create_app({"HOME": tmp_path})
    assert list(tmp_path.iterdir()) == []
