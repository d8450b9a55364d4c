"""The dates component: temporal expressions found by the dates grammar and spaCy, normalised to TimeML TIMEX3."""
from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..normalize.timex import (FUTURE, GRAMMAR_FILES, NUMBER_FILES, PAST, REFERENCE_SHAPES, Candidate, Grammar, Timex,
                               add_months, anaphor_unit, calendar_range, contract_value, load_grammar, make_date,
                               resolve_weekday, shift, week_value)
from ..normalize.timex_compose import KEPT_SHAPES, compose, partial_timex, strip_private
from . import base

# A bare month or weekday inside one of these entities is part of a name ("Theresa May", "Black Friday Inc").
NAME_LABELS = {"PERSON", "ORG", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "GPE", "NORP"}
# A four-digit number the model calls one of these is a count or an amount, not a year.
NUMBER_LABELS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"}
BARE_PATTERNS = {"month", "weekday_part", "year"}
# The shapes of model spans the grammar cannot read that keep_unnormalized keeps (timex_compose.KEPT_SHAPES):
# all but a kind of day ("on days when prices fall"), which TimeML does not mark, and a part of day
# that names no day ("the night", "evening"): its day is a guess, the publication day's, right on
# TimeBank for one span in two, and its TIME type costs on AQUAINT (the grammar reads "Monday night").
DEFAULT_KEPT_SHAPES = tuple(s for s in KEPT_SHAPES if s not in ("generic_plural_unit", "part_of_day"))
# "the 45th day": an ordinal count of days, which dateparser would read as a year.
ORDINAL = re.compile(r"\d(?:st|nd|rd|th)\b", re.I)
# a model span with no word of three letters is a date only as a year, a numeric date or a clock
THREE_LETTERS = re.compile(r"[^\W\d_]{3}")
# how a text writes a year: in digits, or as a Roman numeral from M ("April MMX", which dateparser reads)
YEAR_WRITTEN = re.compile(r"\d|\bM[MDCLXVI]*\b")
NUMERIC_DATE_OR_CLOCK = re.compile(r"(?:1[5-9]|20)\d\d|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|(?:[01]?\d|2[0-3]):[0-5]\d")
ORDINAL_WORD = re.compile(r"\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:st|nd|rd|th)")
DAY_WORD = re.compile(r"(?i)\bday\b")
TODAY_WORD = re.compile(r"(?i)\b(?:to|yester)day\b")
FUTURE_AUX = {"will", "'ll", "shall", "wo", "would"}
PAST_MARKERS = {"since", "ago", "last", "earlier", "previous", "past"}
PLAN_VERBS = {"expect", "schedule", "plan", "due", "intend"}
# participles that make a plan of a date after "for": "the vote is set for Sunday", "talks slated for
# June" (not "she set a record Sunday", "the price was set on Monday": that is when it was set)
PLAN_PARTICIPLES_BEFORE_FOR = {"set", "slated"}
FUTURE_MARKERS = {"next", "until", "till", "coming", "upcoming"}
FUTURE_PHRASES = {"as soon as", "as early as"}
# the last words of FUTURE_PHRASES: the text before a date is read only after one of them
FUTURE_PHRASE_ENDS = tuple({p.split()[-1] for p in FUTURE_PHRASES})


def published_date(value: Any) -> date | None:
    """The publication date of doc._.published (an ISO string, a date, or None)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def governing_verb(span: Span) -> Token | None:
    """The verb that SPAN hangs from, up to six steps up the parse; None when there is none."""
    tok: Token = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
    return tok if tok.pos_ in ("VERB", "AUX") else None


# a month named alone, or with its edge ("in June", "in early June"): no day, no year
BARE_MONTH_PATTERNS = frozenset({"month", "edge_month"})
# a month and day without a year ("on March 3", "the third of March"): as a bare month, the present
# tense of an event dates the coming one ("the trial opens on March 3")
BARE_MONTH_DAY_PATTERNS = frozenset({"month_day", "day_month", "month_day_word", "day_word_of_month"})

_UNSET: Any = object()  # "not worked out yet", where None is an answer (no governing verb)


def says_will(verb: Token | None) -> bool:
    """Whether VERB, the governing verb of a date (governing_verb), takes "will"/"shall" ("sales will
    grow during the fourth quarter")."""
    return verb is not None and any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in verb.children)


def has_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)


def tensed_verb(tok: Token) -> Token:
    """The verb whose tense a date under TOK takes: TOK itself, or, when TOK is a participle or bare
    verb with no auxiliary and no subject of its own ("with the third departing each Thursday", "let
    the offensive begin Saturday"), the verb of the clause it hangs from."""
    for _ in range(4):
        # a participle without an auxiliary has no tense even with a subject of its own (the absolute
        # "with the third departing Thursday"); a bare VB with a subject is the small model's present
        untensed = ((tok.tag_ == "VBG" or (tok.tag_ == "VB" and not has_subject(tok)))
                    and not any(c.dep_ in ("aux", "auxpass") for c in tok.children))
        if not untensed or tok.head.i == tok.i:
            return tok
        head = tok.head
        for _ in range(4):
            if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
                break
            head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            return tok
        tok = head
    return tok


def is_simple_past_read_as_participle(tok: Token, auxes: list[Token]) -> bool:
    """Whether TOK is a simple past the small model tags as a participle: a VBN with an active
    subject of its own and no auxiliary ("the plant reopened in September") is finite, and a
    participle needs "have" or "be" to head a clause."""
    return (tok.tag_ == "VBN" and not auxes and tok.dep_ in ("ROOT", "conj", "ccomp", "advcl", "relcl")
            and any(c.dep_ == "nsubj" for c in tok.children))


def is_present_tense(tok: Token, auxes: list[Token]) -> bool:
    """A verb in the simple or progressive present: "meets", "meet", "is meeting" (the small model
    also tags a finite "meet" with a subject as a bare VB)."""
    if any(a.tag_ in ("VBZ", "VBP") and a.lemma_ == "be" for a in auxes) and tok.tag_ == "VBG":
        return True
    if auxes:
        return False
    return tok.tag_ in ("VBZ", "VBP") or (tok.tag_ == "VB" and tok.dep_ in ("ROOT", "conj", "ccomp") and has_subject(tok))


