"""People: the capitalised run after a title word is the holder's name only where the tagger's
other reading of it is outweighed."""
from __future__ import annotations

import pytest


def people(nlp, text: str) -> list[str]:
    return [text[r["start"]:r["end"]] for r in nlp(text)._.people]


# A title word used as a common noun ("pilot" as a programme, "producer" of a show) before a name the
# tagger reads whole as a body or a work: the name is no person's.
@pytest.mark.parametrize("text, not_person", [
    ("Maya joined the cast of the unaired pilot Harbor Lights for a cable channel in 2004.", "Harbor Lights"),
    ("The studio shot a pilot Silver Harbor for the network last spring.", "Silver Harbor"),
])
def test_run_named_as_a_thing_after_a_title_is_no_person(nlp, text, not_person):
    assert not any(not_person in p for p in people(nlp, text))


# Negatives: a given name after the title, or a run the tagger calls a person, is still the holder.
@pytest.mark.parametrize("text, name", [
    ("The airline pilot Orvin Maddox landed the crippled jet on a frozen lake.", "Orvin Maddox"),
    ("Navy pilot Ellen Crane became the first woman to lead the squadron.", "Ellen Crane"),
    ("Company spokesman Mike Hollander gave no figures for the quarter.", "Mike Hollander"),
    ("President Carter flew to the coast on Monday.", "Carter"),
])
def test_holder_after_a_title_is_kept(nlp, text, name):
    assert name in people(nlp, text)



# A lone name the tagger calls an organisation is a person when "he" follows it in its sentence
# with only an organisation between: "he" cannot stand for the organisation.
@pytest.mark.parametrize("text, name", [
    ("Brugger later sold the shares to Halvorsen Capital before he left the country.", "Brugger"),
])
def test_lone_name_he_follows_past_an_organisation(nlp, text, name):
    assert name in people(nlp, text)


# Negatives: "its" after the name keeps it a body, and a firm with no pronoun after it stays one.
@pytest.mark.parametrize("text, not_person", [
    ("Norlake said its profit rose after Vantage Corp cut prices.", "Norlake"),
    ("Acme was fined two million dollars.", "Acme"),
])
def test_body_with_its_is_no_person(nlp, text, not_person):
    assert not_person not in people(nlp, text)
