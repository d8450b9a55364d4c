"""Shared fixtures: the pipeline once per session, paths to the sample corpus and the dev data."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SEED = CORPUS / "azernews-2021-06-11-demining.txt"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def nlp():
    from extractor import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf8")


def copy_corpus(tmp_path_factory, n: int) -> Path:
    """A folder holding the first N articles of corpus/ (sorted), for tests that run batches."""
    import shutil

    d = tmp_path_factory.mktemp("corpus")
    for f in sorted(CORPUS.glob("*.txt"))[:n]:
        shutil.copy(f, d / f.name)
    return d


def shared(path: str) -> Path:
    """A dev-data file from ../shared/data; the test is skipped where the folder is absent."""
    p = SHARED_DATA / path
    if not p.exists():
        pytest.skip(f"dev data not present: {p}")
    return p
