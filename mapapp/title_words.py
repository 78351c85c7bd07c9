"""A document's descriptive title as a page in another language than English shows it.

The atlas keeps the English title `documents.titles` makes ("Agreement, 10 August 1920"), and
the API answers it; a page in another language composes it anew from the document's kind,
author, recipient and dates, in the catalogues' words and the language's own way of writing
dates. Names of people and bodies are the documents' data and are shown as recorded.
static/js/kinds.js `documentTitle` is the scripts' twin (the same message ids).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

from mapapp.code_words import DOCUMENT_KIND_WORDS as KINDS
from mapapp.message_ids import N_

# Between the two parties of an agreement, a conversation or a meeting no direction is implied.
MUTUAL_KINDS = ("agreement", "transcript", "minutes")
PATTERNS = {
    "to": N_("%(kind)s: %(author)s → %(recipient)s, %(date)s"),
    "mutual": N_("%(kind)s: %(author)s; %(recipient)s, %(date)s"),
    "author": N_("%(kind)s: %(author)s, %(date)s"),
    "recipient": N_("%(kind)s: → %(recipient)s, %(date)s"),
    "none": N_("%(kind)s, %(date)s"),
}
UNDATED = N_("undated")
# Every message a title may use, for those who translate them ahead (the pictures' workers).
TITLE_MESSAGES = (*KINDS.values(), *PATTERNS.values(), UNDATED)


def _party(value: object) -> str | None:
    text = str(value or "").strip(" “”\"'.,")
    return text or None


def date_text(earliest: str | None, latest: str | None, long_date: Callable[[str], str],
              month: Callable[[str], str], say: Callable[..., str]) -> str:
    """A document's dates in words: one day, a whole month (`month`), a whole year, or a span of days."""
    if not earliest:
        return say(UNDATED)
    latest = latest or earliest
    if earliest == latest:
        return long_date(earliest)
    first, last = date.fromisoformat(earliest), date.fromisoformat(latest)
    next_month = date(last.year + last.month // 12, last.month % 12 + 1, 1)
    if first.day == 1 and (first.year, first.month) == (last.year, last.month) and (next_month - last).days == 1:
        return month(earliest)
    if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and first.year == last.year:
        return str(first.year)
    return f"{long_date(earliest)} – {long_date(latest)}"


def shown_title(doc: Mapping, say: Callable[..., str], long_date: Callable[[str], str],
                month: Callable[[str], str]) -> str:
    """The document's descriptive title in the words `say` translates, dates by `long_date`/`month`."""
    kind = say(KINDS.get(doc.get("kind") or "other", KINDS["other"]))
    author, recipient = _party(doc.get("author")), _party(doc.get("recipient"))
    shape = ("mutual" if doc.get("kind") in MUTUAL_KINDS else "to") if author and recipient \
        else "author" if author else "recipient" if recipient else "none"
    when = date_text(doc.get("earliest"), doc.get("latest"), long_date, month, say)
    return say(PATTERNS[shape], kind=kind, author=author or "", recipient=recipient or "", date=when)
