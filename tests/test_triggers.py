"""The trigger words of a regex are a necessary condition: a text without them has no match."""
import re

import pytest

from extractor.normalize.timex import load_grammar
from extractor.normalize.triggers import (DIGIT, UNBOUNDED, TriggerText, barriers, pieces, reach,
                                          required_triggers, side_reach, triggers)


@pytest.mark.parametrize("pattern, expected", [
    (r"(?i:last|next)\s+week", {"week"}),                    # as long: the fewer words win
    (r"\d+\s+(?i:days|weeks)\s+ago", {"days", "weeks"}),     # the longest required words win
    (r"(?:\d{4}|nineteen\s+\w+)", {DIGIT, "nineteen"}),       # every branch must have one
    (r"(?:[a-z]+|spring)", None),                            # a branch without words: no test
    (r"(?:1[0-9]|20)[0-9]", {DIGIT}),                        # a class of digits only ([0-9]) is a digit
    (r"[05x]0", None),                                       # a class with a non-digit is not, nor one digit
    (r"(?:1[0-9]|20)[0-9]0s", {"0s"}),                       # a digit beside a letter is rarer than a digit
    (r"(?:\d0s|[a-z]+ties)", {"0s", "ties"}),                  # however short
    (r"(?:the\s+)?x", None),                                 # optional words are not required
    (r"[0-9]0'?s", {"0s", "0's"}),                           # an optional character forks the word
    (r"(?:sept\.?|october)", {"sept", "october"}),            # a spelling holding another is left out
])
def test_triggers_are_the_required_words_of_the_pattern(pattern, expected):
    found = triggers(re.compile(pattern))
    assert (None if found is None else set(found)) == expected


@pytest.mark.parametrize("pattern, expected", [
    (r"(?i:early|late)\s+(?:january|may)\s+\d{4}", [{"early", "late"}, {"january", "may"}, {DIGIT}]),
    (r"(?:the\s+)?(?:last|next)\s+week", [{"last", "next"}, {"week"}]),   # an optional part is not required
    (r"(?:mid|the\s+)+(?:spring|fall)s?", [{"mid", "the"}, {"spring", "fall"}]),  # a required repeat is
    (r"x(?=\s+ago)", []),                                                 # nor what a lookahead reads
])
def test_required_triggers_are_a_word_of_every_required_part(pattern, expected):
    assert [set(r) for r in required_triggers(re.compile(pattern))] == expected


@pytest.mark.parametrize("text, may", [
    ("It rained LAST wk.", True),               # case does not hide a trigger
    ("It rained all wk.", False),
    ("It rained all wk, ſo.", True),             # a letter IGNORECASE folds oddly: no skipping
])
def test_may_match_is_false_only_without_any_trigger(text, may):
    assert TriggerText(text).may_match(triggers(re.compile(r"(?i:last|next)\s+wk"))) is may
    # the same when some triggers were looked for up front (the grammar's), or all of them
    for known in ({"last"}, {"last", "next", "wk"}):
        assert TriggerText(text, known=frozenset(known)).may_match(triggers(re.compile(r"(?i:last|next)\s+wk"))) is may


@pytest.mark.parametrize("text", [
    "The plant closed three years ago and reopened on March 4, 2021.",
    "Shares fell 4% in the third quarter, the company said on Tuesday.",
    "No dates here at all, just words about a council meeting.",
    "In the 1990s and the nineteen-eighties, every Friday morning was busy.",
])
def test_grammar_finds_the_same_with_and_without_the_trigger_tests(text):
    grammar = load_grammar()
    with_tests = grammar.find(text)
    grammar.use_triggers([None] * len(grammar.patterns), [()] * len(grammar.patterns))
    assert grammar.find(text) == with_tests


def test_patterns_a_set_of_trigger_words_lets_through_are_remembered_until_the_triggers_change():
    grammar = load_grammar()
    present = frozenset({"year", "last"})
    first = grammar.patterns_holding(present)
    assert grammar.by_id["rel_unit"] in [grammar.patterns[o] for o in first]
    assert grammar.by_id["month_day"] not in [grammar.patterns[o] for o in first]
    assert grammar.patterns_holding(present) == first
    # a text with no trigger word: only the patterns with no triggers, until none has any
    assert len(grammar.patterns_holding(frozenset())) < len(grammar.patterns)
    grammar.use_triggers([None] * len(grammar.patterns), [()] * len(grammar.patterns))
    assert grammar.patterns_holding(frozenset()) == list(range(len(grammar.patterns)))


