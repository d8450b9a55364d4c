"""The truecase component: the model's entities on ALL-CAPS headlines and datelines, read again from a
copy of those lines in ordinary case ("TENNIS - SELES WINS IN ROME" -> "Tennis - Seles wins in Rome").

The model was trained on text in ordinary case and finds little in capitals. Case changes keep every
character's offset, so the entities of the copy map back onto the original text exactly; the Doc's
text is never changed."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..normalize.gazetteer import place_candidates
from . import base
from .organizations import is_country_or_demonym, sports_club_spans
from .places import SPORTS_CLUB

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# A dateline: capitals at the start of a line before a colon, a comma, a parenthesis or a dash
# ("KABUL:", "WASHINGTON (AP) -").
DATELINE = re.compile(r"^[ \t]*([A-Z][A-Z.'’ -]{2,40}?)(?=[ \t]*(?:[:,(]|--|[-—–] ))", re.MULTILINE)


# Where a capitals word can be: every word that caps_regions needs (three characters or more, no
# lower-case letter) starts with two letters that are not a-z, or with one and an apostrophe. A text
# without this pattern has no region, and is spared the line by line reading.
CAPS_WORD_START = re.compile(r"[^\W\d_a-z](?:[^\W\d_a-z]|['’][^\W\d_a-z])")


def is_all_caps_line(line: str) -> bool:
    """Whether LINE is a headline in capitals: two or more words of letters, every one upper case."""
    words = WORD.findall(line)
    return len(words) >= 2 and sum(len(w) >= 3 for w in words) >= 1 and all(w.isupper() for w in words)


def is_caps_words(text: str) -> bool:
    """Whether TEXT's words are all in capitals and one has three letters or more ("KABUL", "NEW YORK")."""
    words = WORD.findall(text)
    return any(len(w) >= 3 for w in words) and all(w.isupper() for w in words)


def caps_regions(text: str) -> list[tuple[int, int]]:
    """Char ranges of TEXT in capitals the model should read in ordinary case: whole ALL-CAPS lines,
    and datelines at the start of an ordinary line."""
    if CAPS_WORD_START.search(text) is None:
        return []
    regions, pos = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if is_all_caps_line(body):
            regions.append((pos, pos + len(body)))
        else:
            m = DATELINE.match(body)
            if m and is_caps_words(m.group(1)):
                regions.append((pos + m.start(1), pos + m.end(1)))
        pos += len(line)
    return regions


def cased_forms(text: str, regions: list[tuple[int, int]]) -> dict[str, str]:
    """How the article writes each word outside the capitals, by its lower-case form: "Seles" where it
    is only ever capitalised, "wins" where it is ever written in lower case."""
    forms: dict[str, str] = {}
    outside, last = [], 0
    for start, end in regions:
        outside.append(text[last:start])
        last = end
    outside.append(text[last:])
    for chunk in outside:
        for m in WORD.finditer(chunk):
            w = m.group(0)
            if w.isupper() and len(w) > 1:
                continue
            key = w.lower()
            if w.islower():
                forms[key] = key
            elif key not in forms:
                forms[key] = w
    return forms


def truecase(span_text: str, forms: dict[str, str], small_words: frozenset[str]) -> str:
    """SPAN_TEXT (in capitals) in ordinary case, of the same length: each word as the article writes it
    elsewhere; else kept capitals for short acronyms ("US", "UN"), a capital initial for countries,
    nationalities and large places ("ROME"), and lower case for the rest: the other names of a headline
    come back in its article, its verbs and nouns need not. The first word takes a capital initial."""
    out, last, first = [], 0, True
    for m in WORD.finditer(span_text):
        w = m.group(0)
        key = w.lower()
        if key in forms:
            cased = forms[key]
        elif key in small_words:
            cased = key
        elif len(w) <= 3:
            cased = w
        elif is_known_place(w):
            cased = w[0] + w[1:].lower()
        else:
            cased = key
        if first and cased.islower():
            cased = cased[0].upper() + cased[1:]
        if len(cased) != len(w):
            cased = w  # a case mapping that changes length ("ß") would shift the offsets
        out.append(span_text[last:m.start()])
        out.append(cased)
        last, first = m.end(), False
    out.append(span_text[last:])
    return "".join(out)


