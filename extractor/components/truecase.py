"""The truecase component: the model's entities on ALL-CAPS headlines and datelines, read again from a
copy of those lines in ordinary case ("TENNIS - SELES WINS IN ROME" -> "Tennis - Seles wins in Rome").

The model was trained on text in ordinary case and finds little in capitals. Case changes keep every
character's offset, so the entities of the copy map back onto the original text exactly; the Doc's
text is never changed."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy
import spacy
from spacy.attrs import ENT_IOB, ENT_TYPE, IS_UPPER, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from ..normalize.gazetteer import default_gazetteer, place_candidates
from . import base
from .organizations import has_result, is_country_or_demonym, results_table_names, sports_club_spans
from .organizations import is_known_place as is_known_place_name
from .places import SPORTS_CLUB

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# A dateline: capitals at the start of a line before a colon, a comma, a parenthesis or a dash
# ("KABUL:", "WASHINGTON (AP) -").
DATELINE = re.compile(r"^[ \t]*([A-Z][A-Z.'’ -]{2,40}?)(?=[ \t]*(?:[:,(]|--|[-—–] ))", re.MULTILINE)


# The words before the first dash of a wire headline ("SOCCER - ", "MOTOR RACING - ").
HEADLINE_TOPIC = re.compile(r"^[ \t]*([A-Z][A-Z ]{1,30}?)[ \t]+[-—–][ \t]")


# Where a capitals word can be: every word that caps_regions needs (three characters or more, no
# lower-case letter) starts with two letters that are not a-z, or with one and an apostrophe. A text
# without this pattern has no region, and is spared the line by line reading.
CAPS_WORD_START = re.compile(r"[^\W\d_a-z](?:[^\W\d_a-z]|['’][^\W\d_a-z])")


ASCII_LOWER = re.compile(r"[a-z]")


def is_all_caps_line(line: str) -> bool:
    """Whether LINE is a headline in capitals: two or more words of letters, every one upper case."""
    if ASCII_LOWER.search(line):
        return False  # the same answer, without splitting the many ordinary lines into words
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


# A town this large before a name in capitals is a press credit's ("Magadan Radio", "Paris AFP");
# a city this large by one of its other names too ("Kiev", "Madras").
CREDIT_TOWN = 50_000
CREDIT_CITY_BY_OTHER_NAME = 1_000_000


def is_credit_town(gazetteer, place, name: str) -> bool:
    """Whether PLACE, found for NAME, is a town large enough to date a press credit."""
    return place.population >= CREDIT_CITY_BY_OTHER_NAME or \
        (place.population >= CREDIT_TOWN and gazetteer.is_own_name(place, name))


def is_caps_token(tok) -> bool:
    """Whether TOK is a word in capitals ("INTERFAX", "AL") or a hyphen glued inside one ("ITAR-TASS")."""
    if tok.text in {"-", "&"}:
        return not tok.whitespace_ and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_
    return tok.text.isupper() and tok.text.replace("-", "").replace("'", "").isalpha()


def caps_name_runs(doc: Doc, not_names: frozenset[str], upper=None) -> list[tuple[int, int]]:
    """Token ranges of words in capitals on one line, three letters or more, that are no single known
    place, country or nationality ("USA", "ROME") and no time zone or other word of NOT_NAMES.
    UPPER: the doc's IS_UPPER array, when the caller has read it."""
    runs, n, j = [], len(doc), 0
    if n and upper is None:
        upper = doc.to_array(IS_UPPER)
    # Only the words in capitals start a run: one array scan instead of a Token object per word.
    for i in numpy.flatnonzero(upper).tolist() if n else []:
        if i < j or not is_caps_token(doc[i]):
            continue
        j = i + 1
        while j < n and is_caps_token(doc[j]) and "\n" not in doc[j - 1].whitespace_:
            j += 1
        while doc[j - 1].text in {"-", "&"}:
            j -= 1
        words = [t.text for t in doc[i:j] if t.text not in {"-", "&"}]
        if sum(len(w) for w in words) >= 3 and not (len(words) == 1 and (words[0] in not_names
                                                                       or is_known_place(words[0]))):
            runs.append((i, j))
    return runs


