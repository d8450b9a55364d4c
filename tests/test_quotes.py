"""The quotes component: attributions (speaker, cue, content, kind) by pattern, speakers resolved to the
article's people and organizations, quotation marks found without giving up on unbalanced ones."""
from __future__ import annotations

import pytest

from extractor.normalize.attribution import find_quotes, is_label_quote


def quotes_of(nlp, text: str) -> list[dict]:
    rows = nlp(text)._.quotes
    for r in rows:  # offsets always point into the text
        assert 0 <= r["start"] < r["end"] <= len(text)
        if r["speaker_start"] is not None:
            assert text[r["speaker_start"]:r["speaker_end"]] == r["speaker"]
        if r["cue_start"] is not None:
            assert text[r["cue_start"]:r["cue_end"]] == r["cue"]
    return rows


def table(nlp, text: str) -> list[tuple[str, str, str, str]]:
    """(speaker, cue, content, kind) of each row."""
    return [(r["speaker"], r["cue"], text[r["start"]:r["end"]], r["kind"]) for r in quotes_of(nlp, text)]


def row_of(nlp, text: str, speaker: str) -> dict:
    """The first row whose speaker is SPEAKER as written: there must be one."""
    rows = [r for r in quotes_of(nlp, text) if r["speaker"] == speaker]
    assert rows, f"no row with speaker {speaker!r}"
    return rows[0]


