"""Speed and memory of `extractor run` beside plain spaCy, on several kinds of news text, in one run
(`make bench`).

    python -m extractor.benchmark [--words N] [--repeat R] [--workers N] [--kinds K ...] [--json FILE]

The kinds (KINDS below): the dev texts of ../shared/data (newswire, web news, political news, news
sentences), corpus/ (Wikinews), and long local-news texts generated from templates and gazetteer
names (local_news(): dense with towns, counties, figures and dates; seeded, so every run benches the
same texts). Each kind is sampled to about N words (default 20,000), the same articles every run.

What is measured, each in a subprocess of its own:
- compare: for each kind, plain en_core_web_sm `nlp.pipe` and `extractor run` with 1 worker (every
  table written to a temporary folder), one after the other, in alternating order, as the CPU time
  (user + sys) of each side's own process (two long-lived processes, so that plain spaCy runs as a
  user runs it, without what the run sets up for its process): on a machine other programs share,
  CPU time moves much less than wall time. Each component's CPU time (extractor.profile), for its share.
- run/1 and run/N: the whole benchmark corpus with 1 and N workers: wall time, CPU time of the
  process and of its workers, peak RSS of each.
- start-up: `extractor run` on the first tenth of the corpus, from launching the process to its
  first article written; its peak RSS against run/1's says whether memory grows with articles.

Words are whitespace-separated tokens of the texts, the same count for every side."""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
CORPUS = ROOT / "corpus"

# kind: (what it is, its sources: files under ../shared/data, "corpus/" or "generated")
KINDS = {
    "newswire": ("TimeBank + AQUAINT (AP, NYT, ABC, CNN newswire, 1990s)", ("dates/timebank.jsonl", "dates/aquaint.jsonl")),
    "wikinews": ("corpus/: MEANTIME Wikinews articles and the seed article", ("corpus/",)),
    "web_news": ("TR-News + GeoWebNews (web news pages, 2010s)", ("geo/trnews.jsonl", "geo/geowebnews.jsonl")),
    "political": ("PolNeAR dev (US political news, 2016)", ("quotes/polnear-dev.jsonl",)),
    "sentences": ("CoNLL04 (single AP/WSJ news sentences)", ("ner/conll04.jsonl",)),
    "local": ("generated local news: towns, counties, figures, dates", ("generated",)),
}
WORDS_PER_KIND = 20_000
# --same-tables: every text of these (whole files) and corpus/.
DEV_TEXTS = ("dates/timebank.jsonl", "dates/aquaint.jsonl", "meantime-dev/full.jsonl", "geo/trnews.jsonl",
             "geo/geowebnews.jsonl", "geo/geovirus.jsonl", "quotes/polnear-dev.jsonl", "ner/conll04.jsonl",
             "numbers/quantulum3.jsonl")
SEED = 19

# Acceptance (issue 19).
MIN_SPEED_VS_PLAIN = 1.15
MIN_SCALING = 1.9
MAX_RSS_MIB = 600
MAX_RSS_GROWTH = 0.20
MAX_STARTUP_S = 3.0


# --- the texts ------------------------------------------------------------------------------------

def n_words(text: str) -> int:
    return len(text.split())


def sample(recs: list[dict], words: int, seed: int = SEED) -> list[dict]:
    """About WORDS words of RECS: whole articles drawn in a seeded order, kept in their file order."""
    order = list(range(len(recs)))
    random.Random(seed).shuffle(order)
    chosen, total = [], 0
    for i in order:
        if total >= words:
            break
        chosen.append(i)
        total += n_words(recs[i]["text"])
    return [recs[i] for i in sorted(chosen)]


def shared_records(name: str) -> list[dict]:
    with open(SHARED / name, encoding="utf-8") as f:
        return [{"id": r["id"], "text": r["text"], "published": (r.get("dct") or "")[:10] or None}
                for r in map(json.loads, f) if r.get("text", "").strip()]


