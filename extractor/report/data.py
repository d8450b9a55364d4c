"""The report's content: the tables of a run folder turned into the few summaries a reader looks at
first, each entry carrying the article id and character offsets it came from."""
from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pandas as pd

from ..errors import ReportError
from ..io.writers import FORMATS, read_table
from ..rows import COLUMNS, MENTION_TABLES, TABLES

CONTEXT = 220  # characters of context at most on each side of a mention
# Granularities precise enough to put a mentioned date in one month.
MONTHLY = {"day", "week", "month"}


@dataclass(frozen=True)
class Ref:
    """Where an entry comes from: an article and character offsets into its text."""
    article_id: str
    start: int
    end: int
    href: str = ""
    text: str = ""

    @property
    def label(self) -> str:
        return f"{self.article_id}:{self.start}-{self.end}"


@dataclass
class Snippet:
    """A mention in its sentence (the parser's): before + mention + after."""
    before: str
    mention: str
    after: str


@dataclass
class Sources:
    """Article id -> link target, and the article's text read on demand (only a few are needed, for
    the sentences of the figures shown), kept only where the file still holds what was extracted
    (its sha256 matches the articles table)."""
    href: dict[str, str] = field(default_factory=dict)
    files: dict[str, tuple[Path, str]] = field(default_factory=dict)   # id -> (file, sha256)
    sentences: pd.DataFrame | None = None   # the run's sentences table (the parser's boundaries)
    _read: dict[Path, list[Any]] = field(default_factory=dict)
    _bounds: dict[str, list[tuple[int, int]]] | None = None

    def ref(self, row: Any) -> Ref:
        aid = str(row.article_id)
        s, e = int(row.start), int(row.end)
        return Ref(aid, s, e, self.href.get(aid, ""), str(getattr(row, "text", "")))

    def text(self, article_id: str) -> str | None:
        from ..engines.annotate import sha256
        from ..io.readers import read_file

        if article_id not in self.files:
            return None
        path, digest = self.files[article_id]
        if path not in self._read:
            try:
                self._read[path] = list(read_file(path, article_id))
            except Exception:  # a file that changed since the run: the link stays, the sentence falls back
                self._read[path] = []
        read = self._read[path]
        # A text file holds one article; a record file (jsonl, csv) several, told apart by their id or
        # their record number (the id's ":N" suffix).
        number = article_id.rsplit(":", 1)[-1]
        found = read if len(read) == 1 else (
            [a for a in read if a.article_id == article_id]
            or [a for a in read if a.article_id.rsplit(":", 1)[-1] == number])
        return found[0].text if found and found[0].text and sha256(found[0].text) == digest else None

    def snippet(self, row: Any) -> Snippet:
        text = self.text(str(row.article_id))
        s, e, mention = int(row.start), int(row.end), str(row.text)
        if text is None or text[s:e] != mention:
            return Snippet("", mention, "")
        return sentence_around(text, s, e, self.sentence_bounds(str(row.article_id)))

    def sentence_bounds(self, article_id: str) -> list[tuple[int, int]]:
        """(start, end) of each sentence of the article, in order, from the sentences table."""
        if self._bounds is None:
            self._bounds = {}
            df = self.sentences
            if df is not None and len(df):
                df = df.sort_values(["article_id", "sentence"], kind="stable")
                for aid, group in df.groupby("article_id", sort=False):
                    self._bounds[str(aid)] = list(zip(group["start"].astype(int), group["end"].astype(int)))
        return self._bounds.get(article_id, [])


def sentence_span(text: str, start: int, end: int, sentences: list[tuple[int, int]]) -> tuple[int, int]:
    """Where the sentence(s) holding TEXT[start:end] begin and end: the parser's SENTENCES of the
    run; the mention's line where a run wrote none (an older run, a table written by hand)."""
    starts = [s for s, _ in sentences]
    first = bisect_right(starts, start) - 1
    last = bisect_right(starts, max(start, end - 1)) - 1
    if first >= 0:
        return sentences[first][0], max(end, min(len(text), sentences[last][1]))
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end == -1 else line_end


def sentence_around(text: str, start: int, end: int, sentences: list[tuple[int, int]] = ()) -> Snippet:
    """TEXT[start:end] with the rest of its sentence on each side (at most CONTEXT characters)."""
    left, right = sentence_span(text, start, end, list(sentences))
    before, after = text[left:start], text[end:right]
    if len(before) > CONTEXT:
        before = "…" + before[-CONTEXT:].split(" ", 1)[-1]
    if len(after) > CONTEXT:
        after = after[:CONTEXT].rsplit(" ", 1)[0] + "…"
    return Snippet(before.lstrip(), text[start:end], after.rstrip())


