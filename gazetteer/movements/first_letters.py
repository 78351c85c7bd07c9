"""The letters a match of one of our regular expressions can begin with.

The movement finder groups its trigger patterns by first letter, so that at each word only the
few patterns for its letter are tried. Python offers no public parser of regular expressions,
so this reads the small part of the syntax our patterns use (literals, `[...]` sets of
letters, groups, lookarounds, `\\b`, quantifiers, `|`); anything else answers None, "cannot
tell", and that pattern is tried at every word, which is slower but never misses a match.
"""
from __future__ import annotations

import re

_QUANTIFIER = re.compile(r"[?*+]|\{(\d*)(,?)(\d*)\}")
_ZERO_WIDTH_ESCAPES = "bBAZ"
# After "(": a lookaround, a group (plain, non-capturing, named, with scoped flags), or global flags.
_GROUP_OPENING = re.compile(r"(?P<look>\?<?[=!])|\?(?:P<\w+>|[aiLmsux]*(?:-[imsx]+)?:)|(?P<flags>\?[aiLmsux]+\))|(?!\?)")


class _CannotTell(Exception):
    pass


def first_letters(pattern: str) -> frozenset[str] | None:
    """Return the lower-case letters (or other characters) a match of `pattern` can begin with,
    None when it cannot tell (a class such as `\\w` or `.`, or syntax it does not read)."""
    try:
        parser = _Parser(pattern)
        branches = parser.alternation()
        if parser.pos != len(pattern):
            raise _CannotTell
    except _CannotTell:
        return None
    return _firsts([("group", branches)])


class _Parser:
    """A recursive-descent reader of a pattern into items: ("char", c), ("set", letters),
    ("any",), ("zero",), ("group", [branch, ...]) and ("repeat", minimum, item, most)."""

    def __init__(self, pattern: str):
        self.text, self.pos = pattern, 0

    def alternation(self) -> list[list[tuple]]:
        branches = [self.sequence()]
        while self.text.startswith("|", self.pos):
            self.pos += 1
            branches.append(self.sequence())
        return branches

    def sequence(self) -> list[tuple]:
        items = []
        while self.pos < len(self.text) and self.text[self.pos] not in "|)":
            item = self.atom()
            quantifier = _QUANTIFIER.match(self.text, self.pos)
            if quantifier:
                self.pos = quantifier.end()
                if self.text.startswith(("?", "+"), self.pos):   # lazy or possessive
                    self.pos += 1
                word = quantifier.group()
                if word == "{}":
                    raise _CannotTell   # Python reads "a{}" as the letters themselves
                minimum = 1 if word == "+" else int(quantifier.group(1) or 0) if word.startswith("{") else 0
                # the most times (None: no limit): "{2}" twice, "{2,}" no limit, "{,3}" three times
                most_written = quantifier.group(3) or (quantifier.group(1) if not quantifier.group(2) else "")
                most = 1 if word == "?" else int(most_written) if word.startswith("{") and most_written else None
                item = ("repeat", minimum, item, most)
            items.append(item)
        return items

    def atom(self) -> tuple:
        c = self.text[self.pos]
        self.pos += 1
        if c == "(":
            return self.group()
        if c == "[":
            return self.letter_set()
        if c == "\\":
            return self.escape()
        if c in "^$":
            return ("zero",)
        if c == ".":
            return ("any",)
        if c in "{}*+?":
            raise _CannotTell
        return ("char", c)

    def group(self) -> tuple:
        opening = _GROUP_OPENING.match(self.text, self.pos)
        if opening is None:
            raise _CannotTell   # conditionals, back-references by name, comments
        self.pos = opening.end()
        if opening.group("flags") is not None:   # "(?i)": flags for the whole pattern
            return ("zero",)
        branches = self.alternation()
        if not self.text.startswith(")", self.pos):
            raise _CannotTell
        self.pos += 1
        return ("zero",) if opening.group("look") else ("group", branches)

    def letter_set(self) -> tuple:
        """A set of plain characters; ("any",) for a negated one, a range or an escape inside."""
        start = self.pos
        end = start + 1 if self.text.startswith("]", start) else start   # "[]a]": "]" is a member
        while end < len(self.text) and self.text[end] != "]":
            end += 2 if self.text[end] == "\\" else 1
        if end >= len(self.text):
            raise _CannotTell
        members = self.text[start:end]
        self.pos = end + 1
        if members.startswith("^") or "\\" in members or "[" in members or "-" in members[1:-1]:
            return ("any",)
        return ("set", frozenset(members))

    def escape(self) -> tuple:
        if self.pos >= len(self.text):
            raise _CannotTell
        c = self.text[self.pos]
        self.pos += 1
        if c in _ZERO_WIDTH_ESCAPES:
            return ("zero",)
        if c in "wWsSdD":
            return ("any",)
        if c.isalnum():
            raise _CannotTell   # \n, \t, \1, \x41, ...
        return ("char", c)