def corpus_records() -> list[dict]:
    from .io.readers import read_articles

    return [{"id": a.article_id, "text": a.text, "published": a.published or None}
            for a in read_articles([CORPUS]) if a.status == "ok" and a.text.strip()]


def kind_records(kind: str, words: int) -> list[dict]:
    """The benchmark articles of KIND ([] when its sources are absent)."""
    recs: list[dict] = []
    for src in KINDS[kind][1]:
        if src == "generated":
            return local_news(words)
        if src == "corpus/":
            recs += corpus_records() if CORPUS.is_dir() else []
        elif (SHARED / src).is_file():
            recs += shared_records(src)
    return sample(recs, words)


# --- generated local news -------------------------------------------------------------------------

COUNTRY_WEIGHTS = {"US": 6, "GB": 1, "CA": 1, "AU": 1, "IE": 1, "NZ": 1, "IN": 1, "ZA": 1, "NG": 1, "KE": 1}
CURRENCY = {"GB": "£", "IE": "€", "IN": "Rs ", "ZA": "R", "NG": "N", "KE": "KSh "}
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def gazetteer_regions() -> list[dict]:
    """First-order regions of the gazetteer's news countries with enough towns: name, abbreviation,
    towns, counties."""
    from .resources import models_path

    towns, names, counties = defaultdict(list), {}, defaultdict(list)
    with gzip.open(models_path("gazetteer", "places.tsv.gz"), "rt", encoding="utf8") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            key = (r["country_code"], r["admin1"])
            if r["country_code"] not in COUNTRY_WEIGHTS or not r["admin1"]:
                continue
            if r["kind"] == "city" and r["name"].isascii() and int(r["population"] or 0) >= 2000:
                towns[key].append(r["name"])
            elif r["kind"] == "admin" and r["name"].endswith(" County"):
                counties[key].append(r["name"])
            elif r["kind"] == "admin" and key not in names:
                alias = next((a for a in r["aliases"].split("|") if a.endswith(".") or a.isupper()), "")
                names[key] = (r["name"], alias or r["name"])
    return [{"country": cc, "state": names[(cc, a1)][0], "abbr": names[(cc, a1)][1], "towns": sorted(set(t)),
             "counties": sorted(set(counties[(cc, a1)]))}
            for (cc, a1), t in sorted(towns.items()) if (cc, a1) in names and len(set(t)) >= 6]


def money(rng: random.Random, cur: str) -> str:
    pick = rng.random()
    if pick < 0.3:
        return f"{cur}{rng.randint(11, 95) / 10:.1f} million"
    if pick < 0.4:
        return f"{cur}{rng.randint(11, 40) / 10:.1f} billion"
    if pick < 0.8:
        return f"{cur}{rng.randint(5, 950) * 1000:,}"
    return f"{cur}{rng.randint(12, 990):,}"


def slot_values(rng: random.Random, region: dict, year: int, lex: dict) -> dict[str, str]:
    """Fresh values for every slot of a template sentence."""
    towns = rng.sample(region["towns"], 3)
    cur = CURRENCY.get(region["country"], "$")
    county = rng.choice(region["counties"]) if region["counties"] else region["state"]
    person = lambda: f"{rng.choice(lex['given'])} {rng.choice(lex['family'])}"  # noqa: E731
    n2 = str(rng.randint(2, 95))
    v = {"town": towns[0], "town2": towns[1], "town3": towns[2], "TOWN": towns[0].upper(),
         "county": county, "state": region["state"], "STATE": region["abbr"],
         "person": person(), "person2": person(), "title": rng.choice(lex["titles"]),
         "org": rng.choice(lex["organizations"]), "unit": rng.choice(lex["units"]),
         "money": money(rng, cur), "money2": money(rng, cur), "money3": f"{cur}{rng.randint(15, 900)}",
         "pct": rng.choice([f"{rng.randint(1, 60)}%", f"{rng.randint(11, 199) / 10:.1f} percent", f"{rng.randint(2, 40)} per cent"]),
         "n": f"{rng.randint(120, 95_000):,}", "n1": str(rng.randint(3, 9)), "n2": n2, "n3": f"{rng.randint(120, 9_000):,}",
         "dec": f"{rng.randint(11, 99) / 10:.1f}", "dec2": f"{rng.randint(11, 99) / 10:.1f}", "age": str(rng.randint(16, 91)),
         "clock": rng.choice([f"{rng.randint(1, 12)}:{rng.choice(['00', '15', '30', '45'])} {rng.choice(['a.m.', 'p.m.'])}",
                              f"{rng.randint(1, 12)} {rng.choice(['a.m.', 'p.m.'])}", "noon"]),
         "weekday": rng.choice(WEEKDAYS), "month": rng.choice(MONTHS), "month2": rng.choice(MONTHS),
         "day": str(rng.randint(1, 28)), "day2": str(rng.randint(1, 28)), "year": str(year + rng.randint(0, 2)),
         "year0": str(year - rng.randint(1, 25))}
    v["road"] = rng.choice(lex["roads"]).format(n2=rng.randint(1, 99))
    return v


