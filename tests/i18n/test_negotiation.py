"""Which language a request gets, and that pages, the API's errors and the scripts speak it."""
from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from babel.messages.pofile import read_po

from mapapp.web.i18n import COOKIE, LANGUAGES, catalogue_sources, choose_language

EN_RU = [("en", 1.0), ("ru", 0.5)]


@pytest.mark.parametrize("asked, chosen, accepted, expected", [
    ("ru", None, [], "ru"),
    ("RU", "hy", [("az", 1.0)], "ru"),            # the parameter first, whatever its case
    (None, "hy", [("az", 1.0)], "hy"),            # then the reader's earlier choice
    (None, None, [("az-AZ", 1.0)], "az"),         # then the browser's languages
    (None, None, [("fr", 1.0), ("ka", 0.8)], "ka"),
    (None, None, [("tr_TR", 1.0)], "tr"),
    ("xx", "yy", EN_RU, "en"),                    # unknown codes are passed over
    (None, None, [("ru", 0.0), ("hy", 0.3)], "hy"),   # q=0 means "not this one"
    (None, None, [], "en"),
    ("", "", [("*", 1.0)], "en"),
])
def test_choose_language(asked, chosen, accepted, expected):
    assert choose_language(asked, chosen, accepted) == expected


class Shown(HTMLParser):
    """The text a reader meets: text nodes and the alt, title, aria-label and placeholder attributes."""

    def __init__(self):
        super().__init__()
        self.texts: list[str] = []
        self.html_attrs: dict = {}
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_attrs = attrs
        if tag in ("script", "style"):
            self._skip += 1
        self.texts += [attrs[a].strip() for a in ("alt", "title", "aria-label", "placeholder") if attrs.get(a)]

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.texts.append(" ".join(data.split()))


def shown(html: str) -> Shown:
    parser = Shown()
    parser.feed(html)
    return parser


def english_ids() -> set[str]:
    """Message ids that would betray an untranslated page (some words are the same in a language)."""
    with catalogue_sources()["ru"].open("rb") as po:
        return {m.id for m in read_po(po) if isinstance(m.id, str) and "%" not in m.id and len(m.id) > 2}


def a_document_and_place(client) -> tuple[str, str]:
    for doc in client.get("/api/documents?per_page=500").get_json()["documents"]:
        places = [p["place_id"] for p in client.get(f"/api/documents/{doc['id']}").get_json()["places"]
                  if p.get("place_id")]
        if places:
            return doc["id"], places[0]
    pytest.fail("no document names a known place")


PAGES = ["/", "/embed", "/login", "/about", "/compare", "/tours/", "/tours/disputed-districts-1920-1921?step=2",
         "/tours/disputed-districts-1920-1921/print", "/documents/{doc}", "/documents/{doc}/print",
         "/places/{place}", "/documents/no-such-document"]


@pytest.mark.parametrize("code", [c for c in LANGUAGES if c != "en"])
def test_every_page_speaks_the_language_asked_for(client, code):
    doc, place = a_document_and_place(client)
    english = english_ids()
    for path in PAGES:
        url = path.format(doc=doc, place=place)
        answer = client.get(url + ("&" if "?" in url else "?") + f"lang={code}")
        page = shown(answer.get_data(as_text=True))
        assert page.html_attrs == {"lang": code, "dir": "ltr"}, url
        left = sorted({text for text in page.texts if text in english})
        assert left == [], f"English left on {url}"


def test_the_choice_is_kept_in_a_cookie(client):
    answer = client.get("/tours/?lang=hy")
    assert f"{COOKIE}=hy" in answer.headers["Set-Cookie"]
    assert 'lang="hy"' in client.get("/tours/").get_data(as_text=True)   # the client keeps the cookie
    assert 'lang="ka"' in client.get("/tours/?lang=ka").get_data(as_text=True)


def test_accept_language_chooses_when_nothing_else_does(client):
    body = client.get("/login", headers={"Accept-Language": "fr;q=1, tr;q=0.8, en;q=0.5"}).get_data(as_text=True)
    assert '<html lang="tr" dir="ltr">' in body and "Giriş yap" in body
    assert '<html lang="en"' in client.get("/login").get_data(as_text=True)


def test_each_language_link_keeps_the_view(client):
    body = client.get("/?date=1920-08-10&window=7&lang=ru").get_data(as_text=True)
    assert 'href="/?date=1920-08-10&amp;window=7&amp;lang=az"' in body
    assert 'aria-current="true">Русский</a>' in body


@pytest.mark.parametrize("code, expected", [
    ("en", "expected a whole number from 1 to"),
    ("ru", "ожидалось целое число от 1 до"),
    ("tr", "arasında bir tam sayı bekleniyordu"),
])
def test_api_errors_answer_in_the_language(client, code, expected):
    answer = client.get("/api/documents", query_string={"page": "abc", "lang": code})
    assert answer.status_code == 400
    error = answer.get_json()["error"]
    assert error["code"] == "bad_parameter" and error["message"].startswith("page='abc': ")
    assert expected in error["message"]


def test_the_scripts_strings_come_per_language(client):
    ru, en = (client.get(f"/i18n/{code}.json").get_json() for code in ("ru", "en"))
    # a day's month in the genitive ("10 августа"), a month standing alone in the nominative ("август 1920")
    assert ru["dates"] == {"pattern": "d MMMM y\u202f'г'.", "months": [
        "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
        "декабря"], "month_pattern": "LLLL y\u202f'г'.", "months_alone": [
        "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь",
        "декабрь"]}
    ru, en = ru["messages"], en["messages"]
    assert ru["Legend"] == "Легенда" and en["Legend"] == "Legend"
    assert ru.keys() == en.keys() and "Documents and reader" not in en   # template-only messages stay out
    assert client.get("/i18n/xx.json").status_code == 404


@pytest.mark.parametrize("code, opening", [
    ("en", "The map on 10 August 1920, with the documents dated from "),
    ("ru", "Карта на 10 августа 1920\u202fг. с документами, датированными с "),
    ("hy", "Քարտեզը 1920 թ. օգոստոսի 10 դրությամբ՝ "),
    ("ka", "რუკა 10 აგვისტო, 1920-ისთვის, "),
])
def test_the_written_account_answers_in_the_language(client, code, opening):
    answer = client.get("/api/description", query_string={"date": "1920-08-10", "window": "30", "lang": code})
    account = answer.get_json()
    assert account["lang"] == code and account["text"].startswith(opening), account["text"][:120]
    assert "Accept-Language" in answer.headers["Vary"]


def test_the_written_account_follows_accept_language(client):
    account = client.get("/api/description?date=1920-08-10", headers={"Accept-Language": "tr"}).get_json()
    assert account["lang"] == "tr" and account["text"].startswith("10 Ağustos 1920 tarihli harita")


def test_the_layer_switcher_names_the_layers_in_the_language(client):
    body = client.get("/?lang=ru").get_data(as_text=True)
    # Folium writes the names into the page's script as JSON, non-ASCII escaped.
    assert json.dumps("Передвижения и маршруты") in body and "Movements and routes" not in body
