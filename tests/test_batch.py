"""The batch engine: identical rows in identical order for any number of workers; resume."""
from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from extractor.batch import run
from extractor.rows import TABLES

from .conftest import CORPUS


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    for f in sorted(CORPUS.glob("*.txt"))[:6]:
        shutil.copy(f, d / f.name)
    return d


def tables(out):
    return {t: pd.read_csv(out / f"{t}.csv", dtype=str, keep_default_na=False) for t in TABLES}


def test_workers_give_identical_tables(small_corpus, tmp_path):
    one = run([small_corpus], tmp_path / "w1", workers=1)
    two = run([small_corpus], tmp_path / "w2", workers=2)
    assert one.status["ok"] == two.status["ok"] == 6
    a, b = tables(tmp_path / "w1"), tables(tmp_path / "w2")
    for t in TABLES:
        pd.testing.assert_frame_equal(a[t], b[t], check_exact=True)


def test_rows_keep_offsets(small_corpus, tmp_path):
    run([small_corpus], tmp_path / "o")
    texts = {f.name: f.read_text(encoding="utf8") for f in small_corpus.iterdir()}
    for t in TABLES[1:]:
        for r in tables(tmp_path / "o")[t].to_dict("records"):
            assert texts[r["article_id"]][int(r["start"]):int(r["end"])] == r["text"]


def test_resume_reuses_done_articles(small_corpus, tmp_path):
    out = tmp_path / "o"
    first = run([small_corpus], out, limit=3)
    assert first.articles == 3
    full = run([small_corpus], out, resume=True)
    assert full.articles == 6
    ref = run([small_corpus], tmp_path / "ref")
    a, b = tables(out), tables(tmp_path / "ref")
    for t in TABLES:
        pd.testing.assert_frame_equal(a[t], b[t], check_exact=True)
    assert ref.rows == full.rows


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_two_runs_give_byte_identical_tables(small_corpus, tmp_path, fmt):
    run([small_corpus], tmp_path / "a", fmt=fmt, limit=3)
    run([small_corpus], tmp_path / "b", fmt=fmt, limit=3)
    for t in TABLES:
        assert (tmp_path / "a" / f"{t}.{fmt}").read_bytes() == (tmp_path / "b" / f"{t}.{fmt}").read_bytes()
    log = json.loads((tmp_path / "a" / "run.json").read_text())
    assert log["articles"] == 3 and log["seconds"] > 0 and log["format"] == fmt


def test_nothing_is_written_outside_out(small_corpus, tmp_path):
    before = set(tmp_path.parent.iterdir())
    run([small_corpus], tmp_path / "nested" / "out", limit=1)
    assert set(tmp_path.parent.iterdir()) == before
    assert sorted(p.name for p in (tmp_path / "nested" / "out").iterdir()) == \
        sorted([f"{t}.csv" for t in TABLES] + ["run.json"])
