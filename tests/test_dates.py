"""Tests of the news_dates component on the full pipeline: the seed article, tense, non-dates, dev data."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.dates_tables import assert_date, assert_no_date, dates_of

SEED = Path(__file__).resolve().parents[2] / "shared" / "data" / "seed" / "azernews-2021-06-11-demining.txt"
TIMEBANK = Path(__file__).resolve().parents[2] / "shared" / "data" / "dates" / "timebank.jsonl"


def by_text(rows: list[dict]) -> dict[str, dict]:
    return {r["text"]: r for r in rows}


@pytest.mark.parametrize("text,published,mention,type_,value", [
    ("Receiving the ambassador on June 10, the minister spoke.", "2021-06-11", "June 10", "DATE", "2021-06-10"),
    ("Over 140 citizens have been killed since November 10.", "2021-06-11", "November 10", "DATE", "2020-11-10"),
    ("The war ended on November 10 with a peace deal.", "2021-06-11", "November 10", "DATE", "2020-11-10"),
    ("The ministers will meet on November 10 in Baku.", "2021-06-11", "November 10", "DATE", "2021-11-10"),
    ("Last Friday's tragic event reminds us of the risk.", "2021-06-11", "Last Friday", "DATE", "2021-06-04"),
    ("The talks will resume Monday.", "2021-06-11", "Monday", "DATE", "2021-06-14"),
    ("The talks ended Monday.", "2021-06-11", "Monday", "DATE", "2021-06-07"),
    ("They have occupied it since the early 1990s.", "2021-06-11", "the early 1990s", "DATE", "199X"),
    ("It planted mines over three decades of occupation.", "2021-06-11", "three decades", "DURATION", "P30Y"),
    ("The statements were signed in 2020.", "2021-06-11", "2020", "DATE", "2020"),
    ("The meeting was held on June 10.", None, "June 10", "DATE", "XXXX-06-10"),
    ("Profit rose in the third quarter.", "1989-10-27", "the third quarter", "DATE", "1989-Q3"),
    ("The market fell sharply this year.", "1989-10-27", "this year", "DATE", "1989"),
    # a past-tense clause naming a day just ahead: a deadline, not last year's day
    ("Dunkin' has set Nov. 10 as the deadline for offers.", "1989-11-02", "Nov. 10", "DATE", "1989-11-10"),
    ("The company declared a dividend payable Dec. 15.", "1989-10-26", "Dec. 15", "DATE", "1989-12-15"),
    ("Sales rose in the quarter ended Oct. 31.", "1989-10-27", "Oct. 31", "DATE", "1988-10-31"),
    # plans and hedged schedules look ahead
    ("The group might come as soon as Tuesday.", "2000-04-03", "Tuesday", "DATE", "2000-04-04"),
    ("The stock is to resume trading in Paris Tuesday.", "1989-10-27", "Tuesday", "DATE", "1989-10-31"),
    ("The father would be traveling to Washington Thursday.", "2000-04-05", "Thursday", "DATE", "2000-04-06"),
    ("The offer had been due to expire Friday.", "1989-10-30", "Friday", "DATE", "1989-10-27"),
    # a time before the reported clause belongs to the reporting verb, whatever the parser says
    ("The company said on Tuesday it would cut 500 jobs.", "2024-03-14", "Tuesday", "DATE", "2024-03-12"),
    ("The bank raised rates in April.", "2024-03-14", "April", "DATE", "2023-04"),
    ("It expects to report third-quarter net income of $2 million.", "1989-10-26", "third-quarter", "DATE",
     "1989-Q3"),
    # anaphoric units take the latest date named before them
    ("On June 2, 1995, he was promoted, and the following year he was appointed attache.", "1998-04-18",
     "the following year", "DATE", "1996"),
    ("Imports rose in 1988. Exports fell that year.", "1989-10-27", "that year", "DATE", "1988"),
    ("He was shot on Oct. 23, 1998. Earlier that day, he went to synagogue.", "1999-10-24",
     "Earlier that day", "DATE", "1998-10-23"),
    ("Sales fell, and that year was hard.", "2021-06-11", "that year", "DATE", "2021"),
    # the TIMEX3 kinds of the issue
    ("The plant opened in mid-2008.", "2021-06-11", "mid-2008", "DATE", "2008"),
    ("Prices have doubled over the past decade.", "2021-06-11", "the past decade", "DURATION", "P10Y"),
    # a present-tense event verb points to the coming weekday (was 2021-06-08, the past Tuesday)
    ("The vote is at 10 a.m. Tuesday.", "2021-06-11", "10 a.m. Tuesday", "TIME", "2021-06-15T10:00"),
    ("Rents rose 5% over the past 12 months.", "2021-06-11", "the past 12 months", "DURATION", "P12M"),
    ("It signed a two-year contract.", "2021-06-11", "two-year", "DURATION", "P2Y"),
    # The TimeML value XXXX-WXX-1 is outside the output contract's grammar: written as a day of unknown date.
    ("The market is open every Monday.", "2021-06-11", "every Monday", "SET", "XXXX-XX-XX"),
    ("The fee is paid annually.", "2021-06-11", "annually", "SET", "P1Y"),
    ("The talks lasted two hours.", "2021-06-11", "two hours", "DURATION", "PT2H"),
    ("Prices are now falling.", "2021-06-11", "now", "DATE", "PRESENT_REF"),
    ("The bank currently holds 5%.", "2021-06-11", "currently", "DATE", "PRESENT_REF"),
    ("The bank recently sold its stake.", "2021-06-11", "recently", "DATE", "PAST_REF"),
    ("The bank will grow in the future.", "2021-06-11", "the future", "DATE", "FUTURE_REF"),
    ("Profit rose this week.", "2021-06-11", "this week", "DATE", "2021-W23"),
    ("It delayed work because of current market conditions.", "1989-10-30", "current", "DATE", "PRESENT_REF"),
    ("Sales were slow well into the summer.", "1989-10-26", "the summer", "DATE", "1989-SU"),
    ("Elian was found Thanksgiving Day clinging to a tube.", "2000-01-15", "Thanksgiving Day", "DATE",
     "1999-11-25"),
])
def test_mentions(nlp, text, published, mention, type_, value):
    assert_date(nlp, text, published, mention, type_, value)


@pytest.mark.parametrize("text", [
    "The team won 2-1 in the final.",
    "Section 427 of the code applies to Windows 7 users.",
    "Shares cost $2020 each and 1,949 people bought them.",
    "The 52-year-old driver was 44.",
    "He paid 30 dollars for 7 apples.",
    "Fans in Section 427 Row 21 cheered a 2-1 win.",
    "The update runs on Windows 7 and costs $199.",
    "The Lakers beat Boston 112-104 as James scored 31 points.",
    "Mr. Reupke, 52 years old, owns 1,500 shares worth 12.5 million.",
    "He scored twice in a 3-2 win, and the club sold 45,000 tickets at $12.50.",
    "The current account deficit widened.",
    'Baker, speaking on ABC News\' "This Week," said so.',     # programme titles
    "Gonzalez said on CBS's ''60 Minutes'' that he was fine.",
])
def test_not_dates(nlp, text):
    assert_no_date(nlp, text, "2021-06-11")


def test_seed_article(nlp):
    if not SEED.exists():
        pytest.skip("shared data absent")
    rows = dates_of(nlp, SEED.read_text(encoding="utf8"), "2021-06-11")
    got = [(r["text"], r["value"]) for r in rows]
    for expected in [("June 10", "2021-06-10"), ("June 8", "2021-06-08"), ("Last Friday", "2021-06-04"),
                     ("June 4", "2021-06-04"), ("June 7", "2021-06-07"), ("November 10, 2020", "2020-11-10"),
                     ("May 31, 2021", "2021-05-31"), ("2020", "2020"), ("three decades", "P30Y"),
                     ("the early 1990s", "199X"), ("1949", "1949")]:
        assert expected in got
    assert [v for t, v in got if t == "November 10"] == ["2020-11-10", "2020-11-10"]
    for r in rows:
        assert set(r) >= {"start", "end", "type", "value", "range_start", "range_end", "granularity", "relative"}
    decade = by_text(rows)["the early 1990s"]
    assert (decade["granularity"], decade["range_start"], decade["range_end"]) == ("decade", "1990-01-01", "1999-12-31")
    assert by_text(rows)["June 10"]["relative"] is True and by_text(rows)["1949"]["relative"] is False


def test_timebank_sample(nlp):
    """Relaxed F1 on the first TimeBank documents stays near the measured level (HeidelTime: 0.916)."""
    if not TIMEBANK.exists():
        pytest.skip("shared data absent")
    docs = [json.loads(line) for line in TIMEBANK.open(encoding="utf8")][:25]
    tp = n_gold = n_sys = 0
    for d in docs:
        gold = [(s["start"], s["end"]) for s in d["spans"] if s["label"] in ("DATE", "TIME", "DURATION", "SET")
                and not s.get("is_dct")]
        dct = [(s["start"], s["end"]) for s in d["spans"] if s.get("is_dct")]
        sys_ = [(r["start"], r["end"]) for r in dates_of(nlp, d["text"], d.get("dct"))
                if not any(r["start"] < e and s < r["end"] for s, e in dct)]
        n_gold, n_sys = n_gold + len(gold), n_sys + len(sys_)
        tp += sum(any(s < ge and gs < e for s, e in sys_) for gs, ge in gold)
    p, r = tp / n_sys, tp / n_gold
    assert 2 * p * r / (p + r) > 0.88


def test_lifecycle_blank_pipeline_round_trip(tmp_path):
    """news_dates on a blank pipeline: refuses to run before initialize, and gives the same rows after
    nlp.to_disk / spacy.load (its grammar files travel with the pipeline)."""
    import spacy

    from extractor.components.base import NotInitializedError

    text = "The plant opened on June 10, 2020 and closed two weeks later, a couple of days before Christmas."
    nlp = spacy.blank("en")
    nlp.add_pipe("news_dates")
    with pytest.raises(NotInitializedError):
        nlp(text)
    nlp.initialize()

    def rows(pipeline):
        doc = pipeline.make_doc(text)
        doc._.published = "2021-06-11"
        return pipeline(doc)._.dates

    before = rows(nlp)
    assert [(text[r["start"]:r["end"]], r["value"]) for r in before] == [
        ("June 10, 2020", "2020-06-10"), ("two weeks", "P2W"), ("a couple of days", "P2D"), ("Christmas", "2020-12-25")]
    nlp.to_disk(tmp_path)
    assert rows(spacy.load(tmp_path)) == before


@pytest.mark.parametrize("text,expected", [
    ("a dozen", 12), ("two dozen", 24), ("a hundred", 100), ("one hundred", 100), ("couple of", 2),
    ("a couple of", 2), ("half a", 0.5), ("fourty", 40)])
def test_number_words_from_figures_lexicon(text, expected):
    """The grammar's number words come from figures/numbers.json plus the date-only extras; a
    multiplier word multiplies the count before it."""
    from extractor.normalize.timex import load_grammar, parse_number

    grammar = load_grammar()
    assert parse_number(text, grammar.numbers) == expected


@pytest.mark.parametrize("text, published, value", [
    # An absolute date reads the same with or without a publication date.
    ("June 10, 2021", None, "2021-06-10"),
    ("June 10, 2021", "2030-01-01", "2021-06-10"),
    # A relative one needs the publication date: without it, no value rather than one read off the
    # wall clock (which would change from run to run).
    ("yesterday", "2021-06-11", "2021-06-10"),
    ("yesterday", None, None),
    ("in 2 hours", None, None),
])
def test_dateparser_fallback_is_deterministic_without_a_publication_date(text, published, value):
    from extractor.components.dates import dateparser_timex

    tx = dateparser_timex(text, published)
    assert (tx.value if tx else None) == value


# Undated texts with no year written, which dateparser reads only against a reference day (so
# without a publication date they give no value), and undated texts that do write a year.
UNDATED_TEXTS = ["May", "Sunday", "noon", "midnight", "today", "three years ago", "the 45-year-old",
                 "the working day", "two thousand ten", "spring of MMX", "April MMX", "Jan. MMXIV",
                 "May 2010", "June 10, 2021", "١٩٩٠", "1990s"]


@pytest.mark.parametrize("text", UNDATED_TEXTS)
def test_year_gate_without_a_publication_date_agrees_with_dateparser(text):
    """dateparser is not asked about an undated text that writes no year: the gate gives the value
    that asking it against both reference days would (None unless a year is written)."""
    from extractor.components.dates import NO_DCT_ANCHORS, _dateparser_timex, dateparser_timex

    first, second = (_dateparser_timex(text, None, anchor) for anchor in NO_DCT_ANCHORS)
    asked = first if first is not None and first == second else None
    assert dateparser_timex(text, None) == asked


def test_year_gate_keeps_a_roman_year():
    from extractor.components.dates import dateparser_timex

    assert dateparser_timex("April MMX", None).value == "2010-04"
