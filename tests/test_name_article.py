"""The "the" of a place name: kept in the row when the name is built on a common noun or a plural
and stands as the noun phrase ("in the United States"), cut when the name modifies a noun ("the US
government") or rests on a proper noun; the `name` column never carries it."""
from __future__ import annotations

import pytest

from extractor.normalize.name_article import article_is_part_of_name, is_plural_name_word


def place_texts(nlp, text: str) -> dict[str, str]:
    doc = nlp(text)
    return {text[r["start"]:r["end"]]: r["name"] for r in doc._.places}


@pytest.fixture
def nlp_keeping_articles(nlp, monkeypatch):
    """The pipeline with news_places' keep_name_article option on (it is off by default)."""
    monkeypatch.setattr(nlp.get_pipe("news_places"), "keep_name_article", True)
    return nlp


def test_article_left_out_by_default(nlp):
    """Most gold conventions (TR-News, GeoWebNews, GeoVirus, CoNLL04, Re-DocRED) leave it out."""
    found = place_texts(nlp, "Shares fell sharply in the United States on Monday.")
    assert found.get("United States") == "United States", found


@pytest.mark.parametrize("text, span, name", [
    ("Shares fell sharply in the United States on Monday.", "the United States", "United States"),
    ("Prices in the United Kingdom have fallen sharply.", "the United Kingdom", "United Kingdom"),
    ("Tensions rose in the Middle East again.", "the Middle East", "Middle East"),
])
def test_article_kept_on_names_that_take_it(nlp_keeping_articles, text, span, name):
    found = place_texts(nlp_keeping_articles, text)
    assert span in found, found
    assert found[span] == name


@pytest.mark.parametrize("text, span", [
    ("The United States government announced a plan on Friday.", "United States"),  # a modifier
    ("He moved to the Paris suburbs in 1990.", "Paris"),                              # a modifier
    ("Officials in Paris said the talks would resume.", "Paris"),                     # no article
])
def test_article_left_to_the_sentence(nlp_keeping_articles, text, span):
    found = place_texts(nlp_keeping_articles, text)
    assert span in found, found
    assert not any(k.lower().startswith("the ") for k in found), found


def tagged(nlp, words: list[str], nouns: frozenset[str] = frozenset({"government", "embassy", "suburbs"})):
    """A Doc of WORDS tagged by hand: capitalised words PROPN, NOUNS NOUN, the rest ADP."""
    from spacy.tokens import Doc
    doc = Doc(nlp.vocab, words=words, spaces=[True] * (len(words) - 2) + [False, False])
    for t in doc:
        t.pos_ = "NOUN" if t.text in nouns else "PROPN" if t.text[:1].isupper() else "ADP"
    return doc


@pytest.mark.parametrize("words, end, expected", [
    ("in the United States .", 4, True),        # common-noun head
    ("in the Gulf of Mexico .", 5, True),       # the head is the word before "of"
    ("in the Philippines .", 3, True),          # a plural
    ("in the Middle East .", 4, True),
    ("in the Paris of Hemingway .", 5, False),  # a proper-noun head
    ("to the US government .", 3, False),       # the name modifies a noun
    ("to the United States embassy .", 4, False),
    ("in a United States court .", 4, False),   # no article
])
def test_article_is_part_of_name(nlp, words, end, expected):
    assert article_is_part_of_name(tagged(nlp, words.split()), 1, end) is expected


@pytest.mark.parametrize("word, plural", [
    ("Netherlands", True), ("Beatles", True), ("Bahamas", True),
    ("Paris", False), ("Cyprus", False), ("Congress", False), ("Bus", False),
])
def test_plural_name_word(word, plural):
    assert is_plural_name_word(word) is plural
