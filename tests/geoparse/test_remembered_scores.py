"""Resolution remembers each candidate's score apart from the document's region, across texts:
the answers are the same as when every text is resolved afresh, whatever came before it."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from gazetteer.geoparse import resolve
from gazetteer.geoparse.linker import TextContext, geoparse
from gazetteer.geoparse.resolve import Evidence, score_candidate
from gazetteer.model import LonLat
from gazetteer.names.normalize import name_key

ROOT = Path(__file__).resolve().parents[2]
SETS = ("bench/devset/texts", "bench/devset_dispatches/texts", "bench/russian/texts")
# No date, the period's, and one the places' and names' validity says no to.
CONTEXTS = (None, TextContext(), TextContext(date(1920, 1, 1), date(1920, 12, 31)),
            TextContext(date(1905, 1, 1), date(1905, 12, 31)))


def readings(text, gazetteer, context):
    """Everything resolution says of each mention: place, score, candidates and their reasons."""
    return [(m.start, m.end, m.place.id if m.place else None, m.score, m.reason,
             [(c.place.id, c.score, c.reasons) for c in m.candidates])
            for m in geoparse(text, gazetteer, context)]


@pytest.mark.parametrize("folder", SETS)
def test_a_set_read_in_one_process_answers_as_each_text_alone(folder, full_gazetteer):
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / folder).glob("*.txt"))]
    contexts = CONTEXTS
    alone = []
    for i, text in enumerate(texts):
        resolve._SCORED.clear()
        alone.append(readings(text, full_gazetteer, contexts[i % len(contexts)]))
    # now one after another, the remembered scores of every text before (and in the other order)
    together = [readings(text, full_gazetteer, contexts[i % len(contexts)]) for i, text in enumerate(texts)]
    backwards = [readings(texts[i], full_gazetteer, contexts[i % len(contexts)])
                 for i in reversed(range(len(texts)))][::-1]
    assert together == alone and backwards == alone
    assert sum(len(r) for r in alone) > 20   # the set has mentions to resolve


@pytest.mark.parametrize("name, focus_a, focus_b", [
    ("Shusha", LonLat(46.75, 39.76), LonLat(44.51, 40.18)),      # near it, then far
    ("Kars", None, LonLat(43.1, 40.6)),                            # no region, then one
    ("Georgia", LonLat(-83.4, 32.7), None),                        # the US state's region, then none
    ("Van", LonLat(43.38, 38.49), LonLat(45.5, 40.5)),
])
def test_a_score_remembered_under_one_region_is_right_under_another(name, focus_a, focus_b, full_gazetteer):
    places = full_gazetteer.lookup(name)
    key = name_key(name)
    assert places
    context = TextContext()
    for place in places:
        resolve._SCORED.clear()
        fresh_b = score_candidate(place, Evidence(key, name, None, None, focus_b), context)
        resolve._SCORED.clear()
        score_candidate(place, Evidence(key, name, None, None, focus_a), context)   # remembered under A
        assert score_candidate(place, Evidence(key, name, None, None, focus_b), context) == fresh_b


def test_scores_remembered_from_text_to_text_hold_one_copy_of_each_name_and_reasons(full_gazetteer):
    """Each text brings its own copies of the names it writes; the remembered scores keep one of
    each name, year pair and list of reasons, so that their memory grows only with what is new."""
    resolve._SCORED.clear()
    for year in range(1918, 1924):   # the same names, in texts of other years: new scores each time
        text = f"In {year} our units left Geryusy for Nakhichevan; Geryusy, Kars and Shusha were taken."
        geoparse(text, full_gazetteer, TextContext(date(year, 1, 1), date(year, 12, 31)))
    keys, values = list(resolve._SCORED), list(resolve._SCORED.values())
    assert len(keys) > 20
    for held in ([k[1] for k in keys], [k[2] for k in keys], [k[6] for k in keys],
                 [v[2] for v in values], [v[5] for v in values]):
        assert len({id(x) for x in held}) == len(set(held))
