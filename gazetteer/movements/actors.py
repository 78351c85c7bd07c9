"""Who moves: the subject or agent phrase of a movement, exactly as the text words it.

Nothing is resolved or invented: "Our troops" stays "Our troops"; a pronoun ("they", "it")
gives no actor at all.
"""
from __future__ import annotations

import re

from gazetteer.movements.parties import is_actor
from gazetteer.movements.patterns import (
    AUXILIARIES,
    CLAUSE_STOP,
    DATE_CHUNK,
    FORCE_WORDS,
    LEADING_PREPOSITIONS,
    MONTHS,
    PRONOUNS,
)

WORD = re.compile(r"[\w’'.-]+")
DETERMINERS = frozenset("the a an our their his her its my your this that these those".split())
POSSESSIVE = re.compile(r"\b(?:their|its|his|her|our|my)\s+$", re.I)
MAX_WORDS = 8
NAME_LIST = re.compile(r"\s*[A-Z][\w'’-]+(?:\s+(?:and|or)\s+[A-Z][\w'’-]+)?\s*")
ASIDE = re.compile(r"\s*(?:with|together with|along with|accompanied by|having|being|who|which|whom|whose)\b",
                   re.I)
POSSESSOR = re.compile(r"((?:[Tt]he\s+)?(?:[A-Z0-9][\w-]*\s+){0,4}(?:[A-Z][\w-]*|(?<=[A-Za-z] )(?:army|forces|troops|"
                       r"corps|division|government|command|fleet|flotilla)))['’]s\s+([a-z]+\s+)?$")
VERBISH = re.compile(
    r"went|go|goes|came|made|said|took|gave|sent|led|left|began|begun|begin(?:s|ning)?|express(?:es|ed|ing)?|"
    r"advanc(?:es|ed|ing)|withdr(?:aw|aws|ew|awing)|retreat(?:s|ed|ing)?|march(?:es|ed|ing)?|"
    r"mov(?:e|es|ed|ing)|occup(?:y|ies|ied|ying)|attack(?:s|ed|ing)?|enter(?:s|ed|ing)?|"
    r"intend(?:s|ed|ing)?|plan(?:s|ned|ning)?|want(?:s|ed)?|hope(?:s|d)?|wish(?:es|ed)?|decid(?:e|es|ed|ing)|"
    r"expect(?:s|ed|ing)?|propos(?:e|es|ed|ing)|demand(?:s|ed|ing)?|threaten(?:s|ed|ing)?|agree(?:s|d|ing)?|"
    r"refus(?:e|es|ed|ing)|tr(?:y|ies|ied)|seek(?:s|ing)?|continu(?:e|es|ed|ing)|start(?:s|ed|ing)?|"
    r"order(?:s|ed|ing)?|promis(?:e|es|ed|ing)|prepar(?:e|es|ed|ing)|need(?:s|ed)?|undertak(?:e|es|ing)|"
    r"ask(?:s|ed|ing)?|met|held|fought|rose|won|lost|fled|set|put|came|saw|stood|kept|brought|broke|drove|"
    r"ran|rode|found|formed|proclaimed|sailed|landed|embarked|crossed|reached|spread|turned")