def dates_the_verb(span: Span, verb: Token) -> bool:
    """Whether SPAN says when VERB happens ("meet Monday", "is on Tuesday"), not when a noun's thing
    did ("before Friday's purchases", "over Thursday's closing price")."""
    root = span.root
    if root.head.i == verb.i:
        # "the vote is Thursday morning": the day is what "be" says of its subject; "Friday at
        # midnight" is rooted in its "at", a phrase of time on the verb
        return (root.dep_ in ("npadvmod", "tmod", "obl", "advmod", "prep")
                or (root.dep_ == "attr" and verb.lemma_ == "be"))
    return root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.i == verb.i


def reports_long_period(span: Span, phrases: tuple[str, ...], ctx: "DocContext") -> bool:
    """Whether the sentence of SPAN reports a period longer than a quarter ("the first nine months")."""
    if not ctx.sentenced:
        return ctx.reports_long_period(0, len(ctx.text), phrases)
    sent = span.sent
    return ctx.reports_long_period(sent.start_char, sent.end_char, phrases)


def is_plan_verb(tok: Token, before: str) -> bool:
    """Whether TOK says a thing is planned ("expected", "scheduled", "due"), or is a participle of
    PARTICIPLES_BEFORE_FOR whose date comes after "for" (BEFORE: the word before the date)."""
    if tok.lemma_ in PLAN_VERBS:
        return True
    return before == "for" and tok.lower_ in PLAN_PARTICIPLES_BEFORE_FOR and tok.tag_ == "VBN"


def clause_direction(span: Span, reporting: frozenset[str] | None = None, verb: Token | None = _UNSET,
                     past_spelled: frozenset[str] = frozenset()) -> str | None:
    """Whether the clause that holds SPAN speaks of the past or the future: the governing verb's tense
    and auxiliaries ("will", "has"), and a marker word just before the span ("since", "next").
    REPORTING, given for a bare weekday: the lemmas of verbs of saying; any other verb in the present
    tense then points to the coming day ("the leaders meet Monday"), while the present of saying
    reports the past ("the ministry says Tuesday"). A month and day is left to its distance from the
    publication date: a present verb there is as often a past event's comment ("June 4's blast reminds us").
    VERB: governing_verb(SPAN), when the caller has it already. PAST_SPELLED: lemmas whose past is
    spelled as the present ("hit", "cut"): their bare form tells no tense, their "-s" form ("hits") is
    the present."""
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if before in PAST_MARKERS:
        return PAST
    if before == "effective":
        # "created an office, effective Feb. 1": the day a change takes effect, announced ahead or
        # after; the announcing verb's tense does not date it, the nearer such day does
        return None
    if before in FUTURE_MARKERS or (before.endswith(FUTURE_PHRASE_ENDS)
                                    and doc[max(0, span.start - 3):span.start].text.lower() in FUTURE_PHRASES):
        return FUTURE
    tok = governing_verb(span) if verb is _UNSET else verb
    if tok is None:
        return None
    # "said on Tuesday it would cut jobs": the parser hangs "on Tuesday" on "cut", but a time put
    # before the reported clause's subject belongs to the reporting verb
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if (tok.dep_ == "ccomp" and subj is not None and tok.head.i < span.start
            and span.end <= subj.left_edge.i and tok.head.pos_ in ("VERB", "AUX")):
        tok = tok.head
    tok = tensed_verb(tok)
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")] + ([tok] if tok.tag_ == "MD" else [])
    if any(a.lower_ in FUTURE_AUX for a in auxes):
        return FUTURE
    # "planned to leave on Thursday", "are expected to join in April", "is to resume Tuesday",
    # "set to resume Monday": plans point ahead, unless told in the past perfect ("had been due")
    planner = tok if is_plan_verb(tok, before) else tok.head if is_plan_verb(tok.head, before) else None
    if (planner is None and tok.dep_ == "xcomp" and tok.head.lemma_ in ("be", "set")
            and any(a.lower_ == "to" for a in auxes)):
        planner = tok.head
    if planner is not None:
        holders = [planner] + ([planner.head] if planner.dep_ in ("acomp", "xcomp") else [])
        if any(a.lemma_ == "have" and a.tag_ == "VBD" for h in holders for a in h.children if a.dep_ == "aux"):
            return PAST
        return FUTURE
    if any(a.lower_ == "going" for a in auxes) or (tok.lower_ == "going" and any(c.lower_ == "to" for c in tok.children)):
        return FUTURE
    if tok.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return PAST
    if tok.tag_ == "VBN" and (any(a.lemma_ == "have" for a in auxes) or (tok.dep_ == "acl" and not auxes)):
        return PAST  # "has announced", and "the deal announced in February"
    if is_simple_past_read_as_participle(tok, auxes):
        return PAST
    # "the leaders meet Monday", "the vote is Tuesday": the present tense of an event speaks of a
    # coming day; the present of saying ("the ministry says Tuesday") reports the past
    if (reporting is not None and is_present_tense(tok, auxes) and tok.lemma_ not in reporting
            and not (tok.lemma_ in past_spelled and tok.tag_ != "VBZ") and dates_the_verb(span, tok)):
        return FUTURE
    return None


@lru_cache(maxsize=4096)
def dateparser_timex(text: str, published: str | None) -> Timex | None:
    """A date that dateparser reads in TEXT (a whole candidate, never a search), as a TIMEX3; cached.
    Without a publication date only absolute dates count: a relative one would be resolved against
    the wall clock, and the same article would give other rows on another day."""
    if published:
        return _dateparser_timex(text, published, published)
    if not YEAR_WRITTEN.search(text):
        # no year written: whatever dateparser reads in it ("May", "Sunday", "noon") moves with the
        # reference day, so the two anchors never agree; asking it cost a fifth of news_dates on
        # undated web news
        return None
    first = _dateparser_timex(text, None, NO_DCT_ANCHORS[0])
    if first is None or first != _dateparser_timex(text, None, NO_DCT_ANCHORS[1]):
        return None
    return first


# Two reference days that differ in weekday, day, month and year: a text that dateparser reads the
# same against both does not depend on the publication date.
NO_DCT_ANCHORS = ("2000-01-05", "2010-07-15")


