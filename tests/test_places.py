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
    with_demonyms = NewsPlaces(include_demonyms=True)
    with_demonyms.initialize()
    with_demonyms(doc)
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
    nlp.initialize()
    text = "The delegation travelled from Azerbaijan to the city of Yerevan."
    found = {text[r["start"]:r["end"]]: r["country_code"] for r in nlp(text)._.places}
    assert found == {"Azerbaijan": "AZ", "Yerevan": "AM"}


@pytest.mark.parametrize("text, name, code, kind", [
    ("BEIRUT (AP) — A cease-fire was agreed on Sunday.", "BEIRUT", "LB", "city"),
    ("TORONTO — Snow closed schools on Monday.", "TORONTO", "CA", "city"),
    ("Report\nWINNIPEG — The province said Thursday it would act.", "WINNIPEG", "CA", "city"),
    ("EDMONTON, Ky (WBKO) -- One of the biggest fires in years.", "Ky", "US", "admin"),
    ("A couple from Melville, Sask. believes the cat is theirs.", "Sask.", "CA", "admin"),
    ("She sold her home in Gatineau, Que., and moved away.", "Que.", "CA", "admin"),
    ("The company is based in Louisville, KY and employs 200.", "KY", "US", "admin"),
    # issue 14's recognition list, each in a sentence of its own: abbreviations with periods, also at
    # a clause's end, and ALL-CAPS datelines with a dash or a colon
    ("The senator visited Fargo, N.Dak., on Tuesday.", "N.Dak.", "US", "admin"),
    ("The rally moved on to Richmond, Va., for the weekend.", "Va.", "US", "admin"),
    ("DENVER — The city council voted on Monday to raise the wage.", "DENVER", "US", "city"),
    ("KABUL: At least ten people were killed in a blast on Sunday.", "KABUL", "AF", "city"),
    # a dateline after a headline the text runs into the same line
    ("Mason charged with theft. BANTAM — A stonework mason was arraigned on Tuesday.", "BANTAM", "US", "city"),
])
def test_datelines_and_abbreviations(nlp, text, name, code, kind):
    found = places(nlp, text)
    assert name in found, found
    assert found[name]["country_code"] == code and found[name]["kind"] == kind


def test_dateline_is_cut_off_an_organisation(nlp):
    text = "DETROIT The U.S. Transportation Department said on Wednesday it would act."
    doc = nlp(text)
    assert places(nlp, text)["DETROIT"]["country_code"] == "US"
    assert not any(e.label_ == "ORG" and e.text.startswith("DETROIT") for e in doc.ents)


def test_a_town_after_a_comma_is_not_always_a_state(nlp):
    text = "They met in Paris, In the morning they left."
    assert "In" not in places(nlp, text)


@pytest.mark.parametrize("text, street", [
    ("The pupils from Hertford Road, Edmonton won the prize.", "Hertford Road"),
    ("He had been driving on Hutcheson Road when she stopped.", "Hutcheson Road"),
    ("The police closed the road between Cleaver Road and the bridge.", "Cleaver Road"),
    ("Traffic on Highway 403 was diverted for hours.", "Highway 403"),
])
def test_streets_are_places_of_kind_other(nlp, text, street):
    row = places(nlp, text)[street]
    assert row["kind"] == "other" and row["geonames_id"] is None


def test_a_court_is_not_a_street(nlp):
    assert "Bantam Superior Court" not in places(nlp, "He was arraigned in Bantam Superior Court on Tuesday.")


@pytest.mark.parametrize("text, name, container_code", [
    ("Jobs spoke at Moscone Center in San Francisco, California on Monday.", "Moscone Center", "US"),
    ("The pupils from Hertford Road, Edmonton won the prize.", "Hertford Road", "CA"),
    ("Flights were cancelled at Toronto's Pearson International Airport.", "Pearson International Airport",
     "CA"),
])
def test_unknown_place_takes_the_point_of_the_place_it_is_in(nlp, text, name, container_code):
    found = places(nlp, text)
    row = found[name]
    assert row["kind"] == "other" and row["country_code"] == container_code
    container = next(r for t, r in found.items() if t != name and r["country_code"] == container_code)
    assert row["latitude"] is not None and row["geonames_id"] is None
    assert (row["latitude"], row["longitude"]) in {(r["latitude"], r["longitude"]) for r in found.values()
                                                   if r is not row}, container


def test_broadcaster_branch_is_split(nlp):
    text = 'The mother said in an emotional phone call with CBC Toronto that she was grateful.'
    doc = nlp(text)
    assert places(nlp, text)["Toronto"]["country_code"] == "CA"
    assert any(e.text == "CBC" and e.label_ == "ORG" for e in doc.ents)


@pytest.mark.parametrize("text, not_place", [
    # surnames and institutions named like small towns, outside any place context
    ("John Kelly met reporters. Later, Kelly's aides said Trump was angry in the United States.", "Kelly"),
    ("The White House declined to comment on the United States budget.", "White House"),
    ("Cisco sues Apple for iPhone trademark.", "Cisco"),             # a company named like a village
    ("According to an April report in Ars Technica, Apple will ship.", "Ars"),  # a longer name
    ("Police found 20 grams of meth in the car in Glasgow.", "meth"),
    ("But two weeks later Ms Raggi resigned in Rome.", "Ms Raggi"),
])
def test_not_places_without_context(nlp, text, not_place):
    assert not_place not in places(nlp, text)


