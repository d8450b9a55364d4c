"""extractor/spacy_cli.py: `import extractor` imports spaCy without its command-line modules, and
spacy.cli still works afterwards."""
import subprocess
import sys

CHECK = """
import sys
import extractor, spacy
print(any(k == "spacy.cli" or k.startswith("spacy.cli.") for k in sys.modules))
print(spacy.info.__module__)
import spacy.cli.info
real = sys.modules["spacy.cli.info"].info
print(real.__module__, callable(spacy.cli.download))
print(sorted(spacy.info()) == sorted(real()))
"""


def run_check(env: dict | None = None) -> list[str]:
    import os
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, check=True,
                         env={**os.environ, **(env or {})})
    return out.stdout.split("\n")


def test_import_extractor_leaves_spacy_cli_out_until_asked():
    lines = run_check()
    assert lines[0] == "False"              # no spacy.cli module imported by `import extractor`
    assert lines[1] == "extractor.spacy_cli"  # spacy.info is the stand-in ...
    assert lines[2] == "spacy.cli.info True"  # ... and the real spacy.cli imports afterwards
    assert lines[3] == "True"               # spacy.info() answers as spaCy's own


def test_eager_when_asked():
    lines = run_check({"EXTRACTOR_EAGER_SPACY_CLI": "1"})
    assert lines[0] == "True"
    assert lines[1] == "spacy.cli.info"


def test_nothing_done_once_spacy_is_imported():
    from extractor.spacy_cli import defer_spacy_cli

    assert "spacy" in sys.modules
    assert defer_spacy_cli() is False
    assert "spacy.cli.info" not in sys.modules or not type(sys.modules["spacy.cli.info"]).__name__.startswith("_Deferred")
