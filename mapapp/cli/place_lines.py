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
        tail = place_tail(mention, analysis.review_of("place", mention))
        yield Encoded(f'{dumps(place_head(mention))[:-1]}, "candidates": {found[1]}'
                      + (f", {dumps(tail)[1:]}" if tail else "}"))
