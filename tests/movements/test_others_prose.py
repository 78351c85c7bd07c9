"""Movements as others write them: itineraries in telegraphese, parliamentary questions, memoir
prose, passives and nominalisations. Every sentence here was written for these rules; none is
copied from a scored set (development, held-out or seeds)."""
from __future__ import annotations

import pytest

from mapapp.analysis.pipeline import analyse_text

FORMS = [
    # (text, kind, waypoint names in order, status)
    # an itinerary: one traveller's steps, with only dates between them, are one journey
    ("The consul arrived at Poti Monday, June 7, reached Kutais, Tuesday, June 8, left Kutais June 10, "
     "arrived at Tiflis.", "journey", ["Poti", "Kutaisi", "Tbilisi"], "occurred"),
    ("The mission reached Kars on the 3rd, left Kars the next day, arrived at Alexandropol.", "journey",
     ["Kars", "Gyumri"], "occurred"),
    ("The column reached Kars on the 3rd, and the next day was in Alexandropol.", "advance", ["Kars", "Gyumri"],
     "occurred"),
    # where a movement ended, by a place named as a bearing
    ("The Bolshevik forces withdrew east of Merv.", "withdrawal", ["Merv"], "occurred"),
    # a purpose that is the next step of the same movement
    ("Two battalions were sent from Baku to land at Enzeli.", "advance", ["Baku", "Bandar-e Anzali"], "occurred"),
    # "and are now": the same subject goes on
    ("The Turks have evacuated Ardahan and are now retiring on Kars.", "withdrawal", ["Ardahan", "Kars"],
     "occurred"),
    ("The Red Army has crossed the Azerbaijan frontier and is marching on Kazakh.", "advance",
     ["Azerbaijan", "Kazakh District"], "occurred"),
    ("Refugees continue to pour into Erivan from Kars.", "journey", ["Kars", "Yerevan"], "under way"),
    # absolute passives and a place that fell
    ("With Shusha occupied, the road to Goris lay open.", "occupation", ["Shusha"], "occurred"),
    ("Erzerum fell on 16 February.", "occupation", ["Erzurum"], "occurred"),
    ("Kars had fallen, and the Armenians were in flight.", "occupation", ["Kars"], "occurred"),
    ("Batum passed into the hands of the Georgians on 7 July.", "occupation", ["Batumi"], "occurred"),
    # British military prose
    ("Our column retired on Akstafa.", "withdrawal", ["Aghstafa"], "occurred"),
    ("The retirement of the garrison from Nakhichevan began at dawn.", "withdrawal", ["Nakhchivan"], "occurred"),
    ("The Armenians were thrown back across the Arpachai.", "withdrawal", ["Arpaçay"], "occurred"),
    ("The Armenians were forced back on Kars.", "withdrawal", ["Kars"], "occurred"),
    ("The brigade entrained at Akstafa for Tiflis.", "advance", ["Aghstafa", "Tbilisi"], "occurred"),
    ("The reinforcements detrained at Akstafa on the 5th.", "advance", ["Aghstafa"], "occurred"),
    ("The French disembarked at Batum on 3 May.", "journey", ["Batumi"], "occurred"),
    ("The refugees had come down from Kars.", "journey", ["Kars"], "occurred"),
    ("The garrison was reinforced from Tiflis.", "advance", ["Tbilisi"], "occurred"),
    ("The Turks despatched two divisions to Kars.", "advance", ["Kars"], "occurred"),
    # nominalisations
    ("The Turkish conquest of Kars was complete by November.", "occupation", ["Kars"], "occurred"),
    ("The embarkation of the Italian detachment at Batum was completed.", "advance", ["Batumi"], "occurred"),
    # a "whether" that asks nothing
    ("Whether by land or sea, the troops reached Baku.", "advance", ["Baku"], "occurred"),
    # "no" that denies nothing
    ("The bands lost no time in invading Zangezur.", "attack", ["Zangezur"], "occurred"),
]


@pytest.mark.parametrize("text, kind, names, status", FORMS)
def test_movement_as_others_write_it(full_gazetteer, text, kind, names, status):
    [move] = analyse_text(text, gazetteer=full_gazetteer).movements
    assert (move.kind, [w.name for w in move.waypoints], move.status) == (kind, names, status)


# Telegrams write each step as a sentence without a subject: the next step starts where the last ended.
TELEGRAMS = [
    ("Left Erivan 4th. Reached Nakhichevan 6th.", ["Yerevan", "Nakhchivan"]),
    ("Arrived Tiflis 9th. Proceeding Baku.", ["Tbilisi", "Baku"]),
    ("Arrived Batum. Quiet here. Proceeding Tiflis.", ["Tbilisi"]),  # a sentence between: no carrying over
    ("Arrived Batum. The Georgians occupied Poti.", ["Poti"]),         # a subject of its own: no carrying over
]


@pytest.mark.parametrize("text, names", TELEGRAMS)
def test_telegram_step_starts_where_the_last_ended(full_gazetteer, text, names):
    moves = analyse_text(text, gazetteer=full_gazetteer).movements
    assert [w.name for w in moves[-1].waypoints] == names


@pytest.mark.parametrize("text", [
    "He asked whether the British troops at Batum are to be withdrawn.",   # a question put
    "and, if so, whether the garrison of Kars will be withdrawn to Erivan;",  # a question's next part
    "When will the last troops be withdrawn from Baku?",                   # a question asked
    "It would have been easy to march on Tabriz.",                         # a counterfactual
    "The Government contemplated sending a brigade to Erivan.",            # weighed, not done
    "Every step was taken to prevent an invasion of Zangezur.",            # prevented
    "It was not part of the plan to attack Nakhichevan.",                  # an intention denied
    "The railway offered a line of advance across the Kura.",              # a way, not a movement
    "A despatch from Tiflis reports quiet.",                               # a message
    "The retired officers of Tiflis met yesterday.",                       # not a retirement from a place
    "The snow fell in Kars all night.",                                    # a place did not fall
    "The refugees come from Kars every spring.",                           # no coming: no trigger in the present
    "The column was in Kars.",                                             # being somewhere is no step alone
    "The town lies east of Kars.",                                         # a bearing, with nothing moving
])
def test_not_a_movement(full_gazetteer, text):
    assert [(m.kind, m.text) for m in analyse_text(text, gazetteer=full_gazetteer).movements] == []
