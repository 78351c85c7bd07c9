"""Editors, and nobody else: accounts, logging in, CSRF on every write, 401/403/429, history kept."""
from __future__ import annotations

import re
import stat

import pytest

from mapapp.accounts import store
from mapapp.accounts.limits import FailedLogins

PASSWORD = "correct horse battery"


@pytest.fixture
def home(tmp_path):
    return tmp_path / "home"


@pytest.fixture
def site(app_for, atlas_path, home):
    app = app_for(atlas_path, HOME=home)
    store.add_user(home, "ada", "admin", PASSWORD, "test")
    store.add_user(home, "eve", "editor", PASSWORD, "test")
    store.add_user(home, "rita", "reader", PASSWORD, "test")
    return app


def token_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html) or re.search(
        r'<meta name="csrf-token" content="([^"]+)"', html)
    assert found, "no CSRF token on the page"
    return found.group(1)


def log_in(client, name: str, password: str = PASSWORD):
    token = token_of(client.get("/login").get_data(as_text=True))
    return client.post("/login", data={"username": name, "password": password, "csrf_token": token})


def test_the_login_page_is_a_form_with_user_name_password_and_token(site):
    html = site.test_client().get("/login").get_data(as_text=True)
    assert 'name="username"' in html and 'name="password"' in html and token_of(html)


def test_a_right_password_logs_in_with_a_safe_session_cookie(site):
    client = site.test_client()
    response = log_in(client, "eve")
    assert response.status_code == 302 and response.headers["Location"] == "/"
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    page = client.get("/")
    assert '<meta name="csrf-token"' in page.get_data(as_text=True)
    assert page.headers["Cache-Control"] == "private, no-store"


def test_behind_https_the_session_cookie_is_secure(app_for, atlas_path, home):
    app = app_for(atlas_path, HOME=home, HTTPS=True)
    store.add_user(home, "eve", "editor", PASSWORD, "test")
    assert "Secure" in log_in(app.test_client(), "eve").headers["Set-Cookie"]


def test_a_reader_who_is_not_logged_in_sees_no_token(site):
    assert "csrf-token" not in site.test_client().get("/").get_data(as_text=True)


def test_a_wrong_password_is_401_and_the_sixth_failure_in_a_minute_is_429(site):
    client = site.test_client()
    for _ in range(5):
        assert log_in(client, "eve", "wrong password!").status_code == 401
    refused = log_in(client, "eve")            # even the right password waits
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0


def test_failures_are_forgotten_after_a_minute():
    now = [0.0]
    failures = FailedLogins(clock=lambda: now[0])
    for _ in range(5):
        failures.fail("10.0.0.1")
    assert failures.blocked_for("10.0.0.1") > 0 and failures.blocked_for("10.0.0.2") == 0
    now[0] = 61.0
    assert failures.blocked_for("10.0.0.1") == 0


def test_a_login_without_the_token_is_refused(site):
    response = site.test_client().post("/login", data={"username": "eve", "password": PASSWORD})
    assert response.status_code == 400 and "csrf_failed" in response.get_data(as_text=True)


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)"])
def test_login_never_sends_the_user_to_another_site(site, target):
    client = site.test_client()
    token = token_of(client.get("/login").get_data(as_text=True))
    response = client.post("/login", data={"username": "eve", "password": PASSWORD, "csrf_token": token,
                                           "next": target})
    assert response.headers["Location"] == "/"


ADD = {"name": "newbie", "role": "editor", "password": "a long enough password"}


@pytest.mark.parametrize("who, status", [(None, 401), ("rita", 403), ("eve", 403)])
def test_only_admins_manage_users(site, home, who, status):
    client = site.test_client()
    if who:
        log_in(client, who)
    assert client.get("/admin/users").status_code == status
    token = token_of(client.get("/login").get_data(as_text=True))
    assert client.post("/admin/users", data={**ADD, "csrf_token": token}).status_code == status
    assert store.get_user(home, "newbie") is None


