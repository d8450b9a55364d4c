"""People: names from the tagger cleaned of non-persons, names after titles and honorifics, bylines,
and later mentions linked to the fullest name in the article."""
from __future__ import annotations

import pytest

from extractor.normalize.titles import TitleLexicon, clean_title, link_name, resolve_affiliation

from .conftest import shared


def people(nlp, text: str) -> list[dict]:
    doc = nlp(text)
    return [dict(r, text=text[r["start"]:r["end"]]) for r in doc._.people]


def test_seed_people(nlp, seed_text):
    rows = people(nlp, seed_text)
    names = {r["name"] for r in rows}
    assert {"Jeyhun Bayramov", "James Sharp", "Vafa Ismayilova"} <= names
    assert {r["name"] for r in rows if r["text"] == "Bayramov"} == {"Jeyhun Bayramov"}
    bad = {"Azerbaijan", "Azerbaijani", "Twitter", "Yerevan", "Aghdam", "Lachin", "Kalbajar"}
    assert not bad & ({r["text"] for r in rows} | names)
    bayramov = [r for r in rows if r["name"] == "Jeyhun Bayramov"]
    assert all(r["official"] and r["title"] == "Foreign Minister" for r in bayramov)
    assert not any(r["official"] for r in rows if r["name"] == "Vafa Ismayilova")


@pytest.mark.parametrize("text, expected", [
    # later mentions by surname, with or without an honorific, take the full name
    ("Louis Gallois, the Airbus chief executive, spoke on Monday. Gallois said the plane would fly.",
     {"Louis Gallois": "Louis Gallois", "Gallois": "Louis Gallois"}),
    ("Receiving UK Ambassador James Sharp on June 10, the minister spoke. Mr Sharp thanked him.",
     {"James Sharp": "James Sharp", "Mr Sharp": "James Sharp"}),  # the form of address is in the span
    # a name after a title, and a hyphenated given name kept whole
    ("UN Secretary-General Ban Ki-moon called for calm on Tuesday.", {"Ban Ki-moon": "Ban Ki-moon"}),
    # a lone surname after a written title is a person even if the tagger disagrees
    ("Last week, President Bush proposed a $145 billion stimulus plan.", {"Bush": "Bush"}),
    # a surname after "O" with a spaced apostrophe is not cut at the apostrophe
    ("Madison County Judge William O 'Brien III said the law was clear.",
     {"William O 'Brien III": "William O 'Brien III"}),
    # initials and a generational suffix stay in the name
    ("Secretary of State James A. Baker III arrived in Cairo on Monday.",
     {"James A. Baker III": "James A. Baker III"}),
    # a surname that is also a spaCy symbol ("X" is a part-of-speech tag) is found as a later mention
    ("Malcolm X spoke in Harlem in 1964. Later that year X travelled to Mecca.",
     {"Malcolm X": "Malcolm X", "X": "Malcolm X"}),
])
def test_mentions_and_names(nlp, text, expected):
    got = {r["text"]: r["name"] for r in people(nlp, text)}
    assert got == expected


def test_honorific_ids_are_the_token_ids(nlp):
    """The fast scan compares token LOWER ids: an honorific that is a spaCy symbol ("det", a
    dependency label) has a small id, not its hash, and must still be found."""
    rules = nlp.get_pipe("news_people").rules
    assert rules.honorific_ids == {nlp.vocab.strings.add(h) for h in rules.lex.honorifics}
    assert nlp("Det Harlow")[0].lower in rules.honorific_ids


@pytest.mark.parametrize("text, not_people", [
    ("Follow us on Twitter @AzerNewsAz for more news.", {"Twitter", "Twitter @AzerNewsAz", "@AzerNewsAz"}),
    ("According to the embassy's official Twitter page, the visit went well.", {"Twitter"}),
    ("The Azerbaijani army declared a victory. The Azerbaijani, Russian and Armenian leaders signed it.",
     {"Azerbaijani", "Russian", "Armenian"}),
    ("The new MacBook Pro and the App Store were shown by Apple on Monday.", {"MacBook Pro", "App Store"}),
    ("Magna International Inc. cut its dividend. Magna said profit fell.", {"Magna"}),
    ("Markets were closed for Martin Luther King Jr.\nDay, a national holiday.", {"Jr", "Day"}),
    ("Apple Inc. said on Tuesday that sales rose. Apple Inc. shares gained.", {"Apple Inc.", "Apple", "Apple Inc"}),
    ("The Foreign Ministry said the talks would resume in Geneva.", {"Foreign Ministry", "Ministry", "Geneva"}),
    ("The company posted the video on Twitter and Facebook on Sunday.", {"Twitter", "Facebook"}),
])
def test_not_people(nlp, text, not_people):
    got = {r["text"] for r in people(nlp, text)} | {r["name"] for r in people(nlp, text)}
    assert not got & not_people


