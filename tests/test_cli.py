"""The command line: exit codes, one-line usage errors, a bad file that does not stop a batch."""
from __future__ import annotations

import pandas as pd
from typer.testing import CliRunner

from extractor.cli import app

runner = CliRunner()


def test_run_with_a_bad_file_keeps_the_batch(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "2021-06-11-good.txt").write_text("UK Ambassador James Sharp visited Baku on June 10.", encoding="utf8")
    (src / "bad.txt").write_bytes(b"\x00\xff\x00 not text")
    (src / "empty.txt").write_text("   \n")
    res = runner.invoke(app, ["run", str(src), "-o", str(tmp_path / "out"), "--quiet"])
    assert res.exit_code == 1, res.output
    arts = pd.read_csv(tmp_path / "out" / "articles.csv", keep_default_na=False).set_index("article_id")
    assert arts.loc["2021-06-11-good.txt", "status"] == "ok"
    assert arts.loc["bad.txt", "status"] == "error" and "binary" in arts.loc["bad.txt", "error"]
    assert arts.loc["empty.txt", "status"] == "skipped"
    dates = pd.read_csv(tmp_path / "out" / "dates.csv")
    assert set(dates["article_id"]) <= {"2021-06-11-good.txt"}


def test_missing_input_is_usage_error(tmp_path):
    res = runner.invoke(app, ["run", str(tmp_path / "missing"), "-o", str(tmp_path / "out")])
    assert res.exit_code == 2
    assert "input not found" in res.output and "Traceback" not in res.output


def test_bad_option_values_are_usage_errors(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Text.")
    for args in (["--format", "xlsx"], ["--published", "31/31/2021"], ["--workers", "-3"]):
        res = runner.invoke(app, ["run", str(f), "-o", str(tmp_path / "o"), *args])
        assert res.exit_code == 2, (args, res.output)
        assert "Traceback" not in res.output


def test_occupied_out_is_refused_without_overwrite(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Text.")
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    res = runner.invoke(app, ["run", str(f), "-o", str(out)])
    assert res.exit_code == 2 and "not empty" in res.output
    res = runner.invoke(app, ["run", str(f), "-o", str(out), "--overwrite", "-q"])
    assert res.exit_code == 0 and (out / "notes.txt").read_text() == "mine"


def test_info_lists_components():
    res = runner.invoke(app, ["info"])
    assert res.exit_code == 0
    assert "news_dates" in res.output and "spacy" in res.output


def test_eval_scores_against_gold(tmp_path):
    text = "President Joe Biden spoke in Paris on Monday."
    gold = tmp_path / "g.jsonl"
    import json
    gold.write_text(json.dumps({"id": "1", "text": text, "dct": "2021-06-11", "spans": [
        {"start": 10, "end": 19, "label": "PER", "text": "Joe Biden"},
        {"start": 29, "end": 34, "label": "LOC", "text": "Paris"}]}) + "\n")
    res = runner.invoke(app, ["eval", str(gold)])
    assert res.exit_code == 0, res.output
    assert "people" in res.output and "places" in res.output


def test_eval_missing_gold(tmp_path):
    res = runner.invoke(app, ["eval", str(tmp_path / "nope.jsonl")])
    assert res.exit_code == 2 and "not found" in res.output
