"""Table tests of issue 13, round 5: midnight as the end of its day, the day after tomorrow, "and a
half" in a length, the edge of the decade, a weekday's relative word, "since" a day, "every other"
unit, a month or half of last year, a month's first or last day, and days of the month as ordinal
words. Each case is (name, text, publication date, mention, type, value) or, for what must give no
date, (name, text, publication date, mention); the sentences are written for the pattern their name
says."""
from __future__ import annotations

import pytest

from tests.dates_tables import assert_date, assert_no_date

PUB = "2013-03-20"  # a Wednesday

FOUND = [
    # midnight belongs to the day that ends (AP style; TIDES writes it T24)
    ("midnight_after_a_weekday_is_the_end_of_that_day", "The offer expires at midnight Friday.", PUB,
     "midnight Friday", "TIME", "2013-03-22T24:00"),
    ("bare_midnight_is_the_end_of_the_day_spoken_of", "The curfew begins at midnight.", PUB,
     "midnight", "TIME", "2013-03-20T24:00"),
    ("midnight_on_a_date_is_the_end_of_that_date", "The deadline passed at midnight on March 2.", PUB,
     "midnight on March 2", "TIME", "2013-03-02T24:00"),
    # the day after tomorrow and the day before yesterday are one day each, two from the publication day
    ("day_after_tomorrow_is_one_day", "The summit opens the day after tomorrow.", PUB, "the day after tomorrow",
     "DATE", "2013-03-22"),
    ("day_before_yesterday_is_one_day", "The deal was signed the day before yesterday.", PUB,
     "the day before yesterday", "DATE", "2013-03-18"),
    # "and a half" belongs to the length it follows, after a unit or after a count
    ("unit_and_a_half_after_the_past_is_one_length", "Prices have doubled over the past year and a half.", PUB,
     "the past year and a half", "DURATION", "P1Y6M"),
    ("unit_and_a_half_after_the_next_is_one_length", "Over the next hour and a half, the vote will close.", PUB,
     "the next hour and a half", "DURATION", "PT1H30M"),
    ("count_and_a_half_before_its_unit_is_one_length", "He worked there for two and a half years.", PUB,
     "two and a half years", "DURATION", "P2Y6M"),
    # the edge of "the decade" or "the century" is the publication date's, unless a past story tells of it
    ("edge_of_the_decade_in_a_clause_ahead_is_the_current_decade",
     "The company expects to finish by the end of the decade.", PUB, "the end of the decade", "DATE", "201X"),
    ("edge_of_the_century_in_a_clause_ahead_is_the_current_century",
     "Some computers may fail at the end of the century.", "1998-06-14", "the end of the century", "DATE", "19"),
    ("edge_of_the_century_in_a_past_story_is_not_the_current_one",
     "By the end of the century, the town had grown tenfold.", PUB, "the end of the century", "DATE", "XX"),
    # a relative word before a weekday and its date belongs to the date
    ("relative_word_before_a_weekday_and_its_date_is_part_of_it", "The vote is next Tuesday, April 2.", PUB,
     "next Tuesday, April 2", "DATE", "2013-04-02"),
    ("relative_word_before_a_weekday_and_its_date_with_a_year", "The vote was held last Sunday, March 17, 2013.",
     PUB, "last Sunday, March 17, 2013", "DATE", "2013-03-17"),
    # "since" a day: on or before the publication date, however close the day lies ahead
    ("day_after_since_is_in_the_past_even_when_near_ahead", "The law has been in force since April 1.", PUB,
     "April 1", "DATE", "2012-04-01"),
    # "every other" unit is a SET of twice that unit
    ("every_other_unit_is_a_set_of_two_units", "Elections are held every other year.", PUB, "every other year", "SET",
     "P2Y"),
    # "last year" after a month (and day) names the year, wherever the month falls in this one
    ("month_of_last_year_before_this_years_month_is_last_years", "The plant closed in January last year.", PUB,
     "January last year", "DATE", "2012-01"),
    ("month_of_next_year_is_next_years", "The plant will open in January next year.", PUB, "January next year",
     "DATE", "2014-01"),
    ("month_day_of_this_year_is_one_date", "The euro rate was set on Jan. 1 this year.", PUB, "Jan. 1 this year",
     "DATE", "2013-01-01"),
    ("month_day_of_last_year_is_one_date", "The plant closed on Feb. 5 last year.", PUB, "Feb. 5 last year",
     "DATE", "2012-02-05"),
    # "the first half of" a year named by a relative word is that half
    ("first_half_of_last_year_is_its_half", "The plant closed in the first half of last year.", PUB,
     "the first half of last year", "DATE", "2012-H1"),
    ("second_half_of_the_year_is_this_years_half", "Sales will rise in the second half of the year.", PUB,
     "the second half of the year", "DATE", "2013-H2"),
    # "the last day of October" is that day
    ("last_day_of_a_month_is_its_last_date", "The plant closed on the last day of October.", PUB,
     "the last day of October", "DATE", "2012-10-31"),
    ("first_day_of_a_month_with_its_year", "The law took effect on the first day of May 1998.", PUB,
     "the first day of May 1998", "DATE", "1998-05-01"),
    # a day of the month written as an ordinal word, as speech and transcripts write it
    ("ordinal_word_day_after_its_month", "The summit will open on April ninth.", PUB, "April ninth", "DATE",
     "2013-04-09"),
    ("compound_ordinal_word_day_of_its_month", "The plant closed on the twenty-first of February.", PUB,
     "the twenty-first of February", "DATE", "2013-02-21"),
    ("compound_ordinal_word_day_written_apart", "The new rates apply from March thirty first.", PUB,
     "March thirty first", "DATE", "2013-03-31"),
    ("ordinal_word_day_of_its_month_with_a_year", "The treaty was signed on the first of May, 1997.", PUB,
     "the first of May, 1997", "DATE", "1997-05-01"),
    ("ordinal_word_day_after_the_with_its_weekday", "The talks open on Monday, April the eighth.", PUB,
     "Monday, April the eighth", "DATE", "2013-04-08"),
]


