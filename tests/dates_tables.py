"""What the dates table tests share: a news_dates component with given options, and the dates a
pipeline finds in one text, keyed by mention."""
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


def dates_by_mention(nlp, text: str, published: str | None, dates=None) -> dict[str, tuple[str, str]]:
    """mention -> (type, value) of the dates NLP finds in TEXT published on PUBLISHED; DATES, when
    given, runs in place of the pipeline's news_dates."""
    doc = nlp.make_doc(text)
    doc._.published = published
    for name, proc in nlp.pipeline:
        doc = (dates if name == "news_dates" and dates is not None else proc)(doc)
    return {text[d["start"]:d["end"]]: (d["type"], d["value"]) for d in doc._.dates}
