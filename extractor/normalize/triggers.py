"""Cheap necessary conditions for a regex to match: the literal words one of which every match holds.

A grammar of many patterns run over a whole article spends most of its time on patterns whose key
words the article never uses. `triggers(regex)` reads the compiled pattern's parse tree and returns a
set of strings (lower-cased) at least one of which occurs in every match, or `DIGIT` for "a decimal
digit"; `may_match(triggers, text)` is False only when no match can exist, so skipping the pattern
changes nothing that is found.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import lru_cache
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
_DIGIT_RUN = re.compile(r"\d+")
_WORD = re.compile(r"\S+")  # the words whose count reach() bounds: what whitespace separates
_SHORTEST_USEFUL = 3  # shorter literals ("s", "of") are in nearly every text: no test at all
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


@lru_cache(maxsize=512)
def parsed(pattern: str, flags: int):
    """The parse tree of a pattern, made once for all the readings below (triggers, required
    triggers, reach, side reach, barriers), which only read it: parsing a grammar's 74 patterns
    five times over was a fifth of the dates component's start-up."""
    return P.parse(pattern, flags)


def triggers(regex: re.Pattern) -> frozenset[str] | None:
    """Strings one of which (lower-cased) every match of REGEX contains; None when none is known."""
    found = _sequence_triggers(parsed(regex.pattern, regex.flags))
    return None if found is None else frozenset(found)


def required_triggers(regex: re.Pattern) -> tuple[frozenset[str], ...]:
    """Sets of strings (as triggers() gives one) each of which must have a member in every match of
    REGEX: the words and digits of its required parts ("early|late" and "january|..." in "(?:early|
    late)\\s+(?:january|...)"). A text must hold a member of every set; () when none is known."""
    out: list[frozenset[str]] = []
    _collect_required(parsed(regex.pattern, regex.flags), out)
    return tuple(dict.fromkeys(out))


def _collect_required(items, out: list[frozenset[str]]) -> None:
    """Adds to OUT the useful trigger sets of the sequence ITEMS and of the groups it requires."""
    for spelled, op, av in _runs_and_items(items):
        if spelled is not None:
            _add_useful(spelled, out)
        elif op is C.SUBPATTERN:
            _collect_required(av[3], out)
        elif op is C.ATOMIC_GROUP:
            _collect_required(av, out)
        elif op in _REPEATS and av[0] >= 1:
            _collect_required(av[2], out)
        else:
            found = _item_triggers(op, av)
            if found is not None:
                _add_useful(found, out)


def _add_useful(found: set[str], out: list[frozenset[str]]) -> None:
    if all(_selectivity(s) >= _SHORTEST_USEFUL for s in found):
        out.append(frozenset(found))


def _sequence_triggers(items) -> set[str] | None:
    """Every item of a sequence is in the match: the most selective item's triggers (longest words)."""
    options: list[set[str]] = []
    for spelled, op, av in _runs_and_items(items):
        found = spelled if spelled is not None else _item_triggers(op, av)
        if found is not None:
            options.append(found)
    useful = [o for o in options if all(_selectivity(s) >= _SHORTEST_USEFUL for s in o)]
    if not useful:
        return None
    return max(useful, key=lambda o: (min(_selectivity(s) for s in o), -len(o)))


_MAX_SPELLINGS = 4  # an optional character doubles a run's spellings: a few are worth testing, not more


def _runs_and_items(items):
    """The sequence ITEMS as (spelled, None, None) for each run of literals, SPELLED being the set of
    lower-cased strings the run can be (an optional character inside it forks it: "0'?s" is "0s"
    or "0's"), and (None, op, av) for each other item, in order."""
    for spelled, op, av, _ in _parts_of_sequence(items):
        yield spelled, op, av


def _parts_of_sequence(items):
    """_runs_and_items's parts of ITEMS, each with the list of items it is made of."""
    spellings, run = [""], []
    for op, av in items:
        if op is C.LITERAL:
            spellings = [w + chr(av) for w in spellings]
            run.append((op, av))
            continue
        if spellings != [""] and len(spellings) < _MAX_SPELLINGS and _is_optional_literal(op, av):
            spellings += [w + chr(av[2][0][1]) for w in spellings]
            run.append((op, av))
            continue
        if spellings != [""]:
            yield _least(spellings), None, None, run
            spellings, run = [""], []
        yield None, op, av, [(op, av)]
    if spellings != [""]:
        yield _least(spellings), None, None, run


