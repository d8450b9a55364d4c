"""Compound temporal expressions and spans no pattern reads whole.

- compose(): two neighbouring dates that make one expression ("09:30 GMT" + "Tuesday", "the third
  quarter" + "of last year", "the same month" + "a year earlier") become one TIMEX3 over both.
- partial_timex(): a span the model calls DATE/TIME that neither the grammar nor dateparser
  normalises ("next fiscal year", "the whole month", "evening", "later in the day") keeps the most
  specific value that is honest: its unit, its part of day, the day spoken of; a span that would
  only get a bare XXXX (no unit, no place in the calendar) is not kept.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any, Callable, NamedTuple

from .timex import GRANULARITY, Timex, make_date

# What may stand between two fragments of one expression: "09:30 GMT Tuesday", "May, 2012",
# "the third quarter of last year", "3 p.m. on Tuesday".
GAP = re.compile(r"\s*(?:,\s*|\s(?:of|on|in|at)\s+|\s+)", re.I)
DAY = re.compile(r"^(\d{4}-\d\d-\d\d)$")
CLOCK_ON_DAY = re.compile(r"^\d{4}-\d\d-\d\d(T(?:\d\d:\d\d|MO|AF|EV|NI))$")
WITHIN_YEAR = re.compile(r"^\d{4}(-(?:Q[1-4]|H[12]|\d\d|SP|SU|FA|WI))$")
YEAR = re.compile(r"^\d{4}$")
# Patterns of the dates grammar that move the publication date back or ahead ("a year earlier").
SHIFT_PATTERNS = {"unit_ago"}


def compose(first: dict, second: dict, gap: str, dct: date | None) -> Timex | None:
    """The one TIMEX3 that FIRST and SECOND (rows in text order, GAP the text between them) make
    together, or None when they are two expressions."""
    if not GAP.fullmatch(gap):
        return None
    for rule in (time_on_day, within_year_of_year, shifted_by_years, weekday_of_named_week):
        tx = rule(first, second, gap, dct)
        if tx is not None:
            return tx
    return None


def time_on_day(first: dict, second: dict, gap: str, dct: date | None) -> Timex | None:
    """A clock time or part of day next to a named day ("09:30 GMT Tuesday", "Tuesday, 18:00 GMT"):
    that day at that time. The clock alone was put on the publication date."""
    for clock, day in ((first, second), (second, first)):
        m = CLOCK_ON_DAY.match(clock["value"])
        if clock["type"] == "TIME" and m and day["type"] == "DATE" and DAY.match(day["value"]):
            if " in " in gap.lower() or " of " in gap.lower() or (" at " in gap.lower() and clock is first):
                return None
            return make_date(day["value"] + m[1], clock["relative"] or day["relative"], "TIME")
    return None


def within_year_of_year(first: dict, second: dict, gap: str, dct: date | None) -> Timex | None:
    """A quarter, half, month or season followed by the year it belongs to ("the third quarter of
    last year", "May, 2012", "the summer of next year"): that part of that year."""
    m = WITHIN_YEAR.match(first["value"])
    if not (m and first["type"] == "DATE" and second["type"] == "DATE" and YEAR.match(second["value"])):
        return None
    if gap.strip().lower() not in ("of", ",", "", "in"):
        return None
    return make_date(second["value"] + m[1], first["relative"] or second["relative"])


def shifted_by_years(first: dict, second: dict, gap: str, dct: date | None) -> Timex | None:
    """A unit followed by a shift of whole years ("the same month a year earlier", "the first quarter
    two years ago"): that unit moved by the shift."""
    if dct is None or second.get("_pattern") not in SHIFT_PATTERNS or gap.strip():
        return None
    if not YEAR.match(second["value"]) or first["type"] != "DATE":
        return None
    m = re.match(r"^(\d{4})(-.+)?$", first["value"])
    if not m or not m[2] or m[2].startswith("-W"):
        return None
    years = int(second["value"]) - dct.year
    return make_date(f"{int(m[1]) + years:04d}{m[2]}", True)


WEEK = re.compile(r"^(\d{4})-W(\d\d)$")
# the grammar's pattern of a weekday named alone ("Thursday", "last Thursday")
WEEKDAY_PATTERNS = {"weekday_part"}


def weekday_of_named_week(first: dict, second: dict, gap: str, dct: date | None) -> Timex | None:
    """A weekday followed by the week it falls in ("Thursday last week", "Monday of next week"):
    that weekday of that week, which the weekday alone, read by the clause's tense, may miss."""
    if first.get("_pattern") not in WEEKDAY_PATTERNS or gap.strip().lower() not in ("", "of"):
        return None
    day, week = DAY.match(first["value"]), WEEK.match(second["value"])
    if not (day and week and first["type"] == "DATE" and second["type"] == "DATE"):
        return None
    wd = date.fromisoformat(first["value"]).isoweekday()
    return make_date(date.fromisocalendar(int(week[1]), int(week[2]), wd).isoformat(), True)


# ---------------------------------------------------------------- spans no pattern reads whole
# Words that qualify a unit without changing which one it is ("next fiscal year" is next year).
# Likewise "eight trading days" is eight days.
NOISE_WORDS = re.compile(r"\b(?:fiscal|financial|calendar|budget|trading|business|working)\s+", re.I)
WHOLE = re.compile(r"^(?:the\s+)?(?:whole|entire|full)\s+(\w+)$", re.I)
# Not a date: an age ("his 60s", "her early 70s", "52 years old"), a greeting ("Good evening").
NOT_A_DATE = re.compile(r"\b(?:his|her|their|its|my|our|your)\s+(?:early\s+|late\s+|mid-?\s*)?\d0'?s\b|\bold\b"
                        r"|^good\s+(?:morning|afternoon|evening|night)\W*$", re.I)


class KeptReading(NamedTuple):
    """The partial TIMEX3 of a span no pattern reads whole, and the name of its shape (KEPT_SHAPES)."""

    timex: Timex
    shape: str


# The shapes of the spans partial_timex keeps, each named after what it reads:
KEPT_SHAPES = (
    "qualified_unit",          # "next fiscal year", "eight trading days": a unit with a qualifier read without it
    "whole_unit",              # "the whole month": P1M
    "part_of_day",             # "evening", "mid afternoon", "the night": TIME on the day spoken of
    "vague_plural_reference",  # "past years", "future quarters": PAST_REF / FUTURE_REF
    "unit_length",             # "the years", "the first hours", "months ago", "hundreds of years": PXY ...
    "bare_plural_unit",        # "for months", "months of talks": a length of unknown count
    "generic_plural_unit",     # "on days when prices fall": a kind of day, no time (TimeML leaves it out)
    "day_spoken_of",           # "the day", "later in the day", "the eighth day": the day the text names
    "unit_of_unknown_place",   # "the week", "earlier in the year": the unit, in the publication year
    "named_month",             # "the month of Ramadan in May": XXXX-05
    "vague_reference",         # "a later date": FUTURE_REF
)


def partial_timex(text: str, dct: date | None, kind: str, lexicon: dict, before: str,
                  normalize: Callable[[str], Timex | None]) -> KeptReading | None:
    """The most specific honest TIMEX3 of TEXT, a span the model calls KIND (DATE or TIME) that the
    grammar (NORMALIZE) and dateparser could not read whole (BEFORE: the word before it, with a
    space), with the name of its shape; None for ages, greetings and spans
    with no temporal word ("Olympic", "as little as 99 cents")."""
    if NOT_A_DATE.search(before + text) or not has_temporal_word(text, lexicon):
        return None
    if not_a_time_of_its_own(before, text):
        return None
    cleaned = NOISE_WORDS.sub("", text)
    if cleaned != text:
        tx = normalize(cleaned)
        if tx is not None:
            return KeptReading(tx, "qualified_unit")
    for guess in (whole_unit, part_of_day, vague_plural_reference, unit_only, named_month, vague_reference):
        tx = guess(cleaned, dct, lexicon)
        if tx is not None:
            return KeptReading(tx, unit_shape(cleaned, before, tx) if guess is unit_only else guess.__name__)
    # nothing read: no unit, no place in the calendar ("Third-period", "quarter-century"); a bare
    # XXXX says nothing and almost never matches what an annotator marks
    return None


def unit_shape(text: str, before: str, tx: Timex) -> str:
    """The shape of a span whose only temporal word is a unit (unit_only read it as TX)."""
    if tx.type != "DURATION":
        return "day_spoken_of" if tx.granularity == "day" or re.search(r"(?i)\bday\b", text) else "unit_of_unknown_place"
    if len(text.split()) > 1:
        return "unit_length"
    # "on days when prices fall": after "on" a bare plural unit is a kind of day, not a length
    return "generic_plural_unit" if before.strip().lower() == "on" else "bare_plural_unit"


# A fraction ("a quarter of the market", "more than a quarter"), a kind of period ("from a fiscal year
# to a calendar year"), or one's period ("Kellogg's year", "the company's quarter"): a unit, not a time.
FRACTION_OR_KIND = re.compile(r"^(?:(?:more|less|fewer)\s+than\s+|nearly\s+|almost\s+|about\s+)?an?\s+"
                              r"(?:(?:fiscal|financial|calendar|budget)\s+)?\w+$|^\w+-(?:quarter|period|century)\b", re.I)
POSSESSOR = re.compile(r"(?:'s|s')\s*$")


def not_a_time_of_its_own(before: str, text: str) -> bool:
    """Whether TEXT (a model span no pattern read) names a unit as a fraction, a kind or someone's period
    rather than a time: "a quarter", "more than a quarter", "a fiscal year", "four-quarter", "Kellogg's year"."""
    return bool(FRACTION_OR_KIND.match(text.strip()) or (POSSESSOR.search(before) and len(text.split()) == 1))


# "past years", "future quarters": a plural unit with a past or future adjective and no determiner
# points back or ahead (TimeML PAST_REF / FUTURE_REF); "the past five years" is a duration (a pattern's).
VAGUE_PLURAL = re.compile(r"^(?P<adj>past|future|earlier|later|previous|prior|coming|upcoming)\s+(?P<unit>[a-z]+s)$", re.I)


def vague_plural_reference(text: str, dct: date | None, lexicon: dict) -> Timex | None:
    """"past years" PAST_REF, "future quarters" FUTURE_REF."""
    m = VAGUE_PLURAL.match(text.strip())
    if not m or m["unit"].lower() not in lexicon["units"]:
        return None
    ahead = m["adj"].lower() in ("future", "later", "coming", "upcoming")
    return Timex("DATE", "FUTURE_REF" if ahead else "PAST_REF")


def has_temporal_word(text: str, lexicon: dict) -> bool:
    """Whether TEXT holds a word that names time: a unit, month, weekday, season, part of day or one
    of the lexicon's temporal nouns; or a decade or century number."""
    if re.search(r"\d0'?s\b|\d(?:st|nd|rd|th)\b|\d:\d\d", text):
        return True
    vocab = ("units", "months", "weekdays", "seasons", "day_parts")
    return any(w in lexicon[k] for w in _words(text) for k in vocab) or any(
        w in lexicon["temporal_nouns"] for w in _words(text))


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())


