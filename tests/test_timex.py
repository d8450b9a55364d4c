"""Table tests of the TimeML normaliser (extractor/normalize/timex.py): no spaCy involved."""
from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from extractor.normalize.timex import (
    FUTURE,
    PAST,
    Timex,
    anaphor_value,
    calendar_range,
    duration_value,
    load_grammar,
    parse_number,
    resolve_month_day,
    resolve_weekday,
)


@pytest.fixture(scope="module")
def grammar():
    return load_grammar()


# (text, published, direction, type, value)
CASES = [
    ("June 10", "2021-06-11", PAST, "DATE", "2021-06-10"),
    ("November 10", "2021-06-11", PAST, "DATE", "2020-11-10"),
    ("November 10", "2021-06-11", FUTURE, "DATE", "2021-11-10"),
    ("November 10", None, None, "DATE", "XXXX-11-10"),
    ("November 10, 2020", "2021-06-11", None, "DATE", "2020-11-10"),
    ("Nov. 10, 2020", None, None, "DATE", "2020-11-10"),
    ("10 November 2020", None, None, "DATE", "2020-11-10"),
    ("Saturday, April 25", "1998-04-27", None, "DATE", "1998-04-25"),
    ("2021-06-11", None, None, "DATE", "2021-06-11"),
    ("Last Friday", "2021-06-11", None, "DATE", "2021-06-04"),
    ("Friday", "2021-06-11", PAST, "DATE", "2021-06-11"),
    ("Friday", "2021-06-09", PAST, "DATE", "2021-06-04"),
    ("Friday", "2021-06-09", FUTURE, "DATE", "2021-06-11"),
    ("next Friday", "2021-06-11", None, "DATE", "2021-06-18"),
    ("Friday", None, None, "DATE", "XXXX-WXX-5"),
    ("2020", "2021-06-11", None, "DATE", "2020"),
    ("mid-2008", None, None, "DATE", "2008"),
    ("fiscal 1989", None, None, "DATE", "1989"),
    ("nineteen ninety-six", None, None, "DATE", "1996"),
    ("the year two thousand", None, None, "DATE", "2000"),
    ("the early 1990s", None, None, "DATE", "199X"),
    ("the '80s", None, None, "DATE", "198X"),
    ("the nineties", None, None, "DATE", "199X"),
    ("the 20th century", None, None, "DATE", "19"),
    ("July 1997", None, None, "DATE", "1997-07"),
    ("October", "1998-11-20", PAST, "DATE", "1998-10"),
    ("April", "2024-03-14", PAST, "DATE", "2023-04"),
    ("February", "1989-10-30", None, "DATE", "1990-02"),      # four months ahead, eight behind
    ("March", "1989-10-30", None, "DATE", "1989-03"),
    ("last November", "1999-12-02", None, "DATE", "1999-11"),
    ("this summer", "1998-05-01", None, "DATE", "1998-SU"),
    ("last fall", "1998-03-04", None, "DATE", "1997-FA"),
    ("the third quarter", "1989-10-27", None, "DATE", "1989-Q3"),
    ("third-quarter", "1989-10-27", None, "DATE", "1989-Q3"),
    ("the first quarter of 1990", None, None, "DATE", "1990-Q1"),
    ("the latest quarter", "1989-10-27", None, "DATE", "1989-Q3"),
    ("this year", "1989-10-27", None, "DATE", "1989"),
    ("last year", "1989-10-27", None, "DATE", "1988"),
    ("next month", "1989-12-27", None, "DATE", "1990-01"),
    ("this week", "2021-06-11", None, "DATE", "2021-W23"),
    ("earlier this year", "1989-10-27", None, "DATE", "1989"),
    ("today", "1998-01-14", None, "DATE", "1998-01-14"),
    ("yesterday", "1989-10-27", None, "DATE", "1989-10-26"),
    ("two years ago", "1998-02-19", None, "DATE", "1996"),
    ("10 days ago", "1998-03-22", None, "DATE", "1998-03-12"),
    ("several years ago", "1998-02-19", None, "DATE", "PAST_REF"),
    ("now", "1998-02-19", None, "DATE", "PRESENT_REF"),
    ("currently", None, None, "DATE", "PRESENT_REF"),
    ("recently", None, None, "DATE", "PAST_REF"),
    ("the future", None, None, "DATE", "FUTURE_REF"),
    ("three decades", None, None, "DURATION", "P30Y"),
    ("two-year", None, None, "DURATION", "P2Y"),
    ("the past 12 months", None, None, "DURATION", "P12M"),
    ("the first nine months", None, None, "DURATION", "P9M"),
    ("more than four hours", None, None, "DURATION", "PT4H"),
    ("2 1/2 years", None, None, "DURATION", "P2Y6M"),
    ("a minute and a half", None, None, "DURATION", "PT1M30S"),
    ("several years", None, None, "DURATION", "PXY"),
    ("the past decade", "2021-06-11", None, "DURATION", "P10Y"),
    ("last decade", "2021-06-11", None, "DATE", "201X"),
    ("the last month", None, None, "DATE", "XXXX-XX"),
    ("that year", None, None, "DATE", "XXXX"),
    ("the past year", "1998-03-03", None, "DATE", "1997"),
    ("two hours", None, None, "DURATION", "PT2H"),
    ("the past two quarters", None, None, "DURATION", "P2Q"),
    ("this year", "2021-06-11", None, "DATE", "2021"),
    ("the third quarter", "2021-10-05", None, "DATE", "2021-Q3"),
    ("the third quarter", "2021-10-05", FUTURE, "DATE", "2021-Q3"),     # reporting the quarter just closed
    ("the fourth quarter", "1998-01-26", FUTURE, "DATE", "1997-Q4"),    # the one just closed, too
    ("the second quarter", "2021-02-10", FUTURE, "DATE", "2021-Q2"),
    ("the second quarter", "2021-02-10", PAST, "DATE", "2020-Q2"),
    ("the year-ago third quarter", "1989-10-27", None, "DATE", "1988-Q3"),
    ("last year's fourth quarter", "1989-10-27", None, "DATE", "1988-Q4"),
    ("the corresponding period last year", "1989-11-01", None, "DATE", "1988-Q3"),
    ("the 1988 quarter", "1989-10-30", None, "DATE", "1988-Q3"),
    ("the 1988 period", "1989-10-30", None, "DATE", "1988"),
    ("five years ago", "1989-10-26", None, "DATE", "1984"),
    ("5 p.m. EST Nov. 9", "1989-11-02", None, "TIME", "1989-11-09T17:00"),
    ("9 a.m. on June 10", None, None, "TIME", "XXXX-06-10T09:00"),
    ("Tuesday nights", None, None, "SET", "XXXX-WXX-2TNI"),
    ("the week of March 6", "2000-02-24", None, "DATE", "2000-W10"),
    ("Thanksgiving Day", "2000-01-15", PAST, "DATE", "1999-11-25"),
    ("last Thanksgiving", "2000-04-03", None, "DATE", "1999-11-25"),
    ("Election Day", "1998-10-25", None, "DATE", "1998-11-03"),
    ("Easter 2000", None, None, "DATE", "2000-04-23"),
    ("Memorial Day", "2021-05-20", FUTURE, "DATE", "2021-05-31"),
    ("the following year", "1998-04-18", None, "DATE", "1999"),          # no earlier date: the DCT's
    ("twenty four hours", None, None, "DURATION", "PT24H"),
    ("10 a.m. Tuesday", "1998-02-13", PAST, "TIME", "1998-02-10T10:00"),
    ("10 p.m. Wednesday", "1998-02-13", PAST, "TIME", "1998-02-11T22:00"),
    ("noon", "1998-02-13", None, "TIME", "1998-02-13T12:00"),
    ("this morning", "1998-02-06", None, "TIME", "1998-02-06TMO"),
    ("Wednesday night", "1998-02-13", PAST, "DATE", "1998-02-11"),
    ("every Monday", None, None, "SET", "XXXX-WXX-1"),
    ("each July", None, None, "SET", "XXXX-07"),
    ("annually", None, None, "SET", "P1Y"),
    ("daily", None, None, "SET", "P1D"),
    ("Christmas", "1998-12-28", PAST, "DATE", "1998-12-25"),
]