@pytest.mark.parametrize("text, name", [
    # the tagger's lone surname, with no full name, title or reporting verb: kept, as the model has it
    ("Kovacevic has come under fire from politicians.", "Kovacevic"),
    ("Lennon was shot outside his home in 1980.", "Lennon"),
])
def test_lone_tagged_surname_is_kept(nlp, text, name):
    assert name in {r["text"] for r in people(nlp, text)}


@pytest.mark.parametrize("text, not_person", [
    # a lone word in quotes is a code name or a product, not a person
    ('The open-source kernel of the system, "Darwin", ships with every Mac.', "Darwin"),
    # the short form of an organisation named in full earlier
    ("Magna International Inc. cut its dividend. Magna said profit fell.", "Magna"),
    # the tagger reads the word as a common noun (a plural, a show title)
    ("Fans of the shows Lost and Desperate Housewives can download them.", "Housewives"),
    # coordinated with a capitalised common noun: a list of things
    ("The laptop comes in two colours: Black (2 GHz model only) and White (1.8 GHz models).", "White"),
    # a company word glued to the name
    ("The loans went to Sberbank, VTB Group and Gazprombank on Monday.", "Gazprombank"),
    # an article or an organisation noun right before the word
    ("The browser gains a Reader feature and tabs.", "Reader"),
    ("The song was licensed from record label Motown, however the fee was not disclosed.", "Motown"),
    # the object of a verb of owning or buying
    ("In 1986 he bought Pixar from the film director.", "Pixar"),
])
def test_lone_name_that_reads_as_a_thing_is_dropped(nlp, text, not_person):
    assert not_person not in {r["text"] for r in people(nlp, text)}


@pytest.mark.parametrize("text, name", [
    # an age or "he" outweighs the word's form
    ("Sanders, 45, was found guilty of fraud.", "Sanders"),
    # coordinated with a person or a common noun that is no name: still a person
    ("Lennon and his wife were returning home.", "Lennon"),
    # the subject of a verb of buying is no thing bought
    ("Kovacevic bought the house in 1990.", "Kovacevic"),
])
def test_lone_name_with_person_evidence_is_kept(nlp, text, name):
    assert name in {r["text"] for r in people(nlp, text)}


@pytest.mark.parametrize("text, not_official", [
    # an adjective of a later noun is no title ("major" before "mortgage specialist")
    ("Acme Home Lending, another major sub-prime mortgage specialist, said it was seeking funds.",
     "Acme Home Lending"),
    # an organisation after "TITLE for/at" is the title's body, even with a given name in it
    ("Peter Boockvar, an equity strategist for Miller Tabak, said the market fell.", "Miller Tabak"),
])
def test_no_official_from_a_company(nlp, text, not_official):
    doc = nlp(text)
    assert not any(not_official in r["name"] for r in doc._.officials)
    assert not any(not_official in r["name"] for r in doc._.people)


@pytest.mark.parametrize("text, name", [
    # a known given name and a surname, whatever the tagger called it
    ("The session was opened by Aleksandr Kruhlow, a deputy from Sevastopol.", "Aleksandr Kruhlow"),
    ("The children were found, according to Martina Matzar, in a home near the lake.", "Martina Matzar"),
    # a hyphenated given name
    ("Anne-Marie Slaughter and Abdul-Karim Obeid met in Bosnia-Herzegovina.", "Anne-Marie Slaughter"),
    # an age in commas, "who", or a title only a person holds, in apposition
    ("Warner, 70, who owned the failed savings bank, was convicted.", "Warner"),
    ("Harrington, a professor of political science at Queens College, died on Monday.", "Harrington"),
    # the subject whose next pronoun is "he" or "she"
    ("Jacobs has said that he would not receive a fair trial.", "Jacobs"),
    # a name the tagger read as a place no gazetteer holds, with an age or "who" after it
    ("Copland, who was born in Brooklyn, lives in upstate New York.", "Copland"),
])
def test_name_the_tagger_took_for_an_organisation(nlp, text, name):
    doc = nlp(text)
    assert name in {text[r["start"]:r["end"]] for r in doc._.people}
    assert name not in {r["name"] for r in doc._.organizations}


