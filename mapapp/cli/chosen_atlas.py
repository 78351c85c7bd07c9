"""Which atlas a command works on: the one its `--database` or `--atlas` option names, else the settings'."""
from __future__ import annotations

from pathlib import Path


def chosen_atlas(atlas_path: Path | None = None, database: str | None = None, settings=None) -> Path | str:
    """Return the atlas location a command was pointed at: the `--database` URL, else the `--atlas`
    folder or file, else where `settings` (default: the `CHRONOTOPE_*` environment's) keep the atlas."""
    if database:
        return database
    if atlas_path is not None:
        return atlas_path
    if settings is None:
        from mapapp.settings import from_env

        settings = from_env()
    return settings.atlas_location