def whole_unit(text: str, dct: date | None, lexicon: dict) -> Timex | None:
    """"the whole month", "the entire year": one unit's length."""
    m = WHOLE.match(text.strip())
    unit = lexicon["units"].get(m[1].lower()) if m else None
    if unit is None:
        return None
    value = f"PT1{unit}" if unit in ("H", "S") else "PT1M" if unit == "MIN" else f"P1{unit}"
    return Timex("DURATION", value, GRANULARITY.get(unit))


def part_of_day(text: str, dct: date | None, lexicon: dict) -> Timex | None:
    """"evening", "the morning": that part of the day the text speaks of, the publication day when
    it names none (TimeML: 2013-03-18TEV)."""
    words = _words(text)
    parts = [lexicon["day_parts"][w] for w in words if w in lexicon["day_parts"]]
    if not parts or len(words) > 3:
        return None
    day = dct.isoformat() if dct else "XXXX-XX-XX"
    return make_date(f"{day}T{parts[0]}", dct is not None, "TIME")


def unit_only(text: str, dct: date | None, lexicon: dict) -> Timex | None:
    """A span whose only temporal word is a unit: plural, a vague length ("the years" PXY); singular,
    a unit of unknown place ("the day" XXXX-XX-XX)."""
    words = _words(text)
    # "the second day": "second" before another unit is the ordinal, not the unit of time
    units = [w for i, w in enumerate(words) if w in lexicon["units"]
             and not (w == "second" and i + 1 < len(words) and words[i + 1] in lexicon["units"])]
    if len(units) != 1:
        return None
    unit = lexicon["units"][units[0]]
    if units[0].endswith("s") and unit not in ("S",):
        value = {"H": "PTXH", "MIN": "PTXM"}.get(unit, f"PX{unit}")
        return Timex("DURATION", value, GRANULARITY.get(unit))
    if unit == "D" and re.match(r"(?i)(?:(?:about|almost|nearly|more than|less than)\s+)?(?:an?|one)\b", text.strip()):
        return None  # "a good day", "one day": a day of no place in the calendar
    if unit == "D" and dct is not None:
        # "later in the day", "the second day of the strike": the day the text speaks of, the
        # publication day unless it named another before (the component moves it there)
        return make_date(dct.isoformat(), True)
    # the unit is named, not which one; news speaks of its own year ("the week" in 1989: 1989-WXX)
    year = f"{dct.year}" if dct else "XXXX"
    values = {"Y": year, "DE": "XXX", "CE": "XX", "Q": f"{year}-QX", "M": f"{year}-XX", "W": f"{year}-WXX",
              "WE": f"{year}-WXX-WE", "D": "XXXX-XX-XX"}
    if unit not in values:
        return None
    return make_date(values[unit], dct is not None and unit != "D") if values[unit][:1].isdigit() and \
        unit == "Y" else Timex("DATE", values[unit], GRANULARITY.get(unit))


def vague_reference(text: str, dct: date | None, lexicon: dict) -> Timex | None:
    """A span that points back or ahead without a unit ("a later date", "earlier times"): PAST_REF or FUTURE_REF."""
    words = set(_words(text))
    if words & {"later", "future", "coming", "upcoming"}:
        return Timex("DATE", "FUTURE_REF")
    if words & {"earlier", "past", "previous", "former", "recent", "ago"}:
        return Timex("DATE", "PAST_REF")
    return None


def named_month(text: str, dct: date | None, lexicon: dict) -> Timex | None:
    """A span that names a month among other words ("the month of Ramadan in May"): that month, year unknown."""
    months = [lexicon["months"][w] for w in _words(text) if w in lexicon["months"] and len(w) > 3]
    return Timex("DATE", f"XXXX-{months[0]:02d}", "month") if len(months) == 1 else None


def strip_private(row: dict[str, Any]) -> dict[str, Any]:
    """ROW without the keys the component keeps for itself while composing (those starting with _)."""
    return {k: v for k, v in row.items() if not k.startswith("_")}
