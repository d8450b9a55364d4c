"""People round 7: names the tagger calls a place or an organisation, read as a person from the
role a sentence gives them (a person's context over a town's name, named to a post, listed with
other people, an alias, "a man called X", a title in parentheses)."""
from __future__ import annotations

import pytest


def people_texts(nlp, text: str) -> set[str]:
    return {text[r["start"]:r["end"]] for r in nlp(text)._.people}


def place_texts(nlp, text: str) -> set[str]:
    return {text[r["start"]:r["end"]] for r in nlp(text)._.places}


@pytest.mark.parametrize("text, person", [
    # a town's name in a context only a person is named in: the person, and no place row
    ("A week later Oswald was charged in Kennedy's assassination.", "Kennedy"),
    ("One letter came from Anderson's sister in Ohio.", "Anderson"),
])
def test_person_context_outweighs_a_towns_name(nlp, text, person):
    assert person in people_texts(nlp, text)
    assert person not in place_texts(nlp, text)


@pytest.mark.parametrize("text, place", [
    # states, regions and countries keep their reading
    ("The state sent North Carolina's native son to the Senate.", "North Carolina"),
    ("Jordan's son was crowned in Amman.", "Jordan"),
    # no person's context: the town stays a town
    ("The storm reached Kennedy on Monday.", None),
])
def test_places_without_a_persons_context_stay_places(nlp, text, place):
    if place is not None:
        assert place in place_texts(nlp, text)
        assert place not in people_texts(nlp, text)
    else:
        assert "Kennedy" not in people_texts(nlp, text)


@pytest.mark.parametrize("text, person", [
    ("Last month, Harrington was named honorary president of the Socialist International.", "Harrington"),
    ("The panel questioned Mason and other administration officials about the programs.", "Mason"),
    ("The chairman of the front, Mohamed Ahmed Issa, also known as Cheiko, was arrested.", "Cheiko"),
    ("He said he had been framed by a mysterious man called Raoul.", "Raoul"),
    ("Gunars Meierovics (minister of state for Baltic affairs) will attend the talks.", "Gunars Meierovics"),
])
def test_a_role_only_a_person_has_makes_a_person(nlp, text, person):
    assert person in people_texts(nlp, text)


@pytest.mark.parametrize("text, not_person", [
    # firms are listed with firms, named "the winner", and called by their brand
    ("Shares of Ford and other automakers fell on Monday.", "Ford"),
    ("Acme was named the best supplier of the year.", "Acme"),
    ("The firm sold a drug called Prozac.", "Prozac"),
    # "known as" after no person
    ("The group, also known as Hamas, denied it.", "Hamas"),
])
def test_roles_of_things_make_no_person(nlp, text, not_person):
    assert not_person not in people_texts(nlp, text)


def officials_of(nlp, text: str) -> dict[str, tuple[str | None, str | None]]:
    doc = nlp(text)
    return {r["name"]: (r["title"], r["affiliation"]) for r in doc._.officials}


@pytest.mark.parametrize("text, name, title, affiliation", [
    # a body led or founded by the person: the verb names the post
    ("The study was done by the Mediterranean Foundation headed by Juan Novara.", "Juan Novara", "head",
     "Mediterranean Foundation"),
    ("The Harbor Opera Theater was founded in 1977 by Leigh Gore, who conducted it.", "Leigh Gore", "founder",
     "Harbor Opera Theater"),
    # a copula after an apposition that holds no title
    ("Anderson, the longest-held hostage, is chief correspondent for The Associated Press.", "Anderson",
     "chief correspondent", "Associated Press"),
    # a place before the title is the beat; the organisation after it is the employer
    ("Terry Anderson, Middle East correspondent for The Associated Press, said it.", "Terry Anderson",
     "correspondent", "Associated Press"),
    # a place and no organisation after: the place stays
    ("John Smith, Japan's prime minister, said it.", "John Smith", "prime minister", "Japan"),
])
def test_officials_of_bodies_and_beats(nlp, text, name, title, affiliation):
    assert officials_of(nlp, text).get(name) == (title, affiliation)


@pytest.mark.parametrize("text, name", [
    # a report written by someone, a body no model names, a clause in the apposition
    ("The report was written by John Smith.", "John Smith"),
    ("The company, led by John Smith, grew.", "John Smith"),
    ("Smith, who was arrested, is a lawyer.", "Smith"),
])
def test_no_official_without_a_body_or_title(nlp, text, name):
    assert name not in officials_of(nlp, text)


@pytest.mark.parametrize("text, person", [
    # whatever label the tagger gives, a person's context settles it
    ("Sturholm had resigned effective Monday and told friends he would write.", "Sturholm"),
    ("He admitted that he shot Mendes outside his home.", "Mendes"),
    # a surname before the full name it belongs to
    ("Aldrin was born in Montclair, N.J., and christened Edwin E. Aldrin Jr.", "Aldrin"),
])
def test_person_context_over_any_label_and_cataphoric_surnames(nlp, text, person):
    assert person in people_texts(nlp, text)


@pytest.mark.parametrize("text, not_person", [
    ("He studied at Tennessee Tech and holds a doctorate from Virginia Tech.", "Virginia Tech"),
    ("He studied at Tennessee Tech and holds a doctorate from Virginia Tech.", "Tech"),
])
def test_no_person_from_a_college_or_a_firm(nlp, text, not_person):
    assert not_person not in people_texts(nlp, text)


@pytest.mark.parametrize("text, person", [
    # in apposition after a title, or before a noun of people or a nationality
    ("In 1533, the last Incan King of Peru, Atahualpa, was murdered.", "Atahualpa"),
    ("Surratt, a young Confederate spy who had conspired with Booth, was hanged.", "Surratt"),
    ("An Wang, a native of Shanghai, who developed the device, died.", "Wang"),
    ("Sirhan, a Christian Arab, was spared the death penalty.", "Sirhan"),
])
def test_apposition_with_a_person_makes_a_person(nlp, text, person):
    assert person in people_texts(nlp, text)


@pytest.mark.parametrize("text, not_person", [
    ("Toyota, a Japanese company, said sales rose.", "Toyota"),
    ("Hamas, a Palestinian group, denied it.", "Hamas"),
    ("The capital of Peru, Lima, is large.", "Lima"),
    # the parser hangs the kin noun on the town of birth
    ("Lucille Ball was born in Jamestown, N.Y., the daughter of an electrician.", "Jamestown"),
])
def test_apposition_with_a_thing_or_a_birthplace_makes_no_person(nlp, text, not_person):
    assert not_person not in people_texts(nlp, text)


def test_employer_cut_where_the_models_organisation_runs_into_a_clause(nlp):
    text = "Sam Kadet of the corporate law firm of Skadden, Arps said Popeyes could give notice on Thursday."
    assert officials_of(nlp, text).get("Sam Kadet", (None, None))[1] in {"Skadden, Arps", "Skadden"}
    # an organisation with no verb inside keeps its whole name
    assert officials_of(nlp, "Jane Doe of the Sierra Club said it.").get("Jane Doe") == ("", "Sierra Club")


@pytest.mark.parametrize("text, person, present", [
    # the tagger ran the body of a title and its holder together
    ("First Deputy Commander of the Russian Pacific Fleet Igor Khmelnov flew to the site.", "Igor Khmelnov", True),
    ("He is president of the Bank of John Smith.", "John Smith", False),
])
def test_names_run_into_a_body(nlp, text, person, present):
    assert (person in people_texts(nlp, text)) is present

