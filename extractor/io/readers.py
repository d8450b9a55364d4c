"""Readers: .txt/.md, .jsonl/.json, .csv and .html files -> Article records, lazily, in sorted order."""
from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import InputError
from ..normalize.dates_published import parse_published
from ..rows import Article
from .plain import BYLINE, DATELINE_DATE, decode, looks_binary, text_title  # noqa: F401 - re-exported

TEXT_SUFFIXES = {".txt", ".md", ".text"}
RECORD_SUFFIXES = {".jsonl", ".ndjson", ".json", ".csv"}
HTML_SUFFIXES = {".html", ".htm"}
RTF_SUFFIXES = {".rtf"}
DOCX_SUFFIXES = {".docx"}
WARC_SUFFIXES = (".warc", ".warc.gz")
READ_TYPES = ".txt .md .jsonl .json .csv .html .htm .rtf .docx .warc .warc.gz"
# Files that travel with a folder of articles but are not articles (a corpus's own README or licence).
NOT_ARTICLES = re.compile(r"^(readme|license|licence|copying|changelog|notice)(\.[a-z]+)?$", re.I)

FILENAME_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
HEAD_LINES = 3  # a dateline or byline counts only among the first lines of the text


def head_metadata(text: str, want_date: bool = True) -> tuple[str, str]:
    """(published ISO date, author) from a date line or byline among the first lines, or ''.
    Without WANT_DATE the date is not looked for (''): reading one costs a dateparser call."""
    published = author = ""
    for line in [ln for ln in text.splitlines() if ln.strip()][:HEAD_LINES]:
        if not published and want_date:
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
    # The dateline's date counts only when neither the metadata nor the option gave one: read it
    # only then (dateparser was a third of the reading time of articles with metadata dates).
    head_date, head_author = head_metadata(article.text, want_date=not article.published and not published_option)
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
                   author=str(rec.get("author") or ""), url=str(rec.get("url") or ""), encoding="utf-8")


def read_html(text: str, article_id: str, source: str, encoding: str) -> Article:
    from .web import read_web_page

    return read_web_page(text, article_id, source, encoding)


def file_kind(path: Path) -> str | None:
    """What reader a file goes to, by its name: text, record, html, rtf, docx, warc, or None (a
    type the tool does not read)."""
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    suffix = path.suffix.lower()
    for kind, suffixes in (("text", TEXT_SUFFIXES), ("record", RECORD_SUFFIXES), ("html", HTML_SUFFIXES),
                           ("rtf", RTF_SUFFIXES), ("docx", DOCX_SUFFIXES)):
        if suffix in suffixes:
            return kind
    return None


def read_file(path: Path, article_id: str, *, max_bytes: int | None = None) -> Iterator[Article]:
    """The articles of one file, lazily (JSON lines, CSV rows and WARC records are streamed). A
    file that cannot be read yields one Article with status error; one over MAX_BYTES, one skipped
    unread. A news-database export (told by its content) yields one Article per document in it."""
    source = str(path)
    suffix = path.suffix.lower()
    kind = file_kind(path)
    if kind is None:
        what = f"{suffix} files" if suffix else "files without an extension"
        yield Article(article_id=article_id, source=source, status="skipped",
                      error=f"{source}: not a type the tool reads ({what}; it reads {READ_TYPES})")
        return
    try:
        if kind == "warc":
            from .warc import read_warc

            yield from read_warc(path, article_id, max_bytes=max_bytes)
            return
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes and suffix not in (".jsonl", ".ndjson", ".csv"):
            yield Article(article_id=article_id, source=source, status="skipped",
                          error=f"{source}: {size:,} bytes, over the size limit of {max_bytes:,} (--max-chars)")
            return
        if suffix in (".jsonl", ".ndjson"):
            yield from read_json_lines(path, article_id, source)
            return
        if suffix == ".csv":
            yield from read_csv(path, article_id, source)
            return
        if kind == "docx":
            from .archives import docx_paragraphs

            # One blank line between Word paragraphs: the layout of a plain-text article.
            text, encoding = "\n\n".join(docx_paragraphs(path, max_bytes)), "docx"
        else:
            text, encoding = decode(path.read_bytes(), source)
        if kind == "rtf":
            text = rtf_text(text, source)
    except (OSError, ValueError, csv.Error) as e:
        yield error_article(article_id, source, e)
        return
    if kind in ("text", "rtf", "docx", "html"):
        yield from read_document(text, kind, article_id, source, encoding)
    else:  # .json: one record, a list of records, or JSON lines under a .json name
        yield from read_json_document(text, article_id, source)


def read_document(text: str, kind: str, article_id: str, source: str, encoding: str) -> Iterator[Article]:
    """The articles of a decoded text, Word, RTF or HTML file: the documents of a news-database
    export when its content is one, else the file as one article."""
    from . import exports

    if kind == "html":
        lines = exports.factiva_html_lines(text)
        if lines is None:
            yield read_html(text, article_id, source, encoding)
            return
        records = exports.factiva_records(lines)
    else:
        export = exports.export_kind(text)
        if export is None:
            yield Article(article_id=article_id, text=text, source=source, encoding=encoding, title=text_title(text))
            return
        records = exports.records_of(text, export)
    yield from exports.export_articles(records, article_id, source, encoding)


