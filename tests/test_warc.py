"""WARC archives (extractor/io/warc.py), written here with warcio from the pages of tests/newspages:
one article per HTML response, the same articles as the pages read from files, streaming, and
archives that are cut off or expand past the size limit."""
from __future__ import annotations

import gzip
import io
from dataclasses import asdict

import pytest

from extractor.io.readers import read_articles
from tests.newspages import pages

PAGES = list(pages())


def url_of(i: int, name: str) -> str:
    return f"https://news.example.net/{i:04d}/{name}"


def write_warc(path, items, *, gz=True, extra_records=True):
    """A WARC of (url, html bytes, content type) responses, with a warcinfo record, and, when
    EXTRA_RECORDS, a request record and a non-HTML response between them (which are not articles)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=gz)
        w.write_record(w.create_warcinfo_record(path.name, {"software": "tests"}))
        for i, (url, body, ctype) in enumerate(items):
            if extra_records and i % 50 == 0:
                req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example.net")], is_http_request=True)
                w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=req))
                img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
                w.write_record(w.create_warc_record(url + ".png", "response", payload=io.BytesIO(b"\x89PNG" * 10),
                                                    http_headers=img))
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    return path


def page_items(n: int):
    return [(url_of(i, PAGES[i % len(PAGES)][0]), PAGES[i % len(PAGES)][1].encode("utf-8"), "text/html; charset=utf-8")
            for i in range(n)]


def comparable(a) -> dict:
    d = asdict(a)
    for k in ("article_id", "source", "url"):
        d.pop(k)
    return d


@pytest.mark.parametrize("gz, n", [(True, 200), (False, 20)])
def test_warc_gives_the_articles_of_its_html_responses(tmp_path, gz, n):
    """N pages in a WARC: one article each, in order, equal to the same pages read from files."""
    items = page_items(n)
    warc = write_warc(tmp_path / ("crawl.warc.gz" if gz else "crawl.warc"), items)
    files = tmp_path / "pages"
    files.mkdir()
    for i, (_, body, _) in enumerate(items):
        (files / f"{i:04d}.html").write_bytes(body)
    from_warc = list(read_articles([warc]))
    from_files = list(read_articles([files]))
    assert len(from_warc) == n and all(a.status == "ok" for a in from_warc)
    assert [a.source for a in from_warc] == [u for u, _, _ in items] == [a.url for a in from_warc]
    assert [a.article_id for a in from_warc][:2] == [f"{warc.name}:1", f"{warc.name}:2"]
    assert [comparable(a) for a in from_warc] == [comparable(a) for a in from_files]


def test_plain_text_response_and_declared_charset(tmp_path):
    body = "Le café a rouvert lundi.".encode("latin-1")
    warc = write_warc(tmp_path / "t.warc.gz", [("https://x.example/a.txt", body, "text/plain; charset=ISO-8859-1")],
                      extra_records=False)
    [a] = read_articles([warc])
    assert a.status == "ok" and a.text == "Le café a rouvert lundi." and a.encoding == "iso8859-1"


def test_warc_cut_mid_record_keeps_the_records_before_the_cut(tmp_path):
    full = write_warc(tmp_path / "full.warc.gz", page_items(6), extra_records=False)
    data = full.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.75)])
    arts = list(read_articles([cut]))
    ok = [a for a in arts if a.status == "ok"]
    assert 3 <= len(ok) < 6 and arts[-1].status == "error" and "cut off" in arts[-1].error
    assert [a.text for a in ok] == [a.text for a in list(read_articles([full]))[:len(ok)]]


def test_record_expanding_past_the_limit_is_skipped_and_the_next_is_read(tmp_path):
    """A gzip bomb inside the WARC: 50 MB of one byte in a record of a few kB is not read into
    memory; it is a skipped row, and the record after it is an article."""
    bomb = b"<html><body><p>" + b"a" * 50_000_000 + b"</p></body></html>"
    items = [("https://x.example/bomb", bomb, "text/html")] + page_items(1)
    warc = write_warc(tmp_path / "b.warc.gz", items, extra_records=False)
    assert warc.stat().st_size < 1_000_000
    import tracemalloc

    tracemalloc.start()
    arts = list(read_articles([warc], max_bytes=1_000_000))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [a.status for a in arts] == ["skipped", "ok"] and "size limit" in arts[0].error
    assert peak < 15_000_000  # the 50 MB record is read past in pieces, never held


def test_gzip_that_is_not_a_warc_is_an_error_row(tmp_path):
    (tmp_path / "junk.warc.gz").write_bytes(gzip.compress(b"this is not a WARC file at all\n" * 10))
    [a] = read_articles([tmp_path])
    assert a.status == "error"


def test_warc_and_files_give_the_same_tables(tmp_path):
    """Through a whole run: the mention tables of 8 pages from a WARC equal those of the same
    pages read from files, article by article (ids aside)."""
    from extractor.batch import run
    from extractor.io.writers import read_table

    items = page_items(8)
    warc = write_warc(tmp_path / "crawl.warc.gz", items)
    files = tmp_path / "pages"
    files.mkdir()
    for i, (_, body, _) in enumerate(items):
        (files / f"{i:04d}.html").write_bytes(body)
    run([warc], tmp_path / "w", text=True)
    run([files], tmp_path / "f", text=True)
    ids_w = read_table(tmp_path / "w" / "articles.csv")["article_id"].tolist()
    ids_f = read_table(tmp_path / "f" / "articles.csv")["article_id"].tolist()
    rename = dict(zip(ids_w, ids_f))
    for t in ("articles", "dates", "places", "people", "figures", "organizations"):
        w = read_table(tmp_path / "w" / f"{t}.csv")
        f = read_table(tmp_path / "f" / f"{t}.csv")
        w["article_id"] = w["article_id"].map(rename)
        drop = []
        if t == "articles":
            w["duplicate_of"] = w["duplicate_of"].map(lambda d: rename.get(d, d))
            drop = ["source", "url"]
        assert w.drop(columns=drop).equals(f.drop(columns=drop)), t
