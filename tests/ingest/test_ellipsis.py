"""Echo clauses (ingest/ellipsis.py): "X was blacklisted, as was Y" gives Y
what the clause says of X, whichever side of the fact X is on; an "as"
clause with content of its own ("as was expected", "as was reported by Y")
gives nobody anything.  Sentences written for these tests."""

from __future__ import annotations

import pytest

from chipgraph.ingest import Extractor, article_from_text


def facts(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    x = extractor.extract(article_from_text(text))
    names = {e.id: e.name for e in x.entities}
    return {(names[r.head], r.type.value, names[r.tail]) for r in x.relations}


@pytest.mark.parametrize(("text", "expected"), [
    ("Harlow Optics was blacklisted in May, as was Denby Circuits.",
     {("Harlow Optics", "DESIGNATED", "US Entity List"), ("Denby Circuits", "DESIGNATED", "US Entity List")}),
    ("Harlow Optics sells lenses to Marden Mobile, as does Denby Circuits.",
     {("Harlow Optics", "SUPPLIED", "Marden Mobile"), ("Denby Circuits", "SUPPLIED", "Marden Mobile")}),
    ("Marden Mobile owns Harlow Optics, as does Denby Circuits.",
     {("Harlow Optics", "OWNED_BY", "Marden Mobile"), ("Harlow Optics", "OWNED_BY", "Denby Circuits")}),
    ("Harlow Optics is controlled by Marden Mobile, and so is Denby Circuits.",
     {("Harlow Optics", "OWNED_BY", "Marden Mobile"), ("Denby Circuits", "OWNED_BY", "Marden Mobile")}),
])
def test_echo_shares_the_clause_fact(extractor: Extractor, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert facts(extractor, text) == expected


@pytest.mark.parametrize("text", [
    "Harlow Optics was added to the Entity List, as was expected.",
    "Harlow Optics was blacklisted, as was reported by Denby Circuits.",
])
def test_clause_with_content_of_its_own_is_no_echo(extractor: Extractor, text: str) -> None:
    assert facts(extractor, text) == {("Harlow Optics", "DESIGNATED", "US Entity List")}


def test_an_echo_shares_the_verb_not_a_description_of_the_subject(extractor) -> None:
    from chipgraph.ingest import article_from_text
    x = extractor.extract(article_from_text(
        "Kestrel Labs, a subsidiary of state-owned Orin Group, was also added to the Entity List, as was Halvern Photonics."))
    names = {e.id: e.name for e in x.entities}
    got = {(names[r.head], r.type.value, names[r.tail]) for r in x.relations}
    assert ("Halvern Photonics", "DESIGNATED", "US Entity List") in got, got
    assert ("Halvern Photonics", "OWNED_BY", "Orin Group") not in got, got
