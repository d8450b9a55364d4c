"""Table tests of issue 13, round 8: types and values by TimeML convention. Each case is (name, text,
publication date, mention, type, value) or, for what must give no such date, (name, text, publication
date, mention); the sentences are written for the pattern their name says."""
from __future__ import annotations

import pytest

from tests.dates_tables import assert_date, assert_no_date

PUB = "2013-10-24"  # a Thursday in the fourth quarter

FOUND = [
    # "a <unit>" after a counted plural noun says how often: a SET, as "$2 million a year" already is
    ("counted_flights_a_week_is_a_set", "The airline runs four flights a week to Baku.", PUB, "a week", "SET", "P1W"),
    ("counted_thousands_a_year_is_a_set", "Stores sell fifty thousand records a year.", PUB, "a year", "SET", "P1Y"),
    ("counted_digits_a_day_is_a_set", "The plant ships 700 cars a day.", PUB, "a day", "SET", "P1D"),
    ("money_a_year_stays_a_set", "The company pays $2 million a year in rent.", PUB, "a year", "SET", "P1Y"),
    # ... but "a <unit>" that measures a length stays a DURATION
    ("within_a_week_stays_a_duration", "Troops must leave within a week.", PUB, "a week", "DURATION", "P1W"),
    ("plural_noun_without_a_number_is_a_length", "He gave the rebels a week to withdraw.", PUB, "a week",
     "DURATION", "P1W"),
    ("of_a_week_stays_a_duration", "It was the end of a week of talks.", PUB, "a week", "DURATION", "P1W"),
    ("in_a_year_after_a_singular_noun_stays_a_duration", "Prices rose for the third time in a year.", PUB,
     "a year", "DURATION", "P1Y"),
]


@pytest.mark.parametrize("name,text,published,mention,type_,value", FOUND, ids=[c[0] for c in FOUND])
def test_round8_date(nlp, name, text, published, mention, type_, value):
    assert_date(nlp, text, published, mention, type_, value)


NOT_FOUND = [
    ("a_counted_noun_with_no_unit_after_is_no_date", "The airline runs four flights to Baku.", PUB, None),
]


@pytest.mark.parametrize("name,text,published,mention", NOT_FOUND, ids=[c[0] for c in NOT_FOUND])
def test_round8_no_date(nlp, name, text, published, mention):
    assert_no_date(nlp, text, published, mention)