def local_article(rng: random.Random, regions: list[dict], lex: dict, i: int) -> dict:
    """One local-news article of 300 to 1,200 words: headline, date line, dateline, paragraphs."""
    countries = sorted({r["country"] for r in regions})
    cc = rng.choices(countries, weights=[COUNTRY_WEIGHTS[c] for c in countries])[0]
    region = rng.choice([r for r in regions if r["country"] == cc])
    year, month, day = rng.randint(2015, 2024), rng.randint(1, 12), rng.randint(1, 28)
    head = rng.choice(lex["headlines"]).format(**slot_values(rng, region, year, lex))
    lines = [head[:1].upper() + head[1:], f"{MONTHS[month - 1]} {day}, {year}"]
    target, words, para = rng.randint(300, 1200), 0, []
    first = rng.choice(lex["datelines"]).format(**slot_values(rng, region, year, lex)) + " "
    while words < target:
        s = rng.choice(lex["sentences"]).format(**slot_values(rng, region, year, lex))
        para.append(first + s)
        first, words = "", words + n_words(s)
        if len(para) >= rng.randint(2, 4):
            lines.append(" ".join(para))
            para = []
    if para:
        lines.append(" ".join(para))
    return {"id": f"local-{i:04d}", "text": "\n\n".join(lines) + "\n", "published": f"{year}-{month:02d}-{day:02d}"}


def local_news(words: int, seed: int = SEED) -> list[dict]:
    """Generated local-news articles, about WORDS words in all: deterministic for a SEED."""
    from .resources import read_json

    lex, regions, rng = read_json("bench/local_news.json"), gazetteer_regions(), random.Random(seed)
    out, total = [], 0
    while total < words:
        out.append(local_article(rng, regions, lex, len(out)))
        total += n_words(out[-1]["text"])
    return out


def write_jsonl(recs: list[dict], path: Path) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


# --- measurements (each side runs in a subprocess: python -m extractor.benchmark --side ...) -------

def cpu_self() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def cpu_children() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def peak_rss_mib() -> tuple[float, float]:
    """(this process, its largest child) peak resident memory in MiB (Linux reports KiB)."""
    scale = 1024 if sys.platform.startswith("linux") else 1024 * 1024
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / scale)


