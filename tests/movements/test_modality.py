"""The status the words before a movement give it (a pure function, so a table)."""
from __future__ import annotations

import pytest

from gazetteer.movements.modality import status


@pytest.mark.parametrize(("words", "agreement", "trigger", "nominal", "expected"), [
    ("The Armenian Government shall withdraw", True, "withdraw", False, "agreed"),
    ("The commander shall withdraw", False, "withdraw", False, "ordered"),
    ("the execution of the directive to occupy", False, "occupy", False, "ordered"),
    ("a resolute intention to commence an offensive", False, "commence an offensive", False, "intended"),
    ("Huseynov has not yet returned", False, "returned", False, "expected"),
    ("A Turkish delegation is traveling", False, "traveling", False, "under way"),
    ("Our troops are continuing their movement", False, "movement", True, "under way"),
    ("the command has failed to secure a firm occupation", False, "occupation", True, "ordered, not secured"),
    ("The delegation proposed the occupation", False, "occupation", True, "proposed"),
    ("The government demands the withdrawal", False, "withdrawal", True, "demanded"),
    ("the Dashnaks, lacking the means to advance", False, "advance", False, None),
    ("If I'm not mistaken, this delegation has already arrived", False, "arrived", False, None),
    ("it is imperative to send", False, "send", False, None),
    ("Khalil Pasha departed", False, "departed", False, "occurred"),
    ("The Armenian army was forced to retreat", False, "retreat", False, "occurred"),
    ("These herders drive", False, "drive", False, "habitual"),
    ("the entire route", True, None, False, "habitual"),
    ("Although they did not resist, the Turks took", False, "took", False, "occurred"),
    ("There was no resistance when the army entered", False, "entered", False, "occurred"),
    ("The army will advance if the Turks took", False, "took", False, None),
    ("Currently, no Kurd from Hajisamli can safely enter", False, "enter", False, None),
])
def test_status(words, agreement, trigger, nominal, expected):
    assert status(words, agreement, trigger, nominal) == expected