# (sentence, speaker, cue, content, kind): one case a pattern.
CASES = {
    "reporting-verb-with-that-clause": (
        "The minister said that the talks would resume in May.",
        "The minister", "said", "that the talks would resume in May", "indirect"),
    "reporting-verb-without-that": (
        "Smith told reporters the plant will close next year.",
        "Smith", "told", "the plant will close next year", "indirect"),
    "belief-verb": (
        "The governor believes the tax cut will pay for itself.",
        "The governor", "believes", "the tax cut will pay for itself", "indirect"),
    "quotation-before-inverted-cue": (
        "\u201cWe will not give up,\u201d said Maria Lopez.",
        "Maria Lopez", "said", "\u201cWe will not give up,\u201d", "direct"),
    "quotation-before-cue": (
        "\u201cThe market is calm,\u201d the analyst said on Monday.",
        "the analyst", "said", "\u201cThe market is calm,\u201d", "direct"),
    "cue-then-colon-and-quotation": (
        "The company said: \u201cOur profits rose sharply this year.\u201d",
        "The company", "said", "\u201cOur profits rose sharply this year.\u201d", "direct"),
    "quotation-around-the-attribution": (
        "\u201cIt was a hard year,\u201d she said. \u201cBut we are still here.\u201d",
        "she", "said", "\u201cIt was a hard year,\u201d she said. \u201cBut we are still here.\u201d", "direct"),
    "quoted-words-inside-reported-speech": (
        "He said the plan was \u201ca complete disaster for the country\u201d and should be dropped.",
        "He", "said", "the plan was \u201ca complete disaster for the country\u201d and should be dropped", "mixed"),
    "according-to": (
        "The factory will close in June, according to the union.",
        "the union", "according to", "The factory will close in June", "indirect"),
    "participle-cue-takes-the-subject-of-its-verb": (
        "Jones resigned on Friday, saying he had lost the confidence of the board.",
        "Jones", "saying", "he had lost the confidence of the board", "indirect"),
    "prepositional-cue": (
        "The senator called for an immediate ceasefire.",
        "The senator", "called for", "an immediate ceasefire", "indirect"),
    "short-quotation-before-inverted-cue": (
        "\u201cNever,\u201d the coach replied.",
        "the coach", "replied", "\u201cNever,\u201d", "direct"),
    "question-before-inverted-cue-with-name-first": (
        "\u201cWhere is the money?\u201d Walters barked at the clerk.",
        "Walters", "barked", "\u201cWhere is the money?\u201d", "direct"),
    "inverted-cue-the-tagger-reads-as-a-noun": (
        "\u201cWe can point to two results,\u201d Kovacs answers.",
        "Kovacs", "answers", "\u201cWe can point to two results,\u201d", "direct"),
    "inverted-cue-after-a-name-with-an-age": (
        "\u201cWe were wrong to wait so long,\u201d Okafor, 58, told the radio station on Monday.",
        "Okafor", "told", "\u201cWe were wrong to wait so long,\u201d", "direct"),
    "cue-then-comma-and-quotation-after-an-opening-clause": (
        "Asked what the party needs, Brandt said, \u201cWe have to be able to win.\u201d",
        "Brandt", "said", "\u201cWe have to be able to win.\u201d", "direct"),
    "content-opening-with-quoted-words": (
        "Lindqvist said \u201cit makes me angry\u201d every time she reads the figures.",
        "Lindqvist", "said", "\u201cit makes me angry\u201d every time she reads the figures", "direct"),
    "cue-then-quotation-after-an-asked-clause": (
        "Asked whether he regretted it, Moreau replied, \u201cWell, maybe so. I would not do it again.\u201d",
        "Moreau", "replied", "\u201cWell, maybe so. I would not do it again.\u201d", "direct"),
    "verb-first-colon-line": (
        "Continued Halvorsen: \u201cThe stakes are high for every one of us.\u201d",
        "Halvorsen", "Continued", "\u201cThe stakes are high for every one of us.\u201d", "direct"),
    "verb-first-colon-line-introducing-the-next-paragraph": (
        "He spoke on the radio.\n\nStated Halvorsen:\n\n\u201cThe stakes are high for every one of us.\u201d",
        "Halvorsen", "Stated", "\u201cThe stakes are high for every one of us.\u201d", "direct"),
    "quotation-then-a-bare-cue-sentence": (
        "\u201cWe hope you find the missing files.\u201d Dumont said.",
        "Dumont", "said", "\u201cWe hope you find the missing files.\u201d", "direct"),
    "doubled-apostrophes-as-quotation-marks": (
        "''We are looking for partners,'' Mr. Pruzan said.",
        "Mr. Pruzan", "said", "''We are looking for partners,''", "direct"),
    "inverted-cue-with-a-name-behind-its-employer-and-role": (
        "\u201cThe banks waited too long,\u201d said Alfabank analyst Ingrid Solberg commenting on the move.",
        "Alfabank analyst Ingrid Solberg", "said", "\u201cThe banks waited too long,\u201d", "direct"),
    "name-and-colon-before-a-quotation-inside-a-sentence": (
        "Turnout rose. The timing does not surprise Republican pollster Dana Whitfield: "
        "\u201cHistorically, lesser-known candidates have seen the biggest boost.\u201d",
        "Republican pollster Dana Whitfield", ":",
        "\u201cHistorically, lesser-known candidates have seen the biggest boost.\u201d", "direct"),
    "a-clause-before-a-line-colon-is-not-a-speaker-label": (
        "Hartmann told WXRT: \u201cI replied to the post. I did not write it.\u201d",
        "Hartmann", "told", "\u201cI replied to the post. I did not write it.\u201d", "direct"),
    "speaker-parsed-as-an-apposition-of-an-opening-phrase": (
        "In a conference call with reporters on Dec. 2, Col. Mark J. Hollis, a military spokesman in "
        "Kabul, said, \u201cA raid is a combat operation. There is no way around that.\u201d",
        "Col. Mark J. Hollis", "said", "\u201cA raid is a combat operation. There is no way around that.\u201d",
        "direct"),
    "phrasal-cue-went-on-after-a-quotation": (
        "\u201cAnd that worries me a great deal,\u201d she went on.",
        "she", "went on", "\u201cAnd that worries me a great deal,\u201d", "direct"),
    "phrasal-cue-shot-back-after-a-quotation": (
        "\u201cThey only came for the free lunch,\u201d Carter shot back with a grin.",
        "Carter", "shot back", "\u201cThey only came for the free lunch,\u201d", "direct"),
    "as-someone-put-it-before-a-quotation": (
        "As Senator Alan Price put it: \u201cThis nominee will not be confirmed.\u201d",
        "Senator Alan Price", "put it", "\u201cThis nominee will not be confirmed.\u201d", "direct"),
    "speech-verb-of-manner-fumed": (
        "\u201cThey were never serious about this bill,\u201d Hadley fumed on Tuesday.",
        "Hadley", "fumed", "\u201cThey were never serious about this bill,\u201d", "direct"),
    "quotation-paragraph-signed-with-a-dash": (
        "Her bill went nowhere.\n\u201cBig firms pay almost no taxes.\u201d\n- Warren.\nThat is disputed.",
        "Warren", "-", "\u201cBig firms pay almost no taxes.\u201d", "direct"),
    "transcript-label-with-a-party-parenthetical": (
        "The hearing went on.\n\nRep. Ann Kowalski (R-Ohio): \u201cYou did not answer my question at all.\u201d",
        "Rep. Ann Kowalski", "):", "\u201cYou did not answer my question at all.\u201d", "direct"),
    "digest-source-label-after-a-spaced-dash": (
        "Early polls missed the winner - Gallup Research: \u201cMost samples leaned toward older voters.\u201d",
        "Gallup Research", ":", "\u201cMost samples leaned toward older voters.\u201d", "direct"),
    "digest-source-label-opening-a-line-with-a-dash": (
        "The race tightened.\n- Gallup Research: \u201cMost samples leaned toward older voters.\u201d",
        "Gallup Research", ":", "\u201cMost samples leaned toward older voters.\u201d", "direct"),
    "headline-quotation-in-straight-single-marks-after-a-colon": (
        "Maria Lopez: 'We will not give up the fight.'\n\nThe mayor spoke on Tuesday.",
        "Maria Lopez", ":", "'We will not give up the fight.'", "direct"),
    "speech-verb-before-a-colon-and-its-addressee": (
        "Okafor praised the ruling, telling Radio Lagos: \u201cThis is a great day for the country.\u201d",
        "Okafor", "telling", "\u201cThis is a great day for the country.\u201d", "direct"),
    "speech-verb-before-a-colon-and-its-medium": (
        "On Saturday, Mr. Brandt said on Twitter: \u201cThe vote was rigged from the start.\u201d",
        "Mr. Brandt", "said", "\u201cThe vote was rigged from the start.\u201d", "direct"),
    "intent-verb-with-infinitive": (
        "The mayor refused to comment on the report.",
        "The mayor", "refused", "to comment on the report", "indirect"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_attribution_patterns(nlp, case):
    text, speaker, cue, content, kind = CASES[case]
    assert (speaker, cue, content, kind) in table(nlp, text)


@pytest.mark.parametrize("text", [
    "The so-called \u201cpeace plan\u201d was signed in Moscow.",
    "She appeared on \u201cSaturday Night Live\u201d last week.",
    "The film \u201cThe Lord of the Rings\u201d opened in 2001.",
])
def test_labels_and_titles_in_quotation_marks_are_not_quotes(nlp, text):
    assert all(r["kind"] != "direct" for r in quotes_of(nlp, text))
    assert not quotes_of(nlp, text)


@pytest.mark.parametrize("text", [
    "The fight went on for hours. He went on to win the race.",
    "Smith put it on the table.",
    "Items:\n- Taxes.\n- Health care.",
])
def test_phrasal_verbs_and_dash_lines_without_a_quotation_are_not_cues(nlp, text):
    assert not quotes_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Note: \u201cThe Daily Show\u201d airs at 11 p.m. on weeknights.",
    "Update: \u201cBreaking Bad\u201d returns next week.",
    "Smith vs. Jones: The Debate Nobody Wanted",
    "The meeting starts at 10:30 and ends at noon.",
    "The list of demands: higher wages, shorter hours and better safety rules.",
    "The candidates' debate: it's over.",
])
def test_colons_that_introduce_no_speech_are_not_cues(nlp, text):
    assert not quotes_of(nlp, text)


