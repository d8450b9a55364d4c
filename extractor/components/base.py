"""Shared plumbing for the news components: the Doc extensions they write and where rule data lives."""
from __future__ import annotations

from spacy.tokens import Doc

# Every kind writes plain dicts (char offsets + table columns), never Span objects, so that docs
# survive pickling between worker processes (STYLE habit 3).
KINDS = ("dates", "places", "people", "officials", "figures", "organizations")

for _name in (*KINDS, "published"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

# The rule data and its cached readers live in one module (extractor.resources); re-exported here for
# the components.
from ..resources import models_path, read_json, read_jsonl  # noqa: E402,F401
