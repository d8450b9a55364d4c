"""Cheap necessary conditions for a regex to match: the literal words one of which every match holds.

A grammar of many patterns run over a whole article spends most of its time on patterns whose key
words the article never uses. `triggers(regex)` reads the compiled pattern's parse tree and returns a
set of strings (lower-cased) at least one of which occurs in every match, or `DIGIT` for "a decimal
digit"; `may_match(triggers, text)` is False only when no match can exist, so skipping the pattern
changes nothing that is found.
"""
from __future__ import annotations

import re
from re import _constants as C  # the parse-tree opcodes of the standard library's own parser
from re import _parser as P

DIGIT = "\0digit"
# Non-ASCII letters that IGNORECASE matches to an ASCII letter (Kelvin sign, long s, dotless i, ...):
# lower-casing does not map them to the ASCII letter, so a text holding one is scanned in full.
# Written out: finding them by trying every code point cost 0.3 s of CPU at import, in every run's
# start-up; tests/test_speed_triggers.py checks this list against that search.
ODD_CASE_LETTERS = "\u0130\u0131\u017f\u212a"  # İ ı ſ K (Kelvin sign)
_ODD_CASE = re.compile("[" + ODD_CASE_LETTERS + "]")
_ANY_DIGIT = re.compile(r"\d")
_SHORTEST_USEFUL = 3  # shorter literals ("s", "of") are in nearly every text: no test at all
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


def triggers(regex: re.Pattern) -> frozenset[str] | None:
    """Strings one of which (lower-cased) every match of REGEX contains; None when none is known."""
    found = _sequence_triggers(P.parse(regex.pattern, regex.flags))
    return None if found is None else frozenset(found)


def _sequence_triggers(items) -> set[str] | None:
    """Every item of a sequence is in the match: the most selective item's triggers (longest words)."""
    options: list[set[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is C.LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append({"".join(run).lower()})
            run = []
        found = _item_triggers(op, av)
        if found is not None:
            options.append(found)
    if run:
        options.append({"".join(run).lower()})
    useful = [o for o in options if all(s == DIGIT or len(s) >= _SHORTEST_USEFUL for s in o)]
    if not useful:
        return None
    # a digit is in most articles: it ranks with the shortest words
    return max(useful, key=lambda o: (min(_SHORTEST_USEFUL if s == DIGIT else len(s) for s in o), -len(o)))


def _item_triggers(op, av) -> set[str] | None:
    """The triggers of one parse-tree item: groups and required repeats pass theirs on, an
    alternation needs every branch to have some, a digit class is DIGIT; anything else has none."""
    if op is C.SUBPATTERN:
        return _sequence_triggers(av[3])
    if op is C.ATOMIC_GROUP:
        return _sequence_triggers(av)
    if op in _REPEATS and av[0] >= 1:
        return _sequence_triggers(av[2])
    if op is C.BRANCH:
        branches = [_sequence_triggers(b) for b in av[1]]
        return None if any(b is None for b in branches) else set().union(*branches)
    if op is C.IN and av == [(C.CATEGORY, C.CATEGORY_DIGIT)]:
        return {DIGIT}
    return None


class TriggerText:
    """One text prepared for trigger tests: lower-cased once, its digit test done once."""

    def __init__(self, text: str):
        self.exact = _ODD_CASE.search(text) is None
        self.lower = text.lower()
        self.has_digit = _ANY_DIGIT.search(text) is not None

    def may_match(self, found: frozenset[str] | None) -> bool:
        """False only when no string of FOUND is in the text (so no match of its regex can be)."""
        if found is None or not self.exact:
            return True
        return any(self.has_digit if s == DIGIT else s in self.lower for s in found)
