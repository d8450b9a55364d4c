"""The quotes component, round 3: one attribution per cue, and the speakers of nominal and pronoun
mentions. Table tests of written sentences, one pattern a case, negatives included."""
from __future__ import annotations

import pytest

from tests.test_quotes import table

# (text, the only row's (speaker, cue, content, kind)): a cue gives one attribution, its widest content.
ONE_ROW_PER_CUE = {
    "quoted-predicate-before-an-inverted-cue-keeps-its-subject": (
        "The tax cut plans are \u201cprofoundly irresponsible,\u201d said Tom Berger, a former aide.",
        ("Tom Berger", "said", "The tax cut plans are \u201cprofoundly irresponsible,\u201d", "mixed")),
    "lead-words-then-quotation-around-the-cue": (
        "But the benefit of free trade is \u201cten times the size of the losses,\u201d he said. "
        "\u201cFree trade really helps.\u201d",
        ("he", "said", "But the benefit of free trade is \u201cten times the size of the losses,\u201d he said. "
         "\u201cFree trade really helps.\u201d", "mixed")),
    "a-whole-quotation-before-its-cue-stays-direct": (
        "\u201cWe will not give up,\u201d said Maria Lopez.",
        ("Maria Lopez", "said", "\u201cWe will not give up,\u201d", "direct")),
}


@pytest.mark.parametrize("case", sorted(ONE_ROW_PER_CUE))
def test_a_cue_gives_one_attribution(nlp, case):
    text, row = ONE_ROW_PER_CUE[case]
    assert table(nlp, text) == [row]


def test_two_cues_of_one_sentence_keep_their_own_rows(nlp):
    text = "\u201cIt is over,\u201d she said, adding, \u201cWe lost.\u201d"
    cues = [cue for _, cue, _, _ in table(nlp, text)]
    assert cues == ["said", "adding"]
