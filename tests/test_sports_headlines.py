"""Sports results and wire headlines (issue 15, causes 3 and 4): the teams of results lines and league
tables are clubs, a name ending in a club's word is a club, national sides stay places, and the
subject before a wire headline's dash is no name. Sentences written for the patterns."""
from __future__ import annotations

import pytest

from extractor.components.organizations import has_result, results_table_names


def orgs(nlp, text: str) -> set[str]:
    return {text[r["start"]:r["end"]] for r in nlp(text)._.organizations}


def places(nlp, text: str) -> set[str]:
    return {text[r["start"]:r["end"]] for r in nlp(text)._.places}


@pytest.mark.parametrize("text, names", [
    # two results lines, the half-time score in parentheses on one
    ("Arsenal 2 Chelsea 1\nBayern Munich 3 (1) Werder Bremen 0\n",
     ["Arsenal", "Chelsea", "Bayern Munich", "Werder Bremen"]),
    # a league table: a team and three numbers or more
    ("Newcastle 3 3 0 0 9 2 9\nArsenal 3 2 1 0 6 3 7\n", ["Newcastle", "Arsenal"]),
    # the scorers in parentheses after the goals
    ("Tottenham 1 ( Sheringham 14 ) Derby 1 ( Sturridge 50 )\nLeeds 0 Everton 2\n",
     ["Tottenham", "Derby", "Leeds", "Everton"]),
    # a table in capitals, games behind as a fraction
    ("NEW YORK 74 57 .565 -\nBOSTON 67 65 .508 7 1/2\n", ["NEW YORK", "BOSTON"]),
    # one line of that shape is no list of results
    ("Windows 95 Office 97\n", []),
    # a line of words, not only numbers, after the name
    ("Leeds 2 goals in 3 games\nYork 1 goal in 2 games\n", []),
])
def test_results_table_names(text, names):
    assert [text[s:e] for s, e, _ in results_table_names(text)] == names


@pytest.mark.parametrize("text, expected", [
    ("Liverpool beat Leeds 2-1.", True),
    ("Middlesex beat Kent by 20 runs.", True),
    ("Yorkshire won by five wickets.", True),
    ("The match ended in a goalless draw.", True),
    ("The bill passed by 20 votes in 2006-07.", False),
])
def test_results_in_words(text, expected):
    assert has_result(text) is expected


@pytest.mark.parametrize("text, clubs", [
    ("Premier league results:\nEverton 0 Newcastle 3\nManchester United 4 Southampton 0\n",
     {"Everton", "Newcastle", "Manchester United", "Southampton"}),
    ("Standings:\nBoston 45 20 .692\nToronto 40 25 .615\n", {"Boston", "Toronto"}),
    # a name that ends in a club's word, whatever the model read it as
    ("Leeds United held their rivals at Elland Road on Saturday.", {"Leeds United"}),
    ("Bolton Wanderers signed a new goalkeeper on Friday.", {"Bolton Wanderers"}),
    # a cricket margin is a result
    ("Leicester beat Yorkshire by an innings on Monday.", {"Leicester"}),
    # a player is no club, though a result verb governs him

    ("Durham beat Leicester by 20 runs.", {"Durham", "Leicester"}),
])
def test_teams_of_results_are_clubs(nlp, text, clubs):
    assert clubs <= orgs(nlp, text)


@pytest.mark.parametrize("text, kept_places, not_orgs", [
    # national sides in results lines stay places
    ("Results:\nGermany 2 Italy 1\nFrance 0 Spain 0\n", {"Germany", "Italy"}, {"Germany", "Italy"}),
    # a home nation is a national side: a place, as a country is
    ("England beat Pakistan by five wickets at Lord's on Sunday.", {"Pakistan"}, {"England"}),
    # a town named like a club's word stays a town
    ("She flew from Cape Town to Johannesburg on Monday.", {"Cape Town"}, {"Cape Town"}),
    # players are no clubs, though a result verb governs them
    ("Pete Sampras beat Andre Agassi 6-3 6-4 in the final.", set(), {"Pete Sampras", "Andre Agassi", "Agassi"}),
    # a table of decimals with no known names is a table of figures
    ("Forecasts:\nInflation 2.1 2.3 2.5\nUnemployment 5.4 5.5 5.6\n", set(), {"Inflation", "Unemployment"}),
])
def test_places_and_figures_stay_out_of_clubs(nlp, text, kept_places, not_orgs):
    assert kept_places <= places(nlp, text)
    assert not (not_orgs & orgs(nlp, text))


@pytest.mark.parametrize("text, topic", [
    ("CRICKET - ENGLAND BEAT PAKISTAN BY FIVE WICKETS.\nEngland beat Pakistan by five wickets on Sunday.",
     "CRICKET"),
    ("GOLF - WOODS LEADS AT AUGUSTA.\nTiger Woods led by two shots at Augusta on Friday.", "GOLF"),
])
def test_headline_subject_is_no_name(nlp, text, topic):
    doc = nlp(text)
    end = len(topic)
    assert not any(r["start"] < end for r in doc._.places + doc._.organizations + doc._.people)


def test_caps_standings_are_clubs_and_datelines_places(nlp):
    text = ("BASEBALL - STANDINGS.\n\nNEW YORK 1996-08-30\n\nStandings after Thursday's games:\n\n"
            "NEW YORK 74 57 .565 -\nBALTIMORE 70 61 .534 4\nBOSTON 67 65 .508 7 1/2\n")
    doc = nlp(text)
    found = {(r["start"], text[r["start"]:r["end"]]) for r in doc._.organizations}
    table = text.index("NEW YORK 74")
    assert {(table, "NEW YORK"), (text.index("BALTIMORE"), "BALTIMORE"), (text.index("BOSTON"), "BOSTON")} <= found
    dateline = text.index("NEW YORK 1996")
    assert any(r["start"] == dateline for r in doc._.places)


def test_dateline_before_a_dash_stays_a_place(nlp):
    text = "WASHINGTON - The Senate voted on Tuesday to extend the program."
    assert "WASHINGTON" in places(nlp, text)