@pytest.mark.parametrize("text, name, code", [
    ("Turkey is a partner in the U.S.-led campaign against the group.", "U.S.", "US"),
    ("Arch Walsh of Mississauga is one of them.", "Mississauga", "CA"),          # where a person is from
    ("Deputies searched a residence outside of Waterloo on Monday in Canada.", "Waterloo", "CA"),
    ("The regime is pressing its offensive in eastern Ghouta.", "Ghouta", None),  # unknown, named as a place
    ("Including the US Government's bail out of the banks.", "US", "US"),         # a country's government
])
def test_places_in_compounds_and_phrases(nlp, text, name, code):
    found = places(nlp, text)
    assert name in found, found
    assert found[name]["country_code"] == code


def test_a_hyphenated_common_word_is_no_place(nlp):
    assert not places(nlp, "A well-known man-made lake lies nearby.")


def test_saved_pipeline_gives_the_same_place_rows(tmp_path):
    """news_places carries its gazetteer and lexicons through nlp.to_disk / spacy.load."""
    import spacy

    import extractor.components  # noqa: F401  (registers the factories)

    nlp = spacy.blank("en")
    nlp.add_pipe("news_places")
    nlp.initialize()
    text = "Flooding hit Louisville, KY and the city of Yerevan, far from Azerbaijan."
    before = nlp(text)._.places
    nlp.to_disk(tmp_path / "pipe")
    assert (tmp_path / "pipe" / "news_places" / "gazetteer" / "places.tsv.gz").exists()
    loaded = spacy.load(tmp_path / "pipe")
    assert loaded(text)._.places == before and before


def test_uninitialized_component_says_what_to_do():
    from extractor.components.base import NotInitializedError
    from extractor.components.places import NewsPlaces

    import spacy

    with pytest.raises(NotInitializedError):
        NewsPlaces()(spacy.blank("en")("He went to Baku."))


# ---------------------------------------------------------------- evidence kinds of the ranking
@pytest.mark.parametrize("text, name, admin1, resolved_by", [
    # the same town name without and with its state named elsewhere in the article
    ("The council met in Springfield on Monday.", "Springfield", "MO", "population"),
    ("The governor of Illinois spoke in Springfield on Monday.", "Springfield", "IL", "state-context"),
    # a county with "County": the most populous without a state, the named state's with one
    ("Flooding closed roads in Cook County on Monday.", "Cook County", "IL", "population"),
    ("Snow fell across Minnesota, and schools in Cook County closed.", "Cook County", "MN", "state-context"),
    # a county without "County", which a county word after the list names
    ("Heavy rain fell across Minnesota on Monday; Cook and Lake counties closed their schools.", "Lake",
     "MN", "state-context"),
    # a town and its state written as a pair, AP abbreviations included
    ("The farm lies near Minot, N.Dak., close to the border.", "Minot", "ND", "town-state"),
    ("He moved to Albany, N.Y., in 2010.", "N.Y.", "NY", "town-state"),
])
def test_state_evidence(nlp, text, name, admin1, resolved_by):
    row = places(nlp, text)[name]
    assert row["country_code"] == "US"
    place = nlp.get_pipe("news_places").gaz.resolve_place(row["name"], context_countries={"US": 1.0})
    assert row["resolved_by"] == resolved_by
    assert _admin1_of(nlp, row) == admin1, (row, place)


def _admin1_of(nlp, row) -> str:
    """The GeoNames admin1 of the gazetteer entry a row was placed on (same name and point)."""
    gaz = nlp.get_pipe("news_places").gaz
    for p in gaz.place_candidates(row["name"]):
        if p.latitude == row["latitude"] and p.longitude == row["longitude"]:
            return p.admin1
    return ""


@pytest.mark.parametrize("text, name, code", [
    # a US article mentioning Athens: its neighbour places it in Georgia, not Greece
    ("Police in Atlanta and Athens searched for the suspect on Tuesday.", "Athens", "US"),
    # and without US places around it, Athens is the Greek capital
    ("Ministers from Berlin and Rome met in Athens on Tuesday.", "Athens", "GR"),
])
def test_coherence_evidence(nlp, text, name, code):
    row = places(nlp, text)[name]
    assert row["country_code"] == code


def test_country_votes_of_a_name_do_not_count_for_itself(nlp):
    """"Georgia" names the country (a country's name wins) unless the article's own places vouch for the
    US state: Atlanta and Savannah lie in it."""
    assert places(nlp, "Talks between Georgia and Russia resumed.")["Georgia"]["kind"] == "country"
    text = "Storms hit Atlanta and Savannah, and Georgia declared an emergency."
    row = places(nlp, text)["Georgia"]
    assert row["kind"] == "admin" and row["country_code"] == "US"


@pytest.mark.parametrize("text, name, code, resolved_by", [
    ("KABUL: A bomb exploded near the ministry on Sunday.", "KABUL", "AF", "population"),
    ("DENVER — Snow closed the highways on Monday.", "DENVER", "US", "population"),
    # a dateline without a state is a city that stands alone, whatever state the story names
    ("WASHINGTON — Lawmakers from North Carolina met on Monday.", "WASHINGTON", "US", "capital"),
    # a dateline names a town: Victoria, B.C. in a Canadian story, not the Australian state
    ("VICTORIA — The premier of British Columbia spoke in Canada's west.", "VICTORIA", "CA", "country-context"),
])
def test_dateline_evidence(nlp, text, name, code, resolved_by):
    row = places(nlp, text)[name]
    assert row["country_code"] == code and row["resolved_by"] == resolved_by
    if name == "WASHINGTON":
        assert abs(row["latitude"] - 38.9) < 0.2  # the capital, not Washington, N.C.
    if name == "VICTORIA":
        assert row["kind"] == "city"


