"""A name after a company's legal form and "of" ("Co. of", "Inc. of") is the town the company is based
in: a place row, though the model often calls it an organisation of its own."""
from __future__ import annotations

import pytest


def tables(nlp, text: str) -> tuple[list[str], list[str]]:
    doc = nlp(text)
    return ([text[r["start"]:r["end"]] for r in doc._.places],
            [text[r["start"]:r["end"]] for r in doc._.organizations])


@pytest.mark.parametrize("text, company, town", [
    ("The truck, leased from Hanley Freight Co. of Folsom, overturned on the ramp.", "Hanley Freight Co.", "Folsom"),
    ("Shares of Marlow Tool Inc. of Dayton rose sharply.", "Marlow Tool Inc.", "Dayton"),
])
def test_the_town_after_a_legal_form_and_of_is_the_seat(nlp, text, company, town):
    places, organisations = tables(nlp, text)
    assert town in places
    assert company in organisations


def test_of_after_a_body_noun_keeps_the_organisation_whole(nlp):
    # "Bank of X" is the bank's name, not a legal form and its seat.
    places, organisations = tables(nlp, "The Bank of Jackson said profits fell.")
    assert "Jackson" not in places