def serve_side(which: str, warm_file: Path) -> None:
    """One side of the comparison ("plain": en_core_web_sm nlp.pipe, or "run": extractor run with 1
    worker) as a process of its own, as each runs for a user: plain spaCy does not get what the run
    sets up for its process (the frozen garbage collector, the malloc settings of speedups). It
    warms up, then for each line {"path", "out"} on stdin times that file and answers one line
    {"cpu", "components"} on stdout; at the end of stdin, its peak RSS."""
    import spacy

    from .batch import run
    from .engines.annotate import WARM_UP, batch_pipeline, warm_dateparser
    from .pipeline import default_model
    from .profile import component_times

    if which == "plain":
        name = default_model()
        nlp = spacy.load(name) if name else spacy.blank("en")
    else:
        nlp = batch_pipeline()
        warm_dateparser()  # the timed files measure the steady state, not a first import
    with tempfile.TemporaryDirectory(prefix="extractor-bench-") as tmp:
        # A few articles first, untimed: the first batches of a process pay for allocations and
        # caches the later ones reuse.
        warm = [json.loads(line) for line in list(open(warm_file, encoding="utf-8"))[:8]]
        if which == "plain":
            list(nlp.pipe([WARM_UP] + [r["text"] for r in warm]))
        else:
            run([write_jsonl(warm, Path(tmp) / "warm.jsonl")], Path(tmp) / "warm", workers=1)
        print(json.dumps({"ready": True}), flush=True)
        for line in sys.stdin:
            job = json.loads(line)
            t0 = cpu_self()
            with component_times(nlp) as times:
                if which == "plain":
                    texts = [json.loads(r)["text"] for r in open(job["path"], encoding="utf-8")]
                    for _ in nlp.pipe(texts):
                        pass
                else:
                    run([job["path"]], Path(tmp) / job["out"], workers=1)
            print(json.dumps({"cpu": cpu_self() - t0, "components": dict(times)}), flush=True)
    print(json.dumps({"rss_self": peak_rss_mib()[0]}), flush=True)


class Side:
    """A serve_side() process: ask() times one file in it."""

    def __init__(self, which: str, warm_file: Path) -> None:
        cmd = [sys.executable, "-m", "extractor.benchmark", "--side", f"serve-{which}", "--files",
               json.dumps({"warm": str(warm_file)})]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                                     env={**os.environ, "PYTHONWARNINGS": "ignore"})
        self.which = which
        self.reply()  # ready

    def reply(self) -> dict:
        for line in self.proc.stdout:
            if line.startswith("{"):
                return json.loads(line)
        raise SystemExit(f"benchmark side {self.which} ended early (exit code {self.proc.wait()})")

    def ask(self, path: Path, out: str) -> dict:
        self.proc.stdin.write(json.dumps({"path": str(path), "out": out}) + "\n")
        self.proc.stdin.flush()
        return self.reply()

    def close(self) -> dict:
        self.proc.stdin.close()
        last = self.reply()
        self.proc.wait()
        return last


def compare_sides(files: dict[str, Path], repeat: int) -> dict:
    """Per kind: CPU seconds of plain nlp.pipe and of extractor run (1 worker), each in a process
    of its own (serve_side), alternating which goes first, and each side's CPU seconds by component."""
    sides = {w: Side(w, next(iter(files.values()))) for w in ("plain", "run")}
    out: dict[str, dict] = {}
    try:
        for k, (kind, path) in enumerate(files.items()):
            res = out[kind] = {"plain": [], "run": [], "components": defaultdict(float), "plain_components": defaultdict(float)}
            for rep in range(repeat):
                for side in (("plain", "run") if (k + rep) % 2 == 0 else ("run", "plain")):
                    got = sides[side].ask(path, f"{kind}-{rep}")
                    res[side].append(got["cpu"])
                    for c, sec in got["components"].items():
                        res["components" if side == "run" else "plain_components"][c] += sec / repeat
    finally:
        rss = {w: side.close() for w, side in sides.items()}
    return {"kinds": out, "rss": rss}


