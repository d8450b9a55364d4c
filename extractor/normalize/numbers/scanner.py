"""The scanner: numbers with what surrounds them (sign, currency, unit, qualifier), and the phrases
that join two of them (ranges, ratios, tolerances, bounds). Each step is a named method."""
from __future__ import annotations

import math
import re
from bisect import bisect_left

from .lexicon import Lexicon
from .reader import NumberReader
from .tokens import DASHES, Core, Figure, Tok, tokenize

# What may follow every amount (each tried at the amount's end, in the text itself: matching a copy of
# the rest of the text cost a copy per amount). None starts with an anchor or a word boundary.
TOLERANCE = re.compile(r"\s?(?:±|\+/-|\+-)\s?")  # "9.83e-3 +/- 1e-5", "2,000.45±0.01"
RATIO = re.compile(r"\s(out of|in|over)\s")  # "one in five"
INCHES_AFTER_FEET = re.compile(r"\s(?:and\s)?(\d+(?:\.\d+)?)\s?(?:inch(?:es)?\b|in\b\.?|\"|'')")  # "5 feet 2 inches"


class Scanner:
    """The tokens of one text and the steps that read figures from them (`scan()`)."""

    def __init__(self, text: str, lex: Lexicon):
        self.text, self.lex = text, lex
        self.toks = tokenize(text)
        self.n = len(self.toks)
        self.starts = [t.start for t in self.toks]

    # ---------------------------------------------------------------- token helpers
    def gap(self, i: int) -> int:
        """Characters between token i-1 and token i."""
        return self.toks[i].start - self.toks[i - 1].end if 0 < i < self.n else 1

    def word(self, i: int) -> str:
        return self.toks[i].lower if 0 <= i < self.n else ""

    def tok_after(self, pos: int) -> int:
        """Index of the first token starting at or after char POS."""
        return bisect_left(self.starts, pos)

    def may_start_amount(self, t: Tok) -> bool:
        """Whether an amount can start at token T: Scanner.core reads one only from digits, a vulgar
        fraction or a word of lex.amount_words, and amount() tries nothing else first."""
        return t.kind == "num" or t.lower in self.lex.amount_words or t.text in self.lex.vulgar

    def is_number_word(self, w: str) -> bool:
        return w in self.lex.units or w in self.lex.tens

    def counted_after(self, pos: int) -> bool:
        """Whether a word that is counted in millions rather than measured follows POS: "3.4m tonnes",
        "2m people", "5 B users" (not "100m sprint", "5m tall")."""
        m = re.match(r"\s+([A-Za-z]+)", self.text[pos:pos + 24])
        return bool(m) and m.group(1).lower() in self.lex.counted_in_millions

    def accumulate(self, k: int, start_value: float | None, money: bool = False) -> Core | None:
        """Number words and digits from token k read into one value (see reader.NumberReader)."""
        return NumberReader(self, k, start_value, money=money).read()

    # ---------------------------------------------------------------- the core: one number
    def core(self, k: int, money: bool) -> Core | None:
        """The number that starts at token k: a vague amount, a worded fraction, "a hundred", "half a
        million", or digits and number words."""
        L, T = self.lex, self.toks
        if k >= self.n:
            return None
        t = T[k]
        w = t.lower
        if w in L.vague:
            return self._vague_amount(k)
        if w in L.vague_determiners and self.word(k + 1) in L.scales:
            # "several hundred" = 300 .. 900, "a few thousand", "a couple (of) million"
            low, high = L.vague_determiners[w]
            scale = L.scales[self.word(k + 1)]
            return Core(low * scale, k + 2, True, vague=True, scaled=True, end_char=T[k + 1].end,
                        value_max=high * scale if high != low else None)
        if w in ("a", "an") or w in L.units or w in L.tens:
            fr = self._worded_fraction(k)
            if fr is not None:
                return fr
        if w in ("a", "an"):
            return self._after_article(k)
        if w in ("half", "quarter"):
            return self._half_or_quarter(k)
        if t.kind == "num" or self.is_number_word(w) or t.text in L.vulgar:
            return self.accumulate(k, start_value=None, money=money)
        return None

    def _vague_amount(self, k: int) -> Core | None:
        """"hundreds of thousands", "thousands", "dozens", "tens of millions" (not "he scores", not "tens")."""
        L, T = self.lex, self.toks
        w = T[k].lower
        j, value = k + 1, L.vague[w]
        if w == "scores" and self.word(j) != "of":
            return None
        if self.word(j) == "of" and self.word(j + 1) in L.vague and self.word(j + 1) not in ("dozens", "tens"):
            value = L.vague[w] * L.vague[self.word(j + 1)] / 2
            j += 2
        elif w == "tens":
            return None
        # the convention of models/figures/numbers.json (vague_plurals): "S-s" is at least two S and
        # below ten S: "hundreds" = 200 .. 999, "tens of thousands" = 20,000 .. 99,999
        return Core(value, j, True, vague=True, scaled=True, end_char=T[j - 1].end, value_max=value * 5 - 1)

    def _after_article(self, k: int) -> Core | None:
        """"a hundred", "a dozen", "a half million", "half a dozen", "a half-million"; "a fifth of", "a
        quarter.", "a half" are fractions; "a third term" is an ordinal."""
        L, T = self.lex, self.toks
        nxt = self.word(k + 1)
        if nxt in L.scales and L.scales[nxt] >= 100 or nxt in ("dozen", "score"):
            return self.accumulate(k + 1, start_value=1.0)
        if nxt in ("half", "quarter") and self.word(k + 2) in L.scales:
            return self.accumulate(k + 1, start_value=None)
        if nxt == "half" and self.word(k + 2) == "dozen":
            return Core(6.0, k + 3, True, scaled=True, end_char=T[k + 2].end)
        if nxt == "half" and self.word(k + 2) in DASHES and self.gap(k + 2) == 0 and self.word(k + 3) in L.scales:
            return Core(0.5 * L.scales[self.word(k + 3)], k + 4, True, scaled=True, end_char=T[k + 3].end)
        if nxt in L.fractions and not nxt.endswith("s") and nxt not in ("second",) and k + 1 < self.n \
                and self.word(k - 1) != "and" and self.word(k + 2) not in L.scales and (
                nxt == "half" and self.text[T[k + 1].end:T[k + 1].end + 1] not in ("-",)
                or re.match(r"\s*(?:of\b|[.,;:!?)]|$)", self.text[T[k + 1].end:])):
            return Core(1 / L.fractions[nxt], k + 2, True, end_char=T[k + 1].end)
        return None

    def _half_or_quarter(self, k: int) -> Core | None:
        """"more than half", "nearly half of" (0.5); "half a million", "quarter of a percent"."""
        L, t = self.lex, self.toks[k]
        w, nxt = t.lower, self.word(k + 1)
        if w == "half" and self.qualifier_before(k) and nxt not in ("a", "an", "dozen") and nxt not in L.scales \
                and self.text[t.end:t.end + 1] not in DASHES:
            return Core(0.5, k + 1, True, end_char=t.end)
        if nxt in L.scales or (nxt in ("a", "an") and self.word(k + 2) in (*L.scales, "dozen", "percent", "per", "percentage")):
            return self.accumulate(k, start_value=None)
        return None

    # ---------------------------------------------------------------- worded fractions
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
        num = words_value(num_words, L)
        if num is None or num == 0:
            return None
        if not plural and (num != 1 or not re.match(r"\s*(?:of\b|[.,;:!?)]|$)", self.text[T[j].end:])):
            return None
        return Core(num / den, j + 1, True, end_char=T[j].end)


    # ---------------------------------------------------------------- around the core
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
        return len(parts) >= 3 and (digits >= 3 or digits >= 2 and any(x.lower() in self.lex.months for x in parts))

    def prefix_before(self, start: int) -> tuple[str, float, int] | None:
        """(ISO code, multiplier, start char) of a currency symbol or code right before START."""
        lo = max(0, start - 8)
        m = self.lex.prefix_re.search(self.text[lo:start])
        if not m:
            return None
        form = m.group().rstrip()
        iso, mult = self.lex.prefix_of[form]
        return iso, mult, lo + m.start()

    # ---------------------------------------------------------------- one amount
    def amount(self, k: int, minor: bool = False) -> Figure | None:
        """One amount starting at token k: [sign] [currency] core [multiplier] [unit|currency|%].
        MINOR: this is the cents part of a larger amount ("3 dollars 50 cents"), which has no cents of its own."""
        T = self.toks
        if k >= self.n:
            return None
        t = T[k]
        # the amount starts at its number; a currency prefix is looked up behind it
        if t.kind == "sym" and t.text not in self.lex.vulgar:
            return None
        pre = self.prefix_before(t.start) if t.kind in ("num", "word") else None
        if pre is not None and self._code_in_a_name(pre, t):
            pre = None
        if pre is None and t.kind == "num" and k > 0 and T[k - 1].text in ("-", "−") and self.gap(k) == 0:
            pre = self.prefix_before(T[k - 1].start)  # "$-99.99"
        if t.kind == "num" and pre is None and self._glued_to_a_word(k):
            return None
        if t.kind == "num" and self._in_chain(t):
            return None
        sign = self._minus_sign(k)
        c = self.core(k, money=pre is not None)
        if c is None:
            return None
        start = T[k].start if sign > 0 else T[k - 1].start
        if k > 0 and T[k - 1].lower in ("minus", "negative") and sign > 0:
            sign, start = -1.0, T[k - 1].start
        elif self._minus_word_hyphen(k):
            sign, start = -1.0, T[k - 2].start  # "minus-40 degrees"
        f = Figure(start=start, end=c.end_char, value=sign * c.value, core_start=T[k].start, core_end=c.end_char,
                   words_only=c.words_only, vague=c.vague, scaled=c.scaled)
        if pre is not None:
            self._currency_prefix(f, pre, sign)
        else:
            self._unit_after(f, c, minor)
        f.bare_int = c.bare_int and pre is None and f.unit is None
        if c.lead:
            f.scale = c.value / c.lead
        if c.value_max is not None and c.value:
            f.value_max = c.value_max * f.value / c.value  # with the currency's multiplier and sign
        if c.vague:
            f.qualifier = "approx"
        f.next_tok = self.tok_after(f.end)
        return f

    def _code_in_a_name(self, pre: tuple[str, float, int], t: Tok) -> bool:
        """"COP26", "CAD3": a rarer ISO code glued to a bare integer is a name, not money ("USD200" stays)."""
        form = self.text[pre[2]:t.start]
        return form.isalpha() and form.upper() not in self.lex.common_codes and t.text.isdigit()

    def _minus_word_hyphen(self, k: int) -> bool:
        """"minus-40", "negative-5": the sign as a word joined by a hyphen."""
        T = self.toks
        return k > 1 and T[k].kind == "num" and T[k - 1].text in DASHES and self.gap(k) == 0 and self.gap(k - 1) == 0 \
            and T[k - 2].lower in ("minus", "negative")

    def _glued_to_a_word(self, k: int) -> bool:
        """Digits glued to a word ("L2", "scp173") or a word-hyphen ("COVID-19", "F-16", "mid-2020"), or the
        tail of a date, fraction or code ("5/17/2018", "1.2.3"); "5k-20k" is a range."""
        T = self.toks
        if not (k > 0 and self.gap(k) == 0) or self._minus_word_hyphen(k):
            return False
        p = T[k - 1]
        return p.kind == "word" or p.text in ("/", ":", ".", "@", "#", "_", "&", "^") or (
            p.text == "+" and k > 1 and self.gap(k - 1) == 0 and T[k - 2].kind in ("num", "word")) or (
            p.text in DASHES and k > 1 and self.gap(k - 1) == 0 and T[k - 2].kind == "word"
            and not (k > 2 and self.gap(k - 2) == 0 and T[k - 3].kind == "num")) or (
            p.text in DASHES and k > 2 and self.gap(k - 1) == 0 and T[k - 2].kind == "num"
            and self.gap(k - 2) == 0 and T[k - 3].kind == "word")  # "scp2-173"

    def _minus_sign(self, k: int) -> float:
        """-1 when a minus sign is glued before digits at the start of a word ("-5", "(-3", "$-2"), else 1;
        not the dash of a range ("10-15") or of a code."""
        T = self.toks
        if not (k > 0 and T[k - 1].text in ("-", "−") and self.gap(k) == 0 and T[k].kind == "num"):
            return 1.0
        before = T[k - 2] if k > 1 else None
        if before is None or (T[k - 1].start - before.end >= 1 and before.kind != "num" and before.text not in ("-", "–")) \
                or before.text in ("(", "$", "€", "£", "<", ">", "=", "~"):
            return -1.0
        return 1.0

    def _currency_prefix(self, f: Figure, pre: tuple[str, float, int], sign: float) -> None:
        """"$40", "US$ 75", "MUSD 3": the prefix's currency and multiplier; "$99 USD" repeats it after."""
        iso, mult, pstart = pre
        if not (sign < 0 and pstart > f.start):
            f.start = min(f.start, pstart)
        f.value *= mult
        f.unit, f.category = iso, "money"
        u = self.unit_at(f.end)
        if u and u[1] == "money" and u[0] == iso:
            f.end = u[2]

    def _unit_after(self, f: Figure, c: Core, minor: bool) -> None:
        """The unit, percent sign or currency word after the number ("2,763.5 hectares", "10 percent",
        "20 million pounds"), with a scale after a code ("75 USD million") and cents ("3 dollars 50")."""
        u = self.unit_at(f.end)
        if not u:
            return
        norm, cat, uend = u
        surface = self.text[f.end:uend].strip(" -")
        if cat == "money" and norm in ("GBP",) and surface.lower().startswith("pound") and not c.scaled:
            norm, cat = "lb", "measure"  # "20 million pounds" is money; "25 pounds" a weight
        f.value *= self.lex.unit_mult.get(surface, 1.0)
        f.unit, f.category, f.end = norm, cat, uend
        if cat != "money":
            return
        m = re.match(r"\s?(million|billion|trillion|bn|mn|m)\b", self.text[f.end:])
        if m:
            f.value *= self.lex.scales.get(m.group(1), self.lex.multipliers.get(m.group(1), 1))
            f.end += m.end()
        elif norm not in ("cents", "pence") and not minor:
            self._minor_units(f, norm)

    def _minor_units(self, f: Figure, norm: str) -> None:
        """"3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars 50.", "17 USD 25"
        (two digits after a code the next amount read as its prefix), "10 $ 30 cent"."""
        m = re.match(r"\s(?:and\s)?", self.text[f.end:])
        k2 = self.tok_after(f.end + m.end()) if m else self.n
        if not (m and k2 < self.n and self.toks[k2].start == f.end + m.end()):
            return
        g = self.amount(k2, minor=True)
        if g is None:
            return
        cents = g.unit == norm and g.start < f.end and \
            re.fullmatch(r"\d\d", self.text[g.core_start:g.core_end]) is not None and g.end == g.core_end \
            and self.unit_at(g.end) is None and not self._code_at(g.end)
        if g.unit == norm and g.start < f.end and g.end == g.core_end:
            minor = self.unit_at(g.end)
            if minor and minor[0] in ("cents", "pence"):
                g.end, g.unit = minor[2], minor[0]
        if g.value < 100 and g.value_max is None and (
                g.unit in ("cents", "pence") or cents or g.unit is None
                and re.match(r"\s*(?:[.,;!?]|$)", self.text[g.end:])):
            f.value += g.value / 100
            f.end = g.end

    # ---------------------------------------------------------------- qualifiers
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
        i = self.tok_after(pos)
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


    # ---------------------------------------------------------------- phrases of amounts
    def scan(self) -> list[Figure]:
        """Every figure of the text, left to right: each amount with the phrase around it."""
        out: list[Figure] = []
        i = 0
        while i < self.n:
            # Most tokens cannot start one: skipped without the regexes amount() runs first.
            f = self.amount(i) if self.may_start_amount(self.toks[i]) else None
            if f is None:
                i += 1
                continue
            self._extend_range(f, i)
            if f.range_kind == "score":
                i = max(f.next_tok, i + 1)
                continue
            self._extend_tolerance(f)
            self._drop_repeated_currency(f, out)
            self._extend_ratio(f)
            self._extend_feet_inches(f)
            self._extend_glued_rate(f)
            self._attach_qualifiers(f, out)
            if not self._closes_bounds(f, out):
                self._share_unit(f, out)
                out.append(f)
            i = max(f.next_tok, i + 1)
        return out

    def _extend_range(self, f: Figure, k_first: int) -> None:
        """Ranges: "between X and Y", "from X to Y", "X-Y", "X to Y", "8- to 16-meter"."""
        T, n = self.toks, self.n
        opener = T[k_first - 1].lower if k_first > 0 else ""
        if k_first > 0 and f.start < T[k_first].start:  # currency prefix: the opener precedes it
            j = k_first - 1
            while j >= 0 and T[j].start >= f.start:
                j -= 1
            opener = T[j].lower if j >= 0 else ""
        joins = self.lex.range_join.get(opener, self.lex.range_join[""])
        j = f.next_tok
        if j < n and T[j].text in ("-", "–") and j + 1 < n and T[j + 1].lower == "to":
            j += 1  # "8- to 16-meter"
        if not (j < n and T[j].lower in joins and j + 1 < n):
            return
        nk = j + 2 if T[j + 1].text in ("-", "−") and j + 2 < n and T[j + 2].kind == "num" else j + 1
        g = self.amount(nk) or self._amount_after_currency(nk)
        if g is not None and self._is_a_score(f, g, j):
            f.range_kind, f.next_tok = "score", g.next_tok
            return
        if g is not None and self._range_ok(f, g, T[j].lower, opener):
            self._merge_range(f, g, opener, T[j].lower)
            f.next_tok = g.next_tok

    def _is_a_score(self, f: Figure, g: Figure, j: int) -> bool:
        """"won 2-0", "a 3-3 draw": two small whole numbers joined by a bare hyphen, the second not above the
        first, with no unit: a score, not a range and no figure."""
        T = self.toks
        return T[j].text in ("-", "–") and self.gap(j) == 0 and self.gap(j + 1) == 0 and f.bare_int and g.bare_int \
            and g.value <= f.value < 100 and f.unit is None and g.unit is None

    def _amount_after_currency(self, k: int) -> Figure | None:
        """The amount whose currency prefix starts at token k: the second end of "$2 to $4 billion",
        "from US$ 5 to US$ 7"."""
        for x in range(k + 1, min(k + 3, self.n)):
            if self.toks[x].kind == "num":
                g = self.amount(x)
                return g if g is not None and g.start <= self.toks[k].start else None
        return None

    def _extend_tolerance(self, f: Figure) -> None:
        """"9.83e-3 +/- 1e-5 km/s2", "2,000.45±0.01 pounds": the value, with the unit of the tolerance."""
        m = TOLERANCE.match(self.text, f.end)
        if not (m and f.value_max is None):
            return
        g = self.amount(self.tok_after(m.end()))
        if g is not None and g.value_max is None:
            f.end, f.unit, f.category = g.end, f.unit or g.unit, f.category if f.unit else g.category
            f.next_tok = g.next_tok

    def _drop_repeated_currency(self, f: Figure, out: list[Figure]) -> None:
        """"10 rmb 20 usd": a currency already read as the previous amount's unit is not this one's prefix."""
        if not (out and f.start < out[-1].end <= f.core_start and f.category == "money"):
            return
        f.start = f.core_start
        m = re.match(r"\s?([A-Za-z]{3})\b", self.text[f.end:f.end + 5])
        if m and m.group(1).upper() in self.lex.codes:
            code = m.group(1).upper()
            f.unit, f.end = self.lex.unit_of.get(code, (code, "money"))[0], f.end + m.end()
            f.next_tok = self.tok_after(f.end)

    def _extend_ratio(self, f: Figure) -> None:
        """"one in five", "two out of three", "1 over 3": a ratio is one value."""
        m = RATIO.match(self.text, f.end)
        if not (m and f.unit is None and f.value_max is None and f.value != 0 and not f.vague):
            return
        g = self.amount(self.tok_after(m.end()))
        if g is not None and g.unit is None and g.value_max is None and g.value > 0 and not g.vague \
                and not (g.bare_int and 1000 <= g.value <= 2100) and self._ratio_ok(f, g, m.group(1)):
            f.value, f.end, f.core_end, f.bare_int, f.scaled = f.value / g.value, g.end, g.core_end, False, False
            f.words_only = f.words_only and g.words_only
            f.next_tok = g.next_tok

    def _extend_feet_inches(self, f: Figure) -> None:
        """"5 feet 2 inches", "12 ft 2 in": one length, in feet."""
        m = INCHES_AFTER_FEET.match(self.text, f.end)
        if m and f.unit == "feet" and f.value_max is None and float(m.group(1)) < 12:
            f.value += float(m.group(1)) / 12
            f.end = m.end()
            f.next_tok = self.tok_after(f.end)

    def _extend_glued_rate(self, f: Figure) -> None:
        """"$15.4/hour", "20 kg/day", "5 W/min": a slash glued to a unit or time unit makes a rate, in the span."""
        if f.unit is None:
            return
        m = re.match(r"/([A-Za-z]+)\b", self.text[f.end:f.end + 16])
        if m and (m.group(1) in self.lex.unit_of or m.group(1).lower() in self.lex.time_units
                  or m.group(1).lower() in ("hr", "h", "yr", "min", "sec", "s", "mo", "wk")):
            f.end += m.end()
            f.next_tok = self.tok_after(f.end)

    def _attach_qualifiers(self, f: Figure, out: list[Figure]) -> None:
        """The hedge before ("more than", "about") or after ("or more") a figure, in its span; a range's
        opener ("between", "from") is in its span too."""
        T = self.toks
        kq = self.tok_after(f.start)
        if f.range_kind in self.lex.range_open:
            kq -= 1
            f.start = T[kq].start
        else:
            q = self.qualifier_before(kq)
            if q and (not out or q[1] >= out[-1].end):
                f.qualifier, f.start = q[0], q[1]
        qa = self.qualifier_after(f.end)
        if qa and f.value_max is None:
            f.qualifier, f.end = qa
            f.next_tok = self.tok_after(f.end)

    def _closes_bounds(self, f: Figure, out: list[Figure]) -> bool:
        """"more than 10 and less than 20", "at most 100 and at least 20": one range with the previous figure."""
        if not (out and f.value_max is None and out[-1].value_max is None and
                re.fullmatch(r"\s*(?:,|and|but|,\s*and|,\s*but)?\s*", self.text[out[-1].end:f.start])):
            return False
        a, b = out[-1], f
        lower, upper = {"over", "at_least"}, {"under", "at_most"}
        if not ((a.qualifier in lower and b.qualifier in upper or a.qualifier in upper and b.qualifier in lower)
                and (a.unit == b.unit or not a.unit or not b.unit)):
            return False
        lo, hi = (a, b) if a.qualifier in lower else (b, a)
        if not lo.value < hi.value:
            return False
        a.parts = [(a.start, a.end, a.value), (b.start, b.end, b.value)]
        a.value, a.value_max, a.end, a.core_end = lo.value, hi.value, b.end, b.core_end
        a.unit = a.unit or b.unit
        a.qualifier, a.range_kind, a.bare_int = "exact", "bounds", False
        return True

    def _share_unit(self, f: Figure, out: list[Figure]) -> None:
        """"45 and 50 mg", "1.5 and 3 percent": the first number shares the second's unit."""
        if out and out[-1].unit is None and f.unit is not None and f.category in ("measure", "percent", "money") \
                and out[-1].value_max is None and not out[-1].words_only == (not f.words_only) \
                and re.fullmatch(r",?\s(?:and|or|to)\s", self.text[out[-1].end:f.start]):
            out[-1].unit, out[-1].category = f.unit, f.category

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
        if opener in self.lex.change_openers and join == "to":
            return False  # "cut by $200 to $399", "down $2.86 to $77.11": the change, then the new value
        if f.unit and g.unit and f.unit != g.unit:
            return False
        if f.category != g.category and f.unit is not None and g.unit is not None:
            return False
        if opener in ("between", "from"):
            return True
        if join == "to" and not (f.value < g.value):
            return False
        if join in ("to", "-", "–", "—") and f.unit is not None and g.unit is None \
                and not (f.category == "money" and f.start < f.core_start and not g.words_only):
            return False  # but "US$ 40-45 million", "$5 to 10 billion": the currency prefix covers both ends
        return f.value <= g.value or (f.value < 0 and g.value < 0)

    def _merge_range(self, f: Figure, g: Figure, opener: str, join: str) -> None:
        lo, hi = f.value, g.value
        if lo > hi and not (g.scaled and not f.scaled):  # "from -18 °C to -34 °C"
            lo, hi = hi, lo
        if self._scale_distributes(f, g):  # "10-15 million", "$2 to $4 billion", "six to seven thousand"
            lo = lo * g.scale
        f.parts = [(f.start, f.end, f.value), (g.start, g.end, g.value)]
        f.value, f.value_max = lo, hi
        f.unit = f.unit or g.unit
        f.category = f.category if f.category != "count" else g.category
        f.end = g.end
        f.core_end = g.core_end
        f.bare_int = False
        f.range_kind = opener if opener in self.lex.range_open else "to" if join == "to" else "dash"

    @staticmethod
    def _scale_distributes(f: Figure, g: Figure) -> bool:
        """Whether the scale words of a range's second end apply to the first too: the first has none,
        and scaled it stays at or below the second ("six to seven thousand" = 6000..7000, but "from
        200,000 to 3.1 million" keeps 200,000)."""
        if not (g.scaled and not f.scaled and g.scale > 1):
            return False
        exponent = math.log10(g.scale)
        return abs(exponent - round(exponent)) < 1e-9 and 0 < f.value * g.scale <= g.value * (1 + 1e-9)


def words_value(words: list[str], L: Lexicon) -> float | None:
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