def find_tables(out: Path) -> dict[str, Path]:
    """The table files of a run folder, one per table; the newest when several formats are there."""
    found: dict[str, Path] = {}
    for t in TABLES:
        paths = [out / f"{t}.{fmt}" for fmt in FORMATS if (out / f"{t}.{fmt}").is_file()]
        if paths:
            found[t] = max(paths, key=lambda p: p.stat().st_mtime)
    if "articles" not in found:
        raise ReportError(f"{out}: no articles table (articles.csv, .parquet or .jsonl): is it a run's output folder?")
    return found


def load_tables(out: Path) -> dict[str, pd.DataFrame]:
    """Every table of the run in OUT (an empty frame with the contract's columns for a missing one)."""
    paths = find_tables(Path(out))
    tables = {}
    for t in TABLES:
        df = read_table(paths[t]) if t in paths else pd.DataFrame(columns=COLUMNS[t])
        for c in COLUMNS[t]:
            if c not in df.columns:
                df[c] = pd.Series(dtype="object")
        tables[t] = df
    return tables


def locate(source: str, out: Path) -> Path | None:
    """The file an article was read from: SOURCE as recorded (relative to where the run was started,
    which is usually here, or else OUT's parent)."""
    if not source:
        return None
    p = Path(source)
    for candidate in ([p] if p.is_absolute() else [Path.cwd() / p, out.parent / p, out / p]):
        if candidate.is_file():
            return candidate.resolve()
    return None


def load_sources(articles: pd.DataFrame, out: Path, dest_dir: Path,
                 sentences: pd.DataFrame | None = None) -> Sources:
    """Link targets (the article's own http(s) URL when the table has one, else a path to its file
    relative to the report), where to read each extracted article's text, and its sentences."""
    sources = Sources(sentences=sentences)
    for row in articles.itertuples(index=False):
        aid = str(row.article_id)
        url = str(getattr(row, "url", "") or "")
        path = locate(str(row.source or ""), out)
        if url.startswith(("http://", "https://")):
            sources.href[aid] = url
        elif path is not None:
            sources.href[aid] = quote(Path(os.path.relpath(path, dest_dir)).as_posix())
        if path is not None and str(row.status) == "ok":
            sources.files[aid] = (path, str(row.sha256))
    return sources


def summary(tables: dict[str, pd.DataFrame]) -> dict[str, Any]:
    """The run at a glance: articles, status counts, words, publication span, rows per table."""
    arts = tables["articles"]
    status = Counter(str(s) for s in arts["status"])
    published = sorted(p for p in arts["published"].astype(str) if p)
    words = pd.to_numeric(arts["n_words"], errors="coerce").fillna(0)
    return {
        "articles": len(arts),
        "status": {s: status.get(s, 0) for s in ("ok", "skipped", "error")} | {
            s: n for s, n in status.items() if s not in ("ok", "skipped", "error")},
        "words": int(words.sum()),
        "published_from": published[0] if published else "",
        "published_to": published[-1] if published else "",
        "undated": int((arts["published"].astype(str) == "").sum()),
        "rows": {t: len(tables[t]) for t in MENTION_TABLES},
    }


def month(value: str) -> str:
    """The month of an ISO date ('2008-09-17' -> '2008-09'); '' for anything else."""
    value = str(value or "")
    return value[:7] if re.match(r"\d{4}-\d{2}", value) else ""


@dataclass
class Timeline:
    mentioned: pd.Series   # count by month ("YYYY-MM"), dates mentioned to the month or finer
    published: pd.Series   # articles by month of publication
    coarse: int            # date mentions known only to the year, quarter or decade
    outside: int           # monthly mentions outside the window shown
    rows: pd.DataFrame = field(default_factory=pd.DataFrame)   # the date mentions counted, with their month

    def busiest(self, sources: Sources, n: int = 5) -> list[dict[str, Any]]:
        """The N months mentioned most, with the mentions that name them."""
        top = self.mentioned.sort_values(ascending=False, kind="stable").head(n)
        return [{"month": m, "count": int(c),
                 "refs": [sources.ref(r) for r in self.rows[self.rows["month"] == m].itertuples(index=False)]}
                for m, c in top.items()]


