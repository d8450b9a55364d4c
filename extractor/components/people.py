"""The people component (placeholder: the kind's rules come next)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import base  # noqa: F401  (registers the Doc extensions)


class NewsPeople:
    def __call__(self, doc: Doc) -> Doc:
        doc._.people = []
        doc._.officials = []
        return doc


@Language.factory("news_people", assigns=["doc._.people", "doc._.officials"], default_config={})
def make_news_people(nlp: Language, name: str) -> NewsPeople:
    return NewsPeople()
