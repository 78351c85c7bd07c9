"""Servers on one PostgreSQL database stay within its `max_connections`: each process opens at most
DATABASE_POOL connections, whatever its threads, and a request that finds none free (in its pool,
or in the database) answers 503 with Retry-After, not a traceback. Against a throw-away cluster
that takes only a few connections."""
from __future__ import annotations

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.error import HTTPError
from urllib.request import urlopen

import psycopg
import pytest
from fixtures_postgres import SMALL_MAX_CONNECTIONS
from harness import chronotope_command

from mapapp.atlas import pg_pool, postgres, versions
from mapapp.settings import SettingsError, from_env

from .test_postgres_serve import Server

PATHS = ["/api/corpus", "/api/documents?per_page=5", "/api/places", "/login", "/"]


@pytest.fixture(scope="module")
def small_database(small_postgres_server, atlas_path):
    """A database on the small cluster, serving the session's atlas."""
    with psycopg.connect(small_postgres_server.url("postgres"), autocommit=True) as conn:
        conn.execute("CREATE DATABASE chronotope_small")
    url = small_postgres_server.url("chronotope_small")
    postgres.publish(url, versions.current_file(atlas_path), versions.current_version(atlas_path), keep=5)
    postgres.close_all()
    return url


@pytest.fixture(autouse=True)
def no_connection_left():
    """Each test starts and ends with no connection of this process open (the small cluster counts
    them), and leaves the pools' size as the other tests expect it."""
    postgres.close_all()
    yield
    postgres.close_all()
    pg_pool.set_size(pg_pool.SIZE)


class Watch:
    """The most connections the app(s) had open to the database at once, sampled while it runs."""

    def __init__(self, url: str):
        self.url, self.most, self._stop = url, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        with psycopg.connect(self.url, autocommit=True, application_name="watch") as conn:
            while not self._stop.is_set():
                now = conn.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'chronotope'"
                                   " AND datname = current_database()").fetchone()[0]
                self.most = max(self.most, now)
                time.sleep(0.01)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=10)


def hammer(clients, rounds: int = 6) -> list[int]:
    """Every client asks for every path `rounds` times, the clients at once; the statuses."""
    def work(client):
        return [client(path) for _ in range(rounds) for path in PATHS]

    with ThreadPoolExecutor(len(clients)) as pool:
        return [status for statuses in pool.map(work, clients) for status in statuses]


def test_eight_threads_share_the_pools_three_connections(small_database, app_for, atlas_path, tmp_path):
    app = app_for(atlas_path, HOME=tmp_path / "machine", DATABASE_URL=small_database, DATABASE_POOL=3)
    clients = [app.test_client() for _ in range(8)]
    with Watch(small_database) as watch:
        statuses = hammer([lambda path, c=c: c.get(path).status_code for c in clients])
    assert set(statuses) == {200}
    assert 1 <= watch.most <= 3


def hold_every_free_connection(url: str) -> list:
    """Open connections to `url` until the database refuses one; return them."""
    held = []
    for _ in range(SMALL_MAX_CONNECTIONS + 1):
        try:
            held.append(psycopg.connect(url, autocommit=True, application_name="hog"))
        except psycopg.OperationalError:
            return held
    pytest.fail("the database took more connections than max_connections")


def test_a_database_out_of_connections_answers_503_and_no_traceback(small_database, app_for, atlas_path,
                                                                     tmp_path, caplog):
    app = app_for(atlas_path, HOME=tmp_path / "machine", DATABASE_URL=small_database)
    client = app.test_client()
    doc_id = client.get("/api/documents?per_page=1").get_json()["documents"][0]["id"]
    postgres.close_all()
    held = hold_every_free_connection(small_database)
    try:
        answer = client.get("/api/corpus")
        assert answer.status_code == 503 and int(answer.headers["Retry-After"]) > 0
        assert answer.get_json()["error"]["code"] == "database_busy"
        assert "connection to the database" in answer.get_json()["error"]["message"]
        page = client.get(f"/documents/{doc_id}")
        assert page.status_code == 503 and "connection to the database" in page.get_data(as_text=True)
        assert page.mimetype == "text/html"
    finally:
        for conn in held:
            conn.close()
    assert client.get("/api/corpus").status_code == 200
    assert not [r for r in caplog.records if r.exc_info or "Traceback" in r.getMessage()]


def test_a_pool_with_none_free_answers_503_until_one_comes_back(small_database, app_for, atlas_path, tmp_path,
                                                                  monkeypatch):
    monkeypatch.setattr(pg_pool, "WAIT", 0.2)
    app = app_for(atlas_path, HOME=tmp_path / "machine", DATABASE_URL=small_database, DATABASE_POOL=2)
    pool = pg_pool.pool(small_database, postgres.OPTIONS)
    lent = [pool.borrow(), pool.borrow()]
    client = app.test_client()
    try:
        answer = client.get("/api/documents")
        assert answer.status_code == 503 and answer.get_json()["error"]["code"] == "database_busy"
        pool.give_back(lent.pop())
        assert client.get("/api/documents").status_code == 200
    finally:
        for conn in lent:
            pool.give_back(conn)


@pytest.mark.parametrize("value, accepted", [("1", False), ("2", True), ("40", True), ("many", False)])
def test_the_pool_setting_takes_two_or_more(value, accepted, tmp_path):
    env = {"CHRONOTOPE_HOME": str(tmp_path), "CHRONOTOPE_DATABASE_POOL": value}
    if accepted:
        assert from_env(env).DATABASE_POOL == int(value)
    else:
        with pytest.raises(SettingsError, match="DATABASE_POOL"):
            from_env(env)


@pytest.mark.network
def test_two_serve_processes_stay_within_the_databases_connections(small_database, tmp_path):
    """The real thing: two `chronotope serve` with 8 threads each on a database that takes 12."""
    env = {**os.environ, "CHRONOTOPE_HOME": str(tmp_path / "home"), "CHRONOTOPE_DATABASE_POOL": "4"}
    env.pop("CHRONOTOPE_DATABASE_URL", None)
    command = [*chronotope_command(), "serve", "--database", small_database, "--port", "0", "--threads", "8"]
    servers = [Server(command, env) for _ in range(2)]

    def status(base: str, path: str) -> int:
        try:
            with urlopen(base.rstrip("/") + path, timeout=60) as answer:
                return answer.status
        except HTTPError as error:
            return error.code

    try:
        clients = [lambda path, s=server: status(s.url, path) for server in servers for _ in range(8)]
        with Watch(small_database) as watch:
            statuses = hammer(clients, rounds=3)
        assert set(statuses) == {200}
        assert watch.most <= 2 * 4 < SMALL_MAX_CONNECTIONS
    finally:
        for server in servers:
            server.stop()
