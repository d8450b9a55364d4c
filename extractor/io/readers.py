"""Readers: .txt/.md, .jsonl/.json, .csv and .html files -> Article records, lazily, in sorted order."""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from ..normalize.dates_published import parse_published
from ..rows import Article

TEXT_SUFFIXES = {".txt", ".md", ".text"}
RECORD_SUFFIXES = {".jsonl", ".ndjson", ".json", ".csv"}
HTML_SUFFIXES = {".html", ".htm"}
SUFFIXES = TEXT_SUFFIXES | RECORD_SUFFIXES | HTML_SUFFIXES
# Files that travel with a folder of articles but are not articles (a corpus's own README or licence).
NOT_ARTICLES = re.compile(r"^(readme|license|licence|copying|changelog|notice)(\.[a-z]+)?$", re.I)

# A date line or byline at the top of a text: "date 2021-06-11 By Vafa Ismayilova", "March 06, 2008".
MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATELINE_DATE = re.compile(
    rf"\b(\d{{4}}-\d{{2}}-\d{{2}}|{MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTHS},?\s+\d{{4}})\b", re.I)
BYLINE = re.compile(r"(?:^|\s)[Bb]y\s+([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s*$")
FILENAME_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
HEAD_LINES = 3  # a dateline or byline counts only among the first lines of the text


class InputError(Exception):
    """A usage mistake about the inputs (missing path): reported in one line, exit status 2."""


