"""The language a text is written in, from its script and its commonest words.

A small heuristic, without dependencies, for the languages of the archives: a text mostly in
Cyrillic is Russian ("ru"), in Armenian script Armenian ("hy"), in Georgian script Georgian
("ka"), in Arabic script "und-Arab" (Persian, Ottoman Turkish or Azerbaijani of the period: the
script alone does not say which). A text in Latin letters is the language whose function words
it uses most (English, French, German, Turkish, Azerbaijani), "und-Latn" when none stands out.
The answer is a BCP 47 tag, or None for a text without letters.
"""
from __future__ import annotations

import re
from collections import Counter

SCRIPTS = (("ru", "\u0400", "\u04ff"), ("hy", "\u0530", "\u058f"), ("ka", "\u10a0", "\u10ff"),
           ("und-Arab", "\u0600", "\u06ff"))
# The commonest function words of each Latin-script language; a word shared by two counts for neither.
STOPWORDS = {
    "en": "the of and to in that is was for with on by as at from which this were have had be are not",
    "fr": "le la les des du de et est que qui dans pour une sur par pas au aux sont avec ce il",
    "de": "der die das und ist nicht mit von den dem des ein eine zu auf sich im für auch",
    "tr": "ve bir bu ile için olan da de gibi daha kadar olarak ise çok",
    "az": "və bir bu ilə üçün olan da də kimi daha qədər olaraq isə çox",
}
_WORDS = {lang: frozenset(words.split()) for lang, words in STOPWORDS.items()}
_SHARED = frozenset(w for lang, words in _WORDS.items() for w in words
                    if any(w in other for o, other in _WORDS.items() if o != lang))
# The one language of each word that is not shared: one look-up a word, not one a language.
_LANGUAGE_OF = {w: lang for lang, words in _WORDS.items() for w in words if w not in _SHARED}
_WORD = re.compile(r"[^\W\d_]+")
# Each script's range as a character class: counted in one C-level pass, not a Python loop a letter.
_SCRIPT_LETTERS = tuple((tag, re.compile(f"[{low}-{high}]")) for tag, low, high in SCRIPTS)
SAMPLE = 20_000   # characters read: enough to tell, and the cost stays flat however long the text


def detect_language(text: str) -> str | None:
    """Return the BCP 47 tag of the language `text` is most likely written in, None without letters."""
    sample = text[:SAMPLE]
    letters = "".join(filter(str.isalpha, sample))
    if not letters:
        return None
    for tag, script in _SCRIPT_LETTERS:
        if len(script.findall(letters)) * 2 > len(letters):
            return tag
    counts = Counter(filter(None, map(_LANGUAGE_OF.get, _WORD.findall(sample.lower()))))
    if not counts:
        return "und-Latn"
    (best, n), *rest = counts.most_common(2) + [("", 0)]
    return best if n >= 2 and n >= 2 * rest[0][1] else "und-Latn"
