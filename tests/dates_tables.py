"""What the dates table tests share: a news_dates component with given options, the dates a pipeline
finds in one text (as rows, or keyed by mention), the check that a mention has its type and value, and
the check that a text (or a mention in it) gives no date."""
from __future__ import annotations

from extractor.components.dates import NewsDates
from extractor.normalize.timex import GRAMMAR_FILES


def dates_component(**options) -> NewsDates:
    """An initialised news_dates on the shipped grammar with OPTIONS (keep_unnormalized=...,
    part_of_day_time=...), to run in place of the pipeline's own."""
    comp = NewsDates("news_dates", lexicon_path=GRAMMAR_FILES[0], patterns_path=GRAMMAR_FILES[1],
                     numbers_path=GRAMMAR_FILES[2], **options)
    comp.initialize()
    return comp


def dates_of(nlp, text: str, published: str | None, dates=None) -> list[dict]:
    """The dates rows NLP finds in TEXT published on PUBLISHED, each with its mention as "text";
    DATES, when given, runs in place of the pipeline's news_dates."""
    doc = nlp.make_doc(text)
    doc._.published = published
    for name, proc in nlp.pipeline:
        doc = (dates if name == "news_dates" and dates is not None else proc)(doc)
    return [{**d, "text": text[d["start"]:d["end"]]} for d in doc._.dates]


def dates_by_mention(nlp, text: str, published: str | None, dates=None) -> dict[str, tuple[str, str]]:
    """mention -> (type, value) of the dates NLP finds in TEXT published on PUBLISHED (see dates_of)."""
    return {d["text"]: (d["type"], d["value"]) for d in dates_of(nlp, text, published, dates)}


def assert_date(nlp, text: str, published: str | None, mention: str, type_: str, value: str, dates=None) -> None:
    """The dates NLP finds in TEXT published on PUBLISHED (DATES as in dates_of) hold MENTION, of
    TYPE_ and VALUE: the check of every (name, text, published, mention, type, value) table."""
    rows = dates_by_mention(nlp, text, published, dates)
    assert mention in rows, rows
    assert rows[mention] == (type_, value), rows


def assert_no_date(nlp, text: str, published: str | None, mention: str | None = None, dates=None) -> None:
    """The dates NLP finds in TEXT published on PUBLISHED (DATES as in dates_of) hold no row whose
    mention is MENTION; with no MENTION, no row at all: the check of every negative table."""
    rows = dates_by_mention(nlp, text, published, dates)
    if mention is None:
        assert rows == {}, rows
    else:
        assert mention not in rows, rows