def _is_optional_literal(op, av) -> bool:
    """Whether the item is one literal character, optional ("'?")."""
    return op in _REPEATS and av[0] == 0 and av[1] == 1 and len(av[2]) == 1 and av[2][0][0] is C.LITERAL


def _least(spellings: list[str]) -> set[str]:
    """SPELLINGS lower-cased, without those that hold another ("sept." holds "sept"): a text holding
    one of them holds one of the rest."""
    low = {w.lower() for w in spellings}
    return {w for w in low if not any(u != w and u in w for u in low)}


def _selectivity(trigger: str) -> float:
    """How rare TRIGGER is in text, as a length: a digit is in most articles (it ranks with the
    shortest useful words); a digit beside given characters ("0s" of "1990s") is rarer than any
    digit, so such a string ranks just above DIGIT, however short."""
    if trigger == DIGIT:
        return _SHORTEST_USEFUL
    if len(trigger) >= 2 and any(c.isdigit() for c in trigger):
        return max(len(trigger), _SHORTEST_USEFUL) + 0.5
    return len(trigger)


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
        if any(b is None for b in branches):
            return None
        found = set().union(*branches)
        # a branch needing any digit makes a string with a digit, in another, one more test for nothing
        return {s for s in found if s == DIGIT or not any(c.isdigit() for c in s)} if DIGIT in found else found
    if op is C.IN and av and all(_is_digit_item(i) for i in av):
        return {DIGIT}
    return None


def _is_digit_item(item) -> bool:
    """Whether a member of a character class matches decimal digits only (\\d, [0-9], [1-3], [05]): a
    subset of what DIGIT's test (\\d) finds."""
    op, av = item
    if op is C.CATEGORY:
        return av is C.CATEGORY_DIGIT
    if op is C.RANGE:
        return 48 <= av[0] <= av[1] <= 57
    return op is C.LITERAL and 48 <= av <= 57


