"""The figures component (placeholder: the kind's rules come next)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import base  # noqa: F401  (registers the Doc extensions)


class NewsFigures:
    def __call__(self, doc: Doc) -> Doc:
        doc._.figures = []

        return doc


@Language.factory("news_figures", assigns=["doc._.figures"], default_config={})
def make_news_figures(nlp: Language, name: str) -> NewsFigures:
    return NewsFigures()
