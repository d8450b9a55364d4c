"""The streaming batch engine: read lazily, annotate in batches (in worker processes, or on a Dask
cluster, when asked), write rows as batches finish, in input order whatever the engine and the
number of workers, in committed chunks that --resume continues (engines/store.py)."""
from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing as mp
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from spacy.attrs import IS_PUNCT, IS_SPACE

from .io.readers import InputError, check_inputs, read_articles
from .engines.store import ChunkedWriter, read_manifest, reopen_finished
from .io.writers import FORMATS
from .pipeline import article_doc, load_pipeline
from .rows import TABLES, Article, article_row, doc_rows, sentence_starts

log = logging.getLogger(__name__)

BATCH_ARTICLES = 8            # articles a worker annotates at once (one committed chunk): small, so workers finish together
BATCH_CHARS = 100_000         # and about this many characters at most, so a batch's memory is bounded
# Docs (pieces) the trained components take at once, and their characters: peak memory grows with
# the characters of a minibatch (about 3.5 MB a 1,000: tagger, parser and NER activations), speed
# does not (4, 8 or 16 articles a minibatch run at the same words/s).
PIPE_BATCH = 16
PIPE_CHARS = 20_000
MAX_ERRORS_KEPT = 1000        # error messages kept in the summary (all of them are in the articles table)
ENGINES = ("local", "dask")
MAX_CHARS = 5_000_000         # longer articles are skipped with a reason (a book, a dump, not news)

Result = tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]


@dataclass
class RunSummary:
    """What a run did: the end-of-run line of SPEC.md, and the numbers behind it."""
    out: Path
    articles: int = 0
    status: dict[str, int] = field(default_factory=lambda: {"ok": 0, "skipped": 0, "error": 0})
    rows: dict[str, int] = field(default_factory=lambda: {t: 0 for t in TABLES[1:]})
    words: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)
    total: int | None = None               # articles in the inputs (an estimate, counted on the side)
    resumed_articles: int = 0              # done by an earlier run (--resume), counted in the totals
    resumed_words: int = 0
    startup_seconds: float | None = None   # from the call to the first finished batch

    @property
    def words_per_second(self) -> float:
        """Speed of this invocation (articles resumed from an earlier run do not count)."""
        return (self.words - self.resumed_words) / self.seconds if self.seconds > 0 else 0.0

    @property
    def eta_seconds(self) -> float | None:
        done = self.articles - self.resumed_articles
        if self.total is None or done <= 0 or self.seconds <= 0:
            return None
        return max(0.0, self.total - self.articles) * self.seconds / done

    def line(self) -> str:
        rows = " ".join(f"{t}={n}" for t, n in self.rows.items())
        resumed = f", {self.resumed_articles} done by an earlier run" if self.resumed_articles else ""
        return (f"{self.articles} articles ({self.status['ok']} ok, {self.status['skipped']} skipped, "
                f"{self.status['error']} errors{resumed}); rows: {rows}; {self.seconds:.1f} s, "
                f"{self.words_per_second:,.0f} words/s -> {self.out}")


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


def count_words(text: str) -> int:
    return len(text.split())


CHUNK_CHARS = PIPE_CHARS  # longer articles are annotated in pieces of this size: one piece a parser pass bounds memory


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


OFFSET_COLUMNS = ("start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end")
Piece = tuple[int, int, dict[str, list[dict]]]  # (words, sentences, rows) of one annotated piece


def _piece(doc, article_id: str) -> Piece:
    """What is kept of an annotated piece: its rows and counts (the Doc itself is let go at once,
    so that memory holds one minibatch of Docs, not a whole long article's)."""
    arr = doc.to_array([IS_PUNCT, IS_SPACE])
    n_words = int(len(doc) - (arr.any(axis=1).sum() if len(doc) else 0))
    return n_words, max(1, len(sentence_starts(doc))), doc_rows(doc, article_id)


def _merge_pieces(pieces: list[tuple[int, Piece]]) -> tuple[int, dict[str, list[dict]]]:
    """(word count, rows) of an article annotated in pieces: offsets and sentence numbers shifted."""
    rows: dict[str, list[dict]] = {}
    n_words = n_sents = 0
    for offset, (words, sents, piece_rows) in pieces:
        n_words += words
        for table, table_rows in piece_rows.items():
            for r in table_rows:
                for key in OFFSET_COLUMNS:  # the quotes table carries speaker and cue offsets too
                    if isinstance(r.get(key), int):
                        r[key] += offset
                r["sentence"] += n_sents
            rows.setdefault(table, []).extend(table_rows)
        n_sents += sents
    return n_words, rows


