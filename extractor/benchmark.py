"""Speed and memory of the extractor beside plain spaCy on the same texts, in one run.

    python -m extractor.benchmark [INPUT ...] [--limit N] [--workers N]

Each side runs in its own subprocess so that peak memory (max RSS) is measured per side.
Words are whitespace-separated tokens of the article texts, the same count for both sides."""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

from .io.readers import read_articles

DEFAULT_INPUTS = [Path(__file__).resolve().parents[1] / "corpus"]


def texts(inputs: list[str], limit: int | None) -> list[tuple[str, str | None]]:
    out = []
    for a in read_articles(inputs):
        if a.status == "ok" and a.text.strip():
            out.append((a.text, a.published or None))
            if limit and len(out) >= limit:
                break
    return out


def measure(side: str, inputs: list[str], limit: int | None, workers: int) -> dict:
    """Words per second of one side: 'plain' (the trained pipeline alone) or 'extractor'."""
    docs = texts(inputs, limit)
    words = sum(len(t.split()) for t, _ in docs)
    from .pipeline import default_model, load_pipeline

    if side == "plain":
        import spacy

        name = default_model()
        nlp = spacy.load(name) if name else spacy.blank("en")
        t0 = time.perf_counter()
        for _ in nlp.pipe((t for t, _ in docs), n_process=max(1, workers)):
            pass
    else:
        from .batch import BATCH_ARTICLES, process_batch
        from .rows import Article

        load_pipeline()
        arts = [Article(article_id=str(i), text=t, published=p or "") for i, (t, p) in enumerate(docs)]
        t0 = time.perf_counter()
        if workers <= 1:
            for i in range(0, len(arts), BATCH_ARTICLES):
                process_batch(arts[i:i + BATCH_ARTICLES])
        else:
            import multiprocessing as mp

            from .batch import _init_worker, _work
            with mp.get_context("fork").Pool(workers, initializer=_init_worker, initargs=(None, 10**9)) as pool:
                list(pool.imap(_work, [arts[i:i + BATCH_ARTICLES] for i in range(0, len(arts), BATCH_ARTICLES)]))
    secs = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux -> MiB
    return {"side": side, "articles": len(docs), "words": words, "seconds": round(secs, 2),
            "words_per_second": round(words / secs), "peak_rss_mib": round(peak)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="*", default=[str(p) for p in DEFAULT_INPUTS])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--side", choices=["plain", "extractor"], help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.side:
        print(json.dumps(measure(a.side, a.inputs, a.limit, a.workers)))
        return 0
    rows = []
    for side in ("plain", "extractor"):
        cmd = [sys.executable, "-m", "extractor.benchmark", *a.inputs, "--side", side, "--workers", str(a.workers)]
        if a.limit:
            cmd += ["--limit", str(a.limit)]
        rows.append(json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]))
    print(f"{'side':10s} {'articles':>8s} {'words':>8s} {'seconds':>8s} {'words/s':>8s} {'peak MiB':>8s}")
    for r in rows:
        print(f"{r['side']:10s} {r['articles']:8d} {r['words']:8d} {r['seconds']:8.2f} {r['words_per_second']:8d} {r['peak_rss_mib']:8d}")
    print(f"extractor speed = {rows[1]['words_per_second'] / rows[0]['words_per_second']:.2f} x plain spaCy")
    return 0


if __name__ == "__main__":
    sys.exit(main())
