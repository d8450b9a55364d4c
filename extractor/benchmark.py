"""Speed and memory of `extractor run` beside plain spaCy on the same texts, in one run (`make bench`).

    python -m extractor.benchmark [INPUT ...] [--limit N] [--workers N]

The fixed corpus is the dev texts of ../shared/data (TimeBank, AQUAINT, MEANTIME), with their
publication dates; without that folder, corpus/; or the INPUTs given. Each measurement runs in its
own subprocess, so that peak memory (max RSS) is measured per side:

- plain:  en_core_web_sm's full pipeline, nlp.pipe over the texts (the model's own speed);
- run/1:  extractor run with 1 worker (reading, every rule, normalisation, geocoding, writing CSV);
- run/N:  the same with N workers (default 2);
- run/10%: the same as run/1 on a tenth of the articles, for memory growth with corpus size.

Words are whitespace-separated tokens of the texts, the same count for every side. Speeds leave
start-up (loading the pipeline) out; start-up is measured on its own: from launching the command to
its first article written."""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
DEV_FILES = ("dates/timebank.jsonl", "dates/aquaint.jsonl", "meantime-dev/full.jsonl")

# Acceptance (issue 7).
MIN_SPEED_VS_PLAIN = 1.0
MIN_SCALING = 1.8
MAX_RSS_MIB = 600
MAX_RSS_GROWTH = 0.20
MAX_STARTUP_S = 3.0


def build_corpus(inputs: list[str], limit: int | None, dest: Path) -> tuple[int, int]:
    """The benchmark corpus as one JSON-lines file DEST: (articles, words)."""
    recs = []
    if inputs:
        from .io.readers import read_articles

        for a in read_articles(inputs):
            if a.status == "ok" and a.text.strip():
                recs.append({"id": a.article_id, "text": a.text, "published": a.published or None})
    elif SHARED.is_dir():
        for name in DEV_FILES:
            with open(SHARED / name, encoding="utf-8") as f:
                for line in f:
                    r = json.loads(line)
                    recs.append({"id": r["id"], "text": r["text"], "published": (r.get("dct") or "")[:10] or None})
    else:
        return build_corpus([str(ROOT / "corpus")], limit, dest)
    recs = recs[:limit] if limit else recs
    with open(dest, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return len(recs), sum(len(r["text"].split()) for r in recs)


def peak_rss_mib() -> tuple[float, float]:
    """(this process, its largest child) peak resident memory in MiB (Linux reports KiB)."""
    scale = 1024 if sys.platform.startswith("linux") else 1024 * 1024
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / scale)


def side_plain(corpus: Path) -> dict:
    import spacy

    from .pipeline import default_model

    recs = [json.loads(line) for line in open(corpus, encoding="utf-8")]
    texts = [r["text"] for r in recs]
    t0 = time.perf_counter()
    name = default_model()
    nlp = spacy.load(name) if name else spacy.blank("en")
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    secs = time.perf_counter() - t0
    return {"seconds": secs, "load": load}


def side_run(corpus: Path, workers: int, limit: int | None) -> dict:
    from .batch import run
    from .engines.annotate import batch_pipeline

    first: list[float] = []
    t0 = time.perf_counter()
    batch_pipeline()  # what run() does first; timed apart, as spaCy's load is on the plain side
    load = time.perf_counter() - t0

    def progress(summary) -> None:
        if not first:
            first.append(time.time())

    with tempfile.TemporaryDirectory(prefix="extractor-bench-") as tmp:
        t0 = time.perf_counter()
        summary = run([corpus], Path(tmp) / "out", workers=workers, limit=limit, progress=progress)
        secs = time.perf_counter() - t0
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"seconds": secs, "load": load, "first_article_at": first[0] if first else None,
            "cpu_self": usage.ru_utime + usage.ru_stime,
            "articles": summary.articles, "errors": summary.status.get("error", 0)}


