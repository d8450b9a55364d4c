"""Tables written in committed chunks, with a manifest of finished articles, so that a run killed at
any moment (kill -9 included) resumes to tables identical to an uninterrupted run.

During a run each table grows in OUT/<table>.<fmt>.part (CSV, JSON lines) or OUT/<table>.arrows.part
(an Arrow IPC stream, turned into Parquet at the end: a Parquet file cannot be appended to once its
writer dies). After every batch the files are flushed and fsynced, then one line is appended to
OUT/.manifest.jsonl: the batch's articles (id, sha256, source), each file's size at that point and the
run's running totals. Bytes past the last manifest line are a torn tail: resume truncates them. When
the run completes, the files are renamed into place and the manifest is removed."""
from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .writers import FORMATS, TableWriter, fsync, parquet_to_spool, spool_path, table_path
from ..rows import TABLES

MANIFEST = ".manifest.jsonl"
VERSION = 1


class ChunkedWriter:
    """Rows go to a TableWriter (writers.py); commit_batch() makes them durable, then records the
    batch's articles and the size of every table at that point in the manifest."""

    def __init__(self, out: Path, fmt: str = "csv", *, excel: bool = False) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
        self.out, self.fmt, self.excel = Path(out), fmt, excel
        self.tables: TableWriter | None = None
        self.manifest = None

    def final(self, table: str) -> Path:
        return table_path(self.out, table, self.fmt)

    def spool(self, table: str) -> Path:
        return spool_path(self.out, table, self.fmt)

    @property
    def manifest_path(self) -> Path:
        return self.out / MANIFEST

    def start(self, batch_size: int | None = None) -> None:
        """A fresh run: empty tables with their headers, and a manifest holding only its header."""
        self.tables = TableWriter(self.out, self.fmt, excel=self.excel)
        header = {"manifest": VERSION, "format": self.fmt, "excel": self.excel, "batch_size": batch_size,
                  "offsets": self.tables.sync()}
        with open(self.manifest_path, "w", encoding="utf-8") as m:
            m.write(json.dumps(header) + "\n")
            fsync(m)
        self.manifest = open(self.manifest_path, "a", encoding="utf-8")

    def reopen(self, offsets: dict[str, int], manifest_bytes: int) -> None:
        """Continue a run: cut every table and the manifest back to the last commit, then append."""
        self.tables = TableWriter(self.out, self.fmt, excel=self.excel, append=True, offsets=offsets)
        os.truncate(self.manifest_path, manifest_bytes)
        self.manifest = open(self.manifest_path, "a", encoding="utf-8")

    def write(self, table: str, rows: list[dict[str, Any]]) -> None:
        self.tables.write(table, rows)

    def write_encoded(self, table: str, data: str | bytes, n_rows: int) -> None:
        """Append rows encoded by writers.encode_rows() (in a worker process)."""
        self.tables.write_encoded(table, data, n_rows)

    def commit_batch(self, articles: list[list[str]], totals: dict[str, Any]) -> None:
        """Make the rows written so far durable, then record the batch as finished."""
        line = {"articles": articles, "offsets": self.tables.sync(), "totals": totals}
        self.manifest.write(json.dumps(line, ensure_ascii=False) + "\n")
        fsync(self.manifest)

    def finish(self) -> None:
        """Move every table into place; the manifest goes."""
        self.close()
        self.tables.commit()
        self.manifest_path.unlink(missing_ok=True)

    def close(self) -> None:
        if self.tables is not None:
            self.tables.close()
        if self.manifest is not None:
            self.manifest.close()
            self.manifest = None


def read_manifest(path: Path) -> tuple[dict, Iterator[tuple[dict, int]]]:
    """(header, iterator of (batch line, manifest size after it)). A torn last line is left out."""
    f = open(path, "rb")
    first = f.readline()
    try:
        header = json.loads(first)
    except ValueError:
        header = {}
    if not first.endswith(b"\n") or header.get("manifest") != VERSION:
        f.close()
        raise ValueError(f"{path}: not a manifest of this version")
    header["_bytes"] = len(first)

    def lines() -> Iterator[tuple[dict, int]]:
        pos = len(first)
        with f:
            for raw in f:
                if not raw.endswith(b"\n"):
                    return
                try:
                    rec = json.loads(raw)
                except ValueError:
                    return
                pos += len(raw)
                yield rec, pos

    return header, lines()


def reopen_finished(out: Path, fmt: str, excel: bool, batch_size: int | None = None, batch: int = 1000) -> None:
    """Turn the finished tables of an earlier run in OUT back into spools with a manifest, so that
    --resume can append to them like to an interrupted run."""
    w = ChunkedWriter(out, fmt, excel=excel)
    totals = {"articles": 0, "status": {"ok": 0, "skipped": 0, "error": 0},
              "rows": {t: table_rows(w.final(t), fmt) for t in TABLES[1:]}, "words": 0}
    sizes = {}
    for t in TABLES:
        if fmt == "parquet":  # the spool is written first: its size is the committed offset
            parquet_to_spool(w.final(t), w.spool(t), t)
            sizes[t] = w.spool(t).stat().st_size
        else:
            sizes[t] = w.final(t).stat().st_size
    # Commit points exist only at the end (where each article's rows end is unknown): lines before
    # the last carry no offsets. The manifest appears (by rename) only once the tables have moved.
    tmp = out / (MANIFEST + ".tmp")
    with open(tmp, "w", encoding="utf-8") as m:
        m.write(json.dumps({"manifest": VERSION, "format": fmt, "excel": excel, "batch_size": batch_size,
                            "offsets": None}) + "\n")
        chunk: list = []
        for key, status, words in list_articles(w.final("articles"), fmt):
            chunk.append(key)
            totals["articles"] += 1
            totals["status"][status] = totals["status"].get(status, 0) + 1
            totals["words"] += words
            if len(chunk) >= batch:
                m.write(json.dumps({"articles": chunk, "offsets": None}, ensure_ascii=False) + "\n")
                chunk = []
        m.write(json.dumps({"articles": chunk, "offsets": sizes, "totals": totals}, ensure_ascii=False) + "\n")
        fsync(m)
    for t in TABLES:
        if fmt == "parquet":
            w.final(t).unlink()
        else:
            os.replace(w.final(t), w.spool(t))
    os.replace(tmp, w.manifest_path)


def list_articles(path: Path, fmt: str) -> Iterator[tuple[list[str], str, int]]:
    """([article_id, sha256, source], status, n_words) of each row of an articles table, streaming."""
    for r in iter_rows(path, fmt):
        yield ([str(r["article_id"]), str(r["sha256"] or ""), str(r["source"] or "")], str(r["status"]),
               int(r["n_words"] or 0))


def iter_rows(path: Path, fmt: str) -> Iterator[dict[str, Any]]:
    if fmt == "parquet":
        import pyarrow.parquet as pq

        for batch in pq.ParquetFile(path).iter_batches():
            yield from batch.to_pylist()
    elif fmt == "jsonl":
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    yield json.loads(line)
    else:
        with open(path, encoding="utf-8-sig", newline="") as f:
            yield from csv.DictReader(f)


def table_rows(path: Path, fmt: str) -> int:
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return pq.ParquetFile(path).metadata.num_rows
    return sum(1 for _ in iter_rows(path, fmt))
