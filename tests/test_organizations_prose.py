"""Organisations in prose (issue 15, causes 2 and 5): the name after a noun naming a kind of
organisation, the other mentions of a name that is an organisation once, a company's short name that
the places component read as its namesake town, and a name the model cut at its head's preposition.
Sentences written for the patterns."""
from __future__ import annotations

import pytest


def orgs(nlp, text: str) -> set[str]:
    return {text[r["start"]:r["end"]] for r in nlp(text)._.organizations}


def places(nlp, text: str) -> set[str]:
    return {text[r["start"]:r["end"]] for r in nlp(text)._.places}


@pytest.mark.parametrize("text, org", [
    ("Shares of electronics retailer Best Buy rose on Tuesday.", "Best Buy"),
    ("Rumors said the Chilean copper company Codelco would close a smelter.", "Codelco"),
    ("The deal left the insurance firm AIG with new debts.", "AIG"),
])
def test_name_after_a_descriptor_is_an_organisation(nlp, text, org):
    assert org in orgs(nlp, text)


@pytest.mark.parametrize("text, not_org", [
    ("The company President Tim Cook spoke on Monday.", "President Tim Cook"),  # a title and a person
    ("The company Monday said it would cut jobs.", "Monday"),                    # a date
    ("He worked on network TV shows for years.", "TV"),                          # a modifier of a noun
    ("The party Chairman spoke first.", "Chairman"),                             # a title alone
])
def test_descriptor_before_no_name(nlp, text, not_org):
    assert not_org not in orgs(nlp, text)


def test_other_mentions_of_an_organisation_follow_it(nlp):
    text = ("Cisco Systems sued Apple on Wednesday over the iPhone trademark. "
            "Cisco said it had owned the name since 2000.")
    found = orgs(nlp, text)
    assert {"Cisco Systems", "Cisco"} <= found


def test_person_mentions_are_left_to_the_people_component(nlp):
    text = "Trump Organization said on Monday it would build a hotel. Mr. Trump visited the site."
    assert "Trump" not in orgs(nlp, text)


@pytest.mark.parametrize("text, company, town_kept", [
    # the company's short name as the subject of a verb: the company
    ("Toyota Motor Corp. recalled 2 million cars. Toyota said on Monday the flaw was fixed.", True, False),
    # "in Toyota": the place reading is explicit and stays
    ("Toyota Motor Corp. recalled 2 million cars. The plant in Toyota was closed on Monday.", False, True),
])
def test_company_short_name_read_as_a_town(nlp, text, company, town_kept):
    mention = text.index("Toyota", 10)
    rows = nlp(text)
    assert any(r["start"] == mention for r in rows._.organizations) is company
    assert any(r["start"] == mention for r in rows._.places) is town_kept


@pytest.mark.parametrize("text, org", [
    ("The Council of Senior Officials of the Organization for Economic Cooperation met in Oslo.",
     "Council of Senior Officials of the Organization for Economic Cooperation"),
])
def test_name_run_on_to_its_preposition_is_joined(nlp, text, org):
    assert org in orgs(nlp, text)


def test_preposition_before_a_lower_case_word_joins_nothing(nlp):
    text = "The Bank of England and Barclays met on Friday."
    assert {"Bank of England", "Barclays"} <= orgs(nlp, text)


@pytest.mark.parametrize("text, org, not_place", [
    # a place's name before a broadcaster's words: the broadcaster
    ("She gave an interview to Slovenia Radio and TV on Sunday.", "Slovenia Radio and TV",
     "Slovenia"),
    # a one-word legislature the model calls a place
    ("He served 24 years in Congress before he retired.", "Congress", "Congress"),
])
def test_place_rows_that_are_organisations(nlp, text, org, not_place):
    assert org in orgs(nlp, text)
    assert not_place not in places(nlp, text)