@pytest.mark.parametrize("pattern, kept", [
    (r"a;b", '!?()'),                 # a literal barrier in the match is not one
    (r"x(?=\))", ';!?('),             # nor is one a lookahead reads past the match
    (r"(?<=\()x", ';!?()'),           # a lookbehind sees the text before a piece: it may read one
    (r"[^\w\s]", ''),                 # a negated class matches punctuation: no barrier
    (r"x.y", ''),                     # "." matches anything: no barrier
    (r"x$", ''),                      # an end anchor would hold at every piece's end
    (r"(?i:Sept\.|p\.m\.)\s+\d", ';!?()'),
])
def test_barriers_are_characters_no_match_can_hold(pattern, kept):
    assert barriers([re.compile(pattern)], ';!?()') == kept


def test_the_grammar_can_be_cut():
    """The grammar has barriers (else the piece-by-piece tests below prove nothing)."""
    assert set(';()"') <= set(load_grammar().barriers)


def test_pieces_are_the_stretches_between_barriers():
    assert pieces('He said (on Monday) "no"; then', ';()"') == [(0, 8), (9, 18), (19, 20), (21, 23), (25, 30)]
    assert pieces("no barrier here", "") == [(0, 15)]


WINDOW_TEXTS = [
    'The deal (signed March 5, 2012) ends "next week"; talks resume Tuesday.',
    "(Monday) [Jan. 3] {the 1990s} <3 p.m.> |last year| \u201cthree weeks ago\u201d \u00abthis spring\u00bb",
    "Sales rose (in the third quarter of last year) and fell; the 60s? no! 2011-2012 (two years).",
    "He left at 09:30 GMT (Tuesday) and returned \"later that day\"; a year earlier!",
    "A text with no barrier at all, from May 2012 to the fall of 2013, every Friday morning.",
]


@pytest.mark.parametrize("text", WINDOW_TEXTS)
def test_grammar_finds_the_same_piece_by_piece_as_in_the_whole_text(text):
    grammar = load_grammar()
    assert windowed_find(grammar, text) == whole_text_find(grammar, text)


@pytest.mark.parametrize("text", WINDOW_TEXTS)
def test_a_short_text_is_searched_whole_and_finds_what_its_windows_do(text):
    grammar = load_grammar()
    assert len(text) < grammar.whole_search_chars
    assert grammar.find(text) == windowed_find(grammar, text)


def test_grammar_finds_the_same_piece_by_piece_on_mixed_random_texts():
    import random
    rng = random.Random(13)
    words = ["the", "third", "quarter", "of", "last", "year", "(", ")", ";", '"', "Monday", "morning", "March",
             "5,", "2012", "ago", "three", "weeks", "1990s", "60s", "9:30", "GMT", "p.m.", "every", "day", "!",
             "?", "next", "week", "Sept.", "30", "fiscal", "1989", "-", "2011-12", "\n", "earlier", "that"]
    grammar = load_grammar()
    for _ in range(300):
        text = rng.choice(["", " ", "\n"]).join(rng.choice(words) + rng.choice([" ", "  ", "\n", " \n "])
                                                for _ in range(rng.randint(1, 40)))
        assert windowed_find(grammar, text) == whole_text_find(grammar, text), text
        assert grammar.find(text) == windowed_find(grammar, text), text


def windowed_find(grammar, text):
    """What the grammar finds when it searches every text, however short, in windows and pieces."""
    grammar.whole_search_chars = 0
    try:
        return grammar.find(text)
    finally:
        del grammar.whole_search_chars


def whole_text_find(grammar, text):
    """What the grammar finds when it searches the whole text with every pattern (no barriers, no reach)."""
    cut, reaches = grammar.barriers, grammar.reach
    grammar.barriers, grammar.reach = "", [UNBOUNDED] * len(reaches)
    try:
        return grammar.find(text)
    finally:
        grammar.barriers, grammar.reach = cut, reaches


