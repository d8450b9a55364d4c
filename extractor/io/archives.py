"""Compressed inputs read with bounded memory: a DOCX is a zip archive, and a zip (like a gzip)
can claim a few kilobytes and expand to gigabytes. Every member is decompressed in small pieces and
counted against the size limit before anything is parsed; its declared sizes are not trusted."""
from __future__ import annotations

import zipfile
from pathlib import Path

CHUNK = 1 << 16
DEFAULT_LIMIT = 20_000_000  # bytes, when the caller gives none (4 x the default --max-chars)


class TooLarge(ValueError):
    """An archive that expands past the size limit."""


def check_zip_expansion(zf: zipfile.ZipFile, where: str, limit: int) -> None:
    """TooLarge when the members of ZF expand to more than LIMIT bytes in all (counted while
    decompressing, so a lying central directory cannot hide a bomb)."""
    total = 0
    for info in zf.infolist():
        with zf.open(info) as member:
            while chunk := member.read(CHUNK):
                total += len(chunk)
                if total > limit:
                    raise TooLarge(f"{where}: archive expands past the size limit of {limit:,} bytes (--max-chars)")


def docx_paragraphs(path: Path, limit: int | None = None) -> list[str]:
    """The paragraphs of a .docx file, in order (python-docx). ValueError, naming the file, for a
    file that is not a zip archive, not a Word document, or expands past LIMIT bytes."""
    where = str(path)
    limit = limit or DEFAULT_LIMIT
    try:
        with zipfile.ZipFile(path) as zf:
            if "word/document.xml" not in zf.namelist():
                raise ValueError(f"{where}: not a Word document (no word/document.xml in the archive)")
            check_zip_expansion(zf, where, limit)
    except zipfile.BadZipFile:
        raise ValueError(f"{where}: not a DOCX file (not a zip archive)") from None
    except (zipfile.LargeZipFile, NotImplementedError, RuntimeError, EOFError) as e:
        raise ValueError(f"{where}: unreadable archive ({type(e).__name__}: {e})") from None
    import docx  # python-docx: only needed for Word files

    try:
        document = docx.Document(str(path))
    except Exception as e:  # noqa: BLE001 - a broken part inside the zip: one error row, not a crash
        raise ValueError(f"{where}: not a readable Word document ({type(e).__name__})") from None
    return [p.text for p in document.paragraphs]