@pytest.mark.parametrize("text, name, expected", [
    ("Residents of Bowling Green Township voted on the levy.", "Bowling Green Township", "city"),
    ("Drought hit Southwest Kansas this summer.", "Southwest Kansas", "region"),
])
def test_names_cut_or_prefixed(nlp, text, name, expected):
    row = places(nlp, text)[name]
    assert row["kind"] == expected and row["latitude"] is not None


@pytest.mark.parametrize("text, not_place", [
    ("Cisco sued Google in a federal court on Monday.", "Cisco"),
    ("Cisco sued Google in a federal court on Monday.", "Google"),
    ("Jackson said the bill would pass.", "Jackson"),
])
def test_companies_and_people_are_not_towns(nlp, text, not_place):
    assert not_place not in places(nlp, text)


def test_every_resolved_row_says_why(nlp, seed_text):
    for row in nlp(seed_text)._.places:
        assert (row["resolved_by"] is None) == (row["latitude"] is None), row


@pytest.mark.parametrize("text, company, town", [
    # "Google" is an alternate name of Topeka in GeoNames; the model calls it an organisation
    ("Google said on Monday that its profits rose. The company hired 200 people in Topeka. "
     "Shares of Google fell.", "Google", "Topeka"),
])
def test_an_alternate_name_does_not_make_an_organisation_a_place(nlp, text, company, town):
    rows = places(nlp, text)
    assert company not in rows and town in rows


@pytest.mark.parametrize("text, name, expected", [
    ("The mayor of Montreal said the storm had passed.", "Montreal", "Montréal"),  # the ASCII form is its own
    ("Police in Topeka said the road was closed.", "Topeka", "Topeka"),
])
def test_own_names_and_their_ascii_forms_stay_places(nlp, text, name, expected):
    assert places(nlp, text)[name]["name"] == expected


def _with_entities(nlp, text: str, ents: list[tuple[int, str]]):
    """TEXT through the model, then its entities replaced by one-token entities (token index, label)
    and news_places run again: to state what the article's other labels make of a name."""
    from spacy.tokens import Span
    with nlp.select_pipes(disable=[p for p in nlp.pipe_names if p.startswith("news_")]):
        doc = nlp(text)
    doc.ents = [Span(doc, i, i + 1, label=label) for i, label in ents]
    return {text[r["start"]:r["end"]]: r for r in nlp.get_pipe("news_places")(doc)._.places}


@pytest.mark.parametrize("name, is_place", [
    ("Shell", False),   # an alternate name only (of a Colombian town): an organisation elsewhere, not a place
    ("Topeka", True),   # its own name: a place wherever the model says so
])
def test_a_name_the_article_calls_an_organisation_needs_its_own_name_to_be_a_place(nlp, name, is_place):
    text = f"{name} cut jobs on Monday. Workers in {name} protested."
    rows = _with_entities(nlp, text, [(0, "ORG"), (8, "GPE")])
    assert (name in rows) == is_place


@pytest.mark.parametrize("text, name, code", [
    # a list of places the model takes for one name
    ("The family was driving south to Ingham or Townsville in Queensland.", "Townsville", "AU"),
    ("The family was driving south to Ingham or Townsville in Queensland.", "Ingham", "AU"),
    ("A conductor found it during a check in Wainwright, Alta., on Monday.", "Wainwright", "CA"),
    ("A conductor found it during a check in Wainwright, Alta., on Monday.", "Alta.", "CA"),
    # a town written before its state, whatever the model called it
    ("She is survived by her sisters, all of Hugo, Oklahoma.", "Hugo", "US"),
    ("Survivors include her brother Leonard of Ada, Oklahoma.", "Ada", "US"),
    # a state abbreviation ending a sentence is no town "Man"
    ("She was born in Churchill, Man. Her parents flew south.", "Man.", "CA"),
    # a line break between the preposition and the name
    ("Supporters raised money for a recount in\n            Wisconsin.", "Wisconsin", "US"),
    # a relative clause of place
    ("The figure for Mississauga, where he lives, is 20 per cent.", "Mississauga", "CA"),
    # a place the model calls a language
    ("They demanded the remains of the soldiers killed in Aleppo.", "Aleppo", "SY"),
    # a name cut after "St."
    ("About 30 homes near Fort St. John will be affected by the dam.", "Fort St. John", "CA"),
])
def test_places_the_model_joins_cuts_or_mislabels(nlp, text, name, code):
    found = places(nlp, text)
    assert name in found, found
    assert found[name]["country_code"] == code


def test_a_spaced_dash_separates_a_person_from_a_place(nlp):
    found = places(nlp, "Recounts in two states won by Mr Trump - Wisconsin and Pennsylvania - were sought.")
    assert "Wisconsin" in found and found["Wisconsin"]["kind"] == "admin"
    assert not any("Trump" in name for name in found)


