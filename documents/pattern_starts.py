"""The characters a match of one of our regular expressions can begin with, read from its text.

The standard library parses patterns only in a private module (`re._parser`, `sre_parse` before
3.11), so this reads the syntax itself: literals and escapes, sets with ranges and the classes
`\\d \\w \\s` (and their negations), groups of every kind with their scoped flags, lookarounds and
anchors (zero width), quantifiers and `|`. What it does not read (`.`, a negated set, a
back-reference, a conditional) makes the answer "any character", which is never wrong, only slower.
"""
from __future__ import annotations

import re
import unicodedata

_CATEGORIES = frozenset(r"\d \D \w \W \s \S".split())
_CONTROLS = {"a": "\a", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}
_QUANTIFIER = re.compile(r"[?*+]|\{(\d*)(?:(,)(\d*))?\}")
# After "(": a lookaround, a comment, scoped flags, global flags, a back-reference by name, a
# conditional, a name, an atomic group; else a plain group.
_GROUP = re.compile(r"(?P<look>\?<?[=!])|(?P<comment>\?#[^)]*)|\?(?P<on>[aiLmsux]*)(?:-(?P<off>[imsx]+))?:"
                    r"|\?(?P<all>[aiLmsux]+)\)|(?P<reference>\?P=\w+)|(?P<condition>\?\(\w+\))|\?P<\w+>|\?>|(?!\?)")
_ASCII = tuple(map(chr, range(128)))


class _CannotTell(Exception):
    pass


def first_characters(pattern: str) -> str | None:
    """Return a character class holding every character a match of `pattern` can begin with
    (more may be in it), or None if that could be any. re.error for a pattern `re` refuses."""
    re.compile(pattern)
    parser = _Parser(pattern)
    return starts_of(parser.parse(), parser.ignore_case)


def top_level(pattern: str) -> tuple[list[tuple], bool]:
    """Return the items of `pattern`, read, and whether it ignores case throughout; ValueError if it
    has alternatives at its top level (a look-behind in front would hold for the first only)."""
    re.compile(pattern)
    parser = _Parser(pattern)
    branches = parser.parse()
    if len(branches) != 1:
        raise ValueError(f"alternatives at the top of {pattern!r}")
    return branches[0], parser.ignore_case


def starts_of(branches: list[list[tuple]], ignore_case: bool = False) -> str | None:
    """Return the character class a match of one of the read `branches` can begin with, or None."""
    start = _Start()
    known, empty = _first([("group", ignore_case, branches)], False, start)
    return start.pattern() if known and not empty else None


def is_zero_width(item: tuple) -> bool:
    return item[0] == "zero"


