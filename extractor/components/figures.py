"""The figures component: numeric facts (counts, money, percentages, measures) with what they count and the verb.

Finding and reading numbers is `extractor.normalize.numbers.scan` (pure text rules); this
component keeps the ones that are figures, using the parse, and fills `doc._.figures` with
{start, end, value, value_max, qualifier, unit, category, predicate}.

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
  ("killed or injured" -> "kill|injure").
"""
from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..normalize.numbers import Figure, lexicon, scan
from . import base  # noqa: F401  (registers the Doc extensions)
from .base import models_path, read_json

MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
TIME_AFTER = re.compile(r"\s?(?:[ap]\s?\.?\s?m\b\.?|o'clock|GMT|UTC|hrs\b|h\b)", re.I)
NAME_LABELS = {"ORG", "PRODUCT", "WORK_OF_ART", "LAW", "FAC", "EVENT", "PERSON", "GPE", "NORP", "LOC", "LANGUAGE"}
DATE_LABELS = {"DATE", "TIME"}
# Capitalised words that may stand right before a figure without making it part of a name.
FREE_BEFORE = {"over", "about", "around", "nearly", "almost", "some", "up", "to", "and", "or", "than", "the", "just",
               "only", "all", "by", "of", "at", "in", "with", "for", "from", "between", "under", "below", "above",
               "roughly", "approximately", "estimated", "least", "most", "exactly", "more", "less", "fewer", "are",
               "were", "is", "was", "had", "has", "have", "rose", "fell", "lost", "gained", "these", "those",
               "another", "its", "their", "our", "his", "her", "my", "your", "first", "last", "next", "another",
               "additional", "extra", "nearly", "another", "total", "i", "we", "they", "he", "she", "it", "you",
               "minus", "plus", "negative", "a", "an", "no", "per", "on", "mr", "ms", "mrs", "dr"}
ONE_IDIOMS = {"point", "thing", "time", "day", "way", "side", "hand", "more", "reason", "example", "another", "other",
              "last", "moment", "stage", "hour"}
TIME_WORDS = {"am", "pm", "a.m", "p.m", "morning", "afternoon", "evening", "night", "tonight", "oclock", "o'clock",
              "noon", "midnight", "pst", "cst", "est", "gmt", "utc", "cet", "today", "tomorrow", "yesterday", "monday",
              "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri",
              "sat", "sun", "hrs", "hours", "minutes", "pt", "et"} | MONTHS
NUMBERISH = re.compile(r"(?:[\d.,]+|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
                       r"\w+ty|hundred|thousand|million|billion|and|[\s-])+", re.I)
TIME_UNITS = {"sec", "secs", "second", "min", "mins", "minute", "hr", "hrs", "hour", "day", "night", "week", "month",
              "year", "yr", "decade", "century", "millennium", "fortnight", "weekend", "quarter", "semester", "season"}
HANDLE = re.compile(r"[@#]|https?:|www\.|\.(?:com|org|net|gov|edu|az|uk|ru)\b", re.I)
PHONE = re.compile(r"^\+?\(?\d{1,4}\)?(?:[\s.\-/]\d{2,5}){2,}$")