def test_quotation_ending_a_sentence_is_not_the_next_sentence_content(nlp):
    text = ("Pataki says the mayor \u201chas a record of bringing people together.\u201d "
            "He warns that the rival would divide the party.")
    rows = [r for r in quotes_of(nlp, text) if r["cue"] == "warns"]
    assert rows and text[rows[0]["start"]:rows[0]["end"]] == "that the rival would divide the party"


def test_title_with_a_comma_inside_its_marks_is_still_a_title(nlp):
    text = "She appeared on \u201cSaturday Night Live,\u201d the comedy show."
    assert not quotes_of(nlp, text)


def test_a_sentence_without_attribution_has_no_rows(nlp):
    assert quotes_of(nlp, "The bridge was built in 1932 and repaired in 2004.") == []


def test_nested_report_belongs_to_the_outer_attribution(nlp):
    text = "Farage said the warning showed that the President did not know the facts."
    rows = table(nlp, text)
    assert [r[1] for r in rows] == ["said"]


def test_cue_inside_a_quotation_is_part_of_it(nlp):
    text = "\u201cI think we will win the vote,\u201d the candidate said."
    assert [r[1] for r in table(nlp, text)] == ["said"]


@pytest.mark.parametrize("text, speaker, name, kind", [
    ("Mayor John Carter opened the bridge on Monday. He said it would carry 40,000 cars a day.",
     "He", "John Carter", "person"),
    ("Foreign Minister Anna Berg met the envoy in Oslo. The minister said the talks had been useful.",
     "The minister", "Anna Berg", "person"),
    ("Siemens reported higher orders on Tuesday. The company said demand from China had recovered.",
     "The company", "Siemens", "organization"),
    ("Critics of Prime Minister Paul Keating gathered outside. Keating said the protest was unfair.",
     "Keating", "Paul Keating", "person"),
    # "the senator" / "the governor" reach a name written after the rank abbreviation.
    ("Sen. Bernie Sanders spoke in Iowa on Monday. The senator said the economy was rigged.",
     "The senator", "Bernie Sanders", "person"),
    ("Gov. Chris Christie visited the town hall. Later the governor said he would stay in the race.",
     "the governor", "Chris Christie", "person"),
    # An apposition names the speaker of a nominal mention.
    ("Officials met on Monday. The spokesman, Josh Earnest, said the president would veto the bill.",
     "The spokesman", "Josh Earnest", "person"),
    # "who" after an apposition goes to the name the apposition describes.
    ("Robert Mercer, the hedge fund donor who once backed Cruz, has given millions.",
     "who", "Robert Mercer", "person"),
])
def test_speaker_resolved_to_the_fullest_name(nlp, text, speaker, name, kind):
    row = row_of(nlp, text, speaker)
    assert row["speaker_name"] == name and row["speaker_kind"] == kind


