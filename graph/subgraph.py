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
        GraphML/GEXF export (attribute values are flattened to strings)."""
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
                **{k: str(v) for k, v in r.attributes.items()},
            )
        return g
