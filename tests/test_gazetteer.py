"""Table tests of the gazetteer lookups: countries, demonyms, place candidates and disambiguation."""
from __future__ import annotations

import pytest

from extractor.normalize.gazetteer import (
    Place, choose_place, country_lookup, demonym_country, fold, place_candidates, resolve_pair,
    resolve_place,
)


@pytest.mark.parametrize("word, expected", [
    ("Azerbaijani", ("Azerbaijan", "AZ")),
    ("Azerbaijanis", ("Azerbaijan", "AZ")),
    ("British", ("United Kingdom", "GB")),
    ("Armenian", ("Armenia", "AM")),
    ("Armenians", ("Armenia", "AM")),
    ("American", ("United States", "US")),
    ("U.S.", ("United States", "US")),
    ("Russian", ("Russia", "RU")),
    ("Swiss", ("Switzerland", "CH")),
    ("us", None),            # a pronoun, not the country
    ("Azerbaijan", None),    # a country name is not a demonym
    ("Minister", None),
])
def test_demonym_country(word, expected):
    assert demonym_country(word) == expected


@pytest.mark.parametrize("name, expected", [
    ("UK", ("United Kingdom", "GB")),
    ("U.K.", ("United Kingdom", "GB")),
    ("Britain", ("United Kingdom", "GB")),
    ("the United Kingdom", ("United Kingdom", "GB")),
    ("US", ("United States", "US")),
    ("U.S.", ("United States", "US")),
    ("United States of America", ("United States", "US")),
    ("America", ("United States", "US")),
    ("Russia", ("Russia", "RU")),
    ("Russian Federation", ("Russia", "RU")),
    ("Azerbaijan's", ("Azerbaijan", "AZ")),
    ("AZERBAIJAN", ("Azerbaijan", "AZ")),
    ("the Netherlands", ("Netherlands", "NL")),
    ("Georgia", ("Georgia", "GE")),
    ("us", None),
    ("Yerevan", None),       # a city, not a country
    ("Bayramov", None),
])
def test_country_lookup(name, expected):
    assert country_lookup(name) == expected


@pytest.mark.parametrize("name, code, kind", [
    ("Kalbajar", "AZ", None),
    ("Kəlbəcər", "AZ", None),      # the Azerbaijani spelling, transliterated at build time
    ("Kelbajar", "AZ", None),
    ("Lachin", "AZ", None),
    ("Aghdam", "AZ", None),
    ("Shusha", "AZ", None),
    ("Yerevan", "AM", "city"),
    ("Baku", "AZ", "city"),
    ("Ontario", "CA", "admin"),
    ("Queensland", "AU", "admin"),
    ("California", "US", "admin"),
    ("Ky.", "US", "admin"),         # AP-style state abbreviation
    ("WASHINGTON", "US", None),     # datelines shout
    ("Middle East", "", "region"),
    ("Europe", "", "region"),
])
def test_resolve_place_without_context(name, code, kind):
    place = resolve_place(name)
    assert place is not None, name
    assert place.country_code == code
    assert kind is None or place.kind == kind
    assert place.latitude is not None and place.longitude is not None


def test_countries_win_for_bare_country_names():
    assert resolve_place("Georgia").kind == "country"
    assert resolve_place("Armenia").country_code == "AM"


def test_capital_wins_without_context_and_context_country_with_it():
    assert resolve_place("Paris").country_code == "FR"
    assert resolve_place("London").country_code == "GB"
    assert resolve_place("London", context_countries={"CA": 1.0}).country_code == "CA"


def test_kind_hint_picks_the_district_over_its_seat():
    assert resolve_place("Lachin", kind_hint="admin").kind == "admin"
    assert resolve_place("Lachin").kind == "city"


@pytest.mark.parametrize("town, region, town_code, region_kind", [
    ("Atlanta", "Georgia", "US", "admin"),   # the US state, not the country
    ("London", "Ontario", "CA", "admin"),
    ("Paris", "France", "FR", "country"),
])
def test_resolve_pair(town, region, town_code, region_kind):
    pair = resolve_pair(town, region)
    assert pair is not None
    assert pair[0].country_code == town_code and pair[1].kind == region_kind


def test_unknown_names_have_no_candidates():
    assert place_candidates("Bayramov") == ()
    assert resolve_place("Xqzvillе") is None


def test_choose_place_prefers_context_then_population():
    big = Place("Springfield", "city", "US", 1, 37.2, -93.3, 170000)
    small = Place("Springfield", "city", "AU", 2, -27.6, 152.9, 20000)
    assert choose_place([big, small]) is big
    assert choose_place([big, small], context_countries={"AU": 1.0}) is small
    assert choose_place([]) is None


def test_fold():
    assert fold("Kəlbəcər") == "Kelbecer"
    assert fold("Şuşa") == "Susa"


@pytest.mark.parametrize("name, expected", [
    ("Sichuan province", ("Sichuan", "admin")),
    ("Far North Queensland", ("Queensland", None)),
    ("Southern California", ("California", None)),
    ("City of Montreal", ("Montreal", "city")),
    ("Bob City", None),
])
def test_core_place_name(name, expected):
    from extractor.normalize.gazetteer import core_place_name

    assert core_place_name(name) == expected
