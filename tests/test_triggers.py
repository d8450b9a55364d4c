"""The trigger words of a regex are a necessary condition: a text without them has no match."""
import re

import pytest

from extractor.normalize.timex import load_grammar
from extractor.normalize.triggers import DIGIT, TriggerText, triggers


@pytest.mark.parametrize("pattern, expected", [
    (r"(?i:last|next)\s+week", {"week"}),                    # as long: the fewer words win
    (r"\d+\s+(?i:days|weeks)\s+ago", {"days", "weeks"}),     # the longest required words win
    (r"(?:\d{4}|nineteen\s+\w+)", {DIGIT, "nineteen"}),       # every branch must have one
    (r"(?:[a-z]+|spring)", None),                            # a branch without words: no test
    (r"(?:the\s+)?x", None),                                 # optional words are not required
])
def test_triggers_are_the_required_words_of_the_pattern(pattern, expected):
    found = triggers(re.compile(pattern))
    assert (None if found is None else set(found)) == expected


@pytest.mark.parametrize("text, may", [
    ("It rained LAST wk.", True),               # case does not hide a trigger
    ("It rained all wk.", False),
    ("It rained all wk, ſo.", True),             # a letter IGNORECASE folds oddly: no skipping
])
def test_may_match_is_false_only_without_any_trigger(text, may):
    assert TriggerText(text).may_match(triggers(re.compile(r"(?i:last|next)\s+wk"))) is may


@pytest.mark.parametrize("text", [
    "The plant closed three years ago and reopened on March 4, 2021.",
    "Shares fell 4% in the third quarter, the company said on Tuesday.",
    "No dates here at all, just words about a council meeting.",
    "In the 1990s and the nineteen-eighties, every Friday morning was busy.",
])
def test_grammar_finds_the_same_with_and_without_the_trigger_tests(text):
    grammar = load_grammar()
    with_tests = grammar.find(text)
    grammar.triggers = [None] * len(grammar.patterns)
    assert grammar.find(text) == with_tests
