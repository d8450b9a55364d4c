"""What one batch of articles becomes, whatever the engine that runs it: process_batch() annotates
the articles (long ones in pieces, the trained components in bounded minibatches) and returns, for
each, its articles row and its rows by table. Both engines (local.py, dask_engine.py) call it in
their workers, after init_worker() has loaded the pipeline once."""
from __future__ import annotations

import gc
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.attrs import IS_PUNCT, IS_SPACE

from ..dedupe import batch_signatures, sha256
from ..components.base import doc_text
from ..pipeline import article_doc, build_pipeline
from ..rows import Article, article_row, doc_rows

# Docs (pieces) the trained components take at once, and their characters: peak memory grows with
# the characters of a minibatch (about 3.5 MB a 1,000: tagger, parser and NER activations). Short
# texts need many docs a call: the parser and NER pay a per-call cost, so plain nlp.pipe over news
# sentences takes 15-25% more CPU in calls of 8 docs than of 64 (make bench, issue 19), and NER
# still gains from 64 to 256; tok2vec does not (its arrays outgrow the caches): it takes TOK2VEC_BATCH
# at a time. One-sentence documents, 1 worker, CPU of the whole run (6 interleaved runs each, load
# average ~4.5): 32 docs a call 4.01 s, 256 3.96 s, 256 with tok2vec at 64 3.71 s (-7%). Long
# articles are bounded by characters instead. Tables do not depend on these sizes (checked on
# corpus/ and dev texts).
PIPE_BATCH = 256
TOK2VEC_BATCH = 64
PIPE_CHARS = 40_000
MAX_CHARS = 5_000_000         # longer articles are skipped with a reason (a book, a dump, not news)

Result = tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]


def count_words(text: str) -> int:
    return len(text.split())


CHUNK_CHARS = 20_000  # longer articles are annotated in pieces of this size: a piece's parser pass bounds memory


def chunk_starts(text: str, size: int = CHUNK_CHARS) -> list[int]:
    """Where each piece of a long text starts: cut at a paragraph break, else a line break, else a
    space, in the second half of each piece, so that no sentence is cut where a break exists."""
    starts, pos = [0], 0
    while len(text) - pos > size:
        lo, hi = pos + size // 2, pos + size
        cut = text.rfind("\n\n", lo, hi)
        cut = cut if cut != -1 else text.rfind("\n", lo, hi)
        cut = cut if cut != -1 else text.rfind(" ", lo, hi)
        pos = cut + 1 if cut != -1 else hi
        starts.append(pos)
    return starts


Piece = tuple[int, int, dict[str, list[dict]]]  # (words, sentences, rows) of one annotated piece


def _piece(doc, article_id: str) -> Piece:
    """What is kept of an annotated piece: its rows and counts (the Doc itself is let go at once,
    so that memory holds one minibatch of Docs, not a whole long article's)."""
    arr = doc.to_array([IS_PUNCT, IS_SPACE])
    n_words = int(len(doc) - (arr.any(axis=1).sum() if len(doc) else 0))
    rows = doc_rows(doc, article_id, doc_text(doc))
    rows["sentences"] = sentence_rows(doc, article_id)
    return n_words, len(rows["sentences"]), rows


def sentence_rows(doc, article_id: str) -> list[dict[str, Any]]:
    """The sentences table's rows of a Doc: the parser's sentences, numbered as the mention rows'
    `sentence` (rows.sentence_starts: the same doc.sents); the whole text is one sentence where
    none are set."""
    try:
        bounds = [(s.start_char, s.end_char) for s in doc.sents]
    except ValueError:  # no sentence boundaries set
        bounds = []
    bounds = bounds or [(0, len(doc_text(doc)))]
    return [{"article_id": article_id, "sentence": i, "start": s, "end": e} for i, (s, e) in enumerate(bounds)]


# Character offsets in rows, shifted by a piece's start when an article is annotated in pieces.
OFFSET_COLUMNS = ("start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end")


