"""Several servers on one PostgreSQL database let the same people in: the accounts, the failed logins
and the session key are in the database's `chronotope_accounts` schema, not on each machine."""
from __future__ import annotations

import os
import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest
from harness import chronotope_command

from mapapp.accounts.store import AccountsStore
from mapapp.settings import SettingsError, from_env

from .test_accounts import PASSWORD, log_in, token_of


def users(*args: str, env: dict, password: str | None = None) -> subprocess.CompletedProcess:
    """`chronotope users ...`, the installed command, as an operator runs it."""
    return subprocess.run([*chronotope_command(), "users", *args], env=env, input=password, capture_output=True,
                          text=True, timeout=120)


@pytest.fixture
def operator_env(tmp_path) -> dict:
    """The environment of an operator's shell on a third machine: its own data folder, no database set."""
    env = {**os.environ, "CHRONOTOPE_HOME": str(tmp_path / "operator")}
    env.pop("CHRONOTOPE_DATABASE_URL", None)
    env.pop("CHRONOTOPE_SECRET_KEY", None)
    return env


@pytest.fixture
def url(database_url) -> str:
    return database_url()


@pytest.fixture
def servers(app_for, atlas_path, tmp_path, url):
    """Two app instances on one database, each with its own data folder, as on two machines."""
    return [app_for(atlas_path, HOME=tmp_path / f"machine{n}", DATABASE_URL=url) for n in (1, 2)]


def add(url: str, name: str, role: str = "admin") -> None:
    AccountsStore(url).add_user(name, role, PASSWORD, "test")


