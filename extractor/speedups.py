"""Exact, faster stand-ins for two parts of the trained pipeline whose cost is Python overhead, not
the model: the attribute ruler (a Matcher of ~180 patterns run over every token) and the rule
lemmatizer (a cache lookup through a Token object for every token).

Both are pure functions of a few token attributes, so their answers are memoised per distinct key
(a few thousand keys serve a corpus): the stand-ins give the same POS, MORPH, LEMMA, TAG and DEP as
the originals on every token (tests/test_batch.py compares them token by token), in about a tenth
of the time. Anything unexpected (patterns on other attributes, a doc without tags or parse) falls
back to the original component."""
from __future__ import annotations

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs as apply  # the setter AttributeRuler itself uses

# The token attributes the attribute ruler's single-token patterns may look at, for the memo key.
KEY_ATTRS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
MAX_MEMO = 500_000  # distinct keys kept per process before the memo starts over (bounded memory)


class FastAttributeRuler:
    """The attribute ruler's exact result: for each token, the attrs of every pattern that targets
    it, applied in pattern order (later patterns win, as in AttributeRuler.set_annotations)."""

    def __init__(self, original) -> None:
        self.original = original
        self.name = getattr(original, "name", "attribute_ruler")
        vocab = original.vocab
        self.single = Matcher(vocab, validate=False)
        self.multi = Matcher(vocab, validate=False)
        self.multi_index: dict[int, int] = {}
        self.ok = True
        for i in range(len(original.attrs)):
            key = str(i)
            _, patterns = original.matcher.get(key)
            for p in patterns:
                attrs = {k.upper() for tok in p for k in tok if k.upper() != "OP"}
                if any("OP" in tok for tok in p) or not attrs <= set(KEY_ATTRS):
                    self.ok = False
                (self.single if len(p) == 1 else self.multi).add(key, [p])
            self.multi_index[vocab.strings[key]] = original.indices[i]
        self.attr_of = {vocab.strings[str(i)]: i for i in range(len(original.attrs))}
        self.memo: dict[tuple, tuple[int, ...]] = {}
        self.merged: dict[tuple[int, ...], dict] = {}

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

    def __call__(self, doc: Doc) -> Doc:
        if not self.ok or not (doc.has_annotation("TAG") and doc.has_annotation("DEP")) or not len(doc):
            return self.original(doc)
        if len(self.memo) > MAX_MEMO:
            self.memo.clear()
        keys = doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()
        targets: dict[int, set[int]] = {}
        for m, s, e in self.multi(doc, allow_missing=True):
            idx = self.multi_index[m]
            t = s + idx if idx >= 0 else e + idx
            if s <= t < e:
                targets.setdefault(t, set()).add(self.attr_of[m])
        memo = self.memo
        for i, key in enumerate(keys):
            key = tuple(key)
            ids = memo.get(key)
            if ids is None:
                ids = memo[key] = self._single_ids(doc, i)
            if i in targets:
                ids = tuple(sorted(set(ids) | targets[i]))
            if ids:
                apply(doc[i], self._merged(ids))
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
        strings = doc.vocab.strings
        memo = self.memo
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if lemma:  # set by the attribute ruler: the lemmatizer does not overwrite
                continue
            key = (orth, pos, morph)
            h = memo.get(key)
            tok = doc[i]
            if h is None:
                h = memo[key] = strings.add(self.original.lemmatize(tok)[0])
            tok.lemma = h
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
    """Put the stand-ins in place of the attribute ruler and the lemmatizer of NLP (in place, once)."""
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
