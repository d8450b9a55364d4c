"""Organisations and officials, round 9 (issue 15): a thing's name the model ran into the body after
"for", and officials whose organisation follows "in" or a possessive with modifiers. Sentences
written for the patterns."""
from __future__ import annotations

import pytest


def orgs(nlp, text: str) -> set[str]:
    return {text[r["start"]:r["end"]] for r in nlp(text)._.organizations}


@pytest.mark.parametrize("text, org, not_org", [
    ("Tom Beck drafted a paper on the Hawk for the Redmond Center for Security Policy in May.",
     "Redmond Center for Security Policy", "Hawk for the Redmond Center for Security Policy"),
])
def test_thing_before_for_is_cut_from_the_body(nlp, text, org, not_org):
    found = orgs(nlp, text)
    assert org in found and not_org not in found, found


@pytest.mark.parametrize("text, org", [
    ("Members of Citizens for Tax Justice met on Monday.", "Citizens for Tax Justice"),  # plural people, no body after
    ("She joined Physicians for Human Rights in 2004.", "Physicians for Human Rights"),
    ("The grant came from the Carnegie Foundation for the Advancement of Teaching last year.",
     "Carnegie Foundation for the Advancement of Teaching"),                          # a body's word before "for"
])
def test_body_named_for_its_cause_keeps_for(nlp, text, org):
    assert org in orgs(nlp, text)
