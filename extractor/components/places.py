"""The places component: toponyms from the model's entities and the gazetteer, resolved to GeoNames."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..normalize.gazetteer import (
    core_place_name, country_lookup, demonym_country, place_candidates, resolve_pair, resolve_place,
)
from . import base

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels the small model gives to places by mistake ("Armenia" ORG, "Yerevan" PERSON, "Azerbaijan" NORP).
MISLABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "DATE"})
# A town this large in a country the article is about is a place even without a preposition before it
# ("Don't forget Aleppo!" in an article on Syria).
BIG_TOWN = 100_000
DETERMINERS = frozenset({"the", "The", "THE"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
TRAILING_PUNCT = frozenset({".", ",", ":", ";", "-", "–", "—", ")", "(", "\"", "“", "”"})
MAX_NAME_TOKENS = 4


@dataclass
class Toponym:
    """A place mention decided on, before resolution: token span and what the text says of its kind."""
    start: int
    end: int
    kind_hint: str | None
    source: str  # model, relabelled, gazetteer, demonym


def core_span(span: Span) -> Span | None:
    """SPAN without a leading determiner, a trailing possessive or punctuation ("the UK's" -> "UK")."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].text in DETERMINERS or doc[start].text in TRAILING_PUNCT):
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].text in TRAILING_PUNCT):
        end -= 1
    return doc[start:end] if end > start else None


