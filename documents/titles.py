"""A document's descriptive title: what it is, who wrote it to whom, and when, in neutral words.

A compiler's heading ("Assessment of the Armenian Liberation Movement ... in the Report of ...")
argues a reading of the document; the descriptive title only states its kind, its author, its
recipient and its date ("Report of B. Shakhtakhtinsky to V. Lenin, February 1921"). Lists, maps,
pictures, oEmbed answers and ids use the descriptive title; the heading is shown as the compiler's.
"""
from __future__ import annotations

import re

from documents.ids import slugify
from documents.model import DateRange

# How each kind is named at the head of a descriptive title.
KIND_NAMES = {"letter": "Letter", "telegram": "Telegram", "memorandum": "Memorandum", "report": "Report",
              "minutes": "Minutes", "transcript": "Record of a conversation", "agreement": "Agreement",
              "address": "Address", "interview": "Answers", "other": "Document"}
THIRDS = ("early", "mid", "late")
_ID = re.compile(r"^(?P<day>undated|\d{4}-\d{2}-\d{2})-.*-(?P<digest>[0-9a-f]{6})(?P<repeat>-\d+)?$")


# A party that is an office or a body, not a person, takes "the": "the Chairman of the Armenian Revkom".
_BODY_WORDS = {"chairman", "command", "minister", "revolutionary", "peasants", "government", "delegation",
               "council", "committee", "people’s", "people's", "members", "representative", "rsfsr",
               "armenian", "azerbaijani", "georgian", "turkish", "plenipotentiary", "secretary", "central"}


def _party(party: str | None) -> str | None:
    """Return a party as a title names it: an office with "the", a quoted signature as "signed “X”"."""
    if not party:
        return None
    name = party.strip(" “”\"'.,")
    if not name:
        return None
    if party.lstrip().startswith(("“", '"')):
        return f"signed “{name}”"
    first = name.split()[0]
    if first.lower() in _BODY_WORDS or first[0].isdigit() or " of " in name and not re.match(r"(?:[A-Z]\.\s?)+", name):
        return f"the {name}"
    return name


def _of(party: str) -> str:
    return f" {party}" if party.startswith("signed ") else f" of {party}"


def descriptive_name(kind: str, author: str | None, recipient: str | None, origin: str | None = None) -> str:
    """Return the undated part of a descriptive title: "Letter of N. Narimanov to V. Lenin"."""
    author, recipient = _party(author), _party(recipient)
    name = KIND_NAMES.get(kind, "Document")
    if kind == "transcript":
        parties = ", ".join(p for p in (author, recipient) if p) if recipient and " and " in recipient \
            else " and ".join(p for p in (author, recipient) if p)
        name += f" between {parties}" if author and recipient else f" with {parties}" if parties else ""
    elif kind == "minutes":
        name += f" of a meeting of {author}" if author else ""
    elif kind == "agreement":
        name += f" between {author}" if author else ""
    elif kind == "interview":
        name += _of(author) if author else ""
        name += f" to questions from {recipient}" if recipient else ""
    else:
        name += _of(author) if author else ""
        name += f" to {recipient}" if recipient else ""
    if not author and not recipient and origin:
        name += f" written at {origin}"
    return name


def date_words(date: DateRange | None) -> str:
    """Return a document's date in words: "16 February 1921", "early January 1921", "1920", "undated"."""
    if date is None:
        return "undated"
    first, last = date.earliest, date.latest
    if first == last:
        return f"{first.day} {first:%B %Y}"
    if (first.year, first.month) == (last.year, last.month):
        if date.precision == "part-of-month":
            return f"{THIRDS[min(2, (first.day - 1) // 10)]} {first:%B %Y}"
        return f"{first:%B %Y}"
    if first.year == last.year and (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        return str(first.year)
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        return f"{first.year}–{last.year}"
    same_year = first.year == last.year
    return f"{first:%B}{'' if same_year else f' {first.year}'} – {last:%B %Y}"


def descriptive_title(kind: str, author: str | None, recipient: str | None, date: DateRange | None,
                      origin: str | None = None) -> str:
    """Return the descriptive title: "Letter of N. Narimanov to V. Lenin, 16 February 1921"."""
    return f"{descriptive_name(kind, author, recipient, origin)}, {date_words(date)}"


def retitled_id(old_id: str, name: str) -> str:
    """Return `old_id` ("<day>-<heading words>-<hash>") with its words taken from `name` instead.

    The day and the hash (which identifies the document itself) are kept; an id not shaped so
    is returned as it is.
    """
    found = _ID.match(old_id)
    if found is None:
        return old_id
    words = slugify(name) or "document"
    return f"{found['day']}-{words}-{found['digest']}{found['repeat'] or ''}"
