"""Finds and reads numeric expressions in plain text: values, ranges, qualifiers, units and currencies.

Pure Python (no spaCy), so every rule can be table-tested. The figures component calls `scan()`
on an article's text, then filters the results with the parse (dates, names) and adds the
counted noun and the governing verb.

What one `Figure` covers (extents chosen to score best on the gold sets, MEANTIME style):
  [qualifier] [currency] number [multiplier] [unit | currency | percent] [post-qualifier]
  "more than $4 billion", "around 10 percent", "2,763.5 hectares", "between 3 and 7 percent".
The counted noun of a count ("7,449 antipersonnel mines") is not in the span: the component
puts it in `unit`.

Values: "7,449" -> 7449, "1.2 million" -> 1.2e6, "£20.1bn" -> 2.01e10 GBP, "forty-two" -> 42,
"a dozen" -> 12, "3/4" -> 0.75, "2 1/2" -> 2.5, "10-15" -> 10 .. 15; the scale of a range's
second end applies to the first ("$2 to $4 billion", "six to seven thousand"). Vague amounts are
ranges with qualifier approx, by the convention of models/figures/numbers.json (at least two of
the scale, below ten): "hundreds" -> 200 .. 999, "hundreds of thousands" -> 200000 .. 999999,
"dozens" -> 24 .. 119, "several hundred" -> 300 .. 900.
Fractions and ratios are one value: "a fifth (of)" -> 0.2, "more than half" -> 0.5 over,
"two thirds of a million", "a hundred trillionths" -> 1e-10, "one in five" / "two out of
three" / "1 over 3." -> the quotient (not "5 in 10 minutes": a count and a duration).
Other forms: powers "1.1^23", "8x2^10"; "2.33 k"; scales of scales "three lakh crore";
worded numbers with commas and "&" ("three million, two hundred & forty"), "point
seventy-one"; the tokenized text of treebanks ("6 . 2 %", "10 , 000", "1 / 4"); money with
its cents after the code ("17 USD 25", "10 $ 30 cent"); lengths in feet and inches
("5 ft 2 in" -> 5.1667 feet); "-10C"; "573.15K" (kelvin: thousands are not written to the
hundredth); "2.123 pm" (picometres, as it is no clock reading; "2 pm" is a time).
Not read as numbers (returned as nothing): times "16:08", IP addresses and versions
"192.168.1.2", decades "1990s", ordinals "5th", numbers glued to letters ("5G", "L2",
"COVID-19", "SCP-173"), handles and URLs ("@AzerNews2", "example.com/12"), chains of
three or more parts that are dates, phone numbers or codes ("10-1-2018", "23/Sep/2020").
Years and other date parts are the component's business (it knows the parse and the dates).

Layout: tokens.py (tokens, digit values, Core and Figure), lexicon.py (the rule data of
models/figures and the month names of models/dates), reader.py (number words and digits read
into one value, one step per kind of token), scanner.py (one amount with its sign, currency,
unit and qualifier; the phrases that join amounts: ranges, ratios, tolerances, bounds).
"""

from __future__ import annotations

from .lexicon import LEXICON_FILES, Lexicon, lexicon
from .scanner import Scanner
from .tokens import Core, Figure, Tok, num_value, tokenize

__all__ = ["LEXICON_FILES", "Core", "Figure", "Lexicon", "Scanner", "Tok", "lexicon", "num_value", "parse_figure",
           "parse_number", "scan", "tokenize"]


def scan(text: str, lex: Lexicon | None = None) -> list[Figure]:
    """Every numeric expression in TEXT, left to right, as Figures (see the module docstring)."""
    return Scanner(text, lex or lexicon()).scan()


def parse_figure(text: str, lex: Lexicon | None = None) -> Figure | None:
    """The one numeric expression that spans TEXT (surrounding spaces aside), else None.
    parse_figure("US$ 40 billion") -> value 4e10, unit USD, category money."""
    figs = scan(text, lex)
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    for f in figs:
        if f.start == lead and f.end == lead + len(stripped):
            return f
    return None


def parse_number(text: str) -> float | None:
    """The value of a number written in digits and/or words ("7,449", "forty-two", "1.2 million",
    "3/4", "a dozen"), or None when TEXT is not one number. A stable public function: other
    components (dates) may call it."""
    f = parse_figure(text)
    return f.value if f is not None and f.value_max is None else None
