"""Table tests of issue 13, round 3: keep_unnormalized keeps a model span the grammar cannot read by
the SHAPE of the span (timex_compose.KEPT_SHAPES; option kept_shapes). Each case is (name, text,
publication date, mention, type, value); the sentences are written for the pattern their name says."""
from __future__ import annotations

import pytest

from extractor.components.dates import DEFAULT_KEPT_SHAPES
from extractor.normalize.timex_compose import KEPT_SHAPES
from tests.dates_tables import assert_date, assert_no_date, dates_by_mention, dates_component

PUB = "2013-03-20"  # a Wednesday


KEPT = [
    ("bare_plural_unit_after_for_is_a_length", "The talks dragged on for months before the deal.", PUB,
     "months", "DURATION", "PXM"),
    ("bare_plural_unit_with_an_of_complement_is_a_length", "The merger follows months of twists and turns.", PUB,
     "months", "DURATION", "PXM"),
    ("plural_unit_with_a_determiner_is_a_length", "Over the years many more patients were treated.", PUB,
     "the years", "DURATION", "PXY"),
    ("determiner_before_a_possessive_unit_is_part_of_the_expression",
     "Traders blamed the week's heavy selling on fears about rates.", PUB, "the week", "DATE", "2013-WXX"),
    ("determiner_before_a_possessive_month_is_part_of_the_expression", "Analysts called it the month's worst session.",
     PUB, "the month", "DATE", "2013-XX"),
    ("coordinated_plural_units_are_one_length_told_by_the_first", "He probably died within weeks or months of his capture.",
     PUB, "weeks or months", "DURATION", "PXW"),
]


@pytest.mark.parametrize("name,text,published,mention,type_,value", KEPT, ids=[c[0] for c in KEPT])
def test_kept_shape_has_its_value(nlp, name, text, published, mention, type_, value):
    assert_date(nlp, text, published, mention, type_, value)


NOT_KEPT = [
    ("bare_plural_day_after_on_is_a_kind_of_day", "On days when prices are tumbling, the traders stay home.", "days"),
    ("second_unit_after_a_longer_date_is_not_a_date_of_its_own",
     "Many funds in recent weeks and months have been selling their bonds.", "months"),
]


@pytest.mark.parametrize("name,text,mention", NOT_KEPT, ids=[c[0] for c in NOT_KEPT])
def test_shape_that_timeml_leaves_out_is_not_kept(nlp, name, text, mention):
    assert_no_date(nlp, text, PUB, mention)


def test_every_default_shape_is_a_known_shape():
    assert set(DEFAULT_KEPT_SHAPES) <= set(KEPT_SHAPES)
    assert "generic_plural_unit" not in DEFAULT_KEPT_SHAPES


def test_kept_shapes_option_drops_the_shapes_left_out(nlp):
    """kept_shapes without day_spoken_of: "the day" is no longer kept; the default keeps it."""
    text = "Shares fell on March 12, the day before the vote."
    assert "the day" in dates_by_mention(nlp, text, PUB)
    shapes = [s for s in DEFAULT_KEPT_SHAPES if s != "day_spoken_of"]
    assert_no_date(nlp, text, PUB, "the day", dates_component(kept_shapes=shapes))


# ("By mid afternoon", an edge and a part of day after a preposition, is the grammar's since round 7: on
# the day last named, as "in the afternoon" is; see tests/test_dates_round7.py)
PARTS_NAMING_NO_DAY = [
    ("part_of_day_with_a_clause_naming_another_day", "Investigators released tapes from the night the plane went down.",
     "the night"),
]


@pytest.mark.parametrize("name,text,mention", PARTS_NAMING_NO_DAY, ids=[c[0] for c in PARTS_NAMING_NO_DAY])
def test_part_of_day_naming_no_day_is_kept_only_when_asked(nlp, name, text, mention):
    """A part of day the grammar cannot place is left out by default; kept_shapes with part_of_day
    keeps it on the publication day."""
    assert_no_date(nlp, text, PUB, mention)
    comp = dates_component(kept_shapes=[*DEFAULT_KEPT_SHAPES, "part_of_day"])
    assert dates_by_mention(nlp, text, PUB, comp).get(mention) == ("TIME", "2013-03-20T" + (
        "AF" if "afternoon" in mention else "NI"))
