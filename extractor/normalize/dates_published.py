"""Reading a publication date from metadata, an option, a dateline or a file name."""
from __future__ import annotations

import re
from datetime import date

ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def parse_published(value: str | date | None) -> str | None:
    """An ISO date (YYYY-MM-DD) from a publication date in any common written form.
    None for empty input; ValueError with the value when it is not a date."""
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    s = str(value).strip()
    if not s:
        return None
    m = ISO.search(s)
    if m and s.startswith(m.group(0)):
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            raise ValueError(f"published date {s!r} is not a valid calendar date") from None
    import dateparser  # imported late: it is slow to import and not needed for ISO dates

    d = dateparser.parse(s, languages=["en"], settings={"STRICT_PARSING": True,
                                                        "PREFER_DAY_OF_MONTH": "first"})
    if d is None:
        raise ValueError(f"published date {s!r} is not a date")
    return d.date().isoformat()
