"""Table tests of the candidate ranking (normalize/ranking.py) on hand-made gazetteer entries."""
from __future__ import annotations

import pytest

from extractor.normalize.place import Place
from extractor.normalize.ranking import Anchor, Evidence, rank

SPRINGFIELD_MO = Place("Springfield", "city", "US", 1, 37.21, -93.29, 169_000, "MO")
SPRINGFIELD_IL = Place("Springfield", "city", "US", 2, 39.80, -89.64, 114_000, "IL")
PARIS_FR = Place("Paris", "city", "FR", 3, 48.85, 2.35, 2_138_000, "11", capital=True)
PARIS_TX = Place("Paris", "city", "US", 4, 33.66, -95.55, 24_800, "TX")
GEORGIA_GE = Place("Georgia", "country", "GE", 5, 42.3, 43.0, 3_700_000)
GEORGIA_US = Place("Georgia", "admin", "US", 6, 32.7, -83.4, 4_800_000, "GA", iso_code="US-GA")
COOK_IL = Place("Cook County", "admin", "US", None, 41.8, -87.8, 5_000_000, "IL")
COOK_MN = Place("Cook County", "admin", "US", None, 47.75, -90.3, 1_300, "MN")
HAMLET = Place("Clinton", "city", "US", 7, 42.56, -88.87, 2_100, "WI")  # alternate name "New York"
NEW_YORK = Place("New York", "admin", "US", 8, 42.76, -75.83, 19_000_000, "NY", iso_code="US-NY")


@pytest.mark.parametrize("candidates, evidence, name, expected, why", [
    ((SPRINGFIELD_MO, SPRINGFIELD_IL), Evidence(), "Springfield", SPRINGFIELD_MO, "population"),
    ((SPRINGFIELD_MO, SPRINGFIELD_IL), Evidence(admin1={("US", "IL"): {"Illinois"}}), "Springfield",
     SPRINGFIELD_IL, "state-context"),
    ((SPRINGFIELD_MO, SPRINGFIELD_IL), Evidence(anchors=[Anchor("Decatur", 39.84, -88.95)]), "Springfield",
     SPRINGFIELD_IL, "coherence"),
    ((SPRINGFIELD_MO, SPRINGFIELD_IL), Evidence(dateline=Anchor("DECATUR", 39.84, -88.95)), "Springfield",
     SPRINGFIELD_IL, "dateline"),
    ((PARIS_FR, PARIS_TX), Evidence(), "Paris", PARIS_FR, "capital"),
    ((PARIS_FR, PARIS_TX), Evidence(countries={"US": 1.0}, anchors=[Anchor("Dallas", 32.78, -96.80)]),
     "Paris", PARIS_TX, "country-context"),
    ((GEORGIA_GE, GEORGIA_US), Evidence(countries={"US": 1.0}), "Georgia", GEORGIA_GE, "country-name"),
    ((COOK_IL, COOK_MN), Evidence(), "Cook County", COOK_IL, "population"),
    ((COOK_IL, COOK_MN), Evidence(admin1={("US", "MN"): {"Minnesota"}}), "Cook County", COOK_MN,
     "state-context"),
])
def test_each_kind_of_evidence_decides(candidates, evidence, name, expected, why):
    assert rank(candidates, evidence, name=name) == (expected, why)


def test_a_name_is_no_evidence_for_itself():
    """The division Illinois named by "Springfield" itself (a district and its seat) does not count."""
    ev = Evidence(admin1={("US", "IL"): {"Springfield"}})
    assert rank((SPRINGFIELD_MO, SPRINGFIELD_IL), ev, name="Springfield")[0] is SPRINGFIELD_MO


def test_context_does_not_vouch_for_an_alternate_name():
    ev = Evidence(countries={"US": 1.0}, admin1={("US", "WI"): {"Madison"}},
                  anchors=[Anchor("Madison", 43.07, -89.40)])
    assert rank((HAMLET, NEW_YORK), ev, name="New York", own_names={"New York"})[0] is NEW_YORK


def test_one_candidate_and_none():
    assert rank((PARIS_TX,), Evidence(), name="Paris") == (PARIS_TX, "only-candidate")
    assert rank((), Evidence(), name="Paris") == (None, None)


def test_ranking_is_deterministic_on_ties():
    a = Place("Fairview", "city", "US", 10, 35.0, -80.0, 1_000, "NC")
    b = Place("Fairview", "city", "US", 11, 36.0, -81.0, 1_000, "TN")
    assert rank((a, b), name="Fairview")[0] is a and rank((a, b), name="Fairview")[0] is a


