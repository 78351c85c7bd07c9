"""Properties of name folding over generated text (hypothesis, bounded): keys fold to themselves,
and the parts of a folded text give back the text, so that offsets map back exactly.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gazetteer.names.normalize import fold_parts, fold_word, name_key

BOUNDED = settings(max_examples=300, deadline=2000, database=None)
# Letters of the names in the documents, and some that NFKD takes apart into several characters.
NAMEISH = st.text(alphabet=st.sampled_from("abcdeghijklmnopqrstuvwxyzKXYZ əışçğžčšöüÄ-–'’,.ﬁ¼𝘈Ⅻ"), max_size=24)
words = st.one_of(st.text(max_size=16), NAMEISH)


@BOUNDED
@given(word=words)
def test_a_folded_word_folds_to_itself(word):
    key = fold_word(word)
    assert key and fold_word(key) == key


@BOUNDED
@given(name=words)
def test_a_name_key_is_its_own_key(name):
    key = name_key(name)
    assert name_key(key) == key


@BOUNDED
@given(text=st.one_of(st.text(max_size=80), NAMEISH))
def test_the_parts_of_a_folded_text_give_the_text_back(text):
    parts, folded = fold_parts(text)
    assert "".join(parts) == text
    assert len(parts) == len(folded)
    assert all(part == "" or key for part, key in zip(parts, folded, strict=True))


@pytest.mark.parametrize(("word", "key"), [
    ("kx", "h"),              # x -> h makes "kh", folded again
    ("Kkh", "h"),             # kh -> h makes "kh" once more
    ("¼", "14"),              # NFKD's fraction slash is no letter: dropped, not a separator
    ("𝘈rmenia", "armenia"),   # NFKD's capital is lowered too
    ("ﬁrst", "first"),
    ("Shakhtakhty", "shahtahti"),
])
def test_words_whose_folding_makes_something_to_fold(word, key):
    assert fold_word(word) == key
