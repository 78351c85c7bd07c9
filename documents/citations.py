"""Archival citations ("RGASPI, f. 5, op. 1, d. 2655, l. 35. Original.") and publication notes.

A citation is recognised by its fond ("f. 5", "fond 5", "f. R-130") followed by an inventory,
file or sheet number; the archive's name is the run of abbreviations (or of words such as
"Central State Archive") just before it.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

_FOND = re.compile(
    r"[,.]\s*(?:f|F|fond|Fond)\.?\s*(?:[A-ZР]-?\s?)?\d+[a-zа-я]?\s*[,.;]\s*"
    r"(?:op|Op|d|D|l|L|ll|inv|Inv|list|file|case|sheet|p|delo)\.?\s*\d"
)
# Series references without a fond: British (PRO/TNA, FO 371/4958) and American (NARA, RG 59).
_SERIES = re.compile(
    r"(?<!\w)(?:(?:PRO|TNA|The National Archives)[,.:]?\s+)?(?:FO|CAB|WO|ADM)\s?\d{2,4}/\d+"
    r"|(?<!\w)(?:NARA|National Archives)[,.]?\s+RG\s?\d+"
    r"|(?<!\w)(?:ARF Archives?|Archives? of the ARF)[,.]?\s*(?:file|box|folder|doc|f)\.?\s*\d"
    r"|(?<!\w)Ibid(?:em)?\.(?=,?\s*(?:f|op|d|l|ll|L|Ll|p|pp)\.\s*\d|\s*$)",  # the archive cited just before
    re.MULTILINE,
)
# Words that name an archive when it has no abbreviation.
_ARCHIVE_WORDS = {"archive", "archives", "arkhiv", "arch", "central", "state", "national", "russian",
                  "historical", "party", "presidential", "military", "museum", "library"}
_NAME_TOKEN = re.compile(r"^\(?(?:[A-ZА-Я][\w’'()-]*|[A-Z][a-z]{2,}\.|of|the|RA)$")  # "Arch." too
_ACRONYM = re.compile(r"^(?=(?:\w*[A-ZА-Я]){2})[A-Za-zА-Яа-я]+$")

# Where the archival description stops: editorial remarks, publication notes, footnotes.
_EDITORIAL = re.compile(
    r"\(\s*(?:[Ee]mphasis|[Hh]ighlighted|[Ii]talics|[Uu]nderlin\w*|[Bb]old(?:face)?|[Oo]ur emphasis"
    r"|[Ss]pacing)\b[^)]*\)\.?"
)
PUBLICATION = re.compile(
    r"(?<![\w])(?:(?:First |Partly )?(?:[Pp]ublished|[Pp]rinted|[Rr]eprinted) in\b[^:\n]{0,40}"
    r"|Sources?|Cited from|Quoted from|Quoted in|Cited in)\s*:"   # "Published in the collection:"
)
_FOOTNOTE = re.compile(r"(?:(?<=\s)|^)(?:\*+|•)\s?(?=[A-Z“\"])")
# A page number the web page prints after the citation ("... Copy. 522"), not "d. 4" or "l. 35".
_PAGE_NUMBER = re.compile(r"(?<=[.)])(?<!\b[A-Za-z]\.)(?<!\b[A-Za-z]{2}\.)(?<!\bNo\.)\s+\d{1,4}\s*$")


@dataclass(frozen=True)
class Citation:
    """An archival citation found in a text: its span and its text as printed."""

    start: int
    end: int
    text: str


def _name_start(line: str, fond_at: int) -> int | None:
    """Return where the archive's name begins in `line`, before the fond at `fond_at`."""
    tokens = [(m.start(), m.group()) for m in re.finditer(r"\S+", line[:fond_at])]
    run = []
    for start, token in reversed(tokens):
        if not _NAME_TOKEN.match(token):
            break
        run.append((start, token))
    run.reverse()  # in reading order
    for i in range(len(run) - 1, -1, -1):  # the abbreviation nearest to the fond
        if _ACRONYM.match(run[i][1].strip("()")):
            while i > 0 and _ACRONYM.match(run[i - 1][1].strip("()")):
                i -= 1
            if not run[i][1].startswith("("):
                return run[_spelt_out(run, i)][0]
            break  # "National Archives of Armenia (NAA)": the name is spelt out before the abbreviation
    for start, token in run:
        if token.strip(".").lower() in _ARCHIVE_WORDS:
            return start
    if run and not line[:run[0][0]].strip():  # the whole line up to the fond is the name
        return run[0][0]
    return None


