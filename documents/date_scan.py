"""One pass over a text that finds where each date form matches.

Every form (`documents.date_forms.compile_form`) begins with a look-behind (no letter, digit,
dot or slash before it), which keeps Python's `re` from skipping ahead: each form's `finditer`
entered the form at every position of the text, one pass per form. The scanner is one
expression that consumes the character before a date instead, so that the engine's search
skips in C to the characters that may stand there; there it tests the next character against
the characters each group of forms can begin with (read from the forms themselves by
`documents.pattern_starts`, so that a new form needs no list kept by hand) and tries only the
forms that can begin with it. Where one matches, the forms that can begin with that character are
run, and each form's matches are taken as its own `finditer` takes them (the leftmost, then the
next from its end): the result is the passes', match for match.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cached_property

from documents.pattern_starts import is_zero_width, starts_of, top_level

_BEFORE = r"(?<![\w./])"   # what `compile_form` puts in front of every form
_LOOK_BEHIND = re.compile(r"\(\?<!\[((?:\\.|[^\]\\^])+)\]\)")   # "(?<![...])", the class not negated
_PLAIN_GROUP = re.compile(r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|\((?:\?P<\w+>)?(?!\?)|\(\?P=")


def _uncaptured(pattern: str) -> str:
    """Return `pattern` with its groups made non-capturing (names and numbers would clash once joined)."""
    def plain(token: re.Match) -> str:
        if token.group(0) == "(?P=":
            raise ValueError(f"a date form refers back to a group: {pattern!r}")
        return "(?:" if token.group(0).startswith("(") else token.group(0)
    return _PLAIN_GROUP.sub(plain, pattern)


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
            # the look-behind must apply to the whole form, not to the first of its alternatives
            try:
                items, ignore_case = top_level(pattern.pattern)
            except ValueError:
                items, ignore_case = [], False
            if not items or not is_zero_width(items[0]):
                raise ValueError(f"not a form that begins with {self._before!r}: {pattern.pattern!r}") from None
            by_start.setdefault(starts_of([items[1:]], ignore_case), []).append(i)
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
