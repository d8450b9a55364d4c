"""The places component: toponyms from the model's entities and the gazetteer, resolved to GeoNames."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

import re

from spacy.attrs import IS_SPACE, ORTH, POS, SHAPE, SPACY
from spacy.strings import get_string_id
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pathlib import Path

from ..normalize.name_article import ARTICLES, keep_model_articles
from ..normalize.gazetteer import Gazetteer
from ..normalize.place import Place
from ..normalize.ranking import Anchor, Evidence, Weights, cluster_towns, is_county, km
from ..resources import read_tsv_records
from . import base

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels the small model gives to places by mistake ("Armenia" ORG, "Yerevan" PERSON, "Azerbaijan" NORP).
SPORTS_CLUB = "sports_club"  # kb_id of an ORG entity that names a club after its city (news_truecase)
MISLABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "DATE", "LANGUAGE"})
# The labels of the model's entities that may be a street's name ("Dean Woods Road" as ORG).
STREET_LABELS = PLACE_LABELS | {"ORG", "PERSON", "PRODUCT"}
# The labels _correct_entity looks into.
CORRECTED_LABELS = PLACE_LABELS | MISLABELS
# ... of which these need the words around them to say "place" ("killed in Aleppo", not "in Hindi").
CONTEXT_ONLY_LABELS = frozenset({"DATE", "LANGUAGE"})
# Dashes that, spaced, separate two names the model took as one ("Mr Trump - Wisconsin").
DASHES = frozenset({"-", "–", "—", "--"})
# Labels an alternate name of a place (GeoNames lists "Google" for Topeka) cannot overrule.
NAMED_THING_LABELS = frozenset({"ORG", "PRODUCT", "PERSON"})
DETERMINERS = ARTICLES  # one home for the article's spellings: normalize/name_article
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
TRAILING_PUNCT = frozenset({".", ",", ":", ";", "-", "–", "—", ")", "(", "\"", "“", "”"})
MAX_NAME_TOKENS = 4
# What core_span() takes off an entity's edges.
_CUT_BEFORE = DETERMINERS | TRAILING_PUNCT
_CUT_AFTER = POSSESSIVE | TRAILING_PUNCT
# The lower-case words a gazetteer name may hold ("Rio de Janeiro", "Isle of Man", a split hyphen).
NAME_JOINERS = frozenset({"-", "de", "of"})
# The tags a gazetteer name may start with (the model tags some place names as nouns or adjectives).
NAME_START_POS = frozenset(get_string_id(p) for p in ("PROPN", "NOUN", "ADJ"))
# A North American telephone number ("519-661-5670", "(304) 399-6500", "1-806-423-1253"): its area code.
PHONE_NUMBER = re.compile(r"(?<![\d-])(?:1[-. ])?\(?([2-9]\d\d)\)?[-. ]?[2-9]\d\d[-.]\d{4}(?![\d-])")
# The part every telephone number holds ("661-5670"): an article without it has none, and is spared
# the token scan of phone_number_texts (most news sentences; issue 19).
PHONE_NUMBER_CORE = re.compile(r"[2-9]\d\d[-.]\d{4}")
FOUR_DIGITS_SHAPE, HYPHEN_SHAPE, DOTTED_NUMBER_SHAPE = (get_string_id(s) for s in ("dddd", "-", "ddd.ddd.dddd"))
# The name under which a phone number's state is state context (see Evidence.admin1): no toponym's.
PHONE_EVIDENCE = "(telephone area code)"
# The name under which a state named inside an organisation's name is state context: no toponym's.
ORGANISATION_EVIDENCE = "(organisation name)"
# The longest run of words inside an organisation's name read as a state's name ("New South Wales").
MAX_STATE_WORDS = 3


@dataclass
class Toponym:
    """A place mention decided on, before resolution: token span and what the text says of its kind."""
    start: int
    end: int
    kind_hint: str | None
    source: str  # model, relabelled, metonymy, gazetteer, dateline, abbreviation, street, demonym (rows: compound)


def core_span(span: Span) -> Span | None:
    """SPAN without a leading determiner, a trailing possessive or punctuation ("the UK's" -> "UK")."""
    start, end = span.start, span.end
    doc = span.doc
    # Each edge token is made once (asked of every entity by several decisions).
    while start < end and doc[start].text in _CUT_BEFORE:
        start += 1
    while end > start and doc[end - 1].text in _CUT_AFTER:
        end -= 1
    return Span(doc, start, end) if end > start else None


class NewsPlaces(base.RuleDataComponent):
    """Corrects the model's place entities with the gazetteer (places it called PERSON or ORG become GPE,
    surnames it called GPE become PERSON, "UNICEF Azerbaijan" is split into an ORG and a GPE), adds
    gazetteer names found in a place context, datelines ("BEIRUT (AP) —"), state abbreviations after a
    town ("Louisville, KY") and street names, and resolves each to a country, town, subdivision or
    region; an unknown place takes the point of the known place the text puts it in."""

    def __init__(self, name: str = "news_places", context_path: str = "places/context.json",
                 gazetteer_dir: str = "gazetteer", demonyms_path: str = "demonyms.tsv",
                 name_parts_path: str = "places/name_parts.json", ranking_path: str = "places/ranking.json",
                 include_unresolved: bool = True,
                 include_demonyms: bool = False, first_names_path: str = "people/first_names.json",
                 include_metonyms: bool = False, keep_name_article: bool = False):
        self.name = name
        self.context_path = context_path
        self.gazetteer_dir = gazetteer_dir
        self.demonyms_path = demonyms_path
        self.name_parts_path = name_parts_path
        self.ranking_path = ranking_path
        self.first_names_path = first_names_path
        self.first_names: frozenset[str] = frozenset()
        self.include_unresolved = include_unresolved
        # Off by default (the contract's places are names of places); geoparsing corpora such as
        # TR-News count "Russian" as a mention of Russia, which this switch reproduces.
        self.include_demonyms = include_demonyms
        # Off by default as well: a place's name modifying a noun that the model calls an organisation
        # ("the Churchill doctor", "Edmonton's second engine", see _metonymy) is a toponym to TR-News
        # and Re-DocRED but not to GeoWebNews, where the rule cost exact F1 (.721 -> .720).
        self.include_metonyms = include_metonyms
        # Off by default: "the" of "the United States" is the name's to MEANTIME, but TR-News, GeoWebNews,
        # GeoVirus, CoNLL04 and Re-DocRED all leave it out of the span (exact F1 fell on every one).
        self.keep_name_article = keep_name_article
        self.context: dict = {}
        self.gaz: Gazetteer | None = None
        self.area_codes: dict[str, str] = {}  # North American area code -> ISO 3166-2 code
        # The population thresholds of deciding what is a place (models/places/context.json).
        self.big_town = self.small_town = 0
        self.stray_km = 0.0

    def data_files(self) -> tuple[str, ...]:
        return (self.context_path, f"{self.gazetteer_dir}/countries.tsv", f"{self.gazetteer_dir}/places.tsv.gz",
                f"{self.gazetteer_dir}/area_codes.tsv", self.demonyms_path, self.name_parts_path, self.ranking_path,
                self.first_names_path)

    def load_data(self, root: Path) -> None:
        raw = base.read_json(root / self.context_path)
        self.context = {k: (set(v) if isinstance(v, list) else v) for k, v in raw.items()}
        self.big_town = int(self.context["big_town_population"])
        self.small_town = int(self.context["small_town_population"])
        self.stray_km = float(self.context["stray_km"])
        self.first_names = frozenset(base.read_json(root / self.first_names_path)["names"])
        self.gaz = Gazetteer.at(root, self.gazetteer_dir, self.demonyms_path, self.name_parts_path,
                                self.ranking_path)
        self.gaz.load_places()  # the index is built here, not by the first article
        self.area_codes = {r["area_code"]: r["iso_code"]
                           for r in read_tsv_records(root / self.gazetteer_dir / "area_codes.tsv")}

    # ------------------------------------------------------------ deciding what is a place
    def place_context(self, doc: Doc, start: int, end: int, places: set[int]) -> str | None:
        """Why the tokens START:END read as a place ("before", "after", "list"), or None."""
        ctx = self.context
        i = word_before(doc, start)
        if i >= 0 and doc[i].lower_ in DETERMINERS_LOWER:
            i = word_before(doc, i)
        if i >= 0:
            prev = doc[i].lower_
            if prev in ctx["before"]:
                return "before"
            if prev == "of" and i >= 1 and doc[i - 1].lower_ in ctx["before_of"]:
                return "before"
            # "Arch Walsh of Mississauga", "Leonard of Ada": where a person is from.
            if prev == "of" and i >= 1 and doc[i - 1].ent_type_ == "PERSON" and doc[i - 1].ent_iob_ != "" \
                    and (i == len(doc) or doc[i].ent_iob_ != "I"):
                return "before"
        j = word_after(doc, end)
        if j < len(doc) and (doc[j].lower_ in ctx["after"] or doc[j].lower_ in ctx["office_titles"]):
            return "after"
        # "Mississauga, where Walsh lives": a relative clause of place.
        k = word_after(doc, j + 1)
        if k < len(doc) and doc[j].text == "," and doc[k].lower_ == "where":
            return "after"
        if self.pair_region(doc, start, end) is not None:
            return "pair"
        # One item of a list whose other items are places ("Kalbajar, Aghdam and Lachin", "Tasmania or
        # the ACT"): I is still the word before the name and its determiner.
        if i >= 1 and doc[i].lower_ in LIST_WORDS and word_before(doc, i) in places:
            return "list"
        if j < len(doc) and doc[j].lower_ in LIST_WORDS and word_after(doc, j + 1) in places:
            return "list"
        return None

    def pair_region(self, doc: Doc, start: int, end: int) -> int | None:
        """Where the state, province or country ends that follows the name START:END after a comma
        and contains a town of that name ("Hugo, Oklahoma", "Wainwright, Alta."), or None."""
        if end >= len(doc) or doc[end].text != "," or not capitalised(doc[start].text):
            return None
        k = word_after(doc, end + 1)
        for n in range(min(3, len(doc) - k), 0, -1):
            stop = k + n
            if not capitalised(doc[k].text) or doc[stop - 1].is_punct:
                continue
            region = doc[k:stop].text
            if stop < len(doc) and doc[stop].text == "." and not region.endswith("."):
                # "Alta." at a sentence end: the tokenizer splits the abbreviation's period off
                if self.gaz.subdivision_abbreviations(region + "."):
                    region, stop = region + ".", stop + 1
            if self.gaz.resolve_pair(doc[start:end].text, region):
                return stop
        return None

    def kind_hint(self, doc: Doc, end: int) -> str | None:
        """The kind a following word gives ("Lachin district" -> admin, "Shusha city" -> city), also
        across the rest of a list ("Kalbajar, Aghdam and Lachin regions"); a title right after the name
        gives the kind of its office ("New York Gov." -> admin, "New York Mayor" -> city)."""
        if end < len(doc) and doc[end].lower_ in self.context["kind_next"]:
            return self.context["kind_next"][doc[end].lower_]
        kinds = self.context["kind_after"]
        for i in range(end, min(end + 12, len(doc))):
            tok = doc[i]
            if tok.lower_ in kinds:
                return kinds[tok.lower_]
            if not (tok.text in LIST_WORDS or capitalised(tok.text)):
                return None
        return None

    def __call__(self, doc: Doc) -> Doc:
        self.require_data()
        state = _ArticleState.of(doc, self.gaz)
        state.stray_names = self._stray_names(doc, state)
        datelines = self._datelines(doc)
        in_dateline = {i for start, end in datelines for i in range(start, end)}
        for ent in state.model_ents:
            if in_dateline and ent.start in in_dateline:
                # "DETROIT The U.S. Transportation Department": the dateline is cut off the entity.
                rest = ent.start
                while rest < ent.end and (rest in in_dateline or doc[rest].is_punct or doc[rest].is_space):
                    rest += 1
                if rest == ent.end:
                    continue
                ent = Span(doc, rest, ent.end, label=ent.label_)
            for part in self._name_parts(self._restore_saint_name(self._restore_cut_name(ent)), state):
                self._correct_entity(part, state)
        for start, end in datelines:
            state.ents.append(Span(doc, start, end, label="GPE"))
            state.add(Toponym(start, end, None, "dateline"))
        if self.include_metonyms:
            self._take_metonyms(state)
        # Abbreviations after the towns found so far first ("Churchill, Man." is no town Man), then
        # after the towns the gazetteer scan adds.
        self._scan_abbreviations(state)
        self._scan_gazetteer(state)
        self._scan_streets(state)
        self._scan_abbreviations(state)
        compounds = self._compounds(state)
        doc.ents = filter_spans(state.ents)
        rows = self.resolve(doc, state.toponyms, state) + compounds
        keep_articles_of_own_names(base.doc_text(doc), rows)
        if self.keep_name_article:
            keep_model_articles(doc, rows, state.model_ents)  # "the United States": the article is the name's
        doc._.places = sorted(rows, key=lambda r: (r["start"], r["end"]))
        return doc

    def _name_parts(self, ent: Span, state: "_ArticleState") -> list[Span]:
        """The names one entity of the model holds: itself, or its parts when it joins several names
        (see split_at_dashes, _place_list, _person_of_place)."""
        parts = split_at_dashes(ent)
        prominent = [self._prominent_place(p.text) for p in parts] if len(parts) > 1 else [False]
        # Cut only beside a well-known place ("Trump - Wisconsin", "San Jose - Cisco"), not "Wal - Mart"
        # (two hamlets' names); that part is a place whatever label the whole had.
        if len(parts) > 1 and any(prominent):
            parts = [Span(p.doc, p.start, p.end, label="GPE") if big else p for p, big in zip(parts, prominent)]
            return [q for p in parts for q in self._name_parts(p, state)]
        return self._place_list(ent, state) or self._person_of_place(ent) or [ent]

    def _prominent_place(self, text: str) -> bool:
        """Whether TEXT names a country, a state or province, a capital or a large town (only towns are
        capitals in the gazetteer)."""
        return bool(self.gaz.country_lookup(text)) or any(
            (p.kind == "admin" and p.iso_code) or p.capital or (p.kind == "city" and p.population >= self.big_town)
            for p in self.gaz.known_candidates(text))

    def _place_list(self, ent: Span, state: "_ArticleState") -> list[Span] | None:
        """The places of a list the model took for one name ("Ingham or Townsville", "Haris and
        Varzaqan" after "the towns of", "Wainwright, Alta"), as GPE entities, when every item is a known
        place (or, after a comma, the state of the town before it); None otherwise."""
        doc = ent.doc
        cuts = [t.i for t in ent if t.lower_ in LIST_WORDS]
        if not cuts or ent[0].i in cuts or ent[-1].i in cuts:
            return None
        if self.gaz.country_lookup(ent.text) or self.gaz.known_candidates(ent.text):
            return None  # one place's name: "Bosnia and Herzegovina", "Tyne and Wear"
        bounds = [ent.start, *cuts, ent.end]
        items = [(bounds[0] if n == 0 else bounds[n] + 1, bounds[n + 1]) for n in range(len(bounds) - 1)]
        items = [(a, b) for a, b in items if b > a]
        if len(items) < 2:
            return None
        named = self._named_as_place(doc[items[0][0]:items[0][1]], state)
        keep = []
        for n, (a, b) in enumerate(items):
            text = doc[a:b].text
            known = self.gaz.country_lookup(text) or self.gaz.known_candidates(text)
            if n > 0 and doc[a - 1].text == "," and self.pair_region(doc, items[n - 1][0], a - 1) is not None:
                # An abbreviation ("Alta" of "Alta.") is left to _scan_abbreviations, which takes its period.
                if not (self.gaz.subdivision_abbreviations(text) or self.gaz.subdivision_abbreviations(text + ".")):
                    keep.append((a, b))
            elif known or named:
                keep.append((a, b))
            else:
                return None
        return [Span(doc, a, b, label="GPE") for a, b in keep]

    def _person_of_place(self, ent: Span) -> list[Span] | None:
        """"Leonard of Ada, Oklahoma": a person entity ending in "of" and a town the state after it
        holds, split into the person and the town; None otherwise."""
        if ent.label_ != "PERSON":
            return None
        doc = ent.doc
        for t in ent[1:-1]:
            if t.lower_ == "of" and capitalised(doc[t.i + 1].text) \
                    and self.pair_region(doc, t.i + 1, ent.end) is not None:
                return [Span(doc, ent.start, t.i, label="PERSON"), Span(doc, t.i + 1, ent.end, label="GPE")]
        return None

    def _restore_saint_name(self, ent: Span) -> Span:
        """A place entity cut after "St." or "Ste." ("Fort St." + "John"): the name after the
        abbreviation belongs to it when the whole is a known place ("Fort St. John", "Sault Ste. Marie")."""
        doc = ent.doc
        if ent.label_ not in CORRECTED_LABELS or ent.end >= len(doc) \
                or ent[-1].text not in SAINT_ABBREVIATIONS:
            return ent
        nxt = doc[ent.end]
        if nxt.is_title and nxt.is_alpha and self.gaz.known_candidates(doc[ent.start:ent.end + 1].text):
            return Span(doc, ent.start, ent.end + 1, label="GPE")
        return ent

    def _compounds(self, state: "_ArticleState") -> list[dict]:
        """Rows for a place that begins a hyphenated word the tokenizer kept whole ("U.S." in "the
        U.S.-led coalition"; "London-based" is split into tokens and seen by the model). The word is
        no organisation, whatever the model said."""
        doc, rows = state.doc, []
        orths = doc.to_array(ORTH).tolist() if len(doc) else []
        # Each distinct word is read once, and only its hyphenated-compound tokens are made Tokens.
        compound = {o for o in set(orths) if _capital_compound(doc.vocab.strings[o])}
        for i in [i for i, o in enumerate(orths) if o in compound]:
            tok = doc[i]
            head = tok.text.rpartition("-")[0]
            if tok.i in state.place_tokens:
                continue
            best = state.best_place(head, self.gaz)
            if best is None or not (best.kind in ("country", "admin") or best.population >= self.big_town):
                continue
            state.ents = [e for e in state.ents if not (e.start <= tok.i < e.end and e.label_ == "ORG")]
            row = {"start": tok.idx, "end": tok.idx + len(head)}
            row.update(best.as_row())
            row["resolved_by"] = "compound"
            row["source"] = "compound"
            rows.append(row)
        return rows

    def _correct_entity(self, ent: Span, state: "_ArticleState") -> None:
        """Keep, relabel or split one model entity, and note the toponyms it holds."""
        # The label first: the other entities (dates, amounts) need no core.
        core = core_span(ent) if ent.label_ in CORRECTED_LABELS else None
        if core is None:
            state.ents.append(ent)
            return
        # A US county's bare name counts as known before a county word ("Cook and DuPage counties").
        known = bool(self.gaz.known_candidates(core.text)) or self._county_before_county_word(core)
        if known and self._known_by_alternate_name_only(core.text):
            if ent.label_ in PLACE_LABELS and core.text in state.org_texts:
                # "Google" (an alternate name of Topeka) the model calls ORG elsewhere in the article
                state.ents.append(Span(ent.doc, ent.start, ent.end, label="ORG"))
                return
            # An organisation, product or person named like a place's alternate name is that thing,
            # unless the words before it say place ("in Cologne", "Gothenburg, Sweden") and no
            # possessive makes it the owner ("to Prate's office").
            known = ent.label_ not in NAMED_THING_LABELS or (
                self.place_context(ent.doc, core.start, core.end, state.place_tokens) in ("before", "pair")
                and not (core.end < len(ent.doc) and ent.doc[core.end].text in POSSESSIVE))
        if ent.label_ in STREET_LABELS:
            cut = self._street_cut_before_its_word(core)  # asked once: _take_street reuses it
            if (not known or cut is not None) and self._take_street(core, state, cut):
                # "Hertford Road" (FAC), "Dean Woods Road" (ORG), "Galliard Road" (PERSON); "King Edward"
                # (a town too) + "Street"
                return
        if ent.label_ in PLACE_LABELS:
            self._correct_place_entity(ent, core, known, state)
        else:
            self._correct_mislabelled_entity(ent, core, known, state)

    def _county_before_county_word(self, core: Span) -> bool:
        """Whether CORE is a US county's bare name that a county word follows, right after it or at the
        end of the list it is in ("Cook County" written "Cook and DuPage counties", "Orleans Parish"):
        the gazetteer indexes counties by their bare names but does not count them as known names
        (bare "Ford", "Pope" are more often no places)."""
        doc, end = core.doc, core.end
        if end >= len(doc) or not capitalised(core.text):
            return False
        for i in range(end, min(end + 12, len(doc))):
            word = doc[i].lower_
            if word in COUNTY_WORDS:  # after a name: "Ford and county officials" names no county
                return capitalised(doc[i - 1].text) and any(is_county(p) for p in self.gaz.place_candidates(core.text))
            if not (doc[i].text in LIST_WORDS or capitalised(doc[i].text)):
                return False
        return False

    def _abbreviated_county(self, core: Span) -> bool:
        """Whether CORE is a US county written with Co. for County ("Polk Co. deputies"), which the model
        takes for a company: the gazetteer looks "Polk Co." up as Polk County (gazetteer.COUNTY_ABBREVIATION).
        Not after "the": "The Hamilton Co." is a company."""
        if core.start > 0 and core.doc[core.start - 1].lower_ in DETERMINERS_LOWER:
            return False
        return len(core) >= 2 and core[-1].text in COUNTY_ABBREVIATIONS and capitalised(core[0].text) \
            and any(is_county(p) for p in self.gaz.place_candidates(core.text))

    def _known_by_alternate_name_only(self, text: str) -> bool:
        """Whether TEXT names known places only through their alternate names (old names, other
        languages, GeoNames' stray "Google" for Topeka), not as any entry's own name or its ASCII form.
        Countries, capitals, first-level divisions and the curated regions count as their own: their
        alternate names are English forms and abbreviations (Kiev for Kyiv, "Kiev said";
        Rhineland-Palatinate; NSW; Mideast)."""
        return not any(self.gaz.is_own_name(p, text) or p.capital or p.iso_code or p.kind == "region"
                       for p in self.gaz.known_candidates(text))

    def _restore_cut_name(self, ent: Span) -> Span:
        """A place entity ending in a kind word whose first words the model left out ("Bowling Green
        Township" came out as "Green Township"): the capitalised words just before it, outside any
        entity, are part of the name (two at most)."""
        if ent.label_ in PLACE_LABELS and ent.start > 0 and self._known_with_word_before(ent):
            return Span(ent.doc, ent.start - 1, ent.end, label=ent.label_)  # "Little Portugal", not Portugal
        if ent.label_ not in PLACE_LABELS or len(ent) < 2 or ent[-1].lower_ not in self.context["cut_name_ends"]:
            return ent
        doc, start = ent.doc, ent.start
        while start > 0 and ent.start - start < 2:
            prev = doc[start - 1]
            if not (prev.is_title and prev.is_alpha) or prev.is_stop or prev.ent_iob_ != "O" \
                    or prev.lower_ in DETERMINERS_LOWER or prev.text in self.context["not_places"]:
                break
            start -= 1
        return ent if start == ent.start else Span(doc, start, ent.end, label=ent.label_)

    def _known_with_word_before(self, ent: Span) -> bool:
        """Whether the capitalised word just before a place entity, outside any entity, makes with it
        the own name of a place the gazetteer knows: the model left out the first word of "Little
        Portugal" (a Toronto neighbourhood), which is no more Portugal than "New Jersey" is Jersey."""
        doc = ent.doc
        prev = doc[ent.start - 1]
        if not (prev.is_title and prev.is_alpha) or prev.is_stop or prev.ent_iob_ != "O" or prev.is_sent_start \
                or prev.lower_ in DETERMINERS_LOWER or prev.text in self.context["not_places"]:
            return False
        name = doc[ent.start - 1:ent.end].text
        return any(self.gaz.is_own_name(p, name) for p in self.gaz.known_candidates(name))

    def _take_street(self, core: Span, state: "_ArticleState", cut: Span | None) -> bool:
        """Note CORE (or its start) as a street when it is one; whether it was. CUT: CORE's
        _street_cut_before_its_word(), which the caller has asked already."""
        street = self._street(core, cut)
        if street is None:
            return False
        state.ents.append(Span(core.doc, street.start, street.end, label="FAC"))
        state.add(Toponym(street.start, street.end, None, "street"))
        return True

    def _correct_place_entity(self, ent: Span, core: Span, known: bool, state: "_ArticleState") -> None:
        """A GPE/LOC/FAC entity: a place, or a person, a nationality, a company the model took for one."""
        doc, text = ent.doc, core.text
        country = self.gaz.country_lookup(text)
        # A surname the model took for a place ("Bayramov" after "Jeyhun Bayramov"), or a person
        # named like a place ("Georgia" after "Georgia Stevens") outside any place context.
        # ... also with a possessive after a place word ("to Georgia's credit", "from Georgia's hard work"),
        # unless a place's noun follows it ("Georgia's capital").
        if self._era_after_year(core):
            state.ents.append(ent)  # "44 B.C.": a date's era, not British Columbia (no row)
        elif all(t.text in state.person_tokens for t in core) and (
                not known or self._person_possessive(core)
                or not self.place_context(doc, core.start, core.end, state.place_tokens)):
            state.ents.append(Span(doc, ent.start, ent.end, label="PERSON"))
        elif not country and self._kin_apposition(core):
            state.ents.append(Span(doc, ent.start, ent.end, label="PERSON"))  # "and wife, Tonya,"
        elif not country and self.gaz.demonym_country(text):
            state.ents.append(Span(doc, ent.start, ent.end, label="NORP"))
        elif ent.label_ == "FAC" and self._saints_institution(core):
            state.ents.append(ent)  # "St. John's University", "Officials at St. Paul's say"
        elif text in self.context["not_places"]:
            state.ents.append(ent)  # "the Centre" (a government), "Twitter": the model's slip
        elif known and not country and (text in state.stray_names or self._stray_small_town(core, state)):
            state.ents.append(ent)  # "Cisco sues Apple": a company named like a Texas village
        elif not known and len(core) > 1 and self._take_office_place(ent, core, state):
            return  # "the Metcalfe County Sheriff's Office": the organisation, and the county it serves
        elif not known and self._given_name_and_surname(core):
            state.ents.append(Span(doc, ent.start, ent.end, label="PERSON"))  # "in Brooke Henderson"
        elif not known and ent.label_ == "FAC" and not self._named_like_facility(core):
            self._take_leading_place(ent, core, state)  # "Granville County Fire Marshal Doug Logan"
        else:
            state.ents.append(ent)
            # Names the gazetteer does not know need to look like places (see _plausible_unknown).
            if known or (self.include_unresolved and self._plausible_unknown(core, state)):
                state.add(Toponym(core.start, core.end, self.kind_hint(doc, core.end), "model"))

    def _correct_mislabelled_entity(self, ent: Span, core: Span, known: bool, state: "_ArticleState") -> None:
        """An entity with another label (ORG, PERSON, NORP, ...) that may hold or be a place."""
        doc, label, text = ent.doc, ent.label_, core.text
        if ent.kb_id_ == SPORTS_CLUB:  # news_truecase read a city's name as its club ("lost to Boston 104-98")
            state.ents.append(ent)
            return
        if label == "ORG" and core[-1].text in COUNTY_ABBREVIATIONS and not self._abbreviated_county(core):
            state.ents.append(ent)  # "The Hamilton Co.": a company, though Co. may abbreviate County
            return
        country = self.gaz.country_lookup(text)
        if label == "ORG" and len(core) >= 2 and not country and self._take_org_place(ent, core, state):
            return
        if label in ("ORG", "PERSON", "PRODUCT") and not country \
                and (self._county_before_county_word(core) or self._abbreviated_county(core)) \
                and not any(t.text in state.person_tokens for t in core):
            # "Cook and DuPage counties": US counties, whatever the model took them for
            state.ents.append(Span(doc, ent.start, ent.end, label="GPE"))
            state.add(Toponym(core.start, core.end, "admin", "relabelled"))
        elif not known and label in ("ORG", "PERSON", "PRODUCT") and self._part_of_known_place_in(core, state):
            # "on a street in Upper Edmonton": a direction word on a known place, where the words before
            # put something in it (the model called it ORG).
            state.ents.append(Span(doc, ent.start, ent.end, label="GPE"))
            state.add(Toponym(core.start, core.end, self.kind_hint(doc, core.end), "relabelled"))
        elif not known and label in ("ORG", "PERSON", "PRODUCT") and self._named_as_place(core, state):
            # "the villages of Foua", "eastern Ghouta", "the suburb of Madinaty": places too small for
            # the gazetteer, which the words before them name as places.
            state.ents.append(Span(doc, ent.start, ent.end, label="GPE"))
            state.add(Toponym(core.start, core.end, self.kind_hint(doc, core.end), "relabelled"))
        elif self._mislabelled_place(core, label, known, bool(country), state):
            best = state.best_place(text, self.gaz)
            new_label = "LOC" if best is not None and best.kind == "region" else "GPE"
            state.ents.append(Span(doc, ent.start, ent.end, label=new_label))
            state.add(Toponym(core.start, core.end, self.kind_hint(doc, core.end), "relabelled"))
        elif label == "PERSON" and self.gaz.demonym_country(text):
            state.ents.append(Span(doc, ent.start, ent.end, label="NORP"))
            self._add_demonym(core, state)
        else:
            state.ents.append(ent)
            if label == "NORP":
                self._add_demonym(core, state)

    def _take_org_place(self, ent: Span, core: Span, state: "_ArticleState") -> bool:
        """Note the place an organisation entity governs ("the US Government") or ends with ("UNICEF
        Azerbaijan", "the Children's Hospital in Winnipeg"); whether there was one."""
        doc = ent.doc
        governed = self._governed_place(core)
        if governed is not None:  # "the US Government", "the Government of Alberta"
            state.ents.append(ent)
            state.add(Toponym(governed.start, governed.end, "admin", "relabelled"))
            return True
        if self._take_office_place(ent, core, state):
            return True
        split = self._split_org_place(core)
        if split is None:
            return False
        org_end, place_start = split
        state.ents.append(Span(doc, ent.start, org_end, label="ORG"))
        state.ents.append(Span(doc, place_start, core.end, label="GPE"))
        state.add(Toponym(place_start, core.end, None, "relabelled"))
        return True

    def _take_office_place(self, ent: Span, core: Span, state: "_ArticleState") -> bool:
        """Note the place an entity starts with when an office's title follows it; whether it did. "Manitoba
        Premier Brian Pallister" is the place, the title and the person; "the Metcalfe County Sheriff's
        Office" (the title's possessive: the office's own body) stays one organisation, whose place is
        the county."""
        doc = ent.doc
        office = self._office_place(core)
        if office is None:
            return False
        if office.end + 1 < ent.end and doc[office.end + 1].text in POSSESSIVE:
            state.ents.append(Span(doc, ent.start, ent.end, label="ORG"))
        else:
            state.ents.append(Span(doc, office.start, office.end, label="GPE"))
            if office.end + 1 < ent.end and capitalised(doc[office.end + 1].text):
                state.ents.append(Span(doc, office.end + 1, ent.end, label="PERSON"))
        state.add(Toponym(office.start, office.end, self.kind_hint(doc, office.end), "relabelled"))
        return True

    def _saints_institution(self, core: Span) -> bool:
        """Whether CORE, which the model calls a facility, is a saint's name with a possessive after it:
        a church, a school or a hospital named after the saint ("St. John's University", "at St.
        Paul's"), not the towns called St. John or St. Paul."""
        doc, end = core.doc, core.end
        return core[0].text in SAINT_ABBREVIATIONS | {"Saint"} and len(core) >= 2 \
            and end < len(doc) and doc[end].text in POSSESSIVE

    def _person_possessive(self, core: Span) -> bool:
        """Whether CORE is followed by a possessive and then not by a noun of places ("Georgia's hard
        work", not "Georgia's capital", "Georgia's government")."""
        doc, end = core.doc, core.end
        if end >= len(doc) or doc[end].text not in POSSESSIVE:
            return False
        head = doc[end + 1].lower_ if end + 1 < len(doc) else ""
        return head not in self.context["before_of"] and head not in self.context["after"]

    def _era_after_year(self, core: Span) -> bool:
        """Whether a place abbreviation is an era after a year ("44 B.C.", "in 2000 BC."): a year below
        era_before_year before it, or any year when nothing but punctuation follows; a year then a word
        ("the 2017 B.C. election") is the province (models/places/context.json, era_words)."""
        doc, i = core.doc, core.start - 1
        if core.text not in self.context["era_words"] or i < 0 or not doc[i].is_digit:
            return False
        j = core.end
        return int(doc[i].text) < self.context["era_before_year"] or j == len(doc) or doc[j].is_punct

    def _kin_apposition(self, core: Span) -> bool:
        """Whether a one-word name stands in apposition to a family noun, alone or in a list of such
        names: "Jeffrey Haskins and wife, Tonya, all of Paris", "His daughters, Malia and Sasha"."""
        if len(core) != 1:
            return False
        doc, i = core.doc, word_before(core.doc, core.start)
        for _ in range(6):  # back over "Malia and" / "Malia," to the comma after the family noun
            if i < 1:
                return False
            if doc[i].text == "," and doc[word_before(doc, i)].lower_ in self.context["kin_words"]:
                return True
            if not (doc[i].lower_ in LIST_WORDS or (doc[i].is_title and doc[i].is_alpha)):
                return False
            i = word_before(doc, i)
        return False

    def _part_of_known_place_in(self, core: Span, state: "_ArticleState") -> bool:
        """Whether an unknown capitalised name is a direction word on a known place ("Upper Edmonton",
        "Southwest Kansas") right after a locative preposition ("in", "near"; locative_before in
        models/places/context.json): a part of that place. Not after "at" or "from", which take
        companies as often ("at Western Union"), nor a name with a person's word."""
        doc = core.doc
        if len(core) < 2 or len(core) > MAX_NAME_TOKENS or not all(capitalised(t.text) for t in core) \
                or any(t.text in state.person_tokens for t in core):
            return False
        i = word_before(doc, core.start)
        if i >= 0 and doc[i].lower_ in DETERMINERS_LOWER:
            i = word_before(doc, i)
        if i < 0 or doc[i].lower_ not in self.context["locative_before"]:
            return False
        hit = self.gaz.core_place_name(core.text)
        return hit is not None and core.text.startswith(tuple(p + " " for p in self.gaz.direction_prefixes)) \
            and bool(self.gaz.known_candidates(hit[0]))

    def _named_as_place(self, core: Span, state: "_ArticleState") -> bool:
        """Whether the words just before an unknown capitalised name say it is a place: a compass
        adjective ("eastern Ghouta") or "village of", "suburb of" and the like."""
        ctx, doc = self.context, core.doc
        if len(core) > 3 or not all(capitalised(t.text) for t in core) or any(
                t.text in state.person_tokens for t in core):
            return False
        i = core.start - 1
        if i >= 0 and doc[i].lower_ in DETERMINERS_LOWER:
            i -= 1
        if i < 0:
            return False
        if doc[i].lower_ in ctx["strong_before"]:
            return True
        return doc[i].lower_ == "of" and i >= 1 and doc[i - 1].lower_ in ctx["strong_before_of"]

    def _take_metonyms(self, state: "_ArticleState") -> None:
        """Relabel the organisation entities that are metonymic mentions of a place the article names
        as a place elsewhere (see _metonymy), whichever comes first."""
        doc = state.doc
        placed = {doc[t.start:t.end].text for t in state.toponyms if self._confidently_placed(t, state)}
        if not placed:
            return
        for n, ent in enumerate(state.ents):
            if ent.label_ != "ORG" or ent.kb_id_ == SPORTS_CLUB or ent.start in state.place_tokens:
                continue
            core = core_span(ent)
            if core is not None and core.text in placed and self._metonymy(ent, core, state):
                state.ents[n] = Span(doc, ent.start, ent.end, label="GPE")
                state.add(Toponym(core.start, core.end, self.kind_hint(doc, core.end), "metonymy"))

    def _confidently_placed(self, t: Toponym, state: "_ArticleState") -> bool:
        """Whether a toponym is surely a place, so that its name elsewhere may be one by metonymy: a known
        place the words around it call one (or its dateline, or its kind word), or a prominent place
        (see _prominent_place); "Church" the model took for a Lancashire village ("deliver the
        information to Church's") is none."""
        if t.source in ("street", "demonym"):
            return False
        doc, text = state.doc, state.doc[t.start:t.end].text
        if not (self.gaz.country_lookup(text) or self.gaz.known_candidates(text)):
            return False
        if t.source == "dateline" or t.kind_hint is not None or self._prominent_place(text):
            return True
        # "to Church's": a possessive makes the owner of a shop or a firm as likely as a place
        return (t.end >= len(doc) or doc[t.end].text not in POSSESSIVE) \
            and self.place_context(doc, t.start, t.end, state.place_tokens) is not None

    def _metonymy(self, ent: Span, core: Span, state: "_ArticleState") -> bool:
        """Whether an organisation entity that is only the name of a place the article names elsewhere
        as a place stands for that place where it modifies a noun: the model calls many such mentions
        ORG ("the Churchill doctor", "Edmonton's second fire engine", "Torrington businesses"). Not when
        the words around it speak for an organisation: an organisation's noun before it or after it
        ("the company Danbury", "the Danbury company"), a company word or "its" just after it ("Danbury
        Corp"), or a sentence about a sports club ("signed for Burnley's youth side")."""
        if len(core) > MAX_NAME_TOKENS or core.text in self.context["not_places"] \
                or any(t.text in state.person_tokens for t in core):
            return False
        doc, ctx = ent.doc, self.context
        after = doc[core.end:min(core.end + 3, len(doc))]
        if any(t.lower_ == "its" or t.lower_ in ctx["org_after"] for t in after):
            return False
        i = word_before(doc, core.start)
        if i >= 0 and doc[i].lower_ in ctx["org_nouns"]:
            return False
        # Only a name that modifies a noun ("a Churchill doctor", "the Innisfail skater", "Edmonton's
        # second engine"): a name alone ("Washington said") is as often the organisation named so.
        if not after or not (after[0].text in POSSESSIVE or (
                after[0].pos_ == "NOUN" and after[0].is_lower and after[0].lower_ not in ctx["org_nouns"])):
            return False
        return not any(t.lemma_ in ctx["club_lemmas"] for t in core.sent)

    def _stray_names(self, doc: Doc, state: "_ArticleState") -> set[str]:
        """The model's one-word place names that are stray small towns in a mention without place
        words (see _stray_small_town): one name keeps one reading in an article, so "belongs to Cisco"
        is the company the article's other mentions of Cisco are."""
        names = set()
        for ent, core in zip(state.model_ents, state.model_cores):
            if ent.label_ in PLACE_LABELS and core is not None and len(core) == 1 and core.text not in names \
                    and not self.gaz.country_lookup(core.text) and self.gaz.known_candidates(core.text) \
                    and self._stray_small_town(core, state):
                names.add(core.text)
        return names

    def _stray_small_town(self, core: Span, state: "_ArticleState") -> bool:
        """Whether a one-word place entity is only a small town far from the article: no place word
        around it, no large namesake, and either in no country the article names or far from all the
        article's other places (small_town_population and stray_km, models/places/context.json). The
        model calls many company and product names GPE (Cisco, a Texas village of 3,900, in a story set
        in San Jose and Cupertino)."""
        if len(core) > 1 or self.place_context(core.doc, core.start, core.end, state.place_tokens):
            return False
        best = state.best_place(core.text, self.gaz)
        if best is None or best.kind != "city" or best.population >= self.small_town or best.capital:
            return False
        if core.text in state.org_first_words:  # "Cisco" beside "Cisco Systems"
            return True
        own_votes = state.country_votes.get(core.text, {}).get(best.country_code, 0.0)  # no vote for itself
        if state.countries.get(best.country_code, 0) - own_votes < 1 \
                and (best.country_code, best.admin1) not in state.named_divisions(self.gaz):
            return True  # neither its country nor its state ("a small town in Texas") is named
        points = state.other_points(core.text, self.gaz)
        return bool(points) and best.latitude is not None and all(
            km(best.latitude, best.longitude, lat, lon) > self.stray_km for lat, lon in points)

    def _plausible_unknown(self, core: Span, state: "_ArticleState") -> bool:
        """Whether a place entity the gazetteer does not know is still worth a row (a village, a river,
        "Eastern Ghouta"): a capitalised name, not a titled person ("Ms Raggi"), and when it is a single
        word, one the words around it call a place (the model calls many one-word names GPE: Neymar,
        Zalando)."""
        if not capitalised(core.text) or core[0].text.rstrip(".") in self.context["person_titles"]:
            return False
        if "." in core.text and core.text.replace(".", "").isupper():  # M.D., Ph.D.
            return False
        if self.gaz.core_place_name(core.text) is not None or len(core) > 1:
            return True
        return self.place_context(core.doc, core.start, core.end, state.place_tokens) is not None

    def _take_leading_place(self, ent: Span, core: Span, state: "_ArticleState") -> None:
        """An unknown name the model calls a facility that is no facility (see _named_like_facility): the
        prominent place or county it starts with is a place ("Granville County" of "Granville County
        Fire Marshal Doug"); the rest is no place. Without one, the entity stays as it was, with no row."""
        doc = ent.doc
        for k in range(min(MAX_NAME_TOKENS, len(core) - 1), 0, -1):
            part = doc[core.start:core.start + k]
            if self._prominent_place(part.text) or self._county_by_full_name(part.text):
                state.ents.append(Span(doc, part.start, part.end, label="GPE"))
                state.add(Toponym(part.start, part.end, self.kind_hint(doc, part.end), "model"))
                return
        state.ents.append(ent)

    def _given_name_and_surname(self, core: Span) -> bool:
        """Whether an unknown two-word place name is a given name and a surname ("a top-10 golfer in
        Brooke Henderson"): no word of it says place (a kind, a facility or a street word: "Victoria
        Park"), and the second is no country or state ("Austin Texas" is a town and its state)."""
        if len(core) != 2 or core[0].text not in self.first_names or not core[1].is_title or not core[1].is_alpha:
            return False
        last = core[1].lower_
        return not (last in self.context["facility_heads"] or last in self.context["kind_after"]
                    or core[1].text in self.context["street_words"] or self.gaz.country_lookup(core[1].text)
                    or any(p.iso_code for p in self.gaz.known_candidates(core[1].text)))

    def _named_like_facility(self, core: Span) -> bool:
        """Whether an unknown name the model calls a facility says what kind of place it is: one word
        (the model's facilities of one word are airports and landmarks: Heathrow), a facility word first
        or last ("Vancouver Art Gallery", "Camp David"), a street word last, or a number after its first
        word (a route, a pier: "Interstate 64", "Pier 39"). The model also calls events, forces and
        nicknames facilities ("the Great Recession", "The Highway Patrol", "the Show-Me State"): they
        are no places."""
        ctx = self.context
        if len(core) == 1 or self.gaz.core_place_name(core.text) is not None:
            return True
        first, last = core[0].lower_, core[-1].lower_.rstrip(".")
        return first in ctx["facility_heads"] or last in ctx["facility_heads"] \
            or core[-1].text in ctx["street_words"] or any(t.is_digit or t.like_num for t in core[1:])

    def _mislabelled_place(self, core: Span, label: str, known: bool, is_country: bool,
                           state: "_ArticleState") -> bool:
        """Whether an entity the model gave another label (PERSON, ORG, NORP, ...) is a place: a country
        name always; another gazetteer name when the words around it or the article's countries say so."""
        doc = core.doc
        # "crime continues regularly in Winnipeg." came out as a date, "killed in Aleppo" as a language;
        # "followed by Limpopo and Eastern Cape": a date listed with a place.
        if label in CONTEXT_ONLY_LABELS:
            return (known and not any(c.isdigit() for c in core.text)
                    and core.text not in self.context["not_places"]
                    and not self.gaz.demonym_country(core.text)
                    and (self.place_context(doc, core.start, core.end, state.place_tokens) in ("before", "pair")
                         or self._listed_with_model_place(core, state)))
        if is_country:
            return True
        if not known or len(core) > MAX_NAME_TOKENS or self.gaz.demonym_country(core.text):
            return False
        # A word of a person's name ("Kelly" after "John Kelly") is that person whatever the label.
        if any(t.text in state.person_tokens for t in core):
            return False
        why = self.place_context(doc, core.start, core.end, state.place_tokens)
        if why and not (label == "PERSON" and why == "before" and self._person_preposition_before(core)):
            return True
        best = state.best_place(core.text, self.gaz)
        if best is None or state.countries.get(best.country_code, 0) < 1:
            return False
        # Surnames and institutions are often names of small towns too (Johnson, White House, Xinhua):
        # without a place context only a large town, a capital or a province of the article's country.
        return best.kind != "city" or best.population >= self.big_town or best.capital

    def _listed_with_model_place(self, core: Span, state: "_ArticleState") -> bool:
        """Whether CORE is an item of a list whose next or previous item the model calls a place
        ("Limpopo and Eastern Cape"): place_context's "list", counting the places still to come."""
        return self.place_context(core.doc, core.start, core.end,
                                  state.place_tokens | state.model_place_tokens()) == "list"

    def _person_preposition_before(self, core: Span) -> bool:
        """Whether the word before a name (past a determiner) is a preposition that takes people as
        often as places ("fired at Kennedy"): it alone does
        not make a name the model calls a person a place (models/places/context.json)."""
        doc, i = core.doc, word_before(core.doc, core.start)
        if i >= 0 and doc[i].lower_ in DETERMINERS_LOWER:
            i = word_before(doc, i)
        return i >= 0 and doc[i].lower_ in self.context["person_prepositions"]

    def _scan_gazetteer(self, state: "_ArticleState") -> None:
        """Add gazetteer names the model missed: country names anywhere, other places where their
        neighbours say "place" or when they are large towns of a country the article is about."""
        doc = state.doc
        if not len(doc):
            return
        covered = {i for e in state.ents for i in range(e.start, e.end)}
        # The words, their capitals and their tags are read once for the article as arrays (each distinct
        # word once from the vocabulary, no Token made); only a candidate the gazetteer knows is a Span.
        orths, spaces = doc.to_array(ORTH).tolist(), doc.to_array(SPACY).tolist()
        word_of = {o: doc.vocab.strings[o] for o in set(orths)}
        capital_of = {o: capitalised(w) for o, w in word_of.items()}
        words = [word_of[o] for o in orths]
        capital = [capital_of[o] for o in orths]
        in_name = [c or w in NAME_JOINERS for c, w in zip(capital, words)]
        tagged = doc.has_annotation("POS")  # a blank pipeline has no tags: capitals alone must do
        may_start = capital if not tagged else [
            c and pos in NAME_START_POS for c, pos in zip(capital, doc.to_array(POS).tolist())]
        i = 0
        while i < len(doc):
            if i in covered or not may_start[i]:
                i += 1
                continue
            found = self._gazetteer_name_at(state, i, (words, spaces, in_name), covered)
            if found is None:
                i += 1
                continue
            state.ents.append(Span(doc, found.start, found.end, label="GPE"))
            state.add(Toponym(found.start, found.end, self.kind_hint(doc, found.end), "gazetteer"))
            covered.update(range(found.start, found.end))
            i = found.end

    def _gazetteer_name_at(self, state: "_ArticleState", i: int, tokens: tuple, covered: set[int]) -> Span | None:
        """The longest name from token I that _scan_gazetteer takes as a place, or None. TOKENS: the
        article's words, whether a space follows each and whether each may be part of a name."""
        doc, (words, spaces, in_name) = state.doc, tokens
        for n in range(min(MAX_NAME_TOKENS, len(doc) - i), 0, -1):
            end = i + n
            if any(j in covered for j in range(i, end)):
                continue
            if not all(in_name[j] for j in range(i, end)):
                continue
            if n == 1 and (words[i] in self.context["not_places"] or len(words[i]) < 3 or doc[i].is_stop):
                continue
            # Span.text: the words and the spaces between them
            name = words[i] if n == 1 else "".join(
                words[j] + (" " if spaces[j] and j < end - 1 else "") for j in range(i, end))
            if self.gaz.demonym_country(name):
                continue
            if self.gaz.country_lookup(name):
                return Span(doc, i, end)
            if not self.gaz.known_candidates(name):
                continue
            span = Span(doc, i, end)
            # A town's name before a street word is the street's ("King Edward Street"): _scan_streets
            if not self._runs_on(span) and self._street_cut_before_its_word(span) is None and (
                    self.place_context(doc, span.start, span.end, state.place_tokens)
                    or self._big_town_in_context(span, state)):
                return span
        return None

    # ------------------------------------------------------------ datelines, abbreviations, streets
    def _datelines(self, doc: Doc) -> list[tuple[int, int]]:
        """Token spans of datelines: a place name in capitals opening the article or a line and followed
        by a dash, a comma or a parenthesis ("BEIRUT (AP) —", "EDMONTON, Ky", "SAN ANTONIO —"), or
        opening the first sentence after a headline the text runs into it, with a dash or a parenthesis
        after it ("Mason charged. BANTAM — A mason was arraigned")."""
        marks = self.context["dateline_marks"]
        out = []
        at_line_start = set(line_starts(doc))
        for i in sorted(at_line_start | headline_ends(doc)):
            if doc[i].ent_kb_id_ == SPORTS_CLUB:
                continue  # a team opening a line of a league table ("BOSTON 67 65 .508 7")
            j = i
            while j < len(doc) and j - i < MAX_NAME_TOKENS and (
                    (doc[j].text.isupper() and doc[j].text[:1].isalpha()) or (doc[j].text == "." and j > i)):
                j += 1
            for k in range(j, i, -1):
                span = doc[i:k]
                if sum(c.isalpha() for c in span.text) < 4 or span[-1].text == ".":
                    continue
                marked = k < len(doc) and (doc[k].text in marks or doc[k].text.startswith("--"))
                if marked and caps_words_follow(doc, k + 1):
                    break  # "CRICKET - ENGLAND BEAT PAKISTAN": a headline's subject, no dateline
                if i not in at_line_start:
                    # after a headline on the same line: only a dash or a parenthesis marks it
                    # ("... with sex assault. BANTAM — A Danbury man")
                    if not (marked and doc[k].text not in (",", ":")):
                        continue
                best = self.gaz.resolve_place(span.text)
                if best is None:
                    continue
                big = best.kind in ("country", "admin") or best.population >= self.big_town or best.capital
                if marked or big:
                    out.append((i, k))
                    break
        return out

    def _scan_abbreviations(self, state: "_ArticleState") -> None:
        """Add the state or province abbreviation written after a town ("Louisville, KY", "Gatineau,
        Que.", "EDMONTON, Ky (WBKO)"), which the model misses or calls a person."""
        doc = state.doc
        for t in sorted(state.toponyms, key=lambda t: t.start):
            k = t.end + 1
            if t.source == "demonym" or k >= len(doc) or doc[t.end].text != "," or k in state.place_tokens:
                continue
            tok = doc[k]
            end = None
            if k + 1 < len(doc) and doc[k + 1].text == "." and self.gaz.subdivision_abbreviations(tok.text + "."):
                end = k + 2
            elif self.gaz.subdivision_abbreviations(tok.text) and (
                    tok.text.isupper() or tok.text.endswith(".")
                    or (len(tok.text) == 2 and (k + 1 == len(doc) or not doc[k + 1].text[:1].isalnum()))):
                end = k + 1
            if end is None:
                continue
            state.ents = [e for e in state.ents if e.end <= k or e.start >= end]
            state.ents.append(Span(doc, k, end, label="GPE"))
            state.add(Toponym(k, end, "admin", "abbreviation"))

    def _street(self, core: Span, cut: Span | None) -> Span | None:
        """CORE, or its start, as a street or road name ("Hertford Road", "Cedar Flat Rd.",
        "Highway 403"), or None. CUT: CORE's _street_cut_before_its_word()."""
        doc = core.doc
        words = self.context["street_words"]
        if cut is not None:
            return cut
        end = core.end
        if core[-1].text == "." and len(core) > 2 and core[-2].text + "." in words:
            end -= 1
        last = doc[end - 1]
        if len(core) >= 2 and core[0].text in self.context["route_words"] and core[1].like_num:
            return doc[core.start:core.start + 2]
        if last.text not in words or end - core.start < 2 or end - core.start > 6:
            return None
        head = doc[core.start:end - 1]
        if not all(capitalised(t.text) or t.like_num or t.text in {"-", "'s", "’s", "de", "la"} for t in head):
            return None
        if head[0].text in self.context["not_places"]:
            return None
        stop = end + 1 if end < core.end and doc[end].text == "." else end
        return doc[core.start:stop]

    def _street_cut_before_its_word(self, core: Span) -> Span | None:
        """CORE and the street word right after it, which the model left out ("King Edward" +
        "Street"), when the name stops there: "Florida Highway Patrol" runs on and is no road."""
        doc, end = core.doc, core.end
        if end >= len(doc) or doc[end].text not in self.context["street_words"] or len(core) > 4 \
                or not all(t.is_title for t in core) or core[0].text in self.context["not_places"]:
            return None
        stop = end + 1
        if stop < len(doc) and doc[stop].text == "." and doc[end].text + "." in self.context["street_words"]:
            stop += 1
        if stop < len(doc) and capitalised(doc[stop].text) and doc[stop].is_alpha:
            return None
        return doc[core.start:stop]

    def _scan_streets(self, state: "_ArticleState") -> None:
        """Add street and road names the model left out ("between Cleaver Road and Mile Hill")."""
        doc = state.doc
        covered = {i for e in state.ents for i in range(e.start, e.end)}
        words, routes = self.context["street_words"], self.context["route_words"]
        keys = {doc.vocab.strings[w] for w in words | routes}  # hashes, added to no string store
        # Only the tokens that are street or route words, found without making a Token of every word.
        for i in [i for i, orth in enumerate(doc.to_array(ORTH).tolist()) if orth in keys]:
            tok = doc[i]
            if i in covered:
                continue
            if tok.text in routes and i + 1 < len(doc) and doc[i + 1].like_num and i + 1 not in covered:
                span = doc[i:i + 2]
            elif tok.text in words:
                start = i
                while start > 0 and i - start < 4 and start - 1 not in covered and doc[start - 1].is_title \
                        and not doc[start - 1].is_stop and not doc[start - 1].is_sent_start:
                    start -= 1
                if start == i:
                    continue
                end = i + 2 if i + 1 < len(doc) and doc[i + 1].text == "." and tok.text + "." in words else i + 1
                span = doc[start:end]
                if self.gaz.known_candidates(span.text) or doc[start].text in self.context["not_places"]:
                    continue
            else:
                continue
            state.ents.append(Span(doc, span.start, span.end, label="FAC"))
            state.add(Toponym(span.start, span.end, None, "street"))
            covered.update(range(span.start, span.end))

    def _runs_on(self, span: Span) -> bool:
        """Whether a capitalised name goes on past SPAN ("Ars" in "Ars Technica"), other than with a
        word that says what kind of place it is ("Sichuan Province"), an office's title ("Ontario Premier")
        or a month or weekday."""
        doc = span.doc
        if span.end >= len(doc):
            return False
        nxt = doc[span.end]
        return (capitalised(nxt.text) and nxt.is_alpha and not nxt.is_sent_start
                and nxt.lower_ not in self.context["kind_after"] and nxt.lower_ not in self.context["after"]
                and nxt.lower_ not in self.context["office_titles"]
                and nxt.text not in self.context["not_places"])

    def _add_demonym(self, core: Span, state: "_ArticleState") -> None:
        if self.include_demonyms and self.gaz.demonym_country(core.text):
            state.toponyms.append(Toponym(core.start, core.end, None, "demonym"))

    def _big_town_in_context(self, span: Span, state: "_ArticleState") -> bool:
        tagged = span.doc.has_annotation("POS")
        if any((tagged and t.pos_ != "PROPN") or t.text in state.person_tokens for t in span):
            return False
        best = state.best_place(span.text, self.gaz)
        return (best is not None and best.kind == "city" and best.population >= self.big_town
                and state.countries.get(best.country_code, 0) >= 1)

    def _governed_place(self, core: Span) -> Span | None:
        """The country or province an organisation entity is the government of ("US" in "the US
        Government", "Alberta" in "the Government of Alberta"): a mention of that place, unlike a place
        inside an agency's name ("Azerbaijan National Agency for Mine Action"); None otherwise."""
        words = self.context["government_words"]
        doc = core.doc
        if core[-1].lower_ in words:
            place = doc[core.start:core.end - 1]
        elif core[0].lower_ in words and len(core) >= 3 and core[1].lower_ == "of":
            place = doc[core.start + 2:core.end]
        else:
            return None
        if not capitalised(place.text) or len(place) > MAX_NAME_TOKENS:
            return None
        if self.gaz.country_lookup(place.text) or any(p.kind == "admin" for p in self.gaz.known_candidates(place.text)):
            return place
        return None

    def _office_place(self, core: Span) -> Span | None:
        """The place an organisation entity starts with when an office's title follows it ("Manitoba" in
        "Manitoba Premier Brian Pallister"): a prominent place (see _prominent_place); None otherwise."""
        doc = core.doc
        for k in range(min(MAX_NAME_TOKENS, len(core) - 1), 0, -1):
            if doc[core.start + k].lower_ not in self.context["office_titles"]:
                continue
            place = doc[core.start:core.start + k]
            if self._prominent_place(place.text) or self._county_by_full_name(place.text):
                return place
        return None

    def _county_by_full_name(self, text: str) -> bool:
        """Whether TEXT is a US county's whole name, county word included ("Metcalfe County")."""
        return any(is_county(p) and p.name == text for p in self.gaz.known_candidates(text))

    def _split_org_place(self, core: Span) -> tuple[int, int] | None:
        """Where an organisation name ends and a place written after it starts, as (org end, place start):
        a trailing country ("UNICEF Azerbaijan") or a place after "in"/"at" ("the Children's Hospital
        in Winnipeg"); None otherwise. A country after "of" stays in the name ("Bank of Georgia")."""
        doc = core.doc
        for k in range(1, min(MAX_NAME_TOKENS, len(core) - 1) + 1):
            start = core.end - k
            tail = doc[start:core.end]
            before = doc[start - 1].lower_
            if before in {"in", "at"} and start - 1 > core.start and self.gaz.known_candidates(tail.text) \
                    and capitalised(tail[0].text):
                return start - 1, start
            if self.gaz.country_lookup(tail.text) and before not in {"of", "for", "and", "in", "&", "the"}:
                return start, start
            # A broadcaster's or agency's local branch: "CBC Toronto", "CTV Winnipeg".
            if start - core.start == 1 and core[0].text.isupper() and len(core[0].text) > 1 \
                    and capitalised(tail[0].text):
                best = self.gaz.resolve_place(tail.text)
                if best is not None and (best.kind == "admin" or best.population >= self.big_town or best.capital):
                    return start, start
        return None

    # ------------------------------------------------------------ resolution
    def _known_part(self, span: Span, ctx: dict[str, float]) -> "object | None":
        """The known place an unknown multi-word name starts or ends with ("Metcalfe County" in
        "Metcalfe County Sheriff's Office", "Peace River" in "Peace River Valley"), when it is a country,
        a province or a place in a country the article is about; None otherwise."""
        for part in _parts_longest_first(span):
            if not capitalised(part[0].text) or part[-1].is_punct or part.text in self.context["not_places"]:
                continue
            best = self.gaz.resolve_place(part.text, context_countries=ctx)
            if best is not None and best.latitude is not None and (
                    best.kind in ("country", "admin") or ctx.get(best.country_code, 0) >= 1):
                return best
        return None

    def _place_within(self, doc: Doc, rows: list[dict], after_possessive: set[int]) -> None:
        """Give a place the gazetteer does not know (a building, a street, a village) the country and
        point of the known place the text puts it in: "X in Y", "X, Y", "Y's X", and for a division
        "X county of Y" (division_words in models/places/context.json). Its kind stays other
        and it gets no GeoNames id: the point is the containing place's, an approximation. A known
        name after "Y's" (AFTER_POSSESSIVE: the start offsets of such rows) that the ranking put in
        another country than Y is such a place too."""
        by_start = {r["start"]: r for r in rows}
        by_end = {r["end"]: r for r in rows}
        for r in rows:
            unknown = r["kind"] == "other" and r["latitude"] is None
            if not unknown and not (r["country_code"] and r["start"] in after_possessive):
                continue
            span = doc.char_span(r["start"], r["end"], alignment_mode="expand")
            if span is None:
                continue
            container = None
            after = _past_abbreviation_period(doc, span.end)
            if unknown and after + 1 < len(doc) and (doc[after].text in WITHIN_AFTER or (
                    doc[after].lower_ == "of" and span[-1].lower_ in self.context["division_words"])):
                container = by_start.get(doc[after + 1].idx)
            if container is None and span.start >= 2 and doc[span.start - 1].text in POSSESSIVE:
                container = by_end.get(doc[span.start - 2].idx + len(doc[span.start - 2].text))
            if container is None or container["latitude"] is None or container is r:
                continue
            if not unknown and container["country_code"] in (None, r["country_code"]):
                continue  # "Giza's Haram district" put in Norway: a namesake, not the place in Giza
            r.update(name=r["name"] if unknown else span.text, kind="other", geonames_id=None,
                     country_code=container["country_code"], latitude=container["latitude"],
                     longitude=container["longitude"], resolved_by="container")

    def resolve(self, doc: Doc, toponyms: list[Toponym], state: "_ArticleState") -> list[dict]:
        """One row per toponym, each the best-ranked gazetteer candidate on the article's evidence
        (normalize/ranking.py): first the toponyms that decide themselves ("Town, State" pairs, single
        candidates, datelines), which become the anchors and the state context of the rest."""
        ev = Evidence(countries=dict(state.countries), admin1={}, anchors=[])
        self._add_phone_states(doc, ev)
        self._add_organisation_states(state, ev)
        texts = [doc[t.start:t.end].text for t in toponyms]  # read by every pass below: made once
        chosen = self._resolve_pairs(doc, toponyms, texts, ev)
        self._resolve_unambiguous(toponyms, texts, ev, chosen, state)
        self._add_named_states(toponyms, texts, ev, chosen, state)
        self._add_cluster_anchors(toponyms, texts, ev, chosen, state)
        ranked = self._rank_rest(toponyms, texts, ev, chosen, state)
        rows, after_possessive, placed = [], set(), []
        for n, t in enumerate(toponyms):
            span = doc[t.start:t.end]
            if t.start >= 2 and doc[t.start - 1].text in POSSESSIVE:
                after_possessive.add(span.start_char)
            place, why = chosen.get(n) or ranked.get(n) or (None, None)
            if place is None:
                place, why = self._resolve_rest(span, t, ev)
            if place is None and not self.include_unresolved:
                continue
            if place is not None:
                placed.append(place)
            rows.append(self._row(span, place, t.source, why))
        self._place_within(doc, rows, after_possessive)
        self._place_on_known_part(doc, rows, ev.countries)
        self._place_in_home_division(rows, home_division(placed, self.gaz.weights))
        self._place_in_home_country(rows, ev.countries)
        rows.sort(key=lambda r: (r["start"], r["end"]))
        return rows

    def _add_phone_states(self, doc: Doc, ev: Evidence) -> None:
        """The states and provinces of the article's telephone numbers are state context, and their
        countries half a vote (as an unambiguous place is): local news gives the local numbers to call
        ("call London police at 519-661-5670" is London, Ontario). Toll-free codes name no state."""
        if not self.area_codes or PHONE_NUMBER_CORE.search(base.doc_text(doc)) is None:
            return
        codes = {self.area_codes.get(m.group(1)) for text in phone_number_texts(doc)
                 for m in PHONE_NUMBER.finditer(text)} - {None}
        for code in sorted(codes):
            place = self.gaz.subdivision(code)
            if place is not None and place.admin1:
                self._add_state_evidence(ev, place, PHONE_EVIDENCE)

    def _add_organisation_states(self, state: "_ArticleState", ev: Evidence) -> None:
        """The states and provinces named inside the article's organisation names are state context,
        and their countries half a vote, though they are no place rows: "Illinois State Police" and
        "the University of Manitoba" say where a local story is set, as a telephone number does."""
        for e, core in zip(state.model_ents, state.model_cores):
            if e.label_ != "ORG" or core is None or len(core) < 2:
                continue  # an organisation called by a state's bare name is a team or a government
            place = self._state_inside(core, state)
            if place is not None:
                self._add_state_evidence(ev, place, ORGANISATION_EVIDENCE)

    def _add_state_evidence(self, ev: Evidence, place: Place, by: str) -> None:
        """PLACE's state or province as state context named BY evidence that is no toponym (a telephone
        area code, an organisation's name), and half a vote for its country (minor_country_vote)."""
        ev.admin1.setdefault((place.country_code, place.admin1), set()).add(by)
        vote = self.gaz.weights.minor_country_vote
        ev.countries[place.country_code] = ev.countries.get(place.country_code, 0.0) + vote

    def _state_inside(self, org: Span, state: "_ArticleState"):
        """The state or province whose name is a run of capitalised words inside ORG (the longest, the
        first of equals), when that name's likeliest entry is the division itself, not a town or a
        country ("New York" is the city, "Georgia" may be the country): else None."""
        for width in range(min(MAX_STATE_WORDS, len(org) - 1), 0, -1):
            for i in range(len(org) - width + 1):
                words = org[i:i + width]
                if not all(capitalised(t.text) for t in words):
                    continue
                text = words.text
                known = self.gaz.known_candidates(text)  # memoised for the process: most runs end here
                if not any(c.kind == "admin" and c.iso_code for c in known) or any(c.kind == "country" for c in known):
                    continue
                best = state.best_place(text, self.gaz)
                if best is not None and best.kind == "admin" and best.iso_code and best.admin1:
                    return best
        return None

    def _evidence_for(self, text: str, ev: Evidence, state: "_ArticleState") -> Evidence:
        """EV without what the name itself contributed: "Georgia" does not vote for the country Georgia,
        nor "Jordan" for Jordan."""
        own = state.country_votes.get(text)
        if not own:
            return ev
        countries = {c: w - own.get(c, 0.0) for c, w in ev.countries.items()}
        return Evidence(countries=countries, admin1=ev.admin1, anchors=ev.anchors, dateline=ev.dateline)

    @staticmethod
    def _anchor(ev: Evidence, text: str, place, *, names_state: bool = False) -> None:
        """A confidently placed town or county lends its point (coherence); a state, and a town whose
        state the text names with it (a pair, a dateline), lend their state (state context)."""
        if place is None:
            return
        if place.latitude is not None and (place.kind == "city" or is_county(place)):
            ev.anchors.append(Anchor(text, place.latitude, place.longitude))
        if place.admin1 and (names_state or (place.kind == "admin" and place.iso_code)):
            ev.admin1.setdefault((place.country_code, place.admin1), set()).add(text)

    def _resolve_pairs(self, doc: Doc, toponyms: list[Toponym], texts: list[str], ev: Evidence) -> dict[int, tuple]:
        """"Atlanta, Georgia": the pair decides both (the US state, not the country); the town becomes an
        anchor and its country joins the context."""
        chosen: dict[int, tuple] = {}
        by_start = {t.start: n for n, t in enumerate(toponyms)}
        for n, t in enumerate(toponyms):
            m = by_start.get(t.end + 1)
            if m is not None and doc[t.end].text == "," and m not in chosen:
                town_text = texts[n]
                pair = self.gaz.resolve_pair(town_text, texts[m])
                if pair:
                    chosen[n], chosen[m] = (pair[0], "town-state"), (pair[1], "town-state")
                    ev.countries[pair[0].country_code] = max(ev.countries.get(pair[0].country_code, 0.0), 1.0)
                    self._anchor(ev, town_text, pair[0], names_state=True)
                    self._anchor(ev, texts[m], pair[1])
                    continue
                after = toponyms[m].end
                possessive = after < len(doc) and doc[after].text in POSSESSIVE  # "London, Argentina's envoy"
                region = None if possessive else self._town_state_without_town(town_text, texts[m], toponyms[m])
                if region is not None:
                    # "HOLLIDAY, Mo.": a town too small for the gazetteer, in the state written after it,
                    # not its namesake elsewhere; it takes the state's point (see _place_within).
                    chosen[n] = (replace(region, name=town_text, kind="other", geonames_id=None, iso_code="",
                                         population=0, capital=False), "container")
        return chosen

    def _town_state_without_town(self, town: str, region: str, t: Toponym):
        """The state, province or country REGION names after "TOWN," when the gazetteer knows TOWN (by
        its own name) only elsewhere, or None: a known state or country after a comma is where the town
        is. Not when TOWN is itself a country, a region or a first-level division ("Ohio, Michigan and
        Indiana") or a capital or large town somewhere, nor when REGION is also a town ("Edinburgh,
        Aberdeen")."""
        if self.gaz.country_lookup(town):
            return None
        cands = self.gaz.place_candidates(town)
        if not cands or any(p.kind in ("country", "region") or (p.kind == "admin" and p.iso_code)
                            or p.capital or p.population >= self.big_town for p in cands) \
                or not any(self.gaz.is_own_name(p, town) and p.kind == "city" for p in cands):
            return None  # a famous town elsewhere: "the embassy in London, Argentina's representative"
        if t.source == "abbreviation":
            place = self.gaz.subdivision_abbreviation(region)
            return place if place is not None and place.latitude is not None else None
        hit = self.gaz.country_lookup(region)
        regions = self.gaz.place_candidates(region)
        if any(p.kind == "city" and self.gaz.is_own_name(p, region) and p.population >= self.small_town
               for p in regions):
            return None  # "Edinburgh, Aberdeen": a list of towns, one of them a council area too
        states = {p for p in regions
                  if p.latitude is not None and (p.kind == "admin" and p.iso_code or (hit and p.kind == "country"))}
        return states.pop() if len(states) == 1 else None

    def _resolve_unambiguous(self, toponyms: list[Toponym], texts: list[str], ev: Evidence,
                             chosen: dict[int, tuple], state: "_ArticleState") -> None:
        """Names with one candidate decide themselves, and the dateline is ranked before the rest: all
        become anchors; the dateline also anchors the "dateline" evidence."""
        for n, t in enumerate(toponyms):
            if n in chosen or t.source == "demonym":
                continue
            text = texts[n]
            cands = self.gaz.place_candidates(text) or self._candidates_of_named_kind(text)
            if len(cands) == 1:
                chosen[n] = (cands[0], "only-candidate")
            elif t.source == "dateline" and cands and not all(is_county(c) for c in cands):
                # (a county dateline, "PLYMOUTH CO. -", is local news: the states it names decide it)
                # Wire style: a dateline without a state names a city that stands alone (WASHINGTON,
                # DENVER); smaller towns carry their state ("EDMONTON, Ky"), a pair. So only the
                # countries speak here, not the states and neighbours the story mentions. And it names
                # a town: "VICTORIA" is Victoria, B.C., not the Australian state, unless it says
                # otherwise (a country still wins as a country name).
                countries = self._evidence_for(text, ev, state).countries
                place, why = self.gaz.rank(text, Evidence(countries=countries), t.kind_hint or "city")
                chosen[n] = (place, "dateline" if why == "kind-word" and not t.kind_hint else why)
            else:
                continue
            place = chosen[n][0]
            if place.country_code:
                ev.countries[place.country_code] = max(ev.countries.get(place.country_code, 0.0), 1.0)
            self._anchor(ev, text, place, names_state=t.source == "dateline")
            if t.source == "dateline" and place.latitude is not None and ev.dateline is None:
                ev.dateline = Anchor(text, place.latitude, place.longitude)

    def _candidates_of_named_kind(self, text: str) -> tuple:
        """The candidates of the known place an unknown name is with its kind word ("County of Brant",
        "Sichuan province": those of Brant, of Sichuan), which _resolve_rest gives it; () otherwise."""
        core = self.gaz.core_place_name(text)
        return self.gaz.place_candidates(core[0]) if core is not None and core[1] is not None else ()

    def _add_named_states(self, toponyms: list[Toponym], texts: list[str], ev: Evidence, chosen: dict[int, tuple],
                          state: "_ArticleState") -> None:
        """Provinces and states the article names steer its towns and counties ("Ontario" -> London,
        Ontario): every toponym whose provisional best is a first-level division adds it."""
        # A name's ranking depends on the name, its kind hint and the evidence: it is kept per surface
        # form until a new state joins the evidence (then every later ranking may change).
        ranked: dict[tuple[str, str | None], object] = {}
        for n, t in enumerate(toponyms):
            if n in chosen or t.source == "demonym":
                continue
            text, key = texts[n], (texts[n], t.kind_hint)
            if key not in ranked:
                ranked[key] = self.gaz.rank(text, self._evidence_for(text, ev, state), t.kind_hint)[0]
            best = ranked[key]
            if best is not None and best.kind == "admin" and best.admin1 and best.iso_code:
                names = ev.admin1.setdefault((best.country_code, best.admin1), set())
                if text not in names:
                    names.add(text)
                    ranked.clear()

    def _add_cluster_anchors(self, toponyms: list[Toponym], texts: list[str], ev: Evidence,
                             chosen: dict[int, tuple], state: "_ArticleState") -> None:
        """The towns the article's still undecided names lend each other (ranking.cluster_towns):
        of each name's own-name towns of small_town_population or more, the one most of the other
        names have a town near. Names already decided (pairs, single candidates, the dateline) count
        as their anchors, and get none. Hamlets take no part: every European capital has namesake
        villages across the eastern United States, near enough to each other to outvote Paris and
        London in a story about both."""
        decided = {texts[n] for n in chosen}
        towns: dict[str, list[Place]] = {}
        for n, t in enumerate(toponyms):
            text = texts[n]
            if n in chosen or t.source == "demonym" or text in decided or text in towns:
                continue
            towns[text] = [p for p in self.gaz.place_candidates(text)
                           if p.kind == "city" and p.latitude is not None
                           and p.population >= self.small_town and self.gaz.is_own_name(p, text)]
        if len(towns) < 2:
            return
        w = self.gaz.weights
        for text, place in cluster_towns(towns, w.coherence_km, w.cluster_share, tuple(ev.anchors)).items():
            ev.anchors.append(Anchor(text, place.latitude, place.longitude))
            self._vote_once(ev, state, text, place.country_code)

    def _vote_once(self, ev: Evidence, state: "_ArticleState", text: str, country: str) -> None:
        """Half a vote for COUNTRY (the article's home-country prior) from the name TEXT, which the
        name itself will not hear (see _evidence_for): for a town placed with confidence in the first
        round, or lent by the article's other names (_add_cluster_anchors). Once a name and country:
        its model entity's vote (a name in one country only, _ArticleState.of) or the other reading
        counts already, and two votes from one name would carry its country's homonyms elsewhere
        ("Paris, London and Washington": Washington, Tyne and Wear)."""
        votes = state.country_votes.setdefault(text, {})
        if country not in votes:
            half = self.gaz.weights.minor_country_vote
            ev.countries[country] = ev.countries.get(country, 0.0) + half
            votes[country] = half

    def _rank_rest(self, toponyms: list[Toponym], texts: list[str], ev: Evidence, chosen: dict[int, tuple],
                   state: "_ArticleState") -> dict[int, tuple]:
        """The other toponyms, ranked twice: the first round's large towns and capitals join the anchors
        of the second (coherence), so that "Springfield" beside a placed "Decatur" goes to Illinois.
        One name keeps one place within an article."""
        paired = self._paired_towns(texts, chosen)
        first: dict[str, tuple] = {}
        # How many large towns had joined the evidence when each name was ranked: a name ranked after
        # the last of them saw the evidence the second round sees, and keeps its first result.
        joined, joined_before = 0, {}
        for n, t in enumerate(toponyms):
            text = texts[n]
            if n in chosen or t.source == "demonym" or text in first or text in paired:
                continue
            first[text] = self.gaz.rank(text, self._evidence_for(text, ev, state), t.kind_hint)
            joined_before[text] = joined
            place = first[text][0]
            if place is not None and place.kind == "city" and (place.population >= self.big_town or place.capital):
                joined += 1
                self._anchor(ev, text, place)
                self._vote_once(ev, state, text, place.country_code)
        ranked: dict[int, tuple] = {}
        final: dict[str, tuple] = {}
        for n, t in enumerate(toponyms):
            text = texts[n]
            if n in chosen or t.source == "demonym":
                continue
            if text in paired:
                ranked[n] = (paired[text], "town-state")
                continue
            if text not in final:
                final[text] = first[text] if joined_before[text] == joined else \
                    self.gaz.rank(text, self._evidence_for(text, ev, state), t.kind_hint)
            ranked[n] = final[text]
        return ranked

    @staticmethod
    def _paired_towns(texts: list[str], chosen: dict[int, tuple]) -> dict[str, object]:
        """The towns the article wrote as "Town, State" pairs, by name, where every pair of the name
        agrees: news gives the state at a town's first mention only, so a later bare "Paris" after
        "Paris, Mo." is the same Paris (one name, one place within an article)."""
        places: dict[str, set] = defaultdict(set)
        for n, (place, why) in chosen.items():
            if why == "town-state" and place.kind == "city":
                places[texts[n]].add(place)
        return {text: next(iter(found)) for text, found in places.items() if len(found) == 1}

    def _resolve_rest(self, span: Span, t: Toponym, ev: Evidence) -> tuple:
        """(place, resolved_by) of a toponym without candidates of its own: a demonym's country, a state
        abbreviation, or the known place a longer name is built on ("Sichuan province", "Far North
        Queensland"); (None, None) when there is none."""
        if t.source == "demonym":
            return self.gaz.resolve_place(self.gaz.demonym_country(span.text)[0]), "demonym"
        if t.source == "abbreviation":
            place = self.gaz.subdivision_abbreviation(span.text)
            if place is not None:
                return place, "abbreviation"
        core = self.gaz.core_place_name(span.text)
        if core is None:
            return None, None
        place, why = self.gaz.rank(core[0], ev, core[1] or t.kind_hint)
        if place is not None and core[1] is None:  # a part of it: placed on the whole
            place, why = replace(place, name=span.text, kind="region", geonames_id=None), "part-of"
        return place, why

    @staticmethod
    def _row(span: Span, place, source: str, resolved_by: str | None) -> dict:
        row = {"start": span.start_char, "end": span.end_char}
        if place is None:
            row.update(name=span.text, kind="other", country_code=None, geonames_id=None,
                       latitude=None, longitude=None)
        else:
            row.update(place.as_row())
        row["resolved_by"] = resolved_by
        row["source"] = source
        return row

    def _place_on_known_part(self, doc: Doc, rows: list[dict], ctx: dict[str, float]) -> None:
        """An unknown name still without a point takes the point of the known place it starts or ends
        with ("Metcalfe County Sheriff's Office", "Peace River Valley")."""
        placed = _placed_by_text(base.doc_text(doc), rows)
        for row in rows:
            if row["kind"] == "other" and row["latitude"] is None:
                span = doc.char_span(row["start"], row["end"], alignment_mode="expand")
                if span is None:
                    continue
                point = _article_point_of_part(span, placed) or _point_of(self._known_part(span, ctx))
                if point is not None:
                    row.update(point, resolved_by="part-of")

    def _place_in_home_country(self, rows: list[dict], countries: dict[str, float]) -> None:
        """An unknown name still without a point (a village too small for the gazetteer, a street)
        takes the country, and the country's point, of an article about one country: its COUNTRIES
        votes give one at least home_votes and home_margin times any other's (models/places/ranking.json).
        A coarse point, written as resolved_by "home-country", as "container" is for a place inside a
        known one."""
        home = home_country(countries, self.gaz.weights)
        place = self.gaz.resolve_place(self.gaz.country_name(home)) if home else None
        if place is None or place.kind != "country" or place.latitude is None:
            return
        for row in rows:
            if row["kind"] == "other" and row["latitude"] is None and not self._open_water(row["name"]):
                row.update(_point_of(place), resolved_by="home-country")

    def _place_in_home_division(self, rows: list[dict], division: Place | None) -> None:
        """An unknown name still without a point takes the point of the article's home state or
        province (see home_division), a finer guess than its country's: a village too small for the
        gazetteer in a story about one state is most likely in that state. resolved_by "home-state"."""
        if division is None or division.latitude is None:
            return
        for row in rows:
            if row["kind"] == "other" and row["latitude"] is None and not self._open_water(row["name"]):
                row.update(_point_of(division), resolved_by="home-state")

    def _open_water(self, name: str) -> bool:
        """Whether NAME is open water's, in no one country ("Bering Sea", "Gulf of Guinea"): an open-water
        word first or last (models/places/context.json)."""
        words = name.lower().split()
        return bool(words) and (words[0] in self.context["open_water_words"]
                                or words[-1] in self.context["open_water_words"])


def home_country(countries: dict[str, float], w: Weights) -> str | None:
    """The country an article is about, from its country votes (see _ArticleState.countries): the
    first at least W.home_votes and at least W.home_margin times the runner-up's; None when no country
    stands out."""
    return _stands_out({c: v for c, v in countries.items() if c}, w)


def _stands_out(votes: dict, w: Weights):
    """The key whose votes are at least W.home_votes and W.home_margin times the runner-up's, or None:
    the one test of 'what the article is about' shared by the home country and the home division."""
    ranked = sorted(((v, k) for k, v in votes.items()), reverse=True)
    if not ranked or ranked[0][0] < w.home_votes or (len(ranked) > 1 and ranked[1][0] * w.home_margin > ranked[0][0]):
        return None
    return ranked[0][1]


def home_division(places: list[Place], w: Weights) -> Place | None:
    """The first-level division (state, province) an article is about, from the places it resolved: a
    division named counts 1, a town in it W.minor_country_vote (as for the home country); the first
    must be named, have at least W.home_votes and W.home_margin times the runner-up's. None when no
    division stands out."""
    votes: dict[tuple[str, str], float] = defaultdict(float)
    named: dict[tuple[str, str], Place] = {}
    for p in places:
        if not p.admin1 or p.latitude is None:
            continue
        key = (p.country_code, p.admin1)
        if p.kind == "admin" and p.iso_code:
            named[key] = p
            votes[key] += 1.0
        elif p.kind == "city":
            votes[key] += w.minor_country_vote
    winner = _stands_out(votes, w)
    return named.get(winner) if winner is not None else None


def keep_articles_of_own_names(text: str, rows: list[dict]) -> None:
    """Widen a row to the "The" before it when the place it names has the article in its own name and
    the text capitalises it so ("in The Hague", "The Dalles, Oregon"): the article is then the name's
    in every convention, not the sentence's. A lower-case "the" stays the sentence's ("the Bronx"; for
    "the United States" see name_article.py and the keep_name_article option)."""
    for row in rows:
        name, start = row.get("name") or "", row["start"]
        if name.startswith("The ") and text[start:row["end"]] == name[4:] \
                and start >= 4 and text[start - 4:start] == "The ":
            row["start"] = start - 4


def _placed_by_text(text: str, rows: list[dict]) -> dict[str, dict]:
    """The points of the article's placed rows by their surface, where every row of the surface has
    the same point: one name, one place within an article."""
    points: dict[str, set] = defaultdict(set)
    for r in rows:
        if r["kind"] != "other" and r["latitude"] is not None:
            points[text[r["start"]:r["end"]]].add((r["country_code"], r["latitude"], r["longitude"]))
    return {name: dict(zip(("country_code", "latitude", "longitude"), next(iter(found))))
            for name, found in points.items() if len(found) == 1}


def _article_point_of_part(span: Span, placed: dict[str, dict]) -> dict | None:
    """The point of the place the article itself placed that SPAN's name starts or ends with ("Adair
    County" in "Adair County Regional Jail", after "Adair County" was placed in Kentucky): a
    building takes the article's reading of the name it is built on, not a new one of its own."""
    return next((placed[part.text] for part in _parts_longest_first(span) if part.text in placed), None)


def _parts_longest_first(span: Span):
    """SPAN's proper leading and trailing parts, longest first, the leading one of each length
    first ("Adair County Regional Jail": "Adair County Regional", "County Regional Jail", ...)."""
    n = len(span)
    for k in range(n - 1, 0, -1):
        yield span[:k]
        yield span[n - k:]


def _point_of(place) -> dict | None:
    """A gazetteer place's country and point as row fields; None for no place."""
    if place is None:
        return None
    return {"country_code": place.country_code or None, "latitude": place.latitude, "longitude": place.longitude}


DETERMINERS_LOWER = frozenset(d.lower() for d in DETERMINERS)
# The words after a name that make it a US county's (see NewsPlaces._county_before_county_word).
COUNTY_WORDS = frozenset({"county", "counties", "parish", "parishes", "borough", "boroughs"})
COUNTY_ABBREVIATIONS = frozenset({"Co.", "CO.", "CO"})
LIST_WORDS = frozenset({",", "and", "or"})
SAINT_ABBREVIATIONS = frozenset({"St.", "Ste.", "St", "Ste"})


def capitalised(text: str) -> bool:
    """Whether TEXT starts with a capital letter: a name's word, not a common word (case is the text's
    own; the truecaser has already lowered headline capitals)."""
    return text[:1].isupper()


def _capital_compound(text: str) -> bool:
    """Whether TEXT is a capitalised head, a hyphen and a lower-case word ("U.S.-led")."""
    head, dash, tail = text.rpartition("-")
    return bool(dash) and capitalised(head) and tail.isalpha() and tail.islower()


def line_starts(doc: Doc) -> list[int]:
    """The tokens that open the text or a line: the first, those after only whitespace, and those after a
    whitespace token holding a line break (spaCy keeps line breaks in whitespace tokens)."""
    spaces = doc.to_array(IS_SPACE).tolist() if len(doc) else []
    out, leading = [], True
    for i, space in enumerate(spaces):
        if leading or (spaces[i - 1] and "\n" in doc[i - 1].text):
            out.append(i)
        leading = leading and bool(space)
    return out


# How far into an article a headline run into its first line may end (see headline_ends).
HEADLINE_TOKENS = 60
SENTENCE_ENDS = frozenset({".", "!", "?"})
SENTENCE_END_IDS = frozenset(get_string_id(s) for s in SENTENCE_ENDS)


def headline_ends(doc: Doc) -> set[int]:
    """The tokens in capitals that open a sentence within the first HEADLINE_TOKENS tokens, after the
    end of another: where a dateline starts when the headline and the article share a line. Read
    from the words' ids: only a word after a stop is looked at (no Token for each of 60 words)."""
    stop = min(len(doc), HEADLINE_TOKENS)
    if stop < 2:
        return set()
    orths = doc.to_array(ORTH)[:stop].tolist()
    strings = doc.vocab.strings
    after_end = [i for i in range(1, stop) if orths[i - 1] in SENTENCE_END_IDS]
    return {i for i in after_end if strings[orths[i]].isupper() and strings[orths[i]][:1].isalpha()}


def split_at_dashes(ent: Span) -> list[Span]:
    """ENT cut at dashes with spaces around them ("Trump - Wisconsin" -> "Trump", "Wisconsin"); a
    hyphenated name ("Middlesex-London") stays whole."""
    doc, parts, start = ent.doc, [], ent.start
    for t in ent:
        if t.text in DASHES and t.i > ent.start and doc[t.i - 1].whitespace_ and t.whitespace_:
            if t.i > start:
                parts.append(Span(doc, start, t.i, label=ent.label_))
            start = t.i + 1
    if start == ent.start:
        return [ent]
    if start < ent.end:
        parts.append(Span(doc, start, ent.end, label=ent.label_))
    return parts


def phone_number_texts(doc: Doc) -> list[str]:
    """The texts around the tokens that may end a telephone number: four digits after a hyphen
    ("661-5670"), or a whole dotted number ("806.423.1253"). Found on the token shapes, so that the
    text of the whole article is not made."""
    if len(doc) < 3:
        return []
    shapes = doc.to_array(SHAPE)
    ends = ((shapes[2:] == FOUR_DIGITS_SHAPE) & (shapes[1:-1] == HYPHEN_SHAPE)).nonzero()[0] + 2
    dotted = (shapes == DOTTED_NUMBER_SHAPE).nonzero()[0]
    return [doc[max(0, i - 8):i + 1].text for i in sorted({*ends.tolist(), *dotted.tolist()})]


def caps_words_follow(doc: Doc, i: int) -> bool:
    """Whether the line goes on from token I with two words or more, all in capitals (a wire headline's
    words after its subject and dash), where a dateline's line goes on in ordinary case."""
    words = 0
    while i < len(doc) and "\n" not in doc[i].text:
        if doc[i].is_alpha:
            if not doc[i].is_upper:
                return False
            words += 1
        if "\n" in doc[i].whitespace_:
            break
        i += 1
    return words >= 2


def word_before(doc: Doc, i: int) -> int:
    """The index of the last token before I that is not whitespace (a line break, a run of spaces in
    scraped text), or -1."""
    i -= 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i


def word_after(doc: Doc, i: int) -> int:
    """The index of the first token from I on that is not whitespace, or len(doc)."""
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i
def _past_abbreviation_period(doc: Doc, i: int) -> int:
    """I, or the token after it when I is a period the tokenizer split off an abbreviation and a
    lower-case word follows ("Cedar Hill Rd. in Adair County"): no sentence ends there."""
    if i + 1 < len(doc) and doc[i].text == "." and doc[i + 1].is_lower:
        return i + 1
    return i


# Words between an unknown place and a known one that put the first inside the second ("Moscone Center
# in San Francisco", "Hertford Road, Edmonton", "Toronto's Pearson International Airport").
WITHIN_AFTER = frozenset({"in", ",", "at"})


@dataclass
class _ArticleState:
    """What the component learns about one article while it goes: the entities it will set, the
    toponyms found so far, and the context that decides doubtful names."""
    doc: Doc
    person_tokens: set[str]
    countries: dict[str, float]
    # name -> the votes its own mentions gave to countries (taken out when that name is ranked)
    country_votes: dict[str, dict[str, float]] = field(default_factory=dict)
    ents: list[Span] = field(default_factory=list)
    toponyms: list[Toponym] = field(default_factory=list)
    place_tokens: set[int] = field(default_factory=set)
    _points: list[tuple[str, float, float]] | None = None
    _divisions: set[tuple[str, str]] | None = None
    # First words of the model's multi-word organisations ("Cisco" of "Cisco Systems")
    org_first_words: set[str] = field(default_factory=set)
    # The names the model calls organisations anywhere in the article ("Google")
    org_texts: set[str] = field(default_factory=set)
    # One-word names that are stray small towns where nothing around them says "place" (see
    # NewsPlaces._stray_names): not places in any of their mentions.
    stray_names: set[str] = field(default_factory=set)
    # The model's entities as the article came (doc.ents is only set at the end) and their core_span()s.
    model_ents: list[Span] = field(default_factory=list)
    model_cores: list[Span | None] = field(default_factory=list)
    # resolve_place() of names on the article's countries, which stay as of() found them: asked
    # again for the same names by several decisions.
    _best: dict[str, object] = field(default_factory=dict)
    _model_place_tokens: set[int] | None = None

    def model_place_tokens(self) -> set[int]:
        """The tokens of the model's own place entities (GPE, LOC), those not yet reached included."""
        if self._model_place_tokens is None:
            self._model_place_tokens = {i for e, core in zip(self.model_ents, self.model_cores)
                                        if e.label_ in ("GPE", "LOC") and core is not None
                                        for i in range(core.start, core.end)}
        return self._model_place_tokens

    @classmethod
    def of(cls, doc: Doc, gaz: Gazetteer) -> "_ArticleState":
        # Tokens of multi-word person names: "Bayramov" alone after "Jeyhun Bayramov" is that person.
        # A "person" whose whole name is a place ("Tamil Nadu") lends its words to no one.
        ents = list(doc.ents)  # doc.ents makes new Spans at each read: read once, with their cores
        cores = [core_span(e) for e in ents]
        person_tokens = {t.text for whole in ents if whole.label_ == "PERSON" for e in split_at_dashes(whole)
                         if len(e) > 1 and not gaz.known_candidates(e.text) for t in e if t.is_title}
        # The countries the article names (whatever the model called them), and half a vote for
        # each nationality it mentions: they decide between homonyms (London, Ontario or England).
        countries: dict[str, float] = defaultdict(float)
        votes: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        vote_of: dict[tuple[str, str], tuple[str, float] | None] = {}  # one look-up per name and label
        for e, core in zip(ents, cores):
            # A surname the model took for a place ("Bingham" after "Mayor Ryan Bingham") votes for no
            # country: the person is no evidence of where the story is.
            if core is None or (e.label_ in PLACE_LABELS and all(t.text in person_tokens for t in core)):
                continue
            key = (core.text, e.label_)
            if key not in vote_of:
                vote_of[key] = cls._country_vote(core, e.label_, gaz)
            vote = vote_of[key]
            if vote is not None:
                countries[vote[0]] += vote[1]
                votes[core.text][vote[0]] += vote[1]
        org_first_words = {e[0].text for e in ents if e.label_ == "ORG" and len(e) > 1 and e[0].is_title}
        org_texts = {core.text for e, core in zip(ents, cores) if e.label_ == "ORG" and core is not None}
        return cls(doc, person_tokens, countries, {k: dict(v) for k, v in votes.items()},
                   org_first_words=org_first_words, org_texts=org_texts, model_ents=ents, model_cores=cores)

    @staticmethod
    def _country_vote(core: Span, label: str, gaz: Gazetteer) -> tuple[str, float] | None:
        """The country an entity speaks for and how loudly: a country name 1, a nationality or a place
        the model found whose name is in one country only minor_country_vote (models/places/ranking.json)."""
        hit = gaz.country_lookup(core.text)
        if hit:
            return hit[1], 1.0
        if label == "NORP" and gaz.demonym_country(core.text):
            return gaz.demonym_country(core.text)[1], gaz.weights.minor_country_vote
        if label in ("GPE", "LOC"):
            codes = {p.country_code for p in gaz.known_candidates(core.text)}
            if len(codes) == 1 and "" not in codes:
                return codes.pop(), gaz.weights.minor_country_vote
        return None

    def named_divisions(self, gaz: Gazetteer) -> set[tuple[str, str]]:
        """(country, admin1) of the states and provinces the model's place entities name."""
        if self._divisions is None:
            self._divisions = {(best.country_code, best.admin1) for _, best in self.model_places(gaz)
                               if best.kind == "admin" and best.iso_code and best.admin1}
        return self._divisions

    def other_points(self, name: str, gaz: Gazetteer) -> list[tuple[float, float]]:
        """The points of the towns and divisions the model's other place entities name (their likeliest
        entries): where the article is set."""
        if self._points is None:
            self._points = [(text, best.latitude, best.longitude) for text, best in self.model_places(gaz)
                            if best.kind in ("city", "admin") and best.latitude is not None]
        return [(lat, lon) for text, lat, lon in self._points if text != name]

    def model_places(self, gaz: Gazetteer):
        """(name, likeliest entry) of each of the model's GPE and LOC entities the gazetteer knows, in
        the article's order."""
        for e, core in zip(self.model_ents, self.model_cores):
            if core is not None and e.label_ in ("GPE", "LOC"):
                best = self.best_place(core.text, gaz)
                if best is not None:
                    yield core.text, best

    def best_place(self, text: str, gaz: Gazetteer):
        """gaz.resolve_place(TEXT) on the article's countries, memoised for the article."""
        if text not in self._best:
            self._best[text] = gaz.resolve_place(text, context_countries=self.countries)
        return self._best[text]

    def add(self, toponym: Toponym) -> None:
        self.toponyms.append(toponym)
        self.place_tokens.update(range(toponym.start, toponym.end))


@Language.factory(
    "news_places",
    assigns=["doc._.places", "doc.ents"],
    default_config={"context_path": "places/context.json", "gazetteer_dir": "gazetteer",
                    "demonyms_path": "demonyms.tsv", "name_parts_path": "places/name_parts.json",
                    "ranking_path": "places/ranking.json", "include_unresolved": True,
                    "include_demonyms": False, "first_names_path": "people/first_names.json",
                    "include_metonyms": False, "keep_name_article": False},
)
def make_news_places(nlp: Language, name: str, context_path: str, gazetteer_dir: str, demonyms_path: str,
                     name_parts_path: str, ranking_path: str, include_unresolved: bool,
                     include_demonyms: bool, first_names_path: str, include_metonyms: bool,
                     keep_name_article: bool) -> NewsPlaces:
    return NewsPlaces(name, context_path, gazetteer_dir, demonyms_path, name_parts_path, ranking_path,
                      include_unresolved, include_demonyms, first_names_path, include_metonyms,
                      keep_name_article)
