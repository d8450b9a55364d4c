"""The figures component: numeric facts (counts, money, percentages, measures) with what they count and the verb.

Finding and reading numbers is `extractor.normalize.numbers.scan` (pure text rules); this
component keeps the ones that are figures, using the parse, and fills `doc._.figures` with
{start, end, value, value_max, qualifier, unit, category, predicate, unit_normalized, change, approx}.

Rules (checked against the MEANTIME, quantulum3 and Recognizers-Text gold sets):
- Not figures: anything overlapping `doc._.dates` (except a "date" that is only a bare
  number, like "20 and 30"); numbers inside the model's DATE/TIME entities when the entity
  has a date word or a year (the model also tags "The answer is 42" and "200lbs" as DATE);
  durations ("3 min", "two nights": the counted noun is a time unit; they are dates);
  year-like integers (1000-2099, no separators) unless they count a noun ("2000 people"),
  years in words after "in/of/since" ("in two thousand and twenty"), year ranges
  ("2013-14"), compact dates ("20161016"); day numbers next to a month name ("June 4",
  "31 May", "12 of Sept"); clock times ("at 7 in the morning", "at 6.45", "nine thirty",
  "ten past 9", "5 to 6pm": small numbers near a time word); numbers inside names: right after
  a word with a capital ("Windows 7", "S&P 500", "iPhone 4", "Section 427", "No. 1") or
  inside a name entity that starts before them; handles, URLs, e-mail addresses; phone
  numbers; list markers ("(1)", "2 )"); ordinals ("22nd amendment", "twenty-first"; the
  ordinal category is left unused: no gold set counts ordinals as figures). Also times and
  dates that the dates component may leave: "10 past 9", "3 p . m .", the end of "from 10:30
  to 3", hours before a date ("between 3 and 5 on 1/1/2015"), day ranges near a month
  ("from 4-23 next month"), years after a month ("15 April of 87", "6 April seventeen
  hundred thirty three") and later years after a preposition ("in 2150"); house numbers
  ("10 Downing Street"), coordinates ("Latitude: 40.1693"), word numbers in names ("version
  two", "week 10"), and digits in brackets that repeat the words ("sixteen (16)": one figure).
  Ages stay figures ("aged 56" is annotated in MEANTIME); "years old" goes with the durations.
- "The two men": not a figure. In MEANTIME "between the two companies" (5 times) is not
  annotated while "the three major indices" and "the fifteen countries" are: a definite
  "the two"/"these two"/"both" points back to a pair already named, so word numbers up to two
  after the/these/those/both are dropped; larger bare counts ("the three major indices",
  "two colors") are figures. A lone "one" is a figure only when it counts a noun ("one
  person"), not as a pronoun or idiom ("the one you mentioned", "at one point").
- Extent: qualifier words, currency and units are in the span ("more than $4 billion",
  "around 10 percent"); the counted noun is not: it goes to `unit` as the noun phrase from
  the number to the noun the number modifies ("7,449 antipersonnel mines" -> unit
  "antipersonnel mines"; "hundreds of thousands of mines" -> "mines").
- qualifier: the hedge word (over, approx, at_least, ...) when there is one; otherwise up/down
  when the number is the amount of a change ("fell 678 points", "was up 3.10%", "a drop of
  9%"); otherwise exact. "from X to Y" under a change verb ("rose from $350 to $680") gives two
  figures, not a range.
- predicate: lemma of the governing verb, with verbs coordinated to it that share its subject
  ("killed or injured" -> "kill|injure"), or the verb of an event noun whose "of" holds the
  figure ("the killing of two journalists" -> kill; models/figures/event_nouns.json and, for
  nouns in -ing, the lemmatizer's verb index).
- change: up / down / none for every figure, from the governing verb or noun, an adverb or
  particle ("closed down 6.4%"; not "gave up 300 yards": change_words.json phrasal_no_change),
  a sign ("+0.4%"), or the figure it restates ("fell 210 points, or 0.8%"). approx: true when
  the hedge is approx, vague amounts included ("up nearly 40%": change up, approx true).
- unit_normalized: the unit's or currency's name (models/figures/unit_names.json, the naming of
  quantulum3 and of the CQE gold: "kilometre", "metric ton", "percent", "dollar"), or the
  singular lemma of a count's noun ("mine"); a rate adds "per" its second unit ("dollar per
  barrel", "metric ton per day"). A conversion in brackets keeps the hedge of the figure it
  converts ("more than 50 km (31 miles)").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycountry
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..normalize.numbers import LEXICON_FILES, Figure, Lexicon, lexicon, scan
from . import base

TIME_AFTER = re.compile(r"\s?(?:[ap]\s?\.?\s?m\b\.?|o'clock|GMT|UTC|hrs\b|h\b)", re.I)
# spaCy's entity labels: names a number may sit inside, and the model's dates and times.
NAME_LABELS = {"ORG", "PRODUCT", "WORK_OF_ART", "LAW", "FAC", "EVENT", "PERSON", "GPE", "NORP", "LOC", "LANGUAGE"}
DATE_LABELS = {"DATE", "TIME"}
HANDLE = re.compile(r"[@#]|https?:|www\.|\.(?:com|org|net|gov|edu|az|uk|ru)\b", re.I)
# the second unit of a rate: "per barrel", "a day", "/month"
RATE_AFTER = re.compile(r"(?:\s+(per|an?)\s+|(/))([A-Za-z]+)\b")
# what stands between a figure and the next when the next restates it: ", or", "(", "points, or"
COORDINATED = re.compile(r"\s*(?:[A-Za-z]+\s*)?(?:,\s*or(?:\s+about|\s+nearly|\s+some)?|\()\s*")
PHONE = re.compile(r"^\+?\(?\d{1,4}\)?(?:[\s.\-/]\d{2,5}){2,}$")
# The text rules every candidate figure goes through, compiled once.
PHONE_LIKE = re.compile(r"\+?[\d(][\d\s().\-/]{6,}\d")
SPACE_GROUPED = re.compile(r"\d{1,3}(?:[ \u202f\u00a0]\d{3})+(?:\.\d+)?")
COMPACT_DATE = re.compile(r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])")
# Date phrases that are patterns rather than words (the words come from the rule data).
DATE_PATTERNS = (r"(?:first|second|third|fourth|last|next|this|the)\s+quarters?", r"quarters?\s+of", r"[ap]\.?m\.?",
                 r"o'?clock")


def _words_re(words: set[str] | frozenset[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass
class _DocView:
    """What the rules read of one document, made once per doc in __call__ (never kept on the component)."""
    doc: Doc
    text: str  # Doc.text joins every token: read it once per doc
    ents: list[Span]
    blocked: list[tuple[int, int]]  # the char spans of doc._.dates


@dataclass
class _Candidate:
    """One scanned figure with the tokens around it that the parse rules look at."""
    view: _DocView
    f: Figure
    core: Span | None
    prev: Token | None = None
    nxt: Token | None = None
    before: list[str] = field(default_factory=list)  # up to four lower-cased words before the core

    def __post_init__(self) -> None:
        core, doc, f = self.core, self.view.doc, self.f
        if core is None:
            return
        self.prev = doc[core.start - 1] if core.start > 0 else None
        self.nxt = doc[core.end] if core.end < len(doc) else None
        # a small count reads its neighbours around its whole span (no span made for other figures)
        span = doc.char_span(f.start, f.end, alignment_mode="expand") if self.small_count(31) else None
        if span is not None:
            self.prev = doc[span.start - 1] if span.start > 0 else None
            self.nxt = doc[span.end] if span.end < len(doc) else None
        self.before = [t.lower_.rstrip(".") for t in doc[max(0, core.start - 4):core.start]]

    @property
    def text(self) -> str:
        return self.view.text

    def small_count(self, most: float) -> bool:
        """A whole count up to MOST (day numbers, hours)."""
        f = self.f
        return f.category == "count" and f.value == int(f.value) and f.value <= most

    def single_count(self) -> bool:
        return self.f.category == "count" and self.f.value_max is None


class NewsFigures(base.RuleDataComponent):
    """Fills doc._.figures; see the module docstring for the rules."""

    def __init__(self, nlp: Language, name: str = "news_figures", change_words: str = "figures/change_words.json",
                 context_words: str = "figures/context_words.json", unit_names: str = "figures/unit_names.json",
                 event_nouns: str = "figures/event_nouns.json"):
        self.name = name
        self.nlp = nlp  # for the lemmatizer's verb index (event nouns in -ing), read in load_data
        self.change_words_path, self.context_words_path = change_words, context_words
        self.unit_names_path, self.event_nouns_path = unit_names, event_nouns
        self.lex: Lexicon | None = None
        self.text_rules = (self.overlaps_a_date, self.in_a_handle_or_url, self.is_a_coordinate, self.is_a_house_number,
                           self.is_a_phone_number, self.is_a_compact_date, self.is_a_dotted_clock_time,
                           self.is_a_list_marker, self.is_followed_by_a_clock_word, self.has_an_ordinal_suffix)
        self.parse_rules = (self.in_a_date_or_name_entity, self.is_a_clock_time_near_a_time_word,
                            self.is_a_day_of_the_month, self.is_a_later_year, self.is_a_year_after_a_month,
                            self.ends_a_time_span, self.is_a_span_of_hours_before_a_date, self.is_a_clock_reading_past,
                            self.is_a_year, self.is_a_day_range, self.is_a_year_range, self.is_in_a_name,
                            self.is_one_as_an_idiom, self.is_a_word_number_in_a_name, self.is_a_pronoun_one_or_a_pair,
                            self.is_a_word_the_parser_does_not_count)

    # ------------------------------------------------------------ rule data
    def data_files(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((self.change_words_path, self.context_words_path, self.unit_names_path,
                                    self.event_nouns_path, *LEXICON_FILES)))

    def load_data(self, root: Path) -> None:
        change = base.read_json(root / self.change_words_path)
        self.up_verbs, self.down_verbs = set(change["up_verbs"]), set(change["down_verbs"])
        self.up_nouns, self.down_nouns = set(change["up_nouns"]), set(change["down_nouns"])
        self.up_adverbs, self.down_adverbs = set(change["up_adverbs"]), set(change["down_adverbs"])
        self.change_verbs = set(change["change_verbs"])
        self.phrasal_no_change = set(change["phrasal_no_change"])
        ctx = base.read_json(root / self.context_words_path)
        dates = base.read_json(root / "dates" / "lexicon.json")
        self.months = frozenset(dates["months"])
        self.name_before = set(ctx["name_before"])
        self.name_before_words = set(ctx["name_before_words"])
        self.free_before = set(ctx["free_before"])
        self.one_idioms = set(ctx["one_idioms"])
        self.time_units = set(ctx["time_units"])
        self.time_words = set(ctx["time_words"]) | set(dates["weekdays"]) | self.months
        self.address = re.compile(r"\s(?:[A-Z][a-z]+\s){0,2}(?:" + "|".join(map(re.escape, ctx["street_words"])) + r")\b")
        self.coordinate = re.compile(r"\b(?:" + "|".join(map(re.escape, ctx["coordinate_words"])) + r")\s*[:=]?\s*-?$", re.I)
        date_words = set(ctx["date_words"]) | set(dates["weekdays"]) | self.months
        self.date_words = re.compile(r"\b(?:" + _words_re(date_words) + "|" + "|".join(DATE_PATTERNS) + r")\b|'\d\d|"
                                     r"\b\d{1,2}[:/]\d\d|\b(?:1\d|20)\d\d\b", re.I)
        self.lex = lexicon(str(root))
        names = base.read_json(root / self.unit_names_path)
        self.unit_names, self.currency_names = names["units"], names["currencies"]
        self.event_nouns = base.read_json(root / self.event_nouns_path)["nouns"]
        self.verb_index = _verb_index(self.nlp)
        number_words = {*self.lex.units, *self.lex.tens, *self.lex.scales, "and"}
        # a piece of a longer number ("two hundred and two thousand"), digits or words
        self.numberish = re.compile(r"(?:[\d.,]+|" + _words_re(number_words) + r"|[\s-])+", re.I)

    # ------------------------------------------------------------ filters
    def _is_figure(self, c: _Candidate) -> bool:
        """Whether a scanned number is a figure: no text rule refuses it, and, when it has tokens in the
        parse, no parse rule either (each rule names what the number is instead)."""
        if any(rule(c) for rule in self.text_rules):
            return False
        return c.core is None or not any(rule(c) for rule in self.parse_rules)

    # -- rules on the text alone
    def overlaps_a_date(self, c: _Candidate) -> bool:
        """A number inside doc._.dates; not a "date" that is only a bare number or a piece of a longer one,
        nor "2.123 pm" (picometres: no clock reading)."""
        f, text = c.f, c.text
        cs, ce = f.core_start, f.core_end
        for s, e in c.view.blocked:
            if not (s < ce and cs < e) or (f.category == "measure" and f.unit in ("pm", "am")):
                continue
            inner = text[s:e]
            # "two hundred and two thousand": the dates component's mistake, not a reason to drop the figure
            if cs <= s and e <= ce and (e - s) < (ce - cs) and self.numberish.fullmatch(inner):
                continue
            # bare numbers are not dates ("between 20 and 30"); years are caught by their own rules
            if f.start <= s and e <= f.end and self.numberish.fullmatch(inner) \
                    and not re.search(r"\b(?:1\d|20)\d\d\b", inner) and not (f.words_only and 1000 <= f.value <= 2099):
                continue
            return True
        return False

    def in_a_handle_or_url(self, c: _Candidate) -> bool:
        """The whitespace-delimited chunk is a handle, a URL or an e-mail address."""
        text, cs, ce = c.text, c.f.core_start, c.f.core_end
        a = text.rfind(" ", 0, cs) + 1
        b = text.find(" ", ce)
        return bool(HANDLE.search(text[a:len(text) if b < 0 else b]))

    def is_a_coordinate(self, c: _Candidate) -> bool:
        """"Latitude: 40.1693"."""
        cs = c.f.core_start
        return bool(self.coordinate.search(c.text, max(0, cs - 14), cs))

    def is_a_house_number(self, c: _Candidate) -> bool:
        """"10 Downing Street"."""
        return c.single_count() and bool(self.address.match(c.text, c.f.end))

    def is_a_phone_number(self, c: _Candidate) -> bool:
        """"+1-222-333-4444", "(012) 345 6789"; not thousands grouped by spaces ("1 234 567")."""
        f, text = c.f, c.text
        cs, ce = f.core_start, f.core_end
        lo = max(0, cs - 16)
        for m in PHONE_LIKE.finditer(text[lo:ce + 16]):
            g = m.group().strip()
            if SPACE_GROUPED.fullmatch(g):
                continue
            if m.start() + lo <= cs and m.end() + lo >= ce and PHONE.match(g) and not f.scaled \
                    and f.category == "count" and (m.group().count("-") + m.group().count(" ") >= 2 or m.group().startswith("+")):
                return True
        return False

    def is_a_compact_date(self, c: _Candidate) -> bool:
        """"20161016"."""
        core_text = c.text[c.f.core_start:c.f.core_end]
        return bool(COMPACT_DATE.fullmatch(core_text.lstrip("-")))

    def is_a_dotted_clock_time(self, c: _Candidate) -> bool:
        """"at 6.45", "17.30 Beijing time", "6:45 pm"."""
        f, text = c.f, c.text
        cs, ce = f.core_start, f.core_end
        return f.category == "count" and bool(re.fullmatch(r"(?:[01]?\d|2[0-3])[.:][0-5]\d", text[cs:ce])) and bool(
            re.search(r"\b(?:at|on|by|until|till|from)\s$", text[max(0, cs - 7):cs], re.I)
            or TIME_AFTER.match(text, ce) or re.match(r"\s\w+\stime\b", text[ce:ce + 20]))

    def is_a_list_marker(self, c: _Candidate) -> bool:
        """"1 ) explains why ... 2 ) cautions", "(1) rates and (2) prices"."""
        f, text = c.f, c.text
        cs = f.core_start
        if not (f.category == "count" and re.match(r"\s?\)", text[f.end:f.end + 2])):
            return False
        return "(" not in text[max(0, cs - 3):cs] or (
            f.value <= 20 and bool(re.search(r"(?:^|[:;,.]|\n|\band|\bor)\s*\(\s?$", text[max(0, cs - 8):cs])))

    def is_followed_by_a_clock_word(self, c: _Candidate) -> bool:
        """"7 pm", "5 o'clock", "0800 GMT"."""
        return c.f.category == "count" and bool(TIME_AFTER.match(c.text, c.f.core_end))

    def has_an_ordinal_suffix(self, c: _Candidate) -> bool:
        """"22 nd", "5 th" (tokenized text)."""
        f = c.f
        return f.category == "count" and not f.words_only and bool(
            re.match(r"\s?(?:st|nd|rd|th)\b", c.text[f.core_end:f.core_end + 4]))

    # -- rules on the parse
    def in_a_date_or_name_entity(self, c: _Candidate) -> bool:
        """Inside a DATE/TIME entity that really is a date, or a name entity that starts before the number
        ("Boeing 787"); money, percentages, measures and scaled amounts stay."""
        f = c.f
        if f.category in ("money", "percent", "measure") or f.scaled:
            return False
        cs, ce = f.core_start, f.core_end
        for ent in c.view.ents:
            if ent.start_char < ce and cs < ent.end_char:
                if ent.label_ in DATE_LABELS and self._dateish(ent, f):
                    return True
                if ent.label_ in NAME_LABELS and ent.start_char < min(cs, f.start):
                    return True
        return False

    def _dateish(self, ent: Span, f: Figure) -> bool:
        """A DATE/TIME entity that really is one: it has a word ("June", "years", "ago") or a year;
        the model also tags lone numbers ("The answer is 42") as DATE."""
        text = re.sub(r"\b(?:aged?|at the age of)\b", "", ent.text, flags=re.I)
        return bool(self.date_words.search(text)) or ((f.bare_int or f.words_only) and 1000 <= f.value <= 2099)

    def is_a_clock_time_near_a_time_word(self, c: _Candidate) -> bool:
        """A small bare number near a time word ("at 7 in the morning", "5 to 6pm", "from 9"), unless it
        counts a noun."""
        f, doc, core, prev, nxt = c.f, c.view.doc, c.core, c.prev, c.nxt
        small = f.category == "count" and (
            f.value <= 24 and (f.value_max or 0) <= 24 and not f.words_only
            or f.words_only and f.value <= 12 and (f.value_max or 0) <= 12)
        if not small or (nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.lower_ not in self.time_words):
            return False
        window = doc[max(0, core.start - 4):min(len(doc), core.end + 5)]
        return any(t.lower_.strip(".") in self.time_words for t in window) or (
            prev is not None and prev.lower_ in ("at", "till", "until") and f.value == int(f.value)
            and not f.words_only and (nxt is None or nxt.is_punct))

    def is_a_day_of_the_month(self, c: _Candidate) -> bool:
        """"June 4", "May 31, 2021", "10 November", "[June 4]", "sept . 30", "between 3 and 12 of Sept"."""
        f, doc, core, prev, nxt, months = c.f, c.view.doc, c.core, c.prev, c.nxt, self.months
        if not (f.category == "count" and f.value == int(f.value) and 1 <= f.value <= 31):
            return False
        if prev is not None and prev.lower_.rstrip(".") in months:
            return True
        if prev is not None and prev.text == "." and prev.i > 0 and doc[prev.i - 1].lower_ in months:
            return True
        if nxt is not None and nxt.lower_.rstrip(".") in months and not f.words_only:
            return True
        return nxt is not None and nxt.lower_ == "of" and core.end + 1 < len(doc) and doc[core.end + 1].lower_ in months

    def is_a_later_year(self, c: _Candidate) -> bool:
        """"in 2150": a later year after a preposition of time, unless it counts a noun after it."""
        f, core, prev = c.f, c.core, c.prev
        if not (f.bare_int and c.single_count() and 2100 <= f.value <= 2999 and prev is not None
                and prev.lower_ in ("in", "by", "until", "till", "since", "before", "after")):
            return False
        last = core[-1]
        return not (last.dep_ == "nummod" and last.head.pos_ == "NOUN" and last.head.i > last.i)

    def is_a_year_after_a_month(self, c: _Candidate) -> bool:
        """"15 April of 87", "6 April seventeen hundred thirty three"."""
        f, before = c.f, c.before
        if not (c.single_count() and f.value == int(f.value) and any(w in self.months for w in before)):
            return False
        return f.words_only and 1000 <= f.value <= 2099 or f.bare_int and before[-1:] == ["of"] \
            and before[-2:-1] != ["of"] and 10 <= f.value <= 99

    def ends_a_time_span(self, c: _Candidate) -> bool:
        """The end of a time span: "from 10:30 to 3", "9.30 - 11"."""
        f = c.f
        return f.category == "count" and f.value <= 24 and bool(re.search(
            r"\b\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?\s*)?(?:to|until|till|and|-|–)\s*$", c.text[max(0, f.start - 24):f.start], re.I))

    def is_a_span_of_hours_before_a_date(self, c: _Candidate) -> bool:
        """"between 3 and 5 on 1/1/2015"."""
        f = c.f
        if not (f.value_max is not None and f.category == "count" and f.value_max <= 24 and not f.words_only):
            return False
        m = re.match(r"\s+(?:on|in)\s+", c.text[f.end:f.end + 6])
        return bool(m) and any(s == f.end + m.end() for s, _ in c.view.blocked)

    def is_a_clock_reading_past(self, c: _Candidate) -> bool:
        """"10 past 9", "quarter past 4"."""
        f, text = c.f, c.text
        return f.category == "count" and f.value <= 60 and bool(
            re.match(r"\s+past\s+(?:\d|[a-z]+\b)", text[f.end:f.end + 12], re.I)
            or re.search(r"\b(?:\d{1,2}|half|quarter|[a-z]+)\s+past\s+$", text[max(0, f.core_start - 16):f.core_start], re.I))

    def is_a_year(self, c: _Candidate) -> bool:
        """A bare integer 1000-2099, unless it counts a noun after it ("2000 people"; not "2020 budget")."""
        f = c.f
        if not (f.bare_int and c.single_count() and 1000 <= f.value <= 2099):
            return False
        last = c.core[-1]
        return not (last.dep_ == "nummod" and last.head.pos_ == "NOUN" and last.head.i > last.i
                    and last.head.lower_ not in ("year", "years", "season", "census", "budget"))

    def is_a_day_range(self, c: _Candidate) -> bool:
        """Day ranges near a month: "from 4-23 next month", "3-5 May"."""
        f, doc, core, nxt = c.f, c.view.doc, c.core, c.nxt
        if not (f.value_max is not None and f.category == "count" and f.value >= 1 and f.value_max <= 31
                and not f.words_only and f.value == int(f.value) and f.value_max == int(f.value_max) and not f.scaled):
            return False
        after = [t.lower_.rstrip(".") for t in doc[core.end:min(len(doc), core.end + 4)]]
        return not (nxt is not None and nxt.pos_ == "NOUN" and nxt.lower_ not in self.time_words) and \
            any(w in self.months or w in ("month", "months") for w in after + c.before[-2:])

    def is_a_year_range(self, c: _Candidate) -> bool:
        """"2013-14", "1990-1995"."""
        f = c.f
        return f.value_max is not None and 1000 <= f.value <= 2099 and (f.value_max <= 2099 or f.value_max < 100) \
            and f.value == int(f.value) and f.category == "count" and not f.scaled and f.range_kind != "bounds"

    def is_in_a_name(self, c: _Candidate) -> bool:
        """Digits right after a capitalised word or a name word: "Windows 7", "S&P 500", "Section 427",
        "Voyager 2", "No. 1", "Standard & Poor's 500"."""
        f, doc, prev, nxt, text = c.f, c.view.doc, c.prev, c.nxt, c.text
        cs = f.core_start
        if not (prev is not None and f.start == c.core.start_char and f.category == "count" and not f.scaled
                and not f.words_only):
            return False
        gap = text[prev.idx + len(prev.text):cs]
        if re.search(r"(?:\b(?:no|nr|nos|nrs)\s?\.?|#)\s?$", text[max(0, cs - 6):cs], re.I):
            return True
        pp = doc[prev.i - 1] if prev.i > 0 else None
        if prev.lower_ in ("'s", "’s") and pp is not None and pp.text[:1].isupper() and gap == " " \
                and not (nxt is not None and nxt.tag_ == "NNS"):
            return True
        if gap in (" ", "") and (any(ch.isupper() for ch in prev.text) or prev.text in ("&",)) \
                and prev.lower_ not in self.free_before and (not prev.is_sent_start or prev.pos_ == "PROPN") \
                and prev.lower_.rstrip(".") not in self.months and prev.pos_ in ("PROPN", "NOUN", "X", "SYM", "ADJ") \
                and not (prev.ent_type_ in ("NORP",) and nxt is not None and nxt.pos_ == "NOUN"):
            return True
        if _camel_case(prev.text) and gap in (" ", "", " '", " ’"):
            return True  # "iPhone 4", "iOS 5", "iLife '11": whatever the tagger calls the name
        return prev.lower_ in self.name_before and gap in (" ", "")

    def is_one_as_an_idiom(self, c: _Candidate) -> bool:
        """"at one point": an idiom, not a score."""
        f, prev = c.f, c.prev
        return f.words_only and f.value == 1 and prev is not None and prev.lower_ in ("at", "the") \
            and c.text[f.core_end:f.end].strip().lower() in ("point", "points")

    def is_a_word_number_in_a_name(self, c: _Candidate) -> bool:
        """"version two", "week ten"."""
        f, prev = c.f, c.prev
        return f.words_only and prev is not None and c.single_count() and prev.lower_ in self.name_before_words

    def is_a_pronoun_one_or_a_pair(self, c: _Candidate) -> bool:
        """A lone "one" that counts no noun ("the one you mentioned"), and "the two men", "between the two
        companies": a definite pair already named."""
        f, prev = c.f, c.prev
        if not (f.words_only and c.single_count() and not f.scaled and f.qualifier == "exact"):
            return False
        last = c.core[-1]
        if f.value == 1 and not (last.dep_ in ("nummod", "quantmod") and last.head.pos_ in ("NOUN", "PROPN")
                                 and last.head.lower_ not in self.one_idioms
                                 and (prev is None or prev.lower_ not in ("at", "in", "the"))):
            return True
        return f.value <= 2 and prev is not None and prev.lower_ in ("the", "these", "those", "both")

    def is_a_word_the_parser_does_not_count(self, c: _Candidate) -> bool:
        """A number word that the tagger does not read as a number ("no one", "one of them")."""
        f = c.f
        return f.words_only and c.single_count() and not f.scaled and f.value == int(f.value) and f.value != 0 \
            and not any(t.tag_ == "CD" or t.pos_ == "NUM" for t in c.core)

    # ------------------------------------------------------------ enrichment
    def _counted(self, doc: Doc, f: Figure, core: Span) -> tuple[str | None, Token | None]:
        """The counted noun phrase of a count and its head noun, from the number's dependency."""
        last = core[-1]
        noun = None
        end_tok = doc[max(core.end - 1, 0)]
        if end_tok.i + 2 < len(doc) and doc[end_tok.i + 1].lower_ == "of" and f.vague:
            # "hundreds of thousands of mines", "dozens of people"
            cand = doc[end_tok.i + 1]
            objs = [c for c in cand.children if c.dep_ == "pobj"]
            noun = objs[0] if objs else None
            if noun is None:
                for t in doc[end_tok.i + 2:min(len(doc), end_tok.i + 8)]:
                    if t.pos_ in ("NOUN", "PROPN"):
                        noun = t
                        nn = t
                        while nn.i + 1 < len(doc) and doc[nn.i + 1].pos_ in ("NOUN", "PROPN") and doc[nn.i + 1].dep_ == "compound":
                            nn = doc[nn.i + 1]
                        noun = nn if nn.i > t.i else t
                        while noun.i + 1 < len(doc) and doc[noun.i + 1].pos_ == "NOUN" and noun.dep_ == "compound":
                            noun = doc[noun.i + 1]
                        break
            start = end_tok.i + 2
        else:
            start = core.end
            tok = last
            for t in core:
                if t.dep_ == "nummod" and t.head.i >= core.end:
                    tok = t
                    break
            h = tok.head
            hops = 0
            while h.i >= core.end and h.pos_ == "NUM" and hops < 3:
                h = h.head
                hops += 1
            if h.i >= core.end and h.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod"):
                noun = h
            elif core.end < len(doc) and doc[core.end].pos_ in ("NOUN",) and doc[core.end].head.i >= core.end \
                    and doc[core.end].tag_ in ("NNS", "NN") and not doc[core.end].is_punct:
                noun = doc[core.end]
                while noun.head.i > noun.i and noun.dep_ in ("compound", "amod") and noun.head.i - core.end < 5:
                    noun = noun.head
        # a modifier is not the counted noun: "120 Ford and Toyota trucks" counts trucks
        while noun is not None and noun.dep_ in ("compound", "nmod") and noun.head.pos_ == "NOUN" \
                and 0 < noun.head.i - noun.i <= 4 and any(c.dep_ == "cc" for c in noun.children):
            noun = noun.head
        if noun is None or noun.i < start or noun.i - start > 6:
            return None, noun
        toks = doc[start:noun.i + 1]
        coordinated_modifier = {t.i for t in toks if t.dep_ == "cc" and t.head.i < noun.i and t.head.head.i == noun.i
                                and t.head.pos_ != "NUM"}
        if any(t.is_punct and t.text not in ("-",) for t in toks) or \
                any(t.lower_ in ("and", "or") and t.i not in coordinated_modifier for t in toks):
            return None, noun
        if noun.ent_type_ in DATE_LABELS:
            return None, noun
        return toks.text, noun

    def _predicate(self, anchor: Token) -> str | None:
        """The lemma of the governing verb (with verbs coordinated to it that share its subject), or the
        verb of an event noun whose "of" holds the figure ("the killing of two journalists" -> kill)."""
        if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.pos_ == "NOUN":
            verb = self._event_verb(anchor.head.head)
            if verb:
                return verb
        tok, hops = anchor, 0
        while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i and hops < 8:
            tok = tok.head
            hops += 1
        if tok.pos_ not in ("VERB", "AUX"):
            return None
        lemmas = [tok.lemma_.lower()]
        for c in tok.children:
            if c.dep_ == "conj" and c.pos_ == "VERB" and not any(g.dep_.startswith("nsubj") for g in c.children):
                lemmas.append(c.lemma_.lower())
        return "|".join(dict.fromkeys(lemmas))

    def _direction(self, view: _DocView, f: Figure, core: Span, anchor: Token) -> str | None:
        """up/down when the figure is the amount of a change: "up 3%", "fell 678 points", "a drop of 9%",
        "a 3 percent boost", "by 5%"."""
        doc = view.doc
        text = view.text
        span = doc.char_span(f.start, f.end, alignment_mode="expand")
        if span is not None and span.start > 0 and doc[span.start - 1].lower_ in self.up_adverbs | self.down_adverbs:
            return self._adverb_direction(doc[span.start - 1])
        after = text[f.end:f.end + 8].lower().split()
        end = span.end if span is not None else core.end  # the token after the whole figure ("5% higher")
        # "5% higher", "3% down"; not a preposition of place ("2 metres up the wall")
        adverb_after = end < len(doc) and doc[end].pos_ in ("ADV", "ADP", "PART", "ADJ") \
            and not any(c.dep_ == "pobj" for c in doc[end].children)
        if after and after[0].strip(".,;") in self.up_adverbs and adverb_after:
            return "up"
        if after and after[0].strip(".,;") in self.down_adverbs and adverb_after:
            return "down"
        a = anchor
        if a.dep_ == "pobj" and a.head.lower_ == "by":
            gov = a.head.head
        elif a.dep_ == "pobj" and a.head.lower_ == "of" and a.head.head.pos_ == "NOUN":
            n = a.head.head.lemma_.lower()
            return "up" if n in self.up_nouns else "down" if n in self.down_nouns else None
        elif a.dep_ in ("amod", "compound", "nmod", "nummod", "quantmod") and a.head.pos_ == "NOUN":
            n = a.head.lemma_.lower()  # "a 9% sell-off", "a 3 percent boost"
            return "up" if n in self.up_nouns else "down" if n in self.down_nouns else None
        elif a.dep_ in ("dobj", "npadvmod", "advmod", "attr", "obj") or (a.dep_ == "nummod" and a.head.pos_ == "VERB"):
            gov = a.head
        else:
            return None
        lemma = gov.lemma_.lower()
        if lemma in self.up_verbs:
            return "up"
        if lemma in self.down_verbs:
            return "down"
        return None

    def _adverb_direction(self, adv: Token) -> str | None:
        """"up 3%", "closed down 6.4%", "went up 5%"; not the particle of a phrasal verb that means something
        else ("gave up 300 yards", "made up $7.1 billion")."""
        direction = "up" if adv.lower_ in self.up_adverbs else "down"
        if adv.dep_ == "prt" and f"{adv.head.lemma_.lower()} {adv.lower_}" in self.phrasal_no_change:
            return None
        return direction

    def _change(self, view: _DocView, f: Figure, core: Span | None, anchor: Token | None) -> str:
        """up / down / none: from the governing verb or noun, an adverb, or the sign ("Nasdaq +0.4%")."""
        direction = self._direction(view, f, core, anchor) if core is not None and anchor is not None else None
        return direction or _sign_change(view.text, f) or "none"

    def _unit_normalized(self, view: _DocView, f: Figure, category: str, noun: Token | None) -> str | None:
        """A canonical unit: the unit's name ("square metre", "percent"), the currency's ("dollar"), the
        singular lemma of a count's noun ("mine"); a rate adds "per" its second unit ("dollar per barrel")."""
        if category == "money":
            base = self._currency_name(f.unit)
        elif category in ("measure", "percent"):
            base = self.unit_names.get(f.unit or "", f.unit)
        else:
            base = noun.lemma_.lower() if noun is not None else None
        rate = self._rate_after(view, f) if base else None
        return f"{base} per {rate}" if rate and not base.endswith(f" per {rate}") else base

    def _currency_name(self, code: str | None) -> str | None:
        if not code:
            return None
        if code in self.currency_names:
            return self.currency_names[code]
        found = pycountry.currencies.get(alpha_3=code) if len(code) == 3 else None
        return found.name.lower() if found is not None else code.lower()

    def _rate_after(self, view: _DocView, f: Figure) -> str | None:
        """The second unit of a rate: "$71.10 per barrel", "5 tonnes a day", "3 per cent a year", "60 km/h"
        is already one unit. "per" takes any noun; "a"/"an" only a unit or a time unit."""
        glued = re.search(r"/([A-Za-z]+)$", view.text[f.start:f.end])
        if glued:  # "$15.4/hour": the scanner put the rate in the span
            word = glued.group(1).lower()
            return self.unit_names.get(self.lex.unit_of.get(word, (word,))[0], word) if word not in self.time_units \
                else word
        m = RATE_AFTER.match(view.text, f.end)
        if not m:
            return None
        joiner, word = (m.group(1) or m.group(2)).lower(), m.group(3)
        if word in self.lex.unit_of and self.lex.unit_of[word][1] == "measure":
            return self.unit_names.get(self.lex.unit_of[word][0], word)
        lower = word.lower()
        singular = lower[:-1] if lower.endswith("s") and lower[:-1] in self.time_units else lower
        if singular in self.time_units:
            return singular
        if joiner == "per":
            tok = view.doc.char_span(m.start(3), m.end(3))
            if tok is not None and tok[0].pos_ in ("NOUN", "PROPN"):
                return tok[0].lemma_.lower()
        return None

    def _event_verb(self, noun: Token) -> str | None:
        """The verb an event noun names: "killing" -> kill (the lemmatizer's verb index), "death" -> die."""
        lemma = noun.lemma_.lower()
        if lemma in self.event_nouns:
            return self.event_nouns[lemma]
        if lemma.endswith("ing") and len(lemma) > 5 and self.verb_index:
            stem = lemma[:-3]
            for cand in (stem, stem + "e", stem[:-1] if stem[-1] == stem[-2] else ""):
                if cand in self.verb_index:
                    return cand
        return None

    def _carry_direction(self, view: _DocView, rows: list[dict[str, Any]]) -> None:
        """A figure coordinated to the one before it shares its direction ("fell 210 points, or 0.8%"); a
        conversion in brackets keeps its hedge too ("more than 50 km (31 miles)")."""
        text = view.text
        for prev, row in zip(rows, rows[1:]):
            between = text[prev["end"]:row["start"]]
            if not COORDINATED.fullmatch(between):
                continue
            if row["change"] == "none" and prev["change"] != "none":
                row["change"] = prev["change"]
                if row["qualifier"] == "exact":
                    row["qualifier"] = prev["change"]
            if "(" in between and row["qualifier"] in ("exact", "up", "down") \
                    and prev["qualifier"] not in ("exact", "up", "down") and row["category"] in ("measure", "money", "percent"):
                row["qualifier"], row["approx"] = prev["qualifier"], prev["approx"]

    def _change_from_to(self, doc: Doc, f: Figure) -> bool:
        """"rose from $350 to $680", "increased the line from US$ 55 billion to US$ 110 billion": under a
        verb or noun of change (the head of "from", or its head's head), an old and a new value."""
        if f.range_kind != "from":
            return False
        sp = doc.char_span(f.start, f.start + 4, alignment_mode="expand")
        if sp is None:
            return False
        gov, lemmas = sp[0].head, set()
        for _ in range(6):
            lemmas.add(gov.lemma_.lower())
            if gov.pos_ in ("VERB", "AUX") or gov.head.i == gov.i:
                break
            gov = gov.head
        changes = self.up_verbs | self.down_verbs | self.up_nouns | self.down_nouns | self.change_verbs
        return bool(lemmas & changes)

    # ------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        self.require_data()
        view = _DocView(doc, base.doc_text(doc), list(doc.ents), [(int(d["start"]), int(d["end"])) for d in (doc._.dates or [])])
        out: list[dict[str, Any]] = []
        for f in scan(view.text, self.lex):
            for g in self._pieces(doc, f):
                row = self._row(view, g)
                if row is not None and not self._repeats_or_rate(view, out, row):
                    out.append(row)
        self._carry_direction(view, out)
        doc._.figures = out
        return doc

    def _pieces(self, doc: Doc, f: Figure) -> list[Figure]:
        """The figure, or under a change verb the old and the new value of "from X to Y"."""
        if not self._change_from_to(doc, f):
            return [f]
        return [Figure(start=s, end=e, value=v, unit=f.unit, category=f.category, core_start=s, core_end=e)
                for s, e, v in f.parts]

    @staticmethod
    def _repeats_or_rate(view: _DocView, out: list[dict[str, Any]], row: dict[str, Any]) -> bool:
        """"sixteen (16) units": the figure in brackets repeats the words; "64.2 cents a dozen": a price
        per amount, whose amount is no figure."""
        text = view.text
        if out and out[-1]["value"] == row["value"] and re.fullmatch(r"\s?\(", text[out[-1]["end"]:row["start"]]) \
                and text[row["end"]:row["end"] + 1] == ")":
            return True
        return bool(out and out[-1]["category"] == "money" and re.match(r"an?\s", text[row["start"]:row["end"]], re.I)
                    and text[out[-1]["end"]:row["start"]].isspace())

    def _row(self, view: _DocView, f: Figure) -> dict[str, Any] | None:
        doc = view.doc
        if not all(map(_finite, (f.value, f.value_max if f.value_max is not None else 0.0))):
            return None
        core = doc.char_span(f.core_start, f.core_end, alignment_mode="expand")
        if not self._is_figure(_Candidate(view, f, core)):
            return None
        unit, category, qualifier = f.unit, f.category, f.qualifier
        if core is not None and category == "count" and f.words_only and 1100 <= f.value <= 2099 and f.value == int(f.value) \
                and re.search(r"\b(?:in|of|since|until|by)\s$", view.text[max(0, f.start - 7):f.start]):
            return None  # "in two thousand and twenty": a year in words
        anchor = core[-1] if core is not None else None
        noun = None
        if core is not None:
            if category == "count":
                counted, noun = self._counted(doc, f, core)
                if counted is None and noun is None:
                    counted, noun = _partitive(doc, core)
                if counted:
                    unit = counted
                if noun is not None:
                    anchor = noun
                    if noun.lemma_.lower() in self.time_units and noun.i - core.end <= 2:
                        return None  # "3 min", "two nights", "the 2 upcoming months": durations are dates
            else:
                # a unit's own head ("7.62mm barrel") is not what governs; use the unit token
                span = doc.char_span(f.start, f.end, alignment_mode="expand")
                if span is not None:
                    anchor = span.root
        change = self._change(view, f, core, anchor)
        predicate = self._predicate(anchor) if anchor is not None else None
        return {"start": f.start, "end": f.end, "value": float(f.value),
                "value_max": float(f.value_max) if f.value_max is not None else None,
                "qualifier": change if qualifier == "exact" and change != "none" else qualifier,
                "unit": unit, "category": category, "predicate": predicate,
                "unit_normalized": self._unit_normalized(view, f, category, noun if category == "count" else None),
                "change": change, "approx": qualifier == "approx"}