_WARM: set[int] = set()
WARM_UP = ("On Friday, June 11, 2021, President Ilham Aliyev of Azerbaijan said in Baku that 7,449 mines "
           "had been defused, up 12% from a year ago, the United Nations reported.")


def batch_pipeline(model: str | None = None):
    """The pipeline of the batch engine: load_pipeline's, with the exact faster stand-ins of
    engines.fast for the trained parts whose Python overhead dominates."""
    nlp = load_pipeline(model)
    if id(nlp) not in _WARM:
        from .engines.fast import speed_up

        speed_up(nlp)
        # Components load their data (gazetteer, lexicons, date parser) on first use: do it now,
        # before workers fork (they share it) and before the first article's clock starts.
        nlp(article_doc(nlp, WARM_UP, "2021-06-11"))
        _WARM.add(id(nlp))
    return nlp


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


def _annotate(nlp, group: list[tuple[int, int, str]], articles: list[Article]) -> list[Piece | Exception]:
    """The pieces of GROUP annotated in one nlp.pipe pass; when a component fails, again one by
    one, so that only the article at fault loses its rows."""
    try:
        docs = nlp.pipe((article_doc(nlp, text, articles[i].published) for i, _, text in group), batch_size=len(group))
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


def batches(items: Iterable[Article], size: int = BATCH_ARTICLES, max_chars: int = BATCH_CHARS,
            ramp: bool = False, start: int = 0) -> Iterator[list[Article]]:
    """Consecutive runs of at most SIZE articles and about MAX_CHARS characters (one long article
    makes a batch of its own), so that a batch's memory is bounded whatever the articles' length.
    With RAMP the first batches are small (1, 2, 4 ... articles): the first rows come out within a
    second of the pipeline being loaded and every worker gets work early. Where batches end depends
    only on the articles from START (the index of the first one in the whole run), so a resumed run
    cuts the same batches as an uninterrupted one."""
    batch: list[Article] = []
    chars = 0
    limit = min(size, start + 1) if ramp else size
    for a in items:
        if batch and (len(batch) >= limit or chars + len(a.text) > max_chars):
            start += len(batch)
            yield batch
            batch, chars = [], 0
            limit = min(size, start + 1) if ramp else size
        batch.append(a)
        chars += len(a.text)
    if batch:
        yield batch


# Worker processes load the pipeline once, in the initializer, then annotate batch after batch.
_WORKER_MODEL: str | None = None
_WORKER_MAX_CHARS = MAX_CHARS


def _init_worker(model: str | None, max_chars: int) -> None:
    global _WORKER_MODEL, _WORKER_MAX_CHARS
    _WORKER_MODEL, _WORKER_MAX_CHARS = model, max_chars
    batch_pipeline(model)


def _work(batch: list[Article]) -> list[Result]:
    return process_batch(batch, _WORKER_MODEL, _WORKER_MAX_CHARS)


def ordered(submit: Callable[[list[Article]], Any], get: Callable[[Any], list[Result]],
            work: Iterable[list[Article]], window: int) -> Iterator[tuple[list[Article], list[Result]]]:
    """(batch, results) in input order, with at most WINDOW batches in flight: the input is read
    only as fast as workers finish, so memory does not grow with the corpus."""
    pending: deque[tuple[list[Article], Any]] = deque()
    for batch in work:
        pending.append((batch, submit(batch)))
        if len(pending) >= window:
            b, handle = pending.popleft()
            yield b, get(handle)
    while pending:
        b, handle = pending.popleft()
        yield b, get(handle)


