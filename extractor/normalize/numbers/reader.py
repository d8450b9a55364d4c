"""Reading one run of number words and digits into one value: the classic total/current scheme
("two hundred and five thousand three" = 205003), one named step per kind of token.

A `NumberReader` holds the state of one reading (the running total, the current group, what the
last token was); each step looks at the current token and either takes it (NEXT), takes several
tokens itself (MOVED), or says it is not its kind (None). A step raises `EndOfNumber` when the
number ends before the token, and `NotANumber` when what was read is no number at all (a clock
reading, an ordinal, a code)."""
from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from .tokens import DASHES, USUAL_DENOMINATORS, Core, Tok, num_value

if TYPE_CHECKING:
    from .scanner import Scanner

POWER = re.compile(r"\^([-−+]*)(\d+(?:\.\d+)?)(?![\d.])")
SPACED_K = re.compile(r" {1,2}[kK](?![\w])(?=\s*(?:[.,;:!?)]|$))")
SPACED_SCALE = re.compile(r" (bn|mn|mln|B)(?![\w])")
SPACE_GROUP = re.compile(r"[ \u202f\u00a0\u2009](\d{3})(?![\d]|[.,]\d)")
# Compiled once: digits() and _space_groups() test every number token with them.
ALL_DIGITS = re.compile(r"\d+")
GROUP_OF_THREE_AT_MOST = re.compile(r"\d{1,3}")

NEXT, MOVED = "next", "moved"
# What the previous token was ("last"): None at the start; article ("a hundred"), digit, unit
# ("five"), tens ("fifty"), dash ("fifty-"), hundred, scale, and, half, fraction, decimal.
AFTER_SCALE = ("scale", "hundred", "and")


class EndOfNumber(Exception):
    """The number ends before the current token."""


class NotANumber(Exception):
    """What was read is no number (a clock reading, an ordinal, a code)."""


