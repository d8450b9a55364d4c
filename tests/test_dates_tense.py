"""Table tests of the past/future choice (issue 13, value errors): which weekday, month-day, month or
quarter a date without its year or week means, by the tense of the verb it hangs from. Each case is
(name, text, publication date, mention, type, value); the sentences are written for the pattern the
name says. PUB is a Wednesday."""
from __future__ import annotations

import pytest

from tests.dates_tables import assert_date


PUB = "2013-03-20"  # a Wednesday


# ---- a weekday: the tense of the verb it dates
WEEKDAYS = [
    ("present_event_verb_next_weekday", "The two leaders meet Monday in Geneva.", PUB, "Monday", "DATE", "2013-03-25"),
    ("present_copula_next_weekday", "The vote is on Friday.", PUB, "Friday", "DATE", "2013-03-22"),
    ("present_progressive_next_weekday", "The delegation is leaving Thursday for Cairo.", PUB, "Thursday", "DATE",
     "2013-03-21"),
    ("present_reporting_verb_past_weekday", "The ministry says Tuesday that the talks failed.", PUB, "Tuesday",
     "DATE", "2013-03-19"),
    ("present_tells_past_weekday", "The mayor tells reporters Monday that the budget is balanced.", PUB, "Monday",
     "DATE", "2013-03-18"),
    ("past_tense_past_weekday", "The two leaders met Monday in Geneva.", PUB, "Monday", "DATE", "2013-03-18"),
    ("future_aux_next_weekday", "The two leaders will meet Monday in Geneva.", PUB, "Monday", "DATE", "2013-03-25"),
    ("participle_takes_future_of_head", "The airline said new flights would leave on Monday, with the third "
     "departing Friday.", PUB, "Friday", "DATE", "2013-03-22"),
    ("participle_takes_past_of_head", "The troops withdrew on Monday, leaving the town Tuesday.", PUB, "Tuesday",
     "DATE", "2013-03-19"),
    ("present_spelled_as_past_tells_no_tense", "Weak banks hurt the index, which fell on Friday.", PUB, "Friday",
     "DATE", "2013-03-15"),
    ("possessive_weekday_is_not_dated_by_present", "The offer is far above Friday's closing price.", PUB, "Friday",
     "DATE", "2013-03-15"),
    ("no_verb_publication_weekday", "Wednesday: markets in brief.", PUB, "Wednesday", "DATE", "2013-03-20"),
]

# ---- must not change: month-days, months and quarters keep their distance-based choice
UNCHANGED = [
    ("present_comment_on_past_month_day", "The June 4 blast reminds us of the danger.", "2021-06-11", "June 4",
     "DATE", "2021-06-04"),
    ("past_tense_month_is_last_one", "The bank raised rates in April.", "2024-03-14", "April", "DATE", "2023-04"),
    ("past_tense_near_deadline_month_day", "The board set April 2 as the deadline.", PUB, "April 2", "DATE",
     "2013-04-02"),
    ("future_month_day", "The law will take effect on Jan. 1.", PUB, "Jan. 1", "DATE", "2014-01-01"),
    ("quarter_just_closed_reported", "The company expects fourth-quarter earnings to fall.", "2013-01-20",
     "fourth-quarter", "DATE", "2012-Q4"),
    ("last_weekday_excludes_today", "Prices fell last Wednesday.", PUB, "last Wednesday", "DATE", "2013-03-13"),
]


@pytest.mark.parametrize("name,text,published,mention,type_,value", WEEKDAYS + UNCHANGED,
                         ids=[c[0] for c in WEEKDAYS + UNCHANGED])
def test_tense_chooses_the_day(nlp, name, text, published, mention, type_, value):
    assert_date(nlp, text, published, mention, type_, value)


# ---- "a year earlier" in an earnings report: the year-ago quarter, unless the sentence reports a longer period
EARNINGS = "2013-10-24"  # a report on the third quarter
YEAR_AGO = [
    ("year_ago_quarter_in_quarterly_report", "Third-quarter net rose to $5 million from $4 million a year earlier.",
     EARNINGS, "a year earlier", "DATE", "2012-Q3"),
    ("nine_months_compared_with_year_earlier_is_the_year", "In the quarter, sales rose. For the nine months, net "
     "rose to $9 million from $7 million a year earlier.", EARNINGS, "a year earlier", "DATE", "2012"),
    ("first_half_compared_with_year_ago_is_the_year", "Quarterly sales rose, and first-half profit doubled from a "
     "year ago.", EARNINGS, "a year ago", "DATE", "2012"),
    ("year_ago_without_quarters_is_the_year_before", "Prices are up 5% from a year ago.", EARNINGS,
     "a year ago", "DATE", "2012"),
]


@pytest.mark.parametrize("name,text,published,mention,type_,value", YEAR_AGO, ids=[c[0] for c in YEAR_AGO])
def test_year_ago_names_the_compared_period(nlp, name, text, published, mention, type_, value):
    assert_date(nlp, text, published, mention, type_, value)


# ---- "effective <day>": the nearer such day, whatever the tense of the announcing verb
EFFECTIVE = [
    ("effective_day_ahead_in_past_clause", "The bank named a new chairman, effective Feb. 1.", "2013-10-24",
     "Feb. 1", "DATE", "2014-02-01"),
    ("effective_day_behind_in_past_clause", "The bank named a new chairman, effective Sept. 1.", "2013-10-24",
     "Sept. 1", "DATE", "2013-09-01"),
    ("past_clause_without_effective_stays_past", "The bank named a new chairman on Feb. 1.", "2013-10-24",
     "Feb. 1", "DATE", "2013-02-01"),
]


@pytest.mark.parametrize("name,text,published,mention,type_,value", EFFECTIVE, ids=[c[0] for c in EFFECTIVE])
def test_effective_day_is_the_nearer(nlp, name, text, published, mention, type_, value):
    assert_date(nlp, text, published, mention, type_, value)


# ---- "the quarter ended <day>": the calendar quarter nearest the day it closed
ENDED = [
    ("fiscal_quarter_ended_july_is_second_quarter", "In the quarter ended July 31, sales rose 5%.", "2013-10-24",
     "the quarter", "DATE", "2013-Q2"),
    ("quarter_ended_september_is_third_quarter", "For the quarter ended Sept. 30, net rose.", "2013-10-24",
     "the quarter", "DATE", "2013-Q3"),
    ("quarter_ended_january_is_last_years_fourth", "In the quarter ended Jan. 2, sales fell.", "2013-02-20",
     "the quarter", "DATE", "2012-Q4"),
    ("year_ended_stays_a_year_long_duration", "For the year ended Sept. 30, net rose.", "2013-10-24",
     "the year", "DURATION", "P1Y"),
]


@pytest.mark.parametrize("name,text,published,mention,type_,value", ENDED, ids=[c[0] for c in ENDED])
def test_quarter_named_by_its_end(nlp, name, text, published, mention, type_, value):
    assert_date(nlp, text, published, mention, type_, value)