@pytest.mark.parametrize("text, org", [
    ("General Motors said sales fell.", "General Motors"),          # a given name that is also a title
    ("Apple said on Tuesday that iPhone sales rose.", "Apple"),
    ("Intel, the biggest chip developer, cut prices.", "Intel"),     # a title that also describes a firm
    ("Jordan Valley Bank said on Monday it would merge.", "Jordan Valley Bank"),
    ("Reuters reported the deal on Monday.", "Reuters"),
    ("Toyota said its chief executive would resign.", "Toyota"),   # "its", and a title before any "he"
])
def test_organisations_stay_organisations(nlp, text, org):
    doc = nlp(text)
    assert not any(org in text[r["start"]:r["end"]] for r in doc._.people)


@pytest.mark.parametrize("text, not_person", [
    ("Tourists gathered at the Lincoln Memorial on Sunday.", "Lincoln"),
    ("The Lincoln, Neb., school board voted on Monday.", "Lincoln"),
    ("Jordan said it would close its border with Syria.", "Jordan"),
    # a known place stays a place though "who" follows it (a team named for its state)
    ("Georgia, who lost to Auburn, fell to fifth in the rankings.", "Georgia"),
])
def test_places_named_like_people(nlp, text, not_person):
    assert not any(not_person in r["text"] for r in people(nlp, text))


def test_first_name_lexicon_spellings():
    from extractor.normalize.first_names import build_first_names, is_latin_name, unaccented

    assert unaccented("Gunārs") == "Gunars" and is_latin_name("José") and not is_latin_name("Иван")
    # kept when two locales list it (under one unaccented spelling), with both spellings
    assert build_first_names({"Gunārs": {"lv"}, "Gunars": {"en"}, "Anna": {"de", "it"}, "Dow": {"en"}}) == \
        ["Anna", "Gunars", "Gunārs"]


def test_first_name_lexicon_is_regenerated_from_faker(tmp_path):
    """The shipped lexicon is what the generator writes from the installed Faker (the names extra)."""
    pytest.importorskip("faker")
    import json

    from extractor.normalize.first_names import write
    from extractor.resources import models_path

    out = write(tmp_path / "first_names.json")
    shipped = json.loads(models_path("people", "first_names.json").read_text(encoding="utf8"))
    assert json.loads(out.read_text(encoding="utf8"))["names"] == shipped["names"]
    assert {"Martina", "Aleksandr", "Igor"} <= set(shipped["names"]) and "Dow" not in shipped["names"]


def test_byline_is_a_person(nlp):
    rows = people(nlp, "date 2021-06-11 By Vafa Ismayilova\n\nThe ministry reported the visit.")
    assert [r["name"] for r in rows] == ["Vafa Ismayilova"]


def test_people_offsets_are_the_text(nlp, seed_text):
    doc = nlp(seed_text)
    for r in doc._.people:
        assert seed_text[r["start"]:r["end"]].strip() == seed_text[r["start"]:r["end"]]
        assert set(r) >= {"start", "end", "name", "title", "official"}


# ---------------------------------------------------------------- pure helpers
@pytest.mark.parametrize("mention, names, expected", [
    (("Bayramov",), [("Jeyhun", "Bayramov")], ("Jeyhun", "Bayramov")),
    (("Steve",), [("Steve", "Jobs")], ("Steve", "Jobs")),
    (("Mann",), [("Martin", "Mann"), ("Anthony", "Mann")], ("Anthony", "Mann")),  # the most recent fits
    (("Cook",), [("Steve", "Jobs")], None),
    (("Tim", "Cook"), [("Tim", "Cook")], None),  # not longer: nothing to link to
])
def test_link_name(mention, names, expected):
    assert link_name(mention, names) == expected


