"""Where Chronotope keeps its data: the one rule every part (user gazetteer, caches, atlas) follows.

| variable                | folder                                                        |
| ----------------------- | ------------------------------------------------------------- |
| `CHRONOTOPE_HOME`       | the data folder; else `$XDG_DATA_HOME/chronotope`, else `~/.local/share/chronotope` |
| `CHRONOTOPE_CACHE_DIR`  | rebuildable caches (the GeoNames layer); else `<data folder>/cache` |

It lives in `gazetteer` because both `gazetteer` and `mapapp` need it, and `gazetteer` imports
nothing from `mapapp`.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

HOME_VARIABLE = "CHRONOTOPE_HOME"
CACHE_VARIABLE = "CHRONOTOPE_CACHE_DIR"


def data_home(environ: Mapping[str, str] | None = None) -> Path:
    """Return Chronotope's data folder for `environ` (default: os.environ)."""
    env = os.environ if environ is None else environ
    if env.get(HOME_VARIABLE):
        return Path(env[HOME_VARIABLE]).expanduser()
    base = Path(env["XDG_DATA_HOME"]).expanduser() if env.get("XDG_DATA_HOME") else Path.home() / ".local" / "share"
    return base / "chronotope"


def cache_dir(environ: Mapping[str, str] | None = None) -> Path:
    """Return the folder of Chronotope's rebuildable caches for `environ` (default: os.environ)."""
    env = os.environ if environ is None else environ
    if env.get(CACHE_VARIABLE):
        return Path(env[CACHE_VARIABLE]).expanduser()
    return data_home(env) / "cache"
