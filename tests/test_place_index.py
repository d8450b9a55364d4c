"""The prebuilt place index (models/gazetteer/places.index, `make index`): used only when it was built
from the very sources it serves, and then the same index as building it from places.tsv.gz."""
from __future__ import annotations

import gzip
import shutil

import pytest

from extractor.normalize import gazetteer as gz
from extractor.resources import models_dir

GAZ = models_dir() / "gazetteer"


@pytest.fixture(scope="module")
def shipped():
    return gz.Gazetteer.at(models_dir())


def _copy_gazetteer(dest, places_bytes=None):
    dest.mkdir()
    shutil.copy(GAZ / "countries.tsv", dest / "countries.tsv")
    if places_bytes is None:
        shutil.copy(GAZ / "places.tsv.gz", dest / "places.tsv.gz")
    else:
        (dest / "places.tsv.gz").write_bytes(gzip.compress(places_bytes, mtime=0))
    return dest


def test_shipped_prebuilt_index_matches_its_sources(shipped):
    # Fails after places.tsv.gz, countries.tsv or the index builder changed: run `make index`
    # (the run is still right then, only slower to start: the stale file is ignored).
    index = shipped.load_places()
    assert gz.read_prebuilt(shipped.paths[1], index.digest) is not None, "stale places.index: run `make index`"


def test_prebuilt_index_is_the_index_built_from_the_tsv(shipped):
    index = shipped.load_places()
    built = gz.build_index(shipped.country_records, index.data)
    assert built == (index.keys, index.hits, index.flat, index.offsets, index.iso_codes, index.capital_lines)


def test_a_changed_places_file_makes_the_prebuilt_index_stale(tmp_path, shipped):
    # A town added at the end: the old index beside the new file must not be used, nor the package's.
    data = gzip.decompress((GAZ / "places.tsv.gz").read_bytes())
    town = b"\t".join([b"1", b"Qqzzyvilleton", b"city", b"US", b"", b"", b"40.0", b"-90.0", b"700", b""])
    folder = _copy_gazetteer(tmp_path / "gaz", data + town + b"\n")
    shutil.copy(GAZ / gz.PREBUILT_NAME, folder / gz.PREBUILT_NAME)
    index = gz.PlaceIndex(shipped.country_records, folder / "places.tsv.gz")
    assert gz.read_prebuilt(folder / "places.tsv.gz", index.digest) is None
    [place] = index.lookup("Qqzzyvilleton")
    assert (place.name, place.country_code, place.population) == ("Qqzzyvilleton", "US", 700)
    assert index.lookup("Paris") == shipped.load_places().lookup("Paris")


def test_changed_country_names_make_the_prebuilt_index_stale(shipped):
    countries = {code: dict(c) for code, c in shipped.country_records.items()}
    countries["FR"]["aliases"] = [*countries["FR"]["aliases"], "Qqzzyland"]
    index = gz.PlaceIndex(countries, shipped.paths[1])
    assert gz.read_prebuilt(shipped.paths[1], index.digest) is None
    assert [p.country_code for p in index.lookup("Qqzzyland")] == ["FR"]


def test_a_corrupt_prebuilt_index_is_ignored(tmp_path, shipped):
    # The right digest before a broken payload: the index is built from the TSV instead.
    data = gzip.decompress((GAZ / "places.tsv.gz").read_bytes())
    folder = _copy_gazetteer(tmp_path / "gaz", data.replace(b"\tParis\t", b"\tQqzzparis\t", 1))
    digest = gz.index_digest(shipped.country_records, (folder / "places.tsv.gz").read_bytes())
    (folder / gz.PREBUILT_NAME).write_bytes(digest.encode() + b"\x00garbage")
    assert gz.read_prebuilt(folder / "places.tsv.gz", digest) is None
    index = gz.PlaceIndex(shipped.country_records, folder / "places.tsv.gz")
    assert any(p.name == "Qqzzparis" for p in index.lookup("Qqzzparis"))


def test_a_saved_pipeline_finds_the_prebuilt_index_by_digest(tmp_path, shipped):
    # to_disk copies places.tsv.gz but not places.index: the package's own file serves the same places.
    folder = _copy_gazetteer(tmp_path / "gaz")
    assert gz.read_prebuilt(folder / "places.tsv.gz", shipped.load_places().digest) is not None


def test_write_prebuilt_gives_the_same_bytes_from_the_same_sources(tmp_path, shipped):
    folder = _copy_gazetteer(tmp_path / "gaz")
    written = gz.PlaceIndex.write_prebuilt(shipped.country_records, folder / "places.tsv.gz")
    assert written.read_bytes() == (GAZ / gz.PREBUILT_NAME).read_bytes()


@pytest.mark.parametrize("key", ["", "\uffff", "Qqzzyvilleton", "Paris "])
def test_names_not_in_the_index_find_nothing(shipped, key):
    # "" sorts before every name and "\uffff" after: the bisection's two ends.
    assert shipped.load_places().lookup(key) == ()


def test_lookups_keep_countries_first_and_the_file_order(shipped):
    hits = shipped.load_places().lookup("Georgia")
    assert hits[0].kind == "country" and hits[0].country_code == "GE"
    assert any(p.country_code == "US" and p.kind == "admin" for p in hits[1:])