class NewsFigures:
    """Fills doc._.figures; see the module docstring for the rules."""

    def __init__(self, nlp: Language, name: str = "news_figures"):
        self.name = name
        self.change = read_json(str(models_path("figures", "change_words.json")))
        self.up_verbs = set(self.change["up_verbs"])
        self.down_verbs = set(self.change["down_verbs"])
        self.up_nouns = set(self.change["up_nouns"])
        self.down_nouns = set(self.change["down_nouns"])
        ctx = read_json(str(models_path("figures", "context_words.json")))
        self.name_before = set(ctx["name_before"])
        self.name_before_words = set(ctx["name_before_words"])
        self.address = re.compile(r"\s(?:[A-Z][a-z]+\s){0,2}(?:" + "|".join(map(re.escape, ctx["street_words"])) + r")\b")
        self.coordinate = re.compile(r"\b(?:" + "|".join(map(re.escape, ctx["coordinate_words"])) + r")\s*[:=]?\s*-?$", re.I)

    # ------------------------------------------------------------ filters
    def _blocked(self, doc: Doc) -> list[tuple[int, int]]:
        spans = [(int(d["start"]), int(d["end"])) for d in (doc._.dates or [])]
        return spans

    def _is_figure(self, doc: Doc, f: Figure, core: Span | None, blocked: list[tuple[int, int]]) -> bool:
        text = self._text  # Doc.text joins every token: read it once per doc
        cs, ce = f.core_start, f.core_end
        for s, e in blocked:
            # "2.123 pm" was read as picometres because it is no clock reading
            if s < ce and cs < e and not (f.category == "measure" and f.unit in ("pm", "am")):
                # a "date" that is only a piece of a longer number ("two hundred and two thousand")
                # is the dates component's mistake, not a reason to drop the figure
                inner = text[s:e]
                if cs <= s and e <= ce and (e - s) < (ce - cs) and NUMBERISH.fullmatch(inner):
                    continue
                # bare numbers are not dates ("between 20 and 30"); years are caught below
                if f.start <= s and e <= f.end and NUMBERISH.fullmatch(inner) and not re.search(r"\b(?:1\d|20)\d\d\b", inner) \
                        and not (f.words_only and 1000 <= f.value <= 2099):
                    continue
                return False
        strong = f.category in ("money", "percent", "measure") or f.scaled
        if core is not None:
            for ent in self._ents:
                if ent.start_char < ce and cs < ent.end_char:
                    if ent.label_ in DATE_LABELS and not strong and _dateish(ent, f):
                        return False
                    if ent.label_ in NAME_LABELS and ent.start_char < min(cs, f.start) and not strong:
                        return False
        # the whitespace-delimited chunk: handles, URLs, phone numbers
        a = text.rfind(" ", 0, cs) + 1
        b = text.find(" ", ce)
        chunk = text[a:len(text) if b < 0 else b]
        if HANDLE.search(chunk):
            return False
        if self.coordinate.search(text, max(0, cs - 14), cs):
            return False  # coordinates
        if f.category == "count" and f.value_max is None and self.address.match(text, f.end):
            return False  # a house number: "10 Downing Street"
        lo = max(0, cs - 16)
        for m in re.finditer(r"\+?[\d(][\d\s().\-/]{6,}\d", text[lo:ce + 16]):
            if re.fullmatch(r"\d{1,3}(?:[ \u202f\u00a0]\d{3})+(?:\.\d+)?", m.group().strip()):
                continue  # "1 234 567": thousands grouped by spaces
            if m.start() + lo <= cs and m.end() + lo >= ce and PHONE.match(m.group().strip()) and not f.scaled \
                    and f.category == "count" and (m.group().count("-") + m.group().count(" ") >= 2 or m.group().startswith("+")):
                return False
        # compact dates "20161016", clock times "at 6.45", "17.30 Beijing time"
        core_text = text[cs:ce]
        if re.fullmatch(r"(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])", core_text.lstrip("-")):
            return False
        if f.category == "count" and re.fullmatch(r"(?:[01]?\d|2[0-3])[.:][0-5]\d", core_text) and (
                re.search(r"\b(?:at|on|by|until|till|from)\s$", text[max(0, cs - 7):cs], re.I)
                or TIME_AFTER.match(text, ce) or re.match(r"\s\w+\stime\b", text[ce:ce + 20])):
            return False
        # list markers: "1 ) explains why ... 2 ) cautions"
        if f.category == "count" and re.match(r"\s?\)", text[f.end:f.end + 2]):
            if "(" not in text[max(0, cs - 3):cs] or (f.value <= 20 and re.search(r"(?:^|[:;,.]|\n|\band|\bor)\s*\(\s?$", text[max(0, cs - 8):cs])):
                return False
        if TIME_AFTER.match(text, ce) and f.category == "count":
            return False
        if f.category == "count" and not f.words_only and re.match(r"\s?(?:st|nd|rd|th)\b", text[ce:ce + 4]):
            return False
        if core is None:
            return True
        prev = doc[core.start - 1] if core.start > 0 else None
        nxt = doc[core.end] if core.end < len(doc) else None
        span = doc.char_span(f.start, f.end, alignment_mode="expand")
        if span is not None and f.category == "count" and f.value == int(f.value) and f.value <= 31:
            prev, nxt = (doc[span.start - 1] if span.start > 0 else None), (doc[span.end] if span.end < len(doc) else None)
        # a clock time: a small bare number near a time word ("at 7 in the morning", "5 to 6pm", "from 9")
        if f.category == "count" and f.value <= 24 and (f.value_max or 0) <= 24 and not f.words_only or \
                f.category == "count" and f.words_only and f.value <= 12 and (f.value_max or 0) <= 12:
            if not (nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.lower_ not in TIME_WORDS):
                window = doc[max(0, core.start - 4):min(len(doc), core.end + 5)]
                if any(t.lower_.strip(".") in TIME_WORDS for t in window) or (
                        prev is not None and prev.lower_ in ("at", "till", "until") and f.value == int(f.value)
                        and not f.words_only and (nxt is None or nxt.is_punct)):
                    return False
        # day of month: "June 4", "May 31, 2021", "10 November", "[June 4]", "between 3 and 12 of Sept"
        if f.category == "count" and f.value == int(f.value) and 1 <= f.value <= 31:
            if prev is not None and prev.lower_.rstrip(".") in MONTHS:
                return False
            if prev is not None and prev.text == "." and prev.i > 0 and doc[prev.i - 1].lower_ in MONTHS:
                return False  # tokenized text: "sept . 30"
            if nxt is not None and nxt.lower_.rstrip(".") in MONTHS and not f.words_only:
                return False
            if nxt is not None and nxt.lower_ == "of" and core.end + 1 < len(doc) and doc[core.end + 1].lower_ in MONTHS:
                return False
        # "in 2150": a later year after a preposition of time
        if f.bare_int and f.value_max is None and 2100 <= f.value <= 2999 and f.category == "count" and prev is not None \
                and prev.lower_ in ("in", "by", "until", "till", "since", "before", "after") and not (
                    core[-1].dep_ == "nummod" and core[-1].head.pos_ == "NOUN" and core[-1].head.i > core[-1].i):
            return False
        # a year after a month: "15 April of 87", "6 April seventeen hundred thirty three"
        before = [t.lower_.rstrip(".") for t in doc[max(0, core.start - 4):core.start]]
        if f.category == "count" and f.value_max is None and f.value == int(f.value) and any(w in MONTHS for w in before) and (
                f.words_only and 1000 <= f.value <= 2099 or f.bare_int and before[-1:] == ["of"] and before[-2:-1] != ["of"]
                and 10 <= f.value <= 99):
            return False
        # the end of a time span: "from 10:30 to 3", "9.30 - 11"
        if f.category == "count" and f.value <= 24 and re.search(
                r"\b\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?\s*)?(?:to|until|till|and|-|–)\s*$", text[max(0, f.start - 24):f.start], re.I):
            return False
        # a span of hours before a date: "between 3 and 5 on 1/1/2015"
        if f.value_max is not None and f.category == "count" and f.value_max <= 24 and not f.words_only:
            m = re.match(r"\s+(?:on|in)\s+", text[f.end:f.end + 6])
            if m and any(s == f.end + m.end() for s, _ in blocked):
                return False
        # clock readings "10 past 9"
        if f.category == "count" and f.value <= 60 and (re.match(r"\s+past\s+(?:\d|[a-z]+\b)", text[f.end:f.end + 12], re.I)
                                                       or re.search(r"\b(?:\d{1,2}|half|quarter|[a-z]+)\s+past\s+$", text[max(0, cs - 16):cs], re.I)):
            return False
        # years
        if f.bare_int and f.value_max is None and 1000 <= f.value <= 2099 and f.category == "count":
            last = core[-1]
            if not (last.dep_ == "nummod" and last.head.pos_ == "NOUN" and last.head.i > last.i
                    and last.head.lower_ not in ("year", "years", "season", "census", "budget")):
                return False
        # day ranges "from 4-23 next month", "3-5 May"
        if f.value_max is not None and f.category == "count" and f.value >= 1 and f.value_max <= 31 and not f.words_only \
                and f.value == int(f.value) and f.value_max == int(f.value_max) and not f.scaled:
            after = [t.lower_.rstrip(".") for t in doc[core.end:min(len(doc), core.end + 4)]]
            if not (nxt is not None and nxt.pos_ == "NOUN" and nxt.lower_ not in TIME_WORDS) and \
                    any(w in MONTHS or w in ("month", "months") for w in after + before[-2:]):
                return False
        # year ranges "2013-14", "1990-1995"
        if f.value_max is not None and 1000 <= f.value <= 2099 and (f.value_max <= 2099 or f.value_max < 100) \
                and f.value == int(f.value) and f.category == "count" and not f.scaled and f.range_kind != "bounds":
            return False
        # names: "Windows 7", "S&P 500", "Section 427", "Voyager 2"
        if prev is not None and f.start == core.start_char and f.category in ("count",) and not f.scaled \
                and not f.words_only:
            gap = text[prev.idx + len(prev.text):cs]
            if re.search(r"(?:\b(?:no|nr|nos|nrs)\s?\.?|#)\s?$", text[max(0, cs - 6):cs], re.I):
                return False
            pp = doc[prev.i - 1] if prev.i > 0 else None
            if prev.lower_ in ("'s", "’s") and pp is not None and pp.text[:1].isupper() and gap == " " \
                    and not (nxt is not None and nxt.tag_ == "NNS"):
                return False  # "Standard & Poor's 500"
            if gap in (" ", "") and (any(ch.isupper() for ch in prev.text) or prev.text in ("&",)) and prev.lower_ not in FREE_BEFORE \
                    and not prev.is_sent_start and prev.lower_.rstrip(".") not in MONTHS and prev.pos_ in ("PROPN", "NOUN", "X", "SYM", "ADJ") \
                    and not (prev.ent_type_ in ("NORP",) and nxt is not None and nxt.pos_ == "NOUN"):
                return False
            if prev.lower_ in self.name_before and gap in (" ", ""):
                return False
        if f.words_only and f.value == 1 and prev is not None and prev.lower_ in ("at", "the") \
                and text[ce:f.end].strip().lower() in ("point", "points"):
            return False  # "at one point": an idiom, not a score
        if f.words_only and prev is not None and f.value_max is None and f.category == "count" \
                and prev.lower_ in self.name_before_words:
            return False  # "version two"
        if f.words_only and f.value_max is None and f.category == "count" and not f.scaled and f.qualifier == "exact":
            last = core[-1]
            if f.value == 1 and not (last.dep_ in ("nummod", "quantmod") and last.head.pos_ in ("NOUN", "PROPN")
                                     and last.head.lower_ not in ONE_IDIOMS and (prev is None or prev.lower_ not in ("at", "in", "the"))):
                return False
            # "the two men", "between the two companies": a reference to a pair already named
            if f.value <= 2 and prev is not None and prev.lower_ in ("the", "these", "those", "both"):
                return False
        if f.words_only and core is not None and f.category == "count" and not f.scaled and f.value_max is None \
                and f.value == int(f.value) and f.value != 0:
            if not any(t.tag_ == "CD" or t.pos_ == "NUM" for t in core):
                return False
        return True

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
        if noun is None or noun.i < start or noun.i - start > 6:
            return None, noun
        toks = doc[start:noun.i + 1]
        if any(t.is_punct and t.text not in ("-",) for t in toks) or any(t.lower_ in ("and", "or") for t in toks):
            return None, noun
        if noun.ent_type_ in DATE_LABELS:
            return None, noun
        return toks.text, noun

    def _predicate(self, anchor: Token) -> str | None:
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

    def _direction(self, doc: Doc, f: Figure, core: Span, anchor: Token) -> str | None:
        text = self._text
        before = text[max(0, f.start - 12):f.start].lower().split()
        if before and before[-1] in ("up", "higher"):
            return "up"
        if before and before[-1] in ("down", "lower"):
            return "down"
        after = text[f.end:f.end + 8].lower().split()
        if after and after[0].strip(".,;") in ("up", "higher") and core.end < len(doc) and doc[core.end].pos_ in ("ADV", "ADP", "PART"):
            return "up"
        if after and after[0].strip(".,;") in ("down", "lower") and core.end < len(doc) and doc[core.end].pos_ in ("ADV", "ADP", "PART"):
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

    def _change_from_to(self, doc: Doc, f: Figure) -> bool:
        if f.range_kind != "from":
            return False
        sp = doc.char_span(f.start, f.start + 4, alignment_mode="expand")
        if sp is None:
            return False
        frm = sp[0]
        gov = frm.head
        lem = gov.lemma_.lower()
        return lem in self.up_verbs or lem in self.down_verbs or lem in self.up_nouns or lem in self.down_nouns or \
            lem in ("change", "move", "shift", "revise", "go", "reduce", "raise", "adjust", "upgrade", "downgrade")

    # ------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        self._text, self._ents = doc.text, [e for e in doc.ents]
        figs = scan(self._text, lexicon())
        blocked = self._blocked(doc)
        out: list[dict[str, Any]] = []
        for f in figs:
            pieces = [f]
            if self._change_from_to(doc, f):  # the old and the new value
                pieces = [Figure(start=s, end=e, value=v, unit=f.unit, category=f.category, core_start=s, core_end=e)
                          for s, e, v in f.parts]
            for g in pieces:
                row = self._row(doc, g, blocked)
                if row is None:
                    continue
                if out and out[-1]["value"] == row["value"] and re.fullmatch(r"\s?\(", self._text[out[-1]["end"]:row["start"]]) \
                        and self._text[row["end"]:row["end"] + 1] == ")":
                    continue  # "sixteen (16) units": the figures in brackets repeat the words
                if out and out[-1]["category"] == "money" and re.match(r"an?\s", self._text[row["start"]:row["end"]], re.I) \
                        and self._text[out[-1]["end"]:row["start"]].isspace():
                    continue  # "64.2 cents a dozen": a price per amount; the amount is no figure
                out.append(row)
        doc._.figures = out
        return doc

    def _row(self, doc: Doc, f: Figure, blocked: list[tuple[int, int]]) -> dict[str, Any] | None:
        if not all(map(_finite, (f.value, f.value_max if f.value_max is not None else 0.0))):
            return None
        core = doc.char_span(f.core_start, f.core_end, alignment_mode="expand")
        if not self._is_figure(doc, f, core, blocked):
            return None
        unit, category, qualifier = f.unit, f.category, f.qualifier
        if core is not None and category == "count" and f.words_only and 1100 <= f.value <= 2099 and f.value == int(f.value) \
                and re.search(r"\b(?:in|of|since|until|by)\s$", self._text[max(0, f.start - 7):f.start]):
            return None  # "in two thousand and twenty": a year in words
        anchor = core[-1] if core is not None else None
        if core is not None:
            if category == "count":
                counted, noun = self._counted(doc, f, core)
                if counted:
                    unit = counted
                if noun is not None:
                    anchor = noun
                    if noun.lemma_.lower() in TIME_UNITS and noun.i - core.end <= 2:
                        return None  # "3 min", "two nights", "the 2 upcoming months": durations are dates
            else:
                # a unit's own head ("7.62mm barrel") is not what governs; use the unit token
                span = doc.char_span(f.start, f.end, alignment_mode="expand")
                if span is not None:
                    anchor = span.root
            if qualifier == "exact" and anchor is not None:
                qualifier = self._direction(doc, f, core, anchor) or qualifier
        predicate = self._predicate(anchor) if anchor is not None else None
        return {"start": f.start, "end": f.end, "value": float(f.value),
                "value_max": float(f.value_max) if f.value_max is not None else None,
                "qualifier": qualifier, "unit": unit, "category": category, "predicate": predicate}