def subject_before(text: str, scope_start: int, trigger_start: int) -> tuple[str, int] | None:
    """The subject phrase of the clause that ends at `trigger_start`, with its offset; or None."""
    prefix = text[scope_start:trigger_start]
    stops = list(CLAUSE_STOP.finditer(prefix))
    while stops and "," in prefix[stops[-1].end():] and (
            re.fullmatch(r",\s*with", stops[-1].group(), re.I)
            or (stops[-1].group().lower() in ("who", "which") and prefix[:stops[-1].start()].rstrip().endswith(","))):
        # "The flotilla, with Ordzhonikidze on board, sailed", "Khalil Pasha, who had arrived, left": asides
        stops.pop()
    base = scope_start + (stops[-1].end() if stops else 0)
    clause = text[base:trigger_start]
    chunks: list[tuple[str, int]] = []
    offset = base
    for part in clause.split(","):
        if chunks and NAME_LIST.fullmatch(part) and chunks[-1][0].split()[-1:] \
                and chunks[-1][0].split()[-1][0].isupper():
            chunks[-1] = (chunks[-1][0] + "," + part, chunks[-1][1])  # "detachments from Goris, Sisian and Kapan"
        else:
            chunks.append((part, offset))
        offset += len(part) + 1
    for i, (part, where) in reversed(list(enumerate(chunks))):
        if i and ASIDE.match(part):
            continue  # "The flotilla, with Ordzhonikidze on board, sailed"; "The 11th Army, having taken Baku,"
        part, where = _after_adverbial(part, where)
        words = [w.lower() for w in WORD.findall(part)]
        if words and DATE_CHUNK.fullmatch(part):
            continue  # "arrived at Batum Saturday morning, August 21, reached Tiflis": a date, not who
        if not words or words[0] in LEADING_PREPOSITIONS or _verbish(WORD.findall(part)[0]):
            continue  # a parenthesis ("thanks to measures I enacted") or the verb group: look further back
        phrase = _noun_phrase(part)
        if not phrase:
            return None
        lowered = phrase.lower().split()
        if any(w in PRONOUNS for w in lowered) or all(w in DETERMINERS for w in lowered):
            return None  # "they", "this banner they": the text does not name the actor here
        if not is_actor(phrase):
            return None  # "The situation is complicated by ...": a subject that moves nothing
        return phrase, where + part.index(phrase)
    if stops and stops[-1].group().lower() == "who":  # "Khalil Pasha, who had arrived from Moscow"
        return _antecedent(text, scope_start, scope_start + stops[-1].start())
    return None