def test_a_new_sentence_with_its_own_cue_ends_the_quotation_run(nlp):
    text = ("\u201cShe is trying,\u201d said Paul Okonjo, a former U.N. analyst who teaches at Yale. "
            "But he added, \u201cI think the wisdom is correct.\u201d")
    assert [(r[0], r[1], r[2]) for r in table(nlp, text)] == [
        ("Paul Okonjo", "said", "\u201cShe is trying,\u201d"),
        ("he", "added", "\u201cI think the wisdom is correct.\u201d")]


def test_doubled_apostrophe_quotation_of_another_speaker_is_not_continued(nlp):
    text = "''We are refugees,'' Ms. Alawi said. ''We are not criminals.'' Mr. Zahir said: ''We ran from war.''"
    assert [(r[0], r[2]) for r in table(nlp, text)] == [
        ("Ms. Alawi", "''We are refugees,'' Ms. Alawi said. ''We are not criminals.''"),
        ("Mr. Zahir", "''We ran from war.''")]


@pytest.mark.parametrize("text, speaker, name", [
    # Someone named inside another's reported speech is the candidate "the candidate" points back to.
    ("Aides said Ben Carson would visit Iowa on Monday. The candidate told reporters the trip was planned.",
     "The candidate", "Ben Carson"),
    # A rank noun with no one of that title named goes to the person just spoken of, if untitled.
    ("Hillary Clinton spoke in Ohio on Tuesday. The former secretary of state said the plan would fail.",
     "The former secretary of state", "Hillary Clinton"),
])
def test_definite_person_noun_goes_to_the_person_just_spoken_of(nlp, text, speaker, name):
    assert row_of(nlp, text, speaker)["speaker_name"] == name


