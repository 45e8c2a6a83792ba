"""Families named as owners (ingest/families.py), in the three languages,
next to the family words that name no owner (sentences written for the
project)."""

from __future__ import annotations

import pytest

from chipgraph.graph.model import EntityType
from chipgraph.ingest import Extractor, article_from_text

from test_recall_kinds import triples

NL = "Dit is een bericht over de chipsector. "
DE = "Dies ist ein Bericht über die Chipbranche. "


@pytest.mark.parametrize(
    "text, owner",
    [
        ("Orvane Systems is owned by the Leibinger family.", "Leibinger family"),
        ("Orvane Systems is controlled by the Albrecht family, which holds 60% of the shares.", "Albrecht family"),
        ("The Van Eerd family owns Orvane Systems.", "Van Eerd family"),
        (NL + "Orvane Systems is in handen van de familie Van der Valk.", "familie Van der Valk"),
        (DE + "Orvane Systems gehört der Familie Leibinger.", "Familie Leibinger"),
        # the company named by a description in the next sentence
        (DE + "Orvane Systems aus Ulm liefert Laser an Bosch. Das Familienunternehmen gehört der Familie Albrecht.",
         "Familie Albrecht"),
    ],
)
def test_a_family_is_an_owner(extractor: Extractor, text: str, owner: str) -> None:
    assert ("Orvane Systems", "OWNED_BY", owner) in triples(extractor, text)
    x = extractor.extract(article_from_text(text))
    assert next(e.type for e in x.entities if e.name == owner) == EntityType.PERSON


@pytest.mark.parametrize(
    "text",
    [
        "The Samsung family of companies sells chips to Apple.",  # a company's name before the word
        "Orvane Systems makes a family of power chips for Bosch.",  # no name before it
        "Orvane Systems is a family-owned company.",  # no family named
        DE + "Orvane Systems ist ein Familienunternehmen aus Ulm.",
    ],
)
def test_family_words_that_name_no_family(extractor: Extractor, text: str) -> None:
    x = extractor.extract(article_from_text(text))
    assert not [e for e in x.entities if "famil" in e.name.lower() and e.type != EntityType.PRODUCT]
