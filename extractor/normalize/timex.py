"""TimeML TIMEX3 normalisation: temporal expressions in English news -> type, value and calendar span."""
from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

from ..resources import models_dir
from .numbers import LEXICON_FILES as NUMBER_FILES
from .numbers import Lexicon as NumberLexicon
from .numbers import lexicon as number_lexicon
from .numbers import parse_figure
from .pattern_readings import READINGS_FILE, Reading, load_readings, readings_of, write_readings
from .triggers import UNBOUNDED, TriggerText, barriers

PAST, FUTURE = "past", "future"
# How far ahead of the publication date a month and day named in a past-tense clause may still lie.
NEAR_FUTURE_DAYS = 60

GRANULARITY = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "DE": "decade", "CE": "century"}
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
SEASON_ORDER = ["WI", "SP", "SU", "FA"]


@dataclass(frozen=True)
class Timex:
    """One normalised temporal expression (the columns of the dates table without the offsets)."""

    type: str
    value: str
    granularity: str | None = None
    range_start: str | None = None
    range_end: str | None = None
    relative: bool = False

    def as_dict(self) -> dict[str, Any]:
        # written out: dataclasses.asdict copies every field recursively, several times slower
        return {"type": self.type, "value": self.value, "granularity": self.granularity,
                "range_start": self.range_start, "range_end": self.range_end, "relative": self.relative}


# ---------------------------------------------------------------- calendar arithmetic
def add_months(d: date, months: int) -> date:
    """D moved by MONTHS calendar months (the day clipped to the target month's length)."""
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def shift_quarter(year: int, q: int, by: int) -> tuple[int, int]:
    y, q0 = divmod(year * 4 + q - 1 + by, 4)
    return y, q0 + 1


def season_of(d: date) -> str:
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(d.month, "FA")


@lru_cache(maxsize=4096)
def calendar_range(value: str) -> tuple[str | None, str | None, str | None]:
    """(range_start, range_end, granularity) of a TimeML DATE/TIME value; Nones when it names no
    calendar span (durations, sets, PRESENT_REF, values with X in the year). Cached: an article
    names the same few days, months and years again and again."""
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(T.*)?", value)
    if m:
        d = date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        return d, d, "day"
    m = re.fullmatch(r"(\d{4})-(\d\d)", value)
    if m:
        y, mo = int(m[1]), int(m[2])
        return date(y, mo, 1).isoformat(), date(y, mo, calendar.monthrange(y, mo)[1]).isoformat(), "month"
    m = re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value)
    if m:
        y, w = int(m[1]), int(m[2])
        start = date.fromisocalendar(y, w, 6 if m[3] else 1)
        return start.isoformat(), date.fromisocalendar(y, w, 7).isoformat(), "week"
    m = re.fullmatch(r"(\d{4})-([QH])(\d)", value)
    if m:
        y, n = int(m[1]), int(m[3])
        first = (n - 1) * (3 if m[2] == "Q" else 6) + 1
        last = first + (2 if m[2] == "Q" else 5)
        return date(y, first, 1).isoformat(), date(y, last, calendar.monthrange(y, last)[1]).isoformat(), "quarter"
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
    if m:
        y, (a, b) = int(m[1]), SEASON_MONTHS[m[2]]
        yb = y + 1 if b < a else y
        return date(y, a, 1).isoformat(), date(yb, b, calendar.monthrange(yb, b)[1]).isoformat(), "quarter"
    if re.fullmatch(r"\d{4}", value):
        return f"{value}-01-01", f"{value}-12-31", "year"
    m = re.fullmatch(r"(\d{3})X?", value)
    if m:
        return f"{m[1]}0-01-01", f"{m[1]}9-12-31", "decade"
    m = re.fullmatch(r"(\d{2})X{0,2}", value)
    if m:
        return f"{m[1]}00-01-01", f"{m[1]}99-12-31", "century"
    return None, None, None


def unknown_unit(unit: str) -> Timex | None:
    """"last month" with no publication date: the unit is known, not which one (XXXX-XX)."""
    values = {"Y": "XXXX", "DE": "XXXX", "CE": "XXXX", "Q": "XXXX-QX", "M": "XXXX-XX", "W": "XXXX-WXX",
              "WE": "XXXX-WXX-WE", "D": "XXXX-XX-XX"}
    return Timex("DATE", values[unit], GRANULARITY.get(unit)) if unit in values else None


def make_date(value: str, relative: bool, type_: str = "DATE") -> Timex:
    """A DATE/TIME timex with its calendar span filled from the value."""
    start, end, gran = calendar_range(value)
    if gran is None:
        gran = {"W": "week"}.get(value[5:6]) if re.match(r"XXXX-W", value) else None
    return Timex(type_, value, gran, start, end, relative)


