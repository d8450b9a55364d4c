"""When the "the" before a name is part of the name ("the United States", "the Bank of England") and
when it is the sentence's ("the Apple store", "the US government", "Paris").

Used for places only: news corpora disagree on organisations. MEANTIME (Wikinews) keeps "the Bank of
England", CoNLL04 and Re-DocRED write "Bank of England"; widening organisations too cost both of
those more exact matches (ORG exact F1 .70 -> .55, .51 -> .37) than it won on MEANTIME (.74 -> .84).

English puts the definite article in a name built on a common noun or a plural, a description
turned into a name: "the United States", "the Netherlands", "the Associated Press", "the Gulf of
Mexico". A name on a proper noun takes none ("Apple", "Paris"). A name used as a modifier
("the US government", "the Apple store") leaves the article to the noun it modifies.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from ..resources import read_json

ARTICLES = frozenset({"the", "The", "THE"})
# The prepositions after a name's head noun ("Bank of England", "Committee on Finance", "Foundation for
# ..."): also where organizations.py joins an institution the model cut at one.
HEAD_PREPOSITIONS = frozenset({"of", "for", "on"})
# Parts of speech of a word after the name that make the name its modifier ("the US government").
MODIFIED_POS = frozenset({"NOUN", "PROPN", "NUM"})
# Endings of singular words that look plural ("Texas", "Paris", "Cyprus", "Congress").
SINGULAR_ENDINGS = ("ss", "us", "is", "'s")


@lru_cache(maxsize=1)
def article_heads() -> frozenset[str]:
    """Common head nouns of names that take "the" (models/places/article_names.json)."""
    return frozenset(read_json("places/article_names.json")["heads"])


def name_head(doc: Doc, start: int, end: int):
    """The head word of the name doc[start:end]: the word before its first "of" ("Bank of
    England"), else its last word."""
    for i in range(start + 1, end - 1):
        if doc[i].lower_ in HEAD_PREPOSITIONS:
            return doc[i - 1]
    return doc[end - 1]


def is_plural_name_word(word: str) -> bool:
    """Whether a capitalised WORD is a plural ("Netherlands", "Beatles"), not a singular in -s."""
    return len(word) > 3 and word[:1].isupper() and word.endswith("s") and not word.lower().endswith(SINGULAR_ENDINGS)


def modifies_next_noun(doc: Doc, end: int) -> bool:
    """Whether the name ending before token END modifies the noun after it ("the US government",
    "the Apple iPhone"): the article then belongs to that noun phrase."""
    if end >= len(doc) or doc[end - 1].whitespace_ == "":
        return False
    nxt = doc[end]
    return nxt.pos_ in MODIFIED_POS and nxt.is_alpha


def article_is_part_of_name(doc: Doc, start: int, end: int) -> bool:
    """Whether the article doc[start] belongs to the name doc[start + 1:end] that follows it: the
    name's head is a common noun or a plural, and the name is not a modifier of the next noun."""
    if end - start < 2 or doc[start].text not in ARTICLES or modifies_next_noun(doc, end):
        return False
    head = name_head(doc, start + 1, end)
    if not head.text[:1].isupper():
        return False
    return head.lower_ in article_heads() or is_plural_name_word(head.text)


def keep_model_articles(doc: Doc, rows: list[dict], ents) -> None:
    """Widen each row (char offsets) to the "the" the model's entity ENTS gave its name, when the
    article is part of the name ("in the United States"); the row's `name` stays without it."""
    ent_end = {e.start: e.end for e in ents if len(e) > 1 and e[0].text in ARTICLES}
    if not ent_end:
        return
    for row in rows:
        span = doc.char_span(row["start"], row["end"])
        if span is None or ent_end.get(span.start - 1, 0) < span.end:
            continue
        if article_is_part_of_name(doc, span.start - 1, span.end):
            row["start"] = doc[span.start - 1].idx