def test_a_state_after_a_town_is_the_state_not_its_city(nlp):
    row = places(nlp, "She is survived by her sisters, all of Hugo, Oklahoma.")["Oklahoma"]
    assert row["kind"] == "admin" and row["resolved_by"] == "town-state"


@pytest.mark.parametrize("text, not_place", [
    ("He is survived by Jeffrey Haskins and wife, Tonya, all of Paris, Texas.", "Tonya"),
    ("His daughters, Malia and Sasha, often join him.", "Malia"),
    ("His daughters, Malia and Sasha, often join him.", "Sasha"),
    ("The book is written in Latin and translated in English.", "Latin"),
    ("The book is written in Latin and translated in English.", "English"),
    ("Jackson said the bill would pass.", "Jackson"),
])
def test_people_and_languages_named_like_towns_are_not_places(nlp, text, not_place):
    assert not_place not in places(nlp, text)


def test_a_name_after_a_family_noun_can_still_be_a_place_elsewhere(nlp):
    found = places(nlp, "Her son, Paris, said the family would move to Paris, France.")
    assert [r["country_code"] for name, r in found.items() if name == "Paris"] == ["FR"]
    assert sum(1 for r in nlp("Her son, Paris, said the family would move to Paris, France.")._.places
               if r["name"] == "Paris") == 1


def test_one_name_keeps_one_reading_in_an_article(nlp):
    # Cisco, a Texas village, is the company here in every mention, "belongs to Cisco" too.
    text = ("Cisco sues Apple over the iPhone trademark. Cisco says the name belongs to Cisco, "
            "the company based in San Jose - Cisco bought it in 2000.")
    found = places(nlp, text)
    assert "Cisco" not in found and "San Jose" in found, found
    assert found["San Jose"]["kind"] == "city"


def test_a_small_town_named_with_its_state_stays_a_place(nlp):
    text = "Cisco is a small town in Texas. Residents of Cisco voted on Tuesday; Cisco has 3,900 people."
    assert "Cisco" in places(nlp, text)


@pytest.mark.parametrize("text, name", [
    ("Troops were sent to Bosnia and Herzegovina last year.", "Bosnia and Herzegovina"),
])
def test_a_name_with_and_is_one_place_when_the_gazetteer_knows_it(nlp, text, name):
    found = places(nlp, text)
    assert name in found, found
    assert found[name]["kind"] == "country"


@pytest.mark.parametrize("text, name, code", [
    ("There were no fatalities in Tasmania or the ACT.", "ACT", "AU"),  # a list item after "the"
    ("Boston will have to pay for the new stadium, Mayor Marty Walsh said.", "Boston", "US"),
    ("The Chicago-based company said it would hire 300 workers in Ohio.", "Chicago", "US"),
])
def test_places_in_lists_metonymy_and_compounds(nlp, text, name, code):
    found = places(nlp, text)
    assert name in found, found
    assert found[name]["country_code"] == code


@pytest.mark.parametrize("text, not_place", [
    ("Jackson said the bill would pass the Senate.", "Jackson"),
    ("Tourists visited the Lincoln Memorial in Washington.", "Lincoln"),
    ("Apple sued Samsung in California.", "Apple"),
    ("Students sat the ACT exam in Ohio.", "ACT"),
])
def test_people_monuments_and_companies_are_not_towns(nlp, text, not_place):
    assert not_place not in places(nlp, text)


def test_a_persons_first_name_with_a_possessive_is_the_person(nlp):
    text = ("Nine-year-old Georgia Stevens is lacing her skates. Much of that success has come from "
            "Georgia's hard work, and to Georgia's credit, she was dedicated.")
    assert "Georgia" not in places(nlp, text)
    found = places(nlp, "Georgia Stevens visited Georgia's capital Tbilisi last year.")
    assert found["Georgia"]["kind"] == "country"


@pytest.mark.parametrize("text, not_place", [
    ("He graduated at the top of his class at St. John's University School of Law.", "St. John"),
    ("Officials at St. Paul's say there was a night in late October.", "St. Paul"),
])
def test_a_saints_name_with_a_possessive_is_an_institution(nlp, text, not_place):
    assert not_place not in places(nlp, text)


def test_a_town_named_after_a_saint_stays_a_place(nlp):
    assert "St. Paul" in places(nlp, "Snow fell in St. Paul on Monday.")


@pytest.mark.parametrize("text, name, kind, own_name", [
    # the leading words of a town's own name are its short form: neighbours vouch for it as for its name
    # (Frankfurt am Main, beside Stuttgart and Mannheim, not Frankfort, Kentucky, in a US company's story)
    ("The U.S. bank moved staff from Stuttgart and Mannheim to Frankfurt last year.", "Frankfurt", "city",
     "Frankfurt am Main"),
    # an abbreviated governor's title after the name says the state
    ("Former New York Gov. Mario Cuomo died at home in Queens.", "New York", "admin", "New York"),
])
def test_short_forms_and_titles_after_a_name(nlp, text, name, kind, own_name):
    row = places(nlp, text)[name]
    assert (row["kind"], row["name"]) == (kind, own_name), row


@pytest.mark.parametrize("text, place, kind", [
    # a place right before an office's title is the office's place, also when the model made the place,
    # the title and the person one organisation
    ("Manitoba Premier Brian Pallister plans to spend more time in Costa Rica.", "Manitoba", "admin"),
    ("Ontario Premier Doug Ford spoke on Monday.", "Ontario", "admin"),
])
def test_a_place_before_an_offices_title(nlp, text, place, kind):
    assert places(nlp, text)[place]["kind"] == kind