def local_results(work: Iterable[list[Article]], n_workers: int, model: str | None,
                  max_chars: int) -> Iterator[tuple[list[Article], list[Result]]]:
    """The local engine: in this process, or in N forked worker processes that each load the
    pipeline once."""
    if n_workers <= 1:
        for batch in work:
            yield batch, process_batch(batch, model, max_chars)
        return
    from concurrent.futures import ProcessPoolExecutor

    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    # An executor rather than mp.Pool: a worker that dies (killed, out of memory) fails the run
    # with BrokenProcessPool instead of hanging it; what was committed stays for --resume.
    pool = ProcessPoolExecutor(n_workers, mp_context=ctx, initializer=_init_worker, initargs=(model, max_chars))
    try:
        yield from ordered(lambda b: pool.submit(_work, b), lambda f: f.result(), work,
                           window=2 * n_workers + 1)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def write_run_log(out: Path, summary: RunSummary, **options: Any) -> None:
    """OUT/run.json: what ran, how long it took and how fast. Timings live here, not in the tables,
    so that two runs over the same inputs give byte-identical tables."""
    from datetime import datetime, timezone

    from . import __version__
    from .pipeline import default_model

    options["inputs"] = [str(p) for p in options["inputs"]]
    options["model"] = options["model"] or default_model() or "blank"
    log = {"extractor": __version__, **options, "articles": summary.articles, "status": summary.status,
           "rows": summary.rows, "words": summary.words, "seconds": round(summary.seconds, 3),
           "words_per_second": round(summary.words_per_second),
           "finished": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    if summary.resumed_articles:
        log["resumed_articles"] = summary.resumed_articles
    if summary.startup_seconds is not None:
        log["startup_seconds"] = round(summary.startup_seconds, 3)
    tmp = out / "run.json.part"
    tmp.write_text(json.dumps(log, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, out / "run.json")


def prepare_out(out: Path, *, resume: bool, overwrite: bool) -> None:
    """Refuse an OUT that already holds something, unless the user said what to do with it."""
    if out.exists() and not out.is_dir():
        raise InputError(f"output {out} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (resume or overwrite):
        raise InputError(f"output folder {out} is not empty: use --overwrite to replace its tables "
                         f"or --resume to continue the run")


def article_key(a: Article) -> list[str]:
    """How the manifest names a finished article: id, sha256 of its text, where it came from."""
    return [a.article_id, sha256(a.text), a.source]


def row_key(row: dict[str, Any]) -> list[str]:
    """article_key() of an articles row, which already holds the hash: the text is not hashed twice."""
    return [row["article_id"], row["sha256"], row["source"]]


def open_output(out: Path, fmt: str, excel: bool, resume: bool, read: Callable[[], Iterator[Article]],
                batch_size: int) -> tuple[ChunkedWriter, Iterator[Article], dict | None, int]:
    """The writer for OUT, the articles still to do, the totals of those already done and the
    batch size (a resumed run keeps the one it started with, so that it cuts the same batches).
    With RESUME, the articles of the manifest (or of finished tables) that still match the inputs,
    in order, are kept up to the last committed batch; everything after it is done again."""
    writer = ChunkedWriter(out, fmt, excel=excel)
    if not resume:
        writer.start(batch_size=batch_size)
        return writer, read(), None, batch_size
    if not writer.manifest_path.exists():
        if all(writer.final(t).exists() for t in TABLES):
            reopen_finished(out, fmt, excel, batch_size=batch_size)
        else:
            writer.start(batch_size=batch_size)
            return writer, read(), None, batch_size
    try:
        header, lines = read_manifest(writer.manifest_path)
    except ValueError:  # killed while the run was starting: nothing was committed
        writer.start(batch_size=batch_size)
        return writer, read(), None, batch_size
    if header.get("format") != fmt or bool(header.get("excel")) != excel:
        lines.close()
        raise InputError(f"cannot resume: OUT holds a run in format {header.get('format')}"
                         f"{' (--excel)' if header.get('excel') else ''}; resume with the same options")
    batch_size = int(header.get("batch_size") or batch_size)
    good_offsets, good_bytes, good_totals, good_n = header["offsets"], header["_bytes"], None, 0
    articles, n, diverged = read(), 0, False
    for rec, pos in lines:
        keys = rec["articles"]
        got = list(islice(articles, len(keys)))
        n += len(got)
        if len(got) != len(keys) or any(article_key(a) != k for a, k in zip(got, keys)):
            diverged = True
            break
        if rec.get("offsets") is not None:
            good_offsets, good_bytes, good_totals, good_n = rec["offsets"], pos, rec["totals"], n
    lines.close()
    if good_offsets is None:  # nothing committed that still matches: start over
        writer.start(batch_size=batch_size)
        return writer, read(), None, batch_size
    if diverged or n != good_n:
        log.info("resume: inputs differ from the manifest after %d articles; redoing from there", good_n)
        articles = islice(read(), good_n, None)
    writer.reopen(good_offsets, good_bytes)
    return writer, articles, good_totals, batch_size


def count_articles(inputs: list[str | Path]) -> int:
    """How many articles INPUTS hold, cheaply (files counted, JSON lines and CSV rows counted by
    lines): for the progress bar's ETA, so an estimate."""
    from .io.readers import input_files

    n = 0
    for path, _ in input_files(inputs):
        suffix = path.suffix.lower()
        try:
            if suffix in (".jsonl", ".ndjson", ".csv"):
                with open(path, "rb") as f:
                    lines = sum(1 for line in f if line.strip())
                n += max(0, lines - (suffix == ".csv"))
            else:
                n += 1
        except OSError:
            n += 1
    return n


def run(inputs: Iterable[str | Path], out: str | Path = "out", *, fmt: str = "csv", workers: int = 1,
        model: str | None = None, published: str | None = None, resume: bool = False,
        overwrite: bool = False, limit: int | None = None, excel: bool = False,
        max_chars: int = MAX_CHARS, progress: Callable[[RunSummary], None] | None = None,
        engine: str = "local", scheduler: str | None = None,
        batch_size: int = BATCH_ARTICLES) -> RunSummary:
    """Extract every article under INPUTS into tables in OUT (one file a table, format FMT).
    ENGINE is "local" (WORKERS processes; 0 = all cores) or "dask" (a Dask cluster at SCHEDULER,
    default a local one with WORKERS workers). Rows come out in input order whatever the engine and
    the number of workers. Returns the RunSummary. Raises InputError for usage mistakes (missing
    input, occupied OUT, bad option), before any article is read."""
    t0 = time.perf_counter()
    out = Path(out)
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}: choose csv, parquet or jsonl")
    if workers < 0:
        raise InputError("--workers must be 0 (all cores) or more")
    if engine not in ENGINES:
        raise InputError(f"unknown engine {engine!r}: choose {' or '.join(ENGINES)}")
    if scheduler and engine != "dask":
        raise InputError("--scheduler needs --engine dask")
    if batch_size < 1:
        raise InputError("--batch-size must be 1 or more")
    if published:
        from .normalize.dates_published import parse_published

        try:
            published = parse_published(published)
        except ValueError as e:
            raise InputError(str(e)) from None
    inputs = list(inputs)
    if not inputs:
        raise InputError("no input given: name files or folders of articles")
    check_inputs(inputs)
    prepare_out(out, resume=resume, overwrite=overwrite)
    n_workers = (os.cpu_count() or 1) if workers == 0 else workers
    if engine == "dask":
        from .engines.dask_engine import dask_results, check_dask

        check_dask()

    def read() -> Iterator[Article]:
        # 4 bytes a character at most in UTF-8: a file larger than this cannot be under max_chars.
        arts = read_articles(inputs, published=published, max_bytes=4 * max_chars)
        return islice(arts, limit) if limit is not None else arts

    summary = RunSummary(out=out)
    writer, articles, done, batch_size = open_output(out, fmt, excel, resume, read, batch_size)
    if done:
        summary.articles = summary.resumed_articles = done["articles"]
        summary.status.update(done["status"])
        summary.rows.update(done["rows"])
        summary.words = summary.resumed_words = done["words"]
    if progress:
        def total() -> None:
            try:
                n = count_articles(inputs)
                summary.total = min(n, limit) if limit is not None else n
            except Exception:  # noqa: BLE001 - an estimate for the progress bar, never worth a failure
                pass
        threading.Thread(target=total, daemon=True).start()
    work = batches(articles, batch_size, BATCH_CHARS, ramp=True, start=summary.resumed_articles)
    try:
        if engine == "dask":
            results = dask_results(work, n_workers, model, max_chars, scheduler=scheduler)
        else:
            # Loaded here once: forked workers inherit it (shared pages, no second load).
            batch_pipeline(model)
            results = local_results(work, n_workers, model, max_chars)
        t_work = None
        for _batch, batch_results in results:
            if summary.startup_seconds is None:
                summary.startup_seconds = time.perf_counter() - t0
            for art, tables in batch_results:
                writer.write("articles", [art])
                for t, rows in tables.items():
                    writer.write(t, rows)
                    summary.rows[t] += len(rows)
                summary.articles += 1
                summary.status[art["status"]] = summary.status.get(art["status"], 0) + 1
                summary.words += int(art.get("n_words") or 0)
                if art["status"] == "error" and len(summary.errors) < MAX_ERRORS_KEPT:
                    summary.errors.append(str(art["error"]))
            writer.commit_batch([row_key(art) for art, _ in batch_results],
                                {"articles": summary.articles, "status": summary.status, "rows": summary.rows,
                                 "words": summary.words})
            summary.seconds = time.perf_counter() - t0
            if progress:
                progress(summary)
        writer.finish()
        summary.seconds = time.perf_counter() - t0
        write_run_log(out, summary, inputs=inputs, format=fmt, workers=n_workers, model=model, engine=engine)
    finally:
        writer.close()
    summary.seconds = time.perf_counter() - t0
    return summary