def _spelt_out(run: list[tuple[int, str]], i: int) -> int:
    """Return where the name begins when words precede its abbreviation ("Archive of the RA", "Arch. RA")."""
    j = i - 1
    while j >= 0 and run[j][1] in ("of", "the"):
        j -= 1
    if j >= 0 and run[j][1].strip("().").lower() in _ARCHIVE_WORDS:
        while j > 0 and run[j - 1][1].strip("().").lower() in _ARCHIVE_WORDS:
            j -= 1
        return j
    return i


def _description_end(line: str, start: int,
                     stops: tuple[re.Pattern, ...] = (_EDITORIAL, PUBLICATION, _FOOTNOTE)) -> int:
    """Return where the description that begins at `start` ends in `line`.

    It ends at the first of `stops` after `start`, and before a page number printed at its end.
    """
    end = len(line)
    for pattern in stops:
        found = pattern.search(line, start + 1)
        if found:
            end = min(end, found.start())
    page = _PAGE_NUMBER.search(line[:end])
    return page.start() if page else end


def find_citation(text: str, start: int = 0, end: int | None = None) -> Citation | None:
    """Return the first archival citation in text[start:end], or None."""
    end = len(text) if end is None else end
    series = _SERIES.search(text, start, end)
    by_fond = _find_by_fond(text, start, end)
    if series and (by_fond is None or series.start() < by_fond.start):
        line_start, line = _line_at(text, series.start())
        at = series.start() - line_start
        cited = line[at:_description_end(line, at)].strip()
        return Citation(series.start(), series.start() + len(cited), cited)
    return by_fond


def _line_at(text: str, at: int) -> tuple[int, str]:
    """Return the offset and the text of the line of `text` that holds offset `at`."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    return line_start, text[line_start:len(text) if line_end < 0 else line_end]


def _find_by_fond(text: str, start: int, end: int) -> Citation | None:
    """Return the first citation with a fond ("RGASPI, f. 5, op. 1, ...") in text[start:end]."""
    for fond in _FOND.finditer(text, start, end):
        line_start, line = _line_at(text, fond.start())
        name_at = _name_start(line, fond.start() - line_start)
        if name_at is None or line_start + name_at < start:
            continue
        stop = _description_end(line, name_at)
        cited = line[name_at:stop].strip()
        return Citation(line_start + name_at, line_start + name_at + len(cited), cited)
    return None


def editorial_notes(text: str, start: int = 0, end: int | None = None) -> tuple[str, ...]:
    """Return the editor's remarks in text[start:end] ("(Emphasis added – Y.B.)"), each once, in order."""
    end = len(text) if end is None else end
    found = [m.group().strip("(). ") for m in _EDITORIAL.finditer(text, start, end)]
    return tuple(dict.fromkeys(found))


def find_publication(text: str, start: int = 0, end: int | None = None) -> Citation | None:
    """Return the first publication note ("Published in: ...", "Source: ...") in text[start:end]."""
    end = len(text) if end is None else end
    found = PUBLICATION.search(text, start, end)
    if found is None:
        return None
    line_end = text.find("\n", found.start())
    line_end = min(end, len(text) if line_end < 0 else line_end)
    line = text[found.start():line_end]
    note = line[:_description_end(line, 0, (_EDITORIAL, _FOOTNOTE))].strip()
    return Citation(found.start(), found.start() + len(note), note)


# How a document is cited wherever it is shown (its page, the map's reader, a tour, a handout):
# its archive reference, then where it was published, each with its label.
CITATION_LABELS = (("archive_ref", "Archive"), ("published_in", "Published in"))


def document_citation(record: Mapping[str, object]) -> list[dict]:
    """Return the citation of a document record (a mapping with `archive_ref` and `published_in`,
    as the atlas stores it): [{"label": ..., "text": ...}] for the parts it has, in that order."""
    parts = []
    for key, label in CITATION_LABELS:
        text = record.get(key)
        if isinstance(text, str) and text.strip():
            parts.append({"label": label, "text": without_label(text.strip(), label)})
    return parts


def without_label(text: str, label: str) -> str:
    """Return `text` without a leading "label:" of its own (a note often starts "Published in: ..."),
    so that it is not shown as "Published in: Published in: ..."."""
    head = re.match(rf"{re.escape(label)}\s*:\s*", text, re.IGNORECASE)
    return text[head.end():] if head and text[head.end():] else text
