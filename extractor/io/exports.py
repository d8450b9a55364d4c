"""News-database exports: many articles in one file, each with its fields written as labels.

- LexisNexis Academic .TXT/.RTF: documents introduced by "1 of 10 DOCUMENTS"; a header of outlet,
  date ("January 11, 2010 Monday"), edition and headline; "BYLINE:", "LENGTH:" ... lines; the body;
  "LOAD-DATE:", "LANGUAGE:" ... after it.
- Nexis Uni .DOCX/.TXT/.RTF: a cover page (search terms, "Client/Matter", the list of titles), then
  each document as headline, outlet, date, "Byline:", "Length:" lines, "Body", the body,
  "Classification", "Load-Date:" ..., closed by "End of Document".
- Factiva .HTML/.RTF: each article a run of two-letter fields (HD headline, BY byline, WC words,
  PD date, SN outlet, LP lead paragraphs, TD text, AN accession number ...), label on its own line.

The format is told by content (these markers), never by the file name alone: a .txt that is not an
export stays one plain-text article. Each record becomes one Article, `article_id` = file:index.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from ..resources import read_json
from ..rows import Article

LABELS_FILE = "exports/labels.json"
MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# The date line of a document header: "January 11, 2010 Monday", "11 January 2010", "March 4, 2019 5:03 PM EST".
DATE_LINE = re.compile(rf"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
                       rf"({MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTHS},?\s+\d{{4}})\b", re.I)
LN_DOCUMENT = re.compile(r"^\s*\d+\s+of\s+\d+\s+DOCUMENTS?\s*$", re.M | re.I)
END_OF_DOCUMENT = re.compile(r"^\s*End of Document\s*$", re.M | re.I)
NEXIS_UNI_BODY = re.compile(r"^\s*(?:Body|Load-Date:.*)\s*$", re.M | re.I)
LABEL_LINE = re.compile(r"^([A-Za-z][A-Za-z/-]*(?: [A-Za-z/]+){0,2}):\s*(.*)$")
COPYRIGHT = re.compile(r"^(?:copyright\b|©|\(c\)\s*\d{4})", re.I)
EDITION = re.compile(r"^(?:[\w.-]+\s){0,3}edition\b|^(?:final|late|early|city|metro|home|national|sunday)\b.{0,30}$", re.I)
BY = re.compile(r"^by\s+", re.I)


@dataclass
class Record:
    """One article of an export, as its fields say."""
    title: str = ""
    source: str = ""
    author: str = ""
    published: str = ""
    paragraphs: list[str] = field(default_factory=list)


def labels() -> dict:
    return read_json(LABELS_FILE)


def export_kind(text: str) -> str | None:
    """'lexisnexis', 'nexis_uni' or 'factiva' when TEXT is such an export, else None."""
    if LN_DOCUMENT.search(text):
        return "lexisnexis"
    if END_OF_DOCUMENT.search(text) and NEXIS_UNI_BODY.search(text):
        return "nexis_uni"
    if factiva_label(_first_line_matching(text, r"^HD\b")) and _first_line_matching(text, r"^(?:LP|TD)\b"):
        return "factiva"
    return None


def _first_line_matching(text: str, pattern: str) -> str:
    m = re.search(pattern + r".*$", text, re.M)
    return m.group(0).rstrip() if m else ""


def nexis_label(line: str) -> tuple[str, str] | None:
    """(LABEL, value) of a 'Label: value' line of a Nexis document, when LABEL is one of its fields."""
    m = LABEL_LINE.match(line)
    if m and m.group(1).upper() in _nexis_labels():
        return m.group(1).upper(), m.group(2).strip()
    return None


@lru_cache(maxsize=1)
def _nexis_labels() -> frozenset[str]:
    return frozenset(labels()["nexis"])


@lru_cache(maxsize=1)
def _cover_page_labels() -> frozenset[str]:
    return frozenset(c.lower() for c in labels()["cover_page"])


@lru_cache(maxsize=1)
def _factiva_codes() -> frozenset[str]:
    return frozenset(labels()["factiva"])


def is_cover_page_line(line: str) -> bool:
    """A line of an export's cover page ("Download Request: ...", "Client/Matter: -None-")."""
    m = LABEL_LINE.match(line)
    head = (m.group(1) if m else re.split(r"\s*[(:]", line, maxsplit=1)[0]).strip().lower()
    return head in _cover_page_labels()