@lru_cache(maxsize=4096)
def _dateparser_timex(text: str, published: str | None, base: str) -> Timex | None:
    """dateparser's reading of TEXT against the reference day BASE; PUBLISHED (or None) is the
    article's own publication date, which places a bare clock time."""
    from dateparser.date import DateDataParser  # imported late: it takes a second to load
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True,
                                "RELATIVE_BASE": datetime.fromisoformat(base[:10])}
    try:
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    except Exception:  # dateparser raises a variety of errors on odd strings
        return None
    if data is None or data.date_obj is None:
        return None
    d, period = data.date_obj, data.period
    value = {"year": f"{d.year}", "month": f"{d.year}-{d.month:02d}", "week": f"{d.isocalendar()[0]}-W{d.isocalendar()[1]:02d}"}\
        .get(period, d.date().isoformat())
    if period == "time":
        # A clock time alone is on the publication day: dateparser, preferring the past, puts any time
        # after a midnight publication time on the day before.
        day = published[:10] if published and not re.search(r"[^\W\d_]{3}", re.sub(
            r"(?i)\b(?:GMT|UTC|[ECMP][SD]T|a\.?m\.?|p\.?m\.?|local|time|hrs|noon|midnight)\b", "", text)) else d.date().isoformat()
        value = f"{day}T{d.hour:02d}:{d.minute:02d}"
    start, end, gran = calendar_range(value)
    return Timex("TIME" if period == "time" else "DATE", value, gran, start, end, published is not None)


@dataclass(frozen=True)
class DocContext:
    """What one document tells every date in it: its publication date, and hints from its whole text.
    It also holds the document's text, read once: Doc.text joins every token anew at each reading."""

    dct: date | None
    hints: frozenset[str]
    text: str = ""
    sentenced: bool = False
    # (start_char, end_char) of a sentence -> whether it reports a longer period: asked once a sentence
    long_period_sents: dict[tuple[int, int], bool] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, doc: Doc, options: set[str]) -> "DocContext":
        """The context of DOC; OPTIONS are the component's switches the grammar reads (part_of_day_time)."""
        text = base.doc_text(doc)
        # Earnings reports compare with the year-ago quarter: "a year ago" then names that quarter.
        hints = {"quarter"} if "quarter" in text.lower() else set()
        return cls(published_date(doc._.published), frozenset(hints | options), text,
                   doc.has_annotation("SENT_START"))

    def reports_long_period(self, start: int, end: int, phrases: tuple[str, ...]) -> bool:
        """Whether the text from START to END names one of PHRASES (lowercase)."""
        key = (start, end)
        if key not in self.long_period_sents:
            sent = self.text[start:end].lower()
            self.long_period_sents[key] = any(p in sent for p in phrases)
        return self.long_period_sents[key]


