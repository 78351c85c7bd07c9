"""Dates written relative to the document's own date, as dispatches and telegrams write them.

"yesterday", "the day before", "this morning", "on Tuesday", "on the 28th", "your telegram of
the 12th", "the 7th instant", "the 30th ultimo": each is resolved against the document's date
(`context`) and carries a note saying how. Without a document date they are not dates at all,
and none is reported.

Conventions:
* "the day before" (followed by a stop, not by "the battle") is the day before the document's;
  "last night" runs from the day before to the document's day;
* "on Tuesday" / "this Tuesday" is the Tuesday on or before the document's date (a dispatch
  reports what happened), unless its sentence speaks of what is to come ("will", "should",
  "is to" ...: then the Tuesday after); "last Tuesday" the one before it, "next Tuesday" the one
  after;
* "on the 28th", "by / until / since ... the 28th" and "the 28th" before a stop are in the
  document's month; "instant"
  ("inst.") is the document's month, "ultimo" ("ult.") the month before, "proximo" ("prox.") the
  month after; a message cited by its day ("your telegram of the 12th") was sent on the latest
  such day on or before the document's date.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date, timedelta

from documents.calendars import month_end
from documents.date_forms import MONTH_NAMES, WITHIN_A_MONTH
from documents.date_scan import FormScanner
from documents.model import DateRange, FoundDate

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Days named from the document's day: (first, last) offsets in days, and how the note says it.
_DAY_WORDS = (
    (r"the\s+day\s+before\s+yesterday", (-2, -2), "two days before it"),
    (r"yesterday", (-1, -1), "the day before it"),
    (r"the\s+day\s+before(?=\s*(?:[,.;:!?)]|$))", (-1, -1), "the day before it"),
    (r"last\s+night", (-1, 0), "the night before it"),
    (r"to-?day|this\s+(?:morning|afternoon|evening)|to-?night", (0, 0), "its own day"),
    (r"to-?morrow", (1, 1), "the day after it"),
)
_DAY_WORD = re.compile(r"(?<![\w-])(?i:" + "|".join(f"(?P<w{i}>{p})" for i, (p, _, _) in enumerate(_DAY_WORDS))
                       + r")(?![\w-])")
_WEEKDAY = re.compile(r"(?<![\w-])(?:(?P<which>(?i:on|this|last|next))\s+(?P<day>(?i:" + "|".join(WEEKDAYS) + r"))"
                      r"|(?P<day2>(?i:" + "|".join(WEEKDAYS) + r"))\s+(?P<which2>(?i:last|next)))"
                      r"(?![\w-])(?!,?\s+(?:the\s+)?\d|,?\s+(?:" + MONTH_NAMES + r")\b)")
# "instant", "ultimo", "proximo" (and "inst.", "ult.", "prox."): the month they put a day in.
_MONTH_WORDS = {"inst": (0, "in the document's month"), "ult": (-1, "in the month before"),
                "prox": (1, "in the month after")}
# Telegrams are often in capitals ("YOUR TELEGRAM OF 12TH"), so ordinals are read in any case.
_NTH = re.compile(r"(?<![\w-])(?:(?P<on>(?i:on))\s+)?(?P<the>(?i:the)\s+)?(?P<day>[0-3]?\d)(?i:st|nd|rd|th)"
                  r"(?:\s+(?P<month_word>(?i:inst|ult|prox))(?i:ant|imo)?\b\.?)?(?![\w-])")
# An ordinal that names a unit or a thing ("the 28th Division", "the 11th Army", "the 3rd day").
_NOT_A_DAY = re.compile(r"\s+(?:[A-Z][a-z]|and\s+(?:the\s+)?\d|(?i:day|days|of|division|divisions|regiments?|army"
                        r"|armies|brigades?|battalions?|corps|company|companies|cavalry|rifles?|infantry"
                        r"|squadrons?|batter(?:y|ies)|century|centuries|congress|conference|session|line"
                        r"|versts?|miles?|kilomet(?:re|er)s?|time|times|year|anniversary|floor|article|paragraph"
                        r"|point|clause|item|section|chapter|volume|page|place|row|sector|detachment)\b)")
# Words that put a sentence in the future ("the matter should be raised on Thursday").
_FUTURE = re.compile(r"\b(?i:will|shall|should|must|is\s+to|are\s+to|going\s+to|intends?\s+to|plans?\s+to"
                     r"|expected|to\s+be\s+held)\b")
_SENTENCE_END = re.compile(r"[.!?;]\s")
_STOP = re.compile(r"\s*(?:[,;:)!?]|\.(?!\d)|$)")  # "The 28th, the Turks attacked"
_BEFORE_A_DAY = re.compile(r"\b(?i:of|by|until|till|since|from|before|after|to)\s+$")
_CITED = re.compile(r"\b(?i:telegrams?|letters?|reports?|dispatch|despatch|notes?|cables?|wires?|messages?"
                    r"|radiograms?|orders?)(?:\s+(?:No\.?|№)\s*[\w/-]+)?\s+(?i:of)\s+$")

# The three kinds in one pass over a text (`documents.date_scan`).
_SCANNER = FormScanner([_NTH, _DAY_WORD, _WEEKDAY], before=r"(?<![\w-])")

# What a text without a digit must hold to hold a date: a month's or weekday's name, or a day word.
WORDED_DATE = re.compile(r"\b(?:" + MONTH_NAMES + r"|(?i:" + "|".join(WEEKDAYS) + r"))|" + _DAY_WORD.pattern)


def _long(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _said(doc: DateRange) -> str:
    """Return the document's date as a note says it: "10 August 1920", or "August 1920"."""
    return _long(doc.earliest) if doc.precision == "day" else f"{doc.earliest:%B %Y}"


