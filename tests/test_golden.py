"""Golden test: a run over the whole of corpus/ gives, table by table, exactly the rows in
tests/golden/<table>.csv. The rows change on purpose when a rule changes: then refresh the
expected files with `make golden` (python -m tests.test_golden) and read the diff in review."""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

from extractor.rows import TABLES

try:
    from .conftest import CORPUS, ROOT
except ImportError:  # run as a script by `make golden`
    from tests.conftest import CORPUS, ROOT

GOLDEN = Path(__file__).resolve().parent / "golden"


def run_tables(out: Path) -> dict[str, pd.DataFrame]:
    """Every table of a run of corpus/ into OUT, as strings exactly as written, with the source
    column relative to the repository (so that the expected files hold no machine's paths)."""
    from extractor.batch import run

    run([CORPUS], out)
    tables = {t: pd.read_csv(out / f"{t}.csv", dtype=str, keep_default_na=False) for t in TABLES}
    tables["articles"]["source"] = [Path(s).resolve().relative_to(ROOT).as_posix() for s in tables["articles"]["source"]]
    return tables


def expected(table: str) -> pd.DataFrame:
    path = GOLDEN / f"{table}.csv"
    if not path.exists():
        pytest.fail(f"no expected rows for {table}: run `make golden` to write tests/golden/{table}.csv")
    return pd.read_csv(path, dtype=str, keep_default_na=False)


@pytest.fixture(scope="session")
def corpus_run(tmp_path_factory) -> dict[str, pd.DataFrame]:
    """One run of corpus/ for the whole session (about 10 s)."""
    return run_tables(tmp_path_factory.mktemp("golden") / "out")


def test_golden_covers_all_of_corpus(corpus_run):
    articles = {p.name for p in CORPUS.iterdir() if p.suffix == ".txt"}
    assert set(corpus_run["articles"]["article_id"]) == articles
    assert set(corpus_run["articles"]["status"]) == {"ok"}


@pytest.mark.parametrize("table", TABLES)
def test_corpus_rows_are_the_golden_rows(corpus_run, table):
    try:
        pd.testing.assert_frame_equal(corpus_run[table], expected(table), check_exact=True)
    except AssertionError as e:
        raise AssertionError(f"{table} of corpus/ differs from tests/golden/{table}.csv; if the change "
                             f"is meant, run `make golden` and review the diff\n{e}") from None


def refresh(folder: Path = GOLDEN) -> None:
    """Rewrite the expected files from a fresh run (what `make golden` does)."""
    import tempfile

    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tables = run_tables(Path(tmp) / "out")
    for old in folder.glob("*.csv"):
        old.unlink()
    for table, df in tables.items():
        df.to_csv(folder / f"{table}.csv", index=False, lineterminator="\r\n")
        print(f"{folder / table}.csv: {len(df)} rows", file=sys.stderr)


if __name__ == "__main__":
    refresh()