# ---------------------------------------------------------------- resolving partial dates
def easter(year: int) -> date:
    """Easter Sunday of YEAR (the Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


WEEKDAY_CODES = {"MO": 1, "TU": 2, "WE": 3, "TH": 4, "FR": 5, "SA": 6, "SU": 7}


def holiday_date(spec: str, year: int) -> date:
    """The day a holiday SPEC of models/dates/lexicon.json falls on in YEAR: "12-25" (fixed),
    "11-TH4" (the fourth Thursday of November), "05-MO-1" (the last Monday of May),
    "11-TU-after-11-02" (the first Tuesday on or after Nov. 2), "easter-2" (two days before Easter)."""
    m = re.fullmatch(r"easter([+-]\d+)", spec)
    if m:
        return easter(year) + timedelta(days=int(m[1]))
    m = re.fullmatch(r"(\d\d)-(\d\d)", spec)
    if m:
        return date(year, int(m[1]), int(m[2]))
    m = re.fullmatch(r"(\d\d)-([A-Z]{2})-after-(\d\d)-(\d\d)", spec)
    if m:
        start = date(year, int(m[3]), int(m[4]))
        return start + timedelta(days=(WEEKDAY_CODES[m[2]] - start.isoweekday()) % 7)
    m = re.fullmatch(r"(\d\d)-([A-Z]{2})(-?\d)", spec)
    if not m:
        raise ValueError(spec)
    month, wd, n = int(m[1]), WEEKDAY_CODES[m[2]], int(m[3])
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.isoweekday() - wd) % 7)


def resolve_month_day(month: int, day: int, dct: date, direction: str | None, weekday: int | None = None,
                      firm: bool = False) -> date | None:
    """The year of MONTH DAY nearest the publication date, in DIRECTION (past: on or before it, or
    just ahead of it unless FIRM; future: on or after it; None: closest). A written weekday picks
    the year it fits, when one does."""
    return resolve_yearly(lambda y: date(y, month, day), dct, direction, weekday, firm)


def resolve_yearly(day_in: Callable[[int], date], dct: date, direction: str | None, weekday: int | None = None,
                   firm: bool = False) -> date | None:
    """The day DAY_IN(year) nearest the publication date (see resolve_month_day), for a day that
    recurs every year (a month and day, a holiday)."""
    cands = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        try:
            cands.append(day_in(y))
        except ValueError:
            continue
    if not cands:
        return None
    if weekday:
        fitting = [c for c in cands if c.isoweekday() == weekday]
        if len(fitting) == 1:
            return fitting[0]
    if direction == PAST:
        past = [c for c in cands if c <= dct]
        fut = min((c for c in cands if c > dct), default=None)
        # A past-tense clause naming a day a few weeks ahead speaks of a deadline or a schedule
        # ("has set Nov. 10 as the deadline", "payable Dec. 7"), not of that day a year ago.
        if fut is not None and not firm and (fut - dct).days <= NEAR_FUTURE_DAYS:
            return fut
        return max(past) if past else min(cands)
    if direction == FUTURE:
        fut = [c for c in cands if c >= dct]
        return min(fut) if fut else max(cands)
    past = max((c for c in cands if c <= dct), default=None)
    fut = min((c for c in cands if c > dct), default=None)
    if past is None or (fut is not None and 2 * (fut - dct).days <= (dct - past).days):
        return fut
    return past


def resolve_month(month: int, dct: date, direction: str | None) -> tuple[int, int]:
    """(year, month) of a month named without a year, relative to the publication date."""
    cur = dct.year * 12 + dct.month - 1
    cands = [(y * 12 + month - 1) for y in (dct.year - 1, dct.year, dct.year + 1)]
    past = max(c for c in cands if c <= cur)
    fut = min(c for c in cands if c > cur)
    if direction == PAST:
        pick = past
    elif direction == FUTURE:
        pick = min(c for c in cands if c >= cur)
    else:
        pick = fut if 2 * (fut - cur) <= cur - past else past
    return pick // 12, pick % 12 + 1


def resolve_weekday(weekday: int, dct: date, direction: str | None, rel: str | None = None) -> date:
    """The date of a weekday named without a date: the nearest such day on or before the publication
    date (on or after it when the verb points to the future); "last"/"next" exclude the day itself."""
    delta = weekday - dct.isoweekday()
    if rel in ("next", "coming", "this coming"):
        return dct + timedelta(days=delta % 7 or 7)
    if rel in ("last", "past", "this past", "the previous", "the preceding"):
        return dct - timedelta(days=(-delta) % 7 or 7)
    # News names the publication day itself by its weekday ("officials said Friday").
    if direction == FUTURE:
        return dct + timedelta(days=delta % 7)
    return dct - timedelta(days=(-delta) % 7)


# ---------------------------------------------------------------- anaphoric expressions
# What an earlier value must name for "that <unit>" to take its unit from it.
REFERENCE_SHAPES = {
    "Y": r"\d{4}(?!\d)",
    "Q": r"\d{4}-(?:Q[1-4]|\d\d)",
    "M": r"\d{4}-\d\d",
    "W": r"\d{4}-(?:W\d\d|\d\d-\d\d)",
    "D": r"\d{4}-\d\d-\d\d",
}


def anaphor_value(unit: str, offset: int, ref: str) -> str | None:
    """The value of "that year" / "the same month" / "the following day" (UNIT "Y", "Q", "M", "W", "D";
    OFFSET 0 or +1) when the text last named REF (a TimeML value precise to UNIT at least)."""
    if not re.match(REFERENCE_SHAPES.get(unit, "$^"), ref):
        return None
    y = int(ref[:4])
    if unit == "Y":
        return f"{y + offset:04d}"
    m = re.match(r"\d{4}-(Q([1-4])|W(\d\d)|(\d\d))(?:-(\d\d))?", ref)
    if unit == "Q":
        q = int(m[2]) if m[2] else (int(m[4]) - 1) // 3 + 1
        yy, qq = shift_quarter(y, q, offset)
        return f"{yy}-Q{qq}"
    if unit == "M":
        d = add_months(date(y, int(m[4]), 1), offset)
        return f"{d.year}-{d.month:02d}"
    if unit == "W":
        d = date.fromisocalendar(y, int(m[3]), 1) if m[3] else date(y, int(m[4]), int(m[5]))
        return week_value(d + timedelta(weeks=offset))
    if unit == "D":
        return (date(y, int(m[4]), int(m[5])) + timedelta(days=offset)).isoformat()
    return None


def anaphor_unit(groups: dict[str, str], units: dict[str, str]) -> str:
    """The unit an anaphor ("that year", "the following day", "that night") takes from the date the
    text named before it: its unit word's, or a day for a part of day."""
    return "D" if "part" in groups and "unit" not in groups else units[groups["unit"].lower()]


# ---------------------------------------------------------------- numbers
def day_ordinals(figures_numbers: dict) -> dict[str, int]:
    """The ordinal words of the days of a month, "first" to "thirty-first" ("March eighth", "the
    twenty-first of June"), built from the ordinals and tens of models/figures/numbers.json."""
    ordinals = {w: n for w, n in figures_numbers["ordinals"].items() if n <= 31}
    out = dict(ordinals)
    for ten, t in figures_numbers["tens"].items():
        out.update({f"{ten}-{w}": t + n for w, n in ordinals.items() if t in (20, 30) and n < 10 and t + n <= 31})
    return out


def date_numbers(figures_numbers: dict, extras: dict[str, float]) -> dict[str, float]:
    """The number words of the dates grammar: the plain ones from models/figures/numbers.json (their
    one home: units, tens, "hundred", "dozen" and the exact determiners "a couple (of)") plus the
    few only date phrases use (EXTRAS: "a week", "half an hour")."""
    words: dict[str, float] = {}
    words.update(figures_numbers["units"])
    words.update(figures_numbers["tens"])
    words.update({w: figures_numbers["scales"][w] for w in ("hundred",)})
    words.update({w: figures_numbers["groups"][w] for w in ("dozen",)})
    # vague_determiners holds [low, high] per word; an exact one ("couple": [2, 2]) is a count the
    # dates grammar reads after "a" ("a couple of weeks"), a vague one ("several") is not.
    for word, (low, high) in figures_numbers["vague_determiners"].items():
        if low == high:
            words[f"a {word}"] = words[f"a {word} of"] = low
    words.update(extras)
    return {k: float(v) for k, v in words.items()}


def parse_number(s: str, numbers: dict[str, float], vague: Iterable[str] = (),
                 lex: NumberLexicon | None = None) -> float | str | None:
    """A count written in digits or words ("2 1/2", "twenty-four", "a couple of"); "X" for vague
    counts ("several", "a few"); None when it is not a count. The words only date phrases count
    with ("a week", "half an hour") are NUMBERS' (date_numbers); any other number is read by the
    figures' number reader (extractor.normalize.numbers, with its lexicon LEX: the default one
    when None), the one reader of numbers of the project."""
    s = s.strip()
    low = s.lower()
    if low in {v.lower() for v in vague}:
        return "X"
    if low in numbers:
        return numbers[low]
    figure = parse_figure(s, lex or number_lexicon())
    return figure.value if figure is not None and figure.value_max is None else None


def duration_value(n: float | str, unit: str) -> str | None:
    """A TimeML duration value: (3, "Y") -> "P3Y", (2.5, "Y") -> "P2Y6M", ("X", "D") -> "PXD",
    (30, "MIN") -> "PT30M", (3, "DE") -> "P30Y"."""
    if n == "X":
        return {"H": "PTXH", "MIN": "PTXM", "S": "PTXS", "DE": "PXY", "CE": "PXE",
                "WE": "PXWE"}.get(unit, f"PX{unit}")
    n = float(n)
    if unit == "DE":
        n, unit = n * 10, "Y"
    elif unit == "CE":
        n, unit = n * 100, "Y"
    elif unit == "Q" and n != int(n):
        n, unit = n * 3, "M"
    elif unit == "WE":
        return f"P{int(n)}WE" if n == int(n) else None
    if n == int(n):
        n = int(n)
        return f"PT{n}{'M' if unit == 'MIN' else unit}" if unit in ("H", "MIN", "S") else f"P{n}{unit}"
    whole, frac = int(n), n - int(n)
    smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60), "MIN": ("S", 60)}
    if unit not in smaller:
        return None
    small, k = smaller[unit]
    sub = round(frac * k)
    if unit in ("H", "MIN") or (unit == "D" and small == "H"):
        head = f"{whole}{'M' if unit == 'MIN' else unit}" if whole else ""
        if unit == "D":
            return f"P{whole}DT{sub}H" if whole else f"PT{sub}H"
        return f"PT{head}{sub}{small}"
    return f"P{whole}{unit}{sub}{small}" if whole else f"P{sub}{small}"


