"""Fixtures for the corrections tests: a copy of the session's atlas that tests may change, an app on
it with an admin, an editor and a reader, and clients logged in as each (CSRF header set)."""
from __future__ import annotations

import re

import pytest

from mapapp.accounts import store as accounts

PASSWORD = "correct horse battery"
DOC = "1920-12-26-record-conversation-bekzadyan-mravyan-b13b4c"   # names Estonia, Latvia, Angora ...


@pytest.fixture
def atlas_copy(review_atlas):
    """The session's atlas folder, copied (tests/fixtures_review.py): corrections write beside it and into it."""
    return review_atlas


@pytest.fixture
def home(review_home):
    return review_home


@pytest.fixture
def store(request):
    """Where the atlas (and its corrections) live: "sqlite" (a folder) or "postgresql" (a database)."""
    return getattr(request, "param", "sqlite")


@pytest.fixture
def user_home(home, monkeypatch):
    """The app's data folder is also the gazetteer's (as when both come from CHRONOTOPE_HOME)."""
    from mapapp.corrections import places

    monkeypatch.setenv("CHRONOTOPE_HOME", str(home))
    places.forget()
    yield home
    monkeypatch.undo()
    places.forget()


@pytest.fixture
def site(app_for, atlas_copy, home, store, request):
    config = {}
    if store == "postgresql":   # a fresh database serving the same atlas, published as a build would
        from mapapp.atlas import postgres, versions

        url = request.getfixturevalue("database_url")()
        postgres.publish(url, versions.current_file(atlas_copy), versions.current_version(atlas_copy), keep=5)
        config["DATABASE_URL"] = url
    app = app_for(atlas_copy, HOME=home, **config)
    where = accounts.accounts_location(app.config)   # with a database, the accounts are in it too
    accounts.add_user(where, "ada", "admin", PASSWORD, "test")
    accounts.add_user(where, "eve", "editor", PASSWORD, "test", public_name="Eve Markarian")
    accounts.add_user(where, "ed", "editor", PASSWORD, "test")
    accounts.add_user(where, "rita", "reader", PASSWORD, "test")
    return app


def with_token(app):
    """A client that is not logged in but sends a valid CSRF token (from the login page) on every request."""
    client = app.test_client()
    html = client.get("/login").get_data(as_text=True)
    client.environ_base["HTTP_X_CSRF_TOKEN"] = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    return client


def logged_in(app, name: str):
    """A test client logged in as `name`, sending the CSRF token in X-CSRF-Token on every request."""
    client = with_token(app)
    token = client.environ_base["HTTP_X_CSRF_TOKEN"]
    response = client.post("/login", data={"username": name, "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302, f"{name} could not log in"
    client.environ_base["HTTP_X_CSRF_TOKEN"] = token
    return client


@pytest.fixture
def eve(site):
    return logged_in(site, "eve")


@pytest.fixture
def ed(site):
    return logged_in(site, "ed")


def quote(body: str, exact: str, occurrence: int = 0) -> list[dict]:
    """The selectors of the `occurrence`-th `exact` in `body`."""
    start = -1
    for _ in range(occurrence + 1):
        start = body.index(exact, start + 1)
    end = start + len(exact)
    return [{"type": "TextQuoteSelector", "exact": exact, "prefix": body[max(0, start - 20):start],
             "suffix": body[end:end + 20]},
            {"type": "TextPositionSelector", "start": start, "end": end}]


def link(doc: str, body: str, exact: str, place: str, note: str | None = None) -> dict:
    """A W3C annotation linking `exact` in document `doc` to `place`."""
    bodies = [{"type": "SpecificResource", "purpose": "identifying", "source": place}]
    if note:
        bodies.append({"type": "TextualBody", "purpose": "commenting", "value": note})
    return {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "body": bodies,
            "target": {"source": f"/documents/{doc}", "selector": quote(body, exact)}}
