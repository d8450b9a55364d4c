"""The organizations component: the model's ORG entities left after the places and people corrections, trimmed."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Callable

import pycountry
from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from ..normalize.gazetteer import default_gazetteer, place_candidates
from ..normalize.name_article import HEAD_PREPOSITIONS  # the prepositions that continue a name's head noun
from ..normalize.titles import TitleLexicon
from . import base
from .places import core_span

OPEN_PAREN = get_string_id("(")
CLOSE_PAREN = get_string_id(")")
# An acronym as news writes one: two to eight capitals, perhaps with a hyphen or an ampersand.
ACRONYM = re.compile(r"^[A-Z][A-Z&-]{1,7}$")
# Lower-case words an organisation's name may hold that its acronym skips ("Organization of ... Countries").
ACRONYM_SKIPPED = frozenset({"of", "for", "and", "the", "on", "in", "de", "la", "del", "des", "du", "&"})
HANDLE = re.compile(r"^[@#]\w+$")
# A size or a screen's resolution ("320x240", "1920 x 1080"): numbers, no name.
DIMENSION = re.compile(r"^\d+(?:\.\d+)?\s*[x×]\s*\d+(?:\.\d+)?$")
# The generation after a person's name ("Martin Luther King III"), which the model may call ORG alone.
GENERATION_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})
# Words that make an ORG entity a date, a number or a generic phrase rather than a name.
NOT_NAME_START = frozenset({"a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our"})


@lru_cache(maxsize=4096)
def is_currency_code(text: str) -> bool:
    """Whether TEXT is an ISO 4217 currency code (USD, AZN), which the model likes to call ORG."""
    return len(text) == 3 and text.isupper() and pycountry.currencies.get(alpha_3=text) is not None


def is_country_or_demonym(word: str) -> bool:
    """Whether WORD is a country's name or a people's adjective, which names no organisation."""
    gazetteer = default_gazetteer()
    return bool(gazetteer.country_lookup(word) or gazetteer.demonym_country(word))


def org_name(span: Span) -> str:
    """The normalised name of an organisation mention: single spaces, straight apostrophes."""
    return " ".join(span.text.replace("\u2019", "'").split())


class NewsOrganizations(base.RuleDataComponent):
    """Rows for ORG entities that are not places, people, demonyms, social-media handles, currency
    codes, time zones, product lines, stock indexes or events."""

    def __init__(self, name: str, not_organizations_path: str, corporate_words_path: str,
                 titles_path: str = "titles/titles.json",
                 institution_heads_path: str = "organizations/institution_heads.json"):
        self.name = name
        self.institution_heads_path = institution_heads_path
        self.institution_heads: frozenset[str] = frozenset()
        self.institutions: frozenset[str] = frozenset()
        self.body_heads: frozenset[str] = frozenset()
        self.not_organizations_path = not_organizations_path
        self.corporate_words_path = corporate_words_path
        self.titles_path = titles_path
        self.data: dict = {}
        self.corporate_words: frozenset[str] = frozenset()
        self.corporate_ids: frozenset[int] = frozenset()
        self.legal_forms: frozenset[str] = frozenset()
        self.staff_ids: frozenset[int] = frozenset()
        self.descriptor_ids: frozenset[int] = frozenset()
        self.station_words: frozenset[str] = frozenset()
        self.title_words: frozenset[str] = frozenset()
        self.role_words: frozenset[str] = frozenset()

    def data_files(self) -> tuple[str, ...]:
        return (self.not_organizations_path, self.corporate_words_path, self.titles_path, self.institution_heads_path)

    def load_data(self, root: Path) -> None:
        raw = base.read_json(root / self.not_organizations_path)
        self.data = {k: (re.compile(v) if k.endswith("_pattern") else frozenset(v))
                     for k, v in raw.items() if not k.startswith("_")}
        corporate = base.read_json(root / self.corporate_words_path)
        self.corporate_words = frozenset(corporate["words"])
        self.corporate_ids = frozenset(get_string_id(w) for w in self.corporate_words)
        self.descriptor_ids = frozenset(get_string_id(w) for w in corporate["descriptors"])
        self.station_words = frozenset(corporate["station_words"])
        lex = TitleLexicon.from_data(base.read_json(root / self.titles_path))
        self.title_words = lex.heads | lex.honorifics | frozenset(lex.ranks)
        self.role_words = lex.heads | lex.kept
        self.legal_forms = frozenset(corporate["legal_forms"])
        self.staff_ids = frozenset(get_string_id(w) for w in corporate["staff_nouns"])
        heads = base.read_json(root / self.institution_heads_path)
        self.institution_heads = frozenset(heads["words"])
        self.institutions = frozenset(heads["institutions"])
        self.body_heads = frozenset(heads["body_heads"])

    @property
    def not_orgs(self) -> frozenset[str]:
        return self.data["words"]

    def is_product_or_event(self, core: Span) -> bool:
        """Whether an ORG entity names a product line, a stock index or an event ("iPod", "the FTSE 100",
        "the Hang Seng index", "Worldwide Developers Conference") rather than an organisation."""
        data, doc = self.data, core.doc
        text = org_name(core)
        first = core[0].text
        if text in data["products"] or text in data["product_lines"] or first in data["product_lines"]:
            return True
        if data["product_pattern"].match(first) and first not in data["companies"]:
            return True
        if data["model_code_pattern"].match(text):
            return True  # "CFM56", "FA-18": a model's code
        after = core.end + 1 if core.end + 1 < len(doc) and doc[core.end].text in {"'s", "’s"} else core.end
        if after < len(doc) and doc[after].text in data["next_words"] and doc[after].ent_type_ != "DATE":
            return True  # an index's size ("the FTSE 100"), not a date's day ("THE TIMES 30 Jan 94")
        return len(core) > 1 and core[-1].text in data["last_words"]

    def __call__(self, doc: Doc) -> Doc:
        self.require_data()
        taken = {(row["start"], row["end"]) for row in doc._.places or []}
        people = [(row["start"], row["end"]) for row in doc._.people or []]
        taken.update(people)
        # A "person" whose last word names a body ("General | Accounting Office") cuts no organisation.
        cutting = [p for p in people if not self.ends_in_body_word(doc, p)]
        rows = []
        for ent in self.candidates(doc):
            for part in name_parts(ent):
                part = self.cut_headline_verb(part)
                core = core_span(part)
                if core is None:
                    continue
                core = keep_written_article(part, core)
                core = keep_name_possessive(part, core)
                core = cut_place_tail(core, self.legal_forms)
                core = self.cut_thing_before_for(core)
                core = cut_person_tail(core, cutting)
                core = cut_title_tail(core, self.title_words) if core is not None else None
                if core is None or not self.is_organisation(core, taken) or self.is_company_seat(core):
                    continue
                # Handles glued to a name ("Twitter @AzerNewsAz"): keep the name only.
                while len(core) > 1 and HANDLE.match(core[-1].text):
                    core = core.doc[core.start:core.end - 1]
                rows.append({"start": core.start_char, "end": core.end_char, "name": canonical_name(core)})
        # One array scan for the opening parentheses instead of a Token object per word.
        orths = doc.to_array(ORTH).tolist() if len(doc) else []
        opening = base.token_indices(orths, {OPEN_PAREN})
        if opening:
            rows.extend(self.wire_service_rows(doc, taken | {(r["start"], r["end"]) for r in rows}, opening, orths))
            acronym_parens = acronym_parentheses(doc, opening, orths)
            if acronym_parens:
                rows.extend(self.acronym_rows(doc, taken, rows, acronym_parens, orths))
        busy = sorted(taken | {(r["start"], r["end"]) for r in rows})
        lowers = doc.to_array(LOWER).tolist() if len(doc) else []  # each word's id, for the lookups by id below
        rows.extend(self.descriptor_rows(doc, lowers, busy, taken))
        rows.extend(self.corporate_run_rows(doc, lowers, busy, taken))
        rows.extend(self.staff_rows(doc, lowers, busy, taken))
        rows.extend(self.employer_rows(doc, busy, taken))
        rows.extend(self.reclaimed_place_rows(doc, rows, taken))
        rows.extend(self.place_body_rows(doc, rows, taken))
        rows.extend(self.repeated_name_rows(doc, rows, taken))
        rows.sort(key=lambda r: (r["start"], r["end"]))
        doc._.organizations = rows
        return doc

    def wire_service_rows(self, doc: Doc, taken: set[tuple[int, int]], opening: list[int],
                          orths: list[int]) -> list[dict]:
        """Wire services credited in parentheses before a dash, as datelines write them ("Seoul, May 3
        (YONHAP) --", "WASHINGTON (AP) -", "(Reuters) -"): an organisation whatever the tagger said.
        OPENING: the tokens "(" (see __call__); ORTHS: every token's ORTH id."""
        rows = []
        for i in opening:
            close = closing_parenthesis(orths, i, 4)
            if close is None or close == i + 1 or close + 1 >= len(doc):
                continue
            if doc[close + 1].text not in {"-", "--", "—", "–", "_"}:
                continue
            name = doc[i + 1:close]
            if not all(t.text[:1].isupper() or t.text == "-" for t in name):
                continue
            if is_country_or_demonym(name.text):
                continue
            if (name.start_char, name.end_char) in taken or not self.is_organisation(name, taken):
                continue
            rows.append({"start": name.start_char, "end": name.end_char, "name": canonical_name(name)})
        return rows

    def acronym_rows(self, doc: Doc, taken: set[tuple[int, int]], rows: list[dict], opening: list[int],
                     orths: list[int]) -> list[dict]:
        """An organisation's acronym written in parentheses after its name, or its name in parentheses
        after the acronym, the acronym's letters the initials of the name's words ("the Khmer Rouge
        (KR)", "the PTA (Preferential Trade Area)", "Bulgarian Socialist Party (BSP)"): the acronym is
        an organisation, and so is the name when the model marked no part of it. An acronym in
        parentheses right after an organisation row is its acronym ("the Labor Party (PT)"). OPENING:
        the tokens "(" an acronym may go with (acronym_parentheses); ORTHS: every token's ORTH id."""
        out: list[dict] = []
        busy: list[tuple[int, int]] = []  # the rows' and the taken spans, read on the first candidate

        def free(span: Span) -> bool:
            if not busy:
                busy.extend([(r["start"], r["end"]) for r in rows] + sorted(taken) + [(-1, -1)])
            return not overlaps_any(span, busy)

        def add(span: Span) -> None:
            if free(span) and self.is_organisation(span, taken):
                out.append({"start": span.start_char, "end": span.end_char, "name": canonical_name(span)})
                busy.append((span.start_char, span.end_char))

        for i in opening:
            close = closing_parenthesis(orths, i, 11)
            if close is None or close == i + 1:
                continue
            if close == i + 2 and is_acronym(doc[i + 1].text):
                inside = doc[i + 1:close]
                name = name_with_initials(doc, i, acronym_letters(inside[0].text))
                if name is not None:
                    if self.names_an_organisation(name):
                        add(inside)
                        if free(name) and not any(t.ent_type_ for t in name):
                            add(name)
                elif i > 0 and doc[i - 1].idx + len(doc[i - 1]) in {r["end"] for r in rows}:
                    add(inside)
            elif i > 0 and is_acronym(doc[i - 1].text):
                inside = doc[i + 1:close]
                if initials(inside) == acronym_letters(doc[i - 1].text) and self.names_an_organisation(inside):
                    add(doc[i - 1:i])
                    if free(inside) and not any(t.ent_type_ for t in inside):
                        add(inside)
        return out

    def descriptor_rows(self, doc: Doc, lowers: list[int], busy: list[tuple[int, int]],
                        taken: set[tuple[int, int]]) -> list[dict]:
        """The capitalised name right after a common noun that names a kind of organisation
        ("electronics retailer Best Buy", "the copper company Codelco", "insurance firm AIG"), which
        the model may call a person or nothing: an organisation. Not a title ("company President Tim
        Cook"), a date ("the company Monday"), a nationality, or a span another row holds."""
        out = []
        for k in base.token_indices(lowers, self.descriptor_ids):
            tok = doc[k]
            if not tok.is_lower or tok.pos_ != "NOUN" or "\n" in tok.whitespace_:
                continue
            name = capitalised_run(doc, k + 1)
            if name is None or name[0].lower_.rstrip(".") in self.title_words:
                continue
            if any(t.ent_type_ in NOT_NAME_ENTITY_TYPES for t in name) or name[-1].pos_ not in {"PROPN", "NOUN"}:
                continue
            if overlaps_any(name, busy):
                continue
            if name.end < len(doc) and doc[name.end].is_lower and doc[name.end].pos_ == "NOUN":
                continue  # the name modifies a noun after it ("network TV shows")
            if self.is_organisation(name, taken):
                out.append({"start": name.start_char, "end": name.end_char, "name": canonical_name(name)})
        return out

    def corporate_run_rows(self, doc: Doc, lowers: list[int], busy: list[tuple[int, int]],
                           taken: set[tuple[int, int]]) -> list[dict]:
        """A run of capitalised words the model tagged as nothing that ends in a company's word ("Acme
        Gold said", "Barclays Bank raised"): an organisation. Not a run of company words alone ("Energy
        Group"), a title, a run in a headline written in capitals or title case, nor a span a row holds."""
        out = []
        for k in base.token_indices(lowers, self.corporate_ids):
            tok = doc[k]
            if tok.ent_type_ or not tok.text[:1].isupper() or (k + 1 < len(doc) and name_goes_on(doc[k + 1])):
                continue  # tagged, lower case, or the name goes on ("Gold | Mines Ltd", "Energy | Agency")
            name = self.untagged_run_before(doc, k + 1)
            if name is None or all(t.lower_ in self.corporate_words for t in name):
                continue
            if overlaps_any(name, busy) or not in_prose(name):
                continue
            if name.end < len(doc) and doc[name.end].is_lower and doc[name.end].pos_ == "NOUN":
                continue  # the name modifies a noun after it, as in descriptor_rows ("the Old Mutual insurance company")
            if self.is_organisation(name, taken):
                out.append({"start": name.start_char, "end": name.end_char, "name": canonical_name(name)})
        return out

    def staff_rows(self, doc: Doc, lowers: list[int], busy: list[tuple[int, int]],
                   taken: set[tuple[int, int]]) -> list[dict]:
        """The name the model tagged as nothing right before a noun for the people who work for a body
        ("a Gazprom spokesman", "IAI engineers", "a CBOT trader"): the body, an organisation. Proper
        nouns or capitals only (not "Company officials" at a sentence's start), no title ("Chief
        Executive"), no place or nationality, in prose."""
        out = []
        for k in base.token_indices(lowers, self.staff_ids):
            if k == 0 or not doc[k].is_lower or not doc[k - 1].text[:1].isupper():
                continue
            name = self.untagged_run_before(doc, k, least=1)
            if name is None or not all(t.pos_ == "PROPN" or t.is_upper for t in name) or is_known_place(name.text):
                continue
            if overlaps_any(name, busy) or not in_prose(name):
                continue
            if self.is_organisation(name, taken):
                out.append({"start": name.start_char, "end": name.end_char, "name": canonical_name(name)})
        return out

    def is_company_seat(self, core: Span) -> bool:
        """Whether CORE is the town a company is based in, written after its legal form and "of"
        ("Hanley Freight Co. of Folsom", "Marlow Tool Inc. of Dayton"), which the model called an
        organisation of its own: a place of the gazetteer there is the seat, as cut_place_tail reads
        it inside one entity, and no organisation."""
        doc = core.doc
        k = core.start - 1
        if k < 2 or doc[k].lower_ != "of":
            return False
        form = doc[k - 1].lower_
        if form == "." and k >= 3:
            form = doc[k - 2].lower_ + "."  # "Co ." as some texts tokenize it
        return form in self.legal_forms and is_place_name(core.text, towns=True)

    def cut_headline_verb(self, part: Span) -> Span:
        """PART up to the verb a headline in title case or capitals writes after its subject, which the
        model ran into the name ("Acme Corp Says | Profits Rose", "ITAR-TASS Carries | Press Review");
        PART itself in prose, where such a word in capitals is part of a name."""
        doc = part.doc
        verbs = self.data.get("headline_verbs", frozenset())
        k = next((j for j in range(part.start + 1, part.end) if doc[j].lower_ in verbs and doc[j].text[:1].isupper()), None)
        if k is None or not is_headline_line(part):
            return part
        return doc[part.start:k]

    def cut_thing_before_for(self, core: Span) -> Span:
        """CORE without a thing's name the model ran into the body after "for" ("the Arrow | for the
        Jaffe Center for Strategic Studies", "a report on the Falcon | for Smith University's Institute
        of Policy"): what stands before "for" is one or two singular names with no body's or company's
        word, and what follows it is a name that holds one. A body named for its cause keeps its "for"
        ("Center for Strategic Studies", "Citizens for Tax Justice": the left side is a body's word or
        plural people, the right side no body)."""
        doc = core.doc
        k = next((j for j in range(core.start + 1, min(core.end - 1, core.start + 4)) if doc[j].lower_ == "for"), None)
        if k is None:
            return core
        left = doc[core.start:k]
        words = [t for t in left if t.lower_ != "the"]
        if not words or len(words) > 2 or any(not t.text[:1].isupper() or t.lower_.endswith("s")
                                              or t.lower_ in self.body_words for t in words):
            return core
        start = k + 2 if doc[k + 1].lower_ == "the" else k + 1
        if start >= core.end or not doc[start].text[:1].isupper():
            return core
        if not any(t.is_title and t.lower_ in self.institution_heads for t in doc[start:core.end]):
            return core
        return doc[start:core.end]

    @property
    def body_words(self) -> frozenset[str]:
        """The words that make a name a body's or a company's (lower case)."""
        return self.institution_heads | self.corporate_words | self.body_heads

    def untagged_run_before(self, doc: Doc, end: int, least: int = 2) -> Span | None:
        """The capitalised words on one line that end at token END, none tagged by the model, LEAST at
        least, no leading "The" or title; "&" may join them ("Procter & Gamble Co"). None if fewer."""
        start = end - 1
        while start > 0 and "\n" not in doc[start - 1].whitespace_ and not doc[start - 1].ent_type_:
            prev = doc[start - 1]
            if prev.text == "&" and start > 1 and doc[start - 2].text[:1].isupper():
                start -= 1
            elif prev.text[:1].isupper() and any(c.isalpha() for c in prev.text):
                start -= 1
            else:
                break
        while start < end - 1 and (doc[start].lower_ in {"the", "&"} or doc[start].lower_.rstrip(".") in self.title_words):
            start += 1
        if doc[end - 1].ent_type_ or doc[end - 1].lower_.rstrip(".") in self.title_words:
            return None
        return doc[start:end] if end - start >= least else None

    def ends_in_body_word(self, doc: Doc, person: tuple[int, int]) -> bool:
        """Whether the person row PERSON (char offsets) ends in a word that ends a body's or a company's
        name ("Accounting Office", "Salomon Brothers"): no person's name."""
        span = doc.char_span(*person)
        if span is None:
            return False
        last = span[-1].lower_
        return span[-1].is_title and (last in self.institution_heads or last in self.corporate_words)

    def employer_rows(self, doc: Doc, busy: list[tuple[int, int]], taken: set[tuple[int, int]]) -> list[dict]:
        """The name right before a title that comes before a person's name ("Healy president George
        Malina", "By ITAR-TASS correspondent Boris Sitnikov", "CNTP Secretary Luis Cobos"): the person's
        employer, an organisation, when it is an acronym in capitals or a name the model tagged as a
        place or a person that no place or person row holds. Nationalities, countries and places
        ("Texas Agriculture Commissioner", "Soviet President") are rows of their own or skipped."""
        out = []
        for row in doc._.people or []:
            person = doc.char_span(row["start"], row["end"])
            if person is None:
                continue
            t = person.start
            while t > 0 and person.start - t < 3 and doc[t - 1].lower_.rstrip(".") in self.role_words:
                t -= 1
            if t == person.start or t == 0:
                continue
            name = self.employer_before(doc, t)
            if name is None or overlaps_any(name, busy):
                continue
            if self.is_organisation(name, taken):
                out.append({"start": name.start_char, "end": name.end_char, "name": canonical_name(name)})
        return out

    def employer_before(self, doc: Doc, end: int) -> Span | None:
        """The acronym in capitals or the model's GPE or PERSON entity that ends at token END, or None."""
        last = doc[end - 1]
        if "\n" in last.whitespace_ or last.lower_.rstrip(".") in self.title_words:
            return None
        if last.ent_type_ in {"GPE", "PERSON"} and (end == len(doc) or doc[end].ent_iob_ != "I"):
            start = end - 1
            while doc[start].ent_iob_ == "I":
                start -= 1
            name = doc[start:end]
            return None if is_known_place(name.text) else name
        if not last.ent_type_ and is_acronym(last.text) and len(last.text) >= 3:
            start = end - 1
            while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ \
                    and not doc[start - 1].whitespace_ and doc[start - 2].is_upper:
                start -= 2  # "ITAR-TASS", which the tokenizer splits at the hyphen
            return doc[start:end]
        return None

    def repeated_name_rows(self, doc: Doc, rows: list[dict], taken: set[tuple[int, int]]) -> list[dict]:
        """The other mentions of a name that is an organisation once in the article ("Cisco sued Apple
        ... Cisco said"): an organisation throughout, where the model tagged the mention as nothing
        or as the same stretch with another label, and no place or person row holds it (a place
        reading the places component made explicit stays)."""
        text = base.doc_text(doc)
        names = {r["name"] for r in rows}
        names |= {short for short in map(self.short_name, names) if short}
        names = {n for n in names if len(n) >= 3 and n[:1].isupper()}
        if not names:
            return []
        held = sorted(taken | {(r["start"], r["end"]) for r in rows})
        out: list[dict] = []
        for name in sorted(names, key=lambda n: (-len(n), n)):  # "Apple Inc." before "Apple"
            for start in mentions(text, name):
                end = start + len(name)
                if any(s < end and start < e for s, e in held):
                    continue
                span = doc.char_span(start, end)
                if span is None or not self.free_mention(span):
                    continue
                out.append({"start": start, "end": end, "name": name})
                held.append((start, end))
        return out

    def reclaimed_place_rows(self, doc: Doc, rows: list[dict], taken: set[tuple[int, int]]) -> list[dict]:
        """A place row whose text is the short name of a company the article names ("Toyota Motor Corp.
        ... Toyota said", "a Toyota spokesman", a headline's "TOYOTA TO BUILD PLANT"), with no place
        reading made explicit (no "in", "at", "near" before it, no ", Japan" after it): the place row
        becomes an organisation's: a name that is a company once is one throughout the article. So does
        a place row that is an institution's one-word name ("served in Congress")."""
        places = doc._.places or []
        names = {r["name"] for r in rows if len(r["name"].split()) > 1 and r["name"].split()[-1].lower().rstrip(".")
                 in {w.rstrip(".") for w in self.corporate_words}}
        shorts = {short for short in map(self.short_name, names) if short}
        if not places:
            return []
        rows = [r for r in rows if r["start"] >= 0]  # read by station_after
        out, kept = [], []
        for row in places:
            span = doc.char_span(row["start"], row["end"])
            station = self.station_after(span, rows) if span is not None else None
            if station is not None:
                out.append({"start": row["start"], "end": station.end_char, "name": canonical_name(station)})
                taken.discard((row["start"], row["end"]))
            elif span is not None and (span.text in self.institutions or (self.is_short_name(span, shorts) and not reads_as_place(span))):
                out.append({"start": row["start"], "end": row["end"], "name": span.text})
                taken.discard((row["start"], row["end"]))
            else:
                kept.append(row)
        if out:
            doc._.places = kept
        return out

    def is_short_name(self, span: Span, shorts: set[str]) -> bool:
        """Whether SPAN is one of SHORTS, the short names of the article's companies, as written or in
        the capitals of a headline ("TOYOTA TO BUILD PLANT" after "Toyota Motor Corp.")."""
        text = span.text
        return text in shorts or (text.isupper() and len(text) > 3 and any(text == s.upper() for s in shorts))

    def place_body_rows(self, doc: Doc, rows: list[dict], taken: set[tuple[int, int]]) -> list[dict]:
        """A body whose name begins with a place's ("California Highway Patrol", "Israel Defense Forces")
        or is a place row whole ("the District of Columbia Council"): the place row and the capitalised
        words the model left untagged after it, up to a body's last word (body_heads), are an
        organisation. A place row inside the name stays (policy); one that is the whole name goes."""
        places = doc._.places or []
        if not places:
            return []
        held = [(r["start"], r["end"]) for r in rows]
        out, dropped = [], set()
        for row in places:
            span = doc.char_span(row["start"], row["end"])
            if span is None:
                continue
            end = self.body_name_end(doc, span)
            if end is None:
                continue
            body = doc[span.start:end]
            if overlaps_any(body, held) or not in_prose(body):
                continue
            if body.end == span.end:
                dropped.add((row["start"], row["end"]))
                taken.discard((row["start"], row["end"]))
            out.append({"start": body.start_char, "end": body.end_char, "name": canonical_name(body)})
            held.append((body.start_char, body.end_char))
        if dropped:
            doc._.places = [r for r in places if (r["start"], r["end"]) not in dropped]
        return out

    def body_name_end(self, doc: Doc, place: Span) -> int | None:
        """Where a body's name that begins with PLACE ends: PLACE's own end when its last word is a body's
        (title case), else after at most four untagged capitalised words on its line ("of", "for", "and"
        may join them) whose last is one; None when there is none."""
        last = place[-1]
        if len(place) > 1 and last.is_title and last.lower_ in self.body_heads:
            return place.end
        end, found = place.end, None
        while end < len(doc) and end - place.end < 4 and "\n" not in doc[end - 1].whitespace_:
            tok = doc[end]
            if tok.ent_type_ or not (tok.is_title or (tok.lower_ in {"of", "for", "and"} and end > place.end)):
                break
            end += 1
            if tok.is_title and tok.lower_ in self.body_heads:
                found = end
        if found is None or (found < len(doc) and name_goes_on(doc[found])
                             and doc[found].lower_.rstrip(".") not in self.title_words):
            return None  # no body's word, or the name goes on past it ("Texas Police Department"), not by a title
        return found

    def station_after(self, place: Span, rows: list[dict]) -> Span | None:
        """PLACE with the broadcaster's words after it on its line ("Bosnia-Herzegovina Radio and TV",
        "Syrian Arab Republic Radio Network"): the broadcaster, when no row holds those words; or None."""
        doc, end = place.doc, place.end
        while end < len(doc) and "\n" not in doc[end - 1].whitespace_ and (
                doc[end].text in self.station_words or (doc[end].text == "and" and end + 1 < len(doc)
                                                        and doc[end + 1].text in self.station_words)):
            end += 1
        if end == place.end:
            return None
        stop = doc[end - 1].idx + len(doc[end - 1])
        if any(r["start"] < stop and place.end_char < r["end"] for r in rows):
            return None
        return doc[place.start:end]

    def short_name(self, name: str) -> str | None:
        """A company's name without its corporate words, as news writes it after the first mention
        ("Cisco Systems" -> "Cisco", "Toyota Motor Corp." -> "Toyota"), or None."""
        words = name.split()
        while len(words) > 1 and words[-1].lower() in self.corporate_words:
            words.pop()
        return " ".join(words) if len(words) < len(name.split()) else None

    def free_mention(self, span: Span) -> bool:
        """Whether SPAN, another mention of an organisation's name, carries no entity of the model
        but, perhaps, one of exactly its stretch with a place's or a people's label (GPE, NORP): a
        mention the model read as a person's is left to the people component."""
        doc = span.doc
        if span.start > 0 and is_name_word(doc[span.start - 1]) and doc[span.start - 1].lower_ != "the":
            return False  # a piece of a longer name: "Motorola ROKR", "Mac OS X Lion"
        if span.end < len(doc) and is_name_word(doc[span.end]):
            return False  # "U.S. Treasury Department"
        types = {t.ent_type_ for t in span}
        if types == {""}:
            return True
        exact = doc[span.start].ent_iob_ == "B" and (span.end == len(doc) or doc[span.end].ent_iob_ != "I")
        return exact and len(types) == 1 and types <= {"GPE", "NORP"}

    def names_an_organisation(self, name: Span) -> bool:
        """Whether the expansion of an acronym names an organisation, not an index, a product or an
        event ("Dow Jones Industrial Average (DJIA)", "World Wide Developers Conference (WWDC)"), nor
        a place or a person the model marked."""
        data = self.data
        if any(t.ent_type_ in {"GPE", "LOC", "PERSON", "EVENT", "PRODUCT", "FAC"} for t in name):
            return False
        if any(t.text in data["next_words"] for t in name):
            return False  # "Industrial Average", "Composite Index"
        words = [t.text for t in name]
        if any(" ".join(words[:k]) in data["products"] for k in range(1, len(words) + 1)):
            return False
        return not self.is_product_or_event(name)

    def candidates(self, doc: Doc) -> list[Span]:
        """The model's ORG entities, joined where it cut one name in pieces (adjacent ORGs: "Toyota" +
        "Motor North"; an ORG ending in a compass word or a leading word before a place: "Motor North"
        + "America", "Air" + "France"), and its PERSON names that end in a company suffix
        ("Barrick Gold")."""
        out: list[Span] = []
        for ent in doc.ents:
            label = ent.label_
            if label == "PERSON" and ent[-1].lower_ in self.corporate_words:
                ent, label = Span(doc, ent.start, ent.end, label="ORG"), "ORG"
            last = out[-1] if out else None
            # whether ENT joins the ORG before it, tested once
            joins = last is not None and ((last.end == ent.start and self.continues_name(last, ent))
                                          or (label == "ORG" and self.continues_after_preposition(last, ent))
                                          or (label == "ORG" and runs_on_past_preposition(last, ent)))
            if joins:
                out[-1] = Span(doc, last.start, ent.end, label="ORG")
            elif label == "ORG":
                out.append(ent)
        return out

    def continues_after_preposition(self, org: Span, ent: Span) -> bool:
        """Whether ORG entity ENT is the rest of the institution ORG, cut off at the "of", "for" or "on"
        that continues its head noun ("Carnegie Foundation | for the | Advancement of Teaching",
        "Senate Committee on | Veterans Affairs"): one line, the preposition (and "the") alone between."""
        doc = org.doc
        if not 1 <= ent.start - org.end <= 2 or doc[org.end].lower_ not in HEAD_PREPOSITIONS:
            return False  # most entities follow no such preposition: spare the rest
        rest = ent.start + 1 if ent[0].lower_ == "the" and len(ent) > 1 else ent.start  # the model's "the" is the name's
        between = doc[org.end:rest]  # the preposition first (tested above), perhaps "the" after it
        if not 1 <= len(between) <= 2 or (len(between) == 2 and between[1].lower_ != "the"):
            return False
        if org[-1].lower_ not in self.institution_heads or not org[-1].is_title or not doc[rest].is_title:
            return False
        return not any("\n" in t.whitespace_ for t in doc[org.end - 1:ent.start])

    def continues_name(self, org: Span, ent: Span) -> bool:
        """Whether entity ENT, right after ORG (no word between), is the rest of ORG's name."""
        glued = org.doc[org.end - 1].whitespace_ == ""
        if glued and (org[-1].text.endswith("-") or (ent[0].text.startswith("-") and len(ent[0]) > 1)):
            return True  # a hyphenated name the tokenizer split ("Federation of Bosnia-" + "Herzegovina")
        if glued and ent[0].is_punct:
            return False
        if ent.label_ == "ORG":
            return org[-1].text[:1].isupper() and ent[0].text[:1].isupper() and not ent[0].is_punct
        if ent.label_ in {"GPE", "LOC"}:
            return org[-1].lower_ in self.data["name_continuing_words"]
        return False

    def is_organisation(self, core: Span, taken: set[tuple[int, int]]) -> bool:
        """Whether a trimmed ORG entity is an organisation: not a handle, a generic phrase, a place or
        person row, a country, demonym, currency code, product or event."""
        text = core.text
        if HANDLE.match(text) or core[0].lower_ in NOT_NAME_START:
            return False
        if not any(c.isalpha() for c in text) or DIMENSION.match(text) or (core.start_char, core.end_char) in taken:
            return False
        if is_country_or_demonym(text) or text in self.not_orgs or is_currency_code(text):
            return False
        if len(core) == 1 and (text in GENERATION_SUFFIXES or (not text.isupper() and text.lower().rstrip(".") in self.title_words)):
            return False  # a person's title or suffix the model cut off on its own ("murder of Officer | Tippit", "King | III")
        return not self.is_product_or_event(core)


# A score in a sentence or line of results ("2-1", "104-98"); four-digit years ("2006-07") are no score.
SCORE = re.compile(r"(?<![\d-])\d{1,3}-\d{1,3}(?![\d-])")
# What every score holds, a digit, a hyphen and a digit: a plain pattern Python's re scans for several
# times faster than SCORE's lookbehind at every character (most texts hold none; issue 19).
DIGIT_HYPHEN_DIGIT = re.compile(r"\d-\d")
# A result written in words: a cricket margin ("by 20 runs", "by five wickets", "by an innings") or a
# draw without goals ("a goalless draw").
RESULT_WORDS = re.compile(r"\bby (?:an innings|[\w-]+ (?:runs?|wickets?))\b|\b(?:goalless|scoreless) draw\b",
                          re.IGNORECASE)
# A team's name on a line of results or standings: one to four capitalised words ("Manchester United",
# "St Johnstone", "Queens Park Rangers"), no digit.
TEAM = r"[A-Z][A-Za-z.'&-]*(?:[ \t]+(?:[A-Z][A-Za-z.'&-]*|de|del|la|am|upon))*?"
# A line of one result: two teams, each with its goals, perhaps the half-time score or the scorers in
# parentheses ("Arsenal 2 Chelsea 1", "Bayern Munich 3 (1) Werder Bremen 0", "Derby 1 ( Sturridge 50 )").
# The half-time score or the scorers in parentheses after a team's goals ("(1)", "( Sheringham 14 )").
AFTER_GOALS = r"(?:[ \t]+\([^()\n]{1,80}\))?"
RESULT_LINE = re.compile(rf"^[ \t]*(?P<home>{TEAM})[ \t]+\d{{1,3}}{AFTER_GOALS}[ \t]+"
                         rf"(?P<away>{TEAM})[ \t]+\d{{1,3}}{AFTER_GOALS}[ \t]*$", re.MULTILINE)
# A line of a league table: a team, then three numbers or more and nothing else ("Newcastle 3 3 0 0 9 2 9",
# "Boston 45 20 .692 -", "BOSTON 67 65 .508 7 1/2").
TABLE_LINE = re.compile(rf"^[ \t]*(?P<team>{TEAM})(?:[ \t]+(?:\d+|\d*\.\d+|\d+/\d+|-)){{3,}}[ \t]*$", re.MULTILINE)
ISO_DATE = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b")
STANDINGS_LINE = re.compile(r"^[ \t]*[A-Z][A-Za-z.' ]{2,30}?[ \t]+\d+[ \t]+[\d.]+", re.MULTILINE)


def sports_club_spans(doc: Doc, result_verbs: frozenset[str], fixture_words: frozenset[str],
                      is_place: Callable[[str], bool], is_country: Callable[[str], bool],
                      text: str) -> list[tuple[int, int]]:
    """Token spans of the model's entities that name a sports club after its city: the subject or object
    of a result verb in a sentence with a score ("Liverpool beat Leeds 2-1"), the two sides of a
    fixture line ("DENVER at BOSTON"), the team at the start of a standings line ("Boston 45 20 .692").
    Countries are national teams and stay places. TEXT is doc.text, as the caller has read it (spaCy
    rebuilds it from every token at each access)."""
    score = has_result(text)
    standings = STANDINGS_LINE.search(text) is not None
    # Fixture lines are short: the cheap test on the text spares the parse-based ones on most articles.
    # (split at most 8 times: a line of more words is no fixture, and need not be split whole)
    fixture = any(len(words) <= 8 and any(w.lower() in fixture_words for w in words)
                  for words in (line.split(None, 8) for line in text.splitlines()))
    if not (score or standings or fixture):
        return []
    out: list[tuple[int, int]] = []
    for ent in doc.ents:
        core = _without_score(ent)
        if core is None or not is_place(core.text) or is_country(core.text):
            continue
        if (score and _is_result_side(core, result_verbs)) or (fixture and _is_fixture_side(core, fixture_words)) \
                or (standings and _starts_standings_line(core)):
            out.append((core.start, core.end))
    if score:
        out += _untagged_result_sides(doc, result_verbs, is_country)
    return out


def _untagged_result_sides(doc: Doc, result_verbs: frozenset[str], is_country: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Token spans of the proper nouns the model left untagged that are the subject or object of a
    result verb in a sentence with a result, and that the gazetteer knows as a place of any size
    ("Leicester beat Yorkshire by an innings"): a club named after its town or county. A player's
    surname is no gazetteer place, and the model tags most of them."""
    out = []
    # One array scan for the result verbs' lemmas instead of a Token object per word.
    lemmas = doc.to_array(LEMMA).tolist() if len(doc) else []
    for k in base.token_indices(lemmas, frozenset(get_string_id(v) for v in result_verbs)):
        verb = doc[k]
        if verb.pos_ != "VERB":
            continue
        sides = [c for c in verb.children if c.dep_ in {"nsubj", "dobj", "nsubjpass"}]
        sides += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in {"to", "over", "against", "with"}
                  for g in c.children if g.dep_ == "pobj"]
        for tok in sides:
            if tok.pos_ != "PROPN" or tok.ent_type_ or not has_result(tok.sent.text):
                continue
            start = min([c.i for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok.i])
            name = doc[start:tok.i + 1]
            if not any(t.ent_type_ for t in name) and place_candidates(name.text) and not is_country(name.text):
                out.append((name.start, name.end))
    return out


# A line that ends in a number, a dash or a parenthesis after one, as results and table lines do.
LINE_ENDS_IN_NUMBER = re.compile(r"[\d-][ \t]*\)?[ \t]*$", re.MULTILINE)


def has_result(text: str) -> bool:
    """Whether TEXT holds a sports result: a score ("2-1") or one in words ("by five wickets")."""
    return (DIGIT_HYPHEN_DIGIT.search(text) is not None and SCORE.search(text) is not None) \
        or RESULT_WORDS.search(text) is not None


def results_table_names(text: str) -> list[tuple[int, int, bool]]:
    """Char spans of the teams on lines of results ("Arsenal 2 Chelsea 1") and of league tables
    ("Newcastle 3 3 0 0 9 2 9"), with whether the line's numbers are all whole (a table of decimals may
    be one of figures: "Inflation 2.1 2.3 2.5"). Results and tables come in lists: a lone line of
    that shape ("Windows 95 Office 97") is no result, and two lines at least are asked for."""
    if LINE_ENDS_IN_NUMBER.search(text) is None:
        return []  # prose lines end in a stop: spare the two line patterns
    results = [(m.start(g), m.end(g), True) for m in RESULT_LINE.finditer(text) for g in ("home", "away")]
    if len(results) < 4:
        results = []
    table = [(m.start("team"), m.end("team"), "." not in text[m.end("team"):m.end()])
             for m in TABLE_LINE.finditer(text)]
    if len(table) < 2:
        table = []
    return results + table


def _without_score(ent: Span) -> Span | None:
    """ENT without the score the model ran into it ("Leeds 2-1")."""
    end = ent.end
    doc = ent.doc
    while end > ent.start and (doc[end - 1].like_num or doc[end - 1].text == "-"):
        end -= 1
    return doc[ent.start:end] if end > ent.start else None


def _is_result_side(core: Span, result_verbs: frozenset[str]) -> bool:
    """Whether CORE is the subject or object of a result verb in a sentence that holds a score."""
    root = core.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in {"with", "to", "over", "against"}:
        head = head.head
    if root.dep_ not in {"nsubj", "dobj", "pobj", "nsubjpass"} or head.lemma_.lower() not in result_verbs:
        return False
    sent = core.sent if core.doc.has_annotation("SENT_START") else core.doc[:]
    return has_result(sent.text)


def _line_of(core: Span) -> tuple[int, int]:
    """Token range of the line that holds CORE."""
    doc = core.doc
    start = core.start
    while start > 0 and "\n" not in doc[start - 1].whitespace_ and "\n" not in doc[start - 1].text:
        start -= 1
    end = core.end
    while end < len(doc) and "\n" not in doc[end - 1].whitespace_ and "\n" not in doc[end].text:
        end += 1
    return start, end


def _is_fixture_side(core: Span, fixture_words: frozenset[str]) -> bool:
    """Whether CORE is one side of a line that holds only two names and a fixture word, with perhaps a
    score or time after them ("DENVER at BOSTON", "Chicago vs. Detroit, 7:30")."""
    doc = core.doc
    start, end = _line_of(core)
    words = [t for t in doc[start:end] if not (t.like_num or t.is_punct or t.is_space or any(c.isdigit() for c in t.text))]
    joiners = [t for t in words if t.lower_ in fixture_words]
    if len(joiners) != 1:
        return False
    j = joiners[0].i
    left = [t for t in words if t.i < j]
    right = [t for t in words if t.i > j]
    return 0 < len(left) <= 3 and 0 < len(right) <= 3 and all(t.text[:1].isupper() for t in left + right)


def _starts_standings_line(core: Span) -> bool:
    """Whether CORE opens a line that holds nothing but numbers after it ("Boston 45 20 .692 -")."""
    doc = core.doc
    start, end = _line_of(core)
    if core.start != start:
        return False
    if ISO_DATE.search(doc[core.end:end].text):
        return False  # a dateline's date ("LONDON 1996-08-31"), no standings
    rest = [t for t in doc[core.end:end] if not (t.is_space or t.text in {"-", "--", "—", "–", "/", "."})]
    return len(rest) >= 2 and all(t.like_num or t.text.lstrip(".").isdigit() for t in rest)


def closing_parenthesis(orths: list[int], i: int, within: int) -> int | None:
    """The token ")" at most WITHIN tokens after the "(" at I, found on ORTHS (the doc's ORTH ids,
    searched in C), or None."""
    try:
        return orths.index(CLOSE_PAREN, i + 1, min(i + 1 + within, len(orths)))
    except ValueError:
        return None


def acronym_parentheses(doc: Doc, opening: list[int], orths: list[int]) -> list[int]:
    """The tokens "(" of OPENING that a word in capitals stands in alone or right before (ORTHS: the
    doc's ORTH ids): the only ones acronym_rows can act on, and few."""
    n = len(orths)
    return [i for i in opening if (i + 2 < n and orths[i + 2] == CLOSE_PAREN and doc[i + 1].is_upper)
            or (i > 0 and doc[i - 1].is_upper)]


def is_acronym(text: str) -> bool:
    """Whether TEXT is written as an organisation's acronym: capitals, no known country or currency."""
    return bool(ACRONYM.match(text)) and not is_country_or_demonym(text) and not is_currency_code(text)


def acronym_letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha())


def initials(words: Span) -> str | None:
    """The initials of a name's words ("Preferential Trade Area" -> "PTA"), the small words an acronym
    skips left out; None when a word is neither capitalised nor such a small word."""
    out = []
    for t in words:
        if t.lower_ in ACRONYM_SKIPPED and not t.is_title:
            continue
        if t.text == "-" or not t.is_alpha or not t.text[:1].isupper():
            return None
        out.append(t.text[0])
    return "".join(out) or None


def name_with_initials(doc: Doc, paren: int, letters: str) -> Span | None:
    """The capitalised words right before the parenthesis at token PAREN whose initials are LETTERS
    (the small words an acronym skips may stand between them, not first), or None. The initials are
    gathered walking back, one word at a time."""
    need, start, got = len(letters), paren, []
    while start > 0 and paren - start < 2 * need + 2:
        t = doc[start - 1]
        if t.lower_ in ACRONYM_SKIPPED and not t.is_title:
            start -= 1
            continue
        if not (t.is_alpha and t.text[:1].isupper()):
            break
        start -= 1
        got.append(t.text[0])
        if len(got) >= need:
            return doc[start:paren] if "".join(reversed(got)) == letters else None
    return None


def runs_on_past_preposition(org: Span, ent: Span) -> bool:
    """Whether ORG entity ENT is the rest of ORG, which the model ran on to the preposition of its head
    noun and cut there ("Senate Committee on | Veterans Affairs", "Committee of Senior Officials of |
    the | Conference on Security"): a capitalised word next, at most "the" between, one line."""
    doc = org.doc
    if len(org) < 2 or org[-1].lower_ not in HEAD_PREPOSITIONS or not 0 <= ent.start - org.end <= 1:
        return False
    if ent.start > org.end and doc[org.end].lower_ != "the":
        return False
    first = ent[1] if ent[0].lower_ == "the" and len(ent) > 1 else ent[0]
    return first.is_title and not any("\n" in t.whitespace_ for t in doc[org.end - 1:ent.start])


# Prepositions that make a mention of a name a place's ("in Toyota", "near Toyota").
LOCATIVE = frozenset({"in", "at", "near", "from", "to", "into", "outside", "around", "across", "via", "towards"})



def overlaps_any(span: Span, spans: list[tuple[int, int]]) -> bool:
    """Whether SPAN shares a character with any of SPANS (character offsets, end exclusive)."""
    return any(s < span.end_char and span.start_char < e for s, e in spans)

def reads_as_place(span: Span) -> bool:
    """Whether the text makes SPAN a place: a locative preposition before it ("the plant in Toyota"),
    or ", Region" after it ("Toyota, Aichi")."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in LOCATIVE:
        return True
    return span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].ent_type_ in {"GPE", "LOC"}


# Entity types of the model that make a capitalised run after a descriptor no organisation's name.
NOT_NAME_ENTITY_TYPES = frozenset({"DATE", "TIME", "NORP", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                                   "QUANTITY", "LANGUAGE", "EVENT", "LAW"})


def mentions(text: str, name: str):
    """The offsets where NAME stands in TEXT as a word of its own: no letter, digit, "&", "-" or
    apostrophe glued before it, none of these (or "'s") after it. str.find, not a regex per name."""
    i = text.find(name)
    while i >= 0:
        end = i + len(name)
        before = text[i - 1] if i else " "
        after = text[end:end + 2]
        if not (before.isalnum() or before in "&'-_") and not (after[:1].isalnum() or after[:1] in "&-_"
                                                               or (after[:1] == "'" and after[1:2].isalnum())):
            yield i
        i = text.find(name, i + 1)


# A place this large is a name in any headline ("ROME", "KABUL") or results line; smaller gazetteer
# entries share their spelling with ordinary words too often.
LARGE_PLACE = 100_000


@lru_cache(maxsize=4096)
def is_known_place(name: str) -> bool:
    """Whether NAME is a country, a nationality or a gazetteer place of LARGE_PLACE people or more."""
    return is_country_or_demonym(name) or any(p.population >= LARGE_PLACE for p in place_candidates(name))


def is_name_word(tok) -> bool:
    """Whether TOK is a capitalised word that may be part of a name on its line."""
    return tok.text[:1].isupper() and any(c.isalpha() for c in tok.text) and not tok.is_sent_start


def capitalised_run(doc: Doc, start: int, most: int = 5) -> Span | None:
    """The run of capitalised words from token START on one line, at most MOST, with "&" or a hyphen
    inside it ("Best Buy", "AT&T", "Procter & Gamble"), or None."""
    end = start
    while end < len(doc) and end - start < most:
        t = doc[end]
        inside = end > start and t.text in {"&", "-"}
        if not (t.text[:1].isupper() or inside) or (end > start and "\n" in doc[end - 1].whitespace_):
            break
        end += 1
    while end > start and doc[end - 1].text in {"&", "-"}:
        end -= 1
    return doc[start:end] if end > start else None


def name_parts(ent: Span) -> list[Span]:
    """The names inside an ORG entity that a parenthesis, a line break or a verb in lower case separates:
    the model runs an acronym and its expansion into one entity ("PRD ( Party of the Democratic
    Revolution"), a headline into the next line, or two names across the verb between them ("Skadden,
    Arps said Popeyes")."""
    doc = ent.doc
    text = ent.text
    verb = any(t.is_lower and t.pos_ in {"VERB", "AUX"} for t in ent)
    if not verb and not any(c in text for c in "()[]\n"):
        return [doc[ent.start:ent.end]]  # most entities: one name (a break after the last word splits nothing)
    parts, start = [], ent.start
    for i in range(ent.start, ent.end):
        tok = doc[i]
        cut = tok.text in {"(", ")", "[", "]"} or (tok.is_lower and tok.pos_ in {"VERB", "AUX"})
        if cut or "\n" in tok.text or "\n" in tok.whitespace_:
            end = i + 1 if "\n" in tok.whitespace_ and not cut else i
            if end > start:
                parts.append(doc[start:end])
            start = i + 1
    if ent.end > start:
        parts.append(doc[start:ent.end])
    return parts


def keep_written_article(span: Span, core: Span) -> Span:
    """CORE with the capitalised "The" that the text writes inside a sentence as part of the name
    ("for The Associated Press"); at a sentence start "The" may be the sentence's, and stays cut. A
    name in capitals inside an ordinary sentence keeps its "THE" wherever it stands ("THE SUNDAY
    TIMES"): the writer put the article in the name's capitals."""
    doc = span.doc
    first = doc[span.start]
    if not (span.start < core.start and core.start == span.start + 1):
        return core
    if first.text == "The" and not first.is_sent_start:
        return doc[span.start:core.end]
    if first.text == "THE" and all(t.is_upper or not t.is_alpha for t in core) \
            and any(t.is_lower and t.is_alpha for t in first.sent):
        return doc[span.start:core.end]
    return core


def keep_name_possessive(span: Span, core: Span) -> Span:
    """CORE with the "'s" the model's entity SPAN ends in when no noun follows it: the "'s" is then
    the name's own ("Standard & Poor's raised", "McDonald's said"), not an owner's ("Apple's profits")."""
    doc = span.doc
    if core.end != span.end - 1 or span[-1].text not in {"'s", "’s"}:
        return core
    if span.end < len(doc) and doc[span.end].pos_ not in NOT_OWNED_AFTER:
        return core
    return doc[core.start:span.end]


# What follows a name's own "'s" (a verb, a stop, a preposition), not an owned thing's word.
NOT_OWNED_AFTER = frozenset({"VERB", "AUX", "PUNCT", "ADP", "CCONJ", "PART", "SCONJ"})


def name_goes_on(tok) -> bool:
    """Whether TOK continues on its line the capitalised name before it ("Mines", "Agency", "&")."""
    return (tok.text[:1].isupper() or tok.text == "&") and "\n" not in tok.doc[tok.i - 1].whitespace_


def is_headline_line(span: Span) -> bool:
    """Whether SPAN stands on a line written as a headline: every word of four letters or more
    capitalised ("Acme Corp Says Profits Rose", "TOYOTA TO BUILD PLANT")."""
    start, end = _line_of(span)
    words = [t for t in span.doc[start:end] if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and all(t.text[:1].isupper() for t in words)


def in_prose(span: Span) -> bool:
    """Whether SPAN stands in a sentence of prose, a third of its words in lower case at least: not a
    headline in capitals or title case, where every word looks like a name."""
    words = [t for t in span.sent if t.is_alpha]
    return len(words) >= 4 and 3 * sum(t.is_lower for t in words) >= len(words)


def cut_place_tail(core: Span, legal_forms: frozenset[str]) -> Span:
    """CORE without the company's seat the model ran into it: ", State" or ", Country" at its end
    ("Bradley Air of Carp, Ontario") or "of Place" after a legal form ("Pittsburgh-Corning Corp. of
    Pittsburgh"). Other commas and "of"s belong to the name ("Skadden, Arps", "Bank of America",
    "University of California, Berkeley")."""
    doc = core.doc
    for k in range(core.start + 1, core.end - 1):
        word = doc[k].lower_
        seat = word == "of" and doc[k - 1].lower_ in legal_forms
        if word == "," or seat:
            place = doc[k + 1:core.end]
            if place[0].text[:1].isupper() and is_place_name(place.text, towns=seat):
                return doc[core.start:k]
    return core


@lru_cache(maxsize=4096)
def is_place_name(text: str, towns: bool) -> bool:
    """Whether TEXT is a country, a state or province (an ISO 3166-2 unit, by its own name), or (TOWNS)
    a gazetteer place of any size. After a comma only the larger units: a town there may be a campus's name ("University of California,
    Berkeley")."""
    if default_gazetteer().country_lookup(text):
        return True
    return any(towns or (p.kind == "admin" and p.iso_code and p.name == text) for p in place_candidates(text))


def cut_person_tail(core: Span, people: list[tuple[int, int]]) -> Span | None:
    """CORE without a person's name the model ran into it ("Russian Pacific Fleet Igor Khmelnov");
    None when a person row covers its start."""
    for p_start, p_end in people:
        if p_start < core.end_char and core.start_char < p_end:
            if p_start <= core.start_char:
                return None
            doc = core.doc
            end = core.end
            while end > core.start and doc[end - 1].idx + len(doc[end - 1]) > p_start:
                end -= 1
            while end > core.start and not doc[end - 1].text[:1].isalnum():
                end -= 1
            return doc[core.start:end] if end > core.start else None
    return core


def cut_title_tail(core: Span, title_words: frozenset[str]) -> Span:
    """CORE without the title the model ran into it before a name ("Coast Guard Lt. Mike Lee",
    "FAA Administrator Donald Engen", "Fire Department Capt"): the body keeps its own words."""
    doc, end = core.doc, core.end
    nxt = end + 1 if end < len(doc) and doc[end].text == "." else end
    if nxt >= len(doc) or not doc[nxt].is_title:
        return core
    while end - core.start > 1 and doc[end - 1].is_title and doc[end - 1].lower_.rstrip(".") in title_words \
            and doc[end - 2].whitespace_:  # a word of its own, not the tail of "Committee-General"
        end -= 1
    return doc[core.start:end] if end < core.end else core


def canonical_name(core: Span) -> str:
    """The organisation's name for the `name` column: single spaces, straight apostrophes, no
    leading article ("The Associated Press" -> "Associated Press")."""
    name = org_name(core)
    return name[4:] if name.startswith(("The ", "THE ")) else name


@Language.factory("news_organizations", assigns=["doc._.organizations"],
                  default_config={"not_organizations_path": "places/not_organizations.json",
                                  "corporate_words_path": "organizations/corporate_words.json",
                                  "titles_path": "titles/titles.json",
                                  "institution_heads_path": "organizations/institution_heads.json"})
def make_news_organizations(nlp: Language, name: str, not_organizations_path: str,
                            corporate_words_path: str, titles_path: str,
                            institution_heads_path: str) -> NewsOrganizations:
    return NewsOrganizations(name, not_organizations_path, corporate_words_path, titles_path, institution_heads_path)
