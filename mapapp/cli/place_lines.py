"""The place records `chronotope geoparse --json` prints, each set of candidates written once.

A text names the same places many times on the same evidence, and the resolver gives those
mentions one shared tuple of candidates; their JSON, most of a place record, is then written
once per tuple instead of once per mention. The text is exactly `json.dumps(place_record(...))`.
"""
from __future__ import annotations

from collections.abc import Iterator

from mapapp.analysis.pipeline import TextAnalysis, candidate_record, place_head, place_tail
from mapapp.cli.output import Encoded, dumps


def encoded_places(analysis: TextAnalysis) -> Iterator[Encoded]:
    """Yield the JSON of each place mention's record, in order."""
    written: dict[int, tuple[tuple, str]] = {}   # id of a candidates tuple -> (the tuple, its JSON)
    heads: dict[tuple, tuple] = {}   # (id of the place, score) -> (the place, the head's JSON after `text`)
    for mention in analysis.mentions:
        found = written.get(id(mention.candidates))
        if found is None or found[0] is not mention.candidates:
            found = written[id(mention.candidates)] = (
                mention.candidates, dumps([candidate_record(c) for c in mention.candidates]))
        signature = (id(mention.place), repr(mention.score))
        head = heads.get(signature)
        if head is None or head[0] is not mention.place:
            head = heads[signature] = (mention.place, _after_text(mention))
        tail = place_tail(mention, analysis.review_of("place", mention))
        start = (f'{{"start": {mention.start!r}, "end": {mention.end!r}, "text": {dumps(mention.text)}{head[1]}'
                 if head[1] is not None else dumps(place_head(mention))[:-1])
        yield Encoded(f'{start}, "candidates": {found[1]}' + (f", {dumps(tail)[1:]}" if tail else "}"))


_LEAD = ("start", "end", "text")   # the head's fields that differ from mention to mention


def _after_text(mention) -> str | None:
    """The JSON of a place record's head after its `text` (", "place_id": ... "uncertainty_km": 2.0"):
    the same for every mention of one place with one score. None if the head does not begin with
    _LEAD, each of plain type (then the whole head is written for each mention)."""
    head = place_head(mention)
    if tuple(head)[:len(_LEAD)] != _LEAD or type(head["start"]) is not int or type(head["end"]) is not int \
            or type(head["text"]) is not str:
        return None
    lead = dumps({key: head[key] for key in _LEAD})[:-1]
    whole = dumps(head)[:-1]
    return whole[len(lead):] if whole.startswith(lead) else None
