"""End to end on the seed article, through the CLI and the files it writes: the acceptance rows of
the end-to-end issue, what must be there and what must not."""
from __future__ import annotations

import pandas as pd
import pytest
from typer.testing import CliRunner

from extractor.cli import app

from .conftest import SEED


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    d = tmp_path_factory.mktemp("seed")
    res = CliRunner().invoke(app, ["run", str(SEED), "-o", str(d / "out"), "--quiet"])
    assert res.exit_code == 0, res.output
    return {t: pd.read_csv(d / "out" / f"{t}.csv", keep_default_na=False)
            for t in ("articles", "dates", "places", "people", "officials", "figures", "organizations")}


def test_article_row(out):
    a = out["articles"].iloc[0]
    assert (a["status"], a["published"], a["published_from"], a["author"]) == \
        ("ok", "2021-06-11", "dateline", "Vafa Ismayilova")


def test_people(out):
    people = out["people"]
    names = set(people["name"])
    assert {"Jeyhun Bayramov", "James Sharp", "Vafa Ismayilova"} <= names
    assert "Jeyhun Bayramov" in set(people.loc[people["text"] == "Bayramov", "name"])
    bad = {"Azerbaijan", "Azerbaijani", "Twitter", "Yerevan", "Aghdam", "Lachin", "Kalbajar"}
    assert not bad & (set(people["text"]) | names)


@pytest.mark.parametrize("name, title, affiliation, code", [
    ("Jeyhun Bayramov", "Foreign Minister", {"Azerbaijan"}, "AZ"),
    ("James Sharp", "Ambassador", {"UK", "United Kingdom"}, "GB"),
])
def test_officials(out, name, title, affiliation, code):
    rows = out["officials"][out["officials"]["name"] == name]
    assert len(rows), f"no official row for {name}"
    r = rows.iloc[0]
    assert r["title"] == title and r["affiliation"] in affiliation and r["affiliation_code"] == code
    assert name in r["text"] and title.lower() in r["text"].lower()


@pytest.mark.parametrize("place, code", [
    ("Azerbaijan", "AZ"), ("UK", "GB"), ("Armenia", "AM"), ("Russia", "RU"), ("Yerevan", "AM"),
    ("Kalbajar", "AZ"), ("Aghdam", "AZ"), ("Lachin", "AZ"), ("Shusha", "AZ"),
])
def test_places(out, place, code):
    rows = out["places"][out["places"]["text"] == place]
    assert len(rows), f"{place} is not a place row"
    assert set(rows["country_code"]) == {code}
    assert (rows["latitude"] != "").all() and (rows["longitude"] != "").all()


def test_not_places(out):
    assert not {"Bayramov", "Twitter", "Azerbaijani", "Armenian"} & set(out["places"]["text"])


@pytest.mark.parametrize("text, value", [
    ("June 10", "2021-06-10"), ("June 8", "2021-06-08"), ("Last Friday", "2021-06-04"),
    ("June 4", "2021-06-04"), ("June 7", "2021-06-07"), ("November 10", "2020-11-10"),
    ("November 10, 2020", "2020-11-10"), ("May 31, 2021", "2021-05-31"), ("2020", "2020"),
    ("three decades", "P30Y"), ("the early 1990s", "199X"),
])
def test_dates(out, text, value):
    rows = out["dates"][out["dates"]["text"] == text]
    assert len(rows), f"no date row {text!r}"
    assert set(rows["value"].astype(str)) == {value}


def test_date_types_and_granularity(out):
    d = out["dates"].set_index("text")
    assert d.loc["three decades", "type"] == "DURATION"
    assert d.loc["2020", "granularity"] == "year"
    # "since November 10" and "ended on November 10"; the third is inside "November 10, 2020".
    assert (out["dates"]["text"] == "November 10").sum() == 2


def figure(out, value):
    rows = out["figures"][out["figures"]["value"].astype(float) == value]
    assert len(rows), f"no figure with value {value}"
    return rows.iloc[0]


@pytest.mark.parametrize("value, unit", [
    (7449, "antipersonnel mines"), (3643, "anti-tank mines"), (9033, "unexploded munitions"),
    (2763.5, "hectares"), (300, "villages"), (2, "journalists"),
])
def test_figures(out, value, unit):
    rows = out["figures"][out["figures"]["value"].astype(float) == value]
    assert any(unit in u for u in rows["unit"]), f"no figure {value} {unit}: {rows.to_dict('records')}"


def test_figure_qualifiers_and_predicates(out):
    f140 = figure(out, 140)
    assert f140["qualifier"] == "over" and "citizens" in f140["unit"]
    assert set(f140["predicate"].split("|")) >= {"kill", "injure"}
    assert figure(out, 300)["qualifier"] == "approx"
    assert figure(out, 7449)["predicate"] == "defuse"
    big = out["figures"][out["figures"]["text"].str.contains("hundreds of thousands")]
    assert len(big) and float(big.iloc[0]["value"]) >= 100000 and big.iloc[0]["qualifier"] in ("approx", "over")


def test_no_date_parts_or_handles_as_figures(out):
    values = set(out["figures"]["value"].astype(float))
    assert not values & {2021, 2020, 1949, 10, 4, 7, 8, 31}
    assert not out["figures"]["text"].str.contains("AzerNews").any()


@pytest.mark.parametrize("name", [
    "Azerbaijan National Agency for Mine Action", "UNICEF", "European Court of Human Rights", "Mine Action Agency"])
def test_organizations(out, name):
    assert name in set(out["organizations"]["text"]) | set(out["organizations"]["name"])
