"""The batch engine: identical rows in identical order for any number of workers; resume."""
from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from extractor.batch import run
from extractor.rows import MENTION_TABLES, TABLES

from .conftest import CORPUS, copy_corpus


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    return copy_corpus(tmp_path_factory, 6)


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
    out = tables(tmp_path / "o")
    for t in MENTION_TABLES:
        for r in out[t].to_dict("records"):
            assert texts[r["article_id"]][int(r["start"]):int(r["end"])] == r["text"]


def test_sentences_table_holds_each_mentions_sentence(small_corpus, tmp_path):
    """The parser's sentences are written, numbered as the mention rows' `sentence`: a mention
    starts inside the sentence its row names."""
    run([small_corpus], tmp_path / "o")
    out = tables(tmp_path / "o")
    sents = {(r["article_id"], int(r["sentence"])): (int(r["start"]), int(r["end"]))
             for r in out["sentences"].to_dict("records")}
    assert {a for a, _ in sents} == set(out["articles"]["article_id"])
    for (aid, i), (start, end) in sents.items():
        assert 0 <= start <= end and (i == 0 or sents[aid, i - 1][0] < start)
    for t in MENTION_TABLES:
        for r in out[t].to_dict("records"):
            start, _ = sents[r["article_id"], int(r["sentence"])]
            nxt = sents.get((r["article_id"], int(r["sentence"]) + 1))
            assert start <= int(r["start"]) and (nxt is None or int(r["start"]) < nxt[0]), (t, r)


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


class Interrupt(Exception):
    """Stands for a run stopped in the middle (the process killed, the machine down)."""


def interrupted_run(corpus, out, fmt, after_batches):
    """A run stopped after AFTER_BATCHES committed batches, leaving its files as they were."""
    seen = []

    def stop(summary):
        seen.append(summary.articles)
        if len(seen) >= after_batches:
            raise Interrupt

    with pytest.raises(Interrupt):
        run([corpus], out, fmt=fmt, batch_size=2, progress=stop)
    return seen[-1]


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_resume_after_torn_writes_gives_identical_tables(small_corpus, tmp_path, fmt):
    out = tmp_path / "o"
    done = interrupted_run(small_corpus, out, fmt, after_batches=2)
    assert not (out / f"articles.{fmt}").exists()
    # A kill in the middle of the next batch: rows written past the last commit, a half manifest line.
    for part in out.glob("*.part"):
        with open(part, "ab") as f:
            f.write(b"torn,row,\"half")
    with open(out / ".manifest.jsonl", "ab") as f:
        f.write(b'{"articles": [["x"')
    resumed = run([small_corpus], out, fmt=fmt, batch_size=2, resume=True)
    ref = run([small_corpus], tmp_path / "ref", fmt=fmt, batch_size=2)
    assert resumed.resumed_articles == done == 3 and resumed.articles == 6
    assert resumed.rows == ref.rows and resumed.status == ref.status
    for t in TABLES:
        assert (out / f"{t}.{fmt}").read_bytes() == (tmp_path / "ref" / f"{t}.{fmt}").read_bytes(), t
    assert sorted(p.name for p in out.iterdir()) == sorted([f"{t}.{fmt}" for t in TABLES] + ["run.json"])


def test_resume_redoes_what_changed(small_corpus, tmp_path):
    """An input edited between the runs is annotated again, and so is everything after it."""
    corpus = tmp_path / "c"
    shutil.copytree(small_corpus, corpus)
    out = tmp_path / "o"
    assert interrupted_run(corpus, out, "csv", after_batches=3) == 5  # batches of 1, 2, 2 articles
    third = sorted(corpus.iterdir())[2]
    third.write_text(third.read_text(encoding="utf8") + "\nThe talks resumed in Geneva on Monday.\n",
                     encoding="utf8")
    resumed = run([corpus], out, batch_size=2, resume=True)
    assert resumed.resumed_articles == 1  # the batch that holds the edited article is done again
    run([corpus], tmp_path / "ref", batch_size=2)
    for t in TABLES:
        assert (out / f"{t}.csv").read_bytes() == (tmp_path / "ref" / f"{t}.csv").read_bytes(), t


