"""A document with characters outside the BMP (emoji, Gothic letters of an OCR'd page) before its
places: the API counts them as one character each, JavaScript's strings as two units; the reader,
the review tools and the queue still mark, quote and correct the very words the API names."""
from __future__ import annotations

import shutil

import pytest
from fixtures_review import PASSWORD, get_json, log_in

from mapapp.accounts import store

from .mappage import open_map

pytestmark = pytest.mark.browser

DOCUMENT = """\
---
title: Telegram 𐌰𐌱 from Goris
date: August 12, 1920
origin: Goris
kind: telegram
---
Received 😀😀 and 𐌰𐌱𐌲 in the copy. The detachment left Goris for Shusha on the same day; 🏔 the
brigade stood near Nakhichevan and 🐎 moved to Shusha.
"""


@pytest.fixture(scope="module")
def astral_corpus(tmp_path_factory, make_atlas):
    corpus = tmp_path_factory.mktemp("astral_corpus")
    (corpus / "astral.md").write_text(DOCUMENT, encoding="utf-8")
    return corpus, make_atlas([corpus])


@pytest.fixture
def site(astral_corpus, app_for, serve_app, tmp_path, monkeypatch):
    """The real app on a copy of that atlas (corrections write into it), with an editor."""
    corpus, built = astral_corpus
    atlas, home = tmp_path / "atlas", tmp_path / "home"
    shutil.copytree(built, atlas, ignore=shutil.ignore_patterns("*.lock", ".*"))
    monkeypatch.setenv("CHRONOTOPE_HOME", str(home))
    store.add_user(home, "eve", "editor", PASSWORD, "test")
    base = serve_app(app_for(atlas, HOME=home, CORPUS=[corpus]))
    doc_id = get_json(f"{base}/api/documents?limit=5")["documents"][0]["id"]
    return base, doc_id


def api_document(base: str, doc_id: str) -> dict:
    return get_json(f"{base}/api/documents/{doc_id}")


def test_the_reader_marks_the_words_the_api_names(site, page, screenshot):
    base, doc_id = site
    doc = api_document(base, doc_id)
    mentions = sorted(doc["places"], key=lambda m: m["start"])
    assert len(mentions) >= 3 and all(doc["body"][m["start"]:m["end"]] == m["text"] for m in mentions)
    open_map(page, f"{base}/?doc={doc_id}&date=1920-08-12")
    page.wait_for_selector("#reader:not([hidden]) .mention")
    marks = page.locator("#reader-body mark.mention")
    assert marks.all_text_contents() == [m["text"] for m in mentions]
    assert page.locator("#reader-body").text_content() == doc["body"]
    screenshot(page, "reader-astral-text")


def select_words(page, words: str) -> None:
    """Select `words` in the reader's text, as a person's drag would."""
    page.evaluate("""(words) => {
        const body = document.getElementById('reader-body');
        const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.data.indexOf(words);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + words.length);
            getSelection().removeAllRanges();
            getSelection().addRange(range);
            return;
        }
        throw new Error('not in the text: ' + words);
    }""", words)


def test_the_review_tools_quote_and_correct_the_words_chosen(site, page):
    base, doc_id = site
    log_in(page, base)
    open_map(page, f"{base}/?doc={doc_id}&date=1920-08-12")
    page.locator("#review-tools").wait_for()
    select_words(page, "brigade")
    page.wait_for_function("() => document.querySelector('#review-tools .rv-quote q')?.textContent === 'brigade'")
    # Found from the keyboard: "Shusha", after five characters outside the BMP, is the mention the API has there.
    page.locator("#review-tools .rv-cancel").click()
    page.locator("#review-tools .rv-find input").fill("Shusha")
    page.locator("#review-tools .rv-find input").press("Enter")
    page.locator("#review-tools .rv-quote").wait_for()
    start = api_document(base, doc_id)["body"].index("Shusha")
    assert "\u2192" in page.locator("#review-tools .rv-quote").inner_text()   # a mention, with its place
    page.locator("#review-tools .rv-reject").click()
    page.wait_for_function("() => /Rejected|Not saved/.test(document.getElementById('review-status').textContent)")
    assert page.locator("#review-status").inner_text().startswith("Rejected")
    rejected = next(m for m in api_document(base, doc_id)["places"] if m["start"] == start)
    assert rejected["text"] == "Shusha" and rejected["review"]["status"] == "rejected"
    assert page.locator(f'#reader-body mark[data-start="{start}"]').text_content() == "Shusha"


def test_the_queue_marks_the_words_of_each_item(site, page):
    base, doc_id = site
    log_in(page, base)
    page.goto(f"{base}/review")
    page.locator(".queue-item .queue-context").first.wait_for()
    items = get_json(f"{base}/api/review/queue?doc={doc_id}&per_page=50")["items"]
    assert items
    shown = page.locator(".queue-item .queue-context mark").all_text_contents()
    assert shown[:len(items)] == [item["text"] for item in items]
