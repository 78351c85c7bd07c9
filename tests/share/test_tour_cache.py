"""Tours are read once per change of their file, and a hostile tour file costs no request its time."""
from __future__ import annotations

import os
import time

import pytest

TOUR = """\
title: {title}
steps:
  - date: 1920-08-12
    caption: A caption.
"""

ALIAS_BOMB_TOUR = "title: x\n" + "\n".join(
    [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}" if i else "x"] * 9) + "]" for i in range(10)]
) + "\nsteps:\n  - date: 1920-08-12\n    caption: c\n"


@pytest.fixture
def tours_app(app_for, atlas_path, small_corpus, tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "tours").mkdir(parents=True)
    for path in small_corpus.iterdir():
        (corpus / path.name).write_bytes(path.read_bytes())
    return app_for(atlas_path, CORPUS=[corpus]), corpus / "tours"


def test_a_tour_is_read_again_only_when_its_file_changes(tours_app):
    app, tours = tours_app
    client = app.test_client()
    path = tours / "mine.yaml"
    path.write_text(TOUR.format(title="First words"), encoding="utf-8")
    assert "First words" in client.get("/tours/mine").get_data(as_text=True)
    stamp = path.stat().st_mtime_ns
    # Same inode, size and time: the file is taken as unchanged, so it is not read again.
    with open(path, "r+", encoding="utf-8") as file:
        file.write(TOUR.format(title="Other words"))
    os.utime(path, ns=(stamp, stamp))
    assert "First words" in client.get("/tours/mine").get_data(as_text=True)
    os.utime(path, ns=(stamp + 10**9, stamp + 10**9))
    body = client.get("/tours/mine").get_data(as_text=True)
    assert "Other words" in body and "First words" not in body
    assert "Other words" in client.get("/tours/").get_data(as_text=True)


def test_an_alias_bomb_tour_is_listed_with_its_problem_at_once(tours_app):
    app, tours = tours_app
    (tours / "bomb.yaml").write_text(ALIAS_BOMB_TOUR, encoding="utf-8")
    assert len(ALIAS_BOMB_TOUR) < 600
    client = app.test_client()
    started = time.perf_counter()
    for _ in range(3):
        listing = client.get("/tours/").get_data(as_text=True)
        answer = client.get("/tours/bomb")
    assert time.perf_counter() - started < 3
    assert "aliases (*a0) are not allowed" in listing
    assert answer.status_code == 500 and "bomb.yaml:3" in answer.get_data(as_text=True)
