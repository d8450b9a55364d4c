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

from .writers import FORMATS, arrow_schema, csv_text, typed_row
from ..rows import COLUMNS, TABLES

MANIFEST = ".manifest.jsonl"
VERSION = 1
ROW_GROUP = 100_000  # rows per Parquet row group: fixed, so that resumed and uninterrupted runs match


def _fsync(f) -> None:
    f.flush()
    os.fsync(f.fileno())


class ChunkedWriter:
    """Appends rows to the spool files of OUT; commit_batch() makes what was written durable."""

    def __init__(self, out: Path, fmt: str = "csv", *, excel: bool = False) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
        self.out, self.fmt, self.excel = Path(out), fmt, excel
        self.files: dict[str, Any] = {}
        self.csv: dict[str, Any] = {}
        self.manifest = None

    # -- paths
    def final(self, table: str) -> Path:
        return self.out / f"{table}.{self.fmt}"

    def spool(self, table: str) -> Path:
        ext = "arrows" if self.fmt == "parquet" else self.fmt
        return self.out / f"{table}.{ext}.part"

    @property
    def manifest_path(self) -> Path:
        return self.out / MANIFEST

    # -- opening
    def start(self, batch_size: int | None = None) -> None:
        """A fresh run: empty spool files with their headers, and a manifest holding only its header."""
        self.out.mkdir(parents=True, exist_ok=True)
        for t in TABLES:
            if self.fmt == "parquet":
                f = open(self.spool(t), "wb")
                f.write(arrow_schema(t).serialize().to_pybytes())
            else:
                # utf-8-sig so that Excel reads the encoding right; plain UTF-8 otherwise.
                enc = "utf-8-sig" if self.excel and self.fmt == "csv" else "utf-8"
                f = open(self.spool(t), "w", encoding=enc, newline="")
                if self.fmt == "csv":
                    csv.writer(f, lineterminator="\n").writerow(COLUMNS[t])
            _fsync(f)
            f.close()
        header = {"manifest": VERSION, "format": self.fmt, "excel": self.excel, "batch_size": batch_size,
                  "offsets": self.sizes()}
        with open(self.manifest_path, "w", encoding="utf-8") as m:
            m.write(json.dumps(header) + "\n")
            _fsync(m)
        self._open_append()

    def reopen(self, offsets: dict[str, int], manifest_bytes: int) -> None:
        """Continue a run: cut every file back to its last committed size, then append."""
        for t in TABLES:
            os.truncate(self.spool(t), offsets[t])
        os.truncate(self.manifest_path, manifest_bytes)
        self._open_append()

    def _open_append(self) -> None:
        for t in TABLES:
            if self.fmt == "parquet":
                self.files[t] = open(self.spool(t), "ab")
            else:
                f = open(self.spool(t), "a", encoding="utf-8", newline="")
                self.files[t] = f
                if self.fmt == "csv":
                    self.csv[t] = csv.writer(f, lineterminator="\n")
        self.manifest = open(self.manifest_path, "a", encoding="utf-8")

    def sizes(self) -> dict[str, int]:
        return {t: self.spool(t).stat().st_size for t in TABLES}

    # -- writing
    def write(self, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        typed = [typed_row(table, r) for r in rows]
        if self.fmt == "csv":
            self.csv[table].writerows([csv_text(r[c], self.excel) for c in COLUMNS[table]] for r in typed)
        elif self.fmt == "jsonl":
            self.files[table].write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in typed))
        else:
            import pyarrow as pa

            batch = pa.RecordBatch.from_pylist(typed, schema=arrow_schema(table))
            self.files[table].write(batch.serialize().to_pybytes())

    def commit_batch(self, articles: list[list[str]], totals: dict[str, Any]) -> None:
        """Make the rows written so far durable, then record the batch as finished."""
        for f in self.files.values():
            _fsync(f)
        line = {"articles": articles, "offsets": {t: os.fstat(self.files[t].fileno()).st_size for t in TABLES},
                "totals": totals}
        self.manifest.write(json.dumps(line, ensure_ascii=False) + "\n")
        _fsync(self.manifest)

    # -- closing
    def finish(self) -> None:
        """Close the spools and move every table into place; the manifest goes."""
        self.close()
        for t in TABLES:
            if self.fmt == "parquet":
                part = self.out / f"{t}.parquet.part"
                spool_to_parquet(self.spool(t), part, t)
                os.replace(part, self.final(t))
                self.spool(t).unlink()
            else:
                os.replace(self.spool(t), self.final(t))
        self.manifest_path.unlink(missing_ok=True)

    def close(self) -> None:
        for f in self.files.values():
            f.close()
        self.files.clear()
        self.csv.clear()
        if self.manifest is not None:
            self.manifest.close()
            self.manifest = None


def spool_to_parquet(spool: Path, dest: Path, table: str) -> None:
    """The Arrow IPC stream SPOOL as a Parquet file DEST, in row groups of ROW_GROUP rows, streaming."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(table)
    with pa.memory_map(str(spool)) as src, pq.ParquetWriter(dest, schema) as w:
        buf: list = []
        n = 0
        for batch in pa.ipc.open_stream(src):
            buf.append(batch)
            n += batch.num_rows
            while n >= ROW_GROUP:
                t = pa.Table.from_batches(buf, schema=schema)
                w.write_table(t.slice(0, ROW_GROUP), row_group_size=ROW_GROUP)
                rest = t.slice(ROW_GROUP)
                buf, n = rest.to_batches(), rest.num_rows
        if n:
            w.write_table(pa.Table.from_batches(buf, schema=schema), row_group_size=ROW_GROUP)


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
        _fsync(m)
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


def parquet_to_spool(src: Path, spool: Path, table: str) -> None:
    import pyarrow.parquet as pq

    with open(spool, "wb") as f:
        f.write(arrow_schema(table).serialize().to_pybytes())
        for batch in pq.ParquetFile(src).iter_batches(batch_size=10_000):
            f.write(batch.serialize().to_pybytes())
        _fsync(f)
