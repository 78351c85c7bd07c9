"""Movements Russian documents state: "Наши части заняли Горис и двинулись к Лачину",
"Турецкие войска выступили из Карса на Александрополь", "Войска отошли къ Александрополю".

The common verbs of troop movement, in every tense and gender (the stem decides the kind);
the places they take come from the prepositions before the place names, which say the role
whatever the case ending: из, от, со (origin), через (via), в, во, на, к, ко, до (where to);
a place right after a verb that takes an object ("заняли Горис", "оставили Карс") is its
object. Two verbs of one subject joined by "и" ("выступил из Акстафы и двинулся через Казах
на Дилижан") are one movement. A negated verb ("не заняли") states none; roads do not move
("Из Агдама в Шушу ведет шоссе": no movement word). The old letters are read as the new (къ, изъ).

Status from the verb's form: past tense → occurred, present → under way, infinitive →
intended (ordered when the sentence orders: "приказ", "приказано"). The actor is the subject
as written before the verb ("Турецкие войска", "Противник"), without the dates before it.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from datetime import date

from gazetteer.geoparse.russian import forms, readings
from gazetteer.model import DatedSpan, Mention, Movement, Place
from gazetteer.movements.network import RouteNetwork, draw_path
from gazetteer.movements.russian_verbs import Word, movement_words, not_a_movement, reading

# (stem pattern, kind, takes an object, the object's role)
VERBS = (
    (r"наступ(?:а|ил|ит|ят|ле)\w*|продви(?:га|ну)\w*|двину\w*|двига\w*|подо(?:шл|ш[её]л|йд)\w*|подход\w*"
     r"|направ(?:и|ля)\w*с[яь]|перешл\w*|переш[её]л\w*|перейти|переход(?:и|я)т", "advance", False, ""),
    (r"выступ(?:ил|ать|ить|ает|ают|ит|ят|ив)\w*(?!\s+(?:с\s+(?:речью|заявлением|докладом)|против))",
     "advance", False, ""),
    (r"заня(?:л|ла|ли|ло|ть|в)|займ(?:ут|ет|ем)|занима\w*|захват(?:ил|ить|ыва)\w*|взя(?:л|ла|ли|ть)|овладе\w*",
     "occupation", True, "reached"),
    (r"вступ(?:ил|или|ила|ило|ать|ить|ают|ает)\w*|вош(?:ел|ёл|ла|ли|едш)\w*|войти|вход(?:и|я)т", "occupation",
     False, ""),
    (r"ото(?:шл|ш[её]л)\w*|отойти|отход\w*|отступ\w*", "withdrawal", False, ""),
    (r"остав(?:ил|или|ила|ить|ля)\w*|эвакуир\w*|очисти(?:л|ли|ть)\w*", "withdrawal", True, "origin"),
    (r"прибы(?:л|ла|ли|ло|ть|ва)\w*|прибуд\w*|при(?:ехал|шл|ш[её]л)\w*|выеха\w*|выехал\w*|отправи(?:л|ть)\w*с[яь]",
     "journey", False, ""),
)
_TRIGGER = re.compile("|".join(rf"(?P<v{i}>(?<![\w-])(?:{p})(?!\w))" for i, (p, *_) in enumerate(VERBS)),
                      re.IGNORECASE)
ORIGIN = frozenset("из изъ от отъ со с съ".split())
VIA = frozenset("через чрез черезъ".split())
TOWARDS = frozenset("в во въ на к ко къ до".split())
_WORD_BEFORE = re.compile(r"([\w]+)\s*$")
_TWO_WORDS_BEFORE = re.compile(r"(\w+)\s+(\w+)\.?\s*$")
# Words between a preposition and its place that leave the preposition its role: "на кр. Ленкорань",
# "со стороны Эривани", "к берегам Гурии", "в г. Шушу".
FRAME_WORDS = frozenset("""крепость город село селение деревня станция берег стена сторона окрестность предел
    граница местечко аул урочище гора река замок""".split())
FRAME_ABBREVIATIONS = frozenset("кр г гор с сел д дер ст р м".split())
# A sentence about a road ("Дорога от Нахичевани к Ордубаду занята") states no movement: roads do not move.
_ROAD = re.compile(r"\s*(?:Дорога|Шоссе|Путь|Тракт)(?!\w)")
# "с Персией" (instrumental) is "with Persia", not "from": only a genitive after с/со is an origin.
_WITH = frozenset("с со съ".split())
_BEYOND = frozenset("за".split())
_NEGATED = re.compile(r"(?<!\w)не\s+$", re.IGNORECASE)
_ORDER = re.compile(r"приказ", re.IGNORECASE)
_PAST = re.compile(r"(?:л|ла|ли|ло|лся|лась|лись|лось|в)$")
_INFINITIVE = re.compile(r"(?:ть|ти|ться|тись)$")
_ROLE_ORDER = {"origin": 0, "via": 1, "reached": 2}
_JOINED = re.compile(r"^[\s,]*и\s+(?:[\w.]+\s+){0,3}$")   # "... и двинулся", "... и 12 мая заняли"
MAX_ACTOR = 60
_SENTENCE_END = re.compile(r"[.!?;]+(?=\s+[«\"(]?[A-ZА-ЯЁ0-9])|\n\s*\n")
_ABBREVIATED = frozenset("ст гг им тов ген г т с р кр гор сел дер".split())   # "по ст. ст.", "г. Баку", "кр. Шуша"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The [start, end) spans of the sentences of `text` (a full stop after an abbreviation ends none)."""
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        before = text[max(start, m.start() - 12):m.start()].split()
        line_end = text[m.end():m.end() + 3].lstrip(" \t").startswith("\n")
        after_year = len(before) > 1 and before[-1] == "г" and before[-2].isdigit()   # "1920 г. Части"
        if m.group().startswith(".") and before and before[-1].lower() in _ABBREVIATED and not line_end \
                and not after_year:
            continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def russian_movements(text: str, mentions: Sequence[Mention], dates: Sequence[DatedSpan] = (),
                      default_range: tuple[date | None, date | None] = (None, None),
                      network: RouteNetwork | None = None, lines: bool = True) -> list[Movement]:
    """Return the movements the Russian sentences of `text` state, in text order (`lines`: as
    `find_movements`)."""
    places = sorted((m for m in mentions if m.place is not None), key=lambda m: m.start)
    dates = sorted(dates, key=lambda d: d.start)
    starts = [d.start for d in dates]
    movements, p = [], 0
    for start, end in sentence_spans(text):
        while p < len(places) and places[p].start < start:
            p += 1
        q = p
        while q < len(places) and places[q].start < end:
            q += 1
        triggers = _triggers(text, start, end)
        if triggers:
            in_sentence = dates[bisect_left(starts, start):bisect_left(starts, end)]
            movements += _sentence(text, start, end, triggers, places[p:q], in_sentence, default_range,
                                   (network, lines))
    return movements


