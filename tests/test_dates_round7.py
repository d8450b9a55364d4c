"""Table tests of issue 13, round 7: extent conventions of TimeML that TimeBank shows (a possessive
pronoun is no part of the expression; "fiscal" is, before a hyphenated or written quarter) and the
edge of a part of day without an article ("by mid afternoon"). Each case is (name, text, publication date, mention,
type, value) or, for what must give no such date, (name, text, publication date, mention); the
sentences are written for the pattern their name says."""
from __future__ import annotations

import pytest

from tests.dates_tables import assert_date, assert_no_date

PUB = "2013-10-24"  # a Thursday in the fourth quarter

FOUND = [
    # a possessive pronoun says whose period it is: it stays out of the expression
    ("possessive_its_is_left_out_of_a_quarter", "The bank said its third quarter was weak.", PUB,
     "third quarter", "DATE", "2013-Q3"),
    ("possessive_their_is_left_out_of_a_quarter", "The airlines reported losses for their second quarter.", PUB,
     "second quarter", "DATE", "2013-Q2"),
    ("the_stays_in_a_quarter", "Profit fell in the third quarter.", PUB, "the third quarter", "DATE", "2013-Q3"),
    # "fiscal" belongs to the quarter it qualifies, written with a space or a hyphen
    ("fiscal_before_a_hyphenated_quarter_is_kept", "The retailer expects a small loss in the fiscal "
     "second-quarter.", PUB, "fiscal second-quarter", "DATE", "2013-Q2"),
    ("fiscal_hyphenated_to_the_ordinal_is_kept", "It had a loss for the fiscal-first quarter.", PUB,
     "the fiscal-first quarter", "DATE", "2013-Q1"),
    ("fiscal_before_a_written_quarter_is_kept", "Results for the fiscal first quarter were weak.", PUB,
     "the fiscal first quarter", "DATE", "2013-Q1"),
    ("hyphenated_quarter_alone_is_unchanged", "The first-quarter results were weak.", PUB, "first-quarter",
     "DATE", "2013-Q1"),
    # a preposition is a signal, never part of the expression: "at about 3:30 p.m." is "about 3:30 p.m."
    ("at_about_clock_leaves_the_preposition_out", "The blast came at about 3:30 p.m.", PUB, "about 3:30 p.m.",
     "TIME", "2013-10-24T15:30"),
    ("at_about_clock_and_weekday_leaves_the_preposition_out", "Police arrived at about 10 a.m. Tuesday.", PUB,
     "about 10 a.m. Tuesday", "TIME", "2013-10-22T10:00"),
    # a part of day with its edge and no article ("by mid afternoon", "in late evening") is that part of the
    # day the text last named, as "in the afternoon" is
    ("edge_part_of_day_without_article_is_a_time", "By mid afternoon, officials said the raid was over.", PUB,
     "mid afternoon", "TIME", "2013-10-24TAF"),
    ("hyphenated_edge_part_of_day_is_a_time", "By mid-morning the rain had stopped.", PUB, "mid-morning", "TIME",
     "2013-10-24TMO"),
    ("edge_part_of_day_takes_the_day_last_named", "He landed on Tuesday. By late afternoon he had left.", PUB,
     "late afternoon", "TIME", "2013-10-22TAF"),
    ("article_edge_and_part_of_day_is_one_time", "The rain stopped in the late afternoon.", PUB,
     "the late afternoon", "TIME", "2013-10-24TAF"),
]


@pytest.mark.parametrize("name,text,published,mention,type_,value", FOUND, ids=[c[0] for c in FOUND])
def test_round7_date(nlp, name, text, published, mention, type_, value):
    assert_date(nlp, text, published, mention, type_, value)


NOT_FOUND = [
    # the possessive is never the mention, and a possessive with no date after it gives none
    ("possessive_is_not_in_the_mention", "The bank said its third quarter was weak.", PUB, "its third quarter"),
    ("their_is_not_in_the_mention", "The airlines reported losses for their second quarter.", PUB,
     "their second quarter"),
    ("at_is_not_in_a_clock_mention", "The blast came at about 3:30 p.m.", PUB, "at about 3:30 p.m."),
    ("a_fiscal_policy_is_no_date", "Its fiscal policy was sound.", PUB, None),
    ("edge_word_before_a_non_time_noun_is_no_date", "The market rose in late trading.", PUB, None),
    ("edge_part_of_day_with_no_preposition_is_not_matched", "The late evening news aired.", PUB, "late evening"),
]


@pytest.mark.parametrize("name,text,published,mention", NOT_FOUND, ids=[c[0] for c in NOT_FOUND])
def test_round7_no_date(nlp, name, text, published, mention):
    assert_no_date(nlp, text, published, mention)
