"""Writers: rows -> csv / parquet / jsonl, one file a table, appended batch by batch and renamed into
place only when the run completes, so a table in OUT is never half-written. One writer (TableWriter)
for every table the project writes; it knows the table schemas (rows.COLUMNS), nothing of spaCy."""
from __future__ import annotations

import csv
import io
import json
import math
import os
from pathlib import Path
from typing import Any

from ..rows import COLUMNS, TABLES, dtype

FORMATS = ("csv", "parquet", "jsonl")
# Cells a spreadsheet would run as a formula (OWASP CSV injection): prefixed with a quote by --excel.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(table: str, column: str, value: Any) -> Any:
    """A value coerced to its column's type: int, float (finite) or None, bool or None, or str."""
    return coerce(dtype(table, column), value)


def coerce(kind: str, value: Any) -> Any:
    """VALUE coerced to the pandas dtype KIND (see cell())."""
    if kind == "string" and type(value) is str:  # most cells: a string already, kept as it is
        return value
    if value is None or value == "":
        return None if kind != "string" else ""
    if kind in ("int64", "Int64"):
        if type(value) is int:
            return value
        try:
            return int(value)
        except (TypeError, ValueError):
            return None
    if kind == "float64":
        try:
            v = float(value)
        except (TypeError, ValueError):
            return None
        return v if math.isfinite(v) else None
    if kind == "boolean":
        if isinstance(value, str):
            return value.strip().lower() in ("true", "1", "yes")
        return bool(value)
    return str(value)


# Each table's columns with their dtypes, looked up once: rows.dtype() for every cell was a fifth
# of the time spent writing.
COLUMN_KINDS = {t: tuple((c, dtype(t, c)) for c in COLUMNS[t]) for t in TABLES}


def typed_row(table: str, row: dict[str, Any]) -> dict[str, Any]:
    get = row.get
    return {c: coerce(kind, get(c)) for c, kind in COLUMN_KINDS[table]}


def csv_text(value: Any, excel: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        # 7449 rather than 7449.0: integral values read back the same and look like what was written.
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    s = str(value)
    if excel and s.startswith(FORMULA_START):
        return "'" + s
    return s


def encode_rows(table: str, rows: list[dict[str, Any]], fmt: str, excel: bool = False) -> str | bytes:
    """ROWS of TABLE as the text (CSV, JSON lines) or bytes (an Arrow IPC message, Parquet's spool)
    that TableWriter appends to the table's spool: the same bytes wherever they are made, so worker
    processes encode their rows and the parent only appends them (issue 19: the parent's CPU is
    taken from the workers on a machine with as many cores as workers). Concatenated encodings of
    consecutive row lists are the encoding of the rows one after the other."""
    typed = [typed_row(table, r) for r in rows]
    if fmt == "csv":
        buf = io.StringIO(newline="")
        csv.writer(buf, **CSV_DIALECT).writerows([csv_text(r[c], excel) for c in COLUMNS[table]] for r in typed)
        return buf.getvalue()
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in typed)
    import pyarrow as pa

    return pa.RecordBatch.from_pylist(typed, schema=arrow_schema(table)).serialize().to_pybytes()


def arrow_schema(table: str):
    import pyarrow as pa

    types = {"int64": pa.int64(), "Int64": pa.int64(), "float64": pa.float64(), "boolean": pa.bool_()}
    return pa.schema([(c, types.get(dtype(table, c), pa.string())) for c in COLUMNS[table]])


ROW_GROUP = 100_000  # rows per Parquet row group: fixed, so that resumed and uninterrupted runs match
CSV_DIALECT = {"lineterminator": "\r\n"}  # RFC 4180; it also makes the csv module quote a lone \r


def table_path(out: Path, table: str, fmt: str) -> Path:
    """Where a finished table lives: OUT/<table>.<fmt>."""
    return Path(out) / f"{table}.{fmt}"


def spool_path(out: Path, table: str, fmt: str) -> Path:
    """Where a table grows until the run completes: OUT/<table>.<fmt>.part, or an Arrow IPC stream
    OUT/<table>.arrows.part for Parquet (a Parquet file cannot be appended to once its writer dies)."""
    return Path(out) / f"{table}.{'arrows' if fmt == 'parquet' else fmt}.part"


def fsync(f) -> None:
    """Flush F and make its bytes durable (on disk, not only in the page cache)."""
    f.flush()
    os.fsync(f.fileno())


