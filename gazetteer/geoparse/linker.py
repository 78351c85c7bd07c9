"""The geoparser: place mentions of a text, recognised and resolved.

    >>> from gazetteer.geoparse.linker import geoparse
    >>> [(m.text, m.place.name) for m in geoparse("From Geryusy to Nakhichevan.")]
    [('Geryusy', 'Goris'), ('Nakhichevan', 'Nakhchivan')]
"""
from __future__ import annotations

from dataclasses import replace

from gazetteer.cycles import paused_cycle_collection
from gazetteer.geoparse.fuzzy import fuzzy_hits
from gazetteer.geoparse.matcher import find_hits
from gazetteer.geoparse.resolve import TextContext, resolve
from gazetteer.geoparse.russian import has_cyrillic, merged, russian_hits
from gazetteer.geoparse.russian_adjectives import adjective_hits
from gazetteer.geoparse.russian_persons import named_person
from gazetteer.model import Mention
from gazetteer.places.index import Gazetteer, load_gazetteer

__all__ = ["TextContext", "geoparse"]


def geoparse(text: str, gazetteer: Gazetteer | None = None,
             context: TextContext | None = None) -> list[Mention]:
    """Return the place mentions of `text` in order, with spans into `text`.

    Mentions of names the gazetteer does not know, found next to a place cue, have
    `place=None`. Names read through OCR noise (`gazetteer.geoparse.fuzzy`) are marked
    `fuzzy`. The full gazetteer is loaded once per process when none is given.
    """
    gazetteer = gazetteer if gazetteer is not None else load_gazetteer()
    # The scan makes hundreds of thousands of short-lived objects; in a forked scan worker each
    # full collection would also write to the gazetteer's pages (15-20 % more CPU on 10 MB).
    with paused_cycle_collection():
        hits = find_hits(text, gazetteer)
        if has_cyrillic(text):
            hits = merged(hits, russian_hits(text, gazetteer))
            hits = merged(hits, adjective_hits(text, gazetteer))
            hits = [h for h in hits if not (has_cyrillic(h.text) and named_person(text, h.start))]
        noisy = fuzzy_hits(text, gazetteer, hits)
        if not noisy:
            return resolve(hits, gazetteer, context)
        starts = {h.start for h in noisy}
        mentions = resolve(sorted(hits + noisy, key=lambda h: h.start), gazetteer, context)
        return [replace(m, fuzzy=True) if m.start in starts else m for m in mentions]