class TriggerText:
    """One text prepared for trigger tests: lower-cased once, its digit test done once, the KNOWN
    triggers it holds found once (a grammar's patterns share most of theirs); cut at BARRIER_CHARS
    (see barriers()) into pieces, each of which a pattern is tried on only when it holds one of the
    pattern's triggers. BARRIER_CHARS may be a callable that returns them: it is called only when
    the text is first cut."""

    def __init__(self, text: str, barrier_chars: str | Callable[[], str] = "", known: frozenset[str] = frozenset()):
        self.exact = _ODD_CASE.search(text) is None
        self.lower = text.lower()
        self.has_digit = _ANY_DIGIT.search(text) is not None
        self._text, self._barrier_chars = text, barrier_chars
        self._pieces: list[tuple[int, int]] | None = None
        self._starts: list[int] = []
        self._holding: dict[str, frozenset[int]] = {}
        self._word_starts: list[int] | None = None
        self._word_ends: list[int] = []
        self._words_of: dict[str, list[tuple[int, int]]] = {}
        self._windows: dict[tuple[frozenset[str], int], list[tuple[int, int]]] = {}
        self._pairs: dict[frozenset[str], list[tuple[int, int]]] = {}
        self._present: dict[str, bool] = {}
        self.known = known
        # each known trigger tested once: then a pattern's test is one set operation
        self.present = self._present_of(known) if known else frozenset()

    def _present_of(self, known: frozenset[str]) -> frozenset[str]:
        """The strings of KNOWN the text holds (DIGIT: a digit); a word is looked for only when
        the word of KNOWN inside it ("day" in "today") is there."""
        outer, inside = _nesting(known)
        lower = self.lower
        found = [w for w in outer if w in lower]
        for w in found:  # the list grows as it is read: the words around a word found are tried in turn
            around = inside.get(w)
            if around:
                found.extend(u for u in around if u in lower)
        if self.has_digit and DIGIT in known:
            found.append(DIGIT)
        return frozenset(found)

    @property
    def pieces(self) -> list[tuple[int, int]]:
        """(start, end) of the stretches between barrier characters (see pieces()); cut when first asked."""
        if self._pieces is None:
            chars = self._barrier_chars
            self._pieces = pieces(self._text, chars if isinstance(chars, str) else chars())
            self._starts = [a for a, _ in self._pieces]
        return self._pieces

    def ranges(self, found: frozenset[str] | None) -> list[tuple[int, int]]:
        """(start, end) stretches of the text that hold every match of a pattern with triggers
        FOUND: the pieces holding one of them, neighbours joined (no match crosses a barrier)."""
        if found is None or not self.exact or len(self.pieces) < 2:
            return [(0, len(self.lower))]
        held = sorted(set().union(*(self._pieces_holding(s) for s in found)))
        out: list[tuple[int, int]] = []
        last = -2
        for i in held:
            if i == last + 1:
                out[-1] = (out[-1][0], self.pieces[i][1])
            else:
                out.append(self.pieces[i])
            last = i
        return out

    def windows(self, found: frozenset[str] | None, words: int | tuple[int, int]) -> list[tuple[int, int]]:
        """(start, end) stretches of the text that hold every match of a pattern with triggers FOUND
        and reach WORDS (see reach(); or (before, after), see side_reach()): the words of each
        trigger found and WORDS words either side,
        overlapping or neighbouring stretches joined. A match holds a trigger and lies within its
        reach of it, so it is inside one stretch; and a match that would cross a stretch's edge
        would hold a trigger whose stretch overlaps that one, which joining rules out."""
        before, after = words if isinstance(words, tuple) else (words, words)
        if found is None or not self.exact or max(before, after) >= UNBOUNDED:
            return self.ranges(found)
        key = (found, before, after)
        got = self._windows.get(key)  # patterns with the same triggers and reach share them
        if got is None:
            got = self._windows[key] = self._stretches(found, before, after)
        return got

    def _stretches(self, found: frozenset[str], before: int, after: int) -> list[tuple[int, int]]:
        """windows() of FOUND, widened by BEFORE words before and AFTER words after, computed. The
        words of the triggers are joined before they are widened: two widened windows touch exactly
        when the second starts at most BEFORE + AFTER + 1 words after the first ends (clipping at the
        text's ends joins nothing more), so one sorted list of trigger words per FOUND serves every reach."""
        pairs = self._pairs_of(found)
        last = len(self._word_starts) - 1
        gap = before + after + 1
        out: list[list[int]] = []
        for i, j in pairs:
            if out and i <= out[-1][1] + gap:
                if j > out[-1][1]:
                    out[-1][1] = j
            else:
                out.append([i, j])
        starts, ends = self._word_starts, self._word_ends
        return [(starts[max(0, i - before)], ends[min(last, j + after)]) for i, j in out]

    # how many trigger words a pattern may have before the text is searched around the rarest of
    # its required sets instead (see rarest)
    few_windows = 4

    def rarest(self, options: tuple[frozenset[str], ...] | None) -> frozenset[str] | None:
        """The string set of OPTIONS (sets a match must each hold a member of) whose members occur in
        the fewest words of the text: the windows around it hold every match and are the fewest.
        The first when the text is not searched by windows (see windows()); None for None."""
        if options is None or len(options) == 1 or not self.exact:
            return options[0] if options else None
        if len(self._pairs_of(options[0])) <= self.few_windows:
            return options[0]  # the others' words would cost more to find than their windows save
        return min(options, key=lambda found: len(self._pairs_of(found)))

    def _pairs_of(self, found: frozenset[str]) -> list[tuple[int, int]]:
        """(first, last) word indices of every occurrence of a string of FOUND, sorted; once a FOUND."""
        got = self._pairs.get(found)
        if got is None:
            if self._word_starts is None:
                spans = [(m.start(), m.end()) for m in _WORD.finditer(self.lower)]
                self._word_starts, self._word_ends = [a for a, _ in spans], [b for _, b in spans]
            got = self._pairs[found] = sorted({p for s in found for p in self._trigger_words(s)})
        return got

    def _trigger_words(self, trigger: str) -> list[tuple[int, int]]:
        """(first, last) word indices of each occurrence of TRIGGER (each digit, for DIGIT)."""
        got = self._words_of.get(trigger)
        if got is None:
            starts = self._word_starts
            # once a word: the digits of "2013" are one word's four occurrences
            got = list(dict.fromkeys((max(0, bisect.bisect_right(starts, a) - 1),
                                      max(0, bisect.bisect_right(starts, b - 1) - 1))
                                     for a, b in self._occurrences(trigger)))
            self._words_of[trigger] = got
        return got

    def _pieces_holding(self, trigger: str) -> frozenset[int]:
        """The indices of the pieces in which TRIGGER (or, for DIGIT, a digit) occurs."""
        got = self._holding.get(trigger)
        if got is None:
            # asked by ranges() only, once it has cut the text (self._starts is set)
            got = frozenset(bisect.bisect_right(self._starts, i) - 1 for i, _ in self._occurrences(trigger))
            self._holding[trigger] = got
        return got

    def _occurrences(self, trigger: str) -> list[tuple[int, int]]:
        """(start, end) of each occurrence of TRIGGER in the text (of each digit, for DIGIT)."""
        if trigger == DIGIT:
            # a run of digits for its digits: no whitespace nor barrier parts them, so they are in
            # the same word and piece, all that the callers read
            return [(m.start(), m.end()) for m in _DIGIT_RUN.finditer(self.lower)] if self.has_digit else []
        at, i = [], self.lower.find(trigger)
        while i >= 0:
            at.append((i, i + len(trigger)))
            i = self.lower.find(trigger, i + 1)
        return at

    def may_match(self, found: frozenset[str] | None) -> bool:
        """False only when no string of FOUND is in the text (so no match of its regex can be)."""
        if found is None or not self.exact:
            return True
        if self.known:
            if not self.present.isdisjoint(found):
                return True
            if found <= self.known:
                return False
            found = found - self.known
        return any(self._holds(s) for s in found)

    def _holds(self, trigger: str) -> bool:
        """Whether TRIGGER (or, for DIGIT, a digit) occurs in the text; asked once a trigger (many
        patterns share their triggers)."""
        got = self._present.get(trigger)
        if got is None:
            got = self._present[trigger] = self.has_digit if trigger == DIGIT else trigger in self.lower
        return got