@pytest.mark.parametrize("name,text,published,mention,type_,value", FOUND, ids=[c[0] for c in FOUND])
def test_round5_date_found(nlp, name, text, published, mention, type_, value):
    assert_date(nlp, text, published, mention, type_, value)


NO_DATE = [
    # an ordinal after a month that goes on into a noun is a rank or a class, not a day
    ("ordinal_of_a_rank_after_a_month_is_no_day", "She finished in March second behind Jones.", PUB, "March second"),
    ("ordinal_before_a_noun_after_a_month_is_no_day", "He flew home in June first class.", PUB, "June first"),
    ("ordinal_joined_to_a_noun_after_a_month_is_no_day", "In May second-placed Leeds lost again.", PUB,
     "May second"),
    ("ordinal_of_a_count_is_no_day", "It was the second of three rounds.", PUB, None),
    ("every_other_before_a_noun_is_no_set", "Every other candidate dropped out.", PUB, None),
    ("count_and_a_half_of_a_thing_is_no_length", "He ran two and a half miles.", PUB, None),
]


@pytest.mark.parametrize("name,text,published,mention", NO_DATE, ids=[c[0] for c in NO_DATE])
def test_round5_no_date(nlp, name, text, published, mention):
    assert_no_date(nlp, text, published, mention)


def test_day_ordinals_run_from_first_to_thirty_first():
    import json

    from extractor.normalize.timex import day_ordinals
    from extractor.resources import models_path

    days = day_ordinals(json.loads(models_path("figures", "numbers.json").read_text(encoding="utf8")))
    assert sorted(days.values()) == list(range(1, 32))
    assert days["eighth"] == 8 and days["twenty-first"] == 21 and days["thirty-first"] == 31
    assert "thirty-second" not in days
