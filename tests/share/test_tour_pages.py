"""/tours/: the shipped tour plays on the real atlas; tours next to the corpus are found; handouts."""
from __future__ import annotations

import html
import re

import pytest

from mapapp.tours.tour import bundled_tours_folder, load_tour

SHIPPED = "disputed-districts-1920-1921"


def test_tours_index_lists_the_shipped_tour(client):
    body = client.get("/tours/").get_data(as_text=True)
    assert f'href="/tours/{SHIPPED}"' in body


def test_every_step_of_the_shipped_tour_quotes_its_own_document(client):
    tour = load_tour(bundled_tours_folder() / f"{SHIPPED}.md")
    for step in tour.steps:
        if not step.doc:
            continue
        answer = client.get(f"/api/documents/{step.doc}")
        assert answer.status_code == 200, f"step {step.title!r}: no document {step.doc}"
        doc = answer.get_json()
        if step.quote:
            assert " ".join(step.quote.split()) in " ".join(doc["body"].split()), step.title
        if step.date:
            assert doc["earliest"] <= step.date.isoformat() <= doc["latest"], step.title


def test_the_tour_page_shows_every_step_with_progress_and_shareable_links(client):
    version = client.get("/api/corpus").get_json()["version"]
    tour = load_tour(bundled_tours_folder() / f"{SHIPPED}.md")
    body = client.get(f"/tours/{SHIPPED}").get_data(as_text=True)
    sections = re.findall(r'<section class="step" id="step-(\d+)" data-step="\d+" data-url="([^"]+)"', body)
    assert [int(n) for n, _ in sections] == list(range(1, len(tour.steps) + 1))
    assert all(html.unescape(url) == f"/tours/{SHIPPED}?step={n}&v={version}" for n, url in sections)
    assert f'<span class="progress-now">1</span> / {len(tour.steps)}' in body
    assert "does not hold" not in body
    text = html.unescape(body)
    for step in tour.steps:
        assert step.title in text and step.questions[0] in text


def test_a_step_url_opens_that_step(client):
    body = client.get(f"/tours/{SHIPPED}?step=3").get_data(as_text=True)
    shown = re.findall(r'<section class="step" id="step-(\d+)"[^>]*aria-label="[^"]*"(?! hidden)>', body)
    assert shown == ["3"]
    for bad in ("0", "99", "two"):
        assert client.get(f"/tours/{SHIPPED}?step={bad}").status_code == 400


def test_tours_next_to_the_corpus_are_found_and_escaped(pinned_client):
    listing = pinned_client.get("/tours/").get_data(as_text=True)
    assert 'href="/tours/hostile"' in listing and f'href="/tours/{SHIPPED}"' in listing
    body = pinned_client.get("/tours/hostile").get_data(as_text=True)
    assert "<script>alert(" not in body and "<img src=x" not in body
    assert "&lt;script&gt;alert(" in body


def test_a_broken_tour_file_is_named_with_its_line(pinned_client, hostile_corpus):
    answer = pinned_client.get("/tours/broken")
    assert answer.status_code == 500
    text = html.unescape(answer.get_data(as_text=True))
    assert f"{hostile_corpus / 'tours' / 'broken.yaml'}:3: step 1 needs a 'doc' or a 'date'" in text
    listing = html.unescape(pinned_client.get("/tours/").get_data(as_text=True))
    assert "broken.yaml:3:" in listing


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_tour_handout_has_one_sheet_per_step(client, paper):
    tour = load_tour(bundled_tours_folder() / f"{SHIPPED}.md")
    body = client.get(f"/tours/{SHIPPED}/print?paper={paper}").get_data(as_text=True)
    assert body.count('<section class="sheet">') == len(tour.steps)
    assert body.count("/map.png?") == len(tour.steps)
    one = client.get(f"/tours/{SHIPPED}/print?step=2").get_data(as_text=True)
    assert one.count("<section class=\"sheet\">") == 1 and tour.steps[1].title in html.unescape(one)