def test_title_lexicon_splits_like_spacy():
    lex = TitleLexicon.from_data({"heads": {"business": ["co-founder", "ceo"]}, "modifiers_kept": ["former"],
                                  "modifiers_dropped": ["current"], "domains": ["foreign"], "honorifics": ["mr"]})
    assert {"founder", "ceo"} <= lex.heads and "co" in lex.kept and "-" in lex.title_words
    assert lex.sectors["founder"] == "business"
    words = ["the", "current", "CEO"]
    a, b = clean_title(words, lex)
    assert words[a:b] == ["CEO"]
    words = ["former", "CEO", "and"]
    a, b = clean_title(words, lex)
    assert words[a:b] == ["former", "CEO"]


@pytest.mark.parametrize("text, expected", [
    ("Azerbaijani", ("Azerbaijan", "AZ")),
    ("UK", ("UK", "GB")),
    ("the UK's", ("UK", "GB")),
    ("Airbus", ("Airbus", None)),
    ("The bank", ("bank", None)),
])
def test_resolve_affiliation(text, expected):
    from extractor.normalize.gazetteer import country_lookup, demonym_country
    assert resolve_affiliation(text, demonym_country, country_lookup) == expected


def test_meantime_people_score(nlp):
    """Person names of the MEANTIME dev sample (first six sentences of each article annotated)."""
    import json
    docs = [json.loads(line) for line in open(shared("meantime-dev/gold.jsonl"), encoding="utf8")]
    tp = n_gold = n_sys = 0
    for d in docs:
        gold = [(s["start"], s["end"]) for s in d["spans"]
                if s["label"] == "PER" and s.get("syntactic_type") in ("NAM", "PRE.NAM")]
        sys_ = [(r["start"], r["end"]) for r in nlp(d["text"])._.people]
        n_gold += len(gold)
        n_sys += len(sys_)
        tp += sum(any(s < ge and gs < e for s, e in sys_) for gs, ge in gold)
    assert tp / n_sys >= 0.85 and tp / n_gold >= 0.8


def test_people_component_lifecycle(tmp_path):
    """news_people follows spaCy's lifecycle: calling it uninitialised says what to do, and its rule
    data saved by to_disk() loads back with from_disk() into a component that gives the same rows."""
    import spacy

    from extractor.components.base import NotInitializedError

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("news_people")
    text = "Azerbaijani Foreign Minister Jeyhun Bayramov met Mr. Sharp. Bayramov said it went well."
    with pytest.raises(NotInitializedError):
        nlp(text)
    nlp.initialize()
    rows = nlp(text)._.people
    nlp.to_disk(tmp_path / "p")
    assert (tmp_path / "p" / "news_people" / "titles" / "titles.json").exists()
    again = spacy.load(tmp_path / "p")
    assert again(text)._.people == rows and rows


def _people_of_parsed(nlp, words, pos, deps, heads, ents) -> list[str]:
    """The people component alone on a Doc with the given tags and parse, so a rule is tested on
    the reading it is about, whatever the model would make of the sentence."""
    from spacy.tokens import Doc
    doc = nlp.get_pipe("news_people")(Doc(nlp.vocab, words=words, pos=pos, deps=deps, heads=heads, ents=ents))
    return [r["name"] for r in doc._.people]


@pytest.mark.parametrize("words, pos, deps, heads, ents, expected", [
    # coordinated with a capitalised word read as a common noun: a list of things
    (["Black", "and", "White", "were", "sold", "."], ["NOUN", "CCONJ", "PROPN", "AUX", "VERB", "PUNCT"],
     ["nsubjpass", "cc", "conj", "auxpass", "ROOT", "punct"], [4, 0, 0, 4, 4, 4],
     ["O", "O", "B-PERSON", "O", "O", "O"], []),
    # the same with an age after the partner: a name the tagger missed (found by its age), so
    # still a list of people
    (["Winter", ",", "53", ",", "and", "Starr", "were", "named", "."],
     ["NOUN", "PUNCT", "NUM", "PUNCT", "CCONJ", "PROPN", "AUX", "VERB", "PUNCT"],
     ["nsubjpass", "punct", "appos", "punct", "cc", "conj", "auxpass", "ROOT", "punct"], [7, 0, 0, 0, 0, 0, 7, 7, 7],
     ["O", "O", "O", "O", "O", "B-PERSON", "O", "O", "O"], ["Winter", "Starr"]),
])
def test_lone_name_coordinated_with_a_common_noun(nlp, words, pos, deps, heads, ents, expected):
    assert _people_of_parsed(nlp, words, pos, deps, heads, ents) == expected


