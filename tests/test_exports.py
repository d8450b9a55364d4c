"""News-database exports (extractor/io/exports.py): LexisNexis .TXT, Nexis Uni .DOCX/.RTF, Factiva
.HTML/.RTF, told by content; one article per document, without cover page or field labels."""
from __future__ import annotations

import pytest

from extractor.io.exports import author_of, export_kind, paragraphs_of
from extractor.io.readers import read_articles
from tests.exportfiles import (factiva_html, factiva_rtf, factiva_rtf_table, lexisnexis_txt, nexis_uni_paragraphs, rtf, stories,
                               write_docx)

ITEMS = stories(10)
LABEL_LEFTOVERS = ("Download Request", "Client/Matter", "Search Terms", "BYLINE:", "LENGTH:", "LOAD-DATE",
                   "Load-Date", "Byline:", "End of Document", "Classification", "Copyright", "(c)", "Documents (10)")


def make(tmp_path, kind: str):
    if kind == "lexisnexis.TXT":
        (tmp_path / "export.TXT").write_text(lexisnexis_txt(ITEMS), encoding="utf8")
    elif kind == "nexis-uni.docx":
        write_docx(tmp_path / "export.docx", nexis_uni_paragraphs(ITEMS))
    elif kind == "nexis-uni.rtf":
        (tmp_path / "export.rtf").write_text(rtf(nexis_uni_paragraphs(ITEMS)), encoding="ascii")
    elif kind == "factiva.html":
        (tmp_path / "export.html").write_text(factiva_html(ITEMS), encoding="utf8")
    elif kind == "factiva.rtf":
        (tmp_path / "export.rtf").write_text(factiva_rtf(ITEMS), encoding="ascii")
    elif kind == "factiva-table.rtf":
        (tmp_path / "export.rtf").write_text(factiva_rtf_table(ITEMS), encoding="ascii")
    return tmp_path


@pytest.mark.parametrize("kind", ["lexisnexis.TXT", "nexis-uni.docx", "nexis-uni.rtf", "factiva.html", "factiva.rtf",
                                  "factiva-table.rtf"])
def test_export_gives_one_ok_article_per_document(tmp_path, kind):
    arts = list(read_articles([make(tmp_path, kind)]))
    assert len(arts) == 10 and all(a.status == "ok" for a in arts)
    name = arts[0].article_id.split(":")[0]
    assert [a.article_id for a in arts] == [f"{name}:{i}" for i in range(1, 11)]
    for a, item in zip(arts, ITEMS):
        assert (a.title, a.published, a.published_from) == (item["title"], item["date"], "metadata")
        assert (a.source, a.author) == (item["outlet"], item["author"])
        assert a.text == "\n\n".join(item["body"])
        assert not any(x in a.text for x in LABEL_LEFTOVERS)


def test_plain_txt_that_mentions_documents_is_not_an_export(tmp_path):
    """Content decides: a story that talks about documents stays one plain article."""
    (tmp_path / "story.txt").write_text("Leaked files\n\nThe archive held 1 of 10 documents the court asked for.\n")
    [a] = read_articles([tmp_path])
    assert a.article_id == "story.txt" and a.title == "Leaked files"


def test_plain_docx_is_one_article(tmp_path):
    write_docx(tmp_path / "memo.docx", ["Harbour plan", "The council met on Monday.", "It voted for the plan."])
    [a] = read_articles([tmp_path])
    assert a.status == "ok" and a.title == "Harbour plan" and a.text.endswith("It voted for the plan.")


@pytest.mark.parametrize("text, kind", [
    ("   1 of 3 DOCUMENTS\n\nBody", "lexisnexis"),
    ("Title\nBody\nText.\nLoad-Date: May 2, 2020\nEnd of Document\n", "nexis_uni"),
    ("HD\nTitle\nPD\n2 May 2020\nTD\nText.\n", "factiva"),
    ("HD video of the storm\nTD Bank said on Monday\n", None),  # words, not field codes alone on a line
    ("An ordinary article.\nEnd of Document is a phrase here.", None),
])
def test_export_kind_by_content(text, kind):
    assert export_kind(text) == kind


@pytest.mark.parametrize("lines, expected", [
    (["A wrapped paragraph of an export goes on past the end of this line and", "ends here.", "", "Next."],
     ["A wrapped paragraph of an export goes on past the end of this line and ends here.", "Next."]),
    (["Short line.", "Another paragraph on its own line."], ["Short line.", "Another paragraph on its own line."]),
])
def test_wrapped_lines_join_into_paragraphs(lines, expected):
    assert paragraphs_of(lines) == expected


@pytest.mark.parametrize("byline, author", [("By JOHN SMITH", "John Smith"), ("Ann Lee", "Ann Lee"),
                                             ("by Mary-Jo O'Neil", "Mary-Jo O'Neil")])
def test_byline_to_author(byline, author):
    assert author_of(byline) == author


def test_docx_that_is_not_a_zip_is_an_error_row(tmp_path):
    (tmp_path / "fake.docx").write_text("I am plain text with a .docx name")
    (tmp_path / "next.txt").write_text("The batch goes on.")
    arts = list(read_articles([tmp_path]))
    assert [a.status for a in arts] == ["error", "ok"] and "not a zip" in arts[0].error


def test_docx_expanding_past_the_limit_is_an_error_row_read_in_bounded_memory(tmp_path):
    """A zip bomb with a .docx name: 60 MB of XML in a file of a few kB; its central directory
    claims a tiny size. It is stopped at the limit while decompressing, never held whole."""
    import tracemalloc
    import zipfile

    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(60):
                member.write(b" " * 1_000_000)
    assert path.stat().st_size < 500_000
    tracemalloc.start()
    [a] = read_articles([path], max_bytes=2_000_000)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert a.status == "error" and "expands past the size limit" in a.error
    assert peak < 20_000_000


def test_docx_zip_without_a_document_is_an_error_row(tmp_path):
    import zipfile

    with zipfile.ZipFile(tmp_path / "odd.docx", "w") as zf:
        zf.writestr("hello.txt", "not word")
    [a] = read_articles([tmp_path])
    assert a.status == "error" and "not a Word document" in a.error


@pytest.mark.parametrize("title", ["Late goal sinks Rovers", "Final whistle for the old stadium"])
def test_headline_that_starts_like_an_edition_is_kept(tmp_path, title):
    item = dict(ITEMS[0], title=title)
    (tmp_path / "e.txt").write_text(lexisnexis_txt([item]).replace("Late Edition - Final", ""), encoding="utf8")
    [a] = read_articles([tmp_path])
    assert a.title == title


@pytest.mark.parametrize("line", ["Source: the national statistics office.", "Notes: all figures are provisional.",
                                  "Company: Voltra, the battery maker, declined to comment."])
def test_label_like_line_inside_a_body_is_text(tmp_path, line):
    item = dict(ITEMS[0], body=ITEMS[0]["body"][:2] + [line] + ITEMS[0]["body"][2:])
    write_docx(tmp_path / "e.docx", nexis_uni_paragraphs([item]))
    (tmp_path / "l.txt").write_text(lexisnexis_txt([item]), encoding="utf8")
    for a in read_articles([tmp_path]):
        assert a.text == "\n\n".join(item["body"]), a.article_id
