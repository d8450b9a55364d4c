"""Where a pipeline's time goes: CPU seconds of the tokenizer and of each component, measured while
the pipeline runs as usual (nlp(doc), nlp.pipe, or the batch engine).

    with component_times(nlp) as times:
        list(nlp.pipe(texts))
    times  # {"tokenizer": 0.4, "tok2vec": 1.9, ...}

Each component is wrapped, for the duration of the block, by a proxy that feeds it the same
minibatches nlp.pipe would (so the trained components batch as usual) and adds the process CPU time
of each call to its total. The time a component's input spends in the components before it is not
counted twice: the proxy pulls its minibatch from upstream before starting its clock. The cost of
the proxies is two clock reads a minibatch a component, a few microseconds."""
from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

from spacy.language import Language
from spacy.util import minibatch

clock = time.process_time  # CPU time of the process: what other programs on the machine do not change much


class TimedComponent:
    """A stand-in for one pipeline component that adds the CPU time of its calls to TOTALS[name]."""

    def __init__(self, name: str, proc, totals: dict[str, float]) -> None:
        self.name, self.proc, self.totals = name, proc, totals

    def __call__(self, doc, **kwargs):
        t0 = clock()
        try:
            return self.proc(doc, **kwargs)
        finally:
            self.totals[self.name] += clock() - t0

    def pipe(self, docs, batch_size: int = 128, **kwargs) -> Iterator:
        proc = self.proc
        for batch in minibatch(docs, size=batch_size):  # upstream work happens here, off our clock
            t0 = clock()
            if hasattr(proc, "pipe"):
                out = list(proc.pipe(batch, batch_size=batch_size, **kwargs))
            else:
                out = [proc(doc) for doc in batch]
            self.totals[self.name] += clock() - t0
            yield from out

    def __getattr__(self, attr: str):  # error handlers, labels, ...: the component's own
        return getattr(self.proc, attr)


class TimedTokenizer:
    """nlp.tokenizer with its CPU time added to TOTALS["tokenizer"]."""

    def __init__(self, tokenizer, totals: dict[str, float]) -> None:
        self.tokenizer, self.totals = tokenizer, totals

    def __call__(self, text: str):
        t0 = clock()
        try:
            return self.tokenizer(text)
        finally:
            self.totals["tokenizer"] += clock() - t0

    def __getattr__(self, attr: str):
        return getattr(self.tokenizer, attr)


@contextmanager
def component_times(nlp: Language) -> Iterator[dict[str, float]]:
    """CPU seconds by tokenizer and component name of what NLP does inside the block (the dict
    fills as it runs). The pipeline is restored when the block ends."""
    totals: dict[str, float] = defaultdict(float)
    saved, tokenizer = list(nlp._components), nlp.tokenizer
    # Language keeps its components in _components (pipeline and pipe() read it): swapping the
    # entries in place times them without re-creating any component.
    nlp._components[:] = [(name, TimedComponent(name, proc, totals)) for name, proc in saved]
    nlp.tokenizer = TimedTokenizer(tokenizer, totals)
    try:
        yield totals
    finally:
        nlp._components[:] = saved
        nlp.tokenizer = tokenizer
