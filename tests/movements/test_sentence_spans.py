"""Sentences of the movement finder: a run of text with no sentence end is cut into bounded pieces."""
from __future__ import annotations

import pytest

from gazetteer.movements.patterns import MAX_SENTENCE, sentence_spans

LINE = "Troops moved from Shusha to Goris and then towards Nakhichevan\n"


@pytest.mark.parametrize(("text", "cut_at"), [
    (LINE * 300, "\n"),                                    # lines without full stops: cut after a line
    (LINE.replace("\n", " ") * 300, " "),                  # one line without full stops: after a space
    ("x" * (3 * MAX_SENTENCE), None),                      # no space at all: at the limit itself
])
def test_a_run_without_sentence_ends_is_cut_into_pieces(text, cut_at):
    spans = sentence_spans(text)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))   # nothing lost, nothing twice
    assert all(0 < end - start <= MAX_SENTENCE for start, end in spans)
    if cut_at is None:
        assert spans == [(0, MAX_SENTENCE), (MAX_SENTENCE, 2 * MAX_SENTENCE), (2 * MAX_SENTENCE, len(text))]
    else:
        assert all(text[end - 1] == cut_at for _, end in spans[:-1])


def test_sentences_shorter_than_the_limit_are_left_alone():
    text = "Our units took Kars. They moved on to Alexandropol; the enemy fell back."
    assert [text[s:e].strip() for s, e in sentence_spans(text)] == [
        "Our units took Kars.", "They moved on to Alexandropol;", "the enemy fell back."]