def test_the_person_after_a_place_and_a_title_stays_a_person(nlp):
    doc = nlp("Manitoba Premier Brian Pallister plans to spend more time in Costa Rica.")
    assert ("Brian Pallister", "PERSON") in [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize("text, name, is_place", [
    # a place known only by an alternate name (Leghorn for Livorno) that the model called an organisation
    # is the place after a place word, and the organisation elsewhere or with a possessive
    ("Police in Leghorn arrested two men.", "Leghorn", True),
    ("Leghorn said the talks had failed.", "Leghorn", False),
    ("He sent the drawings to Leghorn's office in March.", "Leghorn", False),
])
def test_an_organisation_named_like_an_alternate_name_after_a_place_word(nlp, text, name, is_place):
    doc = nlp.make_doc(text)
    start = text.index(name)
    doc.ents = [doc.char_span(start, start + len(name), label="ORG")]
    doc = nlp.get_pipe("news_places")(doc)
    assert any(text[r["start"]:r["end"]] == name for r in doc._.places) == is_place


@pytest.mark.parametrize("text, place, organisation", [
    # a county's sheriff and coroner are offices of the county: their offices' names give the county,
    # and the office stays one organisation
    ("Deputies from the Black Hawk County Sheriff's Office arrested the man.", "Black Hawk County",
     "Black Hawk County Sheriff's Office"),
    ("The cause of death was confirmed by the Licking County Coroner's Office on Friday.", "Licking County",
     "Licking County Coroner's Office"),
])
def test_a_county_before_its_sheriffs_office(nlp, text, place, organisation):
    found = places(nlp, text)
    assert found[place]["kind"] == "admin" and found[place]["country_code"] == "US"
    assert organisation not in found
    doc = nlp(text)
    assert any(e.label_ == "ORG" and e.text.endswith(organisation) for e in doc.ents)


@pytest.mark.parametrize("text, agency", [
    ("Twelve people were hurt in the blast, Xinhua reported.", "Xinhua"),
    ("The minister resigned on Monday, according to Interfax.", "Interfax"),
])
def test_news_agencies_are_not_towns(nlp, text, agency):
    assert agency not in places(nlp, text)


def test_a_place_after_a_possessive_lies_in_the_owners_country(nlp):
    # "Y's X": a known name that the ranking alone would put in another country than Y is the place in Y
    text = "Police said the attack happened in Giza's Haram district on Friday."
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(text.index(n), text.index(n) + len(n), label="GPE") for n in ("Giza", "Haram")]
    doc = nlp.get_pipe("news_places")(doc)
    rows = {text[r["start"]:r["end"]]: r for r in doc._.places}
    assert rows["Haram"]["country_code"] == rows["Giza"]["country_code"] == "EG"
    assert rows["Haram"]["resolved_by"] == "container" and rows["Haram"]["kind"] == "other"


@pytest.mark.parametrize("text, code", [
    # the state of the article's telephone numbers is state context (local news gives local numbers)
    ("A man died on Sunday, London police say. Anyone with information can call London police at "
     "519-661-5670.", "CA"),
    ("A man died on Sunday, London police say. Anyone with information can call London police at "
     "(519) 661-5670.", "CA"),
    # no number, or only a toll-free one: no state, and the capital wins
    ("A man died on Sunday, London police say.", "GB"),
    ("A man died on Sunday, London police say. Call Crime Stoppers at 1-800-222-8477.", "GB"),
])
def test_telephone_area_code_evidence(nlp, text, code):
    assert places(nlp, text)["London"]["country_code"] == code


@pytest.mark.parametrize("text, street", [
    # a town's name right before a street word is the street's, whether the model or the gazetteer
    # found the name
    ("The road is closed between King Edward Street and the bridge.", "King Edward Street"),
    ("Police closed Paris Road on Sunday.", "Paris Road"),
])
def test_a_town_name_before_a_street_word_is_the_street(nlp, text, street):
    found = places(nlp, text)
    assert street in found and found[street]["kind"] == "other"


def test_a_name_that_runs_on_past_its_street_word_is_no_street(nlp):
    assert "Florida Highway" not in places(nlp, "The Florida Highway Patrol said the road was closed.")


def test_a_place_named_with_its_kind_word_is_an_anchor(nlp):
    # "the County of Brant" has one candidate, Brant, Ontario: it places the article's Paris nearby
    text = ("A collision in Paris sent two people to hospital. Contact the County of Brant police "
            "detachment with any information.")
    assert places(nlp, text)["Paris"]["country_code"] == "CA"


def test_a_surname_taken_for_a_place_votes_for_no_country(nlp):
    # "Bingham" (a town in England too) is the mayor here, whatever the model called its second mention:
    # it does not pull the dateline to Great Torrington, England
    from spacy.tokens import Span
    text = ("TORRINGTON — Mayor Ryan Bingham spoke at noon. Bingham said stores must stop selling the items. "
            "Bingham named a rose sold in the shops.")
    with nlp.select_pipes(disable=[p for p in nlp.pipe_names if p.startswith("news_")]):
        doc = nlp(text)
    later = [t.i for t in doc if t.text == "Bingham"][1:]
    doc.ents = [Span(doc, 3, 5, label="PERSON")] + [Span(doc, i, i + 1, label="GPE") for i in later]
    rows = {text[r["start"]:r["end"]]: r for r in nlp.get_pipe("news_places")(doc)._.places}
    assert rows["TORRINGTON"]["country_code"] == "US"