def _firsts(items: list[tuple]) -> frozenset[str] | None:
    for i, item in enumerate(items):
        kind, rest = item[0], items[i + 1:]
        if kind == "zero":
            continue   # "(?<=was )taken" begins with "t"
        if kind == "char":
            return frozenset(item[1].lower())
        if kind == "set":
            return frozenset(c.lower() for c in item[1])
        if kind == "group":
            found = [_firsts(branch + rest) for branch in item[1]]
        elif kind == "repeat":
            found = [_firsts([item[2], *rest])] + ([] if item[1] else [_firsts(rest)])
        else:
            return None
        return None if any(f is None for f in found) else frozenset().union(*found)
    return None   # it can match the empty string: any word may begin a match


def first_strings(pattern: str, length: int) -> frozenset[str] | None:
    """Return the lower-case beginnings of `length` characters a match of `pattern` can have
    (shorter where a match can end sooner; "" if it can match nothing), None when it cannot tell."""
    try:
        parser = _Parser(pattern)
        branches = parser.alternation()
        if parser.pos != len(pattern):
            raise _CannotTell
        return _beginnings([("group", branches)], length, 0)
    except _CannotTell:
        return None


_MAX_DEPTH = 64   # items read ahead for one beginning: deeper (a repeat of nothing) cannot tell


def _beginnings(items: list[tuple], length: int, depth: int) -> frozenset[str]:
    if length == 0:
        return frozenset({""})
    if depth > _MAX_DEPTH:
        raise _CannotTell
    for i, item in enumerate(items):
        kind, rest = item[0], items[i + 1:]
        if kind == "zero":
            continue   # a lookaround or an anchor: what follows begins the match
        if kind in ("char", "set"):
            chars = {c.lower() for c in (item[1] if kind == "set" else (item[1],))}
            if any(len(c) != 1 for c in chars):
                raise _CannotTell   # "İ".lower() is two characters
            tails = _beginnings(rest, length - 1, depth + 1)
            return frozenset(c + tail for c in chars for tail in tails)
        if kind == "group":
            return frozenset().union(*(_beginnings(branch + rest, length, depth + 1) for branch in item[1]))
        if kind == "repeat":
            minimum, inner, most = item[1], item[2], item[3]
            if most == 0:
                return _beginnings(rest, length, depth + 1)
            again = ("repeat", max(minimum - 1, 0), inner, None if most is None else most - 1)
            found = _beginnings([inner, again, *rest], length, depth + 1)
            return found if minimum else found | _beginnings(rest, length, depth + 1)
        raise _CannotTell   # any character
    return frozenset({""})   # the match may end here


def beginnings_lookahead(strings: frozenset[str]) -> str | None:
    """Return a lookahead `(?=...)` that holds where the text begins with one of `strings` (read
    as a pattern's beginnings: a shorter one may be followed by anything), None for none or "".

    The strings are written as a trie ("a(?:d[v]|p[p])|m[ao]"), so that the engine compares
    each character once instead of trying every string in turn.
    """
    if not strings or "" in strings:
        return None
    return f"(?={_trie(strings)})"


def _trie(strings: frozenset[str] | set[str]) -> str:
    by_first: dict[str, set[str]] = {}
    for string in strings:
        by_first.setdefault(string[0], set()).add(string[1:])
    alternatives_ = []
    for first, rests in sorted(by_first.items()):
        if "" in rests:   # a beginning may end here: whatever follows
            alternatives_.append(re.escape(first))
        elif all(len(rest) == 1 for rest in rests):
            alternatives_.append(re.escape(first) + "[" + "".join(map(re.escape, sorted(rests))) + "]")
        else:
            alternatives_.append(re.escape(first) + "(?:" + _trie(rests) + ")")
    return "|".join(alternatives_)


def alternatives(pattern: str) -> list[str]:
    """Return the top-level alternatives of `pattern` ("a|(b|c)" -> ["a", "(b|c)"])."""
    found, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":   # a set, where "|" and "(" are plain; "[]a]" and "[^]a]" hold "]"
            i += 2 if pattern.startswith("[^", i) else 1
            i += pattern.startswith("]", i)
            while i < len(pattern) and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            found.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*found, pattern[start:]]


def one_search(patterns: list[str]) -> str:
    """Return one regular expression that matches where any of `patterns` matches (and there only).

    Python tries every alternative at every position; here the alternatives that begin with
    `\\b` share one, and behind it those that begin with the same letters share a lookahead for
    them, so that inside words and at most word starts nearly nothing is tried (several times
    faster than the plain alternation of the patterns).
    """
    bounded: dict[str, list[str]] = {}
    other = []
    for pattern in patterns:
        for alternative in alternatives(pattern):
            if not alternative.startswith(r"\b"):
                other.append(f"(?:{alternative})")
                continue
            rest = alternative[2:]
            letters = first_letters(rest)
            key = "".join(re.escape(c) for c in sorted(letters)) if letters else ""
            bounded.setdefault(key, []).append(f"(?:{rest})")
    groups = [(f"(?=[{key}])" if key else "") + "(?:" + "|".join(alts) + ")" for key, alts in bounded.items()]
    return "|".join(([r"\b(?:" + "|".join(groups) + ")"] if groups else []) + other)
