"""Table tests of issue 13, round 3: the extent of a length that modifies a noun, ranges of lengths,
and the tense of an absolute participle. Each case is (name, text, publication date, mention, type,
value); the sentences are written for the pattern their name says, not copied from any corpus."""
from __future__ import annotations

import pytest

from tests.dates_tables import assert_date, dates_by_mention


PUB = "2013-03-20"  # a Wednesday


CASES = [
    # a count with a singular unit before a noun is an adjective: the determiner is the noun's
    ("compound_length_before_noun_drops_the", "The rebels ended the six-year war in May.", PUB,
     "six-year", "DURATION", "P6Y"),
    ("unhyphenated_length_before_noun_drops_the", "Crowds gathered for the three day festival.", PUB,
     "three day", "DURATION", "P3D"),
    ("length_before_adjective_and_noun_drops_the", "They protested against the 40-year military rule.",
     PUB, "40-year", "DURATION", "P40Y"),
    ("possessive_before_compound_length_is_dropped", "The mayor began her four-year mandate.", PUB,
     "four-year", "DURATION", "P4Y"),
    # ranges of lengths: the whole range, told by its lower bound
    ("count_to_count_unit_is_one_range", "Repairs will take two to four weeks.", PUB,
     "two to four weeks", "DURATION", "P2W"),
    ("range_with_next_keeps_the_determiner", "Prices will rise over the next 6 to 9 months.", PUB,
     "the next 6 to 9 months", "DURATION", "P6M"),
    ("count_or_count_unit_is_one_range", "The visit lasted three or four days.", PUB,
     "three or four days", "DURATION", "P3D"),
    # an absolute participle ("with X departing") takes the tense of the clause it hangs from
    ("absolute_participle_takes_the_future_of_its_clause",
     "The line will open on April 2, with the second route starting from September 9.", PUB,
     "September 9", "DATE", "2013-09-09"),
    ("absolute_participle_takes_the_past_of_its_clause",
     "Sales fell in February, with exports dropping from January 3.", PUB,
     "January 3", "DATE", "2013-01-03"),
]


@pytest.mark.parametrize("name, text, published, mention, type_, value", CASES, ids=[c[0] for c in CASES])
def test_round3(nlp, name, text, published, mention, type_, value):
    assert_date(nlp, text, published, mention, type_, value)


NEGATIVES = [
    # a length that is its own period keeps its determiner; a plural unit is a noun, not an adjective
    ("period_noun_keeps_the_determiner", "Costs rose over the five-year span.", PUB, "the five-year"),
    ("plural_unit_keeps_the_determiner", "He spent the two years abroad.", PUB, "the two years"),
    ("a_single_unit_is_not_a_compound_count", "It was the one-day strike.", PUB, "the one-day"),
]


@pytest.mark.parametrize("name, text, published, mention", NEGATIVES, ids=[c[0] for c in NEGATIVES])
def test_round3_keeps_extent(nlp, name, text, published, mention):
    rows = dates_by_mention(nlp, text, published)
    det = mention.split()[0]
    found = [k for k in rows if k in mention or mention in k]
    assert found and all(k.startswith(det) for k in found), rows


def test_score_is_not_a_range(nlp):
    """'won 5 to 4': a falling pair of counts is no range of lengths."""
    rows = dates_by_mention(nlp, "The council voted 5 to 4 days after the hearing.", PUB)
    assert not any(v[1] in ("P5D", "P4D") and "5 to 4" in k for k, v in rows.items()), rows
