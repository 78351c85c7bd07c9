"""The characters a pattern's match can begin with, read from its text (documents/pattern_starts.py):
every character that begins a match is in the class, and the class says no to what cannot."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from documents import dates, relative_dates
from documents.pattern_starts import first_characters, starts_of, top_level

ROOT = Path(__file__).resolve().parents[2]
ALL = [chr(c) for c in range(0x250)] + list("АаЯяЖжԱաՀհაბ–—’“«\u0130\u0131\u212a")


@pytest.mark.parametrize(("pattern", "begins", "never"), [
    (r"\x41|\u0431|\N{EN DASH}", "Aб–", "aБ-"),
    (r"[\x30-\x32\]-]", "012]-", "3\\"),                    # a range of escapes; "]" and "-" as members
    (r"[]a]b", "]a", "b"),                                    # "]" first in a set is a member
    (r"\s*+x", " \tx", "y"),                                  # possessive
    (r"(?>ab|cd)", "ac", "bd"),                               # atomic
    (r"(?#a comment)(?=ab)a", "a", "#("),
    (r"(?i)k", "kK\u212a", "j"),                              # the whole pattern's flag; the Kelvin sign
    (r"(?i:(?-i:a)|b)", "abB", "A"),
    (r"\bx{2,}|y{0}z", "xyz", "w"),                           # y{0}: z may begin it too (more is allowed)
    (r"[\d\W]", "09 -", "a_"),
])
def test_the_class_holds_every_first_character(pattern, begins, never):
    first = first_characters(pattern)
    assert all(re.fullmatch(first, c) for c in begins), first
    assert not any(re.fullmatch(first, c) for c in never), first


@pytest.mark.parametrize("pattern", [r"(a|)\1", r"(?P<x>a)?(?P=x)", r"(a)?(?(1)b|c)", r".", r"[^a]", r"x*",
                                     r"[\u0100-\u1000]"])
def test_what_it_cannot_tell_may_begin_with_anything(pattern):
    assert first_characters(pattern) is None


@pytest.mark.parametrize("pattern", [r"(", r"[a", r"a**"])
def test_a_pattern_re_refuses_is_refused(pattern):
    with pytest.raises(re.error):
        first_characters(pattern)


def test_alternatives_at_the_top_are_told():
    assert len(top_level(r"(?<!x)a(?:b|c)")[0]) == 3
    with pytest.raises(ValueError):
        top_level(r"(?<!x)a|b")


FORMS = [p.pattern for p in dates._SCANNER.patterns] + [p.pattern for p in relative_dates._SCANNER.patterns]


@pytest.mark.parametrize("form", FORMS)
def test_each_date_form_may_begin_only_with_its_class(form):
    """A table of inputs: every character that a match of the form (behind its look-behind) can begin
    with, tried as the first character of the date words that follow it in the form's own matches."""
    items, ignore_case = top_level(form)
    first = starts_of([items[1:]], ignore_case)
    body = re.compile(form[form.index(")") + 1:])
    texts = ["6 August 1920", "the 11th to the 13th of June", "10/VIII-20", "в начале января 1921 г.",
             "15 Mart 1336", "İkinci Teşrin 1336", "early May 1921", "Tuesday", "yesterday", "mid-1920"]
    for text in texts:
        for c in ALL:
            if body.match(c + text[1:]) or body.match(c + text):
                assert first is None or re.fullmatch(first, c), (c, first)


def imported(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
    return found


def test_no_module_reads_python_s_private_parser():
    private = {"sre_parse", "sre_constants", "sre_compile", "re._parser", "re._constants", "re._compiler"}
    paths = [*(ROOT / "documents").rglob("*.py"), *(ROOT / "gazetteer").rglob("*.py")]
    assert {str(p.relative_to(ROOT)): sorted(imported(p) & private) for p in paths if imported(p) & private} == {}
