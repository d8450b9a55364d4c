"""The quotes component: who said (or believes) what, from reporting verbs and their clausal
complements, quotation-mark spans and "according to X", with the speaker resolved to the article's
people, officials and organizations rows."""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.symbols import AUX, NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from ..normalize import attribution as attr
from ..normalize.first_names import unaccented
from ..rows import sentence_starts
from . import base

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
MAX_CUE_MEMO = 100_000  # lemma ids kept by _is_cue_lemma before it starts over (bounded memory)
# The word lists of NewsQuotes.data whose lemmas make a verb a cue (is_cue_verb; the phrasal verbs too).
CUE_LEXICONS = ("speech", "belief", "object", "naming", "intent", "prepositions")
# Between a quotation and its cue ("..." he said / he said: "..."): only these characters.
GAP_BEFORE_CUE = re.compile(r"^[ \t\u00a0,\u2014-]*$")
GAP_AFTER_CUE = re.compile(r"^(?:[^.!?\"\u201c\u201d\n]{0,60}?[,:])?\s*$")
# A cue introducing a quotation from the end of its paragraph ('Smith said:' then the quotation).
GAP_INTRODUCES = re.compile(r"^[^.!?\"\u201c\u201d\n]{0,60}?:\s*$")
# After an inverted cue ('"...," she said. "..."'): the quotation goes on in the same paragraph.
GAP_CONTINUED = re.compile(r"^(?:[^\"\u201c\u201d\n]{0,80}[.,:;])?[ \t\u00a0]*$")
# ...unless a new sentence begins in between ('"A," said Smith, an analyst. But he added, "B."': the
# second quotation has its own cue), or another quotation in doubled apostrophes lies between.
GAP_NEW_SENTENCE = re.compile(r"[.!?][ \t\u00a0]+[A-Z]|''")
# A name, a colon, a quotation mark: "... doesn't surprise pollster Daron Shaw: "Historically, ..."".
# A signature line under a quotation paragraph: a dash, a name, then a comma or the line's end.
SIGNATURE_LINE = re.compile(r"^(?P<dash>[-\u2013\u2014])[ \t\u00a0]*(?P<name>[A-Z][^,\n]{0,60}?)\.?[ \t]*(?:,[^\n]*)?$",
                            re.MULTILINE)
# The colon of a label line: followed by a space or right by a quotation mark, never "10:30" or "http:".
LABEL_COLON = re.compile(r":(?=[ \t\u00a0]|[\"\u201c\u2018'])")
# A spaced dash (or one opening the line), then up to four capitalised words right before a colon.
DASH_LABEL = re.compile(r"(?:^|[ \t\u00a0])[-\u2013\u2014][ \t\u00a0]+(?P<name>[A-Z][\w.&'\u2019-]*"
                        r"(?:[ \t\u00a0][A-Z][\w.&'\u2019-]*){0,3})$", re.MULTILINE)
SPACED_DASH = re.compile(r"[ \t\u00a0][-\u2013\u2014][ \t\u00a0]")
GAP_NAME_COLON = re.compile(r"^:[ \t\u00a0]*$")
# Dependency labels of a speaker's children that run past the mention as written.
NOT_IN_MENTION = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "prep_not_of"})
# Dependency labels of a speaker's left children that belong to the mention as written.
MENTION_LEFT = frozenset({"det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "case", "predet",
                          "advmod", "punct_apostrophe"})
# How far back (characters) "the candidate" and "the billionaire" look for the person just spoken of.
FIGURE_WINDOW, NOMINAL_WINDOW = 800, 400
CHAIN_WINDOW = 400  # how far "it added" looks back to the attribution it goes on with
DOCUMENT_WINDOW = 1500  # how far back "the statement" looks for the statement an issuer was named with
PRONOUN_KIND = {"person": "person", "organization": "organization", "group": "other"}
# A possessive pronoun read as the subject it stands for ("his campaign" -> he).
POSSESSIVE_SUBJECT = {"his": "he", "her": "she", "its": "it", "their": "they"}
# Third-person pronouns of one gender, any case: the article's evidence for a name's gender.
PRONOUN_GENDER_ALL = {"he": "m", "him": "m", "his": "m", "himself": "m",
                      "she": "f", "her": "f", "hers": "f", "herself": "f"}
GENDERED_PRONOUN = re.compile(r"\b(?:" + "|".join(PRONOUN_GENDER_ALL) + r")\b", re.IGNORECASE)


@dataclass
class Cue:
    """One cue found in the parse: its tokens, the source token (or None) and the content range."""
    tokens: tuple[Token, ...]
    lemma: str
    source: Token | None
    content: tuple[int, int] | None
    quotes: list = field(default_factory=list)
    # False when the source is borrowed from the verb the cue hangs from ('she said, adding, "..."'):
    # it does not stand next to this cue, so it does not bound the quotations this cue reaches.
    own_source: bool = True


@dataclass
class ArticleState:
    """Per-document working state (never kept on the component)."""
    doc: Doc
    quotes: list
    mentions: list
    named_nominals: dict
    text: str  # doc.text, read once: spaCy rebuilds it from every token on each access
    claimed: set = field(default_factory=set)