def shift(dct: date, n: int, unit: str) -> tuple[str, str]:
    """(value, granularity) of the publication date moved by N units (negative: back)."""
    if unit == "D":
        return (dct + timedelta(days=n)).isoformat(), "day"
    if unit == "W" or unit == "WE":
        return week_value(dct + timedelta(weeks=n)), "week"
    if unit == "M":
        return add_months(dct, n).isoformat()[:7], "month"
    if unit == "Q":
        y, q = shift_quarter(dct.year, quarter_of(dct), n)
        return f"{y}-Q{q}", "quarter"
    if unit == "Y":
        return str(dct.year + n), "year"
    if unit == "DE":
        return f"{(dct.year + 10 * n) // 10}X", "decade"
    if unit == "CE":
        return f"{(dct.year + 100 * n) // 100:02d}", "century"
    return dct.isoformat(), "day"


# the year "this year", "last year" and "next year" name, from the publication year
YEAR_OFFSETS = {"this": 0, "last": -1, "next": 1}


# ---------------------------------------------------------------- the grammar
def _alt(words: Iterable[str], flags: str = "i") -> str:
    """A regex alternation of WORDS, longest first, spaces matching any whitespace; words of one
    length in alphabetical order, so that a grammar's regexes are the same in every process (a set's
    order moves with the hash seed: pattern_readings keeps readings by the regex's source)."""
    ws = sorted(set(words), key=lambda w: (-len(w), w))
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ws)
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


def _cap_forms(words: Iterable[str]) -> list[str]:
    return [f for w in words for f in (w.capitalize(), w.upper())]


def _placeholders(lex: dict, numbers: Iterable[str]) -> dict[str, str]:
    months_full = [m for m in lex["months"] if len(m) > 4 or m in ("may", "june", "july")]
    abbrevs = [m for m in lex["months"] if m not in months_full]
    month = "(?:" + "|".join(sorted(_cap_forms(months_full), key=len, reverse=True)) + "|" + \
        "|".join(f"{a}\\.?" for a in sorted(_cap_forms(abbrevs), key=len, reverse=True)) + ")"
    month_dotted = "(?:" + "|".join(sorted(_cap_forms(months_full), key=len, reverse=True)) + "|" + \
        "|".join(f"{a}\\." for a in sorted(_cap_forms(abbrevs), key=len, reverse=True)) + ")"
    wd_full = [w for w in lex["weekdays"] if w.endswith("day")]
    weekday = "(?:" + "|".join(sorted(_cap_forms(wd_full), key=len, reverse=True)) + "|(?:Tues|Thurs|Wed|Fri|Mon)\\.)"
    tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    ones = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    word_num = (f"(?i:(?:{'|'.join(tens)})(?:[- ](?:{'|'.join(ones)}))?|(?:a|one|two|three|four|five)\\s+hundred"
                f"(?:\\s+(?:and\\s+)?(?:{'|'.join(tens + teens + ones)}))?|"
                + r"a\s+dozen|"
                + "|".join(sorted((k.replace(" ", r"\s+") for k in numbers), key=len, reverse=True)) + ")")
    num = f"(?:\\d{{1,3}}(?:,\\d{{3}})+|\\d+(?:\\.\\d+)?(?:[\\s-]1/2)?|{word_num})"
    year_words = (f"(?i:(?:the\\s+year\\s+)?nineteen[- ](?:(?:{'|'.join(tens)})(?:[- ](?:{'|'.join(ones)}))?|"
                  f"{'|'.join(teens)}|hundred)|(?:the\\s+year\\s+)?two\\s+thousand(?:\\s+(?:and\\s+)?"
                  f"(?:{'|'.join(teens + ones)}))?)")
    return {
        "YEAR": "(?:1[0-9]\\d\\d|20\\d\\d)",
        "YEAR_WORDS": year_words,
        "DAY": "(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\\d)",
        # "twenty-first" or "twenty first"
        "DAY_WORD": "(?i:" + "|".join(re.escape(w).replace(r"\-", "[- ]") for w in
                                      sorted(lex.get("day_ordinals", {}), key=len, reverse=True)) + ")",
        "MONTH": month,
        "MONTH_FULL": month_dotted,
        "MONTH_BARE": "(?:" + "|".join(sorted(_cap_forms(months_full), key=len, reverse=True)) + ")",
        "WEEKDAY": weekday,
        "WEEKDAY_PLURAL": "(?:" + "|".join(f + "s" for f in _cap_forms(wd_full)) + ")",
        "CLOCK": "(?:\\d{1,2}(?::[0-5]\\d)?\\s*(?:a\\.m\\.|p\\.m\\.|a\\.m\\b|p\\.m\\b|am\\b|pm\\b|AM\\b|PM\\b|A\\.M\\.|P\\.M\\.)"
                 "|(?i:noon|midnight|midday)|\\d{1,2}\\s+o'clock)",
        "NUM": num,
        "VAGUE": _alt(lex["vague_numbers"]),
        "UNIT": _alt(lex["units"]),
        "MOD": _alt(lex["modifiers"]),
        "DDET": _alt(lex["duration_determiners"]),
        "EDGE": "(?:" + _alt([e for e in lex["edge_words"] if not e.endswith("-")]) + "|(?i:mid-|the\\s+mid-))",
        "REF": _alt(lex["refs"]),
        "SET": _alt(lex["sets"]),
        "SEASON": _alt(lex["seasons"]),
        "HOLIDAY": _alt(k for k in lex["holidays"] if not k.startswith("_")),
    }


@dataclass(frozen=True)
class Pattern:
    id: str
    handler: str
    regex: re.Pattern


@dataclass(frozen=True)
class Candidate:
    """A pattern match in a text: char offsets, the pattern and its named groups."""

    start: int
    end: int
    pattern: str
    groups: tuple[tuple[str, str], ...]


def year_range_candidates(m: re.Match) -> list[Candidate]:
    """A year range ("2011-2012", "1968-69") is two years, each a DATE of its own; none when the
    second does not come after the first (a score, a code: "1999-1997")."""
    first = m["year"]
    second = m["year2"] if len(m["year2"]) == 4 else first[:2] + m["year2"]
    if not int(first) < int(second) <= int(first) + 30:
        return []
    return [Candidate(m.start("year"), m.end("year"), "year", (("year", first),)),
            Candidate(m.start("year2"), m.end("year2"), "year", (("year", second),))]