def _antecedent(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The noun phrase that ends right before `end` (", who"): "arrested the officers, who" -> "the officers"."""
    words = list(WORD.finditer(text, max(start, end - 80), end))
    if not words or not re.fullmatch(r"\s*,\s*", text[words[-1].end():end]):
        return None
    first = None
    for w in reversed(words[-MAX_WORDS:]):
        if _verbish(w.group()) or re.search(r"[,;:()]", text[w.end():words[-1].end()]):
            break
        if w.group()[0].isupper() or w.group().lower() in DETERMINERS:
            first = w
    if first is None or first.group().lower() in PRONOUNS:
        return None
    return text[first.start():words[-1].end()], first.start()


def _after_adverbial(part: str, where: int) -> tuple[str, int]:
    """Drop a leading time or place phrase: "In the summer of 1920 the 11th Red Army" -> "the 11th ..."."""
    conjunction = re.match(r"\s*(?:and|but|or|then|so)\s+", part, re.I)
    if conjunction:  # "..., and on 2 December the Bolsheviks took"
        part, where = part[conjunction.end():], where + conjunction.end()
    words = list(WORD.finditer(part))
    if not words or words[0].group().lower() not in LEADING_PREPOSITIONS:
        return part, where
    # The subject is the last noun phrase begun before the first verb: "On 28 April 1920 the
    # 11th Red Army crossed the border" -> "the 11th Red Army", not "the border".
    verb = next((i for i, w in enumerate(words) if i and _verbish(w.group())), len(words))
    cut = 0
    for i, w in enumerate(words[1:verb], 1):
        low, before = w.group().lower(), words[i - 1].group()
        if low.isdigit() or low in MONTHS:
            cut = words[i + 1].start() if i + 1 < len(words) else len(part)  # "In May 1918, pushed": none
        elif low in DETERMINERS:
            cut = w.start()
        elif w.group()[0].isupper() and before.isalpha() and before.islower() \
                and before not in DETERMINERS and before not in LEADING_PREPOSITIONS and before != "and":
            cut = w.start()  # "Under its terms Turkish troops withdrew"
    return (part[cut:], where + cut) if cut else (part, where)


def _verbish(word: str) -> bool:
    low = word.lower()
    return low == word and (low in AUXILIARIES or (low.endswith("ed") and len(low) > 4)
                            or bool(VERBISH.fullmatch(low)))


def _noun_phrase(part: str) -> str | None:
    """The words of `part` before its first verb-like word, if they read as a noun phrase."""
    words = WORD.findall(part)
    if not words:
        return None
    kept = []
    for i, w in enumerate(words):
        low = w.lower()
        following = words[i + 1] if i + 1 < len(words) else None
        if low in ("and", "or") and kept and following and not _verbish(following) \
                and following.lower() not in AUXILIARIES:
            kept.append(w)  # "Vratsian and other Dashnak leaders", not "... Arpachay and took"
            continue
        if low in AUXILIARIES or low in ("and", "or") or _verbish(w):
            break
        kept.append(w)
    while len(kept) > 1 and kept[-1].islower() and kept[-1].endswith("ly"):
        kept.pop()  # "The insurgents briefly held": the adverb is not the actor
    if not kept:
        return ""
    if len(kept) > MAX_WORDS:
        return None
    first = kept[0]
    if not (first[0].isupper() or first[0].isdigit() or first.lower() in DETERMINERS
            or FORCE_WORDS.fullmatch(first)):  # "detachments from Karabakh were sent"
        return None
    # Rebuild from the original text so the phrase is a substring ("Comrade Karaev’s detachment").
    start = part.index(kept[0])
    end = part.index(kept[-1], start) + len(kept[-1])
    return part[start:end]


def agent_after(text: str, pos: int, end: int) -> str | None:
    """The agent of "by our troops" / "of the Red Army" in text[pos:end], if it is a force; else None."""
    m = re.match(r"\s*(?:[—–]\s*)?by\s+([^,;:.—–()]+)", text[pos:end])
    if m is None:
        m = re.match(r"\s*of\s+([^,;:.—–()]+)", text[pos:end])
        if m is None or not FORCE_WORDS.search(m.group(1)):
            return None
    phrase = _cut_at_preposition(m.group(1))
    if not phrase or phrase.lower() in PRONOUNS or phrase.lower() == "us":
        return None
    return phrase


def phrase_after(text: str, pos: int, end: int) -> tuple[str | None, int | None]:
    """The noun phrase right after `pos` and its offset ("fell to the Turkish army on ..." -> "the Turkish army")."""
    m = re.match(r"\s*([^,;:.—–()]+)", text[pos:end])
    phrase = _cut_at_preposition(m.group(1)) if m else ""
    if not phrase or phrase.lower() in PRONOUNS or phrase.lower() == "us":
        return None, None
    return phrase, pos + m.start(1)


def _cut_at_preposition(phrase: str) -> str:
    """Cut "our forces of the city of" to "our forces"; keep "the forces of the RSFSR"."""
    words = phrase.split()
    kept: list[str] = []
    for i, w in enumerate(words):
        low = w.lower()
        if low in ("from", "to", "toward", "towards", "in", "into", "on", "at", "up", "through",
                   "beyond", "with", "against", "for", "and", "was", "were", "has", "have", "had", "after",
                   "before", "during", "when", "while", "without", "under") \
                or w[0].isdigit() or low in MONTHS:
            break
        if low == "of" and (i + 1 >= len(words) or words[i + 1].lower() in ("the", "a")
                            and i + 2 < len(words) and words[i + 2][0].islower()):
            break
        kept.append(w)
    while kept and kept[-1].lower() in ("of", "the", "a"):
        kept.pop()
    return " ".join(kept[:MAX_WORDS])


def possessor_before(text: str, trigger_start: int, adjacent: bool = False) -> str | None:
    """The owner named right before a movement noun: "The Red Army's offensive" -> "The Red Army".

    `adjacent`: only an owner directly before the word ("the Army's advance", not "Dro's forces advance").
    """
    window = text[max(0, trigger_start - 80):trigger_start]
    if "'s" not in window and "’s" not in window:
        return None   # every match holds "'s": most windows have none, and the search is slow
    m = POSSESSOR.search(window)
    if m is None or (adjacent and m.group(2)):
        return None
    return m.group(1)


def has_possessive_before(text: str, trigger_start: int) -> bool:
    """True if a possessive pronoun stands right before the movement noun ("their advance")."""
    return bool(POSSESSIVE.search(text[max(0, trigger_start - 8):trigger_start]))
