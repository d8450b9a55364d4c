"""`extractor eval`: score tables against gold spans (SPEC.md's gold format), kind by kind."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from rich.table import Table

from .errors import InputError
from .io.writers import read_table

# Gold labels scored by each kind, and the table that answers for them.
KINDS: dict[str, tuple[str, frozenset[str]]] = {
    "dates": ("dates", frozenset({"DATE", "TIME", "DURATION", "SET"})),
    "people": ("people", frozenset({"PER"})),
    "places": ("places", frozenset({"LOC"})),
    "organizations": ("organizations", frozenset({"ORG"})),
    "officials": ("officials", frozenset({"OFFICIAL"})),
    "figures": ("figures", frozenset({"NUM", "NUM_RANGE", "QUANTITY", "DIMENSION", "MONEY", "PERCENT", "TEMPERATURE"})),
}
NAMES = {"NAM", "PRE.NAM"}


def read_gold(path: Path) -> list[dict]:
    docs = []
    with open(path, encoding="utf8") as f:
        for i, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
            except json.JSONDecodeError as e:
                raise InputError(f"{path}: line {i}: not valid JSON ({e.msg})") from None
            if not isinstance(d, dict) or "text" not in d:
                raise InputError(f"{path}: line {i}: a gold record needs id, text and spans")
            d["id"] = str(d.get("id", i))
            docs.append(d)
    return docs


def gold_spans(doc: dict, kind: str) -> list[dict]:
    """The spans of DOC that KIND is scored on (names only for PER/LOC/ORG; officials by person)."""
    labels = KINDS[kind][1]
    out = []
    for s in doc.get("spans", []):
        if s.get("label") not in labels or s.get("is_dct"):
            continue
        if kind in ("people", "places", "organizations") and (
                s.get("syntactic_type", "NAM") not in NAMES or s.get("kind", "entity") != "entity"):
            continue
        if kind == "officials":
            if not s.get("has_title_word", True) or not s.get("person"):
                continue
            s = {**s["person"], "label": "OFFICIAL"}
        out.append(s)
    return out


def match(gold: list[dict], system: list[dict], *, relaxed: bool) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, system index): identical extents first, then largest overlap."""
    pairs, used_g, used_s = [], set(), set()
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if si not in used_s and (g["start"], g["end"]) == (s["start"], s["end"]):
                pairs.append((gi, si)); used_g.add(gi); used_s.add(si)
                break
    if relaxed:
        cands = sorted(((min(g["end"], s["end"]) - max(g["start"], s["start"]), gi, si)
                        for gi, g in enumerate(gold) if gi not in used_g
                        for si, s in enumerate(system) if si not in used_s
                        and min(g["end"], s["end"]) > max(g["start"], s["start"])), reverse=True)
        for _, gi, si in cands:
            if gi not in used_g and si not in used_s:
                pairs.append((gi, si)); used_g.add(gi); used_s.add(si)
    return pairs


def prf(tp: int, n_gold: int, n_sys: int) -> dict[str, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"P": p, "R": r, "F": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "gold": n_gold, "sys": n_sys}


def score(docs: list[dict], tables: dict[str, Any]) -> dict[str, dict]:
    """Per kind present in the gold: exact and overlap P/R/F; value accuracy for dates."""
    report = {}
    for kind, (table, _) in KINDS.items():
        if not any(gold_spans(d, kind) for d in docs):
            continue
        df = tables.get(table)
        rows: dict[str, list[dict]] = {}
        if df is not None and len(df):
            for r in df.to_dict("records"):
                rows.setdefault(str(r["article_id"]), []).append(r)
        n = {"exact": 0, "overlap": 0, "gold": 0, "sys": 0, "value": 0}
        for d in docs:
            g = gold_spans(d, kind)
            dct = [s for s in d.get("spans", []) if s.get("is_dct")]
            s = [r for r in rows.get(d["id"], []) if not any(
                min(r["end"], x["end"]) > max(r["start"], x["start"]) for x in dct)]
            n["gold"] += len(g); n["sys"] += len(s)
            n["exact"] += len(match(g, s, relaxed=False))
            pairs = match(g, s, relaxed=True)
            n["overlap"] += len(pairs)
            if kind == "dates":
                n["value"] += sum(str(g[gi].get("value") or "") == str(s[si].get("value") or "") for gi, si in pairs)
        report[kind] = {"exact": prf(n["exact"], n["gold"], n["sys"]),
                        "overlap": prf(n["overlap"], n["gold"], n["sys"])}
        if kind == "dates":
            report[kind]["value_accuracy"] = n["value"] / n["overlap"] if n["overlap"] else 0.0
    return report


def evaluate_file(gold: Path, *, tables: Path | None = None, model: str | None = None) -> dict[str, dict]:
    """Score the tables in TABLES (or a fresh run over the gold texts) against GOLD."""
    docs = read_gold(gold)
    if tables is None:
        from .batch import run

        with tempfile.TemporaryDirectory(prefix="extractor-eval-") as tmp:
            inp = Path(tmp) / "gold-input.jsonl"
            with open(inp, "w", encoding="utf8") as f:
                for d in docs:
                    f.write(json.dumps({"id": d["id"], "text": d["text"], "published": d.get("dct")}) + "\n")
            run([inp], Path(tmp) / "out", model=model)
            return score(docs, load_tables(Path(tmp) / "out"))
    return score(docs, load_tables(tables))


def load_tables(folder: Path) -> dict[str, Any]:
    out = {}
    for fmt in ("csv", "parquet", "jsonl"):
        for kind, (table, _) in KINDS.items():
            p = folder / f"{table}.{fmt}"
            if p.exists() and table not in out:
                out[table] = read_table(p)
    if not out:
        raise InputError(f"no tables found in {folder}")
    return out


def render(report: dict[str, dict]) -> Table:
    t = Table(title="extractor eval")
    for c in ("kind", "match", "P", "R", "F", "tp", "gold", "sys"):
        t.add_column(c, justify="left" if c in ("kind", "match") else "right")
    for kind, m in report.items():
        for how in ("exact", "overlap"):
            v = m[how]
            t.add_row(kind, how, f"{v['P']:.3f}", f"{v['R']:.3f}", f"{v['F']:.3f}", str(v["tp"]), str(v["gold"]), str(v["sys"]))
        if "value_accuracy" in m:
            t.add_row(kind, "value accuracy", "", "", f"{m['value_accuracy']:.3f}", "", "", "")
    return t
