"""A throw-away PostgreSQL/PostGIS server for the tests, from Debian's binaries.

- `postgres_server`: a cluster made with `initdb` in a temporary folder and started with `pg_ctl`
  (listening on a Unix socket in that folder only, so it clashes with nothing), stopped and deleted
  after the session. As root (CI), the server runs as the unprivileged `postgres` user, since
  PostgreSQL refuses to run as root. Without the binaries or PostGIS the tests that need it skip,
  except under `CI=true`, where they fail: CI installs both (see the README's test command).
- `small_postgres_server`: another such cluster, whose `max_connections` is small (per module).
- `database_url`: a factory, `database_url() -> str`, making a fresh empty database.
- `pg_atlas_url`: a database holding the very atlas file of `atlas_path`, published as it
  would be by `chronotope build --database`; read it, never change it.
"""
from __future__ import annotations

import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from glob import glob
from pathlib import Path

import pytest

SERVER_USER = "postgres"


@dataclass(frozen=True)
class Server:
    socket_dir: Path
    port: int

    def url(self, database: str) -> str:
        return f"postgresql://{SERVER_USER}@/{database}?host={self.socket_dir}&port={self.port}"


def _binaries() -> Path | None:
    """The folder of initdb and pg_ctl (Debian keeps them out of PATH), the newest version first."""
    found = sorted(glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]), reverse=True)
    if found:
        return Path(found[0]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def _has_postgis(bin_dir: Path) -> bool:
    share = subprocess.run([bin_dir / "pg_config", "--sharedir"], capture_output=True, text=True).stdout.strip()
    return bool(share) and (Path(share) / "extension" / "postgis.control").exists()


def _unavailable(why: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"PostgreSQL tests cannot run: {why} (CI installs postgresql and postgis)")
    pytest.skip(f"PostgreSQL tests need {why}")


def _runuser() -> str:
    """util-linux's runuser: in /usr/sbin, which a plain user's PATH (or `env -i`) may leave out."""
    found = shutil.which("runuser") or next((p for p in ("/usr/sbin/runuser", "/sbin/runuser") if os.path.exists(p)), None)
    if found is None:
        _unavailable("runuser (Debian's util-linux)")
    return found


@contextmanager
def _cluster(settings: str = "") -> Iterator[Server]:
    """A throw-away cluster started with extra server `settings` ("-c name=value ..."), stopped and
    deleted when the block ends."""
    bin_dir = _binaries()
    if bin_dir is None:
        _unavailable("PostgreSQL's binaries (Debian's postgresql)")
    if not _has_postgis(bin_dir):
        _unavailable("PostGIS (Debian's postgis)")
    as_root = os.geteuid() == 0
    prefix: list[str] = []
    # In /tmp, not $TMPDIR: the postgres user must reach it, and a socket's path must stay short.
    folder = Path(tempfile.mkdtemp(prefix="chronotope-pg-", dir="/tmp" if as_root else None))
    if as_root:   # initdb and postgres refuse root: the server is the postgres user's
        user = pwd.getpwnam(SERVER_USER)
        os.chown(folder, user.pw_uid, user.pw_gid)
        prefix = [_runuser(), "-u", SERVER_USER, "--"]
    folder.chmod(0o755)
    data, log = folder / "data", folder / "server.log"
    server = Server(folder, 5432)
    subprocess.run([*prefix, bin_dir / "initdb", "-D", data, "-U", SERVER_USER, "--auth=trust",
                    "--encoding=UTF8", "--locale=C.UTF-8"], check=True, capture_output=True)
    options = (f"-c listen_addresses='' -c unix_socket_directories={folder} -p {server.port} "
               f"-c fsync=off -c synchronous_commit=off -c full_page_writes=off {settings}")
    started = subprocess.run([*prefix, bin_dir / "pg_ctl", "-D", data, "-l", log, "-o", options, "-w", "start"],
                             capture_output=True, text=True)
    if started.returncode != 0:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.fail(f"the test PostgreSQL server did not start: {started.stdout}{started.stderr}")
    try:
        yield server
    finally:
        from mapapp.atlas import postgres

        postgres.close_all()   # before the server goes: the cached atlases' connections
        subprocess.run([*prefix, bin_dir / "pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"],
                       capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server():
    with _cluster() as server:
        yield server


SMALL_MAX_CONNECTIONS = 12


@pytest.fixture(scope="module")
def small_postgres_server():
    """A second throw-away cluster that takes only SMALL_MAX_CONNECTIONS connections (PostgreSQL's
    default is 100), for the tests of running out of them."""
    with _cluster(f"-c max_connections={SMALL_MAX_CONNECTIONS} -c superuser_reserved_connections=0") as server:
        yield server


@pytest.fixture(scope="session")
def database_url(postgres_server) -> Callable[[], str]:
    """A factory: the URL of a fresh, empty database on the test server."""
    import psycopg

    names = (f"chronotope_{n}" for n in itertools.count(1))

    def make() -> str:
        name = next(names)
        with psycopg.connect(postgres_server.url("postgres"), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return postgres_server.url(name)

    return make


@pytest.fixture(scope="session")
def pg_atlas_url(database_url, atlas_path) -> str:
    """A database serving the atlas file of `atlas_path`, published into it."""
    from mapapp.atlas import postgres, versions

    url = database_url()
    built = versions.current_file(atlas_path)
    postgres.publish(url, built, versions.current_version(atlas_path), keep=5)
    return url
