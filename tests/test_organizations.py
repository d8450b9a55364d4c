"""The organizations component: ORG entities trimmed, without places, people and handles."""
from __future__ import annotations

import pytest


def org_texts(nlp, text: str) -> list[str]:
    doc = nlp(text)
    for r in doc._.organizations:
        assert r["name"] == " ".join(text[r["start"]:r["end"]].split())
    return [text[r["start"]:r["end"]] for r in doc._.organizations]


@pytest.mark.parametrize("text, expected", [
    ("An expert of the UK Defence Ministry's office visited Baku.", "UK Defence Ministry"),
    ("Azerbaijan lodged a complaint to the European Court of Human Rights.", "European Court of Human Rights"),
    ("The embassy works with UNICEF Azerbaijan on mine awareness.", "UNICEF"),
    ("The Azerbaijan National Agency for Mine Action said 300 villages were cleared.",
     "Azerbaijan National Agency for Mine Action"),
])
def test_organizations(nlp, text, expected):
    assert expected in org_texts(nlp, text)


@pytest.mark.parametrize("text, not_expected", [
    ("The war between Armenia and Azerbaijan ended.", {"Armenia", "Azerbaijan"}),
    ("Follow us on Twitter @AzerNewsAz for news.", {"@AzerNewsAz"}),
    ("The embassy works with UNICEF Azerbaijan on mine awareness.", {"UNICEF Azerbaijan", "Azerbaijan"}),
])
def test_not_organizations(nlp, text, not_expected):
    assert not set(org_texts(nlp, text)) & not_expected


def test_no_leading_article_or_possessive(nlp):
    for t in org_texts(nlp, "The European Central Bank's decision surprised the International Monetary Fund."):
        assert not t.lower().startswith("the ") and not t.endswith(("'s", "’s"))


def test_seed_article(nlp, seed_text):
    names = {r["name"] for r in nlp(seed_text)._.organizations}
    assert {"Azerbaijan National Agency for Mine Action", "UNICEF", "European Court of Human Rights",
            "Mine Action Agency"} <= names


@pytest.mark.parametrize("code, expected", [("USD", True), ("AZN", True), ("UN", False), ("NATO", False),
                                            ("Usd", False)])
def test_currency_codes(code, expected):
    from extractor.components.organizations import is_currency_code

    assert is_currency_code(code) is expected


@pytest.mark.parametrize("text, not_expected", [
    ("Apple unveiled the iPod Nano and the new MacBook Air on Tuesday.", {"iPod", "iPod Nano", "MacBook Air"}),
    ("The FTSE 100 fell 2% while the Dow Jones rose.", {"FTSE", "Dow Jones", "FTSE 100"}),
    ("The Hang Seng index slipped in Hong Kong.", {"Hang Seng"}),
    ("Jobs spoke at the Worldwide Developers Conference in San Francisco.", {"Worldwide Developers Conference"}),
])
def test_products_indexes_and_events_are_not_organizations(nlp, text, not_expected):
    assert not set(org_texts(nlp, text)) & not_expected


@pytest.mark.parametrize("text, expected", [
    ("Dow Chemical reported higher profits on Monday.", "Dow Chemical"),
    ("Shares of eBay rose after the results.", "eBay"),
])
def test_companies_named_like_products_stay(nlp, text, expected):
    assert expected in org_texts(nlp, text)
