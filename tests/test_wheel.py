"""The built wheel carries the rule data: models/ goes in as the package extractor.models, so a
plain (not editable) `pip install .` runs without the checkout (issue 12)."""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile

import pytest

from .conftest import ROOT

# Files the components read at run time, one per kind of data file (json, tsv.gz, ...).
RULE_DATA = ("extractor/models/figures/units.json", "extractor/models/gazetteer/places.tsv.gz",
             "extractor/models/gazetteer/places.index")


@pytest.mark.wheel
def test_wheel_contains_the_rule_data(tmp_path):
    # Built from a copy of the sources, so that the build leaves nothing (build/, *.egg-info) in the checkout.
    src = tmp_path / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("extractor", "models"):
        shutil.copytree(ROOT / name, src / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "--no-build-isolation",
                           "--no-index", "-q", "-w", str(tmp_path / "dist")], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    [wheel] = (tmp_path / "dist").glob("extractor-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in RULE_DATA:
        assert path in names, path
    data = {n for n in names if n.startswith("extractor/models/")}
    in_tree = {"extractor/models/" + p.relative_to(ROOT / "models").as_posix()
               for p in (ROOT / "models").rglob("*") if p.is_file() and "__pycache__" not in p.parts
               and p.suffix != ".pyc"}
    assert in_tree <= data, sorted(in_tree - data)[:10]
