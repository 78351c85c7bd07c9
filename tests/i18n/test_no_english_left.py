"""No English left in another language: the API's errors, the error pages, 401/403/429, the oEmbed
answer and the server's pictures speak the language asked for.

Each check tests the mechanism, not a translation: the answer in a language differs from the English
one, and it is the catalogue's translation of the English message (its placeholders filled)."""
from __future__ import annotations

import html
import re
from functools import cache

import pytest
from babel.messages.pofile import read_po

from mapapp.accounts import store
from mapapp.web.i18n import LANGUAGES, catalogue_sources

TRANSLATED = [code for code in LANGUAGES if code != "en"]
PASSWORD = "correct horse battery"


@cache
def catalogue(code: str) -> tuple[tuple[re.Pattern, re.Pattern], ...]:
    """(English pattern, translation pattern) for each message of `code` with placeholders or none."""
    with catalogue_sources()[code].open("rb") as po:
        messages = [m for m in read_po(po, locale=code) if m.id and isinstance(m.id, str) and m.string]

    def pattern(text: str) -> re.Pattern:
        return re.compile(re.sub(r"%\\\(\w+\\\)[sd]", "(.+)", re.escape(text)), re.S)

    return tuple((pattern(m.id), pattern(m.string)) for m in messages)


def assert_from_catalogue(english: str, shown: str, code: str) -> None:
    """`shown` is the catalogue's translation into `code` of the English message `english`."""
    assert shown != english
    sources = [(source, translation) for source, translation in catalogue(code) if source.fullmatch(english)]
    assert sources, f"no message of the catalogue says {english!r}"
    assert any(translation.fullmatch(shown) for _, translation in sources), (english, shown)


def page_message(body: str) -> str:
    """The message of the error page (error.html) or the detail of the 410 page (gone.html)."""
    found = re.search(r"<main>\s*<h1>[^<]*</h1>\s*<p>([^<]*)</p>", body) or re.search(r"<p><small>([^<]*)</small>", body)
    return html.unescape(found.group(1))


def answers(client, method: str, path: str, code: str, **kwargs):
    joiner = "&" if "?" in path else "?"
    return client.open(f"{path}{joiner}lang={code}", method=method, **kwargs)


# (method, path, status) of errors every site has: JSON under /api/, an HTML page elsewhere.
ERRORS = [
    ("GET", "/api/no-such-route", 404),
    ("GET", "/no-such-page", 404),
    ("POST", "/api/corpus", 405),
    ("GET", "/api/documents/no-such-document", 404),
    ("GET", "/documents/no-such-document", 404),
    ("GET", "/api/places/no-such-place", 404),
    ("GET", "/api/documents?v=000000000000", 410),
    ("GET", "/embed?v=000000000000", 410),
    ("GET", "/map.png?doc=no-such-document", 404),
    ("GET", "/tours/no-such-tour", 404),
    # the corrections API (issue #13)
    ("GET", "/api/annotations/no-such-annotation", 404),
    ("GET", "/api/documents/no-such-document/annotations", 404),
    ("GET", "/api/documents/no-such-document/history", 404),
]


@pytest.mark.parametrize("code", TRANSLATED)
@pytest.mark.parametrize(("method", "path", "status"), ERRORS)
def test_errors_speak_the_language_asked_for(client, code, method, path, status):
    english, shown = (answers(client, method, path, lang) for lang in ("en", code))
    assert english.status_code == shown.status_code == status
    if path.startswith("/api/"):
        assert shown.get_json()["error"]["code"] == english.get_json()["error"]["code"]
        assert_from_catalogue(english.get_json()["error"]["message"], shown.get_json()["error"]["message"], code)
    else:
        assert_from_catalogue(page_message(english.get_data(as_text=True)), page_message(shown.get_data(as_text=True)),
                              code)


@pytest.mark.parametrize("code", TRANSLATED)
def test_a_missing_atlas_is_said_in_the_language_asked_for(app_for, tmp_path, code):
    client = app_for(tmp_path / "nothing-built-here").test_client()
    english, shown = (answers(client, "GET", "/api/corpus", lang) for lang in ("en", code))
    assert english.status_code == shown.status_code == 503
    assert_from_catalogue(english.get_json()["error"]["message"], shown.get_json()["error"]["message"], code)