def _triggers(text: str, start: int, end: int) -> list:
    """The movement words of one sentence: the verb stems above, then any word whose lemma is one
    (`russian_verbs`), the negated left out."""
    if _ROAD.match(text, start):
        return []
    found = [t for t in _TRIGGER.finditer(text, start, end)
             if not not_a_movement(text, t.end(), _lemma(t.group(0)))]
    taken = [(t.start(), t.end()) for t in found]
    found += [w for w in movement_words(text, start, end) if not any(a < w.end() and w.start() < b for a, b in taken)]
    return sorted((t for t in found if not _NEGATED.search(text[max(start, t.start() - 4):t.start()])),
                  key=lambda t: t.start())


def _lemma(word: str) -> str:
    """The lemma of a movement word the stems above found, as `russian_verbs` reads it ("" if none)."""
    read = reading(word)
    return read[-1] if read else ""


def _sentence(text, start, end, triggers, mentions, dates, default_range, drawing) -> list[Movement]:
    """The movements of one sentence: each verb takes the places up to the next verb."""
    found = []
    for i, trigger in enumerate(triggers):
        kind, takes_object, object_role = _verb(trigger)
        stop = triggers[i + 1].start() if i + 1 < len(triggers) else end
        lo = trigger.end() if i else start
        if isinstance(trigger, Word) and trigger.noun:
            lo = trigger.start()
        roles = []
        for m in mentions:
            if not lo <= m.start < stop:
                continue
            role = _role(text, start, trigger, m, takes_object, object_role)
            if role:
                roles.append((role, m))
        found.append([trigger, kind, roles])
    found = _joined_steps(text, found)
    movements: list[Movement] = []
    for t, kind, roles in found:
        if roles:
            before = [m.end for m in mentions if m.end <= t.start()]
            actor = _actor(text, max([start] + before), t.start(), dates)
            if actor is None and movements and _JOINED.match(text[movements[-1].end:t.start()]):
                actor = movements[-1].actor   # "Наши части заняли Горис и двинулись к Лачину"
            movements.append(_movement(text, t, kind, roles, dates, default_range, drawing, actor,
                                       _status(text, start, end, t)))
    return movements


