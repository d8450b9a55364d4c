"""Writers: every format round-trips with the documented types; --excel neutralises formulas."""
from __future__ import annotations

import pandas as pd
import pytest

from extractor.io.writers import TableWriter, read_table
from extractor.rows import COLUMNS, TABLES

ROW = {"article_id": "a,1", "start": 3, "end": 9, "text": 'he said "hi"\nthen', "sentence": 0,
       "value": 7449.0, "value_max": None, "qualifier": "over", "unit": "=antipersonnel mines",
       "category": "count", "predicate": "defuse"}


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_round_trip(tmp_path, fmt):
    w = TableWriter(tmp_path, fmt)
    w.write("figures", [ROW])
    w.commit()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{t}.{fmt}" for t in TABLES)
    df = read_table(tmp_path / f"figures.{fmt}")
    assert list(df.columns) == list(COLUMNS["figures"])
    r = df.iloc[0]
    assert r["text"] == ROW["text"] and r["article_id"] == "a,1" and r["unit"] == "=antipersonnel mines"
    assert r["value"] == 7449.0 and pd.isna(r["value_max"]) and int(r["start"]) == 3
    assert len(read_table(tmp_path / f"people.{fmt}")) == 0


def test_excel_csv(tmp_path):
    w = TableWriter(tmp_path, "csv", excel=True)
    w.write("figures", [ROW])
    w.commit()
    raw = (tmp_path / "figures.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert read_table(tmp_path / "figures.csv").iloc[0]["unit"] == "'=antipersonnel mines"


def test_nothing_in_place_until_commit(tmp_path):
    w = TableWriter(tmp_path, "csv")
    w.write("figures", [ROW])
    assert not (tmp_path / "figures.csv").exists()
    w.abort()
    assert not (tmp_path / "figures.csv").exists()


@pytest.mark.parametrize("tricky", [
    'quote " inside', "comma, inside", "new\nline", "cr\r\nlf", "lone\rcr", "=SUM(A1)", "+1", "-1", "@handle", "\ttab",
    "emoji 🙂 and ١٢٣", "", "NA", "null", "  spaces  ",
])
def test_csv_round_trips_through_plain_pandas(tmp_path, tricky):
    """Without --excel a cell comes back from pandas.read_csv exactly as it went in."""
    w = TableWriter(tmp_path, "csv")
    w.write("organizations", [{"article_id": "a", "start": 0, "end": len(tricky), "text": tricky,
                               "sentence": 0, "name": tricky}])
    w.commit()
    df = pd.read_csv(tmp_path / "organizations.csv", dtype=str, keep_default_na=False)
    assert df.loc[0, "text"] == tricky and df.loc[0, "name"] == tricky


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@x", "\tx", "\rx"])
def test_excel_neutralises_formula_starts(tmp_path, cell):
    w = TableWriter(tmp_path, "csv", excel=True)
    w.write("organizations", [{"article_id": "a", "start": 0, "end": 1, "text": cell, "sentence": 0, "name": cell}])
    w.commit()
    df = pd.read_csv(tmp_path / "organizations.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert df.loc[0, "name"] == "'" + cell
