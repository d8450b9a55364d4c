"""The figures component on the full pipeline: what is a figure, its unit, qualifier and predicate."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractor import extract

SEED = Path(__file__).resolve().parents[1] / "corpus"


def figures(text: str, published: str | None = "2021-06-11") -> list[dict]:
    return extract(text, published=published)["figures"]


def seed_text() -> str:
    for p in [*SEED.rglob("*demining*.txt"), Path("/work/shared/data/seed/azernews-2021-06-11-demining.txt")]:
        if p.exists():
            return p.read_text(encoding="utf8")
    pytest.skip("seed article not found")


@pytest.fixture(scope="module")
def seed_rows() -> list[dict]:
    return figures(seed_text())


def find(rows, value):
    return [r for r in rows if r["value"] == value]


def test_seed_counts_with_units_and_predicates(seed_rows):
    (r,) = find(seed_rows, 140)
    assert r["qualifier"] == "over" and "citizens" in r["unit"] and "kill" in r["predicate"]
    assert r["predicate"] == "kill|injure"
    for value, unit in [(7449, "antipersonnel mines"), (3643, "anti-tank mines"), (9033, "unexploded munitions")]:
        (r,) = find(seed_rows, value)
        assert r["unit"] == unit and r["category"] == "count" and r["predicate"] == "defuse"
    (r,) = find(seed_rows, 2763.5)
    assert r["unit"] == "hectares" and r["category"] == "measure" and r["predicate"] == "clear"
    (r,) = find(seed_rows, 300)
    assert r["qualifier"] == "approx" and r["unit"] == "villages"
    assert any(r["value"] == 2 and "journalists" in (r["unit"] or "") for r in seed_rows)
    vague = [r for r in seed_rows if r["value"] >= 100000]
    assert vague and vague[0]["qualifier"] in ("approx", "over") and vague[0]["unit"] == "mines"


def test_seed_has_no_date_parts(seed_rows):
    values = {r["value"] for r in seed_rows}
    assert not values & {2021, 2020, 1949, 10, 4, 7, 8, 31}
    assert all(r["value"] == r["value"] for r in seed_rows)  # no NaN


@pytest.mark.parametrize("text, value, unit, category, qualifier", [
    ("The company paid $1.2 million last year.", 1.2e6, "USD", "money", "exact"),
    ("Unemployment reached 8.5% in March.", 8.5, "%", "percent", "exact"),
    ("The Dow fell 678 points on Monday.", 678, "points", "measure", "down"),
    ("Shares rose 21 per cent.", 21, "%", "percent", "up"),
    ("The index was down 2.62% at noon.", 2.62, "%", "percent", "down"),
    ("Some 325 kilometres of road were repaired.", 325, "km", "measure", "approx"),
    ("Nearly 3,000 people were evacuated.", 3000, "people", "count", "approx"),
])
def test_figure_rows(text, value, unit, category, qualifier):
    rows = find(figures(text), value)
    assert len(rows) == 1, figures(text)
    r = rows[0]
    assert (r["unit"], r["category"], r["qualifier"]) == (unit, category, qualifier)


@pytest.mark.parametrize("text", [
    "He upgraded to Windows 7 last week.",
    "Section 427 of the code applies.",
    "The S&P 500 closed higher.",
    "Follow us on Twitter @AzerNews24",
    "The COVID-19 pandemic spread.",
    "They met on June 4 and again on 10 November.",
    "The 1949 Geneva Convention protects civilians.",
    "Call +1-222-333-4444 for details.",
    "The meeting starts at 7 in the morning.",
    "The 22nd amendment limits terms.",
    "Which one do you prefer?",
])
def test_not_figures(text):
    assert figures(text) == []


def test_from_to_under_a_change_verb_is_two_figures():
    rows = figures("The Fed increased the swap line from US$ 55 billion to US$ 110 billion.")
    assert [r["value"] for r in rows] == [5.5e10, 1.1e11]
    assert all(r["value_max"] is None and r["unit"] == "USD" for r in rows)


def test_between_is_a_range():
    (r,) = figures("Losses of between three and seven percent were recorded.")
    assert (r["value"], r["value_max"], r["unit"]) == (3, 7, "%")


def test_rows_have_the_contract_columns():
    for r in figures("About 40 people attended."):
        assert {"value", "value_max", "qualifier", "unit", "category", "predicate"} <= r.keys()
        assert r["text"] == "About 40"


@pytest.mark.parametrize("text, value, value_max, unit", [
    ("Temperatures ranged from -18 °C to -34 °C.", -34, -18, "°C"),
    ("The score is more than 10 and less than 40.", 10, 40, None),
    ("Google holds around 10-15 exabytes of data.", 10, 15, "EB"),
])
def test_ranges(text, value, value_max, unit):
    (r,) = figures(text)
    assert (r["value"], r["value_max"], r["unit"]) == (value, value_max, unit)


@pytest.mark.parametrize("text, values", [
    ("They were given 45 and 50 mg of ethanol.", [(45, "mg"), (50, "mg")]),
    ("It only cost thirteen dollars and forty-five cents.", [(13.45, "USD")]),
    ("The bank lost 30 MUSD.", [(3e7, "USD")]),
])
def test_units_shared_and_combined(text, values):
    assert [(r["value"], r["unit"]) for r in figures(text)] == values


@pytest.mark.parametrize("text", [
    "The two companies settled the dispute.",
    "I'll be back in 3 min.",
    "Let's play from three thirty to four thirty.",
    "Show sales in two thousand and twenty.",
    "Shall we leave at 6.45?",
    "The factors: (1) rates and (2) prices.",
    "I made this purchase at 10 past 9.",
    "I was born on 15 April of 87.",
    "The contract will end in 2150.",
    "He lives at 10 Downing Street.",
    "Latitude: 40.1693",
    "Create the appointment at 3 p . m .",
    "The meeting runs from 10:30 to 3.",
    "I'll be out from 4-23 next month.",
    "We are releasing version two soon.",
    "It had, at one point, set a record low.",
])
def test_not_figures_either(text):
    assert figures(text) == []


def test_bracketed_digits_repeat_the_words():
    rows = figures("The firm must deliver sixteen (16) units.")
    assert [(r["value"], r["text"]) for r in rows] == [(16, "sixteen")]


def test_an_amount_after_a_price_is_a_rate():
    rows = figures("Egg prices averaged 64.2 cents a dozen.")
    assert [r["value"] for r in rows] == [64.2]


def test_component_runs_without_a_parser():
    """On a blank pipeline (no tagger, parser or NER) the text rules still find the figures."""
    import spacy

    import extractor.components  # noqa: F401  (registers the factories)

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("news_figures")
    nlp.initialize()
    doc = nlp("The agency defused 7,449 mines and cleared 2,763.5 hectares in 2021.")
    assert [(f["value"], f["unit"]) for f in doc._.figures] == [(7449, None), (2763.5, "hectares")]


def test_saved_component_gives_the_same_rows(tmp_path):
    """nlp.to_disk then spacy.load: the rule data travels with the pipeline and the rows are identical."""
    import spacy

    import extractor.components  # noqa: F401  (registers the factories)

    nlp = spacy.blank("en")
    nlp.add_pipe("news_figures")
    nlp.initialize()
    text = "Over 140 people fled and $2 to $4 billion was lost; shares fell 3% to 2,763.5 points."
    nlp.to_disk(tmp_path / "p")
    assert (tmp_path / "p" / "news_figures" / "figures" / "numbers.json").exists()
    again = spacy.load(tmp_path / "p")
    assert again(text)._.figures == nlp(text)._.figures != []


def test_uninitialized_component_says_what_to_do():
    import spacy

    import extractor.components  # noqa: F401
    from extractor.components.base import NotInitializedError

    nlp = spacy.blank("en")
    nlp.add_pipe("news_figures")
    with pytest.raises(NotInitializedError):
        nlp("It cost $5.")


# One row per rule of NewsFigures: the rule named must be the one that refuses the number.
RULES = [
    ("overlaps_a_date", "The talks ended on 12 March 2020.", "12"),
    ("in_a_handle_or_url", "Open site.com?id=55 today.", "55"),
    ("is_a_coordinate", "The ship was at Longitude: 49.86 at dawn.", "49.86"),
    ("is_a_house_number", "The office is at 221 Baker Street.", "221"),
    ("is_a_phone_number", "Call +44 20 7946 0958 now.", "44"),
    ("is_a_compact_date", "The file 20190314 was lost.", "20190314"),
    ("is_a_dotted_clock_time", "The train leaves at 9.15 sharp.", "9.15"),
    ("is_a_list_marker", "Two aims: (1) growth and (2) jobs.", "1"),
    ("is_followed_by_a_clock_word", "The vote closes at 8 pm.", "8"),
    ("is_a_clock_time_near_a_time_word", "We met at 9 in the evening.", "9"),
    ("is_a_day_of_the_month", "It opened on March 7 in Baku.", "7"),
    ("is_a_later_year", "The lease runs until 2125.", "2125"),
    ("is_a_year", "The bridge was built in 1932.", "1932"),
    ("is_in_a_name", "She flew on a Boeing 787 to Doha.", "787"),
    ("is_a_word_number_in_a_name", "Fans waited for chapter nine.", "nine"),
    ("is_a_pronoun_one_or_a_pair", "The two leaders shook hands.", "two"),
]


@pytest.fixture(scope="module")
def pipeline():
    from extractor import load_pipeline

    return load_pipeline()


@pytest.mark.parametrize("rule, text, number", [r for r in RULES], ids=[r[0] for r in RULES])
def test_each_rule_refuses_its_pattern(pipeline, rule, text, number):
    from extractor.components.figures import _Candidate, _DocView
    from extractor.normalize.numbers import scan

    doc = pipeline(text)
    comp = pipeline.get_pipe("news_figures")
    start = text.index(number)
    view = _DocView(doc, doc.text, list(doc.ents), [(d["start"], d["end"]) for d in doc._.dates or []])
    (f,) = [f for f in scan(text, comp.lex) if f.core_start <= start < f.core_end]
    cand = _Candidate(view, f, doc.char_span(f.core_start, f.core_end, alignment_mode="expand"))
    assert getattr(comp, rule)(cand), rule
    assert not [r for r in doc._.figures if r["start"] <= start < r["end"]]
