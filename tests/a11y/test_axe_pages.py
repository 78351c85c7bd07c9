"""axe-core over every page kind: no "serious" or "critical" violation, no unlisted "moderate" one."""
from __future__ import annotations

import json
from urllib.request import urlopen

import pytest
from browser.mappage import open_map

from .axe import audit, refused

pytestmark = pytest.mark.browser

TOUR = "disputed-districts-1920-1921"
DOC = "1920-08-10"          # a date whose window holds documents


def get_json(url: str) -> dict:
    with urlopen(url, timeout=30) as answer:
        return json.loads(answer.read())


def a_document_and_place(base: str) -> tuple[str, str]:
    """Return the id of a document that names at least one place, and one of its places."""
    for doc in get_json(f"{base}/api/documents?per_page=500")["documents"]:
        places = get_json(f"{base}/api/documents/{doc['id']}")["places"]
        resolved = [p["place_id"] for p in places if p.get("place_id")]
        if resolved:
            return doc["id"], resolved[0]
    raise AssertionError("no document of the test corpus names a known place")


def open_reader(page, base: str, doc: str) -> None:
    open_map(page, f"{base}/?date={DOC}&doc={doc}")
    page.locator("#reader:not([hidden])").wait_for(timeout=20_000)


# (page kind, path or None for a page opened by a function, what to wait for)
STATIC_PAGES = [
    ("tours", "/tours/", None),
    ("tour", f"/tours/{TOUR}", ".step:not([hidden])"),
    ("tour-step", f"/tours/{TOUR}?step=3", ".step:not([hidden])"),
    ("tour-handout", f"/tours/{TOUR}/print?step=2", None),
    ("login", "/login", None),
    ("error", "/documents/no-such-document", None),
]


@pytest.mark.parametrize("kind,path,ready", STATIC_PAGES, ids=[p[0] for p in STATIC_PAGES])
def test_a_page_has_no_serious_accessibility_violation(live_server, page, axe_source, kind, path, ready):
    page.goto(live_server + path)
    page.wait_for_load_state("networkidle")
    if ready:
        page.locator(ready).first.wait_for()
    if kind == "error":
        page.watch.allow_console_errors = True    # the browser logs the 404 it was asked for
    assert refused(audit(page, axe_source)) == []


@pytest.mark.parametrize("kind", ["map", "reader", "embed"])
def test_the_map_has_no_serious_accessibility_violation(live_server, page, axe_source, kind):
    doc, _ = a_document_and_place(live_server)
    if kind == "map":
        open_map(page, f"{live_server}/?date={DOC}")
    elif kind == "reader":
        open_reader(page, live_server, doc)
    else:
        open_map(page, f"{live_server}/embed?date={DOC}")
    assert refused(audit(page, axe_source)) == []


@pytest.mark.parametrize("kind", ["document", "document-handout", "place"])
def test_document_and_place_pages_have_no_serious_accessibility_violation(live_server, page, axe_source,
                                                                          kind):
    doc, place = a_document_and_place(live_server)
    path = {"document": f"/documents/{doc}", "document-handout": f"/documents/{doc}/print",
            "place": f"/places/{place}"}[kind]
    page.goto(live_server + path)
    page.wait_for_load_state("networkidle")
    assert refused(audit(page, axe_source)) == []
