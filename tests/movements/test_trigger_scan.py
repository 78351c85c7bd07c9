"""The one-pass scan for movement words: grouping the patterns by first letter finds the same words."""
from __future__ import annotations

import pytest

from gazetteer.movements.first_letters import first_letters
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

