"""The places component (placeholder: the kind's rules come next)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import base  # noqa: F401  (registers the Doc extensions)


class NewsPlaces:
    def __call__(self, doc: Doc) -> Doc:
        doc._.places = []

        return doc


@Language.factory("news_places", assigns=["doc._.places"], default_config={})
def make_news_places(nlp: Language, name: str) -> NewsPlaces:
    return NewsPlaces()
