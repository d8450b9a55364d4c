"""The library API: extract() for one article; run() (in batch.py) for many."""
from __future__ import annotations

from typing import Any

from .pipeline import article_doc, load_pipeline
from .rows import doc_rows
from .normalize.dates_published import parse_published


def extract(text: str, *, published: str | None = None, article_id: str = "article",
            model: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Rows of every mention table (dates, places, people, officials, figures, organizations)
    for one article. PUBLISHED (any date string; ISO preferred) anchors relative dates.
    Raises ValueError when PUBLISHED cannot be read as a date."""
    nlp = load_pipeline(model)
    doc = nlp(article_doc(nlp, text, parse_published(published) if published else None))
    return doc_rows(doc, article_id)
