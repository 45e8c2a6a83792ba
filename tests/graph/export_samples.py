"""Graphs the export tests write: the conformance articles (every relation
type, several pieces of evidence, stated attributes) plus one relation whose
every string is hostile (control characters XML forbids, markup, formulas)."""

from __future__ import annotations

from chipgraph.graph.citations import DocumentInfo
from chipgraph.graph.exports import GraphData
from chipgraph.graph.model import Document, Entity, EntityType, Evidence, Extraction, Relation, RelationType

from test_conformance import ARTICLES

#: every kind of character XML 1.0 forbids, with legal neighbours that must survive
FORBIDDEN = "\x00\x01\x08\x0b\x0c\x0e\x1f\ud800\udfff\ufffe\uffff"
KEPT = "tab\there, line\nbreak, emoji \U0001F600, CJK \U00020000, < & > \" '"
SCRIPT = "<script>alert('x')</script>"


def hostile_extraction() -> Extraction:
    """One SUPPLIED fact whose names, sentence, source and attributes are hostile."""
    text = f"Vexa\x0bChips shipped\x00 etchers {KEPT} to {SCRIPT} Foundry{FORBIDDEN}. =HYPERLINK(\"x\")"
    # a stored text is valid Unicode (no lone surrogate); the sentence read from it may still be hostile
    doc = Document.from_text(text.encode("utf-8", "replace").decode("utf-8"), f"https://news.example/{SCRIPT}", title=f"=cmd|' /C calc'!A0 {SCRIPT}", date="2024-02-03")
    head = Entity.create(f"Vexa{FORBIDDEN}Chips", EntityType.ORG, aliases=[f"V\x1bX {KEPT}", "@SUM(1+1)"], country="N\x07L")
    tail = Entity.create(f"{SCRIPT} Foundry", EntityType.ORG)
    ev = Evidence(
        doc.id, text, 0, len(text), "rule:\x02test", 0.9, doc.source,
        {"product": f"etch\x04ers{FORBIDDEN}", "date": "2024", "type": "-reserved name", "confidence": "high"},
    )
    return Extraction(doc, (head, tail), (Relation(head.id, RelationType.SUPPLIED, tail.id, (ev,)),))


def unit_and_ban_extraction() -> Extraction:
    """PART_OF and BANNED (an authority that only bans), with a dated ban."""
    text = "Quill Labs is the research unit of Quill Foundry. In May 2019 the Commerce Department banned Quill Foundry."
    doc = Document.from_text(text, "/home/someone/articles/quill.txt", title="Quill's year", date="2019-06-01")
    labs, foundry = Entity.create("Quill Labs", EntityType.ORG), Entity.create("Quill Foundry", EntityType.ORG, country="CN")
    commerce = Entity.create("Commerce Department", EntityType.ORG, aliases=["US Department of Commerce"], country="US")
    first, second = text.split(". ")
    second_start = text.index(second)
    return Extraction(
        doc,
        (labs, foundry, commerce),
        (
            Relation(labs.id, RelationType.PART_OF, foundry.id, (Evidence(doc.id, first + ".", 0, len(first) + 1, "rule:unit", 0.7, doc.source),)),
            Relation(foundry.id, RelationType.BANNED, commerce.id, (
                Evidence(doc.id, second, second_start, len(text), "rule:ban", 0.85, doc.source, {"date": "2019-05"}),
            )),
        ),
    )


def data_of(extractions: list[Extraction]) -> GraphData:
    """The graph the extractions make (entities and relations merged by id
    and key, as a store merges them when no name resolution applies)."""
    entities: dict[str, Entity] = {}
    relations: dict[tuple[str, str, str], Relation] = {}
    documents = {}
    for x in extractions:
        documents[x.document.id] = DocumentInfo(x.document.id, x.document.source, x.document.title, x.document.date, x.document.language)
        for e in x.entities:
            entities[e.id] = entities[e.id].merged(e) if e.id in entities else e
        for r in x.relations:
            relations[r.key] = relations[r.key].merged(r) if r.key in relations else r
    return GraphData.build(entities.values(), relations.values(), documents)


def sample() -> GraphData:
    """The conformance articles, a unit and a ban, and the hostile fact."""
    return data_of([*EXTRACTIONS, hostile_extraction()])


#: what the round-trip and CLI tests store: every relation type, plain text
EXTRACTIONS = [*ARTICLES, unit_and_ban_extraction()]

