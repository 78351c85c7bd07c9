"""Typed settings, read from `CHRONOTOPE_*` environment variables and overridable by `create_app`.

| variable                   | setting          | default                                   |
| -------------------------- | ---------------- | ----------------------------------------- |
| `CHRONOTOPE_HOME`          | `HOME`           | `$XDG_DATA_HOME/chronotope` (~/.local/share/chronotope) |
| `CHRONOTOPE_ATLAS_DIR`     | `ATLAS_DIR`      | `<HOME>/atlas`                            |
| `CHRONOTOPE_CORPUS`        | `CORPUS`         | the bundled corpus (paths, `os.pathsep`-separated) |
| `CHRONOTOPE_KEEP_VERSIONS` | `KEEP_VERSIONS`  | `5` (atlas versions kept for `v=` links)  |
| `CHRONOTOPE_TILES`         | `TILES`          | off (`1`/`true`/`yes` offers online tile layers) |
| `CHRONOTOPE_HTTPS`         | `HTTPS`          | off (`1`: the app is served over HTTPS, so session cookies are `Secure`) |
| `CHRONOTOPE_DATABASE_URL`  | `DATABASE_URL`   | none: the atlas is in `ATLAS_DIR`; `postgresql://user@host/db` keeps it in PostgreSQL |
| `CHRONOTOPE_SECRET_KEY`    | `SECRET_KEY`     | none: made once where the accounts are (`<HOME>/secret_key`, or the database); 32+ characters |
| `CHRONOTOPE_CACHE_DIR`     | `CACHE_DIR`      | `<HOME>/cache` (pictures drawn, shared by processes) |
| `CHRONOTOPE_SERVER_NAME`   | `SERVER_NAME`    | none: absolute URLs use the request's (trusted) host |
| `CHRONOTOPE_TRUSTED_HOSTS` | `TRUSTED_HOSTS`  | the SERVER_NAME's host, else `localhost,127.0.0.1` |
| `CHRONOTOPE_BEHIND_PROXY`  | `BEHIND_PROXY`   | `0`: proxies whose `X-Forwarded-*` headers are honoured |
| `CHRONOTOPE_THREADS`       | `THREADS`        | `24` request threads (waitress) |
| `CHRONOTOPE_CONNECTION_LIMIT` | `CONNECTION_LIMIT` | `500` open connections (waitress; each worker's, with WORKERS > 1) |
| `CHRONOTOPE_WORKERS`       | `WORKERS`        | `1` server process (waitress); more: that many gunicorn worker processes on one port |
| `CHRONOTOPE_PICTURE_WORKERS` | `PICTURE_WORKERS` | `4` processes drawing `/map.png` (at lower priority) |
| `CHRONOTOPE_PICTURE_QUEUE` | `PICTURE_QUEUE`  | `12` pictures waiting for a worker; beyond, 503 |
| `CHRONOTOPE_DATABASE_POOL` | `DATABASE_POOL`  | `10` connections a server process opens to the database at most (2 or more) |
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from gazetteer.datahome import cache_dir, data_home

PREFIX = "CHRONOTOPE_"
TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


class SettingsError(ValueError):
    """A `CHRONOTOPE_*` variable that cannot be read."""


@dataclass(frozen=True)
class Settings:
    """Where the atlas and the corpus are, and what the app offers."""

    HOME: Path
    ATLAS_DIR: Path
    CORPUS: tuple[Path, ...] = ()      # empty: the bundled corpus
    KEEP_VERSIONS: int = 5
    TILES: bool = False
    HTTPS: bool = False
    DATABASE_URL: str | None = None    # a postgresql:// URL: the atlas lives there, not in ATLAS_DIR
    SECRET_KEY: str | None = field(default=None, repr=False)   # None: made once where the accounts are

    CACHE_DIR: Path | None = None       # None: <HOME>/cache
    SERVER_NAME: str | None = None      # host[:port] of absolute URLs (links, oEmbed, cards)
    TRUSTED_HOSTS: tuple[str, ...] = ()  # empty: the SERVER_NAME's host, else LOOPBACK_HOSTS
    BEHIND_PROXY: int = 0               # proxies in front whose X-Forwarded-* are believed
    THREADS: int = 24
    CONNECTION_LIMIT: int = 500
    WORKERS: int = 1                    # server processes of `chronotope serve` (more than 1: gunicorn)
    PICTURE_WORKERS: int = 4
    PICTURE_QUEUE: int = 12
    DATABASE_POOL: int = 10             # connections to DATABASE_URL one process opens at most

    def __post_init__(self) -> None:
        if self.CACHE_DIR is None:
            object.__setattr__(self, "CACHE_DIR", self.HOME / "cache")

    @property
    def atlas_location(self) -> Path | str:
        """Where the atlas is: the database when one is set, else the atlas folder (or file)."""
        return self.DATABASE_URL or self.ATLAS_DIR

    def as_config(self) -> dict:
        """Return the settings as Flask config keys."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


LOOPBACK_HOSTS = ("localhost", "127.0.0.1")
# (name, minimum) of the whole-number settings.
COUNTS = (("KEEP_VERSIONS", 1), ("BEHIND_PROXY", 0), ("THREADS", 1), ("CONNECTION_LIMIT", 1),
          ("WORKERS", 1), ("PICTURE_WORKERS", 1), ("PICTURE_QUEUE", 0), ("DATABASE_POOL", 2))