@pytest.mark.parametrize("text,published,direction,type_,value", CASES)
def test_normalize(grammar, text, published, direction, type_, value):
    tx = grammar.normalize(text, published, direction)
    assert tx is not None, text
    assert (tx.type, tx.value) == (type_, value)


@pytest.mark.parametrize("text", ["Section 427", "Windows 7", "a 2-1 win", "$2020", "20.5%", "1,949", "may",
                                  "a 6-year-old", "second", "a quarter", "1949 percent", "3:2",
                                  "52 years old", "Section 427 Row 21", "two thousand years"])
def test_not_a_timex(grammar, text):
    assert grammar.normalize(text, "2021-06-11", PAST) is None


@pytest.mark.parametrize("text,expected", [
    ("Last Friday's [June 4] event", ["Last Friday", "June 4"]),
    ("on June 10, Bayramov", ["June 10"]),
    ("since the early 1990s.", ["the early 1990s"]),
    ("over three decades of occupation", ["three decades"]),
    ("the 1949 Geneva Convention", ["1949"]),
    ("from November 10, 2020, to May 31, 2021.", ["November 10, 2020", "May 31, 2021"]),
    ("Three days later, prices fell.", ["Three days"]),           # "later" anchors on an event, not the DCT
    ("wait at least 30 days before closing", ["at least 30 days"]),
    ("until 5 p.m. EST, Nov. 6.", ["5 p.m. EST, Nov. 6"]),
    ("Earlier that day, police came.", ["Earlier that day"]),
])
def test_extents(grammar, text, expected):
    assert [text[c.start:c.end] for c in grammar.find(text)] == expected


