"""Where the rule data lives, found once: models/ of the checkout, shipped in the wheel as the
package `extractor.models` (pyproject.toml maps one onto the other), and cached readers for it.

Nothing here reads from the working directory, the checkout's location or ../shared: an installed
wheel and an editable checkout find the same files through importlib.resources."""
from __future__ import annotations

import csv
import json
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any


@lru_cache(maxsize=1)
def models_dir() -> Path:
    """The folder of the rule data (patterns, lexicons, the generated gazetteer)."""
    # Wheels install unzipped, so the package's Traversable is a real folder on disk; the readers
    # below and gzip/jinja2 need a path.
    return Path(str(files("extractor.models")))


def models_path(*parts: str) -> Path:
    """A file or folder under models/, e.g. models_path("figures", "units.json")."""
    return models_dir().joinpath(*parts)


def resolve(path: str | Path) -> Path:
    """PATH as given when absolute (a user's own lexicon), else relative to models/."""
    p = Path(path)
    return p if p.is_absolute() else models_path(*p.parts)


@lru_cache(maxsize=None)
def read_json(path: str | Path) -> Any:
    """A JSON data file, loaded once per process (callers must not mutate what it returns)."""
    with open(resolve(path), encoding="utf8") as f:
        return json.load(f)


@lru_cache(maxsize=None)
def read_jsonl(path: str | Path) -> tuple[dict, ...]:
    """A JSONL file (one pattern or record a line; blank lines and # comments skipped), loaded once."""
    out = []
    with open(resolve(path), encoding="utf8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(json.loads(line))
    return tuple(out)


@lru_cache(maxsize=None)
def read_tsv(path: str | Path) -> tuple[tuple[str, ...], ...]:
    """Rows of a curated TSV file (comments and blank lines skipped), loaded once."""
    with open(resolve(path), encoding="utf8") as f:
        return tuple(tuple(line.rstrip("\n").split("\t")) for line in f
                     if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=None)
def read_tsv_records(path: str | Path) -> tuple[dict[str, str], ...]:
    """Rows of a TSV file with a header line, as dicts (no quoting: tabs never occur in cells)."""
    with open(resolve(path), encoding="utf8") as f:
        return tuple(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
