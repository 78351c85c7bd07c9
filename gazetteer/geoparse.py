"""The geoparser: place mentions of a text, recognised and resolved.

    >>> from gazetteer.geoparse import geoparse
    >>> [(m.text, m.place.name) for m in geoparse("From Geryusy to Nakhichevan.")]
    [('Geryusy', 'Goris'), ('Nakhichevan', 'Nakhchivan')]
"""
from __future__ import annotations

from .index import Gazetteer, load_gazetteer
from .matcher import find_hits
from .model import Mention
from .resolve import TextContext, resolve

__all__ = ["TextContext", "geoparse"]


def geoparse(text: str, gazetteer: Gazetteer | None = None,
             context: TextContext | None = None) -> list[Mention]:
    """Return the place mentions of `text` in order, with spans into `text`.

    Mentions of names the gazetteer does not know, found next to a place cue, have
    `place=None`. The full gazetteer is loaded once per process when none is given.
    """
    gazetteer = gazetteer if gazetteer is not None else load_gazetteer()
    return resolve(find_hits(text, gazetteer), gazetteer, context)
