"""The pipeline: the trained model when installed, else a blank English pipeline with the rules and a warning."""
from __future__ import annotations

import pytest

from extractor import pipeline
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
