"""Hostile strings for the workbench's escaping tests: facts whose names,
sentences, titles, sources and attributes are markup and script, plus an
ambiguous name.  Written in our own words."""

from __future__ import annotations

from chipgraph.graph.model import Document, Entity, EntityType, Evidence, Extraction, Relation, RelationType

#: each sets window.__pwned (or opens a dialog) if a page ever runs it
HOSTILE_IMG = '<img src=x onerror="window.__pwned=1;alert(1)">'
HOSTILE_SCRIPT = "</script><script>window.__pwned=2;alert(2)</script>"
HOSTILE_QUOTES = "\"'><svg onload=\"window.__pwned=3\">"
HOSTILE_ORG = f"Evilcorp {HOSTILE_IMG}"
HOSTILE_BUYER = f"Acme {HOSTILE_QUOTES} Fab"


def hostile_extractions() -> list[Extraction]:
    """Facts whose names, sentences, titles, sources and attributes are
    markup and script, plus two companies whose names both start with
    "Norvale" (an ambiguous name), all in our own words."""
    text = (
        f"{HOSTILE_ORG} shipped {HOSTILE_SCRIPT} lithography parts to {HOSTILE_BUYER} last spring. "
        f"{HOSTILE_BUYER} was added to the Entity List. "
        "Norvale Devices supplies test boards to Norvale Systems."
    )
    doc = Document.from_text(
        text, source='javascript:window.__pwned=4', title=f"Shipments {HOSTILE_SCRIPT} revealed", date="2026-01-05"
    )
    evil = Entity.create(HOSTILE_ORG, EntityType.ORG, aliases=[HOSTILE_SCRIPT, "Evilcorp"])
    buyer = Entity.create(HOSTILE_BUYER, EntityType.ORG, aliases=["Acme Fab"])
    listed = Entity.create("US Entity List", EntityType.LIST, aliases=["Entity List"])
    norvale = Entity.create("Norvale Devices", EntityType.ORG)
    systems = Entity.create("Norvale Systems", EntityType.ORG)
    first, second = text.split(". ")[:2]

    def ev(sentence: str, **attributes: str) -> Evidence:
        start = text.index(sentence)
        return Evidence(doc.id, sentence, start, start + len(sentence), "test:hostile", 0.9, doc.source, attributes)

    relations = (
        Relation(evil.id, RelationType.SUPPLIED, buyer.id, (ev(first, product=HOSTILE_IMG),)),
        Relation(buyer.id, RelationType.DESIGNATED, listed.id, (ev(second),)),
        Relation(norvale.id, RelationType.SUPPLIED, systems.id, (ev(text.split(". ")[2]),)),
    )
    second_doc = Document.from_text(
        f"{HOSTILE_ORG} sold parts to {HOSTILE_BUYER}.",
        source='https://example.org/a?q="><script>window.__pwned=5</script>',
        title=HOSTILE_QUOTES,
    )
    sentence = second_doc.text
    relations_2 = (
        Relation(evil.id, RelationType.SUPPLIED, buyer.id, (Evidence(second_doc.id, sentence, 0, len(sentence), "test:hostile", 0.8, second_doc.source),)),
    )
    return [
        Extraction(doc, (evil, buyer, listed, norvale, systems), relations),
        Extraction(second_doc, (evil, buyer), relations_2),
    ]
