"""Every ISO 3166-2 subdivision in the shipped gazetteer has a point, and the published points that fill
the gaps GeoNames leaves (extractor.build.published_subdivision_points) are in the right place."""
from __future__ import annotations

import csv
import gzip
import math

import pytest

from extractor.resources import models_dir


@pytest.fixture(scope="module")
def subdivisions() -> dict[str, dict]:
    path = models_dir() / "gazetteer" / "places.tsv.gz"
    with gzip.open(path, "rt", encoding="utf8", newline="") as f:
        return {r["iso_code"]: r for r in csv.DictReader(f, delimiter="\t") if r["iso_code"]}


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    p = math.pi / 180
    h = (math.sin((b[0] - a[0]) * p / 2) ** 2
         + math.cos(a[0] * p) * math.cos(b[0] * p) * math.sin((b[1] - a[1]) * p / 2) ** 2)
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


def point(row: dict) -> tuple[float, float]:
    return float(row["lat"]), float(row["lon"])


def test_at_most_one_subdivision_in_three_hundred_lacks_a_point(subdivisions):
    missing = sorted(code for code, r in subdivisions.items() if not r["lat"])
    assert len(subdivisions) > 5000
    assert len(missing) <= len(subdivisions) // 300, missing


@pytest.mark.parametrize("code, near, within_km", [
    # London boroughs: no GeoNames town or division carries their names.
    ("GB-SWK", (51.507, -0.128), 15),   # Southwark, by central London
    ("GB-HAV", (51.507, -0.128), 35),   # Havering, London's eastern edge
    # Russian republics, filed by GeoNames under other names.
    ("RU-CE", (43.318, 45.694), 120),   # Chechnya, around Grozny
    ("RU-DA", (42.983, 47.504), 200),   # Dagestan, around Makhachkala
])
def test_a_subdivision_geonames_does_not_place_gets_its_published_point(subdivisions, code, near, within_km):
    assert subdivisions[code]["lat"], code
    assert km(point(subdivisions[code]), near) <= within_km


@pytest.mark.parametrize("code, near, within_km", [
    # Where GeoNames' towns place a division, that estimate stays (it is closer to GeoNames' own point).
    ("CA-SK", (54.0, -106.0), 161),
    ("US-AL", (32.75, -86.75), 161),
])
def test_a_subdivision_placed_on_its_towns_keeps_that_point(subdivisions, code, near, within_km):
    assert km(point(subdivisions[code]), near) <= within_km
