"""The gettext catalogues: every message of the code listed, and translated in every language."""
from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from mapapp.web.calendar_words import HIJRI_MONTHS, RUMI_MONTHS
from mapapp.web.i18n import LANGUAGES, catalogue_sources, compiled_catalogues

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "mapapp" / "translations"
TRANSLATED = [code for code in LANGUAGES if code != "en"]
# As babel.cfg says, and the keywords the README's extract command gives.
METHODS = [("mapapp/**.py", "python"), ("mapapp/templates/**.html", "jinja2"), ("mapapp/static/js/**.js", "javascript")]
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None, "ParamError": (3,), "translated": None,
            "say": None, "say_n": (1, 2)}


def read(path: Path, locale: str | None = None):
    with path.open("rb") as po:
        return read_po(po, locale=locale)


def ids(catalogue) -> set:
    return {m.id for m in catalogue if m.id}


def test_the_template_lists_every_message_the_code_uses():
    found = {entry[2] if isinstance(entry[2], str) else tuple(entry[2])
             for entry in extract_from_dir(str(ROOT), METHODS, keywords=KEYWORDS)}
    template = ids(read(TRANSLATIONS / "messages.pot"))
    assert found - template == set(), "run the extract command of the README"
    assert template - found == set(), "messages no code uses any more"


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_has_a_translation(code):
    catalogue = read(catalogue_sources()[code], code)
    assert ids(catalogue) == ids(read(TRANSLATIONS / "messages.pot")), "update the catalogue from the template"
    untranslated = [m.id for m in catalogue if m.id and (not all(m.string if isinstance(m.string, tuple)
                                                                 else [m.string]) or m.fuzzy)]
    assert untranslated == []
    # Babel's checkers: the same %(name)s placeholders, the right number of plural forms.
    assert [(m.id, [str(e) for e in errors]) for m, errors in catalogue.check()] == []


@pytest.mark.parametrize("code", TRANSLATED)
def test_a_translation_differs_from_the_english_unless_it_is_a_name(code):
    same = {m.id for m in read(catalogue_sources()[code], code)
            if m.id and isinstance(m.id, str) and m.string == m.id}
    # the same word in az; the Ottoman calendars' month names, which Turkish (and Azerbaijani) write as
    # the English transliteration does; a title's shape that has no words of its own
    assert same <= {"Chronotope: documents on a dated map", "Memorandum", "%(kind)s, %(date)s", *RUMI_MONTHS,
                    *HIJRI_MONTHS}


def test_catalogues_compile_into_the_cache_and_never_into_the_package(tmp_path):
    folder = compiled_catalogues(tmp_path)
    assert sorted(p.parent.parent.name for p in folder.rglob("*.mo")) == sorted(TRANSLATED)
    assert compiled_catalogues(tmp_path) == folder              # once per content
    assert list(TRANSLATIONS.rglob("*.mo")) == []
