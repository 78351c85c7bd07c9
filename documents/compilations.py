"""The published compilations documents come from: a record for each, matched by a page's credit line.

A collection page prints the book it comes from under each document ("Yuri Barsegov “Nagorno-
Karabakh in International Law and Global Politics”"). That compilation's compiler wrote the
headings, the cuts and the emphasis, so every document carries the record of its collection.
"""
from __future__ import annotations

import json
import re
from dataclasses import replace
from functools import cache
from importlib import resources

from documents.model import Collection

# The book credit under each page: an author followed by a quoted title.
CREDIT = re.compile(r"^\s*(?P<compiler>[A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*){0,3})\s+[“\"](?P<title>[^”\"]+)[”\"]\s*$")


@cache
def known_collections() -> tuple[tuple[dict, Collection], ...]:
    """Return (the credit it is printed with, the record) for every compilation we describe."""
    path = resources.files("documents") / "corpus" / "collections.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    fields = ("id", "title", "compiler", "publisher", "year", "taken_from", "standpoint")
    return tuple((entry["credit"], Collection(**{k: entry.get(k) for k in fields}))
                 for entry in data["collections"])


def read_credit(line: str) -> tuple[str, str] | None:
    """Return (compiler, title) of a credit line such as 'Yuri Barsegov “...”', or None."""
    found = CREDIT.match(line)
    return (found["compiler"], found["title"].strip()) if found else None


def collection_of(text: str) -> Collection | None:
    """Return the collection a page's credit line names: its record if we know it, else a bare one."""
    for line in text.splitlines():
        credit = read_credit(line)
        if credit is None:
            continue
        compiler, title = credit
        for printed, record in known_collections():
            if (printed["compiler"], printed["title"]) == (compiler, title):
                return replace(record, credit=line.strip())
        slug = re.sub(r"[^a-z0-9]+", "-", f"{compiler} {title}".lower()).strip("-")[:60]
        return Collection(id=slug, title=title, compiler=compiler, credit=line.strip())
    return None