class NewsQuotes(base.RuleDataComponent):
    """Rows for attributions: a cue (reporting or belief verb, "according to"), its source and its
    content, direct (in quotation marks), indirect or mixed."""

    def __init__(self, name: str, cues_path: str, titles_path: str, orphan_quote_words: int, nested: bool,
                 given_names_path: str = "people/given_name_gender.json",
                 us_names_path: str = "quotes/given_name_us.json"):
        self.name = name
        self.us_names_path = us_names_path
        self.nested = nested
        self.cues_path = cues_path
        self.titles_path = titles_path
        self.given_names_path = given_names_path
        self.orphan_quote_words = orphan_quote_words
        self.data: dict = {}
        self._cue_memo: dict[int, bool] = {}  # see _is_cue_lemma

    def data_files(self) -> tuple[str, ...]:
        return (self.cues_path, self.titles_path, self.given_names_path, self.us_names_path)

    def load_data(self, root: Path) -> None:
        raw = base.read_json(root / self.cues_path)
        titles = base.read_json(root / self.titles_path)
        given = base.read_json(root / self.given_names_path)
        us = base.read_json(root / self.us_names_path)
        heads = {w for words in titles["heads"].values() for w in words}
        self.data = {
            "speech": frozenset(raw["speech_verbs"]),
            "belief": frozenset(raw["belief_verbs"]),
            "object": frozenset(raw["object_verbs"]),
            "according": tuple(tuple(p) for p in raw["according_to"]),
            "intent": frozenset(raw["intent_verbs"]),
            "prepositions": {verb: frozenset(preps) for verb, preps in raw["prepositional_cues"].items()},
            "phrasal": {verb: frozenset(words) for verb, words in raw.get("phrasal_cues", {}).items()},
            "naming": frozenset(raw["naming_verbs"]),
            "pronouns": {**{w: "person" for w in raw["person_pronouns"]},
                         **{w: "organization" for w in raw["organization_pronouns"]},
                         **{w: "group" for w in raw["group_pronouns"]}},
            "person_nouns": frozenset(raw["person_nouns"]) | frozenset(heads),
            "title_heads": frozenset(heads),
            "organization_nouns": frozenset(raw["organization_nouns"]),
            "gendered": {w: g for g, words in raw["gendered_words"].items() for w in words},
            # Faker's one-gender names, then US names no Faker locale lists ("Megyn", "Kellyanne").
            "given_names": {n: g for source in (us, given) for g in ("m", "f") for n in source.get(g, ())},
            # US names that lean one way ("Hillary", but also "Lindsey"): only with the article's pronouns.
            "leaning_names": {n: g for g in ("m", "f") for n in us.get(f"leaning_{g}", ())},
            "named_only": frozenset(raw.get("organization_nouns_named_only", [])),
            "figure_nouns": frozenset(raw["figure_nouns"]),
            "relation_nouns": frozenset(raw.get("relation_nouns", ())),
            "race_nouns": frozenset(raw.get("race_nouns", ())),
            "utterance_nouns": frozenset(raw.get("utterance_nouns", ())),
            "group_nouns": frozenset(raw.get("group_nouns", ())),
            "entity_nouns": frozenset(raw.get("entity_nouns", ())),
            # The bodies "the company" names, which go on with the organisation just quoted.
            "chain_nouns": frozenset(raw.get("entity_nouns", ())) | {"group", "organization", "organisation"},
            "office_nouns": frozenset(raw.get("office_nouns", ())),
            "document_nouns": frozenset(raw.get("document_nouns", ())),
            "issuing": frozenset(raw.get("issuing_verbs", ())) | frozenset(raw["speech_verbs"]),
            "programmes": {k: frozenset(w.lower() for w in v) for k, v in raw["programme_names"].items()},
            "ranks": {k.lower().rstrip("."): v.lower() for k, v in titles.get("rank_abbreviations", {}).items()},
        }
        # Every lemma is_cue_verb can accept: the lexicons in_lexicon reads and the phrasal verbs.
        self.data["cue_lemmas"] = frozenset().union(*(self.data[k] for k in (*CUE_LEXICONS, "phrasal")))
        self._cue_memo = {}  # answers of the lexicons loaded before

    # ------------------------------------------------------------ cues in the parse
    def is_cue_verb(self, tok: Token) -> bool:
        lemma = tok.lemma_.lower()
        return tok.pos_ in ("VERB", "AUX") and (self.in_lexicon(lemma) or self.phrasal_word(tok) is not None)

    def phrasal_word(self, tok: Token) -> Token | None:
        """The word right after a verb that makes it a cue of saying ("she went on", "he shot back",
        "as Cornyn put it"), if the verb is one of those and the word hangs from it."""
        words = self.data["phrasal"].get(tok.lemma_.lower())
        if not words or tok.i + 1 >= len(tok.doc):
            return None
        nxt = tok.doc[tok.i + 1]
        if any(c.dep_ == "xcomp" for c in tok.children):
            return None  # 'went on to say': the cue is the verb it goes on to
        return nxt if nxt.lower_ in words and nxt.head == tok else None

    def in_lexicon(self, lemma: str) -> bool:
        return any(lemma in self.data[k] for k in CUE_LEXICONS)

    def _is_cue_lemma(self, lemma: int, strings) -> bool:
        """Whether the lemma of id LEMMA is in a cue lexicon (any case), memoised by id: a corpus has a
        few thousand verb lemmas, and each doc asked again for its own."""
        memo = self._cue_memo
        hit = memo.get(lemma)
        if hit is None:
            if len(memo) > MAX_CUE_MEMO:
                memo.clear()
            hit = memo[lemma] = strings[lemma].lower() in self.data["cue_lemmas"]
        return hit

    def cue_verb_candidates(self, doc: Doc) -> list[Token]:
        """The verbs (VERB, AUX) whose lemma is in a cue lexicon, in order: the only tokens is_cue_verb
        can accept, read from the token arrays with one lexicon test per distinct lemma, not a Token and
        six set tests per word."""
        if not len(doc):
            return []
        arr = doc.to_array([POS, LEMMA])
        verbs = numpy.flatnonzero((arr[:, 0] == VERB) | (arr[:, 0] == AUX)).tolist()
        lemmas = arr[verbs, 1].tolist()
        cue = {lemma for lemma in set(lemmas) if self._is_cue_lemma(lemma, doc.vocab.strings)}
        return [doc[i] for i, lemma in zip(verbs, lemmas) if lemma in cue]

    def verb_cues(self, doc: Doc, text: str) -> list[Cue]:
        """Reporting and belief verbs with their source (subject, passive agent, or the subject of the
        verb they hang from: "..., adding that ...") and their clausal complement, if any."""
        cues = []
        for tok in self.cue_verb_candidates(doc):
            if not self.is_cue_verb(tok) or is_line_label(tok):
                continue
            lemma = tok.lemma_.lower()
            source = source_of(tok)
            own = source is None or source.head == tok or source.head.head == tok
            phrasal = self.phrasal_word(tok)
            if phrasal is not None and not self.in_lexicon(lemma):
                # 'she went on', 'as Cornyn put it:': what was said is only a quotation next to it.
                cues.append(Cue((tok, phrasal), f"{lemma} {phrasal.lower_}", source, None, own_source=own))
                continue
            complement = next((c for c in tok.children if c.dep_ == "ccomp"), None)
            if complement is None and (lemma in self.data["speech"] or lemma in self.data["belief"]
                                       or lemma in self.data["intent"]):
                complement = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
            extra: list[Token] = []
            if complement is None and lemma in self.data["prepositions"]:
                prep = next((c for c in tok.children if c.dep_ in ("prep", "prt")
                             and c.lower_ in self.data["prepositions"][lemma]), None)
                complement = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")
                                   and c.ent_type_ not in ("DATE", "TIME")), None) \
                    if prep is not None else None  # 'spoke on Monday' says when, not what
                extra = [prep] if complement is not None else []
            if complement is None and lemma in self.data["object"]:
                complement = next((c for c in tok.children if c.dep_ == "dobj"), None)
            content = within_sentence(tok, token_range(complement), text) if complement is not None else None
            if complement is None and tok.lemma_.lower() in self.data["speech"]:
                content = parenthetical_content(tok, text)
            parts = particles(tok)
            extra = [t for t in extra if t not in parts]
            cue_tokens = (tok, *parts, *extra)
            lemma = " ".join([cue_lemma(tok)] + [t.lower_ for t in extra])
            cues.append(Cue(cue_tokens, lemma, source, content, own_source=own))
        return cues

    def according_cues(self, doc: Doc) -> list[Cue]:
        """"According to X" (and "citing X"): X is the source, the clause it hangs from the content."""
        cues = []
        firsts = {get_string_id(words[0]) for words in self.data["according"]}
        for i in base.token_indices(doc.to_array(LOWER).tolist(), firsts):  # no Token for other words
            tok = doc[i]
            for words in self.data["according"]:
                if tok.lower_ != words[0] or tok.i + len(words) > len(doc):
                    continue
                span = doc[tok.i:tok.i + len(words)]
                if [t.lower_ for t in span] != list(words):
                    continue
                obj = next((t for t in span[-1].children if t.dep_ == "pobj"), None) or \
                    next((t for t in tok.children if t.dep_ in ("pobj", "dobj")), None)
                if obj is None:
                    continue
                content = clause_without(span, obj)
                cues.append(Cue(tuple(span), " ".join(words), obj, content))
        return cues

    def colon_cues(self, doc: Doc, text: str, known: frozenset[str] = frozenset()) -> list[Cue]:
        """A line that opens with a name and a colon ("Ryan: 'No place in a campaign'", a transcript's
        "RAMOS: ..."): the name is the source, the rest of the line the content. A speech verb before
        the name ("Stated Stone:", "Continued Stone: ...") is the cue; a line that ends at its colon
        introduces the quotation of the next paragraph."""
        cues, at = [], 0
        for line in text.split("\n"):
            start, end = at, at + len(line)
            at = end + 1
            colon = label_colon(line)
            if colon <= 0 or colon > 40:
                continue
            name_end = start + colon
            if line[:colon].rstrip().endswith(")") and "(" in line[:colon]:
                name_end = start + len(line[:line.rfind("(", 0, colon)].rstrip())  # "Rep. Ann Kim (D-Ore.):"
            name = doc.char_span(start + len(line) - len(line.lstrip()), name_end, alignment_mode="expand")
            mark = doc.char_span(start + colon, start + colon + 1, alignment_mode="expand")
            if name is None or mark is None or mark.end_char != start + colon + 1:
                continue  # the tokenizer glued the colon to the words after it: no cue to show
            verb = name[0] if len(name) > 1 and self.speech_word(name[0]) else None
            name = name[1:] if verb is not None else name
            if not is_speaker_label(name, known):
                continue
            content = (start + colon + 1, end) if end - (start + colon) >= 12 else None
            if content is None and verb is None:
                continue
            tokens = (verb,) if verb is not None else (mark[0],)
            lemma = verb.lower_ if verb is not None else ":"
            cues.append(Cue(tokens, lemma, name.root, content))
        return cues

    def speech_word(self, tok: Token) -> bool:
        """A speech verb by its form, whatever the tagger made of it ("Bozell answers" as a noun)."""
        if not tok.is_alpha:
            return False
        if tok.pos_ in ("VERB", "AUX"):
            return tok.lemma_.lower() in self.data["speech"]
        word = tok.lower_
        forms = {word[:-1], word[:-2]} if word.endswith("s") else {word[:-1], word[:-2]} if word.endswith("ed") \
            else set()
        return bool(forms & self.data["speech"])

    def inverted_cues(self, doc: Doc, text: str, quotes: list) -> list[Cue]:
        """A quotation ending in a comma, '?' or '!' inside its mark, then its cue in the same sentence
        ('"...," Trump barked', '"...?" said Smith'), found from the words when the parse hangs the
        cue on the quotation: a speech verb within the next few words, the name before or after it."""
        cues = []
        for q in quotes:
            if not q.closed or attr.last_inner(text, q) not in (",", "?", "!"):
                continue
            after = doc.char_span(q.end, min(len(text), q.end + 80), alignment_mode="contract")
            if after is None:
                continue
            words = [t for t in after[:7] if not t.is_space]
            verb = next((t for t in words if self.speech_word(t)), None)
            if verb is None or any(t.is_punct and t.text not in (",", ".") or "\n" in t.text
                                   for t in words[:words.index(verb)]):
                continue
            names = [t for t in words[:words.index(verb)] if t.pos_ in ("PROPN", "PRON", "NOUN")]
            if not names:  # '"...," said Smith': the name follows the verb
                names = [t for t in words[words.index(verb) + 1:] if t.pos_ in ("PROPN", "NOUN")][:1]
                source = phrase_head(names[0]) if names else None
            else:
                heads = [t for t in names if t.dep_ not in ("compound", "amod", "poss", "nmod")]
                source = heads[0] if heads else names[-1]
            cues.append(Cue((verb,), cue_lemma(verb) if verb.pos_ in ("VERB", "AUX") else verb.lower_,
                            source, (q.start, q.end)))
        return cues

    def __call__(self, doc: Doc) -> Doc:
        self.require_data()
        text = base.doc_text(doc)
        found = attr.find_quotes(text)
        quotes = [q for q in found if not attr.is_label_quote(text, q)]
        candidates = attr.speaker_candidates(attr.mentions_of(doc._.people, doc._.officials, doc._.organizations),
                                             text, self.data["programmes"])
        cues = self.cues(doc, text, quotes, frozenset(w for m in candidates for w in (m.name, m.name.split()[-1])))
        if not cues and not quotes:
            doc._.quotes = []  # no cue and no quotation (most one-sentence documents): no row to resolve
            return doc
        roles = with_roles(doc, text, candidates, quotes, self.data["gendered"], self.data["ranks"],
                           self.data["given_names"], self.data["leaning_names"])
        state = ArticleState(doc, found, roles, named_nominals(doc, text), text)
        best: dict[int, dict] = {}
        cue_starts = sorted(c.tokens[0].idx for c in cues)
        for cue in cues:
            if any(q.start < cue.tokens[0].idx < q.end for q in quotes):
                continue  # a cue inside a quotation is part of the quoted words ("I think ...," he said)
            cue.source = source_outside_quotes(cue, quotes)
            attach_quotes(cue, quotes, text, cue_starts)
            if cue.content is None:
                continue
            row = self.row(cue, state, quotes)
            if row["end"] <= row["start"]:
                continue
            # One attribution per content: the cue with a speaker wins, then the nearer cue.
            rank = (row["speaker_start"] is None, abs(row["cue_start"] - row["start"]))
            if row["start"] not in best or rank < best[row["start"]]["_rank"]:
                best[row["start"]] = {**row, "_rank": rank}
        rows = [r for _, r in sorted(best.items())]
        if not self.nested:
            rows = outermost(rows)
        rows = one_row_per_cue(rows)
        self.resolve_speakers(rows, state, quotes)
        rows = [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]
        rows.extend(self.orphan_rows(quotes, rows, state))
        doc._.quotes = rows
        return doc

    def cues(self, doc: Doc, text: str, quotes: list, known: frozenset[str]) -> list[Cue]:
        """Every cue of the document, of every shape (KNOWN: the names and surnames of the candidate
        speakers, which tell a speaker's label from other words before a colon)."""
        cues = self.colon_cues(doc, text, known) + self.according_cues(doc) + self.verb_cues(doc, text)
        cues += self.inverted_cues(doc, text, quotes) + name_colon_cues(doc, text, quotes, self.is_cue_verb)
        return cues + signature_cues(doc, text, quotes, known)

    # ------------------------------------------------------------ rows
    def row(self, cue: Cue, state: ArticleState, quotes: list) -> dict:
        text = state.text
        start, end = trim(text, *cue.content)
        kind = content_kind(text, start, end, quotes)
        row = {"start": start, "end": end, "cue": text[cue.tokens[0].idx:end_char(cue.tokens[-1])],
               "cue_start": cue.tokens[0].idx, "cue_end": end_char(cue.tokens[-1]), "cue_lemma": cue.lemma,
               "kind": kind, "speaker": "", "speaker_start": None, "speaker_end": None,
               "speaker_name": "", "speaker_kind": "other"}
        if cue.source is not None:
            s_start, s_end = mention_range(cue.source, text)
            if s_start <= row["cue_start"] < s_end:  # "Continued Stone:": the verb is not the name
                s_start = row["cue_end"] + len(text[row["cue_end"]:s_end]) - len(text[row["cue_end"]:s_end].lstrip())
            row.update(speaker=text[s_start:s_end], speaker_start=s_start, speaker_end=s_end, _source=cue.source)
        return row

    def resolve_speakers(self, rows: list[dict], state: ArticleState, quotes: list) -> None:
        """Fill speaker_name and speaker_kind. People named inside what someone is reported to say are
        not antecedents of a later "he" (like those inside quotation marks): the speakers are."""
        # A speaker inside the span of what they said ('"A," Rubio said. "B."') is no reported name.
        reported = [(r["start"], r["end"], r["speaker_start"], r["speaker_end"] or 0) for r in rows]
        state.mentions = [replace(m, reported=True) if any(a <= m.start < b and not (s is not None and s <= m.start < e)
                                                           for a, b, s, e in reported) else m
                          for m in state.mentions]
        for row in rows:
            source = row.get("_source")
            if source is not None:
                row["speaker_name"], row["speaker_kind"] = self.resolve(
                    source, row["speaker_start"], row["speaker_end"], state)
        spoken = sorted((r for r in rows if r.get("_source") is not None), key=lambda r: r["speaker_start"])
        for previous, row in zip(spoken, spoken[1:]):
            if not row["speaker_name"] and self.continues_speaker(row["_source"], previous, state.text):
                row["speaker_name"], row["speaker_kind"] = previous["speaker_name"], previous["speaker_kind"]

    def continues_speaker(self, source: Token, previous: dict, text: str) -> bool:
        """Whether an unresolved "it" or organisation noun goes on with the speaker of the attribution
        just before it, when that speaker is no person ('"...," the editorial said. ... it added';
        'Twitter said in a statement ... The company said'): close by (same or next paragraph), and for
        a noun only after a name or the same noun ("the campaign said ... the company" is another)."""
        before = previous["_source"]
        if not previous["speaker_name"] or source.idx - previous["cue_end"] > CHAIN_WINDOW \
                or text.count("\n", previous["speaker_end"], source.idx) > 2:
            return False
        if before.pos_ == "PRON" or before.tag_ in ("NNS", "NNPS"):
            return False  # a guess carried on is a guess twice; "Democrats said ... It appeared" is not them
        head, before_head = head_word(source), head_word(before)
        not_person = previous["speaker_kind"] == "organization" or before_head in self.data["document_nouns"]
        if source.lower_ == "it":  # "it added", "it read"; not "it appeared that", "it is implied"
            return not_person and source.head.lemma_.lower() in self.data["speech"]
        noun = head in self.data["chain_nouns"] and is_definite(source) and source.tag_ not in ("NNS", "NNPS")
        named = before.pos_ == "PROPN" or before.ent_type_ == "ORG"
        return noun and previous["speaker_kind"] == "organization" and (named or before_head == head)

    def person_noun_antecedent(self, head: str, start: int, mentions: list) -> str:
        """"the senator": the last person whose title says so. Else a figure noun ("the candidate",
        "the retired neurosurgeon") goes to the person just spoken of (the last subject, also one
        named inside reported speech) unless that person's title says something else; another
        title noun ("the judge") to no one; another person noun ("the billionaire") to the person
        just spoken of outside reported speech, close by."""
        title = head in self.data["title_heads"]
        if title:
            m = attr.nearest_before(start, mentions, "person", head=head, fallback=0)
            if m is not None:
                return m.name
        if head in self.data["figure_nouns"]:
            m = attr.antecedent(start, mentions, "", reported=True)
            near = m is not None and start - m.end < FIGURE_WINDOW and self.figure_fits(head, title, m, mentions)
            return m.name if near else ""
        if title:
            return ""
        m = attr.antecedent(start, mentions, "")
        return m.name if m is not None and start - m.end < NOMINAL_WINDOW else ""

    def figure_fits(self, head: str, title: bool, person: attr.Mention, mentions: list) -> bool:
        """Whether a figure noun fits the person just spoken of, by the titles the article gives them
        (on any of their rows): a race noun ("the candidate", "the nominee") fits an untitled person
        or one holding an office ("Sen.", "secretary of state"), not a campaign's staff ("chairman");
        another title noun ("the senator") fits only an untitled person, since a fitting title was
        looked for first."""
        titles = " ".join(m.title for m in mentions if m.name == person.name and m.kind == "person").lower().split()
        if head in self.data["race_nouns"]:
            return not titles or any(w in self.data["office_nouns"] for w in titles)
        return not (title and titles)

    def orphan_rows(self, quotes: list, rows: list, state: ArticleState) -> list:
        """Quotations no cue claimed, long enough to be something said: a quotation paragraph that
        follows an attributed one carries on its speaker; others keep an empty speaker."""
        text, out = state.text, []
        if self.orphan_quote_words <= 0:
            return out  # off by default: a quotation without a cue in reach is rarely scored as one
        for q in quotes:
            if any(r["start"] < q.end and q.start < r["end"] for r in rows):
                continue
            if len(attr.inner_words(text, q)) < self.orphan_quote_words:
                continue
            previous = [r for r in rows + out if r["end"] <= q.start and r["kind"] == "direct"]
            row = {"start": q.start, "end": q.end, "kind": "direct", "cue": "", "cue_start": None,
                   "cue_end": None, "cue_lemma": "", "speaker": "", "speaker_start": None,
                   "speaker_end": None, "speaker_name": "", "speaker_kind": "other"}
            if previous and text.count("\n", previous[-1]["end"], q.start) <= 2 \
                    and q.start - previous[-1]["end"] < 400:
                last = previous[-1]
                row.update({k: last[k] for k in ("speaker_name", "speaker_kind")})
            out.append(row)
        return out

    def document_issuer(self, noun: Token, head: str, state: ArticleState) -> Token | None:
        """Who issued a document that speaks ("the statement said"): the issuer named with this mention
        ("a statement from the ministry"), else with the last mention of the same document noun before
        it ("In a statement, the ministry said ...", "the ministry released a statement")."""
        own = issuer_named_with(noun, self.data["issuing"])
        if own is not None or not is_definite(noun):
            return own
        earlier = (t for t in reversed(state.doc[:noun.i]) if t.lemma_.lower() == head and t.pos_ == "NOUN")
        for tok in earlier:
            if noun.idx - tok.idx > DOCUMENT_WINDOW:
                return None
            issuer = issuer_named_with(tok, self.data["issuing"]) or issuer_by_clause(tok, self.data["issuing"])
            if issuer is not None and issuer.lemma_.lower() not in self.data["document_nouns"]:
                return issuer
        return None

    def resolve(self, source: Token, start: int, end: int, state: ArticleState, depth: int = 0) -> tuple[str, str]:
        """The speaker's fullest name and kind: a row inside the mention, else (pronouns, "the
        minister", "the company", "who") the nearest fitting row before it."""
        mentions = state.mentions
        target = source
        if source.lower_ in ("who", "which", "that") and source.head.dep_ == "relcl":
            target = predicated_subject(source.head.head)
            start, end = mention_range(target, state.text)
        head = head_word(target)
        possessor = next((c for c in target.children if c.dep_ == "poss"), None)
        hit = attr.overlapping(target.idx, end_char(target), mentions)
        if hit is None and possessor is not None and self.speaks_for_owner(target, head, possessor):
            return self.resolve(possessor, *mention_range(possessor, state.text), state, depth)
        if hit is None:
            hit = self.named_by_apposition(target, mentions)
        if hit is not None:
            return attr.fullest(hit.name, [m for m in mentions if m.kind == hit.kind]), hit.kind
        appositive = appositive_name(target)
        if appositive:  # "his wife, Jane, said": a name the rows missed, as the article writes it
            return attr.fullest(appositive, [m for m in mentions if m.kind == "person"]), "person"
        word = POSSESSIVE_SUBJECT.get(target.lower_, target.lower_) if target.dep_ == "poss" else target.lower_
        pronoun = self.data["pronouns"].get(word)
        if word == "i":
            return "", "person"  # outside quotation marks, the writer
        if pronoun is not None:
            ahead = cataphoric_name(target, state.mentions) if pronoun == "person" else None
            if ahead is not None:  # "Ever since she endorsed Clinton, Warren has ...": named after it
                return attr.fullest(ahead.name, [m for m in state.mentions if m.kind == "person"]), "person"
            if word == "it" and target.head.lemma_.lower() == "read" and depth == 0:
                return self.document_read(target, state)  # '"...," it read': a document, not a body
            return self.pronoun_antecedent(word, pronoun, start, state)
        if head in self.data["relation_nouns"]:
            return "", "person"  # "his wife" is someone else than the man she is the wife of
        return self.nominal_antecedent(target, head, start, end, state, depth)

    def owner_of_noun_before(self, noun: Token, head: str, state: ArticleState) -> tuple[str, str] | None:
        """Whom "the campaign" speaks for when the same noun was last written with a possessive
        pronoun as a clause's subject, close by and outside quotation marks ("Her campaign has been
        collecting mayors ... the campaign unveiled a list" -> the "her" of it): that mention resolved
        ("during his campaign" is too loose a clue). None when the last
        such noun has no pronoun owner (a name's is found by named_nominals) or names no one."""
        for tok in reversed(noun.doc[max(0, noun.i - NOMINAL_WINDOW // 3):noun.i]):
            if noun.idx - tok.idx > NOMINAL_WINDOW:
                return None
            if tok.pos_ != "NOUN" or tok.lemma_.lower() != head:
                continue
            owner = next((c for c in tok.children if c.dep_ == "poss"), None)
            if owner is None or owner.pos_ != "PRON" or tok.dep_ not in SUBJECTS \
                    or not self.speaks_for_owner(tok, head, owner) \
                    or any(q.start < tok.idx < q.end for q in state.quotes):
                return None
            name, kind = self.resolve(owner, *mention_range(owner, state.text), state, depth=1)
            return (name, kind) if name else None
        return None

    def document_read(self, pronoun: Token, state: ArticleState) -> tuple[str, str]:
        """The issuer of the document an "it read(s)" stands for: the last document noun before it
        (within DOCUMENT_WINDOW characters) and whoever issued it ("The email was sent by Jeremy
        Bash. '...,' it reads." -> Jeremy Bash), or no one (a sign someone held)."""
        for tok in reversed(state.doc[:pronoun.i]):
            if pronoun.idx - tok.idx > DOCUMENT_WINDOW:
                break
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in self.data["document_nouns"]:
                issuer = self.document_issuer(tok, tok.lemma_.lower(), state) or \
                    issuer_by_clause(tok, self.data["issuing"])
                return self.resolve(issuer, *mention_range(issuer, state.text), state, depth=1) \
                    if issuer is not None else ("", "other")
        return "", "other"

    def speaks_for_owner(self, noun: Token, head: str, possessor: Token) -> bool:
        """Whether a possessed mention speaks for its owner: "Cruz's campaign", "his campaign", "her
        remarks", "her decision"; not "his wife", "his spokesman" or "his family" (someone else), nor,
        after a pronoun, a plural that is not what was said ("her allies", "his campaign workers")."""
        if any(head in self.data[k] for k in ("person_nouns", "relation_nouns", "group_nouns", "document_nouns")):
            return False
        return possessor.pos_ != "PRON" or head in self.data["organization_nouns"] \
            or head in self.data["utterance_nouns"] or noun.tag_ not in ("NNS", "NNPS")

    def named_by_apposition(self, target: Token, mentions: list) -> attr.Mention | None:
        """The row an apposition gives ("the spokesman, Josh Earnest, said"; "Robert Mercer, the
        mega-donor who backed ..."), or the person a headline's untagged surname names ("Trump: ...")."""
        hit = next((h for c in target.children if c.dep_ == "appos"
                    for h in [attr.overlapping(c.idx, end_char(c), mentions)] if h is not None), None)
        if hit is None and target.dep_ == "appos":
            hit = attr.overlapping(target.head.idx, end_char(target.head), mentions)
        if hit is None and target.is_title and target.pos_ != "PRON":
            hit = next((m for m in reversed(mentions) if m.kind == "person" and m.name.split()[-1] == target.text),
                       None)
        return hit

    def pronoun_antecedent(self, word: str, pronoun: str, start: int, state: ArticleState) -> tuple[str, str]:
        """"he"/"she": the person the pronoun stands for (someone named only inside another's reported
        speech, when no one else is); "it": an organisation just named (same or previous sentence)."""
        mentions = state.mentions
        if pronoun == "person" and word not in ("we", "you"):
            m = attr.antecedent(start, mentions, word) or attr.antecedent(start, mentions, word, reported=True)
            return (m.name if m else ""), "person"
        if pronoun != "organization":
            return "", PRONOUN_KIND[pronoun]
        m = attr.nearest_before(start, mentions, "organization")
        m = m if m is not None and start - m.end < 250 else None
        return (m.name if m else ""), "organization"

    def nominal_antecedent(self, target: Token, head: str, start: int, end: int, state: ArticleState,
                           depth: int) -> tuple[str, str]:
        """A document's issuer ("the statement said"), the person a definite person noun points back
        to ("the senator"), the organisation of an organisation noun ("the company"), or a name."""
        mentions = state.mentions
        # "front-runner" tagged PROPN; "the Wisconsin Republican", a party member, not a name
        noun = target.pos_ == "NOUN" or (target.pos_ == "PROPN" and (target.is_lower or (
            is_definite(target) and head in self.data["person_nouns"] and target.ent_type_ in ("", "NORP"))))
        issuer = self.document_issuer(target, head, state) \
            if noun and head in self.data["document_nouns"] and depth == 0 else None
        if issuer is not None:  # else "the poll", "the report" may still be an organisation noun
            return self.resolve(issuer, *mention_range(issuer, state.text), state, depth=1)
        if noun and (not is_definite(target) or target.tag_ in ("NNS", "NNPS")):
            kind = "person" if head in self.data["person_nouns"] else "other"
            return "", kind
        if noun and head in self.data["person_nouns"]:
            return self.person_noun_antecedent(head, start, mentions), "person"
        if noun and head in self.data["organization_nouns"]:
            named = named_before(state.named_nominals.get(head, []), end_char(target))
            m = attr.nearest_before(start, [m for m in mentions if not (m.quoted or m.reported)], "organization", head=head,
                                    fallback=0 if head in self.data["named_only"] else 400)
            if named and (m is None or head not in m.name.lower().split()):
                return named, "organization"
            owned = self.owner_of_noun_before(target, head, state) if m is None and depth == 0 else None
            if owned is not None:  # "Her campaign has been ... the campaign unveiled": hers
                return owned
            if m is None and head in self.data["entity_nouns"]:
                return organization_entity_before(target, state.quotes, mentions, NOMINAL_WINDOW), "organization"
            return (m.name if m else ""), "organization"
        if target.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or (target.pos_ == "PROPN" and not noun):
            name = entity_text(target)
            kind = "person" if target.ent_type_ == "PERSON" else "organization" if target.ent_type_ else "other"
            people = [m for m in mentions if m.kind == "person"]
            return (attr.fullest(name, people) if kind == "person" else name), kind
        return "", "other"


# ---------------------------------------------------------------- parse helpers
def end_char(tok: Token) -> int:
    return tok.idx + len(tok.text)


def head_word(tok: Token) -> str:
    """A mention's head lemma, with the word a hyphen glues to it ("front-runner", not "runner")."""
    lemma = tok.lemma_.lower()
    return f"{tok.doc[tok.i - 2].lower_}-{lemma}" if glued_hyphen_before(tok) else lemma


def glued_hyphen_before(tok: Token) -> bool:
    """Whether a hyphen glued to the words on both sides stands right before TOK ("front-runner")."""
    doc = tok.doc
    return (tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_
            and not doc[tok.i - 2].whitespace_)


def appositive_name(tok: Token) -> str:
    """The person's name an apposition gives a nominal mention ("his wife, Jane, said"), as written."""
    for c in tok.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON":
            return entity_text(c)
    return ""


def predicated_subject(noun: Token) -> Token:
    """The subject a predicate noun describes ("Trump is a liar and a bully who has pledged ..." ->
    Trump): a relative clause on it speaks of that subject. NOUN itself when it is no such predicate,
    a name, or definite ("Smith is the man who ..." may name someone else)."""
    top = noun
    while top.dep_ == "conj" and top.head is not top:
        top = top.head
    if top.dep_ != "attr" or noun.pos_ != "NOUN" or is_definite(noun):
        return noun  # "... was President Obama, who claimed": a name is who it says
    subject = next((c for c in top.head.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.pos_ in ("PROPN", "NOUN") else noun


def cataphoric_name(pronoun: Token, mentions: list) -> attr.Mention | None:
    """The person a pronoun names ahead of its name: the pronoun is the subject of an adverbial clause
    that opens the sentence, and the main clause's subject after it is a person of the pronoun's
    gender ("Ever since she endorsed Clinton, Warren has ...", "When he spoke, Smith said ...")."""
    clause = pronoun.head
    if pronoun.dep_ not in SUBJECTS or clause.dep_ != "advcl" or clause.i > clause.head.i \
            or clause.left_edge.i > clause.sent.start + 1:
        return None
    subject = next((c for c in clause.head.children if c.dep_ in SUBJECTS and c.i > clause.right_edge.i), None)
    if subject is None:
        return None
    hit = attr.overlapping(subject.left_edge.idx, end_char(subject), mentions)
    want = attr.PRONOUN_GENDER.get(pronoun.lower_, "")
    if hit is None or hit.kind != "person" or hit.quoted or (want and hit.gender and hit.gender != want):
        return None
    return hit


def token_range(tok: Token) -> tuple[int, int]:
    return tok.left_edge.idx, end_char(tok.right_edge)


def parenthetical_content(verb: Token, text: str) -> tuple[int, int] | None:
    """The sentence around a parenthetical cue ("This campaign, he says, is different"; "The plan is
    dead, she said."): the cue and its subject sit between commas, or between a comma and the end."""
    subject = next((c for c in verb.lefts if c.dep_ in SUBJECTS), None)
    if subject is None or subject.i != verb.i - len(list(subject.subtree)) or subject.left_edge.i == 0:
        return None
    doc, sent = verb.doc, verb.sent
    before = doc[subject.left_edge.i - 1]
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if before.text != "," or after is None or after.text not in (",", ".", ";"):
        return None
    if before.i <= sent.start + 1:
        return None
    return within_sentence(verb, (sent.start_char, sent.end_char), text)


def within_sentence(tok: Token, span: tuple[int, int], text: str) -> tuple[int, int] | None:
    """SPAN clipped to TOK's sentence and paragraph (a parse can run a complement over a heading line;
    quotations that run on are added back by attach_quotes). None when nothing of it is left there
    (a sentence the parse ran over a paragraph break: the quotation after the cue is then found by
    attach_quotes, not the paragraph's start with the source and cue)."""
    sent = tok.sent
    start, end = max(span[0], sent.start_char), min(span[1], sent.end_char)
    brk = text.rfind("\n", start, tok.idx)
    if brk >= 0:
        start = brk + 1
    nxt = text.find("\n", tok.idx, end)
    if nxt >= 0:
        end = nxt
    return (start, end) if end > start else None


def particles(tok: Token) -> list[Token]:
    """Particles and fixed prepositions that belong to the cue ("point out", "called for")."""
    return [c for c in tok.children if c.dep_ == "prt" and c.i == tok.i + 1]


def cue_lemma(tok: Token) -> str:
    return " ".join([tok.lemma_.lower()] + [p.lower_ for p in particles(tok)])


def source_of(verb: Token) -> Token | None:
    """The source of a cue verb: its subject, the agent of a passive, or the subject of the verb it
    hangs from (a participle "..., saying that", a conjunct "smiled and said")."""
    tok = verb
    for _ in range(4):
        subjects = [c for c in tok.children if c.dep_ in SUBJECTS]
        # A parse can hang a quoted clause's noun on the cue as a second subject: the speaker is the
        # subject nearest the verb.
        subject = min(subjects, key=lambda c: abs(c.i - tok.i)) if subjects else None
        if subject is not None and subject.dep_ != "nsubjpass":
            return subject
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        if subject is not None:
            return None  # a passive without an agent ("it was reported that")
        if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return tok.head  # "a group backing Rubio", "911 calls saying ..."
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
            tok = tok.head.head  # "by saying ...", "after saying ...": the verb the preposition hangs from
            continue
        if tok.dep_ in ("conj", "advcl", "xcomp") and tok.head is not tok:
            tok = tok.head
            continue
        return subject_hung_on_opening_phrase(tok)
    return None


def subject_hung_on_opening_phrase(verb: Token) -> Token | None:
    """The speaker a parse hangs as an apposition on an opening phrase's object ("In a statement to
    the Observer, her adviser, Jake Sullivan, said: ..." -> adviser): the first apposition inside a
    prepositional phrase before the verb whose words end right before it (a comma between). One
    that heads a list ("with hosts Joe Scarborough and Mika Brzezinski, the candidate stated") is
    the phrase's object, and so is a common noun after the list's last name, which may describe it."""
    doc = verb.doc
    for prep in (c for c in verb.lefts if c.dep_ == "prep"):
        for appos in (t for t in prep.subtree if t.dep_ == "appos" and t.pos_ in ("PROPN", "NOUN")):
            if any(c.dep_ == "conj" for c in appos.children) or (appos.pos_ == "NOUN" and appos.head.dep_ == "conj"):
                continue
            after = appos.right_edge.i + 1
            if after < verb.i and doc[after].text == ",":
                after += 1
            if after == verb.i:
                return appos
    return None


def issuer_named_with(noun: Token, issuing: frozenset[str] = frozenset()) -> Token | None:
    """The issuer a document noun names itself: "X's ad", "a statement from (or by) X", a name
    before it ("the FBI summary", "the Rove ad"; not a place or a time: "the Iowa poll", "Monday's
    poll"), or a participle of issuing after it ("an affidavit written by X", "a statement issued by X")."""
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss if poss.ent_type_ not in ("DATE", "TIME") else None  # "Monday's poll" says when
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by")), None)
    if prep is not None:
        return next((c for c in prep.children if c.dep_ == "pobj"), None)
    name = next((c for c in reversed(list(noun.lefts)) if c.dep_ == "compound" and c.pos_ == "PROPN"), None)
    if name is not None and name.ent_type_ not in NOT_ISSUERS:
        return name
    participle = next((c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in issuing), None)
    return agent_of(participle) if participle is not None else None


# Entity types of a name before a document noun that say where or when, not who ("the Iowa poll").
NOT_ISSUERS = frozenset({"GPE", "LOC", "NORP", "DATE", "TIME", "ORDINAL", "CARDINAL", "EVENT"})


def agent_of(verb: Token) -> Token | None:
    """The "by" (or "from") object of a passive verb ("written by X", "was sent from X")."""
    prep = next((c for c in verb.children if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "from")), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def issuer_by_clause(noun: Token, issuing: frozenset[str]) -> Token | None:
    """The subject of the clause a document noun is issued in: "In a statement, X said",
    "X released (or issued) a letter", "a letter was sent by X"; not of any clause it stands in
    ("Trump leads in the poll")."""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else noun.head \
        if noun.dep_ in ("dobj", "nsubjpass") else None
    if verb is None or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in issuing:
        return None
    if noun.dep_ == "nsubjpass":
        return agent_of(verb)
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def phrase_head(tok: Token) -> Token:
    """The noun a modifier belongs to: the person a noun phrase names ("said Uralsib analyst Chris
    Weafer" -> Weafer, not the firm that modifies it)."""
    while tok.dep_ in ("compound", "amod", "nmod") and tok.head.i > tok.i and tok.head.pos_ in ("PROPN", "NOUN") \
            and tok.head.i - tok.i <= 6:
        tok = tok.head
    return tok


def name_colon_cues(doc: Doc, text: str, quotes: list, is_cue_verb: Callable[[Token], bool]) -> list[Cue]:
    """A person or organisation name right before a colon that opens a quotation, inside a sentence
    ("... doesn't surprise Republican pollster Daron Shaw: "Historically, ...""): the name is the
    source, the colon the cue, the quotation the content. Not a name that a speech verb governs
    ("Smith told CNN:", "said on Twitter:"): that is the addressee or the medium, the verb the cue."""
    cues = []
    for q in quotes:
        colon = text.rfind(":", max(0, q.start - 4), q.start)
        if colon <= 0 or not GAP_NAME_COLON.match(text[colon:q.start]):
            continue
        mark = doc.char_span(colon, colon + 1)
        if mark is None or mark.start == 0:
            continue
        name = dash_label(doc, text, colon)
        if name is not None:  # "Iowa polls missed - Pew Research: "...""
            cues.append(Cue((mark[0],), ":", name, (q.start, q.end)))
            continue
        name = doc[mark.start - 1]
        if name.pos_ != "PROPN" or name.ent_type_ not in ("PERSON", "ORG") or name.idx + len(name.text) != colon:
            continue
        if not text[text.rfind("\n", 0, colon) + 1:mention_range(name, text)[0]].strip():
            continue  # a name opening its line is a label line's ("Continued Smith: ..."): colon_cues
        if is_cue_verb(governing_verb(name)):
            continue
        cues.append(Cue((mark[0],), ":", name, (q.start, q.end)))
    return cues


def dash_label(doc: Doc, text: str, colon: int) -> Token | None:
    """A digest's source label between a spaced dash and a colon ("Polls missed the caucus - Pew
    Research: "..."", or opening a line "- Pew Research: "...""): a name of capitalised words, as the
    tagger may read them; its head word, or None."""
    line_start = text.rfind("\n", 0, colon) + 1
    match = DASH_LABEL.search(text, line_start, colon)
    if match is None:
        return None
    name = doc.char_span(match.start("name"), match.end("name"))
    return name.root if name is not None else None


def governing_verb(tok: Token) -> Token:
    """The word an object hangs from, through its prepositions and the nouns they modify ("told CNN",
    "said in a post on Twitter" -> said); the token itself when it is no object."""
    for _ in range(6):
        if tok.dep_ not in ("dobj", "pobj", "dative", "prep", "compound") or tok.head is tok:
            break
        tok = tok.head
    return tok


def signature_cues(doc: Doc, text: str, quotes: list, known: frozenset[str] = frozenset()) -> list[Cue]:
    """A quotation paragraph signed on the next line with a dash and a name ('"... zero taxes."' then
    '- Sanders.' or '-President Obama, tweeting after the speech.'): the name is the source, the dash
    the cue, the quotation paragraph the content."""
    cues = []
    for match in SIGNATURE_LINE.finditer(text):
        name = doc.char_span(match.start("name"), match.end("name"), alignment_mode="contract")
        mark = doc.char_span(match.start("dash"), match.end("dash"))
        if name is None or mark is None or not is_speaker_label(name, known):
            continue
        above = len(text[:match.start()].rstrip())  # where the paragraph above ends
        signed = [q for q in quotes if q.end == above and q.start == text.rfind("\n", 0, q.start) + 1]
        if signed:
            cues.append(Cue((mark[0],), "-", name.root, (signed[0].start, signed[0].end)))
    return cues


def source_outside_quotes(cue: Cue, quotes: list) -> Token | None:
    """The cue's source, unless the parse took it from inside a quotation that ends before the cue
    ('"We were wrong," Ramos, 58, told AFP' hung on "We were"): then the nominal between the closing
    mark and the cue ("Ramos"), or none."""
    source, verb = cue.source, cue.tokens[0]
    if source is None:
        return None
    quote = next((q for q in quotes if q.start < source.idx < q.end), None)
    if quote is None or quote.end > verb.idx:
        return source
    doc = verb.doc
    between = [t for t in doc[source.i:verb.i] if t.idx >= quote.end and t.pos_ in ("PROPN", "PRON", "NOUN")]
    heads = [t for t in between if t.dep_ not in ("compound", "amod", "poss", "nmod")]
    return heads[0] if heads else None


def mention_range(tok: Token, text: str) -> tuple[int, int]:
    """The speaker mention as written: the head with its modifiers, up to an apposition, a relative
    clause or a comma ("Smith, a spokesman, said" -> "Smith")."""
    left = tok.left_edge
    right = tok
    for c in tok.rights:
        if c.dep_ in NOT_IN_MENTION or c.is_punct or c.is_space or "\n" in text[tok.idx:c.right_edge.idx]:
            break
        right = c.right_edge
    left = tok
    for c in reversed(list(tok.lefts)):  # nearest first; stop at a clause or a quotation hung on the name
        hyphen = c.i == tok.i - 1 and glued_hyphen_before(tok)
        if (c.dep_ not in MENTION_LEFT and not hyphen) or "\n" in text[c.left_edge.idx:tok.idx]:
            break
        left = c.left_edge
    dashes = list(SPACED_DASH.finditer(text, left.idx, tok.idx))
    if dashes:  # a spaced dash ends the words before a digest's label ("... the winner - Gallup Research:")
        left = next(t for t in tok.doc[left.i:tok.i + 1] if t.idx >= dashes[-1].end())
    return left.idx, end_char(right)


def clause_without(cue: Span, source: Token) -> tuple[int, int] | None:
    """The clause an "according to X" phrase hangs from, without the phrase: its content."""
    head = cue[0].head
    while head.dep_ not in ("ROOT", "ccomp", "conj") and head.head is not head:
        head = head.head
    left, right = head.left_edge.i, head.right_edge.i
    phrase = range(cue[0].i, max(cue[-1].i, source.right_edge.i) + 1)
    doc = cue.doc
    if phrase.start <= left:
        left = phrase.stop
    elif all(t.is_punct or t.is_space for t in doc[phrase.stop:right + 1]):
        right = phrase.start - 1
    if right < left:
        return None
    return doc[left].idx, end_char(doc[right])


def title_words(text: str, mention: attr.Mention, ranks: dict[str, str]) -> str:
    """A mention's title with rank abbreviations written out ("Sen." -> "senator"), and the rank
    written just before the name when the row has none ("Gov. Chris Christie"): what "the senator" or
    "the governor" is matched against."""
    before = text[max(0, mention.start - 12):mention.start].split()
    rank = before[-1] if before and before[-1].lower().rstrip(".") in ranks else ""
    words = mention.title.split() + ([rank] if rank and not mention.title else [])
    return " ".join(ranks.get(w.lower().rstrip("."), w) for w in words)


def with_roles(doc: Doc, text: str, mentions: list, quotes: list, gendered: dict[str, str],
               ranks: dict[str, str] | None = None, given_names: dict[str, str] | None = None,
               leaning_names: dict[str, str] | None = None) -> list:
    """MENTIONS with what pronoun resolution weighs: whether each is a clause's subject, whether it
    sits inside a quotation, and the gender the article gives it (an honorific, a gendered title),
    else the gender of the given name (GIVEN_NAMES: name -> "m"/"f"), else the gender a name leans to
    (LEANING_NAMES) when the article's pronouns agree (or, when they say nothing, as a tie-break)."""
    genders = attr.genders_by_surname(text)
    starts = sentence_starts(doc)
    out = []
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        root = span.root if span is not None else None
        subject_tok = None if root is None else root if root.dep_ in SUBJECTS else root.head \
            if root.dep_ in ("appos", "compound") and root.head.dep_ in SUBJECTS else None
        quoted = any(q.start < m.start < q.end for q in quotes)
        surname = m.name.split()[-1] if m.name.split() else ""
        gender = (genders.get(surname, "") or next((gendered[w] for w in m.title.lower().split() if w in gendered), "")
                  or given_name_gender(m.name, given_names or {}))
        title = title_words(text, m, ranks or {})
        out.append(replace(m, subject=subject_tok is not None, quoted=quoted, gender=gender, title=title,
                           main=subject_tok is not None and is_main_clause(subject_tok.head),
                           sentence=sentence_of(starts, m.start)))
    leaning = {m.name: g for m in out if not m.gender and m.kind == "person"
               for g in [given_name_gender(m.name, leaning_names or {})] if g}
    if leaning:
        said = leaning_by_pronouns(starts, text, out, quotes, leaning)
        out = [m if m.gender or m.name not in said else replace(m, gender=said[m.name]) if said[m.name] in "mf"
               else replace(m, leaning=leaning[m.name]) if said[m.name] == "?" else m for m in out]
    return out


def sentence_of(starts: Sequence[int], at: int) -> int:
    """The start of the sentence (of STARTS) that holds character AT."""
    return starts[max(0, bisect.bisect_right(starts, at) - 1)]


def is_main_clause(verb: Token) -> bool:
    """Whether VERB heads its sentence's main clause (the root, or a verb coordinated with it), not a
    clause inside another ("no matter what Obama takes", "hopes Clinton does not")."""
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.dep_ == "ROOT"


def leaning_by_pronouns(starts: Sequence[int], text: str, mentions: list, quotes: list,
                        leaning: dict[str, str]) -> dict[str, str]:
    """What the article's pronouns say of each name of LEANING (name -> the gender its given name leans
    to): in sentences where that person is the only one named before a pronoun ("Clinton said she
    would ..."), "m"/"f" when pronouns of the leaning gender outnumber the others (then it is the
    name's gender), "-" when the others outnumber them ("Lindsey Graham said he ...": no gender at all),
    "?" when they say nothing (the lean only breaks a tie: "he" passes over "Hillary" when another
    person fits). A lone "Trump said she lied" does not outvote."""
    votes: dict[str, list[int]] = {}
    people: dict[int, list] = {}  # sentence start -> the people named in it
    for m in mentions:
        if m.kind == "person" and not m.quoted:
            people.setdefault(m.sentence, []).append(m)
    opens = [q.start for q in quotes]  # sorted by start
    for match in GENDERED_PRONOUN.finditer(text):  # a search of the text, not a walk over every token
        at = match.start()
        last = bisect.bisect_left(opens, at) - 1
        if last >= 0 and any(q.start < at < q.end for q in quotes[max(0, last - 2):last + 1]):
            continue  # inside a quotation (the few opening just before AT: nested ones are rare)
        before = {m.name for m in people.get(sentence_of(starts, at), ()) if m.end <= at}
        if len(before) == 1:
            votes.setdefault(next(iter(before)), [0, 0])[PRONOUN_GENDER_ALL[match.group().lower()] == "f"] += 1
    out = {}
    for name, g in leaning.items():
        male, female = votes.get(name, [0, 0])
        agree, other = (female, male) if g == "f" else (male, female)
        out[name] = g if agree > other else "-" if other > agree else "?"
    return out


def given_name_gender(name: str, given_names: dict[str, str]) -> str:
    """"m"/"f" when NAME opens with a given name of one gender ("Hillary Clinton"); a one-word name is
    a surname ("Clinton") and says nothing."""
    words = name.split()
    return given_names.get(unaccented(words[0]), "") if len(words) >= 2 else ""


def is_line_label(tok: Token) -> bool:
    """Whether a word opening its line stands alone before a colon, an editor's label ("Note: ...",
    "Update: ...") rather than a verb with a speaker."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].text != ":":
        return False
    return tok.i == 0 or "\n" in doc[tok.i - 1].text  # a line break is a space token of its own


def label_colon(line: str) -> int:
    """Where a label line's colon is: the first colon followed by a space ("RAMOS: ...") or straight
    by a quotation mark (a transcript's 'Rep. Kim (D-Ore.):"I have ..."'), else one ending the line;
    -1 when none."""
    match = LABEL_COLON.search(line)
    if match is not None:
        return match.start()
    return len(line.rstrip()) - 1 if line.rstrip().endswith(":") else -1


def is_speaker_label(name: Span, known: frozenset[str] = frozenset()) -> bool:
    """Whether the words before a line's colon name who speaks: a person or organisation name of at
    most five words, a transcript's capitalised speaker ("RAMOS"), or a name the article's people
    and organizations rows hold (KNOWN), however a headline's capitals got it tagged ("Trump: ...")."""
    if not 0 < len(name) <= 5 or any(t.is_punct and t.text not in (".", "-") for t in name):
        return False
    if any(t.lower_ in ("vs.", "vs", "v.", "versus") for t in name):
        return False  # a headline's match-up ("Trump vs. Clinton: ..."), two sides and no speaker
    if any(t.pos_ in ("VERB", "AUX") and not t.text.isupper() for t in name):
        return False  # a clause, not a label ("Schilling told WEEI:"): its verb is the cue
    if name.text.isupper() and name.text.replace(" ", "").replace(".", "").isalpha():
        return True
    return name[-1].pos_ == "PROPN" or name[-1].ent_type_ in ("PERSON", "ORG") or name.text in known


def is_definite(tok: Token) -> bool:
    """Whether a nominal mention points back to someone named before ("the minister", "its
    spokesman"), unlike "an expert" or "officials"."""
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) for c in tok.lefts)


def entity_text(tok: Token) -> str:
    """The name TOK ends: the tagger's entity around it, else the run of proper nouns (and the marks
    joining them) that modify it ("NBC-Wall Street Journal", "USA Today/Suffolk University")."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    run = tok.doc[tok.left_edge.i:tok.i + 1]
    if run[0].lower_.rstrip(".") in attr.HONORIFIC_GENDER:
        run = run[1:]  # "Mr. English": the name without its honorific
    if run and run[0].text[0].isalpha() and all(t.pos_ in ("PROPN", "PUNCT") and t.text not in ",;:()" for t in run) and len(run) > 1 \
            and run[0].pos_ == "PROPN" and (ent is None or run.start < ent.start):
        return run.text
    return ent.text if ent is not None else tok.text


def named_nominals(doc: Doc, text: str) -> dict[str, list[tuple[int, str]]]:
    """Common nouns named by a proper modifier ("the UK embassy" -> embassy: "UK embassy"; "Cruz's
    campaign" -> campaign: "Cruz campaign"), by head lemma, in text order: the antecedents of "the
    embassy" or "the campaign" when no organizations row holds it."""
    out: dict[str, list[tuple[int, str]]] = {}
    for tok in nouns_with_proper_modifier(doc):
        mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN"]
        owner = next((c for c in tok.lefts if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if mods:
            start = mods[0].left_edge.idx
            out.setdefault(tok.lemma_.lower(), []).append((start, text[start:end_char(tok)]))
        elif owner is not None:  # the owner's name without its "'s"
            start = owner.left_edge.idx
            out.setdefault(tok.lemma_.lower(), []).append((start, f"{text[start:end_char(owner)]} {tok.text}"))
    return out


def nouns_with_proper_modifier(doc: Doc) -> list[Token]:
    """The common nouns of DOC with a proper noun before them as a compound, adjective, nominal or
    possessive modifier, in order, read from the token arrays: no Token object for the other words."""
    if len(doc) == 0:
        return []
    arr = doc.to_array([POS, DEP, HEAD])
    at = numpy.arange(len(doc))
    pos, dep, heads = arr[:, 0], arr[:, 1], arr[:, 2].astype("int64") + at  # HEAD: an offset, wrapped
    labels = numpy.array([get_string_id(d) for d in PROPER_MODIFIERS], dtype=arr.dtype)
    # one comparison per label: numpy.isin's set-up costs more than the test on news-sized docs
    modifier = (pos == PROPN) & numpy.logical_or.reduce([dep == label for label in labels]) & (heads > at)
    nouns = sorted({int(h) for h in heads[modifier] if pos[h] == NOUN})
    return [doc[i] for i in nouns]


PROPER_MODIFIERS = ("compound", "amod", "nmod", "poss")


def organization_entity_before(noun: Token, quotes: list, mentions: list, window: int) -> str:
    """The organisation the tagger names last before NOUN ("Baylor University ... The school declined"),
    within WINDOW characters and outside quotation marks, when no organizations row is there; not a
    person's name the tagger took for one ("Trump")."""
    surnames = {m.name.split()[-1] for m in mentions if m.kind == "person" and m.name.split()}
    for ent in reversed([e for e in noun.doc.ents if e.end <= noun.i and e.label_ == "ORG"]):
        if noun.idx - ent.end_char > window:
            return ""
        if not any(q.start < ent.start_char < q.end for q in quotes) and ent[-1].text not in surnames:
            return ent.text
    return ""


def named_before(entries: list[tuple[int, str]], at: int) -> str:
    before = [name for start, name in entries if start < at]
    return before[-1] if before else ""


def attach_quotes(cue: Cue, quotes: list, text: str, cue_starts: Sequence[int] = ()) -> None:
    """Grow a cue's content to the quotations it introduces or closes: a quotation that its content
    overlaps, one right before the speaker or cue ('"...," said Smith'), and one right after the cue
    ('Smith said: "..."'), unless another cue (CUE_STARTS: where every cue begins) stands between
    ('"A," she said, adding, "B."': "B" is the adding's)."""
    first, last = cue.tokens[0].idx, end_char(cue.tokens[-1])
    if cue.source is not None and cue.own_source:
        s_start, s_end = mention_range(cue.source, text)
        first, last = min(first, s_start), max(last, s_end)
    span = list(cue.content) if cue.content else None
    closed_before = False
    introduced: int | None = None  # start of the first quotation the cue introduces ('X said, "..."')
    para_start, para_end = paragraph_of(text, cue.tokens[0].idx)
    for q in quotes:
        in_paragraph = para_start <= q.start < para_end
        touches = in_paragraph and span is not None and q.start < span[1] and span[0] < q.end
        before = in_paragraph and q.end <= first and GAP_BEFORE_CUE.match(text[q.end:first]) \
            and not (ends_sentence(text, q) and span is not None and span[0] >= first)
        gap = text[last:q.start] if q.start >= last and not cue_between(cue_starts, last, q.start) else None
        after = gap is not None and (span is None or q.start <= span[1] + 2 or span[1] <= first) and (
            (in_paragraph and GAP_AFTER_CUE.match(gap) and standalone(text, q, gap))
            or GAP_INTRODUCES.match(gap))
        continued = closed_before and in_paragraph and gap is not None and GAP_CONTINUED.match(gap) \
            and not GAP_NEW_SENTENCE.search(gap)
        governed = in_paragraph and q.start >= last and governs(cue.tokens[0], q)
        if touches or before or after or continued or governed:
            start = q.start
            if governed and not (touches or before or after or continued):
                # 'called him "a loser"': the content is the object and what it is called.
                obj = next((c for c in cue.tokens[0].rights if c.dep_ == "dobj" and c.idx < q.start), None)
                start = obj.left_edge.idx if obj is not None else start
            span = [min(span[0], start), max(span[1], q.end)] if span else [start, q.end]
            cue.quotes.append(q)
            closed_before = closed_before or bool(before or (touches and q.end <= first))
            if after and introduced is None and gap is not None and gap.strip()[-1:] in (",", ":"):
                introduced = q.start
    if span is not None and introduced is not None and not closed_before and span[0] < first:
        span[0] = introduced  # 'Asked about it, Adelson said, "..."': the quotation is what was said
    if span is not None:
        cue.content = (span[0], span[1])


def cue_between(cue_starts: Sequence[int], start: int, end: int) -> bool:
    """Whether a cue begins in START..END (CUE_STARTS sorted)."""
    at = bisect.bisect_left(cue_starts, start)
    return at < len(cue_starts) and cue_starts[at] < end


def ends_sentence(text: str, quote: attr.Quote) -> bool:
    """Whether a quotation closes on a full stop ('... together." He warns that'): what follows is a
    new sentence, not the inverted cue of '"...," he said' or '"...?" she asked'."""
    return quote.closed and attr.last_inner(text, quote) == "."


def governs(verb: Token, quote: attr.Quote) -> bool:
    """Whether a quotation is an argument of the cue verb itself ('called the plan "a disgrace"'): the
    token that opens it hangs (through its clause) from the verb as object, predicate or complement."""
    if quote.start >= verb.right_edge.idx or quote.end <= verb.left_edge.idx:
        return False  # no word of the verb's subtree (all between its edges) inside the quotation
    inside = [t for t in verb.subtree if quote.start < t.idx < quote.end and not t.is_punct]
    if not inside:
        return False
    top = min(inside, key=lambda t: len(list(t.ancestors)))
    return top.head == verb and top.dep_ in ("dobj", "oprd", "ccomp", "xcomp", "attr", "npadvmod", "dep", "acomp")


def paragraph_of(text: str, at: int) -> tuple[int, int]:
    """(start, end) of the line of TEXT around AT."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, (len(text) if end < 0 else end)


def standalone(text: str, quote: attr.Quote, gap: str) -> bool:
    """Whether a quotation after a cue stands as what was said ('said, "We will..."', 'asked: "Why?"')
    rather than a quoted phrase used as an object ('feeling "a lot of emotion"')."""
    first = text[quote.start + 1:quote.start + 2]
    return gap.rstrip()[-1:] in (",", ":") or first.isupper()


def outermost(rows: list[dict]) -> list[dict]:
    """The rows whose cue is not inside another row's content: a report within reported speech ("he
    said the President did not know ...") belongs to the outer attribution's content."""
    def inside(cue_at: int | None, row: dict) -> bool:
        return cue_at is not None and row["start"] <= cue_at < row["end"]
    return [r for r in rows if not any(o is not r and inside(r["cue_start"], o) and not inside(o["cue_start"], r)
                                       for o in rows)]


def one_row_per_cue(rows: list[dict]) -> list[dict]:
    """One attribution per cue: a row whose content lies inside another row's with the same cue goes
    ('The plans are "irresponsible," said Bell': the parse's complement with its lead words is the
    content, not the quotation alone that the inverted cue also reaches)."""
    def covered(r: dict) -> bool:
        return any(o is not r and o["cue_start"] == r["cue_start"] and o["cue_end"] == r["cue_end"]
                   and o["start"] <= r["start"] and r["end"] <= o["end"] for o in rows)
    return [r for r in rows if r["cue_start"] is None or not covered(r)]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """START..END without surrounding spaces, leading commas or colons ('According to X, "..."') and
    trailing commas or stops outside quotation marks."""
    while start < end and (text[start].isspace() or text[start] in ",;:\u2014"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:-\u2014" or
                           (text[end - 1] == "." and not _closes_quote(text, start, end))):
        end -= 1
    return start, end


def _closes_quote(text: str, start: int, end: int) -> bool:
    return text[start] in attr.OPENING + attr.STRAIGHT and end - start > 1 and text[end - 2:end - 1] in "\u201d\""


def content_kind(text: str, start: int, end: int, quotes: list) -> str:
    """direct: the content opens with a quotation ('"A," she said. "B."', and also 'Obama said "it
    gets me mad" every time ...': the reader sees the speaker's own words first); mixed: quoted words
    inside reported speech; indirect: no quotation in it (or only a quoted title or label)."""
    inside = [q for q in quotes if q.start < end and start < q.end]
    if not inside:
        return "indirect"
    return "direct" if any(q.start == start for q in inside) else "mixed"


@Language.factory("news_quotes", assigns=["doc._.quotes"],
                  default_config={"cues_path": "quotes/cues.json", "titles_path": "titles/titles.json",
                                  "orphan_quote_words": 0, "nested": False,
                                  "given_names_path": "people/given_name_gender.json",
                                  "us_names_path": "quotes/given_name_us.json"})
def make_news_quotes(nlp: Language, name: str, cues_path: str, titles_path: str,
                     orphan_quote_words: int, nested: bool, given_names_path: str, us_names_path: str) -> NewsQuotes:
    return NewsQuotes(name, cues_path, titles_path, orphan_quote_words, nested, given_names_path, us_names_path)