def place_rows_of_entities(nlp, text: str, ents: list[tuple[str, str]]) -> list[dict]:
    """The place rows of TEXT when the model's entities are every mention of ENTS ((text, label)
    pairs), so that the test does not depend on what the statistical model finds."""
    import re

    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(m.start(), m.end(), label=label)
                for n, label in ents for m in re.finditer(re.escape(n), text)]
    return nlp.get_pipe("news_places")(doc)._.places


def places_of_entities(nlp, text: str, ents: list[tuple[str, str]]) -> dict[str, dict]:
    """place_rows_of_entities by the text of each row (the last mention of each name)."""
    return {text[r["start"]:r["end"]]: r for r in place_rows_of_entities(nlp, text, ents)}


@pytest.mark.parametrize("text, name, is_place", [
    # an unknown name the model calls a facility is a place only when it says what kind of place it is
    ("The Highway Patrol reported the crash on Friday.", "Highway Patrol", False),
    ("Prices have not been this low since the Great Recession ended.", "Great Recession", False),
    ("The state, nicknamed the Show-Me State by many, grew.", "Show-Me State", False),
    ("Protesters met on the steps of the Vancouver Art Gallery on Saturday.", "Vancouver Art Gallery", True),
    ("The leaders met at Camp Wexhollow last year.", "Camp Wexhollow", True),
    ("The crash closed Interstate 64 for hours.", "Interstate 64", True),
    ("Traffic was slow on Wexhollow Crescent today.", "Wexhollow Crescent", True),
])
def test_an_unknown_facility_needs_a_facility_word(nlp, text, name, is_place):
    found = places_of_entities(nlp, text, [(name, "FAC")])
    assert (name in found) == is_place, found


def test_a_place_leading_a_facility_that_is_none_is_the_place(nlp):
    # the model's "facility" runs over an office and a name: the county it starts with is the place
    text = "Granville County Fire Marshal Doug Logan said the blaze started at noon."
    found = places_of_entities(nlp, text, [("Granville County Fire Marshal Doug", "FAC")])
    assert set(found) == {"Granville County"}
    assert found["Granville County"]["kind"] == "admin" and found["Granville County"]["country_code"] == "US"


@pytest.mark.parametrize("text, geonames_id", [
    # news gives a town's state at its first mention only: a later bare mention is the same town
    ("The crash happened near Paris, Mo., on Friday. Paris police said the driver was hurt.", 4402452),
    ("The crash happened near Paris, Texas, on Friday. Paris police said the driver was hurt.", 4717560),
])
def test_a_town_written_with_its_state_once_keeps_that_state(nlp, text, geonames_id):
    rows = place_rows_of_entities(nlp, text, [("Paris", "GPE")])
    towns = [r for r in rows if text[r["start"]:r["end"]] == "Paris"]
    assert [r["geonames_id"] for r in towns] == [geonames_id, geonames_id]
    assert towns[1]["resolved_by"] == "town-state" and towns[1]["country_code"] == "US"


def test_a_town_written_with_two_states_is_ranked_again(nlp):
    # "Portland, Maine" and "Portland, Ore.": the pairs disagree, so a bare Portland gets no pair's place
    text = "Flights from Portland, Maine, to Portland, Ore., resumed. Portland officials said delays remain."
    rows = place_rows_of_entities(nlp, text, [("Portland", "GPE")])
    assert rows[-1]["resolved_by"] != "town-state"


@pytest.mark.parametrize("text, name, is_place", [
    # an unknown two-word "place" of a given name and a surname is a person ...
    ("There is also a top-10 golfer in Brooke Henderson this year.", "Brooke Henderson", False),
    # ... unless a word of it says place, or its second word is a state
    ("The fans gathered in Sophia Gardens on Sunday.", "Sophia Gardens", True),
    ("The concert moved to Austin Texas last year.", "Austin Texas", True),
])
def test_an_unknown_place_of_a_given_name_and_a_surname_is_a_person(nlp, text, name, is_place):
    found = places_of_entities(nlp, text, [(name, "GPE")])
    assert any(name.startswith(n) for n in found) == is_place, found


def tagged_places_of_entities(nlp, text: str, ents: list[tuple[str, str]], component=None) -> dict[str, list[dict]]:
    """The place rows of TEXT by text (through COMPONENT, else the pipeline's news_places), with the
    model's tags and lemmas but the entities ENTS (each occurrence of a name takes its next label)."""
    import re

    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "ner":
            break
        doc = proc(doc)
    spans, seen = [], {}
    for n, label in ents:
        hits = list(re.finditer(re.escape(n), text))
        k = seen.get(n, 0)
        seen[n] = k + 1
        spans.append(doc.char_span(hits[k].start(), hits[k].end(), label=label))
    doc.ents = spans
    out: dict[str, list[dict]] = {}
    for r in (component or nlp.get_pipe("news_places"))(doc)._.places:
        out.setdefault(text[r["start"]:r["end"]], []).append(r)
    return out


