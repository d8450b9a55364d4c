"""A form of address is how a name is written ("Mrs. Rose"): the people row's span keeps it and its
name does not; an office or rank ("President Kennedy") stays a title, outside the span."""
from __future__ import annotations

import pytest


def people(nlp, text: str) -> dict[str, dict]:
    doc = nlp(text)
    return {text[r["start"]:r["end"]]: r for r in doc._.people}


@pytest.mark.parametrize("text, span, name", [
    ("Mrs. Rose said she would return to the farm.", "Mrs. Rose", "Rose"),
    ("The talks, said Mr Kim, went well.", "Mr Kim", "Kim"),
    ("Ms. Toth declined to comment on the case.", "Ms. Toth", "Toth"),
    ("Miss Bickel told the court she was afraid.", "Miss Bickel", "Bickel"),
])
def test_courtesy_title_in_span_not_in_name(nlp, text, span, name):
    found = people(nlp, text)
    assert span in found, found
    assert found[span]["name"] == name
    assert not found[span]["title"]


@pytest.mark.parametrize("text, span", [
    ("President Kennedy was shot in Dallas.", "Kennedy"),          # an office: a title
    ("Dr. Alan Grant said the bones were old.", "Alan Grant"),     # a degree: left out
    ("The mrs. Rose account was closed.", None),                   # no capital: no form of address
])
def test_titles_stay_out_of_the_span(nlp, text, span):
    found = people(nlp, text)
    if span is not None:
        assert span in found, found
    assert not any(k.split()[0].lower().rstrip(".") in {"president", "dr", "mrs"} for k in found), found
