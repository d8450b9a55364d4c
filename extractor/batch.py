"""A run: read the inputs lazily, hand batches of articles to an engine (engines/: local processes
or a Dask cluster), write their rows as batches finish, in input order whatever the engine and the
number of workers, in committed chunks that --resume continues (io/store.py)."""
from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from .engines.annotate import MAX_CHARS, EncodedResults, Result, batch_pipeline, encode_results
from .dedupe import MODES, NearDuplicates, is_deduplicated, mark_duplicates, sha256
from .engines.local import local_results
from .errors import InputError
from .io.readers import check_inputs, read_articles
from .io.store import ChunkedWriter, read_manifest, reopen_finished
from .io.writers import FORMATS
from .progress import InputPosition
from .rows import TABLES, Article

log = logging.getLogger(__name__)

# Articles a worker annotates at once (one committed chunk); the first batches ramp up 1, 9, 81 ... so
# that every worker gets work early (RAMP_GROWTH). As many as one model minibatch (annotate.PIPE_BATCH) of short
# texts: the model's per-call cost is then shared by 256 one-sentence articles, not 32.
BATCH_ARTICLES = 256
# and about this many characters at most, so that a batch's memory is bounded and workers share the
# work evenly: the last batch of a run keeps one worker busy while the others wait (150,000
# characters were ~25,000 words, ~5 s of one worker); 60,000 costs no CPU (1 worker, political and
# local news: the same within noise) and still fills the model's minibatches (PIPE_CHARS).
BATCH_CHARS = 60_000
MAX_ERRORS_KEPT = 1000        # error messages kept in the summary (all of them are in the articles table)
ENGINES = ("local", "dask")
# How fast the first batches grow: a batch after START articles holds at most RAMP_GROWTH * START + 1
# (1, 9, 81, 256 ...). The first article still comes alone (start-up), but doubling (1, 2, 4 ... 128)
# put the first 255 one-sentence texts through the model in minibatches of 1 to 128 docs, where the
# parser and NER pay a per-call cost each: CPU of a run of 684 one-sentence texts 8.18 s, 7.76 s with
# no ramp at all (issue 19; load ~7, best of 3). Long articles meet BATCH_CHARS before the ramp.
RAMP_GROWTH = 8


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
    total: int | None = None               # articles to do, when known without reading the inputs (--limit)
    input_bytes: int | None = None         # bytes of the input files, once listed (progress.InputPosition)
    bytes_done: int = 0                    # of which the articles written so far come to (an estimate)
    resumed_articles: int = 0              # done by an earlier run (--resume), counted in the totals
    resumed_words: int = 0
    resumed_bytes: int = 0                 # where this invocation started in the input, in bytes
    startup_seconds: float | None = None   # from the call to the first finished batch

    @property
    def words_per_second(self) -> float:
        """Speed of this invocation (articles resumed from an earlier run do not count)."""
        return (self.words - self.resumed_words) / self.seconds if self.seconds > 0 else 0.0

    @property
    def fraction(self) -> float | None:
        """The share of the run done: articles out of --limit, else bytes of the input files."""
        if self.total:
            return min(1.0, self.articles / self.total)
        if self.input_bytes:
            return min(1.0, self.bytes_done / self.input_bytes)
        return None

    @property
    def eta_seconds(self) -> float | None:
        """Seconds left at this invocation's pace, or None while it cannot be told."""
        share = self.fraction
        if share is None or self.seconds <= 0:
            return None
        if self.total:
            start = self.resumed_articles / self.total
        else:
            start = self.resumed_bytes / self.input_bytes
        if share <= start:
            return None
        return max(0.0, 1.0 - share) * self.seconds / (share - start)

    def add_resumed(self, done: dict[str, Any] | None) -> None:
        """Count the articles an earlier run finished (the totals of the manifest's last commit)."""
        if not done:
            return
        self.articles = self.resumed_articles = done["articles"]
        self.status.update(done["status"])
        self.rows.update(done["rows"])
        self.words = self.resumed_words = done["words"]

    def add_article(self, art: dict[str, Any], counts: dict[str, int]) -> None:
        """Count one written article: its status, words, rows (COUNTS by table) and error message."""
        for t, n in counts.items():
            self.rows[t] += n
        self.articles += 1
        self.status[art["status"]] = self.status.get(art["status"], 0) + 1
        self.words += int(art.get("n_words") or 0)
        if art["status"] == "error" and len(self.errors) < MAX_ERRORS_KEPT:
            self.errors.append(str(art["error"]))

    def totals(self) -> dict[str, Any]:
        """What the manifest records after each batch, for a resumed run's add_resumed()."""
        return {"articles": self.articles, "status": self.status, "rows": self.rows, "words": self.words}

    def line(self) -> str:
        rows = " ".join(f"{t}={n}" for t, n in self.rows.items())
        resumed = f", {self.resumed_articles} done by an earlier run" if self.resumed_articles else ""
        return (f"{self.articles} articles ({self.status['ok']} ok, {self.status['skipped']} skipped, "
                f"{self.status['error']} errors{resumed}); rows: {rows}; {self.seconds:.1f} s, "
                f"{self.words_per_second:,.0f} words/s -> {self.out}")


