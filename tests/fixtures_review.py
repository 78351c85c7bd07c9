"""Fixtures and steps of the review pages' tests (browser and accessibility).

- `editor_site`: the real app on a copy of the session's atlas (`review_atlas`), served on loopback,
  with an editor "eve" who agreed to be named ("Eve Markarian") and a reader "rita"; its home
  (`review_home`) is also CHRONOTOPE_HOME, so the app and `chronotope` share accounts and the user
  gazetteer layer, as when deployed.
- `log_in(page, base, name)`, `open_document(page, base, doc)`, `create_place(page, name, source)`: the
  steps a person takes.
"""
from __future__ import annotations

import json
import shutil
from urllib.request import urlopen

import pytest
from browser.mappage import open_map

from mapapp.accounts import store

PASSWORD = "correct horse battery"
DOC = "1920-08-07-telegram-b-legrand-g-38f92c"     # Legrand to Chicherin, 7 August 1920


def get_json(url: str) -> dict:
    with urlopen(url, timeout=30) as answer:
        return json.loads(answer.read())


def mention_at(doc: dict, start: int) -> dict | None:
    """The place mention of an /api/documents/<id> answer that starts at `start`."""
    return next((m for m in doc["places"] if m["start"] == start), None)


def log_in(page, base: str, name: str = "eve") -> None:
    page.goto(f"{base}/login?next=/")
    page.fill("#username", name)
    page.fill("#password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(f"{base}/")


def open_document(page, base: str, doc: str = DOC) -> None:
    """Open `doc` in the reader of an editor (review mode)."""
    open_map(page, f"{base}/?doc={doc}")
    page.locator("#review-tools").wait_for()


def create_place(page, name: str, source: str, certainty: str | None = None) -> None:
    """Make a place for the words chosen in the review tools: its name, a settlement, its point clicked
    on the map, its certainty (else the form's), its source; then save it."""
    page.locator("#review-tools .rv-new-place").click()
    form = page.locator("#review-tools .rv-place-form")
    form.locator("input[name=toponym]").fill(name)
    form.locator("select[name=kind]").select_option("settlement")
    form.locator(".rv-pick").click()
    area = page.locator("#map-area").bounding_box()
    page.mouse.click(area["x"] + area["width"] * 0.62, area["y"] + area["height"] * 0.22)
    page.wait_for_function("() => document.querySelector('.rv-place-form input[name=lon]').value !== ''")
    if certainty:
        form.locator("select[name=certainty]").select_option(certainty)
    form.locator("input[name=source]").fill(source)
    form.locator("button[type=submit]").click()


@pytest.fixture
def review_atlas(atlas_path, tmp_path):
    """The session's atlas folder, copied: corrections write beside it and into it."""
    target = tmp_path / "atlas"
    shutil.copytree(atlas_path, target, ignore=shutil.ignore_patterns("*.lock", ".*"))
    return target


@pytest.fixture
def review_home(tmp_path):
    return tmp_path / "home"


@pytest.fixture
def editor_site(app_for, review_atlas, review_home, serve_app, monkeypatch):
    """The real app on a copy of the session's atlas, with an editor who agreed to be named and a
    reader; its home (accounts, the user gazetteer layer) is the one `chronotope` reads, as deployed."""
    monkeypatch.setenv("CHRONOTOPE_HOME", str(review_home))
    store.add_user(review_home, "eve", "editor", PASSWORD, "test", public_name="Eve Markarian")
    store.add_user(review_home, "rita", "reader", PASSWORD, "test")
    return serve_app(app_for(review_atlas, HOME=review_home))
