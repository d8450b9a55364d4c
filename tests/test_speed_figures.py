"""The figures scanner tries an amount only at tokens that can start one (Scanner.may_start_amount):
a speed-up that must find exactly what trying every token finds."""
from __future__ import annotations

import pytest

from extractor.normalize.numbers import lexicon, scan
from extractor.normalize.numbers.scanner import Scanner

# One sentence per way an amount can start: digits, number words, vague amounts and determiners,
# articles and halves, vulgar fractions, currency prefixes and signs before digits.
STARTS = [
    "The council approved 7,449 new permits and 12.5% more funding.",
    "Twenty-one people and forty-two volunteers arrived.",
    "Hundreds of thousands marched, and dozens were hurt.",
    "Several hundred residents and a few thousand visitors came.",
    "A hundred trucks carried half a million doses, a quarter of the stock.",
    "Add ½ cup of sugar and 2 1/2 spoons of salt.",
    "The fund lost $US4.5 billion, or minus-40 points, after a -3% day.",
    "An eighth of the voters, one in five, backed the plan.",
    "Nothing here is a figure at all, said the mayor.",
    "",
]


@pytest.mark.parametrize("text", STARTS)
def test_gated_scan_finds_what_trying_every_token_finds(text, monkeypatch):
    lex = lexicon()
    gated = scan(text, lex)
    monkeypatch.setattr(Scanner, "may_start_amount", lambda self, t: True)
    assert scan(text, lex) == gated


@pytest.mark.parametrize("text", [t for t in STARTS if t])
def test_every_figure_starts_at_a_token_that_may_start_one(text):
    sc = Scanner(text, lexicon())
    for f in sc.scan():
        first = sc.toks[sc.tok_after(f.core_start)]
        assert sc.may_start_amount(first), (text, f)
