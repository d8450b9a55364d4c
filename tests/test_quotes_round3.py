"""The quotes component, round 3: one attribution per cue, and the speakers of nominal and pronoun
mentions. Table tests of written sentences, one pattern a case, negatives included."""
from __future__ import annotations

import pytest

from tests.test_quotes import row_of, table

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


# (text, speaker as written, speaker_name): nominal and possessive mentions by pattern.
SPEAKERS = {
    "possessive-pronoun-campaign-speaks-for-its-owner": (
        "Bernie Sanders spoke in Iowa on Monday. His campaign said he would stay in the race.",
        "His campaign", "Bernie Sanders"),
    "possessive-pronoun-remarks-are-the-owners": (
        "Ted Cruz spoke in Iowa on Monday. His remarks suggested that he would stay in the race.",
        "His remarks", "Ted Cruz"),
    "relation-noun-named-by-its-apposition": (
        "Bernie Sanders spoke in Iowa on Monday. His wife, Jane, said he would stay in the race.",
        "His wife", "Jane"),
    "hyphenated-figure-noun-front-runner": (
        "Donald Trump spoke in Iowa on Monday. The GOP front-runner said the polls were rigged.",
        "The GOP front-runner", "Donald Trump"),
    "race-noun-fits-a-person-holding-an-office": (
        "Florida Sen. Marco Rubio spoke in Iowa. The GOP presidential candidate says he will repeal the law.",
        "The GOP presidential candidate", "Marco Rubio"),
    "occupation-noun-goes-to-the-person-just-spoken-of": (
        "Selenis Leyva spoke about her new role on Monday. The actress explained why it mattered to her.",
        "The actress", "Selenis Leyva"),
    "organisation-noun-goes-to-a-tagged-name-without-a-row": (
        "Now the chancellor of Baylor University, Starr has dealt with criticism. The school declined to comment.",
        "The school", "Baylor University"),
    "capitalised-party-noun-after-the-is-a-figure-noun": (
        "House Speaker Paul Ryan spoke on Tuesday. The Wisconsin Republican says the plan will fail.",
        "The Wisconsin Republican", "Paul Ryan"),
    "a-full-name-keeps-its-given-name": (
        "Bernie Sanders spoke in Iowa on Monday. Jane Sanders said the race was close.",
        "Jane Sanders", "Jane Sanders"),
}


@pytest.mark.parametrize("case", sorted(SPEAKERS))
def test_speaker_resolved_by_pattern(nlp, case):
    text, speaker, name = SPEAKERS[case]
    assert row_of(nlp, text, speaker)["speaker_name"] == name


@pytest.mark.parametrize("text, speaker", [
    # A relation noun is someone else than the person it relates to.
    ("Bernie Sanders spoke in Iowa on Monday. His wife said he would stay in the race.", "His wife"),
    # People a pronoun's owner has ("her allies") are not the owner.
    ("Hillary Clinton spoke in Ohio on Monday. Her allies said the plan was sound.", "Her allies"),
    # A campaign's staff title does not fit "the candidate".
    ("Campaign chairman Paul Manafort spoke in Ohio on Monday. The candidate said the criticism was unfair.",
     "The candidate"),
])
def test_a_mention_that_is_someone_else_stays_unresolved(nlp, text, speaker):
    assert row_of(nlp, text, speaker)["speaker_name"] == ""
