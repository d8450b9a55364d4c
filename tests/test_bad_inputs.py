"""A batch of hostile inputs, generated here (no binaries committed): every file is accounted for in
`articles`, good articles keep exactly the rows they get alone, and the run exits 1."""
from __future__ import annotations

import json
import os
import random

import pandas as pd
import pytest
from typer.testing import CliRunner

from extractor.engines.annotate import chunk_starts, process_batch
from extractor.cli import app
from extractor.rows import MENTION_TABLES, TABLES, Article

GOOD = "UK Ambassador James Sharp met Foreign Minister Jeyhun Bayramov in Baku on June 10. Over 140 people were hurt."
MAX_CHARS = 1_000_000  # the run below uses this limit, so that the 2 MB line and the 50 MB file are over it


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("bad")
    w = lambda name, data: (d / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    w("2021-06-11-good.txt", GOOD)
    w("empty.txt", b"")
    w("whitespace.txt", " \n\t\n  ")
    w("junk.txt", random.Random(0).randbytes(4096).replace(b"\x00", b"\x01"))
    w("nul.txt", b"Some text\x00with NUL\x00bytes\x00")
    w("invalid-utf8.txt", ("Caf\u00e9 in Baku. " * 20).encode() + b"\xff\xfe The end.")
    w("latin1.txt", "Le caf\u00e9 de Bakou a ferm\u00e9 en juin 2021.".encode("latin-1"))
    w("cp1252.txt", "He said \u201chello\u201d \u2013 it\u2019s \u20ac5 in Paris.".encode("cp1252"))
    w("utf16.txt", "Talks in Geneva on Monday.".encode("utf-16"))
    w("utf8-bom.txt", "\ufeffTalks in Geneva on Monday.")
    with open(d / "huge.txt", "wb") as f:  # 50 MB: over any sensible article size
        f.write(b"word " * (10 * 1024 * 1024))
    w("one-line.txt", "word " * (2 * 1024 * 1024 // 5))
    w("page.html", "<html><head><title>T</title><script>alert('June 10')</script></head>"
                   "<body><p>Talks in Geneva on Monday.</p></body></html>")
    w("records.jsonl", json.dumps({"id": "r1", "text": GOOD, "published": "2021-06-11"}) + "\n"
      + '{"id": "r2", "text": "truncated' + "\n"
      + json.dumps({"id": "r3", "text": "Talks in Geneva.", "published": "not a date"}) + "\n"
      + json.dumps({"id": "r4", "text": "Talks in Geneva.", "published": "31/31/2021"}) + "\n")
    w("no-text-column.csv", "id,body\n1,hello\n")
    os.symlink("loop-b.txt", d / "loop-a.txt")
    os.symlink("loop-a.txt", d / "loop-b.txt")
    w("unreadable.txt", "Talks in Geneva.")
    os.chmod(d / "unreadable.txt", 0)
    w("it's a \"quoted\" n\u00e4me.txt", "Talks in Z\u00fcrich on Monday.")
    yield d
    os.chmod(d / "unreadable.txt", 0o644)


@pytest.fixture(scope="module")
def result(bad_corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("bad-out") / "out"
    res = CliRunner().invoke(app, ["run", str(bad_corpus), "-o", str(out), "-q", "--max-chars", str(MAX_CHARS)])
    tables = {t: pd.read_csv(out / f"{t}.csv", dtype=str, keep_default_na=False) for t in TABLES}
    return res, tables


def status(tables) -> dict[str, tuple[str, str]]:
    return {r["article_id"]: (r["status"], r["error"]) for r in tables["articles"].to_dict("records")}


def test_exit_status_is_1(result):
    assert result[0].exit_code == 1, result[0].output


def test_every_input_is_accounted_for(bad_corpus, result):
    got = status(result[1])
    files = {p.name for p in bad_corpus.iterdir()} - {"records.jsonl", "no-text-column.csv"}
    expected = files | {"records.jsonl:1", "records.jsonl:2", "records.jsonl:3", "records.jsonl:4",
                        "no-text-column.csv"}
    expected = {e.replace("records.jsonl:1", "r1").replace("records.jsonl:3", "r3").replace("records.jsonl:4", "r4")
                for e in expected}
    assert set(got) == expected


@pytest.mark.parametrize("article_id, want, message", [
    ("2021-06-11-good.txt", "ok", ""),
    ("empty.txt", "skipped", "no text"),
    ("whitespace.txt", "skipped", "no text"),
    ("junk.txt", "error", "not text"),
    ("nul.txt", "error", "binary"),
    ("invalid-utf8.txt", "ok", ""),
    ("latin1.txt", "ok", ""),
    ("cp1252.txt", "ok", ""),
    ("utf16.txt", "ok", ""),
    ("utf8-bom.txt", "ok", ""),
    ("huge.txt", "skipped", "over the size limit"),
    ("one-line.txt", "skipped", "over the limit"),
    ("page.html", "ok", ""),
    ("r1", "ok", ""),
    ("records.jsonl:2", "error", "not valid JSON"),
    ("r3", "ok", "not a date"),
    ("r4", "ok", "not a"),
    ("no-text-column.csv", "error", "no 'text' column"),
    ("loop-a.txt", "error", "symbolic links"),
    ("it's a \"quoted\" n\u00e4me.txt", "ok", ""),
])
def test_status_and_message(result, article_id, want, message):
    st, err = status(result[1])[article_id]
    assert st == want and message in err
    assert "\n" not in err and "Traceback" not in err


def test_unreadable_file(result):
    st, err = status(result[1])["unreadable.txt"]
    # root reads anything: there the file is fine; anyone else gets a one-line error.
    assert (st, err) == ("ok", "") if os.geteuid() == 0 else (st == "error" and "ermission" in err)


def test_encodings_are_recorded(result):
    enc = result[1]["articles"].set_index("article_id")["encoding"]
    assert enc["latin1.txt"] == enc["cp1252.txt"] == "cp1252"
    assert enc["utf16.txt"] == "utf-16" and enc["utf8-bom.txt"] == "utf-8-sig"
    assert enc["invalid-utf8.txt"].startswith("utf-8")
    arts = result[1]["articles"].set_index("article_id")
    assert arts.loc["r3", "published"] == "" and arts.loc["r4", "published"] == ""


def test_script_text_is_not_extracted(result):
    dates = result[1]["dates"]
    assert not len(dates[dates["article_id"] == "page.html"].query("text == 'June 10'"))


def test_good_articles_get_the_rows_they_get_alone(bad_corpus, result, tmp_path):
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "2021-06-11-good.txt").write_text(GOOD, encoding="utf-8")
    CliRunner().invoke(app, ["run", str(alone), "-o", str(tmp_path / "out"), "-q"])
    for t in TABLES[1:]:
        mine = result[1][t][result[1][t]["article_id"] == "2021-06-11-good.txt"].reset_index(drop=True)
        ref = pd.read_csv(tmp_path / "out" / f"{t}.csv", dtype=str, keep_default_na=False)
        pd.testing.assert_frame_equal(mine, ref)
    assert len(result[1]["officials"][result[1]["officials"]["article_id"] == "r1"]) == 2


def test_long_one_line_article_is_annotated_in_pieces():
    text = ("In Baku on June 10, 7,449 mines were defused by the agency. " * 2100).strip()  # ~126,000 chars, one line
    assert len(chunk_starts(text)) >= 2
    [(art, rows)] = process_batch([Article(article_id="long", text=text, published="2021-06-11")])
    assert art["status"] == "ok"
    for t in MENTION_TABLES:
        for r in rows[t]:
            assert text[r["start"]:r["end"]] == r["text"]
    assert len([r for r in rows["figures"] if r["value"] == 7449]) == 2100
    sentences = [r["sentence"] for r in rows["figures"]]
    assert sentences == sorted(sentences) and sentences[-1] >= 2000
    # The sentences of the pieces, shifted like the mentions: numbered in order, in the text.
    bounds = rows["sentences"]
    assert [r["sentence"] for r in bounds] == list(range(len(bounds))) and len(bounds) > sentences[-1]
    assert all(a["end"] <= b["start"] for a, b in zip(bounds, bounds[1:])) and bounds[-1]["end"] == len(text)
    for r in rows["figures"]:
        assert bounds[r["sentence"]]["start"] <= r["start"] < bounds[r["sentence"]]["end"]


@pytest.mark.parametrize("text", ["", "a" * 10, "x " * 300_000, "para\n\n" * 40_000, "y" * 250_000])
def test_chunk_starts_cover_the_text(text):
    starts = chunk_starts(text, 100_000)
    assert starts[0] == 0 and starts == sorted(set(starts))
    assert all(b - a <= 100_000 for a, b in zip(starts, starts[1:] + [len(text)]))
