"""The streaming batch engine: read lazily, annotate in batches (in worker processes when asked),
write rows as batches finish, in input order whatever the number of workers."""
from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing as mp
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from .io.readers import InputError, check_inputs, read_articles
from .io.writers import FORMATS, TableWriter, read_table
from .pipeline import load_pipeline
from .rows import TABLES, Article, article_row, doc_rows, sentence_starts

log = logging.getLogger(__name__)

BATCH_ARTICLES = 16           # articles a worker annotates at once (nlp.pipe batch)
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

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        rows = " ".join(f"{t}={n}" for t, n in self.rows.items())
        return (f"{self.articles} articles ({self.status['ok']} ok, {self.status['skipped']} skipped, "
                f"{self.status['error']} errors); rows: {rows}; {self.seconds:.1f} s, "
                f"{self.words_per_second:,.0f} words/s -> {self.out}")


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()


def count_words(text: str) -> int:
    return len(text.split())


CHUNK_CHARS = 100_000  # longer articles are annotated in pieces of about this size (bounded memory)


def chunk_starts(text: str, size: int = CHUNK_CHARS) -> list[int]:
    """Where each piece of a long text starts: cut at a paragraph break, else a line break, else a
    space, in the second half of each piece, so that no sentence is cut where a break exists."""
    starts, pos = [0], 0
    while len(text) - pos > size:
        lo, hi = pos + size // 2, pos + size
        cut = max(text.rfind("\n\n", lo, hi), -1)
        cut = cut if cut != -1 else text.rfind("\n", lo, hi)
        cut = cut if cut != -1 else text.rfind(" ", lo, hi)
        pos = cut + 1 if cut != -1 else hi
        starts.append(pos)
    return starts


def _doc(nlp, text: str, published: str):
    doc = nlp.make_doc(text)
    doc._.published = published or None
    return doc


def _merge_pieces(pieces: list[tuple[int, object]], article_id: str) -> tuple[int, dict[str, list[dict]]]:
    """(word count, rows) of an article annotated in pieces: offsets and sentence numbers shifted."""
    rows: dict[str, list[dict]] = {}
    n_words = n_sents = 0
    for offset, doc in pieces:
        n_words += sum(1 for t in doc if not (t.is_punct or t.is_space))
        for table, table_rows in doc_rows(doc, article_id).items():
            for r in table_rows:
                r["start"] += offset
                r["end"] += offset
                r["sentence"] += n_sents
            rows.setdefault(table, []).extend(table_rows)
        n_sents += max(1, len(sentence_starts(doc)))
    return n_words, rows


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
            results[i] = (article_row(a, n_words=count_words(a.text), sha256=sha256(a.text)), {})
            continue
        starts = chunk_starts(a.text)
        for s, e in zip(starts, starts[1:] + [len(a.text)]):
            pieces.append((i, s, a.text[s:e]))
    if pieces:
        nlp = load_pipeline(model)
        try:
            docs = list(nlp.pipe(_doc(nlp, text, articles[i].published) for i, _, text in pieces))
        except Exception:  # find the article at fault, and keep the rest
            docs = []
            for i, _, text in pieces:
                try:
                    docs.append(nlp(_doc(nlp, text, articles[i].published)))
                except Exception as e:  # noqa: BLE001 - one bad article must not cost the batch
                    docs.append(e)
        by_article: dict[int, list[tuple[int, object]]] = {}
        for (i, offset, _), doc in zip(pieces, docs):
            by_article.setdefault(i, []).append((offset, doc))
        for i, done in by_article.items():
            a = articles[i]
            failed = next((d for _, d in done if isinstance(d, Exception)), None)
            if failed is not None:
                a.status = "error"
                a.error = f"{a.article_id}: extraction failed: {type(failed).__name__}: {failed}".splitlines()[0]
                results[i] = (article_row(a, n_words=count_words(a.text), sha256=sha256(a.text)), {})
                continue
            n_words, rows = _merge_pieces(done, a.article_id)
            results[i] = (article_row(a, n_words=n_words, sha256=sha256(a.text)), rows)
    return [results[i] for i in range(len(articles))]


def batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


# Worker processes load the pipeline once, in the initializer, then annotate batch after batch.
_WORKER_MODEL: str | None = None
_WORKER_MAX_CHARS = MAX_CHARS


def _init_worker(model: str | None, max_chars: int) -> None:
    global _WORKER_MODEL, _WORKER_MAX_CHARS
    _WORKER_MODEL, _WORKER_MAX_CHARS = model, max_chars
    load_pipeline(model)


