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
    ("The grant came from the Hollis Foundation for the Study of Rivers last year.",
     "Hollis Foundation for the Study of Rivers"),                          # a body's word before "for"
])
def test_body_named_for_its_cause_keeps_for(nlp, text, org):
    assert org in orgs(nlp, text)


def officials(nlp, text: str) -> dict[str, dict]:
    return {r["name"]: r for r in nlp(text)._.officials}


@pytest.mark.parametrize("text, name, title, affiliation", [
    ("Kevin Marsh, an organizer in the Green Valley Farmers Union, spoke at the rally.",
     "Kevin Marsh", "organizer", "Green Valley Farmers Union"),
    ("Kevin Marsh, a lawyer in the Justice Department, said so.", "Kevin Marsh", "lawyer", "Justice Department"),
])
def test_title_in_an_organisation(nlp, text, name, title, affiliation):
    row = officials(nlp, text)[name]
    assert (row["title"], row["affiliation"]) == (title, affiliation)


@pytest.mark.parametrize("text, name", [
    ("Kevin Marsh, a lawyer in Chicago, said so.", "Kevin Marsh"),                    # a place
    ("Ruth Kane, a professor in the history department, wrote it.", "Ruth Kane"),     # a common noun
])
def test_title_in_no_organisation(nlp, text, name):
    assert officials(nlp, text)[name]["affiliation"] is None


@pytest.mark.parametrize("text, name, title, affiliation", [
    ("Lena Park is the AP's Midwest farm reporter and lives in Omaha.", "Lena Park", "reporter", "AP"),
    ("Maria Gomez is Reuters' chief economics correspondent in Madrid.", "Maria Gomez", "chief economics correspondent", "Reuters"),
])
def test_possessive_body_with_a_beat_before_the_title(nlp, text, name, title, affiliation):
    row = officials(nlp, text)[name]
    assert (row["title"], row["affiliation"]) == (title, affiliation)


def test_possessive_body_before_a_person_is_no_beat(nlp):
    row = officials(nlp, "Apple's Tim Cook spoke on Monday.")["Tim Cook"]
    assert (row["title"], row["affiliation"]) == ("", "Apple")


@pytest.mark.parametrize("text, name, affiliation", [
    ("Kevin Marsh served 12 years in the Senate before retiring.", "Kevin Marsh", "Senate"),
    ("Ruth Kane, who serves on the Harbor Water Board, voted no.", "Ruth Kane", "Harbor Water Board"),
])
def test_service_in_a_body(nlp, text, name, affiliation):
    row = officials(nlp, text)[name]
    assert (row["title"], row["affiliation"]) == ("", affiliation)


@pytest.mark.parametrize("text", [
    "Kevin Marsh served in Vietnam in 1968.",         # a place
    "Ruth Kane served on the jury in May.",           # a common noun
    "Ruth Kane served dinner in the Grand Hotel.",    # no body
])
def test_service_in_no_body(nlp, text):
    assert officials(nlp, text) == {}


@pytest.mark.parametrize("text, name, title, affiliation", [
    ("Kevin Marsh, one of the directors of the Harbor Trust, resigned on Monday.", "Kevin Marsh", "director", "Harbor Trust"),
    ("Ann Lee, one of the senior editors at the Daily Ledger, quit.", "Ann Lee", "senior editor", "Daily Ledger"),
])
def test_one_of_the_holders_of_a_post(nlp, text, name, title, affiliation):
    row = officials(nlp, text)[name]
    assert (row["title"], row["affiliation"]) == (title, affiliation)


@pytest.mark.parametrize("text", [
    "Ann Lee, one of the best lawyers in town, quit.",   # no body named
    "Ann Lee, one of the three candidates, spoke.",      # no title word
])
def test_one_of_many_with_no_body(nlp, text):
    assert officials(nlp, text) == {}


@pytest.mark.parametrize("text, seat", [
    ("The barge, leased from Hollister Marine Co. of Folsom, sank on Sunday.", "Folsom"),
    ("A truck owned by Keller Freight Inc. of Randolph overturned.", "Randolph"),
])
def test_company_seat_is_no_organisation(nlp, text, seat):
    found = orgs(nlp, text)
    assert seat not in found and any(o.endswith(("Co.", "Inc.")) for o in found), found


@pytest.mark.parametrize("text, org", [
    ("Shares of Burlington Northern rose on Friday.", "Burlington Northern"),          # no legal form before "of"
    ("The chairman of Acme Holdings Inc. of Texas Instruments fame spoke.", "Texas Instruments"),  # no place
])
def test_no_seat_without_a_legal_form_and_a_place(nlp, text, org):
    assert org in orgs(nlp, text)


