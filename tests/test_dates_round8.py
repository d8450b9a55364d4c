"""Table tests of issue 13, round 8: types and values by TimeML convention. Each case is (name, text,
publication date, mention, type, value) or, for what must give no such date, (name, text, publication
date, mention); the sentences are written for the pattern their name says."""
from __future__ import annotations

import pytest

from tests.dates_tables import assert_date, assert_no_date, dates_component

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
    # a plan's date after "set for" / "slated for" lies ahead, in any tense of "be" but the past perfect
    ("is_set_for_a_weekday_is_ahead", "The vote is set for Sunday.", PUB, "Sunday", "DATE", "2013-10-27"),
    ("slated_for_a_weekday_is_ahead", "Talks are slated for Monday.", PUB, "Monday", "DATE", "2013-10-28"),
    ("reduced_set_for_a_weekday_is_ahead", "The vote, set for Sunday, will be close.", PUB, "Sunday", "DATE",
     "2013-10-27"),
    ("had_been_set_for_is_behind", "The fee had been set for Monday.", PUB, "Monday", "DATE", "2013-10-21"),
    # ... but "set on" a day says when the setting was done, and an active "set" is no plan
    ("set_on_a_weekday_is_when_it_was_set", "The price was set on Monday.", PUB, "Monday", "DATE", "2013-10-21"),
    ("active_set_a_record_is_behind", "She set a record on Sunday.", PUB, "Sunday", "DATE", "2013-10-20"),
    # a month named alone under the present tense of an event is the coming one ("begins in June"),
    # as a weekday is ("the trial starts Monday"); the present of saying, or a noun's month, is not
    ("present_event_with_a_bare_month_is_ahead", "Voting begins in June.", PUB, "June", "DATE", "2014-06"),
    ("present_takes_effect_in_a_month_is_ahead", "The law takes effect in January.", PUB, "January", "DATE",
     "2014-01"),
    ("present_event_with_edge_month_is_ahead", "Talks resume in early March.", PUB, "early March", "DATE",
     "2014-03"),
    ("present_event_in_the_current_month_is_this_month", "The sale ends in October.", PUB, "October", "DATE",
     "2013-10"),
    ("saying_in_the_present_leaves_a_past_month", "The ministry says prices rose in September.", PUB,
     "September", "DATE", "2013-09"),
    ("a_month_of_a_noun_is_left_to_its_distance", "Sales in September are up 3%.", PUB, "September", "DATE",
     "2013-09"),
    ("since_a_month_is_behind", "Inflation stands at its lowest since June.", PUB, "June", "DATE", "2013-06"),
    # the "-s" present of a verb whose past is spelled as its base ("hits", "cuts") is a present, and a
    # present event dates a coming weekday; the bare form ("hit", "cut") still tells no tense
    ("s_present_of_hit_points_ahead", "The storm hits Thursday.", PUB, "Thursday", "DATE", "2013-10-24"),
    ("s_present_of_cut_points_ahead", "The firm cuts jobs Monday.", PUB, "Monday", "DATE", "2013-10-28"),
    ("s_present_with_part_of_day_points_ahead", "The storm hits Saturday night.", PUB, "Saturday night", "DATE",
     "2013-10-26"),
    ("bare_cut_stays_behind", "The firm cut jobs Monday.", PUB, "Monday", "DATE", "2013-10-21"),
    ("bare_hit_stays_behind", "Prices hit a record Tuesday.", PUB, "Tuesday", "DATE", "2013-10-22"),
    # a weekday that "is" says of its subject ("the vote is Saturday morning") is that coming day
    ("be_with_a_weekday_as_attribute_points_ahead", "The vote is Saturday morning.", PUB, "Saturday morning",
     "DATE", "2013-10-26"),
    ("was_with_a_weekday_stays_behind", "The biggest day was Tuesday.", PUB, "Tuesday", "DATE", "2013-10-22"),
    # "the past three summers": a season counted over several years recurs, a SET of that season (as
    # "every summer" is), not the vague "the past" it opens
    ("past_counted_summers_is_a_set_of_summers", "Violence flared for the past three summers.", PUB,
     "the past three summers", "SET", "XXXX-SU"),
    ("next_few_winters_is_a_set_of_winters", "Floods may return over the next few winters.", PUB,
     "the next few winters", "SET", "XXXX-WI"),
    ("last_two_springs_is_a_set_of_springs", "Crops failed the last two springs.", PUB, "the last two springs",
     "SET", "XXXX-SP"),
    ("one_last_summer_stays_a_date", "Riots broke out last summer.", PUB, "last summer", "DATE", "2013-SU"),
    # "every"/"each" before a part of day, alone or after a weekday, is that part of each (such) day
    ("each_morning_is_a_set_of_mornings", "She runs each morning.", PUB, "each morning", "SET", "XXXX-XX-XXTMO"),
    ("every_night_is_a_set_of_nights", "Guards patrol every night.", PUB, "every night", "SET", "XXXX-XX-XXTNI"),
    ("every_weekday_evening_is_one_set", "The council meets every Tuesday evening.", PUB,
     "every Tuesday evening", "SET", "XXXX-XX-XXTEV"),
    ("every_weekday_alone_is_unchanged", "The club meets every Tuesday.", PUB, "every Tuesday", "SET",
     "XXXX-XX-XX"),
    # "that night", "the next morning": a part of the day the text last named (or the one after or before),
    # typed as "Monday morning" is by default: that day, a DATE (the TIME form is under part_of_day_time)
    ("that_night_is_the_day_last_named", "He died on Oct. 2. That night, fans gathered.", PUB, "That night",
     "DATE", "2013-10-02"),
    ("the_next_morning_is_the_day_after", "The blast hit on Tuesday. The next morning, crowds gathered.", PUB,
     "The next morning", "DATE", "2013-10-23"),
    ("the_previous_evening_is_the_day_before", "The fire started Saturday; it began the previous evening.",
     "2013-10-27", "the previous evening", "DATE", "2013-10-25"),
    ("that_night_with_no_day_named_is_the_publication_day", "That night, rain fell.", PUB, "That night", "DATE",
     "2013-10-24"),
    # "the 1800s" names a century (as "the 19th century" does: 18), "the 1810s" and "the 2000s" a decade
    ("hundreds_before_2000_is_a_century", "The fort was built in the 1800s.", PUB, "the 1800s", "DATE", "18"),
    ("early_hundreds_is_a_century", "The mill opened in the early 1900s.", PUB, "the early 1900s", "DATE", "19"),
    ("tens_decade_stays_a_decade", "Ships of the 1810s were slow.", PUB, "the 1810s", "DATE", "181X"),
    ("the_2000s_stays_a_decade", "Prices rose in the early 2000s.", PUB, "the early 2000s", "DATE", "200X"),
    # a part of day after "into", "through", "until" is a time on the day last named, as after "in"
    ("into_the_evening_is_a_part_of_day", "The talks went on into the evening.", PUB, "the evening", "TIME",
     "2013-10-24TEV"),
    ("through_the_night_is_a_part_of_day", "Clashes went on through the night.", PUB, "the night", "TIME",
     "2013-10-24TNI"),
    ("until_the_morning_is_a_part_of_day", "Fighting lasted until the morning.", PUB, "the morning", "TIME",
     "2013-10-24TMO"),
    ("month_and_day_is_left_to_its_distance", "The blast of Sept. 4 reminds us of the risk.", PUB, "Sept. 4",
     "DATE", "2013-09-04"),
]


