"""Table tests of issue 13, round 9: tense and TimeML conventions. Each case is (name, text,
publication date, mention, type, value) or, for what must give no such date, (name, text, publication
date, mention); the sentences are written for the pattern their name says."""
from __future__ import annotations

import pytest

from tests.dates_tables import assert_date, assert_no_date

PUB = "2013-07-17"  # a Wednesday in July

FOUND = [
    # a simple past the small model tags as a participle (VBN with a subject, no auxiliary) is past:
    # a month after the publication month is last year's
    ("untagged_simple_past_takes_last_years_month", "The plant reopened in September.", PUB, "September",
     "DATE", "2012-09"),
    ("untagged_simple_past_in_a_conjoined_clause", "Rebels seized the town and the army retook it in October.",
     PUB, "October", "DATE", "2012-10"),
    # ... while "has" or "will" keep their own tense, and a month already past this year stays this year's
    ("future_month_after_publication_stays_this_year", "The plant will reopen in September.", PUB, "September",
     "DATE", "2013-09"),
    ("past_month_before_publication_stays_this_year", "The plant reopened in March.", PUB, "March", "DATE",
     "2013-03"),
    # a month and day without a year under the present tense of an event is the coming one, as a bare
    # month is ("voting begins in June")
    ("present_event_with_month_and_day_is_ahead", "The trial opens on March 3.", PUB, "March 3", "DATE",
     "2014-03-03"),
    ("present_takes_effect_on_a_day_is_ahead", "The new tariff takes effect on Jan. 1.", PUB, "Jan. 1", "DATE",
     "2014-01-01"),
    ("present_event_with_day_before_month_is_ahead", "The festival opens on 4 February.", PUB, "4 February",
     "DATE", "2014-02-04"),
    # ... but the present of saying reports the past, and a past verb keeps the day behind
    ("present_of_saying_keeps_the_day_behind", "The ministry says the raid took place on March 3.", PUB,
     "March 3", "DATE", "2013-03-03"),
    ("past_event_with_month_and_day_stays_behind", "The trial opened on March 3.", PUB, "March 3", "DATE",
     "2013-03-03"),
    # a weekday with a clock after it ("Friday at midnight") is rooted in its "at", a phrase of time on
    # the verb: the present tense of an event points to the coming Friday, as "on Friday" does
    ("weekday_at_midnight_under_present_event_is_ahead", "The ceasefire expires on Friday at midnight.", PUB,
     "Friday at midnight", "TIME", "2013-07-19T24:00"),
    ("weekday_at_clock_under_past_event_is_behind", "The ceasefire expired on Friday at midnight.", PUB,
     "Friday at midnight", "TIME", "2013-07-12T24:00"),
    # the end of a range runs after its start: the start carries the clause's tense, the end hangs from
    # the start in the parse ("from Monday to Wednesday" in a coming week is that week's Wednesday)
    ("range_end_weekday_follows_its_start", "The festival runs from Monday to Wednesday.", PUB, "Wednesday",
     "DATE", "2013-07-24"),
    ("between_weekdays_the_end_follows_the_start", "Polls will open between Monday and Wednesday.", PUB,
     "Wednesday", "DATE", "2013-07-24"),
    ("range_end_month_day_follows_its_start", "The show runs from May 3 to May 9.", PUB, "May 9", "DATE",
     "2014-05-09"),
    ("range_end_month_through_follows_its_start", "The season lasts from November through February.", PUB,
     "February", "DATE", "2014-02"),
    # ... a range already in order is left alone, and "and" without "between" joins two events, no range
    ("past_range_in_order_is_kept", "The festival ran from Monday to Tuesday.", PUB, "Tuesday", "DATE",
     "2013-07-16"),
    ("two_events_joined_by_and_are_no_range", "The strike began on Monday and ended Wednesday.", PUB,
     "Wednesday", "DATE", "2013-07-17"),
    # a count of quarters with a qualifier ("straight", "consecutive", "successive") is a length, never
    # a share; "successive" qualifies a count as "consecutive" does
    ("consecutive_quarters_keep_their_count", "Losses have mounted for five consecutive quarters.", PUB,
     "five consecutive quarters", "DURATION", "P15M"),
    ("straight_quarters_keep_their_count", "The bank grew its profit for two straight quarters.", PUB,
     "two straight quarters", "DURATION", "P6M"),
    ("successive_weeks_keep_their_count", "The index climbed for seven successive weeks.", PUB,
     "seven successive weeks", "DURATION", "P7W"),
    # a weekday followed by the week it falls in is one expression: that weekday of that week
    ("weekday_of_last_week_is_one_day", "The panel voted on Tuesday last week.", PUB, "Tuesday last week",
     "DATE", "2013-07-09"),
    ("weekday_of_next_week_is_one_day", "The panel will vote on Thursday next week.", PUB,
     "Thursday next week", "DATE", "2013-07-25"),
    ("weekday_of_this_week_is_one_day", "The panel will vote on Friday this week.", PUB, "Friday this week",
     "DATE", "2013-07-19"),
    # ... but a weekday and a week joined by "and" are two expressions
    ("weekday_and_a_later_week_stay_two", "The panel met on Monday and last week it voted.", PUB, "Monday",
     "DATE", "2013-07-15"),
]


@pytest.mark.parametrize("name,text,published,mention,type_,value", FOUND, ids=[c[0] for c in FOUND])
def test_round9_date(nlp, name, text, published, mention, type_, value):
    assert_date(nlp, text, published, mention, type_, value)


NOT_FOUND = [
    ("three_quarters_of_a_whole_is_a_share", "Three quarters of the voters backed the plan.", PUB, None),
    ("a_month_name_as_a_person_is_no_date", "April Jones reopened the shop.", PUB, "April"),
]


@pytest.mark.parametrize("name,text,published,mention", NOT_FOUND, ids=[c[0] for c in NOT_FOUND])
def test_round9_no_date(nlp, name, text, published, mention):
    assert_no_date(nlp, text, published, mention)
