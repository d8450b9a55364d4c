"""Table tests of issue 13: compound expressions kept whole, model spans the grammar cannot read,
filters that used to drop real dates, parts of day, durations inside dated phrases, and the bugs seen.
Each case is (text, publication date, mention, type, value); the sentences are written for the
pattern their group names, not copied from any corpus."""
from __future__ import annotations

import pytest

from tests.dates_tables import assert_date, assert_no_date, dates_by_mention, dates_component

PUB = "2013-03-20"  # a Wednesday


@pytest.fixture(scope="module")
def dates_with_options():
    """news_dates with keep_unnormalized and part_of_day_time on."""
    return dates_component(keep_unnormalized=True, part_of_day_time=True)


# ---- cause 1: a compound expression is kept whole and its value composed
COMPOUND = [
    ("week_of_month", "Talks resume in the second week of May.", PUB, "the second week of May", "DATE", "2013-W19"),
    ("week_of_month_with_year", "It opened in the first week of June 2012.", PUB, "the first week of June 2012",
     "DATE", "2012-W23"),
    ("last_week_of_month", "Sales peaked in the last week of January 2013.", PUB, "the last week of January 2013",
     "DATE", "2013-W05"),
    ("quarter_of_last_year", "Profit fell in the third quarter of last year.", PUB,
     "the third quarter of last year", "DATE", "2012-Q3"),
    ("quarter_of_next_year", "The plant will open in the first quarter of next year.", PUB,
     "the first quarter of next year", "DATE", "2014-Q1"),
    ("clock_zone_then_weekday_past", "Shares opened at 09:30 GMT Tuesday.", PUB, "09:30 GMT Tuesday", "TIME",
     "2013-03-19T09:30"),
    ("clock_zone_then_weekday_future", "The match will start at 18:00 GMT Sunday.", PUB, "18:00 GMT Sunday", "TIME",
     "2013-03-24T18:00"),
    ("weekday_at_clock_zone", "The polls closed on Monday at 20:00 GMT.", PUB, "Monday at 20:00 GMT", "TIME",
     "2013-03-18T20:00"),
    ("same_month_a_year_earlier", "Sales rose 5% from the same month a year earlier.", PUB,
     "the same month a year earlier", "DATE", "2012-03"),
]


@pytest.mark.parametrize("name,text,published,mention,type_,value", COMPOUND, ids=[c[0] for c in COMPOUND])
def test_compound_expression_whole(nlp, name, text, published, mention, type_, value):
    assert_date(nlp, text, published, mention, type_, value)


# ---- cause 2: model spans that no pattern reads whole (option keep_unnormalized)
UNREAD = [
    ("whole_unit_is_its_length", "He stayed the whole month.", PUB, "the whole month", "DURATION", "P1M"),
    ("fiscal_year_is_its_year", "Spending will rise next fiscal year.", PUB, "next fiscal year", "DATE", "2014"),
    ("every_season_is_a_set", "Floods come every winter.", PUB, "every winter", "SET", "XXXX-WI"),
    ("yearly_is_a_set", "The fee is paid yearly.", PUB, "yearly", "SET", "P1Y"),
    ("start_of_the_year", "Prices rose at the start of the year.", PUB, "the start of the year", "DATE", "2013"),
    ("ordinal_century_capitalised", "The building dates from the 19th Century.", PUB, "the 19th Century", "DATE",
     "18"),
    ("part_of_day_after_preposition", "The vote is in the evening.", PUB, "the evening", "TIME", "2013-03-20TEV"),
]


@pytest.mark.parametrize("name,text,published,mention,type_,value", UNREAD, ids=[c[0] for c in UNREAD])
def test_unread_model_span_kept(nlp, dates_with_options, name, text, published, mention, type_, value):
    assert_date(nlp, text, published, mention, type_, value, dates_with_options)


def test_unread_model_span_dropped_when_option_off(nlp):
    """With keep_unnormalized off the component keeps only what it can read."""
    comp = dates_component(keep_unnormalized=False)
    assert_no_date(nlp, "He stayed the whole month.", PUB, "the whole month", comp)


def test_unread_model_span_kept_by_default(nlp):
    """keep_unnormalized is on by default: the model's date span stays, with a partial value."""
    assert "the whole month" in dates_by_mention(nlp, "He stayed the whole month.", PUB)


# ---- cause 3: filters no longer drop real dates
FILTERS = [
    ("two_digit_decade", "Music of the 60s was loud.", PUB, "the 60s", "DATE", "196X"),
    ("two_digit_decade_apostrophe", "Cars of the 70's were big.", PUB, "the 70's", "DATE", "197X"),
    ("two_digit_decade_this_century", "Phones of the 10s were thin.", PUB, "the 10s", "DATE", "201X"),
    ("year_range_first_year", "The 2011-2012 season was long.", PUB, "2011", "DATE", "2011"),
    ("year_range_second_year", "The 2011-2012 season was long.", PUB, "2012", "DATE", "2012"),
    ("short_year_range_second_year", "In 1968-69 the war grew.", PUB, "69", "DATE", "1969"),
    ("century_title_case", "The 19th Century saw railways spread.", PUB, "The 19th Century", "DATE", "18"),
]


