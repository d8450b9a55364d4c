"""The dates component (placeholder: the kind's rules come next)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import base  # noqa: F401  (registers the Doc extensions)


class NewsDates:
    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = []

        return doc


@Language.factory("news_dates", assigns=["doc._.dates"], default_config={})
def make_news_dates(nlp: Language, name: str) -> NewsDates:
    return NewsDates()
