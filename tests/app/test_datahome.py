"""One rule decides where Chronotope keeps its data: the user gazetteer, the caches, the geocode
cache and the app's settings all follow `gazetteer.datahome` (the user layer used to ignore
XDG_DATA_HOME while the atlas and the cache honoured it)."""
from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer import datahome
from gazetteer.places import broad
from gazetteer.places.userlayer import layer_dir
from mapapp.settings import from_env

VARIABLES = ("CHRONOTOPE_HOME", "CHRONOTOPE_CACHE_DIR", "XDG_DATA_HOME")
USER = "/home/someone"


@pytest.mark.parametrize(("env", "home", "cache"), [
    ({}, f"{USER}/.local/share/chronotope", f"{USER}/.local/share/chronotope/cache"),
    ({"XDG_DATA_HOME": "/xdg"}, "/xdg/chronotope", "/xdg/chronotope/cache"),
    ({"CHRONOTOPE_HOME": "/srv/ch"}, "/srv/ch", "/srv/ch/cache"),
    ({"CHRONOTOPE_HOME": "/srv/ch", "XDG_DATA_HOME": "/xdg"}, "/srv/ch", "/srv/ch/cache"),
    ({"CHRONOTOPE_HOME": "~/ch"}, f"{USER}/ch", f"{USER}/ch/cache"),
    ({"CHRONOTOPE_HOME": "", "XDG_DATA_HOME": "/xdg"}, "/xdg/chronotope", "/xdg/chronotope/cache"),
    ({"XDG_DATA_HOME": "/xdg", "CHRONOTOPE_CACHE_DIR": "/var/cache/ch"}, "/xdg/chronotope", "/var/cache/ch"),
])
def test_every_part_keeps_its_data_where_datahome_says(env, home, cache, monkeypatch):
    monkeypatch.setenv("HOME", USER)
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert datahome.data_home() == datahome.data_home({**env, "HOME": USER}) == Path(home)
    assert layer_dir() == Path(home) / "gazetteer"           # the user gazetteer
    assert broad.cache_dir() == datahome.cache_dir() == Path(cache)   # the GeoNames layer
    settings = from_env({**env, "HOME": USER})
    assert (settings.HOME, settings.ATLAS_DIR) == (Path(home), Path(home) / "atlas")   # the app and its atlas