@pytest.mark.parametrize("text, not_org", [
    ("Inspectors found a crack in the fan of the PW4098 engine.", "PW4098"),     # a model's code
    ("Test records were falsified for valves on the FA-18.", "FA-18"),
])
def test_model_codes_are_no_organisations(nlp, text, not_org):
    assert not_org not in orgs(nlp, text)


@pytest.mark.parametrize("code, expected", [
    ("CFM56", True), ("FA-18", True), ("H-2", True), ("PY2604013394", True),
    ("G7", False), ("G-20", False), ("3M", False), ("NATO", False), ("AT&T", False),
])
def test_model_code_pattern(code, expected):
    import json
    import re
    from pathlib import Path

    data = json.loads((Path(__file__).resolve().parents[1] / "models/places/not_organizations.json").read_text())
    assert bool(re.match(data["model_code_pattern"], code)) is expected


def test_hyphenated_name_split_by_the_tokenizer_is_joined(nlp):
    text = "She is treasurer of the Assembly of Schleswig-Holstein, the paper reported."
    assert "Assembly of Schleswig-Holstein" in orgs(nlp, text)


@pytest.mark.parametrize("text, employer", [
    ("( By INTERFAX correspondent Pavel Orlov )", "INTERFAX"),
    ("The letter was signed by FETRA Treasurer Ana Ruiz on Friday.", "FETRA"),
])
def test_employer_before_a_title_and_a_person(nlp, text, employer):
    assert employer in orgs(nlp, text)


@pytest.mark.parametrize("text, not_org", [
    ("Soviet President Mikhail Gorbachev arrived on Monday.", "Soviet"),      # a nationality
    ("Former President Jimmy Carter arrived on Monday.", "Former"),          # a title's modifier
    ("Texas Gov. Ann Richards spoke on Monday.", "Texas"),                   # a place, an honorific
])
def test_no_employer_before_a_title(nlp, text, not_org):
    assert not_org not in orgs(nlp, text)


@pytest.mark.parametrize("text, org", [
    ("Acme Gold said on Monday it had found new reserves near the lake.", "Acme Gold"),
    ("Shares of Salomon Brothers fell after the bank cut its forecast.", "Salomon Brothers"),
])
def test_untagged_name_ending_in_a_company_word(nlp, text, org):
    assert org in orgs(nlp, text)


@pytest.mark.parametrize("text, not_org", [
    ("Atomic Energy Agency inspectors arrived in the capital on Monday.", "Atomic Energy"),  # the name goes on
    ("Energy Group Reports Higher Profits For Third Quarter", "Energy Group"),          # a title-case headline
])
def test_company_word_run_that_is_no_whole_name(nlp, text, not_org):
    assert not_org not in orgs(nlp, text)


@pytest.mark.parametrize("text, org, not_org", [
    # the company's seat after a comma or after its legal form's "of" is no part of its name
    ("The plane was owned by Bradley Air Services of Carp, Ontario, a charter firm.", "Bradley Air Services of Carp",
     "Bradley Air Services of Carp, Ontario"),
    ("Pittsburgh-Corning Corp. of Pittsburgh made the insulation.", "Pittsburgh-Corning Corp.",
     "Pittsburgh-Corning Corp. of Pittsburgh"),
])
def test_company_seat_is_cut(nlp, text, org, not_org):
    found = orgs(nlp, text)
    assert org in found and not_org not in found


def test_of_and_comma_inside_a_name_stay(nlp):
    found = orgs(nlp, "The Bank of America said on Tuesday it would hire 500 people.")
    assert "Bank of America" in found


def test_entity_run_across_a_verb_is_two_names(nlp):
    text = "A lawyer at the firm of Skadden, Arps said Popeyes could give notice on Thursday."
    found = orgs(nlp, text)
    assert not any("said" in o for o in found)


@pytest.mark.parametrize("text, org", [
    ("Standard & Poor's raised its outlook on Sweden to positive.", "Standard & Poor's"),  # the name's own 's
    ("Apple's profits rose by a third.", "Apple"),                                       # an owner's 's
])
def test_possessive_kept_only_when_it_is_the_names(nlp, text, org):
    assert org in orgs(nlp, text)


