"""The organizations component (placeholder: the kind's rules come next)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import base  # noqa: F401  (registers the Doc extensions)


class NewsOrganizations:
    def __call__(self, doc: Doc) -> Doc:
        doc._.organizations = []

        return doc


@Language.factory("news_organizations", assigns=["doc._.organizations"], default_config={})
def make_news_organizations(nlp: Language, name: str) -> NewsOrganizations:
    return NewsOrganizations()