# A place this large is a name in any headline ("ROME", "KABUL"); smaller gazetteer entries share
# their spelling with ordinary words too often.
LARGE_PLACE = 100_000


@lru_cache(maxsize=4096)
def is_known_place(word: str) -> bool:
    """Whether WORD (any case) names a country, a nationality or a large place in the gazetteer."""
    name = word[0] + word[1:].lower()
    if is_country_or_demonym(name):
        return True
    return any(p.population >= LARGE_PLACE for p in place_candidates(name))


class NewsTruecase(base.RuleDataComponent):
    """Replaces the model's entities inside ALL-CAPS headlines and datelines with those it finds in a
    truecased copy of them. Placed right after the model's ner, before the news components."""

    def __init__(self, nlp: Language, name: str, small_words_path: str, sports_path: str):
        self.nlp = nlp
        self.name = name
        self.small_words_path = small_words_path
        self.sports_path = sports_path
        self.small_words: frozenset[str] = frozenset()
        self.result_verbs: frozenset[str] = frozenset()
        self.fixture_words: frozenset[str] = frozenset()

    def data_files(self) -> tuple[str, ...]:
        return (self.small_words_path, self.sports_path)

    def load_data(self, root: Path) -> None:
        self.small_words = frozenset(base.read_json(root / self.small_words_path)["words"])
        sports = base.read_json(root / self.sports_path)
        self.result_verbs = frozenset(w.lower() for w in sports["result_verbs"])
        self.fixture_words = frozenset(w.lower() for w in sports["fixture_words"])

    def __call__(self, doc: Doc) -> Doc:
        self.require_data()
        # doc.text is rebuilt from every token at each access: read it once (the caps lines do not
        # change it, only the entities).
        text = doc.text
        if not self.nlp.has_pipe("ner") or not text:
            return doc
        self._read_caps_lines(doc, text)
        self._relabel_sports_clubs(doc, text)
        return doc

    def _relabel_sports_clubs(self, doc: Doc, text: str) -> None:
        """A city's name that stands for its club in sports results becomes an ORG before the places
        component sees it ("Liverpool beat Leeds 2-1"); countries stay places (national teams)."""
        clubs = set(sports_club_spans(doc, self.result_verbs, self.fixture_words, is_known_place,
                                      is_country_or_demonym, text))
        if not clubs:
            return
        out = []
        for ent in doc.ents:
            club = next(((s, e) for s, e in clubs if ent.start == s and e <= ent.end), None)
            out.append(Span(doc, club[0], club[1], label="ORG", kb_id=SPORTS_CLUB) if club else ent)
        doc.ents = out

    def _read_caps_lines(self, doc: Doc, text: str) -> None:
        """The model's entities on ALL-CAPS lines replaced by those of a truecased copy (TEXT: doc.text)."""
        regions = caps_regions(text)
        if not regions:
            return
        forms = cased_forms(text, regions)
        ner = self.nlp.get_pipe("ner")
        kept = [e for e in doc.ents if not any(e.start_char < r_end and r_start < e.end_char
                                               for r_start, r_end in regions)]
        found: list[Span] = []
        for r_start, r_end in regions:
            copy = ner(self.nlp.make_doc(truecase(text[r_start:r_end], forms, self.small_words)))
            for ent in copy.ents:
                span = doc.char_span(r_start + ent.start_char, r_start + ent.end_char, label=ent.label_,
                                     alignment_mode="contract")
                if span is not None and len(span):
                    found.append(span)
        spans = sorted(kept + found, key=lambda s: (s.start, -s.end))
        out, end = [], -1
        for span in spans:  # the line's tokens may split differently: keep no overlaps
            if span.start >= end:
                out.append(span)
                end = span.end
        doc.ents = out


@Language.factory("news_truecase", assigns=["doc.ents"],
                  default_config={"small_words_path": "truecase/small_words.json",
                                  "sports_path": "organizations/sports.json"})
def make_news_truecase(nlp: Language, name: str, small_words_path: str, sports_path: str) -> NewsTruecase:
    return NewsTruecase(nlp, name, small_words_path, sports_path)