def timeline(dates: pd.DataFrame, articles: pd.DataFrame, *, margin_years: int = 1) -> Timeline:
    """Mentioned dates by month beside publication dates, over the publication span widened by
    MARGIN_YEARS (far-off mentions, like a founding year, would squash the corpus's own months)."""
    is_date = dates["type"].astype(str).isin(["DATE", "TIME"])
    monthly = is_date & dates["granularity"].astype(str).isin(MONTHLY)
    mentioned = dates.loc[monthly, "range_start"].map(month)
    mentioned = mentioned[mentioned != ""]
    published = articles["published"].map(month)
    published = published[published != ""]
    coarse = int((is_date & ~monthly & (dates["range_start"].astype(str) != "")).sum())
    span = published if len(published) else mentioned
    if len(span):
        lo = f"{int(span.min()[:4]) - margin_years:04d}-01"
        hi = f"{int(span.max()[:4]) + margin_years:04d}-12"
        inside = mentioned.between(lo, hi)
        outside = int((~inside).sum())
        mentioned = mentioned[inside]
    else:
        outside = 0
    rows = dates.loc[mentioned.index].assign(month=mentioned)
    return Timeline(mentioned.value_counts().sort_index(), published.value_counts().sort_index(), coarse, outside, rows)


def place_points(places: pd.DataFrame, sources: Sources, *, listed: int = 500) -> list[dict[str, Any]]:
    """One entry per distinct place with coordinates (name and point), most mentioned first. The first
    LISTED carry their mentions (`refs`) and an `anchor` for their row in the table; the rest are
    only points on the map (a large corpus has thousands)."""
    geo = places.dropna(subset=["latitude", "longitude"]).reset_index(drop=True)
    if geo.empty:
        return []
    geo["name"] = geo["name"].astype(str).where(geo["name"].astype(str).str.strip() != "", geo["text"].astype(str))
    groups = geo.groupby(["name", "latitude", "longitude"], sort=False)
    agg = groups.agg(mentions=("article_id", "size"), articles=("article_id", "nunique"),
                     kind=("kind", "first"), country_code=("country_code", "first")).reset_index()
    agg = agg.sort_values(["mentions", "articles", "name"], ascending=[False, False, True]).reset_index(drop=True)
    rows_of = groups.indices
    out = []
    for i, p in enumerate(agg.itertuples(index=False)):
        entry = {"name": p.name, "latitude": float(p.latitude), "longitude": float(p.longitude),
                 "kind": str(p.kind), "country_code": str(p.country_code),
                 "mentions": int(p.mentions), "articles": int(p.articles)}
        if i < listed:
            rows = geo.iloc[rows_of[(p.name, p.latitude, p.longitude)]]
            entry.update(anchor=f"place-{i + 1}", refs=[sources.ref(r) for r in rows.itertuples(index=False)])
        out.append(entry)
    return out


def ranked(values: pd.Series, n: int = 3) -> list[str]:
    """The N most frequent non-empty values, most frequent first."""
    return [v for v, _ in Counter(v for v in values.astype(str) if v.strip()).most_common(n)]


def _mention_counts(df: pd.DataFrame) -> pd.DataFrame:
    """Mentions and articles per name (names as strings, blank ones left out)."""
    names = df["name"].astype(str)
    by_name = df[names.str.strip() != ""].groupby(names)["article_id"]
    counts = pd.DataFrame({"mentions": by_name.size(), "articles": by_name.nunique()})
    return counts.rename_axis("name").reset_index()


def _most(counts: pd.DataFrame, n: int) -> list[tuple[str, int, int]]:
    """The N (name, mentions, articles) with most mentions, then most articles, then by name."""
    top = counts.sort_values(["mentions", "articles", "name"], ascending=[False, False, True]).head(n)
    return [(str(a), int(b), int(c)) for a, b, c in zip(top["name"], top["mentions"], top["articles"])]


def top_people(people: pd.DataFrame, officials: pd.DataFrame, sources: Sources, n: int = 25) -> list[dict[str, Any]]:
    """The N most mentioned people (their people rows, or official rows for a name only there), with
    their titles and (from officials) affiliations."""
    as_people, as_officials = _mention_counts(people), _mention_counts(officials)
    counts = pd.concat([as_people, as_officials[~as_officials["name"].isin(as_people["name"])]])
    entries = []
    for name, mentions, articles in _most(counts, n):
        p = people[people["name"].astype(str) == name]
        o = officials[officials["name"].astype(str) == name]
        entries.append({
            "name": name, "mentions": mentions, "articles": articles,
            "titles": ranked(pd.concat([p["title"], o["title"]])),
            "affiliations": ranked(o["affiliation"]),
            "refs": [sources.ref(r) for r in (p if len(p) else o).itertuples(index=False)],
        })
    return entries


