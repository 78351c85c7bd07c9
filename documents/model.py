"""The records that reading a document produces."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

KINDS = ("letter", "telegram", "memorandum", "report", "minutes", "transcript",
         "agreement", "address", "interview", "other")

# How exactly a DateRange is known, from finest to coarsest.
PRECISIONS = ("day", "part-of-month", "month", "season", "part-of-year", "year", "years")


# The calendars a date may be written in; the intervals of DateRange are always Gregorian.
CALENDARS = ("gregorian", "julian", "rumi", "hijri")


@dataclass(frozen=True)
class WrittenDate:
    """A date as its document wrote it, in its own calendar: the first and last (year, month, day).

    Rumi months are numbered as the Julian months they stand for (Mart 3, Kânunusani 1); Hijri
    months from Muharram 1.
    """

    calendar: str
    first: tuple[int, int, int]
    last: tuple[int, int, int]

    def record(self) -> dict:
        """Return it as answers give it: {"calendar", "earliest", "latest"}, the days written
        YYYY-MM-DD in its own calendar's numbering ("1336-03-15" is 15 Mart 1336)."""
        def iso(day: tuple[int, int, int]) -> str:
            return "{:04d}-{:02d}-{:02d}".format(*day)

        return {"calendar": self.calendar, "earliest": iso(self.first), "latest": iso(self.last)}


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
    written: WrittenDate | None = None  # set when the text used another calendar than the Gregorian

    @property
    def calendar(self) -> str:
        """The calendar the date was written in (one of CALENDARS)."""
        return self.written.calendar if self.written else "gregorian"

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
class Markup:
    """A reading the source's own markup states over [start, end) of a document's body.

    `kind` is "place" (a TEI `placeName` with `@ref`: `refs` are the identifiers it points to,
    its own and those of the place list entry it names) or "date" (a TEI `date` with `@when`:
    `date` is that day or interval). `where` names it in its file ("letters.xml:12: /TEI/text/...").
    Such readings are the source's editor's, and win over the machine's.
    """

    kind: str
    start: int
    end: int
    text: str
    where: str
    refs: tuple[str, ...] = ()
    date: DateRange | None = None
    resp: str | None = None   # the TEI @resp: who made the reading ("#chronotope": the machine, not confirmed)


@dataclass(frozen=True)
class Collection:
    """A published compilation that documents were taken from, and whose voice its headings are.

    `standpoint` says plainly for whom the compilation was made; `taken_from` where our copy of its
    texts comes from. Fields that could not be checked say "unverified".
    """

    id: str
    title: str
    compiler: str | None = None
    publisher: str | None = None
    year: str | None = None
    taken_from: str | None = None
    standpoint: str | None = None
    credit: str | None = None  # the credit line as the page prints it


@dataclass(frozen=True)
class Document:
    """One archival document: its descriptive title, dating, parties, citation and text.

    `title` is descriptive and neutral (kind, author, recipient, date); `heading` is the heading a
    compiler printed over it, which speaks in the compiler's voice, and `collection` that compiler's
    compilation. `editorial_notes` are the compiler's marks ("Emphasis added – Y.B."), kept as his;
    `former_ids` are ids the document had before (old links to them are redirected).
    """

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
    heading: str | None = None
    collection: Collection | None = None
    editorial_notes: tuple[str, ...] = ()
    former_ids: tuple[str, ...] = ()
    language: str | None = None  # BCP 47, as given in its metadata or detected (documents.language)
    markup: tuple[Markup, ...] = ()  # readings the source marks up itself (TEI): they win over the machine's
