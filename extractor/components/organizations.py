"""The organizations component: the model's ORG entities left after the places and people corrections, trimmed."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

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


class NewsOrganizations(base.RuleDataComponent):
    """Rows for ORG entities that are not places, people, demonyms, social-media handles, currency
    codes, time zones, product lines, stock indexes or events."""

    def __init__(self, name: str, not_organizations_path: str):
        self.name = name
        self.not_organizations_path = not_organizations_path
        self.data: dict = {}

    def data_files(self) -> tuple[str, ...]:
        return (self.not_organizations_path,)

    def load_data(self, root: Path) -> None:
        raw = base.read_json(root / self.not_organizations_path)
        self.data = {k: (re.compile(v) if k == "product_pattern" else frozenset(v))
                     for k, v in raw.items() if not k.startswith("_")}

    @property
    def not_orgs(self) -> frozenset[str]:
        return self.data["words"]

    def is_product_or_event(self, core: Span) -> bool:
        """Whether an ORG entity names a product line, a stock index or an event ("iPod", "the FTSE 100",
        "the Hang Seng index", "Worldwide Developers Conference") rather than an organisation."""
        data, doc = self.data, core.doc
        text = org_name(core)
        first = core[0].text
        if text in data["products"] or text in data["product_lines"] or first in data["product_lines"]:
            return True
        if data["product_pattern"].match(first) and first not in data["companies"]:
            return True
        if core.end < len(doc) and doc[core.end].text in data["next_words"]:
            return True
        return len(core) > 1 and core[-1].text in data["last_words"]

    def __call__(self, doc: Doc) -> Doc:
        self.require_data()
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
            if self.is_product_or_event(core):
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
    return NewsOrganizations(name, not_organizations_path)
