"""Builders of news-database exports for the tests, in the layouts LexisNexis, Nexis Uni and
Factiva write, around the articles of tests/newspages.py (written for the tests)."""
from __future__ import annotations

import datetime as dt
import html as _html
from pathlib import Path

from tests.newspages import ARTICLES

OUTLETS = ["The Daily Courier", "Valley Post", "Northern Gazette", "The Evening Record"]


def stories(n: int = 10) -> list[dict]:
    """N articles: those of newspages, then follow-ups of them with their own titles and dates."""
    out = []
    for i in range(n):
        a = dict(ARTICLES[i % len(ARTICLES)])
        if i >= len(ARTICLES):
            a["title"] = "Follow-up: " + a["title"]
            a["date"] = (dt.date.fromisoformat(a["date"]) + dt.timedelta(days=7)).isoformat()
        a["outlet"] = OUTLETS[i % len(OUTLETS)]
        out.append(a)
    return out


def long_date(iso: str) -> str:
    """'January 11, 2010 Monday', as Nexis writes it."""
    d = dt.date.fromisoformat(iso)
    return f"{d.strftime('%B')} {d.day}, {d.year} {d.strftime('%A')}"


def wrap(text: str, width: int = 72) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width) or [""]


def lexisnexis_txt(items: list[dict]) -> str:
    """A LexisNexis Academic .TXT export: cover page, then 'N of M DOCUMENTS' blocks."""
    lines = ["Download Request: Current Document: 1", "Time Of Request: Monday, March 4, 2019  10:12:03 EST",
             "Send To:", "   ACADEMIC, UNIVERSITY", "   UNIVERSITY LIBRARY", "Terms: (harbour OR drought)",
             "Source: Major World Newspapers", "Project ID:", "Client/Matter: -None-", "", ""]
    for i, a in enumerate(items, 1):
        lines += [f"{'':30}{i} of {len(items)} DOCUMENTS", "", "", f"{'':30}{a['outlet']}", "",
                  f"{'':28}{long_date(a['date'])}", f"{'':30}Late Edition - Final", "", a["title"], "",
                  f"BYLINE: By {a['author'].upper()}", "", f"SECTION: {a['section'].upper()}; Pg. 4", "",
                  f"LENGTH: {sum(len(p.split()) for p in a['body'])} words", "", ""]
        for p in a["body"]:
            lines += ["  " + ln for ln in wrap(p)] + [""]
        lines += ["", f"LOAD-DATE: {long_date(a['date']).rsplit(' ', 1)[0]}", "", "LANGUAGE: ENGLISH", "",
                  "PUBLICATION-TYPE: Newspaper", "", f"Copyright {a['date'][:4]} {a['outlet']} Ltd.", "", ""]
    return "\r\n".join(lines)


def nexis_uni_paragraphs(items: list[dict]) -> list[str]:
    """The paragraphs of a Nexis Uni export (.DOCX): cover page with the list of titles, then each
    document closed by 'End of Document'."""
    paras = ["User Name: =", "Date and Time: = 2019-03-04", "Job Number: = 88213554",
             f"Documents ({len(items)})"]
    for i, a in enumerate(items, 1):
        paras += [f"{i}. {a['title']}", "Client/Matter: -None-", "Search Terms: harbour OR drought",
                  "Search Type: Natural Language", "Narrowed by: Content Type Newspapers"]
    for a in items:
        paras += [a["title"], a["outlet"], long_date(a["date"]), "Final Edition",
                  f"Copyright {a['date'][:4]} {a['outlet']} Ltd. All Rights Reserved", "",
                  f"Section: {a['section'].upper()}; Pg. 7",
                  f"Length: {sum(len(p.split()) for p in a['body'])} words", f"Byline: {a['author']}", "",
                  "Body", "", *a["body"], "", "Classification", "", "Language: ENGLISH",
                  "Publication-Type: Newspaper", "Subject: LOCAL GOVERNMENT (90%)",
                  f"Load-Date: {long_date(a['date']).rsplit(' ', 1)[0]}", "", "End of Document", ""]
    return paras


def write_docx(path: Path, paragraphs: list[str]) -> Path:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    d.save(str(path))
    return path


def factiva_fields(a: dict) -> list[tuple[str, list[str]]]:
    d = dt.date.fromisoformat(a["date"])
    return [("SE", [a["section"]]), ("HD", [a["title"]]), ("BY", [f"By {a['author']}"]),
            ("WC", [f"{sum(len(p.split()) for p in a['body'])} words"]), ("PD", [f"{d.day} {d.strftime('%B %Y')}"]),
            ("SN", [a["outlet"]]), ("SC", ["DCOUR"]), ("LA", ["English"]),
            ("CY", [f"(c) {d.year} {a['outlet']}. All rights reserved."]), ("LP", a["body"][:2]),
            ("TD", a["body"][2:]), ("NS", ["gcat : Political/General News"]), ("RE", ["eurz : Europe"]),
            ("AN", [f"Document DCOUR000020{d.strftime('%Y%m%d')}ej3b0000x"])]


def factiva_html(items: list[dict]) -> str:
    """A Factiva HTML export: one table per article, a row per field (code cell, value cell)."""
    arts = []
    for a in items:
        rows = "".join(f"<tr><td class='index' valign='top'><b>{code}</b></td><td>"
                       + "".join(f"<p class='articleParagraph enarticleParagraph'>{_html.escape(v)}</p>" for v in vals)
                       + "</td></tr>" for code, vals in factiva_fields(a))
        arts.append(f"<div class='article enArticle'><table border='0'>{rows}</table></div><br>")
    return ("<html><head><title>Factiva</title></head><body><div id='headlines'>Search Summary<br>"
            "Text: harbour | Date: All Dates | Source: All Sources</div>" + "".join(arts) + "</body></html>")


def rtf_escape(s: str) -> str:
    out = s.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}")
    return "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in out)


def rtf(lines: list[str]) -> str:
    return "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}\\f0\\fs24\n" + "".join(
        rtf_escape(ln) + "\\par\n" for ln in lines) + "}"


def factiva_rtf(items: list[dict]) -> str:
    """A Factiva RTF export: each field code alone on its line, then its paragraphs."""
    lines = []
    for a in items:
        for code, vals in factiva_fields(a):
            lines += [code, *vals]
        lines += ["", ""]
    return rtf(lines)


def factiva_rtf_table(items: list[dict]) -> str:
    """A Factiva RTF export laid out as a table: a row per field, code cell and value cell."""
    rows = []
    for a in items:
        for code, vals in factiva_fields(a):
            value = "\\par ".join(rtf_escape(v) for v in vals)
            rows.append(f"{{\\trowd\\cellx1000\\cellx9000 {code}\\cell {value}\\cell\\row}}")
        rows.append("\\par")
    return "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\n" + "\n".join(rows) + "}"