class NewsPlaces:
    """Corrects the model's place entities with the gazetteer (places it called PERSON or ORG become GPE,
    surnames it called GPE become PERSON, "UNICEF Azerbaijan" is split into an ORG and a GPE), adds
    gazetteer names found in a place context, and resolves each to a country, town, subdivision or region."""

    def __init__(self, nlp: Language, context_path: str, include_unresolved: bool = True,
                 include_demonyms: bool = False):
        self.context_path = context_path
        self.include_unresolved = include_unresolved
        # Off by default (the contract's places are names of places); geoparsing corpora such as
        # TR-News count "Russian" as a mention of Russia, which this switch reproduces.
        self.include_demonyms = include_demonyms
        self._context: dict | None = None

    @property
    def context(self) -> dict:
        if self._context is None:
            raw = base.read_json(str(base.models_path(self.context_path)))
            self._context = {k: (set(v) if isinstance(v, list) else v) for k, v in raw.items()}
        return self._context

    # ------------------------------------------------------------ deciding what is a place
    def place_context(self, doc: Doc, start: int, end: int, places: set[int]) -> str | None:
        """Why the tokens START:END read as a place ("before", "after", "list"), or None."""
        ctx = self.context
        i = start - 1
        if i >= 0 and doc[i].lower_ in DETERMINERS_LOWER:
            i -= 1
        if i >= 0:
            prev = doc[i].lower_
            if prev in ctx["before"]:
                return "before"
            if prev == "of" and i >= 1 and doc[i - 1].lower_ in ctx["before_of"]:
                return "before"
        if end < len(doc) and doc[end].lower_ in ctx["after"]:
            return "after"
        # One item of a list whose other items are places ("Kalbajar, Aghdam and Lachin").
        if start >= 2 and doc[start - 1].lower_ in {",", "and", "or"} and (start - 2) in places:
            return "list"
        if end + 1 < len(doc) and doc[end].lower_ in {",", "and", "or"} and (end + 1) in places:
            return "list"
        return None

    def kind_hint(self, doc: Doc, end: int) -> str | None:
        """The kind a following word gives ("Lachin district" -> admin, "Shusha city" -> city), also
        across the rest of a list ("Kalbajar, Aghdam and Lachin regions")."""
        kinds = self.context["kind_after"]
        for i in range(end, min(end + 12, len(doc))):
            tok = doc[i]
            if tok.lower_ in kinds:
                return kinds[tok.lower_]
            if not (tok.text in {",", "and", "or"} or tok.text[:1].isupper()):
                return None
        return None

    def __call__(self, doc: Doc) -> Doc:
        state = _ArticleState.of(doc)
        for ent in doc.ents:
            self._correct_entity(ent, state)
        self._scan_gazetteer(state)
        doc.ents = filter_spans(state.ents)
        doc._.places = self.resolve(doc, state.toponyms, state.countries)
        return doc

    def _correct_entity(self, ent: Span, state: "_ArticleState") -> None:
        """Keep, relabel or split one model entity, and note the toponyms it holds."""
        doc, label = ent.doc, ent.label_
        core = core_span(ent)
        if core is None or label not in PLACE_LABELS | MISLABELS:
            state.ents.append(ent)
            return
        text = core.text
        known = bool(place_candidates(text))
        country = country_lookup(text)
        if label in PLACE_LABELS:
            # A surname the model took for a place ("Bayramov" after "Jeyhun Bayramov"), or a person
            # named like a place ("Georgia" after "Georgia Stevens") outside any place context.
            if all(t.text in state.person_tokens for t in core) and (
                    not known or not self.place_context(doc, core.start, core.end, state.place_tokens)):
                state.ents.append(Span(doc, ent.start, ent.end, label="PERSON"))
            elif not country and demonym_country(text):
                state.ents.append(Span(doc, ent.start, ent.end, label="NORP"))
            elif text in self.context["not_places"]:
                state.ents.append(ent)  # "the Centre" (a government), "Twitter": the model's slip
            else:
                state.ents.append(ent)
                # Buildings, roads, airports the gazetteer does not know are not toponyms.
                if (known or self.include_unresolved) and not (label == "FAC" and not known):
                    state.add(Toponym(core.start, core.end, self.kind_hint(doc, core.end), "model"))
            return
        if label == "ORG" and len(core) >= 2 and not country:
            split = self._split_org_place(core)
            if split is not None:
                org_end, place_start = split
                state.ents.append(Span(doc, ent.start, org_end, label="ORG"))
                state.ents.append(Span(doc, place_start, core.end, label="GPE"))
                state.add(Toponym(place_start, core.end, None, "relabelled"))
                return
        if self._mislabelled_place(core, label, known, bool(country), state):
            best = resolve_place(text, context_countries=state.countries)
            new_label = "LOC" if best is not None and best.kind == "region" else "GPE"
            state.ents.append(Span(doc, ent.start, ent.end, label=new_label))
            state.add(Toponym(core.start, core.end, self.kind_hint(doc, core.end), "relabelled"))
        elif label == "PERSON" and demonym_country(text):
            state.ents.append(Span(doc, ent.start, ent.end, label="NORP"))
            self._add_demonym(core, state)
        else:
            state.ents.append(ent)
            if label == "NORP":
                self._add_demonym(core, state)

    def _mislabelled_place(self, core: Span, label: str, known: bool, is_country: bool,
                           state: "_ArticleState") -> bool:
        """Whether an entity the model gave another label (PERSON, ORG, NORP, ...) is a place: a country
        name always; another gazetteer name when the words around it or the article's countries say so."""
        doc = core.doc
        if label == "DATE":  # "crime continues regularly in Winnipeg." came out as a date
            return (known and not any(c.isdigit() for c in core.text)
                    and core.text not in self.context["not_places"]
                    and self.place_context(doc, core.start, core.end, state.place_tokens) == "before")
        if is_country:
            return True
        if not known or len(core) > MAX_NAME_TOKENS or demonym_country(core.text):
            return False
        if label == "PERSON" and any(t.text in state.person_tokens for t in core):
            return False
        if self.place_context(doc, core.start, core.end, state.place_tokens):
            return True
        best = resolve_place(core.text, context_countries=state.countries)
        if best is None or state.countries.get(best.country_code, 0) < 1:
            return False
        # Surnames are often names of small towns too (Johnson, Franklin): a "person" needs a place
        # context unless the article's country has a large town, a capital or a province of that name.
        return label != "PERSON" or best.kind != "city" or best.population >= BIG_TOWN or best.capital

    def _scan_gazetteer(self, state: "_ArticleState") -> None:
        """Add gazetteer names the model missed: country names anywhere, other places where their
        neighbours say "place" or when they are large towns of a country the article is about."""
        doc = state.doc
        covered = {i for e in state.ents for i in range(e.start, e.end)}
        not_places = self.context["not_places"]
        tagged = doc.has_annotation("POS")  # a blank pipeline has no tags: capitals alone must do
        i = 0
        while i < len(doc):
            tok = doc[i]
            if i in covered or not tok.text[:1].isupper() or (
                    tagged and tok.pos_ not in ("PROPN", "NOUN", "ADJ")):
                i += 1
                continue
            found = None
            for n in range(min(MAX_NAME_TOKENS, len(doc) - i), 0, -1):
                span = doc[i:i + n]
                if any(j in covered for j in range(span.start, span.end)):
                    continue
                if not all(t.text[:1].isupper() or t.text in {"-", "de", "of"} for t in span):
                    continue
                if n == 1 and (tok.text in not_places or len(tok.text) < 3 or tok.is_stop):
                    continue
                if demonym_country(span.text):
                    continue
                if country_lookup(span.text) or (place_candidates(span.text) and (
                        self.place_context(doc, span.start, span.end, state.place_tokens)
                        or self._big_town_in_context(span, state))):
                    found = span
                    break
            if found is None:
                i += 1
                continue
            state.ents.append(Span(doc, found.start, found.end, label="GPE"))
            state.add(Toponym(found.start, found.end, self.kind_hint(doc, found.end), "gazetteer"))
            covered.update(range(found.start, found.end))
            i = found.end

    def _add_demonym(self, core: Span, state: "_ArticleState") -> None:
        if self.include_demonyms and demonym_country(core.text):
            state.toponyms.append(Toponym(core.start, core.end, None, "demonym"))

    @staticmethod
    def _big_town_in_context(span: Span, state: "_ArticleState") -> bool:
        tagged = span.doc.has_annotation("POS")
        if any((tagged and t.pos_ != "PROPN") or t.text in state.person_tokens for t in span):
            return False
        best = resolve_place(span.text, context_countries=state.countries)
        return (best is not None and best.kind == "city" and best.population >= BIG_TOWN
                and state.countries.get(best.country_code, 0) >= 1)

    @staticmethod
    def _split_org_place(core: Span) -> tuple[int, int] | None:
        """Where an organisation name ends and a place written after it starts, as (org end, place start):
        a trailing country ("UNICEF Azerbaijan") or a place after "in"/"at" ("the Children's Hospital
        in Winnipeg"); None otherwise. A country after "of" stays in the name ("Bank of Georgia")."""
        doc = core.doc
        for k in range(1, min(MAX_NAME_TOKENS, len(core) - 1) + 1):
            start = core.end - k
            tail = doc[start:core.end]
            before = doc[start - 1].lower_
            if before in {"in", "at"} and start - 1 > core.start and place_candidates(tail.text) \
                    and tail[0].text[:1].isupper():
                return start - 1, start
            if country_lookup(tail.text) and before not in {"of", "for", "and", "in", "&", "the"}:
                return start, start
        return None

    # ------------------------------------------------------------ resolution
    def resolve(self, doc: Doc, toponyms: list[Toponym], context: dict[str, float]) -> list[dict]:
        """One row per toponym: countries first, then the rest with the article's countries as context."""
        ctx = dict(context)
        chosen: dict[int, object] = {}
        # "Atlanta, Georgia": the pair decides both (the US state, not the country).
        by_start = {t.start: n for n, t in enumerate(toponyms)}
        for n, t in enumerate(toponyms):
            m = by_start.get(t.end + 1)
            if m is not None and doc[t.end].text == "," and m not in chosen:
                pair = resolve_pair(doc[t.start:t.end].text, doc[toponyms[m].start:toponyms[m].end].text)
                if pair:
                    chosen[n], chosen[m] = pair
                    ctx[pair[0].country_code] = max(ctx.get(pair[0].country_code, 0.0), 1.0)
        for n, t in enumerate(toponyms):
            if n in chosen or t.source == "demonym":
                continue
            text = doc[t.start:t.end].text
            cands = place_candidates(text)
            if len(cands) == 1 or any(c.kind == "country" for c in cands):
                chosen[n] = resolve_place(text, context_countries=ctx, kind_hint=t.kind_hint)
                code = chosen[n].country_code if chosen[n] else ""
                if code:
                    ctx[code] = max(ctx.get(code, 0.0), 1.0)
        # Provinces and states the article names steer its towns ("Ontario" -> London, Ontario).
        provisional = {n: resolve_place(doc[t.start:t.end].text, context_countries=ctx, kind_hint=t.kind_hint)
                       for n, t in enumerate(toponyms) if n not in chosen and t.source != "demonym"}
        admin1 = {(p.country_code, p.admin1) for p in [*chosen.values(), *provisional.values()]
                  if p is not None and p.kind == "admin" and p.admin1}
        rows = []
        for n, t in enumerate(toponyms):
            span = doc[t.start:t.end]
            place = chosen.get(n)
            if t.source == "demonym":
                place = resolve_place(demonym_country(span.text)[0])
            if place is None and n in provisional:
                place = provisional[n]
                if place is not None and place.kind != "admin" and admin1:
                    place = resolve_place(span.text, context_countries=ctx, kind_hint=t.kind_hint,
                                          context_admin1=admin1)
            if place is None and t.source != "demonym":
                core = core_place_name(span.text)  # "Sichuan province", "Far North Queensland"
                if core is not None:
                    place = resolve_place(core[0], context_countries=ctx, kind_hint=core[1] or t.kind_hint,
                                          context_admin1=admin1)
                    if place is not None and core[1] is None:  # a part of it: placed on the whole
                        place = replace(place, name=span.text, kind="region", geonames_id=None)
            if place is None and not self.include_unresolved:
                continue
            row = {"start": span.start_char, "end": span.end_char}
            if place is None:
                row.update(name=span.text, kind="other", country_code=None, geonames_id=None,
                           latitude=None, longitude=None)
            else:
                row.update(place.as_row())
            row["source"] = t.source
            rows.append(row)
        rows.sort(key=lambda r: (r["start"], r["end"]))
        return rows


