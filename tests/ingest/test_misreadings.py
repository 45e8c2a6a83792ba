"""What the small English model misreads in plain sentences, and the
readings that put it right: a list of three names parsed as a name with a
second name in apposition, a material word before the goods tagged as the
verb, a city and its state inside a description, a company typed as a
person.  Each kind has sentences that must stay as they were next to it
(sentences written for the project)."""

from __future__ import annotations

import pytest

from chipgraph.graph.model import EntityType
from chipgraph.ingest import Extractor, article_from_text

from test_recall_kinds import assert_reads, triples

THREE = ("Qingshan Optics", "Daxing Photonics", "Hubei Rongda Electronics")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Nexa Semiconductor sells its wafers to Qingshan Optics, Daxing Photonics and Hubei Rongda Electronics.",
         {("Nexa Semiconductor", "SUPPLIED", n) for n in THREE}),
        ("Orbel Instruments ships test probes to Qingshan Optics, Daxing Photonics or Hubei Rongda Electronics every month.",
         {("Orbel Instruments", "SUPPLIED", n) for n in THREE}),
        ("The Commerce Department added 23 Chinese firms to the Entity List on Friday. "
         "They include Qingshan Optics, Daxing Photonics and Hubei Rongda Electronics.",
         {(n, "DESIGNATED", "US Entity List") for n in THREE}),
    ],
)
def test_a_list_of_three_names_read_as_an_apposition(extractor: Extractor, text: str, expected: set) -> None:
    assert expected <= triples(extractor, text)


@pytest.mark.parametrize(
    "text, expected, absent",
    [
        # a second name of the same company stands alone: no list
        ("Nexa Semiconductor sells its wafers to Qingshan Optics, Daxing Photonics, the laser maker said.",
         {("Nexa Semiconductor", "SUPPLIED", "Qingshan Optics")}, {("Nexa Semiconductor", "SUPPLIED", "Hubei Rongda Electronics")}),
        # a description between the names is no member
        ("Nexa Semiconductor sells its wafers to Qingshan Optics, a unit of Tianyu Holdings, and Hubei Rongda Electronics.",
         {("Nexa Semiconductor", "SUPPLIED", "Qingshan Optics"), ("Nexa Semiconductor", "SUPPLIED", "Hubei Rongda Electronics"),
          ("Qingshan Optics", "PART_OF", "Tianyu Holdings")},
         {("Nexa Semiconductor", "SUPPLIED", "Tianyu Holdings"), ("Hubei Rongda Electronics", "PART_OF", "Tianyu Holdings")}),
        # three items after the description's own noun: its list, not the sale's
        ("Nexa Semiconductor sells its wafers to Qingshan Optics, a supplier to Tianyu Holdings, Lumen Devices, and Hubei Rongda Electronics.",
         {("Qingshan Optics", "SUPPLIED", "Hubei Rongda Electronics")}, {("Nexa Semiconductor", "SUPPLIED", "Hubei Rongda Electronics")}),
        # no comma before "and": both names are inside the description
        ("Nexa Semiconductor sells its wafers to Qingshan Optics, a joint venture of Tianyu Holdings and Hubei Rongda Electronics.",
         {("Qingshan Optics", "OWNED_BY", "Hubei Rongda Electronics")}, {("Nexa Semiconductor", "SUPPLIED", "Hubei Rongda Electronics")}),
    ],
)
def test_names_beside_a_list_keep_their_own_reading(extractor: Extractor, text: str, expected: set, absent: set) -> None:
    assert_reads(extractor, text, expected, absent)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Harlow Devices supplies gallium nitride wafers to Qorvo and Infineon Technologies.",
         {("Harlow Devices", "SUPPLIED", "Qorvo"), ("Harlow Devices", "SUPPLIED", "Infineon Technologies")}),
        ("Harlow Devices reported higher sales on Monday. The company supplies indium phosphide dies to Coherent.",
         {("Harlow Devices", "SUPPLIED", "Coherent")}),
        # the city and its state inside the description that stands for the company
        ("Harlow Devices reported higher sales on Monday. The Austin, Texas-based company supplies power modules to Qorvo.",
         {("Harlow Devices", "SUPPLIED", "Qorvo")}),
        ("Harlow Devices reported higher sales on Monday. The Eindhoven, Netherlands-based chipmaker ships sensors to Valeo.",
         {("Harlow Devices", "SUPPLIED", "Valeo")}),
    ],
)
def test_goods_and_descriptions_the_tagger_misreads(extractor: Extractor, text: str, expected: set) -> None:
    assert expected <= triples(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Harlow Devices supplies grew to a record in May.",  # the noun it is
        "The Austin, Texas-based company supplies power modules to Qorvo.",  # no company named before it
    ],
)
def test_misread_sales_with_no_seller_to_read_stay_unread(extractor: Extractor, text: str) -> None:
    got = triples(extractor, text)
    assert not {t for t in got if t[2] in ("Coherent",) or t[0] == "Harlow Devices" and "grew" in text}, got


def _type_of(extractor: Extractor, text: str, name: str) -> EntityType:
    x = extractor.extract(article_from_text(text))
    return next(e.type for e in x.entities if e.name == name)


def test_a_which_clause_makes_a_name_no_person(extractor: Extractor) -> None:
    text = "Stella Kemira, which supplies hydrogen fluoride to Samsung Electronics, raised prices."
    assert _type_of(extractor, text, "Stella Kemira") == EntityType.ORG
    assert ("Stella Kemira", "SUPPLIED", "Samsung Electronics") in triples(extractor, text)


def test_a_who_clause_keeps_a_person_a_person(extractor: Extractor) -> None:
    text = "Peter Brandt, who founded the company in 1998, sells phones to Apple."
    assert _type_of(extractor, text, "Peter Brandt") == EntityType.PERSON
    assert not triples(extractor, text)