@lru_cache(maxsize=16)
def _nesting(words: frozenset[str]) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    """WORDS (DIGIT left out) as a forest: the words that hold no other of WORDS, and for each word
    the words whose longest inner word of WORDS it is ("day" -> "days", "today"). A text holds a
    word only if it holds the word inside it, so it need look for a word only then."""
    plain = sorted(words - {DIGIT}, key=lambda w: (len(w), w))
    outer: list[str] = []
    inside: dict[str, list[str]] = {}
    for w in plain:
        inner = [u for u in plain if len(u) < len(w) and u in w]
        if inner:
            inside.setdefault(max(inner, key=lambda u: (len(u), u)), []).append(w)
        else:
            outer.append(w)
    return tuple(outer), {w: tuple(around) for w, around in inside.items()}


# ---------------------------------------------------------------- barriers: where no match can reach
# Punctuation that rarely belongs to a date; `barriers()` keeps those no pattern can match. No match
# (nor a lookahead of one) can then hold a barrier, so a text cut at its barriers has every match
# inside one piece, and a piece without a pattern's triggers has no match of it.
BARRIER_CANDIDATES = ';!?()[]{}"<>|\u201c\u201d\u00ab\u00bb'
_CATEGORY_TEST = {
    C.CATEGORY_DIGIT: str.isdigit, C.CATEGORY_NOT_DIGIT: lambda c: not c.isdigit(),
    C.CATEGORY_SPACE: str.isspace, C.CATEGORY_NOT_SPACE: lambda c: not c.isspace(),
    C.CATEGORY_WORD: lambda c: c.isalnum() or c == "_", C.CATEGORY_NOT_WORD: lambda c: not (c.isalnum() or c == "_"),
}
# end-of-text anchors: at the end of a piece they hold where, in the whole text, they would not
_END_ANCHORS = {C.AT_END, C.AT_END_STRING, C.AT_END_LINE}


