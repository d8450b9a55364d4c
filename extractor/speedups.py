"""Exact, faster stand-ins for two parts of the trained pipeline whose cost is Python overhead, not
the model: the attribute ruler (a Matcher of ~180 patterns run over every token) and the rule
lemmatizer (a cache lookup through a Token object for every token).

Both are pure functions of a few token attributes, so their answers are memoised per distinct key
(a few thousand keys serve a corpus): the stand-ins give the same POS, MORPH, LEMMA, TAG and DEP as
the originals on every token (tests/test_batch.py compares them token by token), in about a tenth
of the time. Anything unexpected (patterns on other attributes, a doc without tags or parse) falls
back to the original component."""
from __future__ import annotations

import os
import sys
import re

from pathlib import Path

import numpy
import spacy
import srsly
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import registry
from spacy.tokens._retokenize import set_token_attrs as apply  # the setter AttributeRuler itself uses

# The token attributes the attribute ruler's single-token patterns may look at, for the memo key.
KEY_ATTRS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
# The memo key of a token: what the patterns read, then what they may write (its value before).
IN_ATTRS = [TAG, LOWER, DEP, IS_SPACE, POS, MORPH, LEMMA]
OUT_ATTRS = [TAG, DEP, POS, MORPH, LEMMA]
MAX_MEMO = 500_000  # distinct keys kept per process before the memo starts over (bounded memory)


class FastAttributeRuler:
    """The attribute ruler's exact result: for each token, the attrs of every pattern that targets
    it, applied in pattern order (later patterns win, as in AttributeRuler.set_annotations).

    A pattern reads only the attributes of the tokens it spans, so what the single-token patterns do
    to a token is memoised by the token's attributes (what they read and what they may write), and a
    multi-token pattern is looked for only where a token can start it (a few "gon na", "there is"
    in a doc), by its tokens' attributes too. A doc's new values are written in one from_array."""

    def __init__(self, original) -> None:
        self.original = original
        self.name = getattr(original, "name", "attribute_ruler")
        vocab = original.vocab
        self.single = Matcher(vocab, validate=False)
        self.multi = Matcher(vocab, validate=False)
        self.starts = Matcher(vocab, validate=False)  # the first token of each multi-token pattern
        self.multi_index: dict[int, int] = {}
        self.width = 1
        self.ok = True
        self.lower_words: set[str] = set()
        self.lower_regexes: list[re.Pattern] = []
        self.any_lower = False
        for i in range(len(original.attrs)):
            key = str(i)
            _, patterns = original.matcher.get(key)
            for p in patterns:
                attrs = {k.upper() for tok in p for k in tok if k.upper() != "OP"}
                if any("OP" in tok for tok in p) or not attrs <= set(KEY_ATTRS):
                    self.ok = False
                self._note_lower_tests(p[0])
                if len(p) == 1:
                    self.single.add(key, [p])
                else:
                    self.multi.add(key, [p])
                    self.starts.add(key, [p[:1]])
                    self.width = max(self.width, len(p))
            self.multi_index[vocab.strings[key]] = original.indices[i]
        self.attr_of = {vocab.strings[str(i)]: i for i in range(len(original.attrs))}
        self.strings = vocab.strings
        self.lower_memo: dict[int, int] = {}  # LOWER hash -> itself if a pattern may test it, else 0
        # token attributes -> (its row in self.table, can it start a multi-token pattern, its
        # single-token patterns); the table holds OUT_ATTRS once those patterns are applied.
        self.memo: dict[tuple, tuple[int, bool, tuple[int, ...]]] = {}
        self.table = numpy.zeros((1024, len(OUT_ATTRS)), dtype=numpy.uint64)
        self.window_memo: dict[tuple, tuple[tuple[int, int], ...]] = {}
        self.merged: dict[tuple[int, ...], dict] = {}

    def _note_lower_tests(self, token_pattern: dict) -> None:
        """Collect the words a pattern's (first) token tests LOWER against: most words are tested by
        none, so their LOWER can leave the memo key (a few hundred keys instead of one a word)."""
        for k, v in token_pattern.items():
            if k.upper() != "LOWER":
                continue
            if isinstance(v, str):
                self.lower_words.add(v)
            elif isinstance(v, dict) and set(v) <= {"IN", "REGEX"}:
                self.lower_words.update(v.get("IN", ()))
                if "REGEX" in v:
                    self.lower_regexes.append(re.compile(v["REGEX"]))
            else:  # NOT_IN, a length test...: any word may matter
                self.any_lower = True

    def _lower_key(self, lower: int) -> int:
        key = self.lower_memo.get(lower)
        if key is None:
            word = self.strings[lower]
            tested = self.any_lower or word in self.lower_words or any(r.search(word) for r in self.lower_regexes)
            key = self.lower_memo[lower] = lower if tested else 0
        return key

    def _single_ids(self, doc: Doc, i: int) -> tuple[int, ...]:
        return tuple(sorted({self.attr_of[m] for m, _, _ in self.single(doc[i:i + 1], allow_missing=True)}))

    def _merged(self, ids: tuple[int, ...]) -> dict:
        attrs = self.merged.get(ids)
        if attrs is None:
            attrs = {}
            for i in ids:
                attrs.update(self.original.attrs[i])
            self.merged[ids] = attrs
        return attrs

    def _token_result(self, doc: Doc, i: int, ids: tuple[int, ...]) -> list[int]:
        """OUT_ATTRS of token I once the single-token patterns IDS are applied (to the token itself)."""
        tok = doc[i]
        if ids:
            apply(tok, self._merged(ids))
        return [tok.tag, tok.dep, tok.pos, tok.morph.key, tok.lemma]

    def _window_targets(self, doc: Doc, i: int, keys: list[tuple]) -> tuple[tuple[int, int], ...]:
        """(token, pattern) of the multi-token patterns that match from token I: memoised by the
        attributes of the tokens they may span."""
        wkey = tuple(keys[i:i + self.width])
        hits = self.window_memo.get(wkey)
        if hits is None:
            found = []
            for m, s, e in self.multi(doc[i:i + self.width], allow_missing=True):
                idx = self.multi_index[m]
                t = s + idx if idx >= 0 else e + idx
                if s == 0 and s <= t < e:
                    found.append((t, self.attr_of[m]))
            hits = self.window_memo[wkey] = tuple(found)
        return hits

    def __call__(self, doc: Doc) -> Doc:
        if not self.ok or not (doc.has_annotation("TAG") and doc.has_annotation("DEP")) or not len(doc):
            return self.original(doc)
        if len(self.memo) > MAX_MEMO:
            self.memo.clear()
            self.window_memo.clear()
            self.lower_memo.clear()
            self.table = numpy.zeros((1024, len(OUT_ATTRS)), dtype=numpy.uint64)
        # Every pattern matches on the attributes as they were before any is applied (as
        # AttributeRuler matches the whole doc first): tokens are changed only once all is matched.
        memo, lower_key = self.memo, self._lower_key
        rows = doc.to_array(IN_ATTRS).tolist()
        full = [tuple(r) for r in rows]  # what multi-token windows are memoised by
        for r in rows:
            r[1] = lower_key(r[1])
        keys = [tuple(r) for r in rows]
        new: dict[tuple, int] = {}  # key first seen in this doc: the token it was first seen at
        for i, key in enumerate(keys):
            if key not in memo and key not in new:
                new[key] = i
        fresh = {key: (self._single_ids(doc, i), bool(self.starts(doc[i:i + 1], allow_missing=True)))
                 for key, i in new.items()}
        targets: dict[int, set[int]] = {}
        for i, key in enumerate(keys):
            if (memo[key][1] if key in memo else fresh[key][1]):
                for t, attr_id in self._window_targets(doc, i, full):
                    targets.setdefault(i + t, set()).add(attr_id)
        for key, i in new.items():
            ids, starts = fresh[key]
            row = len(memo)
            if row >= len(self.table):
                self.table = numpy.concatenate([self.table, numpy.zeros_like(self.table)])
            self.table[row] = self._token_result(doc, i, ids)
            memo[key] = (row, starts, ids)
        doc.from_array(OUT_ATTRS, self.table[[memo[key][0] for key in keys]])
        for i, ids in sorted(targets.items()):  # the tokens a multi-token pattern targets: all patterns, in order
            apply(doc[i], self._merged(tuple(sorted(set(memo[keys[i]][2]) | ids))))
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