def rtf_text(rtf: str, source: str) -> str:
    """The plain text of an RTF document (striprtf); ValueError for a file that is not RTF."""
    if not rtf.lstrip().startswith("{\\rtf"):
        raise ValueError(f"{source}: not an RTF document (no {{\\rtf header)")
    from striprtf.striprtf import rtf_to_text

    try:
        return rtf_to_text(rtf, errors="replace")
    except Exception as e:  # noqa: BLE001 - a malformed RTF is one error row
        raise ValueError(f"{source}: unreadable RTF ({type(e).__name__})") from None


def error_article(article_id: str, source: str, e: Exception) -> Article:
    """An Article with status error and a one-line message that names the file."""
    msg = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
    msg = msg.splitlines()[0] if msg else type(e).__name__
    return Article(article_id=article_id, source=source, status="error",
                   error=msg if msg.startswith(source) else f"{source}: {msg}")


def read_csv(path: Path, article_id: str, source: str) -> Iterator[Article]:
    """CSV rows, streamed, in the encoding detected from the file's first 64 KiB."""
    with open(path, "rb") as f:
        sample = f.read(65536)
    try:
        sample.decode("utf-8")
        encoding = "utf-8-sig" if sample.startswith(b"\xef\xbb\xbf") else "utf-8"
    except UnicodeDecodeError as e:
        # A multi-byte character cut at the sample's end is still UTF-8; anything else is guessed.
        cut = len(sample) == 65536 and e.start >= len(sample) - 3
        encoding = "utf-8" if cut else decode(sample, source)[1]
    if encoding.startswith("utf-16"):
        encoding = "utf-16"
    csv.field_size_limit(2**31 - 1)  # an article in one cell is longer than csv's 128 KiB default
    with open(path, encoding=encoding, errors="replace", newline="") as f:
        reader = csv.DictReader(f)
        if "text" not in (reader.fieldnames or []):
            yield Article(article_id=article_id, source=source, status="error",
                          error=f"{source}: no 'text' column (columns: {', '.join(reader.fieldnames or [])})")
            return
        for i, row in enumerate(reader, 1):
            a = record_article(row, f"{article_id}:{i}", source)
            a.encoding = encoding
            yield a


def read_json_lines(path: Path, article_id: str, source: str) -> Iterator[Article]:
    """One article a line, streamed: a bad line is an error row and the next line goes on."""
    with open(path, "rb") as f:
        for i, raw in enumerate(f, 1):
            if i == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                yield Article(article_id=f"{article_id}:{i}", source=source, status="error",
                              error=f"{source}: line {i}: not UTF-8 at byte {e.start}")
                continue
            yield json_record(line, f"{article_id}:{i}", source, f"line {i}")


def json_record(line: str, default_id: str, source: str, where: str) -> Article:
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as e:
        return Article(article_id=default_id, source=source, status="error",
                       error=f"{source}: {where}: not valid JSON ({e.msg} at column {e.colno})")
    if not isinstance(rec, dict):
        return Article(article_id=default_id, source=source, status="error",
                       error=f"{source}: {where}: not a JSON object")
    return record_article(rec, default_id, source)


def read_json_document(text: str, article_id: str, source: str) -> Iterator[Article]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        # A .json file may hold JSON lines.
        for i, line in enumerate(text.splitlines(), 1):
            if line.strip():
                yield json_record(line, f"{article_id}:{i}", source, f"line {i}")
        return
    records = data if isinstance(data, list) else [data]
    for i, rec in enumerate(records, 1):
        if isinstance(rec, dict):
            yield record_article(rec, f"{article_id}:{i}", source)
        else:
            yield Article(article_id=f"{article_id}:{i}", source=source, status="error",
                          error=f"{source}: record {i} is not a JSON object")


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
            found = []
            # os.walk does not follow symlinked folders, so a symlink loop cannot make the walk endless;
            # a symlinked file is listed, and reading it tells whether it resolves.
            for folder, dirs, files in os.walk(p, followlinks=False):
                dirs.sort()
                # Hidden folders (.git, .cache) and files (.DS_Store) belong to tools, not to the corpus.
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in files:
                    f = Path(folder) / name
                    # Every other file is listed, of a type the tool reads or not: read_file makes
                    # a `skipped` row of the others, so that no file of the corpus vanishes unsaid.
                    if not name.startswith(".") and not NOT_ARTICLES.match(name):
                        found.append((f.relative_to(p).as_posix(), f))
            for rel, f in sorted(found):
                yield f, rel
        else:
            yield p, p.name


def read_articles(inputs: Iterable[str | Path], *, published: str | None = None,
                  max_bytes: int | None = None) -> Iterator[Article]:
    """Every article under INPUTS, lazily, with its publication date resolved (SPEC.md order).
    Files over MAX_BYTES (other than JSON lines and CSV, which are streamed) are skipped unread."""
    for path, article_id in input_files(inputs):
        for article in read_file(path, article_id, max_bytes=max_bytes):
            yield finish(article, published_option=published, path=path)