def test_resume_after_kill_9(small_corpus, tmp_path):
    """The CLI killed with SIGKILL in the middle of a run, then --resume: the same tables."""
    import os
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "o"
    cmd = [sys.executable, "-m", "extractor", "run", str(small_corpus), "-o", str(out), "--batch-size", "1", "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    manifest = out / ".manifest.jsonl"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if manifest.exists() and manifest.read_bytes().count(b"\n") >= 3:  # header + 2 batches
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not (out / "articles.csv").exists()
    done = subprocess.run(cmd + ["--resume"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    ref = run([small_corpus], tmp_path / "ref")
    assert ref.articles == 6
    for t in TABLES:
        assert (out / f"{t}.csv").read_bytes() == (tmp_path / "ref" / f"{t}.csv").read_bytes(), t
    log = json.loads((out / "run.json").read_text())
    assert 2 <= log["resumed_articles"] < 6 and log["articles"] == 6


def test_batches_bound_articles_and_characters():
    from extractor.batch import batches
    from extractor.rows import Article

    arts = [Article(article_id=str(i), text="x" * n) for i, n in enumerate([10, 10, 10, 500, 10, 10])]
    got = [[a.article_id for a in b] for b in batches(arts, 2, max_chars=100)]
    assert got == [["0", "1"], ["2"], ["3"], ["4", "5"]]
    got = [[a.article_id for a in b] for b in batches(arts, 4, max_chars=10**6, ramp=True)]
    assert got == [["0"], ["1", "2", "3", "4"], ["5"]]  # the first alone, then RAMP_GROWTH * 1 + 1 > 4
    many = [Article(article_id=str(i), text="x") for i in range(100)]
    assert [len(b) for b in batches(many, 256, max_chars=10**6, ramp=True)] == [1, 9, 81, 9]
    assert [len(b) for b in batches(many, 256, max_chars=10**6, ramp=True, start=10)] == [81, 19]
    assert [a for b in batches(arts, 4, 10**6) for a in b] == arts


def test_batches_cut_the_last_two_again_in_quarters():
    """The end of a parallel run: the articles of the last two batches go in batches of a quarter of the
    characters, so that no worker is left with a whole batch while the others wait."""
    from extractor.batch import TAIL_SPLIT, batches
    from extractor.rows import Article

    arts = [Article(article_id=str(i), text="x" * 30) for i in range(10)]
    got = [[a.article_id for a in b] for b in batches(arts, 100, max_chars=TAIL_SPLIT * 30, tail_split=TAIL_SPLIT)]
    # cut first as [0-3] [4-7] [8 9]; the last two again, a quarter of the characters each
    assert got == [["0", "1", "2", "3"], ["4"], ["5"], ["6"], ["7"], ["8"], ["9"]]
    # one worker: no second cut
    assert [len(b) for b in batches(arts, 100, max_chars=TAIL_SPLIT * 30)] == [4, 4, 2]


def test_resume_refuses_another_format(small_corpus, tmp_path):
    from extractor.errors import InputError

    interrupted_run(small_corpus, tmp_path / "o", "csv", after_batches=1)
    with pytest.raises(InputError, match="format"):
        run([small_corpus], tmp_path / "o", fmt="jsonl", resume=True)


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_resume_after_a_finished_run(small_corpus, tmp_path, fmt):
    out = tmp_path / "o"
    run([small_corpus], out, fmt=fmt, limit=3)
    resumed = run([small_corpus], out, fmt=fmt, resume=True)
    assert resumed.resumed_articles == 3 and resumed.articles == 6
    run([small_corpus], tmp_path / "ref", fmt=fmt)
    for t in TABLES:
        assert (out / f"{t}.{fmt}").read_bytes() == (tmp_path / "ref" / f"{t}.{fmt}").read_bytes(), t


def test_fast_stand_ins_give_the_same_annotation():
    """The batch engine's attribute ruler and lemmatizer set exactly what spaCy's own set."""
    import numpy as np
    import spacy
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, ORTH, POS, TAG

    from extractor.speedups import FastAttributeRuler, FastLemmatizer, speed_up
    from extractor.pipeline import default_model

    name = default_model()
    if name is None:
        pytest.skip("no trained pipeline installed")
    texts = [f.read_text(encoding="utf8") for f in sorted(CORPUS.glob("*.txt"))[:12]]
    texts += ["I ain't gonna do it.", "She's been there; they'd've gone.", "  \n", "U.S. troops ca n't go."]
    plain, fast = spacy.load(name), spacy.load(name)
    speed_up(fast)
    speed_up(fast)  # idempotent
    assert isinstance(fast.get_pipe("attribute_ruler").impl, FastAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer").impl, FastLemmatizer)
    attrs = [ORTH, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]
    for a, b in zip(plain.pipe(texts), fast.pipe(texts)):
        assert np.array_equal(a.to_array(attrs), b.to_array(attrs)), a.text[:60]


def test_input_position_counts_bytes_of_files_without_reading_them(small_corpus, tmp_path, monkeypatch):
    import extractor.io.readers as readers
    from extractor.progress import InputPosition

    jl = tmp_path / "a.jsonl"
    jl.write_text('{"id": 1, "text": "aaaa"}\n{"id": 2, "text": "bbbb"}\n', encoding="utf8")
    files = sorted(small_corpus.iterdir())
    monkeypatch.setattr(readers, "read_file", lambda *a, **k: pytest.fail("the listing read a file"))
    position = InputPosition()
    assert position.done() is None  # not listed yet: the bar pulses
    position.list_inputs([small_corpus, jl])
    sizes = [f.stat().st_size for f in files]
    assert position.total == sum(sizes) + jl.stat().st_size and position.done() == 0
    position.advance(str(files[0]), sizes[0] + 10)          # a text file's article: all of the file
    assert position.done() == sizes[0]
    position.advance(str(files[2]), 5)                       # files before it are done
    assert position.done() == sum(sizes[:2]) + 5
    position.advance(str(jl), 4)                             # a JSON lines file, article by article
    position.advance(str(jl), 4)
    assert position.done() == sum(sizes) + 8 and position.started_at() == 0


def test_progress_knows_the_share_done_and_the_eta(small_corpus, tmp_path):
    from extractor.progress import plain_line

    seen = []
    summary = run([small_corpus], tmp_path / "o", batch_size=2, progress=lambda s: seen.append(
        (s.articles, s.fraction, s.eta_seconds, plain_line(s))))
    assert [n for n, *_ in seen] == [1, 3, 5, 6] and summary.articles == 6
    shares = [f for _, f, _, _ in seen if f is not None]
    assert shares == sorted(shares) and (not shares or shares[-1] == 1.0)  # listed on the side: may come late
    assert all(eta is not None for _, f, eta, _ in seen if f is not None and 0 < f)
    assert seen[-1][3].startswith("progress: 6 articles")
    limited = []
    run([small_corpus], tmp_path / "l", limit=4, batch_size=2, progress=lambda s: limited.append(s.fraction))
    assert limited == [0.25, 0.75, 1.0]  # with --limit the share is articles out of the limit


@pytest.mark.parametrize("options, message", [({"engine": "spark"}, "engine"), ({"batch_size": 0}, "batch-size"),
                                              ({"scheduler": "tcp://127.0.0.1:1"}, "--engine dask")])
def test_bad_engine_options_are_usage_mistakes(small_corpus, tmp_path, options, message):
    from extractor.errors import InputError

    with pytest.raises(InputError, match=message):
        run([small_corpus], tmp_path / "o", **options)
    assert not (tmp_path / "o").exists()


def test_a_run_leaves_load_pipeline_as_spacy_made_it(small_corpus, tmp_path):
    """The batch engine's speed-ups go into a pipeline of its own: the one load_pipeline() gives a
    user (who may save it with to_disk) keeps spaCy's attribute ruler and lemmatizer."""
    from extractor import load_pipeline
    from extractor.engines.annotate import batch_pipeline
    from extractor.speedups import _Slot

    run([small_corpus], tmp_path / "o", limit=1)
    assert any(isinstance(p, _Slot) for _, p in batch_pipeline().pipeline) or "lemmatizer" not in batch_pipeline().pipe_names
    assert not any(isinstance(p, _Slot) for _, p in load_pipeline().pipeline)
