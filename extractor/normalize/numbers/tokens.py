"""The scanner's tokens, the values of digit strings, and the records a reading produces (Core, Figure)."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

# Word tokens, number tokens (digits with inner separators kept together so that "16:08" and
# "192.168.1.2" arrive whole and can be refused whole), and single symbols.
TOKEN_RE = re.compile(r"\d+(?:\.\d+)?(?:[eE][+-]?\d+|\s?[x×]\s?(?:10\^?|\d+\^)[-−+]?\d+)(?![\w.])|"
                      r"\d+ \. \d+(?![\d.,])|\d{1,3}(?: , \d{3})+(?![\d.,])|"
                      r"\d+(?:[.,:]\d+)*(?:[\u202f\u00a0\u2009]\d{3})*(?:\.\d+)?|\.\d+|[A-Za-z]+|[^\sA-Za-z\d]")
SCIENTIFIC = re.compile(r"(\d+(?:\.\d+)?)(?:[eE]|\s?[x×]\s?(\d+)\^?)([-−+]?\d+)")
PLAIN_NUM = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?$|^\.\d+$")
NUMBER_SPACES = re.compile(r"[\u202f\u00a0\u2009]")  # thin and no-break spaces inside a number
DASHES = {"-", "–", "—", "‐", "−"}
# Denominators that make "n/d" a fraction rather than a date ("3/4", not "5/12").
USUAL_DENOMINATORS = {2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100, 1000}


# Slots: the scanner makes one Tok for every word of every text it reads, and reads their fields over
# and over; slotted instances are made faster (tokenize() of the bench's 684 news sentences: about 20%
# less time, issue 19).
@dataclass(slots=True)
class Tok:
    text: str
    start: int
    end: int
    kind: str  # num | word | sym
    # text.lower(), computed once: the scanner's tests ask for it about three times a token
    lower: str = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.lower = self.text.lower()


def tokenize(text: str) -> list[Tok]:
    out = []
    for m in TOKEN_RE.finditer(text):
        s = m.group()
        kind = "num" if s[0].isdigit() or (s[0] == "." and len(s) > 1) else "word" if s[0].isalpha() else "sym"
        out.append(Tok(s, m.start(), m.end(), kind))
    return out


def num_value(s: str) -> float | None:
    """A digit string's value ("7,449" -> 7449.0, "2,763.5"), or None if it is not a plain number
    ("16:08", "192.168.1.2", "5,00")."""
    s = NUMBER_SPACES.sub("", s).replace(" . ", ".").replace(" , ", ",")
    m = SCIENTIFIC.fullmatch(s)
    if m:
        try:
            base, exp = float(m.group(2) or 10), float(m.group(3).replace("−", "-"))
            v = float(m.group(1) + "e" + m.group(3).replace("−", "-")) if base == 10 else float(m.group(1)) * base ** exp
        except (OverflowError, ValueError):
            return None
        return v if math.isfinite(v) else None
    if not PLAIN_NUM.match(s):
        return None
    return float(s.replace(",", ""))


@dataclass
class Core:
    """The number itself, as read from tokens: its value and the token index after it."""
    value: float
    end: int            # token index after the core
    words_only: bool
    vague: bool = False
    scaled: bool = False
    bare_int: bool = False
    end_char: int = 0
    value_max: float | None = None  # the top of a vague amount ("hundreds" = 200 .. 999)
    lead: float | None = None  # the number before its first scale word ("four" of "four hundred thousand")


@dataclass
class Figure:
    """One numeric expression. `start`/`end` cover the whole expression; `core_start`/`core_end`
    the number itself; `parts` the char spans of a range's two ends (for splitting "from X to Y")."""
    start: int
    end: int
    value: float
    value_max: float | None = None
    qualifier: str = "exact"
    unit: str | None = None
    category: str = "count"
    core_start: int = 0
    core_end: int = 0
    words_only: bool = False      # written in words only ("two", "a dozen")
    vague: bool = False           # "hundreds", "thousands of"
    scaled: bool = False          # has a multiplier ("million", "bn", "10k")
    bare_int: bool = False        # plain digits without separators ("2020", "140")
    range_kind: str | None = None  # between | from | dash | to | bounds
    parts: list[tuple[int, int, float]] = field(default_factory=list)
    scale: float = 1.0            # the factor of the scale words on the number's lead ("4 billion": 1e9)
    # Scanner bookkeeping: the index of the first scanner token after the expression.
    next_tok: int = field(default=0, repr=False, compare=False)

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "value": self.value, "value_max": self.value_max,
                "qualifier": self.qualifier, "unit": self.unit, "category": self.category}
