"""The words of movement of Russian documents, found by their lemmas rather than by their endings.

Every aspect, tense, participle and gerund of a verb shares its lemma with the infinitive in the
standard morphological analyser (`pymorphy3`): "прибывший", "прибыв", "прибудут" are all
прибыть, "пришедший" and "прійдя" (old orthography) прийти, "отступившие" отступить. So a verb is
a movement when its lemma is one of VERBS; a noun naming a movement ("вторжение", "отъезд",
"экспедиція", "поход") when its lemma is one of NOUNS. The status comes from the form: the past
(and a past participle or perfective gerund) occurred, the present is under way, the future
intended; a noun narrates what occurred; an infinitive is left to the sentence (ordered or
intended, `gazetteer.movements.russian`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from gazetteer.geoparse.russian import readings

# lemma -> (kind, takes an object, the object's role)
_ADVANCE = ("advance", False, "")
_OCCUPY = ("occupation", True, "reached")
_LEAVE = ("withdrawal", True, "origin")
_RETREAT = ("withdrawal", False, "")
_JOURNEY = ("journey", False, "")
_ATTACK = ("attack", True, "reached")
_TRANSFER = ("transfer", False, "")
VERBS = {
    **dict.fromkeys("""наступать наступить продвигаться продвинуться двинуться двигаться подойти подходить
        перейти переходить выступить выступать направиться направляться вторгнуться вторгаться
        переправиться переправляться""".split(), _ADVANCE),
    **dict.fromkeys("занять занимать взять захватить захватывать овладеть овладевать".split(), _OCCUPY),
    **dict.fromkeys("вступить вступать войти входить".split(), ("occupation", False, "")),
    **dict.fromkeys("осадить осаждать атаковать штурмовать".split(), _ATTACK),
    **dict.fromkeys("напасть нападать".split(), ("attack", False, "")),
    **dict.fromkeys("отойти отходить отступить отступать бежать ретироваться".split(), _RETREAT),
    **dict.fromkeys("оставить оставлять эвакуировать очистить".split(), _LEAVE),
    **dict.fromkeys("""прибыть прибывать приехать приезжать прийти приходить выехать выезжать отправиться
        отправляться съехаться съезжаться уехать уезжать вернуться возвратиться возвращаться""".split(), _JOURNEY),
    **dict.fromkeys("выслать высылать подвозить подвезти перевезти перевозить".split(), _TRANSFER),
}
NOUNS = {
    **dict.fromkeys("наступление вторжение выступление поход экспедиция переход переправа".split(), _ADVANCE),
    **dict.fromkeys("отступление отход эвакуация".split(), _RETREAT),
    **dict.fromkeys("отъезд прибытие приезд возвращение".split(), _JOURNEY),
    "нападение": ("attack", False, ""),
    **dict.fromkeys("осада взятие".split(), _ATTACK),
}
VERB_FORMS = frozenset("VERB INFN PRTF PRTS GRND".split())
WORD = re.compile(r"(?<![\w-])[\u0400-\u04ffiI]+(?![\w-])")
# "выступил с речью", "выступили против договора": a speech or a stand, not a march.
_NOT_A_MARCH = re.compile(r"\s+(?:с\s+(?:речью|заявлением|докладом|протестом)|против)(?!\w)", re.IGNORECASE)
# "входил в состав Карабахского ханства", "входили в Елизаветпольскую губернию": belonging, not entering.
_PART_OF = re.compile(r"\s+в\s+состав(?!\w)", re.IGNORECASE)
_PART_OF_UNIT = re.compile(r"\s+в\s+(?:\w+\s+)?(?:губерни|уезд|област|округ|провинци|ханств)\w*", re.IGNORECASE)


def not_a_movement(text: str, end: int, lemma: str) -> bool:
    """True when the word ending at `end` speaks, stands or belongs rather than moves."""
    if lemma in ("выступить", "выступать", "выступление"):
        return bool(_NOT_A_MARCH.match(text, end))
    if lemma in ("войти", "входить", "вступить", "вступать"):
        return bool(_PART_OF.match(text, end)) or (lemma == "входить" and bool(_PART_OF_UNIT.match(text, end)))
    return False


class Word(NamedTuple):
    """A movement word found in a text, with what it says; read like a regex match (start, end, group)."""

    at: int
    stop: int
    written: str
    kind: str
    takes_object: bool
    object_role: str
    status: str | None      # None: an infinitive, whose status the sentence gives
    noun: bool = False      # a noun takes only the places after it ("нападение на Ленкорань")

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.stop

    def group(self, _: int = 0) -> str:
        return self.written


@lru_cache(maxsize=50_000)
def reading(word: str) -> tuple[str, bool, str, str | None, bool, str] | None:
    """(kind, takes an object, object role, status, noun, lemma) of a movement word, or None."""
    parses = readings(word)
    verbs = [p for p in parses if p.tag.POS in VERB_FORMS and p.normal_form.replace("ё", "е") in VERBS]
    if verbs:
        lemma = verbs[0].normal_form.replace("ё", "е")
        # A form two aspects share ("отходят": отходить, present, or a perfective future) reads as the present.
        statuses = {_status(p.tag) for p in verbs}
        status = next((s for s in ("occurred", "under way", "intended") if s in statuses), None)
        return (*VERBS[lemma], status, False, lemma)
    for p in parses:
        lemma = p.normal_form.replace("ё", "е")
        if p.tag.POS == "NOUN" and lemma in NOUNS:
            return (*NOUNS[lemma], "occurred", True, lemma)
    return None


def _status(tag) -> str | None:
    if tag.POS == "INFN":
        return None
    if tag.tense == "past" or (tag.POS == "GRND" and tag.aspect == "perf"):
        return "occurred"
    if tag.tense == "futr":
        return "intended"
    return "under way"


def movement_words(text: str, start: int, end: int) -> list[Word]:
    """The movement words of text[start:end], in order."""
    found = []
    for m in WORD.finditer(text, start, end):
        read = reading(m.group(0))
        if read and not not_a_movement(text, m.end(), read[-1]):
            found.append(Word(m.start(), m.end(), m.group(0), *read[:-1]))
    return found
