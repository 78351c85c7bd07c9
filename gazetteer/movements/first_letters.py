"""The letters a match of one of our regular expressions can begin with.

The movement finder groups its trigger patterns by first letter, so that at each word only the
few patterns for its letter are tried. Python offers no public parser of regular expressions,
so this reads the small part of the syntax our patterns use (literals, `[...]` sets of
letters, groups, lookarounds, `\\b`, quantifiers, `|`); anything else answers None, "cannot
tell", and that pattern is tried at every word, which is slower but never misses a match.
"""
from __future__ import annotations

import re

_QUANTIFIER = re.compile(r"[?*+]|\{(\d*)(?:,\d*)?\}")
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
    ("any",), ("zero",), ("group", [branch, ...]) and ("repeat", minimum, item)."""

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
                minimum = 1 if word == "+" else int(quantifier.group(1) or 0) if word.startswith("{") else 0
                item = ("repeat", minimum, item)
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
