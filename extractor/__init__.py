"""extractor: news articles in, typed tables of dates, places, people, officials, figures and
organizations out. `extract()` for one text, `run()` for a batch, `load_pipeline()` for the nlp."""
from .spacy_cli import defer_spacy_cli

defer_spacy_cli()  # before anything imports spaCy: see spacy_cli.py

from .api import extract  # noqa: E402
from .batch import RunSummary, run  # noqa: E402
from .pipeline import load_pipeline  # noqa: E402
from .version import __version__  # noqa: E402

__all__ = ["extract", "run", "load_pipeline", "RunSummary", "__version__"]
