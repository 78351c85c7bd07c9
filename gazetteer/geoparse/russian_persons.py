"""Russian surnames that are also place names: "Павел Михайлович Карягин", "полковник Реут".

A Cyrillic name right after a patronymic ("Михайлович", "Петровна") or after a rank or title
("генерал", "полковник", "князь") is a person's surname, not the town it may also spell.
"""
from __future__ import annotations

import re

from gazetteer.geoparse.russian import forms

_PATRONYMIC = re.compile(r"^[А-ЯЁ][а-яё]+(?:ович|евич|ьич|ична|инична|овна|евна)[ъ]?$")
TITLES = frozenset("""генерал генерал-майор генерал-лейтенант генерал-адъютант генерал-фельдмаршал фельдмаршал
    полковник подполковник майор капитан штабс-капитан поручик подпоручик прапорщик ротмистр есаул сотник
    хорунжий адмирал князь граф барон господин""".split())
_WORD_BEFORE = re.compile(r"([\w-]+)\.?\s+$")


def named_person(text: str, start: int) -> bool:
    """True when the Cyrillic name at `start` follows a patronymic or a rank: a surname."""
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if not before:
        return False
    word = before.group(1)
    return bool(_PATRONYMIC.match(word)) or bool(forms(word) & TITLES)