@pytest.mark.parametrize("text, name, title, affiliation", [
    ("Halvorsen Corp. said Jane Roper, its chief financial officer, would retire.",
     "Jane Roper", "chief financial officer", "Halvorsen Corp."),
    ("Halvorsen Corp. said its chairman, Jane Roper, would retire.", "Jane Roper", "chairman", "Halvorsen Corp."),
])
def test_its_title_takes_the_sentences_organisation(nlp, text, name, title, affiliation):
    row = officials(nlp, text)[name]
    assert (row["title"], row["affiliation"]) == (title, affiliation)


def test_its_title_with_no_organisation_in_the_sentence(nlp):
    row = officials(nlp, "The city of Dover said Jane Roper, its mayor, would retire.")["Jane Roper"]
    assert row["affiliation"] is None   # a town, no organisation the model names


@pytest.mark.parametrize("text, name, affiliation", [
    ("Jane Roper, who has worked at Boeing for 20 years, disagreed.", "Jane Roper", "Boeing"),
    ("Jane Roper, who teaches at Purdue, disagreed.", "Jane Roper", "Purdue"),
])
def test_verb_of_employment_at_any_organisation(nlp, text, name, affiliation):
    row = officials(nlp, text)[name]
    assert (row["title"], row["affiliation"]) == ("", affiliation)


@pytest.mark.parametrize("text", [
    "Jane Roper, who writes at the Ritz every morning, disagreed.",   # writing there employs no one
    "Jane Roper, who spoke at Boeing on Monday, disagreed.",          # no verb of work
])
def test_at_an_organisation_without_employment(nlp, text):
    assert officials(nlp, text) == {}


@pytest.mark.parametrize("text, name, title, affiliation", [
    ("The bill was blocked, said Jane Roper, a Democrat who chairs the Senate Finance Committee.",
     "Jane Roper", "chair", "Senate Finance Committee"),
    ("Jane Roper, a Republican from Ohio who served 20 years in the Senate, died.", "Jane Roper", "", "Senate"),
    ("Jane Roper, a lawyer who works for Halvorsen Corp., disagreed.", "Jane Roper", "lawyer", "Halvorsen Corp."),
])
def test_who_clause_of_an_apposition(nlp, text, name, title, affiliation):
    row = officials(nlp, text)[name]
    assert (row["title"], row["affiliation"]) == (title, affiliation)


@pytest.mark.parametrize("text", [
    "Jane Roper, a woman who spoke at the Brookings Institution, disagreed.",   # no verb of work
    "Jane Roper, a neighbor of mine who knows the Sierra Club, called.",        # the apposition goes on past "of"
])
def test_who_clause_of_an_apposition_without_employment(nlp, text):
    assert officials(nlp, text) == {}


@pytest.mark.parametrize("text, name, title, affiliation", [
    ("Jane Roper, a longtime Boeing employee, disagreed.", "Jane Roper", "employee", "Boeing"),
    ("Jane Roper, a veteran Reuters correspondent, disagreed.", "Jane Roper", "correspondent", "Reuters"),
])
def test_dropped_modifier_before_the_organisation(nlp, text, name, title, affiliation):
    row = officials(nlp, text)[name]
    assert (row["title"], row["affiliation"]) == (title, affiliation)


def test_dropped_modifier_before_no_organisation(nlp):
    assert officials(nlp, "Jane Roper, a longtime friend of the family, called.") == {}


@pytest.mark.parametrize("text, name, title, affiliation", [
    ("Tom Hale, a Midland College trustee, said the plan was sound.", "Tom Hale", "trustee", "Midland College"),
    ("Dana Reyes, a firefighter with the Provo Fire Department, was hurt.", "Dana Reyes", "firefighter",
     "Provo Fire Department"),
])
def test_trustees_and_firefighters_are_titles(nlp, text, name, title, affiliation):
    row = officials(nlp, text)[name]
    assert (row["title"], row["affiliation"]) == (title, affiliation)


def test_firefighter_with_no_body(nlp):
    row = officials(nlp, "Dana Reyes, a firefighter, was hurt.")["Dana Reyes"]
    assert (row["title"], row["affiliation"]) == ("firefighter", None)


@pytest.mark.parametrize("text, org, not_org", [
    ("Halvorsen Corp Says Profits Rose\nThe company said on Monday that profits rose.", "Halvorsen Corp", "Halvorsen Corp Says"),
    ("HALVORSEN CORP SAYS PROFIT FELL\nThe company said so on Friday.", "HALVORSEN CORP", "HALVORSEN CORP SAYS"),
])
def test_headline_verb_ends_the_name(nlp, text, org, not_org):
    found = orgs(nlp, text)
    assert org in found and not_org not in found, found


def test_headline_verb_word_inside_a_name_in_prose(nlp):
    assert "Hollis Wins Fund" in orgs(nlp, "Shares of the Hollis Wins Fund rose on Monday after the report.")