@pytest.mark.parametrize("text, speaker", [
    # A rank noun does not go to someone with another title.
    ("Governor Mary Fallin spoke in Tulsa on Monday. The senator said the bill was dead.", "The senator"),
    # A role that is usually someone new ("the judge", "the anchor") is no one named before.
    ("Defence lawyer Ben Brafman spoke for an hour. The judge said the sentence would be light.", "The judge"),
])
def test_a_role_noun_with_no_fitting_person_is_left_unresolved(nlp, text, speaker):
    assert row_of(nlp, text, speaker)["speaker_name"] == ""


def test_the_campaign_is_not_the_last_organisation_named(nlp):
    text = "Jeb Bush spoke at the Acme Corporation plant. The campaign said it had raised $10 million."
    assert row_of(nlp, text, "The campaign")["speaker_name"] == ""


@pytest.mark.parametrize("text", [
    "Jeb Bush and Marco Rubio spoke in Iowa. The Rubio campaign bought ads on Monday. "
    "The campaign said it had raised $10 million.",
    # A possessive names the campaign as well.
    "Jeb Bush and Marco Rubio spoke in Iowa. Reporters wrote to Rubio\u2019s campaign on Monday. "
    "The campaign said it had raised $10 million.",
])
def test_a_named_campaign_is_the_campaign(nlp, text):
    assert row_of(nlp, text, "The campaign")["speaker_name"] == "Rubio campaign"


def test_an_untagged_headline_name_before_a_colon_is_the_speaker(nlp):
    text = ("Page: \u2018I\u2019m the Worst Thing That Ever Happened to the Establishment.\u2019\n\n"
            "On Monday in Lynchburg, Republican candidate Walter Page spoke to students.")
    row = row_of(nlp, text, "Page")
    assert row["speaker_name"] == "Walter Page" and row["kind"] == "direct"


def test_a_date_after_a_prepositional_cue_is_not_its_content(nlp):
    rows = table(nlp, "Sen. Bernie Sanders spoke in Iowa on Monday.")
    assert all(content != "Monday" for _, _, content, _ in rows)


def test_indefinite_speaker_is_not_resolved(nlp):
    text = "Mayor John Carter opened the bridge. An engineer said the cables were new."
    row = row_of(nlp, text, "An engineer")
    assert row["speaker_name"] == "" and row["speaker_kind"] == "person"


def test_seed_article(nlp, seed_text):
    rows = quotes_of(nlp, seed_text)
    stated = [r for r in rows if r["cue"] == "stated" and r["kind"] == "direct"]
    assert stated and stated[0]["speaker"] == "the embassy" and stated[0]["speaker_name"] == "UK embassy"
    assert seed_text[stated[0]["start"]:stated[0]["end"]].startswith("\u201cLast Friday\u2019s")
    spoke = [r for r in rows if r["cue"] == "spoke about"]
    assert spoke and spoke[0]["speaker_name"] == "Jeyhun Bayramov" and spoke[0]["speaker_kind"] == "person"
    according = [r for r in rows if r["cue_lemma"] == "according to"]
    assert according and according[0]["speaker_name"] == "UK embassy"


