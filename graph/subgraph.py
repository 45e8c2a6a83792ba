"""The neighbourhood of an entity: what the renderer draws and the API returns."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import networkx as nx

from .model import Entity, Relation

__all__ = ["Subgraph"]


@dataclass(frozen=True)
class Subgraph:
    """Entities within ``depth`` hops of ``center`` and every relation among them."""

    center: str
    depth: int
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "center": self.center,
            "depth": self.depth,
            "entities": [e.to_dict() for e in self.entities],
            "relations": [r.to_dict() for r in self.relations],
        }

    def to_networkx(self) -> nx.MultiDiGraph:
        """A MultiDiGraph keyed by relation type, for networkx algorithms and
        GraphML/GEXF export (attribute values are flattened to strings).

        Each edge carries, aligned with ``evidence`` (" | " between pieces),
        ``evidence_sources`` and ``evidence_attributes`` (what each sentence
        states); each attribute name carries every value ("2021; 2023") and
        ``<name>_sources`` says which source gave which value."""
        g = nx.MultiDiGraph()
        for e in self.entities:
            g.add_node(e.id, name=e.name, type=e.type.value, aliases="; ".join(e.aliases), country=e.country or "")
        for r in self.relations:
            g.add_edge(
                r.head,
                r.tail,
                key=r.type.value,
                type=r.type.value,
                confidence=r.confidence,
                evidence=" | ".join(ev.sentence for ev in r.evidence),
                evidence_sources=" | ".join(ev.source or ev.document_id for ev in r.evidence),
                evidence_attributes=" | ".join(
                    "; ".join(f"{k}={v}" for k, v in ev.attributes.items()) for ev in r.evidence
                ),
                **_attribute_columns(r),
            )
        return g


def _attribute_columns(relation: Relation) -> dict[str, str]:
    """``{name: "v1; v2", name_sources: "v1: src, src; v2: src"}`` for every
    attribute any evidence states; unsourced values are named as such."""
    values: dict[str, list[str]] = {}
    sources: dict[str, list[str]] = {}
    for st in relation.attribute_statements():
        values.setdefault(st.name, []).append(st.value)
        cited = ", ".join(dict.fromkeys(ev.source or ev.document_id for ev in st.evidence))
        sources.setdefault(st.name, []).append(f"{st.value}: {cited}")
    for k, v in relation.unsourced_attributes.items():
        values.setdefault(k, []).append(v)
        sources.setdefault(k, []).append(f"{v}: source not recorded")
    out = {k: "; ".join(vs) for k, vs in values.items()}
    out.update({f"{k}_sources": "; ".join(vs) for k, vs in sources.items()})
    return out
