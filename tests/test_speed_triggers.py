"""The dates grammar's trigger test scans in full a text holding a letter that IGNORECASE folds to an
ASCII letter: the written-out list of those letters is every such letter of this Python."""
from __future__ import annotations

import re

from extractor.normalize.triggers import ODD_CASE_LETTERS, TriggerText


def test_odd_case_letters_are_every_non_ascii_letter_ignorecase_matches_to_ascii():
    found = "".join(chr(c) for c in range(0x80, 0x110000) if re.fullmatch("(?i)[a-z]", chr(c)))
    assert found == ODD_CASE_LETTERS


def test_a_text_with_an_odd_case_letter_is_scanned_in_full():
    assert TriggerText("Ten days ago").exact
    assert TriggerText("The \u017fame day").exact is False
