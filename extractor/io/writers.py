"""Writers: rows -> csv / parquet / jsonl, one file a table, appended batch by batch and renamed into
place only when the run completes, so a table in OUT is never half-written."""
from __future__ import annotations

import csv
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
    kind = dtype(table, column)
    if value is None or value == "":
        return None if kind != "string" else ""
    if kind in ("int64", "Int64"):
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


def typed_row(table: str, row: dict[str, Any]) -> dict[str, Any]:
    return {c: cell(table, c, row.get(c)) for c in COLUMNS[table]}


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


def arrow_schema(table: str):
    import pyarrow as pa

    types = {"int64": pa.int64(), "Int64": pa.int64(), "float64": pa.float64(), "boolean": pa.bool_()}
    return pa.schema([(c, types.get(dtype(table, c), pa.string())) for c in COLUMNS[table]])


class TableWriter:
    """Appends rows to OUT/<table>.<fmt>.part files; commit() renames them into place."""

    def __init__(self, out: Path, fmt: str = "csv", *, excel: bool = False) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
        self.out, self.fmt, self.excel = Path(out), fmt, excel
        self.out.mkdir(parents=True, exist_ok=True)
        self.files: dict[str, Any] = {}
        self.csv: dict[str, Any] = {}
        self.parquet: dict[str, Any] = {}
        self.counts = {t: 0 for t in TABLES}
        for t in TABLES:
            self._open(t)

    def path(self, table: str) -> Path:
        return self.out / f"{table}.{self.fmt}"

    def _open(self, table: str) -> None:
        part = Path(str(self.path(table)) + ".part")
        if self.fmt == "parquet":
            import pyarrow.parquet as pq

            self.parquet[table] = pq.ParquetWriter(part, arrow_schema(table))
            return
        # utf-8-sig so that Excel reads the encoding right; plain UTF-8 otherwise.
        f = open(part, "w", encoding="utf-8-sig" if self.excel and self.fmt == "csv" else "utf-8", newline="")
        self.files[table] = f
        if self.fmt == "csv":
            # CRLF as RFC 4180 says; it also makes the csv module quote a cell holding a lone \r,
            # which pandas and spreadsheets would otherwise read as a line break.
            w = csv.writer(f, lineterminator="\r\n")
            w.writerow(COLUMNS[table])
            self.csv[table] = w

    def write(self, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        typed = [typed_row(table, r) for r in rows]
        self.counts[table] += len(typed)
        if self.fmt == "csv":
            self.csv[table].writerows([csv_text(r[c], self.excel) for c in COLUMNS[table]] for r in typed)
        elif self.fmt == "jsonl":
            self.files[table].write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in typed))
        else:
            import pyarrow as pa

            self.parquet[table].write_table(pa.Table.from_pylist(typed, schema=arrow_schema(table)))

    def commit(self) -> None:
        """Close every table and move it into place (an atomic rename on one file system)."""
        self._close()
        for t in TABLES:
            os.replace(str(self.path(t)) + ".part", self.path(t))

    def abort(self) -> None:
        self._close()

    def _close(self) -> None:
        for f in self.files.values():
            f.close()
        for w in self.parquet.values():
            w.close()
        self.files.clear()
        self.parquet.clear()


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