def _note(words: str, doc: DateRange, how: str) -> str:
    """Return the note of a date read against the document's: which words, from which date, how."""
    return f"{words!r} read against the document's date ({_said(doc)}): {how}"


def _month_shift(year: int, month: int, shift: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + shift
    return index // 12, index % 12 + 1


def _day_words(matches: list[re.Match], doc: DateRange) -> list[FoundDate]:
    found = []
    for match in matches:
        i = int(match.lastgroup[1:])
        (first, last), said = _DAY_WORDS[i][1], _DAY_WORDS[i][2]
        span = DateRange(doc.earliest + timedelta(first), doc.earliest + timedelta(last), match.group(0), "day",
                         _note(match.group(0), doc, said))
        found.append(FoundDate(match.group(0), match.start(), match.end(), span))
    return found


def _sentence(text: str, ends: list[int], start: int, end: int) -> str:
    """Return the sentence of `text` around [start, end); `ends` are where its sentence ends end."""
    before = bisect_right(ends, start) - 1   # the last sentence end that is over by `start`
    after = bisect_left(ends, end + 2)       # the first that begins at or after `end`
    return text[ends[before] if before >= 0 else 0:ends[after] - 1 if after < len(ends) else len(text)]


def _weekdays(matches: list[re.Match], text: str, doc: DateRange) -> list[FoundDate]:
    found = []
    ends: list[int] | None = None   # where each sentence end (". ") ends, found when first needed
    for match in matches:
        name = (match.group("day") or match.group("day2")).capitalize()
        which = (match.group("which") or match.group("which2")).lower()
        back = (doc.earliest.weekday() - WEEKDAYS.index(name)) % 7  # days back to that weekday
        if which in ("on", "this"):
            if ends is None:
                ends = [m.end() for m in _SENTENCE_END.finditer(text)]
            if _FUTURE.search(_sentence(text, ends, match.start(), match.end())):
                which = "next"  # "should be raised on Thursday": the Thursday to come
        if which == "next":
            when, how = doc.earliest + timedelta(7 - back), "after"
        elif which == "last":
            when, how = doc.earliest - timedelta(back or 7), "before"
        else:
            when, how = doc.earliest - timedelta(back), "on or before"
        note = _note(match.group(0), doc, f"the {name} {how} it (it was a {doc.earliest:%A})")
        found.append(FoundDate(match.group(0), match.start(), match.end(),
                               DateRange(when, when, match.group(0), "day", note)))
    return found


def _nth_day(match: re.Match, text: str, doc: DateRange) -> tuple[date, str] | None:
    """Return the day an ordinal names ("on the 28th", "the 7th inst.") and how, or None if it names none."""
    day, words, month_word = int(match.group("day")), match.group(0), match.group("month_word")
    year, month = doc.earliest.year, doc.earliest.month
    cited = not match.group("on") and _CITED.search(text[max(0, match.start() - 40):match.start()])
    if month_word is None and (not (match.group("the") or cited) or _NOT_A_DAY.match(text, match.end())):
        return None
    if month_word is not None:
        shift, how = _MONTH_WORDS[month_word.lower()]
        year, month = _month_shift(year, month, shift)
    elif cited:
        if doc.precision == "day" and day > doc.earliest.day:
            year, month = _month_shift(year, month, -1)
        how = "the latest such day on or before it (a message cited by its day)"
    elif (match.group("on") or _BEFORE_A_DAY.search(text[max(0, match.start() - 10):match.start()])
          or _STOP.match(text, match.end())):
        how = "in the document's month"
    else:
        return None
    if day > month_end(year, month).day or day < 1:
        return None
    return date(year, month, day), _note(words, doc, how)


def _nths(matches: list[re.Match], text: str, doc: DateRange) -> list[FoundDate]:
    found = []
    for match in matches:
        resolved = _nth_day(match, text, doc)
        if resolved is not None:
            when, note = resolved
            found.append(FoundDate(match.group(0), match.start(), match.end(),
                                   DateRange(when, when, match.group(0), "day", note)))
    return found


def relative_dates(text: str, context: DateRange | None) -> list[FoundDate]:
    """Return the dates in `text` written relative to the document's date `context`, each with a note.

    Days and weekdays need a document dated to the day, ordinals one dated to its month; with
    none (or a vaguer one) the list is empty.
    """
    if context is None or not context.has_year or context.precision not in WITHIN_A_MONTH:
        return []
    nths, day_words, weekdays = _SCANNER.matches(text)
    found = _nths(nths, text, context)
    if context.precision == "day":
        found += _day_words(day_words, context) + _weekdays(weekdays, text, context)
    return found