def test_an_admin_adds_a_user_and_the_history_says_who(site, home):
    client = site.test_client()
    log_in(client, "ada")
    token = token_of(client.get("/admin/users").get_data(as_text=True))
    assert client.post("/admin/users", data=ADD).status_code == 400          # no token: refused
    assert store.get_user(home, "newbie") is None
    assert client.post("/admin/users", data={**ADD, "csrf_token": token}).status_code == 302
    assert store.get_user(home, "newbie").role == "editor"
    entry = store.history(home, "newbie")[0]
    assert (entry["actor"], entry["action"], entry["after"]["role"]) == ("ada", "add user", "editor")
    assert "newbie" in client.get("/admin/users").get_data(as_text=True)


def test_a_json_write_takes_the_token_in_a_header(site, home):
    client = site.test_client()
    log_in(client, "ada")
    token = token_of(client.get("/").get_data(as_text=True))
    response = client.post("/admin/users/eve/remove", headers={"X-CSRF-Token": token})
    assert response.status_code == 302 and store.get_user(home, "eve") is None


def test_logout_needs_the_token_and_ends_the_session(site):
    client = site.test_client()
    log_in(client, "ada")
    assert client.post("/logout").status_code == 400
    token = token_of(client.get("/").get_data(as_text=True))
    assert client.post("/logout", data={"csrf_token": token}).status_code == 302
    assert client.get("/admin/users").status_code == 401


def test_the_secret_key_is_made_once_and_kept_private(app_for, atlas_path, home):
    apps = [app_for(atlas_path, HOME=home) for _ in range(2)]
    for app in apps:
        app.test_client().get("/login")
    first, second = (app.config["SECRET_KEY"] for app in apps)
    assert first == second and len(first) >= 32
    assert stat.S_IMODE((home / "secret_key").stat().st_mode) == 0o600


def test_passwords_are_stored_as_argon2_hashes_only(home):
    store.add_user(home, "eve", "editor", PASSWORD, "test")
    raw = store.accounts_file(home).read_bytes()
    assert PASSWORD.encode() not in raw and b"$argon2id$" in raw
    assert store.verify(home, "eve", PASSWORD).role == "editor"
    assert store.verify(home, "eve", PASSWORD + "x") is None and store.verify(home, "nobody", PASSWORD) is None


@pytest.mark.parametrize("name, role, password, problem", [
    ("x y", "editor", PASSWORD, "user name"), ("eve", "owner", PASSWORD, "role"),
    ("eve", "editor", "short", "at least 10"),
])
def test_bad_account_fields_are_refused_with_a_reason(home, name, role, password, problem):
    with pytest.raises(store.AccountError, match=problem):
        store.add_user(home, name, role, password, "test")


def test_the_users_command(runner):
    added = runner.invoke(["users", "add", "ana", "--role", "admin", "--password-stdin"], input=PASSWORD + "\n")
    assert added.exit_code == 0, added.output
    assert runner.invoke(["users", "list"]).stdout.splitlines() == ["ana\tadmin\t"]
    again = runner.invoke(["users", "add", "ana", "--password-stdin"], input=PASSWORD + "\n")
    assert again.exit_code == 2 and again.stderr.strip() == "error: user 'ana' exists already"
    assert runner.invoke(["users", "passwd", "ana", "--password-stdin"], input="another long one\n").exit_code == 0
    assert runner.invoke(["users", "remove", "ana"]).exit_code == 0
    assert runner.invoke(["users", "list"]).stdout == ""


@pytest.mark.parametrize("code", ["ru", "ka"])
def test_the_users_page_speaks_the_language_asked_for(site, code):
    from i18n.test_negotiation import english_ids, shown

    client = site.test_client()
    log_in(client, "ada")
    page = shown(client.get(f"/admin/users?lang={code}").get_data(as_text=True))
    assert page.html_attrs["lang"] == code
    assert sorted({text for text in page.texts if text in english_ids()}) == []