# The broadcaster words a station's own name ends in after a credit's town ("London Kanal-6 Television").
STATION_ENDS = frozenset({"Radio", "Television", "TV", "Network"})


# Token.ent_iob codes in the doc's ENT_IOB array.
IOB_INSIDE, IOB_BEGIN = 1, 3
# The columns of the arrays _read_caps_names reads: caps_name_runs needs the first, holds_org_piece the others.
CAPS_NAME_ATTRS = [IS_UPPER, ENT_IOB, ENT_TYPE]
ORG_ID = get_string_id("ORG")  # a spaCy symbol: its id as ENT_TYPE arrays hold it


def holds_org_piece(tags, org_id: int, start: int, end: int) -> bool:
    """Whether an ORG entity of the model (ORG_ID: the label's id) lies inside tokens [start, end)
    and is not all of them, read from TAGS, the doc's to_array(CAPS_NAME_ATTRS): no Token or Span
    object, and only the run's rows (and the one after it, to see an entity run on) are read."""
    stop = min(end + 1, len(tags))
    iob, types = tags[start:stop, 1].tolist(), tags[start:stop, 2].tolist()
    width = end - start
    for k in range(width):
        if iob[k] == IOB_BEGIN and types[k] == org_id:
            e = k + 1
            while e < len(iob) and iob[e] == IOB_INSIDE:
                e += 1
            if e <= width and (k, e) != (0, width):
                return True
    return False


def town_before(doc: Doc, start: int) -> int | None:
    """The first token of a town or country written in ordinary case right before token START on the
    same line ("Panama City ACAN", "The Hague ANP"), or None."""
    if start == 0 or not (doc[start - 1].is_title and doc[start - 1].is_alpha):
        return None  # most words in capitals follow no capitalised word: spare the lookups
    gazetteer = default_gazetteer()
    for k in range(max(0, start - 3), start):
        words = doc[k:start]
        if not all(t.is_title and t.is_alpha for t in words) or any("\n" in t.whitespace_ for t in words):
            continue
        name = words.text
        if gazetteer.country_lookup(name) or any(is_credit_town(gazetteer, p, name)
                                                 for p in gazetteer.place_candidates(name)):
            return k
    return None


@lru_cache(maxsize=4096)
def is_known_place(word: str) -> bool:
    """Whether WORD (any case: "ROME", "Rome") names a country, a nationality or a large place in
    the gazetteer (organizations.is_known_place, on the word written as a name)."""
    return is_known_place_name(word[0] + word[1:].lower())


