"""Readers: every input format, publication-date order, and bad files kept as rows."""
from __future__ import annotations

import json

import pytest

from extractor.io.readers import InputError, decode, head_metadata, read_articles


def test_text_file_dateline_and_byline(tmp_path):
    f = tmp_path / "story.txt"
    f.write_text(" date 2021-06-11 By Vafa Ismayilova\n\nSomething happened on June 10.\n", encoding="utf8")
    [a] = read_articles([f])
    assert (a.article_id, a.published, a.published_from, a.author) == ("story.txt", "2021-06-11", "dateline", "Vafa Ismayilova")


@pytest.mark.parametrize("meta, option, head, name, expected", [
    ("2020-01-02", "2019-05-05", "March 06, 2008", "2001-01-01-x.txt", ("2020-01-02", "metadata")),
    ("", "2019-05-05", "March 06, 2008", "2001-01-01-x.txt", ("2019-05-05", "option")),
    ("", None, "March 06, 2008", "2001-01-01-x.txt", ("2008-03-06", "dateline")),
    ("", None, "No date here", "2001-01-01-x.txt", ("2001-01-01", "filename")),
    ("", None, "No date here", "plain.txt", ("", "none")),
])
def test_published_order(tmp_path, meta, option, head, name, expected):
    """Metadata, then --published, then a dateline, then the file name: first found wins."""
    if meta:
        f = tmp_path / name.replace(".txt", ".jsonl")
        f.write_text(json.dumps({"id": "a", "text": f"Title\n{head}\nBody.", "published": meta}) + "\n")
    else:
        f = tmp_path / name
        f.write_text(f"Title\n{head}\nBody.", encoding="utf8")
    [a] = read_articles([f], published=option)
    assert (a.published, a.published_from) == expected


def test_folder_sorted_recursive_and_readme_skipped(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("two")
    (tmp_path / "1.txt").write_text("one")
    (tmp_path / "README.md").write_text("about this folder")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main")
    assert [a.article_id for a in read_articles([tmp_path])] == ["1.txt", "b/2.txt"]


@pytest.mark.parametrize("name, make, reason", [
    ("scan.pdf", lambda p: p.write_bytes(b"%PDF-1.4 ..."), ".pdf files"),
    ("image.png", lambda p: p.write_bytes(b"\x89PNG"), ".png files"),
    ("NOTES", lambda p: p.write_text("a file without an extension"), "files without an extension"),
    ("loop", lambda p: p.symlink_to(p), "files without an extension"),
])
def test_unread_file_types_are_skipped_rows_with_the_reason(tmp_path, name, make, reason):
    """Every file of a folder is accounted for: one the tool does not read is a skipped row."""
    (tmp_path / "1.txt").write_text("one")
    make(tmp_path / name)
    arts = {a.article_id: a for a in read_articles([tmp_path])}
    assert arts["1.txt"].status == "ok"
    assert arts[name].status == "skipped" and reason in arts[name].error and name in arts[name].error


def test_jsonl_csv_json_records(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"id": "x1", "text": "Hello.", "date": "2020-02-02", "title": "T"}\n'
                                      '{broken\n{"id": "x3", "text": "Bye."}\n')
    (tmp_path / "b.csv").write_text('id,text,published\nc1,"A, quoted\ntext",2020-03-03\n')
    (tmp_path / "c.json").write_text(json.dumps([{"id": "j1", "text": "J."}]))
    arts = {a.article_id: a for a in read_articles([tmp_path])}
    assert arts["x1"].published == "2020-02-02" and arts["x1"].title == "T"
    assert arts["a.jsonl:2"].status == "error" and "line 2" in arts["a.jsonl:2"].error
    assert arts["x3"].status == "ok"
    assert arts["c1"].text == "A, quoted\ntext" and arts["c1"].published == "2020-03-03"
    assert arts["j1"].text == "J."


def test_csv_without_text_column_is_an_error_row(tmp_path):
    (tmp_path / "bad.csv").write_text("id,body\n1,hello\n")
    [a] = read_articles([tmp_path])
    assert a.status == "error" and "no 'text' column" in a.error


def test_html_main_text_and_metadata(tmp_path):
    from tests.newspages import ARTICLES, layout_classic

    story = ARTICLES[0]
    (tmp_path / "p.html").write_text(layout_classic(story, ARTICLES[1:]), encoding="utf8")
    [a] = read_articles([tmp_path])
    assert (a.title, a.author, a.published, a.published_from) == (story["title"], story["author"], story["date"], "metadata")
    assert story["body"][2] in a.text and "dataLayer" not in a.text and "Most read" not in a.text


@pytest.mark.parametrize("data, encoding", [
    ("Café déjà".encode("utf-8"), "utf-8"),
    ("\ufeffCafé".encode("utf-8"), "utf-8-sig"),
    ("Café".encode("utf-16"), "utf-16"),
])
def test_decode(data, encoding):
    text, enc = decode(data, "f")
    assert enc == encoding and text.lstrip("\ufeff").startswith("Caf")


def test_binary_is_an_error_row(tmp_path):
    (tmp_path / "junk.txt").write_bytes(b"\x00\x01\x02binary\x00")
    [a] = read_articles([tmp_path])
    assert a.status == "error" and "binary" in a.error


def test_latin1_is_decoded(tmp_path):
    (tmp_path / "l.txt").write_bytes("Le café de la gare est fermé depuis lundi, à cause des grèves.".encode("latin-1"))
    [a] = read_articles([tmp_path])
    assert a.status == "ok" and "café" in a.text and a.encoding == "cp1252"


def test_missing_input_is_a_usage_error(tmp_path):
    with pytest.raises(InputError, match="not found"):
        list(read_articles([tmp_path / "nope"]))


def test_head_metadata_ignores_dates_deep_in_text():
    text = "Title\nFirst paragraph.\nSecond.\nThird mentions May 31, 2021."
    assert head_metadata(text) == ("", "")