@pytest.mark.parametrize("code", TRANSLATED)
def test_a_request_too_large_is_said_in_the_language_asked_for(app_for, atlas_path, code):
    client = app_for(atlas_path, MAX_CONTENT_LENGTH=100).test_client()
    english, shown = (answers(client, "POST", "/login", lang, data={"username": "x" * 1000}) for lang in ("en", code))
    assert english.status_code == shown.status_code == 413
    assert_from_catalogue(page_message(english.get_data(as_text=True)), page_message(shown.get_data(as_text=True)),
                          code)


@pytest.fixture
def site(app_for, atlas_path, tmp_path):
    home = tmp_path / "home"
    app = app_for(atlas_path, HOME=home)
    store.add_user(home, "rita", "reader", PASSWORD, "test")
    return app


def log_in(client, name: str, password: str = PASSWORD, lang: str = "en"):
    page = client.get(f"/login?lang={lang}").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    return client.post(f"/login?lang={lang}", data={"username": name, "password": password, "csrf_token": token})


@pytest.mark.parametrize("code", TRANSLATED)
def test_permission_answers_speak_the_language_asked_for(site, code):
    for who, status in ((None, 401), ("rita", 403)):
        client = site.test_client()
        if who:
            log_in(client, who)
        english, shown = (answers(client, "GET", "/admin/users", lang) for lang in ("en", code))
        assert english.status_code == shown.status_code == status
        assert_from_catalogue(page_message(english.get_data(as_text=True)), page_message(shown.get_data(as_text=True)),
                              code)
    csrf = site.test_client().post(f"/login?lang={code}", data={"username": "rita", "password": PASSWORD})
    assert csrf.status_code == 400 and "csrf_failed" in csrf.get_data(as_text=True)
    english_csrf = site.test_client().post("/login?lang=en", data={"username": "rita", "password": PASSWORD})
    assert page_message(csrf.get_data(as_text=True)) != page_message(english_csrf.get_data(as_text=True))


@pytest.mark.parametrize("code", TRANSLATED)
def test_too_many_failed_logins_is_said_in_the_language_asked_for(site, code):
    refused = {}
    for lang in ("en", code):
        client = site.test_client()
        for _ in range(5):
            log_in(client, "rita", "wrong password!", lang)
        refused[lang] = log_in(client, "rita", PASSWORD, lang)
        assert refused[lang].status_code == 429
        site.extensions["chronotope.failed_logins"].clear("127.0.0.1")
    assert_from_catalogue(page_message(refused["en"].get_data(as_text=True)),
                          page_message(refused[code].get_data(as_text=True)), code)


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_oembed_answer_speaks_the_links_language(client, code):
    doc = next(d for d in client.get("/api/documents?per_page=500").get_json()["documents"] if d["heading"])
    for url in ("http://localhost/?date=1920-08-10&window=30", f"http://localhost/documents/{doc['id']}"):
        english, shown = (client.get("/oembed", query_string={"url": f"{url}{'&' if '?' in url else '?'}lang={lang}"})
                          .get_json() for lang in ("en", code))
        assert shown["description"] != english["description"]
        assert f"lang={code}" in shown["html"] and f"lang={code}" in shown["thumbnail_url"]
        if "documents/" in url:
            assert shown["title"] == english["title"] == doc["title"]      # a document's title is its data
            credit = english["collection"].split(", ", 1)[1]               # "compiled by ..."
            assert_from_catalogue(credit, shown["collection"].split(", ", 1)[1], code)
        else:
            assert_from_catalogue(english["title"], shown["title"], code)
    english, shown = (client.get("/oembed", query_string={"url": "http://elsewhere.example/", "lang": lang})
                      for lang in ("en", code))
    assert english.status_code == shown.status_code == 404
    assert_from_catalogue(english.get_json()["error"]["message"], shown.get_json()["error"]["message"], code)