class NotCuttable(Exception):
    """The pattern can match across any character (".", an end-of-text anchor): no barriers."""


def barriers(regexes, candidates: str = BARRIER_CANDIDATES) -> str:
    """The characters of CANDIDATES that no match of REGEXES, nor any of their lookaheads, can
    consume; "" when one of them could match anything. Lookbehinds are not counted: a search
    started inside a text still sees the text before its start."""
    left = set(candidates)
    try:
        for regex in regexes:
            left -= _consumable(parsed(regex.pattern, regex.flags), left)
    except NotCuttable:
        return ""
    return "".join(c for c in candidates if c in left)


def _consumable(items, chars: set[str]) -> set[str]:
    """The characters of CHARS that some item of the parse tree ITEMS can match."""
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            out |= {c for c in chars if c.lower() == chr(av).lower()}
        elif op is C.NOT_LITERAL:
            out |= {c for c in chars if c != chr(av)}
        elif op is C.ANY:
            raise NotCuttable
        elif op is C.IN:
            out |= {c for c in chars if _in_class(av, c)}
        elif op is C.AT:
            if av in _END_ANCHORS:
                raise NotCuttable
        elif op is C.SUBPATTERN:
            out |= _consumable(av[3], chars)
        elif op is C.ATOMIC_GROUP:
            out |= _consumable(av, chars)
        elif op in _REPEATS:
            out |= _consumable(av[2], chars)
        elif op is C.BRANCH:
            for branch in av[1]:
                out |= _consumable(branch, chars)
        elif op is C.GROUPREF_EXISTS:
            out |= _consumable(av[1], chars) | (_consumable(av[2], chars) if av[2] else set())
        elif op in (C.ASSERT, C.ASSERT_NOT):
            if av[0] >= 0:  # a lookahead may look past the end of a piece
                out |= _consumable(av[1], chars)
        elif op is C.GROUPREF:
            raise NotCuttable
        else:
            raise NotCuttable  # an opcode not reasoned about: be safe
    return out


def _in_class(items, c: str) -> bool:
    """Whether the character class ITEMS (a parse tree IN item) matches C (case folded as IGNORECASE may)."""
    negate = bool(items) and items[0][0] is C.NEGATE
    hit = False
    for op, av in items[1:] if negate else items:
        if op is C.LITERAL:
            hit |= chr(av).lower() == c.lower()
        elif op is C.RANGE:
            hit |= av[0] <= ord(c) <= av[1] or av[0] <= ord(c.lower()) <= av[1] or av[0] <= ord(c.upper()) <= av[1]
        elif op is C.CATEGORY:
            hit |= _CATEGORY_TEST[av](c)
        else:
            return True  # unknown member: assume it matches
    return hit != negate


