"""The people component: person mentions linked to their fullest name, and officials (a named person with a title)."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from ..normalize.gazetteer import default_gazetteer
from ..normalize.titles import DETERMINERS, JOINERS, TitleLexicon, clean_title, link_name, resolve_affiliation
from . import base
from .organizations import is_country_or_demonym

# Entity labels that can be an affiliation written before or after a title.
AFFILIATION_LABELS = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC"})
# Entity labels of capitalised words that name no body: "18 January Senator Osny Eugene".
NOT_BODIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# The tagger's labels that a person's name takes when it is misread: an ORG, or a place that no
# gazetteer holds (the places table keeps the places it knows: "Albrecht, 54," is no town).
NAMES_READ_AS_PEOPLE = frozenset({"ORG", "GPE", "LOC"})
# Kinds of places rows named like people ("Kennedy", Colombia): a person's context outweighs them.
TOWN_KINDS = frozenset({"city", "other"})
# The tagger's labels that a person's context outweighs ("Sturholm had resigned" as NORP, "shot
# Mendes" as PRODUCT); a demonym stays out through _is_person_name.
CONTEXT_OVERRIDES_LABELS = frozenset({"", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT"})
# The tagger's labels of things and bodies: a capitalised run it reads, whole, as one of them is no
# holder's name after a title word used as a common noun ("the pilot Harbor Lights", a programme).
THING_LABELS = frozenset({"ORG", "WORK_OF_ART", "PRODUCT", "FAC", "EVENT", "LAW"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# The words after a name that introduce the organisation a person serves ("Jane Doe of/with/at the ...").
EMPLOYER_PREPOSITIONS = frozenset({"of", "with", "at"})
# Tokens that a person's name may contain besides capitalised words ("Timothy D. Cook", "O'Reilly").
NAME_PARTICLES = frozenset({"de", "da", "van", "von", "der", "den", "bin", "al", "el", "la", "le", "du",
                            "di", "ibn", "arap", "dos", "das", "del", "y", "-", "'", "jr", "jr.", "sr", "sr."})
ROMAN = re.compile(r"[IVX]+")
COMMA_ID = get_string_id(",")
BY_ID = get_string_id("By")
ITS_ID = get_string_id("its")


class CharSpans:
    """Char ranges (the places table's rows) with an overlap test by bisection: a name is tested
    against every place of its article many times, and most articles have dozens of places."""

    def __init__(self, spans=()):
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        # the furthest end among the spans up to each one: a span starting before END reaches past
        # START exactly when the furthest end of those spans does
        self.reach, furthest = [], -1
        for _, e in spans:
            furthest = max(furthest, e)
            self.reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span overlaps chars [start, end)."""
        k = bisect_left(self.starts, end)
        return k > 0 and self.reach[k - 1] > start


class _MentionSet:
    """Person mentions found so far in one doc; a token belongs to at most one mention."""

    def __init__(self, n_tokens: int):
        self.taken = [False] * n_tokens
        self.mentions: list[Mention] = []

    def add(self, start: int, end: int, source: str) -> None:
        if start < end and not any(self.taken[start:end]):
            for i in range(start, end):
                self.taken[i] = True
            self.mentions.append(Mention(start, end, source))

    def extend_ending_at(self, start: int, end: int) -> bool:
        """Carry the mention that ends at token START on to END (a surname the tagger split off:
        "John Wilkes | Booth"); False when no mention ends there or a token is taken."""
        if any(self.taken[start:end]):
            return False
        for m in self.mentions:
            if m.end == start:
                for i in range(start, end):
                    self.taken[i] = True
                m.end = end
                return True
        return False

    def in_order(self) -> list[Mention]:
        return sorted(self.mentions, key=lambda m: m.start)


@dataclass
class Mention:
    """A person mention: a token span of the name as written, with what anchored it."""
    start: int
    end: int
    source: str  # ner, title, honorific, byline, surname
    name: tuple[str, ...] = ()
    display: str = ""  # the fullest name as written, spaces normalised
    title: str | None = None


@dataclass(frozen=True)
class PeopleRules:
    """The people component's lexicons and title matcher, built once from models/ (see load_data)."""
    lex: TitleLexicon
    nonperson_names: frozenset[str]
    tail_words: frozenset[str]
    nonperson_tokens: frozenset[str]
    lead_words: frozenset[str]
    platform_nouns: frozenset[str]
    first_names: frozenset[str]
    corporate_words: frozenset[str]
    organisation_nouns: frozenset[str]
    ownership_verbs: frozenset[str]
    # Copulas that link a name to its title ("is", "has been", "serves as"): the first word, and
    # the word that must follow it when the copula has two ("has" -> {"been"}).
    copula_starts: frozenset[str]
    copula_seconds: dict[str, frozenset[str]]
    matcher: Matcher
    honorific_ids: frozenset[int] = frozenset()  # string ids of lex.honorifics, for array scans
    # Contexts only a person is named in (models/people/person_contexts.json).
    violence_verbs: frozenset[str] = frozenset()
    event_nouns: frozenset[str] = frozenset()
    kin_nouns: frozenset[str] = frozenset()
    person_object_verbs: frozenset[str] = frozenset()
    person_subject_verbs: frozenset[str] = frozenset()
    # Lemmas of reporting verbs and the common US surnames (models/people/surnames_us.json): a lone
    # surname as their subject is a person unless the article gives organisation evidence.
    reporting_verbs: frozenset[str] = frozenset()
    # Lemmas of the verbs that put a person in a post ("was named president") and nouns of people
    # ("a man called Raoul"), see _has_person_role_evidence.
    post_verbs: frozenset[str] = frozenset()
    person_nouns: frozenset[str] = frozenset()
    surnames: frozenset[str] = frozenset()
    # Forms of address a people row's span keeps before the name ("Mrs. Rose"), lower case.
    courtesy_titles: frozenset[str] = frozenset()
    # Lemmas of the verbs of a "who" clause that say whom a person works for ("who covers ... for").
    work_verbs: frozenset[str] = frozenset()
    # Lemmas of those verbs that also name the body with "in" or "on" ("served 12 years in the Senate").
    service_verbs: frozenset[str] = frozenset()
    # Lemmas of those verbs whose "at" names the employer whatever its name ("who has worked at Boeing").
    employing_verbs: frozenset[str] = frozenset()
    # String ids of the verbs' written forms and of the nouns, for one scan of a doc's LOWER ids.
    context_word_ids: frozenset[int] = frozenset()
    # Where the matcher can match (see match_windows): the LOWER ids any pattern token accepts, and
    # those of which every match holds one; None when a pattern is not of that simple form.
    window_ids: tuple[frozenset[int], frozenset[int]] | None = None


def _lower_set(items) -> frozenset[str]:
    return frozenset(w.lower() for w in items)


def copula_table(copulas: list[str]) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """(first words, second word required after each two-word copula's first) from titles.json copulas."""
    starts, seconds = set(), {}
    for phrase in copulas:
        first, *rest = phrase.lower().split()
        starts.add(first)
        if rest:
            seconds.setdefault(first, set()).add(rest[0])
    return frozenset(starts), {k: frozenset(v) for k, v in seconds.items()}


class NewsPeople(base.RuleDataComponent):
    """Finds people (NER names cleaned of titles and non-persons, names after titles or honorifics,
    bylines, later surname mentions) and officials (title before the name, apposition, copula)."""

    def __init__(self, nlp: Language, name: str, titles_path: str, nonpersons_path: str, patterns_path: str,
                 first_names_path: str, corporate_words_path: str,
                 person_contexts_path: str = "people/person_contexts.json",
                 surnames_path: str = "people/surnames_us.json"):
        self.name = name
        self.vocab = nlp.vocab
        self.titles_path, self.nonpersons_path, self.patterns_path = titles_path, nonpersons_path, patterns_path
        self.first_names_path = first_names_path
        self.corporate_words_path = corporate_words_path
        self.person_contexts_path = person_contexts_path
        self.surnames_path = surnames_path
        self.rules: PeopleRules | None = None

    def data_files(self) -> tuple[str, ...]:
        return (self.titles_path, self.nonpersons_path, self.patterns_path, self.first_names_path,
                self.corporate_words_path, self.person_contexts_path, self.surnames_path)

    def load_data(self, root: Path) -> None:
        """The title lexicon, the non-person names and the title patterns under ROOT."""
        titles = base.read_json(root / self.titles_path)
        lex = TitleLexicon.from_data(titles)
        nonpersons = base.read_json(root / self.nonpersons_path)
        sets = {"@heads": sorted(lex.heads), "@title_words": sorted(lex.title_words),
                "@domains": sorted(lex.domains), "@honorifics": sorted(lex.honorifics),
                "@title_prepositions": sorted(lex.title_prepositions)}
        matcher = Matcher(self.vocab)
        patterns = []
        for record in base.read_jsonl(root / self.patterns_path):
            patterns.append(_expand(record["pattern"], sets))
            matcher.add(record["label"], [patterns[-1]])
        starts, seconds = copula_table(titles["copulas"])
        corporate_words = _lower_set(base.read_json(root / self.corporate_words_path)["words"])
        contexts = base.read_json(root / self.person_contexts_path)
        surnames = frozenset(base.read_json(root / self.surnames_path)["names"])
        self.rules = PeopleRules(
            lex=lex, corporate_words=corporate_words,
            organisation_nouns=_lower_set(nonpersons["organisation_nouns"]),
            ownership_verbs=_lower_set(nonpersons["ownership_verbs"]),
            nonperson_names=_lower_set(nonpersons["names"]),
            # Company suffixes end no person's name either ("Barrick Gold").
            tail_words=_lower_set(nonpersons["tail_words"]) | corporate_words,
            nonperson_tokens=_lower_set(nonpersons.get("tokens", [])),
            lead_words=_lower_set(nonpersons.get("lead_words", [])),
            platform_nouns=_lower_set(nonpersons["platform_nouns"]),
            first_names=frozenset(base.read_json(root / self.first_names_path)["names"]),
            violence_verbs=_lower_set(contexts["violence_verbs"]), event_nouns=_lower_set(contexts["event_nouns"]),
            kin_nouns=_lower_set(contexts["kin_nouns"]),
            person_object_verbs=_lower_set(contexts["person_object_verbs"]),
            person_subject_verbs=_lower_set(contexts["person_subject_verbs"]),
            reporting_verbs=_lower_set(contexts["reporting_verbs"]),
            post_verbs=_lower_set(contexts.get("post_verbs", [])), person_nouns=_lower_set(contexts.get("person_nouns", [])),
            surnames=surnames, courtesy_titles=_lower_set(contexts.get("courtesy_titles", [])),
            work_verbs=_lower_set(contexts.get("work_verbs", [])),
            service_verbs=_lower_set(contexts.get("service_verbs", [])),
            employing_verbs=_lower_set(contexts.get("employing_verbs", [])),
            context_word_ids=frozenset(get_string_id(w.lower()) for w in contexts["verb_forms"]
                                       + contexts["event_nouns"] + contexts["kin_nouns"]),
            copula_starts=starts, copula_seconds=seconds, matcher=matcher, window_ids=lower_in_window_ids(patterns),
            honorific_ids=frozenset(get_string_id(h) for h in lex.honorifics))

    def __call__(self, doc: Doc) -> Doc:
        self.require_data()
        _ArticlePeople(self.rules, doc).annotate()
        return doc


class _ArticlePeople:
    """One document's people and officials: the per-doc lookups (title runs, entities by edge,
    noun chunks) live here, never on the component."""

    def __init__(self, rules: PeopleRules, doc: Doc):
        self.rules, self.doc = rules, doc
        self._ids: dict[int, list[int]] = {}  # token attribute arrays, see ids()
        self.title_starts, self.title_ends = self._title_runs(doc)
        # Entities by their first and last token, and noun chunks, built once per doc.
        # doc.ents builds new Span objects on every access: read it once.
        self.ents: tuple[Span, ...] = tuple(doc.ents)
        self.ents_by_start = {ent.start: ent for ent in self.ents}
        self.ents_by_end = {ent.end: ent for ent in self.ents}
        # Places rows (start, end chars) that a person's context claims ("Kennedy's assassination"):
        # annotate drops them from doc._.places, which would otherwise hold the same words.
        self.places_claimed: set[tuple[int, int]] = set()

    def ids(self, attr: int) -> list[int]:
        """Every token's string id for ATTR (ORTH, LOWER), read from the doc's array once."""
        if attr not in self._ids:
            self._ids[attr] = self.doc.to_array(attr).tolist() if len(self.doc) else []
        return self._ids[attr]

    @cached_property
    def chunks(self) -> list[tuple[int, int]]:
        """The doc's noun chunks as (start, end) tokens, in order, computed on first use (many docs
        never need them)."""
        return _noun_chunks(self.doc)

    @cached_property
    def chunk_start_by_end(self) -> dict[int, int]:
        """Start of the first noun chunk of at most six tokens that ends at each token: one lookup
        instead of a scan of every chunk for each title."""
        starts: dict[int, int] = {}
        for start, end in self.chunks:
            if end - start <= 6:
                starts.setdefault(end, start)
        return starts

    def annotate(self) -> None:
        """Write doc._.people and doc._.officials."""
        doc = self.doc
        mentions = self._find_mentions(doc)
        attached = [self._title_before(doc, m) or self._title_after(doc, m) or self._employer_after_name(doc, m)
                    or self._employer_possessive_before(doc, m) or self._body_led_by(doc, m) for m in mentions]
        attached = [self._with_body_named_nearby(doc, m, found) if found else None
                    for m, found in zip(mentions, attached)]
        officials = [self._official_row(doc, m, found) for m, found in zip(mentions, attached) if found]
        titles_of: dict[tuple[str, ...], str] = {}
        for row in officials:
            titles_of.setdefault(row.pop("_key"), row["title"])
        doc._.people = [{
            "start": doc[self._courtesy_title_start(m.start)].idx, "end": doc[m.end - 1].idx + len(doc[m.end - 1]),
            "name": m.display, "title": titles_of.get(m.name) or None,
            "official": m.name in titles_of,
        } for m in mentions]
        doc._.officials = officials
        if self.places_claimed:
            doc._.places = [p for p in doc._.places if (p["start"], p["end"]) not in self.places_claimed]

    # ------------------------------------------------------------------ title runs
    def _courtesy_title_start(self, start: int) -> int:
        """Where the name at START begins as written: at the form of address right before it
        ("Mrs. Rose", "Mr Kim", "Ms . Toth" as tokenized), which is how the name is written rather
        than a title (an office or rank stays out: "President Kennedy" is name "Kennedy", title
        "President"); else START."""
        doc = self.doc
        k = start - 1
        if k >= 1 and doc[k].text == "." and not doc[k - 1].whitespace_:
            k -= 1  # "Mr" "." split by the tokenizer
        if k < 0 or doc[k].lower_ not in self.rules.courtesy_titles or not doc[k].text[:1].isupper():
            return start
        between = doc[k:start]
        if "\n" in between[-1].whitespace_ or not between[-1].whitespace_:
            return start
        return k

    def _title_runs(self, doc: Doc) -> tuple[dict[int, int], dict[int, int]]:
        """The matcher's title runs: start token -> furthest end, and end token -> earliest start."""
        starts: dict[int, int] = {}
        ends: dict[int, int] = {}
        for match_id, start, end in self._title_matches(doc):
            if doc.vocab.strings[match_id] != "TITLE":
                continue
            start = self._trim_run_start(doc, start, end)
            if start >= end or self._ends_a_hyphenated_name(doc, start):
                continue
            starts[start] = max(starts.get(start, end), end)
            ends[end] = min(ends.get(end, start), start)
        return starts, ends

    def _title_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The matcher's matches on DOC, found by running it only on the stretches of title words that
        hold a word every match needs (most sentences hold none): the same matches, at a fraction of
        the cost of matching every token."""
        matcher, window_ids = self.rules.matcher, self.rules.window_ids
        if window_ids is None or len(doc) == 0:
            return list(matcher(doc))
        out = []
        for a, b in match_windows(self.ids(LOWER), *window_ids):
            out.extend((match_id, a + start, a + end) for match_id, start, end in matcher(doc[a:b]))
        return out

    def _ends_a_hyphenated_name(self, doc: Doc, start: int) -> bool:
        """Whether the title word at START is glued by a hyphen to a word that is no title's
        ("Committee-General Command" is a body's name; "vice-president", "ex-minister" are titles)."""
        return start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
            and not doc[start - 2].whitespace_ and doc[start - 2].lower_ not in self.rules.lex.title_words \
            and doc[start - 2].lower_.rstrip(".") not in self.rules.lex.ranks

    def _trim_run_start(self, doc: Doc, start: int, end: int) -> int:
        """A title run starts at a real title word: joiners and dropped modifiers at its left edge
        belong to no title ("and chief executive" -> "chief executive")."""
        while start < end and doc[start].lower_ in JOINERS:
            start += 1
        return start

    def _ent_starting(self, start: int) -> Span | None:
        return self.ents_by_start.get(start)

    def _ent_ending(self, end: int) -> Span | None:
        return self.ents_by_end.get(end)

    def _run_ending_at(self, end: int) -> int | None:
        """Start of the longest title run that ends exactly at token END (exclusive)."""
        return self.title_ends.get(end)

    def _run_starting_at(self, start: int) -> int | None:
        """End of the longest title run that starts exactly at token START."""
        return self.title_starts.get(start)

    # ------------------------------------------------------------------ people
    def _find_mentions(self, doc: Doc) -> list[Mention]:
        """Person mentions in text order, each linked to its fullest name."""
        found = _MentionSet(len(doc))
        place_chars = CharSpans((p["start"], p["end"]) for p in (doc._.places or []))
        self._add_tagged_names(doc, found, place_chars)
        self._add_organisations_that_are_people(doc, found, place_chars)
        self._add_untagged_names_with_a_title(doc, found, place_chars)
        self._add_names_run_into_a_body(doc, found, place_chars)
        self._add_titled_names(doc, found, place_chars)
        self._add_names_in_person_contexts(doc, found, place_chars)
        self._add_byline(doc, found, place_chars)
        self._add_surname_mentions(doc, found)
        return self._link_mentions(doc, found.in_order())

    def _add_tagged_names(self, doc: Doc, found: "_MentionSet", place_chars) -> None:
        """The tagger's PERSON names, cleaned of titles, honorifics and trailing possessives."""
        for ent in self.ents:
            if ent.label_ != "PERSON":
                continue
            span = self._clean_name(doc, ent.start, ent.end)
            if span is None:
                continue
            start, end = span
            if self._is_person_name(doc, start, end, place_chars,
                                    title_is_surname=self._is_title_surname_in_person_context(doc, span)):
                found.add(start, end, "ner")

    def _is_title_surname_in_person_context(self, doc: Doc, span: tuple[int, int]) -> bool:
        """Whether the tagger's one-word name is a title's word used as a surname where only a
        person is named ("killing King"): see _is_title_word_as_surname."""
        # the cheap lexicon test first: most names hold no title's word
        return span[1] - span[0] == 1 and doc[span[0]].lower_ in self.rules.lex.heads \
            and _is_title_word_as_surname(doc, span) and doc.has_annotation("DEP") and self._in_person_context(doc[span[0]])

    def _add_organisations_that_are_people(self, doc: Doc, found: "_MentionSet", place_chars) -> None:
        """The tagger's ORG names that read as a person: a given name then surname-like words
        ("Martina Matzar", "Jack Ruby"), or a name followed by an age or by "who" ("Warner, 70,",
        "Mason, who headed the agency")."""
        for ent in self.ents:
            if ent.label_ not in NAMES_READ_AS_PEOPLE or len(ent) > 5:
                continue
            a_place = ent.label_ != "ORG" and place_chars.overlaps(ent.start_char, ent.end_char)
            if a_place and (len(ent) > 2 or not doc.has_annotation("DEP")):
                continue  # a place the places table kept (checked first: most places are)
            span = self._clean_name(doc, ent.start, ent.end)
            if span is None:
                continue
            start, end = span
            if a_place:
                # a town's name the sentence casts as a person ("the last King of Peru, Atahualpa,")
                row = self._place_row_of_a_person(doc, span)
                if row is not None and self._has_person_role_evidence(doc, start, end) \
                        and self._is_person_name(doc, start, end, CharSpans()):
                    self.places_claimed.add(row)
                    found.add(start, end, "ner")
                continue
            if self._is_affiliation_of_a_title(doc, start):
                continue
            if not (self._has_given_name_form(doc, start, end) or self._followed_by_person_context(doc, end)
                    or self._has_person_title_after(doc, start, end) or self._is_subject_of_he_or_she(doc, start, end)
                    or self._is_surname_reporting(doc, start, end) or self._has_person_role_evidence(doc, start, end)):
                continue
            if self._is_person_name(doc, start, end, place_chars):
                found.add(start, end, "ner")

    def _has_person_role_evidence(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the sentence casts the name at [start, end) in a role only a person has: named to
        a post ("Harrington was named honorary president"), listed with other people ("Mason and
        other administration officials", "Brent and his family"), a person's alias ("Mohamed Ahmed
        Issa, also known as Cheiko") or what a person is called ("a mysterious man called Raoul")."""
        if not doc.has_annotation("DEP"):
            return False
        return self._named_to_a_post(doc[end - 1]) or self._listed_with_people(doc[end - 1]) \
            or self._alias_of_a_person(doc, start) or self._what_a_person_is_called(doc, start) \
            or self._in_apposition_with_a_person(doc[end - 1])

    def _in_apposition_with_a_person(self, tok) -> bool:
        """Whether the name's last word TOK stands in apposition to a person: after a title ("the
        last Incan King of Peru, Atahualpa,") or before a noun of people or a nationality ("Surratt,
        a young Confederate spy", "An Wang, a native of Shanghai", "Sirhan, a Christian Arab")."""
        rules, lex = self.rules, self.rules.lex
        if tok.dep_ == "pobj" and tok.head.lower_ in {"in", "at", "from", "near", "into"}:
            return False  # "born in Jamestown, N.Y., the daughter of ...": the parser hangs the apposition on the town
        def is_person_noun(t) -> bool:
            lemma = t.lemma_.lower()
            return (lemma in lex.heads and lemma not in lex.company_heads) or lemma in rules.kin_nouns \
                or lemma in rules.person_nouns
        if tok.dep_ == "appos" and tok.head.i < tok.i and is_person_noun(tok.head):
            return True
        for c in tok.children:
            if c.dep_ != "appos" or c.i <= tok.i:
                continue
            # a nationality, creed or party as the head ("a Christian Arab", "a Republican from
            # Chicago"); a firm's would modify a noun ("a Japanese company")
            if (c.pos_ == "NOUN" and is_person_noun(c)) or (c.ent_type_ == "NORP" and c.pos_ == "PROPN"):
                return True
        return False

    def _named_to_a_post(self, tok) -> bool:
        """"X was named/appointed/elected (as) TITLE": a company is not appointed president."""
        head, lex = tok.head, self.rules.lex
        if tok.dep_ != "nsubjpass" or head.lemma_.lower() not in self.rules.post_verbs:
            return False
        complements = [c for c in head.children if c.dep_ in {"oprd", "attr", "xcomp"}]
        complements += [g for c in head.children if c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]
        return any(c.lower_ in lex.heads and c.lower_ not in lex.company_heads for c in complements)

    def _listed_with_people(self, tok) -> bool:
        """"X and other officials", "X and his family": the other item of the list is people."""
        partners = [c for c in tok.children if c.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else [])
        for p in partners:
            if p.lemma_.lower() in self.rules.lex.heads and any(c.lower_ == "other" and c.dep_ == "amod" for c in p.children):
                return True
            if (p.lower_ in self.rules.kin_nouns or p.lower_ == "family") and any(c.lower_ in {"his", "her"} for c in p.children):
                return True
        return False

    def _alias_of_a_person(self, doc: Doc, start: int) -> bool:
        """", also known as X" right after the model's PERSON name: X is that person's other name."""
        k = start - 2
        if k < 1 or doc[k].lower_ != "known" or doc[k + 1].lower_ != "as":
            return False
        k -= 1
        if doc[k].lower_ == "also":
            k -= 1
        while k >= 0 and doc[k].text == ",":
            k -= 1
        return k >= 0 and doc[k].ent_type_ == "PERSON"

    def _what_a_person_is_called(self, doc: Doc, start: int) -> bool:
        """"a man called Raoul", "a woman named Mary": the name of a person noun."""
        if start < 2 or doc[start - 1].lower_ not in {"called", "named"}:
            return False
        head = doc[start - 1].head if doc[start - 1].dep_ == "acl" else doc[start - 2]
        return head.lemma_.lower() in self.rules.person_nouns

    def _add_names_run_into_a_body(self, doc: Doc, found: "_MentionSet", place_chars) -> None:
        """A given name and surname at the end of the model's organisation after "TITLE of": the
        tagger ran the body and the person who holds the title together ("First Deputy Commander of
        the Russian Pacific Fleet Igor Khmelnov"); the organisations table cuts the person's tail off."""
        for ent in self.ents:
            if ent.label_ != "ORG" or len(ent) < 3 or ent.start < 2 or doc[ent.start - 1].lower_ != "of" \
                    or (ent.start - 1) not in self.title_ends:
                continue
            for k in (ent.end - 2, ent.end - 3):
                # the body's own last word comes right before ("Fleet | Igor"), not a connector ("Bank of | John")
                if k > ent.start + 1 and doc[k - 1].is_title and doc[k - 1].is_alpha \
                        and self._has_given_name_form(doc, k, ent.end) \
                        and self._is_person_name(doc, k, ent.end, place_chars):
                    found.add(k, ent.end, "ner")
                    break

    def _add_untagged_names_with_a_title(self, doc: Doc, found: "_MentionSet", place_chars) -> None:
        """Capitalised words the tagger left unmarked that a person-only title, an age or "who" follows
        in apposition ("Tal, a senior Defense Ministry official", "Vyacheslav Chornovil, leader of the
        Ukrainian Popular Rukh", "Winter, 53, a former Yale University law professor", "Yount, who
        was living in Coeur")."""
        for end in base.token_indices(self.ids(ORTH), {COMMA_ID}):
            if end == 0:
                continue
            last = doc[end - 1]
            # The tagger may read a surname as a common noun ("Winter, 53, a former ... professor"):
            # an age or "who" after it settles that it is a name.
            if not (_is_untagged_name_word(last) or (last.is_title and last.is_alpha and last.pos_ == "NOUN"
                                                     and not last.ent_type_ and self._followed_by_person_context(doc, end))):
                continue
            start = end - 1
            while start > 0 and end - start < 4 and _is_untagged_name_word(doc[start - 1]):
                start -= 1
            if start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha:
                continue  # a longer capitalised run ("the Supreme Court Justice, ...") is no bare name
            # An age or "who" after the name is evidence enough ("Sirhan, who is serving a life sentence").
            if (self._has_person_title_after(doc, start, end, named_body_counts=end - start >= 2)
                    or self._followed_by_person_context(doc, end)) \
                    and self._is_person_name(doc, start, end, place_chars):
                found.add(start, end, "ner")

    def _add_names_in_person_contexts(self, doc: Doc, found: "_MentionSet", place_chars) -> None:
        """Names the tagger missed or called an organisation where only a person is named: the victim
        or the agent of a violent act ("shot Lincoln", "King was shot", "killed by Oswald", "Ruby shot
        Oswald"), the "of" object, possessor or modifier of a person's event ("the assassination of
        Lincoln", "Kennedy's murder", "the Kennedy assassination") or a possessor of kin ("Anderson's
        sister"). A gazetteer place keeps its reading (the places table holds it)."""
        if not doc.has_annotation("DEP") or not len(doc):
            return
        for tok in self._person_context_candidates(doc):
            if found.taken[tok.i] or not (tok.is_title and tok.is_alpha and tok.pos_ == "PROPN") \
                    or tok.ent_type_ not in CONTEXT_OVERRIDES_LABELS:
                continue
            if not self._in_person_context(tok):
                continue
            start, end = self._name_around(doc, tok)
            if start > 0 and found.taken[start - 1] and doc[start - 1].whitespace_ \
                    and doc[start - 1].is_title and found.extend_ending_at(start, end):
                continue
            span = self._clean_name(doc, start, end)
            if span is None:
                continue
            surname = _is_title_word_as_surname(doc, span)
            if self._is_person_name(doc, span[0], span[1], place_chars, title_is_surname=surname):
                found.add(span[0], span[1], "ner")
            elif self._place_row_of_a_person(doc, span) is not None \
                    and self._is_person_name(doc, span[0], span[1], CharSpans(), title_is_surname=surname):
                self.places_claimed.add(self._place_row_of_a_person(doc, span))
                found.add(span[0], span[1], "ner")

    def _place_row_of_a_person(self, doc: Doc, span: tuple[int, int]) -> tuple[int, int] | None:
        """The places row of exactly the name SPAN when it names no country: a town the gazetteer
        holds under a person's name, in a context only a person is named in ("Kennedy's
        assassination", "Anderson's sister", "the Kennedy slaying"), is that person. A country keeps
        its reading ("Jordan's son" may be the kingdom's heir), and so do states and regions ("North
        Carolina's native son"): a town, which shares names with people, gives way."""
        start_char, end_char = doc[span[0]].idx, doc[span[1] - 1].idx + len(doc[span[1] - 1])
        if default_gazetteer().country_lookup(doc[span[0]:span[1]].text):
            return None
        rows = [p for p in doc._.places or [] if p["start"] < end_char and start_char < p["end"]]
        if len(rows) != 1 or (rows[0]["start"], rows[0]["end"]) != (start_char, end_char) \
                or rows[0].get("kind") not in TOWN_KINDS:
            return None
        return start_char, end_char

    def _person_context_candidates(self, doc: Doc) -> list:
        """The tokens _in_person_context may accept: dependents of a violent verb or of a person's
        noun, and the objects of their "by"/"of" (one array scan finds the few such words)."""
        out = {}
        for i in base.token_indices(self.ids(LOWER), self.rules.context_word_ids):
            for child in doc[i].children:
                out[child.i] = child
                if child.lower_ in {"by", "of"}:
                    out.update((g.i, g) for g in child.children)
        return [out[i] for i in sorted(out)]

    def _in_person_context(self, tok) -> bool:
        """Whether the proper noun TOK sits where only a person is named (see _add_names_in_person_contexts)."""
        rules, head = self.rules, tok.head
        lemma = head.lemma_.lower()
        low, high = sorted((tok.i, head.i))
        if any(t.text in {":", ";", "(", ")"} for t in tok.doc[low:high]):
            return False  # a heading or an aside between them ("Today's Highlight in History: ... was shot")
        if tok.dep_ in {"dobj", "nsubjpass"} and head.pos_ == "VERB" and \
                (lemma in rules.violence_verbs or lemma in rules.person_object_verbs):
            return not any(c.dep_ == "prt" for c in head.children)
        if tok.dep_ == "nsubj" and head.pos_ == "VERB" and lemma in rules.person_subject_verbs:
            return True  # "Tanya died Saturday"
        if tok.dep_ == "pobj" and head.lower_ == "by" and head.head.pos_ == "VERB" \
                and head.head.lemma_.lower() in rules.violence_verbs and head.head.tag_ == "VBN":
            return True  # "killed by Oswald"
        if tok.dep_ == "nsubj" and head.pos_ == "VERB" and lemma in rules.violence_verbs:
            # "Ruby fatally shot Oswald": the agent of a violent act on a named person
            return any(c.dep_ == "dobj" and c.pos_ == "PROPN" and c.is_title for c in head.children)
        if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in rules.event_nouns:
            return True
        if tok.dep_ == "poss" and (head.lower_ in rules.event_nouns or head.lower_ in rules.kin_nouns):
            return True
        return tok.dep_ == "compound" and head.lower_ in rules.event_nouns and head.pos_ == "NOUN"

    def _name_around(self, doc: Doc, tok) -> tuple[int, int]:
        """The name that holds TOK: the tagger's entity of up to four words, else the run of
        capitalised proper nouns that ends at TOK ("James Earl Ray")."""
        if tok.ent_type_:
            for ent in self.ents:
                if ent.start <= tok.i < ent.end and len(ent) <= 4:
                    return ent.start, ent.end
            return tok.i, tok.i + 1
        start = tok.i
        while start > 0 and tok.i - start < 3 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
                and doc[start - 1].is_alpha and not doc[start - 1].ent_type_:
            start -= 1
        return start, tok.i + 1

    def _is_affiliation_of_a_title(self, doc: Doc, start: int) -> bool:
        """Whether the organisation at token START follows a title and "for"/"at"/"with" ("an equity
        strategist for Miller Tabak", "a trader at the Smith Barney"): the body the title is held in."""
        k = start - 1
        if k > 0 and doc[k].lower_ == "the":
            k -= 1
        return k > 0 and doc[k].lower_ in {"for", "at", "with"} and doc[k - 1].lower_ in self.rules.lex.heads

    def _has_given_name_form(self, doc: Doc, start: int, end: int) -> bool:
        """Whether tokens [start, end) are a known given name followed by one to three capitalised
        words or initials, none of them an organisation word ("Martina Matzar", "Ulf D. Merbold"),
        and the given name is not also a title, a place or a country ("General Motors")."""
        if not 2 <= end - start <= 5 or doc[start].text not in self.rules.first_names:
            return False
        lex, rules = self.rules.lex, self.rules
        if doc[start].lower_ in lex.title_or_honorific_words or doc[start].lower_ in rules.lead_words:
            return False
        if is_country_or_demonym(doc[start].text):
            return False
        for t in doc[start + 1:end]:
            if t.text == "-" and not doc[t.i - 1].whitespace_ and not t.whitespace_:
                continue  # a hyphenated name ("Anne-Marie Slaughter")
            if t.lower_ in rules.tail_words or t.lower_ in rules.nonperson_tokens:
                return False
            if is_country_or_demonym(t.text):
                return False  # "Royal Dutch Shell"
            if not (t.is_title and (t.is_alpha or (len(t) <= 3 and t.text.endswith(".")))
                    or t.lower_ in NAME_PARTICLES and t.is_alpha):
                return False
        return True

    def _followed_by_person_context(self, doc: Doc, end: int) -> bool:
        """Whether the name ending at token END is followed by what only people have in news: an
        age in commas ("Warner, 70,") or the relative pronoun "who" ("Mason, who headed ...")."""
        n = len(doc)
        if end + 1 >= n or doc[end].text != ",":
            return False
        nxt = doc[end + 1]
        if nxt.lower_ == "who":
            return True
        return end + 2 < n and nxt.like_num and nxt.text.isdigit() and 1 <= int(nxt.text) <= 120 \
            and doc[end + 2].text == ","

    def _is_subject_of_he_or_she(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the one-word name at START is the subject of its sentence and the next person
        pronoun of the sentence is "he" or "she" with no other person or title between ("Jacobs has
        said that he would not receive a fair trial"): an organisation would be "it". An organisation
        named between does not stop the search, as "he" cannot stand for it ("Brugger sold the
        shares to Halvorsen Capital before he left")."""
        if end - start != 1 or doc[start].dep_ not in {"nsubj", "nsubjpass"}:
            return False
        sent_end = doc[start].sent.end if doc.has_annotation("SENT_START") else len(doc)
        for t in doc[end:sent_end]:
            if t.lower_ in {"he", "she", "his", "her", "him", "himself", "herself"}:
                return True
            if t.lower_ in {"it", "its", "they", "their", "itself"} or t.ent_type_ == "PERSON" \
                    or t.lower_ in self.rules.lex.heads:
                return False
        return False

    def _is_surname_reporting(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the one word at START is a common surname (US census) written as a name and the
        subject of a reporting verb ("Redman said", "Stone told reporters"), with no evidence in the
        article that it names an organisation ("Ford said" after "Ford Motor Co.", see
        _has_organisation_evidence)."""
        if end - start != 1 or not doc.has_annotation("DEP"):
            return False
        tok, ent = doc[start], self.ents_by_start.get(start)
        if ent is None or len(ent) != 1:
            return False  # the tagger's longer name cut down to one word ("the Supreme | Court")
        if tok.lower_ not in self.rules.surnames or not (tok.is_title and tok.is_alpha):
            return False
        if tok.dep_ != "nsubj" or tok.head.pos_ != "VERB" or tok.head.lemma_.lower() not in self.rules.reporting_verbs:
            return False
        if end < len(doc) and doc[end].text == ",":
            return False  # an apposition says what it is ("Lancaster, a farming town, claims"): other rules read it
        return not self._has_organisation_evidence(doc, start)

    def _has_organisation_evidence(self, doc: Doc, i: int) -> bool:
        """Whether the article reads the word at I as an organisation's: it starts a longer
        organisation, product or building name ("Ford Motor Co.", "Apple Computer"), is followed
        somewhere by a company word or preceded by an organisation noun ("Ford Credit", "the carmaker
        Ford"), or its sentence goes on with "its" ("Ford said its sales rose")."""
        rules = self.rules
        for k in base.token_indices(self.ids(ORTH), {doc[i].orth}):  # the word's every place, at C speed
            ent = self.ents_by_start.get(k)
            if ent is not None and len(ent) > 1 and ent.label_ in {"ORG", "PRODUCT", "FAC"}:
                return True
            if k + 1 < len(doc) and doc[k + 1].lower_ in rules.corporate_words:
                return True
            if k > 0 and doc[k - 1].is_lower and doc[k - 1].lower_ in rules.organisation_nouns:
                return True
        its = next((k for k in base.token_indices(self.ids(LOWER), {ITS_ID}) if k > i), None)
        if its is None:
            return False
        # the nearest "its" after the word, in its sentence: no sentence starts between them
        return not (doc.has_annotation("SENT_START") and any(doc[k].is_sent_start for k in range(i + 1, its + 1)))

    def _has_person_title_after(self, doc: Doc, start: int, end: int, named_body_counts: bool = False) -> bool:
        """Whether a title that only a person holds follows the name in apposition or after a
        copula ("Harrington, a professor of political science"); titles that also describe firms
        ("a software developer", "the biggest dealer") are no evidence, unless NAMED_BODY_COUNTS and
        the title names a body (an unmarked full name: "Vyacheslav Chornovil, leader of the Rukh")."""
        if end >= len(doc) or doc[end].text not in {",", "("}:
            return False  # "Harrington, a professor", "Meierovics (minister of state)"
        found = self._title_after(doc, Mention(start, end, "ner"))
        if found is None:
            return False
        heads = [w for w in found[2].lower().split() if w in self.rules.lex.heads]
        if named_body_counts and heads and found[3] and any(w[:1].isupper() for w in found[3].split()):
            return True
        return bool(heads) and not any(w in self.rules.lex.company_heads for w in heads)

    def _add_titled_names(self, doc: Doc, found: "_MentionSet", place_chars) -> None:
        """Capitalised names right after a title or an honorific ("Presiding Judge Martin Mann")."""
        for end_title in self.title_ends:
            self._add_anchored(doc, end_title, "title", found.add, place_chars)
        for i in base.token_indices(self.ids(LOWER), self.rules.honorific_ids):
            if doc[i].text[:1].isupper():
                self._add_anchored(doc, i + 1, "honorific", found.add, place_chars)

    def _add_byline(self, doc: Doc, found: "_MentionSet", place_chars) -> None:
        """A byline at the top ("By Vafa Ismayilova"), after the start, a line break, a date or a bar."""
        for i in base.token_indices(self.ids(ORTH)[:40], {BY_ID}):  # no Token object per word
            if (i == 0 or doc[i - 1].is_space or doc[i - 1].is_digit or doc[i - 1].like_num
                    or doc[i - 1].text in {"-", "|", "—"} or doc[i - 1].ent_type_ == "DATE"):
                self._add_anchored(doc, i + 1, "byline", found.add, place_chars)

    def _add_surname_mentions(self, doc: Doc, found: "_MentionSet") -> None:
        """Later mentions by surname (or first name) of a full name, whatever the tagger called them."""
        full = [m for m in found.mentions if m.end - m.start >= 2]
        if not full:
            return
        surnames = {_surname_of(doc, m.start, m.end) for m in full}
        first_full = min(m.start for m in full)
        for i in base.token_indices(self.ids(ORTH), {get_string_id(w) for w in surnames}):
            if found.taken[i] or not doc[i].text[:1].isupper():
                continue
            if i <= first_full and (doc[i].ent_type_ not in {"", "PERSON"}
                                    or i > 0 and doc[i - 1].is_title and not doc[i - 1].is_sent_start):
                continue  # before the full name, only a word the tagger gave no other reading ("Aldrin was born ... christened Edwin E. Aldrin Jr.")
            if self._is_surname_of_something_else(doc, i):
                continue
            found.add(i, i + 1, "surname")

    def _is_surname_of_something_else(self, doc: Doc, i: int) -> bool:
        """Whether a later token spelled like a known surname is a country, part of a longer
        organisation-like entity, or part of a longer name the tagger missed ("Jobs Street")."""
        if default_gazetteer().country_lookup(doc[i].text):
            return True
        if doc[i].ent_type_ in {"ORG", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"} and _ent_len(self.ents, i) > 1:
            return True
        return i + 1 < len(doc) and doc[i + 1].text[:1].isupper() and doc[i + 1].pos_ == "PROPN"

    def _link_mentions(self, doc: Doc, found: list[Mention]) -> list[Mention]:
        """Link every mention to the fullest name seen so far (or anywhere, for a first mention
        shorter than a later full one); lone single words with no support are dropped."""
        out: list[Mention] = []
        seen_full: list[tuple[str, ...]] = []
        words_of = [self._words(doc, m) for m in found]  # once a mention: read three times below
        all_full = [words for m, words in zip(found, words_of) if m.end - m.start >= 2]
        written = {words: " ".join(doc[m.start:m.end].text.split()) for m, words in zip(found, words_of)}
        for m, words in zip(found, words_of):
            if len(words) >= 2:
                m.name = link_name(words, [n for n in seen_full if n[0] == words[0]]) or words
                seen_full.append(words)
            else:
                linked = link_name(words, seen_full) or link_name(words, all_full)
                if linked is None and m.source == "ner" and self._lone_name_reads_as_a_thing(doc, m.start):
                    continue
                m.name = linked or words
            m.display = written.get(m.name, " ".join(m.name))
            out.append(m)
        return out

    @staticmethod
    def _words(doc: Doc, m: Mention) -> tuple[str, ...]:
        """The mention's words, in ordinary case when written in capitals ("BERNANKE" -> "Bernanke")."""
        return tuple(t.text.capitalize() if t.is_upper and len(t) > 3 else t.text for t in doc[m.start:m.end])

    def _clean_name(self, doc: Doc, start: int, end: int) -> tuple[int, int] | None:
        """Cut titles, honorifics and determiners off the front of a tagged name and possessives,
        punctuation and anything after a line break off its back."""
        for i in range(start, end):
            if doc[i].text in {"-", "–", "—"} and i > start and doc[i - 1].whitespace_:
                end = i  # a spaced dash separates two things ("Trump - Wisconsin")
                break
            if "\n" in doc[i].text or doc[i].is_space:
                if any(t.lower_ in self.rules.tail_words for t in doc[i:end]):
                    return None  # "Martin Luther King Jr.\nDay": a day named after someone
                end = i
                break
        # A country or nationality the tagger ran into a full name ("Azerbaijan James Sharp").
        if end - start > 2 and is_country_or_demonym(doc[start].text):
            start += 1
        # Keep at least one word: a lone "Justice" is rejected later as a bare title.
        lex = self.rules.lex
        while end - start > 1 and (doc[start].lower_ in lex.title_or_honorific_words or doc[start].lower_ in DETERMINERS
                                   or doc[start].is_punct):
            start += 1
        while end > start and (doc[end - 1].text in POSSESSIVE or not any(c.isalnum() for c in doc[end - 1].text)):
            end -= 1
        end = _extend_apostrophe_name(doc, _extend_hyphenated(doc, end))
        # A particle the tagger left hanging belongs with the next name word ("Daniel arap | Moi").
        if end < len(doc) and doc[end - 1].lower_ in NAME_PARTICLES and doc[end - 1].is_alpha \
                and doc[end].text[:1].isupper() and doc[end].is_alpha:
            end += 1
        # An organisation's acronym glued to a name by the tagger ("Steven Snyder TWA").
        while end - start > 1 and doc[end - 1].is_upper and len(doc[end - 1]) > 1 and doc[end - 1].is_alpha \
                and not ROMAN.fullmatch(doc[end - 1].text):
            end -= 1
        return (start, end) if start < end else None

    def _is_person_name(self, doc: Doc, start: int, end: int, place_chars: CharSpans,
                        title_is_surname: bool = False) -> bool:
        """Whether tokens [start, end) can be a person's name: no handles, digits, platforms, places,
        demonyms, products or organisation-like tails (a bare title neither, unless TITLE_IS_SURNAME)."""
        span = doc[start:end]
        text = span.text
        if any(c in text for c in "@#") or any(t.like_num or any(ch.isdigit() for ch in t.text) for t in span):
            return False
        if end < len(doc) and doc[end].text.startswith("@"):
            return False  # "Twitter @AzerNewsAz": a platform and its handle
        if not text[:1].isupper() or (len(text) > 1 and text[0].islower()):
            return False
        if any(t.text[:1].islower() and t.lower_ not in NAME_PARTICLES
               and not (t.i > start + 1 and doc[t.i - 1].text == "-" and not doc[t.i - 1].whitespace_
                        and doc[t.i - 2].is_title) for t in span):
            return False
        lower = text.lower()
        if lower in self.rules.nonperson_names or span[-1].lower_ in self.rules.tail_words:
            return False
        if any(t.lower_ in self.rules.nonperson_tokens for t in span):
            return False
        if end - start > 1 and span[0].lower_ in self.rules.lead_words:
            return False
        if all(t.lower_ in NAME_PARTICLES or t.is_punct for t in span):
            return False
        if end - start == 1 and (text.isupper() and len(text) > 1) and not _written_in_ordinary_case(doc, text):
            return False  # acronyms are organisations or units; a headline's "BERNANKE" is not one
        if any(t.lower_ in self.rules.lex.heads and t.text[:1].isupper() for t in span[:1]) and end - start == 1 \
                and not title_is_surname:
            return False  # a bare capitalised title ("Justice")
        gazetteer = default_gazetteer()
        if gazetteer.demonym_country(text) or gazetteer.country_lookup(text):
            return False
        if end - start > 1 and gazetteer.demonym_country(span[-1].text) \
                and not gazetteer.country_lookup(span[-1].text):
            return False  # "Elian American": a name run into the next noun phrase
        if end - start == 1 and span[0].text.endswith("s") and gazetteer.demonym_country(span[0].text[:-1]):
            return False
        if place_chars.overlaps(span.start_char, span.end_char):
            return False
        if start > 0 and doc[start - 1].lower_ == "the" and not (
                doc[end - 1].dep_ == "compound" and doc[end - 1].head.lower_ in self.rules.event_nouns):
            return False  # people take no article ("the Beatles"), but their events do ("the Kennedy assassination")
        if end - start == 1 and end < len(doc) and doc[end].lower_ in self.rules.platform_nouns:
            return False  # "Twitter page"
        return True

    def _lone_name_reads_as_a_thing(self, doc: Doc, i: int) -> bool:
        """Whether a lone one-word PERSON name with no full name to link to reads as something else:
        the short form of an organisation, product or building named in the article ("Magna" after
        "Magna International Inc."), or a single word in quotes (a code name or a product: "Darwin").
        Otherwise the tagger's lone names are kept: recall on news stays at least the model's."""
        if any(ent.label_ in {"ORG", "PRODUCT", "FAC"} and len(ent) > 1 and ent[0].text == doc[i].text
               for ent in self.ents):
            return True
        if 0 < i < len(doc) - 1 and doc[i - 1].is_quote and doc[i + 1].is_quote:
            return True
        if self._followed_by_person_context(doc, i + 1) or self._is_subject_of_he_or_she(doc, i, i + 1) \
                or (doc.has_annotation("DEP") and self._in_person_context(doc[i])) \
                or self._is_surname_reporting(doc, i, i + 1):
            # an age, "who", "he", a person's event or a surname that reports outweighs the word's
            # form ("Sanders, 45, was found", "the Kennedy assassination", "Stone said")
            return False
        return (self._tagged_as_common_noun(doc, i) or self._coordinated_with_a_thing(doc, i)
                or self._ends_in_corporate_word(doc, i) or self._after_article_or_organisation_noun(doc, i)
                or self._owned_or_bought(doc, i))

    def _owned_or_bought(self, doc: Doc, i: int) -> bool:
        """Whether the lone word is the object of a verb of owning or buying ("Disney bought Pixar",
        "the group that owns Chrysler"): people are not bought."""
        tok = doc[i]
        return tok.dep_ in {"dobj", "nsubjpass"} and tok.head.pos_ == "VERB" \
            and tok.head.lemma_.lower() in self.rules.ownership_verbs

    @staticmethod
    def _tagged_as_common_noun(doc: Doc, i: int) -> bool:
        """Whether the tagger reads the lone word as a common noun, not a proper one ("Desperate
        Housewives", "Apps, books and photos"): a surname is a proper noun to it."""
        return doc.has_annotation("TAG") and doc[i].pos_ == "NOUN"

    def _coordinated_with_a_thing(self, doc: Doc, i: int) -> bool:
        """Whether the lone word is coordinated with a capitalised word the tagger reads as a common
        noun ("Black and White"): the items of a list are alike ("Lennon and his wife" is no list of names)."""
        tok = doc[i]
        partners = [c for c in tok.children if c.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else [])
        # An entity partner is no evidence: the tagger often misreads names in a list ("President
        # Kennedy and Officer Tippit").
        # A partner with an age or "who" after it is a name the tagger missed ("Winter, 53, ... and Starr").
        return any(p.pos_ == "NOUN" and p.is_title and not p.ent_type_
                   and not self._followed_by_person_context(doc, p.i + 1) for p in partners)

    def _ends_in_corporate_word(self, doc: Doc, i: int) -> bool:
        """Whether the one word ends in a company word glued on ("Gazprombank", "Citigroup")."""
        word = doc[i].lower_
        return any(len(w) >= 4 and len(word) > len(w) + 2 and word.endswith(w.rstrip("."))
                   for w in self.rules.corporate_words)

    def _after_article_or_organisation_noun(self, doc: Doc, i: int) -> bool:
        """Whether an article or an organisation noun comes right before the lone word ("a Reader
        feature", "animation studio Pixar", "the carmaker Toyota"): people take neither."""
        if i == 0:
            return False
        prev = doc[i - 1]
        return prev.lower_ in {"a", "an", "the"} or (prev.is_lower and prev.lower_ in self.rules.organisation_nouns)

    def _add_anchored(self, doc: Doc, i: int, source: str, add, place_chars) -> None:
        """Add the capitalised name that starts at token I (after a title, honorific or "By")."""
        if i < len(doc) and doc[i].text == ",":
            return
        i = self._past_rank_abbreviations(doc, i)
        end = self._capitalised_run_end(doc, i)
        if end == i:
            return
        end = _extend_apostrophe_name(doc, _extend_hyphenated(doc, end))
        titled = source == "title" and doc[i - 1].text[:1].isupper() and doc[i - 1].lower_ in self.rules.lex.heads
        if not self._anchored_run_can_be_a_name(doc, i, end, source, titled):
            return
        if titled:
            place_chars = CharSpans()  # a written title outranks a gazetteer's guess ("President Bush" is no town)
        if self._is_person_name(doc, i, end, place_chars):
            add(i, end, source)

    def _past_rank_abbreviations(self, doc: Doc, i: int) -> int:
        """Token I moved past rank abbreviations between a title and the name ("police spokesman
        Capt. Rod Beer")."""
        while i + 1 < len(doc) and doc[i].lower_.rstrip(".") in self.rules.lex.honorifics and doc[i].text[:1].isupper():
            i += 2 if doc[i + 1].text == "." else 1
        return i

    @staticmethod
    def _capitalised_run_end(doc: Doc, i: int) -> int:
        """End of the run of up to four capitalised words, initials and inner name particles from
        token I, stopped by a line break."""
        end = i
        while end < len(doc) and end - i < 4:
            t = doc[end]
            if t.is_space or "\n" in t.text:
                break
            if t.text[:1].isupper() and t.is_alpha or (t.text[:1].isupper() and t.text.endswith(".") and len(t) <= 3):
                end += 1
            elif end > i and t.lower_ in NAME_PARTICLES and end + 1 < len(doc) and doc[end + 1].text[:1].isupper() \
                    and t.text not in {"-", "'"}:
                end += 1
            else:
                break
        return end

    def _anchored_run_can_be_a_name(self, doc: Doc, i: int, end: int, source: str, titled: bool) -> bool:
        """Whether the capitalised run [i, end) after a title, honorific or "By" may be the person's
        name: it starts with no title word, holds no date or number and only nouns, and the tagger's
        other reading of it is outweighed (see _lone_word_read_otherwise, _run_named_as_a_thing)."""
        span = doc[i:end]
        if span[0].lower_ in self.rules.lex.title_words or span[0].lower_ in self.rules.lex.honorifics:
            return False
        if any(t.ent_type_ in NOT_BODIES for t in span):
            return False
        if doc.has_annotation("POS") and any(t.pos_ not in {"PROPN", "NOUN", "X", "ADJ"} for t in span):
            return False
        if source != "byline" and end - i == 1 and self._lone_word_read_otherwise(doc, i, titled):
            return False
        return not (source == "title" and self._run_named_as_a_thing(doc, i, end))

    @staticmethod
    def _lone_word_read_otherwise(doc: Doc, i: int, titled: bool) -> bool:
        """Whether the one word at I after a title is something else to the tagger and the title does
        not outweigh it. The tagger often takes a lone surname after a title for a place ("President
        Bush"); the title is believed when it is written as one and the word modifies nothing after it."""
        if doc[i].ent_type_ in {"", "PERSON"}:
            return False
        modifies = i + 1 < len(doc) and doc[i + 1].pos_ in {"NOUN", "PROPN"}
        return not titled or modifies

    def _run_named_as_a_thing(self, doc: Doc, i: int, end: int) -> bool:
        """Whether a run of two or more words after a title is, whole, one name the tagger gives to a
        thing or a body (ORG, WORK_OF_ART, PRODUCT, FAC, EVENT, LAW) and no given name starts it: a
        title word used as a common noun names no holder ("the unaired pilot Harbor Lights", a
        programme; "a pilot Prairie Fire"), while "spokesman Mike Ross" starts with a given name."""
        if end - i < 2:
            return False
        ent = self.ents_by_start.get(i)
        if ent is None or ent.label_ not in THING_LABELS or ent.end < end:
            return False
        return not self._has_given_name_form(doc, i, end)

    # ------------------------------------------------------------------ officials
    def _with_body_named_nearby(self, doc: Doc, m: Mention, found: tuple) -> tuple:
        """A title written with no organisation next to it ("Sen. X", "spokesman X", "station chief X")
        takes the one its context names: an apposition before the title ("Another GE employee,
        attorney Robert Anderson"), else the body of its sentence that the title is held in."""
        span_start, span_end, title, affiliation = found
        if not title or not self._names_no_body(affiliation):
            return found
        row = doc[span_start:span_end].text
        if affiliation and row.find(affiliation) > row.find(title.split()[-1]):
            return found  # "the manager of the project": a body written after the title, if not named
        employer = self._employer_after_name(doc, m)
        if employer is not None and employer[3]:
            # "Jane Roper, a lawyer who works for Halvorsen Corp.": the clause names the body
            return span_start, max(span_end, employer[1]), title, employer[3]
        body = self._body_of_apposition_before(doc, span_start) or self._body_its_refers_to(doc, m, title, span_start, span_end) \
            or self._body_the_sentence_names(doc, m, title, span_start, span_end)
        return (span_start, span_end, title, body) if body else found

    def _names_a_person_or_group(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the words [start, end) before a title, past ranks, articles and a possessive, are
        only a person's name or a people's adjective ("Rabin 's", "Democratic", "Bosnian")."""
        words = [t for t in doc[start:end] if t.lower_ not in DETERMINERS and t.lower_ not in self.rules.lex.kept
                 and t.text not in POSSESSIVE]
        if not words:
            return False
        return all(t.ent_type_ in {"PERSON", "NORP"} for t in words) or \
            (len(words) == 1 and _is_demonym_of_no_country_name(words[0].text))

    def _names_no_body(self, affiliation: str | None) -> bool:
        """Whether an affiliation as written names no organisation or place: none at all, or only
        lower-case words that are no organisation noun ("duty officer", "station chief", "a spokesman
        for reform"; but "police spokesman", "chairman of the board")."""
        if not affiliation:
            return True
        words = affiliation.split()
        return all(w.islower() for w in words) and not any(w in self.rules.lex.body_heads for w in words)

    def _body_of_apposition_before(self, doc: Doc, span_start: int) -> str | None:
        """The organisation of a title in apposition right before the row ("DIMA's technical manager,
        engineer Jose Gomez", "Another GE employee, attorney Robert Anderson")."""
        comma = span_start - 1
        if comma < 1 or doc[comma].text != ",":
            return None
        t_start = self._run_ending_at(comma)
        if t_start is None:
            return None
        while t_start < comma and doc[t_start].lower_ in self.rules.lex.kept:
            t_start += 1
        found = self._affiliation_before(doc, t_start, named_only=True)
        return found[1] if found is not None and not self._names_no_body(found[1]) else None

    def _body_its_refers_to(self, doc: Doc, m: Mention, title: str, span_start: int, span_end: int) -> str | None:
        """The organisation "its" before a title points back to ("Halvorsen Corp. said Jane Roper, its
        chief financial officer, would retire", "Acme said its chairman, Ann Lee, quit"): the sentence's
        one organisation before the name, or its one organisation that is a subject; None when there is
        no "its" before the title, or no such organisation."""
        first = title.split()[0].lower()
        its = next((k for k in range(max(span_start - 1, 0), span_end - 1)
                    if doc[k].lower_ == "its"
                    and any(t.lower_ == first for t in doc[k + 1:min(k + 4, span_end)])), None)
        if its is None or not doc.has_annotation("SENT_START"):
            return None
        sent = doc[m.start].sent
        orgs = [e for e in self.ents if e.label_ == "ORG" and sent.start <= e.start and e.end <= min(m.start, its)
                and not self._read_as_a_place(e)]
        if len(orgs) > 1:
            orgs = [e for e in orgs if e.root.dep_ in {"nsubj", "nsubjpass"}]
        return self._with_people_adjective(doc, orgs[0].start, orgs[0].end)[1] if len(orgs) == 1 else None

    def _body_the_sentence_names(self, doc: Doc, m: Mention, title: str, span_start: int, span_end: int) -> str | None:
        """The body a bare title is held in, named elsewhere in its sentence: for a legislator or a judge
        the nearest name holding a fitting noun (`bodies_of_heads`: "Sen. X ... the Congress"); for a
        spokesman, official or manager (`heads_held_in_any_body`) the sentence's one organisation, or its
        one organisation that is a subject ("Hanley Freight Co. of Folsom is ..., said Dana Ruiz, a
        company official")."""
        if not doc.has_annotation("SENT_START") or not title:
            return None
        lex = self.rules.lex
        head = title.split()[-1].lower().rstrip(".")
        sent = doc[m.start].sent
        around = [e for e in self.ents if sent.start <= e.start and e.end <= sent.end
                  and (e.end <= span_start or e.start >= span_end)]
        needed = lex.bodies_of_heads.get(head)
        if needed is not None:
            fits = [e for e in around if e.label_ in AFFILIATION_LABELS and any(t.lower_ in needed for t in e)]
            return min(fits, key=lambda e: abs(e.start - m.start)).text if fits else None
        if head not in lex.heads_held_in_any_body or not title.split()[-1].islower():
            return None  # a capitalised title before a name is a formal post ("Chairman Mao", "Executive Order")
        orgs = [e for e in around if e.label_ == "ORG" and not self._read_as_a_place(e)]
        if len(orgs) > 1:
            orgs = [e for e in orgs if e.root.dep_ in {"nsubj", "nsubjpass"}]
        return self._with_people_adjective(doc, orgs[0].start, orgs[0].end)[1] if len(orgs) == 1 else None

    def _official_row(self, doc: Doc, m: Mention, found: tuple) -> dict[str, Any]:
        """The official row for mention M with the title FOUND before or after its name."""
        span_start, span_end, title, affiliation = found
        aff, code = ("", None)
        affiliation = _before_parenthesis(affiliation)
        if affiliation:
            gazetteer = default_gazetteer()
            aff, code = resolve_affiliation(affiliation, gazetteer.demonym_country, gazetteer.country_lookup)
        m.title = title
        return {"start": doc[span_start].idx, "end": doc[span_end - 1].idx + len(doc[span_end - 1]),
                "name": m.display, "title": title, "affiliation": aff or None,
                "affiliation_code": code, "_key": m.name}

    def _title_text(self, doc: Doc, start: int, end: int) -> str | None:
        """The title as written in tokens [start, end), without determiners and dropped modifiers."""
        words = [t.text for t in doc[start:end]]
        a, b = clean_title(words, self.rules.lex)
        if a >= b:
            return None
        return doc[start + a:start + b].text

    def _title_before(self, doc: Doc, m: Mention):
        """TITLE NAME, with an optional affiliation before the title (a demonym, a country or
        organisation, a possessive) or between title and name ("chief executive officer of Apple Inc.
        Steve Jobs", "vice president of the company, Mark Chandler")."""
        # Abbreviated ranks right before the name ("Sen.", "Lt. Col."): a title of their own, or
        # between a title and the name ("police spokesman Capt. Rod Beer").
        rank_start = m.start
        while rank_start > 0:
            prev = doc[rank_start - 1]
            if prev.text == "." and rank_start > 1 and doc[rank_start - 2].lower_ in self.rules.lex.ranks:
                rank_start -= 2
            elif prev.text.endswith(".") and prev.lower_.rstrip(".") in self.rules.lex.ranks:
                rank_start -= 1
            else:
                break
        found = self._title_run_before(doc, m, rank_start)
        if found is None and rank_start == m.start and m.start > 2 and doc[m.start - 1].lower_ in self.rules.lex.honorifics \
                and doc[m.start - 2].text == ",":
            found = self._title_run_before(doc, m, m.start - 1)  # "The head of X, Dr. Russell Strong"
        if found is not None and found[3] is None:
            after = self._title_after(doc, m)
            if after is not None and after[3] is not None:
                # "Police Major Pramot Pansakun, the commander of the Region 2 Border Patrol Police":
                # the title stays the one before the name; the apposition names the body.
                return found[0], after[1], found[2], after[3]
        if found is None and rank_start < m.start:
            title = " ".join(self.rules.lex.ranks[t.lower_.rstrip(".")] for t in doc[rank_start:m.start]
                             if t.lower_.rstrip(".") in self.rules.lex.ranks)
            span_start, affiliation = rank_start, None
            before = self._affiliation_before(doc, rank_start, named_only=True)
            if before is not None:
                span_start, affiliation = before
            after = self._title_after(doc, m)
            if after is not None:
                # "Sgt. Derek Glenn, a spokesman for the Newark Police Department": the apposition
                # says more; the row covers both.
                return span_start, after[1], after[2], after[3] or affiliation
            span_end, affiliation = self._affiliation_after_name(doc, m, affiliation)
            return span_start, span_end, title, affiliation
        return found

    def _title_run_before(self, doc: Doc, m: Mention, end: int):
        """The title run (with its affiliation) that ends at token END, before the name of M."""
        run = self._title_run_ending(doc, end)
        if run is None:
            return None
        t_start, t_end, affil_after = run
        if not any(doc[i].lower_ in self.rules.lex.heads for i in range(t_start, t_end)):
            return None
        t_start = self._skip_organisation_words(doc, t_start, t_end)
        t_start = self._skip_body_name_end(doc, t_start, t_end)
        # "in New York City and Judge Kenneth Starr": what comes before the joiner is another conjunct
        # (the body words "City" ended a place), not this title's affiliation.
        coordinated = doc[t_start].lower_ in JOINERS
        while t_start < t_end and doc[t_start].lower_ in JOINERS:
            t_start += 1
        span_start = t_start
        # Honorifics before the title belong to the mention ("Mr Justice Anthony Mann").
        while span_start > 0 and doc[span_start - 1].lower_ in self.rules.lex.honorifics:
            span_start -= 1
        title = self._title_text(doc, t_start, t_end)
        if title is None:
            return None
        affiliation = None
        found = None if coordinated else self._affiliation_before(doc, span_start)
        if found is not None:
            a_start, affiliation = found
            span_start = a_start
            # A kept modifier before the affiliation is part of the title ("Former Microsoft CEO").
            if a_start > 0 and doc[a_start - 1].lower_ in self.rules.lex.kept and \
                    doc[a_start - 1].lower_ not in self.rules.lex.heads:
                span_start = a_start - 1
                title = f"{doc[a_start - 1].text} {title}"
        elif affil_after is not None:
            affiliation = doc[affil_after[0]:affil_after[1]].text
        else:
            inner = self._organisation_inside_title(doc, t_start, t_end)
            if inner is not None:
                # "former Air Force commander Avihu Bin-Nun": title "former commander", body "Air Force".
                kept = self._title_text(doc, t_start, inner.start) if inner.start > t_start else None
                title = " ".join(x for x in (kept, self._title_text(doc, inner.end, t_end)) if x)
                affiliation = inner.text
        span_end, affiliation = self._affiliation_after_name(doc, m, affiliation)
        return span_start, span_end, title, affiliation

    def _title_run_ending(self, doc: Doc, end: int) -> tuple[int, int, tuple[int, int] | None] | None:
        """(title start, title end, affiliation between title and name) for a title that ends at
        token END, right before a name, optionally with a comma ("The former Chief Operating
        Officer, Tim Cook") or an organisation after "of/at/for" ("chief executive of Apple Inc.
        Steve Jobs")."""
        comma = end > 0 and doc[end - 1].text == ","
        if comma:
            end -= 1
        t_start = self._run_ending_at(end)
        if t_start is not None:
            return t_start, end, None
        np_start = self._np_start_ending_at(doc, end, chunks=comma)
        if np_start is None or np_start < 2:
            return None
        # "former commander of the Soviet Navy Nikolai Kuznetsov": an article after the preposition.
        prep = np_start - 2 if doc[np_start - 1].lower_ == "the" else np_start - 1
        if doc[prep].lower_ not in {"of", "at", "for", "to"}:
            return None
        t_start = self._run_ending_at(prep)
        if t_start is None:
            return None
        if doc[prep].lower_ == "to":
            return t_start, end, None  # "British Ambassador to Azerbaijan James Sharp": the post is the title
        return t_start, prep, (np_start, end)

    def _organisation_inside_title(self, doc: Doc, t_start: int, t_end: int) -> Span | None:
        """An organisation the model marked inside a title run, before its head ("former Air Force
        commander"): the words of a body that are also title words ("force", "air")."""
        if not doc[t_end - 1].is_lower:
            return None
        for ent in self.ents:
            # a lower-case word the model calls an organisation names none ("senior duty officer")
            if t_start <= ent.start and ent.end < t_end and ent.label_ == "ORG" and not all(t.is_lower for t in ent):
                return ent
        return None

    def _skip_organisation_words(self, doc: Doc, t_start: int, t_end: int) -> int:
        """Capitalised words before a lower-case title are the organisation's name, not the title's
        ("Bell Curve Trading chief strategy expert"): where the title proper starts."""
        if not doc[t_end - 1].is_lower:
            return t_start
        k = t_start
        while k < t_end - 1 and doc[k].text[:1].isupper() and not doc[k].is_sent_start:
            k += 1
        if not any(doc[x].lower_ in self.rules.lex.heads for x in range(t_start, k)):
            return k
        return t_start

    def _skip_body_name_end(self, doc: Doc, t_start: int, t_end: int) -> int:
        """Capitalised body words at the start of a title run that follow a capitalised name word
        end the organisation's name ("Maricopa County Superior Court Judge": the title is "Judge");
        after a country, a demonym or at the start of a sentence they stay in the title ("Azerbaijani
        Supreme Court Justice")."""
        lex = self.rules.lex
        if t_start == 0 or doc[t_start].is_sent_start:
            return t_start
        prev = doc[t_start - 1]
        if not (prev.text[:1].isupper() and prev.is_alpha) or prev.lower_ in lex.title_or_honorific_words:
            return t_start
        if is_country_or_demonym(prev.text):
            return t_start
        k = t_start
        while k < t_end - 1 and doc[k].lower_ in lex.body_modifiers and doc[k].text[:1].isupper():
            k += 1
        return k if k > t_start and any(doc[x].lower_ in lex.heads for x in range(k, t_end)) else t_start

    def _affiliation_after_name(self, doc: Doc, m: Mention, affiliation: str | None) -> tuple[int, str | None]:
        """(row end, affiliation): an entity after "of"/"from" right after the name, when none was
        written before it ("Senator Mark Warner from Virginia", "spokesman John Smith of the State
        Department")."""
        if affiliation is None and m.end + 1 < len(doc) and doc[m.end].lower_ in {"of", "from"}:
            k = m.end + 2 if doc[m.end + 1].lower_ == "the" and m.end + 2 < len(doc) else m.end + 1
            ent = self._ent_starting(k)
            if ent is not None and ent.label_ in AFFILIATION_LABELS:
                body = self._body_after_possessive(doc, ent.end - 1 if ent[-1].text in POSSESSIVE else ent.end)
                if ent.label_ in {"GPE", "LOC"} and body is not None:
                    return body[1], doc[body[0]:body[1]].text  # "of New York's Mount Sinai School of Medicine"
                return ent.end, ent.text
            a_start, a_stop, end = self._named_body_in(doc, m.end + 1, self._np_end(doc, m.end + 1))
            if a_start > k and self._ent_starting(a_start) is not None:
                return end, doc[a_start:a_stop].text  # "of the smaller Rollei company"
            # A named body the tagger cut or missed ("Judge Ralph Winter of the 2nd U.S. Circuit
            # Court of Appeals", "Lt. Jim Bowell of the Butler Township Fire Department").
            a_end = self._named_body_end(doc, k)
            if a_end is not None:
                return a_end, doc[k:a_end].text
        return m.end, affiliation

    def _body_after_possessive(self, doc: Doc, i: int) -> tuple[int, int] | None:
        """The organisation named after a place's possessive at token I ("New York 's Mount Sinai School
        of Medicine"): its token span, or None."""
        if i + 1 >= len(doc) or doc[i].text not in POSSESSIVE:
            return None
        ent = self._ent_starting(i + 1)
        if ent is not None and ent.label_ in {"ORG", "FAC"}:
            return ent.start, ent.end
        end = self._named_body_end(doc, i + 1)
        return (i + 1, end) if end is not None else None

    def _named_body_end(self, doc: Doc, k: int) -> int | None:
        """End of a capitalised name starting at token K ("2nd U.S. Circuit Court of Appeals"), carried
        through "of"/"for"/"and" + capitalised words; None unless it holds two words or an entity."""
        n = len(doc)
        j = k
        if j < n and (doc[j].ent_type_ == "ORDINAL" or doc[j].like_num):
            j += 1
        start_words = j
        while j < n and (doc[j].text[:1].isupper() and not doc[j].is_punct or doc[j].text == "&"):
            j += 1
            if j + 1 < n and doc[j].lower_ in {"of", "for", "and"} and doc[j + 1].text[:1].isupper() \
                    and not (doc[j].lower_ == "and" and doc[j + 1].ent_type_ == "PERSON"):
                j += 1
        if j - start_words >= 2 or (j > start_words and self._ent_starting(start_words) is not None):
            return j
        return None

    def _np_start_ending_at(self, doc: Doc, end: int, chunks: bool = True) -> int | None:
        """Start of the organisation (or, with CHUNKS, any noun phrase) that ends right before token
        END. Without a comma only a named organisation can sit between title and name: in "attorney
        for Elian's father Juan Miguel Gonzalez" the name belongs to "father"."""
        ent = self._ent_ending(end)
        if ent is not None and ent.label_ in AFFILIATION_LABELS | {"PRODUCT"}:
            return ent.start
        k = end  # a capitalised name the tagger did not mark ("Ambassador to Azerbaijan James Sharp")
        while k > 0 and end - k < 5 and doc[k - 1].text[:1].isupper() and doc[k - 1].is_alpha:
            k -= 1
        if k < end and k > 0 and doc[k - 1].lower_ in {"of", "at", "for", "to"}:
            return k
        if k < end and k > 1 and doc[k - 1].lower_ == "the" and doc[k - 2].lower_ in {"of", "at", "for"}:
            return k
        if not chunks:
            return None
        return self.chunk_start_by_end.get(end)

    def _affiliation_before(self, doc: Doc, i: int, named_only: bool = False) -> tuple[int, str] | None:
        """The affiliation written right before token I: (its start token, its text), carried left over
        a hyphen written without spaces ("ITAR-TASS correspondent", "Indemerc-Louis Harris President")."""
        found = self._affiliation_right_before(doc, i, named_only)
        if found is None:
            return None
        start = found[0]
        while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ \
                and not doc[start - 1].whitespace_ and doc[start - 2].text[:1].isupper() and doc[start - 2].is_alpha:
            start -= 2
        return (start, doc[start:found[0]].text + found[1]) if start < found[0] else found

    def _affiliation_right_before(self, doc: Doc, i: int, named_only: bool = False) -> tuple[int, str] | None:
        """The affiliation written right before token I: (its start token, its text). NAMED_ONLY
        keeps to entities, demonyms and possessives (no bare capitalised words or common nouns)."""
        if i <= 0:
            return None
        prev = doc[i - 1]
        if prev.text == ")":
            return self._affiliation_before_parenthesis(doc, i, named_only)
        # Lower-case nouns between a named body and its title ("a University of Texas law professor",
        # "BSP floor leader"): the body is the name.
        k = i - 1
        while k > 0 and i - k <= 2 and doc[k].is_lower and doc[k].pos_ in {"NOUN", "ADJ"} and doc[k].lower_ not in DETERMINERS:
            k -= 1  # also adjectives of the beat ("ITAR-TASS diplomatic correspondent")
        ent = self._ent_ending(k + 1) if k < i - 1 else None
        if ent is not None and ent.label_ in {"ORG", "FAC"}:
            return self._with_people_adjective(doc, ent.start, ent.end)
        if ent is None and k < i - 1 and _is_acronym_name(doc[k]):
            return k, doc[k].text  # an agency's acronym the model left unmarked ("ITAR-TASS diplomatic correspondent")
        if prev.text in POSSESSIVE and i >= 2:
            ent = self._ent_ending(i - 1)
            if ent is not None:
                return ent.start, ent.text
            start = i - 2
            while start > 0 and doc[start - 1].pos_ in {"PROPN", "NOUN", "ADJ"} and not doc[start - 1].is_punct:
                start -= 1
            while start > 0 and doc[start - 1].lower_ in DETERMINERS:
                start -= 1
            return start, doc[start:i - 1].text
        ent = self._ent_ending(i)
        if ent is not None and ent.label_ in {"ORG", "FAC"}:
            return self._with_people_adjective(doc, ent.start, ent.end)
        if ent is not None and ent.label_ in AFFILIATION_LABELS:
            return ent.start, ent.text
        if prev.ent_type_ in AFFILIATION_LABELS:
            start = i - 1
            while start > 0 and doc[start].ent_iob_ == "I":
                start -= 1  # back to the entity's first word ("Coast Guard Lt." -> "Coast Guard")
            return start, doc[start:i].text
        if default_gazetteer().demonym_country(prev.text):
            return i - 1, prev.text
        if named_only:
            return None
        if prev.text[:1].isupper() and prev.pos_ in {"PROPN", "NOUN"} and not prev.is_sent_start \
                and prev.ent_type_ not in NOT_BODIES:
            start = i - 1
            while start > 0 and (doc[start - 1].text[:1].isupper() or doc[start - 1].text == "&") \
                    and doc[start - 1].pos_ in {"PROPN", "NOUN", "CCONJ"} and not doc[start].is_sent_start \
                    and doc[start - 1].ent_type_ not in NOT_BODIES:
                start -= 1
            if start > 0 and _is_nationality_word(doc[start - 1]) and not doc[start].is_sent_start:
                start -= 1  # "Russian State Duma Deputy": the nationality is part of the name
            return start, doc[start:i].text
        if prev.text[:1].isupper() and prev.pos_ == "PROPN" and prev.is_sent_start and \
                prev.lower_ not in self.rules.lex.title_words:
            return i - 1, prev.text
        if prev.pos_ == "NOUN" and prev.dep_ == "compound" and prev.is_lower and prev.lower_ not in DETERMINERS:
            start = i - 1
            while start > 0 and doc[start - 1].pos_ in {"NOUN", "PROPN"} and not doc[start - 1].is_punct:
                start -= 1
            # a common noun before the title is a body only when it is a body's noun ("company CEO",
            # "newspaper reporter"); "rights leader", "duty officer" name the field, not a body
            if doc[start:i].text[:1].isupper() or any(self._is_body_noun(t.lower_) for t in doc[start:i]):
                return start, doc[start:i].text
        return None

    def _is_body_noun(self, word: str) -> bool:
        """Whether the lower-case WORD is a noun for an organisation ("council", "company", "newspaper")."""
        return word in self.rules.lex.body_heads or word in self.rules.organisation_nouns

    @staticmethod
    def _with_people_adjective(doc: Doc, start: int, end: int) -> tuple[int, str]:
        """(start, text) of the organisation [start, end) with the nationality written right before
        it, which is part of how it is named ("Chinese Foreign Ministry", "Russian State Duma",
        "Korean CIA"); a party or a faith is not ("Republican U.S. House")."""
        if start > 0 and doc[start].ent_iob_ == "B" and _is_nationality_word(doc[start - 1]):
            start -= 1
        return start, doc[start:end].text

    def _affiliation_before_parenthesis(self, doc: Doc, i: int, named_only: bool) -> tuple[int, str] | None:
        """An organisation and its acronym or expansion in parentheses before a title ("CHP
        (Republican People's Party) leader Deniz Baykal", "Labor Party (PT) candidate Cecilia Soto"):
        the name before the parenthesis."""
        k = i - 2
        while k >= 0 and i - k <= 10 and doc[k].text != "(":
            if doc[k].text in {")", ".", ";"}:
                return None
            k -= 1
        if k <= 0 or doc[k].text != "(":
            return None
        found = self._affiliation_before(doc, k, named_only=True)
        if found is None and k > 0 and doc[k - 1].is_upper and len(doc[k - 1]) > 1:
            found = (k - 1, doc[k - 1].text)  # an acronym the tagger did not mark
        return found

    def _title_after(self, doc: Doc, m: Mention):
        """NAME, [who is] [the] [AFFILIATION('s)] TITLE [of|for|at AFFILIATION], or NAME, who heads BODY."""
        n = len(doc)
        held = self._post_held_by_verb(doc, m)
        if held is not None:
            return held
        i = self._apposition_start(doc, m.end)
        if i is None:
            i = self._post_after_object(doc, m)
        if i is None:
            return None
        while i < n and doc[i].lower_ in {"formerly", "currently", "now", "also", "then"}:
            i += 1
        while i < n and (doc[i].lower_ in DETERMINERS or doc[i].lower_ == "another"):
            i += 1  # "Fred Farrar, another FAA spokesman"
        one_of = self._one_of_the_holders(doc, m, i)
        if one_of is not None:
            return one_of
        t_start, affiliation = self._title_start_from(doc, i)
        if t_start is None:
            i = self._after_coordinated_occupation(doc, i) or self._copula_after_apposition(doc, m.end, i)
            if i is None:
                return None
            t_start, affiliation = self._title_start_from(doc, i)
            if t_start is None:
                return None
        t_end = self._run_starting_at(t_start)
        if t_end is None:
            return None
        # The run must end on a head ("Apple's senior vice president"), not on a modifier.
        while t_end > t_start and doc[t_end - 1].lower_ not in self.rules.lex.heads:
            t_end -= 1
        if t_end <= t_start or _modifies_a_later_noun(doc, t_end - 1):
            return None
        if t_end < n and (doc[t_end].ent_type_ == "PERSON" or (doc[t_end].pos_ == "PROPN" and doc[t_end].is_title)):
            return None  # the title belongs to the next name ("Hassan, King Hussein's brother")
        title_from = i if t_start > i and affiliation is None else t_start
        if affiliation is not None and self._names_a_person_or_group(doc, i, t_start):
            # "Rabin's spokesman at the Defense Ministry", "a Democratic member of the Clover Town
            # Council": the body after the title is the one served, not the person or the party word.
            after = self._title_complements(doc, t_end, None)
            if after[2] is not None and _starts_with_a_name(after[2]) and not self._names_no_body(after[2]):
                affiliation = None
        t_end, end, affiliation = self._body_after_beat(doc, i, t_start, t_end, affiliation) \
            or self._title_complements(doc, t_end, affiliation)
        if self._names_no_body(affiliation) or self._names_a_people(doc, affiliation, end):
            second = self._coordinated_role(doc, end)
            if second is not None:
                # "a national spokesman for reform and president of the Carnegie Foundation", "leader of
                # Bosnian Serbs and vice-president of the Union of Serb Writers": the role that names a
                # body says whom the person serves
                t_start, t_end, end, affiliation = second
                i = title_from = t_start
        title = self._title_text(doc, title_from, t_end)
        if title is None:
            return None
        if affiliation is not None:
            # A rank written before the organisation belongs to the title ("a former Yale
            # University law professor" -> "former professor"), as in "Former Microsoft CEO".
            k = i
            while k < t_start and doc[k].is_lower and doc[k].lower_ in self.rules.lex.kept:
                k += 1
            if k > i:
                title = f"{doc[i:k].text} {title}"
        if end < n and doc[end].text == ")" and doc[m.end:end].text.count("(") > doc[m.end:end].text.count(")"):
            end += 1  # the row closes the parenthesis it opened ("of the PRD (Party of the Democratic Revolution)")
        return m.start, end, title, affiliation

    def _one_of_the_holders(self, doc: Doc, m: Mention, i: int):
        """NAME, one of the TITLEs of BODY ("Ann Lee, one of the directors of the Harbor Trust", "one of
        the senior editors at the Ledger"): the title in the singular, with the body the plural's
        preposition names; None when no body is named ("one of the best lawyers in town")."""
        n, lex = len(doc), self.rules.lex
        if not (i + 2 < n and doc[i].lower_ == "one" and doc[i + 1].lower_ == "of"):
            return None
        k = i + 3 if doc[i + 2].lower_ == "the" else i + 2
        first = k
        while k < n and k - first < 2 and doc[k].is_lower and doc[k].lower_ in lex.kept:
            k += 1  # "one of the senior editors"
        if k >= n or doc[k].tag_ != "NNS" or doc[k].lemma_.lower() not in lex.heads:
            return None
        t_end, end, affiliation = self._title_complements(doc, k + 1, None)
        if self._names_no_body(affiliation) or self._names_a_people(doc, affiliation, end):
            return None
        title = " ".join([t.text for t in doc[first:k]] + [doc[k].lemma_.lower()] + [t.text for t in doc[k + 1:t_end]])
        return m.start, end, title, affiliation

    def _post_after_object(self, doc: Doc, m: Mention) -> int | None:
        """Where the post starts after a name that a verb of appointment takes as its object: "it has
        named Larry Jinks publisher of the Mercury News", "the Democrats elected Ohio's Richard
        Celeste to be chairman of ...", "appointed Ann Lee as director"; None otherwise."""
        verb = next((k for k in range(m.start - 1, max(m.start - 4, -1), -1)
                     if doc[k].pos_ == "VERB" and doc[k].lemma_.lower() in self.rules.post_verbs), None)
        if verb is None or any(t.is_punct or t.pos_ == "VERB" for t in doc[verb + 1:m.start]):
            return None
        i = m.end
        if i + 1 < len(doc) and doc[i].lower_ == "to" and doc[i + 1].lower_ == "be":
            i += 2
        elif i < len(doc) and doc[i].lower_ == "as":
            i += 1
        i = _past_determiners(doc, i)
        return i if self._run_starting_at(i) is not None else None

    def _coordinated_role(self, doc: Doc, k: int) -> tuple[int, int, int, str] | None:
        """(title start, title end, row end, affiliation) of a second role joined by "and" at token K
        whose complement names a body ("... and president of the Carnegie Foundation"), else None."""
        n = len(doc)
        if k + 2 >= n or doc[k].lower_ != "and":
            return None
        i = _past_determiners(doc, k + 1)
        t_end = self._run_starting_at(i)
        if t_end is None:
            return None
        while t_end > i and doc[t_end - 1].lower_ not in self.rules.lex.heads:
            t_end -= 1
        if t_end <= i:
            return None
        t_end, end, affiliation = self._title_complements(doc, t_end, None)
        if not affiliation or self._names_no_body(affiliation) or self._names_a_people(doc, affiliation, end):
            return None
        return i, t_end, end, affiliation

    @staticmethod
    def _names_a_people(doc: Doc, affiliation: str | None, end: int) -> bool:
        """Whether the affiliation ending at token END is a people the model calls a nationality or
        group ("leader of Bosnian Serbs"), not a body that serves as an employer."""
        if not affiliation:
            return False
        start = next((k for k in range(end - 1, max(end - 12, -1), -1) if doc[k:end].text == affiliation), None)
        words = [t for t in doc[start:end] if not t.is_lower] if start is not None else []
        return bool(words) and all(t.ent_type_ == "NORP" for t in words)

    def _post_held_by_verb(self, doc: Doc, m: Mention):
        """NAME, who heads/led/chairs BODY: a verb of holding a post names the title ("Mason, who headed
        the Centers for Disease Control" -> head); the body must be a name ("who heads the list" is none)."""
        i = m.end
        if i + 5 < len(doc) and doc[i].text == "," and doc[i + 1].like_num and doc[i + 2].text == ",":
            i += 2  # an age before "who" ("Warner, 70, who owned the Home State Savings Bank")
        if i + 3 >= len(doc) or doc[i].text != ",":
            return None
        i = self._who_after_apposition(doc, i + 1) - 1  # "Roper, a Democrat who chairs ..."
        if i + 3 >= len(doc) or doc[i + 1].lower_ != "who":
            return None
        verb = doc[i + 2]
        title = self.rules.lex.role_verbs.get(verb.lemma_.lower())
        if title is None or verb.pos_ not in {"VERB", "AUX"} or verb.tag_ not in {"VBZ", "VBD", "VBP"}:
            return None
        k = i + 3
        if doc[k].lower_ == "over" and verb.lemma_.lower() == "preside":
            k += 1
        body = k + 1 if doc[k].lower_ == "the" else k
        a_end = self._np_end(doc, k)
        while body < a_end - 1 and doc[body].is_lower and doc[body].pos_ in {"ADJ", "VERB"}:
            body += 1  # "the failed Home State Savings Bank": the name after its adjectives
        if body >= a_end or not doc[body].text[:1].isupper():
            return None
        return m.start, a_end, title, doc[body:a_end].text

    def _body_led_by(self, doc: Doc, m: Mention):
        """BODY headed/led/founded by NAME: the passive of a verb of holding a post whose agent is the
        name and whose subject, or the noun it modifies, is an organisation the model names ("the
        Mediterranean Foundation headed by Juan Novara", "The theatre was founded in 1977 by Leigh
        Gore") -> the verb's title (head, leader, founder), the body as affiliation."""
        k = m.start - 1
        if k < 1 or doc[k].lower_ != "by" or doc[k].dep_ != "agent" or not doc.has_annotation("DEP"):
            return None
        verb = doc[k].head
        title = self.rules.lex.role_verbs.get(verb.lemma_.lower())
        if title is None or verb.tag_ != "VBN" or verb.i >= k:
            return None
        bodies = [verb.head] if verb.dep_ == "acl" else [c for c in verb.children if c.dep_ == "nsubjpass"]
        for tok in bodies:
            ent = next((e for e in self.ents if e.start <= tok.i < e.end), None)
            if ent is not None and ent.label_ == "ORG" and ent.end <= verb.i:
                start = ent.start + 1 if ent[0].lower_ == "the" and len(ent) > 1 else ent.start
                return start, m.end, title, doc[start:ent.end].text
        return None

    def _employer_after_name(self, doc: Doc, m: Mention):
        """NAME [, AGE,] of/with the BODY, NAME at the BODY, NAME, who works for/at BODY or who does
        work for it ("who covers the White House for The Associated Press"), the BODY perhaps after
        a descriptor ("of the law firm Skadden, Arps") (also for the first of two names joined by "and"): a person with the organisation they serve and no title word ("Jerry Chapman of the Bureau of Land
        Management", "Jane Doe with the Sierra Club said"); the title is empty. A place is no
        employer ("John Smith of Chicago")."""
        n, i = len(doc), m.end
        if i + 1 < n and doc[i].lower_ == "and":
            partner = self._ent_starting(i + 1)
            if partner is not None and partner.label_ == "PERSON":
                i = partner.end  # "James Blight and David Welch of Harvard University": both work there
        if i < n and doc[i].text == ",":
            i += 1
            if i + 1 < n and doc[i].like_num and doc[i + 1].text == ",":
                i += 2  # "Ulf D. Merbold, 47, of the European Space Agency"
            i = self._who_after_apposition(doc, i)
        if i + 3 < n and (doc[i].lower_ == "who" or doc[m.end - 1].dep_ == "nsubj" and i == m.end
                          and doc[i].lower_ not in EMPLOYER_PREPOSITIONS):
            # "X, who works for BODY"; "X covers the White House for BODY": the name is the subject
            verb_at = i + 1 if doc[i].lower_ == "who" else i
            i = self._employer_preposition_of_clause(doc, verb_at)
            if i is None:
                return None
            # a verb of employment says the body employs the person ("who has worked at Boeing")
            by_verb = any(t.lemma_.lower() in self.rules.employing_verbs for t in doc[verb_at:i])
        elif i >= n or doc[i].lower_ not in EMPLOYER_PREPOSITIONS:
            return None
        else:
            by_verb = False
        body = i + 2 if i + 2 < n and doc[i + 1].lower_ == "the" else i + 1
        body = self._after_organisation_descriptor(doc, body)
        end = self._employer_end(doc, body, named_head_needed=doc[i].lower_ == "at" and not by_verb)
        if end is None:
            return None
        return m.start, end, "", doc[body:end].text

    @staticmethod
    def _who_after_apposition(doc: Doc, i: int) -> int:
        """The "who" of a clause on a short apposition that describes the person without a title,
        from token I ("Roper, a Democrat who chairs ...", "a Republican from Ohio who served ..."):
        the clause is the person's. I itself when no such apposition starts there."""
        n = len(doc)
        if i >= n or doc[i].lower_ not in {"a", "an"}:
            return i
        for k in range(i + 1, min(i + 6, n)):
            if doc[k].lower_ == "who":
                return k if k > i + 1 else i
            if doc[k].is_punct or doc[k].pos_ in {"VERB", "AUX", "PRON", "SCONJ"}:
                return i
        return i

    def _employer_preposition_of_clause(self, doc: Doc, k: int) -> int | None:
        """The "for"/"at" of a relative clause from token K that says whom the person works for: a
        verb of work (`work_verbs`: "works for", "covers the White House for", "has taught at"), its
        object in a few words, then the preposition, or "in"/"on" after a verb of service (`service_verbs`:
        "who served 12 years in the Senate"); None otherwise. A clause of any other verb
        ("who spoke at Harvard", "who sued Ford") names no employer."""
        n = len(doc)
        while k < n and doc[k].pos_ == "AUX":
            k += 1  # "who has researched", "who had worked"
        if k >= n or doc[k].pos_ != "VERB" or doc[k].lemma_.lower() not in self.rules.work_verbs:
            return None
        served_in = doc[k].lemma_.lower() in self.rules.service_verbs
        for j in range(k + 1, min(k + 6, n - 1)):
            if doc[j].lower_ in {"for", "at"} or (served_in and doc[j].lower_ in {"in", "on"}):
                return j
            if doc[j].is_punct or doc[j].pos_ in {"VERB", "AUX"}:
                return None
        return None

    def _after_organisation_descriptor(self, doc: Doc, k: int) -> int:
        """Where the organisation's name starts after a descriptor ending in an organisation noun
        ("the law firm Skadden, Arps", "the investment firm Prudential-Bache"), when the model calls
        the name an organisation: K when there is none."""
        j = k
        while j < len(doc) and j - k < 3 and doc[j].is_lower and doc[j].pos_ in {"NOUN", "ADJ"}:
            j += 1
        if j == k or j >= len(doc) - 1 or doc[j - 1].lower_ not in self.rules.organisation_nouns:
            return k
        if doc[j].lower_ == "of":
            j += 1  # "the corporate law firm of Skadden, Arps"
        ent = self._ent_starting(j)
        return j if ent is not None and ent.label_ == "ORG" else k  # the model vouches for the name

    def _employer_possessive_before(self, doc: Doc, m: Mention):
        """ORG's NAME ("Goldman Sachs's Jim O'Neill", "the department's Al Comproni" after the Department
        of Public Health): the person with the organisation they serve, no title. A place's possessive
        names no employer ("Ohio's Richard Celeste")."""
        p = m.start - 1
        if p < 1 or doc[p].text not in POSSESSIVE:
            return None
        ent = self._ent_ending(p) or self._ent_ending(m.start)  # the model may keep the "'s"
        if ent is not None and ent.label_ == "ORG" and not self._read_as_a_place(doc[ent.start:p]):
            return ent.start, m.end, "", doc[ent.start:p].text
        if p >= 2:
            earlier = self._body_named_earlier(doc, p - 2, p)
            if earlier is not None:
                return p - 2, m.end, "", earlier
        return None

    @staticmethod
    def _read_as_a_place(span: Span) -> bool:
        """Whether the places table holds SPAN (a town the model called an organisation: "Rochester's")."""
        return any(p["start"] <= span.start_char and span.end_char <= p["end"] for p in (span.doc._.places or []))

    def _employer_end(self, doc: Doc, k: int, named_head_needed: bool) -> int | None:
        """End of the organisation named from token K: an ORG entity, or a capitalised name holding an
        organisation noun (`body_heads`: "Forest Service"); with NAMED_HEAD_NEEDED the noun is required
        of the entity too ("at the Institute of Mechanics", not "at the White House"). None when a
        noun follows it (the name then modifies it: "with Apple executives")."""
        n = len(doc)
        if k >= n or not doc[k].text[:1].isupper() or doc[k].ent_type_ in {"PERSON", "GPE", "LOC", "NORP", "DATE"}:
            return None
        ent = self._ent_starting(k)
        if ent is None and k > 0 and doc[k - 1].lower_ == "the":
            ent = self._ent_starting(k - 1)  # the model's span includes the article
        end = _before_a_verb(doc, k, ent.end) if ent is not None and ent.label_ == "ORG" else self._named_body_end(doc, k)
        if end is not None and end - 1 > k and doc[end - 1].text in POSSESSIVE:
            end -= 1  # "of Harvard University's John F. Kennedy School": the row ends at the body
        if end is None:
            return None
        has_head = any(doc[j].lower_ in self.rules.lex.body_heads for j in range(k, end))
        if (ent is None or ent.label_ != "ORG" or named_head_needed) and not has_head:
            return None
        if end < n and doc[end].pos_ in {"NOUN", "PROPN"} and doc[end].is_lower:
            return None
        return end

    @staticmethod
    def _after_coordinated_occupation(doc: Doc, i: int) -> int | None:
        """Where a title coordinated with a first occupation starts ("a jeweler and president of Vision
        Seattle", "a senior researcher and an editor of ..."): after "and" and its article."""
        k = i
        while k < len(doc) and k - i < 3 and doc[k].is_lower and doc[k].pos_ in {"NOUN", "ADJ"}:
            k += 1
        if k == i or k >= len(doc) - 1 or doc[k].lower_ != "and":
            return None
        k += 1
        while k < len(doc) and doc[k].lower_ in {"a", "an", "the"}:
            k += 1
        return k

    def _apposition_start(self, doc: Doc, i: int) -> int | None:
        """Where a title after the name at token I may start: after a comma (and an age, or
        "who" + copula), after a copula, or at "a"/"an"; None when no title can follow."""
        n = len(doc)
        if i < n and doc[i].text == ",":
            i = _after_party_and_state(doc, i + 1)
            if i + 1 < n and doc[i].like_num and doc[i + 1].text == ",":
                i += 2  # an age between name and title ("Jobs, 56, the chief executive")
                if i < n and doc[i].lower_ in self.rules.copula_starts:
                    return self._after_copula(doc, i)  # "Sturholm, 46, was a reporter for KIRO"
            if i < n and doc[i].lower_ == "who":
                return self._after_copula(doc, i + 1)
            return i
        if i < n and doc[i].lower_ in self.rules.copula_starts:
            return self._after_copula(doc, i)
        if i < n and doc[i].lower_ in {"a", "an"}:
            return i
        if i + 1 < n and doc[i].text == "(" and doc[i + 1].is_lower:
            return i + 1  # a title in parentheses ("Occhetto (leader of the Democratic Party of the Left)")
        return None

    def _title_start_from(self, doc: Doc, i: int) -> tuple[int | None, str | None]:
        """(start of the title run at or after token I, the affiliation written before it): lower-case
        nouns before a title belong to it ("a management expert"); else an affiliation may come first
        (possessive, entity, demonym or capitalised run)."""
        n = len(doc)
        j = i
        while j < n and j - i < 3 and doc[j].is_lower and doc[j].pos_ in {"NOUN", "ADJ"} and \
                self._run_starting_at(j) is None:
            j += 1
        if j > i and self._run_starting_at(j) is not None:
            return j, None
        if self._run_starting_at(i) is not None:
            return i, None
        found = self._affiliation_ahead(doc, i)
        k = i
        lex = self.rules.lex
        while found[0] is None and k < n and k - i < 2 and doc[k].is_lower and (doc[k].lower_ in lex.kept or doc[k].lower_ in lex.dropped):
            k += 1  # a rank before the organisation ("a senior Defense Ministry official", "a longtime Boeing employee")
            found = self._affiliation_ahead(doc, k)
        return found

    def _title_complements(self, doc: Doc, t_end: int, affiliation: str | None) -> tuple[int, int, str | None]:
        """(title end, row end, affiliation) after the prepositions that follow a title: portfolios
        stay in the title ("minister of fiscal policy"), and so does the receiving side ("ambassador
        to Azerbaijan"); an organisation becomes the affiliation ("chief executive of Apple")."""
        n, lex = len(doc), self.rules.lex
        end = t_end
        while end + 1 < n and (doc[end].lower_ in lex.affiliation_prepositions or doc[end].lower_ == "to"
                               or self._organisation_after_in(doc, end)):
            nxt = doc[end + 1]
            if doc[end].lower_ == "to":
                to_end = self._np_end(doc, end + 1)
                if to_end <= end + 1 or not doc[end + 1:to_end].text[:1].isalpha():
                    break
                t_end = end = to_end
                continue
            if nxt.lower_ in lex.domains and doc[end].lower_ in lex.title_prepositions:
                k = end + 1
                while k < n and (doc[k].lower_ in lex.domains or doc[k].lower_ in JOINERS) and doc[k].lower_ != "-":
                    k += 1
                while k > end + 1 and doc[k - 1].lower_ in JOINERS:
                    k -= 1  # "professor of economics and | dean": the joiner leads to another title
                t_end = end = k
                continue
            if affiliation is None:
                a_end = self._before_participle(doc, end + 1, self._name_run_on(doc, self._np_end(doc, end + 1)))
                if a_end > end + 1 and self._is_portfolio_before_body(doc, end + 1, a_end):
                    t_end = end = a_end  # "chief of waste disposal for the NRC"
                    continue
                if a_end > end + 1:
                    a_start, a_stop, end = self._named_body_in(doc, end + 1, a_end)
                    affiliation = self._body_named_earlier(doc, a_start, a_stop) or doc[a_start:a_stop].text
            break
        return t_end, end, affiliation

    def _organisation_after_in(self, doc: Doc, k: int) -> bool:
        """Whether token K is an "in" that puts the title before it in an organisation the model names
        ("an organizer in the Farmers Union", "a lawyer in the Justice Department"): "in" before a
        place ("a lawyer in Chicago") or a common noun ("a professor in the history department")
        names no body."""
        if doc[k].lower_ != "in":
            return False
        ent = self._ent_starting(k + 1) or (self._ent_starting(k + 2) if k + 2 < len(doc) and doc[k + 1].lower_ == "the" else None)
        return ent is not None and ent.label_ == "ORG" and not self._read_as_a_place(ent)

    def _name_run_on(self, doc: Doc, end: int) -> int:
        """END carried over a capitalised organisation name that a lower-case noun phrase runs into
        ("executive of the state | Crime Victim and Witness Advisory Council"): the parser ends the
        phrase at the modifier, but the name is its head."""
        if not 0 < end < len(doc):
            return end
        for ent in self.ents:  # "of the banned Vishwa Hindu | Parishad": the phrase cut the entity
            if ent.start < end < ent.end and ent.label_ == "ORG":
                return self._name_run_on(doc, ent.end)
        if doc[end - 1].text[:1].isupper() and doc[end].lower_ in {"for", "of"}:
            return self._joined_by_preposition(doc, end)
        if doc[end].lower_ == "and":
            # "the Senate Appropriations treasury | and postal subcommittee": lower-case words joined
            # to the name up to its organisation noun.
            k = end + 1
            while k < len(doc) and k - end <= 3 and doc[k].is_lower and doc[k].is_alpha:
                if doc[k].lower_ in self.rules.lex.body_heads:
                    return k + 1
                k += 1
        if not doc[end - 1].is_lower or not doc[end].text[:1].isupper() \
                or doc[end].ent_type_ in NOT_BODIES | {"GPE", "LOC", "NORP"}:
            return end
        if doc[end - 1].lower_ in self.rules.organisation_nouns:
            return end  # "the mining company | Minpeco S.A.": a name in apposition (see _named_body_in)
        ent = self._ent_starting(end)
        if ent is not None and ent.label_ == "ORG":
            return ent.end
        named = self._named_body_end(doc, end)
        return named if named is not None and any(doc[j].lower_ in self.rules.lex.body_heads
                                                  for j in range(end, named)) else end

    @staticmethod
    def _before_participle(doc: Doc, start: int, end: int) -> int:
        """END cut before a gerund that follows the phrase's noun ("the House oversight subcommittee |
        grilling Mason"): the parser may run a clause into the phrase; a participle before the
        noun stays ("the banned Vishwa Hindu Parishad")."""
        seen_noun = False
        for k in range(start, end):
            if doc[k].tag_ == "VBG" and seen_noun:
                return k
            seen_noun = seen_noun or doc[k].pos_ in {"NOUN", "PROPN"}
        return end

    def _joined_by_preposition(self, doc: Doc, end: int) -> int:
        """END carried over "for"/"of" and a further organisation name that continues the one ending at
        END ("Habitat | for Humanity", "the Carnegie Foundation | for the Advancement of Teaching"); a
        place after it is no part of the name ("of Appeals | for the District of Columbia")."""
        k = end + 1
        if k < len(doc) and doc[k].lower_ == "the":
            ent = self._ent_starting(k + 1) or self._ent_starting(k)
            return ent.end if ent is not None and ent.label_ == "ORG" else end
        ent = self._ent_starting(k)
        if ent is not None:
            return ent.end if ent.label_ == "ORG" else end
        j = k
        while j < len(doc) and doc[j].is_title and doc[j].is_alpha and not doc[j].ent_type_:
            j += 1
        return j if j > k else end

    def _named_body_in(self, doc: Doc, start: int, end: int) -> tuple[int, int, int]:
        """(affiliation start, affiliation end, row end) for the noun phrase [start, end) after a title's
        preposition: the named organisation in it when the other words only describe it ("the Peruvian
        mining company Minpeco S.A.", "the banned VHP", "the Mediterranean Foundation research group"),
        or named right after it in apposition ("the strongest opposition party, the Croatian Social
        Liberal Party"); "the state Department of Transportation" stays whole."""
        ents = [e for e in self.ents if start <= e.start and e.end <= end and e.label_ in {"ORG", "FAC"}]
        if len(ents) == 1:
            ent = ents[0]
            before = [t for t in doc[start:ent.start] if t.lower_ not in DETERMINERS]
            after = list(doc[ent.end:end])
            # A people's adjective describes the body too ("the Peruvian silver mining company Minpeco S.A.").
            if all(t.is_lower or t.ent_type_ == "NORP" for t in before) and all(t.is_lower for t in after) and (
                    any(t.lower_ in self.rules.organisation_nouns for t in before + after)
                    or any(t.tag_ == "VBN" for t in before)
                    or (after and not before and all(t.pos_ == "NOUN" for t in after))):
                return ent.start, ent.end, end
        named_next = self._ent_starting(end)
        if not ents and named_next is not None and named_next.label_ == "ORG" and doc[end - 1].is_lower \
                and doc[end - 1].lower_ in self.rules.organisation_nouns:
            return named_next.start, named_next.end, named_next.end  # "the mining company Minpeco S.A."
        if not ents and all(t.is_lower for t in doc[start:end]) and end + 2 < len(doc) and doc[end].text == ",":
            k = end + 2 if doc[end + 1].lower_ == "the" else end + 1
            ent = self._ent_starting(k) or self._ent_starting(end + 1)
            if ent is not None and ent.label_ == "ORG":
                return (k if ent.start < k else ent.start), ent.end, ent.end
        return start, end, end

    def _body_named_earlier(self, doc: Doc, start: int, end: int) -> str | None:
        """The organisation that "the agency" in [start, end) refers back to: the nearest earlier ORG
        name holding that noun ("The Environmental Protection Agency ... a spokeswoman for the
        agency", "the Department of Public Health ... the department's"), or None."""
        if end - start != 2 or doc[start].lower_ != "the" or not doc[start + 1].is_lower:
            return None
        noun = doc[start + 1].lower_
        if noun not in self.rules.lex.body_heads:
            return None
        for ent in reversed(self.ents):
            if ent.end <= start and ent.label_ == "ORG" and any(t.lower_ == noun and t.is_title for t in ent):
                return ent.text
        return None

    def _is_portfolio_before_body(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the lower-case noun phrase [start, end) after "of" is the title's portfolio because
        a named body follows after another preposition ("vice president of daytime programs for ABC
        Entertainment", "professor of political science at Queens College")."""
        words = [t for t in doc[start:end] if t.lower_ not in DETERMINERS]
        if not words or not all(t.is_lower and t.is_alpha for t in words):
            return False
        if end + 1 >= len(doc) or doc[end].lower_ not in self.rules.lex.affiliation_prepositions:
            return False
        k = end + 1
        if doc[k].lower_ == "the" and k + 1 < len(doc):
            k += 1
        return doc[k].text[:1].isupper() or self._ent_starting(k) is not None

    def _body_after_beat(self, doc: Doc, i: int, t_start: int, t_end: int, affiliation: str | None):
        """(title end, row end, affiliation) when the words before the title are a place, the
        correspondent's or bureau's beat, and an organisation follows the title ("Middle East
        correspondent for The Associated Press", "the Moscow bureau chief of Reuters"): the body
        served is the one after; None otherwise."""
        if affiliation is None or t_start <= i or not all(t.ent_type_ in {"GPE", "LOC"} for t in doc[i:t_start]
                                                         if not t.is_lower):
            return None
        found = self._title_complements(doc, t_end, None)
        after = found[2]
        bare = after[4:] if after is not None and after[:4].lower() == "the " else after
        if bare is None or not bare[:1].isupper() or default_gazetteer().country_lookup(bare) \
                or any(t.ent_type_ in {"GPE", "LOC"} for t in doc[t_end:found[1]]):
            return None
        return found

    def _copula_after_apposition(self, doc: Doc, name_end: int, i: int) -> int | None:
        """Where the title after a copula starts when an apposition with no title comes between
        ("Anderson, the longest-held hostage, is Middle East correspondent for The Associated Press"):
        the apposition is a short noun phrase closed by a comma; None otherwise."""
        n = len(doc)
        if name_end >= n or doc[name_end].text != ",":
            return None
        for k in range(i, min(i + 8, n - 1)):
            if doc[k].text == ",":
                return self._after_copula(doc, k + 1) if k > i else None
            hyphened = doc[k].text == "-" or (doc[k - 1].text == "-" and not doc[k - 1].whitespace_)
            if not hyphened and (doc[k].pos_ in {"VERB", "AUX", "PRON"} or doc[k].is_punct):
                return None  # a clause, not a noun phrase ("longest-held" is one word)
        return None

    def _after_copula(self, doc: Doc, i: int) -> int | None:
        """The token after a copula starting at I ("is", "was", "has been", "serves as", "will be"),
        or None when there is none."""
        n = len(doc)
        if i >= n or doc[i].lower_ not in self.rules.copula_starts:
            return None
        word = doc[i].lower_
        i += 1
        needs = self.rules.copula_seconds.get(word)
        if needs is not None:
            if i >= n or doc[i].lower_ not in needs:
                return None
            i += 1
        elif word == "'s" and doc[i - 1].pos_ not in {"AUX", "VERB", ""}:
            return None  # a possessive, not "is"
        while i < n and doc[i].lower_ in {"now", "currently", "also", "still"}:
            i += 1
        if i < n and doc[i].lower_ in {"named", "appointed", "elected"} and doc[i].tag_ == "VBN":
            i += 1  # "has been named publisher of the San Jose Mercury News"
        return i

    def _affiliation_ahead(self, doc: Doc, i: int) -> tuple[int | None, str | None]:
        """An affiliation starting at token I and followed by a title: (title start, affiliation)."""
        n = len(doc)
        # Possessive: "Apple's", "the UK's"
        j = i
        while j < n and j - i < 6 and doc[j].text not in POSSESSIVE and not doc[j].is_punct:
            j += 1
        if j < n and doc[j].text in POSSESSIVE and j > i:
            k = self._past_beat_words(doc, j + 1)
            if self._run_starting_at(k) is not None:
                return k, doc[i:j].text
        ent = self._ent_starting(i)
        if ent is not None and ent.label_ in AFFILIATION_LABELS:
            # Up to two lower-case nouns between the organisation and its title ("a University of
            # Utah law professor").
            k = ent.end
            while k < n and k - ent.end < 2 and self._run_starting_at(k) is None and doc[k].is_lower \
                    and doc[k].pos_ in {"NOUN", "ADJ"}:
                k += 1  # also the beat's adjective ("a Reuters political correspondent")
            if self._run_starting_at(k) is not None:
                return k, ent.text
        if i < n and default_gazetteer().demonym_country(doc[i].text) and \
                self._run_starting_at(i + 1) is not None:
            return i + 1, doc[i].text
        j = i
        while j < n and j - i < 5 and (doc[j].text[:1].isupper() or doc[j].text == "&") and not doc[j].is_punct:
            if self._run_starting_at(j) is not None and j > i:
                return j, doc[i:j].text
            j += 1
        if j < n and j > i and self._run_starting_at(j) is not None:
            return j, doc[i:j].text
        return None, None

    def _past_beat_words(self, doc: Doc, k: int) -> int:
        """Token K past at most two words of a beat or region between an organisation's possessive and
        the title ("the AP's Midwest farm reporter", "the Herald's Europe political editor"); a person's
        name there ("Apple's Tim Cook") or a title at K stops it."""
        j = k
        while j < len(doc) and j - k < 2 and self._run_starting_at(j) is None and doc[j].is_alpha \
                and doc[j].pos_ in {"ADJ", "NOUN", "PROPN"} and doc[j].ent_type_ != "PERSON":
            j += 1
        return j if self._run_starting_at(j) is not None else k

    def _np_end(self, doc: Doc, i: int) -> int:
        """End of the affiliation noun phrase that starts at token I (an entity or a short chunk),
        carried through a possessive ("head of Cuba's parliament")."""
        end = self._carry_name_through(doc, i, self._np_end_simple(doc, i))
        if end < len(doc) and doc[end].text in {"'s", "’s"}:
            end = max(end + 1, self._np_end_simple(doc, end + 1))
        return end

    def _carry_name_through(self, doc: Doc, i: int, end: int) -> int:
        """END carried over what the parser cuts out of a long organisation name starting at token I: a
        list of capitalised words after "of" ("American Federation of State, County and Municipal
        Employees", "Department of Health, Education and Welfare") and "on" after a committee's noun
        ("Senate Committee on Veterans Affairs")."""
        n = len(doc)
        on = end if end < n and doc[end].lower_ == "on" else end - 1  # the model may end on "on"
        if i < on and on + 1 < n and doc[on].lower_ == "on" and doc[on - 1].lower_ in self.rules.lex.body_heads \
                and doc[on + 1].text[:1].isupper() and doc[on + 1].ent_type_ != "DATE":
            k = on + 1
            while k < n and doc[k].text[:1].isupper() and doc[k].is_alpha:
                k += 1
            return k
        if end + 3 < n and doc[end].text == "," and any(t.lower_ == "of" for t in doc[i:end]):
            k, saw_and = end, False
            while k + 1 < n and doc[k].text == "," or doc[k].lower_ == "and" and not saw_and:
                saw_and = saw_and or doc[k].lower_ == "and"
                j = k + 1
                while j < n and doc[j].text[:1].isupper() and doc[j].is_alpha and doc[j].ent_type_ not in {"PERSON", "DATE"}:
                    j += 1
                if j == k + 1:
                    return end
                k = j
                if saw_and:
                    return k
                if k >= n:
                    return end
        return end

    def _np_end_simple(self, doc: Doc, i: int) -> int:
        """End of the longer of the entity and the noun chunk that start at token I (after an
        optional determiner): "the Miami relatives", not "the Miami"."""
        j = i + 1 if i < len(doc) and doc[i].lower_ in DETERMINERS else i
        ends = [ent.end for ent in (self._ent_starting(i), self._ent_starting(j)) if ent is not None]
        ends += [c_end for c_start, c_end in self.chunks if c_start in (i, j) or (c_start < j < c_end)]
        if ends:
            return max(ends)
        k = i
        while k < len(doc) and doc[k].text[:1].isupper() and not doc[k].is_punct:
            k += 1
        return k


def _before_a_verb(doc: Doc, start: int, end: int) -> int:
    """END cut before a lower-case finite verb inside the model's organisation [start, end) and the
    punctuation before it: the entity ran on into the clause ("of Skadden, Arps said Popeyes could"
    -> "Skadden, Arps")."""
    for k in range(start + 1, end):
        if doc[k].is_lower and doc[k].pos_ in {"VERB", "AUX"} and doc[k].tag_ in {"VBD", "VBZ", "VBP", "MD"}:
            while k > start + 1 and (doc[k - 1].is_punct or not doc[k - 1].is_alpha):
                k -= 1
            return k
    return end


def _surname_of(doc: Doc, start: int, end: int) -> str:
    """The surname of the full name [start, end): its last word before a generational suffix
    ("Edwin E. Aldrin Jr." -> "Aldrin", "Thomas Gardner III" -> "Gardner")."""
    k = end - 1
    while k > start + 1 and (doc[k].lower_.rstrip(".") in {"jr", "sr"} or ROMAN.fullmatch(doc[k].text) or doc[k].text == "."):
        k -= 1
    return doc[k].text


def _is_title_word_as_surname(doc: Doc, span: tuple[int, int]) -> bool:
    """Whether the one capitalised word at SPAN, a title's word in a context only a person is named
    in, is a surname: with no article, possessive or adjective before it and no name after it
    ("the slaying of King", "killing King"; "the King was shot", "King Abdullah" are titles)."""
    start, end = span
    if end - start != 1 or not doc[start].is_title:
        return False
    if start > 0 and (doc[start - 1].lower_ in DETERMINERS or doc[start - 1].text in POSSESSIVE
                      or doc[start - 1].pos_ in {"ADJ", "PROPN", "DET", "PRON"}):
        return False
    return end >= len(doc) or not doc[end].text[:1].isupper()


def _is_nationality_word(tok) -> bool:
    """Whether TOK is a one-word nationality the model marked ("Chinese", "Russian"), not a
    country ("US") nor a party or faith ("Republican", "Catholic")."""
    if not (tok.ent_type_ == "NORP" and tok.ent_iob_ == "B" and tok.is_title):
        return False
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_iob_ == "I":
        return False
    return _is_demonym_of_no_country_name(tok.text)


def _is_demonym_of_no_country_name(word: str) -> bool:
    """Whether WORD is a people's adjective ("Bosnian", "Chinese") that is not itself a country's
    name ("US"): a nationality, not a place."""
    gazetteer = default_gazetteer()
    return bool(gazetteer.demonym_country(word)) and not gazetteer.country_lookup(word)


def _starts_with_a_name(text: str) -> bool:
    """Whether TEXT, past a leading article, starts with a capital ("the Defense Ministry", not
    "36 years" or "the board")."""
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return bool(words) and words[0][:1].isupper()


def _before_parenthesis(affiliation: str | None) -> str | None:
    """An affiliation without the acronym or expansion in parentheses after it ("PRD ( Party of the
    Democratic Revolution )" -> "PRD"): one name, as the acronym written before a title gives it."""
    if not affiliation or "(" not in affiliation:
        return affiliation
    head = affiliation.split("(", 1)[0].strip()
    return head or affiliation.strip("() ")


def _past_determiners(doc: Doc, i: int) -> int:
    """The first token from I on that is no determiner ("to be | the | chairman")."""
    while i < len(doc) and doc[i].lower_ in DETERMINERS:
        i += 1
    return i


def _is_acronym_name(tok) -> bool:
    """Whether TOK is written as an acronym ("TASS", "NHK"), with no entity reading of a date, number,
    person or place, and not at the start of its sentence."""
    return tok.is_upper and tok.is_alpha and len(tok) >= 2 and not tok.is_sent_start \
        and tok.ent_type_ not in NOT_BODIES | {"PERSON", "NORP", "GPE", "LOC"}


def _is_untagged_name_word(tok) -> bool:
    """A capitalised proper noun outside every entity (a name the tagger may have missed)."""
    return tok.is_title and tok.is_alpha and tok.pos_ in {"PROPN", "INTJ", "X"} and not tok.ent_type_


def _after_party_and_state(doc: Doc, i: int) -> int:
    """The token after a legislator's party and state in commas at token I ("Sen. Dennis DeConcini,
    D-Ariz., chairman of ..."): the apposition goes on after it; I itself when there is none."""
    if i + 3 < len(doc) and doc[i].text in {"D", "R", "I"} and doc[i + 1].text == "-" \
            and not doc[i].whitespace_ and doc[i + 2].text[:1].isupper() and doc[i + 3].text == ",":
        return i + 4
    return i


def _modifies_a_later_noun(doc: Doc, i: int) -> bool:
    """Whether the lower-case title word at token I is an adjective of a noun after it ("another major
    sub-prime mortgage specialist"): then it is no title ("major")."""
    tok = doc[i]
    return tok.is_lower and tok.pos_ == "ADJ" and tok.dep_ == "amod" and tok.head.i > i \
        and tok.head.pos_ in {"NOUN", "PROPN"}


def _noun_chunks(doc: Doc) -> list[tuple[int, int]]:
    """The (start, end) tokens of the doc's noun chunks, or none on a pipeline without a parser (the
    blank fallback). The language's chunk iterator gives the bounds doc.noun_chunks makes Spans of."""
    if not doc.has_annotation("DEP"):
        return []
    if doc.noun_chunks_iterator is None:
        return [(chunk.start, chunk.end) for chunk in doc.noun_chunks]  # raises as doc.noun_chunks does
    return [(start, end) for start, end, _ in doc.noun_chunks_iterator(doc)]


def _extend_hyphenated(doc: Doc, end: int) -> int:
    """END moved past hyphenated parts written without spaces ("Ban Ki" -> "Ban Ki-moon")."""
    while end + 1 < len(doc) and end > 0 and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    return end


def _extend_apostrophe_name(doc: Doc, end: int) -> int:
    """END moved past a surname written with a spaced apostrophe after "O" or "D" ("William O 'Brien",
    "Patrick O' Brien"), which the tokenizer splits in three, and past a generational suffix after it."""
    if not (0 < end and end + 1 < len(doc) and doc[end - 1].text in {"O", "D"}
            and doc[end].text in {"'", "’"} and doc[end + 1].is_title and doc[end + 1].is_alpha):
        return end
    end += 2
    if end < len(doc) and ROMAN.fullmatch(doc[end].text):
        end += 1
    return end


def _written_in_ordinary_case(doc: Doc, word: str) -> bool:
    """Whether the article also writes WORD (given in capitals) with a capital initial only, as a
    name ("BERNANKE" in a headline, "Bernanke" in the text): then it is no acronym."""
    return len(word) > 3 and re.search(rf"\b{re.escape(word.capitalize())}\b", base.doc_text(doc)) is not None


def _ent_len(ents, i: int) -> int:
    for ent in ents:
        if ent.start <= i < ent.end:
            return len(ent)
    return 0


def lower_in_window_ids(patterns: list[list[dict]]) -> tuple[frozenset[int], frozenset[int]] | None:
    """(ids of every word a pattern token accepts, ids of which every match holds one) when each
    token of PATTERNS is a LOWER IN list with an optional OP: then a match lies inside a stretch of
    accepted words and holds a word of the first required token (no OP, or "+") of its pattern.
    None for any other pattern (the matcher then runs on the whole doc). Both spellings of a value
    are taken, as written and lower-cased: a superset of windows changes no match. Ids come from
    get_string_id, as the matcher's: words that are spaCy symbols ("agent") have small ids, not hashes."""
    accepted: set[int] = set()
    required: set[int] = set()
    for pattern in patterns:
        first_required = None
        for tok in pattern:
            if set(tok) - {"LOWER", "OP"} or not isinstance(tok.get("LOWER"), dict) \
                    or set(tok["LOWER"]) != {"IN"} or tok.get("OP") not in {None, "*", "?", "+"}:
                return None
            ids = {get_string_id(v) for v in tok["LOWER"]["IN"]} | {get_string_id(v.lower()) for v in tok["LOWER"]["IN"]}
            accepted |= ids
            if first_required is None and tok.get("OP") in {None, "+"}:
                first_required = ids
        if first_required is None:
            return None
        required |= first_required
    return frozenset(accepted), frozenset(required)


def match_windows(lowers: list[int], accepted: frozenset[int], required: frozenset[int]) -> list[tuple[int, int]]:
    """The maximal stretches [a, b) of LOWERS (a doc's LOWER ids) whose words are all ACCEPTED and of
    which one is REQUIRED: where a match of lower_in_window_ids's patterns can be."""
    out = []
    start, needed = -1, False
    for i, value in enumerate(lowers):
        if value in accepted:
            if start < 0:
                start, needed = i, False
            needed = needed or value in required
        elif start >= 0:
            if needed:
                out.append((start, i))
            start = -1
    if start >= 0 and needed:
        out.append((start, len(lowers)))
    return out


def _expand(pattern: list[dict], sets: dict[str, list[str]]) -> list[dict]:
    """A Matcher pattern whose IN lists may name a lexicon set ("@heads")."""
    out = []
    for tok in pattern:
        tok = dict(tok)
        for attr, value in list(tok.items()):
            if isinstance(value, dict) and isinstance(value.get("IN"), str):
                tok[attr] = {**value, "IN": sets[value["IN"]]}
        out.append(tok)
    return out


@Language.factory(
    "news_people",
    assigns=["doc._.people", "doc._.officials"],
    default_config={"titles_path": "titles/titles.json", "nonpersons_path": "people/nonpersons.json",
                    "patterns_path": "titles/patterns.jsonl", "first_names_path": "people/first_names.json",
                    "person_contexts_path": "people/person_contexts.json",
                    "surnames_path": "people/surnames_us.json",
                    "corporate_words_path": "organizations/corporate_words.json"},
)
def make_news_people(nlp: Language, name: str, titles_path: str, nonpersons_path: str,
                     patterns_path: str, first_names_path: str, corporate_words_path: str,
                     person_contexts_path: str, surnames_path: str) -> NewsPeople:
    return NewsPeople(nlp, name, titles_path, nonpersons_path, patterns_path, first_names_path,
                      corporate_words_path, person_contexts_path, surnames_path)
