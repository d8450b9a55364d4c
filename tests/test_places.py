"""The places component: the model's place entities corrected with the gazetteer, and their resolution."""
from __future__ import annotations

import pytest


def places(nlp, text: str) -> dict[str, dict]:
    doc = nlp(text)
    return {text[r["start"]:r["end"]]: r for r in doc._.places}


@pytest.mark.parametrize("text, name, code, kind", [
    ("The minister flew from Baku to Yerevan on Monday.", "Yerevan", "AM", "city"),
    ("Protesters gathered in Paris on Saturday.", "Paris", "FR", "city"),
    ("She was born in Atlanta, Georgia, in 1970.", "Georgia", "US", "admin"),
    ("Snow is expected across Alberta and Saskatchewan this weekend.", "Saskatchewan", "CA", "admin"),
    ("Troops withdrew from the Kalbajar, Aghdam and Lachin districts of Azerbaijan.", "Lachin", "AZ", "admin"),
    ("The talks between Armenia and Azerbaijan resumed.", "Armenia", "AM", "country"),
    ("Tensions rose in the Middle East again.", "Middle East", "", "region"),
])
def test_resolution(nlp, text, name, code, kind):
    found = places(nlp, text)
    assert name in found, found
    row = found[name]
    assert (row["country_code"] or "") == code
    assert row["kind"] == kind
    assert row["latitude"] is not None and row["longitude"] is not None


def test_rows_carry_the_contract_columns(nlp):
    doc = nlp("He arrived in Baku.")
    (row,) = doc._.places
    assert {"start", "end", "name", "kind", "country_code", "geonames_id", "latitude", "longitude"} <= set(row)
    assert doc.text[row["start"]:row["end"]] == "Baku"
    assert row["geonames_id"] == 587084


@pytest.mark.parametrize("text, not_places", [
    ("Armenian and Azerbaijani officials met in Moscow.", {"Armenian", "Azerbaijani"}),   # demonyms
    ("The Azerbaijan National Agency for Mine Action cleared the fields.", {"Azerbaijan"}),  # inside an org
    ("Georgia Stevens skates every day. Georgia began skating at four.", {"Georgia"}),   # a person's name
])
def test_not_places(nlp, text, not_places):
    assert not (set(places(nlp, text)) & not_places)


def test_surname_of_a_person_is_not_a_place(nlp):
    text = ("Foreign Minister Jeyhun Bayramov met the ambassador. Receiving the envoy on June 10, "
            "Bayramov spoke about the mines.")
    doc = nlp(text)
    assert "Bayramov" not in {text[r["start"]:r["end"]] for r in doc._.places}
    assert all(e.label_ not in ("GPE", "LOC") for e in doc.ents if e.text == "Bayramov")


def test_org_followed_by_country_is_split(nlp):
    text = "The embassy is working with UNICEF Azerbaijan on a mine awareness program."
    doc = nlp(text)
    assert "Azerbaijan" in {text[r["start"]:r["end"]] for r in doc._.places}
    assert any(e.text == "UNICEF" and e.label_ == "ORG" for e in doc.ents)


def test_places_found_by_the_model_keep_no_person_label(nlp, seed_text):
    doc = nlp(seed_text)
    place_spans = {(r["start"], r["end"]) for r in doc._.places}
    for e in doc.ents:
        if (e.start_char, e.end_char) in place_spans:
            assert e.label_ in ("GPE", "LOC", "FAC"), e


def test_seed_article(nlp, seed_text):
    rows = nlp(seed_text)._.places
    by_text = {}
    for r in rows:
        by_text.setdefault(seed_text[r["start"]:r["end"]], r)
        assert r["latitude"] is not None and r["longitude"] is not None, r
    expected = {"Azerbaijan": "AZ", "UK": "GB", "Armenia": "AM", "Russia": "RU", "Yerevan": "AM",
                "Kalbajar": "AZ", "Aghdam": "AZ", "Lachin": "AZ", "Shusha": "AZ"}
    for text, code in expected.items():
        assert text in by_text, text
        assert by_text[text]["country_code"] == code, by_text[text]
    assert not {"Bayramov", "Twitter", "Azerbaijani", "Armenian"} & set(by_text)


def test_demonyms_are_places_only_when_switched_on(nlp):
    from extractor.components.places import NewsPlaces

    text = "Russian jets struck targets near Aleppo on Monday."
    doc = nlp(text)
    assert "Russian" not in {text[r["start"]:r["end"]] for r in doc._.places}
    NewsPlaces(nlp, "places/context.json", include_demonyms=True)(doc)
    rows = {text[r["start"]:r["end"]]: r for r in doc._.places}
    assert rows["Russian"]["name"] == "Russia" and rows["Russian"]["country_code"] == "RU"


def test_part_of_a_place_is_a_region_placed_on_it(nlp):
    text = "Wildfires spread across Southern California on Sunday."
    row = places(nlp, text)["Southern California"]
    assert row["kind"] == "region" and row["country_code"] == "US" and row["latitude"] is not None


def test_blank_pipeline_still_finds_gazetteer_places():
    import spacy

    import extractor.components  # noqa: F401  (registers the factories)

    nlp = spacy.blank("en")
    nlp.add_pipe("news_places")
    text = "The delegation travelled from Azerbaijan to the city of Yerevan."
    found = {text[r["start"]:r["end"]]: r["country_code"] for r in nlp(text)._.places}
    assert found == {"Azerbaijan": "AZ", "Yerevan": "AM"}
