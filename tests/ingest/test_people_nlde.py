"""People in Dutch and German text, found by the role noun before them
(ingest/people_nlde.py); sentences written for the project."""

from __future__ import annotations

import pytest

from chipgraph.graph.model import EntityType
from chipgraph.ingest import Extractor
from chipgraph.ingest.people_nlde import described_people


def people(extractor: Extractor, text: str) -> list[str]:
    doc = extractor.nlp(text)
    return [doc[s:e].text for s, e, t, _ in described_people(doc, []) if t == EntityType.PERSON]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Het belang is in handen van medeoprichter Ine van der Berg.", ["Ine van der Berg"]),
        ("Die Firma gehört dem russischen Geschäftsmann Pawel Orlov.", ["Pawel Orlov"]),
        ("Die restlichen Anteile halten die Gründer Katrin Vogt und Peter Lenz.", ["Katrin Vogt", "Peter Lenz"]),
        ("De zakenman Viktor K. werd gearresteerd.", ["Viktor K."]),
    ],
)
def test_a_role_noun_names_the_people_after_it(extractor: Extractor, text: str, expected: list[str]) -> None:
    assert people(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Die Gründer verkauften ihre Anteile im Jahr 2020.",  # no name after the noun
        "De oprichter Brabant wilde niet reageren.",  # one word is no person's name
        "Der Geschäftsführer sagte, die Firma wachse.",
    ],
)
def test_no_name_no_person(extractor: Extractor, text: str) -> None:
    assert people(extractor, text) == []