class Grammar:
    """Temporal-expression patterns (regexes over text, filled from a lexicon) and the normalisers
    that turn their matches into TIMEX3 values. Built from models/dates by `load_grammar`."""

    # A text this short is searched whole by every pattern its triggers let through: finding the
    # stretches around its triggers would cost more than the regexes save by skipping the rest (the
    # stretches only say where matches can be, so the matches are the same). Measured: the two cost
    # the same at about 250-300 characters of news; a one-sentence text (150) is 18% faster whole.
    whole_search_chars = 300

    def __init__(self, lexicon: dict, patterns: Iterable[dict], numbers: dict[str, float],
                 number_lex: NumberLexicon | None = None, kept_readings: dict[str, Reading] | None = None):
        self.lex = lexicon
        self.numbers = numbers
        self.number_lex = number_lex
        ph = _placeholders(lexicon, numbers)
        self.patterns: list[Pattern] = []
        for p in patterns:
            src = re.sub(r"\{([A-Z_]+)\}", lambda m: ph[m[1]], p["pattern"])
            # Matches start at a word start only; saying so first lets the engine skip most positions fast.
            self.patterns.append(Pattern(p["id"], p["handler"], re.compile(r"(?<!\w)(?:" + src + ")")))
        # What each regex says before any text is searched (pattern_readings: kept in models/dates/
        # readings.json, KEPT_READINGS, else worked out now from its parse tree):
        readings = readings_of([p.regex for p in self.patterns], kept_readings or {})
        # the words one of which each pattern's matches hold: a text without them skips the pattern
        self.use_triggers([r.found for r in readings], [r.required for r in readings])
        # characters no pattern can match (see barrier_chars): worked out when a text is first cut
        self._barriers: str | None = None
        # how many words either side of a trigger each pattern's matches can reach
        self.reach = [r.reach for r in readings]
        # and how many before and after the words of each trigger set it may be searched around,
        # where the regex says (see side_reach): a duration reaches far before its unit, little after
        self.side_reach = [r.side for r in readings]
        self.by_id = {p.id: p for p in self.patterns}
        # "two to three weeks": the count before a duration's, read back from the duration found (a
        # pattern of its own would be searched through every text)
        self.range_lower = re.compile(r"(?<!\w)(?:(?P<det>" + ph["DDET"] + r")\s+)?(?P<lower>" + ph["NUM"]
                                      + r")\s+(?:to|or)\s+\Z")
        self.units = {k.lower(): v for k, v in lexicon["units"].items()}
        self.months = lexicon["months"]
        self.weekdays = lexicon["weekdays"]

    @property
    def barriers(self) -> str:
        """The characters no pattern can match: a text is searched piece by piece between them.
        Reading every pattern's parse tree takes about 36 ms, and only a pattern with triggers and no
        bound on its reach is ever searched by pieces (none shipped is): so it is done when first asked."""
        if self._barriers is None:
            self._barriers = barriers([p.regex for p in self.patterns])
        return self._barriers

    @barriers.setter
    def barriers(self, chars: str) -> None:
        self._barriers = chars

    def barrier_chars(self) -> str:
        """self.barriers, as the callable TriggerText asks only when it cuts a text."""
        return self.barriers

    def use_triggers(self, found: list[frozenset[str] | None], required: list[tuple[frozenset[str], ...]]) -> None:
        """Let FOUND (each pattern's triggers, None for none known) and REQUIRED (each pattern's
        sets of words a text must hold one of each, see required_triggers) decide which patterns a
        text is searched with."""
        self.triggers = found
        self.required = required
        # the words a short text is tested for up front (see find)
        self.trigger_words = frozenset().union(*(t for t in found if t is not None), *(r for rs in required for r in rs))
        # the patterns each trigger word lets through, and those every text is searched with
        self.patterns_of = {w: tuple(o for o, t in enumerate(found) if t is not None and w in t)
                            for w in self.trigger_words}
        self.untriggered = tuple(o for o, t in enumerate(found) if t is None)
        self._holding_memo: dict[frozenset[str], list[int]] = {}  # see patterns_holding
        # every string set a pattern's matches must hold a member of: a long text is searched around
        # the set it holds fewest of (see TriggerText.rarest)
        self.window_triggers = [(t, *(r for r in rs if r != t)) if t is not None else None
                                for t, rs in zip(found, required)]

    # ---- finding
    def find(self, text: str) -> list[Candidate]:
        """Non-overlapping matches of all patterns in TEXT: the longest wins, then the earliest
        pattern in the file; starts and ends on word boundaries only."""
        found = []
        whole = [(0, len(text))] if len(text) < self.whole_search_chars else None
        # a short text tests every trigger up front, each once (cheap on a short text); a long one
        # only those of the patterns it is asked about, until one holds
        words = TriggerText(text, self.barrier_chars, self.trigger_words if whole else frozenset())
        for order in self.patterns_to_try(words, whole is not None):
            p = self.patterns[order]
            # every match holds a trigger and lies within the pattern's reach of it (else within one
            # piece between barriers): only those stretches are searched (a search from a stretch's
            # start still sees what precedes it, for the lookbehinds)
            for start, end in whole or self.windows(words, order):
                for m in p.regex.finditer(text, start, end):
                    s, e = m.span()
                    if e <= s or (s > 0 and text[s - 1].isalnum() and text[s].isalnum()):
                        continue
                    if e < len(text) and text[e - 1].isalnum() and text[e].isalnum():
                        continue
                    found.append((s, e, order, m))
        found.sort(key=lambda x: (-(x[1] - x[0]), x[2], x[0]))
        taken: list[tuple[int, int]] = []
        out = []
        for s, e, order, m in found:
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            if self.patterns[order].id == "year_range":
                out += year_range_candidates(m)
                continue
            groups = tuple((k, v) for k, v in m.groupdict().items() if v is not None)
            out.append(Candidate(s, e, self.patterns[order].id, groups))
        out.sort(key=lambda c: c.start)
        return [self.duration_range(text, c, out[k - 1].end if k else 0) if c.pattern == "duration" else c
                for k, c in enumerate(out)]

    def windows(self, words: TriggerText, order: int) -> list[tuple[int, int]]:
        """The stretches of the text of WORDS that hold every match of pattern ORDER: around the
        rarest of its trigger sets, as far before and after as its matches reach from that set."""
        found = words.rarest(self.window_triggers[order])
        reach_words = self.reach[order]
        if reach_words < UNBOUNDED:  # (a test sets UNBOUNDED to search whole texts)
            reach_words = self.side_reach[order].get(found, reach_words)
        return words.windows(found, reach_words)

    def patterns_to_try(self, words: TriggerText, tested_up_front: bool) -> list[int]:
        """The indices, in order, of the patterns whose triggers WORDS may hold (see may_match);
        when it was TESTED_UP_FRONT for every word, those of the triggers present that hold a word
        of each of their required parts too."""
        if tested_up_front and words.exact:
            return self.patterns_holding(words.present)
        return [order for order, found in enumerate(self.triggers) if words.may_match(found)]

    # how many sets of trigger words patterns_holding remembers the answer for (short texts share
    # a few sets: a date and "year", a weekday, nothing; working it out again cost 6% of news_dates
    # on one-sentence texts)
    remembered_sets = 4096

    def patterns_holding(self, present: frozenset[str]) -> list[int]:
        """The indices, in order, of the patterns a text holding exactly the trigger words PRESENT
        may match: their triggers hold one, and each of their required sets does too."""
        memo = self._holding_memo
        got = memo.get(present)
        if got is None:
            live = set(self.untriggered).union(*(self.patterns_of[w] for w in present))
            # "early May": a word of each part ("early", "may"), not only of the most selective one
            got = [order for order in sorted(live) if not any(present.isdisjoint(r) for r in self.required[order])]
            if len(memo) >= self.remembered_sets:
                memo.clear()
            memo[present] = got
        return got

    def duration_range(self, text: str, cand: Candidate, free_from: int) -> Candidate:
        """CAND widened over a lower count before it ("two to three weeks", "the next 12 to 18
        months"): one range of lengths, its count the lower one (the duration handler checks it
        rises); CAND itself when no such count stands after FREE_FROM."""
        groups = dict(cand.groups)
        if "num" not in groups or groups.keys() & {"det", "mod"}:
            return cand
        lo = max(free_from, cand.start - 60)
        m = self.range_lower.search(text, lo, cand.start)
        if m is None:
            return cand
        wider = {**groups, "num": m["lower"], "upper": groups["num"]}
        if m["det"]:
            wider["det"] = m["det"]
        return Candidate(m.start(), cand.end, cand.pattern, tuple(wider.items()))

    # ---- normalising
    def normalize_candidate(self, cand: Candidate, dct: date | None, direction: str | None = None,
                            hints: frozenset[str] = frozenset()) -> Timex | None:
        """The TIMEX3 of one found candidate (None when its groups do not make a valid expression)."""
        handler: Callable = getattr(self, "h_" + self.by_id[cand.pattern].handler)
        g = {k: v for k, v in cand.groups}
        try:
            return handler(g, dct, direction, hints)
        except (ValueError, KeyError, OverflowError):
            return None

    def normalize(self, text: str, dct: date | str | None = None, direction: str | None = None,
                  hints: Iterable[str] = ()) -> Timex | None:
        """The TIMEX3 of TEXT when the whole of it is one temporal expression of the grammar, else None.
        DCT is the publication date; DIRECTION ("past"/"future"/None) is the tense of the clause."""
        if isinstance(dct, str):
            dct = date.fromisoformat(dct[:10])
        cands = self.find(text)
        if len(cands) != 1 or cands[0].start != 0 or cands[0].end != len(text):
            return None
        return self.normalize_candidate(cands[0], dct, direction, frozenset(hints))

    # ---- helpers
    def _count(self, s: str, vague: Iterable[str] = ()) -> float | str | None:
        return parse_number(s, self.numbers, vague, self.number_lex)

    def count(self, s: str) -> float | str | None:
        """The count S names as the grammar reads it ("five" 5, "several" X; None: no count)."""
        return self._count(s, self.lex["vague_numbers"])

    def _month_num(self, s: str) -> int:
        return self.months[s.lower().rstrip(".")]

    def _weekday_num(self, s: str) -> int:
        return self.weekdays[s.lower().rstrip(".").rstrip("s") if s.lower().endswith("days") else s.lower().rstrip(".")]

    def _day_num(self, s: str) -> int:
        """The day of the month S writes: "8", "8th", "eighth", "twenty first"."""
        if s[:1].isdigit():
            return int(re.match(r"\d+", s)[0])
        return self.lex["day_ordinals"][re.sub(r"[\s-]+", "-", s.lower())]

    def _year_num(self, s: str) -> int:
        if s.isdigit():
            return int(s)
        words = re.sub(r"(?i)^the\s+year\s+", "", s).lower()
        if words.startswith("two thousand"):
            rest = re.sub(r"^two\s+thousand\s*(and\s+)?", "", words)
            return 2000 + int(self._count(rest) or 0) if rest else 2000
        m = re.match(r"nineteen[- ](.*)", words)
        if m:
            rest = m[1]
            return 1900 if rest == "hundred" else 1900 + int(self._count(rest))
        raise ValueError(s)

    # ---- handlers: (groups, dct, direction, hints) -> Timex | None
    def h_date(self, g, dct, direction, hints):
        month = int(g["month_num"]) if "month_num" in g else self._month_num(g["month"])
        day = self._day_num(g["day"])
        weekday = self._weekday_num(g["weekday"]) if "weekday" in g else None
        if "rel" in g and dct is not None:  # "Jan. 1 this year", "March 5 last year"
            y = dct.year + YEAR_OFFSETS[g["rel"].lower().split()[-2]]
            return make_date(date(y, month, day).isoformat(), True)
        if "year" in g:
            y = int(g["year"]) if len(g["year"]) == 4 else (1900 + int(g["year"]) if int(g["year"]) > 30 else 2000 + int(g["year"]))
            return make_date(date(y, month, day).isoformat(), False)
        date(2000, month, day)  # validates the day (2000 is a leap year)
        if dct is None:
            return make_date(f"XXXX-{month:02d}-{day:02d}", False)
        d = resolve_month_day(month, day, dct, direction, weekday, firm="ended" in hints)
        return make_date(d.isoformat(), True) if d else None

    def h_week_of(self, g, dct, direction, hints):
        """"the week of March 6": the ISO week holding that day."""
        day = self.h_date(g, dct, direction, hints)
        if day is None or day.value.startswith("X"):
            return Timex("DATE", "XXXX-WXX", "week") if day is not None else None
        return make_date(week_value(date.fromisoformat(day.value)), day.relative)

    def h_week_of_month(self, g, dct, direction, hints):
        """"the second week of May": the ISO week holding most of the month's days 8-14; "the last
        week of May": the one holding most of its last seven days."""
        n = self.lex["ordinals"][g["ord"].lower()]
        month = self.h_month({k: v for k, v in g.items() if k in ("month", "year")}, dct, direction, hints)
        if month is None or month.value.startswith("X"):
            return Timex("DATE", "XXXX-WXX", "week")
        y, m = int(month.value[:4]), int(month.value[5:7])
        last_day = calendar.monthrange(y, m)[1]
        # the ISO week holding the middle day of those seven (most of them)
        first = last_day - 6 if g["ord"].lower() in ("last", "final") else 7 * (n - 1) + 1
        if first + 6 > last_day:
            return None
        return make_date(week_value(date(y, m, first + 3)), month.relative)

    def h_edge_day_of_month(self, g, dct, direction, hints):
        """"the last day of October", "the first day of May 1998": that day of the month read as
        h_month reads it; the month's value with its day unknown when the month has no year."""
        month = self.h_month({k: v for k, v in g.items() if k in ("month", "year")}, dct, direction, hints)
        if month is None:
            return None
        if month.value.startswith("X"):
            return make_date(f"{month.value}-XX", False)
        y, m = int(month.value[:4]), int(month.value[5:7])
        day = calendar.monthrange(y, m)[1] if g["edge"].lower() in ("last", "final") else 1
        return make_date(date(y, m, day).isoformat(), month.relative)

    def h_unknown_day(self, g, dct, direction, hints):
        """"the 45th day" (of a strike, a siege): a day, which one the text does not say on its own."""
        return Timex("DATE", "XXXX-XX-XX", "day")

    def h_year(self, g, dct, direction, hints):
        y = self._year_num(g["year"])
        return make_date(f"{y:04d}", False)

    def h_month(self, g, dct, direction, hints):
        m = self._month_num(g["month"])
        if "year" in g:
            return make_date(f"{self._year_num(g['year'])}-{m:02d}", False)
        rel = re.sub(r"\s+", " ", g.get("rel", "")).lower()
        if dct is None:
            return make_date(f"XXXX-{m:02d}", False)
        if rel.endswith("year"):
            # "March last year": the month of the year named, wherever the month falls in this one
            return make_date(f"{dct.year + YEAR_OFFSETS[rel.split()[-2]]}-{m:02d}", True)
        if rel == "this":
            y = dct.year
        elif rel in ("last", "this past", "the past", "past"):
            y = dct.year if m < dct.month else dct.year - 1
        elif rel in ("next", "this coming", "coming"):
            y = dct.year if m > dct.month else dct.year + 1
        else:
            y, m = resolve_month(m, dct, direction)
        return make_date(f"{y}-{m:02d}", True)

    def h_season(self, g, dct, direction, hints):
        se = self.lex["seasons"][g["season"].split()[-1].lower()]
        if "year" in g:
            return make_date(f"{self._year_num(g['year'])}-{se}", False)
        if dct is None:
            return make_date(f"XXXX-{se}", False)
        if "relyear" in g:  # "the spring of next year": that year's season
            y = dct.year + {"last": -1, "next": 1}.get(g["relyear"].lower(), 0)
            return make_date(f"{y}-{se}", True)
        rel = re.sub(r"\s+", " ", g.get("rel", "this")).lower()
        cur = SEASON_ORDER.index(season_of(dct))
        idx = SEASON_ORDER.index(se)
        base = dct.year if not (dct.month == 12) else dct.year + 1  # December belongs to next year's winter
        if rel in ("last", "this past", "the past", "past"):
            y = base if idx < cur else base - 1
        elif rel in ("next", "this coming", "coming"):
            y = base if idx > cur else base + 1
        else:
            y = base
        if se == "WI":
            y -= 1  # the winter named by a year starts in that year's December
        return make_date(f"{y}-{se}", True)

    def h_weekday(self, g, dct, direction, hints):
        wd = self._weekday_num(g["weekday"])
        rel = re.sub(r"\s+", " ", g.get("rel", "")).lower() or None
        part = self.lex["day_parts"].get(g.get("part", "").lower())
        if dct is None:
            return make_date(f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""), False, "TIME" if part else "DATE")
        # resolve_weekday reads REL first: "last"/"the previous" Friday is behind whatever the tense
        d = resolve_weekday(wd, dct, direction, rel)
        # "Monday morning": a part of that day, a TIME in TimeML (2013-03-18TMO), as TimeBank and MEANTIME
        # annotate it; AQUAINT gives the day, typed DATE. The component's option part_of_day_time chooses.
        if part and "part_of_day_time" in hints:
            return make_date(f"{d.isoformat()}T{part}", True, "TIME")
        return make_date(d.isoformat(), True)

    def h_anchor(self, g, dct, direction, hints):
        a = re.sub(r"\s+", " ", g["anchor"].lower())  # "the day  after tomorrow"
        part = self.lex["day_parts"].get(g.get("part", "").lower())
        if a == "tonight":
            part = "NI"
        if a in ("this", "today", "tonight"):
            off = 0
        elif a == "last":
            off, part = -1, part or "NI"
            if part != "NI":
                return None
        else:
            off = self.lex["anchors"][a]
        if dct is None:
            return None
        d = dct + timedelta(days=off)
        if part:
            return make_date(f"{d.isoformat()}T{part}", True, "TIME")
        return make_date(d.isoformat(), True)

    def h_part_of_day(self, g, dct, direction, hints):
        """"in the morning", "during the night": that part of the day the text speaks of, taken as the
        publication day (TimeML: 2013-03-20TMO); of an unknown day without one."""
        part = self.lex["day_parts"][g["part"].lower()]
        if dct is None:
            return Timex("TIME", f"XXXX-XX-XXT{part}", "day")
        return make_date(f"{dct.isoformat()}T{part}", True, "TIME")

    def h_time(self, g, dct, direction, hints):
        clock = g["clock"].lower().replace(" ", "")
        if clock in ("noon", "midday"):
            hh, mm = 12, 0
        elif clock == "midnight":
            # midnight belongs to the day that ends (AP style; TIDES writes it T24): "expires at
            # midnight Friday" is the end of Friday, not its first minute
            hh, mm = 24, 0
        else:
            # "1904 GMT": a 24-hour clock written without its colon (clock24_compact_zone)
            m = re.match(r"(\d\d)(\d\d)$", clock) or re.match(r"(\d{1,2})(?::(\d\d))?", clock)
            hh, mm = int(m[1]), int(m[2] or 0)
            if hh > 12 and ("a" in clock[m.end():] or "p" in clock[m.end():]):
                return None
            if "p" in clock[m.end():] and hh < 12:
                hh += 12
            elif "a" in clock[m.end():] and hh == 12:
                hh = 0
            if hh > 23:
                return None
        hm = f"T{hh:02d}:{mm:02d}"
        if "month" in g:  # "5 p.m. EST Nov. 9"
            day = self.h_date(g, dct, direction, hints)
            if day is None:
                return None
            return make_date(day.value + hm, day.relative, "TIME")
        if dct is None:
            day = f"XXXX-WXX-{self._weekday_num(g['weekday'])}" if "weekday" in g else "XXXX-XX-XX"
            return Timex("TIME", day + hm, "day", None, None, False)
        if "weekday" in g:
            d = resolve_weekday(self._weekday_num(g["weekday"]), dct, direction)
        elif "anchor" in g:
            a = g["anchor"].lower()
            d = dct + timedelta(days=self.lex["anchors"].get(a, 0))
        else:
            d = dct
        return make_date(d.isoformat() + hm, True, "TIME")

    def h_quarter(self, g, dct, direction, hints):
        unit = g["unit"].lower()
        if "ord" in g:
            letter = "H" if unit == "half" else "Q"
            # "the last half of 1989" is its second half; "the final quarter of 1989" its fourth
            n = {"H": 2, "Q": 4}[letter] if g["ord"].lower() in ("last", "final", "latter") else \
                self.lex["ordinals"][g["ord"].lower()]
            if letter == "H" and n > 2:
                return None
            if unit == "period":
                return None
            if "year" in g or "year1" in g:
                return make_date(f"{g.get('year') or g.get('year1')}-{letter}{n}", False)
            the = (g.get("the") or "").lower()
            if dct is None:
                return make_date(f"XXXX-{letter}{n}", False)
            if "next year" in the:
                return make_date(f"{dct.year + 1}-{letter}{n}", True)
            start_month = (n - 1) * (3 if letter == "Q" else 6) + 1
            y = dct.year
            # A quarter not yet begun this year is last year's, unless the clause looks ahead; the
            # quarter just closed is always the one being reported ("expects fourth-quarter
            # earnings" in January). A quarter under way or over is this year's, even in "expects
            # to report third-quarter earnings".
            if "this year" not in the and start_month > dct.month:
                y = self._year_of_part_not_begun(letter, n, start_month, dct, direction, hints)
            if "last year" in the:
                y = dct.year - 1
            elif "ago" in the or "earlier" in the:
                y -= 1  # "the year-ago third quarter": the same quarter a year before
            return make_date(f"{y}-{letter}{n}", True)
        rel = re.sub(r"\s+", " ", g.get("rel", "")).lower()
        if dct is None:
            return None
        cur_y, cur_q = dct.year, quarter_of(dct)
        if rel in ("this", "the current"):
            y, q = cur_y, cur_q
        elif rel == "next":
            y, q = shift_quarter(cur_y, cur_q, 1)
        else:
            y, q = shift_quarter(cur_y, cur_q, -1)  # the latest reported quarter
        if "ago" in rel or "earlier" in rel or "ago" in g or "last year" in rel:
            y -= 1
        return make_date(f"{y}-Q{q}", True)

    @staticmethod
    def _year_of_part_not_begun(letter: str, n: int, start_month: int, dct: date, direction: str | None,
                                hints: frozenset[str]) -> int:
        """The year of a quarter or half not yet begun this year ("the fourth quarter" in March): the
        quarter just closed when the clause plans or reports ("expects fourth-quarter earnings" in
        January), unless it says "will"; this year's when the clause looks ahead; last year's in the
        past tense; else the nearer of the two (in a summer article, the coming fourth quarter)."""
        just_closed = letter == "Q" and shift_quarter(dct.year, quarter_of(dct), -1) == (dct.year - 1, n)
        if just_closed and "will" not in hints:
            return dct.year - 1
        if direction == FUTURE:
            return dct.year
        if direction == PAST:
            return dct.year - 1
        months_ahead = start_month - dct.month
        months_behind = dct.month - (start_month + (2 if letter == "Q" else 5)) + 12
        return dct.year if months_ahead < months_behind else dct.year - 1

    def h_year_period(self, g, dct, direction, hints):
        """"the 1988 quarter": that year's quarter matching the latest reported one; "the 1988 period": the year."""
        y = int(g["year"])
        # in an earnings report that speaks of quarters, "the 1988 period" is that year's quarter
        # compared, unless its sentence reports a longer period ("the nine months")
        period_is_quarter = g["unit"].lower() == "period" and "quarter" in hints and "year_period" not in hints
        if g["unit"].lower() != "quarter" and not period_is_quarter:
            return make_date(f"{y}", False)
        if dct is None:
            return Timex("DATE", f"{y}-QX", "quarter", None, None, False)
        _, q = shift_quarter(dct.year, quarter_of(dct), -1)
        return make_date(f"{y}-Q{q}", True)

    def h_decade(self, g, dct, direction, hints):
        d = g["decade"].lower().replace("'s", "s")
        words = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}
        if d in words:
            return make_date(f"19{words[d]}X", False)
        if d.startswith("'") or re.fullmatch(r"\d0s", d):
            tens = int(d.lstrip("'")[0])
            cent = "20" if dct is not None and tens * 10 <= dct.year % 100 and dct.year >= 2000 else "19"
            return make_date(f"{cent}{tens}X", False)
        if re.fullmatch(r"1[0-9]00s", d):
            return make_date(d[:2], False)  # "the 1800s": the century of the 1800 years (18), as "the 19th century"
        return make_date(f"{d[:3]}X", False)

    def h_century(self, g, dct, direction, hints):
        n = int(g["cent"])
        if not 1 <= n <= 21:
            return None
        return make_date(f"{n - 1:02d}", False)

    def h_relative(self, g, dct, direction, hints):
        rel = re.sub(r"\s+", " ", g["rel"]).lower()
        unit = self.units[g["unit"].lower()]
        # "over the past year" names last year in the news corpora (TimeBank: DATE 1997 in 1998);
        # "the past decade" is the ten years up to now
        if rel in ("the past", "the last", "the next", "the coming", "past") and unit in ("DE", "CE") \
                and "edge" not in g:
            return Timex("DURATION", duration_value(1, unit), GRANULARITY.get(unit), None, None, False)
        off = self.lex["relative_words"].get(rel, 0)
        if rel in ("the last",):
            off = -1
        if dct is None:
            return unknown_unit(unit)
        if unit == "WE":
            wk = week_value(dct + timedelta(weeks=off) if off else dct)
            return make_date(f"{wk}-WE", True)
        value, _ = shift(dct, off, unit)
        return make_date(self._half_of_year(value, unit, g), True)

    def _half_of_year(self, value: str, unit: str, g: dict) -> str:
        """VALUE, a year, narrowed to the half its edge names ("the first half of last year":
        1998-H1); VALUE itself for any other unit or edge."""
        half = self.lex["edge_words"].get(re.sub(r"\s+", " ", g.get("edge", "")).lower())
        return f"{value}-{half}" if unit == "Y" and half in ("H1", "H2") else value

    def h_ago(self, g, dct, direction, hints):
        unit = self.units.get(g["unit"].lower())
        d = g["dir"].lower()
        sign = 1 if d in ("later", "after", "from now", "hence") else -1
        if "num" in g:
            n = self.count(g["num"])
        else:
            n = 1
        if n is None:
            return None
        if n == "X":
            return Timex("DATE", "FUTURE_REF" if sign > 0 else "PAST_REF", None, None, None, False)
        if dct is None:
            return None
        what = (g.get("what") or "").lower()
        # "a year ago" in an earnings report: the year-ago quarter; "five years ago" stays a year
        # ("the first nine months ... compared with a year earlier" names the year before)
        year_ago_quarter = "quarter" in hints and "year_period" not in hints and not what and n == 1
        if unit == "Y" and ("quarter" in what or "period" in what or year_ago_quarter):
            y, q = shift_quarter(dct.year, quarter_of(dct), -1)
            return make_date(f"{y - int(n)}-Q{q}", True)
        if unit in ("H", "MIN", "S"):
            return make_date(dct.isoformat(), True)
        value, _ = shift(dct, sign * int(n), unit)
        return make_date(value, True)

    def h_ref(self, g, dct, direction, hints):
        ref = re.sub(r"\s+", " ", g["ref"]).lower()
        value = self.lex["refs"].get(ref) or self.lex["adjective_refs"][ref]
        return Timex("DATE", value, None, None, None, False)

    def h_set(self, g, dct, direction, hints):
        if "set" in g:
            return Timex("SET", self.lex["sets"][g["set"].lower()], None, None, None, False)
        part = self.lex["day_parts"].get((g.get("part") or "").lower().rstrip("s"))
        if "weekday" in g:
            return Timex("SET", f"XXXX-WXX-{self._weekday_num(g['weekday'])}" + (f"T{part}" if part else ""),
                         None, None, None, False)
        if "month" in g:
            return Timex("SET", f"XXXX-{self._month_num(g['month']):02d}", None, None, None, False)
        if "dpart" in g:  # "every morning": that part of each day
            return Timex("SET", f"XXXX-XX-XXT{self.lex['day_parts'][g['dpart'].lower()]}", None, None, None, False)
        if "season" in g:  # "every winter"
            return Timex("SET", f"XXXX-{self.lex['seasons'][g['season'].lower()]}", None, None, None, False)
        unit = self.units[g["unit"].lower()]
        n = self._count(g["num"]) if "num" in g else 2 if "other" in g else 1  # "every other year": P2Y
        if n is None or n == "X":
            return None
        return Timex("SET", duration_value(n, unit), None, None, None, False)

    def _is_rising_range(self, lower: float | str, upper_text: str) -> bool:
        """Whether "LOWER to UPPER" counts up ("two to three weeks"); a range's length is told by its
        lower bound, as TimeML does ("two to three weeks" P2W)."""
        upper = self.count(upper_text)
        return lower != "X" and upper not in (None, "X") and float(upper) > float(lower)

    def h_duration(self, g, dct, direction, hints):
        unit = self.units[g["unit"].lower().replace(" ", "-")] if g["unit"].lower() in self.units else None
        ulow = g["unit"].lower()
        if unit is None:
            unit_n = {"half-century": ("Y", 50), "half century": ("Y", 50), "quarter-century": ("Y", 25)}
            if ulow not in unit_n:
                return None
            unit, n = unit_n[ulow]
        elif g.get("old"):
            return None  # ages ("a 6-year-old") are not temporal expressions in TimeML news
        elif "num" in g:
            num = g["num"].lower()
            n = self.count(g["num"])
            if re.fullmatch(r"(?:half\s+an?|a\s+half|one\s+half)", num):
                n = 0.5
            if n is None:
                return None
            if num in ("a", "an") and unit in ("S", "Q"):
                return None  # "a second term", "a quarter of the votes"
            if unit == "Q" and n != "X" and "det" not in g and not g.get("more"):
                # "three quarters of the votes" is a share; "the past four quarters" and "four
                # straight quarters" are lengths (a qualifier never stands inside a fraction)
                return None
            if (g.get("andahalf") or g.get("halfnum")) and n != "X":
                n += 0.5  # "a year and a half", "two and a half years"
            if g.get("upper") and not self._is_rising_range(n, g["upper"]):
                return None  # "won 5 to 4": a score, not a range of lengths
        elif g["unit"].lower().endswith("s"):
            n = "X"
        else:
            n = 1.5 if g.get("andahalf") else 1  # "the past year and a half"
        value = duration_value(n, unit)
        if value is None:
            return None
        return Timex("DURATION", value, GRANULARITY.get(unit), None, None, False)

    def h_this_unit(self, g, dct, direction, hints):
        det = re.sub(r"\s+", " ", g.get("det", "the")).lower()
        unit = self.units[g["unit"].lower()]
        if dct is None:
            return None
        if unit in ("DE", "CE") and direction == PAST:
            return None  # "by the end of the decade, it had 500 stores": a decade the story tells of
        if unit == "WE":  # the weekend nearest in the clause's direction
            wd = dct.isoweekday()
            sat = dct + timedelta(days=(6 - wd) % 7) if direction == FUTURE else dct - timedelta(days=(wd - 6) % 7)
            return make_date(week_value(sat) + "-WE", True)
        value, _ = shift(dct, -1 if "latest" in det else 0, unit)
        return make_date(self._half_of_year(value, unit, g), True)

    def h_anaphor(self, g, dct, direction, hints, ref: str | None = None):
        """"that year", "the same month", "later that day", "the following year": the unit of REF, the
        latest date the text named before (the dates component passes it); the publication date's
        when there is none."""
        unit = anaphor_unit(g, self.units)
        rel = re.sub(r"\s+", " ", g["rel"]).lower()
        offset = 1 if rel in ("the following", "the next") else -1 if rel in ("the previous", "the prior", "the preceding") else 0
        if ref is None and dct is None:
            return unknown_unit(unit)
        value = anaphor_value(unit, offset, ref or dct.isoformat())
        if value and "part" in g and "part_of_day_time" in hints:
            # "that night", "the next morning": a part of the day REF names (or the one after), typed as
            # "Monday morning" is: a TIME with the part under the option part_of_day_time, else that day
            return Timex("TIME", f"{value}T{self.lex['day_parts'][g['part'].lower()]}", "day", None, None, True)
        return make_date(value, True) if value else None

    def anaphor(self, cand: Candidate, ref: str | None, dct: date | None,
                hints: frozenset[str] | set[str] = frozenset()) -> Timex | None:
        """The TIMEX3 of an anaphoric candidate (pattern handler "anaphor") against the value REF;
        HINTS: the component's switches (part_of_day_time)."""
        try:
            return self.h_anaphor(dict(cand.groups), dct, None, hints, ref)
        except (ValueError, KeyError):
            return None

    def h_holiday(self, g, dct, direction, hints):
        spec = self.lex["holidays"][re.sub(r"\s+", " ", g["holiday"]).lower()]
        if "year" in g:
            return make_date(holiday_date(spec, int(g["year"])).isoformat(), False)
        if dct is None:
            fixed = re.fullmatch(r"\d\d-\d\d", spec)
            return make_date(f"XXXX-{spec}", False) if fixed else Timex("DATE", "XXXX-XX-XX", "day")
        rel = (g.get("rel") or "").lower()
        direction = PAST if rel == "last" else FUTURE if rel in ("next", "this coming") else direction
        d = resolve_yearly(lambda y: holiday_date(spec, y), dct, direction)
        return make_date(d.isoformat(), True) if d else None


