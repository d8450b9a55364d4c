"""Round 9 place rules: a date-labelled place listed with a place, a direction word on a known place
after a locative preposition, and the home-country prior's weights read from models/."""
from __future__ import annotations

import pytest


def places(nlp, text: str) -> dict[str, dict]:
    doc = nlp(text)
    return {text[r["start"]:r["end"]]: r for r in doc._.places}


@pytest.mark.parametrize("text, name, code", [
    # the model calls "Limpopo" a date; the list's next item is a place it found
    ("Prices rose in Durban, followed later by Limpopo and Eastern Cape.", "Limpopo", "ZA"),
])
def test_a_date_listed_with_a_place_is_a_place(nlp, text, name, code):
    row = places(nlp, text)[name]
    assert row["country_code"] == code and row["kind"] == "admin"


@pytest.mark.parametrize("text, not_places", [
    # dates listed together, no gazetteer name among them
    ("Work paused for Easter and Christmas in Durban.", {"Easter", "Christmas", "Easter and Christmas"}),
])
def test_dates_listed_together_stay_dates(nlp, text, not_places):
    assert not not_places & set(places(nlp, text))


@pytest.mark.parametrize("text, name, code", [
    # the model calls it an organisation; "in" and a direction word on a known town
    ("Two men were hurt in a fight in Upper Edmonton late on Friday.", "Upper Edmonton", "CA"),
])
def test_a_direction_word_on_a_known_place_after_in_is_a_place(nlp, text, name, code):
    row = places(nlp, text)[name]
    assert row["country_code"] == code and row["latitude"] is not None


@pytest.mark.parametrize("text, name", [
    ("She sent the money at Western Union on Tuesday.", "Western Union"),  # "at" takes companies
    ("Shares of Northern Trust fell in early trading.", "Northern Trust"),  # no locative preposition
])
def test_a_company_with_a_direction_word_is_no_place(nlp, text, name):
    assert name not in places(nlp, text)


@pytest.mark.parametrize("votes, expected", [
    ({"SY": 2.5, "TR": 1.0}, "SY"),
    ({"SY": 1.0}, None),
])
def test_home_country_weights_come_from_models(votes, expected):
    from extractor.components.places import home_country
    from extractor.normalize.ranking import Weights
    from extractor.resources import read_json
    weights = Weights.from_json(read_json("places/ranking.json"))
    assert (weights.home_votes, weights.home_margin, weights.minor_country_vote) == (2.0, 2.0, 0.5)
    assert home_country(votes, weights) == expected


@pytest.mark.parametrize("text, name, code", [
    # the model tagged only "Portugal"; the word before makes a Toronto neighbourhood's own name
    ("They opened a bakery in Little Portugal last spring.", "Little Portugal", "CA"),
])
def test_the_word_the_model_cut_off_a_known_name_is_restored(nlp, text, name, code):
    found = places(nlp, text)
    assert name in found and found[name]["country_code"] == code, found


@pytest.mark.parametrize("text", [
    "Tourists prefer sunny Portugal in the spring.",  # lower case: no name's word
    "Flights to Sunny Portugal sold out.",  # no known name "Sunny Portugal"
])
def test_a_word_before_a_country_that_makes_no_known_name_stays_out(nlp, text):
    found = places(nlp, text)
    assert "Portugal" in found and found["Portugal"]["kind"] == "country", found


@pytest.mark.parametrize("text, name, container", [
    # "X county of Y": an unknown division takes the point of the one it is written in
    ("Two farmers died in Lunan county of Yunnan province after the rains.", "Lunan county", "Yunnan province"),
    # the period of "Rd." before a lower-case "in" ends no sentence
    ("Police closed Cedar Hill Rd. in Adair County on Monday.", "Cedar Hill Rd", "Adair County"),
])
def test_an_unknown_place_takes_the_point_of_its_container(nlp, text, name, container):
    found = places(nlp, text)
    row, outer = found[name], found[container]
    assert row["resolved_by"] == "container"
    assert (row["latitude"], row["longitude"]) == (outer["latitude"], outer["longitude"])


def test_a_period_before_a_capital_ends_the_sentence_and_puts_nothing_in_what_follows(nlp):
    found = places(nlp, "Traffic slowed on Mill Creek Rd. In Adair County, deputies closed a bridge.")
    assert found["Mill Creek Rd"]["resolved_by"] != "container"


def test_an_unknown_place_in_an_article_about_one_state_takes_the_state_point(nlp):
    text = ("Firefighters were called to a house on Marwood Drive on Tuesday. The owner, from Bowling Green, "
            "Kentucky, was treated at a hospital in Kentucky.")
    found = places(nlp, text)
    row, state = found["Marwood Drive"], found["Kentucky"]
    assert row["resolved_by"] == "home-state" and row["country_code"] == "US"
    assert (row["latitude"], row["longitude"]) == (state["latitude"], state["longitude"])


def test_no_home_state_when_two_states_are_named_as_often(nlp):
    text = ("Firefighters were called to a house on Marwood Drive on Tuesday. The owner, from Ohio, "
            "was treated at a hospital in Indiana.")
    assert places(nlp, text)["Marwood Drive"]["resolved_by"] != "home-state"


def _division(code: str, admin1: str) -> "object":
    from extractor.normalize.place import Place
    return Place(code, "admin", "US", 1, 37.5, -85.0, 4_000_000, admin1, iso_code=f"US-{admin1}")


def _town(admin1: str) -> "object":
    from extractor.normalize.place import Place
    return Place("Town", "city", "US", 2, 37.0, -86.0, 5_000, admin1)


@pytest.mark.parametrize("places_, expected", [
    ([_division("Kentucky", "KY"), _division("Kentucky", "KY")], "KY"),   # named twice
    ([_division("Kentucky", "KY"), _town("KY"), _town("KY")], "KY"),      # named once, two of its towns
    ([_division("Kentucky", "KY"), _town("KY")], None),                   # too few votes
    ([_town("KY")] * 4, None),                                             # towns alone name no state
    ([_division("Kentucky", "KY")] * 2 + [_division("Ohio", "OH")], "KY"),  # twice the runner-up
    ([_division("Kentucky", "KY")] * 2 + [_division("Ohio", "OH"), _town("OH")], None),  # less than twice
])
def test_home_division_votes(places_, expected):
    from extractor.components.places import home_division
    from extractor.normalize.ranking import default_weights
    found = home_division(places_, default_weights())
    assert (found.admin1 if found else None) == expected