class NewsDates(base.RuleDataComponent):
    """Finds temporal expressions with the dates grammar (models/dates) and, optionally, the model's
    DATE/TIME entities, and writes them as TIMEX3 dicts to doc._.dates."""

    def __init__(self, name: str, *, lexicon_path: str, patterns_path: str, numbers_path: str,
                 use_entities: bool = True, use_dateparser: bool = True, keep_unnormalized: bool = True,
                 part_of_day_time: bool = False, kept_shapes: tuple[str, ...] | list[str] = DEFAULT_KEPT_SHAPES):
        self.name = name
        self.files = (lexicon_path, patterns_path, numbers_path)
        self.use_entities = use_entities
        self.use_dateparser = use_dateparser
        self.keep_unnormalized = keep_unnormalized
        self.part_of_day_time = part_of_day_time
        self.kept_shapes = frozenset(kept_shapes)
        self.grammar: Grammar | None = None
        self.reporting: frozenset[str] = frozenset()
        self.long_periods: tuple[str, ...] = ()
        self.particle_verbs: frozenset[str] = frozenset()

    def data_files(self) -> tuple[str, ...]:
        # the grammar's files, and the lexicon of the number reader it counts with (normalize.numbers)
        return tuple(dict.fromkeys(self.files + NUMBER_FILES))

    def load_data(self, root: Path) -> None:
        self.grammar = load_grammar(root, self.files)
        # verbs whose present tense does not point ahead: saying, and forms spelled as the past ("hurt")
        self.reporting = frozenset(self.grammar.lex.get("reporting_verbs", ()))
        self.past_spelled = frozenset(self.grammar.lex.get("same_past_and_present", ()))
        self.long_periods = tuple(self.grammar.lex.get("periods_longer_than_a_quarter", ()))
        self.particle_verbs = frozenset(self.grammar.lex.get("around_particle_verbs", ()))

    def __call__(self, doc: Doc) -> Doc:
        self.require_data()
        ctx = DocContext.of(doc, {"part_of_day_time"} if self.part_of_day_time else set())
        anaphors: dict[int, Candidate] = {}
        rows = []
        for cand in self.grammar.find(ctx.text):
            row = self.rule_row(doc, cand, ctx)
            if row is not None:
                rows.append(row)
                if self.grammar.by_id[cand.pattern].handler == "anaphor":
                    anaphors[row["start"]] = cand
        if self.use_entities and doc.has_annotation("ENT_IOB"):
            rows += self.entity_rows(doc, rows, ctx.dct)
        rows.sort(key=lambda r: r["start"])
        if anaphors:
            rows = self.resolve_anaphors(rows, anaphors, ctx.dct, ctx.hints)
        rows = [r for r in rows if not in_unit_compound(ctx.text, r, self.grammar.units) and not is_rate(doc, ctx.text, r)]
        rows = anchor_bare_clocks(compose_neighbours(ctx.text, rows, ctx.dct))
        rows = anchor_narrative_shifts(doc, rows)
        rows = clocks_of_one_moment(ctx.text, rows)
        rows = date_periods_by_their_end(ctx.text, rows)
        rows = range_ends_after_their_starts(ctx.text, rows)
        rows = counted_rates_as_sets(doc, ctx.text, rows)
        rows = with_open_ends(ctx.text, with_approximation(doc, ctx.text, rows, self.particle_verbs))
        out = []
        for r in rows:
            r = strip_private(r)
            r["value"] = contract_value(r["value"])
            out.append(r)
        doc._.dates = out
        return doc

    def resolve_anaphors(self, rows: list[dict], anaphors: dict[int, Candidate], dct: date | None,
                         hints: frozenset[str] | set[str] = frozenset()) -> list[dict]:
        """"that year", "the following month": the unit of the latest date named before, as HeidelTime
        does with its reference time; the publication date's when the text named none."""
        out: list[dict] = []
        for row in rows:
            cand = anaphors.get(row["start"])
            if cand is not None:
                unit = anaphor_unit(dict(cand.groups), self.grammar.units)
                shape = re.compile(REFERENCE_SHAPES[unit])
                ref = next((r["value"] for r in reversed(out)
                            if r["type"] in ("DATE", "TIME") and shape.match(r["value"])), None)
                tx = self.grammar.anaphor(cand, ref, dct, hints)
                if tx is None:
                    continue
                row = {"start": row["start"], "end": row["end"], **tx.as_dict()}
            out.append(row)
        return out

    def rule_row(self, doc: Doc, cand: Candidate, ctx: DocContext) -> dict | None:
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is None:
            return None
        if cand.pattern in BARE_PATTERNS and doc.has_annotation("ENT_IOB"):
            labels = {t.ent_type_ for t in span} - {""}
            if cand.pattern == "year" and labels & NUMBER_LABELS:
                return None
            if labels & NAME_LABELS and not labels & {"DATE", "TIME"}:
                return None
        if cand.pattern != "holiday" and is_title(span, self.grammar.units):
            return None
        if cand.pattern == "part_of_day" and span[-1].dep_ == "compound":
            return None  # "into the night club", "in the morning paper": a part of day naming a thing
        verb = governing_verb(span)  # walking up the parse once for both questions
        hints = ctx.hints | ({"will"} if says_will(verb) else set())
        names = {k for k, _ in cand.groups}
        bare_weekday = "weekday" in names and not names & {"month", "day"}
        # a weekday or a month alone ("begins in June") takes the present tense of an event as ahead
        present_points_ahead = bare_weekday or cand.pattern in BARE_MONTH_PATTERNS | BARE_MONTH_DAY_PATTERNS
        direction = clause_direction(span, self.reporting if present_points_ahead else None, verb,
                                     self.past_spelled)
        if reports_long_period(span, self.long_periods, ctx):
            hints = hints | {"year_period"}
        if span.start > 0 and doc[span.start - 1].lower_ in ("ended", "since"):
            # "the quarter ended Oct. 31", "in force since Jan. 1": past, however close the day lies ahead
            hints, direction = hints | {"ended"}, PAST
        tx = self.grammar.normalize_candidate(cand, ctx.dct, direction, hints)
        if tx is None:
            return None
        if is_some_day_ahead(span):
            tx = Timex("DATE", "FUTURE_REF")
        groups = dict(cand.groups)
        if cand.pattern == "duration" and direction == FUTURE and ctx.dct is not None:
            tx = self.point_ahead(span, groups, ctx.dct) or tx
        # a clock or a part of day that names no day ("at 3 p.m.", "in the morning") is on the day the
        # text last named (anchor_bare_clocks); a clock with a time zone ("at 1904 GMT") is a wire
        # report's time of the news, on the publication day, as dateparser puts "09:30 GMT"
        names_a_day = bool(groups.keys() & {"weekday", "anchor", "month", "day"})
        bare_clock = ("clock" in groups or cand.pattern == "part_of_day") and not names_a_day and "tz" not in groups
        start = cand.start + modifier_determiner_length(doc, span, groups, ctx.text[cand.start:cand.end])
        start = after_possessive(ctx.text, start, cand.end)
        return {"start": start, "end": cand.end, **tx.as_dict(), "_pattern": cand.pattern,
                "_shift": self.narrative_shift(cand),
                "_bare_clock": bare_clock, "_zoned_clock": "tz" in groups and not names_a_day,
                "_weekday_of_reference": cand.pattern == "weekday_of_reference" and groups["rel"].lower().split()[-1]}

    def narrative_shift(self, cand: Candidate) -> NarrativeShift | None:
        """The count of units CAND moves a time by when only the story says from which time ("two
        days earlier", "a week before.", "the day after"): TimeML anchors it on the story's reference
        time, not on the publication date as "two days ago" is; None for other candidates."""
        groups = dict(cand.groups)
        if cand.pattern not in NARRATIVE_SHIFT_PATTERNS or groups.get("dir", "").lower() not in SHIFT_SIGNS:
            return None
        unit = self.grammar.units.get(groups["unit"].lower())
        n = self.grammar.count(groups["num"]) if "num" in groups else 1
        if unit not in ("D", "W", "M", "Y") or n is None or n == "X" or float(n) != int(n):
            return None
        return NarrativeShift(SHIFT_SIGNS[groups["dir"].lower()] * int(n), unit, "num" not in groups)

    def point_ahead(self, span: Span, groups: dict[str, str], dct: date) -> Timex | None:
        """"will be redeemed in five years": after "in", a counted length in a clause that looks ahead
        is the day, month or year it ends on (dct + 5 years: a DATE), not a length; None otherwise
        ("within five years", "in the next five years", "in 10 minutes" stay lengths)."""
        if span.start == 0 or span.doc[span.start - 1].lower_ != "in" or groups.keys() & {"det", "mod", "more"}:
            return None
        unit = self.grammar.units.get(groups.get("unit", "").lower())
        n = self.grammar.count(groups.get("num", ""))
        if unit not in ("D", "W", "M", "Y") or n in (None, "X") or float(n) != int(n):
            return None
        value, _ = shift(dct, int(n), unit)
        return make_date(value, True)

    def entity_rows(self, doc: Doc, rows: list[dict], dct: date | None) -> list[dict]:
        """The model's DATE/TIME entities the grammar missed, normalised by dateparser when it can."""
        out = []
        for ent in doc.ents:
            if ent.label_ not in ("DATE", "TIME"):
                continue
            if any(r["start"] < ent.end_char and ent.start_char < r["end"] for r in rows):
                continue
            ent = trim_entity(ent, self.particle_verbs)
            if ent is None or is_title(ent, self.grammar.units):
                continue
            if not THREE_LETTERS.search(ent.text) and not NUMERIC_DATE_OR_CLOCK.fullmatch(ent.text):
                continue  # "52" (an age), "2-1" (a score), "0735" (a clock), "30s" (an age): not dates
            tx, shape = self.entity_timex(ent, dct)
            if tx is None:
                continue
            start = ent.start_char
            first = coordinated_unit(ent, self.grammar.units) if shape == "bare_plural_unit" else None
            if first is not None:
                if join_coordinated_unit(rows + out, first, ent.end_char):
                    continue
                start = first.idx
            if shape == "unit_of_unknown_place" and len(ent) == 1 and ent.start > 0 and \
                    ent.doc[ent.start - 1].lower_ == "the":
                start = ent.doc[ent.start - 1].idx  # "the week's busiest session": TimeML keeps the determiner
            out.append({"start": start, "end": ent.end_char, **tx.as_dict(),
                        "_reference_day": is_reference_day(ent, tx, dct)})
        return out

    def entity_timex(self, ent: Span, dct: date | None) -> tuple[Timex | None, str]:
        """The TIMEX3 of a model DATE/TIME span the grammar did not match and the shape it was read as
        ("dateparser", or a KEPT_SHAPES name): dateparser's reading, else (keep_unnormalized, for the
        kept_shapes) the most specific honest value with a place in the calendar; (None, "") when all
        it could say is a bare XXXX."""
        published = dct.isoformat() if dct else None
        tx = dateparser_timex(ent.text, published) if self.use_dateparser and not ORDINAL.search(ent.text) else None
        if tx is not None:
            return tx, "dateparser"
        if not self.keep_unnormalized or is_modifier_adjective(ent):
            return None, ""
        label = "TIME" if ent.label_ == "TIME" else "DATE"
        # the word before tells an age or a greeting ("her early 70s", "Good evening")
        before = ent.doc[ent.start - 1].text + " " if ent.start > 0 else ""
        kept = partial_timex(ent.text, dct, label, self.grammar.lex, before,
                             lambda text: self.grammar.normalize(text, dct, clause_direction(ent)))
        if kept is None or kept.shape not in self.kept_shapes:
            return None, ""
        return kept.timex, kept.shape