@pytest.mark.parametrize("value,expected", [
    ("2021-06-10", ("2021-06-10", "2021-06-10", "day")),
    ("2021-06", ("2021-06-01", "2021-06-30", "month")),
    ("2020-02", ("2020-02-01", "2020-02-29", "month")),
    ("2021-W23", ("2021-06-07", "2021-06-13", "week")),
    ("2021-Q3", ("2021-07-01", "2021-09-30", "quarter")),
    ("2021", ("2021-01-01", "2021-12-31", "year")),
    ("199X", ("1990-01-01", "1999-12-31", "decade")),
    ("19", ("1900-01-01", "1999-12-31", "century")),
    ("1998-02-11T22:00", ("1998-02-11", "1998-02-11", "day")),
    ("P30Y", (None, None, None)),
    ("PRESENT_REF", (None, None, None)),
    ("XXXX-06-10", (None, None, None)),
])
def test_calendar_range(value, expected):
    assert calendar_range(value) == expected


@pytest.mark.parametrize("n,unit,expected", [
    (3, "Y", "P3Y"), (2.5, "Y", "P2Y6M"), ("X", "D", "PXD"), (30, "MIN", "PT30M"), (3, "DE", "P30Y"),
    (2, "H", "PT2H"), (1.5, "H", "PT1H30M"), (2, "Q", "P2Q"), (0.5, "Q", "P1M15D"), (1, "CE", "P100Y"),
])
def test_duration_value(n, unit, expected):
    assert duration_value(n, unit) == expected


@pytest.mark.parametrize("text,expected", [
    ("three", 3), ("twenty-four", 24), ("twenty four", 24), ("2 1/2", 2.5), ("a", 1), ("several", "X"),
    ("1,000", 1000), ("a hundred", 100), ("banana", None),
    # read by the figures' number reader (extractor.normalize.numbers), the project's one reader
    ("two hundred and fifty", 250), ("1 1/2", 1.5), ("3½", 3.5), ("ninety-nine", 99), ("12 to 18", None),
])
def test_parse_number(grammar, text, expected):
    assert parse_number(text, grammar.numbers, grammar.lex["vague_numbers"], grammar.number_lex) == expected


