"""Shared plumbing for the news components: the Doc extensions they write and where rule data lives."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

# Every kind writes plain dicts (char offsets + table columns), never Span objects, so that docs
# survive pickling between worker processes (STYLE habit 3).
KINDS = ("dates", "places", "people", "officials", "figures", "organizations")

for _name in (*KINDS, "published"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

MODELS_DIR = Path(__file__).resolve().parents[2] / "models"


def models_path(*parts: str) -> Path:
    """A file under models/ (the rule data), from an explicit path or the project's own folder."""
    return MODELS_DIR.joinpath(*parts)


@lru_cache(maxsize=None)
def read_json(path: str) -> Any:
    """Load a JSON data file once per process."""
    with open(path, encoding="utf8") as f:
        return json.load(f)


def read_jsonl(path: str | Path) -> list[dict]:
    """Load a JSONL file (one pattern or record a line; blank lines and # comments skipped)."""
    out = []
    with open(path, encoding="utf8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(json.loads(line))
    return out
