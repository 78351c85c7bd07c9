"""Fixtures of the share/embed/teach tests: atlases with two versions, a corpus with hostile text."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

HOSTILE_DOC = """\
---
title: Report <script>alert("title")</script> on Goris & Nakhichevan
date: August 12, 1920
origin: <b>Goris</b>
author: A. <img src=x onerror=alert(1)>
kind: report
archive_ref: Archive "<script>alert('ref')</script>", f. 1
---
The detachment left Goris for Nakhichevan <script>alert("body")</script> and " onmouseover="alert(2).
"""

HOSTILE_TOUR = """\
title: Tour <script>alert("tour")</script>
steps:
  - date: 1920-08-12
    caption: A caption with <script>alert("caption")</script>.
    questions:
      - Why <img src=x onerror=alert(3)>?
"""

BROKEN_TOUR = """\
title: Broken
steps:
  - caption: this step names neither a doc nor a date
"""


@pytest.fixture(scope="session")
def two_versions(small_corpus, tmp_path_factory):
    """(corpus, atlas folder, old build, new build): the new version holds one document more."""
    from mapapp.atlas.build import plan_build, run_build

    corpus = tmp_path_factory.mktemp("share_corpus")
    for path in small_corpus.iterdir():
        shutil.copy(path, corpus / path.name)
    location = tmp_path_factory.mktemp("share_atlas")
    old = run_build(plan_build([corpus], location))
    (corpus / "added.md").write_text(HOSTILE_DOC, encoding="utf-8")
    new = run_build(plan_build([corpus], location))
    return corpus, location, old, new


@pytest.fixture(scope="session")
def hostile_corpus(two_versions) -> Path:
    """The corpus of the newer version (with a Markdown document full of markup) and its tours/."""
    corpus = two_versions[0]
    tours = corpus / "tours"
    tours.mkdir(exist_ok=True)
    (tours / "hostile.yaml").write_text(HOSTILE_TOUR, encoding="utf-8")
    (tours / "broken.yaml").write_text(BROKEN_TOUR, encoding="utf-8")
    return corpus


@pytest.fixture
def pinned_app(app_for, two_versions, hostile_corpus):
    """The real app on the two-version atlas, reading tours next to its corpus."""
    return app_for(two_versions[1], CORPUS=[hostile_corpus])


@pytest.fixture
def pinned_client(pinned_app):
    return pinned_app.test_client()
