"""The written account of a view is the alt text of its pictures, the oEmbed description, a handout's
paragraph and, in the browser, the map's live description; in the reader's language."""
from __future__ import annotations

import html
import re

import pytest
from browser.mappage import open_map

TOUR = "disputed-districts-1920-1921"


def alts(body: str) -> list[str]:
    return [html.unescape(a) for a in re.findall(r'<img[^>]*\balt="([^"]*)"', body)]


@pytest.mark.parametrize("code", ["en", "hy"])
def test_a_tour_steps_pictures_are_described_by_the_account(client, code):
    body = client.get(f"/tours/{TOUR}?step=2&lang={code}").get_data(as_text=True)
    step_query = html.unescape(re.search(r'id="step-2".*?data-src="/map.png\?([^"]+)"|id="step-2".*?src="/map.png\?([^"]+)"',
                                         body, re.S).group(1) or "")
    query = "&".join(p for p in step_query.split("&") if not p.startswith(("width=", "height=")))
    account = client.get(f"/api/description?{query}&lang={code}").get_json()["text"]
    assert account in alts(body)


def test_a_document_page_and_its_handout_carry_the_account(client):
    doc = client.get("/api/documents?per_page=1").get_json()["documents"][0]["id"]
    account = client.get(f"/api/description?doc={doc}&lang=ru").get_json()
    page = client.get(f"/documents/{doc}?lang=ru").get_data(as_text=True)
    assert account["text"] in alts(page)
    handout = html.unescape(client.get(f"/documents/{doc}/print?lang=ru").get_data(as_text=True))
    assert account["statements"][0]["text"] in handout and account["text"] in alts(handout) + [""]


def test_the_oembed_answer_describes_the_view_in_the_links_language(client):
    url = "http://localhost/?date=1920-08-10&window=30&lang=ka"
    answer = client.get("/oembed", query_string={"url": url, "format": "json"}).get_json()
    assert answer["description"].startswith("რუკა ")
    assert "lang=ka" in answer["html"]                     # the embed keeps the language too


@pytest.mark.browser
def test_the_map_reads_out_the_account_when_the_date_changes(live_server, page):
    open_map(page, f"{live_server}/?date=1920-08-10&window=30&lang=ru")
    region = page.locator("#description")
    assert region.get_attribute("aria-live") == "polite"
    page.wait_for_function("() => document.getElementById('description').textContent.startsWith('Карта на 10 августа')",
                           timeout=10_000)
    page.focus("#slider")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => !document.getElementById('description').textContent.startsWith('Карта на 10 августа')"
                           " && document.getElementById('description').textContent.startsWith('Карта на ')",
                           timeout=10_000)