@pytest.mark.parametrize("text, ents, name, mentions", [
    # a place's name the model calls an organisation where it modifies a noun is the place the article
    # names elsewhere
    ("The fire engine from Edmonton, London, was late. Edmonton's second engine came.",
     [("Edmonton", "GPE"), ("London", "GPE"), ("Edmonton", "ORG")], "Edmonton", 2),
    ("Lucy was flown from Churchill to Winnipeg. The Churchill doctor recalled the night.",
     [("Churchill", "GPE"), ("Winnipeg", "GPE"), ("Churchill", "ORG")], "Churchill", 2),
    # not a name alone, a club in a sentence about sports, a company with its company word or noun, nor
    # a name no mention calls a place with confidence
    ("Boston is a city in Massachusetts. Boston will have to pay for the new bridge.",
     [("Boston", "GPE"), ("Massachusetts", "GPE"), ("Boston", "ORG")], "Boston", 1),
    ("He grew up in Burnley, England. He signed for the Burnley youth side in 2004.",
     [("Burnley", "GPE"), ("England", "GPE"), ("Burnley", "ORG")], "Burnley", 1),
    ("Danbury is a city in Connecticut. Danbury Corp said profits rose.",
     [("Danbury", "GPE"), ("Connecticut", "GPE"), ("Danbury", "ORG")], "Danbury", 1),
    ("Danbury is a city in Connecticut. The Danbury company said profits rose.",
     [("Danbury", "GPE"), ("Connecticut", "GPE"), ("Danbury", "ORG")], "Danbury", 1),
    ("Popeyes will deliver the papers to Church's. Popeyes could give Church's lawyers notice.",
     [("Popeyes", "ORG"), ("Church", "GPE"), ("Popeyes", "ORG"), ("Church", "ORG")], "Church", 1),
])
def test_a_place_the_model_calls_an_organisation_by_metonymy(nlp, text, ents, name, mentions):
    from extractor.components.places import NewsPlaces

    with_metonyms = NewsPlaces(include_metonyms=True)
    with_metonyms.initialize()
    found = tagged_places_of_entities(nlp, text, ents, with_metonyms)
    assert len(found.get(name, [])) == mentions, found
    if mentions > 1:
        assert len({r["geonames_id"] for r in found[name]}) == 1
    # off by default: only the mentions the model called places
    default = tagged_places_of_entities(nlp, text, ents)
    assert len(default.get(name, [])) == sum(n == name and label != "ORG" for n, label in ents)


@pytest.mark.parametrize("text, name, code, kind, resolved_by", [
    # a town the gazetteer knows only elsewhere, written with its state: in that state, on its point
    ("HOLLIDAY, Mo. — A man was arrested on Friday.", "HOLLIDAY", "US", "other", "container"),
    # a town of that state is that town
    ("He moved to Paris, Texas, last year.", "Paris", "US", "city", "town-state"),
    # a list of towns, one of them also a council area, is no town and its state
    ("Flights from Edinburgh, Aberdeen and Glasgow resumed.", "Edinburgh", "GB", "city", None),
    # nor a capital with a country's possessive after it
    ("It was sent by the embassy in London, Argentina's envoy there.", "London", "GB", "city", None),
])
def test_a_town_and_a_state_that_has_no_such_town(nlp, text, name, code, kind, resolved_by):
    row = places(nlp, text)[name]
    assert (row["country_code"], row["kind"]) == (code, kind), row
    if resolved_by:
        assert row["resolved_by"] == resolved_by
    else:
        assert row["resolved_by"] != "container" and row["geonames_id"]



@pytest.mark.parametrize("text, ents, counties", [
    # a county's bare name before a county word, whatever the model called it
    ("The storm hit Cook and DuPage counties in Illinois on Monday.",
     [("Cook", "PERSON"), ("DuPage", "ORG"), ("Illinois", "GPE")], {"Cook", "DuPage"}),
    ("Deputies from Orleans and Jefferson parishes met in Louisiana.",
     [("Orleans", "ORG"), ("Jefferson", "PERSON"), ("Louisiana", "GPE")], {"Orleans", "Jefferson"}),
    # not a name before a lower-case county word that follows no name
    ("President Ford and county officials met in Illinois.",
     [("Ford", "PERSON"), ("Illinois", "GPE")], set()),
])
def test_a_county_written_without_county_before_a_county_word(nlp, text, ents, counties):
    found = tagged_places_of_entities(nlp, text, ents)
    assert {n for n, rows in found.items() if rows[0]["kind"] == "admin" and n != "Illinois"
            and n != "Louisiana"} == counties, found
    for n in counties:
        assert found[n][0]["country_code"] == "US" and found[n][0]["latitude"] is not None


@pytest.mark.parametrize("text, name, state_point", [
    # Co. for County in local news: the county, placed in the state the article names
    ("Polk Co. deputies arrested a man in Lakeland, Florida.", "Polk Co.", (28.0, -81.8)),
    ("PLYMOUTH CO. - Deputies say a tractor was stolen from a farm near Le Mars, Iowa.", "PLYMOUTH CO", (42.8, -96.2)),
    ("Deputies from Hamilton Co. arrested a man in Chattanooga, Tennessee.", "Hamilton Co.", (35.1, -85.2)),
    # a company: "the X Co.", or a name that is no county
    ("The Hamilton Co. said on Monday its profits rose.", "Hamilton Co.", None),
    ("Ford Motor Co. shares fell in Detroit, Michigan.", "Ford Motor Co.", None),
])
def test_a_county_written_with_co(nlp, text, name, state_point):
    found = places(nlp, text)
    if state_point is None:
        assert not any(name in t or t in name for t in found if t != "Detroit" and t != "Michigan"), found
        return
    row = found[name]
    assert row["kind"] == "admin" and row["country_code"] == "US" and row["name"].endswith("County")
    assert abs(row["latitude"] - state_point[0]) < 1 and abs(row["longitude"] - state_point[1]) < 1


