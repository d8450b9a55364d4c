"""The organizations component: the model's ORG entities left after the places and people corrections, trimmed."""
from __future__ import annotations

import re
from functools import lru_cache

import pycountry
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..normalize.gazetteer import country_lookup, demonym_country
from . import base
from .places import core_span

HANDLE = re.compile(r"^[@#]\w+$")
# Words that make an ORG entity a date, a number or a generic phrase rather than a name.
NOT_NAME_START = frozenset({"a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our"})


@lru_cache(maxsize=4096)
def is_currency_code(text: str) -> bool:
    """Whether TEXT is an ISO 4217 currency code (USD, AZN), which the model likes to call ORG."""
    return len(text) == 3 and text.isupper() and pycountry.currencies.get(alpha_3=text) is not None


def org_name(span: Span) -> str:
    """The normalised name of an organisation mention: single spaces, straight apostrophes."""
    return " ".join(span.text.replace("\u2019", "'").split())


class NewsOrganizations:
    """Rows for ORG entities that are not places, people, demonyms, social-media handles, currency
    codes or time zones."""

    def __init__(self, not_organizations_path: str):
        self.not_organizations_path = not_organizations_path
        self._not_orgs: frozenset[str] | None = None

    @property
    def not_orgs(self) -> frozenset[str]:
        if self._not_orgs is None:
            data = base.read_json(str(base.models_path(self.not_organizations_path)))
            self._not_orgs = frozenset(data["words"])
        return self._not_orgs

    def __call__(self, doc: Doc) -> Doc:
        taken = set()
        for kind in ("places", "people"):
            for row in getattr(doc._, kind) or []:
                taken.add((row["start"], row["end"]))
        rows = []
        for ent in doc.ents:
            if ent.label_ != "ORG":
                continue
            core = core_span(ent)
            if core is None:
                continue
            text = core.text
            if HANDLE.match(text) or core[0].lower_ in NOT_NAME_START:
                continue
            if not any(c.isalpha() for c in text) or (core.start_char, core.end_char) in taken:
                continue
            if country_lookup(text) or demonym_country(text) or text in self.not_orgs or is_currency_code(text):
                continue
            # Handles glued to a name ("Twitter @AzerNewsAz"): keep the name only.
            while len(core) > 1 and HANDLE.match(core[-1].text):
                core = core.doc[core.start:core.end - 1]
            rows.append({"start": core.start_char, "end": core.end_char, "name": org_name(core)})
        doc._.organizations = rows
        return doc


@Language.factory("news_organizations", assigns=["doc._.organizations"],
                  default_config={"not_organizations_path": "places/not_organizations.json"})
def make_news_organizations(nlp: Language, name: str, not_organizations_path: str) -> NewsOrganizations:
    return NewsOrganizations(not_organizations_path)
