"""Date lines: the line under a heading that dates a document ("Kars, January 8, 1921").

A date line may carry a document number and a place before the date ("No. 12, Moscow, March 1,
1921", "Tiflis. 7 August 1920"), and the body may follow it on the same line. Some headings end
with the date ("... Georgian Republic No. 12, Moscow, March 1, 1921"), and some documents open
with a dating clause instead of a heading ("On the 10th day of August 1920, the ...").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from documents.dates import find_dates
from documents.headings import SENTENCE_BREAK, SMALL_WORDS
from documents.model import DateRange, FoundDate

# The precisions a document's own date can have (a bare year would be a body sentence).
DATELINE_PRECISIONS = ("day", "part-of-month", "month", "season", "part-of-year")
_NAME = r"[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*){0,2}"
_PLACE = rf"(?P<place>{_NAME}(?:,\s{_NAME})?)"  # "Kars", "Rostov-on-Don", "Moscow, Kremlin"
_NUMBER = re.compile(r"\s*(?:(?:No\.|№|Nr\.)\s*[\w/-]+[,.]?\s+)?")
_PLACE_BEFORE_DATE = re.compile(_PLACE + r"[,.]\s+")
# What may follow the date on its line: a place, a number, an hour ("8 January 1921, Kars, 23:00").
_NOT_PLACES = re.compile(
    r"(?:top secret|strictly secret|secret|urgent|very urgent|confidential|personal|copy|draft|original|extract"
    r"|excerpt|telegram|letter|note|report|cipher|encrypted|received|sent|dated|date)$", re.IGNORECASE)
# Runs of spaces are matched possessively (\s*+): what follows is never a space, so giving
# spaces back cannot help, and trying to made a line of many spaces take minutes.
_AFTER_DATE = re.compile(
    r"\s*+[,.]\s*+(?:" + _PLACE + r")?(?:\s*+[,.]?\s*+(?:No\.|№)\s*+[\w/-]+)?"
    r"(?:\s*+[,.]?\s*+\d{1,2}(?:[:.]\d{2})?\s*+(?:[ap]\.\s?m\.|hours?|h\.|o[’']clock)?)?\s*+\.?\s*+$"
)
_UNDATED = re.compile(r"^\s*+\[?\s*+(?:undated|not dated|no date|date unknown|without date|n\.\s?d\.)\s*+\]?\.?\s*+$",
                      re.IGNORECASE)
_PREFIX_AT_END = re.compile(r"(?:(?:No\.|№|Nr\.)\s*+[\w/-]+,\s*+)(?:" + _PLACE + r"[,.]\s*+)?$")
# Words a sentence has just before a date it mentions; a heading does not end with them.
_SENTENCE_ENDINGS = SMALL_WORDS | {"dated", "date", "until", "till", "since", "of", "on"}


@dataclass(frozen=True)
class Dateline:
    """A date line found in a line of text: its text as printed, span, date and place."""

    text: str
    start: int
    end: int
    range: DateRange | None  # None for a line that says the document is undated
    place: str | None = None
    clause: bool = False  # the date opens a sentence of the body ("On the 10th day of ..., the")


def _dated(text: str) -> list[FoundDate]:
    """Return the dates in `text` that can date a document: those whose year is known."""
    return [f for f in find_dates(text) if f.range.has_year]


def _date_at(line: str, start: int):
    """Return the date that begins exactly at `start` in `line` and can date a document, or None.

    A bare year ("1920", "1918-1920") dates a document only when it is alone on its line.
    """
    found = _dated(line[start:start + 80])  # a date line's date is short and comes first
    if not found or found[0].start != 0:
        return None
    if found[0].range.precision in DATELINE_PRECISIONS:
        return found[0]
    alone = not line[:start].strip() and not line[start + found[0].end:].strip(" .]")
    return found[0] if alone else None


def _unbracketed(line: str) -> str:
    """Return `line` with an editor's brackets around its date ("[August 1920]") blanked out."""
    if line.lstrip().startswith("[") and "]" in line:
        return line.replace("[", " ", 1).replace("]", " ", 1)
    return line


