"""WARC archives (.warc, .warc.gz, as web crawls such as Common Crawl's news crawl publish them):
each response record with an HTML or plain-text content type is one article, read as a web page,
its URL as `source` and `url`.

The archive is streamed record by record (warcio): a 1 GB WARC never sits in memory, and one
record's body is read up to the size limit at most (a larger one is a `skipped` row, and the rest
of it is read past in small pieces). An archive cut off mid-record keeps the records before the cut
and ends with one `error` row that says where it stopped."""
from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path

from ..rows import Article
from .archives import DEFAULT_LIMIT

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
CHUNK = 1 << 16  # bytes of a record read at a time when reading past it
BLOCK = 2048     # compressed bytes warcio decompresses at a time


def content_type(record) -> tuple[str, str]:
    """(media type, charset) of a response record's HTTP Content-Type ('' when absent)."""
    value = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
    media, _, params = value.partition(";")
    charset = ""
    for p in params.split(";"):
        k, _, v = p.strip().partition("=")
        if k.lower() == "charset":
            charset = v.strip().strip("\"'")
    return media.strip().lower(), charset


def decode_payload(data: bytes, charset: str, where: str) -> tuple[str, str]:
    """The payload as text: in the charset the server declared when it decodes, else detected."""
    from .plain import decode

    if charset:
        try:
            name = codecs.lookup(charset).name
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data, where)


def read_warc(path: Path, article_id: str, *, max_bytes: int | None = None) -> Iterator[Article]:
    """The articles of a WARC file, streamed (see the module's docstring)."""
    from warcio.archiveiterator import ArchiveIterator

    limit = max_bytes or DEFAULT_LIMIT
    n = 0
    try:
        with open(path, "rb") as f:
            # Small compressed blocks: a block of a gzip bomb expands about 1,000 times in one piece.
            for record in ArchiveIterator(f, block_size=BLOCK):
                if record.rec_type != "response":
                    continue
                media, charset = content_type(record)
                if media not in HTML_TYPES + TEXT_TYPES:
                    continue
                n += 1
                article = record_article(record, media, charset, f"{article_id}:{n}", limit)
                if not read_to_end(record):
                    # warcio hands over what there is of a record cut short: a partial page is not
                    # the article, so the record is an error row and the archive ends there.
                    yield Article(article_id=article.article_id, source=article.source, url=article.url,
                                  status="error", error=f"{path}: WARC archive cut off in record {n} "
                                                        f"({article.source}); the {n - 1} records before it are kept")
                    return
                yield article
    except Exception as e:  # noqa: BLE001 - a cut or corrupt archive: the records before it are kept
        yield Article(article_id=f"{article_id}:{n + 1}", source=str(path), status="error",
                      error=f"{path}: WARC archive unreadable after {n} records, probably cut off "
                            f"({type(e).__name__}: {e})".splitlines()[0])


def read_to_end(record) -> bool:
    """Read the rest of RECORD's block in small pieces (memory stays bounded whatever its size);
    False when the archive ends before the block's declared length."""
    raw = record.raw_stream
    while raw.read(CHUNK):
        pass
    return getattr(raw, "limit", 0) <= 0


def record_article(record, media: str, charset: str, article_id: str, limit: int) -> Article:
    from .plain import text_title
    from .web import read_web_page

    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    source = url or article_id
    data = record.content_stream().read(limit + 1)
    if len(data) > limit:
        return Article(article_id=article_id, source=source, url=url, status="skipped",
                       error=f"{source}: record body over the size limit of {limit:,} bytes (--max-chars)")
    try:
        text, encoding = decode_payload(data, charset, source)
    except ValueError as e:
        return Article(article_id=article_id, source=source, url=url, status="error", error=str(e))
    if media in TEXT_TYPES:
        return Article(article_id=article_id, text=text, source=source, url=url, encoding=encoding,
                       title=text_title(text))
    return read_web_page(text, article_id, source, encoding, url=url or None)