@pytest.mark.parametrize("text", [
    # a title run and a portfolio, a head that is a spaCy symbol ("agent"), runs at both edges
    "Foreign Minister Jeyhun Bayramov met the minister of fiscal policy and an intelligence agent.",
    "Chief executive officer and co-founder Tim Cook spoke, said the real estate agent",
    "Nobody here holds any post at all.",
    "",
])
def test_title_matches_in_windows_equal_the_whole_doc_matcher(nlp, text):
    from extractor.components.people import _ArticlePeople
    component = nlp.get_pipe("news_people")
    doc = nlp(text)
    assert component.rules.window_ids is not None
    windowed = _ArticlePeople(component.rules, doc)._title_matches(doc)
    assert sorted(windowed) == sorted(component.rules.matcher(doc))


@pytest.mark.parametrize("lowers, expected", [
    ([1, 2, 9, 3, 2, 2], [(0, 2), (3, 6)]),  # stretches of accepted words holding a required one
    ([1, 1, 9, 2], [(3, 4)]),                # a stretch without a required word is no window
    ([9, 9], []),
])
def test_match_windows_are_stretches_of_accepted_words_with_a_required_one(lowers, expected):
    from extractor.components.people import match_windows
    assert match_windows(lowers, frozenset({1, 2, 3}), frozenset({2})) == expected


def test_window_ids_only_for_lower_in_patterns():
    from extractor.components.people import lower_in_window_ids
    assert lower_in_window_ids([[{"LOWER": {"IN": ["a"]}, "OP": "*"}, {"LOWER": {"IN": ["b"]}}]]) is not None
    assert lower_in_window_ids([[{"ORTH": "a"}]]) is None
    assert lower_in_window_ids([[{"LOWER": {"IN": ["a"]}, "OP": "*"}]]) is None  # no required token


@pytest.mark.parametrize("text, names", [
    # the victim or the agent of a violent act is a person, whatever the tagger called the name
    ("But actor John Wilkes Booth shot Lincoln during the third act.", ["John Wilkes Booth", "Lincoln"]),
    ("Ruby fatally shot Oswald two days later.", ["Ruby", "Oswald"]),
    ("Viscomi was shot in the back in 1979 by a neighbour.", ["Viscomi"]),
    # a person's event: its "of" object, its possessor, the name that modifies it
    ("He fled after the assassination of Lincoln in 1865.", ["Lincoln"]),
    ("The Kennedy assassination shocked the nation.", ["Kennedy"]),
    # a birth, a death; an untagged name with "who" after it
    ("Kowalczyk was born in Montclair in 1930.", ["Kowalczyk"]),
    ("Tanya died Saturday evening at the hospital.", ["Tanya"]),
    ("Yount, who was living under an alias, was sentenced.", ["Yount"]),
    # a title's word as a surname, with no article before it and no name after it
    ("Ray is serving 99 years for the 1968 slaying of Bishop.", ["Ray", "Bishop"]),
    ("He admitted shooting and killing Judge as the singer stood on the stage.", ["Judge"]),
    # arrests and jail are for people only
    ("Sirhak was arrested at the border in 1969.", ["Sirhak"]),
])
def test_names_in_contexts_only_a_person_is_named_in(nlp, text, names):
    doc = nlp(text)
    assert [text[r["start"]:r["end"]] for r in doc._.people] == names


@pytest.mark.parametrize("text", [
    "Apple shot down the proposal on Monday.",            # a verb with a particle
    "The strike killed the Ford deal.",                   # an organisation's deal, no person
    "Today's Highlight in History: On this day the fort was shot at.",  # a heading before the verb
    "The Senate bill died in committee.",                 # a common noun dies too
    "Rebels shot the King on Monday.",                    # a title with its article
    "Rebels shot the old King on Monday.",
    "The court sentenced Halliburton to pay a fine.",     # a company is sentenced too
    "Nokia testified before the committee.",              # an unknown subject of a person's verb
])
def test_no_person_from_a_violent_verb_without_a_named_victim(nlp, text):
    assert nlp(text)._.people == []