# ---------------------------------------------------------------- quotation marks, no pipeline
def spans(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text)]


@pytest.mark.parametrize("text, expected", [
    ("He said \"we will win\" and left.", ["\"we will win\""]),
    ("\u201cOne.\u201d Then \u201cTwo.\u201d", ["\u201cOne.\u201d", "\u201cTwo.\u201d"]),
    # A quotation over two paragraphs: the first is left open, the second opens again.
    ("\u201cFirst paragraph of the speech.\n\n\u201cSecond paragraph.\u201d",
     ["\u201cFirst paragraph of the speech.\n\n\u201cSecond paragraph.\u201d"]),
    # Headline style single marks, apostrophes told apart.
    ("Ryan: \u2018We don\u2019t need it\u2019 today", ["\u2018We don\u2019t need it\u2019"]),
    # An opening mark glued to the comma before it and followed by a space closes (a bad conversion).
    ("\u201cIt is rare,\u201c said Lee. \u201cVery rare.\u201c", ["\u201cIt is rare,\u201c", "\u201cVery rare.\u201c"]),
    # ... and a closing mark after a space, before a word, opens.
    ("He said \u201dwe will win\u201d today.", ["\u201dwe will win\u201d"]),
])
def test_quotation_spans(text, expected):
    assert spans(text) == expected


def test_doubled_apostrophes_are_a_quotation_mark_and_a_single_one_is_not():
    text = "''I don't know,'' he said of the men's team."
    assert spans(text) == ["''I don't know,''"]
    text = "``It took too long,'' she said. ``Now it is over.''"
    assert spans(text) == ["``It took too long,''", "``Now it is over.''"]


def test_unbalanced_mark_loses_one_paragraph_not_the_article():
    text = "He said \u201cthis never closes.\n\nLater she said \u201cthis one does.\u201d"
    quotes = find_quotes(text)
    assert [text[q.start:q.end] for q in quotes] == ["\u201cthis never closes.", "\u201cthis one does.\u201d"]
    assert [q.closed for q in quotes] == [False, True]


def test_stray_closing_mark_is_ignored():
    text = "The end\u201d of it. She said \u201cyes.\u201d"
    assert spans(text) == ["\u201cyes.\u201d"]


@pytest.mark.parametrize("text, label", [
    ("the so-called \u201cpeace plan\u201d", True),
    ("on \u201cSaturday Night Live\u201d", True),
    ("she said \u201cwe will fight on until the end.\u201d", False),
    # A short utterance opening its sentence, ending in a comma inside its marks, is speech.
    ("\u201cReally,\u201d she added.", False),
    ("\u201cNo Way!\u201d he shouted.", False),
    ("He watched \u201cThe West Wing,\u201d a drama.", True),
    # After a headline's colon, capitalised words in quotation marks are what was said.
    ("Ryan: \u2018No Place In A Campaign\u2019", False),
    ("Ryan: 'No Place In A Campaign'", False),
])
def test_label_quotes(text, label):
    q = find_quotes(text)[0]
    assert is_label_quote(text, q) is label


def test_save_and_load_give_the_same_rows(nlp, tmp_path, seed_text):
    import spacy

    nlp.to_disk(tmp_path / "pipe")
    again = spacy.load(tmp_path / "pipe")
    assert again(seed_text)._.quotes == nlp(seed_text)._.quotes


def test_uninitialized_component_says_what_to_do():
    import spacy

    from extractor.components.base import NotInitializedError

    blank = spacy.blank("en")
    pipe = blank.add_pipe("news_quotes")
    with pytest.raises(NotInitializedError):
        pipe(blank("He said yes."))



