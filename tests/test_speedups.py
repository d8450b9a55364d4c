"""The exact stand-ins of extractor.speedups set, token by token, what spaCy's own attribute ruler and
lemmatizer set: on sentences written for each kind of pattern they must reproduce, and on corpus/."""
from __future__ import annotations

import numpy as np
import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, TAG

from extractor import speedups
from extractor.pipeline import default_model

from .conftest import CORPUS

ATTRS = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]

# Multi-token patterns of the attribute ruler (contractions, "there is") and lemmatizer cases.
PATTERN_SENTENCES = [
    "I ain't gonna do it, and you gotta believe me.",
    "Let's go, c'mon, y'all know the way.",
    "There is a school; there are two clinics, and there was a bridge, there were four.",
    "She's been there; they'd've gone.",
    "U.S. troops ca n't go.",
    "The mayor's offices were closed; the children ran faster than the geese.",
    "  \n",
    "Gon na",
]


@pytest.fixture(scope="module")
def pair():
    import spacy

    name = default_model()
    if name is None:
        pytest.skip("no trained pipeline installed")
    plain, fast = spacy.load(name), spacy.load(name)
    speedups.speed_up(fast)
    return plain, fast


def assert_same(plain, fast, texts: list[str]) -> None:
    for a, b in zip(plain.pipe(texts), fast.pipe(texts)):
        assert np.array_equal(a.to_array(ATTRS), b.to_array(ATTRS)), a.text[:60]
        assert [t.morph.to_dict() for t in a] == [t.morph.to_dict() for t in b], a.text[:60]


def test_stand_ins_replace_both_components_once(pair):
    _, fast = pair
    speedups.speed_up(fast)  # idempotent
    assert isinstance(fast.get_pipe("attribute_ruler").impl, speedups.FastAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer").impl, speedups.FastLemmatizer)


def test_multi_token_patterns_and_contractions_are_annotated_as_spacy_does(pair):
    assert_same(*pair, PATTERN_SENTENCES)


def test_stand_ins_match_spacy_token_by_token_on_the_corpus(pair):
    texts = [f.read_text(encoding="utf8") for f in sorted(CORPUS.glob("*.txt"))[:20]]
    assert_same(*pair, texts)
    assert_same(*pair, texts)  # a second time from warm memos


def test_a_full_memo_starts_over_and_stays_exact(pair, monkeypatch):
    monkeypatch.setattr(speedups, "MAX_MEMO", 5)
    texts = [f.read_text(encoding="utf8") for f in sorted(CORPUS.glob("*.txt"))[:3]] + PATTERN_SENTENCES
    assert_same(*pair, texts)
    assert len(pair[1].get_pipe("attribute_ruler").impl.memo) < 5000


def test_a_doc_without_tags_is_annotated_by_the_original_component(pair):
    plain, fast = pair
    text = "Y'all ain't gonna see it, there is no tagger here."
    expected = plain.get_pipe("attribute_ruler")(plain.make_doc(text))
    doc = fast.make_doc(text)
    assert fast.get_pipe("attribute_ruler").impl(doc) is doc
    assert np.array_equal(doc.to_array(ATTRS), expected.to_array(ATTRS))


def test_words_no_pattern_tests_share_memo_entries(pair):
    """The memo is keyed by a word only where a pattern tests that word: a corpus needs a few
    hundred entries, not one per word form."""
    plain, fast = pair
    texts = [f.read_text(encoding="utf8") for f in sorted(CORPUS.glob("*.txt"))[:20]]
    ruler = fast.get_pipe("attribute_ruler").impl
    ruler.memo.clear()
    docs = list(fast.pipe(texts))
    assert len(ruler.memo) < len({t.lower for d in docs for t in d}) / 3
    assert ruler._lower_key(fast.vocab.strings.add("gon")) and not ruler._lower_key(fast.vocab.strings.add("zebra"))


def test_malloc_tuning_is_skipped_when_asked(monkeypatch):
    """keep_freed_memory() changes only how glibc hands memory back; EXTRACTOR_DEFAULT_MALLOC=1 keeps
    the defaults (for measuring), and on glibc the settings are accepted."""
    import sys

    from extractor.speedups import keep_freed_memory

    monkeypatch.setenv("EXTRACTOR_DEFAULT_MALLOC", "1")
    assert keep_freed_memory() is False
    monkeypatch.delenv("EXTRACTOR_DEFAULT_MALLOC")
    assert keep_freed_memory() is sys.platform.startswith("linux")


def test_the_tokenizer_built_once_is_the_one_spacy_load_builds(pair):
    plain, _ = pair
    fast = speedups.load_trained(default_model())
    assert fast.tokenizer.to_bytes(exclude=["vocab"]) == plain.tokenizer.to_bytes(exclude=["vocab"])
    assert fast.pipe_names == plain.pipe_names
    texts = PATTERN_SENTENCES + ["Dr. Smith's e-mail (smith@example.com) said: \"Don't go to https://x.org/a?b=1 -- it's 5km.\""]
    for a, b in zip(plain.tokenizer.pipe(texts), fast.tokenizer.pipe(texts)):
        assert [t.text_with_ws for t in a] == [t.text_with_ws for t in b]



def test_without_speedups_the_pipeline_is_spacy_s_own(monkeypatch):
    monkeypatch.setenv("EXTRACTOR_NO_SPEEDUPS", "1")
    nlp = speedups.load_trained(default_model())
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "spacy.Tokenizer.v1"
