"""Kinds of news phrasing the English rules read, each with the cases that
must stay silent next to it (sentences written for the project).

The one-sentence examples live with their rules (ingest/grammar/*.toml,
run by test_grammar.py); these need a sentence of context, or assert that
one fact is absent while others in the same text are found."""

from __future__ import annotations

import pytest

from chipgraph.graph.model import RelationType
from chipgraph.ingest import Extractor, article_from_text


def triples(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    x = extractor.extract(article_from_text(text))
    names = {e.id: e.name for e in x.entities}
    return {(names[r.head], r.type.value, names[r.tail]) for r in x.relations if r.type != RelationType.OTHER}

SALE = "Norvik Semiconductor ships wafers to Calder Devices."


@pytest.mark.parametrize(
    "text, expected",
    [
        (SALE + " Orin Labs and Brightwave Mobile are also customers.",
         {("Norvik Semiconductor", "SUPPLIED", "Orin Labs"), ("Norvik Semiconductor", "SUPPLIED", "Brightwave Mobile")}),
        (SALE + " Other customers include Orin Labs.", {("Norvik Semiconductor", "SUPPLIED", "Orin Labs")}),
        (SALE + " Orin Labs is another large customer.", {("Norvik Semiconductor", "SUPPLIED", "Orin Labs")}),
        (SALE + " Orin Labs is a customer too, the filing showed.", {("Norvik Semiconductor", "SUPPLIED", "Orin Labs")}),
    ],
)
def test_customers_added_to_a_sale_just_stated(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert expected <= triples(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        # two sellers before: whose customer is not said
        "Norvik Semiconductor ships wafers to Calder Devices, and Harbor Optics sells lenses to Lindqvist Tools. "
        "Orin Labs is also a customer.",
        SALE + " Orin Labs could also become a customer.",
        SALE + " Other customers could include Orin Labs.",
        SALE + " Orin Labs is also a potential customer.",
        SALE + " Orin Labs is not a customer.",
        # no "also" / "other": a customer of someone not said
        SALE + " Orin Labs is a customer.",
    ],
)
def test_customers_with_no_seller_of_their_own_stay_unread(extractor: Extractor, text: str) -> None:
    got = triples(extractor, text)
    assert not any(t == "Orin Labs" and r == "SUPPLIED" for _, r, t in got), got


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        # the unit named between its owner and the unit noun is the buyer
        ("Vantor Lithography sold two scanners to Tessaro Holdings' Orin Labs unit.",
         ("Vantor Lithography", "SUPPLIED", "Orin Labs"), ("Vantor Lithography", "SUPPLIED", "Tessaro Holdings")),
        # a second object after the first sellers keeps its own seller
        ("Calder Devices buys display panels from Norvik Semiconductor and touch controllers from Harbor Optics, "
         "a supplier list showed.", ("Harbor Optics", "SUPPLIED", "Calder Devices"), None),
        ("Calder Devices obtains wafers from Norvik Semiconductor and Lindqvist Tools, and photoresists from Harbor Optics.",
         ("Harbor Optics", "SUPPLIED", "Calder Devices"), None),
    ],
)
def test_buyers_and_sellers_in_longer_noun_phrases(extractor: Extractor, text: str, expected: tuple[str, str, str],
                                                  absent: tuple[str, str, str] | None) -> None:
    got = triples(extractor, text)
    assert expected in got, got
    assert absent not in got, got


def test_the_owner_named_before_an_unnamed_unit_is_not_read_as_its_name(extractor: Extractor) -> None:
    """"sold chips to the Tessaro unit": Tessaro is the owner, the unit has no
    name, so no unit is made up (and "Tessaro" is not read as the unit)."""
    got = triples(extractor, "Vantor Lithography sold two scanners to the Tessaro Holdings unit.")
    assert not any(r == "SUPPLIED" and t != "Tessaro Holdings" for _, r, t in got), got


@pytest.mark.parametrize(
    "text, expected",
    [
        # the small parser reads the present-tense verb as a noun; the surface still says who bought
        ("Chinese chipmakers such as Calder Devices and Orin Labs buy etching tools from Vantor Lithography.",
         {("Vantor Lithography", "SUPPLIED", "Calder Devices"), ("Vantor Lithography", "SUPPLIED", "Orin Labs")}),
        ("Huawei outsources chip production to SMIC.",
         {("Semiconductor Manufacturing International Corporation", "SUPPLIED", "Huawei Technologies")}),
    ],
)
def test_buying_verbs_read_as_nouns_name_the_buyer_first(extractor: Extractor, text: str,
                                                         expected: set[tuple[str, str, str]]) -> None:
    assert expected <= triples(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Calder Devices and Orin Labs could buy etching tools from Vantor Lithography.",
        "Calder Devices orders from Vantor Lithography rose last year.",
    ],
)
def test_buying_read_as_nouns_stays_silent_on_hedges_and_orders(extractor: Extractor, text: str) -> None:
    got = triples(extractor, text)
    assert not any(h == "Vantor Lithography" and r == "SUPPLIED" for h, r, _ in got), got
    assert not any(t == "Vantor Lithography" and r == "SUPPLIED" for _, r, t in got), got


def test_a_name_after_a_description_set_off_by_commas_is_one_more_item(extractor: Extractor) -> None:
    """"added A, the country's biggest lidar maker, and B to the list": the
    parser hangs B on the description; B is listed too, but a name inside the
    description ("A, a unit of C, and B") is not an item of the list."""
    got = triples(extractor, "The Commerce Department added Orin Labs, the country's biggest lidar maker, "
                             "and battery giant Calder Devices to the Entity List.")
    assert {("Orin Labs", "DESIGNATED", "US Entity List"), ("Calder Devices", "DESIGNATED", "US Entity List")} <= got
    got = triples(extractor, "The Commerce Department added Orin Labs, a unit of Tessaro Holdings, "
                             "and Calder Devices to the Entity List.")
    assert ("Tessaro Holdings", "DESIGNATED", "US Entity List") not in got, got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Brightwave Mobile uses Norvik-made modem chips in its phones.", ("Norvik", "SUPPLIED", "Brightwave Mobile")),
        ("Huawei bought TSMC-made chips through intermediaries.",
         ("Taiwan Semiconductor Manufacturing Company", "SUPPLIED", "Huawei Technologies")),
    ],
)
def test_a_company_hyphenated_to_made_is_the_maker(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(extractor, text)


def test_a_place_hyphenated_to_made_is_no_maker(extractor: Extractor) -> None:
    """"US-made chips" name where goods come from, not a company that sells them."""
    got = triples(extractor, "Brightwave Mobile uses US-made chips in its phones.")
    assert not any(r == "SUPPLIED" for _, r, _ in got), got
