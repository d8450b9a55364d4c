"""Pure helpers for people and officials: the title lexicon, title clean-up, affiliations, name linking."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Iterable, Sequence

DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their"})
JOINERS = frozenset({"and", "&", "-", "/"})


@dataclass(frozen=True)
class TitleLexicon:
    """Title words by role, all lower case (see models/titles/titles.json)."""
    heads: frozenset[str]
    kept: frozenset[str]
    dropped: frozenset[str]
    domains: frozenset[str]
    honorifics: frozenset[str]
    company_heads: frozenset[str] = frozenset()
    body_modifiers: frozenset[str] = frozenset()
    body_heads: frozenset[str] = frozenset()
    title_prepositions: frozenset[str] = frozenset({"of", "for"})
    affiliation_prepositions: frozenset[str] = frozenset({"of", "for", "at", "with"})
    sectors: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    ranks: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    role_verbs: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    bodies_of_heads: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, hash=False)
    heads_held_in_any_body: frozenset[str] = frozenset()

    # The unions below are asked for word by word: computed once per lexicon (cached_property writes
    # the instance __dict__, which a frozen dataclass allows).
    @cached_property
    def title_words(self) -> frozenset[str]:
        """Every word that may sit inside a title run (heads, modifiers, portfolios, joiners)."""
        return self.heads | self.kept | self.dropped | self.domains | JOINERS

    @cached_property
    def title_or_honorific_words(self) -> frozenset[str]:
        """Title words and honorifics: what a name does not start with."""
        return self.title_words | self.honorifics

    @cached_property
    def title_cut_words(self) -> frozenset[str]:
        """Words cut off the front of a title: determiners, joiners, dropped modifiers."""
        return DETERMINERS | JOINERS | self.dropped

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> "TitleLexicon":
        """Build from the JSON structure of models/titles/titles.json. Multi-word entries are split
        into tokens, the way spaCy splits them ("vice-president" -> vice, -, president)."""
        def words(items: Iterable[str]) -> frozenset[str]:
            out: set[str] = set()
            for item in items:
                out.update(_split(item.lower()))
            return frozenset(out)

        heads_by_sector = data["heads"]
        sectors = {}
        for sector, items in heads_by_sector.items():
            for item in items:
                sectors.setdefault(_split(item.lower())[-1], sector)
        heads = frozenset(_split(i.lower())[-1] for items in heads_by_sector.values() for i in items)
        # The non-final parts of hyphenated heads ("co" of "co-founder") behave as modifiers.
        # The hyphen itself is no modifier: "ITAR-TASS correspondent" has no title "- correspondent".
        head_parts = words(i for items in heads_by_sector.values() for i in items) - heads - {"of", "for", "the", "-"}
        return cls(
            heads=heads,
            kept=words(data.get("modifiers_kept", [])) | head_parts,
            dropped=words(data.get("modifiers_dropped", [])),
            domains=words(data.get("domains", [])),
            honorifics=frozenset(h.lower() for h in data.get("honorifics", [])),
            company_heads=frozenset(h.lower() for h in data.get("company_heads", [])),
            body_modifiers=frozenset(h.lower() for h in data.get("body_modifiers", [])),
            body_heads=frozenset(h.lower() for h in data.get("body_heads", [])),
            title_prepositions=frozenset(data.get("title_prepositions", ["of", "for"])),
            affiliation_prepositions=frozenset(data.get("affiliation_prepositions", ["of", "for", "at", "with"])),
            sectors=sectors,
            ranks={k.lower().rstrip("."): v for k, v in data.get("rank_abbreviations", {}).items()},
            role_verbs={k.lower(): v for k, v in data.get("role_verbs", {}).items()},
            bodies_of_heads={k.lower(): frozenset(w.lower() for w in v)
                             for k, v in data.get("bodies_of_heads", {}).items()},
            heads_held_in_any_body=frozenset(h.lower() for h in data.get("heads_held_in_any_body", [])),
        )


def _split(item: str) -> list[str]:
    """Tokens of a lexicon entry as spaCy's English tokenizer splits words with inner hyphens."""
    out: list[str] = []
    for word in item.split():
        parts = word.split("-")
        for i, part in enumerate(parts):
            if part:
                out.append(part)
            if i < len(parts) - 1:
                out.append("-")
    return out


def clean_title(words: Sequence[str], lex: TitleLexicon) -> tuple[int, int]:
    """The (start, end) slice of WORDS that is the title proper: leading determiners, joiners and
    dropped modifiers ("the current CEO" -> "CEO") and trailing joiners are cut; kept modifiers
    ("former", "acting") stay."""
    start, end = 0, len(words)
    cut = lex.title_cut_words
    while start < end and (words[start].lower() in cut or words[start] in {",", "'s", "’s"}):
        start += 1
    while end > start and words[end - 1].lower() in JOINERS:
        end -= 1
    return start, end


def resolve_affiliation(text: str, demonym_country=None, country_lookup=None) -> tuple[str, str | None]:
    """(affiliation, ISO alpha-2 code or None) for an affiliation as written: a demonym becomes its
    country ("Azerbaijani" -> "Azerbaijan", "AZ"); a country keeps its written form with a code
    ("UK" -> "UK", "GB"); anything else (an organisation) is kept without a leading article."""
    text = text.strip().strip(",")
    words = text.split()
    if words and words[0].lower() == "the":
        text = " ".join(words[1:])
    if text.endswith("'s") or text.endswith("’s"):
        text = text[:-2].rstrip()
    if not text:
        return "", None
    if demonym_country is not None:
        hit = demonym_country(text)
        if hit and (country_lookup is None or not country_lookup(text)):
            return hit[0], hit[1]
    if country_lookup is not None:
        hit = country_lookup(text)
        if hit:
            return text, hit[1]
    return text, None


def link_name(mention: Sequence[str], full_names: Sequence[Sequence[str]]) -> tuple[str, ...] | None:
    """The fullest name in FULL_NAMES (token tuples, most recent last) that MENTION refers to: one
    whose surname is the mention's last token (and first name its first, for longer mentions), else,
    for a one-word mention, one whose first name it is. The most recent fit wins (two Manns in one
    article); None if none fits."""
    mention = tuple(mention)
    if not mention:
        return None
    longer = [tuple(n) for n in full_names if len(n) > len(mention)]
    by_surname = [n for n in longer if n[-1] == mention[-1] and (len(mention) == 1 or n[0] == mention[0])]
    if by_surname:
        return by_surname[-1]
    if len(mention) == 1:
        by_first = [n for n in longer if n[0] == mention[0]]
        if by_first:
            return by_first[-1]
    return None