class TableWriter:
    """The one writer of tables: appends rows to a spool file a table in OUT; commit() moves them
    into place, so a table in OUT is never half-written. CSV is RFC 4180 (CRLF line ends, every cell
    that holds a quote, a comma, a CR or an LF quoted), so plain pandas.read_csv reads back one row
    per row written. sync() makes what was written durable and returns each spool's size, the
    commit points that io/store.py records for --resume. A fresh writer starts empty spools with
    their headers; with APPEND it continues the spools already in OUT (cut back to OFFSETS)."""

    def __init__(self, out: Path, fmt: str = "csv", *, excel: bool = False,
                 append: bool = False, offsets: dict[str, int] | None = None) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
        self.out, self.fmt, self.excel = Path(out), fmt, excel
        self.files: dict[str, Any] = {}
        self.counts = {t: 0 for t in TABLES}
        if not append:
            self._start_spools()
        for t in TABLES:
            if offsets is not None:
                os.truncate(self.spool(t), offsets[t])
            self._open_append(t)

    def final(self, table: str) -> Path:
        return table_path(self.out, table, self.fmt)

    def spool(self, table: str) -> Path:
        return spool_path(self.out, table, self.fmt)

    def _start_spools(self) -> None:
        """Empty spool files holding only their headers (the CSV header, the Arrow schema)."""
        self.out.mkdir(parents=True, exist_ok=True)
        for t in TABLES:
            if self.fmt == "parquet":
                with open(self.spool(t), "wb") as f:
                    f.write(arrow_schema(t).serialize().to_pybytes())
                    fsync(f)
                continue
            # utf-8-sig so that Excel reads the encoding right; plain UTF-8 otherwise.
            enc = "utf-8-sig" if self.excel and self.fmt == "csv" else "utf-8"
            with open(self.spool(t), "w", encoding=enc, newline="") as f:
                if self.fmt == "csv":
                    csv.writer(f, **CSV_DIALECT).writerow(COLUMNS[t])
                fsync(f)

    def _open_append(self, table: str) -> None:
        if self.fmt == "parquet":
            self.files[table] = open(self.spool(table), "ab")
            return
        # Plain UTF-8 when appending: the BOM of --excel is at the start of the file already.
        self.files[table] = open(self.spool(table), "a", encoding="utf-8", newline="")

    def write(self, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        self.write_encoded(table, encode_rows(table, rows, self.fmt, self.excel), len(rows))

    def write_encoded(self, table: str, data: str | bytes, n_rows: int) -> None:
        """Append rows already encoded by encode_rows() (by a worker process, say): N_ROWS of them."""
        if not n_rows:
            return
        self.counts[table] += n_rows
        self.files[table].write(data)

    def sync(self) -> dict[str, int]:
        """Flush and fsync every spool; their sizes in bytes (where the rows written so far end)."""
        for f in self.files.values():
            fsync(f)
        return {t: os.fstat(self.files[t].fileno()).st_size for t in TABLES}

    def commit(self) -> None:
        """Close every table and move it into place (Parquet converted from its spool first)."""
        self.close()
        for t in TABLES:
            if self.fmt == "parquet":
                part = self.out / f"{t}.parquet.part"
                spool_to_parquet(self.spool(t), part, t)
                os.replace(part, self.final(t))
                self.spool(t).unlink()
            else:
                os.replace(self.spool(t), self.final(t))

    def abort(self) -> None:
        """Close the spools and leave them as they are (nothing is moved into place)."""
        self.close()

    def close(self) -> None:
        for f in self.files.values():
            f.close()
        self.files.clear()


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


def parquet_to_spool(src: Path, spool: Path, table: str) -> None:
    """A finished Parquet table back as an Arrow IPC spool (to append to it: --resume)."""
    import pyarrow.parquet as pq

    with open(spool, "wb") as f:
        f.write(arrow_schema(table).serialize().to_pybytes())
        for batch in pq.ParquetFile(src).iter_batches(batch_size=10_000):
            f.write(batch.serialize().to_pybytes())
        fsync(f)


def read_table(path: Path):
    """A table written by TableWriter, as a pandas DataFrame with the documented dtypes."""
    import pandas as pd

    path = Path(path)
    table = path.name.split(".")[0]
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    if path.suffix == ".jsonl":
        df = pd.read_json(path, lines=True, dtype=False) if path.stat().st_size else pd.DataFrame(columns=COLUMNS[table])
    else:
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    for c in df.columns:
        kind = dtype(table, c) if table in COLUMNS else "string"
        if kind == "string":
            df[c] = df[c].fillna("").astype(str)
        elif kind == "boolean":
            df[c] = df[c].map(lambda v: None if v in ("", None) else str(v).lower() == "true").astype("boolean")
        elif kind == "float64":
            df[c] = pd.to_numeric(df[c].replace("", None), errors="coerce").astype("float64")
        else:
            df[c] = pd.to_numeric(df[c].replace("", None), errors="coerce").astype("Int64")
    return df