def _merge_pieces(pieces: list[tuple[int, Piece]]) -> tuple[int, dict[str, list[dict]]]:
    """(word count, rows) of an article annotated in pieces: offsets and sentence numbers shifted."""
    rows: dict[str, list[dict]] = {}
    n_words = n_sents = 0
    for offset, (words, sents, piece_rows) in pieces:
        n_words += words
        for table, table_rows in piece_rows.items():
            if offset or n_sents:  # the first piece (most articles' only one) is where it was
                for r in table_rows:
                    for key in OFFSET_COLUMNS:  # the quotes table carries speaker and cue offsets too
                        if isinstance(r.get(key), int):
                            r[key] += offset
                    r["sentence"] += n_sents
            rows.setdefault(table, []).extend(table_rows)
        n_sents += sents
    return n_words, rows


WARM_UP = ("On Friday, June 11, 2021, President Ilham Aliyev of Azerbaijan said in Baku that 7,449 mines "
           "had been defused, up 12% from a year ago, the United Nations reported.")


def batch_pipeline(model: str | None = None):
    """The pipeline of the batch engine, one per process and model: a pipeline of its own (not
    load_pipeline()'s, which a user may save with to_disk), with the exact faster stand-ins of
    speedups for the trained parts whose Python overhead dominates."""
    # One cache key per model however it is called: lru_cache keys batch_pipeline() and
    # batch_pipeline(None) apart, which built (and profiled) a second pipeline in one process.
    return _batch_pipeline(model)


@lru_cache(maxsize=4)
def _batch_pipeline(model: str | None):
    from ..speedups import keep_freed_memory, load_trained, speed_up

    keep_freed_memory()  # before the model allocates: see speedups.MALLOC_SETTINGS
    nlp = speed_up(build_pipeline(model, load=load_trained))
    # Components that load data on first use (gazetteer, lexicons, date parser) do it now, before
    # workers fork (they share it) and before the first article's clock starts.
    nlp(article_doc(nlp, WARM_UP, "2021-06-11"))
    # dateparser (imported and initialised on first use, about 0.35 s of CPU) is not warmed here: a
    # run with one worker meets it at the first text the grammar cannot read, often after its first
    # article is written, and many short texts never need it. Forked workers share a warm one
    # (warm_dateparser, before the fork).
    # The pipeline is ~100k long-lived Python objects (vocab, matchers, lexicons, the gazetteer
    # index) that every full garbage collection would walk again (34-64 ms each, landing on whatever
    # component runs). Moved to the permanent generation they are never walked, and pages shared
    # with forked workers are not dirtied by the collector. Rows do not depend on it. The young
    # generations are collected first, not all three: a full collection here walked them all for
    # 70 ms in the parent, before any worker starts, and found no garbage (the automatic full
    # collections during the load had taken it); any left would be frozen once, not grow.
    gc.collect(1)
    gc.freeze()
    return nlp


def warm_dateparser() -> None:
    """Import and initialise dateparser in this process now: workers forked after it share it,
    instead of each paying it at its first undated text. Its answer is cached and the same on any
    later call, so rows do not depend on it."""
    from ..components.dates import dateparser_timex
    dateparser_timex("2 weeks from now", "2021-06-11")


def minibatches(pieces: list[tuple[int, int, str]], size: int = PIPE_BATCH,
                max_chars: int = PIPE_CHARS) -> Iterator[list[tuple[int, int, str]]]:
    """Pieces grouped for one pass of the trained components: at most SIZE of them and about
    MAX_CHARS characters (a longer piece goes alone)."""
    group: list[tuple[int, int, str]] = []
    chars = 0
    for p in pieces:
        if group and (len(group) >= size or chars + len(p[2]) > max_chars):
            yield group
            group, chars = [], 0
        group.append(p)
        chars += len(p[2])
    if group:
        yield group


