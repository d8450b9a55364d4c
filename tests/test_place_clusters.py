"""Document coherence among undecided names (ranking.cluster_towns, NewsPlaces._add_cluster_anchors):
the article's ambiguous town names lend each other anchors, so that several names pick the namesakes that
lie together."""
from __future__ import annotations

import pytest

from extractor.normalize.place import Place
from extractor.normalize.ranking import Anchor, cluster_towns

PORTLAND_OR = Place("Portland", "city", "US", 1, 45.52, -122.68, 652_000, "OR")
PORTLAND_ME = Place("Portland", "city", "US", 2, 43.66, -70.26, 66_000, "ME")
BANGOR_ME = Place("Bangor", "city", "US", 3, 44.80, -68.77, 31_000, "ME")
BANGOR_NI = Place("Bangor", "city", "GB", 4, 54.65, -5.67, 61_000, "NIR")
AUGUSTA_GA = Place("Augusta", "city", "US", 5, 33.47, -81.97, 200_000, "GA")
AUGUSTA_ME = Place("Augusta", "city", "US", 6, 44.31, -69.78, 18_600, "ME")
PARIS_FR = Place("Paris", "city", "FR", 7, 48.85, 2.35, 2_138_000, "11", capital=True)
PARIS_ON = Place("Paris", "city", "CA", 8, 43.20, -80.38, 12_300, "08")
LONDON_GB = Place("London", "city", "GB", 9, 51.51, -0.13, 8_962_000, "ENG", capital=True)
LONDON_ON = Place("London", "city", "CA", 10, 42.98, -81.23, 422_000, "08")
RADIUS, SHARE = 400, 0.1


def lent(towns, placed=()):
    return {name: (p.latitude, p.longitude) for name, p in cluster_towns(towns, RADIUS, SHARE, placed).items()}


def test_names_whose_namesakes_lie_together_lend_each_other_those_namesakes():
    anchors = lent({"Portland": [PORTLAND_OR, PORTLAND_ME], "Bangor": [BANGOR_ME, BANGOR_NI],
                    "Augusta": [AUGUSTA_GA, AUGUSTA_ME]})
    assert anchors["Portland"] == (43.66, -70.26) and anchors["Bangor"] == (44.80, -68.77)


def test_a_placed_toponym_supports_the_namesake_near_it():
    anchors = lent({"Portland": [PORTLAND_OR, PORTLAND_ME], "Bangor": [BANGOR_ME, BANGOR_NI]},
                   placed=(Anchor("Lewiston", 44.10, -70.21),))
    assert anchors["Portland"] == (43.66, -70.26)


def test_a_name_without_a_namesake_near_another_lends_nothing():
    assert lent({"Portland": [PORTLAND_OR, PORTLAND_ME], "Bangor": [BANGOR_NI]}) == {}


def test_a_small_namesake_of_a_large_town_is_never_lent_however_many_neighbours_it_has():
    # Paris and London, Ontario lie together, but each is under a tenth of its name's largest town.
    anchors = lent({"Paris": [PARIS_FR, PARIS_ON], "London": [LONDON_GB, LONDON_ON]})
    assert anchors == {"Paris": (48.85, 2.35), "London": (51.51, -0.13)}


def rows(nlp, text: str) -> dict[str, dict]:
    doc = nlp(text)
    return {text[r["start"]:r["end"]]: r for r in doc._.places}


@pytest.mark.parametrize("text, state_box", [
    ("Ice storms cut power in Portland, Bangor and Augusta, and crews worked through the night.",
     ((43.0, 47.5), (-71.1, -66.9))),   # Maine
    ("The tour goes from Springfield to Peoria and ends in Bloomington in June.",
     ((36.9, 42.6), (-91.6, -87.0))),   # Illinois
])
def test_several_ambiguous_towns_go_where_they_lie_together(nlp, text, state_box):
    (lat0, lat1), (lon0, lon1) = state_box
    for name, row in rows(nlp, text).items():
        assert lat0 <= row["latitude"] <= lat1 and lon0 <= row["longitude"] <= lon1, (name, row)


def test_a_us_article_naming_athens_beside_macon_means_athens_georgia(nlp):
    # Each lent town also gives its country half a vote, as a large placed town does: with Macon's
    # Georgia beside it, Athens is the Georgia town, not the Greek capital.
    found = rows(nlp, "Voters in Macon and Athens go to the polls on Tuesday.")
    assert found["Athens"]["country_code"] == "US" and found["Macon"]["country_code"] == "US"


def test_alone_each_town_is_its_likeliest_namesake(nlp):
    found = rows(nlp, "Ice storms cut power in Portland overnight.")
    assert found["Portland"]["latitude"] > 45 and found["Portland"]["longitude"] < -120  # Oregon


@pytest.mark.parametrize("text, expected", [
    ("Ministers met in Paris and London on Monday.", {"Paris": "FR", "London": "GB"}),
    # A name votes once for a country: London's lent town and its place as a large town do not both
    # vote for Britain, which would carry Washington to Tyne and Wear.
    ("Officials in Paris, London and Washington condemned the attack.",
     {"Paris": "FR", "London": "GB", "Washington": "US"}),
])
def test_capitals_are_not_outvoted_by_their_small_namesakes(nlp, text, expected):
    found = rows(nlp, text)
    assert {name: found[name]["country_code"] for name in expected} == expected