MODALS = {"will", "would", "could", "may", "might", "can", "shall", "should", "must", "to"}


def is_some_day_ahead(span: Span) -> bool:
    """Whether SPAN is "one day" between a modal (or "to") and its verb ("Islam will one day be the
    second religion", "hopes to one day run the firm"): an unnamed day ahead (FUTURE_REF), not a
    length ("the trip will take one day")."""
    # the length in characters first (span.text joins the tokens anew): a span's text runs from its
    # start_char to its end_char, so any other length is not "one day"
    if span.end_char - span.start_char != len("one day"):
        return False
    if span.text.lower() != "one day" or span.start == 0 or span.end >= len(span.doc):
        return False
    return span.doc[span.start - 1].lower_ in MODALS and span.doc[span.end].tag_ == "VB"


def coordinated_unit(ent: Span, units: dict[str, str]) -> Token | None:
    """The first of two plural units joined by "and"/"or" when ENT is the second ("within weeks or
    months"): TimeML marks the pair as one length, told by the first; None when ENT stands alone."""
    if ent.start < 2:
        return None
    conj, first = ent.doc[ent.start - 1], ent.doc[ent.start - 2]
    if conj.lower_ in ("and", "or") and first.lower_ in units and first.lower_.endswith("s"):
        return first
    return None


def join_coordinated_unit(rows: list[dict], first: Token, end: int) -> bool:
    """Whether FIRST, the first unit of a pair, is already (in) a row of ROWS. A row that is the bare
    unit ("within weeks" PXW) is stretched over the pair to END ("weeks or months"), in place; one
    that is longer ("recent weeks and months") keeps its extent, and the second unit is dropped."""
    for row in rows:
        if row["start"] <= first.idx < row["end"]:
            if row["start"] == first.idx and row["end"] == first.idx + len(first.text):
                row["end"] = end
            return True
    return False


NOUN_DETERMINERS = {"the", "its", "their", "his", "her", "our", "this", "that"}
PERIOD_NOUNS = {"period", "term", "span", "stretch", "spell"}


def modifier_determiner_length(doc: Doc, span: Span, groups: dict[str, str], text: str) -> int:
    """How many characters of TEXT to drop before a length that modifies a noun ("the eight-year war",
    "the two day rally"): a count above one with a singular unit is an adjective there, and the
    determiner belongs to the noun (TimeML marks "eight-year"). A noun that is itself the period ("a
    three-year period", "its one-year term") keeps it. 0 when nothing is dropped."""
    det, num, unit = groups.get("det", ""), groups.get("num", ""), groups.get("unit", "")
    if det.lower() not in NOUN_DETERMINERS or not num or unit.lower().endswith("s"):
        return 0
    if num.lower() in ("a", "an", "one", "1") or span.end >= len(doc):
        return 0
    after = doc[span.end]
    if after.pos_ not in ("NOUN", "PROPN", "ADJ") or after.lower_ in PERIOD_NOUNS:
        return 0
    at = text.lower().find(num.lower(), len(det))
    return at if at > 0 else 0


# "its fourth quarter", "their 1990 budget": a possessive pronoun says whose period it is, not which;
# TimeML leaves it out of the expression (TimeBank marks "its [fourth quarter]" eleven times in twelve)
POSSESSIVE_START = re.compile(r"(?i)(?:its|their|his|her|our|my|your)\s+")


def after_possessive(text: str, start: int, end: int) -> int:
    """START, moved past a possessive pronoun that opens TEXT[START:END] and is not all of it."""
    m = POSSESSIVE_START.match(text, start, end)
    return m.end() if m and m.end() < end else start


def is_title(span: Span, units: dict[str, str]) -> bool:
    """Whether SPAN is (part of) a title: a unit word capitalised inside a sentence ("ABC's "This
    Week"", "CBS's "60 Minutes"") names a programme, not a time."""
    return any(t.lower_ in units and t.text[:1].isupper() and not t.is_sent_start and not is_century_name(t)
               for t in span)


def is_modifier_adjective(span: Span) -> bool:
    """Whether SPAN is one word modifying a noun ("annual sales", "its quarterly dividend", "a morning
    show", "the Olympic park"): a kind of thing, not a time (like the adjective "current")."""
    if len(span) != 1 or span[0].like_num or span[0].is_digit:
        return False
    tok = span[0]
    return tok.dep_ in ("amod", "compound", "nmod") and tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN")


def is_century_name(token: Token) -> bool:
    """Whether TOKEN is "Century" after an ordinal ("the 19th Century"): a capitalised period name."""
    return token.lower_ in ("century", "centuries") and token.i > 0 and bool(
        ORDINAL_WORD.fullmatch(token.doc[token.i - 1].lower_))


def is_reference_day(ent: Span, tx: Timex, dct: date | None) -> bool:
    """Whether ENT is a day the text does not name ("the day", "later in the day", "the second day"),
    read as the publication day: it is the day the text last named, when it named one."""
    return dct is not None and tx.value == dct.isoformat() and bool(DAY_WORD.search(ent.text)) \
        and not TODAY_WORD.search(ent.text)


