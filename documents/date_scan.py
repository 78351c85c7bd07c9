"""One pass over a text that finds where each date form matches.

Every form (`documents.date_forms.compile_form`) begins with a look-behind (no letter, digit,
dot or slash before it), which keeps Python's `re` from skipping ahead: each form's `finditer`
entered the form at every position of the text, one pass per form. The scanner is one
expression that consumes the character before a date instead, so that the engine's search
skips in C to the characters that may stand there; there it tests the next character against
the characters each group of forms can begin with (read from the parsed forms themselves, so
that a new form needs no list kept by hand) and tries only the forms that can begin with it.
Where one matches, the forms that can begin with that character are run, and each form's
matches are taken as its own `finditer` takes them (the leftmost, then the next from its end):
the result is the passes', match for match.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cached_property

# The parsed form of a pattern: the standard library offers no other way to read what it can begin with.
from re import _constants as sre
from re import _parser

_BEFORE = r"(?<![\w./])"   # what `compile_form` puts in front of every form
_LOOK_BEHIND = re.compile(r"\(\?<!\[((?:\\.|[^\]\\^])+)\]\)")   # "(?<![...])", the class not negated
_PLAIN_GROUP = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|\((?:\?P<\w+>)?(?!\?)|\(\?P=")
_CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_WORD: r"\w",
               sre.CATEGORY_NOT_WORD: r"\W", sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_NOT_SPACE: r"\S"}
_ASCII = tuple(map(chr, range(128)))


def _uncaptured(pattern: str) -> str:
    """Return `pattern` with its groups made non-capturing (names and numbers would clash once joined)."""
    def plain(token: re.Match) -> str:
        if token.group(0) == "(?P=":
            raise ValueError(f"a date form refers back to a group: {pattern!r}")
        return "(?:" if token.group(0).startswith("(") else token.group(0)
    return _PLAIN_GROUP.sub(plain, pattern)


class _Start:
    """Characters a match can begin with: some characters, some categories (\\d, \\w ...), and
    perhaps every character outside ASCII."""

    def __init__(self):
        self.chars: set[str] = set()
        self.categories: set[str] = set()
        self.beyond_ascii = False

    def add_char(self, code: int, ignore_case: bool) -> None:
        char = chr(code)
        # Under IGNORECASE a letter also matches letters outside ASCII (K and the Kelvin sign, i
        # and dotted İ, ...): every character outside ASCII is let through, which errs on the safe side.
        if ignore_case and char.lower() != char.upper():
            self.chars |= set(char.lower()) | set(char.upper())
            self.beyond_ascii = True
        else:
            self.chars.add(char)

    def add_class(self, items, ignore_case: bool) -> bool:
        """Add the parsed items of a character class; False if they are not worth reading."""
        for op, av in items:
            if op is sre.LITERAL:
                self.add_char(av, ignore_case)
            elif op is sre.RANGE and av[1] - av[0] < 256:
                for code in range(av[0], av[1] + 1):
                    self.add_char(code, ignore_case)
            elif op is sre.CATEGORY and av in _CATEGORIES:
                self.categories.add(_CATEGORIES[av])
            else:
                return False
        return True

    def merge(self, other: _Start) -> None:
        self.chars |= other.chars
        self.categories |= other.categories
        self.beyond_ascii |= other.beyond_ascii

    def pattern(self) -> str:
        categories = "".join(sorted(self.categories))
        if self.beyond_ascii:   # written as the ASCII characters left out: a range to U+10FFFF is slow to compile
            inside = re.compile(f"[{categories}]") if categories else None
            left_out = [c for c in _ASCII if c not in self.chars and not (inside and inside.match(c))]
            return "[^" + "".join(map(re.escape, left_out)) + "]"
        return "[" + "".join(map(re.escape, sorted(self.chars))) + categories + "]"


def _first(items, flags: int, start: _Start) -> tuple[bool, bool]:
    """Add to `start` the characters a match of the parsed `items` can begin with; return whether
    they were all known, and whether the items can match nothing at all."""
    for op, av in items:
        ignore_case = bool(flags & re.IGNORECASE)
        if op is sre.LITERAL:
            start.add_char(av, ignore_case)
            return True, False
        if op is sre.IN:
            return start.add_class(av, ignore_case), False
        if op is sre.SUBPATTERN:
            known, empty = _first(av[3].data, (flags | av[1]) & ~av[2], start)
        elif op is sre.BRANCH:
            branches = [_first(branch.data, flags, start) for branch in av[1]]
            known, empty = all(k for k, _ in branches), any(e for _, e in branches)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            known, empty = _first(av[2].data, flags, start)
            empty = empty or av[0] == 0
        elif op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):   # zero width: what follows begins the match
            continue
        else:
            return False, False
        if not known or not empty:
            return known, False
    return True, True


def first_characters(pattern: str) -> str | None:
    """Return a character class holding every character a match of `pattern` can begin with
    (more may be in it), or None if that could be any."""
    return _first_class(_parser.parse(pattern).data)


def _first_class(items) -> str | None:
    start = _Start()
    known, empty = _first(items, 0, start)
    return start.pattern() if known and not empty else None


class FormScanner:
    """The matches of several forms in a text: compiled patterns that each begin with the same
    look-behind of one character, `before` ("(?<![\\w./])" for the date forms)."""

    # Texts shorter than this are read by each form's own pass: the scanner's one-time making
    # (some 30 ms) would cost more than it saves on a date line or a one-line text.
    SHORT = 200

    def __init__(self, patterns: Sequence[re.Pattern], before: str = _BEFORE):
        kept_out = _LOOK_BEHIND.fullmatch(before)
        for pattern in patterns:
            if kept_out is None or not pattern.pattern.startswith(before) or pattern.flags & ~re.UNICODE:
                raise ValueError(f"not a form that begins with {before!r}: {pattern.pattern!r}")
        self.patterns = tuple(patterns)
        self._before = before
        self._stop = f"[^{kept_out.group(1)}]"   # a character that `before` lets stand before a form
        self._first_cache: dict[str, tuple[int, ...]] = {}

    @cached_property
    def _scan(self) -> tuple[re.Pattern, dict[str | None, tuple[int, ...]]]:
        """The expression that finds where a form matches (past the text's first character),
        and the forms by the characters they can begin with; made when first used."""
        by_start: dict[str | None, list[int]] = {}
        for i, pattern in enumerate(self.patterns):
            parsed = _parser.parse(pattern.pattern).data
            # the look-behind must apply to the whole form, not to the first of its alternatives
            if parsed[0][0] is not sre.ASSERT_NOT:
                raise ValueError(f"not a form that begins with {self._before!r}: {pattern.pattern!r}")
            by_start.setdefault(_first_class(parsed[1:]), []).append(i)
        tests = []
        for first, forms in by_start.items():
            bodies = "|".join(_uncaptured(self.patterns[i].pattern[len(self._before):]) for i in forms)
            # "[ab](?<=(?=form|form).)": one test of the next character, then only the forms that begin with it.
            tests.append(f"{first}(?<=(?={bodies}).)" if first else f"(?={bodies})")
        return re.compile(self._stop + "(?=" + "|".join(tests) + ")"), {k: tuple(v) for k, v in by_start.items()}

    def _forms_at(self, char: str) -> tuple[int, ...]:
        """Return the forms that can begin with `char`, in order."""
        if char not in self._first_cache:
            self._first_cache[char] = tuple(sorted(i for first, forms in self._scan[1].items()
                                                   if first is None or re.fullmatch(first, char) for i in forms))
        return self._first_cache[char]

    def matches(self, text: str) -> list[list[re.Match]]:
        """Return, for each pattern in order, its matches in `text` as `pattern.finditer(text)` gives them."""
        if len(text) < self.SHORT:
            return [list(pattern.finditer(text)) for pattern in self.patterns]
        scan, _ = self._scan
        found: list[list[re.Match]] = [[] for _ in self.patterns]
        free_from = [0] * len(self.patterns)   # where each form's next match may begin
        places = [0] if text else []   # the text's start, then each place the scan stops
        places += [hit.end() for hit in scan.finditer(text)]
        for place in places:
            for i in self._forms_at(text[place]):
                if place >= free_from[i] and (match := self.patterns[i].match(text, place)):
                    found[i].append(match)
                    free_from[i] = max(match.end(), place + 1)
        return found
