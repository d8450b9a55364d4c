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
"a dozen" -> 12, "3/4" -> 0.75, "2 1/2" -> 2.5, "10-15" -> 10 .. 15. Vague amounts get a
representative value with qualifier approx: "hundreds" -> 200, "thousands" -> 2000,
"hundreds of thousands" -> 200000, "dozens" -> 24, "several hundred" -> 300.
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
"""
from __future__ import annotations

import json
import math
from bisect import bisect_left
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..resources import models_path


# Word tokens, number tokens (digits with inner separators kept together so that "16:08" and
# "192.168.1.2" arrive whole and can be refused whole), and single symbols.
TOKEN_RE = re.compile(r"\d+(?:\.\d+)?(?:[eE][+-]?\d+|\s?[x×]\s?(?:10\^?|\d+\^)[-−+]?\d+)(?![\w.])|"
                      r"\d+ \. \d+(?![\d.,])|\d{1,3}(?: , \d{3})+(?![\d.,])|"
                      r"\d+(?:[.,:]\d+)*(?:[\u202f\u00a0\u2009]\d{3})*(?:\.\d+)?|\.\d+|[A-Za-z]+|[^\sA-Za-z\d]")
SCIENTIFIC = re.compile(r"(\d+(?:\.\d+)?)(?:[eE]|\s?[x×]\s?(\d+)\^?)([-−+]?\d+)")
POWER = re.compile(r"\^([-−+]*)(\d+(?:\.\d+)?)(?![\d.])")
SPACED_K = re.compile(r" {1,2}[kK](?![\w])(?=\s*(?:[.,;:!?)]|$))")
MONTH_PARTS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
               "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"}
PLAIN_NUM = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}|\d+)(?:\.\d+)?$|^\.\d+$")
SPACE_GROUP = re.compile(r"[ \u202f\u00a0\u2009](\d{3})(?![\d]|[.,]\d)")
ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "eleventh", "twelfth", "hundredth", "thousandth", "millionth", "billionth", "trillionth", "firsts"}
USUAL_DENOMINATORS = {2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100, 1000}
DASHES = {"-", "–", "—", "‐", "−"}
HEDGE_WORDS = {"between", "from"}


@dataclass
class Tok:
    text: str
    start: int
    end: int
    kind: str  # num | word | sym

    @property
    def lower(self) -> str:
        return self.text.lower()


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
    range_kind: str | None = None  # between | from | dash | to
    parts: list[tuple[int, int, float]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "value": self.value, "value_max": self.value_max,
                "qualifier": self.qualifier, "unit": self.unit, "category": self.category}


# ---------------------------------------------------------------- lexicons
@dataclass
class Lexicon:
    units: dict[str, float]
    tens: dict[str, float]
    scales: dict[str, float]
    groups: dict[str, float]
    fractions: dict[str, float]
    ordinals: dict[str, float]
    vulgar: dict[str, float]
    multipliers: dict[str, float]
    multipliers_money_only: set[str]
    vague: dict[str, float]
    before: dict[tuple[str, ...], str]
    after: dict[tuple[str, ...], str]
    unit_re: re.Pattern
    unit_of: dict[str, tuple[str, str]]  # surface -> (normalised, category)
    ambiguous_units: set[str]
    prefix_re: re.Pattern
    prefix_of: dict[str, tuple[str, float]]
    codes: set[str]
    unit_mult: dict[str, float]


def _alternation(forms: list[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))


@lru_cache(maxsize=4)
def lexicon(folder: str | None = None) -> Lexicon:
    """The number, unit, currency and qualifier lexicons of FOLDER (default models/figures), loaded once."""
    d = Path(folder) if folder else models_path("figures")
    nums = json.loads((d / "numbers.json").read_text(encoding="utf8"))
    quals = json.loads((d / "qualifiers.json").read_text(encoding="utf8"))
    units = json.loads((d / "units.json").read_text(encoding="utf8"))
    cur = json.loads((d / "currencies.json").read_text(encoding="utf8"))

    unit_of: dict[str, tuple[str, str]] = {}
    for norm, forms in units["units"].items():
        for f in forms:
            unit_of.setdefault(f, (norm, "measure"))
    for f in units["percent"]:
        unit_of[f] = ("%", "percent")
    for f in units["percentage_points"]:
        unit_of[f] = ("percentage points", "percent")
    for w, iso in {**cur["words"], **cur["ambiguous_words"]}.items():
        unit_of.setdefault(w, (iso, "money"))
    unit_of.update({w: (iso, "money") for w, iso in cur["ambiguous_words"].items()})
    for w, name in cur["minor"].items():
        unit_of.setdefault(w, (name, "money"))
    codes = set(cur["codes"])
    for c in codes:
        unit_of.setdefault(c, (cur["code_alias"].get(c, c), "money"))
    for sym, iso in cur["symbols"].items():
        if len(sym) == 1 and not sym.isalnum():
            unit_of.setdefault(sym, (iso, "money"))  # "10 €", "100元"
    # Case-insensitive forms also match their lower- and title-cased variants.
    lowered = {}
    for f, v in unit_of.items():
        if f.lower() == f and len(f) >= 3:  # "Percent", "Dollars"; not "M" for metres
            lowered[f.capitalize()] = v
    for f, v in lowered.items():
        unit_of.setdefault(f, v)

    prefix_of: dict[str, tuple[str, float]] = {}
    unit_mult: dict[str, float] = {}
    for sym, iso in cur["symbols"].items():
        prefix_of[sym] = (iso, 1.0)
        if len(sym) == 1 and sym.isalpha():
            unit_of.setdefault(sym, (iso, "money"))  # "100元"
        if sym.endswith("$") and len(sym) > 2:  # "US $", "hk $"; not "s $" (the "'s $700" of a possessive)
            prefix_of[sym[:-1] + " $"] = (iso, 1.0)  # "US $ 150", "c $ 16.4"
            prefix_of[sym.lower()] = (iso, 1.0)
            prefix_of[sym[:-1].lower() + " $"] = (iso, 1.0)
    for c in codes:
        prefix_of[c] = (cur["code_alias"].get(c, c), 1.0)
    for c in ("usd", "eur", "gbp", "rmb", "cny", "jpy"):
        prefix_of[c] = (cur["code_alias"].get(c.upper(), c.upper()), 1.0)
    for c, (iso, mult) in cur["scaled_codes"].items():
        prefix_of[c] = (iso, float(mult))
        unit_of[c] = (iso, "money")
        unit_mult[c] = float(mult)
    unit_re = re.compile(r"(?:" + _alternation(list(unit_of)) + r")(?![A-Za-z0-9²³])")
    prefix_re = re.compile(r"(?:(?<=^)|(?<=[^A-Za-z]))(?:" + _alternation(list(prefix_of)) + r")\s?$")

    def phrases(table: dict[str, str]) -> dict[tuple[str, ...], str]:
        return {tuple(TOKEN_RE.findall(k.lower())): v for k, v in table.items()}

    return Lexicon(units=nums["units"], tens=nums["tens"], scales=nums["scales"], groups=nums["groups"],
                   fractions=nums["fractions"], ordinals=nums["ordinals"], vulgar=nums["vulgar"],
                   multipliers=nums["suffix_multipliers"],
                   multipliers_money_only=set(nums["suffix_only_with_currency"]), vague=nums["vague_plurals"],
                   before=phrases(quals["before"]), after=phrases(quals["after"]), unit_re=unit_re,
                   unit_of=unit_of, ambiguous_units=set(units["ambiguous_glued"]), prefix_re=prefix_re,
                   prefix_of=prefix_of, codes=codes, unit_mult=unit_mult)


def tokenize(text: str) -> list[Tok]:
    out = []
    for m in TOKEN_RE.finditer(text):
        s = m.group()
        kind = "num" if s[0].isdigit() or (s[0] == "." and len(s) > 1) else "word" if s[0].isalpha() else "sym"
        out.append(Tok(s, m.start(), m.end(), kind))
    return out


def _num_value(s: str) -> float | None:
    """A digit string's value ("7,449" -> 7449.0, "2,763.5"), or None if it is not a plain number
    ("16:08", "192.168.1.2", "5,00")."""
    s = re.sub(r"[\u202f\u00a0\u2009]", "", s).replace(" . ", ".").replace(" , ", ",")
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


# ---------------------------------------------------------------- the core: one number
@dataclass
class Core:
    value: float
    end: int            # token index after the core
    words_only: bool
    vague: bool = False
    scaled: bool = False
    bare_int: bool = False
    end_char: int = 0


class _Scanner:
    def __init__(self, text: str, lex: Lexicon):
        self.text, self.lex = text, lex
        self.toks = tokenize(text)
        self.n = len(self.toks)
        self.starts = [t.start for t in self.toks]

    # -- helpers
    def gap(self, i: int) -> int:
        """Characters between token i-1 and token i."""
        return self.toks[i].start - self.toks[i - 1].end if 0 < i < self.n else 1

    def word(self, i: int) -> str:
        return self.toks[i].lower if 0 <= i < self.n else ""

    def is_number_word(self, w: str) -> bool:
        L = self.lex
        return w in L.units or w in L.tens

    # -- core
    def core(self, k: int, money: bool) -> Core | None:
        L, T = self.lex, self.toks
        if k >= self.n:
            return None
        t = T[k]
        w = t.lower
        # vague amounts: "hundreds of thousands", "thousands", "dozens", "tens of millions"
        if w in L.vague:
            j, value = k + 1, L.vague[w]
            if w == "scores" and self.word(j) != "of":
                return None  # "he scores", not "scores of people"
            if self.word(j) == "of" and self.word(j + 1) in L.vague and self.word(j + 1) not in ("dozens", "tens"):
                value = L.vague[w] * L.vague[self.word(j + 1)] / 2
                j += 2
            elif w == "tens":
                return None
            return Core(value, j, True, vague=True, scaled=True, end_char=T[j - 1].end)
        if w in ("several", "few", "couple") and self.word(k + 1) in L.scales:
            base = {"several": 3, "few": 3, "couple": 2}[w]
            return Core(base * L.scales[self.word(k + 1)], k + 2, True, vague=True, scaled=True, end_char=T[k + 1].end)
        if w in ("a", "an") or w in L.units or w in L.tens:
            fr = self._worded_fraction(k)
            if fr is not None:
                return fr
        if w in ("a", "an"):
            nxt = self.word(k + 1)
            if nxt in L.scales and L.scales[nxt] >= 100 or nxt in ("dozen", "score"):
                c = self.accumulate(k + 1, start_value=1.0)
                return c
            if nxt in ("half", "quarter") and self.word(k + 2) in L.scales:
                return self.accumulate(k + 1, start_value=None)
            # "a fifth of", "a quarter.", "a half": a fraction; "a third term" is an ordinal
            if nxt == "half" and self.word(k + 2) == "dozen":
                return Core(6.0, k + 3, True, scaled=True, end_char=T[k + 2].end)
            if nxt == "half" and self.word(k + 2) in DASHES and self.gap(k + 2) == 0 and self.word(k + 3) in L.scales:
                # "a half-million"
                return Core(0.5 * L.scales[self.word(k + 3)], k + 4, True, scaled=True, end_char=T[k + 3].end)
            if nxt in L.fractions and not nxt.endswith("s") and nxt not in ("second",) and k + 1 < self.n \
                    and self.word(k - 1) != "and" and self.word(k + 2) not in L.scales and (
                    nxt == "half" and self.text[T[k + 1].end:T[k + 1].end + 1] not in ("-",)
                    or re.match(r"\s*(?:of\b|[.,;:!?)]|$)", self.text[T[k + 1].end:])):
                return Core(1 / L.fractions[nxt], k + 2, True, end_char=T[k + 1].end)
            return None
        if w in ("half", "quarter"):
            nxt = self.word(k + 1)
            if w == "half" and self.qualifier_before(k) and nxt not in ("a", "an", "dozen") and nxt not in L.scales \
                    and self.text[t.end:t.end + 1] not in DASHES:
                return Core(0.5, k + 1, True, end_char=t.end)  # "more than half", "nearly half of"
            if nxt in L.scales or (nxt in ("a", "an") and self.word(k + 2) in (*L.scales, "dozen", "percent", "per", "percentage")):
                return self.accumulate(k, start_value=None)
            return None
        if t.kind == "num" or self.is_number_word(w) or t.text in L.vulgar:
            return self.accumulate(k, start_value=None, money=money)
        return None

    def _ordinal(self, w: str) -> tuple[float, bool] | None:
        """(value, plural) of an ordinal word ("fifths" -> (5, True)), else None."""
        o = self.lex.ordinals
        if w in o:
            return o[w], False
        if w.endswith("s") and w[:-1] in o:
            return o[w[:-1]], True
        return None

    def _worded_fraction(self, k: int) -> Core | None:
        """A worded fraction whose denominator the number-by-number reading misses: after a tens or
        scale word ("twenty fifths" = 4, "ninety-five hundred fifths" = 1900) or compound
        ("three twenty-firsts" = 3/21, "one hundred thirty fifths" = 100/35, "one one hundred fifth"
        = 1/105). A singular ordinal needs the numerator one and no noun after it ("a
        twenty-first", not "a twenty-first title"); "second(s)" is a time unit, never a denominator."""
        L, T = self.lex, self.toks
        words: list[str] = []
        j = k
        while j < self.n:
            w = T[j].lower
            if j + 1 < self.n and T[j].text in DASHES and words and (
                    self.gap(j) == 0 and self.gap(j + 1) <= 1 and words[-1] != "and"
                    or self.gap(j) == 1 and self.gap(j + 1) == 1):
                j += 1
                continue
            if w in L.units or w in L.tens or w in L.scales or w == "and" and words or w in ("a", "an") and j == k:
                words.append(w)
                j += 1
                continue
            break
        od = self._ordinal(self.word(j))
        if od is None or not words or words[-1] == "and" or self.word(j).rstrip("s") == "second":
            return None
        den, plural = od
        prev = words[-1]
        num_words = words
        if prev in L.tens and den < 10 and len(words) > 1 and words[-2] != "and":
            den, num_words = L.tens[prev] + den, words[:-1]  # "twenty twenty fifths" = 20/25
        elif den == 1:
            return None  # "twenty firsts" is no fraction
        elif prev in L.scales and len(words) > 2 and words[-2] == "one":
            den, num_words = L.scales[prev] + den, words[:-2]  # "one one hundred fifth" = 1/105
        elif not (prev in L.tens or prev in L.scales):
            return None  # "three fifths", "two and a half": the usual reading handles them
        num = _words_value(num_words, L)
        if num is None or num == 0:
            return None
        if not plural and (num != 1 or not re.match(r"\s*(?:of\b|[.,;:!?)]|$)", self.text[T[j].end:])):
            return None
        return Core(num / den, j + 1, True, end_char=T[j].end)

    def accumulate(self, k: int, start_value: float | None, money: bool = False) -> Core | None:
        """Read number words and digits from token k into one value (the classic
        total/current scheme: "two hundred and five thousand three" = 205003)."""
        L, T = self.lex, self.toks
        total, current = 0.0, start_value
        segment_start: float | None = 0.0
        last_scale = 1.0
        words_only, scaled, last = True, False, "article" if start_value is not None else None
        bare_int = False
        j = k
        end_char = T[k].end
        while j < self.n:
            t, w = T[j], T[j].lower
            if t.kind == "num":
                if last not in (None, "scale", "hundred", "and"):
                    break
                v = _num_value(t.text)
                if v is None:
                    if j == k:
                        return None
                    break
                # thousands grouped by plain spaces: "10 000 dollars", "1 234 567"
                text_after = self.text[t.end:]
                grouped = t.text
                while last is None and re.fullmatch(r"\d{1,3}", grouped.split(" ")[0]) and SPACE_GROUP.match(text_after):
                    m = SPACE_GROUP.match(text_after)
                    grouped += " " + m.group(1)
                    nxt = j + 1
                    while nxt < self.n and T[nxt].end <= t.end + len(grouped) - len(t.text):
                        nxt += 1
                    j = nxt - 1
                    text_after = self.text[T[j].end:]
                    v = float(grouped.replace(" ", "").replace(",", ""))
                    t = T[j]
                if last is None and re.fullmatch(r"\d+", t.text) and grouped == t.text:
                    bare_int = True
                    if len(t.text) > 1 and t.text[0] == "0":
                        return None  # "0730", "05": clock times and codes
                # a power "1.1^23", "2.5^-1": the sign of the exponent is the parity of its minus signs
                pw = POWER.match(self.text, t.end)
                if pw and last is None:
                    try:
                        negative = (pw.group(1).count("-") + pw.group(1).count("−")) % 2 == 1
                        v = v ** ((-1.0 if negative else 1.0) * float(pw.group(2)))
                    except (OverflowError, ZeroDivisionError):
                        return None
                    j = self._tok_after(pw.end()) - 1
                    t = T[j]
                    bare_int = False
                # a spaced thousands suffix closing the number: "2.33 k", "- 10  k"
                sk = SPACED_K.match(self.text, t.end)
                if sk and last is None:
                    v *= 1000
                    scaled = True
                    j = self._tok_after(sk.end()) - 1
                    t = T[j]
                # glued suffix: "10k", "20.1bn", "2mil", "1.2b"; ordinals, decades and names refuse
                if j + 1 < self.n and self.gap(j + 1) == 0 and T[j + 1].kind == "word":
                    suf = T[j + 1].text
                    # "1.2b" is 1.2 billion, "1500b" 1500 bits: nobody writes a fraction of a bit
                    # "573.15K" is kelvin: thousands are not written to the hundredth
                    kelvin = suf == "K" and not money and re.search(r"\.\d\d", t.text) is not None
                    if suf in L.multipliers and not kelvin and (suf not in L.multipliers_money_only or money
                                                                or suf == "b" and "." in t.text):
                        v *= L.multipliers[suf]
                        scaled = True
                        j += 1
                        t = T[j]
                    elif suf.lower() in ("th", "st", "nd", "rd", "s") or not self.unit_at(t.end, glued=True):
                        if suf.lower() in ("s",) or j == k:
                            return None
                        break
                # fractions "3/4", mixed "2 1/2"; "5/17/2018" refuses
                spaced_den = _num_value(T[j + 2].text) if j + 2 < self.n and T[j + 2].kind == "num" else None
                if j + 2 < self.n and T[j + 1].text == "/" and T[j + 2].kind == "num" and (
                        (self.gap(j + 1), self.gap(j + 2)) == (0, 0) or (self.gap(j + 1), self.gap(j + 2)) == (1, 1)
                        and spaced_den in USUAL_DENOMINATORS and v < spaced_den):  # spaced: "1 / 4" of treebank text
                    den = _num_value(T[j + 2].text)
                    if j + 3 < self.n and T[j + 3].text in ("/", "-", ".") and self.gap(j + 3) == 0 and j + 4 < self.n and T[j + 4].kind == "num":
                        return None
                    if not den or den < v or "." in T[j + 2].text:
                        return None
                    # "5/12", "11/20" are dates far more often than fractions: only the usual
                    # denominators, or a fraction "of" something or of a unit
                    if den not in USUAL_DENOMINATORS and not re.match(r"\s(?:of\b)", self.text[T[j + 2].end:]) \
                            and self.unit_at(T[j + 2].end) is None:
                        return None
                    v = v / den
                    j += 2
                    t = T[j]
                elif j + 1 < self.n and T[j + 1].text in L.vulgar and self.gap(j + 1) == 0:
                    v += L.vulgar[T[j + 1].text]
                    j += 1
                    t = T[j]
                elif (j + 3 < self.n and 1 <= self.gap(j + 1) <= 2 and T[j + 1].kind == "num" and T[j + 2].text == "/"
                      and T[j + 3].kind == "num" and ((self.gap(j + 2), self.gap(j + 3)) == (0, 0) or
                                                      (self.gap(j + 2), self.gap(j + 3)) == (1, 1)
                                                      and _num_value(T[j + 3].text) in USUAL_DENOMINATORS)):
                    a, b = _num_value(T[j + 1].text), _num_value(T[j + 3].text)
                    if a is not None and b and a < b and v == int(v):
                        v += a / b
                        j += 3
                        t = T[j]
                        bare_int = False
                current = (current or 0.0) + v if last in ("scale", "hundred", "and") else v
                words_only = False
                last = "digit"
            elif t.text in L.vulgar and last in (None, "digit"):
                current = (current or 0.0) + L.vulgar[t.text]
                last = "digit"
                words_only = False
            elif w in L.units:
                if last not in (None, "scale", "hundred", "and", "tens", "dash"):
                    break
                if last in ("tens", "dash") and L.units[w] >= 10:
                    break
                current = (current or 0.0) + L.units[w]
                last = "unit"
            elif w in L.tens:
                if last not in (None, "scale", "hundred", "and"):
                    break
                current = (current or 0.0) + L.tens[w]
                last = "tens"
            elif w in ("-", "–") and last == "tens" and j + 1 < self.n and T[j + 1].lower in L.units and L.units[T[j + 1].lower] < 10:
                last = "dash"
            elif w in ("-", "–") and last == "unit" and j + 1 < self.n and T[j + 1].lower in L.fractions \
                    and T[j + 1].lower not in ("second", "seconds"):
                last = "unit"  # "one-half", "five - eighths"
            elif w in ("-", "–") and last == "tens" and j + 1 < self.n and T[j + 1].lower in ORDINAL_WORDS:
                return None
            elif w in ("hundreds", "thousands", "millions", "billions") and last in ("unit", "tens") and words_only \
                    and self.word(j + 1) != "of":
                # "five hundreds tvs": a plural scale after a number is the scale ("hundreds of" stays vague)
                s_ = L.scales[w[:-1]]
                if s_ == 100:
                    current = (current or 1.0) * 100
                    last = "hundred"
                else:
                    total += (current or 1.0) * s_
                    current, last, last_scale, segment_start = None, "scale", s_, 0.0
                scaled = True
            elif w in L.scales and last == "scale" and current is None and L.scales[w] > last_scale and L.scales[w] > 100:
                # "three lakh crore", "one thousand million": a scale of scales
                total *= L.scales[w]
                last_scale = L.scales[w]
            elif w in L.scales:
                if current is None and last != "article":
                    break
                if last not in ("digit", "unit", "tens", "article", "hundred", "scale", "half", "fraction"):
                    break
                s = L.scales[w]
                if s == 100 and last != "scale":
                    current = (current if current is not None else 1.0) * 100
                    last = "hundred"
                else:
                    total += (current if current is not None else 1.0) * s
                    current = None
                    last = "scale"
                    last_scale = s
                    segment_start = 0.0
                scaled = True
            elif w in L.groups and last in ("digit", "unit", "tens", "article", "half", "hundred"):
                # "three hundred and two dozens": the dozens of the part after "and"
                base = segment_start if last in ("digit", "unit", "tens") and segment_start else 0.0
                current = base + ((current if current is not None else 1.0) - base) * L.groups[w]
                last = "scale"
                scaled = True
            elif w in ("half", "quarter") and last in (None, "article"):
                current = 0.5 if w == "half" else 0.25
                last = "half"
                if self.word(j + 1) in ("a", "an"):  # "half a million", "half a dozen"
                    j += 1
            elif w == "point" and last in ("unit", "tens", "hundred") and j + 1 < self.n and (
                    T[j + 1].lower in L.units or T[j + 1].lower in L.tens):
                # "two hundred point zero three", "nine point nought four", "point seventy-one", "point eleven"
                digits, m = "", j + 1
                while m < self.n and (T[m].lower in L.units or T[m].lower in L.tens):
                    d = int(L.units.get(T[m].lower, L.tens.get(T[m].lower, 0)))
                    if d >= 20 and m + 2 < self.n and T[m + 1].text in DASHES and 0 < L.units.get(T[m + 2].lower, 0) < 10:
                        d += int(L.units[T[m + 2].lower])
                        m += 2
                    digits += str(d)
                    m += 1
                    if d >= 10:
                        break
                if not digits:
                    break
                current = (current or 0.0) + float("0." + digits)
                j = m - 1
                last = "decimal"
            elif w in L.fractions and w.endswith("s") and last in ("scale", "hundred") and L.fractions[w] >= 100:
                total, current = (total + (current or 0.0)) / L.fractions[w], None
                last = "fraction"
            elif w in L.fractions and last == "unit" and (w.endswith("s") or current == 1) and current is not None \
                    and segment_start is not None:
                # "two thirds", "one sixth", "three quarters"; a hundred thousand ...ths is out of scope
                if w.rstrip("s") in ("half", "halve") and current != 1 and w == "half":
                    break
                seg = current - segment_start
                current = segment_start + seg / L.fractions[w]
                last = "fraction"
                if self.word(j + 1) == "of" and self.word(j + 2) in ("a", "an") and self.word(j + 3) in L.scales \
                        and total == 0:
                    current *= L.scales[self.word(j + 3)]
                    scaled = True
                    j += 3
            elif w == "," and words_only and last == "scale" and self.gap(j) == 0 and self.gap(j + 1) == 1 and \
                    (self.word(j + 1) in L.units or self.word(j + 1) in L.tens) and \
                    not any(self.word(x) in L.scales and L.scales[self.word(x)] >= last_scale for x in range(j + 1, j + 5)):
                last = "and"
                segment_start = current or 0.0
            elif (w == "and" or w == "&" and words_only) and \
                    last in ("scale", "hundred", "digit", "unit", "tens", "fraction"):
                nxt, nxt2 = self.word(j + 1), self.word(j + 2)
                if nxt in ("a", "an", "one") and nxt2 in L.fractions and nxt2 != "second" or (
                        nxt in L.units and L.units[nxt] > 1 and nxt2 in L.fractions and nxt2.endswith("s")):
                    # "and a half", "and one fourth", "and two thirds", "five billion and three quarters"
                    frac = (L.units.get(nxt, 1) if nxt in L.units else 1) / L.fractions[nxt2]
                    nscale = L.scales.get(self.word(j + 3), 0)
                    if last == "scale" and 100 < nscale < last_scale:  # "one billion and a half million"
                        total += frac * nscale
                        j += 1
                    elif last == "scale":  # "one million and a half" = 1.5 million
                        total += frac * last_scale
                    else:
                        current = (current or 0.0) + frac
                    j += 3
                    end_char = T[j - 1].end
                    last = "digit" if words_only is False else "unit"
                    continue
                # "two and fifty-four hundredths": a worded fraction after "and" adds to the number
                if (nxt in L.units or nxt in L.tens) and last in ("unit", "tens", "hundred") and words_only \
                        and not getattr(self, "_in_and", False):
                    self._in_and = True
                    try:
                        sub = self.accumulate(j + 1, start_value=None)
                    finally:
                        self._in_and = False
                    if sub is not None and 0 < sub.value < 1 and T[sub.end - 1].lower in L.fractions:
                        current = (current or 0.0) + sub.value
                        j = sub.end
                        end_char = T[j - 1].end
                        last = "fraction"
                        continue
                # "3 hundred and 2 hundred", "one million and two million": a second number of the same order
                nscale = L.scales.get(nxt2, 0)
                if last == "hundred" and nscale == 100 or last == "scale" and nscale >= last_scale:
                    break
                if last in ("scale", "hundred") and (nxt in L.units or nxt in L.tens or (T[j + 1].kind == "num" if j + 1 < self.n else False)):
                    last = "and"
                    segment_start = current or 0.0
                else:
                    break
            else:
                break
            end_char = T[j].end
            j += 1
        if last in ("and", "dash", "article") or (current is None and total == 0 and last != "scale"):
            if last == "and":
                j -= 1
            elif last == "article":
                return None
        if words_only and last in ("unit", "tens") and j < self.n and self.gap(j) <= 1 and (
                T[j].lower in L.tens or T[j].lower in L.units or T[j].lower == "past"
                or T[j].text in ("-", "–") and self.word(j + 1) in L.tens):
            return None  # clock readings: "nine thirty", "five-thirty", "ten past 9"
        if words_only and k > 0 and last in ("unit", "tens") and self.gap(k) <= 1 and T[k - 1].lower in (*L.units, *L.tens) \
                and T[k - 1].lower not in ("one",):
            return None  # the second word of "three thirty"
        if words_only and k > 1 and T[k - 1].text in DASHES and self.gap(k) == 0 and self.gap(k - 1) == 0 \
                and (T[k - 2].lower in L.units or T[k - 2].lower in L.tens):
            return None  # the tail of a refused "five-thirty"
        if j < self.n and T[j].lower in ORDINAL_WORDS and self.gap(j) <= 1 and (
                last in ("tens", "unit") or last == "hundred" and words_only):
            return None  # "one hundred twenty fifth", "twenty-first": an ordinal
        value = total + (current or 0.0)
        # a trailing "and" or "-" was not part of the number
        while j > k and T[j - 1].lower in ("and", "-", "–", "&", ","):
            j -= 1
        end_char = T[j - 1].end
        if not math.isfinite(value):
            return None
        return Core(value, j, words_only, scaled=scaled, bare_int=bare_int and not scaled, end_char=end_char)

    # -- around the core
    def unit_at(self, pos: int, glued: bool = False) -> tuple[str, str, int] | None:
        """(normalised unit, category, end char) of a unit, currency word or percent sign at POS
        (after an optional hyphen or one space), else None."""
        text, L = self.text, self.lex
        p = pos
        if p < len(text) and text[p] in "-‐ \u00a0" and not glued:
            p += 1
        if p < len(text) and text[p] in "([{<" and not glued and p + 1 < len(text):
            m = L.unit_re.match(text, p + 1)
            if m and m.end() < len(text) and text[m.end()] in ")]}>":
                norm, cat = L.unit_of[m.group()]
                return norm, cat, m.end() + 1
            return None
        m = L.unit_re.match(text, p)
        if not m:
            return None
        form = m.group()
        norm, cat = L.unit_of[form]
        if form in ('"', "''", "”"):
            line_start = text.rfind("\n", 0, pos) + 1
            if p > pos or text.count('"', line_start, pos) % 2 == 1 or text.count("“", line_start, pos) > text.count("”", line_start, pos):
                return None  # a closing quotation mark, not inches
        if form in ("pm", "am"):
            # picometres only after a number that is no clock reading: "2.123 pm", not "2 pm", "2.30 pm"
            dec = re.search(r"\d(?:\.(\d+))?$", text[max(0, pos - 24):pos])
            if not dec or not dec.group(1) or len(dec.group(1)) == 2:
                return None
        if form in L.ambiguous_units or (len(form) == 1 and form.isalpha()):
            if p > pos:  # not glued
                after = text[m.end():m.end() + 12]
                if form == "in":
                    if not re.match(r"\s*(?:[.,;:)!?]|$|(?:thick|long|wide|tall|high|deep|across|diameter)\b)", after):
                        return None
                elif form in ("t", "g", "b", "l", "L", "K", "J", "W", "V", "C", "F", "pc", "pp", "mi", "ha", "ft", "oz", "gal", "rad", "deg", "deg."):
                    # "12 ft 2 in": feet followed by inches
                    if form == "ft" and re.match(r"\s+\d+(?:\.\d+)?\s?(?:in\b|inch|\")", after):
                        return norm, cat, m.end()
                    if not re.match(r"(?:[.,;:)!?]|$|\s+(?:[a-z]|$)|\s*$)", after):
                        return None
                    if form in ("t", "b") and not re.match(r"\s+[a-z]|[.,;:)]|$", after):
                        return None
            elif len(form) == 1 and form.isupper() and form not in ("M", "B", "T", "K", "L") and not (
                    form in ("C", "F") and re.search(r"(?:^|[^\w.])[-−+]\d+(?:\.\d+)?$", text[max(0, pos - 24):pos])):
                return None  # glued capitals are model names ("13F", "777F"), not degrees; "-10C" is a temperature
        return norm, cat, m.end()

    def _code_at(self, pos: int) -> bool:
        """Whether a currency code in any case ("usd", "USD") follows POS."""
        m = re.match(r"\s?([A-Za-z]{3})\b", self.text[pos:pos + 5])
        return bool(m) and m.group(1).upper() in self.lex.codes

    def _in_chain(self, t: Tok) -> bool:
        """Whether number token T is one part of a chain like "10-1-2018", "23/Sep/2020",
        "September-2020-23", "+1-222-2222": dates, phone numbers and codes, not figures."""
        text = self.text
        if not ((t.end < len(text) and text[t.end] in "-/") or (t.start > 0 and text[t.start - 1] in "-/")):
            return False
        a, b = t.start, t.end
        while a > 0 and (text[a - 1].isalnum() or text[a - 1] in "-/"):
            a -= 1
        while b < len(text) and (text[b].isalnum() or text[b] in "-/"):
            b += 1
        parts = [x for x in re.split(r"[-/]", text[a:b]) if x]
        digits = sum(x.isdigit() for x in parts)
        return len(parts) >= 3 and (digits >= 3 or digits >= 2 and any(x.lower() in MONTH_PARTS for x in parts))

    def prefix_before(self, start: int) -> tuple[str, float, int] | None:
        """(ISO code, multiplier, start char) of a currency symbol or code right before START."""
        lo = max(0, start - 8)
        m = self.lex.prefix_re.search(self.text[lo:start])
        if not m:
            return None
        form = m.group().rstrip()
        iso, mult = self.lex.prefix_of[form]
        return iso, mult, lo + m.start()

    def amount(self, k: int) -> Figure | None:
        """One amount starting at token k: [currency] core [multiplier] [unit|currency|%]."""
        T, L = self.toks, self.lex
        if k >= self.n:
            return None
        t = T[k]
        # the amount starts at its number; a currency prefix is looked up behind it
        if t.kind == "sym" and t.text not in L.vulgar:
            return None
        pre = self.prefix_before(t.start) if t.kind in ("num", "word") else None
        if t.kind == "num" and k > 0 and self.gap(k) == 0 and pre is None:
            p = T[k - 1]
            # glued to a word ("L2", "scp173") or a word-hyphen ("COVID-19", "F-16", "mid-2020"),
            # or the tail of a date, fraction or code ("5/17/2018", "1.2.3")
            if p.kind == "word" or p.text in ("/", ":", ".", "@", "#", "_", "&", "^") or (
                    p.text == "+" and k > 1 and self.gap(k - 1) == 0 and T[k - 2].kind in ("num", "word")) or (
                    p.text in DASHES and k > 1 and self.gap(k - 1) == 0 and T[k - 2].kind == "word"
                    and not (k > 2 and self.gap(k - 2) == 0 and T[k - 3].kind == "num")) or (  # "5k-20k" is a range
                    p.text in DASHES and k > 2 and self.gap(k - 1) == 0 and T[k - 2].kind == "num"
                    and self.gap(k - 2) == 0 and T[k - 3].kind == "word"):  # "scp2-173"
                return None
        if t.kind == "num" and self._in_chain(t):
            return None
        sign = 1.0
        if k > 0 and T[k - 1].text in ("-", "−") and self.gap(k) == 0 and t.kind == "num":
            before = T[k - 2] if k > 1 else None
            if before is None or (T[k - 1].start - before.end >= 1 and before.kind != "num" and before.text not in ("-", "–")) \
                    or (before is not None and before.text in ("(", "$", "€", "£", "<", ">", "=", "~")):
                sign = -1.0
        c = self.core(k, money=pre is not None)
        if c is None:
            return None
        start = T[k].start if sign > 0 else T[k - 1].start
        if k > 0 and T[k - 1].lower in ("minus", "negative") and sign > 0:
            sign, start = -1.0, T[k - 1].start
        value = sign * c.value
        end = c.end_char
        unit, category = None, "count"
        if pre is not None:
            iso, mult, pstart = pre
            if sign < 0 and pstart > start:
                pass
            else:
                start = min(start, pstart)
            value *= mult
            unit, category = iso, "money"
            # "$99 USD", "$249 USD": a trailing code repeats the currency
            u = self.unit_at(end)
            if u and u[1] == "money" and u[0] == iso:
                end = u[2]
        else:
            u = self.unit_at(end)
            if u:
                norm, cat, uend = u
                if cat == "money" and norm in ("GBP",) and self.text[end:uend].strip(" -").lower().startswith("pound"):
                    # "20 million pounds" is money; "25 pounds" a weight
                    if not c.scaled:
                        norm, cat = "lb", "measure"
                value *= L.unit_mult.get(self.text[end:uend].strip(" -"), 1.0)
                unit, category, end = norm, cat, uend
                # "US$ 75 USD million", "75 USD million"
                if cat == "money":
                    m = re.match(r"\s?(million|billion|trillion|bn|mn|m)\b", self.text[end:])
                    if m:
                        value *= L.scales.get(m.group(1), L.multipliers.get(m.group(1), 1))
                        end += m.end()
                    elif norm not in ("cents", "pence") and not getattr(self, "_in_minor", False):
                        # "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars 50."
                        m = re.match(r"\s(?:and\s)?", self.text[end:])
                        k2 = self._tok_after(end + m.end()) if m else self.n
                        if m and k2 < self.n and T[k2].start == end + m.end():
                            self._in_minor = True
                            try:
                                g = self.amount(k2)
                            finally:
                                self._in_minor = False
                            # "17 USD 25": two digits after a currency code that the amount reads as its prefix
                            cents = g is not None and g.unit == norm and g.start < end and \
                                re.fullmatch(r"\d\d", self.text[g.core_start:g.core_end]) is not None and g.end == g.core_end \
                                and self.unit_at(g.end) is None and not self._code_at(g.end)
                            # "10 $ 30 cent": the currency sign between the two parts is this amount's
                            minor = None
                            if g is not None and g.unit == norm and g.start < end and g.end == g.core_end:
                                minor = self.unit_at(g.end)
                                if minor and minor[0] in ("cents", "pence"):
                                    g.end, g.unit = minor[2], minor[0]
                            if g is not None and g.value < 100 and g.value_max is None and (
                                    g.unit in ("cents", "pence") or cents or g.unit is None
                                    and re.match(r"\s*(?:[.,;!?]|$)", self.text[g.end:])):
                                value += g.value / 100
                                end = g.end
        f = Figure(start=start, end=end, value=value, unit=unit, category=category, core_start=T[k].start,
                   core_end=c.end_char, words_only=c.words_only, vague=c.vague, scaled=c.scaled,
                   bare_int=c.bare_int and pre is None and unit is None)
        if c.vague:
            f.qualifier = "approx"
        f._next = self._tok_after(end)  # type: ignore[attr-defined]
        return f

    def _tok_after(self, pos: int) -> int:
        """Index of the first token starting at or after char POS."""
        return bisect_left(self.starts, pos)

    def qualifier_before(self, k: int) -> tuple[str, int] | None:
        """(qualifier, start char) of the longest qualifier phrase ending right before token k."""
        best = None
        for size in range(5, 0, -1):
            if k - size < 0:
                continue
            words = tuple(self.toks[i].lower for i in range(k - size, k))
            if words in self.lex.before:
                best = (self.lex.before[words], self.toks[k - size].start)
                break
        return best

    def qualifier_after(self, pos: int) -> tuple[str, int] | None:
        i = self._tok_after(pos)
        for size in range(2, 0, -1):
            words = tuple(self.toks[x].lower for x in range(i, min(i + size, self.n)))
            if len(words) == size and words in self.lex.after:
                # "more or less" is not "or less"
                if words == ("or", "less") and i > 0 and self.toks[i - 1].lower == "more":
                    return None
                # "200 or greater than 190": "greater" opens the next figure's qualifier
                if self.word(i + size) == "than":
                    return None
                return self.lex.after[words], self.toks[i + size - 1].end
        return None

    def scan(self) -> list[Figure]:
        out: list[Figure] = []
        i = 0
        T = self.toks
        while i < self.n:
            f = self.amount(i)
            if f is None:
                i += 1
                continue
            k_first = i
            nxt = f._next  # type: ignore[attr-defined]
            # ranges: "between X and Y", "from X to Y", "X-Y", "X to Y", "8- to 16-meter"
            opener = T[k_first - 1].lower if k_first > 0 else ""
            if k_first > 0 and f.start < T[k_first].start:  # currency prefix: opener precedes it
                j = k_first - 1
                while j >= 0 and T[j].start >= f.start:
                    j -= 1
                opener = T[j].lower if j >= 0 else ""
            joins = {"between": ("and", "to", "-", "–"), "from": ("to", "through", "until", "till", "-", "–")}.get(
                opener, ("-", "–", "—", "to", "through", "~"))
            j = nxt
            if j < self.n and T[j].text in ("-", "–") and j + 1 < self.n and T[j + 1].lower == "to":
                j += 1  # "8- to 16-meter"
            if j < self.n and T[j].lower in joins and j + 1 < self.n:
                nk = j + 2 if T[j + 1].text in ("-", "−") and j + 2 < self.n and T[j + 2].kind == "num" else j + 1
                g = self.amount(nk)
                if g is not None and self._range_ok(f, g, T[j].lower, opener):
                    self._merge_range(f, g, opener, T[j].lower)
                    nxt = g._next  # type: ignore[attr-defined]
            # "9.83e-3 +/- 1e-5 km/s2", "2,000.45±0.01 pounds": the value, with the unit of the tolerance
            m = re.match(r"\s?(?:±|\+/-|\+-)\s?", self.text[f.end:])
            if m and f.value_max is None:
                g = self.amount(self._tok_after(f.end + m.end()))
                if g is not None and g.value_max is None:
                    f.end, f.unit, f.category = g.end, f.unit or g.unit, f.category if f.unit else g.category
                    nxt = g._next  # type: ignore[attr-defined]
            # "10 rmb 20 usd": a currency already read as the previous amount's unit is not this one's prefix
            if out and f.start < out[-1].end <= f.core_start and f.category == "money":
                f.start = f.core_start
                m = re.match(r"\s?([A-Za-z]{3})\b", self.text[f.end:f.end + 5])
                if m and m.group(1).upper() in self.lex.codes:
                    code = m.group(1).upper()
                    f.unit, f.end = self.lex.unit_of.get(code, (code, "money"))[0], f.end + m.end()
                    nxt = self._tok_after(f.end)
            # "one in five", "two out of three", "1 over 3": a ratio is one value
            m = re.match(r"\s(out of|in|over)\s", self.text[f.end:])
            if m and f.unit is None and f.value_max is None and f.value != 0 and not f.vague:
                g = self.amount(self._tok_after(f.end + m.end()))
                if g is not None and g.unit is None and g.value_max is None and g.value > 0 and not g.vague \
                        and not (g.bare_int and 1000 <= g.value <= 2100) and self._ratio_ok(f, g, m.group(1)):
                    f.value, f.end, f.core_end, f.bare_int, f.scaled = f.value / g.value, g.end, g.core_end, False, False
                    f.words_only = f.words_only and g.words_only
                    nxt = g._next  # type: ignore[attr-defined]
            # "5 feet 2 inches", "12 ft 2 in": one length, in feet
            m = re.match(r"\s(?:and\s)?(\d+(?:\.\d+)?)\s?(?:inch(?:es)?\b|in\b\.?|\"|'')", self.text[f.end:])
            if m and f.unit == "feet" and f.value_max is None and float(m.group(1)) < 12:
                f.value += float(m.group(1)) / 12
                f.end = f.end + m.end()
                nxt = self._tok_after(f.end)
            # qualifiers
            kq = self._tok_after(f.start)
            if f.range_kind in ("between", "from"):
                kq -= 1
                f.start = T[kq].start
            else:
                q = self.qualifier_before(kq)
                if q and (not out or q[1] >= out[-1].end):
                    f.qualifier, f.start = q[0], q[1]
            qa = self.qualifier_after(f.end)
            if qa and f.value_max is None:
                f.qualifier, f.end = qa
                nxt = self._tok_after(f.end)
            # "more than 10 and less than 20", "at most 100 and at least 20": one range
            if out and f.value_max is None and out[-1].value_max is None and \
                    re.fullmatch(r"\s*(?:,|and|but|,\s*and|,\s*but)?\s*", self.text[out[-1].end:f.start]):
                a, b = out[-1], f
                lower, upper = {"over", "at_least"}, {"under", "at_most"}
                if (a.qualifier in lower and b.qualifier in upper or a.qualifier in upper and b.qualifier in lower) \
                        and (a.unit == b.unit or not a.unit or not b.unit):
                    lo, hi = (a, b) if a.qualifier in lower else (b, a)
                    if lo.value < hi.value:
                        a.parts = [(a.start, a.end, a.value), (b.start, b.end, b.value)]
                        a.value, a.value_max, a.end, a.core_end = lo.value, hi.value, b.end, b.core_end
                        a.unit = a.unit or b.unit
                        a.qualifier, a.range_kind, a.bare_int = "exact", "bounds", False
                        i = max(nxt, i + 1)
                        continue
            # "45 and 50 mg", "1.5 and 3 percent": the first number shares the second's unit
            if out and out[-1].unit is None and f.unit is not None and f.category in ("measure", "percent", "money") \
                    and out[-1].value_max is None and not out[-1].words_only == (not f.words_only) \
                    and re.fullmatch(r",?\s(?:and|or|to)\s", self.text[out[-1].end:f.start]):
                out[-1].unit, out[-1].category = f.unit, f.category
            out.append(f)
            i = max(nxt, i + 1)
        return out

    def _ratio_ok(self, f: Figure, g: Figure, join: str) -> bool:
        """"in" and "out of" need the smaller number first ("one in five"); "over" is a division
        only between bare numbers, smaller first, that close the phrase ("1 over 3."), else it is a
        qualifier or a score."""
        if re.match(r"\s+(?:sec|min|hour|hr|day|night|week|month|year|decade|centur)", self.text[g.end:], re.I):
            return False  # "5 in 10 minutes": a count and a duration
        if join != "over":
            return 0 < f.value <= g.value and f.value == int(f.value)
        # A proper fraction only: "102 over 98" is a score, not a quotient.
        return not f.scaled and f.value < g.value and re.match(r"\s*(?:[.,;:!?)]|$)", self.text[g.end:]) is not None

    def _range_ok(self, f: Figure, g: Figure, join: str, opener: str) -> bool:
        if f.value_max is not None or g.value_max is not None:
            return False
        if f.words_only != g.words_only and join in ("-", "–", "—", "~"):
            return False
        if join in ("-", "–", "—", "~"):
            # "1990-91", "COVID-19" and scores need digits on both sides, no scaled words in between
            if f.bare_int and g.bare_int and 1000 <= f.value <= 2100 and g.value < 100:
                return False
        if f.unit and g.unit and f.unit != g.unit:
            return False
        if f.category != g.category and f.unit is not None and g.unit is not None:
            return False
        if opener in ("between", "from"):
            return True
        if join == "to" and not (f.value < g.value):
            return False
        if join in ("to", "-", "–", "—") and f.unit is not None and g.unit is None:
            return False
        return f.value <= g.value or (f.value < 0 and g.value < 0)

    def _merge_range(self, f: Figure, g: Figure, opener: str, join: str) -> None:
        lo, hi = f.value, g.value
        if lo > hi and not (g.scaled and not f.scaled):  # "from -18 °C to -34 °C"
            lo, hi = hi, lo
        if g.scaled and not f.scaled and lo < hi / 100:  # "10-15 million", "$3 to $4 billion"
            scale = hi / max(abs(_first_number(self.text[g.core_start:g.core_end])) or 1, 1e-12)
            if scale > 1:
                lo = lo * scale
        f.parts = [(f.start, f.end, f.value), (g.start, g.end, g.value)]
        f.value, f.value_max = lo, hi
        f.unit = f.unit or g.unit
        f.category = f.category if f.category != "count" else g.category
        f.end = g.end
        f.core_end = g.core_end
        f.bare_int = False
        f.range_kind = {"between": "between", "from": "from"}.get(opener, "to" if join == "to" else "dash")


def _words_value(words: list[str], L: Lexicon) -> float | None:
    """The value of a list of number words ("one hundred and thirty" -> 130), or None if empty."""
    total, current, seen = 0.0, 0.0, False
    for w in words:
        if w in ("a", "an"):
            current, seen = 1.0, True
        elif w in L.units or w in L.tens:
            current += L.units.get(w, L.tens.get(w, 0.0))
            seen = True
        elif w in L.scales and L.scales[w] == 100:
            current = (current or 1.0) * 100
            seen = True
        elif w in L.scales:
            total += (current or 1.0) * L.scales[w]
            current, seen = 0.0, True
    return total + current if seen else None


def _first_number(s: str) -> float:
    m = re.search(r"\d+(?:[.,]\d+)*", s)
    return _num_value(m.group()) or 1.0 if m else 1.0


def scan(text: str, lex: Lexicon | None = None) -> list[Figure]:
    """Every numeric expression in TEXT, left to right, as Figures (see the module docstring)."""
    return _Scanner(text, lex or lexicon()).scan()


def parse_figure(text: str) -> Figure | None:
    """The one numeric expression that spans TEXT (surrounding spaces aside), else None.
    parse_figure("US$ 40 billion") -> value 4e10, unit USD, category money."""
    figs = scan(text)
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    for f in figs:
        if f.start == lead and f.end == lead + len(stripped):
            return f
    return None


def parse_number(text: str) -> float | None:
    """The value of a number written in digits and/or words ("7,449", "forty-two", "1.2 million",
    "3/4", "a dozen"), or None when TEXT is not one number."""
    f = parse_figure(text)
    return f.value if f is not None and f.value_max is None else None
