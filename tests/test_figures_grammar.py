"""Table tests of issue 16, one table per cause found on unseen news: ranges, the scale on both
ends, currency affixes, rates, units, m/bn suffixes, number+unit tokens, names and codes,
negatives, direction, vague amounts, predicates from nouns, scores and dates. Sentences written
for these tests from the patterns (no corpus text)."""
from __future__ import annotations

import pytest

from extractor import extract
from extractor.normalize.numbers import scan


def figures(text: str) -> list[dict]:
    return extract(text, published="2024-03-01")["figures"]


def one(text: str) -> dict:
    rows = figures(text)
    assert len(rows) == 1, rows
    return rows[0]


# ---------------------------------------------------------------- a true range is one row
@pytest.mark.parametrize("text, low, high, unit", [
    ("Tickets cost between $40 and $45 each.", 40, 45, "USD"),
    ("Salaries range from $200,000 to $3.1 million.", 2e5, 3.1e6, "USD"),
    ("The dam holds 30-40 million cubic metres.", 3e7, 4e7, "m3"),
    ("Between 12 and 15 percent of voters abstained.", 12, 15, "%"),
    ("Fares rose to between €3 and €4.", 3, 4, "EUR"),
    ("Each quake lasted from 10 to 20 seconds.", 10, 20, None),
], ids=["between-dollars", "from-to-values", "dash-scaled", "between-percent", "between-euros", "from-to-seconds"])
def test_a_span_of_values_is_one_range(text, low, high, unit):
    fs = [f for f in scan(text) if f.value_max is not None]
    assert len(fs) == 1
    assert (fs[0].value, fs[0].value_max) == (pytest.approx(low), pytest.approx(high))
    if unit:
        assert fs[0].unit == unit


@pytest.mark.parametrize("text, values", [
    ("Shares rose from $350 to $680 in a year.", [350, 680]),
    ("The price was cut by $200 to $399.", [200, 399]),
    ("Crude was down $2.86 to $77.11.", [2.86, 77.11]),
], ids=["from-to-under-a-change-verb", "by-then-to", "down-then-to"])
def test_a_change_and_its_new_value_are_two_rows(text, values):
    assert [r["value"] for r in figures(text)] == values


# ---------------------------------------------------------------- the scale on both ends
@pytest.mark.parametrize("text, low, high", [
    ("$2 to $4 billion", 2e9, 4e9), ("six to seven thousand", 6000, 7000), ("10-15 million", 1e7, 1.5e7),
    ("three to four hundred thousand", 3e5, 4e5), ("between 1.5 and 2 million", 1.5e6, 2e6),
    ("from 5 to 8 bn", 5e9, 8e9), ("200 to 300 thousand", 2e5, 3e5), ("US$ 40-45 million", 4e7, 4.5e7),
    ("€3-4bn", 3e9, 4e9), ("$40-$45", 40, 45), ("£2bn-£3bn", 2e9, 3e9),
], ids=["dollars-billion", "words-thousand", "dash-million", "hundred-thousand", "between-decimal", "bn", "digits-thousand",
        "prefix-covers-both-ends", "prefix-glued-bn", "prefix-on-both-ends", "prefix-and-bn-on-both-ends"])
def test_the_scale_distributes_over_both_ends(text, low, high):
    (f,) = scan(text)
    assert (f.value, f.value_max) == (pytest.approx(low), pytest.approx(high))


def test_a_larger_first_end_keeps_its_own_value():
    (f,) = scan("from 5,000 to 2 million")
    assert (f.value, f.value_max) == (5000, 2e6)


# ---------------------------------------------------------------- currency affixes, one table
@pytest.mark.parametrize("text, value, unit", [
    ("$US12,400,000", 1.24e7, "USD"), ("$A18,300,000", 1.83e7, "AUD"), ("RM12.90", 12.9, "MYR"),
    ("US$ 40 million", 4e7, "USD"), ("HK$5.2bn", 5.2e9, "HKD"), ("Rs 500", 500, "INR"), ("EUR 75", 75, "EUR"),
    ("75 EUR", 75, "EUR"), ("£3.5m", 3.5e6, "GBP"), ("₹2,000", 2000, "INR"), ("C$ 16.4", 16.4, "CAD"),
    ("USD200", 200, "USD"), ("CHF12.50", 12.5, "CHF"),
], ids=["dollar-US", "dollar-A", "ringgit", "US-dollar-spaced", "hk-dollar-bn", "rupees", "iso-before",
        "iso-after", "pound-m", "rupee-sign", "canadian-spaced", "iso-glued", "iso-glued-decimal"])