WRAP_WIDTH = (50, 80)  # an export that wraps its lines (LexisNexis .TXT) wraps them this wide


def paragraphs_of(lines: list[str]) -> list[str]:
    """Paragraphs of LINES: a blank line ends one; so does a line that is not wrapped (shorter or
    longer than a wrapped line), since Word and RTF exports put each paragraph on one line."""
    out: list[str] = []
    prev = ""
    for ln in lines:
        if ln and out and prev and WRAP_WIDTH[0] <= len(prev) <= WRAP_WIDTH[1]:
            out[-1] += " " + ln
        elif ln:
            out.append(ln)
        prev = ln
    return out


def author_of(byline: str) -> str:
    """The byline without 'By', in title case when the export shouts it ('By JOHN SMITH')."""
    name = BY.sub("", byline.strip())
    return name.title() if name.isupper() else name


def nexis_document(lines: list[str], *, header_first: bool) -> Record:
    """One LexisNexis / Nexis Uni document: header lines, labelled fields, the body between them.
    HEADER_FIRST: the classic layout (outlet, date, edition, headline) rather than Nexis Uni's
    (headline, outlet, date, edition)."""
    fields: dict[str, str] = {}
    header: list[str] = []
    body: list[str] = []
    current, in_body, after_body = None, False, False
    trailer = frozenset(labels()["nexis_trailer"])
    for ln in (raw.strip() for raw in lines):
        if not ln:
            current = None
            if in_body:
                body.append("")
            continue
        lab = nexis_label(ln)
        if lab is None and ln.lower() in ("body", "classification"):
            lab = (ln.upper(), "")
        if lab is not None and in_body and body and not ends_body(ln, lab[0]):
            lab = None  # "Source: the statistics office." inside the body is text
        if lab is not None:
            name, value = lab
            current = name
            if name == "BODY":
                in_body, current = True, None
                if value:
                    body.append(value)
            elif name in trailer or name == "CLASSIFICATION":
                in_body, after_body = False, True
            fields.setdefault(name, value)
            continue
        if current is not None and not in_body:
            fields[current] = (fields[current] + " " + ln).strip()
        elif after_body or (not in_body and is_cover_page_line(ln)):
            continue
        elif in_body or fields:
            in_body = True
            body.append(ln)
        else:
            header.append(ln)
    record = _header_fields(header, header_first=header_first)
    if fields.get("HEADLINE"):
        record.title = fields["HEADLINE"]
    record.author = author_of(fields.get("BYLINE", ""))
    paras = paragraphs_of(body)
    while paras and COPYRIGHT.match(paras[-1]):
        paras.pop()
    record.paragraphs = paras
    return record


def ends_body(line: str, name: str) -> bool:
    """Whether a label line inside a body closes it: 'Classification', a trailer label in upper
    case (LexisNexis), or one of the few that end a Nexis Uni body in any case (Load-Date: ...)."""
    if name == "CLASSIFICATION":
        return True
    if name not in labels()["nexis_trailer"]:
        return False
    return line.split(":", 1)[0].isupper() or name in labels()["nexis_body_end"]


def _header_fields(header: list[str], *, header_first: bool) -> Record:
    header = [h for h in header if not COPYRIGHT.match(h) and not is_cover_page_line(h)]
    dates = [i for i, h in enumerate(header) if DATE_LINE.match(h) and len(h) < 80]
    if not dates:
        return Record(title=header[0] if header else "")
    if header_first:  # outlet, date, edition, headline
        d = dates[0]
        rest = header[d + 1:]
        # The edition is the line right after the date, when a headline follows it ("Late goal
        # sinks Rovers" alone is a headline, not an edition).
        if len(rest) > 1 and EDITION.match(rest[0]):
            rest = rest[1:]
        return Record(source=" ".join(header[:d]), published=DATE_LINE.match(header[d]).group(1),
                      title=" ".join(rest))
    d = dates[-1]  # headline, outlet, date: what precedes them is the cover page
    return Record(title=header[d - 2] if d >= 2 else (header[0] if d == 1 else ""),
                  source=header[d - 1] if d >= 1 else "", published=DATE_LINE.match(header[d]).group(1))


