"""Plain text: bytes to text in the right encoding, and the headline of a plain-text article.
(Shared by the readers of files and of WARC records.)"""
from __future__ import annotations

import re

# A date line or byline at the top of a text: "date 2021-06-11 By Vafa Ismayilova", "March 06, 2008".
MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATELINE_DATE = re.compile(
    rf"\b(\d{{4}}-\d{{2}}-\d{{2}}|{MONTHS}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTHS},?\s+\d{{4}})\b", re.I)
BYLINE = re.compile(r"(?:^|\s)[Bb]y\s+([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s*$")


def decode(data: bytes, where: str) -> tuple[str, str]:
    """(text, encoding) of raw bytes. UTF-8 (with or without BOM) and UTF-16 with a BOM first, then
    charset-normalizer's best guess. ValueError (one line, naming WHERE) for binary data."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:8192]:
        raise ValueError(f"{where}: binary data (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        utf8_error = e
    # UTF-8 text with a few broken bytes (a bad copy, a cut character) stays UTF-8, the broken bytes
    # replaced; text with no valid multi-byte sequence at all is a legacy encoding (Latin-1, cp1252).
    replaced = data.decode("utf-8", errors="replace")
    n_bad = replaced.count("\ufffd")
    if any(ord(c) > 127 and c != "\ufffd" for c in replaced) and n_bad <= max(3, len(data) // 1000):
        return replaced, "utf-8 (invalid bytes replaced)"
    # Western news in a legacy encoding is almost always Windows-1252 (of which Latin-1's printable
    # range is a subset): take it when it decodes and most letters are ASCII, as in English or
    # French text; otherwise (Cyrillic, Greek, Asian encodings) ask charset-normalizer.
    try:
        western = data.decode("cp1252")
        letters = [c for c in western[:20000] if c.isalpha()]
        if letters and sum(ord(c) > 127 for c in letters) < 0.3 * len(letters) and not looks_binary(western):
            return western, "cp1252"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only needed for the rare non-UTF-8, non-Western file

    best = from_bytes(data).best()
    text = str(best) if best is not None else ""
    if best is None or looks_binary(text):
        raise ValueError(f"{where}: not text in any known encoding (not UTF-8 at byte {utf8_error.start})")
    return text, best.encoding


def looks_binary(text: str) -> bool:
    """Whether decoded text is mostly control characters: binary data that happened to decode."""
    sample = text[:8192]
    controls = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f") or 0x7F <= ord(c) < 0xA0)
    return controls > len(sample) * 0.05


def text_title(text: str) -> str:
    """The headline of a plain-text article: a short first line that is not a sentence or a dateline."""
    first = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    if len(first) > 200 or first.endswith((".", "!", "?", ":")) or DATELINE_DATE.search(first) or BYLINE.search(first):
        return ""
    return first