DETERMINERS_LOWER = frozenset(d.lower() for d in DETERMINERS)


@dataclass
class _ArticleState:
    """What the component learns about one article while it goes: the entities it will set, the
    toponyms found so far, and the context that decides doubtful names."""
    doc: Doc
    person_tokens: set[str]
    countries: dict[str, float]
    ents: list[Span] = field(default_factory=list)
    toponyms: list[Toponym] = field(default_factory=list)
    place_tokens: set[int] = field(default_factory=set)

    @classmethod
    def of(cls, doc: Doc) -> "_ArticleState":
        # Tokens of multi-word person names: "Bayramov" alone after "Jeyhun Bayramov" is that person.
        # A "person" whose whole name is a place ("Tamil Nadu") lends its words to no one.
        person_tokens = {t.text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1
                         and not place_candidates(e.text) for t in e if t.is_title}
        # The countries the article names (whatever the model called them), and half a vote for
        # each nationality it mentions: they decide between homonyms (London, Ontario or England).
        countries: dict[str, float] = defaultdict(float)
        for e in doc.ents:
            core = core_span(e)
            if core is None:
                continue
            hit = country_lookup(core.text)
            if hit:
                countries[hit[1]] += 1.0
            elif e.label_ == "NORP" and demonym_country(core.text):
                countries[demonym_country(core.text)[1]] += 0.5
            elif e.label_ in ("GPE", "LOC"):
                # Half a vote for the country of a place the model found, when the name is unambiguous.
                codes = {p.country_code for p in place_candidates(core.text)}
                if len(codes) == 1 and "" not in codes:
                    countries[codes.pop()] += 0.5
        return cls(doc, person_tokens, countries)

    def add(self, toponym: Toponym) -> None:
        self.toponyms.append(toponym)
        self.place_tokens.update(range(toponym.start, toponym.end))


@Language.factory(
    "news_places",
    assigns=["doc._.places", "doc.ents"],
    default_config={"context_path": "places/context.json", "include_unresolved": True,
                    "include_demonyms": False},
)
def make_news_places(nlp: Language, name: str, context_path: str, include_unresolved: bool,
                     include_demonyms: bool) -> NewsPlaces:
    return NewsPlaces(nlp, context_path, include_unresolved, include_demonyms)