def test_currency_affixes(text, value, unit):
    (f,) = scan(text)
    assert (f.value, f.unit, f.category) == (pytest.approx(value), unit, "money")


# ---------------------------------------------------------------- rates "X per Y", "X a Y"
@pytest.mark.parametrize("text, unit_normalized", [
    ("Brent crude traded at $71.10 per barrel.", "dollar per barrel"),
    ("The mill produces 40 tonnes a day.", "metric ton per day"),
    ("Inflation rose 3 per cent a year.", "percent per year"),
    ("Nurses earn $15.4/hour there.", "dollar per hour"),
    ("The company paid 26 cents per share.", "cent per share"),
], ids=["per-barrel", "a-day", "percent-a-year", "glued-slash", "per-share"])
def test_rate_units(text, unit_normalized):
    assert one(text)["unit_normalized"] == unit_normalized


# ---------------------------------------------------------------- units and counted nouns
@pytest.mark.parametrize("text, unit_normalized", [
    ("The engine delivers 350 HP.", "horsepower"),
    ("The convoy had 120 Ford and Toyota trucks.", "truck"),
    ("Deminers cleared 2,763.5 hectares.", "hectare"),
    ("The agency defused 7,449 antipersonnel mines.", "mine"),
    ("It weighs 12 kilograms.", "kilogram"),
    ("Unemployment fell to 4.1%.", "percent"),
    ("The fine was £20 million.", "pound sterling"),
    ("The bank lent 5 billion yen.", "japanese yen"),
    ("Police arrested 12 of the protesters.", "protester"),
    ("Three of the injured soldiers died.", "soldier"),
], ids=["hp-capitals", "coordinated-modifiers", "hectares", "counted-noun-lemma", "kilograms", "percent",
        "pounds-money", "yen", "partitive", "partitive-with-modifier"])
def test_unit_normalized(text, unit_normalized):
    assert one(text)["unit_normalized"] == unit_normalized


# ---------------------------------------------------------------- m / B / bn suffixes
@pytest.mark.parametrize("text, value, unit", [
    ("3.4m tonnes", 3.4e6, "tonnes"), ("2m people", 2e6, None), ("5 B users", 5e9, None),
    ("$4 bn", 4e9, "USD"), ("€1.2bn", 1.2e9, "EUR"), ("100m sprint", 100, "m"), ("a 5m wall", 5, "m"),
], ids=["m-tonnes", "m-people", "spaced-B", "spaced-bn-money", "bn-glued", "metres-before-a-noun", "metres-tall"])
def test_scale_letters(text, value, unit):
    f = scan(text)[0]
    assert (f.value, f.unit) == (pytest.approx(value), unit)


# ---------------------------------------------------------------- number and unit in one token
@pytest.mark.parametrize("text, values", [
    ("a 5.8GHz chip", [(5.8, "GHz")]), ("a 330ml can", [(330, "ml")]),
    ("two million 330ml cans", [(2e6, None), (330, "ml")]), ("a 4G network", []), ("the 5G rollout", []),
], ids=["gigahertz", "millilitres", "worded-scale-then-unit-token", "4G-name", "5G-name"])
def test_number_and_unit_in_one_token(text, values):
    assert [(f.value, f.unit) for f in scan(text)] == values


# ---------------------------------------------------------------- numbers inside names and codes
@pytest.mark.parametrize("text", [
    "The FTSE 100 closed higher.", "A Boeing 787 landed in Doha.", "Apple unveiled iPhone 4 on Monday.",
    "They demonstrated iOS 5 to developers.", "The G20 summit opened.", "He drove down Route 66.",
    "The Airbus A380 is large.", "Section 230 protects platforms.", "Flight MH17 was shot down.",
    "Apollo 11 landed on the Moon.", "Delegates met at COP26 in Glasgow.", "Hamilton won the Formula 1 title.",
], ids=["index", "aircraft", "camel-case-phone", "camel-case-os", "glued-code", "route", "model-code", "section",
        "flight-code", "mission", "currency-code-in-a-name", "series"])
def test_numbers_inside_names_are_no_figures(text):
    assert figures(text) == []


# ---------------------------------------------------------------- negatives
@pytest.mark.parametrize("text, value, unit", [
    ("-2.5%", -2.5, "%"), ("minus-40 degrees", -40, "degrees"), ("minus 5 degrees", -5, "degrees"),
    ("-10C", -10, "°C"), ("$-99.99", -99.99, "USD"),
], ids=["signed-percent", "minus-hyphen", "minus-word", "glued-celsius", "currency-then-minus"])
def test_negatives(text, value, unit):
    (f,) = scan(text)
    assert (f.value, f.unit) == (pytest.approx(value), unit)


