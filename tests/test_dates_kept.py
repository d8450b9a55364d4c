"""Table tests of issue 13, round 2: the model spans the grammar cannot read whole (option
keep_unnormalized) get a value with a place in the calendar or are not kept; days named by
reference ("the next day"). Each case is (name, text, publication date, mention, type, value); the
sentences are written for the pattern their name says, not copied from any corpus."""
from __future__ import annotations

import pytest

from tests.dates_tables import assert_date, assert_no_date, dates_component

PUB = "2013-03-20"  # a Wednesday


@pytest.fixture(scope="module")
def keeping():
    """news_dates with keep_unnormalized on."""
    return dates_component(keep_unnormalized=True)


KEPT = [
    ("day_by_reference_is_the_publication_day", "Police arrived in Philadelphia later in the day.", PUB,
     "later in the day", "DATE", "2013-03-20"),
    ("day_by_reference_is_the_day_named_before", "Shares fell on March 12, the day before the vote.", PUB,
     "the day", "DATE", "2013-03-12"),
    ("ordinal_day_of_an_event_is_the_day_spoken_of", "Today is the eighth day of the blockade.", PUB,
     "the eighth day", "DATE", "2013-03-20"),
    ("past_adjective_plural_unit_is_past_ref", "There were sell programs in past years, too.", PUB,
     "past years", "DATE", "PAST_REF"),
    ("future_adjective_plural_unit_is_future_ref", "Credits will cut tax payments in future quarters.", PUB,
     "future quarters", "DATE", "FUTURE_REF"),
    ("focus_adverb_left_out_of_the_expression", "The firm, which just months ago was failing, is growing.", PUB,
     "months ago", "DURATION", "PXM"),
]


@pytest.mark.parametrize("name,text,published,mention,type_,value", KEPT, ids=[c[0] for c in KEPT])
def test_kept_span_has_a_calendar_value(nlp, keeping, name, text, published, mention, type_, value):
    assert_date(nlp, text, published, mention, type_, value, keeping)


NOT_KEPT = [
    ("indefinite_day_is_no_day_of_the_calendar", "It was a good day for the company.", "a good day"),
    ("fraction_quarter_is_not_a_time", "Funds hold more than a quarter of the market.", "more than a quarter"),
    ("kind_of_year_is_not_a_time", "The operator changed from a fiscal year to a calendar year.", "a fiscal year"),
    ("unit_compound_adjective_with_no_value", "Third-period sales were $2.49 billion.", "Third-period"),
]


@pytest.mark.parametrize("name,text,mention", NOT_KEPT, ids=[c[0] for c in NOT_KEPT])
def test_span_without_a_calendar_value_is_not_kept(nlp, keeping, name, text, mention):
    assert_no_date(nlp, text, PUB, mention, keeping)


REFERENCE_DAYS = [
    ("next_day_after_a_named_day", "On Monday the army attacked. The next day, rebels retreated.", PUB,
     "The next day", "DATE", "2013-03-19"),
    ("next_day_without_a_named_day", "The rebels fled. The next day, the army entered the town.", PUB,
     "The next day", "DATE", "2013-03-21"),
    ("previous_day_without_a_named_day", "Shares had fallen sharply the previous day.", PUB,
     "the previous day", "DATE", "2013-03-19"),
]


@pytest.mark.parametrize("name,text,published,mention,type_,value", REFERENCE_DAYS, ids=[c[0] for c in REFERENCE_DAYS])
def test_day_named_by_reference(nlp, name, text, published, mention, type_, value):
    assert_date(nlp, text, published, mention, type_, value)


YEAR_PERIODS = [
    ("year_period_in_a_quarterly_report_is_the_quarter",
     "Profit rose in the fourth quarter. Sales were up from the 2011 period.", PUB, "the 2011 period", "DATE",
     "2011-Q4"),
    ("year_period_beside_a_longer_period_is_the_year", "For the nine months, sales fell from the 2011 period.", PUB,
     "the 2011 period", "DATE", "2011"),
    ("year_period_without_quarters_is_the_year", "Sales were up from the 2011 period.", PUB, "the 2011 period",
     "DATE", "2011"),
]


@pytest.mark.parametrize("name,text,published,mention,type_,value", YEAR_PERIODS, ids=[c[0] for c in YEAR_PERIODS])
def test_year_period_names_the_compared_quarter(nlp, name, text, published, mention, type_, value):
    assert_date(nlp, text, published, mention, type_, value)


