"""spaCy's lifecycle end to end: the pipeline saved with nlp.to_disk() and loaded back with
spacy.load() (the news components found through their entry points, their rule data read from the
saved folder) gives the same rows, article by article, for the whole of corpus/."""
from __future__ import annotations

import spacy

from extractor.io.readers import read_articles
from extractor.pipeline import article_doc, load_pipeline
from extractor.rows import doc_rows

from .conftest import CORPUS


def corpus_rows(nlp, articles) -> dict[str, dict]:
    docs = nlp.pipe(article_doc(nlp, a.text, a.published) for a in articles)
    return {a.article_id: doc_rows(doc, a.article_id) for a, doc in zip(articles, docs)}


def test_to_disk_then_spacy_load_gives_identical_rows(tmp_path):
    nlp = load_pipeline()
    nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    assert reloaded.pipe_names == nlp.pipe_names
    articles = [a for a in read_articles([CORPUS]) if a.status == "ok"]
    assert len(articles) == len(list(CORPUS.glob("*.txt")))
    want, got = corpus_rows(nlp, articles), corpus_rows(reloaded, articles)
    assert sum(len(rows) for r in want.values() for rows in r.values()) > 1000  # the corpus does give rows
    for article_id in want:
        assert got[article_id] == want[article_id], article_id