def anchor_bare_clocks(rows: list[dict]) -> list[dict]:
    """A clock time that names no day ("at 14:30 UTC") is on the latest day the text named before it
    (its reference time), the publication day when it named none; so is "the day" the model found."""
    last_day = None
    out = []
    for row in rows:
        if row.get("_bare_clock") and last_day and row["type"] == "TIME" and "T" in row["value"]:
            row = {**row, **make_date(last_day + row["value"][10:], True, "TIME").as_dict()}
        elif row.get("_reference_day") and last_day:
            row = {**row, **make_date(last_day, True).as_dict()}
        elif row.get("_weekday_of_reference") and last_day and DAY_VALUE.match(row["value"]):
            row = {**row, **make_date(weekday_from(last_day, row["value"], row["_weekday_of_reference"]), True).as_dict()}
            last_day = row["value"]
        elif row["type"] == "DATE" and DAY_VALUE.fullmatch(row["value"]):
            last_day = row["value"]
        out.append(row)
    return out


# "1904 GMT (1504 EDT) on Sunday", "at 10:30 local time (0830 GMT)": one moment told in two zones,
# the second in brackets; the day named after the bracket, or with either clock, is both clocks' day
IN_BRACKETS = re.compile(r"\s*(?:local\s+time\s*)?\(\s*", re.I)
AFTER_BRACKETS = re.compile(r"\s*(?:local\s+time\s*)?\)\s*(?:,\s*)?(?:on\s+)?", re.I)
CLOCK_VALUE = re.compile(r"(\d{4}-\d\d-\d\d)(T\d\d:\d\d)$")


# the patterns of a count of units from a time the story sets ("two days earlier", "the day before")
NARRATIVE_SHIFT_PATTERNS = {"unit_ago", "the_unit_before"}
# "later"/"after" with a count ("two days later") stay the length they count (unit_ago does not take
# them): as a day, AQUAINT's value F1 fell .784 -> .782 and type .886 -> .885 (TimeML: DURATION P2D)
SHIFT_SIGNS = {"earlier": -1, "before": -1, "later": 1, "after": 1}
# a day, a month or a year at the head of a DATE or TIME value: a reference time the story sets
REFERENCE_TIME = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?:T.*)?$")


@dataclass(frozen=True)
class NarrativeShift:
    """"two days earlier": BY units (negative: back) of UNIT (D, W, M, Y); WHOLE for "the day before",
    "the week after" (one whole unit: "the week after" is a week, "a week before." a day)."""

    by: int
    unit: str
    whole: bool


def shifted_reference(reference: str, shift: NarrativeShift) -> str | None:
    """The value SHIFT moves REFERENCE (a DATE or TIME value) to, at the unit's precision ("two days
    earlier" than 2013-06-03 is 2013-06-01, "the month before" 2013-05, "the week after" 2013-W24);
    None when REFERENCE is less precise than the unit (a month for "two days earlier") or not a
    calendar time (2013-W23, PAST_REF)."""
    m = REFERENCE_TIME.match(reference)
    if m is None:
        return None
    if shift.unit == "Y":
        return str(int(m[1]) + shift.by)
    if shift.unit == "M":
        return add_months(date(int(m[1]), int(m[2]), 1), shift.by).isoformat()[:7] if m[2] else None
    if not m[3]:
        return None
    day = date(int(m[1]), int(m[2]), int(m[3])) + timedelta(days=shift.by * (7 if shift.unit == "W" else 1))
    return week_value(day) if shift.unit == "W" and shift.whole else day.isoformat()


def anchor_narrative_shifts(doc: Doc, rows: list[dict]) -> list[dict]:
    """ROWS (sorted) with each count of units from the story's time ("two days earlier", "the day
    before", "the year after") moved from the latest date the text named in its sentence or the one
    before (TimeML's reference time), when there is one; else they keep the publication date's shift.
    "Earlier" by a count of months or years stays on the publication date: "sales rose from a year
    earlier" compares with now, whatever year the text named last."""
    if not any(row.get("_shift") is not None for row in rows):
        return rows  # most texts: spared the sentence spans below (issue 19)
    # a text without a parse or sentencizer (a blank pipeline) is one sentence
    parsed = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
    sentence_starts = [s.start_char for s in doc.sents] if parsed else [0]
    reference: tuple[str, int] | None = None  # (value, sentence) of the latest date named
    out = []
    for row in rows:
        sentence = bisect_right(sentence_starts, row["start"]) - 1
        shift = row.get("_shift")
        if shift is not None and reference is not None and reference[1] >= sentence - 1 and \
                (shift.whole or shift.unit in ("D", "W")):
            value = shifted_reference(reference[0], shift)
            if value is not None:
                row = {**row, **make_date(value, True).as_dict()}
        if row["type"] in ("DATE", "TIME"):
            reference = (row["value"], sentence)
        out.append(row)
    return out


def names_no_day(row: dict) -> bool:
    """Whether ROW, a clock, was put on a day it does not name: a grammar clock without a day, or a
    model span ("10:30") that dateparser put on the publication day."""
    return bool(row.get("_zoned_clock") or row.get("_bare_clock") or "_reference_day" in row)


def clocks_of_one_moment(text: str, rows: list[dict]) -> list[dict]:
    """ROWS (sorted), with a zoned clock that names no day ("1904 GMT") moved to the day its bracketed
    twin names, or to the day named right after the bracket; the publication day stays otherwise."""
    out = list(rows)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        if not (IN_BRACKETS.fullmatch(text[first["end"]:second["start"]]) and first["type"] == second["type"] == "TIME"):
            continue
        close = AFTER_BRACKETS.match(text, second["end"])
        if close is None:
            continue
        day = None
        nxt = out[i + 2] if i + 2 < len(out) else None
        if nxt is not None and nxt["start"] == close.end() and nxt["type"] == "DATE" and DAY_VALUE.fullmatch(nxt["value"]):
            day = nxt["value"]
        for row in (first, second):
            m = CLOCK_VALUE.match(row["value"])
            if day is None and m and not names_no_day(row):
                day = m[1]
        for j in (i, i + 1):
            m = CLOCK_VALUE.match(out[j]["value"])
            if day and m and names_no_day(out[j]):
                out[j] = {**out[j], **make_date(day + m[2], True, "TIME").as_dict()}
    return out


def weekday_from(reference: str, value: str, rel: str) -> str:
    """"the previous Friday" (REL previous/preceding) or "the following Monday" (REL following): the
    weekday of VALUE (a day) nearest before or after the REFERENCE day (ISO), not the day itself."""
    wd = date.fromisoformat(value).isoweekday()
    # as "next"/"last" <weekday> from the publication day, from the REFERENCE day
    return resolve_weekday(wd, date.fromisoformat(reference), None, "next" if rel == "following" else "last").isoformat()


