"""The benchmark's texts are the same every run and of the kind they claim; the profiler times every
component without changing what the pipeline does."""
from __future__ import annotations

import re

import numpy as np
import pytest

from extractor import benchmark
from extractor.profile import component_times


@pytest.fixture(scope="module")
def local():
    return benchmark.local_news(3000)


def test_generated_local_news_is_the_same_every_run(local):
    assert benchmark.local_news(3000) == local
    assert benchmark.local_news(3000, seed=7) != local


def test_generated_local_news_is_long_and_dense_with_places_numbers_and_dates(local):
    words = sum(benchmark.n_words(r["text"]) for r in local)
    assert 3000 <= words < 3000 + 1300
    for r in local:
        text = r["text"]
        assert benchmark.n_words(text) >= 250
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", r["published"])
        assert len(re.findall(r"\d", text)) / len(text) > 0.02          # figures in every paragraph
        assert re.search(r"^[A-Z][A-Z .'-]+(, [A-Za-z.]+| \([^)]*\))? —", text, re.M)  # a dateline
        assert "{" not in text and "}" not in text                     # every slot filled


def test_generated_towns_come_from_the_gazetteer(local):
    towns = {t for region in benchmark.gazetteer_regions() for t in region["towns"]}
    datelines = re.findall(r"^([A-Z][A-Z .'-]+?)(?:, [A-Za-z.]+| \([^)]*\))? —", "\n".join(r["text"] for r in local), re.M)
    assert datelines and all(any(t.upper() == d for t in towns) for d in datelines)


def test_a_sample_keeps_whole_articles_in_file_order_and_about_the_words_asked():
    recs = [{"id": str(i), "text": "word " * (10 + i % 7)} for i in range(200)]
    got = benchmark.sample(recs, 500)
    assert got == benchmark.sample(recs, 500)
    assert [int(r["id"]) for r in got] == sorted(int(r["id"]) for r in got)
    assert 500 <= sum(benchmark.n_words(r["text"]) for r in got) < 500 + 17


def test_component_times_cover_every_component_and_leave_the_annotation_unchanged(nlp):
    from spacy.attrs import DEP, ENT_TYPE, LEMMA, POS

    texts = ["Mayor Ann Lee said on Monday that Springfield will spend $4.2 million.", "Rain fell in Leeds."]
    before = [d.to_array([POS, DEP, LEMMA, ENT_TYPE]) for d in nlp.pipe(texts)]
    pipeline = list(nlp.pipeline)
    with component_times(nlp) as times:
        during = [d.to_array([POS, DEP, LEMMA, ENT_TYPE]) for d in nlp.pipe(texts)]
        nlp(texts[0])
    assert set(times) == {"tokenizer", *nlp.pipe_names} and all(s >= 0 for s in times.values())
    assert list(nlp.pipeline) == pipeline and type(nlp.tokenizer).__name__ == "Tokenizer"
    assert all(np.array_equal(a, b) for a, b in zip(before, during))


def test_rss_growth_compares_a_tenth_of_the_run_with_its_end():
    trace = [(1, 280.0), (5, 300.0), (10, 310.0), (50, 320.0), (100, 352.0)]
    assert benchmark.rss_growth(trace) == (310.0, 352.0)
    assert benchmark.rss_growth([]) is None
    rss = benchmark.rss_now_mib()
    assert rss is None or rss > 10