class FastLemmatizer:
    """The rule lemmatizer's exact result, memoised by (ORTH, POS, MORPH): the same key spaCy's
    own cache uses, since the English rules read nothing else."""

    def __init__(self, original) -> None:
        self.original = original
        self.name = getattr(original, "name", "lemmatizer")
        self.ok = getattr(original, "mode", None) == "rule" and not getattr(original, "overwrite", True)
        self.memo: dict[tuple, int] = {}
        if self.ok and original.lookups.has_table("lemma_index"):
            # spaCy tests `form in index` on lists of up to 57,000 words (one scan a rule a new
            # word); a set answers the same, at once.
            table = original.lookups.get_table("lemma_index")
            for key in list(table.keys()):
                if isinstance(table[key], list):
                    table[key] = frozenset(table[key])

    def __call__(self, doc: Doc) -> Doc:
        if not self.ok or not len(doc):
            return self.original(doc)
        if len(self.memo) > MAX_MEMO:
            self.memo.clear()
        strings, memo = doc.vocab.strings, self.memo
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = [0] * len(rows)
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma:  # set by the attribute ruler: the lemmatizer does not overwrite
                lemmas[i] = lemma
                continue
            key = (orth, pos, morph)
            h = memo.get(key)
            if h is None:
                h = memo[key] = strings.add(self.original.lemmatize(doc[i])[0])
            lemmas[i] = h
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64))
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


@Language.factory("extractor_fast_attribute_ruler")
def make_fast_attribute_ruler(nlp: Language, name: str):
    return _Slot(name)


@Language.factory("extractor_fast_lemmatizer")
def make_fast_lemmatizer(nlp: Language, name: str):
    return _Slot(name)


