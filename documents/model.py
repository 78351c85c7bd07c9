"""The records that reading a document produces."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

KINDS = ("letter", "telegram", "memorandum", "report", "minutes", "transcript",
         "agreement", "address", "interview", "other")

# How exactly a DateRange is known, from finest to coarsest.
PRECISIONS = ("day", "part-of-month", "month", "season", "part-of-year", "year", "years")


@dataclass(frozen=True)
class DateRange:
    """A date known to lie between `earliest` and `latest` (both inclusive)."""

    earliest: date
    latest: date
    text: str
    precision: str = "day"
    note: str | None = None  # e.g. "converted from the Julian calendar (O.S. 28 July 1920)"


@dataclass(frozen=True)
class FoundDate:
    """A date written in a text, with its character span [start, end) in that text."""

    text: str
    start: int
    end: int
    range: DateRange


@dataclass(frozen=True)
class Document:
    """One archival document: its heading, dating, parties, citation and text."""

    id: str
    source: str
    title: str | None
    date: DateRange | None
    body: str
    origin: str | None = None
    author: str | None = None
    recipient: str | None = None
    kind: str = "other"
    archive_ref: str | None = None
    published_in: str | None = None
    dates: tuple[FoundDate, ...] = field(default_factory=tuple)
    line: int = 1  # line of the source file where the document starts
