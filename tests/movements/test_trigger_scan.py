"""The one-pass scan for movement words: grouping the patterns by first letter finds the same words."""
from __future__ import annotations

import re

import pytest

from gazetteer.movements.first_letters import beginnings_lookahead, first_letters, first_strings
from gazetteer.movements.patterns import any_trigger, compile_triggers


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"march(?:es|ed|ing)?", {"m"}),
    (r"f(?:a|e)ll(?:s|ing)? back", {"f"}),
    (r"(?:re-?)?embark(?:s|ed|ing)?", {"r", "e"}),
    (r"(?:(?<=was )|(?<=were ))taken", {"t"}),
    (r"(?:counter-?)?offensive", {"c", "o"}),
    (r"[Ss]eiz(?:e|ed)|capture", {"s", "c"}),
    (r"\w+ed", None),  # cannot tell: every word is tried
    (r"mass(?:ed|ing)(?= (?:[\w-]+ ){0,3}?(?:in|at)\b)", {"m"}),   # what follows the first letter may be anything
    (r"(?:lost|los(?:e|es))(?= (?-i:[A-Z]))", {"l"}),
    (r"(?i)x|(?P<name>y)", {"x", "y"}),
    (r"[a-c]x|y", None),   # a range: cannot tell
    (r"[^a]x", None),
    (r"x?", None),         # may match nothing
    (r"a{0,2}b|c+d", {"a", "b", "c"}),
    (r"(?:a|)b", {"a", "b"}),
    (r"\.x|[-y]", {".", "-", "y"}),
])
def test_first_letters_of_a_pattern(pattern, expected):
    letters = first_letters(pattern)
    assert (set(letters) if letters is not None else None) == expected


@pytest.mark.parametrize(("pattern", "expected"), [
    (r"march(?:es|ed|ing)?", {"mar"}),
    (r"f(?:a|e)ll(?:s|ing)? back", {"fal", "fel"}),
    (r"(?:re-?)?embark(?:s|ed|ing)?", {"re-", "ree", "emb"}),
    (r"(?:(?<=was )|(?<=were ))taken", {"tak"}),
    (r"[Ss]eiz(?:e|ed)|capture", {"sei", "cap"}),
    (r"go|went", {"go", "wen"}),            # a match may end after two letters
    (r"on (?:the )?way", {"on "}),
    (r"a{0,2}bc", {"aab", "abc", "bc"}),   # a repeat: each number of times, "bc" may end there
    (r"(?:a|)bc", {"abc", "bc"}),
    (r"x?", {"x", ""}),                     # may match nothing
    (r"ab\w", None),                        # any character: cannot tell
    (r"a[b-d]", None),                      # a range: cannot tell
    (r"(?:x*)*y", None),                    # a repeat of what may be nothing: cannot tell
    (r"a{2}b|c{1,2}d|e{2,}f", {"aab", "cd", "ccd", "eef", "eee"}),
    (r"a{}b", None),                        # "{}" is no repeat but the letters: cannot tell
])
def test_first_strings_of_a_pattern(pattern, expected):
    found = first_strings(pattern, 3)
    assert (set(found) if found is not None else None) == expected


@pytest.mark.parametrize(("strings", "text", "matches"), [
    ({"adv", "app", "mar"}, "Advanced", True),    # case is the pattern's business (re.I)
    ({"adv", "app", "mar"}, "and", False),
    ({"go", "wen"}, "gone", True),                # a shorter beginning: anything may follow
    ({"go", "wen"}, "g", False),
    ({"on "}, "on the way", True),
    ({"on "}, "one", False),
    ({"a-b", "a.c"}, "a.c", True),                # written escaped
    ({"a-b", "a.c"}, "axc", False),
])
def test_the_lookahead_of_beginnings(strings, text, matches):
    ahead = re.compile(beginnings_lookahead(frozenset(strings)), re.I)
    assert (ahead.match(text) is not None) == matches


def test_no_lookahead_for_a_pattern_that_may_match_nothing():
    assert beginnings_lookahead(frozenset({"ab", ""})) is None and beginnings_lookahead(frozenset()) is None


TEXT = ("The Turks re-embarked at Batum, fell back to Kars and, having been taken by surprise, launched a "
        "counter-offensive; the garrison was taken to Baku, withdrew, marched, sailed for Enzeli, were "
        "driven out of Shusha, and Erivan was retaken. Entry into Tiflis; the flight to Persia.")


def test_the_grouped_scan_finds_every_word_a_single_pattern_finds():
    singly = {m.start() for rx, _ in compile_triggers() for m in rx.finditer(TEXT)}
    grouped = set()
    pos = 0
    scan = any_trigger()
    while (hit := scan.search(TEXT, pos)) is not None:
        grouped.add(hit.start())
        pos = hit.start() + 1
    assert grouped == singly and len(singly) >= 12

