"""A state or province named inside an organisation's name is state context for the article's towns
(NewsPlaces._add_organisation_states), though the name inside the organisation is no place row."""
from __future__ import annotations

import pytest


def place_rows(nlp, text: str) -> dict[str, dict]:
    doc = nlp(text)
    return {text[r["start"]:r["end"]]: r for r in doc._.places}


def in_box(row: dict, lat: tuple[float, float], lon: tuple[float, float]) -> bool:
    return lat[0] <= row["latitude"] <= lat[1] and lon[0] <= row["longitude"] <= lon[1]


ILLINOIS = ((36.9, 42.6), (-91.6, -87.0))


@pytest.mark.parametrize("text, town", [
    ("Springfield officers chased the van for ten miles. The Illinois State Police took over the case.",
     "Springfield"),
    ("Detectives in Springfield asked for help. A spokesman for the Illinois Department of Transportation "
     "said the road would reopen.", "Springfield"),
])
def test_a_state_police_or_department_puts_the_town_in_its_state(nlp, text, town):
    rows = place_rows(nlp, text)
    assert town in rows
    assert in_box(rows[town], *ILLINOIS), rows[town]
    assert rows[town]["resolved_by"] == "state-context"
    assert "Illinois" not in rows  # inside the organisation's name: evidence, not a row


def test_without_the_organisation_the_town_is_its_likeliest_namesake(nlp):
    rows = place_rows(nlp, "Springfield officers chased the van for ten miles.")
    assert not in_box(rows["Springfield"], *ILLINOIS)


def test_a_university_of_a_state_is_state_context(nlp):
    rows = place_rows(nlp, "Springfield residents packed the hall. An economist from the "
                           "University of Illinois spoke first.")
    assert in_box(rows["Springfield"], *ILLINOIS), rows["Springfield"]


def test_a_city_name_inside_an_organisation_is_no_state_context(nlp):
    # "New York" inside "the New York Times" is likeliest the city, so it names no state.
    rows = place_rows(nlp, "Springfield officials met reporters from the New York Times.")
    assert rows["Springfield"]["resolved_by"] != "state-context"
