"""The owner named right before a movement noun ("The Red Army's offensive"), straight or curly
apostrophe; a text with no "'s" before the word has none (it is not searched)."""
from __future__ import annotations

import pytest

from gazetteer.movements.actors import possessor_before


@pytest.mark.parametrize(("text", "adjacent", "owner"), [
    ("The Red Army's offensive", False, "The Red Army"),
    ("the 11th Army’s advance", True, "the 11th Army"),
    ("Dro's forces advance", False, "Dro"),
    ("Dro's forces advance", True, None),              # not directly before the word
    ("the army's advance", False, "the army"),
    ("the advance", False, None),
    ("Kars's fall; then the advance", False, None),   # an "'s" further back, not the owner
    ("the Army s advance", False, None),
])
def test_the_owner_before_a_movement_noun(text, adjacent, owner):
    assert possessor_before(text, text.rindex(" ") + 1, adjacent) == owner