def batches(items: Iterable[Article], size: int = BATCH_ARTICLES, max_chars: int = BATCH_CHARS,
            ramp: bool = False, start: int = 0, tail_split: int = 1) -> Iterator[list[Article]]:
    """Consecutive runs of at most SIZE articles and about MAX_CHARS characters (one long article
    makes a batch of its own), so that a batch's memory is bounded whatever the articles' length.
    With RAMP the first batches are small (1, 9, 81 ... articles): the first rows come out within a
    second of the pipeline being loaded and every worker gets work early. With TAIL_SPLIT > 1 (a
    parallel run) the articles of the last two batches are cut again into batches of MAX_CHARS /
    TAIL_SPLIT characters, so that the run's last batch is short and no worker works on alone while
    the others wait (one worker gains nothing from it, and its model passes would take fewer docs).
    Where batches end depends only on the articles from START (the index of the first one in the
    whole run), so a resumed run cuts the same batches as an uninterrupted one."""
    if tail_split <= 1:
        yield from _cut(items, size, max_chars, ramp, start)
        return
    held: list[list[Article]] = []  # the last two batches, cut again once the input ends
    for batch in _cut(items, size, max_chars, ramp, start):
        held.append(batch)
        if len(held) > 2:
            first = held.pop(0)
            start += len(first)
            yield first
    yield from _cut([a for b in held for a in b], size, max(1, max_chars // tail_split), ramp, start)


# A parallel run cuts its last two batches in quarters: with 60,000 characters a batch (~2 s of a
# worker), its workers then finish within ~0.5 s of each other.
TAIL_SPLIT = 4


def _cut(items: Iterable[Article], size: int, max_chars: int, ramp: bool, start: int) -> Iterator[list[Article]]:
    """The batches of batches(), before any second cut of the last two."""
    batch: list[Article] = []
    chars = 0
    limit = min(size, RAMP_GROWTH * start + 1) if ramp else size
    for a in items:
        if batch and (len(batch) >= limit or chars + len(a.text) > max_chars):
            start += len(batch)
            yield batch
            batch, chars = [], 0
            limit = min(size, RAMP_GROWTH * start + 1) if ramp else size
        batch.append(a)
        chars += len(a.text)
    if batch:
        yield batch


def write_run_log(out: Path, summary: RunSummary, **options: Any) -> None:
    """OUT/run.json: what ran, how long it took and how fast. Timings live here, not in the tables,
    so that two runs over the same inputs give byte-identical tables."""
    from datetime import datetime, timezone

    from .version import __version__
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
                batch_size: int, read_fresh: Callable[[], Iterator[Article]] | None = None
                ) -> tuple[ChunkedWriter, Iterator[Article], dict | None, int, bool]:
    """The writer for OUT, the articles still to do, the totals of those already done, the
    batch size (a resumed run keeps the one it started with, so that it cuts the same batches) and
    whether the run starts afresh (its articles then come from READ_FRESH, when given).
    With RESUME, the articles of the manifest (or of finished tables) that still match the inputs,
    in order, are kept up to the last committed batch; everything after it is done again."""
    writer = ChunkedWriter(out, fmt, excel=excel)
    if resume and has_earlier_run(writer, batch_size):
        kept = resume_point(writer, read, batch_size)
        if kept is not None:
            return (*kept, False)
    writer.start(batch_size=batch_size)
    return writer, (read_fresh or read)(), None, batch_size, True


def has_earlier_run(writer: ChunkedWriter, batch_size: int) -> bool:
    """Whether OUT holds a run to continue: a manifest, or the finished tables of a run (turned
    back into spools and a manifest here, so that they are continued the same way)."""
    if writer.manifest_path.exists():
        return True
    if all(writer.final(t).exists() for t in TABLES):
        reopen_finished(writer.out, writer.fmt, writer.excel, batch_size=batch_size)
        return True
    return False


def resume_point(writer: ChunkedWriter, read: Callable[[], Iterator[Article]],
                 batch_size: int) -> tuple[ChunkedWriter, Iterator[Article], dict | None, int] | None:
    """open_output()'s answer for a run continued from OUT's manifest, or None when nothing that
    was committed still matches the inputs (the run starts over)."""
    try:
        header, lines = read_manifest(writer.manifest_path)
    except ValueError:  # killed while the run was starting: nothing was committed
        return None
    try:
        check_same_options(header, writer.fmt, writer.excel)
        batch_size = int(header.get("batch_size") or batch_size)
        point = last_matching_commit(header, lines, read)
    finally:
        lines.close()
    if point is None:
        return None
    writer.reopen(point.offsets, point.manifest_bytes)
    return writer, point.articles, point.totals, batch_size


def check_same_options(header: dict[str, Any], fmt: str, excel: bool) -> None:
    """InputError when the run in OUT was written with another format or --excel setting."""
    if header.get("format") != fmt or bool(header.get("excel")) != excel:
        raise InputError(f"cannot resume: OUT holds a run in format {header.get('format')}"
                         f"{' (--excel)' if header.get('excel') else ''}; resume with the same options")


@dataclass
class ResumePoint:
    """The last commit of the manifest whose articles all still match the inputs, in order."""
    offsets: dict[str, int] | None   # each table's size there (None: a line without a commit point)
    manifest_bytes: int              # the manifest's size up to and including it
    totals: dict[str, Any] | None    # the run's totals there
    n_articles: int                  # articles done up to it
    articles: Iterator[Article] = field(default_factory=lambda: iter(()))  # the articles after it


def last_matching_commit(header: dict[str, Any], lines: Iterator[tuple[dict, int]],
                         read: Callable[[], Iterator[Article]]) -> ResumePoint | None:
    """Walk the manifest beside the inputs, batch by batch, up to the first batch whose articles
    differ; the last commit point on the way, with the articles still to do after it."""
    good = ResumePoint(header["offsets"], header["_bytes"], None, 0)
    articles, n, diverged = read(), 0, False
    for rec, pos in lines:
        keys = rec["articles"]
        got = list(islice(articles, len(keys)))
        n += len(got)
        if len(got) != len(keys) or any(article_key(a) != k for a, k in zip(got, keys)):
            diverged = True
            break
        if rec.get("offsets") is not None:
            good = ResumePoint(rec["offsets"], pos, rec["totals"], n)
    if good.offsets is None:
        return None
    if diverged or n != good.n_articles:
        log.info("resume: inputs differ from the manifest after %d articles; redoing from there", good.n_articles)
        articles = islice(read(), good.n_articles, None)
    good.articles = articles
    return good


def checked_published(published: str | None) -> str | None:
    """The --published option as an ISO date; InputError when it is not a date."""
    if not published:
        return published
    from .normalize.dates_published import parse_published

    try:
        return parse_published(published)
    except ValueError as e:
        raise InputError(str(e)) from None


def check_options(fmt: str, workers: int, engine: str, scheduler: str | None, batch_size: int) -> None:
    """InputError for an option value run() cannot take, before anything is read or written."""
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


def check_inputs_and_out(inputs: list[str | Path], out: Path, *, resume: bool, overwrite: bool) -> None:
    if not inputs:
        raise InputError("no input given: name files or folders of articles")
    check_inputs(inputs)
    prepare_out(out, resume=resume, overwrite=overwrite)


def article_reader(inputs: list[str | Path], published: str | None, max_chars: int,
                   limit: int | None, dedupe: str = "mark") -> Callable[[], Iterator[Article]]:
    """A function that reads the inputs afresh, lazily, each time it is called (a resumed run may
    read them twice: once beside the manifest, once from the point where the inputs changed)."""
    def read() -> Iterator[Article]:
        # 4 bytes a character at most in UTF-8: a file larger than this cannot be under max_chars.
        arts = read_articles(inputs, published=published, max_bytes=4 * max_chars)
        # Near-duplicates are decided here, in input order in this process, over every article
        # from the first (a resumed run reads them again): the same answer for any engine.
        return mark_duplicates(islice(arts, limit) if limit is not None else arts, dedupe)

    return read


def engine_results(engine: str, work: Iterable[list[Article]], n_workers: int, model: str | None,
                   max_chars: int, scheduler: str | None, encoding: tuple[str, bool] | None = None,
                   signatures: bool = False) -> Iterator[tuple[list[Article], list[Result] | EncodedResults]]:
    """(batch, results) in input order from the engine asked for; local workers encode the rows
    for the tables (ENCODING: format, excel) when given, and with SIGNATURES compute each
    article's near-duplicate signature."""
    if engine == "dask":
        from .engines.dask_engine import dask_results

        return dask_results(work, n_workers, model, max_chars, scheduler=scheduler)
    # Loaded here once: forked workers inherit it (shared pages, no second load).
    batch_pipeline(model)
    return local_results(work, n_workers, model, max_chars, encoding=encoding, signatures=signatures)


def workers_sign(engine: str, n_workers: int, dedupe: str) -> bool:
    """Whether the workers compute the near-duplicate signatures and this process decides as each
    batch comes back (dedupe.py): with several local workers, when nothing waits for the decision
    (--dedupe skip must decide before extracting)."""
    return engine == "local" and n_workers > 1 and dedupe == "mark"


def mark_signed_duplicates(seen: NearDuplicates, batch: list[Article], results: EncodedResults) -> None:
    """Fill duplicate_of in the articles rows of BATCH from the signatures its worker computed, in
    input order: the decisions of mark_duplicates() on the same articles."""
    for a, art, sig in zip(batch, results.articles, results.signatures):
        if is_deduplicated(a):  # A as read: the worker's copy may have been marked skipped since
            art["duplicate_of"] = seen.first_duplicate_of(a.article_id, art["sha256"], sig)


def write_batch(writer: ChunkedWriter, summary: RunSummary, results: EncodedResults,
                position: InputPosition | None) -> None:
    """Write one batch's rows, count them, then commit the batch (its articles enter the manifest).
    The mention rows come encoded (by the workers, or by encode_results() here): they are appended
    as they are."""
    for art in results.articles:
        writer.write("articles", [art])
    for t, data in results.tables.items():
        writer.write_encoded(t, data, sum(c.get(t, 0) for c in results.counts))
    for art, n in zip(results.articles, results.counts):
        summary.add_article(art, n)
        if position is not None:
            position.advance(str(art["source"]), int(art.get("n_chars") or 0))
    writer.commit_batch([row_key(art) for art in results.articles], summary.totals())


def watch_position(summary: RunSummary, position: InputPosition) -> None:
    """Copy where the run stands in its input onto the summary, for the progress callback."""
    done = position.done()
    if done is not None:
        summary.input_bytes, summary.bytes_done, summary.resumed_bytes = position.total, done, position.started_at()


def run(inputs: Iterable[str | Path], out: str | Path = "out", *, fmt: str = "csv", workers: int = 1,
        model: str | None = None, published: str | None = None, resume: bool = False,
        overwrite: bool = False, limit: int | None = None, excel: bool = False,
        max_chars: int = MAX_CHARS, progress: Callable[[RunSummary], None] | None = None,
        engine: str = "local", scheduler: str | None = None,
        batch_size: int = BATCH_ARTICLES, text: bool = False, dedupe: str = "mark") -> RunSummary:
    """Extract every article under INPUTS into tables in OUT (one file a table, format FMT).
    ENGINE is "local" (WORKERS processes; 0 = all cores) or "dask" (a Dask cluster at SCHEDULER,
    default a local one with WORKERS workers). Rows come out in input order whatever the engine and
    the number of workers. TEXT adds the article text (the one the offsets index) to the articles
    table; DEDUPE (mark, skip or off) fills duplicate_of, and with skip does not extract the
    near-duplicates (extractor/dedupe.py). Returns the RunSummary. Raises InputError for usage mistakes (missing
    input, occupied OUT, bad option), before any article is read."""
    t0 = time.perf_counter()
    out, inputs = Path(out), list(inputs)
    check_options(fmt, workers, engine, scheduler, batch_size)
    if dedupe not in MODES:
        raise InputError(f"unknown --dedupe {dedupe!r}: choose {', '.join(MODES)}")
    published = checked_published(published)
    check_inputs_and_out(inputs, out, resume=resume, overwrite=overwrite)
    n_workers = (os.cpu_count() or 1) if workers == 0 else workers
    if engine == "dask":
        from .engines.dask_engine import check_dask

        check_dask()
    read = article_reader(inputs, published, max_chars, limit, dedupe)
    sign = workers_sign(engine, n_workers, dedupe)
    # A resumed run decides in the reader: the articles done before enter its index there.
    read_fresh = article_reader(inputs, published, max_chars, limit, "off") if sign else None
    summary = RunSummary(out=out, total=limit)
    writer, articles, done, batch_size, fresh = open_output(out, fmt, excel, resume, read, batch_size, read_fresh)
    seen = NearDuplicates() if sign and fresh else None
    summary.add_resumed(done)
    position = None
    if progress and limit is None:
        position = InputPosition()
        position.list_on_the_side(inputs)
    work = batches(articles, batch_size, BATCH_CHARS, ramp=True, start=summary.resumed_articles,
                   tail_split=TAIL_SPLIT if n_workers > 1 else 1)
    try:
        for batch, results in engine_results(engine, work, n_workers, model, max_chars, scheduler,
                                             encoding=(fmt, excel), signatures=seen is not None):
            if summary.startup_seconds is None:
                summary.startup_seconds = time.perf_counter() - t0
            if not isinstance(results, EncodedResults):  # one worker, or dask: encoded here, as a worker would
                results = encode_results(results, fmt, excel)
            if seen is not None:
                mark_signed_duplicates(seen, batch, results)
            if text:
                for article, art in zip(batch, results.articles):
                    art["text"] = article.text
            write_batch(writer, summary, results, position)
            summary.seconds = time.perf_counter() - t0
            if progress:
                if position is not None:
                    watch_position(summary, position)
                progress(summary)
        writer.finish()
        summary.seconds = time.perf_counter() - t0
        write_run_log(out, summary, inputs=inputs, format=fmt, workers=n_workers, model=model, engine=engine)
    finally:
        writer.close()
    summary.seconds = time.perf_counter() - t0
    return summary
