"""extractor: news articles in, typed tables of dates, places, people, officials, figures and
organizations out. `extract()` for one text, `run()` for a batch, `load_pipeline()` for the nlp."""
from .api import extract
from .batch import RunSummary, run
from .pipeline import load_pipeline
from .version import __version__

__all__ = ["extract", "run", "load_pipeline", "RunSummary", "__version__"]