def test_a_city_state_is_placed_on_its_town():
    from extractor.normalize.gazetteer import default_gazetteer
    from extractor.normalize.ranking import Evidence
    gaz = default_gazetteer()
    place, _ = gaz.rank("Singapore", Evidence())
    assert place.kind == "city" and place.country_code == "SG"
    place, _ = gaz.rank("Mexico", Evidence())  # a capital far from its country's point: the country
    assert place.kind == "country" and place.country_code == "MX"


@pytest.mark.parametrize("candidates, evidence, name", [
    ((SPRINGFIELD_MO, SPRINGFIELD_IL), Evidence(anchors=[Anchor("Decatur", 39.84, -88.95),
                                                         Anchor("Springfield", 37.21, -93.29)],
                                                dateline=Anchor("DECATUR", 39.84, -88.95)), "Springfield"),
    ((GEORGIA_GE, GEORGIA_US), Evidence(countries={"US": 1.0}, admin1={("US", "GA"): {"Atlanta"}}), "Georgia"),
    ((COOK_IL, COOK_MN, HAMLET, NEW_YORK), Evidence(anchors=[Anchor("Duluth", 46.79, -92.10)]), "Cook"),
])
def test_score_is_the_weighted_sum_of_the_features_in_their_order(candidates, evidence, name):
    """score() multiplies the weights in FEATURE_ORDER: the same sum, to the bit, as over the features'
    names; and the prepared neighbours give the nearness km() gives."""
    from extractor.normalize.ranking import FEATURE_ORDER, default_weights, features, km, score
    w = default_weights()
    for p in candidates:
        f = features(p, candidates, evidence, w, name=name, own_names={name}, kind_hint=None)
        assert tuple(f) == FEATURE_ORDER
        assert score(f, w) == sum(getattr(w, k) * v for k, v in f.items())
        others = [a for a in evidence.anchors if a != evidence.dateline and a.name != name]
        if f["coherence"] and others:
            best = min(km(p.latitude, p.longitude, a.latitude, a.longitude) for a in others)
            assert f["coherence"] == max(0.0, 1.0 - best / w.coherence_km)


NEW_YORK_CITY = Place("New York City", "city", "US", 9, 40.71, -74.01, 8_800_000, "NY")
SPRINGFIELD_TOWNSHIP = Place("Springfield Township", "city", "US", 10, 39.93, -75.33, 24_000, "PA")


@pytest.mark.parametrize("candidates, evidence, name, expected", [
    # the leading words of a large town's own name are its name for its neighbours (New York City
    # beside Newark and Yonkers, not the state's middle)
    ((NEW_YORK, NEW_YORK_CITY), Evidence(countries={"US": 1.0}, anchors=[Anchor("Albany", 42.65, -73.75),
                                                                          Anchor("Newark", 40.74, -74.17)]),
     "New York", NEW_YORK_CITY),
    # a small township is no short form of its first word: Springfield beside Decatur stays in Illinois
    ((SPRINGFIELD_IL, SPRINGFIELD_TOWNSHIP), Evidence(countries={"US": 1.0},
                                                      anchors=[Anchor("Philadelphia", 39.95, -75.16)]),
     "Springfield", SPRINGFIELD_IL),
])
def test_short_forms_of_large_towns_only(candidates, evidence, name, expected):
    assert rank(candidates, evidence, name=name)[0] == expected


@pytest.mark.parametrize("votes, expected", [
    ({"US": 2.0}, "US"),                 # two names of the country
    ({"US": 1.5}, None),                 # one name and one of its towns: too few
    ({"US": 3.0, "CA": 1.5}, "US"),      # twice the runner-up
    ({"US": 3.0, "CA": 2.0}, None),      # an article about two countries
    ({"": 5.0, "FR": 2.0}, "FR"),        # votes with no country do not count
    ({}, None),
])
def test_home_country_needs_enough_votes_and_a_margin(votes, expected):
    from extractor.components.places import home_country
    from extractor.normalize.ranking import default_weights
    assert home_country(votes, default_weights()) == expected


MONT_ROYAL = Place("Mont-Royal", "city", "CA", 9, 45.52, -73.65, 19_000, "10")  # "Mount Royal" in English
MOUNT_ROYAL_SK = Place("Mount Royal", "city", "CA", 10, 52.14, -106.70, 5_300, "11")


@pytest.mark.parametrize("evidence, expected, why", [
    # beside Montreal, the English name of the town next to it
    (Evidence(countries={"CA": 1.0}, anchors=[Anchor("Montreal", 45.51, -73.59)]), MONT_ROYAL, "coherence"),
    # with nothing near either, the place whose own name it is
    (Evidence(countries={"CA": 1.0}), MOUNT_ROYAL_SK, "own-name"),
])
def test_nearness_vouches_for_a_town_called_by_an_alternate_name(evidence, expected, why):
    assert rank((MONT_ROYAL, MOUNT_ROYAL_SK), evidence, name="Mount Royal") == (expected, why)