@pytest.mark.parametrize("pattern, words", [
    (r"\d{4}", 0),                    # one word
    (r"last\s+week", 1),              # a stretch of whitespace, however long, is one
    (r"a\s*,?\s+b", 2),               # two stretches a comma may part
    (r"x(?!\s+of)", 2),                # a lookahead reads past the match: its stretch and a word more
    (r"(?<=\s\s)x", 0),                # a lookbehind sees the text before the stretch searched
    (r"(?:x\s+)+y", UNBOUNDED),        # words repeated without limit
    (r"[\s,]+", UNBOUNDED),            # a class of spaces and commas: any number of stretches
    (r"x.y", 1),                       # "." matches one character, whitespace or not
])
def test_reach_counts_the_whitespace_stretches_a_match_can_hold(pattern, words):
    found = reach(re.compile(pattern))
    assert found == words or (words == UNBOUNDED and found >= UNBOUNDED)


def test_windows_hold_each_trigger_and_its_reach():
    text = "one two three four five six seven eight nine ten"
    t = TriggerText(text)
    assert t.windows(frozenset({"five"}), 1) == [(text.index("four"), text.index("five") + 4 + len(" six"))]
    # neighbouring stretches are joined into one
    assert t.windows(frozenset({"two", "four"}), 0) == [(4, 7), (14, 18)]
    assert t.windows(frozenset({"two", "three"}), 0) == [(4, 13)]


@pytest.mark.parametrize("pattern, found, sides", [
    (r"(?:the\s+next\s+)?\d+\s+years", {"years"}, (3, 0)),    # a duration reaches before its unit only
    (r"(?:the\s+next\s+)?\d+\s+years", {DIGIT}, (2, 1)),      # its count: the words before, the unit after
    (r"late\s+week(?!\s+of)", {"late"}, (0, 3)),                # a lookahead reads past the match's end
    (r"late\s+week(?!\s+of)", {"week"}, (1, 2)),
    (r"(?:late|early)\s+week", {"nope"}, None),                  # not a part's trigger set: no sides known
])
def test_side_reach_counts_the_stretches_before_and_after_a_part_s_triggers(pattern, found, sides):
    assert side_reach(re.compile(pattern), frozenset(found)) == sides


def test_windows_widen_by_the_words_before_and_after_apart():
    text = "one two three four five six seven eight nine ten"
    t = TriggerText(text)
    assert t.windows(frozenset({"five"}), (2, 0)) == [(text.index("three"), text.index("five") + 4)]
    # "two" and "six" widened by two words before and one after: "two".."three" and "four".."seven" touch
    assert t.windows(frozenset({"two", "six"}), (2, 1)) == [(0, text.index("seven") + 5)]
    assert t.windows(frozenset({"two", "six"}), (1, 1)) == [(0, 13), (19, 33)]


def test_windows_join_what_their_reach_makes_touch_and_stop_at_the_text_ends():
    text = "one two three four five six seven eight nine ten"
    t = TriggerText(text)
    # "two" and "six" widened by one word: "one".."three" and "five".."seven", apart by "four"
    assert t.windows(frozenset({"two", "six"}), 1) == [(0, 13), (19, 33)]
    # by two words they meet at "four": one stretch; past the text's ends nothing more
    assert t.windows(frozenset({"two", "six"}), 2) == [(0, len("one two three four five six seven eight"))]
    assert t.windows(frozenset({"one", "ten"}), 20) == [(0, len(text))]


def test_a_text_is_searched_around_the_required_words_it_holds_fewest_of():
    t = TriggerText("In 2010, 2011, 2012, 2013 and 2014 sales rose; in March they fell by 3%")
    months, digits = frozenset({"march", "may"}), frozenset({DIGIT})
    assert t.rarest((digits, months)) == months
    assert t.rarest((digits,)) == digits and t.rarest(None) is None
    # a pattern whose first set the text holds few of is searched around those: no other is looked for
    assert TriggerText("in 2010 and 2011, May and March").rarest((digits, months)) == digits


@pytest.mark.parametrize("text", [
    "Today, a day after the holiday, days felt longer", "No such word here", "in the 1990s", "today only",
    "DAYS AND YEARS", "",
])
def test_the_known_triggers_present_are_those_the_text_holds(text):
    """TriggerText looks for a word only when the known word inside it is there ("day" in "today")."""
    known = frozenset({"day", "days", "today", "holiday", "year", "years", "year's", "the", "these", DIGIT})
    expected = {w for w in known if (w in text.lower() if w != DIGIT else any(c.isdigit() for c in text))}
    assert TriggerText(text, known=known).present == expected