def measure(side: str, corpus: Path, workers: int, limit: int | None) -> dict:
    """One side in its own process: timings, and peak RSS of the process and of its workers."""
    t_launch = time.time()
    cmd = [sys.executable, "-m", "extractor.benchmark", "--side", side, "--corpus", str(corpus),
           "--workers", str(workers)] + (["--limit", str(limit)] if limit else [])
    done = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    if done.returncode != 0:
        raise SystemExit(f"benchmark side {side} failed:\n{done.stderr[-3000:]}")
    r = json.loads(done.stdout.strip().splitlines()[-1])
    if r.get("first_article_at"):
        r["startup"] = r["first_article_at"] - t_launch
    return r


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="*", help="articles to use instead of the dev texts")
    ap.add_argument("--limit", type=int, help="use the first N articles only")
    ap.add_argument("--workers", type=int, default=2, help="workers of the parallel run (default 2)")
    ap.add_argument("--side", choices=["plain", "run"], help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.side:
        r = side_plain(Path(a.corpus)) if a.side == "plain" else side_run(Path(a.corpus), a.workers, a.limit)
        r["rss_self"], r["rss_children"] = peak_rss_mib()
        print(json.dumps(r))
        return 0

    with tempfile.TemporaryDirectory(prefix="extractor-bench-") as tmp:
        corpus = Path(tmp) / "bench.jsonl"
        n, words = build_corpus(a.inputs, a.limit, corpus)
        small = max(1, n // 10)
        small_words = sum(len(json.loads(line)["text"].split()) for line in list(open(corpus, encoding="utf-8"))[:small])
        print(f"corpus: {n} articles, {words:,} words ({'given inputs' if a.inputs else 'dev texts' if SHARED.is_dir() else 'corpus/'}); "
              f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}", flush=True)
        if os.getloadavg()[0] > 0.5:
            print("note: other processes are using the CPU: speeds, and the scaling with workers most, "
                  "come out lower than on an idle machine", flush=True)
        plain = measure("plain", corpus, 1, None)
        one = measure("run", corpus, 1, None)
        many = measure("run", corpus, a.workers, None)
        tenth = measure("run", corpus, 1, small)

    def wps(r: dict, w: int) -> float:
        return w / r["seconds"]

    rows = [("plain en_core_web_sm nlp.pipe", plain, words), ("extractor run, 1 worker", one, words),
            (f"extractor run, {a.workers} workers", many, words), (f"extractor run, 1 worker, {small} articles", tenth, small_words)]
    print(f"{'':40s} {'seconds':>8s} {'words/s':>8s} {'load s':>7s} {'start s':>7s} {'RSS MiB':>8s} {'worker MiB':>10s}")
    for label, r, w in rows:
        start = f"{r['startup']:7.2f}" if r.get("startup") else f"{'-':>7s}"
        child = f"{r['rss_children']:10.0f}" if r["rss_children"] > 1 else f"{'-':>10s}"
        print(f"{label:40s} {r['seconds']:8.2f} {wps(r, w):8,.0f} {r['load']:7.2f} {start} {r['rss_self']:8.0f} {child}")
    speed = wps(one, words) / wps(plain, words)
    scaling = wps(many, words) / wps(one, words)
    worker_rss = max(one["rss_self"], many["rss_children"] or 0)
    growth = one["rss_self"] / tenth["rss_self"] - 1
    checks = [
        (f"1 worker vs plain spaCy: {speed:.2f}x", speed >= MIN_SPEED_VS_PLAIN, f">= {MIN_SPEED_VS_PLAIN}x"),
        (f"{a.workers} workers vs 1: {scaling:.2f}x", scaling >= MIN_SCALING, f">= {MIN_SCALING}x"),
        (f"peak RSS per worker: {worker_rss:.0f} MiB", worker_rss < MAX_RSS_MIB, f"< {MAX_RSS_MIB} MiB"),
        (f"peak RSS, {n} vs {small} articles: {growth:+.1%}", growth < MAX_RSS_GROWTH, f"< +{MAX_RSS_GROWTH:.0%}"),
        (f"start-up to the first article: {one.get('startup', float('nan')):.2f} s",
         one.get("startup", 99) < MAX_STARTUP_S, f"< {MAX_STARTUP_S:.0f} s"),
    ]
    for text, ok, target in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {text}  (target {target})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
