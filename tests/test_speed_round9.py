"""Round 9 speed-ups (issue 19) that must decide exactly what the code before them decided: the
headline scan read from word ids, the telephone pre-test, the cue-lemma memo and the NER check of
truecase."""
from __future__ import annotations

import pytest

from extractor.components.places import (HEADLINE_TOKENS, PHONE_NUMBER, PHONE_NUMBER_CORE, SENTENCE_ENDS,
                                         headline_ends)


def headline_ends_by_tokens(doc) -> set[int]:
    """headline_ends() as it was written with a Token for every word: the reference."""
    stop = min(len(doc), HEADLINE_TOKENS)
    return {i for i in range(1, stop) if doc[i - 1].text in SENTENCE_ENDS
            and doc[i].text.isupper() and doc[i].text[:1].isalpha()}


@pytest.mark.parametrize("text", [
    "Ferry service halted. PORTVILLE — The harbour board closed the pier on Monday.",
    "Storm hits coast! NEWHAVEN (Wire) - Crews worked overnight. Is it over? NO.",
    "A quiet week at the council. Members met twice and agreed nothing new.",
    "UN. 42. A.B.C. Then USA.",
    "Rain.",
    ".",
    "",
])
def test_headline_ends_from_word_ids_match_the_token_reading(nlp, text):
    doc = nlp.make_doc(text)
    assert headline_ends(doc) == headline_ends_by_tokens(doc)


def test_headline_ends_look_no_further_than_the_headline_reach(nlp):
    doc = nlp.make_doc("Word. " * 40 + "Late. LATEVILLE — more.")
    assert headline_ends(doc) == headline_ends_by_tokens(doc) == set()


@pytest.mark.parametrize("number", [
    "519-661-5670", "(519) 661-5670", "519 661-5670", "1-800-222-8477", "806.423.1253",
    "1 416 555.0199",
])
def test_every_telephone_number_holds_the_core_the_pre_test_looks_for(number):
    text = f"Anyone who saw the crash can call {number} at any hour."
    assert PHONE_NUMBER.search(text) is not None
    assert all(PHONE_NUMBER_CORE.search(m.group(0)) for m in PHONE_NUMBER.finditer(text))


@pytest.mark.parametrize("text", [
    "The bridge opened in 1998 and carries 12,500 cars a day.",
    "Tickets cost $45 for adults, 2-1 the final score.",
])
def test_text_without_the_core_has_no_telephone_number(text):
    assert PHONE_NUMBER_CORE.search(text) is None and PHONE_NUMBER.search(text) is None


def test_cue_lemma_memo_answers_as_the_lexicon_does(nlp):
    quotes = nlp.get_pipe("news_quotes")
    strings = nlp.vocab.strings
    for word in ("say", "Say", "believe", "tell", "walk", "eat", "announce", "table"):
        lemma = strings.add(word)
        expected = word.lower() in quotes.data["cue_lemmas"]
        assert quotes._is_cue_lemma(lemma, strings) is expected
        assert quotes._is_cue_lemma(lemma, strings) is expected  # from the memo


def test_truecase_sees_the_ner_as_has_pipe_does(nlp):
    truecase = nlp.get_pipe("news_truecase")
    assert truecase._ner_runs() is nlp.has_pipe("ner") is True
    with nlp.select_pipes(disable=["ner"]):
        assert truecase._ner_runs() is nlp.has_pipe("ner") is False


@pytest.mark.parametrize("text, result", [
    ("The home side won 3-1 after extra time.", True),
    ("They lost 104-98 in overtime on Sunday.", True),
    ("The visitors won by five wickets.", True),
    ("It ended in a goalless draw at the old ground.", True),
    ("The 2006-07 season was the club's worst.", False),   # a year range, no score
    ("A well-known mid-term race drew 1,200 voters.", False),
    ("The budget rose to 12 million in 1997.", False),
])
def test_has_result_with_the_hyphen_pre_test(text, result):
    from extractor.components.organizations import RESULT_WORDS, SCORE, has_result

    assert has_result(text) is result
    assert has_result(text) is (SCORE.search(text) is not None or RESULT_WORDS.search(text) is not None)