DATE_WORDS = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|"
    r"sun(?:day)?|years?|yrs?|days?|weeks?|months?|decades?|centur(?:y|ies)|ago|today|tomorrow|yesterday|tonight|"
    r"morning|afternoon|evening|night|noon|midnight|hours?|minutes?|seconds?|weekends?|spring|summer|autumn|fall|"
    r"winter|seasons?|old|since|until|before|after|(?:first|second|third|fourth|last|next|this|the)\s+quarters?|"
    r"quarters?\s+of|[ap]\.?m\.?|o'?clock)\b|'\d\d|\b\d{1,2}[:/]\d\d|\b(?:1\d|20)\d\d\b", re.I)


def _dateish(ent: Span, f: Figure) -> bool:
    """A DATE/TIME entity that really is one: it has a word ("June", "years", "ago") or a year;
    the model also tags lone numbers ("The answer is 42") as DATE."""
    text = re.sub(r"\b(?:aged?|at the age of)\b", "", ent.text, flags=re.I)
    return bool(DATE_WORDS.search(text)) or ((f.bare_int or f.words_only) and 1000 <= f.value <= 2099)


def _finite(x: float) -> bool:
    return x == x and x not in (float("inf"), float("-inf"))


@Language.factory("news_figures", assigns=["doc._.figures"], default_config={})
def make_news_figures(nlp: Language, name: str) -> NewsFigures:
    return NewsFigures(nlp, name)
