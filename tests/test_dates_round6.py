"""Table tests of issue 13, round 6: a 24-hour clock written without its colon before a time zone
("1904 GMT") is a time, not a year; one moment told in two zones takes the day either names; "the
second day" is a day, its "second" no unit. Each case is (name, text, publication date, mention, type, value)
or, for what must give no such date, (name, text, publication date, mention); the sentences are
written for the pattern their name says."""
from __future__ import annotations

import pytest

from tests.dates_tables import assert_date, assert_no_date

PUB = "2013-03-18"  # a Monday

FOUND = [
    # a compact 24-hour clock and a zone is a time on the publication day, or on the day it names
    ("compact_clock_with_zone_is_a_time_on_the_publication_day", "The ceasefire took effect at 1904 GMT.", PUB,
     "1904 GMT", "TIME", "2013-03-18T19:04"),
    ("compact_clock_with_local_time_is_a_time", "The attack began at 2130 local time.", PUB,
     "2130 local time", "TIME", "2013-03-18T21:30"),
    ("compact_clock_with_zone_before_a_weekday_is_on_that_day", "Troops crossed the border at 0600 GMT Sunday.",
     PUB, "0600 GMT Sunday", "TIME", "2013-03-17T06:00"),
    ("compact_clock_with_zone_before_a_date_is_on_that_date", "The vote closes at 1800 GMT on March 21.", PUB,
     "1800 GMT on March 21", "TIME", "2013-03-21T18:00"),
    ("compact_clock_with_zone_is_not_moved_to_an_earlier_day", "The talks ended on March 12. A truce began at "
     "2100 GMT.", PUB, "2100 GMT", "TIME", "2013-03-18T21:00"),
    ("compact_clock_with_military_hrs_is_a_time", "The convoy left at 0730 hrs.", PUB, "0730 hrs", "TIME",
     "2013-03-18T07:30"),
    # "local time" is a zone after a.m./p.m. too, and the day after it belongs to the time
    ("clock_with_local_time_before_a_weekday_is_on_that_day", "The quake struck at 7:04 p.m. local time on Sunday.",
     PUB, "7:04 p.m. local time on Sunday", "TIME", "2013-03-17T19:04"),
    # one moment told in two zones, the second in brackets: the day named after the bracket, or with
    # either clock, is the day of both
    ("bracketed_twin_clock_takes_the_day_named_after_the_bracket", "The quake struck at 1904 GMT (1504 EDT) "
     "on Sunday.", PUB, "1904 GMT", "TIME", "2013-03-17T19:04"),
    ("bracketed_clock_takes_the_day_after_the_bracket", "The quake struck at 1904 GMT (1504 EDT) on Sunday.", PUB,
     "1504 EDT", "TIME", "2013-03-17T15:04"),
    ("bracketed_clock_takes_the_day_of_its_twin", "The blast came at 0830 GMT on Tuesday (10:30 local time).",
     "2013-03-20", "10:30", "TIME", "2013-03-19T10:30"),
    ("bracketed_clocks_with_no_day_stay_on_the_publication_day", "Shares fell at 3 p.m. (2000 GMT) and rose on "
     "Tuesday.", PUB, "2000 GMT", "TIME", "2013-03-18T20:00"),
    # "the past"/"the last" and a plural unit with no count is a length of unknown count, not "the past"
    ("the_past_and_plural_unit_is_a_length", "Over the past years the city grew.", PUB, "the past years",
     "DURATION", "PXY"),
    ("the_last_and_plural_unit_is_a_length", "Prices rose during the last months of the war.", PUB,
     "the last months", "DURATION", "PXM"),
    ("the_past_alone_stays_past_ref", "In the past, the city was poor.", PUB, "the past", "DATE", "PAST_REF"),
    # what stays as it was: a year is a year, a clock without a zone keeps the day last named
    ("year_without_zone_stays_a_year", "The bridge was built in 1904.", PUB, "1904", "DATE", "1904"),
    ("clock_without_zone_keeps_the_day_last_named", "The talks ended on March 12. A truce began at 9 p.m.", PUB,
     "9 p.m.", "TIME", "2013-03-12T21:00"),
]


@pytest.mark.parametrize("name,text,published,mention,type_,value", FOUND, ids=[c[0] for c in FOUND])
def test_round6_date(nlp, name, text, published, mention, type_, value):
    assert_date(nlp, text, published, mention, type_, value)


NOT_FOUND = [
    # not a clock: minutes past 59, hours past 23, an amount, a year with a zone-like word after it
    ("four_digits_with_minutes_past_59_are_no_clock", "The rule dates from 1998 GMT records.", PUB, "1998 GMT"),
    ("four_digits_with_hours_past_23_are_no_clock", "Flight 2430 GMT left late.", PUB, "2430 GMT"),
    ("an_amount_is_no_clock", "He paid $1904 GMT fees.", PUB, "1904 GMT"),
]


@pytest.mark.parametrize("name,text,published,mention", NOT_FOUND, ids=[c[0] for c in NOT_FOUND])
def test_round6_no_date(nlp, name, text, published, mention):
    assert_no_date(nlp, text, published, mention)


# model spans no reader normalises are kept with the day they speak of
STILL_KEPT = [
    ("part_of_the_unit_keeps_the_unit", "The soldiers rested for the rest of the day.", PUB, "the day", "DATE",
     "2013-03-18"),
    ("unit_as_object_of_a_verb_is_kept", "He had spent the day at the hospital.", PUB, "the day", "DATE",
     "2013-03-18"),
    ("ordinal_second_before_a_unit_is_no_unit_of_its_own", "It was the second day of the strike.", PUB,
     "the second day", "DATE", "2013-03-18"),
    ("determiner_and_unit_is_kept", "For the week, the index dropped 3.8%.", PUB, "the week", "DATE", "2013-WXX"),
]


@pytest.mark.parametrize("name,text,published,mention,type_,value", STILL_KEPT, ids=[c[0] for c in STILL_KEPT])
def test_round6_unit_spoken_of_is_kept(nlp, name, text, published, mention, type_, value):
    assert_date(nlp, text, published, mention, type_, value)
