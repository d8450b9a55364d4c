"""Table tests of issue 13, round 2: the model spans the grammar cannot read whole (option
keep_unnormalized) get a value with a place in the calendar or are not kept; days named by
reference ("the next day"). Each case is (name, text, publication date, mention, type, value); the
sentences are written for the pattern their name says, not copied from any corpus."""
from __future__ import annotations

import pytest

from extractor import load_pipeline
from extractor.components.dates import NewsDates
from extractor.normalize.timex import GRAMMAR_FILES

PUB = "2013-03-20"  # a Wednesday


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="module")
def keeping():
    """news_dates with keep_unnormalized on."""
    comp = NewsDates("news_dates", lexicon_path=GRAMMAR_FILES[0], patterns_path=GRAMMAR_FILES[1],
                     numbers_path=GRAMMAR_FILES[2], keep_unnormalized=True)
    comp.initialize()
    return comp


def run(nlp, text: str, published: str | None, dates=None) -> dict[str, tuple[str, str]]:
    doc = nlp.make_doc(text)
    doc._.published = published
    for name, proc in nlp.pipeline:
        doc = (dates if name == "news_dates" and dates is not None else proc)(doc)
    return {text[d["start"]:d["end"]]: (d["type"], d["value"]) for d in doc._.dates}


KEPT = [
    ("day_by_reference_is_the_publication_day", "Police arrived in Philadelphia later in the day.", PUB,
     "later in the day", "DATE", "2013-03-20"),
    ("day_by_reference_is_the_day_named_before", "Shares fell on March 12, the day before the vote.", PUB,
     "the day", "DATE", "2013-03-12"),
    ("ordinal_day_of_an_event_is_the_day_spoken_of", "Today is the eighth day of the blockade.", PUB,
     "the eighth day", "DATE", "2013-03-20"),
    ("past_adjective_plural_unit_is_past_ref", "There were sell programs in past years, too.", PUB,
     "past years", "DATE", "PAST_REF"),
    ("future_adjective_plural_unit_is_future_ref", "Credits will cut tax payments in future quarters.", PUB,
     "future quarters", "DATE", "FUTURE_REF"),
    ("focus_adverb_left_out_of_the_expression", "The firm, which just months ago was failing, is growing.", PUB,
     "months ago", "DURATION", "PXM"),
]


@pytest.mark.parametrize("name,text,published,mention,type_,value", KEPT, ids=[c[0] for c in KEPT])
def test_kept_span_has_a_calendar_value(nlp, keeping, name, text, published, mention, type_, value):
    rows = run(nlp, text, published, keeping)
    assert rows.get(mention) == (type_, value), rows


NOT_KEPT = [
    ("indefinite_day_is_no_day_of_the_calendar", "It was a good day for the company.", "a good day"),
    ("fraction_quarter_is_not_a_time", "Funds hold more than a quarter of the market.", "more than a quarter"),
    ("kind_of_year_is_not_a_time", "The operator changed from a fiscal year to a calendar year.", "a fiscal year"),
    ("unit_compound_adjective_with_no_value", "Third-period sales were $2.49 billion.", "Third-period"),
]


@pytest.mark.parametrize("name,text,mention", NOT_KEPT, ids=[c[0] for c in NOT_KEPT])
def test_span_without_a_calendar_value_is_not_kept(nlp, keeping, name, text, mention):
    assert mention not in run(nlp, text, PUB, keeping)


REFERENCE_DAYS = [
    ("next_day_after_a_named_day", "On Monday the army attacked. The next day, rebels retreated.", PUB,
     "The next day", "DATE", "2013-03-19"),
    ("next_day_without_a_named_day", "The rebels fled. The next day, the army entered the town.", PUB,
     "The next day", "DATE", "2013-03-21"),
    ("previous_day_without_a_named_day", "Shares had fallen sharply the previous day.", PUB,
     "the previous day", "DATE", "2013-03-19"),
]


@pytest.mark.parametrize("name,text,published,mention,type_,value", REFERENCE_DAYS, ids=[c[0] for c in REFERENCE_DAYS])
def test_day_named_by_reference(nlp, name, text, published, mention, type_, value):
    rows = run(nlp, text, published)
    assert rows.get(mention) == (type_, value), rows


YEAR_PERIODS = [
    ("year_period_in_a_quarterly_report_is_the_quarter",
     "Profit rose in the fourth quarter. Sales were up from the 2011 period.", PUB, "the 2011 period", "DATE",
     "2011-Q4"),
    ("year_period_beside_a_longer_period_is_the_year", "For the nine months, sales fell from the 2011 period.", PUB,
     "the 2011 period", "DATE", "2011"),
    ("year_period_without_quarters_is_the_year", "Sales were up from the 2011 period.", PUB, "the 2011 period",
     "DATE", "2011"),
]


@pytest.mark.parametrize("name,text,published,mention,type_,value", YEAR_PERIODS, ids=[c[0] for c in YEAR_PERIODS])
def test_year_period_names_the_compared_quarter(nlp, name, text, published, mention, type_, value):
    rows = run(nlp, text, published)
    assert rows.get(mention) == (type_, value), rows
