"""Table tests of extractor.normalize.numbers: values, ranges, qualifiers, units, refusals."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.normalize.numbers import parse_figure, parse_number, scan


@pytest.mark.parametrize("text, value", [
    ("7,449", 7449), ("2,763.5", 2763.5), ("1.2 million", 1.2e6), ("two", 2), ("forty-two", 42),
    ("fifty - two", 52), ("a dozen", 12), ("half a dozen", 6), ("3 dozens", 36), ("3/4", 0.75), ("2 1/2", 2.5),
    ("one hundred and three", 103), ("two hundred and two thousand", 202000), ("five and a half million", 5.5e6),
    ("one million and a half", 1.5e6), ("two thirds", 2 / 3), ("one hundred and three quarters", 100.75),
    ("two hundred point zero three", 200.03), ("10k", 1e4), ("10M", 1e7), (".08", 0.08), ("1,234,567", 1234567),
    ("10 000", 10000), ("½", 0.5), ("-5", -5), ("minus one", -1),
    ("6 . 2", 6.2), ("1 / 4", 0.25), ("8x2^10", 8192), ("1.1^2", 1.21), ("2.5^-1", 0.4), ("2.33 k", 2330),
    ("1.2b", 1.2e9), ("three million, two hundred & forty", 3000240), ("two hundred point seventy-one", 200.71),
    ("nought point eleven", 0.11), ("a fifth", 0.2), ("a half", 0.5), ("a hundred trillionths", 1e-10),
    ("two thirds of a million", 2e6 / 3), ("one in five", 0.2), ("two out of three", 2 / 3), ("1 over 4", 0.25),
    ("one in a million", 1e-6),
])
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text, value, value_max, qualifier, unit, category", [
    ("$40 billion", 4e10, None, "exact", "USD", "money"),
    ("US$ 40 billion", 4e10, None, "exact", "USD", "money"),
    ("£20.1bn", 2.01e10, None, "exact", "GBP", "money"),
    ("€10M", 1e7, None, "exact", "EUR", "money"),
    ("USD 200", 200, None, "exact", "USD", "money"),
    ("420 million finnish markka", 4.2e8, None, "exact", "FIM", "money"),
    ("20 million pounds", 2e7, None, "exact", "GBP", "money"),
    ("25 pounds", 25, None, "exact", "lb", "measure"),
    ("2.1%", 2.1, None, "exact", "%", "percent"),
    ("21 per cent", 21, None, "exact", "%", "percent"),
    ("half a percent", 0.5, None, "exact", "%", "percent"),
    ("2,763.5 hectares", 2763.5, None, "exact", "hectares", "measure"),
    ("1,500,000 kilometres", 1.5e6, None, "exact", "km", "measure"),
    ("7.62mm", 7.62, None, "exact", "mm", "measure"),
    ("10-15", 10, 15, "exact", None, "count"),
    ("between 10 and 15", 10, 15, "exact", None, "count"),
    ("between three and seven percent", 3, 7, "exact", "%", "percent"),
    ("8- to 16-meter", 8, 16, "exact", "m", "measure"),
    ("10-15 million", 1e7, 1.5e7, "exact", None, "count"),
    ("more than 4 billion", 4e9, None, "over", None, "count"),
    ("around 300", 300, None, "approx", None, "count"),
    ("at least 20", 20, None, "at_least", None, "count"),
    ("up to 700", 700, None, "at_most", None, "count"),
    ("less than 10", 10, None, "under", None, "count"),
    ("almost fifteen percent", 15, None, "approx", "%", "percent"),
    ("an estimated 5,000", 5000, None, "approx", None, "count"),
    ("500 or more", 500, None, "at_least", None, "count"),
    ("17 USD 25", 17.25, None, "exact", "USD", "money"),
    ("-10C", -10, None, "exact", "°C", "measure"),
    ("100° Celsius", 100, None, "exact", "°C", "measure"),
    ("2.123 pm", 2.123, None, "exact", "pm", "measure"),
    ("1500b", 1500, None, "exact", "bits", "measure"),
    ("5 feet 2 inches", 5 + 2 / 12, None, "exact", "feet", "measure"),
    ("12 ft 2 in", 12 + 2 / 12, None, "exact", "feet", "measure"),
    ("more than half", 0.5, None, "over", None, "count"),
    ("2 in 5 or more", 0.4, None, "at_least", None, "count"),
    ("5k-20k", 5000, 20000, "exact", None, "count"),
    ("above 1000 and below 1500", 1000, 1500, "exact", None, "count"),
    ("larger than twenty and less or equal than thirty five", 20, 35, "exact", None, "count"),
])
def test_parse_figure(text, value, value_max, qualifier, unit, category):
    f = parse_figure(text)
    assert f is not None, text
    assert f.value == pytest.approx(value)
    assert (f.value_max is None) == (value_max is None)
    if value_max is not None:
        assert f.value_max == pytest.approx(value_max)
    assert (f.qualifier, f.unit, f.category) == (qualifier, unit, category)


@pytest.mark.parametrize("text, value", [
    ("hundreds of thousands", 200000), ("thousands", 2000), ("dozens", 24), ("tens of thousands", 20000),
    ("several hundred", 300),
])
def test_vague_amounts_are_approximate(text, value):
    f = parse_figure(text)
    assert f is not None and f.value == value and f.qualifier == "approx" and f.vague


@pytest.mark.parametrize("text", [
    "16:08", "192.168.1.2", "5G", "COVID-19", "1990s", "5th", "22nd", "twenty-first", "5/17/2018", "L2", "SCP-173",
    "0730", "one hundred twenty fifth", "10-1-2018", "23/Sep/2020", "September-2020-23", "won a fifth term",
    "five-thirty", "seven twenty-seven", "a half-brother",
])
def test_not_numbers(text):
    assert scan(text) == []


def test_extents_include_qualifier_and_unit_not_the_counted_noun():
    text = "Over 140 Azerbaijan citizens and more than $4 billion and around 10 percent."
    spans = [text[f.start:f.end] for f in scan(text)]
    assert spans == ["Over 140", "more than $4 billion", "around 10 percent"]


@pytest.mark.parametrize("text, parts", [
    ("3 hundred and 2 hundred", [300, 200]),  # two numbers of the same order
    ("10 rmb 20 usd", [10, 20]),
    ("200 or greater than 190", [200, 190]),  # "greater" opens the second figure
    ("killed 5 in 10 minutes", [5, 10]),  # a count and a duration, no ratio
])
def test_separate_numbers(text, parts):
    assert [f.value for f in scan(text)] == parts


def test_clock_pm_is_no_picometre():
    (f,) = scan("at 2 pm")
    assert f.unit is None and f.category == "count"


def test_values_are_finite():
    for f in scan("1e400 999999999999999999999999999999 trillion trillion and 1/3"):
        assert math.isfinite(f.value)


PIECES = [*"0123456789 ,.-/%$£€kKmMbB:+()½", " one", " two", " hundred", " thousand", " million", " and", " a",
          " half", " of", " per cent", " km", " to", " between", " more than", " about", " dollars", " thirds",
          "^", " . ", " / ", " in", " out of", " over", " ft", " inches", " USD", "x", " point", " a fifth"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25).map("".join))
def test_scan_never_fails_and_offsets_hold(text):
    for f in scan(text):
        assert 0 <= f.start <= f.core_start <= f.core_end <= f.end <= len(text)
        assert math.isfinite(f.value) and (f.value_max is None or math.isfinite(f.value_max))


def test_a_score_with_over_is_two_numbers_not_a_quotient():
    from extractor.normalize.numbers import scan

    assert [f.value for f in scan("He won 102 over 98.")] == [102, 98]


# One table per step of the number reader (extractor.normalize.numbers.reader.NumberReader): the id
# names the step that reads the case.
READER_STEPS = [
    ("digits", "7,449", 7449), ("digits-space-groups", "1 234 567", 1234567), ("digits-power", "2^10", 1024),
    ("digits-spaced-thousands", "4.5 k", 4500), ("digits-glued-suffix", "20.1bn", 2.01e10),
    ("digits-slash-fraction", "3/8", 0.375), ("digits-vulgar", "2½", 2.5), ("digits-mixed-fraction", "3 3/4", 3.75),
    ("unit-word", "seven", 7), ("tens-word", "ninety", 90), ("hyphen-in-words", "sixty-four", 64),
    ("plural-scale", "five hundreds", 500), ("scale-of-scales", "one thousand million", 1e9),
    ("scale-word", "twelve thousand", 12000), ("group-word", "two dozen", 24), ("half-or-quarter", "half a million", 5e5),
    ("point-word", "four point five", 4.5), ("fraction-of-scale", "a hundred thousandths", 0.1),
    ("fraction-word", "three quarters", 0.75), ("comma-in-words", "two million, five hundred", 2000500),
    ("and-in-number", "three hundred and six", 306), ("and-a-fraction", "seven and a half", 7.5),
    ("and-worded-fraction", "two and five tenths", 2.5),
]


@pytest.mark.parametrize("text, value", [(t, v) for _, t, v in READER_STEPS], ids=[i for i, _, _ in READER_STEPS])
def test_reader_steps(text, value):
    assert parse_number(text) == pytest.approx(value)


READER_REFUSALS = [
    ("clock-words", "six forty"), ("clock-words-hyphen", "nine-thirty"), ("ordinal-after", "thirty-second"),
    ("leading-zero-code", "0915"), ("glued-plural", "1980s"), ("date-slashes", "3/11/2019"),
    ("unusual-denominator-is-a-date", "5/12"),
]


@pytest.mark.parametrize("text", [t for _, t in READER_REFUSALS], ids=[i for i, _ in READER_REFUSALS])
def test_reader_refusals(text):
    assert scan(text) == []


# One table per phrase step of the scanner (extractor.normalize.numbers.scanner.Scanner.scan).
SCANNER_STEPS = [
    ("range-between", "between 4 and 9 km", (4, 9, "km")), ("range-from", "from 10 to 20 percent", (10, 20, "%")),
    ("range-dash", "30-40 tonnes", (30, 40, "tonnes")), ("tolerance", "5.2 ± 0.1 kg", (5.2, None, "kg")),
    ("ratio", "three in ten", (0.3, None, None)), ("feet-inches", "6 feet 3 inches", (6.25, None, "feet")),
    ("qualifier-before", "roughly 70", (70, None, None)), ("qualifier-after", "80 or so", (80, None, None)),
    ("bounds", "more than 5 but less than 9", (5, 9, None)), ("currency-prefix", "€300", (300, None, "EUR")),
    ("minor-units", "4 dollars 25 cents", (4.25, None, "USD")), ("minus-sign", "-7.5", (-7.5, None, None)),
]


@pytest.mark.parametrize("text, expected", [(t, e) for _, t, e in SCANNER_STEPS], ids=[i for i, _, _ in SCANNER_STEPS])
def test_scanner_steps(text, expected):
    f = parse_figure(text)
    assert f is not None, text
    value, value_max, unit = expected
    assert f.value == pytest.approx(value) and f.unit == unit
    assert (f.value_max is None and value_max is None) or f.value_max == pytest.approx(value_max)


def test_shared_unit_step():
    first, second = scan("between 2 and 3 mg, or 5 and 6 mg")[0], scan("5 and 6 mg")[0]
    assert first.unit == "mg" and second.unit == "mg"
