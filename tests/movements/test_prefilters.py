"""The movement finder's prefilters are made from the patterns themselves, so a pattern added
to `patterns.py` is covered without editing a word list; these tests fail if one is not.

* `any_trigger()`: one scan for every movement word; the finder tries the single patterns only
  where it matches.
* `modality.ANY_CUE`: one search for every status cue; with no match, no cue is tried, and with
  one, each cue is looked for from where it matched (no cue can begin before it).
* `patterns.ASKED_WORD`: "whether" or "if", held by every question `ASKED` finds; without one,
  `ASKED` is not tried.

Each pattern's matches in real text (the bundled corpus, the development sets, the seeds and
the sentences of the movement tests) must be found by the prefilter at the same place.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from gazetteer.movements.first_letters import alternatives, one_search
from gazetteer.movements.modality import ANY_CUE, status
from gazetteer.movements.patterns import (
    ASKED,
    ASKED_WORD,
    STATUS_CUES,
    TRIGGERS,
    any_trigger,
    compile_triggers,
)

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [*sorted((ROOT / "documents" / "corpus").glob("*.txt")), *sorted((ROOT / "bench").glob("*/texts/*.txt")),
           *sorted((ROOT.parent / "shared" / "seeds").glob("*.txt")), *sorted(Path(__file__).parent.glob("test_*.py"))]
# Words no source above uses yet.
EXTRA = "The seizure of Kars and the deportation of the villagers from Zod were reported."


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in SOURCES] + [EXTRA]


@pytest.mark.parametrize("index", range(len(TRIGGERS)), ids=lambda i: TRIGGERS[i].pattern[:40])
def test_every_movement_word_is_in_the_one_scan(index, texts):
    assert f"(?:{TRIGGERS[index].pattern})" in any_trigger().pattern
    single, _ = compile_triggers()[index]
    scan = any_trigger()
    found = [(text, m.start()) for text in texts for m in single.finditer(text)]
    assert found, f"no example of {TRIGGERS[index].pattern!r} in the texts"
    assert [where for text, where in found if scan.match(text, where) is None] == []


@pytest.mark.parametrize(("name", "pattern"), STATUS_CUES, ids=[name for name, _ in STATUS_CUES])
def test_every_status_cue_is_in_the_one_search(name, pattern, texts):
    assert all(f"(?:{alternative.removeprefix(chr(92) + 'b')})" in ANY_CUE.pattern
               for alternative in alternatives(pattern))
    found = [(text, m.start()) for text in texts for m in re.finditer(pattern, text, re.I)]
    assert found, f"no example of the {name} cue in the texts"
    assert [where for text, where in found if ANY_CUE.match(text, where) is None] == []


def test_every_question_asked_holds_the_word_searched_first(texts):
    found = [m.group() for text in texts for m in ASKED.finditer(text)]
    assert found, "no question put in the texts"
    assert [question for question in found if not ASKED_WORD.search(question)] == []


@pytest.mark.parametrize(("words", "asked"), [
    ("He asked whether the troops are to be withdrawn", True),
    ("They inquired if the Turks would advance", True),
    ("; whether the troops withdraw", True),       # a clause that opens with it
    ("The Turks advanced", False),
    ("It is not known where the troops withdraw", False),
])
def test_a_question_put_is_left_out(words, asked):
    assert (status(words, False, words.split()[-1]) is None) == asked


@pytest.mark.parametrize(("words", "trigger", "expected"), [
    ("The Turks advanced", "advanced", "occurred"),
    ("The Turks did not advance", "advance", None),             # negated: left out
    ("The Turks perhaps advanced", "advanced", None),           # hedged: left out
    ("The Turks intend to advance", "advance", "intended"),
    ("The Turks were ordered to advance", "advance", "ordered"),
    ("Herders drive", "drive", "habitual"),                     # no cue, a present form
    ("Our troops are to withdraw", "withdraw", "ordered"),
    ("Although they did not resist, the Turks took", "took", "occurred"),   # a cue of another clause
    ("On the third day of the long march across the passes the division was ordered to advance",
     "advance", "ordered"),                                    # the cue far from the sentence's start
    ("After weeks of waiting in the snow the Turks perhaps advanced", "advanced", None),
])
def test_status_with_and_without_cues(words, trigger, expected):
    assert status(words, False, trigger) == expected


@pytest.mark.parametrize(("patterns", "text", "where"), [
    ([r"\bif\b|\bunless\b", r"n[’']t\b"], "we shan't go", 6),
    ([r"\bif\b|\bunless\b", r"n[’']t\b"], "iffy, unless", 6),
    ([r"\bif\b", r"(?<!in )\border"], "in order, if", 10),
    ([r"\b(?:is|are) to\b", r"\bmust\b"], "Mustafa is to go", 8),
    ([r"[|]x|\by"], "a |x", 2),
    ([r"\bx"], "axe", None),
])
def test_one_search_finds_the_first_place_any_pattern_matches(patterns, text, where):
    found = re.compile(one_search(patterns), re.I).search(text)
    assert (found.start() if found else None) == where
