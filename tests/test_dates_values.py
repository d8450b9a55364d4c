"""Table tests of issue 13, round 3: values of dates the grammar reads (TimeBank's value causes).
Each case is (name, text, publication date, mention, type, value); the sentences are written for the
pattern their name says, not copied from any corpus. A value of None: the mention gives no date."""
from __future__ import annotations

import pytest

from tests.dates_tables import assert_date, dates_by_mention

PUB = "2013-03-25"  # a Monday


PART_OF_DAY = [
    ("part_of_day_is_on_the_day_named_before", "Hopes were dashed Friday. Dealers placed heavy orders in the morning.",
     PUB, "the morning", "TIME", "2013-03-22TMO"),
    ("part_of_day_without_a_named_day_is_the_publication_day", "Dealers placed heavy orders in the morning.", PUB,
     "the morning", "TIME", "2013-03-25TMO"),
    ("part_of_day_after_a_named_date", "The plant closed on March 12. Workers left during the evening.", PUB,
     "the evening", "TIME", "2013-03-12TEV"),
]

SOME_DAY_AHEAD = [
    ("one_day_between_will_and_its_verb_is_a_day_ahead", "Analysts say the city will one day be a capital.", PUB,
     "one day", "DATE", "FUTURE_REF"),
    ("one_day_between_to_and_its_verb_is_a_day_ahead", "She hopes to one day run the company.", PUB, "one day", "DATE",
     "FUTURE_REF"),
    ("one_day_as_the_object_of_take_is_a_length", "The repair will take one day.", PUB, "one day", "DURATION", "P1D"),
    ("one_day_after_a_past_verb_is_a_length", "The strike lasted one day.", PUB, "one day", "DURATION", "P1D"),
]

LAST_PART_OF_YEAR = [
    ("last_half_of_a_year_is_its_second_half", "Earnings will fall in the last half of 1989.", PUB,
     "the last half of 1989", "DATE", "1989-H2"),
    ("latter_half_of_a_year_is_its_second_half", "Sales rose in the latter half of 1987.", PUB,
     "the latter half of 1987", "DATE", "1987-H2"),
    ("final_quarter_of_a_year_is_its_fourth", "Sales jumped in the final quarter of 2011.", PUB,
     "the final quarter of 2011", "DATE", "2011-Q4"),
    ("last_quarter_without_a_year_is_the_latest_quarter", "Sales fell in the last quarter.", PUB, "last quarter",
     "DATE", "2012-Q4"),
    ("last_half_of_a_game_is_no_date", "He scored in the last half of the game.", PUB, "the last half of the game",
     None, None),
]

WEEKDAY_OF_REFERENCE = [
    ("previous_weekday_is_the_one_before_the_day_named", "Stocks fell Friday, down 4% from the previous Friday.", PUB,
     "the previous Friday", "DATE", "2013-03-15"),
    ("following_weekday_is_the_one_after_the_day_named", "The talks opened on March 12. The following Monday, the envoys left.",
     PUB, "The following Monday", "DATE", "2013-03-18"),
    ("previous_weekday_without_a_named_day_is_the_last_one", "The index is down 4% from the previous Friday.", PUB,
     "the previous Friday", "DATE", "2013-03-22"),
    ("following_weekday_without_a_named_day_takes_the_tense", "He will leave the following Tuesday.", PUB,
     "the following Tuesday", "DATE", "2013-03-26"),
]

COMING_UNITS = [
    ("coming_quarters_is_future_ref_like_coming_months", "It does not bode well for coming quarters.", PUB,
     "coming quarters", "DATE", "FUTURE_REF"),
    ("coming_months_is_future_ref", "Rates will fall in coming months.", PUB, "coming months", "DATE", "FUTURE_REF"),
    ("counted_next_quarters_is_a_length", "Sales will rise over the next two quarters.", PUB, "the next two quarters",
     "DURATION", "P6M"),
]

IN_A_LENGTH_AHEAD = [
    ("in_a_counted_length_ahead_is_the_year_it_ends", "The stock would be redeemed in five years.", PUB,
     "five years", "DATE", "2018"),
    ("in_a_counted_length_ahead_is_the_month_it_ends", "The plant will open in two months.", PUB, "two months",
     "DATE", "2013-05"),
    ("in_a_counted_length_in_the_past_is_a_length", "Sales rose 5% in five years.", PUB, "five years", "DURATION",
     "P5Y"),
    ("within_a_counted_length_is_a_length", "The bonds must be sold within five years.", PUB, "five years",
     "DURATION", "P5Y"),
    ("in_the_next_counted_length_is_a_length", "He will decide in the next five years.", PUB, "the next five years",
     "DURATION", "P5Y"),
    ("in_minutes_ahead_is_a_length", "It will be done in 10 minutes.", PUB, "10 minutes", "DURATION", "PT10M"),
]

OPEN_ENDS = [
    ("or_so_rounds_a_length_and_belongs_to_it", "The plant will be closed over the next year or so.", PUB,
     "the next year or so", "DATE", "2014"),
    ("or_later_opens_a_year_and_belongs_to_it", "The unit will not be profitable until 2016 or later.", PUB,
     "2016 or later", "DATE", "2016"),
    ("and_beyond_opens_a_year_and_belongs_to_it", "The firm gave forecasts for 2014 and beyond.", PUB,
     "2014 and beyond", "DATE", "2014"),
    ("and_later_before_a_verb_is_not_part_of_the_date", "She flew in October 1984 and later served as a manager.",
     PUB, "October 1984", "DATE", "1984-10"),
]

MORE_RECENTLY = [
    ("more_recently_is_one_past_reference", "More recently the group has turned to the courts.", PUB, "More recently",
     "DATE", "PAST_REF"),
    ("recently_alone_is_a_past_reference", "He was recently promoted.", PUB, "recently", "DATE", "PAST_REF"),
]

CASES = MORE_RECENTLY + OPEN_ENDS + IN_A_LENGTH_AHEAD + COMING_UNITS + PART_OF_DAY + SOME_DAY_AHEAD + LAST_PART_OF_YEAR + WEEKDAY_OF_REFERENCE


@pytest.mark.parametrize("name,text,published,mention,type_,value", CASES, ids=[c[0] for c in CASES])
def test_date_value(nlp, name, text, published, mention, type_, value):
    if type_ is None:
        rows = dates_by_mention(nlp, text, published)
        assert not any(m in mention for m in rows), rows
    else:
        assert_date(nlp, text, published, mention, type_, value)