def decode(data: bytes, where: str) -> tuple[str, str]:
    """(text, encoding) of raw bytes. UTF-8 (with or without BOM) and UTF-16 with a BOM first, then
    charset-normalizer's best guess. ValueError (one line, naming WHERE) for binary data."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:8192]:
        raise ValueError(f"{where}: binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        utf8_error = e
    from charset_normalizer import from_bytes  # only needed for the rare non-UTF-8 file

    best = from_bytes(data).best()
    if best is None:
        raise ValueError(f"{where}: not text in any known encoding (not UTF-8 at byte {utf8_error.start})")
    return str(best), best.encoding


def head_metadata(text: str) -> tuple[str, str]:
    """(published ISO date, author) from a date line or byline among the first lines, or ''."""
    published = author = ""
    for line in [ln for ln in text.splitlines() if ln.strip()][:HEAD_LINES]:
        if not published:
            m = DATELINE_DATE.search(line)
            if m:
                try:
                    published = parse_published(m.group(1)) or ""
                except ValueError:
                    pass
        if not author:
            b = BYLINE.search(line)
            if b and len(line) < 120:
                author = b.group(1)
    return published, author


def text_title(text: str) -> str:
    """The headline of a plain-text article: a short first line that is not a sentence or a dateline."""
    first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    if len(first) > 200 or first.endswith((".", "!", "?", ":")) or DATELINE_DATE.search(first) or BYLINE.search(first):
        return ""
    return first


def filename_date(path: Path) -> str:
    m = FILENAME_DATE.search(path.name)
    if not m:
        return ""
    try:
        return parse_published(m.group(0)) or ""
    except ValueError:
        return ""


def finish(article: Article, *, published_option: str | None, path: Path | None) -> Article:
    """Fill the publication date (metadata, option, dateline, file name: first found wins) and author."""
    if article.status != "ok":
        return article
    if article.published:
        try:
            article.published = parse_published(article.published) or ""
            article.published_from = "metadata"
        except ValueError as e:
            # A bad date in the metadata loses the date, not the article: it is reported in `error`.
            article.published, article.error = "", str(e)
    head_date, head_author = head_metadata(article.text)
    if not article.published and published_option:
        article.published, article.published_from = published_option, "option"
    if not article.published and head_date:
        article.published, article.published_from = head_date, "dateline"
    if not article.published and path is not None and filename_date(path):
        article.published, article.published_from = filename_date(path), "filename"
    if not article.published:
        article.published_from = "none"
    if not article.author and head_author:
        article.author = head_author
    return article


def record_article(rec: dict, default_id: str, source: str) -> Article:
    """An Article from a JSON record or CSV row with fields id, text, published|date, title, author."""
    text = rec.get("text")
    if not isinstance(text, str):
        return Article(article_id=str(rec.get("id") or default_id), source=source, status="error",
                       error=f"{default_id}: no text field")
    return Article(article_id=str(rec.get("id") if rec.get("id") not in (None, "") else default_id),
                   text=text, source=source, title=str(rec.get("title") or ""),
                   published=str(rec.get("published") or rec.get("date") or ""),
                   author=str(rec.get("author") or ""), encoding="utf-8")


class _HTMLText(HTMLParser):
    """Visible text of an HTML page (scripts, styles and navigation dropped) and its metadata."""
    SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "svg", "template"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "tr",
             "blockquote", "pre", "title"}
    DATE_META = {"article:published_time", "date", "pubdate", "publishdate", "dc.date", "dcterms.created",
                 "og:published_time", "datepublished"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.in_title = False
        self.title = self.author = self.published = ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag in self.SKIP:
            self.skip += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "meta":
            key = (a.get("name") or a.get("property") or a.get("itemprop") or "").lower()
            if key in self.DATE_META and not self.published:
                self.published = a.get("content", "")
            elif key == "author" and not self.author:
                self.author = a.get("content", "")
        elif tag == "time" and not self.published and a.get("datetime"):
            self.published = a["datetime"]
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        elif tag == "title":
            self.in_title = False
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        elif not self.skip:
            self.parts.append(data)

    def text(self) -> str:
        lines = [re.sub(r"[ \t\r\f\v]+", " ", ln).strip() for ln in "".join(self.parts).split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def read_html(text: str, article_id: str, source: str, encoding: str) -> Article:
    p = _HTMLText()
    p.feed(text)
    p.close()
    return Article(article_id=article_id, text=p.text(), source=source, title=p.title.strip(),
                   published=p.published.strip(), author=p.author.strip(), encoding=encoding)


def read_file(path: Path, article_id: str) -> Iterator[Article]:
    """The articles of one file; a file that cannot be read yields one Article with status error."""
    source = str(path)
    try:
        data = path.read_bytes()
        text, encoding = decode(data, source)
    except (OSError, ValueError) as e:
        msg = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        yield Article(article_id=article_id, source=source, status="error",
                      error=msg if msg.startswith(source) else f"{source}: {msg}")
        return
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        yield Article(article_id=article_id, text=text, source=source, encoding=encoding, title=text_title(text))
    elif suffix in HTML_SUFFIXES:
        yield read_html(text, article_id, source, encoding)
    elif suffix == ".csv":
        reader = csv.DictReader(io.StringIO(text, newline=""))
        if "text" not in (reader.fieldnames or []):
            yield Article(article_id=article_id, source=source, status="error",
                          error=f"{source}: no 'text' column (columns: {', '.join(reader.fieldnames or [])})")
            return
        for i, row in enumerate(reader, 1):
            yield record_article(row, f"{article_id}:{i}", source)
    else:  # .jsonl / .ndjson / .json
        yield from read_json_records(text, article_id, source, whole=suffix == ".json")


def read_json_records(text: str, article_id: str, source: str, *, whole: bool) -> Iterator[Article]:
    if whole:
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            data = None  # a .json file may hold JSON lines: read it line by line below
        if data is not None:
            records = data if isinstance(data, list) else [data]
            for i, rec in enumerate(records, 1):
                if isinstance(rec, dict):
                    yield record_article(rec, f"{article_id}:{i}", source)
                else:
                    yield Article(article_id=f"{article_id}:{i}", source=source, status="error",
                                  error=f"{source}: record {i} is not a JSON object")
            return
    for i, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield Article(article_id=f"{article_id}:{i}", source=source, status="error",
                          error=f"{source}: line {i}: not valid JSON ({e.msg} at column {e.colno})")
            continue
        if not isinstance(rec, dict):
            yield Article(article_id=f"{article_id}:{i}", source=source, status="error",
                          error=f"{source}: line {i}: not a JSON object")
            continue
        yield record_article(rec, f"{article_id}:{i}", source)


def check_inputs(inputs: Iterable[str | Path]) -> list[Path]:
    """The input paths; InputError (a usage mistake) for one that does not exist."""
    paths = [Path(p) for p in inputs]
    for p in paths:
        if not p.exists() and not p.is_symlink():
            raise InputError(f"input not found: {p}")
    return paths


def input_files(inputs: Iterable[str | Path]) -> Iterator[tuple[Path, str]]:
    """(path, article id) of every input file: folders recursively in sorted order, ids relative to
    the folder given. InputError for a path that does not exist, before anything is read."""
    paths = check_inputs(inputs)
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*"), key=lambda f: f.relative_to(p).as_posix()):
                if (f.is_file() or f.is_symlink()) and f.suffix.lower() in SUFFIXES and not NOT_ARTICLES.match(f.name):
                    yield f, f.relative_to(p).as_posix()
        else:
            yield p, p.name


def read_articles(inputs: Iterable[str | Path], *, published: str | None = None) -> Iterator[Article]:
    """Every article under INPUTS, lazily, with its publication date resolved (SPEC.md order)."""
    for path, article_id in input_files(inputs):
        for article in read_file(path, article_id):
            yield finish(article, published_option=published, path=path)
