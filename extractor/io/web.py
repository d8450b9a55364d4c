"""Web pages: the article's main text and its metadata (title, author, date, URL) with trafilatura,
the publication date with htmldate (which trafilatura calls). Shared by .html files and WARC records.

Nothing here touches the network: trafilatura and htmldate get the page's text (never a URL, which
htmldate would download), and no fetch function is imported. The extraction is deterministic:
trafilatura's cross-document deduplication (a cache that makes the output of a page depend on the
pages read before it) is off, and htmldate's upper bound for a plausible date is a fixed day rather
than today's date, so a page gives the same row on any day it is read.
"""
from __future__ import annotations

import logging
import re
from datetime import datetime

from ..rows import Article

# htmldate rejects dates after max_date (its default is today: the output would depend on the day
# of the run) and before min_date (its default, 1995, is a fine floor for web news).
DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": datetime(2100, 1, 1),
               "outputformat": "%Y-%m-%d"}
# Log lines of trafilatura/htmldate ("discarding data", "not enough text") are theirs, not the user's.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def paragraphs(text: str) -> str:
    """TEXT with one blank line between paragraphs (the layout of our plain-text articles, which
    the sentence splitter reads as a break), spaces inside a line collapsed."""
    lines = (_SPACES.sub(" ", ln).strip() for ln in text.splitlines())
    return "\n\n".join(ln for ln in lines if ln)


LAYOUT_CELL_CHARS = 400   # a table cell with this much text is page layout, not a data table
LINK_PARAGRAPH_SHARE = 0.6  # a paragraph whose text is mostly link text points to another story
LINK_PARAGRAPH_CHARS = 250  # ... when it is short (a body paragraph with a link in it is longer)


def parse_page(html: str):
    """The lxml tree of the page (trafilatura's parser, which repairs broken markup), or None."""
    from trafilatura.utils import load_html

    return load_html(html)


def unwrap_layout_tables(tree) -> None:
    """Old sites lay the page out in a table (menu in one cell, story in another): trafilatura reads
    a table as data and keeps every cell. A table with a cell of running text is turned into plain
    blocks, so the story's cell is weighed against the menu's like any other block."""
    for table in list(tree.iter("table")):
        if any(len(td.text_content()) > LAYOUT_CELL_CHARS for td in table.iter("td")):
            for el in [table, *table.iter("tbody", "thead", "tfoot", "tr", "td", "th")]:
                el.tag = "div"
    for font in tree.iter("font"):
        font.tag = "span"


def drop_link_paragraphs(tree) -> None:
    """A short paragraph made mostly of a link ("Read more: <headline>") inside the story is a
    pointer to another article, not part of this one."""
    for p in list(tree.iter("p")):
        text = p.text_content().strip()
        if not text or len(text) > LINK_PARAGRAPH_CHARS:
            continue
        linked = sum(len(a.text_content().strip()) for a in p.iter("a"))
        if linked >= LINK_PARAGRAPH_SHARE * len(text) and p.getparent() is not None:
            p.drop_tree()


def drop_leading_headline(text: str, title: str) -> str:
    """The text without a first paragraph that starts with the headline (the title, or the title
    with the byline and date run into it): the headline is in the `title` column."""
    first, sep, rest = text.partition("\n\n")
    head = re.sub(r"\s+", " ", title).strip().lower()
    if rest and len(head) >= 15 and first.lower().startswith(head) and len(first) <= 2 * len(head) + 100:
        return rest
    return text


def main_text(tree, url: str | None = None):
    """trafilatura's Document of the page (text and metadata), or None when it finds no main text."""
    import trafilatura  # imported on first use: it pulls lxml, justext and htmldate

    return trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, include_links=False, deduplicate=False,
        date_extraction_params=DATE_PARAMS)


def visible_text(tree) -> str:
    """All the visible text of the page (scripts and styles dropped): the fallback when
    trafilatura finds no main text."""
    from trafilatura import html2txt

    return paragraphs(html2txt(tree))


def read_web_page(html: str, article_id: str, source: str, encoding: str, url: str | None = None) -> Article:
    """An Article from the (decoded) HTML of one page."""
    try:
        tree = parse_page(html)
        if tree is None:
            return Article(article_id=article_id, source=source, status="error", encoding=encoding,
                           error=f"{source}: not an HTML page")
        unwrap_layout_tables(tree)
        drop_link_paragraphs(tree)
        doc = main_text(tree, url)
    except Exception as e:  # noqa: BLE001 - a page that breaks the extractor is an error row, not a crash
        return Article(article_id=article_id, source=source, status="error", encoding=encoding,
                       error=f"{source}: web page not readable: {type(e).__name__}: {e}".splitlines()[0])
    text = drop_leading_headline(paragraphs(doc.text or ""), doc.title or "") if doc is not None else ""
    error = ""
    if not text:
        text = visible_text(tree)
        if text:
            error = f"{source}: no main text found in the web page; the page's visible text is used"
    meta = doc if doc is not None else None
    return Article(article_id=article_id, text=text, source=source, encoding=encoding, error=error,
                   title=((meta.title if meta else "") or "").strip(),
                   published=(meta.date if meta else "") or "",
                   author=((meta.author if meta else "") or "").strip(),
                   url=url or (meta.url if meta else "") or "")