@pytest.mark.parametrize("text, building, point", [
    # the article placed the county in its state: the building named after it is there too
    ("SPRINGDALE, Ark. - Deputies in Benton County seized the car. The man is held at the Benton County "
     "Detention Center.", "Benton County Detention Center", "article"),
    # no reading of the name in the article: the building takes the gazetteer's own for its name
    ("The man is held at the Benton County Detention Center.", "Benton County Detention Center", "gazetteer"),
])
def test_a_building_takes_the_articles_reading_of_the_name_it_is_built_on(nlp, text, building, point):
    doc = nlp(text)
    rows = {text[r["start"]:r["end"]]: r for r in doc._.places}
    row = rows[building]
    assert row["resolved_by"] == "part-of"
    if point == "article":
        county = rows["Benton County"]
        assert (row["latitude"], row["longitude"]) == (county["latitude"], county["longitude"])
        assert county["country_code"] == "US" and 35 < county["latitude"] < 37.5


@pytest.mark.parametrize("text, abbreviation, is_place", [
    ("Legend says Rome was founded in 753 B.C. by Romulus.", "B.C.", False),   # a year below 1900
    ("The city walls were built around 1200 BC by its first kings.", "BC", False),
    ("The first settlers arrived in 2000 BC.", "BC", False),                         # nothing after the era
    ("He campaigned before the 2017 B.C. election in Surrey.", "B.C.", True),       # a year, then a word
    ("Wildfires spread across Kamloops, B.C., on Friday.", "B.C.", True),            # no year before it
])
def test_an_era_after_a_year_is_no_place(nlp, text, abbreviation, is_place):
    assert (abbreviation in places(nlp, text)) == is_place


@pytest.mark.parametrize("text, name, code", [
    ("Yugoslavia recalled its ambassador to Washington.", "Yugoslavia", ""),
    ("He defected from the Soviet Union in 1979.", "Soviet Union", ""),
    ("The USSR and the United States signed the treaty.", "USSR", ""),
    ("She left East Germany before the wall fell.", "East Germany", "DE"),
    ("Czechoslovakia split into two countries.", "Czechoslovakia", ""),
])
def test_former_states_are_regions_with_a_point(nlp, text, name, code):
    found = places(nlp, text)
    assert name in found, found
    row = found[name]
    assert row["kind"] == "region" and (row["country_code"] or "") == code
    assert row["latitude"] is not None


def test_zaire_is_the_country_it_was_renamed_to(nlp):
    row = places(nlp, "Mobutu ruled Zaire for three decades.")["Zaire"]
    assert (row["kind"], row["country_code"]) == ("country", "CD")


@pytest.mark.parametrize("text, name", [
    ("The actress, a native of Pocatello, returned for the parade.", "Pocatello"),
    ("The senator flew back to his hometown of Elkhart on Sunday.", "Elkhart"),
])
def test_native_and_hometown_of_name_a_place(nlp, text, name):
    assert name in places(nlp, text)


@pytest.mark.parametrize("text, name, is_place", [
    ("The gunman fired at Kennedy from a window.", "Kennedy", False),   # a person after "at"
    ("Protesters shouted at Jackson outside the hall.", "Jackson", False),  # ... also after "the"
    ("She flew from Boise to Denver on Friday.", "Boise", True),        # the model's own place stays
])
def test_at_from_to_alone_do_not_make_a_person_a_place(nlp, text, name, is_place):
    assert (name in places(nlp, text)) == is_place


def test_an_unknown_place_takes_the_point_of_the_article_s_one_country(nlp):
    text = ("Buses left the besieged village of Zarqatun on Friday, Syrian state media said. Troops moved on "
            "Aleppo, and residents of Homs and Damascus in Syria were told to stay indoors.")
    row = places(nlp, text)["Zarqatun"]
    assert (row["country_code"], row["resolved_by"]) == ("SY", "home-country")
    assert row["latitude"] is not None and row["geonames_id"] is None


@pytest.mark.parametrize("text, name", [
    # two countries with as many votes: no home country
    ("Talks in Syria and Turkey resumed. Near the village of Zarqatun, Syria and Turkey traded fire.", "Zarqatun"),
    # open water lies in no one country
    ("Russian ships left Vladivostok, Russia, for the Okhlanskoye Sea, Russia's navy said from Moscow.",
     "Okhlanskoye Sea"),
])
def test_no_home_country_point_without_one_country_or_on_open_water(nlp, text, name):
    found = places(nlp, text)
    assert name in found, found
    assert found[name]["resolved_by"] != "home-country"


@pytest.mark.parametrize("text, span", [
    ("Both governments took the dispute to a tribunal in The Hague last July.", "The Hague"),
    ("He moved to The Dalles, Oregon, in 1990.", "The Dalles"),
    ("He grew up in the Bronx.", "Bronx"),                      # a lower-case "the" is the sentence's
    ("Stocks fell in the United States on Monday.", "United States"),  # no "The" in the own name
])
def test_the_of_an_own_name_is_kept_when_written_so(nlp, text, span):
    assert span in places(nlp, text)