def test_a_user_added_by_the_command_on_the_database_logs_in_on_both_servers(servers, url, operator_env, tmp_path):
    added = users("add", "ana", "--role", "admin", "--password-stdin", "--database", url, env=operator_env,
                  password=PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    listed = users("list", env={**operator_env, "CHRONOTOPE_DATABASE_URL": url})   # the variable does as well
    assert listed.stdout.splitlines() == ["ana\tadmin\t"]
    assert users("list", env=operator_env).stdout == ""      # the operator's own data folder has nobody
    for app in servers:
        client = app.test_client()
        assert log_in(client, "ana").status_code == 302
        assert client.get("/admin/users").status_code == 200
    assert not any((tmp_path / f"machine{n}" / "accounts.sqlite").exists() for n in (1, 2))


def test_a_session_made_by_one_server_is_good_on_the_other(servers, url, tmp_path):
    add(url, "ana")
    first, second = (app.test_client() for app in servers)
    log_in(first, "ana")
    second.set_cookie("session", first.get_cookie("session").value)
    page = second.get("/admin/users")
    assert page.status_code == 200 and "ana" in page.get_data(as_text=True)
    assert not any((tmp_path / f"machine{n}" / "secret_key").exists() for n in (1, 2))


def test_a_session_from_a_server_on_another_database_is_refused(servers, database_url, app_for, atlas_path, url,
                                                                 tmp_path):
    add(url, "ana")
    elsewhere = database_url()
    add(elsewhere, "ana")
    stranger = app_for(atlas_path, HOME=tmp_path / "machine3", DATABASE_URL=elsewhere).test_client()
    log_in(stranger, "ana")
    client = servers[0].test_client()
    client.set_cookie("session", stranger.get_cookie("session").value)
    assert client.get("/admin/users").status_code == 401


def test_the_sixth_failed_login_in_a_minute_is_refused_by_either_server(servers, url):
    add(url, "eve", "editor")
    first, second = (app.test_client() for app in servers)
    for client in (first, second, first, second, first):
        assert log_in(client, "eve", "wrong password!").status_code == 401
    for client in (first, second):
        refused = log_in(client, "eve")          # even the right password waits
        assert refused.status_code == 429 and 0 < int(refused.headers["Retry-After"]) <= 61


def test_a_good_login_on_one_server_clears_the_count_on_both(servers, url):
    add(url, "eve", "editor")
    first, second = (app.test_client() for app in servers)
    for _ in range(4):
        assert log_in(first, "eve", "wrong password!").status_code == 401
    assert log_in(second, "eve").status_code == 302
    for _ in range(5):
        assert log_in(first, "eve", "wrong password!").status_code == 401
    assert log_in(second, "eve").status_code == 429


def test_removing_a_user_on_one_server_logs_them_out_on_both(servers, url):
    add(url, "ada")
    add(url, "bob")
    bobs = [app.test_client() for app in servers]
    for client in bobs:
        log_in(client, "bob")
        assert client.get("/admin/users").status_code == 200
    ada = servers[0].test_client()
    log_in(ada, "ada")
    token = token_of(ada.get("/admin/users").get_data(as_text=True))
    assert ada.post("/admin/users/bob/remove", data={"csrf_token": token}).status_code == 302
    assert [client.get("/admin/users").status_code for client in bobs] == [401, 401]
    entry = AccountsStore(url).history("bob")[0]
    assert (entry["actor"], entry["action"]) == ("ada", "remove user")


def test_removing_a_user_with_the_command_logs_them_out(servers, url, operator_env):
    add(url, "bob")
    client = servers[1].test_client()
    log_in(client, "bob")
    assert users("remove", "bob", "--database", url, env=operator_env).returncode == 0
    assert client.get("/admin/users").status_code == 401


def test_the_session_key_is_made_once_however_many_servers_start_at_once(url):
    from mapapp.atlas import postgres

    with ThreadPoolExecutor(8) as pool:
        keys = set(pool.map(lambda _: AccountsStore(url).session_key(), range(8)))
        postgres.close_all()   # the threads' connections, before the threads go
    assert len(keys) == 1 and len(keys.pop()) == 32


def test_a_key_the_operator_sets_signs_the_sessions(app_for, atlas_path, url, tmp_path):
    key = "an operator's key of at least thirty-two characters"
    add(url, "ana")
    first, second = (app_for(atlas_path, HOME=tmp_path / f"m{n}", DATABASE_URL=url, SECRET_KEY=key).test_client()
                     for n in (1, 2))
    log_in(first, "ana")
    second.set_cookie("session", first.get_cookie("session").value)
    assert second.get("/admin/users").status_code == 200
    with AccountsStore(url)._tx() as conn:
        assert conn.execute("SELECT count(*) FROM session_key").fetchone()[0] == 0


@pytest.mark.parametrize("value, accepted", [("short", False), ("x" * 31, False), ("x" * 32, True)])
def test_the_secret_key_setting_needs_32_characters(value, accepted, tmp_path):
    env = {"CHRONOTOPE_HOME": str(tmp_path), "CHRONOTOPE_SECRET_KEY": value}
    if accepted:
        assert from_env(env).SECRET_KEY == value and value not in repr(from_env(env))
    else:
        with pytest.raises(SettingsError, match="at least 32 characters"):
            from_env(env)


def test_a_database_the_command_cannot_reach_is_one_line_not_a_traceback(operator_env, tmp_path):
    nowhere = f"postgresql://nobody@/nothing?host={tmp_path}&port=1"
    result = users("list", "--database", nowhere, env=operator_env)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("error: postgresql://nobody@")


@pytest.mark.network
def test_two_serve_processes_on_one_database_share_logins_and_removals(atlas_path, url, operator_env, tmp_path):
    """The real thing: two `chronotope serve --database` on two data folders, one browser's cookies."""
    import http.cookiejar
    import re
    import urllib.error
    import urllib.parse
    import urllib.request

    from mapapp.atlas import postgres, versions
    from tests.app.test_postgres_serve import Server

    postgres.publish(url, versions.current_file(atlas_path), versions.current_version(atlas_path), keep=5)
    assert users("add", "ana", "--role", "admin", "--password-stdin", "--database", url, env=operator_env,
                 password=PASSWORD + "\n").returncode == 0
    command = [*chronotope_command(), "serve", "--database", url, "--port", "0", "--threads", "2"]
    servers = [Server(command, {**operator_env, "CHRONOTOPE_HOME": str(tmp_path / f"machine{n}")}) for n in (1, 2)]
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def status(address: str) -> int:
        try:
            with browser.open(address) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    try:
        first, second = (server.url for server in servers)   # both on 127.0.0.1: one cookie for both
        token = re.search(r'name="csrf_token" value="([^"]+)"', browser.open(first + "login").read().decode())[1]
        form = urllib.parse.urlencode({"username": "ana", "password": PASSWORD, "csrf_token": token}).encode()
        browser.open(urllib.request.Request(first + "login", data=form))
        assert (status(first + "admin/users"), status(second + "admin/users")) == (200, 200)
        assert users("remove", "ana", "--database", url, env=operator_env).returncode == 0
        assert (status(first + "admin/users"), status(second + "admin/users")) == (401, 401)
    finally:
        for server in servers:
            server.stop()