def compose_neighbours(text: str, rows: list[dict], dct: date | None) -> list[dict]:
    """ROWS (sorted) with each pair of neighbours that make one expression ("09:30 GMT" "Tuesday",
    "the third quarter" "of last year") replaced by one row over both (see timex_compose.compose)."""
    out: list[dict] = []
    for row in rows:
        prev = out[-1] if out else None
        if prev is not None and prev["end"] <= row["start"]:
            tx = compose(prev, row, text[prev["end"]:row["start"]], dct)
            if tx is not None:
                out[-1] = {"start": prev["start"], "end": row["end"], **tx.as_dict()}
                continue
        out.append(row)
    return out


# "quarter-to-quarter", "day-by-day", "year-over-year": a unit joined to a unit by a hyphenated
# preposition, a kind of comparison or pace, not a time (TimeML marks no such compound)
UNIT_JOINER_AFTER = re.compile(r"-(?:to|by|over|on|after)-(\w+)")
UNIT_JOINER_BEFORE = re.compile(r"(\w+)-(?:to|by|over|on|after)-\Z")


def in_unit_compound(text: str, row: dict, units: dict[str, str]) -> bool:
    """Whether ROW is a unit word joined to another unit ("The quarter-to-quarter comparison")."""
    after = UNIT_JOINER_AFTER.match(text, row["end"])
    if after and after[1].lower() in units and text[row["start"]:row["end"]].split()[-1].lower() in units:
        return True
    before = UNIT_JOINER_BEFORE.search(text, max(0, row["start"] - 20), row["start"])
    return bool(before and before[1].lower() in units)


