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
    """A date known to lie between `earliest` and `latest` (both inclusive).

    A date whose year is not known ("On April 23" in a text with no date to take the year from)
    has `earliest` and `latest` None, and `edtf` says what is known ("XXXX-04-23").
    """

    earliest: date | None
    latest: date | None
    text: str
    precision: str = "day"
    note: str | None = None  # e.g. "converted from the Julian calendar (O.S. 28 July 1920)"
    edtf: str | None = None  # set only where the interval cannot say it (a date without its year)

    @property
    def has_year(self) -> bool:
        """True when the interval is known, False for a date whose year is not."""
        return self.earliest is not None


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
    language: str | None = None  # BCP 47, as given in its metadata or detected (documents.language)