@pytest.mark.parametrize("name,text,published,mention,type_,value", FILTERS, ids=[c[0] for c in FILTERS])
def test_filters_keep_real_dates(nlp, name, text, published, mention, type_, value):
    assert_date(nlp, text, published, mention, type_, value)


# ---- cause 4: parts of day
PARTS = [
    ("weekday_morning_past", "He left on Monday morning.", PUB, "Monday morning", "TIME", "2013-03-18TMO"),
    ("weekday_evening_future", "It will arrive Tuesday evening.", PUB, "Tuesday evening", "TIME", "2013-03-26TEV"),
    ("weekday_night_past", "They partied Saturday night.", PUB, "Saturday night", "TIME", "2013-03-16TNI"),
]


@pytest.mark.parametrize("name,text,published,mention,type_,value", PARTS, ids=[c[0] for c in PARTS])
def test_part_of_day_is_time(nlp, dates_with_options, name, text, published, mention, type_, value):
    assert_date(nlp, text, published, mention, type_, value, dates_with_options)


def test_part_of_day_default_is_the_day(nlp):
    """By default (AQUAINT's annotation) "Monday morning" is the day, typed DATE."""
    assert_date(nlp, "He left on Monday morning.", PUB, "Monday morning", "DATE", "2013-03-18")


def test_clock_time_in_the_morning_is_time(nlp):
    assert_date(nlp, "The vote starts in the morning.", PUB, "the morning", "TIME", "2013-03-20TMO")


# ---- cause 5: durations inside dated phrases
DURATIONS = [
    ("duration_before_comparison", "It came about a week later than planned.", PUB, "about a week", "DURATION",
     "P1W"),
    ("years_from_now", "Five years from now we will know.", PUB, "Five years from now", "DATE", "2018"),
    ("recent_months_is_vague_duration", "Prices rose in recent months.", PUB, "recent months", "DURATION", "PXM"),
    ("recent_weeks_is_vague_duration", "Rents rose in recent weeks.", PUB, "recent weeks", "DURATION", "PXW"),
    ("recent_decades_is_vague_duration", "It grew in recent decades.", PUB, "recent decades", "DURATION", "PXY"),
]


@pytest.mark.parametrize("name,text,published,mention,type_,value", DURATIONS, ids=[c[0] for c in DURATIONS])
def test_durations_in_dated_phrases(nlp, name, text, published, mention, type_, value):
    assert_date(nlp, text, published, mention, type_, value)


# ---- cause 6: bugs seen
BUGS = [
    ("decades_joined_by_and_first", "Songs of the 50s and 60s filled the hall.", PUB, "the 50s", "DATE", "195X"),
    ("decades_joined_by_and_second", "Songs of the 50s and 60s filled the hall.", PUB, "60s", "DATE", "196X"),
    ("ordinal_day_is_no_year", "On the 45th day of the strike, they met.", PUB, "the 45th day", "DATE",
     "XXXX-XX-XX"),
    ("bare_clock_midnight_publication", "Trading opens at 09:30.", "2013-03-20T00:00:00", "09:30", "TIME",
     "2013-03-20T09:30"),
    ("quarter_ahead_with_will", "During the fourth quarter sales will grow.", PUB, "the fourth quarter", "DATE",
     "2013-Q4"),
    ("quarter_ahead_in_summer_without_tense", "During the fourth quarter, sales are expected to grow.",
     "2013-07-15", "the fourth quarter", "DATE", "2013-Q4"),
    ("quarter_just_closed_planned_report", "The company expects fourth-quarter earnings to fall.", "2013-01-15",
     "fourth-quarter", "DATE", "2012-Q4"),
    ("month_in_reduced_relative_is_past", "The deal announced in November was big.", "2013-10-10", "November",
     "DATE", "2012-11"),
    ("month_in_past_passive", "The deal was announced in February.", PUB, "February", "DATE", "2013-02"),
    ("bare_clock_takes_latest_named_day", "The plane left on March 12. It landed at 3 p.m.", PUB, "3 p.m.",
     "TIME", "2013-03-12T15:00"),
]


@pytest.mark.parametrize("name,text,published,mention,type_,value", BUGS, ids=[c[0] for c in BUGS])
def test_bugs_seen(nlp, name, text, published, mention, type_, value):
    assert_date(nlp, text, published, mention, type_, value)


# ---- cases that must produce no date
NO_DATE = [
    ("age_in_decade_his", "A man in his 60s was hurt."),
    ("age_in_decade_her_early", "A woman in her early 70s was hurt."),
    ("score_not_year_range", "They lost 2013-1999 in a strange game."),
    ("year_range_backwards_is_no_range", "Codes 1999-1997 were retired."),
    ("greeting_is_no_time", "Good evening."),
    ("adjective_of_frequency_before_noun", "Its annual report was late."),
    ("number_with_unit_word_absent", "Tickets cost as little as 99 cents."),
]


@pytest.mark.parametrize("name,text", NO_DATE, ids=[c[0] for c in NO_DATE])
def test_no_date(nlp, dates_with_options, name, text):
    assert_no_date(nlp, text, PUB)
    assert_no_date(nlp, text, PUB, dates=dates_with_options)
