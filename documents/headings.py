"""What a line of a collection page is: a heading, a collection number, or page furniture."""
from __future__ import annotations

import re

from documents.citations import PUBLICATION, find_citation
from documents.compilations import CREDIT

# Words a Title-Case heading leaves in lower case.
SMALL_WORDS = {
    "a", "an", "and", "as", "at", "between", "but", "by", "for", "from", "in", "into", "of", "on",
    "or", "over", "than", "that", "the", "to", "toward", "towards", "upon", "via", "with", "without",
    "about", "against", "among", "concerning", "regarding", "under", "who", "which", "whose", "its",
    "their", "his", "her", "after", "before", "during", "since", "per", "vs", "de", "la", "von", "du",
}
NUMBER_MARKER = re.compile(r"^\s*\(?(?:№|No\.|Nr\.|Doc(?:ument)?\.?\s*(?:No\.)?)\s*\d+[\w/-]*\)?\.?\s*")
_FURNITURE = re.compile(
    r"^\s*(?:Read Also|Recent Posts|Related Posts|Related Articles|Related|See Also|Share this|Share"
    r"|Tags|Categories|Leave a Reply|Leave a Comment|Comments|Previous Post|Next Post|Post navigation"
    r"|Popular Posts|You May Also Like|Like this|\d+ (?:minutes?|hours?|days?|weeks?|months?|years?) ago)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)
_TRAILING_NUMBER = re.compile(r"\s*\(\s*(?:№|No\.)\s*\d+[\w/-]*\s*\)\s*$")
# A heading's second part (a subtitle) opens with a preposition or a participle.
_CONTINUATION = re.compile(r"^\s*(?:\(|(?:on|regarding|concerning|about|and|to|in|with|for|against|[A-Z][a-z]+ing)\b)",
                           re.IGNORECASE)
# Archival stamps printed about a heading: not part of it.
_STAMP = re.compile(r"^\s*\(?(?:top secret|strictly secret|secret|urgent|very urgent|most urgent|confidential"
                    r"|personal|copy|not for publication|by direct wire|encrypted|cipher|en clair)\)?\.?\s*$",
                    re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def is_number_marker(line: str) -> bool:
    """Return True for a line that is only a collection number such as "№ 514"."""
    return bool(NUMBER_MARKER.match(line)) and not NUMBER_MARKER.sub("", line).strip()


def is_stamp(line: str) -> bool:
    """Return True for an archival stamp line such as "Top Secret" or "Copy"."""
    return bool(_STAMP.match(line))


def is_furniture(line: str) -> bool:
    """Return True for a web page's own labels: "Read Also:", "Recent Posts", ..."""
    return bool(_FURNITURE.match(line))


def strip_number(heading: str) -> str:
    """Return `heading` without a leading collection number ("№ 514 TELEGRAM ..." -> "TELEGRAM ...")."""
    return _TRAILING_NUMBER.sub("", NUMBER_MARKER.sub("", heading, count=1)).strip()


def continues_heading(line: str) -> bool:
    """Return True for a heading line that reads as the second part of a heading above it."""
    return bool(_CONTINUATION.match(line))


def is_capitals(line: str) -> bool:
    """Return True for a line printed in CAPITALS (four fifths of its letters or more)."""
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _is_page_matter(text: str) -> bool:
    """Return True for a number, furniture, the book credit or a source note: never a heading."""
    return bool(is_number_marker(text) or is_furniture(text) or CREDIT.match(text) or PUBLICATION.match(text)
                or find_citation(text) is not None)


def is_heading_like(line: str) -> bool:
    """Return True for a line in CAPITALS or Title Case, as headings are printed."""
    text = line.strip()
    if not text or _is_page_matter(text) or text.endswith((":", ";", ",")):
        return False
    words = _WORD.findall(text)
    if not words:
        return False
    if is_capitals(text):
        return True
    content = [w for w in words if w.lower() not in SMALL_WORDS]
    if not content:
        return False
    capitals = sum(w[0].isupper() for w in content)
    return capitals >= 0.8 * len(content) and capitals >= 1


SENTENCE_BREAK = re.compile(r"[a-z]{2,}[.!?]\s+[A-Z]")


def is_loose_heading(line: str) -> bool:
    """Return True for a heading in sentence case ("Appeal from ... requesting permission to ...").

    It must read as one unfinished phrase: no sentence ends in it or at its end.
    """
    text = line.strip()
    if not text or text.endswith((".", "!", "?", ":", ";", ",", "…")) or SENTENCE_BREAK.search(text):
        return False
    if not (text[0].isupper() or text[0] in "(“\"«"):
        return False
    return len(text.split()) >= 4 and not _is_page_matter(text)


def is_strong_heading(heading: str) -> bool:
    """Return True for a heading too long to be a signature line (so it can end a document)."""
    return len(_WORD.findall(heading)) >= 6
