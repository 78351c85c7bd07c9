"""Match keys: one spelling for all the ways a name is written in English translations.

A key folds case, diacritics (ə→a, ş→sh, ç→ch, ı→i, ğ→g, ö→o, ü→u ...) and the usual
transliteration variants of Russian, Armenian, Azerbaijani, Turkish and Persian names
(kh/h/x, dzh/dj/zh/j, tch/ch, y/i, initial ye/e, ou/u, gh/g, q/k, doubled letters, -iya/-ia),
and treats hyphens, dashes and spaces between words alike. Other punctuation between words
becomes a barrier (`#`), so a name never matches across "Shusha, Goris".

Names and texts are folded by the same functions, word by word: `fold_parts` keeps the
words and separators of a text so that a span of the folded text maps back exactly to the
original characters.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

WORD_RE = re.compile(r"(\w+)")
SPACE = " "
BARRIER = " # "
# The hyphen and the dashes; with whitespace they join the words of one name.
DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212")
_JOINERS = frozenset(" \t\r\n\f\v\u00a0") | DASHES

# Letters NFKD does not take apart into a base letter and a mark.
_LETTERS = str.maketrans({
    "ə": "a", "ı": "i", "ş": "sh", "ç": "ch", "ğ": "g", "ž": "zh", "č": "ch", "š": "sh",
    "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ł": "l", "ħ": "h",
    "ʻ": "", "ʼ": "", "ʿ": "", "ʾ": "", "ˈ": "",
})
# Transliteration variants, folded to one form; the alternation is tried left to right.
_VARIANTS = {"tch": "ch", "dzh": "j", "dj": "j", "zh": "j", "kh": "h", "gh": "g", "ou": "u",
             "ph": "f", "ch": "ch", "sh": "sh", "x": "h", "w": "v", "q": "k", "y": "i", "c": "j"}
_VARIANT_RE = re.compile("|".join(sorted(_VARIANTS, key=lambda v: -len(v))))
_DOUBLE_RE = re.compile(r"(.)\1+")


def _fold_once(text: str) -> str:
    text = text.lower().translate(_LETTERS)
    if not text.isascii():
        # NFKD may also make separators ("¼" -> "1⁄4"): a key keeps only letters and digits.
        text = "".join(c for c in unicodedata.normalize("NFKD", text)
                       if not unicodedata.combining(c) and (c.isalnum() or c == "_"))
    text = _VARIANT_RE.sub(lambda m: _VARIANTS[m.group(0)], text)
    text = _DOUBLE_RE.sub(r"\1", text)
    if text.startswith("ie") and len(text) > 3:   # Yerevan/Erevan, Yelizavetpol/Elizavetpol
        text = text[1:]
    return text


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """Return the match key of one word (letters and digits only, no separators).

    A key folds to itself: folding that makes a new variant ("kx" -> "kh", "𝘈" -> "A") is
    folded again.
    """
    text = _fold_once(word)
    for _ in range(8):
        again = _fold_once(text)
        if again == text:
            break
        text = again
    return text or "_"


@lru_cache(maxsize=4096)
def fold_separator(sep: str) -> str:
    """Return " " for a run of spaces, hyphens and dashes, else the barrier " # "."""
    if all(c in _JOINERS for c in sep):
        return SPACE
    return BARRIER


def fold_parts(text: str) -> tuple[list[str], list[str]]:
    """Return (parts, folded): `text` split into separator, word, separator, ... and their keys."""
    parts = WORD_RE.split(text)
    seps, words = parts[0::2], parts[1::2]
    if len(_FOLDED) > 500_000:   # bound the memory a huge text can take
        _FOLDED.clear()
    missing = set(words).difference(_FOLDED)
    if missing:
        _FOLDED.update({w: fold_word(w) for w in missing})
    sep_keys = {p: fold_separator(p) for p in set(seps)}
    folded = parts[:]
    folded[0::2] = map(sep_keys.__getitem__, seps)
    folded[1::2] = map(_FOLDED.__getitem__, words)
    return parts, folded


_FOLDED: dict[str, str] = {}   # word -> key, shared by every text of the process


@lru_cache(maxsize=1 << 16)   # resolution asks again for every mention of a name, and names are few
def name_key(name: str) -> str:
    """Return the key of a place name, with a space on each side: " nagorno karabah "."""
    _, folded = fold_parts(name.strip())
    inner = "".join(folded[1:-1])
    return f" {inner} " if inner else ""


def name_keys(names) -> set[str]:
    """Return the keys of all `names`; a hyphenated name also as one word ("Dara-Lagez")."""
    keys = set()
    for name in names:
        keys.add(name_key(name))
        if "-" in name:
            keys.add(name_key(name.replace("-", "")))
    keys.discard("")
    return keys


VOWELS = "aeiou"
FUZZY_MIN = 8


def vowel_variants(key: str) -> list[str]:
    """Return the keys one vowel away from a one-word key of FUZZY_MIN letters or more
    ("alexandrapol" for "alexandropol"): spellings of translations vary in their vowels."""
    word = key.strip()
    if len(word) < FUZZY_MIN or " " in word or not word.isalpha():
        return []
    out = []
    for i, c in enumerate(word):
        if c in VOWELS:
            out.extend(f" {word[:i]}{v}{word[i + 1:]} " for v in VOWELS if v != c)
    return out


def is_ascii_latin(name: str) -> bool:
    """Return True when every letter of `name` is Latin (diacritics allowed)."""
    for c in name:
        if c.isalpha() and not unicodedata.name(c, "").startswith("LATIN"):
            return False
    return True