def pipe_sizes(nlp, n_docs: int) -> dict[str, dict[str, int]]:
    """nlp.pipe's component_cfg for a minibatch of N_DOCS: tok2vec in calls of TOK2VEC_BATCH docs,
    and the parser and NER predicting on all N_DOCS at once (whole_batch_sizes)."""
    cfg = whole_batch_sizes(nlp, n_docs)
    if n_docs > TOK2VEC_BATCH and "tok2vec" in nlp.pipe_names:
        cfg["tok2vec"] = {"batch_size": TOK2VEC_BATCH}
    return cfg


def whole_batch_sizes(nlp, n_docs: int) -> dict[str, dict[str, int]]:
    """A batch_size for each transition-based component (parser, NER) under which it predicts on
    the whole minibatch of N_DOCS in one call. Their pipe() sorts a batch by length and predicts in
    sub-batches of batch_size // 4 docs: given batch_size=N_DOCS, a minibatch of 20 news articles
    (40,000 characters) was parsed 5 at a time, and each step of the parser paid its fixed cost for
    5 states instead of 20 (plain nlp.pipe, batch_size 1000, predicts on 250). Issue 19: parser
    CPU 1.16 -> 1.00 s, NER 3.06 -> 2.97 s on newswire (plain: 1.04, 2.89). Each doc is parsed on
    its own whatever its sub-batch, so rows do not change; memory grows by NER's tok2vec over the
    whole minibatch instead of a quarter of it (peak RSS 371 -> 382 MiB on newswire)."""
    from spacy.pipeline.transition_parser import Parser

    size = {"batch_size": 4 * max(n_docs, 1)}
    # getattr: while profile.component_times() times a run, each component is wrapped (its .proc)
    return {name: dict(size) for name, proc in nlp.pipeline if isinstance(getattr(proc, "proc", proc), Parser)}


def _annotate(nlp, group: list[tuple[int, int, str]], articles: list[Article]) -> list[Piece | Exception]:
    """The pieces of GROUP annotated in one nlp.pipe pass; when a component fails, again one by
    one, so that only the article at fault loses its rows."""
    try:
        docs = nlp.pipe((article_doc(nlp, text, articles[i].published) for i, _, text in group),
                        batch_size=len(group), component_cfg=pipe_sizes(nlp, len(group)))
        return [_piece(doc, articles[i].article_id) for (i, _, _), doc in zip(group, docs)]
    except Exception:
        out: list[Piece | Exception] = []
        for i, _, text in group:
            try:
                out.append(_piece(nlp(article_doc(nlp, text, articles[i].published)), articles[i].article_id))
            except Exception as e:  # noqa: BLE001 - one bad article must not cost the batch
                out.append(e)
        return out


def unextracted(a: Article) -> Result:
    """The result of an article that gives no rows (skipped or failed): its articles row alone."""
    return article_row(a, n_words=count_words(a.text), sha256=sha256(a.text)), {}


def process_batch(articles: list[Article], model: str | None = None,
                  max_chars: int = MAX_CHARS) -> list[Result]:
    """(articles row, mention rows by table) for each article, in order. Long articles are annotated
    in pieces; one article that breaks a component becomes an error row, the others keep their rows."""
    results: dict[int, Result] = {}
    pieces: list[tuple[int, int, str]] = []  # (article index, offset, text of the piece)
    for i, a in enumerate(articles):
        if a.status == "ok" and not a.text.strip():
            a.status, a.error = "skipped", "no text to extract (empty or whitespace only)"
        elif a.status == "ok" and len(a.text) > max_chars:
            a.status, a.error = "skipped", f"{len(a.text):,} characters, over the limit of {max_chars:,} (--max-chars)"
        if a.status != "ok":
            results[i] = unextracted(a)
            continue
        starts = chunk_starts(a.text)
        for s, e in zip(starts, starts[1:] + [len(a.text)]):
            pieces.append((i, s, a.text[s:e]))
    if pieces:
        nlp = batch_pipeline(model)
        annotated: list[Piece | Exception] = []
        for group in minibatches(pieces):
            annotated.extend(_annotate(nlp, group, articles))
        by_article: dict[int, list[tuple[int, Piece | Exception]]] = {}
        for (i, offset, _), piece in zip(pieces, annotated):
            by_article.setdefault(i, []).append((offset, piece))
        for i, done in by_article.items():
            a = articles[i]
            failed = next((d for _, d in done if isinstance(d, Exception)), None)
            if failed is not None:
                a.status = "error"
                a.error = f"{a.article_id}: extraction failed: {type(failed).__name__}: {failed}".splitlines()[0]
                results[i] = unextracted(a)
                continue
            n_words, rows = _merge_pieces(done)
            results[i] = (article_row(a, n_words=n_words, sha256=sha256(a.text)), rows)
    return [results[i] for i in range(len(articles))]


