"""Reading a publication date from metadata, an option, a dateline or a file name."""
from __future__ import annotations

import re
from datetime import date

from ..resources import read_json

ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
# "June 11, 2021" / "11 June 2021" with a month name or its usual abbreviation: read here, as
# dateparser reads them (tests/test_dates_published.py compares the two), without its ~0.5 ms a call.
MONTH_DAY_YEAR = re.compile(r"([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})|(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})", re.I)


def parse_published(value: str | date | None) -> str | None:
    """An ISO date (YYYY-MM-DD) from a publication date in any common written form.
    None for empty input; ValueError with the value when it is not a date."""
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    s = str(value).strip()
    if not s:
        return None
    m = ISO.search(s)
    if m and s.startswith(m.group(0)):
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            raise ValueError(f"published date {s!r} is not a valid calendar date") from None
    return month_name_date(s) or parsed_by_dateparser(s)


def month_name_date(s: str) -> str | None:
    """The ISO date of S when it is a month name (or its usual abbreviation) with a valid day and a
    year of 1900-2099, in either order ("June 11, 2021", "11 Jun. 2021"); None otherwise."""
    m = MONTH_DAY_YEAR.fullmatch(s)
    if m is None:
        return None
    month = month_numbers().get((m[1] or m[5]).lower())
    year, day = int(m[3] or m[6]), int(m[2] or m[4])
    if month is None or not 1900 <= year <= 2099:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None  # "February 30": dateparser says what it is


def month_numbers() -> dict[str, int]:
    """Month names and their usual abbreviations ("sept") to 1-12: the dates lexicon's own table
    (models/dates/lexicon.json, read once)."""
    return read_json("dates/lexicon.json")["months"]


def parsed_by_dateparser(s: str) -> str:
    """The ISO date dateparser reads in S (stripped, not empty); ValueError when it reads none."""
    import dateparser  # imported late: it is slow to import and not needed for ISO dates

    d = dateparser.parse(s, languages=["en"], settings={"STRICT_PARSING": True,
                                                        "PREFER_DAY_OF_MONTH": "first"})
    if d is None:
        raise ValueError(f"published date {s!r} is not a date")
    return d.date().isoformat()