def test_a_complement_left_in_the_previous_paragraph_is_no_content(nlp):
    # A parse that runs a sentence over a paragraph break can give a cue a complement that lies
    # wholly before the cue's paragraph: nothing of it is content (the quotation after the cue is).
    from extractor.components.quotes import within_sentence
    text = "They left office.\n\nHolt asked, \u201cWhy?\u201d"
    doc = nlp.make_doc(text)
    for tok in doc:
        tok.is_sent_start = tok.i == 0
    asked = next(t for t in doc if t.text == "asked")
    assert within_sentence(asked, (0, 16), text) is None
    assert within_sentence(asked, (0, len(text)), text) == (19, len(text))


def test_a_quotation_after_adding_is_the_adding_cues_own(nlp):
    text = "\u201cWe opened all those talks,\u201d Ms. Varga said, adding, \u201cShe cares about the whole team.\u201d"
    assert [(r[0], r[1], r[2]) for r in table(nlp, text)] == [
        ("Ms. Varga", "said", "\u201cWe opened all those talks,\u201d"),
        ("Ms. Varga", "adding", "\u201cShe cares about the whole team.\u201d")]


@pytest.mark.parametrize("text, speaker, name", [
    ("In a statement, the Ministry of Defence said the tests were routine. The statement said no one was hurt.",
     "The statement", "Ministry of Defence"),
    ("A statement from the World Health Organization said cases had fallen.",
     "A statement from the World Health Organization", "World Health Organization"),
])
def test_a_document_speaks_for_its_named_issuer(nlp, text, speaker, name):
    assert row_of(nlp, text, speaker)["speaker_name"] == name


def test_a_document_with_no_named_issuer_stays_unresolved(nlp):
    text = "Talks were held on Monday. The statement said the talks would resume."
    assert row_of(nlp, text, "The statement")["speaker_name"] == ""


@pytest.mark.parametrize("text", [
    "Senator Anna Smith leads by 57 percent to 33 percent in the new poll. The poll finds Clinton behind in Iowa.",
    "The senator slipped to 39 percent in Monday's survey. The survey showed that voters are undecided.",
])
def test_a_document_is_not_issued_by_whoever_it_mentions_or_its_date(nlp, text):
    rows = [r for r in quotes_of(nlp, text) if r["speaker"].lower() in ("the poll", "the survey")]
    assert rows and rows[0]["speaker_name"] not in ("Anna Smith", "Monday")


@pytest.mark.parametrize("text, speaker, name", [
    # No honorific: the given name says who "she" is, skipping the man named last.
    ("Sarah Miller spoke first. Tom Baker answered questions on Monday. She said the deal was done.",
     "She", "Sarah Miller"),
    ("Paul Grant spoke first. Nancy Reed answered questions on Monday. He said the job was hard.",
     "He", "Paul Grant"),
])
def test_pronoun_goes_to_a_person_of_its_given_names_gender(nlp, text, speaker, name):
    assert row_of(nlp, text, speaker)["speaker_name"] == name


def test_a_misturned_closing_mark_still_gives_the_inverted_cue_its_quotation(nlp):
    text = "\u201cThe reality is grim,\u201c said Jim Clyburn, a congressman from South Carolina."
    assert [(r[0], r[1], r[2]) for r in table(nlp, text)] == [
        ("Jim Clyburn", "said", "\u201cThe reality is grim,\u201c")]


def test_given_name_gender_keeps_only_names_every_locale_agrees_on():
    from extractor.normalize.name_gender import build_name_genders
    built = build_name_genders({"Sarah": {"f"}, "Paul": {"m"}, "Andrea": {"m", "f"}, "Kim": {"f", ""}})
    assert built == {"m": ["Paul"], "f": ["Sarah"]}


def test_a_one_word_name_is_a_surname_without_gender():
    from extractor.components.quotes import given_name_gender
    assert given_name_gender("Sarah Miller", {"Sarah": "f"}) == "f"
    assert given_name_gender("Sarah", {"Sarah": "f"}) == ""
    assert given_name_gender("Élodie Roy", {"Elodie": "f"}) == "f"