class NewsTruecase(base.RuleDataComponent):
    """Replaces the model's entities inside ALL-CAPS headlines and datelines with those it finds in a
    truecased copy of them. Placed right after the model's ner, before the news components."""

    def __init__(self, nlp: Language, name: str, small_words_path: str, sports_path: str,
                 caps_names_path: str = "truecase/caps_names.json",
                 institution_heads_path: str = "organizations/institution_heads.json",
                 ground_names_as_places: bool = False):
        self.nlp = nlp
        # Off by default: the geoparsing sets (TR-News, GeoWebNews, GeoVirus) tag the toponym inside
        # "Adair County Regional Jail", not the facility, and their exact F1 and median error fall
        # when the facility becomes the place row; CoNLL04 counts such names as locations.
        self.ground_names_as_places = ground_names_as_places
        self.name = name
        self.small_words_path = small_words_path
        self.sports_path = sports_path
        self.caps_names_path = caps_names_path
        self.institution_heads_path = institution_heads_path
        self.place_heads: frozenset[str] = frozenset()
        self.small_words: frozenset[str] = frozenset()
        self.caps_not_names: frozenset[str] = frozenset()
        self.broadcaster_words: frozenset[str] = frozenset()
        self.broadcaster_ids: frozenset[int] = frozenset()
        self.result_verbs: frozenset[str] = frozenset()
        self.fixture_words: frozenset[str] = frozenset()
        self.club_word_texts: frozenset[str] = frozenset()
        self.national_sides: frozenset[str] = frozenset()
        self.headline_topics: frozenset[str] = frozenset()

    def data_files(self) -> tuple[str, ...]:
        return (self.small_words_path, self.sports_path, self.caps_names_path, self.institution_heads_path)

    def load_data(self, root: Path) -> None:
        self.small_words = frozenset(base.read_json(root / self.small_words_path)["words"])
        caps_names = base.read_json(root / self.caps_names_path)
        self.caps_not_names = frozenset(caps_names["not_names"])
        self.broadcaster_words = frozenset(caps_names["broadcaster_words"])
        self.broadcaster_ids = frozenset(get_string_id(w) for w in self.broadcaster_words)
        sports = base.read_json(root / self.sports_path)
        self.result_verbs = frozenset(w.lower() for w in sports["result_verbs"])
        self.fixture_words = frozenset(w.lower() for w in sports["fixture_words"])
        self.club_word_texts = frozenset(sports["club_words"])
        self.national_sides = frozenset(sports["national_sides"])
        self.headline_topics = frozenset(caps_names["headline_topics"])
        self.place_heads = frozenset(base.read_json(root / self.institution_heads_path)["place_heads"])

    def __call__(self, doc: Doc) -> Doc:
        self.require_data()
        # doc.text is rebuilt from every token at each access: read it once (the caps lines do not
        # change it, only the entities).
        text = base.doc_text(doc)
        if not self._ner_runs() or not text:
            return doc
        regions = self._read_caps_lines(doc, text)
        self._read_caps_names(doc, text, regions)
        self._relabel_sports_clubs(doc, text)
        if self.ground_names_as_places:
            self._relabel_grounds(doc)
        return doc

    def _ner_runs(self) -> bool:
        """self.nlp.has_pipe("ner"), read off the pipeline's own list: has_pipe builds the lists of
        every enabled component's name at each call, for every doc (0.3% of a run of one-sentence
        texts, issue 19)."""
        nlp = self.nlp
        return "ner" not in nlp._disabled and any(name == "ner" for name, _ in nlp._components)

    def _relabel_grounds(self, doc: Doc) -> None:
        """An ORG entity of several words whose last word names a piece of ground ("Ocala National Forest",
        "Rocky Flats Plant", "Soledad Prison") becomes a facility, for the places component to read:
        such names are places, not organisations."""
        heads = self.place_heads
        if not any(e.label_ == "ORG" and len(e) > 1 and e[-1].lower_ in heads for e in doc.ents):
            return
        doc.ents = [Span(doc, e.start, e.end, label="FAC") if e.label_ == "ORG" and len(e) > 1
                    and e[-1].lower_ in heads and e.kb_id_ != SPORTS_CLUB else e for e in doc.ents]

    def _relabel_sports_clubs(self, doc: Doc, text: str) -> None:
        """A city's name that stands for its club in sports results becomes an ORG before the places
        component sees it ("Liverpool beat Leeds 2-1"), and so do the teams of results lines and
        league tables and the names that end in a club's word ("Leeds United"); countries stay places
        (national teams)."""
        clubs = set(sports_club_spans(doc, self.result_verbs, self.fixture_words, is_known_place,
                                      self.is_national_side, text))
        changes = [Span(doc, s, e, label="ORG", kb_id=SPORTS_CLUB) for s, e in clubs]
        if has_result(text):  # the model calls a national team ORG ("England beat Pakistan"): a place
            changes += [Span(doc, e.start, e.end, label="GPE") for e in doc.ents
                        if e.label_ == "ORG" and self.is_national_side(e.text)]
        changes += self._results_table_teams(doc, text)
        if any(w in text for w in self.club_word_texts):  # a C-level search spares most docs the scan
            changes += [Span(doc, e.start, e.end, label="ORG", kb_id=SPORTS_CLUB) for e in doc.ents
                        if e.label_ in {"PERSON", "GPE", "ORG", "NORP"} and len(e) > 1
                        and e[-1].text in self.club_word_texts and e[0].text[:1].isupper()
                        and not is_known_place(e.text)]
        if not changes:
            return
        changes = spacy.util.filter_spans(changes)
        doc.ents = [e for e in doc.ents if not any(e.start < c.end and c.start < e.end for c in changes)] + changes

    def is_national_side(self, name: str) -> bool:
        """Whether NAME (any case) is a country, a nationality or another national side ("England")."""
        cased = " ".join(w[:1] + w[1:].lower() for w in name.split()) if name.isupper() else name
        return is_country_or_demonym(cased) or cased in self.national_sides

    def _results_table_teams(self, doc: Doc, text: str) -> list[Span]:
        """The teams of results lines and league tables (results_table_names): clubs, or places where
        they are countries (national teams). A name the model read as a person's full name stays a
        person's on a table (golfers' scores), and a table of decimals holds only names the model or
        the gazetteer knows ("Boston 45 20 .692", not "Inflation 2.1 2.3 2.5")."""
        out = []
        for start, end, whole in results_table_names(text):
            span = doc.char_span(start, end)
            if span is None:
                continue
            model = [e for e in doc.ents if e.start < span.end and span.start < e.end]
            if any(e.label_ == "PERSON" and len(e) > 1 for e in model):
                continue
            if self.is_national_side(span.text):
                if not model:
                    out.append(Span(doc, span.start, span.end, label="GPE"))
                continue
            if whole or model or is_known_place(span.text):
                out.append(Span(doc, span.start, span.end, label="ORG", kb_id=SPORTS_CLUB))
        return out

    def _read_caps_lines(self, doc: Doc, text: str) -> None:
        """The model's entities on ALL-CAPS lines replaced by those of a truecased copy (TEXT: doc.text);
        returns those lines' char ranges."""
        regions = caps_regions(text)
        if not regions:
            return regions
        forms = cased_forms(text, regions)
        ner = self.nlp.get_pipe("ner")
        kept = [e for e in doc.ents if not any(e.start_char < r_end and r_start < e.end_char
                                               for r_start, r_end in regions)]
        found: list[Span] = []
        for r_start, r_end in regions:
            copy = ner(self.nlp.make_doc(truecase(text[r_start:r_end], forms, self.small_words)))
            topic_end = self._topic_end(text[r_start:r_end])
            for ent in copy.ents:
                # "SOCCER -", "TENNIS -": the headline's subject is no name, and an entity the model ran
                # from it over the dash starts after it ("Cricket - England" -> "England")
                start = ent.start_char if ent.start_char >= topic_end else next(
                    (t.idx for t in ent if t.idx > topic_end and t.is_alpha), ent.end_char)
                span = doc.char_span(r_start + start, r_start + ent.end_char, label=ent.label_,
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
        return regions

    def _topic_end(self, line: str) -> int:
        """Where the subject a wire headline names before its dash ends ("SOCCER - LEEDS HOLD ..." -> 6),
        or 0 when the words before the first dash are no such subject."""
        m = HEADLINE_TOPIC.match(line)
        return m.end(1) if m and " ".join(m.group(1).lower().split()) in self.headline_topics else 0

    def _read_caps_names(self, doc: Doc, text: str, regions: list[tuple[int, int]]) -> None:
        """A name in capitals inside an ordinary line is one name, an organisation's: after a town it
        is a press credit, the town a place of its own ("Moscow INTERFAX in English", "Beijing CHINA
        DAILY"); a piece of it the model marked grows to the whole run ("YOMIURI SHIMBUN")."""
        changes = []
        # One array read serves the runs and the test of the entities inside them.
        tags = doc.to_array(CAPS_NAME_ATTRS) if len(doc) and CAPS_WORD_START.search(text) else None
        runs = caps_name_runs(doc, self.caps_not_names, tags[:, 0]) if tags is not None else []
        for start, end in runs:
            if any(doc[start].idx < r_end and r_start < doc[end - 1].idx + len(doc[end - 1])
                   for r_start, r_end in regions):
                continue  # a headline in capitals is read by _read_caps_lines
            town = town_before(doc, start)
            if town is not None:
                changes += [Span(doc, town, start, label="GPE"), Span(doc, start, end, label="ORG")]
            elif holds_org_piece(tags, ORG_ID, start, end):
                changes.append(Span(doc, start, end, label="ORG"))
        if any(w in text for w in self.broadcaster_words):  # a C-level search spares most docs the scan
            changes += self._towns_before_broadcasters(doc, changes)
        if changes:
            doc.ents = [e for e in doc.ents if not any(e.start < c.end and c.start < e.end for c in changes)] + changes

    def _town_before_station_name(self, doc: Doc, start: int, last: int) -> list[Span]:
        """An entity that runs a credit's town into a station's own name ending in a broadcaster word
        ("London Kanal-6 Television", "Prague Radiozurnal Radio Network"): the town, and the station.
        START: the entity's first token; LAST: its last, a broadcaster word."""
        words = self.broadcaster_words
        for j in range(min(start + 3, last - 1), start, -1):
            if town_before(doc, j) == start and not all(t.text in words for t in doc[j:last]) \
                    and doc[j].text[:1].isupper() and doc[j].text not in words \
                    and not place_candidates(doc[start:j + 1].text):  # "San | Gabriel River Channel" is one name
                return [Span(doc, start, j, label="GPE"), Span(doc, j, last + 1, label="ORG")]
        return []

    def _towns_before_broadcasters(self, doc: Doc, changes: list[Span]) -> list[Span]:
        """An entity that runs a town into a broadcaster's own name is the credit's town and the
        broadcaster ("Havana Radio Reloj Network", "Beirut Radio Lebanon"); a town's own station
        ("Tehran Radio", "Moscow Radio Network") stays whole."""
        out, settled = [], -1
        words = self.broadcaster_words
        for k in base.token_indices(doc.to_array(ORTH).tolist(), self.broadcaster_ids) if len(doc) else []:
            if k <= settled or doc[k].ent_iob_ != "I" or doc[k].ent_type_ not in {"ORG", "PERSON", "GPE"}:
                continue
            start, end = k, k + 1
            while doc[start].ent_iob_ == "I":
                start -= 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            if any(c.start < end and start < c.end for c in changes):
                settled = end
                continue
            if k == end - 1 and k > start + 1 and doc[k].text in STATION_ENDS:
                out += self._town_before_station_name(doc, start, k)
                settled = end
                continue
            if k > min(end - 2, start + 3):
                continue
            rest = doc[k + 1:end]
            if rest[0].is_title and not all(t.text in words for t in rest):
                settled = end  # the entity's first broadcaster word with a name after it decides
                town = town_before(doc, k)
                if town == start and not default_gazetteer().country_lookup(doc[town:k].text):
                    out += [Span(doc, town, k, label="GPE"), Span(doc, k, end, label="ORG")]
        return out


@Language.factory("news_truecase", assigns=["doc.ents"],
                  default_config={"small_words_path": "truecase/small_words.json",
                                  "sports_path": "organizations/sports.json",
                                  "caps_names_path": "truecase/caps_names.json",
                                  "institution_heads_path": "organizations/institution_heads.json",
                                  "ground_names_as_places": False})
def make_news_truecase(nlp: Language, name: str, small_words_path: str, sports_path: str,
                       caps_names_path: str, institution_heads_path: str,
                       ground_names_as_places: bool) -> NewsTruecase:
    return NewsTruecase(nlp, name, small_words_path, sports_path, caps_names_path, institution_heads_path,
                        ground_names_as_places)