@pytest.mark.parametrize("name,text,published,mention,type_,value", FOUND, ids=[c[0] for c in FOUND])
def test_round8_date(nlp, name, text, published, mention, type_, value):
    assert_date(nlp, text, published, mention, type_, value)


NOT_FOUND = [
    ("a_counted_noun_with_no_unit_after_is_no_date", "The airline runs four flights to Baku.", PUB, None),
    ("said_that_morning_is_a_conjunction", "He said that morning trading was slow.", PUB, "that morning"),
    ("said_that_night_is_a_conjunction", "Officials said that night was calm.", PUB, "that night"),
    ("a_part_of_day_naming_a_thing_is_no_time", "They walked into the night club.", PUB, "the night"),
    ("the_morning_paper_is_no_time", "He read it in the morning paper.", PUB, "the morning"),
    ("until_the_morning_after_is_not_cut", "He stayed until the morning after.", PUB, "the morning"),
    ("the_morning_without_every_is_no_set", "The morning was cold.", PUB, None),
    ("falls_with_no_count_is_no_season", "The last falls of the race were hard.", PUB, None),
    ("the_past_is_not_cut_from_counted_summers", "Violence flared for the past three summers.", PUB, "the past"),
]


@pytest.mark.parametrize("name,text,published,mention", NOT_FOUND, ids=[c[0] for c in NOT_FOUND])
def test_round8_no_date(nlp, name, text, published, mention):
    assert_no_date(nlp, text, published, mention)


def test_anaphoric_part_of_day_is_a_time_under_part_of_day_time(nlp):
    """With part_of_day_time on, "the next morning" is a TIME on the day after the one last named, as
    "Monday morning" then is (2013-10-23TMO)."""
    dates = dates_component(part_of_day_time=True)
    assert_date(nlp, "The blast hit on Tuesday. The next morning, crowds gathered.", PUB, "The next morning",
                "TIME", "2013-10-23TMO", dates)
    assert_date(nlp, "He died on Oct. 2. That night, fans gathered.", PUB, "That night", "TIME", "2013-10-02TNI",
                dates)
