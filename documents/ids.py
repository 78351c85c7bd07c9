"""Stable document ids: readable slugs that do not change when other documents are added."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import PurePath

from documents.headings import SMALL_WORDS
from documents.model import DateRange

SLUG_WORDS = 4
# A given id goes into URLs, HTML attributes and file names as it is: letters, digits, '.', '_'
# and '-' only, starting with a letter or digit (so never "javascript:..." nor '">...').
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")


def slugify(text: str, words: int = SLUG_WORDS) -> str:
    """Return up to `words` meaningful words of `text`, ASCII, lower case, joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    kept = [w for w in re.findall(r"[a-z0-9]+", ascii_text) if w not in SMALL_WORDS]
    return "-".join(kept[:words])


def document_id(source: str, title: str | None, date: DateRange | None, body: str) -> str:
    """Return "<date>-<title words>-<hash>", e.g. "1920-08-06-telegram-plenipotentiary-...-3fa2c1".

    The hash covers only this document (file name, heading, date line, opening of the body), so
    adding or removing other documents, in this file or elsewhere, never changes it.
    """
    day = date.earliest.isoformat() if date else "undated"
    words = slugify(title or body) or "document"
    own = "\n".join((PurePath(source).name, title or "", date.text if date else "", body[:300]))
    digest = hashlib.sha1(own.encode("utf-8")).hexdigest()[:6]
    return f"{day}-{words}-{digest}"


def id_problem(value: str) -> str | None:
    """Return why `value` cannot be a document id, None when it can."""
    if ID_PATTERN.fullmatch(value):
        return None
    return (f"id {value[:60]!r} is not usable: an id is 1 to 128 letters, digits, '.', '_' or '-', "
            "starting with a letter or digit")


def deduplicate(ids: list[str]) -> list[str]:
    """Return `ids` with repeats (identical documents) suffixed "-2", "-3", ... in order."""
    seen: dict[str, int] = {}
    unique = []
    for value in ids:
        seen[value] = seen.get(value, 0) + 1
        unique.append(value if seen[value] == 1 else f"{value}-{seen[value]}")
    return unique