def is_rate(doc: Doc, text: str, row: dict) -> bool:
    """Whether ROW is the "per <unit>" of a rate or a speed ("15 million instructions per second",
    "60 miles per hour"): a quantity over time, which TimeML does not mark as a SET ("meets once per
    week", with a count of times, is one)."""
    if row["type"] != "SET" or text[row["start"]:row["start"] + 4].lower() != "per ":
        return False
    span = doc.char_span(row["start"], row["end"], alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    return before.pos_ in ("NOUN", "PROPN", "NUM", "SYM") or before.like_num


# "a week" / "a year" as one unit, the whole of a row ("four flights a week")
ONE_UNIT = re.compile(r"(?i)an?\s+(?:year|month|week|day|hour)")


def counted_rates_as_sets(doc: Doc, text: str, rows: list[dict]) -> list[dict]:
    """ROWS, each "a <unit>" after a counted plural noun ("four flights a week", "fifty thousand CDs a
    year", "three meals a day") a SET: how often, as the grammar's "$2 million a year" already is,
    not a length ("within a week", "he offered him a week", "the culmination of a week" stay)."""
    out = []
    for row in rows:
        if row["type"] == "DURATION" and ONE_UNIT.fullmatch(text[row["start"]:row["end"]]) \
                and after_counted_noun(doc, row["start"]):
            row = {**row, "type": "SET", "granularity": ""}
        out.append(row)
    return out


def after_counted_noun(doc: Doc, start: int) -> bool:
    """Whether the word before START is a plural noun that a number counts ("700 seats", "four
    flights", "fifty thousand CDs"): a number among its left dependents or just before it."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    noun = doc[span.start - 1]
    if noun.tag_ not in ("NNS", "NNPS"):
        return False
    return any(c.like_num or c.pos_ == "NUM" for c in noun.lefts) or (noun.i > 0 and doc[noun.i - 1].like_num)


# "around Nov. 1", "approximately 3 p.m.": the word that makes a point approximate belongs to the
# expression (TimeML's mod APPROX; lengths take theirs in the grammar: "about three years")
APPROX_BEFORE = re.compile(r"(?i)\b(around|approximately|roughly|circa)\s+\Z")


def with_approximation(doc: Doc, text: str, rows: list[dict], particle_verbs: frozenset[str]) -> list[dict]:
    """ROWS, each point (DATE or TIME) after an approximating word (APPROX_BEFORE) stretched over it;
    not when that word is a verb's particle ("the company turned around Friday": PARTICLE_VERBS)."""
    out = []
    for row in rows:
        m = APPROX_BEFORE.search(text, max(0, row["start"] - 16), row["start"]) if row["type"] in ("DATE", "TIME") else None
        span = doc.char_span(m.start(1), m.end(1)) if m is not None else None
        if span is not None and not is_particle(span[0], particle_verbs):
            row = {**row, "start": m.start(1)}
        out.append(row)
    return out


def is_particle(tok: Token, particle_verbs: frozenset[str]) -> bool:
    """Whether TOK ("around") is the particle of the verb before it ("turned around", "came around")."""
    return tok.dep_ == "prt" or (tok.i > 0 and tok.doc[tok.i - 1].pos_ == "VERB"
                                 and tok.doc[tok.i - 1].lemma_.lower() in particle_verbs)


# What rounds or opens a date's end and belongs to the expression: "the next year or so", "1994 or
# later", "1990 and beyond" (not "in 1984 and later served": there "later" dates the next verb).
OPEN_END = re.compile(r"\s+(?:or\s+so|or\s+later|or\s+earlier|or\s+sooner|and\s+beyond)\b", re.I)


def with_open_ends(text: str, rows: list[dict]) -> list[dict]:
    """ROWS, each followed by an open end (OPEN_END) stretched over it; the value stays."""
    out = []
    for row in rows:
        m = OPEN_END.match(text, row["end"])
        out.append({**row, "end": m.end()} if m else row)
    return out


# "the year ended Sept. 30" stays the duration of a year (as TimeML annotates it): only quarters here
PERIOD_BEFORE_ITS_END = re.compile(r"(?i)(?:the|its|their)\s+(?:fiscal\s+)?quarter")
ENDED = re.compile(r"(?i)\s+(?:ended|ending)\s+")
DAY_VALUE = re.compile(r"(\d{4})-(\d\d)-(\d\d)$")


def nearest_quarter_end(d: date) -> tuple[int, int]:
    """(year, quarter) of the calendar quarter whose last day lies nearest D (a fiscal quarter ended
    July 31 is reported as the second quarter)."""
    ends = [(date(y, m, 30 if m in (6, 9) else 31), y, m // 3) for y in (d.year - 1, d.year) for m in (3, 6, 9, 12)]
    _, y, q = min(ends, key=lambda e: abs((e[0] - d).days))
    return y, q


def date_periods_by_their_end(text: str, rows: list[dict]) -> list[dict]:
    """"the quarter ended July 31": the quarter that closed on that day, the calendar quarter nearest
    its end, whatever the document's latest quarter."""
    out = list(rows)
    for i, row in enumerate(out[:-1]):
        nxt = out[i + 1]
        m = PERIOD_BEFORE_ITS_END.fullmatch(text[row["start"]:row["end"]])
        day = DAY_VALUE.match(str(nxt.get("value", "")))
        if not (m and day and ENDED.fullmatch(text[row["end"]:nxt["start"]])):
            continue
        y, q = nearest_quarter_end(date(int(day[1]), int(day[2]), int(day[3])))
        value = f"{y}-Q{q}"
        rs, re_, gran = calendar_range(value)
        out[i] = {**row, "type": "DATE", "value": value, "range_start": rs, "range_end": re_, "granularity": gran,
                  "relative": True}
    return out


# what joins the two ends of a range of dates ("from Monday to Wednesday", "May 3 through May 9",
# "between Monday and Wednesday": "and" only after "between")
RANGE_JOINER = re.compile(r"\s*(?:to|through|thru|until|till|-|\u2013)\s*", re.I)
RANGE_AND = re.compile(r"\s+and\s+", re.I)
BETWEEN_BEFORE = re.compile(r"\bbetween\s+\Z", re.I)
# the grammar's patterns of a day or month named without its year or week, and the step that
# moves their reading to the next such day or month: a week for a weekday, a year for the others
RECURRING_PATTERNS = {"weekday_part": "W", "month_day": "Y", "day_month": "Y", "month_day_word": "Y",
                      "day_word_of_month": "Y", "month": "Y", "edge_month": "Y"}
RECURRING_VALUE = re.compile(r"(\d{4})-(\d\d)(?:-(\d\d))?")


def joins_a_range(text: str, first: dict, second: dict) -> bool:
    """Whether FIRST and SECOND (rows in text order) are the two ends of one range of dates."""
    gap = text[first["end"]:second["start"]]
    if RANGE_JOINER.fullmatch(gap):
        return True
    return bool(RANGE_AND.fullmatch(gap) and BETWEEN_BEFORE.search(text, max(0, first["start"] - 10), first["start"]))


def next_occurrence(value: str, step: str) -> str:
    """VALUE (a day or a month) moved on by STEP ("W": a week, "Y": a year)."""
    m = RECURRING_VALUE.fullmatch(value)
    if step == "W":
        return (date.fromisoformat(value) + timedelta(weeks=1)).isoformat()
    y, mo, d = int(m[1]) + 1, int(m[2]), m[3]
    if d is None:
        return f"{y}-{mo:02d}"
    return date(y, mo, min(int(d), calendar.monthrange(y, mo)[1])).isoformat()


def range_ends_after_their_starts(text: str, rows: list[dict]) -> list[dict]:
    """ROWS (sorted) with the end of a range ("from Monday to Wednesday") that was read before its start
    moved on to the next such day or month: a range runs forward, and its start carries the clause's
    tense (the end hangs from the start in the parse, far from the verb)."""
    out = list(rows)
    for i in range(1, len(out)):
        first, second = out[i - 1], out[i]
        step = RECURRING_PATTERNS.get(second.get("_pattern"))
        if step is None or RECURRING_PATTERNS.get(first.get("_pattern")) != step:
            continue
        if not (first.get("relative") and second.get("relative") and joins_a_range(text, first, second)):
            continue
        a, b = str(first["value"]), str(second["value"])
        if not (RECURRING_VALUE.fullmatch(a) and RECURRING_VALUE.fullmatch(b) and len(a) == len(b)) or b >= a:
            continue
        value = next_occurrence(b, step)
        rs, re_, gran = calendar_range(value)
        out[i] = {**second, "value": value, "range_start": rs, "range_end": re_, "granularity": gran}
    return out


def trim_entity(ent: Span, particle_verbs: frozenset[str] = frozenset()) -> Span | None:
    """ENT without a leading preposition, a verb's particle ("turned around Friday", see
    is_particle) and a trailing possessive ("on June 10" -> "June 10")."""
    start, end = ent.start, ent.end
    # "just months ago", "only six months": TimeML leaves such focus adverbs out of the expression
    while start < end and (ent.doc[start].pos_ in ("ADP", "PUNCT", "CCONJ") or ent.doc[start].lower_ in ("just", "only")
                           or is_particle(ent.doc[start], particle_verbs)):
        start += 1
    # a trailing conjunction belongs to what follows: "the 50s and" is the 50s
    while end > start and (ent.doc[end - 1].tag_ == "POS" or ent.doc[end - 1].is_punct
                           or ent.doc[end - 1].pos_ == "CCONJ"):
        end -= 1
    return ent.doc[start:end] if end > start else None


@Language.factory(
    "news_dates",
    assigns=["doc._.dates"],
    default_config={"lexicon_path": GRAMMAR_FILES[0], "patterns_path": GRAMMAR_FILES[1],
                    "numbers_path": GRAMMAR_FILES[2], "use_entities": True, "use_dateparser": True,
                    "keep_unnormalized": True, "part_of_day_time": False,
                    "kept_shapes": list(DEFAULT_KEPT_SHAPES)},
)
def make_news_dates(nlp: Language, name: str, lexicon_path: str, patterns_path: str, numbers_path: str,
                    use_entities: bool, use_dateparser: bool, keep_unnormalized: bool,
                    part_of_day_time: bool, kept_shapes: list[str]) -> NewsDates:
    """The dates component: the grammar's files relative to models/ (or to the folder to_disk wrote);
    use_entities adds the model's DATE/TIME entities the grammar missed, use_dateparser normalises them;
    keep_unnormalized keeps those neither reads, with a partial value ("the whole month" P1M, "the
    week" 2013-WXX), of the kept_shapes only (timex_compose.KEPT_SHAPES); part_of_day_time types
    "Monday morning" TIME 2013-03-18TMO (else DATE 2013-03-18)."""
    return NewsDates(name, lexicon_path=lexicon_path, patterns_path=patterns_path, numbers_path=numbers_path,
                     use_entities=use_entities, use_dateparser=use_dateparser,
                     keep_unnormalized=keep_unnormalized, part_of_day_time=part_of_day_time,
                     kept_shapes=kept_shapes)