@dataclass
class EncodedResults:
    """A batch's results with the mention rows already encoded for their tables (writers.encode_rows),
    as a worker process returns them: the parent, which writes every table, only appends each
    table's text, instead of unpickling, coercing and quoting every row itself (issue 19). The
    articles rows stay dicts: the parent counts them, adds --text and writes them."""
    articles: list[dict[str, Any]]        # the articles row of each article, in input order
    counts: list[dict[str, int]]          # each article's rows by table
    tables: dict[str, str | bytes]        # each table's rows of the batch, encoded, in article order
    # each article's near-duplicate signature (dedupe.text_signature: None when it has none), when
    # the worker computes them: the parent then only decides, in input order (batch.py)
    signatures: list | None = None


def encode_results(results: list[Result], fmt: str, excel: bool) -> EncodedResults:
    """RESULTS with their mention rows encoded. Each article's rows of a table are encoded on their
    own, as TableWriter.write() encodes them (one Arrow message an article for Parquet), so the
    bytes appended are those of writing the rows in the parent."""
    from ..io.writers import encode_rows

    parts: dict[str, list] = {}
    for _, tables in results:
        for t, rows in tables.items():
            if rows:
                parts.setdefault(t, []).append(rows)
    if fmt == "parquet":
        joined = {t: b"".join(encode_rows(t, rows, fmt, excel) for rows in p) for t, p in parts.items()}
    else:
        # CSV and JSON lines encode row by row: the rows of the whole batch in one call give the
        # bytes of one call an article, without a writer and a buffer for each article's rows.
        joined = {t: encode_rows(t, [r for rows in p for r in rows], fmt, excel) for t, p in parts.items()}
    return EncodedResults([art for art, _ in results],
                          [{t: len(rows) for t, rows in tables.items()} for _, tables in results], joined)


# Worker processes load the pipeline once, in the initializer, then annotate batch after batch.
_WORKER_MODEL: str | None = None
_WORKER_MAX_CHARS = MAX_CHARS
_WORKER_ENCODING: tuple[str, bool] | None = None  # (format, excel) when the worker encodes the rows
_WORKER_SIGNATURES = False                        # whether it also computes near-duplicate signatures


def init_worker(model: str | None, max_chars: int, encoding: tuple[str, bool] | None = None,
                signatures: bool = False) -> None:
    """Load the pipeline in a worker process. With ENCODING (format, excel) its batches come back
    as EncodedResults; with SIGNATURES too, carrying each article's near-duplicate signature."""
    global _WORKER_MODEL, _WORKER_MAX_CHARS, _WORKER_ENCODING, _WORKER_SIGNATURES
    _WORKER_MODEL, _WORKER_MAX_CHARS, _WORKER_ENCODING = model, max_chars, encoding
    _WORKER_SIGNATURES = signatures and encoding is not None
    batch_pipeline(model)


def annotate_in_worker(batch: list[Article]) -> list[Result] | EncodedResults:
    # Signatures of the articles as read: process_batch() may mark some skipped (too long, blank).
    signatures = batch_signatures(batch) if _WORKER_SIGNATURES else None
    results = process_batch(batch, _WORKER_MODEL, _WORKER_MAX_CHARS)
    if _WORKER_ENCODING is None:
        return results
    encoded = encode_results(results, *_WORKER_ENCODING)
    encoded.signatures = signatures
    return encoded

