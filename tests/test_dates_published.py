"""Publication dates: parse_published reads month-name dates itself, as dateparser reads them."""
import pytest

from extractor.io.readers import head_metadata
from extractor.normalize.dates_published import month_numbers, parse_published, parsed_by_dateparser


def outcome(read, s):
    try:
        return read(s)
    except ValueError:
        return "not a date"


def test_month_name_dates_read_without_dateparser_are_dateparsers_readings():
    """parse_published() reads "June 11, 2021" and "11 June 2021" itself: on every month spelling,
    both orders, with and without the comma and the abbreviation's stop, and on days that no month
    has, its answer is dateparser's."""
    forms = []
    for name in month_numbers():
        for word in (name, name.capitalize(), name.upper(), name.capitalize() + "."):
            for day, year in (("1", "2021"), ("09", "1999"), ("29", "2024"), ("30", "2023"), ("31", "2011")):
                forms += [f"{word} {day}, {year}", f"{word} {day} {year}", f"{day} {word} {year}", f"{day} {word}, {year}"]
    assert len(forms) > 1000
    assert [outcome(parse_published, f) for f in forms] == [outcome(parsed_by_dateparser, f) for f in forms]


@pytest.mark.parametrize("value, iso", [
    ("June 11, 2021", "2021-06-11"),          # metadata in words: the shortcut, as for a dateline
    ("  11 Sept. 2019 ", "2019-09-11"),       # padded, abbreviated with a stop
    ("2021-06-11T08:00:00Z", "2021-06-11"),   # the ISO shortcut
    ("Fri, 11 Jun 2021 08:00:00 GMT", "2021-06-11"),  # anything else: dateparser
])
def test_parse_published_forms(value, iso):
    assert parse_published(value) == iso


@pytest.mark.parametrize("value", ["February 30, 2021", "Smarch 3, 2020"])
def test_parse_published_refuses_what_no_calendar_has(value):
    with pytest.raises(ValueError):
        parse_published(value)


def test_dateline_read_through_parse_published():
    assert head_metadata("BAKU, June 11, 2021\nThe text.")[0] == "2021-06-11"