def top_organizations(organizations: pd.DataFrame, sources: Sources, n: int = 20) -> list[dict[str, Any]]:
    """The N most mentioned organizations."""
    names = organizations["name"].astype(str)
    return [{"name": name, "mentions": m, "articles": a,
             "refs": [sources.ref(r) for r in organizations[names == name].itertuples(index=False)]}
            for name, m, a in _most(_mention_counts(organizations), n)]


def most_quoted(quotes: pd.DataFrame, people: pd.DataFrame, officials: pd.DataFrame, sources: Sources,
                n: int = 20) -> list[dict[str, Any]]:
    """The N most quoted speakers (by resolved name; unresolved rows left out), with their kind, their
    titles from the people and officials tables, how often they are quoted directly, and where."""
    names = quotes["speaker_name"].fillna("").astype(str)
    quoted = quotes[names.str.strip() != ""]
    counts = quoted.assign(name=quoted["speaker_name"].astype(str))
    entries = []
    for name, mentions, articles in _most(_mention_counts(counts), n):
        rows = counts[counts["name"] == name]
        titles = pd.concat([people.loc[people["name"].astype(str) == name, "title"],
                            officials.loc[officials["name"].astype(str) == name, "title"]])
        entries.append({
            "name": name, "quotes": mentions, "articles": articles,
            "kind": ranked(rows["speaker_kind"], 1)[0] if ranked(rows["speaker_kind"], 1) else "",
            "direct": int((rows["kind"].astype(str) == "direct").sum()),
            "titles": ranked(titles), "cues": ranked(rows["cue_lemma"]),
            "refs": [sources.ref(r) for r in rows.itertuples(index=False)],
        })
    return entries


def format_value(value: float, value_max: float | None, unit: str) -> str:
    """1.2e9 -> "1.2 billion"; a range as "3–5"; the unit after ("%" glued on)."""
    def one(v: float) -> str:
        for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
            if abs(v) >= size:
                return f"{v / size:,.3g} {word}"
        return f"{v:,.0f}" if v == int(v) else f"{v:,.2f}".rstrip("0").rstrip(".")

    text = one(value) if value_max is None or pd.isna(value_max) or value_max == value else f"{one(value)}–{one(value_max)}"
    unit = str(unit or "")
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}".strip()


def largest_figures(figures: pd.DataFrame, sources: Sources, per_category: int = 6) -> dict[str, list[dict[str, Any]]]:
    """Per category, the largest figures by face value (currencies are not converted), each in its sentence."""
    out: dict[str, list[dict[str, Any]]] = {}
    numeric = figures.dropna(subset=["value"]).copy()
    numeric["size"] = numeric[["value", "value_max"]].max(axis=1)
    for category, g in sorted(numeric.groupby(numeric["category"].astype(str)), key=lambda kv: -len(kv[1])):
        entries, seen = [], set()
        for r in g.sort_values(["size", "article_id", "start"], ascending=[False, True, True]).itertuples(index=False):
            snippet = sources.snippet(r)
            # The same sentence in two articles (a story run twice) is one entry.
            value_max = None if pd.isna(r.value_max) else r.value_max   # NaN != NaN would defeat the set
            key = (r.value, value_max, r.unit, snippet.before + snippet.mention + snippet.after)
            if key in seen:
                continue
            seen.add(key)
            entries.append({"value": format_value(r.value, r.value_max, r.unit), "qualifier": str(r.qualifier or ""),
                            "predicate": str(r.predicate or ""), "snippet": snippet, "ref": sources.ref(r)})
            if len(entries) == per_category:
                break
        out[category or "other"] = entries
    return out


def failed_articles(articles: pd.DataFrame, sources: Sources) -> list[dict[str, str]]:
    """Articles that were not extracted (status error or skipped), with the reason."""
    bad = articles[articles["status"].astype(str) != "ok"]
    return [{"article_id": str(r.article_id), "status": str(r.status), "error": str(r.error),
             "source": str(r.source), "href": sources.href.get(str(r.article_id), "")}
            for r in bad.sort_values(["status", "article_id"]).itertuples(index=False)]
