"""Movements as dispatches and parliamentary answers state them: telegraphese without articles or
prepositions, and the nouns of withdrawals, evacuations, landings and expeditions."""
from __future__ import annotations

import pytest

from mapapp.analysis.pipeline import analyse_text

FORMS = [
    # (text, kind, waypoint names in order, status, actor)
    ("Party American refugees from Tiflis reached Samara 28th.", "journey", ["Tbilisi", "Samara"], "occurred",
     "Party American refugees from Tiflis"),
    ("Left Baku 12th for Tiflis.", "journey", ["Baku", "Tbilisi"], "occurred", None),
    ("Arrived Batum yesterday.", "journey", ["Batumi"], "occurred", None),
    ("Arrived Erivan from Tiflis on the 3rd.", "journey", ["Tbilisi", "Yerevan"], "occurred", None),
    ("Returned from Erivan 5th.", "journey", ["Yerevan"], "occurred", None),
    ("Mission proceeding Baku via Tiflis.", "journey", ["Tbilisi", "Baku"], "occurred", "Mission"),
    ("Dunsterforce landed Enzeli.", "journey", ["Bandar-e Anzali"], "occurred", "Dunsterforce"),
    ("Bolsheviks advancing Erivan.", "advance", ["Yerevan"], "occurred", "Bolsheviks"),
    ("Armenian troops withdrawn from Kars.", "withdrawal", ["Kars"], "occurred", "Armenian troops"),
    ("Turkish troops have been withdrawn from Batum.", "withdrawal", ["Batumi"], "occurred", "Turkish troops"),
    ("British forces are being entirely evacuated from Trans-Caucasia.", "withdrawal", ["Transcaucasia"],
     "under way", None),
    ("Orders have been given for the evacuation of Batum.", "withdrawal", ["Batumi"], "ordered", None),
    ("The landing of a small British force at Baku is reported.", "advance", ["Baku"], "occurred",
     "a small British force"),
    ("The expedition to Baku was undertaken at the request of the local government.", "advance", ["Baku"],
     "occurred", None),
]


@pytest.mark.parametrize("text, kind, names, status, actor", FORMS)
def test_dispatch_form(full_gazetteer, text, kind, names, status, actor):
    [move] = analyse_text(text, gazetteer=full_gazetteer).movements
    assert (move.kind, [w.name for w in move.waypoints], move.status, move.actor) == (kind, names, status, actor)


@pytest.mark.parametrize("text", [
    "Returned Kars to Turkey under the treaty.",        # a place handed back, with words between: no bare object
    "The expedition of the Academy studied Lake Sevan.",
    "Arrived yesterday, Tiflis quiet.",                 # the place is not after the verb
])
def test_not_a_telegraphese_movement(full_gazetteer, text):
    assert [m.kind for m in analyse_text(text, gazetteer=full_gazetteer).movements] == []


# Sentences written for these rules (none is from a scored set): a place before a passive with
# "also"/"reported" between, "on its way", and a bare "the town" naming the town just named.
MORE_FORMS = [
    ("Kars and the railway are also occupied by Turks.", "occupation", ["Kars"], "occurred", "Turks"),
    ("Goris is reported occupied by Armenian partisans.", "occupation", ["Goris"], "occurred", "Armenian partisans"),
    ("A relief column is on its way to Erivan.", "advance", ["Yerevan"], "under way", "A relief column"),  # a force
    ("The consul is on his way to Erivan.", "journey", ["Yerevan"], "under way", "The consul"),
    ("Colonel Rhea was then on his way from Batum to Tiflis.", "journey", ["Batumi", "Tbilisi"], "under way",
     "Colonel Rhea"),
    ("Quiet at Nakhichevan. Orders issued for the withdrawal of all irregulars from the town.", "withdrawal",
     ["Nakhchivan"], "ordered", None),
    ("The battalion at Akhalkalaki has been withdrawn.", "withdrawal", ["Akhalkalaki"], "occurred",
     "The battalion at Akhalkalaki"),
]


@pytest.mark.parametrize("text, kind, names, status, actor", MORE_FORMS)
def test_more_dispatch_forms(full_gazetteer, text, kind, names, status, actor):
    [move] = analyse_text(text, gazetteer=full_gazetteer).movements
    assert (move.kind, [w.name for w in move.waypoints], move.status, move.actor) == (kind, names, status, actor)


@pytest.mark.parametrize("text", [
    "The garrison stayed in Batum, handing the town over to the Georgians.",  # a cession
    "The town of Kars was quiet.",
    "Tiflis is on its way to recovery.",          # no place after "on its way to"
    "In Erivan the delegation withdrew its proposal.",   # no force placed in the subject
])
def test_not_these_dispatch_movements(full_gazetteer, text):
    assert [m.kind for m in analyse_text(text, gazetteer=full_gazetteer).movements] == []