def _work(batch: list[Article]) -> list[Result]:
    return process_batch(batch, _WORKER_MODEL, _WORKER_MAX_CHARS)


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
    tmp = out / "run.json.part"
    tmp.write_text(json.dumps(log, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, out / "run.json")


def prepare_out(out: Path, fmt: str, *, resume: bool, overwrite: bool) -> None:
    """Refuse an OUT that already holds something, unless the user said what to do with it."""
    if out.exists() and not out.is_dir():
        raise InputError(f"output {out} exists and is not a folder")
    if out.is_dir() and any(out.iterdir()) and not (resume or overwrite):
        raise InputError(f"output folder {out} is not empty: use --overwrite to replace its tables "
                         f"or --resume to continue the run")


def previous_results(out: Path, fmt: str) -> dict[tuple[str, str], Result]:
    """Rows of a finished or earlier run in OUT, by (article_id, sha256), for --resume."""
    if not (out / f"articles.{fmt}").exists():
        return {}
    tables = {t: read_table(out / f"{t}.{fmt}") for t in TABLES if (out / f"{t}.{fmt}").exists()}
    by_article: dict[str, dict[str, list[dict]]] = {}
    for t in TABLES[1:]:
        df = tables.get(t)
        if df is None:
            continue
        for r in df.astype(object).where(df.notna(), None).to_dict("records"):
            by_article.setdefault(str(r["article_id"]), {}).setdefault(t, []).append(r)
    done = {}
    arts = tables["articles"].astype(object).where(tables["articles"].notna(), None)
    for a in arts.to_dict("records"):
        if a["status"] in ("ok", "skipped"):
            done[(str(a["article_id"]), a["sha256"])] = (a, by_article.get(str(a["article_id"]), {}))
    return done


def run(inputs: Iterable[str | Path], out: str | Path = "out", *, fmt: str = "csv", workers: int = 1,
        model: str | None = None, published: str | None = None, resume: bool = False,
        overwrite: bool = False, limit: int | None = None, excel: bool = False,
        max_chars: int = MAX_CHARS, progress: Callable[[RunSummary], None] | None = None) -> RunSummary:
    """Extract every article under INPUTS into tables in OUT (one file a table, format FMT).
    Returns the RunSummary. Raises InputError for usage mistakes (missing input, occupied OUT,
    bad option), before any article is read."""
    out = Path(out)
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}: choose csv, parquet or jsonl")
    if workers < 0:
        raise InputError("--workers must be 0 (all cores) or more")
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
    prepare_out(out, fmt, resume=resume, overwrite=overwrite)
    # 4 bytes a character at most in UTF-8: a file larger than this cannot be under max_chars.
    articles: Iterable[Article] = read_articles(inputs, published=published, max_bytes=4 * max_chars)
    done = previous_results(out, fmt) if resume else {}
    if limit is not None:
        articles = islice(articles, limit)

    n_workers = (os.cpu_count() or 1) if workers == 0 else workers
    summary = RunSummary(out=out)
    writer = TableWriter(out, fmt, excel=excel)
    t0 = time.perf_counter()
    pool = None
    try:
        pending, reused = [], {}
        def todo_batches() -> Iterator[list[Article]]:
            # Articles already done in OUT (--resume) travel as placeholders and keep their old rows.
            for batch in batches(articles, BATCH_ARTICLES):
                for a in batch:
                    key = (a.article_id, sha256(a.text))
                    if key in done:
                        reused[id(a)] = done[key]
                yield batch

        def results() -> Iterator[list[Result]]:
            nonlocal pool
            if n_workers <= 1:
                for batch in todo_batches():
                    yield merge(batch, process_batch([a for a in batch if id(a) not in reused], model, max_chars))
                return
            ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
            pool = ctx.Pool(n_workers, initializer=_init_worker, initargs=(model, max_chars))
            # Batches stay paired with their results in order: imap keeps input order.
            staged: list[list[Article]] = []
            def fresh() -> Iterator[list[Article]]:
                for batch in todo_batches():
                    staged.append(batch)
                    yield [a for a in batch if id(a) not in reused]
            for res in pool.imap(_work, fresh(), chunksize=1):
                yield merge(staged.pop(0), res)

        def merge(batch: list[Article], fresh_results: list[Result]) -> list[Result]:
            it = iter(fresh_results)
            return [reused.pop(id(a)) if id(a) in reused else next(it) for a in batch]

        for batch_results in results():
            for art, tables in batch_results:
                writer.write("articles", [art])
                for t, rows in tables.items():
                    writer.write(t, rows)
                    summary.rows[t] += len(rows)
                summary.articles += 1
                summary.status[art["status"]] = summary.status.get(art["status"], 0) + 1
                summary.words += int(art.get("n_words") or 0)
                if art["status"] == "error":
                    summary.errors.append(str(art["error"]))
            summary.seconds = time.perf_counter() - t0
            if progress:
                progress(summary)
        writer.commit()
        summary.seconds = time.perf_counter() - t0
        write_run_log(out, summary, inputs=inputs, format=fmt, workers=n_workers, model=model)
    except BaseException:
        writer.abort()
        raise
    finally:
        if pool is not None:
            pool.terminate()
    summary.seconds = time.perf_counter() - t0
    return summary
