"""Table tests of issue 13, round 11: counts of units from the story's own time. Each case is (name,
text, publication date, mention, type, value) or, for what must give no such date, (name, text,
publication date, mention); the sentences are written for the pattern their name says."""
from __future__ import annotations

import pytest

from tests.dates_tables import assert_date, assert_no_date

PUB = "2013-07-17"  # a Wednesday in July

FOUND = [
    # "N days earlier", "the day before": TimeML anchors them on the story's reference time, the
    # latest date named in the same sentence or the one before, not on the publication date
    ("days_earlier_count_back_from_the_day_named_before", "Talks ended on May 3. A day earlier, rebels shelled "
     "the city.", PUB, "A day earlier", "DATE", "2013-05-02"),
    ("days_earlier_in_the_same_sentence", "The port reopened on March 9, and the storm had ended three days "
     "earlier.", PUB, "three days earlier", "DATE", "2013-03-06"),
    ("weeks_earlier_count_days_back_from_the_day", "The mayor resigned on 12 April 2011. Two weeks earlier, "
     "auditors had found the fraud.", PUB, "Two weeks earlier", "DATE", "2011-03-29"),
    ("the_day_before_is_the_day_before_the_day_named", "Floods hit the coast on June 3. The day before, the army "
     "had left.", PUB, "The day before", "DATE", "2013-06-02"),
    ("the_day_after_is_the_day_after_the_day_named", "Voters went to the polls on Sunday. The day after, the "
     "count began.", PUB, "The day after", "DATE", "2013-07-15"),
    ("a_week_before_at_a_clause_end", "The strike began on Monday, although the union had warned of it a week "
     "before.", PUB, "a week before", "DATE", "2013-07-08"),
    ("the_week_after_is_that_week", "The deal closed on Monday, June 3. The week after, shares fell.", PUB,
     "The week after", "DATE", "2013-W24"),
    ("the_year_before_is_the_year_before_the_year_named", "The league was founded in 1998. The year before, "
     "two clubs had merged.", PUB, "The year before", "DATE", "1997"),
    ("the_month_after_is_the_month_after", "The dam failed in October 2010. The month after, the minister "
     "quit.", PUB, "The month after", "DATE", "2010-11"),
    ("the_year_after_is_the_year_after_the_year_named", "The league was founded in 1998. The year after, its "
     "first cup was played.", PUB, "The year after", "DATE", "1999"),
    # a clock on a named day sets that day as the reference time
    ("a_clock_on_a_day_sets_the_day", "The ferry sank at 9 p.m. on May 5. A day earlier, its engine had failed.",
     PUB, "A day earlier", "DATE", "2013-05-04"),
    # a shift after a shift moves on from the day the first one gave
    ("a_shift_chains_from_the_day_it_gave", "The envoy arrived on Friday, May 10. A day earlier, talks had "
     "stalled. The day before, a truce had collapsed.", PUB, "The day before", "DATE", "2013-05-08"),
    # with no day named nearby, "earlier" stays a shift of the publication date, as "ago" is
    ("no_day_named_earlier_shifts_the_publication_date", "A day earlier, rebels shelled the city.", PUB,
     "A day earlier", "DATE", "2013-07-16"),
    ("day_named_two_sentences_back_is_too_far", "Talks ended on May 3. Both sides left. Diplomats were gloomy. "
     "A day earlier, rebels shelled the city.", PUB, "A day earlier", "DATE", "2013-07-16"),
    # a day named only by its month cannot anchor a count of days
    ("month_cannot_anchor_a_count_of_days", "Talks ended in May. Two days earlier, rebels shelled the city.",
     PUB, "Two days earlier", "DATE", "2013-07-15"),
    # "ago" counts from the publication date whatever day the story named
    ("ago_counts_from_the_publication_date", "Talks ended on May 3. Two days ago, rebels shelled the city.", PUB,
     "Two days ago", "DATE", "2013-07-15"),
    # "a year earlier" in a comparison of figures is the year before now, not before the last year named
    ("a_year_earlier_compares_with_now", "The firm was founded in 1990. Sales rose 10% from a year earlier.", PUB,
     "a year earlier", "DATE", "2012"),
    # "earlier than planned" is a comparison: the count is a length, "than planned" no anchor (as "a
    # week later than planned" already was)
    ("earlier_than_planned_is_a_length", "The port reopened on March 9, three days earlier than planned.", PUB,
     "three days", "DURATION", "P3D"),
    ("earlier_than_expected_without_a_day_is_a_length", "The vaccine arrived two weeks earlier than expected.",
     PUB, "two weeks", "DURATION", "P2W"),
    # "later" with a count is the length it counts (TimeML: DURATION), as before
    ("days_later_stays_a_length", "Talks ended on May 3. Two days later, rebels shelled the city.", PUB,
     "Two days", "DURATION", "P2D"),
]

NONE = [
    # "before" with the event after it is a length before that event, not a day before the story's day
    ("a_week_before_an_event_is_no_shift", "Talks ended on May 3. A week before the vote, rebels shelled the "
     "city.", PUB, "A week before"),
    ("the_day_before_an_event_is_no_shift", "Floods hit the coast on June 3. The day before the vote, the army "
     "left.", PUB, "The day before"),
]


@pytest.mark.parametrize("name,text,published,mention,type_,value", FOUND, ids=[c[0] for c in FOUND])
def test_round11_date(nlp, name, text, published, mention, type_, value):
    assert_date(nlp, text, published, mention, type_, value)


@pytest.mark.parametrize("name,text,published,mention", NONE, ids=[c[0] for c in NONE])
def test_round11_no_date(nlp, name, text, published, mention):
    assert_no_date(nlp, text, published, mention)
