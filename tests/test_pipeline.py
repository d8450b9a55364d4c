"""The pipeline: the trained model when installed, else a blank English pipeline with the rules and a warning."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from extractor import pipeline
from extractor.components import base
from extractor.components import COMPONENTS


def test_trained_pipeline_has_our_components_last(nlp):
    assert nlp.pipe_names[-len(COMPONENTS):] == list(COMPONENTS)
    assert "ner" in nlp.pipe_names and "parser" in nlp.pipe_names


def test_blank_fallback_warns_and_still_extracts(monkeypatch):
    monkeypatch.setattr(pipeline, "default_model", lambda: None)
    with pytest.warns(UserWarning, match="no trained English spaCy pipeline"):
        nlp = pipeline.load_pipeline.__wrapped__(None)
    assert "sentencizer" in nlp.pipe_names and nlp.pipe_names[-len(COMPONENTS):] == list(COMPONENTS)
    doc = nlp.make_doc("UK Ambassador James Sharp arrived on June 10. Over 140 people were hurt.")
    doc._.published = "2021-06-11"
    doc = nlp(doc)
    assert {d["value"] for d in doc._.dates} == {"2021-06-10"}
    assert [f["value"] for f in doc._.figures] == [140]
    assert [o["name"] for o in doc._.officials] == ["James Sharp"]


def test_doc_text_is_kept_once_and_equals_the_rebuilt_text(nlp):
    text = "Flooding hit Leeds on Monday.  About 40 homes were evacuated.\n"
    doc = pipeline.article_doc(nlp, text, None)
    assert base.doc_text(doc) is text  # the string the engine made the Doc from, not a rebuilt copy
    plain = nlp.make_doc(text)  # a Doc made by a user: the first reader keeps the text
    assert base.doc_text(plain) == plain.text and base.doc_text(plain) is base.doc_text(plain)


@pytest.mark.filterwarnings("ignore:.*W10[12]")  # from_docs warns that it drops doc-level user data
def test_doc_text_kept_for_another_doc_is_not_used(nlp):
    first, second = nlp.make_doc("Rain in Paris."), nlp.make_doc("Snow fell in Oslo overnight.")
    base.doc_text(first)
    joined = Doc.from_docs([first, second])  # carries FIRST's user_data
    assert base.doc_text(joined) == joined.text
    span_doc = joined[4:].as_doc(copy_user_data=True)
    assert base.doc_text(span_doc) == span_doc.text == "Snow fell in Oslo overnight."


@pytest.mark.parametrize("ids", [{7}, {7, 9}, {4}, set()])
def test_token_indices_finds_every_place_of_one_id_or_several(ids):
    # one id goes by list.index, several by the set loop: both give every index, in order
    values = [7, 3, 9, 7, 7, 2, 9, 7]
    assert base.token_indices(values, ids) == [i for i, v in enumerate(values) if v in ids]
