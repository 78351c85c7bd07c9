"""A password set anew (by an admin, by its owner, by `chronotope users passwd`) or an account removed
ends every other session of that user at its next request, on every server; the session that set
its own password stays. On one machine (the data folder) and on a PostgreSQL database alike."""
from __future__ import annotations

import os

import pytest

from mapapp.accounts import sessions
from mapapp.accounts.store import AccountsStore

from .test_accounts import PASSWORD, log_in, token_of
from .test_shared_accounts import users

NEW_PASSWORD = "another horse, another battery"


@pytest.fixture(params=["data folder", "database"])
def where(request, tmp_path):
    """Where the accounts are: a data folder (one machine) or a database (several)."""
    if request.param == "database":
        return request.getfixturevalue("database_url")()
    return tmp_path / "home"


@pytest.fixture
def servers(where, app_for, atlas_path, tmp_path):
    """Two app instances on the same accounts: two processes on one machine, or two machines on one
    database; ada and bob are admins, eve an editor."""
    if isinstance(where, str):
        apps = [app_for(atlas_path, HOME=tmp_path / f"machine{n}", DATABASE_URL=where) for n in (1, 2)]
    else:
        apps = [app_for(atlas_path, HOME=where) for _ in (1, 2)]
    accounts = AccountsStore(where)
    for name in ("ada", "bob"):
        accounts.add_user(name, "admin", PASSWORD, "test")
    return apps


def logged_in(servers, name: str) -> list:
    """A client of each server, each logged in as `name` (two browsers)."""
    clients = [app.test_client() for app in servers]
    for client in clients:
        assert log_in(client, name).status_code == 302
        assert client.get("/admin/users").status_code == 200
    return clients


def set_password(client, name: str, password: str = NEW_PASSWORD):
    token = token_of(client.get("/admin/users").get_data(as_text=True))
    return client.post(f"/admin/users/{name}/password", data={"password": password, "csrf_token": token})


def test_an_admins_reset_logs_the_user_out_everywhere_and_the_admin_stays(servers, where):
    bobs = logged_in(servers, "bob")
    ada = logged_in(servers, "ada")[0]
    assert set_password(ada, "bob").status_code == 302
    assert [client.get("/admin/users").status_code for client in bobs] == [401, 401]
    assert ada.get("/admin/users").status_code == 200
    assert log_in(bobs[1], "bob", PASSWORD).status_code == 401          # the old password is gone
    assert log_in(bobs[1], "bob", NEW_PASSWORD).status_code == 302
    assert bobs[1].get("/admin/users").status_code == 200
    entry = AccountsStore(where).history("bob")[0]
    assert (entry["actor"], entry["action"]) == ("ada", "change password")


def test_changing_ones_own_password_keeps_this_session_and_ends_the_others(servers):
    here, there = logged_in(servers, "ada")
    assert set_password(here, "ada").status_code == 302
    assert here.get("/admin/users").status_code == 200
    assert there.get("/admin/users").status_code == 401
    assert '<meta name="csrf-token"' not in there.get("/").get_data(as_text=True)   # a reader's page now


def test_the_passwd_command_logs_the_user_out(servers, where, tmp_path):
    bobs = logged_in(servers, "bob")
    env = {**os.environ, "CHRONOTOPE_HOME": str(tmp_path / "operator" if isinstance(where, str) else where)}
    env.pop("CHRONOTOPE_DATABASE_URL", None)
    database = ["--database", where] if isinstance(where, str) else []
    done = users("passwd", "bob", "--password-stdin", *database, env=env, password=NEW_PASSWORD + "\n")
    assert done.returncode == 0, done.stderr
    assert [client.get("/admin/users").status_code for client in bobs] == [401, 401]


def test_a_session_of_a_removed_account_stays_out_when_the_name_is_given_again(servers, where):
    old = logged_in(servers, "bob")
    ada = logged_in(servers, "ada")[0]
    token = token_of(ada.get("/admin/users").get_data(as_text=True))
    assert ada.post("/admin/users/bob/remove", data={"csrf_token": token}).status_code == 302
    AccountsStore(where).add_user("bob", "admin", PASSWORD, "test")   # someone else, with the same password
    assert [client.get("/admin/users").status_code for client in old] == [401, 401]


@pytest.mark.parametrize("value, name, stamp", [
    ("ana:0123abcd", "ana", "0123abcd"),
    ("ana", "ana", ""),                   # a session from before the stamps
    ("a.b-c_d:", "a.b-c_d", ""),
])
def test_a_session_id_is_the_name_and_the_stamp(value, name, stamp):
    assert sessions.parse(value) == (name, stamp)
    if stamp:
        assert sessions.session_id(name, stamp) == value


@pytest.mark.parametrize("key", [b"k" * 32, "k" * 32])
def test_a_stamp_follows_the_password_hash_and_the_empty_stamp_matches_nothing(key):
    first, second = sessions.stamp(key, "$argon2id$one"), sessions.stamp(key, "$argon2id$two")
    assert first != second and "argon2" not in first
    assert sessions.still_good(first, first) and not sessions.still_good(first, second)
    assert not sessions.still_good("", "")
