"""Known names (the parties of imported lists) handed to the extractor: found
whatever the NER makes of them, never over a reference name, never as a
function word."""

from __future__ import annotations

from chipgraph.graph.model import Entity, EntityType
from chipgraph.ingest import Extractor, KnownNames, article_from_text
from chipgraph.ingest.known import mark_known_names

VELDRIN = Entity.create("Veldrin Optical Works", EntityType.ORG, aliases=["Veldrin Optics", "Also", "Huawei"])
KNOWN = KnownNames("test-known-1", (VELDRIN,))


def _ids(extractor: Extractor, text: str, known: KnownNames | None) -> set[str]:
    return {e.id for e in extractor.extract(article_from_text(text, source="t.txt"), known).entities}


def test_an_alias_finds_the_listed_entity_under_its_own_name(extractor: Extractor) -> None:
    text = "Last year veldrin optics shipped lenses to Hua Hong Semiconductor."
    assert VELDRIN.id not in _ids(extractor, text, None)
    extraction = extractor.extract(article_from_text(text, source="t.txt"), KNOWN)
    assert VELDRIN.id in {e.id for e in extraction.entities}
    assert (VELDRIN.id, "SUPPLIED", "org:hua-hong-semiconductor") in {r.key for r in extraction.relations}


def test_function_words_and_reference_names_are_not_taken(extractor: Extractor) -> None:
    ids = _ids(extractor, "Also, Huawei Technologies bought lenses from Samsung Electronics.", KNOWN)
    assert VELDRIN.id not in ids  # "Also" is no name; "Huawei" stays the reference entity
    assert "org:huawei-technologies" in ids


def test_a_known_name_is_not_read_inside_a_longer_name(extractor: Extractor) -> None:
    """"New Orvane Life Insurance" is another company than the known "Orvane
    Life Insurance", also where the NER tagged nothing there."""
    insurer = Entity.create("Orvane Life Insurance", EntityType.ORG)
    known = KnownNames("test-known-insurer", (insurer,))
    for text, found in (("Shares of New Orvane Life Insurance rose.", False), ("Shares of Orvane Life Insurance rose.", True)):
        doc = extractor.nlp(text)
        doc.ents = ()  # what the NER missed is what the known names must not misread
        marked = mark_known_names(extractor.nlp, doc, known)
        assert any(e.ent_id_ == insurer.id for e in marked.ents) is found, text