def rss_now_mib() -> float | None:
    """This process's resident memory now (Linux /proc; None elsewhere)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return None


def side_run(corpus: Path, workers: int, launched: float) -> dict:
    """The whole corpus through extractor run with WORKERS workers: wall and CPU seconds, when
    the first article was written (from LAUNCHED, the parent's clock when it started us), and the
    resident memory of this process after each batch (articles done, MiB): with 1 worker it is the
    worker, so the trace says whether memory grows with the articles."""
    from .batch import run

    first: list[float] = []
    trace: list[tuple[int, float]] = []

    def progress(summary) -> None:
        if not first:
            first.extend([time.time(), cpu_self()])
        rss = rss_now_mib()
        if rss is not None:
            trace.append((summary.articles, rss))

    with tempfile.TemporaryDirectory(prefix="extractor-bench-") as tmp:
        t0, c0 = time.perf_counter(), cpu_self()
        summary = run([corpus], Path(tmp) / "out", workers=workers, progress=progress)
        wall = time.perf_counter() - t0
        ended = time.time()
    return {"wall": wall, "after_first": ended - first[0] if first else None, "cpu_self": cpu_self() - c0, "cpu_children": cpu_children(),
            "startup": first[0] - launched if first else None, "startup_cpu": first[1] if first else None,
            "articles": summary.articles, "errors": summary.status.get("error", 0), "rss_trace": trace}


def rss_growth(trace: list[tuple[int, float]], share: float = 0.1) -> tuple[float, float] | None:
    """(MiB once SHARE of the articles are done, MiB at the end) of one run's RSS trace: memory that
    grows with the articles shows here, whatever the size of the largest minibatch (which sets
    the peak)."""
    if not trace:
        return None
    total = trace[-1][0]
    early = next((rss for n, rss in trace if n >= share * total), trace[0][1])
    return early, trace[-1][1]


def measure(args: list[str]) -> dict:
    """One side in its own process; its result, with the peak RSS of the process and its workers."""
    cmd = [sys.executable, "-m", "extractor.benchmark", *args, "--launched", repr(time.time())]
    done = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    if done.returncode != 0:
        raise SystemExit(f"benchmark side {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- the report -----------------------------------------------------------------------------------

MODEL_PARTS = ("tokenizer", "tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


def median(xs: list[float]) -> float:
    xs = sorted(xs)
    return (xs[(len(xs) - 1) // 2] + xs[len(xs) // 2]) / 2


def kind_table(kinds: dict[str, dict], compare: dict) -> list[str]:
    lines = ["| kind | articles | words | plain sm nlp.pipe words/CPU-s | extractor run words/CPU-s | ratio |",
             "|---|---:|---:|---:|---:|---:|"]
    for kind, info in kinds.items():
        c = compare[kind]
        p, r = info["words"] / median(c["plain"]), info["words"] / median(c["run"])
        lines.append(f"| {kind} | {info['articles']} | {info['words']:,} | {p:,.0f} | {r:,.0f} | {r / p:.2f} |")
    return lines


def share_table(compare: dict) -> list[str]:
    """Each component's share of the run's CPU time, per kind; "other" is reading, rows, writing."""
    cols: list[str] = []
    for c in compare.values():
        cols += [n for n in c["components"] if n not in cols]
    cols = [n for n in MODEL_PARTS if n in cols] + [n for n in cols if n not in MODEL_PARTS]
    lines = ["| kind | " + " | ".join(cols) + " | other | ours |", "|---|" + "---:|" * (len(cols) + 2)]
    for kind, c in compare.items():
        total = median(c["run"])
        shares = {n: c["components"].get(n, 0.0) / total for n in cols}
        other = 1 - sum(shares.values())
        ours = other + sum(v for n, v in shares.items() if n not in MODEL_PARTS)
        lines.append(f"| {kind} | " + " | ".join(f"{100 * shares[n]:.1f}%" for n in cols)
                     + f" | {100 * other:.1f}% | {100 * ours:.1f}% |")
    return lines


def report(kinds: dict, compare: dict, one: dict, many: dict, small: dict, workers: int) -> tuple[list[str], list[tuple]]:
    words = sum(k["words"] for k in kinds.values())
    lines = [f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; CPU time (user+sys) of the measuring "
             "process of each side, plain and run interleaved per kind", ""]
    lines += kind_table(kinds, compare) + ["", "Share of the run's CPU time (other: reading, rows, writing tables):", ""]
    lines += share_table(compare)
    cpu_many = many["cpu_self"] + many["cpu_children"]
    lines += ["", f"whole corpus ({words:,} words): 1 worker {one['wall']:.1f} s wall, {one['cpu_self']:.1f} s CPU; "
              f"{workers} workers {many['wall']:.1f} s wall, {cpu_many:.1f} s CPU ({many['cpu_self']:.1f} s of it the parent)"]
    ratios = {kind: (kinds[kind]["words"] / median(c["run"])) / (kinds[kind]["words"] / median(c["plain"]))
              for kind, c in compare.items()}
    scaling = one["wall"] / many["wall"]
    # The pipeline's loading (about 2 s) is serial in both runs: on a corpus of half a minute it
    # alone holds N workers below N x. From the first article written on, the workers share the work.
    steady = (one.get("after_first") or float("nan")) / (many.get("after_first") or float("nan"))
    # On idle cores the N workers' work takes its CPU time spread over N cores (the parent's share too).
    cpu_scaling = workers * one["cpu_self"] / cpu_many
    worker_rss = max(one["rss_self"], many["rss_children"] or 0)
    peak_growth = one["rss_self"] / small["rss_self"] - 1
    early, late = rss_growth(one.get("rss_trace") or []) or (float("nan"), float("nan"))
    growth = late / early - 1
    slowest = min(ratios, key=ratios.get) if ratios else "-"
    checks = [
        (f"1 worker vs plain sm, slowest kind ({slowest}): {ratios.get(slowest, float('nan')):.2f}x", min(ratios.values(), default=0) >= MIN_SPEED_VS_PLAIN, f">= {MIN_SPEED_VS_PLAIN}x every kind"),
        (f"{workers} workers vs 1, wall time: {scaling:.2f}x (on idle cores from CPU time: {cpu_scaling:.2f}x; after the first article written: {steady:.2f}x)", scaling >= MIN_SCALING, f">= {MIN_SCALING}x"),
        (f"peak RSS per worker: {worker_rss:.0f} MiB", worker_rss < MAX_RSS_MIB, f"< {MAX_RSS_MIB} MiB"),
        (f"RSS of the 1-worker run, after 10% of its {one['articles']} articles {early:.0f} MiB, at the end "
         f"{late:.0f} MiB: {growth:+.1%} (peak RSS, {one['articles']} vs {small['articles']} articles: {peak_growth:+.1%}: "
         f"the peak is set by the largest model minibatch)", growth < MAX_RSS_GROWTH, f"< +{MAX_RSS_GROWTH:.0%}"),
        (f"start-up to the first article: {small.get('startup') or float('nan'):.2f} s wall, "
         f"{small.get('startup_cpu') or float('nan'):.2f} s CPU", (small.get("startup") or 99) < MAX_STARTUP_S, f"< {MAX_STARTUP_S:.0f} s"),
    ]
    return lines, checks


def same_tables(workers: int) -> int:
    """Run corpus/ and the dev texts with the stand-ins of speedups and with spaCy's own attribute
    ruler and lemmatizer; 0 when every table is identical byte for byte."""
    import filecmp

    with tempfile.TemporaryDirectory(prefix="extractor-same-") as tmp:
        inputs = [str(CORPUS)] + [str(write_jsonl(shared_records(f), Path(tmp) / f.replace("/", "-")))
                                  for f in DEV_TEXTS if (SHARED / f).is_file()]
        outs = {}
        for label, env in (("stand-ins", {}), ("spacy's own", {"EXTRACTOR_NO_SPEEDUPS": "1"})):
            outs[label] = Path(tmp) / label.replace("'", "").replace(" ", "-")
            t0, c0 = time.perf_counter(), cpu_children()
            subprocess.run([sys.executable, "-m", "extractor", "run", *inputs, "-o", str(outs[label]),
                            "--workers", str(workers)], check=True, env={**os.environ, **env},
                           stdout=subprocess.DEVNULL)
            print(f"{label}: {time.perf_counter() - t0:.0f} s wall, {cpu_children() - c0:.0f} s CPU", flush=True)
        a, b = outs.values()
        tables = sorted(p.name for p in a.iterdir() if p.name != "run.json")
        differ = [t for t in tables if not filecmp.cmp(a / t, b / t, shallow=False)]
        for t in tables:
            print(f"{'DIFFERENT' if t in differ else 'identical'}  {t}  {(a / t).stat().st_size:,} bytes")
            if t in differ:  # the first differing rows, to tell a stand-in's fault from a clock's
                rows_a, rows_b = ((d / t).read_text(encoding="utf-8").splitlines() for d in (a, b))
                for x, y in [(x, y) for x, y in zip(rows_a, rows_b) if x != y][:5]:
                    print(f"    stand-ins:   {x}\n    spacy's own: {y}")
    return 1 if differ else 0


def build_kinds(chosen: list[str], words: int, tmp: Path) -> tuple[dict[str, dict], dict[str, Path]]:
    kinds, files = {}, {}
    for kind in chosen:
        recs = kind_records(kind, words)
        if recs:
            files[kind] = write_jsonl(recs, tmp / f"{kind}.jsonl")
            kinds[kind] = {"articles": len(recs), "words": sum(n_words(r["text"]) for r in recs), "about": KINDS[kind][0]}
    return kinds, files


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=WORDS_PER_KIND, help="words sampled per kind (default 20,000)")
    ap.add_argument("--kinds", nargs="*", choices=list(KINDS), default=list(KINDS), help="kinds of text (default all)")
    ap.add_argument("--repeat", type=int, default=1, help="plain/run pairs per kind; medians are reported")
    ap.add_argument("--workers", type=int, default=2, help="workers of the parallel run (default 2)")
    ap.add_argument("--json", help="also write every measurement to this file")
    ap.add_argument("--write-corpus", help="write the benchmark texts to this folder (one JSONL a kind) and stop")
    ap.add_argument("--same-tables", action="store_true",
                    help="compare the tables of corpus/ and the dev texts with and without the stand-ins of speedups")
    ap.add_argument("--side", choices=["serve-plain", "serve-run", "run"], help=argparse.SUPPRESS)
    ap.add_argument("--files", help=argparse.SUPPRESS)
    ap.add_argument("--launched", type=float, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.side:
        files = {k: Path(v) for k, v in json.loads(a.files).items()}
        if a.side.startswith("serve-"):
            serve_side(a.side.removeprefix("serve-"), files["warm"])
            return 0
        r = side_run(next(iter(files.values())), a.workers, a.launched)
        print(json.dumps({**r, **dict(zip(("rss_self", "rss_children"), peak_rss_mib()))}))
        return 0
    if a.same_tables:
        return same_tables(a.workers)
    if a.write_corpus:
        Path(a.write_corpus).mkdir(parents=True, exist_ok=True)
        kinds, _ = build_kinds(a.kinds, a.words, Path(a.write_corpus))
        print(json.dumps(kinds, indent=1))
        return 0

    with tempfile.TemporaryDirectory(prefix="extractor-bench-") as tmp:
        kinds, files = build_kinds(a.kinds, a.words, Path(tmp))
        for kind, info in kinds.items():
            print(f"{kind:10s} {info['articles']:4d} articles {info['words']:7,} words  {info['about']}", flush=True)
        everything = [json.loads(line) for f in files.values() for line in open(f, encoding="utf-8")]
        whole = write_jsonl(everything, Path(tmp) / "all.jsonl")
        tenth = write_jsonl(everything[::10], Path(tmp) / "tenth.jsonl")
        compare = compare_sides(files, a.repeat)["kinds"]
        one = measure(["--side", "run", "--files", json.dumps({"all": str(whole)}), "--workers", "1"])
        many = measure(["--side", "run", "--files", json.dumps({"all": str(whole)}), "--workers", str(a.workers)])
        small = measure(["--side", "run", "--files", json.dumps({"tenth": str(tenth)}), "--workers", "1"])
    lines, checks = report(kinds, compare, one, many, small, a.workers)
    print("\n".join(lines))
    for text, ok, target in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {text}  (target {target})")
    if a.json:
        Path(a.json).write_text(json.dumps({"kinds": kinds, "compare": compare, "run_1": one, f"run_{a.workers}": many,
                                            "startup_run": small, "load_average": os.getloadavg()}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