def _partitive(doc: Doc, core: Span) -> tuple[str | None, Token | None]:
    """The counted noun of a partitive: "five of the victims", "12 of the protesters" (not "one of them")."""
    last = core[-1]
    if core.end + 1 >= len(doc) or doc[core.end].lower_ != "of" or doc[core.end].head.i != last.i:
        return None, None
    nouns = [c for c in doc[core.end].children if c.dep_ == "pobj" and c.pos_ == "NOUN"]
    if not nouns:
        return None, None
    noun = nouns[0]
    first = min((c.i for c in noun.lefts if c.dep_ in ("compound", "amod", "nmod")), default=noun.i)
    return doc[first:noun.i + 1].text, noun


def _camel_case(word: str) -> bool:
    """"iPhone", "iOS", "eBay": a lower-case start with a capital inside is a product or brand name."""
    return len(word) > 2 and word[0].islower() and any(ch.isupper() for ch in word[1:]) and word.isalpha()


def _sign_change(text: str, f: Figure) -> str | None:
    """"+0.4%" is up; a signed percentage "-2.5%" is down."""
    before = text[f.core_start - 1:f.core_start] if f.core_start > 0 else ""
    if before == "+" and (f.core_start < 2 or not text[f.core_start - 2].isalnum()):
        return "up"
    if f.value < 0 and f.category == "percent" and text[f.start:f.start + 1] in "-−":
        return "down"
    return None


def _verb_index(nlp: Language) -> frozenset[str]:
    """The verb lemmas of the pipeline's rule lemmatizer (empty without one): "killing" -> kill."""
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
        return frozenset(table["verb"])
    except (KeyError, AttributeError, ValueError):
        return frozenset()


def _finite(x: float) -> bool:
    return x == x and x not in (float("inf"), float("-inf"))


@Language.factory("news_figures", assigns=["doc._.figures"],
                  default_config={"change_words": "figures/change_words.json",
                                  "context_words": "figures/context_words.json",
                                  "unit_names": "figures/unit_names.json", "event_nouns": "figures/event_nouns.json"})
def make_news_figures(nlp: Language, name: str, change_words: str, context_words: str, unit_names: str,
                      event_nouns: str) -> NewsFigures:
    return NewsFigures(nlp, name, change_words=change_words, context_words=context_words, unit_names=unit_names,
                       event_nouns=event_nouns)
