"""The number, unit, currency and qualifier lexicons, built once from the rule data under models/."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...resources import models_dir, read_json
from .tokens import TOKEN_RE

# The files a Lexicon is built from, relative to the models/ root.
LEXICON_FILES = ("figures/numbers.json", "figures/qualifiers.json", "figures/units.json",
                 "figures/currencies.json", "dates/lexicon.json")


# Words that open an amount through Scanner.core's own branches: "a hundred", "an eighth", "half a million".
ARTICLE_STARTS = ("a", "an", "half", "quarter")


@dataclass(frozen=True)
class Lexicon:
    units: dict[str, float]
    tens: dict[str, float]
    scales: dict[str, float]
    groups: dict[str, float]
    fractions: dict[str, float]
    ordinals: dict[str, float]
    ordinal_words: frozenset[str]
    vulgar: dict[str, float]
    multipliers: dict[str, float]
    multipliers_money_only: frozenset[str]
    vague: dict[str, float]
    vague_determiners: dict[str, float]
    before: dict[tuple[str, ...], str]
    after: dict[tuple[str, ...], str]
    range_open: frozenset[str]
    change_openers: frozenset[str]
    range_join: dict[str, tuple[str, ...]]
    unit_re: re.Pattern
    unit_of: dict[str, tuple[str, str]]  # surface -> (normalised, category)
    ambiguous_units: frozenset[str]
    prefix_re: re.Pattern
    prefix_of: dict[str, tuple[str, float]]
    codes: frozenset[str]
    common_codes: frozenset[str]
    unit_mult: dict[str, float]
    months: frozenset[str]
    counted_in_millions: frozenset[str]
    time_units: frozenset[str]
    # The lower-cased words an amount can start with (Scanner.core reads nothing else, digits and
    # vulgar fractions aside): the scanner skips every other token without trying it.
    amount_words: frozenset[str] = frozenset()


def _alternation(forms: list[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(set(forms), key=len, reverse=True))


def _unit_forms(units: dict, cur: dict) -> dict[str, tuple[str, str]]:
    """Every surface form of a unit, percent sign or currency word after a number -> (normalised, category)."""
    unit_of: dict[str, tuple[str, str]] = {}
    for norm, forms in units["units"].items():
        for f in forms:
            unit_of.setdefault(f, (norm, "measure"))
    for f in units["percent"]:
        unit_of[f] = ("%", "percent")
    for f in units["percentage_points"]:
        unit_of[f] = ("percentage points", "percent")
    for w, iso in {**cur["words"], **cur["ambiguous_words"]}.items():
        unit_of.setdefault(w, (iso, "money"))
    unit_of.update({w: (iso, "money") for w, iso in cur["ambiguous_words"].items()})
    for w, name in cur["minor"].items():
        unit_of.setdefault(w, (name, "money"))
    for c in cur["codes"]:
        unit_of.setdefault(c, (cur["code_alias"].get(c, c), "money"))
    for sym, iso in cur["symbols"].items():
        if len(sym) == 1 and not sym.isalnum():
            unit_of.setdefault(sym, (iso, "money"))  # "10 €", "100元"
    # Case-insensitive forms also match their title-cased variants ("Percent", "Dollars"; not "M" for metres).
    lowered = {f.capitalize(): v for f, v in unit_of.items() if f.lower() == f and len(f) >= 3}
    for f, v in lowered.items():
        unit_of.setdefault(f, v)
    return unit_of


def _currency_prefixes(cur: dict, unit_of: dict, unit_mult: dict) -> dict[str, tuple[str, float]]:
    """Currency symbols and codes written before a number -> (ISO code, multiplier)."""
    prefix_of: dict[str, tuple[str, float]] = {}
    for sym, iso in cur["symbols"].items():
        prefix_of[sym] = (iso, 1.0)
        if len(sym) == 1 and sym.isalpha():
            unit_of.setdefault(sym, (iso, "money"))  # "100元"
        if sym.endswith("$") and len(sym) > 2:  # "US $", "hk $"; not "s $" (the "'s $700" of a possessive)
            prefix_of[sym[:-1] + " $"] = (iso, 1.0)  # "US $ 150", "c $ 16.4"
            prefix_of[sym.lower()] = (iso, 1.0)
            prefix_of[sym[:-1].lower() + " $"] = (iso, 1.0)
    for c in cur["codes"]:
        prefix_of[c] = (cur["code_alias"].get(c, c), 1.0)
    for c in cur["lower_case_prefix_codes"]:
        prefix_of[c] = (cur["code_alias"].get(c.upper(), c.upper()), 1.0)
    for c, (iso, mult) in cur["scaled_codes"].items():
        prefix_of[c] = (iso, float(mult))
        unit_of[c] = (iso, "money")
        unit_mult[c] = float(mult)
    return prefix_of


@lru_cache(maxsize=4)
def lexicon(root: str | Path | None = None) -> Lexicon:
    """The lexicons of the rule data under ROOT (default: the package's models/), loaded once."""
    base = Path(root) if root else models_dir()
    nums, quals, units, cur, dates = (read_json(base / rel) for rel in LEXICON_FILES)
    unit_of = _unit_forms(units, cur)
    unit_mult: dict[str, float] = {}
    prefix_of = _currency_prefixes(cur, unit_of, unit_mult)

    def phrases(table: dict[str, str]) -> dict[tuple[str, ...], str]:
        return {tuple(TOKEN_RE.findall(k.lower())): v for k, v in table.items()}

    return Lexicon(
        units=nums["units"], tens=nums["tens"], scales=nums["scales"], groups=nums["groups"],
        fractions=nums["fractions"], ordinals=nums["ordinals"], ordinal_words=frozenset(nums["ordinal_words"]),
        vulgar=nums["vulgar"], multipliers=nums["suffix_multipliers"],
        multipliers_money_only=frozenset(nums["suffix_only_with_currency"]), vague=nums["vague_plurals"],
        vague_determiners={w: tuple(r) for w, r in nums["vague_determiners"].items()},
        before=phrases(quals["before"]), after=phrases(quals["after"]),
        range_open=frozenset(quals["range_open"]), change_openers=frozenset(quals["change_openers"]),
        range_join={k: tuple(v) for k, v in quals["range_join"].items()},
        unit_re=re.compile(r"(?:" + _alternation(list(unit_of)) + r")(?![A-Za-z0-9²³])"),
        unit_of=unit_of, ambiguous_units=frozenset(units["ambiguous_glued"]),
        prefix_re=re.compile(r"(?:(?<=^)|(?<=[^A-Za-z]))(?:" + _alternation(list(prefix_of)) + r")\s?$"),
        prefix_of=prefix_of, codes=frozenset(cur["codes"]),
        common_codes=frozenset(c.upper() for c in cur["lower_case_prefix_codes"]), unit_mult=unit_mult,
        months=frozenset(dates["months"]),
        counted_in_millions=frozenset(nums["counted_in_millions"]), time_units=frozenset(dates["units"]),
        amount_words=frozenset({*nums["vague_plurals"], *nums["vague_determiners"], *nums["units"], *nums["tens"],
                                *ARTICLE_STARTS}))