def pieces(text: str, barrier_chars: str) -> list[tuple[int, int]]:
    """(start, end) of the stretches of TEXT between its barrier characters (all of TEXT without any)."""
    if not barrier_chars:
        return [(0, len(text))]
    out, start = [], 0
    for m in re.finditer("[" + re.escape(barrier_chars) + "]", text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


# ---------------------------------------------------------------- reach: how many words a match spans
UNBOUNDED = 10 ** 9


def reach(regex: re.Pattern) -> int:
    """How many whitespace stretches a match of REGEX, with what its lookaheads read after it, can
    hold at most (UNBOUNDED when there is no limit). A match holding a trigger then lies within that
    many words on either side of the trigger's words, and a search of that stretch finds it."""
    try:
        body, ahead = _runs(parsed(regex.pattern, regex.flags))
    except NotCuttable:
        return UNBOUNDED
    return min(UNBOUNDED, body + ahead)


def side_reach(regex: re.Pattern, found: frozenset[str]) -> tuple[int, int] | None:
    """(before, after): how many whitespace stretches a match of REGEX can hold before the words
    of the string of FOUND it holds, and after them (with what its lookaheads read), when FOUND is
    the trigger set of a part of the regex's top-level sequence (every match holds a member there);
    None otherwise. A duration ("for the next two and a half years") reaches far before its unit
    and barely after it: windows widened by reach() on both sides would search twice as much."""
    parts = _top_parts(regex.pattern, regex.flags)
    if parts is None:
        return None
    bodies = [body for _, body, _ in parts]
    ahead = min(UNBOUNDED, sum(a for _, _, a in parts))
    sides = [(min(UNBOUNDED, sum(bodies[:k + 1])), min(UNBOUNDED, sum(bodies[k:]) + ahead))
             for k, (sets, _, _) in enumerate(parts) if found in sets]
    return min(sides, key=sum) if sides else None


@lru_cache(maxsize=512)
def _top_parts(pattern: str, flags: int) -> list[tuple[list[frozenset[str]], int, int]] | None:
    """_sequence_parts of a pattern's top-level sequence, None when it is not cuttable: worked out
    once for all the trigger sets side_reach() is asked about (two or three a pattern)."""
    try:
        return _sequence_parts(parsed(pattern, flags))
    except NotCuttable:
        return None


def _sequence_parts(items) -> list[tuple[list[frozenset[str]], int, int]]:
    """The top-level sequence ITEMS in _runs_and_items's parts (runs of literals, other items): per
    part, the trigger sets one member of each of which the part's match holds, and its (whitespace
    stretches, lookahead stretches) as _runs counts them."""
    parts = []
    for spelled, op, av, part in _parts_of_sequence(items):
        if spelled is not None:
            sets = [frozenset(spelled)]
        else:
            sets = []
            _collect_required(part, sets)
            found = _item_triggers(op, av)
            sets += [frozenset(found)] if found is not None else []
        parts.append((sets, *_runs(part)))
    return parts


def _runs(items) -> tuple[int, int]:
    """(whitespace stretches a match of ITEMS can hold, stretches its lookaheads can read)."""
    body = ahead = 0
    for op, av in items:
        b, a = _item_runs(op, av)
        body, ahead = min(UNBOUNDED, body + b), min(UNBOUNDED, ahead + a)
    return body, ahead


def _item_runs(op, av) -> tuple[int, int]:
    if op is C.LITERAL or op is C.NOT_LITERAL or op is C.IN or op is C.ANY:
        return (1 if _matches_space(op, av) else 0), 0
    if op is C.AT:
        return 0, 0
    if op is C.SUBPATTERN:
        return _runs(av[3])
    if op is C.ATOMIC_GROUP:
        return _runs(av)
    if op in _REPEATS:
        low, high, body = av
        if len(body) == 1 and body[0][0] in (C.IN, C.LITERAL) and _only_space(*body[0]):
            return (1 if high >= 1 else 0), 0  # "\s+": one stretch however long
        b, a = _runs(body)
        times = UNBOUNDED if high >= C.MAXREPEAT else high
        return (min(UNBOUNDED, b * times) if b else 0), (min(UNBOUNDED, a * times) if a else 0)
    if op is C.BRANCH:
        runs = [_runs(branch) for branch in av[1]]
        return max(r[0] for r in runs), max(r[1] for r in runs)
    if op is C.GROUPREF_EXISTS:
        runs = [_runs(av[1])] + ([_runs(av[2])] if av[2] else [])
        return max(r[0] for r in runs), max(r[1] for r in runs)
    if op in (C.ASSERT, C.ASSERT_NOT):
        if av[0] < 0:
            return 0, 0  # a lookbehind sees the text before the stretch searched
        b, a = _runs(av[1])
        return 0, min(UNBOUNDED, b + a + 1)  # it may read one word past the match, whatever its stretches
    raise NotCuttable


def _matches_space(op, av) -> bool:
    if op is C.LITERAL:
        return chr(av).isspace()
    if op is C.NOT_LITERAL or op is C.ANY:
        return True
    return any(_in_class(av, c) for c in " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2028\u2029\u202f\u205f\u3000")


def _only_space(op, av) -> bool:
    """Whether the one-character item matches whitespace only (as "\\s" or " " do)."""
    if op is C.LITERAL:
        return chr(av).isspace()
    return op is C.IN and all(o is C.CATEGORY and a is C.CATEGORY_SPACE or o is C.LITERAL and chr(a).isspace()
                              for o, a in av)
