"""`import spacy` without spaCy's command-line modules (issue 19: start-up).

spacy/__init__.py runs `from .cli.info import info`, which imports the whole of spacy.cli: every
command (train, debug data, download, project ...) and what they use (typer, weasel, requests): a
third to a half of the CPU of `import spacy`, paid by every run before the first article although
no table needs any of it. defer_spacy_cli(), called before spaCy is first imported, lets
that import find a stand-in module for spacy.cli.info whose `info` calls the real one when called;
the stand-in takes itself out of sys.modules as soon as spaCy has read `info` from it, so any later
`import spacy.cli` (or spacy.cli.info) loads the real modules, as if nothing had happened. When
spaCy is already imported, it does nothing. EXTRACTOR_EAGER_SPACY_CLI=1 leaves the import as it is.
"""
from __future__ import annotations

import os
import sys
import types

INFO = "spacy.cli.info"


def spacy_info(*args, **kwargs):
    """spacy.info(): spaCy's own, from the real spacy.cli.info (imported on this first call)."""
    from spacy.cli.info import info

    return info(*args, **kwargs)


class _DeferredInfo(types.ModuleType):
    """What `from .cli.info import info` finds in sys.modules while spaCy is being imported."""

    def __getattr__(self, name: str):
        if name != "info":
            raise AttributeError(name)
        # spaCy has what it needs: later imports of spacy.cli.info get the real module.
        if sys.modules.get(INFO) is self:
            del sys.modules[INFO]
        return spacy_info


def defer_spacy_cli() -> bool:
    """Install the stand-in when spaCy is not imported yet; whether it was installed."""
    if "spacy" in sys.modules or INFO in sys.modules or os.environ.get("EXTRACTOR_EAGER_SPACY_CLI"):
        return False
    sys.modules[INFO] = _DeferredInfo(INFO)
    return True
