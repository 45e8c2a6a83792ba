"""Caps on what one answer holds: a hub's neighbourhood, an entity's
relations and a fact's evidence are cut to size and say that they were."""

from __future__ import annotations

from chipgraph.graph.model import Entity, EntityType, Evidence, Relation, RelationType
from chipgraph.graph.paths import Hop, OwnershipPath
from chipgraph.graph.render import render_html
from chipgraph.graph.subgraph import Subgraph, cap_evidence, cap_relations

HUB = Entity.create("Hubbard Silicon", EntityType.ORG)
SPOKES = [Entity.create(f"Spoke Components {i}", EntityType.ORG) for i in range(30)]


def ev(i: int, conf: float = 0.7) -> Evidence:
    sentence = f"Spoke Components sold parts to Hubbard Silicon, report {i} says."
    return Evidence(f"doc-{i}", sentence, 0, len(sentence), "rule:test", conf)


def star() -> Subgraph:
    relations = tuple(
        Relation(s.id, RelationType.SUPPLIED, HUB.id, tuple(ev(i * 10 + k, 0.5 + k / 100) for k in range(5)))
        for i, s in enumerate(SPOKES)
    )
    return Subgraph(HUB.id, 1, (HUB, *SPOKES), relations)


def test_capped_subgraph_keeps_the_centre_and_says_it_was_cut() -> None:
    sub = star().capped(max_nodes=5, max_edges=3, max_evidence=2)
    assert sub.entities[0] == HUB and len(sub.entities) == 5
    assert len(sub.relations) == 3 and all(len(r.evidence) == 2 for r in sub.relations)
    kept = {e.id for e in sub.entities}
    assert all(r.head in kept and r.tail in kept for r in sub.relations)
    out = sub.to_dict()
    assert out["truncated"] is True and out["total_entities"] == 31 and out["total_relations"] == 30
    # Confidence is that of the best evidence, which is kept.
    assert sub.relations[0].confidence == star().relations[0].confidence


def test_small_subgraph_is_whole() -> None:
    sub = star().capped()
    assert not sub.truncated and sub.to_dict()["total_entities"] == len(sub.entities) == 31


def test_cut_page_carries_a_visible_note() -> None:
    html = render_html(star().capped(max_nodes=4))
    assert "Cut to fit" in html and "4 of 31 entities" in html
    assert "Cut to fit" not in render_html(star())


def test_relations_and_path_evidence_caps() -> None:
    rels = list(star().relations)
    kept, cut = cap_relations(rels, 4, max_evidence=1)
    assert cut and len(kept) == 4 and all(len(r.evidence) == 1 for r in kept)
    assert cap_relations(rels, 100, 5) == (rels, False)
    rel, dropped = cap_evidence(rels[0], 1)
    assert dropped and rel.evidence[0].confidence == max(e.confidence for e in rels[0].evidence)
    path, cut = OwnershipPath((SPOKES[0], HUB), (Hop(rels[0]),)).with_evidence_cap(2)
    assert cut and len(path.hops[0].relation.evidence) == 2
