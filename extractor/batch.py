"""A run: read the inputs lazily, hand batches of articles to an engine (engines/: local processes
or a Dask cluster), write their rows as batches finish, in input order whatever the engine and the
number of workers, in committed chunks that --resume continues (io/store.py)."""
from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from .engines.annotate import MAX_CHARS, batch_pipeline, sha256
from .dedupe import MODES, mark_duplicates
from .engines.local import local_results
from .errors import InputError
from .io.readers import check_inputs, read_articles
from .io.store import ChunkedWriter, read_manifest, reopen_finished
from .io.writers import FORMATS
from .rows import TABLES, Article

log = logging.getLogger(__name__)

BATCH_ARTICLES = 8            # articles a worker annotates at once (one committed chunk): small, so workers finish together
BATCH_CHARS = 100_000         # and about this many characters at most, so a batch's memory is bounded
MAX_ERRORS_KEPT = 1000        # error messages kept in the summary (all of them are in the articles table)
ENGINES = ("local", "dask")


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
        batch_size: int = BATCH_ARTICLES, text: bool = False, dedupe: str = "mark") -> RunSummary:
    """Extract every article under INPUTS into tables in OUT (one file a table, format FMT).
    ENGINE is "local" (WORKERS processes; 0 = all cores) or "dask" (a Dask cluster at SCHEDULER,
    default a local one with WORKERS workers). Rows come out in input order whatever the engine and
    the number of workers. TEXT adds the article text (the one the offsets index) to the articles
    table; DEDUPE (mark, skip or off) fills duplicate_of, and with skip does not extract the
    near-duplicates (extractor/dedupe.py). Returns the RunSummary. Raises InputError for usage mistakes (missing
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
    if dedupe not in MODES:
        raise InputError(f"unknown --dedupe {dedupe!r}: choose {', '.join(MODES)}")
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
        from .engines.dask_engine import check_dask, dask_results

        check_dask()

    def read() -> Iterator[Article]:
        # 4 bytes a character at most in UTF-8: a file larger than this cannot be under max_chars.
        arts = read_articles(inputs, published=published, max_bytes=4 * max_chars)
        # Near-duplicates are decided here, in input order in this process, over every article
        # from the first (a resumed run reads them again): the same answer for any engine.
        arts = mark_duplicates(islice(arts, limit) if limit is not None else arts, dedupe)
        return arts

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
        for batch, batch_results in results:
            if summary.startup_seconds is None:
                summary.startup_seconds = time.perf_counter() - t0
            for article, (art, tables) in zip(batch, batch_results):
                if text:
                    art["text"] = article.text
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
