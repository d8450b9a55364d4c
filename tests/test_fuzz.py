"""Arbitrary Unicode through extract(): no exception, offsets that are the text, valid TimeML values,
finite figures. `make test` runs a bounded number of examples; `make fuzz` runs the long profile."""
from __future__ import annotations

import math
import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extractor import extract
from extractor.normalize.timex import CONTRACT_VALUE

settings.register_profile("default", max_examples=40, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

NEWSY = st.sampled_from([
    "June 10", "last Friday", "1e400", "١٢٣", "\u200f", "\u202e", "🙂", "e\u0301", "$40 billion", "over 140",
    "Foreign Minister", "UK", "2,763.5 hectares", "\x00", "\r\n", "hundreds of thousands", "the early 1990s",
    "@AzerNewsAz", "Mr", "−5", "½", "10-15", "３", "x" * 300, "Ⅻ", "\ufeff", "the 1990s", "Q3", "1/0",
])
TEXTS = st.lists(st.one_of(st.text(max_size=40), NEWSY), max_size=25).map(" ".join)


def check(text: str, published: str | None) -> None:
    rows = extract(text, published=published)
    for table, table_rows in rows.items():
        for r in table_rows:
            assert 0 <= r["start"] <= r["end"] <= len(text)
            assert r["text"] == text[r["start"]:r["end"]]
    for r in rows["dates"]:
        assert r["type"] in ("DATE", "TIME", "DURATION", "SET")
        assert CONTRACT_VALUE.match(str(r["value"])), r
    for r in rows["figures"]:
        assert r["value"] is not None and math.isfinite(r["value"]), r
        assert r["value_max"] is None or math.isfinite(r["value_max"]), r


@given(TEXTS, st.sampled_from([None, "2021-06-11", "1999-12-31"]))
@example("Over 1e400 people and ١٢٣ mines on June 10.", "2021-06-11")
@example("\u202eMinister \u200fJeyhun\u0301 Bayramov 🙂 said 9,033 on 31/31/2021", None)
def test_extract_never_breaks(text, published):
    check(text, published)
