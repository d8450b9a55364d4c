"""Writers: every format round-trips with the documented types; --excel neutralises formulas."""
from __future__ import annotations

import pandas as pd
import pytest

from extractor.io.writers import TableWriter, read_table
from extractor.rows import COLUMNS, MENTION_TABLES, TABLES

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


TRICKY_ARTICLES = [
    {"id": "cr\rin,id", "title": 'Lone\rreturn, "quoted" title', "author": "=HYPERLINK(\"http://x\",\"Ann\")",
     "published": "2021-06-11",
     "text": "On Friday,\rPresident Ilham Aliyev said in Baku that 7,449 mines had been defused.\r"
             "The \"United Nations\", in Geneva, said =HYPERLINK(\"http://x\") was a link.\n"},
    {"id": "lone cr", "title": "A lone\rreturn alone", "author": "Ann\rSmith", "published": "2021-06-11",
     "text": "Talks in Geneva\rresumed on Monday.\rThe minister said 40 people attended."},
    {"id": "two", "title": "new\nline\r\nand CRLF", "author": "Smith, John",
     "published": "2021-06-12",
     "text": "Prime Minister Boris Johnson,\r\nspeaking in London on Monday, said \"12%\" more,\n"
             "up from 3,000 in 2020.\r\r+1 -1 @handle"},
]


def test_run_tables_read_back_with_plain_pandas(tmp_path):
    """What `extractor run` writes: every table reads back with plain pandas.read_csv, one row per
    row written (RunSummary counts them), and every mention's text is its article's text at
    start:end, whatever CRs, quotes, commas, newlines and formulas the articles hold."""
    import json

    from extractor.batch import run

    src = tmp_path / "tricky.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in TRICKY_ARTICLES), encoding="utf8")
    summary = run([src], tmp_path / "out")
    assert summary.status["ok"] == len(TRICKY_ARTICLES)
    tables = {t: pd.read_csv(tmp_path / "out" / f"{t}.csv", dtype=str, keep_default_na=False) for t in TABLES}
    arts = tables["articles"].set_index("article_id")
    assert list(arts.index) == [a["id"] for a in TRICKY_ARTICLES]
    for a in TRICKY_ARTICLES:
        assert arts.loc[a["id"], "title"] == a["title"] and arts.loc[a["id"], "author"] == a["author"]
    texts = {a["id"]: a["text"] for a in TRICKY_ARTICLES}
    for t in TABLES[1:]:
        assert len(tables[t]) == summary.rows[t], t
    for t in MENTION_TABLES:
        for r in tables[t].to_dict("records"):
            assert texts[r["article_id"]][int(r["start"]):int(r["end"])] == r["text"], (t, r)
    assert sum(summary.rows.values()) > 5  # the texts do give rows (people, places, dates, figures)


@pytest.mark.parametrize("fmt,excel", [("csv", False), ("csv", True), ("parquet", False), ("jsonl", False)])
def test_rows_encoded_elsewhere_write_the_same_bytes(tmp_path, fmt, excel):
    """What a worker encodes (encode_rows, article by article, joined) and the parent appends is
    byte for byte what TableWriter.write() of the same rows writes."""
    from extractor.io.writers import encode_rows

    other = dict(ROW, article_id="b", unit="+3 mines", value=2.5)
    direct = TableWriter(tmp_path / "direct", fmt, excel=excel)
    for rows in ([ROW], [other, ROW]):
        direct.write("figures", rows)
    direct.commit()
    parts = [encode_rows("figures", rows, fmt, excel) for rows in ([ROW], [other, ROW])]
    encoded = TableWriter(tmp_path / "encoded", fmt, excel=excel)
    encoded.write_encoded("figures", parts[0][:0].join(parts), 3)
    encoded.commit()
    for t in TABLES:
        name = f"{t}.{fmt}"
        assert (tmp_path / "direct" / name).read_bytes() == (tmp_path / "encoded" / name).read_bytes()
    assert encoded.counts["figures"] == 3


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
@pytest.mark.parametrize("excel", [False, True])
def test_batch_encoded_at_once_is_each_article_encoded_in_turn(fmt, excel):
    # engines.annotate.encode_results encodes a batch's rows of a table in one call (CSV, JSON
    # lines): the bytes must be those of encoding each article's rows on its own, one after the other.
    from extractor.engines.annotate import encode_results
    from extractor.io.writers import encode_rows

    def quote(aid, i, text):
        return {"article_id": aid, "start": i, "end": i + len(text), "text": text, "sentence": 0,
                "speaker": "=Ann \"Lee\"", "speaker_start": None, "speaker_end": None}

    results = [({"article_id": "a"}, {"quotes": [quote("a", 0, 'he said "no",\r\nthen'), quote("a", 9, "x")]}),
               ({"article_id": "b"}, {"quotes": []}),
               ({"article_id": "c"}, {"quotes": [quote("c", 3, "=1+2")], "people": []})]
    encoded = encode_results(results, fmt, excel)
    one_by_one = "".join(encode_rows("quotes", rows["quotes"], fmt, excel) for _, rows in results if rows["quotes"])
    assert encoded.tables == {"quotes": one_by_one}
    assert encoded.counts == [{"quotes": 2}, {"quotes": 0}, {"quotes": 1, "people": 0}]
    assert encoded.tables["quotes"].count("\n") >= 3  # rows of both articles are there