class _Slot:
    """A pipeline component that runs whatever stand-in speed_up() put in it."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.impl = None

    def __call__(self, doc: Doc) -> Doc:
        return self.impl(doc)

    def pipe(self, docs, batch_size: int = 128):
        impl = self.impl
        for doc in docs:
            yield impl(doc)


STAND_INS = {"attribute_ruler": ("extractor_fast_attribute_ruler", FastAttributeRuler),
             "lemmatizer": ("extractor_fast_lemmatizer", FastLemmatizer)}


def speed_up(nlp: Language) -> Language:
    """Put the stand-ins in place of the attribute ruler and the lemmatizer of NLP (in place, once).
    EXTRACTOR_NO_SPEEDUPS=1 in the environment keeps spaCy's own: `python -m extractor.benchmark
    --same-tables` runs both ways and compares the tables byte for byte."""
    if os.environ.get("EXTRACTOR_NO_SPEEDUPS") == "1":
        return nlp
    for name, (factory, cls) in STAND_INS.items():
        if name not in nlp.pipe_names:
            continue
        original = nlp.get_pipe(name)
        if isinstance(original, _Slot):
            continue
        stand_in = cls(original)
        if not stand_in.ok:
            continue
        slot = nlp.replace_pipe(name, factory)
        slot.impl = stand_in
    return nlp


# ---- loading the trained pipeline with its tokenizer built once
# spacy.load builds the tokenizer twice: Language() makes the language's default one (its ~1,300
# special cases tokenized and put in a PhraseMatcher), then from_disk throws it away for the
# package's saved one, compiling its four regexes and loading the special cases again. Loaded with a
# bare tokenizer in its place and the saved one built in one go (the regexes, then the special cases,
# as Tokenizer.from_bytes does), the pipeline loads in about 0.2 s less CPU, with a tokenizer whose
# to_bytes() is the same (tests/test_speedups.py).
@registry.tokenizers("extractor.bare_tokenizer.v1")
def make_bare_tokenizer():
    return lambda nlp: Tokenizer(nlp.vocab)


_TOKENIZER_REGEXES = (("prefix_search", "search"), ("suffix_search", "search"),
                      ("infix_finditer", "finditer"), ("token_match", "match"), ("url_match", "match"))


def saved_tokenizer(vocab, path: Path) -> Tokenizer:
    """The tokenizer saved at PATH (a pipeline's `tokenizer` file), built in one pass."""
    data = srsly.msgpack_loads(path.read_bytes())
    regexes = {key: getattr(re.compile(data[key]), method) if isinstance(data.get(key), str) else None
               for key, method in _TOKENIZER_REGEXES}
    return Tokenizer(vocab, rules=data.get("exceptions") or None, faster_heuristics=data.get("faster_heuristics", True),
                     **regexes)


def load_trained(name: str) -> Language:
    """spacy.load(NAME), the tokenizer built once (see above); spacy.load itself when the saved
    pipeline has no tokenizer file where expected, or with EXTRACTOR_NO_SPEEDUPS=1. The batch
    pipeline only: the config of what it returns names the bare tokenizer, so it is not for saving."""
    if os.environ.get("EXTRACTOR_NO_SPEEDUPS") == "1":
        return spacy.load(name)
    nlp = spacy.load(name, exclude=["tokenizer"],
                     config={"nlp": {"tokenizer": {"@tokenizers": "extractor.bare_tokenizer.v1"}}})
    path = Path(nlp._path or "") / "tokenizer" if getattr(nlp, "_path", None) else None
    if path is None or not path.is_file():
        return spacy.load(name)
    nlp.tokenizer = saved_tokenizer(nlp.vocab, path)
    return nlp


# glibc malloc, by default, gives freed memory back to the kernel almost at once: blocks over the
# mmap threshold (128 KiB, rising with use) are unmapped when freed, and the top of the heap is
# trimmed past 128 KiB free. The model allocates and frees its activation arrays at every minibatch,
# so each minibatch page-faults them in again: 85,000 minor faults and 0.5 s of system time on the
# political kind of `make bench` (4.9 s of CPU). Kept by the process instead (mmap only above 32 MiB,
# the trim threshold 256 MiB, the heap grown 64 MiB at a time) the faults fall to 30,000 and the
# run's CPU by about 12% (4.85 -> 4.26 s, 2 interleaved runs each, load average ~5). The peak
# memory is that of the largest minibatch either way: what is kept is reused by the next one.
MALLOC_SETTINGS = ((-3, 32 * 2**20),    # M_MMAP_THRESHOLD
                   (-1, 256 * 2**20),   # M_TRIM_THRESHOLD
                   (-2, 64 * 2**20))    # M_TOP_PAD


def keep_freed_memory() -> bool:
    """Tune glibc malloc as MALLOC_SETTINGS says, for this process and the workers forked from it;
    False (nothing changed) off glibc, or with EXTRACTOR_DEFAULT_MALLOC=1 in the environment (for
    measuring). Nothing that is computed depends on it."""
    if os.environ.get("EXTRACTOR_DEFAULT_MALLOC") == "1" or not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt to speak of)
        return False
    return all(mallopt(param, value) == 1 for param, value in MALLOC_SETTINGS)