GRAMMAR_FILES = ("dates/lexicon.json", "dates/patterns.jsonl", "figures/numbers.json")


def load_grammar(root: str | Path | None = None, files: tuple[str, str, str] = GRAMMAR_FILES) -> Grammar:
    """The grammar built from the files under ROOT (default models/): the dates lexicon, the
    patterns and the number words of figures/numbers.json (FILES, relative to ROOT)."""
    base = Path(root) if root is not None else models_dir()
    lexicon_file, patterns_file, numbers_file = (base / f for f in files)
    lexicon = json.loads(lexicon_file.read_text(encoding="utf8"))
    patterns = [json.loads(line) for line in patterns_file.read_text(encoding="utf8").splitlines()
                if line.strip() and not line.lstrip().startswith("#")]
    figures_numbers = json.loads(numbers_file.read_text(encoding="utf8"))
    numbers = date_numbers(figures_numbers, lexicon["number_extras"])
    lexicon["day_ordinals"] = day_ordinals(figures_numbers)
    # the figures' number reader counts too, with its lexicon (NUMBER_FILES) from the same folder
    return Grammar(lexicon, patterns, numbers, number_lexicon(base), load_readings(base / READINGS_FILE))


def write_pattern_readings(root: str | Path | None = None) -> Path:
    """Write the readings of the grammar under ROOT (default: the package's models/) to its
    READINGS_FILE, for load_grammar() to keep (`make index`, see pattern_readings)."""
    base = Path(root) if root is not None else models_dir()
    return write_readings(base / READINGS_FILE, [p.regex for p in load_grammar(base).patterns])