@pytest.mark.parametrize("month,day,dct,direction,expected", [
    (11, 10, "2021-06-11", PAST, "2020-11-10"),
    (11, 10, "2021-06-11", FUTURE, "2021-11-10"),
    (12, 7, "1989-10-27", None, "1989-12-07"),   # far more recent ahead than behind
    (8, 6, "1998-02-06", None, "1997-08-06"),    # about as far either way: news speaks of the past
    (2, 29, "2021-06-11", PAST, "2020-02-29"),
    (2, 30, "2021-06-11", PAST, None),
    (11, 10, "1989-11-02", PAST, "1989-11-10"),  # "has set Nov. 10 as the deadline": days ahead, not a year back
    (12, 15, "1989-10-26", PAST, "1989-12-15"),  # "declared a dividend, payable Dec. 15"
    (2, 1, "1989-10-26", PAST, "1989-02-01"),    # three months ahead is too far to overrule the tense
])
def test_resolve_month_day(month, day, dct, direction, expected):
    d = resolve_month_day(month, day, date.fromisoformat(dct), direction)
    assert (d.isoformat() if d else None) == expected


def test_resolve_month_day_firm():
    # "the quarter ended Oct. 31" written on Oct. 27: last year's Oct. 31
    assert resolve_month_day(10, 31, date(1989, 10, 27), PAST, firm=True) == date(1988, 10, 31)


@pytest.mark.parametrize("unit,offset,ref,expected", [
    ("Y", 0, "1988", "1988"),
    ("Y", 1, "1995-06-02", "1996"),
    ("Y", 0, "1989-Q3", "1989"),
    ("Q", 0, "1989-10-31", "1989-Q4"),
    ("Q", 1, "1989-Q4", "1990-Q1"),
    ("M", 1, "1989-03", "1989-04"),
    ("M", 1, "1989-12-15", "1990-01"),
    ("W", 0, "2021-06-10", "2021-W23"),
    ("D", 1, "1998-10-23", "1998-10-24"),
    ("D", 0, "1998", None),      # a year names no day
    ("M", 0, "PAST_REF", None),
])
def test_anaphor_value(unit, offset, ref, expected):
    assert anaphor_value(unit, offset, ref) == expected


@pytest.mark.parametrize("weekday,dct,direction,rel,expected", [
    (5, "2021-06-11", None, "last", "2021-06-04"),
    (5, "2021-06-11", PAST, None, "2021-06-11"),
    (1, "2021-06-11", PAST, None, "2021-06-07"),
    (1, "2021-06-11", FUTURE, None, "2021-06-14"),
    (5, "2021-06-11", None, "next", "2021-06-18"),
])
def test_resolve_weekday(weekday, dct, direction, rel, expected):
    assert resolve_weekday(weekday, date.fromisoformat(dct), direction, rel).isoformat() == expected


@pytest.mark.parametrize("value, expected", [
    ("P2Q", "P6M"), ("PXQ", "PXM"), ("P1WE", "P2D"), ("P1CE", "P100Y"), ("PXE", "PXY"),
    ("XXXX-WXX-5", "XXXX-XX-XX"), ("XXXX-WXX-6TNI", "XXXX-XX-XXTNI"),
    ("2021-W23-WE", "2021-W23-WE"), ("P30Y", "P30Y"), ("199X", "199X"), ("PRESENT_REF", "PRESENT_REF"),
])
def test_contract_value(value, expected):
    """Values outside the output contract's grammar become their nearest equivalent inside it."""
    from extractor.normalize.timex import CONTRACT_VALUE, contract_value

    assert contract_value(value) == expected and CONTRACT_VALUE.match(expected)


@pytest.mark.parametrize("timex", [
    Timex("DATE", "2021-06-10", "day", "2021-06-10", "2021-06-10", True),
    Timex("DURATION", "P3W"),
])
def test_timex_as_dict_is_every_field_in_order(timex):
    """as_dict is written out (for speed): it must stay the dataclass's own fields, in their order."""
    assert list(timex.as_dict().items()) == list(dataclasses.asdict(timex).items())