class _Parser:
    """Reads a pattern into items: ("char", c), ("set", negated, members), ("group", ignore_case or
    None for as outside, branches), ("zero",), ("repeat", minimum, item), ("any",); set members are
    ("char", c), ("range", low, high) and ("category", r"\\d")."""

    def __init__(self, pattern: str):
        self.text, self.pos, self.ignore_case = pattern, 0, False

    def parse(self) -> list[list[tuple]]:
        try:
            branches = self.alternation()
            if self.pos != len(self.text):
                raise _CannotTell
        except _CannotTell:
            return [[("any",)]]
        return branches

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
            if quantifier and quantifier.group() != "{}":   # "a{}" is the letters themselves
                self.pos = quantifier.end()
                if self.text.startswith(("?", "+"), self.pos):   # lazy or possessive
                    self.pos += 1
                word = quantifier.group()
                minimum = 1 if word == "+" else int(quantifier.group(1) or 0) if word[0] == "{" else 0
                item = ("repeat", minimum, item)
            items.append(item)
        return items

    def atom(self) -> tuple:
        c = self.text[self.pos]
        self.pos += 1
        if c == "(":
            return self.group()
        if c == "[":
            return self.set_()
        if c == "\\":
            return self.escape(in_set=False)
        if c in "^$":
            return ("zero",)
        if c == ".":
            return ("any",)
        return ("char", c)

    def group(self) -> tuple:
        opening = _GROUP.match(self.text, self.pos)
        if opening is None:
            raise _CannotTell
        self.pos = opening.end()
        if opening.group("all") is not None:   # "(?i)": flags for the whole pattern
            self.ignore_case |= "i" in opening.group("all")
            return ("zero",)
        quiet = opening.group("comment") is not None or opening.group("reference") is not None
        branches = [] if quiet else self.alternation()
        if not self.text.startswith(")", self.pos):
            raise _CannotTell
        self.pos += 1
        if opening.group("look") is not None or opening.group("comment") is not None:
            return ("zero",)
        if opening.group("reference") is not None or opening.group("condition") is not None:
            return ("any",)   # what it matches depends on the text
        case = True if "i" in (opening.group("on") or "") else False if "i" in (opening.group("off") or "") else None
        return ("group", case, branches)

    def set_(self) -> tuple:
        negated = self.text.startswith("^", self.pos)
        self.pos += negated
        members = []
        first = True
        while first or not self.text.startswith("]", self.pos):
            if self.pos >= len(self.text):
                raise _CannotTell
            first = False
            c = self.text[self.pos]
            self.pos += 1
            member = self.escape(in_set=True) if c == "\\" else ("char", c)
            if member[0] == "char" and self.text.startswith("-", self.pos) \
                    and not self.text.startswith("-]", self.pos):
                self.pos += 1
                c = self.text[self.pos]
                self.pos += 1
                high = self.escape(in_set=True) if c == "\\" else ("char", c)
                member = ("range", ord(member[1]), ord(high[1])) if high[0] == "char" else ("any",)
            members.append(member)
        self.pos += 1
        return ("set", negated, members)

    def escape(self, in_set: bool) -> tuple:
        if self.pos >= len(self.text):
            raise _CannotTell
        c = self.text[self.pos]
        self.pos += 1
        if "\\" + c in _CATEGORIES:
            category = ("category", "\\" + c)
            return category if in_set else ("set", False, [category])
        if c == "b" and in_set:
            return ("char", "\b")
        if c in "bBAZ":
            return ("zero",)
        if c in _CONTROLS:
            return ("char", _CONTROLS[c])
        if c in _HEX_DIGITS:
            digits = self.text[self.pos:self.pos + _HEX_DIGITS[c]]
            self.pos += len(digits)
            return ("char", chr(int(digits, 16)))
        if c == "N" and self.text.startswith("{", self.pos):
            end = self.text.index("}", self.pos)
            name, self.pos = self.text[self.pos + 1:end], end + 1
            return ("char", unicodedata.lookup(name))
        if c.isdigit():   # a back-reference or an octal escape: read as any character
            while self.pos < len(self.text) and self.text[self.pos].isdigit():
                self.pos += 1
            return ("any",)
        return ("char", c)


class _Start:
    """Characters a match can begin with: some characters, some categories (\\d, \\w ...), and
    perhaps every character outside ASCII."""

    def __init__(self):
        self.chars: set[str] = set()
        self.categories: set[str] = set()
        self.beyond_ascii = False

    def add_char(self, char: str, ignore_case: bool) -> None:
        # Under IGNORECASE a letter also matches letters outside ASCII (K and the Kelvin sign, i
        # and dotted İ, ...): every character outside ASCII is let through, which errs on the safe side.
        if ignore_case and char.lower() != char.upper():
            self.chars |= set(char.lower()) | set(char.upper())
            self.beyond_ascii = True
        else:
            self.chars.add(char)

    def add_set(self, negated: bool, members: list[tuple], ignore_case: bool) -> bool:
        """Add the members of a set; False if they are not worth reading."""
        if negated:
            return False
        for member in members:
            if member[0] == "char":
                self.add_char(member[1], ignore_case)
            elif member[0] == "range" and member[2] - member[1] < 256:
                for code in range(member[1], member[2] + 1):
                    self.add_char(chr(code), ignore_case)
            elif member[0] == "category":
                self.categories.add(member[1])
            else:
                return False
        return True

    def pattern(self) -> str:
        categories = "".join(sorted(self.categories))
        if self.beyond_ascii:   # written as the ASCII characters left out: a range to U+10FFFF is slow to compile
            inside = re.compile(f"[{categories}]") if categories else None
            left_out = [c for c in _ASCII if c not in self.chars and not (inside and inside.match(c))]
            return "[^" + "".join(map(re.escape, left_out)) + "]"
        return "[" + "".join(map(re.escape, sorted(self.chars))) + categories + "]"


def _first(items: list[tuple], ignore_case: bool, start: _Start) -> tuple[bool, bool]:
    """Add to `start` the characters a match of `items` can begin with; return whether they were
    all known, and whether the items can match nothing at all."""
    for item in items:
        kind = item[0]
        if kind == "char":
            start.add_char(item[1], ignore_case)
            return True, False
        if kind == "set":
            return start.add_set(item[1], item[2], ignore_case), False
        if kind == "zero":   # what follows begins the match
            continue
        if kind == "group":
            case = ignore_case if item[1] is None else item[1]
            branches = [_first(branch, case, start) for branch in item[2]]
            known, empty = all(k for k, _ in branches), any(e for _, e in branches)
        elif kind == "repeat":
            known, empty = _first([item[2]], ignore_case, start)
            empty = empty or item[1] == 0
        else:
            return False, False
        if not known or not empty:
            return known, False
    return True, True
