"""The organizations component: ORG entities trimmed, without places, people and handles."""
from __future__ import annotations

import pytest


def org_texts(nlp, text: str) -> list[str]:
    doc = nlp(text)
    for r in doc._.organizations:
        assert r["name"] == " ".join(text[r["start"]:r["end"]].split())
    return [text[r["start"]:r["end"]] for r in doc._.organizations]


@pytest.mark.parametrize("text, expected", [
    ("An expert of the UK Defence Ministry's office visited Baku.", "UK Defence Ministry"),
    ("Azerbaijan lodged a complaint to the European Court of Human Rights.", "European Court of Human Rights"),
    ("The embassy works with UNICEF Azerbaijan on mine awareness.", "UNICEF"),
    ("The Azerbaijan National Agency for Mine Action said 300 villages were cleared.",
     "Azerbaijan National Agency for Mine Action"),
])
def test_organizations(nlp, text, expected):
    assert expected in org_texts(nlp, text)


@pytest.mark.parametrize("text, not_expected", [
    ("The war between Armenia and Azerbaijan ended.", {"Armenia", "Azerbaijan"}),
    ("Follow us on Twitter @AzerNewsAz for news.", {"@AzerNewsAz"}),
    ("The embassy works with UNICEF Azerbaijan on mine awareness.", {"UNICEF Azerbaijan", "Azerbaijan"}),
])
def test_not_organizations(nlp, text, not_expected):
    assert not set(org_texts(nlp, text)) & not_expected


def test_no_leading_article_or_possessive(nlp):
    for t in org_texts(nlp, "The European Central Bank's decision surprised the International Monetary Fund."):
        assert not t.lower().startswith("the ") and not t.endswith(("'s", "’s"))


def test_seed_article(nlp, seed_text):
    names = {r["name"] for r in nlp(seed_text)._.organizations}
    assert {"Azerbaijan National Agency for Mine Action", "UNICEF", "European Court of Human Rights",
            "Mine Action Agency"} <= names


@pytest.mark.parametrize("code, expected", [("USD", True), ("AZN", True), ("UN", False), ("NATO", False),
                                            ("Usd", False)])
def test_currency_codes(code, expected):
    from extractor.components.organizations import is_currency_code

    assert is_currency_code(code) is expected


@pytest.mark.parametrize("text, not_expected", [
    ("Apple unveiled the iPod Nano and the new MacBook Air on Tuesday.", {"iPod", "iPod Nano", "MacBook Air"}),
    ("The FTSE 100 fell 2% while the Dow Jones rose.", {"FTSE", "Dow Jones", "FTSE 100"}),
    ("The Hang Seng index slipped in Hong Kong.", {"Hang Seng"}),
    ("Jobs spoke at the Worldwide Developers Conference in San Francisco.", {"Worldwide Developers Conference"}),
])
def test_products_indexes_and_events_are_not_organizations(nlp, text, not_expected):
    assert not set(org_texts(nlp, text)) & not_expected


@pytest.mark.parametrize("text, org, not_org", [
    # a title the model ran into the body before a person's name is cut off
    ("Coast Guard Lt. Mike Lee said the ship sank.", "Coast Guard", "Coast Guard Lt"),
    ("Harbour Police Capt. Ann Wu arrived on Monday.", "Harbour Police", "Harbour Police Capt"),
    # negatives: a title word inside a hyphenated name, and one with no name after it
    ("The Clandestine Committee-General Command issued a statement.", None, "Clandestine Committee-"),
])
def test_title_run_into_a_body_is_cut(nlp, text, org, not_org):
    got = org_texts(nlp, text)
    assert not_org not in got and (org is None or org in got)


def test_a_date_after_a_name_is_no_index_size(nlp):
    """"100"/"30" after a name make it a stock index ("FTSE 100"), but not when they start a date."""
    text = "The report was first printed by the London TIMES 30 Jan 94 on page 1."
    assert "TIMES" in org_texts(nlp, text)


@pytest.mark.parametrize("text, expected", [
    ("Dow Chemical reported higher profits on Monday.", "Dow Chemical"),
    ("Shares of eBay rose after the results.", "eBay"),
])
def test_companies_named_like_products_stay(nlp, text, expected):
    assert expected in org_texts(nlp, text)


@pytest.mark.parametrize("text, span, name", [
    # "The" written capitalised inside a sentence is part of the name; `name` drops it
    ("W. Dale Nelson covers the White House for The Associated Press.", "The Associated Press",
     "Associated Press"),
    # a name in capitals in an ordinary line keeps the "THE" of its capitals, even at the start
    ("Madras THE HINDU in English 7 May 94 p 13", "THE HINDU", "HINDU"),
])
def test_written_article_kept_in_span(nlp, text, span, name):
    rows = {text[r["start"]:r["end"]]: r["name"] for r in nlp(text)._.organizations}
    assert rows.get(span) == name


@pytest.mark.parametrize("text, expected", [
    # an acronym and its expansion run together by the tagger are two names
    ("Cardenas, candidate of the PRD (Party of the Democratic Revolution), won 9 percent.",
     {"PRD", "Party of the Democratic Revolution"}),
])
def test_names_split_at_parentheses(nlp, text, expected):
    assert expected <= set(org_texts(nlp, text))


def test_name_parts_split_at_line_breaks():
    import spacy
    from spacy.tokens import Span

    from extractor.components.organizations import name_parts

    doc = spacy.blank("en")("Acme Gold\nMining Corp (AGM) said")
    ent = Span(doc, 0, len(doc) - 1, label="ORG")
    assert [p.text for p in name_parts(ent)] == ["Acme Gold", "Mining Corp", "AGM"]


