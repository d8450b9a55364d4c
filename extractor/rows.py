"""One row type per table, and the one function that turns an annotated Doc into rows."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # rows.py does not import spaCy: io/ (readers, writers) imports it for the schemas
    from spacy.tokens import Doc

# Columns every mention table starts with (SPEC.md), then each table's own, in contract order.
MENTION = ("article_id", "start", "end", "text", "sentence")
COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": ("article_id", "source", "title", "published", "published_from", "author",
                 "n_chars", "n_words", "sha256", "status", "error", "encoding", "url", "duplicate_of", "text"),
    "dates": MENTION + ("type", "value", "range_start", "range_end", "granularity", "relative"),
    "places": MENTION + ("name", "kind", "country_code", "geonames_id", "latitude", "longitude", "resolved_by"),
    "people": MENTION + ("name", "title", "official"),
    "officials": MENTION + ("name", "title", "affiliation", "affiliation_code"),
    "figures": MENTION + ("value", "value_max", "qualifier", "unit", "category", "predicate", "unit_normalized",
                          "change", "approx"),
    "organizations": MENTION + ("name",),
    "quotes": MENTION + ("speaker", "speaker_start", "speaker_end", "speaker_name", "speaker_kind", "cue",
                         "cue_start", "cue_end", "cue_lemma", "kind"),
    # The parser's sentences, so that a reader of the tables (the report) can cut a mention's
    # sentence from the article text: `sentence` of a mention row is an index into these.
    "sentences": ("article_id", "sentence", "start", "end"),
}
TABLES = tuple(COLUMNS)
MENTION_TABLES = tuple(t for t in TABLES if COLUMNS[t][:len(MENTION)] == MENTION)
# The Doc extensions (components.base.KINDS) are named after these tables, in this order (a test says so).

# pandas dtypes of the columns that are not strings, so every writer (and a reader of our CSV)
# agrees on types. Per table: `value` is a number in figures but a TimeML string in dates.
_COMMON = {"start": "int64", "end": "int64", "sentence": "int64"}
DTYPES: dict[str, dict[str, str]] = {
    "articles": {"n_chars": "int64", "n_words": "int64"},
    "dates": {**_COMMON, "relative": "boolean"},
    "places": {**_COMMON, "geonames_id": "Int64", "latitude": "float64", "longitude": "float64"},
    "people": {**_COMMON, "official": "boolean"},
    "officials": dict(_COMMON),
    "figures": {**_COMMON, "value": "float64", "value_max": "float64", "approx": "boolean"},
    "organizations": dict(_COMMON),
    "quotes": {**_COMMON, "speaker_start": "Int64", "speaker_end": "Int64", "cue_start": "Int64", "cue_end": "Int64"},
    "sentences": dict(_COMMON),
}


def dtype(table: str, column: str) -> str:
    """The pandas dtype of TABLE's COLUMN ("string" unless DTYPES says otherwise)."""
    return DTYPES[table].get(column, "string")


@dataclass
class Article:
    """One input article, as a reader gives it. `status` is ok unless reading failed."""
    article_id: str
    text: str = ""
    source: str = ""
    title: str = ""
    published: str = ""
    published_from: str = "none"
    author: str = ""
    encoding: str = ""
    status: str = "ok"
    error: str = ""
    url: str = ""           # the page's address (web page metadata, a WARC record, a record's `url`)
    duplicate_of: str = ""  # article_id of the first near-duplicate before it (extractor/dedupe.py)


def article_row(article: Article, *, n_words: int, sha256: str) -> dict[str, Any]:
    row = {f.name: getattr(article, f.name) for f in fields(Article) if f.name != "text"}
    row.update(n_chars=len(article.text), n_words=n_words, sha256=sha256)
    return {c: row.get(c, "") for c in COLUMNS["articles"]}


def sentence_starts(doc: Doc) -> list[int]:
    """Character offset where each sentence starts (for bisecting a mention to its sentence), read
    from the token arrays in one go: the starts doc.sents gives, without a Span per sentence. No
    sentence boundaries set: the whole doc is sentence 0."""
    if not doc.has_annotation("SENT_START") or len(doc) == 0:
        return [0]
    arr = doc.to_array(["SENT_START", "IDX"])
    return [0] + arr[1:, 1][arr[1:, 0] == 1].tolist()


# Per mention table: the columns its component fills, and all its contract columns (a component's
# dict whose keys are all contract columns has no extra column to keep).
_OWN_COLUMNS = {kind: COLUMNS[kind][len(MENTION):] for kind in MENTION_TABLES}
_COLUMN_SETS = {kind: frozenset(COLUMNS[kind]) for kind in MENTION_TABLES}


def doc_rows(doc: Doc, article_id: str, text: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """The mention rows of every table for one annotated Doc, sorted by offset.
    Each component left plain dicts with `start`, `end` (char offsets) and its columns.
    TEXT is doc.text when the caller has it already (components.base.doc_text): spaCy rebuilds
    doc.text from every token."""
    starts = sentence_starts(doc)
    text = doc.text if text is None else text
    out: dict[str, list[dict[str, Any]]] = {}
    underscore = doc._  # spaCy makes a new accessor object at each doc._
    for kind in MENTION_TABLES:
        rows = []
        own, contract = _OWN_COLUMNS[kind], _COLUMN_SETS[kind]
        for m in getattr(underscore, kind) or []:
            s, e = int(m["start"]), int(m["end"])
            row = {"article_id": article_id, "start": s, "end": e, "text": text[s:e],
                   "sentence": max(0, bisect_right(starts, s) - 1)}
            for c in own:
                row[c] = m.get(c)
            # Extra columns a component adds beyond the contract are kept, after the contract's.
            if not m.keys() <= contract:
                for c, v in m.items():
                    if c not in row and c not in ("start", "end"):
                        row[c] = v
            rows.append(row)
        rows.sort(key=lambda r: (r["start"], r["end"]))
        out[kind] = rows
    return out
