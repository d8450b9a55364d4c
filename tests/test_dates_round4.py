"""Table tests of issue 13, round 4: precision and extent by the TimeML guidelines. Each case is
(name, text, publication date, mention, type, value) or, for what must give no date, (name, text,
publication date, words no date may hold); the sentences are written for the pattern their name says."""
from __future__ import annotations

import pytest

from tests.dates_tables import assert_date, dates_of

PUB = "2013-03-20"  # a Wednesday

FOUND = [
    # an approximating word belongs to a point it qualifies (TimeML mod APPROX)
    ("around_before_a_month_day_is_part_of_the_date", "The sale should be completed around June 1, the firm said.",
     PUB, "around June 1", "DATE", "2013-06-01"),
    ("approximately_before_a_clock_is_part_of_the_time", "The fire broke out at approximately 3 p.m. Tuesday.", PUB,
     "approximately 3 p.m. Tuesday", "TIME", "2013-03-19T15:00"),
    ("around_before_a_year_is_part_of_the_date", "The airline plans to list its shares around 2015.", PUB,
     "around 2015", "DATE", "2015"),
    # the tense decides a month without a year (issue 13): a past clause's month is the past one
    # even when the same month lies just ahead ("announced in February", published in January)
    ("coming_month_in_a_past_clause_is_last_years", "The bank announced the cut in April.", PUB,
     "April", "DATE", "2012-04"),
    ("coming_month_in_a_future_clause_is_this_years", "The plant will reopen in April.", PUB, "April", "DATE", "2013-04"),
    # a count of times a unit is a SET, not a rate
    ("every_unit_is_a_set", "The committee meets every week in the capital.", PUB, "every week", "SET", "P1W"),
]


@pytest.mark.parametrize("name,text,published,mention,type_,value", FOUND, ids=[c[0] for c in FOUND])
def test_round4_date_found(nlp, name, text, published, mention, type_, value):
    assert_date(nlp, text, published, mention, type_, value)


NO_DATE = [
    # a unit joined to a unit is a comparison or a pace
    ("unit_to_unit_compound_is_a_comparison", "The quarter-to-quarter comparison was helped by charges.", PUB, "quarter"),
    ("unit_by_unit_compound_is_a_pace", "He ran the day-by-day operations of the mill.", PUB, "day"),
    ("unit_over_unit_compound_is_a_comparison", "Sales showed a year-over-year gain of 4%.", PUB, "year"),
    # a quantity per unit of time is a rate or a speed, which TimeML does not mark
    ("per_unit_after_a_quantity_is_a_speed", "The chip handles 40 million instructions per second.", PUB, "second"),
    ("per_unit_after_a_noun_is_a_rate", "The trucks were limited to 60 miles per hour.", PUB, "hour"),
    # "around" as a verb's particle does not approximate the date after it
    ("around_as_a_particle_stays_out_of_the_date", "The striking workers turned around Friday and went home.", PUB,
     "around"),
]


@pytest.mark.parametrize("name,text,published,words", NO_DATE, ids=[c[0] for c in NO_DATE])
def test_round4_no_date(nlp, name, text, published, words):
    rows = dates_of(nlp, text, published)
    assert not any(words in r["text"].lower() for r in rows), rows
