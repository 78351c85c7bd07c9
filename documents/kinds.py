"""A document's kind, author and recipient, as its heading (or signature) states them."""
from __future__ import annotations

import re

from documents.headings import SMALL_WORDS

# Heading words -> kind; the word that comes first in the heading decides.
KIND_WORDS = (
    (r"transcript|record of (?:a |the )?(?:direct |telephone )*conversation|conversation by direct wire"
     r"|telephone conversation|stenogram|verbatim record", "transcript"),
    (r"minutes|protocol|excerpt from the minutes", "minutes"),
    (r"telegram|cable|radiogram|wire message|dispatch", "telegram"),
    (r"memorandum|memo|aide-m[ée]moire|note verbale|memorial", "memorandum"),
    (r"report|information summary|summary|bulletin", "report"),
    (r"agreement|treaty|convention|accord|armistice|protocol of agreement", "agreement"),
    (r"address|appeal|proclamation|declaration|manifesto|decree|resolution|statement|order", "address"),
    (r"interview|responses|answers|replies", "interview"),
    (r"letter|message|note|instruction|directive|request", "letter"),
)
_KIND = re.compile(r"\b(?:" + "|".join(f"(?P<k{i}>{p})" for i, (p, _) in enumerate(KIND_WORDS)) + r")\b",
                   re.IGNORECASE)
_OPENING = re.compile(r"\s*(?:(?:an? |the )?(?:excerpts? |extracts? )?from (?:the )?)?(?:" + "|".join(
    p for p, _ in KIND_WORDS) + r")\b", re.IGNORECASE)


def opens_with_kind(heading: str) -> bool:
    """Return True for a heading that starts by naming its kind ("Letter from ...", "From the Minutes ...")."""
    return bool(_OPENING.match(heading))


# "G. Chicherin", "B. V. Legrand", "B. LEGRAND", "Mustafa Kemal" is not caught (no initial).
PERSON = re.compile(r"\b(?:[A-ZА-Я]\.\s?){1,2}(?:[A-ZА-Я][a-zа-я’'-]+|[A-ZА-Я][A-ZА-Я’'-]+)(?:-[A-Z][a-z]+)?")
# Where the parties of a heading stop and its subject begins.
_SUBJECT = re.compile(
    r",?\s+(?:on|regarding|concerning|about|in support of|in favou?r of|with regard to|in connection with"
    r"|as|containing|demanding|recommending|justifying|urging|requesting|proposing|informing|reporting"
    r"|protesting|expressing|stating|announcing|calling|asking|insisting|acknowledging)\b"
    r"|,\s+[A-Z][a-z]+ing\b",  # ", Recommending ...": a participle after a comma opens the subject
    re.IGNORECASE,
)
# A heading that only states its subject ("On the Cessation of ...") names no kind and no parties.
_SUBJECT_ONLY = re.compile(r"\s*(?:on|regarding|concerning|about)\b", re.IGNORECASE)
_OUTGOING_NUMBER = re.compile(r"^\s*No\.\s*\d+(?:/\w+)?\.?\s*$", re.MULTILINE)
_AGREEMENT_BODY = re.compile(r"\b(?:have concluded|conclude[ds]?|signed) (?:the|this|a) (?:present )?"
                             r"(?:agreement|treaty|convention)", re.IGNORECASE)


def kind_of(title: str | None, body: str) -> str:
    """Return the kind the heading names (letter, telegram, ...), judging untitled texts by their body."""
    if title and not _SUBJECT_ONLY.match(title):
        found = _KIND.search(_SUBJECT.split(title, maxsplit=1)[0]) or _KIND.search(title)
        if found:
            index = int(next(name for name, value in found.groupdict().items() if value)[1:])
            return KIND_WORDS[index][1]
        if re.match(r"\s*to\b", title, re.IGNORECASE):
            return "letter"
    if _AGREEMENT_BODY.search(body[:1000]):
        return "agreement"
    if title and _OUTGOING_NUMBER.search(body):
        return "telegram"  # an untyped dispatch closed by its outgoing number ("No. 731.")
    # In these collections an untyped heading over a dated, signed text is a dispatch.
    return "letter" if title else "other"


def _tidy(text: str) -> str:
    """Return a heading fragment with CAPITALS turned into Title Case and the article dropped."""
    text = text.strip(" ,.;:")
    if sum(c.isupper() for c in text) > 0.8 * sum(c.isalpha() for c in text):
        words = [w.lower() if w.lower() in SMALL_WORDS else w.capitalize() for w in text.split()]
        text = " ".join(words)
        text = re.sub(r"\b(\d+)(St|Nd|Rd|Th)\b", lambda m: m.group(1) + m.group(2).lower(), text)
        text = re.sub(r"\b(Rsfsr|Ssr|Ussr|Rcp\(B\)|Cc)\b", lambda m: m.group(1).upper(), text)
    return re.sub(r"^(?:the|The)\s+", "", text).strip()


def _party(fragment: str, many: bool) -> str | None:
    """Return the person a heading fragment names, else the fragment itself (an office or body)."""
    fragment = fragment.strip(" ,")
    if not fragment:
        return None
    people = PERSON.findall(fragment)
    if people:
        if many:  # "G. Chicherin, I. Stalin, and Eliava": a list of names is kept whole
            parts = [p for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", fragment) if p]
            if all(PERSON.fullmatch(p) or re.fullmatch(r"[A-Z][a-z’'-]+", p) for p in parts):
                return _tidy(fragment)
        return _tidy(people[0])
    return _tidy(fragment.split(",")[0])


def _join(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def parties_of(title: str | None, kind: str = "other") -> tuple[str | None, str | None]:
    """Return (author, recipient) as the heading states them ("Letter from A to B on ...")."""
    if not title or _SUBJECT_ONLY.match(title):
        return None, None
    addressed = re.match(r"\s*to\s+(.+)$", title, re.IGNORECASE)
    if addressed:  # "TO THE MINISTER OF ..." names only the recipient
        return None, _party(_SUBJECT.split(addressed.group(1), maxsplit=1)[0], True)
    found = _KIND.search(title)
    head = _SUBJECT.split(title[found.end():] if found else title, maxsplit=1)[0]
    between = re.search(r"\bbetween\s+(.+)$", head, re.IGNORECASE)
    if between:
        people = [_tidy(p) for p in PERSON.findall(between.group(1))]
        if len(people) >= 2:
            return people[0], _join(people[1:])
        # Bodies rather than persons: the meeting's participants are its authors.
        return _tidy(re.split(r"\s+(?:at|in)\s+the\b", between.group(1))[0]), None
    sender = re.search(r"\b(?:from|of|by)\s+(.+?)(?:,?\s+to\s+(.+))?$", head, re.IGNORECASE)
    if not sender:
        return None, None
    recipient = None if kind in ("minutes", "agreement") else _party(sender.group(2) or "", True)
    return _party(sender.group(1), False), recipient


def signature_of(body: str) -> str | None:
    """Return the signature on the body's last line ("Ordzhonikidze", "“Camarade Halil.”"), or None."""
    lines = [line.strip() for line in body.strip().splitlines() if line.strip()]
    if not lines:
        return None
    last = lines[-1].strip()
    words = last.strip("“”\"'.").split()
    if 1 <= len(words) <= 4 and all(w[0].isupper() or w in SMALL_WORDS for w in words):
        if not re.search(r"\d", last):
            return last
    return None
