"""People round 5: a lone common surname that reports ("Redman said") is a person unless the
article reads the word as an organisation's; the census surname lexicon it rests on."""
from __future__ import annotations

import json

import pytest

from extractor.resources import models_path


def people_texts(nlp, text: str) -> set[str]:
    return {text[r["start"]:r["end"]] for r in nlp(text)._.people}


def org_texts(nlp, text: str) -> set[str]:
    return {text[r["start"]:r["end"]] for r in nlp(text)._.organizations}


@pytest.mark.parametrize("text, person", [
    # a common surname as the subject of a reporting verb, no full name in the text
    ("Redman said two employees of the agency had been questioned.", "Redman"),
    ("Stone said the film would open in December.", "Stone"),
    ("Smith said there have been a number of successful civil cases.", "Smith"),
])
def test_lone_surname_that_reports_is_a_person(nlp, text, person):
    assert person in people_texts(nlp, text)
    assert person not in org_texts(nlp, text)


@pytest.mark.parametrize("text, not_person", [
    # the article names the firm in full: the lone word is its short form
    ("Ford Motor Co. cut its forecast on Monday. Ford said demand for trucks was weak.", "Ford"),
    # its sentence goes on with "its"
    ("Ford said its sales fell 5 percent in March.", "Ford"),
    # an organisation noun before it elsewhere in the article
    ("Analysts watched the automaker Ford closely. Ford said demand was weak.", "Ford"),
    # a firm named after a family but rare as a US surname stays out of the lexicon
    ("Toyota said sales rose in March.", "Toyota"),
    # an apposition says what the word is
    ("Lancaster, a farming town of 3,400, claims the senator as a native son.", "Lancaster"),
    # the tagger's longer name cut to one word by the title rules is no lone surname
    ("In a 5-1 decision, the Supreme Court said the couple cannot collect damages.", "Court"),
    # acronyms and agencies are no surnames
    ("NASA said the launch was delayed by a day.", "NASA"),
])
def test_reporting_word_with_organisation_evidence_is_no_person(nlp, text, not_person):
    assert not_person not in people_texts(nlp, text)


def test_census_surnames_are_read_by_rank():
    from extractor.normalize.surnames import census_surnames

    lines = ["SMITH          1.006  1.006      1", "O'NEIL  0.001 50.0  900", "TOYOTA  0.000 88.0  77018", "", "x"]
    assert census_surnames(lines) == ["smith"]
    assert census_surnames(lines, max_rank=100000) == ["smith", "toyota"]


def test_surname_lexicon_is_regenerated_from_the_census_file(tmp_path):
    """The shipped lexicon is what the generator writes from the installed `names` package (the
    surnames extra)."""
    pytest.importorskip("names")
    from extractor.normalize.surnames import write

    out = write(tmp_path / "surnames_us.json")
    shipped = json.loads(models_path("people", "surnames_us.json").read_text(encoding="utf8"))
    assert json.loads(out.read_text(encoding="utf8"))["names"] == shipped["names"]
    assert {"smith", "redman", "stone"} <= set(shipped["names"]) and "toyota" not in shipped["names"]


@pytest.mark.parametrize("spans", [
    [],
    [(5, 10)],
    [(0, 4), (6, 9), (20, 30)],
    [(0, 30), (5, 8), (12, 14)],  # one span holds the others: the furthest end decides
    [(10, 12), (3, 5), (3, 7)],  # unsorted, two with one start
])
def test_place_overlap_by_bisection_is_the_plain_test(spans):
    from extractor.components.people import CharSpans

    index = CharSpans(spans)
    for start in range(0, 32):
        for end in range(start + 1, 33):
            assert index.overlaps(start, end) == any(s < end and start < e for s, e in spans), (start, end)
