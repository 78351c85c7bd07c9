"""Issue #13: the data's codes and the documents' descriptive titles in the page's language.

A place's kind, a movement's kind and status, and a document's title are shown in the catalogues'
words on pages in ru hy az tr ka; English pages, and the API in every language, keep the atlas's
English title."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from mapapp.code_words import CERTAINTY_WORDS, MOVEMENT_KIND_WORDS, MOVEMENT_STATUS_WORDS, PLACE_KIND_WORDS
from mapapp.title_words import date_text, shown_title

KINDS_JS = Path(__file__).resolve().parents[2] / "mapapp" / "static" / "js" / "kinds.js"
TRANSLATED = ("ru", "hy", "az", "tr", "ka")


def js_table(name: str) -> dict[str, str]:
    """The {code: English word} table `name` of static/js/kinds.js."""
    body = re.search(rf"const {name} = \(\) => \(\{{(.*?)\}}\);", KINDS_JS.read_text(encoding="utf-8"), re.S).group(1)
    return {json.loads(f'"{k}"') if not k.startswith('"') else json.loads(k): json.loads(v)
            for k, v in re.findall(r'("[^"]+"|\w+): _\(("[^"]+")\)', body)}


@pytest.mark.parametrize(("js", "python"), [("PLACE_KINDS", PLACE_KIND_WORDS), ("MOVEMENT_KINDS", MOVEMENT_KIND_WORDS),
                                            ("MOVEMENT_STATUSES", MOVEMENT_STATUS_WORDS), ("CERTAINTIES", CERTAINTY_WORDS)])
def test_the_scripts_and_the_pages_name_the_codes_alike(js, python):
    assert js_table(js) == python


def say(message: str, **values) -> str:
    return message % values if values else message


def english_day(iso: str) -> str:
    return f"day {iso}"


def english_month(iso: str) -> str:
    return f"month {iso[:7]}"


@pytest.mark.parametrize(("earliest", "latest", "shown"), [
    ("1920-08-10", "1920-08-10", "day 1920-08-10"),
    ("1920-08-10", None, "day 1920-08-10"),
    ("1921-02-01", "1921-02-28", "month 1921-02"),
    ("1920-12-01", "1920-12-31", "month 1920-12"),
    ("1921-02-01", "1921-02-10", "day 1921-02-01 – day 1921-02-10"),
    ("1920-01-01", "1920-12-31", "1920"),
    ("1920-11-15", "1921-01-10", "day 1920-11-15 – day 1921-01-10"),
    (None, None, "undated"),
])
def test_a_documents_dates_in_words(earliest, latest, shown):
    assert date_text(earliest, latest, english_day, english_month, say) == shown


@pytest.mark.parametrize(("doc", "shown"), [
    ({"kind": "letter", "author": "N. Narimanov", "recipient": "V. Lenin", "earliest": "1921-02-16", "latest": "1921-02-16"},
     "Letter: N. Narimanov → V. Lenin, day 1921-02-16"),
    ({"kind": "agreement", "author": "RSFSR", "recipient": "Republic of Armenia", "earliest": "1920-08-10"},
     "Agreement: RSFSR; Republic of Armenia, day 1920-08-10"),         # no direction between the parties
    ({"kind": "telegram", "author": "“Ordzhonikidze”", "earliest": "1920-08-10"}, "Telegram: Ordzhonikidze, day 1920-08-10"),
    ({"kind": "report", "recipient": "V. Lenin", "earliest": "1921-02-01", "latest": "1921-02-28"},
     "Report: → V. Lenin, month 1921-02"),
    ({"kind": "nonsense"}, "Document, undated"),
])
def test_a_title_names_kind_parties_and_date(doc, shown):
    assert shown_title(doc, say, english_day, english_month) == shown


def a_document(client) -> dict:
    for listed in client.get("/api/documents", query_string={"per_page": 500}).get_json()["documents"]:
        doc = client.get(f"/api/documents/{listed['id']}").get_json()
        if doc["author"] and doc["earliest"] == doc["latest"] and doc["kind"] in ("letter", "telegram", "report"):
            return doc
    pytest.fail("no bundled letter, telegram or report with an author and a day")


def heading(client, path: str) -> str:
    body = client.get(path).get_data(as_text=True)
    return html.unescape(re.search(r'<h1 class="doc-title">([^<]*)</h1>', body).group(1))


@pytest.mark.parametrize("code", TRANSLATED)
def test_a_document_page_titles_it_in_the_pages_language(client, code):
    doc = a_document(client)
    english = heading(client, f"/documents/{doc['id']}?lang=en")
    assert english == doc["title"]
    shown = heading(client, f"/documents/{doc['id']}?lang={code}")
    words = client.get(f"/i18n/{code}.json").get_json()
    kind = words["messages"][{"letter": "Letter", "telegram": "Telegram", "report": "Report"}[doc["kind"]]]
    assert shown != english and shown.startswith(kind)
    assert doc["author"].strip(" “”\"'.,") in shown                     # names as recorded
    day = int(doc["earliest"][8:])
    assert str(day) in shown and words["dates"]["months"][int(doc["earliest"][5:7]) - 1] in shown
    # the API keeps its English contract in every language
    assert client.get(f"/api/documents/{doc['id']}?lang={code}").get_json()["title"] == doc["title"]


@pytest.mark.parametrize("code", TRANSLATED)
def test_a_place_page_names_its_kind_in_the_pages_language(client, code):
    place = client.get("/api/places", query_string={"q": "Shusha"}).get_json()["features"][0]["properties"]
    english = PLACE_KIND_WORDS[place["kind"]]
    body = client.get(f"/places/{place['id']}?lang={code}").get_data(as_text=True)
    translated = client.get(f"/i18n/{code}.json").get_json()["messages"].get(english)
    line = html.unescape(re.search(r'<span class="coords">.*', body).group(0))
    assert f"· {english} ·" not in line
    assert translated and f"· {translated} ·" in line, line


def test_a_pictures_title_names_the_document_in_the_pictures_language(app):
    from mapapp.atlas.current import current_atlas
    from mapapp.picture.scene import build_scene
    from mapapp.view_state import ViewState
    from mapapp.web.picture_words import picture_words

    with app.test_request_context("/map.png"):
        atlas = current_atlas()
        doc = next(atlas.document(d["id"]) for d in atlas.documents()["documents"] if d.get("author"))
        state = ViewState(doc=doc["id"])
        english = build_scene(atlas, state, 640, 400, picture_words("en")).title
        russian = build_scene(atlas, state, 640, 400, picture_words("ru")).title
    assert english.endswith(doc["title"])
    assert doc["title"] not in russian and doc["author"].strip(" “”\"'.,") in russian
    assert "автор" in russian or "стороны" in russian


@pytest.mark.parametrize("code", ("en", *TRANSLATED))
def test_a_document_pages_movements_name_kind_and_status_in_its_language(client, code):
    for listed in client.get("/api/documents", query_string={"per_page": 500}).get_json()["documents"]:
        doc = client.get(f"/api/documents/{listed['id']}").get_json()
        if any(m.get("kind") in MOVEMENT_KIND_WORDS and m.get("status") in MOVEMENT_STATUS_WORDS
               for m in doc.get("movements") or []):
            break
    else:
        pytest.fail("no bundled document with a movement")
    body = html.unescape(client.get(f"/documents/{doc['id']}?lang={code}").get_data(as_text=True))
    items = re.findall(r'<li class="doc-movement">(.*?)</li>', body, re.S)
    words = client.get(f"/i18n/{code}.json").get_json()["messages"]
    m = next(m for m in doc["movements"] if m.get("kind") in MOVEMENT_KIND_WORDS and m.get("status") in MOVEMENT_STATUS_WORDS)
    kind, status = (words.get(w, w) for w in (MOVEMENT_KIND_WORDS[m["kind"]], MOVEMENT_STATUS_WORDS[m["status"]]))
    assert any(item.startswith(kind) and f"({status}" in item for item in items), items
    if code != "en":
        assert not any(item.startswith(m["kind"] + " ") for item in items)
