"""Real edits to a copy of the corpus, as a user would make them."""
from __future__ import annotations

from pathlib import Path

ADDED = """---
title: Telegram from the Revkom of Zangezur to the Revkom of Armenia ({n})
date: March 3, 1921
origin: Goris
kind: telegram
archive_ref: A document written for the tests.
---
Our detachments have left Goris for Sisian; the road to Nakhichevan is open.
"""


def add_document(folder: Path, n: int = 1) -> Path:
    """Add one more document to the corpus, as a Markdown file with front matter."""
    path = folder / f"added-{n}.md"
    path.write_text(ADDED.format(n=n), encoding="utf-8")
    return path


def fix_a_typo(path: Path) -> None:
    """Change one word of a collection page (its first ' the ' becomes ' THE ')."""
    text = path.read_text(encoding="utf-8")
    assert " the " in text
    path.write_text(text.replace(" the ", " THE ", 1), encoding="utf-8")


def unreadable_source(folder: Path) -> Path:
    """Add a source the reader rejects: no heading, no date line, no document."""
    path = folder / "zz-bad-source.txt"
    path.write_text("just a shopping list\nbread\nmilk\n", encoding="utf-8")
    return path
