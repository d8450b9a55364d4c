"""An adjective of place between a preposition and a small town's name ("in suburban X", "in nearby X")
says the name is a place, as the preposition alone does (models/places/context.json "before")."""
from __future__ import annotations

import pytest


def place_texts(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [text[r["start"]:r["end"]] for r in doc._.places]


@pytest.mark.parametrize("text, town", [
    ("The retired banker lived for decades in suburban Larchmont.", "Larchmont"),
    ("The boy was flown to a hospital in nearby Folsom after the crash.", "Folsom"),
    ("Wells ran dry across farms in rural Hardin this summer.", "Hardin"),
])
def test_a_small_town_after_a_place_adjective_is_a_place(nlp, text, town):
    assert town in place_texts(nlp, text)


@pytest.mark.parametrize("text, town", [
    ("The retired banker lived for decades in suburban Larchmont.", "Larchmont"),
])
def test_the_same_town_without_place_words_or_context_is_dropped_as_a_stray_name(nlp, text, town):
    # The rule is what keeps it: a bare mention with nothing placing it stays out (a company, a surname).
    assert town not in place_texts(nlp, f"{town} reported higher sales on Monday.")