class NumberReader:
    """One reading from token K; `read()` gives the Core or None."""

    def __init__(self, sc: "Scanner", k: int, start_value: float | None, money: bool = False,
                 inside_and: bool = False):
        self.sc, self.L, self.T = sc, sc.lex, sc.toks
        self.k, self.money = k, money
        # a reading started after "and" (for "two and fifty-four hundredths") reads no further "and" fraction
        self.inside_and = inside_and
        self.total, self.current = 0.0, start_value
        self.segment_start: float | None = 0.0
        self.last_scale = 1.0
        self.words_only, self.scaled, self.bare_int = True, False, False
        self.last: str | None = "article" if start_value is not None else None
        self.lead: float | None = None
        self.j = k

    def read(self) -> Core | None:
        try:
            self._run()
            return self._finish()
        except NotANumber:
            return None

    def _run(self) -> None:
        while self.j < self.sc.n:
            t = self.T[self.j]
            w, outcome = t.lower, None
            try:
                for step in STEPS:
                    outcome = step(self, t, w)
                    if outcome is not None:
                        break
            except EndOfNumber:
                return
            if outcome is None:
                return
            if outcome == NEXT:
                self.j += 1

    def _word(self, i: int) -> str:
        return self.sc.word(i)

    # ---------------------------------------------------------------- digits
    def digits(self, t: Tok, w: str) -> str | None:
        """Digits, with what may follow them inside the number: space-grouped thousands, a power,
        a "k" suffix, a glued multiplier, a fraction."""
        if t.kind != "num":
            return None
        if self.last not in (None, *AFTER_SCALE):
            raise EndOfNumber
        if self.words_only and self.last in ("scale", "hundred"):
            raise EndOfNumber  # "two million 330ml cans": digits after a worded scale start another number
        v = num_value(t.text)
        if v is None:
            raise NotANumber if self.j == self.k else EndOfNumber
        v, grouped = self._space_groups(t, v)
        t = self.T[self.j]
        if self.last is None and ALL_DIGITS.fullmatch(t.text) and grouped == t.text:
            self.bare_int = True
            if len(t.text) > 1 and t.text[0] == "0":
                raise NotANumber  # "0730", "05": clock times and codes
        v = self._power(v)
        v = self._spaced_thousands(v)
        v = self._glued_suffix(v)
        v = self._digit_fraction(v)
        self.current = (self.current or 0.0) + v if self.last in AFTER_SCALE else v
        self.words_only = False
        self.last = "digit"
        return NEXT

    def _space_groups(self, t: Tok, v: float) -> tuple[float, str]:
        """Thousands grouped by plain spaces: "10 000 dollars", "1 234 567"."""
        T, text = self.T, self.sc.text
        grouped = t.text
        pos = t.end
        while self.last is None and GROUP_OF_THREE_AT_MOST.fullmatch(grouped.split(" ")[0]) and SPACE_GROUP.match(text, pos):
            m = SPACE_GROUP.match(text, pos)
            grouped += " " + m.group(1)
            nxt = self.j + 1
            while nxt < self.sc.n and T[nxt].end <= t.end + len(grouped) - len(t.text):
                nxt += 1
            self.j = nxt - 1
            pos = T[self.j].end
            v = float(grouped.replace(" ", "").replace(",", ""))
            t = T[self.j]
        return v, grouped

    def _power(self, v: float) -> float:
        """A power "1.1^23", "2.5^-1": the sign of the exponent is the parity of its minus signs."""
        pw = POWER.match(self.sc.text, self.T[self.j].end)
        if not pw or self.last is not None:
            return v
        try:
            negative = (pw.group(1).count("-") + pw.group(1).count("−")) % 2 == 1
            v = v ** ((-1.0 if negative else 1.0) * float(pw.group(2)))
        except (OverflowError, ZeroDivisionError):
            raise NotANumber
        self.j = self.sc.tok_after(pw.end()) - 1
        self.bare_int = False
        return v

    def _spaced_thousands(self, v: float) -> float:
        """A spaced thousands suffix closing the number: "2.33 k", "- 10  k"; a spaced bn/mn/B before a
        counted noun or after a currency: "5 B users", "$4 bn"."""
        sk = SPACED_K.match(self.sc.text, self.T[self.j].end)
        ss = SPACED_SCALE.match(self.sc.text, self.T[self.j].end)
        if ss and self.last is None and (self.money or self.sc.counted_after(ss.end())):
            self.scaled = True
            self.j = self.sc.tok_after(ss.end()) - 1
            self._note_lead(v)
            return v * self.L.multipliers[ss.group(1)]
        if not sk or self.last is not None:
            return v
        self.scaled = True
        self.j = self.sc.tok_after(sk.end()) - 1
        self._note_lead(v)
        return v * 1000

    def _glued_suffix(self, v: float) -> float:
        """A glued multiplier: "10k", "20.1bn", "2mil", "1.2b"; ordinals, decades and names refuse."""
        sc, T, L, j = self.sc, self.T, self.L, self.j
        if not (j + 1 < sc.n and sc.gap(j + 1) == 0 and T[j + 1].kind == "word"):
            return v
        t, suf = T[j], T[j + 1].text
        # "1.2b" is 1.2 billion, "1500b" 1500 bits: nobody writes a fraction of a bit;
        # "573.15K" is kelvin: thousands are not written to the hundredth
        kelvin = suf == "K" and not self.money and re.search(r"\.\d\d", t.text) is not None
        if suf in L.multipliers and not kelvin and (suf not in L.multipliers_money_only or self.money
                                                    or suf == "b" and "." in t.text
                                                    or sc.counted_after(T[j + 1].end)):
            self.scaled = True
            self.j += 1
            self._note_lead(v)
            return v * L.multipliers[suf]
        if suf.lower() in ("th", "st", "nd", "rd", "s") or not sc.unit_at(t.end, glued=True):
            if suf.lower() in ("s",) or j == self.k:
                raise NotANumber
            raise EndOfNumber
        return v

    def _digit_fraction(self, v: float) -> float:
        """Fractions "3/4" (or spaced "1 / 4"), vulgar fractions "2½", mixed numbers "2 1/2"."""
        sc, T, L, j = self.sc, self.T, self.L, self.j
        if j + 2 < sc.n and T[j + 1].text == "/" and T[j + 2].kind == "num" and self._slash_fraction_shape(v):
            return self._slash_fraction(v)
        if j + 1 < sc.n and T[j + 1].text in L.vulgar and sc.gap(j + 1) == 0:
            self.j += 1
            return v + L.vulgar[T[j + 1].text]
        if (j + 3 < sc.n and 1 <= sc.gap(j + 1) <= 2 and T[j + 1].kind == "num" and T[j + 2].text == "/"
                and T[j + 3].kind == "num" and ((sc.gap(j + 2), sc.gap(j + 3)) == (0, 0) or
                                                (sc.gap(j + 2), sc.gap(j + 3)) == (1, 1)
                                                and num_value(T[j + 3].text) in USUAL_DENOMINATORS)):
            a, b = num_value(T[j + 1].text), num_value(T[j + 3].text)
            if a is not None and b and a < b and v == int(v):
                self.j += 3
                self.bare_int = False
                return v + a / b
        return v

    def _slash_fraction_shape(self, v: float) -> bool:
        """"3/4" glued, or "1 / 4" spaced (treebank text) with a usual denominator above the numerator."""
        sc, j = self.sc, self.j
        gaps = (sc.gap(j + 1), sc.gap(j + 2))
        spaced_den = num_value(self.T[j + 2].text)
        return gaps == (0, 0) or gaps == (1, 1) and spaced_den in USUAL_DENOMINATORS and v < spaced_den

    def _slash_fraction(self, v: float) -> float:
        sc, T, j = self.sc, self.T, self.j
        den = num_value(T[j + 2].text)
        if j + 3 < sc.n and T[j + 3].text in ("/", "-", ".") and sc.gap(j + 3) == 0 and j + 4 < sc.n \
                and T[j + 4].kind == "num":
            raise NotANumber  # "5/17/2018"
        if not den or den < v or "." in T[j + 2].text:
            raise NotANumber
        # "5/12", "11/20" are dates far more often than fractions: only the usual
        # denominators, or a fraction "of" something or of a unit
        if den not in USUAL_DENOMINATORS and not re.match(r"\s(?:of\b)", sc.text[T[j + 2].end:]) \
                and sc.unit_at(T[j + 2].end) is None:
            raise NotANumber
        self.j += 2
        return v / den

    # ---------------------------------------------------------------- words
    def vulgar_fraction(self, t: Tok, w: str) -> str | None:
        """"½" alone or after digits."""
        if not (t.text in self.L.vulgar and self.last in (None, "digit")):
            return None
        self.current = (self.current or 0.0) + self.L.vulgar[t.text]
        self.last, self.words_only = "digit", False
        return NEXT

    def unit_word(self, t: Tok, w: str) -> str | None:
        """"one" .. "nineteen", after nothing, a scale, "and", or a tens word ("forty-two")."""
        if w not in self.L.units:
            return None
        if self.last not in (None, *AFTER_SCALE, "tens", "dash"):
            raise EndOfNumber
        if self.last in ("tens", "dash") and self.L.units[w] >= 10:
            raise EndOfNumber
        self.current = (self.current or 0.0) + self.L.units[w]
        self.last = "unit"
        return NEXT

    def tens_word(self, t: Tok, w: str) -> str | None:
        """"twenty" .. "ninety"."""
        if w not in self.L.tens:
            return None
        if self.last not in (None, *AFTER_SCALE):
            raise EndOfNumber
        self.current = (self.current or 0.0) + self.L.tens[w]
        self.last = "tens"
        return NEXT

    def hyphen_in_words(self, t: Tok, w: str) -> str | None:
        """A hyphen inside a worded number: "forty-two", "one-half", "five - eighths"; "twenty-first" refuses."""
        if w not in ("-", "–"):
            return None
        nxt = self._word(self.j + 1) if self.j + 1 < self.sc.n else None
        if nxt is None:
            return None
        if self.last == "tens" and nxt in self.L.units and self.L.units[nxt] < 10:
            self.last = "dash"
            return NEXT
        if self.last == "unit" and nxt in self.L.fractions and nxt not in ("second", "seconds"):
            return NEXT
        if self.last == "tens" and nxt in self.L.ordinal_words:
            raise NotANumber
        return None

    def plural_scale(self, t: Tok, w: str) -> str | None:
        """"five hundreds tvs": a plural scale after a number is the scale ("hundreds of" stays vague)."""
        if not (w in ("hundreds", "thousands", "millions", "billions") and self.last in ("unit", "tens")
                and self.words_only and self._word(self.j + 1) != "of"):
            return None
        s = self.L.scales[w[:-1]]
        if s == 100:
            self._note_lead(self.current)
            self.current = (self.current or 1.0) * 100
            self.last = "hundred"
        else:
            self._close_segment(s)
        self.scaled = True
        return NEXT

    def _note_lead(self, v: float | None) -> None:
        """Remember the number before the first scale word, so that a range can scale its other end."""
        if self.lead is None:
            self.lead = v if v is not None else 1.0

    def _close_segment(self, scale: float) -> None:
        """A scale word above a hundred closes the current group: total += current x scale."""
        self._note_lead(self.current)
        self.total += (self.current if self.current is not None else 1.0) * scale
        self.current, self.last, self.last_scale, self.segment_start = None, "scale", scale, 0.0

    def scale_of_scales(self, t: Tok, w: str) -> str | None:
        """"three lakh crore", "one thousand million": a larger scale right after a scale multiplies the total."""
        L = self.L
        if not (w in L.scales and self.last == "scale" and self.current is None and L.scales[w] > self.last_scale
                and L.scales[w] > 100):
            return None
        self.total *= L.scales[w]
        self.last_scale = L.scales[w]
        return NEXT

    def scale_word(self, t: Tok, w: str) -> str | None:
        """"hundred", "thousand", "million", "lakh" after a number or an article."""
        if w not in self.L.scales:
            return None
        if self.current is None and self.last != "article":
            raise EndOfNumber
        if self.last not in ("digit", "unit", "tens", "article", "hundred", "scale", "half", "fraction"):
            raise EndOfNumber
        s = self.L.scales[w]
        if s == 100 and self.last != "scale":
            self._note_lead(self.current)
            self.current = (self.current if self.current is not None else 1.0) * 100
            self.last = "hundred"
        else:
            self._close_segment(s)
        self.scaled = True
        return NEXT

    def group_word(self, t: Tok, w: str) -> str | None:
        """"dozen(s)", "score": "three hundred and two dozens" is the dozens of the part after "and"."""
        if not (w in self.L.groups and self.last in ("digit", "unit", "tens", "article", "half", "hundred")):
            return None
        base = self.segment_start if self.last in ("digit", "unit", "tens") and self.segment_start else 0.0
        self.current = base + ((self.current if self.current is not None else 1.0) - base) * self.L.groups[w]
        self.last = "scale"
        self.scaled = True
        return NEXT

    def half_or_quarter(self, t: Tok, w: str) -> str | None:
        """"half a million", "quarter of a", "half a dozen" at the start."""
        if not (w in ("half", "quarter") and self.last in (None, "article")):
            return None
        self.current = 0.5 if w == "half" else 0.25
        self.last = "half"
        if self._word(self.j + 1) in ("a", "an"):
            self.j += 1
        return NEXT

    def point_word(self, t: Tok, w: str) -> str | None:
        """A decimal point in words: "two hundred point zero three", "nought point eleven", "point seventy-one"."""
        L, T, sc = self.L, self.T, self.sc
        if not (w == "point" and self.last in ("unit", "tens", "hundred") and self.j + 1 < sc.n and (
                T[self.j + 1].lower in L.units or T[self.j + 1].lower in L.tens)):
            return None
        digits, m = "", self.j + 1
        while m < sc.n and (T[m].lower in L.units or T[m].lower in L.tens):
            d = int(L.units.get(T[m].lower, L.tens.get(T[m].lower, 0)))
            if d >= 20 and m + 2 < sc.n and T[m + 1].text in DASHES and 0 < L.units.get(T[m + 2].lower, 0) < 10:
                d += int(L.units[T[m + 2].lower])
                m += 2
            digits += str(d)
            m += 1
            if d >= 10:
                break
        if not digits:
            raise EndOfNumber
        self.current = (self.current or 0.0) + float("0." + digits)
        self.j = m - 1
        self.last = "decimal"
        return NEXT

    def fraction_of_scale(self, t: Tok, w: str) -> str | None:
        """"a hundred trillionths": a plural fraction of a hundred or more divides the whole."""
        L = self.L
        if not (w in L.fractions and w.endswith("s") and self.last in ("scale", "hundred") and L.fractions[w] >= 100):
            return None
        self.total, self.current = (self.total + (self.current or 0.0)) / L.fractions[w], None
        self.last = "fraction"
        return NEXT

    def fraction_word(self, t: Tok, w: str) -> str | None:
        """"two thirds", "one sixth", "three quarters" (and "two thirds of a million")."""
        L = self.L
        if not (w in L.fractions and self.last == "unit" and (w.endswith("s") or self.current == 1)
                and self.current is not None and self.segment_start is not None):
            return None
        if w.rstrip("s") in ("half", "halve") and self.current != 1 and w == "half":
            raise EndOfNumber
        seg = self.current - self.segment_start
        self.current = self.segment_start + seg / L.fractions[w]
        self.last = "fraction"
        j = self.j
        if self._word(j + 1) == "of" and self._word(j + 2) in ("a", "an") and self._word(j + 3) in L.scales \
                and self.total == 0:
            self.current *= L.scales[self._word(j + 3)]
            self.scaled = True
            self.j += 3
        return NEXT

    def comma_in_words(self, t: Tok, w: str) -> str | None:
        """"three million, two hundred": a comma between worded groups of falling scale."""
        sc, L, j = self.sc, self.L, self.j
        if not (w == "," and self.words_only and self.last == "scale" and sc.gap(j) == 0 and sc.gap(j + 1) == 1
                and (self._word(j + 1) in L.units or self._word(j + 1) in L.tens)
                and not any(self._word(x) in L.scales and L.scales[self._word(x)] >= self.last_scale
                            for x in range(j + 1, j + 5))):
            return None
        self.last = "and"
        self.segment_start = self.current or 0.0
        return NEXT

    def and_in_number(self, t: Tok, w: str) -> str | None:
        """"and" (or "&" between words) inside a number: "one hundred and three", "and a half",
        "two and fifty-four hundredths"; not between two numbers of the same order."""
        if not ((w == "and" or w == "&" and self.words_only)
                and self.last in ("scale", "hundred", "digit", "unit", "tens", "fraction")):
            return None
        L, j = self.L, self.j
        nxt, nxt2 = self._word(j + 1), self._word(j + 2)
        if self._and_a_fraction(nxt, nxt2) or self._and_worded_fraction(nxt):
            return MOVED
        nscale = L.scales.get(nxt2, 0)
        if self.last == "hundred" and nscale == 100 or self.last == "scale" and nscale >= self.last_scale:
            raise EndOfNumber  # "3 hundred and 2 hundred", "one million and two million"
        if self.last in ("scale", "hundred") and (nxt in L.units or nxt in L.tens or (
                self.T[j + 1].kind == "num" if j + 1 < self.sc.n else False)):
            self.last = "and"
            self.segment_start = self.current or 0.0
            return NEXT
        raise EndOfNumber

    def _and_a_fraction(self, nxt: str, nxt2: str) -> bool:
        """"and a half", "and one fourth", "and two thirds", "five billion and three quarters",
        "one million and a half" (= 1.5 million), "one billion and a half million"."""
        L = self.L
        if not (nxt in ("a", "an", "one") and nxt2 in L.fractions and nxt2 != "second" or (
                nxt in L.units and L.units[nxt] > 1 and nxt2 in L.fractions and nxt2.endswith("s"))):
            return False
        frac = (L.units.get(nxt, 1) if nxt in L.units else 1) / L.fractions[nxt2]
        nscale = L.scales.get(self._word(self.j + 3), 0)
        if self.last == "scale" and 100 < nscale < self.last_scale:
            self.total += frac * nscale
            self.j += 1
        elif self.last == "scale":
            self.total += frac * self.last_scale
        else:
            self.current = (self.current or 0.0) + frac
        self.j += 3
        self.last = "digit" if self.words_only is False else "unit"
        return True

    def _and_worded_fraction(self, nxt: str) -> bool:
        """"two and fifty-four hundredths": a worded fraction after "and" adds to the number."""
        L = self.L
        if not ((nxt in L.units or nxt in L.tens) and self.last in ("unit", "tens", "hundred") and self.words_only
                and not self.inside_and):
            return False
        sub = NumberReader(self.sc, self.j + 1, None, inside_and=True).read()
        if sub is None or not (0 < sub.value < 1 and self.T[sub.end - 1].lower in L.fractions):
            return False
        self.current = (self.current or 0.0) + sub.value
        self.j = sub.end
        self.last = "fraction"
        return True

    # ---------------------------------------------------------------- the end
    def _finish(self) -> Core | None:
        """The value read, unless the whole is a clock reading or an ordinal; trailing joiners dropped."""
        T, j, k = self.T, self.j, self.k
        if self.last in ("and", "dash", "article") or (self.current is None and self.total == 0 and self.last != "scale"):
            if self.last == "and":
                j -= 1
            elif self.last == "article":
                return None
        if self._clock_words(j) or self._ordinal_after(j):
            return None
        value = self.total + (self.current or 0.0)
        # a trailing "and" or "-" was not part of the number
        while j > k and T[j - 1].lower in ("and", "-", "–", "&", ","):
            j -= 1
        if not math.isfinite(value):
            return None
        return Core(value, j, self.words_only, scaled=self.scaled, bare_int=self.bare_int and not self.scaled,
                    end_char=T[j - 1].end, lead=self.lead if self.scaled else None)

    def _clock_words(self, j: int) -> bool:
        """Clock readings in words: "nine thirty", "five-thirty", "ten past 9" (and their second word)."""
        sc, T, L, k = self.sc, self.T, self.L, self.k
        if not self.words_only:
            return False
        tens_or_unit = self.last in ("unit", "tens")
        if tens_or_unit and j < sc.n and sc.gap(j) <= 1 and (
                T[j].lower in L.tens or T[j].lower in L.units or T[j].lower == "past"
                or T[j].text in ("-", "–") and self._word(j + 1) in L.tens):
            return True
        if tens_or_unit and k > 0 and sc.gap(k) <= 1 and T[k - 1].lower in (*L.units, *L.tens) \
                and T[k - 1].lower not in ("one",):
            return True  # the second word of "three thirty"
        return (k > 1 and T[k - 1].text in DASHES and sc.gap(k) == 0 and sc.gap(k - 1) == 0
                and (T[k - 2].lower in L.units or T[k - 2].lower in L.tens))  # the tail of a refused "five-thirty"

    def _ordinal_after(self, j: int) -> bool:
        """"one hundred twenty fifth", "twenty-first": an ordinal."""
        return j < self.sc.n and self.T[j].lower in self.L.ordinal_words and self.sc.gap(j) <= 1 and (
            self.last in ("tens", "unit") or self.last == "hundred" and self.words_only)


# The steps in the order they are tried on each token (the first that is not None decides).
STEPS = (NumberReader.digits, NumberReader.vulgar_fraction, NumberReader.unit_word, NumberReader.tens_word,
         NumberReader.hyphen_in_words, NumberReader.plural_scale, NumberReader.scale_of_scales, NumberReader.scale_word,
         NumberReader.group_word, NumberReader.half_or_quarter, NumberReader.point_word, NumberReader.fraction_of_scale,
         NumberReader.fraction_word, NumberReader.comma_in_words, NumberReader.and_in_number)