def trusted_hosts(settings: Settings) -> tuple[str, ...]:
    """The Host header values the app answers (werkzeug's forms: a leading dot admits subdomains)."""
    if settings.TRUSTED_HOSTS:
        return settings.TRUSTED_HOSTS
    if settings.SERVER_NAME:
        return (settings.SERVER_NAME.rpartition(":")[0] or settings.SERVER_NAME,)
    return LOOPBACK_HOSTS


def hosts(value: str | list | tuple) -> tuple[str, ...]:
    """Host names from a comma-separated string or a sequence, lower-cased."""
    parts = value.split(",") if isinstance(value, str) else value
    return tuple(p.strip().lower() for p in parts if p and p.strip())


def _bool(name: str, text: str) -> bool:
    value = text.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise SettingsError(f"{PREFIX}{name}={text!r}: expected 1/0, true/false, yes/no or on/off")


def _int(name: str, text: str, minimum: int) -> int:
    try:
        value = int(text)
    except ValueError:
        raise SettingsError(f"{PREFIX}{name}={text!r}: expected a whole number") from None
    if value < minimum:
        raise SettingsError(f"{PREFIX}{name}={text!r}: must be at least {minimum}")
    return value


def _database_url(text: str) -> str:
    value = text.strip()
    if not value.startswith(("postgresql://", "postgres://")):
        raise SettingsError(f"{PREFIX}DATABASE_URL={text!r}: expected a postgresql:// URL")
    return value


MIN_SECRET = 32


def _secret(text: str) -> str:
    if len(text) < MIN_SECRET:
        raise SettingsError(f"{PREFIX}SECRET_KEY: use at least {MIN_SECRET} characters "
                            "(python3 -c 'import secrets; print(secrets.token_hex(32))' makes one)")
    return text


def paths(value: str | os.PathLike | list | tuple | None) -> tuple[Path, ...]:
    """Return a tuple of paths from an `os.pathsep`-separated string or a sequence of paths."""
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(Path(p).expanduser() for p in value.split(os.pathsep) if p)
    if isinstance(value, os.PathLike):
        return (Path(value),)
    return tuple(Path(p).expanduser() for p in value)


def from_env(environ: Mapping[str, str] | None = None) -> Settings:
    """Return the settings the `CHRONOTOPE_*` variables of `environ` (default os.environ) give."""
    env = os.environ if environ is None else environ
    home = data_home(env)
    atlas_dir = env.get(PREFIX + "ATLAS_DIR")
    settings = Settings(HOME=home, ATLAS_DIR=Path(atlas_dir).expanduser() if atlas_dir else home / "atlas",
                        CACHE_DIR=cache_dir(env))
    if env.get(PREFIX + "CORPUS"):
        settings = replace(settings, CORPUS=paths(env[PREFIX + "CORPUS"]))
    if env.get(PREFIX + "DATABASE_URL"):
        settings = replace(settings, DATABASE_URL=_database_url(env[PREFIX + "DATABASE_URL"]))
    if env.get(PREFIX + "SECRET_KEY"):
        settings = replace(settings, SECRET_KEY=_secret(env[PREFIX + "SECRET_KEY"]))
    for name in ("TILES", "HTTPS"):
        if PREFIX + name in env:
            settings = replace(settings, **{name: _bool(name, env[PREFIX + name])})
    if env.get(PREFIX + "SERVER_NAME"):
        settings = replace(settings, SERVER_NAME=env[PREFIX + "SERVER_NAME"].strip().lower())
    if env.get(PREFIX + "TRUSTED_HOSTS"):
        settings = replace(settings, TRUSTED_HOSTS=hosts(env[PREFIX + "TRUSTED_HOSTS"]))
    for name, minimum in COUNTS:
        if env.get(PREFIX + name):
            settings = replace(settings, **{name: _int(name, env[PREFIX + name], minimum)})
    return settings


def with_overrides(settings: Settings, config: Mapping | None) -> Settings:
    """Return `settings` with the keys of `config` that name a setting replaced (typed)."""
    if not config:
        return settings
    names = {f.name for f in fields(Settings)}
    changes = {k: v for k, v in config.items() if k in names}
    if "HOME" in changes:
        changes["HOME"] = Path(changes["HOME"])
        if "ATLAS_DIR" not in changes:
            changes["ATLAS_DIR"] = changes["HOME"] / "atlas"
    if "ATLAS_DIR" in changes:
        changes["ATLAS_DIR"] = Path(changes["ATLAS_DIR"])
    if "CORPUS" in changes:
        changes["CORPUS"] = paths(changes["CORPUS"])
    if changes.get("DATABASE_URL"):
        changes["DATABASE_URL"] = _database_url(str(changes["DATABASE_URL"]))
    if changes.get("SECRET_KEY"):
        changes["SECRET_KEY"] = _secret(str(changes["SECRET_KEY"]))
    for name in ("TILES", "HTTPS"):
        if name in changes and not isinstance(changes[name], bool):
            changes[name] = _bool(name, str(changes[name]))
    if "CACHE_DIR" in changes:
        changes["CACHE_DIR"] = Path(changes["CACHE_DIR"])
    elif "HOME" in changes:
        changes["CACHE_DIR"] = changes["HOME"] / "cache"
    if "TRUSTED_HOSTS" in changes:
        changes["TRUSTED_HOSTS"] = hosts(changes["TRUSTED_HOSTS"] or ())
    for name, minimum in COUNTS:
        if name in changes:
            changes[name] = _int(name, str(changes[name]), minimum)
    return replace(settings, **changes)