def test_stock_index_after_a_possessive_is_no_organisation(nlp):
    assert not orgs(nlp, "The Standard & Poor's 500 index fell 2 percent on Friday.")


def test_a_person_row_that_ends_in_a_body_word_cuts_no_organisation(nlp):
    text = "The General Accounting Office found that the agency lost track of its trucks."
    assert "General Accounting Office" in orgs(nlp, text)


@pytest.mark.parametrize("text, org", [
    ("Interfax quoted a Gazprom spokesman as saying supplies would resume.", "Gazprom"),
    ("KLM mechanics walked off the job at dawn.", "KLM"),
])
def test_name_before_a_staff_noun_is_an_organisation(nlp, text, org):
    assert org in orgs(nlp, text)


@pytest.mark.parametrize("text, not_org", [
    ("Company officials said the plant would close.", "Company"),      # a common noun at a sentence's start
    ("A Texas official said the road was closed.", "Texas"),           # a place
    ("The Chief Executive officer resigned on Monday.", "Chief Executive"),  # a title
])
def test_staff_noun_after_no_body(nlp, text, not_org):
    assert not_org not in orgs(nlp, text)


def test_company_short_name_in_a_headline_and_as_a_modifier(nlp):
    text = ("TOYOTA TO BUILD NEW PLANT IN KENTUCKY\n"
            "Toyota Motor Corp plans to build a new car plant in Kentucky, a newspaper said on Thursday.\n"
            "A Toyota spokesman declined to comment on the report.\n")
    found = orgs(nlp, text)
    assert {"TOYOTA", "Toyota"} <= found
    assert "Kentucky" in places(nlp, text)


def test_campus_after_a_comma_stays_in_the_name(nlp):
    found = orgs(nlp, "She studied law at the University of California, Berkeley, for three years.")
    assert not found or any("Berkeley" in o for o in found)


@pytest.mark.parametrize("text, not_org", [
    ("The gunman wounded Senator Hale and Officer Briggs before he fled.", "Officer"),
    ("Henry Ford III, a grandson of the founder, joined the board.", "III"),
])
def test_title_or_suffix_alone_is_no_organisation(nlp, text, not_org):
    assert not_org not in orgs(nlp, text)


@pytest.mark.parametrize("text, org", [
    ("Nevada Highway Patrol Officer Sam Ortiz said the road would stay shut.", "Nevada Highway Patrol"),
    ("Ann Lowe, who sits on the Baltimore City Council, voted against the plan.", "Baltimore City Council"),
])
def test_body_named_after_a_place(nlp, text, org):
    assert org in orgs(nlp, text)


@pytest.mark.parametrize("text, place", [
    ("He was born in the Soviet Union in 1950.", "Soviet Union"),          # a union that is a place
    ("Flooding closed roads across Ohio River counties on Monday.", "Ohio River"),  # no body's last word
])
def test_place_without_a_body_word_stays_a_place(nlp, text, place):
    assert place in places(nlp, text) and place not in orgs(nlp, text)


def test_company_word_run_before_a_noun_modifies_it(nlp):
    assert "First Mutual" not in orgs(nlp, "The top gainer was the First Mutual savings bank, up 5 percent.")


def test_a_resolution_is_no_organisation(nlp):
    assert not orgs(nlp, "The camera records at 1920x1080 and stores its clips on a card.")


@pytest.mark.parametrize("text, not_org", [
    ("Visitors crowded the Columbian Exposition in Chicago that summer.", "Columbian Exposition"),
    ("The book looks again at the Cuban Missile Crisis of 1962.", "Cuban Missile Crisis"),
    ("He doubted the Warren Commission Report on the killing.", "Warren Commission"),
])
def test_events_and_documents_are_no_organisations(nlp, text, not_org):
    assert not_org not in orgs(nlp, text)
