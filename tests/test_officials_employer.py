"""A person with the organisation a clause of work names ("who covers the White House for The
Associated Press", "has taught at"), or the organisation after a descriptor ("of the law firm
Skadden, Arps"): an officials row with that affiliation and no title."""
from __future__ import annotations

import pytest


def officials(nlp, text: str) -> dict[str, dict]:
    doc = nlp(text)
    return {r["name"]: r for r in doc._.officials}


@pytest.mark.parametrize("text, name, affiliation", [
    ("W. Dale Nelson covers the White House for The Associated Press.", "W. Dale Nelson", "Associated Press"),
    ("Lee Mitgang, who has covered education for the AP since 1981, said so.", "Lee Mitgang", "AP"),
    ("Tom Lee, who works for Acme Corp., said so.", "Tom Lee", "Acme Corp."),
    ("Sam Kadet of the law firm Skadden, Arps said the deal would proceed.", "Sam Kadet", "Skadden, Arps"),
    ("Greg Thayer of the Forest Service said the fire was contained.", "Greg Thayer", "Forest Service"),
])
def test_employer_named_by_work(nlp, text, name, affiliation):
    found = officials(nlp, text)
    assert name in found, found
    assert found[name]["affiliation"] == affiliation
    assert not found[name]["title"]


@pytest.mark.parametrize("text", [
    "Jane Roe, who spoke at Harvard University, said so.",       # speaking is no work there
    "Ann Fox, who sued Ford Motor Co., said so.",                # suing is no work for it
    "John Smith played golf at Augusta National with friends.",
])
def test_no_employer_without_a_verb_of_work(nlp, text):
    assert officials(nlp, text) == {}
