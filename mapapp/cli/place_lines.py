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
    for mention in analysis.mentions:
        found = written.get(id(mention.candidates))
        if found is None or found[0] is not mention.candidates:
            found = written[id(mention.candidates)] = (
                mention.candidates, dumps([candidate_record(c) for c in mention.candidates]))
        after_text = _after_text(mention) if type(mention.start) is int and type(mention.end) is int \
            and type(mention.text) is str else None
        tail = place_tail(mention, analysis.review_of("place", mention))
        start = (f'{{"start": {mention.start!r}, "end": {mention.end!r}, "text": {dumps(mention.text)}{after_text}'
                 if after_text is not None else dumps(place_head(mention))[:-1])
        yield Encoded(f'{start}, "candidates": {found[1]}' + (f", {dumps(tail)[1:]}" if tail else "}"))


_LEAD = ("start", "end", "text")   # the head's fields that differ from mention to mention
# (id of the place, score) -> (the place, the head's JSON after `text`): the same places with the
# same scores recur in text after text. Forgotten at once when full.
_HEADS: dict[tuple, tuple] = {}
MAX_HEADS = 100_000


def _after_text(mention) -> str | None:
    """The JSON of a place record's head after its `text` (', "place_id": ... "uncertainty_km": 2.0'):
    the same for every mention of one place with one score. None if the head does not begin with
    _LEAD (then the whole head is written for each mention)."""
    signature = (id(mention.place), repr(mention.score))
    held = _HEADS.get(signature)
    if held is not None and held[0] is mention.place:
        return held[1]
    head = place_head(mention)
    rest = {key: value for key, value in head.items() if key not in _LEAD}
    after = (", " + dumps(rest)[1:-1] if rest else "") if tuple(head)[:len(_LEAD)] == _LEAD else None
    if len(_HEADS) >= MAX_HEADS:
        _HEADS.clear()
    _HEADS[signature] = (mention.place, after)
    return after