# The value grammar of the output contract (the one ../shared/tools/check_tables.py checks): TimeML
# values without the rarer units it leaves out (quarter, weekend and century durations, ISO week
# days with an unknown week). contract_value() rewrites those into the nearest value it admits.
CONTRACT_VALUE = re.compile(
    r"^(PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|P[0-9.XYMWDTHS]+|PT[0-9.XHMS]+"
    r"|[0-9X]{1,4}(-[0-9X]{2}(-[0-9X]{2})?)?(T[0-9X:.]+|T(MO|AF|EV|NI|DT))?"
    r"|[0-9X]{4}-(W[0-9X]{2}(-WE)?|Q[1-4X]|H[12]|SP|SU|FA|WI))$")
_DURATION_UNIT = re.compile(r"^P(\d+(?:\.\d+)?|X)(Q|WE|E|DE|CE)$")
_PER_UNIT = {"Q": ("M", 3), "WE": ("D", 2), "DE": ("Y", 10), "CE": ("Y", 100), "E": ("Y", 100)}


def contract_value(value: str) -> str:
    """VALUE, or its equivalent in the contract's grammar: P2Q -> P6M, P1WE -> P2D, PXQ -> PXM,
    XXXX-WXX-5 (a Friday of an unknown week) -> XXXX-XX-XX (a day, unknown)."""
    if not value or CONTRACT_VALUE.match(value):
        return value
    m = _DURATION_UNIT.match(value)
    if m:
        unit, k = _PER_UNIT[m[2]]
        if m[1] == "X":
            return f"PX{unit}"
        n = float(m[1]) * k
        return f"P{int(n) if n == int(n) else n}{unit}"
    m = re.match(r"^([0-9X]{4})-W[0-9X]{2}-[1-7](T.*)?$", value)
    if m:
        return f"{m[1]}-XX-XX{m[2] or ''}"
    return value
