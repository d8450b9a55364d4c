"""Shared plumbing for the news components: the Doc extensions they write, where rule data lives, and
the lifecycle (initialize / to_disk / from_disk) they all follow."""
from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

# Every kind writes plain dicts (char offsets + table columns), never Span objects, so that docs
# survive pickling between worker processes (STYLE habit 3).
KINDS = ("dates", "places", "people", "officials", "figures", "organizations", "quotes")

for _name in (*KINDS, "published"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

# The rule data and its cached readers live in one module (extractor.resources); re-exported here for
# the components.
from ..resources import models_dir, models_path, read_json, read_jsonl  # noqa: E402,F401


class NotInitializedError(RuntimeError):
    """A component was called before its rule data was loaded (initialize() or from_disk())."""


class RuleDataComponent:
    """The lifecycle every news component shares, after spaCy's own rule components (span_ruler):

    - its rule data is a set of files named by relative paths (``data_files()``, from its config);
    - ``initialize()`` reads them from models/ (or from ``data_dir``), ``from_disk()`` from a folder
      that ``to_disk()`` wrote, so ``nlp.to_disk(path)`` then ``spacy.load(path)`` gives the same rows;
    - nothing is read at import time or in ``__call__``; calling an uninitialized component raises
      NotInitializedError with what to do.

    A subclass implements ``data_files()`` and ``load_data(root)``, which builds its lexicons from the
    files under ROOT (``root / relative_path``). Per-document state never lives on ``self``."""

    name: str = "news_component"
    _data_root: Path | None = None

    def data_files(self) -> tuple[str, ...]:
        """The files of rule data this component reads, relative to models/ (or to its saved folder)."""
        raise NotImplementedError

    def load_data(self, root: Path) -> None:
        """Build the component's lexicons and patterns from the files under ROOT."""
        raise NotImplementedError

    @property
    def is_initialized(self) -> bool:
        return self._data_root is not None

    def initialize(self, get_examples: Callable | None = None, *, nlp: Any = None,
                   data_dir: str | None = None) -> None:
        """Load the rule data from DATA_DIR, or from the package's models/ folder."""
        self._load(Path(data_dir) if data_dir else models_dir())

    def require_data(self) -> None:
        """Raise NotInitializedError unless initialize() or from_disk() has run."""
        if self._data_root is None:
            raise NotInitializedError(
                f"{self.name}: rule data not loaded; call nlp.initialize() (or "
                f"nlp.get_pipe({self.name!r}).initialize()) after add_pipe, or use extractor.load_pipeline()")

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the component's rule data files under PATH, keeping their relative paths."""
        self.require_data()
        dest = Path(path)
        for rel in self.data_files():
            target = dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self._data_root / rel, target)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "RuleDataComponent":
        """Load the rule data that to_disk() wrote under PATH."""
        self._load(Path(path))
        return self

    def _load(self, root: Path) -> None:
        self.load_data(root)
        self._data_root = root


def token_indices(values: list[int], ids: set[int] | frozenset[int]) -> list[int]:
    """Indices of the tokens whose string id (VALUES: one attribute of every token, as from
    doc.to_array(ORTH).tolist()) is one of IDS, in order: no Token object per word, and on news-sized
    docs a set lookup per id is cheaper than numpy.isin's set-up. A C-level set intersection first
    skips the Python loop on the many docs that hold none of IDS. IDS must be get_string_id values
    (spaCy's built-in symbols have small ids, not hashes). One id is found by list.index, a C-level
    scan from one place of it to the next, where the loop would visit every token."""
    if len(ids) == 1:
        (value,) = ids
        out = []
        try:
            i = values.index(value)
            while True:
                out.append(i)
                i = values.index(value, i + 1)
        except ValueError:
            return out
    if not ids or ids.isdisjoint(values):
        return []
    return [i for i, value in enumerate(values) if value in ids]


# --- the text of a Doc, read once ----------------------------------------------------------------

# doc.user_data key of the Doc's text. spaCy rebuilds doc.text from every token at each access, and
# dates, figures, people, quotes, truecase and the row builder each need the whole text of every doc
# (about 1% of a run of one-sentence documents): the engine stores the text it makes the Doc from
# (pipeline.article_doc), or the first reader stores it here.
TEXT_KEY = "extractor.text"


def doc_text(doc: Doc) -> str:
    """DOC's text (doc.text), kept in doc.user_data after the first call. A kept text is used only
    while it still fits DOC (as many tokens, as many characters): a Doc made from others
    (Doc.from_docs, Span.as_doc) may carry another Doc's user_data."""
    kept = doc.user_data.get(TEXT_KEY)
    if kept is not None and kept[0] == len(doc) and kept[1] == _char_length(doc):
        return kept[2]
    text = doc.text
    doc.user_data[TEXT_KEY] = (len(doc), len(text), text)
    return text


def keep_doc_text(doc: Doc, text: str) -> None:
    """Store TEXT, the string DOC was just made from (nlp.make_doc(text)), as doc_text()'s answer."""
    doc.user_data[TEXT_KEY] = (len(doc), len(text), text)


def _char_length(doc: Doc) -> int:
    """len(doc.text), without building the text: where the last token and its whitespace end."""
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)