def test_person_run_into_an_organisation_is_cut():
    import spacy

    from extractor.components.organizations import cut_person_tail

    doc = spacy.blank("en")("the Pacific Fleet Igor Khmelnov flew")
    fleet = doc[1:5]
    person = (doc[3].idx, doc[4].idx + len(doc[4]))
    assert cut_person_tail(fleet, [person]).text == "Pacific Fleet"
    assert cut_person_tail(doc[3:5], [person]) is None


@pytest.mark.parametrize("text, expected", [
    # one name the tagger cut in pieces: an airline before its country, a compass word before a place,
    # two adjacent ORG pieces
    ("Air France cut 300 flights on Monday, and Air India followed.", {"Air France", "Air India"}),
    ("Toyota Motor North America said sales rose.", {"Toyota Motor North America"}),
    # a company suffix makes a "person" an organisation; a demonym inside is no given-name form
    ("Barrick Gold said output rose on Tuesday.", {"Barrick Gold"}),
    ("Shares of Royal Dutch Shell rose after Reuters reported the bid.", {"Royal Dutch Shell", "Reuters"}),
    # "the" before a name the model gives without it
    ("Officials at the United Nations agreed on Monday.", {"United Nations"}),
])
def test_organisation_spans_the_tagger_cut(nlp, text, expected):
    doc = nlp(text)
    assert expected <= set(org_texts(nlp, text))
    assert not expected & {text[r["start"]:r["end"]] for r in doc._.people}


@pytest.mark.parametrize("text, expected", [
    ("Seoul, May 3 (YONHAP) -- The talks resumed on Tuesday.", {"YONHAP"}),
    ("LONDON (Reuters) - Shares fell on Monday.", {"Reuters"}),
])
def test_wire_service_credit_in_a_dateline(nlp, text, expected):
    assert expected <= set(org_texts(nlp, text))


def test_parenthesis_before_a_dash_is_no_wire_service_without_a_name(nlp):
    assert org_texts(nlp, "The plan (see below) - a draft - was dropped.") == []


def place_texts(nlp, text: str) -> list[str]:
    return [text[r["start"]:r["end"]] for r in nlp(text)._.places]


@pytest.mark.parametrize("text, clubs", [
    # the subject or object of a result verb in a sentence with a score
    ("Liverpool beat Leeds 2-1 on Saturday in the Premier League.", {"Liverpool", "Leeds"}),
    ("Chicago defeated Boston 4-3 in overtime.", {"Chicago", "Boston"}),
    ("Toronto lost to Boston 104-98 on Sunday.", {"Toronto", "Boston"}),
    # a fixture line
    ("Chicago vs. Detroit, 7:30", {"Chicago", "Detroit"}),
    # a standings line
    ("Boston 45 20 .692 -", {"Boston"}),
])
def test_city_names_of_sports_clubs_are_organizations(nlp, text, clubs):
    assert clubs <= set(org_texts(nlp, text))
    assert not clubs & set(place_texts(nlp, text))


@pytest.mark.parametrize("text, places", [
    # national teams stay places, as the common convention has it
    ("France beat Brazil 3-0 in the final.", {"France", "Brazil"}),
    # no score, or a score no city is a side of
    ("He flew from Boston to Chicago on Monday.", {"Boston", "Chicago"}),
    ("The Senate voted 52-48 in Washington.", {"Washington"}),
    ("Leeds is a city in England, where the vote was 5-4.", {"Leeds"}),
])
def test_places_in_sports_and_votes_stay_places(nlp, text, places):
    assert places <= set(place_texts(nlp, text))


def org_set(nlp, text: str) -> set[str]:
    return set(org_texts(nlp, text))


@pytest.mark.parametrize("text, expected", [
    # the acronym in parentheses after the name it abbreviates
    ("Talks with the Khmer Rouge (KR) broke down on Monday.", {"Khmer Rouge", "KR"}),
    ("Agents of the Federal Bureau of Investigation (FBI) searched the house.", {"FBI"}),
    # the name in parentheses after the acronym: both are the organisation
    ("Trade grew through the PTA (Preferential Trade Area) last year.", {"PTA", "Preferential Trade Area"}),
    # an acronym in parentheses right after an organisation is its own, whatever its letters
    ("Support went to the National Organization of Workers (CNTP) on Sunday.", {"CNTP"}),
])
def test_acronym_in_parentheses_is_the_organisation(nlp, text, expected):
    assert expected <= org_set(nlp, text)


@pytest.mark.parametrize("text, not_expected", [
    # an index keeps its acronym out of the table
    ("Stocks fell, with the Dow Jones Industrial Average (DJIA) losing 900 points.", {"DJIA"}),
    # countries and currencies in parentheses are no organisation's acronym
    ("Oxfam (UK) sent aid to the region.", {"UK"}),
    ("The fee is 500 euros (EUR) a month.", {"EUR"}),
    # letters that are not the name's initials, after no organisation
    ("The trial of the drug (XR) ended early.", {"XR"}),
])
def test_parenthesised_capitals_that_are_no_organisation(nlp, text, not_expected):
    assert not (not_expected & org_set(nlp, text))


@pytest.mark.parametrize("text, expected", [
    # the model cuts an institution's name at the preposition that continues its head noun
    ("Grants came from the Carnegie Foundation for the Advancement of Teaching last year.",
     "Carnegie Foundation for the Advancement of Teaching"),
])
def test_institution_cut_at_its_preposition_is_joined(nlp, text, expected):
    assert expected in org_set(nlp, text)


@pytest.mark.parametrize("text, apart", [
    # two organisations a preposition relates: the first names no institution's head noun
    ("Boeing won a contract from the Pentagon for the Air Force.", {"Pentagon", "Air Force"}),
])
def test_organisations_a_preposition_relates_stay_apart(nlp, text, apart):
    assert apart <= org_set(nlp, text)