# The issue's causes, more forms of each (default options); one group a cause.
CAUSES = [
    # 1. compound expressions whole
    ("quarter_of_a_named_year", "Exports rose in the fourth quarter of 2012.", "the fourth quarter of 2012",
     "DATE", "2012-Q4"),
    ("week_of_month_ahead", "Talks will resume in the third week of April.", "the third week of April", "DATE",
     "2013-W16"),
    ("clock_zone_then_weekday_in_the_past", "The ceasefire began at 06:00 GMT Monday.", "06:00 GMT Monday", "TIME",
     "2013-03-18T06:00"),
    ("season_of_next_year", "The plan covers the spring of next year.", "the spring of next year", "DATE",
     "2014-SP"),
    ("season_of_last_year", "The dam burst in the summer of last year.", "the summer of last year", "DATE",
     "2012-SU"),
    ("same_quarter_a_year_earlier", "Imports fell from the same quarter a year earlier.",
     "the same quarter a year earlier", "DATE", "2011-Q4"),
    # 2. forms the grammar reads that the model finds as well
    ("past_decade_is_ten_years", "Turnout doubled over the past decade.", "the past decade", "DURATION", "P10Y"),
    ("annually_is_a_yearly_set", "The festival is held annually.", "annually", "SET", "P1Y"),
    ("every_month_is_a_monthly_set", "Fees are paid every month.", "every month", "SET", "P1M"),
    ("ordinal_century_lower_case", "The firm was founded in the 19th century.", "the 19th century", "DATE", "18"),
    # 3. filters keep short forms
    ("two_digit_decade_eighties", "Sales of the 80s were strong.", "the 80s", "DATE", "198X"),
    ("year_range_four_digits_second", "The 2009-2010 season ended badly.", "2010", "DATE", "2010"),
    ("year_range_two_digits_second", "The 1998-99 budget was cut.", "99", "DATE", "1999"),
    # 4. parts of day (default: a weekday's part is the day; an anchor's is a TIME)
    ("weekday_night_future_is_that_day", "The game will be played Saturday night.", "Saturday night", "DATE",
     "2013-03-23"),
    ("this_morning_is_a_time", "The ceremony took place this morning.", "this morning", "TIME", "2013-03-20TMO"),
    ("part_of_day_before_its_anchor", "Trading resumed mid-afternoon yesterday.", "mid-afternoon yesterday", "TIME",
     "2013-03-19TAF"),
    ("part_of_day_before_today", "The storm hit late evening today.", "late evening today", "TIME",
     "2013-03-20TEV"),
    ("bare_clock_on_the_publication_day", "Shares closed at 3 p.m.", "3 p.m.", "TIME", "2013-03-20T15:00"),
    # 5. durations inside dated phrases
    ("duration_before_a_comparison", "The shuttle will land about a week later than planned.", "about a week",
     "DURATION", "P1W"),
    ("years_from_now_is_a_date", "Prices will rise five years from now.", "five years from now", "DATE", "2018"),
    ("recent_decades_is_a_vague_duration", "Inflation has risen in recent decades.", "recent decades", "DURATION",
     "PXY"),
    ("counted_years_is_a_duration", "The project lasted three years.", "three years", "DURATION", "P3Y"),
    # 6. bugs seen
    ("decade_before_and_is_a_decade", "The mayor spoke about the 50s and 60s.", "the 50s", "DATE", "195X"),
    ("ordinal_day_is_not_a_year", "Police said the siege was in its 45th day.", "45th day", "DATE", "XXXX-XX-XX"),
    ("month_in_past_clause_is_behind", "The bank cut rates in February.", "February", "DATE", "2013-02"),
    ("quarter_with_will_is_this_year", "The bank will cut rates during the fourth quarter.", "the fourth quarter",
     "DATE", "2013-Q4"),
    ("next_weekday_is_ahead", "The summit opens next Tuesday.", "next Tuesday", "DATE", "2013-03-26"),
    ("late_weekday_is_that_day", "Crowds gathered late Friday.", "late Friday", "DATE", "2013-03-15"),
]


@pytest.mark.parametrize("name,text,mention,type_,value", CAUSES, ids=[c[0] for c in CAUSES])
def test_issue_causes_more_forms(nlp, name, text, mention, type_, value):
    assert_date(nlp, text, PUB, mention, type_, value)


NO_DATES = [
    ("age_decade_is_not_a_date", "He is in his 60s.", "his 60s"),
    ("score_is_not_a_date", "The team won 2-1 on Sunday.", "2-1"),
    ("price_is_not_a_year", "He paid $1999 for it.", "1999"),
]


@pytest.mark.parametrize("name,text,mention", NO_DATES, ids=[c[0] for c in NO_DATES])
def test_not_a_date(nlp, keeping, name, text, mention):
    assert_no_date(nlp, text, PUB, mention)
    assert_no_date(nlp, text, PUB, mention, keeping)