def _verb(trigger: re.Match | Word) -> tuple[str, bool, str]:
    if isinstance(trigger, Word):
        return trigger.kind, trigger.takes_object, trigger.object_role
    index = int(next(k for k, v in trigger.groupdict().items() if v is not None)[1:])
    return VERBS[index][1:]


def _role(text: str, sentence_start: int, trigger: re.Match, mention: Mention, takes_object: bool,
          object_role: str) -> str | None:
    """The role a place plays for the verb: the preposition before it, or the verb's object."""
    word = _WORD_BEFORE.search(text, max(sentence_start, mention.start - 12), mention.start)
    preposition = word.group(1).lower() if word else ""
    head = mention.text     # the word the preposition governs: the name, or the frame word before it
    if preposition not in ORIGIN | VIA | TOWARDS | _BEYOND:
        two = _TWO_WORDS_BEFORE.search(text, max(sentence_start, mention.start - 30), mention.start)
        if two and (two.group(2).lower() in FRAME_ABBREVIATIONS or forms(two.group(2)) & FRAME_WORDS):
            preposition, head = two.group(1).lower(), two.group(2)
    if preposition in _WITH and _instrumental(head):
        return None
    if preposition in _BEYOND:   # "отступили за Аракс": the accusative is where to; "за Араксом" is where
        return "reached" if _has_case(head, "accs") else None
    if preposition in ORIGIN:
        return "origin"
    if preposition in VIA:
        return "via"
    if preposition in TOWARDS:
        return "reached"
    if takes_object and mention.start > trigger.end() and not text[trigger.end():mention.start].strip(" \n"):
        return object_role
    return None


def _cases(name: str) -> set[str]:
    words = name.split()
    return {p.tag.case for p in readings(words[0])} if words else set()


def _instrumental(name: str) -> bool:
    """True when the first word of a place name reads only as instrumental ("Персией", "Карсом")."""
    cases = _cases(name)
    return "ablt" in cases and not cases & {"gent", "gen2"}


def _has_case(name: str, case: str) -> bool:
    return case in _cases(name)


def _joined_steps(text: str, found: list) -> list:
    """Join a verb with only an origin to the next verb of the same subject ("выступил из X и двинулся ...")."""
    out = []
    for item in found:
        if out and out[-1][2] and all(r == "origin" for r, _ in out[-1][2]) \
                and _JOINED.match(text[_last_end(out[-1]):item[0].start()]):
            previous = out.pop()
            item = [previous[0], item[1], previous[2] + item[2]]
        out.append(item)
    return out


def _last_end(item) -> int:
    trigger, _, roles = item
    return max([trigger.end()] + [m.end for _, m in roles])


def _movement(text, trigger, kind, roles, dates, default_range, drawing, actor, status) -> Movement:
    """The movement of one verb; `drawing` is (network, lines), as `find_movements` takes them."""
    ordered = sorted(roles, key=lambda r: (_ROLE_ORDER[r[0]], r[1].start))
    waypoints: list[Place] = []
    for _, m in ordered:
        if not waypoints or waypoints[-1].id != m.place.id:
            waypoints.append(m.place)
    first = min([trigger.start()] + [m.start for _, m in roles])
    last = max([trigger.end()] + [m.end for _, m in roles])
    earliest, latest = (dates[0].earliest, dates[-1].latest) if dates else default_range
    path, approximate = draw_path(waypoints, *drawing)
    return Movement(start=first, end=last, text=text[first:last], kind=kind, status=status,
                    earliest=earliest, latest=latest, waypoints=tuple(waypoints),
                    actor=actor, path=path, approximate=approximate)


def _status(text: str, start: int, end: int, trigger: re.Match | Word) -> str:
    if isinstance(trigger, Word) and trigger.status:
        return trigger.status
    verb = trigger.group(0).lower()
    if _INFINITIVE.search(verb):
        return "ordered" if _ORDER.search(text, start, end) else "intended"
    if _PAST.search(verb):
        return "occurred"
    return "under way"


def _actor(text: str, start: int, verb_start: int, dates: Sequence[DatedSpan]) -> str | None:
    """The subject before the verb as written, without a date or a place phrase before it."""
    begin = max([start] + [d.end for d in dates if d.end <= verb_start])
    words = text[begin:verb_start].strip(" \n,.").split()
    while words and (words[0].lower() in ("в", "во", "из", "от", "к", "на", "и", "г.", "года", "году")
                     or _ORDER.match(words[0])):
        words = words[1:]
    actor = " ".join(words)
    if not actor or len(actor) > MAX_ACTOR or not actor[:1].isalpha() or actor.lower() == "не":
        return None
    return actor