def lexisnexis_records(text: str) -> list[Record]:
    """The documents of a LexisNexis export (what comes before the first is its cover page)."""
    return [nexis_document(block.splitlines(), header_first=True) for block in LN_DOCUMENT.split(text)[1:]]


def nexis_uni_records(text: str) -> list[Record]:
    blocks = END_OF_DOCUMENT.split(text)
    return [nexis_document(b.splitlines(), header_first=False) for b in blocks if b.strip()
            and NEXIS_UNI_BODY.search(b)]


def factiva_label(line: str) -> tuple[str, str] | None:
    """(CODE, rest) of a Factiva field line: the code alone on its line, or followed by a tab or a
    table cell's end (an RTF export laid out as a table reads "HD|Headline|")."""
    m = re.match(r"^([A-Z]{2,3})(?:[\t|](.*))?\s*$", line)
    if m and m.group(1) in _factiva_codes():
        return m.group(1), (m.group(2) or "").strip()
    return None


def factiva_records(lines: list[str]) -> list[Record]:
    """The articles of a Factiva export: each starts at its HD field."""
    records: list[dict[str, list[str]]] = []
    current = None
    for raw in lines:
        ln = raw.strip()
        lab = factiva_label(ln)
        if lab is not None:
            code, rest = lab
            if not records or (code == "HD" and "HD" in records[-1]):
                records.append({})
            current = code
            records[-1].setdefault(code, [])
            if rest.strip().strip("|").strip():
                records[-1][code].append(rest)
        elif ln and current is not None:
            records[-1][current].append(ln)
    for rec in records:  # the cell ends of a table layout ("Second para|")
        for code, vals in rec.items():
            rec[code] = [v for v in (x.strip().strip("|").strip() for x in vals) if v]
    out = []
    for rec in records:
        if "HD" not in rec:
            continue
        pd = " ".join(rec.get("PD", []))
        m = re.search(rf"{MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTHS},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}", pd, re.I)
        out.append(Record(title=" ".join(rec.get("HD", [])), source=" ".join(rec.get("SN", [])),
                          author=author_of(" ".join(rec.get("BY", []))), published=m.group(0) if m else pd,
                          paragraphs=[p for p in rec.get("LP", []) + rec.get("TD", []) if not COPYRIGHT.match(p)]))
    return out


def factiva_html_lines(html: str) -> list[str] | None:
    """The field lines of a Factiva HTML export (one table row a field: code cell, value cell
    whose paragraphs become lines), or None when the page is not one."""
    if not re.search(r">\s*HD\s*<", html) or not re.search(r">\s*(?:LP|TD)\s*<", html):
        return None
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, TypeError, Exception):  # noqa: BLE001 - lxml raises several kinds on junk
        return None
    lines: list[str] = []
    codes = _factiva_codes()
    for tr in tree.iter("tr"):
        cells = tr.findall("td")
        if len(cells) < 2 or cells[0].text_content().strip() not in codes:
            continue
        lines.append(cells[0].text_content().strip())
        paras = cells[1].findall(".//p")
        values = [p.text_content() for p in paras] if paras else [cells[1].text_content()]
        lines.extend(re.sub(r"\s+", " ", v).strip() for v in values)
    return lines if any(ln == "HD" for ln in lines) else None


def records_of(text: str, kind: str) -> list[Record]:
    if kind == "lexisnexis":
        return lexisnexis_records(text)
    if kind == "nexis_uni":
        return nexis_uni_records(text)
    return factiva_records(text.splitlines())


def export_articles(records: list[Record], article_id: str, source: str, encoding: str) -> Iterator[Article]:
    """One Article a record: `article_id` = the file's id and the record's index (from 1); the
    outlet as `source` (the file when the record names none)."""
    for i, r in enumerate(records, 1):
        yield Article(article_id=f"{article_id}:{i}", text="\n\n".join(r.paragraphs), source=r.source or source,
                      title=r.title, published=r.published, author=r.author, encoding=encoding)