# ---------------------------------------------------------------- direction carried
@pytest.mark.parametrize("text, value, change, approx, qualifier", [
    ("The Dow fell 210 points, or 0.8%, on Friday.", 0.8, "down", False, "down"),
    ("The Nasdaq closed +0.4% on the day.", 0.4, "up", False, "up"),
    ("The quarterback gave up 300 yards.", 300, "none", False, "exact"),
    ("Shares were up nearly 40% this year.", 40, "up", True, "approx"),
    ("The index closed down 6.4 percent.", 6.4, "down", False, "down"),
    ("Exports rose 12% in May.", 12, "up", False, "up"),
    ("A 5 percent fall in sales worried investors.", 5, "down", False, "down"),
    ("Revenue made up $7.1 billion of the total.", 7.1e9, "none", False, "exact"),
    ("Sales jumped by more than 20%.", 20, "up", False, "over"),
    ("Exports were 5% higher than last year.", 5, "up", False, "up"),
    ("The yen weakened 1.2% against the dollar.", 1.2, "down", False, "down"),
    ("He climbed 2 metres up the wall.", 2, "none", False, "exact"),
], ids=["coordinated-or", "plus-sign", "give-up-is-no-change", "up-and-approx", "particle-down", "verb-up",
        "noun-down", "make-up-is-no-change", "hedge-and-change", "comparative-after", "verb-weaken",
        "preposition-of-place-is-no-change"])
def test_direction(text, value, change, approx, qualifier):
    (r,) = [r for r in figures(text) if r["value"] == pytest.approx(value)]
    assert (r["change"], r["approx"], r["qualifier"]) == (change, approx, qualifier)


def test_a_conversion_keeps_the_hedge():
    rows = figures("The border is more than 50 km (31 miles) away.")
    assert [(r["value"], r["qualifier"]) for r in rows] == [(50, "over"), (31, "over")]


# ---------------------------------------------------------------- vague amounts as ranges
@pytest.mark.parametrize("text, low, high", [
    ("hundreds", 200, 999), ("thousands", 2000, 9999), ("dozens", 24, 119), ("tens of thousands", 20000, 99999),
    ("hundreds of thousands", 200000, 999999), ("several hundred", 300, 900), ("millions", 2e6, 1e7 - 1),
], ids=["hundreds", "thousands", "dozens", "tens-of-thousands", "hundreds-of-thousands", "several-hundred", "millions"])
def test_vague_amounts_are_ranges(text, low, high):
    (f,) = scan(text)
    assert (f.value, f.value_max, f.qualifier) == (low, high, "approx")


def test_vague_row_is_approx_with_a_range():
    r = one("Tens of thousands of people marched.")
    assert (r["value"], r["value_max"], r["approx"], r["unit_normalized"]) == (20000, 99999, True, "people")


# ---------------------------------------------------------------- predicates from nouns
@pytest.mark.parametrize("text, predicate", [
    ("Reporters condemned the killing of two journalists.", "kill"),
    ("The deaths of 12 miners shocked the town.", "die"),
    ("Police announced the arrest of 14 suspects.", "arrest"),
    ("Rescuers welcomed the evacuation of 300 residents.", "evacuate"),
    ("Officials confirmed the shooting of three protesters.", "shoot"),
], ids=["killing", "deaths", "arrest", "evacuation", "shooting"])
def test_predicates_from_event_nouns(text, predicate):
    assert one(text)["predicate"] == predicate


# ---------------------------------------------------------------- scores and dates are no figures
@pytest.mark.parametrize("text", [
    "Arsenal won 2-0 at home.", "The match ended in a 3-3 draw.", "They lost 4-1 on Sunday.",
    "The treaty was signed on 4 June 2019.", "Talks resume in 2025.", "The 2013-14 season was long.",
    "We meet at 7.30 pm.", "It happened on 12/05/2021.",
], ids=["score-2-0", "score-draw", "score-4-1", "date", "year", "season", "clock", "numeric-date"])
def test_scores_and_dates_are_no_figures(text):
    assert figures(text) == []


def test_a_range_with_people_is_not_a_score():
    (r,) = figures("Between 3 and 5 people were hurt.")
    assert (r["value"], r["value_max"]) == (3, 5)
