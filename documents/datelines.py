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
from documents.headings import SMALL_WORDS
from documents.model import DateRange

# The precisions a document's own date can have (a bare year would be a body sentence).
DATELINE_PRECISIONS = ("day", "part-of-month", "month", "season")
_PLACE = r"(?P<place>[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*){0,2})"
_NUMBER = re.compile(r"\s*(?:(?:No\.|№|Nr\.)\s*[\w/-]+[,.]?\s+)?")
_PLACE_BEFORE_DATE = re.compile(_PLACE + r"[,.]\s+")
_PREFIX_AT_END = re.compile(r"(?:(?:No\.|№|Nr\.)\s*[\w/-]+,\s*)(?:" + _PLACE + r"[,.]\s*)?$")
# Words a sentence has just before a date it mentions; a heading does not end with them.
_SENTENCE_ENDINGS = SMALL_WORDS | {"dated", "date", "until", "till", "since", "of", "on"}


@dataclass(frozen=True)
class Dateline:
    """A date line found in a line of text: its text as printed, span, date and place."""

    text: str
    start: int
    end: int
    range: DateRange
    place: str | None = None
    clause: bool = False  # the date opens a sentence of the body ("On the 10th day of ..., the")


def _date_at(line: str, start: int):
    """Return the date that begins exactly at `start` in `line` and can date a document, or None."""
    found = find_dates(line[start:])
    if found and found[0].start == 0 and found[0].range.precision in DATELINE_PRECISIONS:
        return found[0]
    return None


def read_dateline(line: str) -> Dateline | None:
    """Return the date line that `line` begins with, or None."""
    at = _NUMBER.match(line).end()
    place = _PLACE_BEFORE_DATE.match(line, at)
    tries = ([(place.end(), place.group("place"))] if place else []) + [(at, None)]
    for start, place_name in tries:
        found = _date_at(line, start)
        if found is None:
            continue
        end = start + found.end
        rest = line[end:]
        if not rest.strip() or rest[0].isspace() or rest[0] == "." and (len(rest) == 1 or rest[1].isspace()):
            text = line[:end].strip()
            return Dateline(text, len(line) - len(line.lstrip()), end, replace(found.range, text=text),
                            place_name)
        if rest[0] == "," and start == 0:
            return Dateline(found.text, found.start, end, found.range, None, clause=True)
    return None


def read_trailing_dateline(line: str) -> tuple[str, Dateline] | None:
    """Return (heading part, date line) for a heading line that ends with its date, or None."""
    stripped = line.rstrip().rstrip(".")
    found = find_dates(stripped)
    if not found:
        return None
    last = found[-1]
    if last.end != len(stripped) or last.start == 0 or last.range.precision not in DATELINE_PRECISIONS:
        return None
    before = stripped[:last.start]
    prefix = _PREFIX_AT_END.search(before)
    start = prefix.start() if prefix else last.start
    heading = stripped[:start].strip()
    words = heading.split()
    if not words or words[-1].lower().strip(",") in _SENTENCE_ENDINGS or heading.endswith((",", ":")):
        return None
    text = stripped[start:].strip()
    place = prefix.group("place") if prefix else None
    return heading, Dateline(text, start, last.end, replace(last.range, text=text), place)