def read_dateline(line: str) -> Dateline | None:
    """Return the date line that `line` begins with, or None."""
    if _UNDATED.match(line):
        return Dateline(line.strip(), 0, len(line), None)
    plain = _unbracketed(line)
    at = _NUMBER.match(plain).end()
    place = _PLACE_BEFORE_DATE.match(plain, at)
    # "Secret. 7 August 1920", "Copy, 5 May 1921": a stamp before the date is not a place
    named = place.group("place") if place and not _NOT_PLACES.match(place.group("place")) else None
    tries = ([(place.end(), named)] if place else []) + [(at, None)]
    for start, place_name in tries:
        found = _date_at(plain, start)
        if found is None:
            continue
        end = start + found.end
        if line[end:].lstrip().startswith("]"):
            end = line.index("]", end) + 1
        rest = plain[end:]
        if not rest.strip() or rest[0].isspace() or rest[0] in "“‘«…" or rest[0] == "." and (
                len(rest) == 1 or rest[1].isspace()):
            text = line[:end].strip()
            return Dateline(text, len(line) - len(line.lstrip()), end, replace(found.range, text=text),
                            place_name)
        after = _AFTER_DATE.match(plain, end)
        if after and after.group().strip(" .,") and not (place_name and after.group("place")):
            text = line.strip()  # "8 January 1921, Kars", "Tiflis, 10 August 1920, 11 p.m."
            return Dateline(text, len(line) - len(line.lstrip()), len(line), replace(found.range, text=text),
                            place_name or after.group("place"))
        if rest[0] == "," and start == 0:
            return Dateline(found.text, found.start, end, found.range, None, clause=True)
    return None


def _ends_unfinished(heading: str) -> bool:
    """Return True for text that stops as a sentence does before a date ("... dated", "... on,")."""
    return heading.split()[-1].lower().strip(",") in _SENTENCE_ENDINGS or heading.endswith((",", ":"))


def read_trailing_dateline(line: str) -> tuple[str, Dateline] | None:
    """Return (heading part, date line) for a heading line that ends with its date, or None."""
    stripped = line.rstrip().rstrip(".")
    if not re.search(r"(?:\d|\)|O\.\s?S|[Ss]tyle)$", stripped):  # a date ends with a digit or its calendar
        return None
    found = _dated(stripped)
    if not found:
        return None
    last = found[-1]
    if last.end != len(stripped) or last.start == 0 or last.range.precision not in DATELINE_PRECISIONS:
        return None
    before = stripped[:last.start]
    prefix = _PREFIX_AT_END.search(before)
    start = prefix.start() if prefix else last.start
    heading = stripped[:start].strip()
    if not heading or _ends_unfinished(heading):
        return None
    text = stripped[start:].strip()
    place = prefix.group("place") if prefix else None
    return heading, Dateline(text, start, last.end, replace(last.range, text=text), place)


_BODY_OPENING = re.compile(r"\s+(?:[“\"‘'«…\[<(]|[A-Z]|No\.|№|\d)")
_LONE_PLACE_AT_END = re.compile(r"(?:^|[^\w\s’'”\"-]\s*|\d\s+|[a-z”\"]\s+)(?P<place>[A-Z][\w’'-]+)[,.]\s*$")


def read_inline_dateline(line: str) -> tuple[str, Dateline] | None:
    """Return (heading, date line) for a line that runs heading, date and body together.

    "Appeal from ... in pursuit of a “common goal” August 31, 1920 …In his letter ...": the date
    must follow a heading-like start (no sentence ends before it, not "dated ..."), and a body must
    follow it.
    """
    for found in _dated(line):
        if found.start == 0 or found.range.precision not in DATELINE_PRECISIONS:
            continue
        if not _BODY_OPENING.match(line, found.end):
            continue
        before = line[:found.start]
        numbered = _PREFIX_AT_END.search(before)  # "... No. 12, Moscow, "
        lone = None if numbered else _LONE_PLACE_AT_END.search(before)  # "... 1920 Rostov, "
        if numbered:
            start, place = numbered.start(), numbered.group("place")
        elif lone:
            start, place = lone.start("place"), lone.group("place")
        else:
            start, place = found.start, None
        heading = line[:start].strip()
        if (len(heading.split()) < 4 or _ends_unfinished(heading) or SENTENCE_BREAK.search(heading)
                or not (heading[0].isupper() or heading[0] in "(“\"")):
            continue
        text = line[start:found.end].strip()
        return heading, Dateline(text, start, found.end, replace(found.range, text=text), place)
    return None
