"""The neighbourhood of an entity: what the renderer draws and the API returns."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Sequence

from .model import Entity, Relation, sorted_evidence

if TYPE_CHECKING:  # paths.py imports this module; networkx takes a second to import: only exports need it
    import networkx as nx

    from .paths import OwnershipPath

__all__ = [
    "Subgraph",
    "cap_evidence",
    "cap_relations",
    "drawn_parts",
    "DEFAULT_MAX_NODES",
    "DEFAULT_MAX_EDGES",
    "DEFAULT_MAX_EVIDENCE",
    "MAX_NODES_LIMIT",
    "MAX_EDGES_LIMIT",
    "MAX_EVIDENCE_LIMIT",
]

#: What one answer shows by default, and the most a caller may ask for: a
#: hub's depth-4 neighbourhood on a big graph is tens of megabytes otherwise.
DEFAULT_MAX_NODES = 200
DEFAULT_MAX_EDGES = 500
DEFAULT_MAX_EVIDENCE = 20
MAX_NODES_LIMIT = 2000
MAX_EDGES_LIMIT = 5000
MAX_EVIDENCE_LIMIT = 200


def cap_evidence(relation: Relation, max_evidence: int) -> tuple[Relation, bool]:
    """The relation with only its ``max_evidence`` most confident pieces of
    evidence (its confidence unchanged), and whether any were dropped."""
    if len(relation.evidence) <= max_evidence:
        return relation, False
    return replace(relation, evidence=sorted_evidence(relation.evidence)[:max_evidence]), True


def cap_relations(
    relations: list[Relation], max_relations: int, max_evidence: int = DEFAULT_MAX_EVIDENCE
) -> tuple[list[Relation], bool]:
    """The ``max_relations`` most confident relations (in their given order),
    each with at most ``max_evidence`` pieces of evidence, and whether
    anything was cut: an entity on a list of thousands stays answerable."""
    keep = set(map(id, sorted(relations, key=lambda r: -r.confidence)[:max_relations]))
    out, cut = [], len(relations) > max_relations
    for r in relations:
        if id(r) in keep:
            r, dropped = cap_evidence(r, max_evidence)
            cut |= dropped
            out.append(r)
    return out, cut


@dataclass(frozen=True)
class Subgraph:
    """Entities within ``depth`` hops of ``center`` and every relation among them."""

    center: str
    depth: int
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    #: set by :meth:`capped` when entities, relations or evidence were left out
    truncated: bool = False
    total_entities: int | None = None
    total_relations: int | None = None

    def capped(
        self,
        max_nodes: int = DEFAULT_MAX_NODES,
        max_edges: int = DEFAULT_MAX_EDGES,
        max_evidence: int = DEFAULT_MAX_EVIDENCE,
    ) -> "Subgraph":
        """At most ``max_nodes`` entities (the centre and the nearest, in the
        store's order, which is by distance), the relations among them up to
        ``max_edges`` (those of the centre, then the most confident), and
        ``max_evidence`` pieces of evidence per relation; ``truncated`` and
        the totals say what was cut, so no reader mistakes a part for the whole."""
        if min(max_nodes, max_edges, max_evidence) < 1:
            raise ValueError("caps must be at least 1")
        ents = sorted(self.entities, key=lambda e: e.id != self.center)[:max_nodes]
        kept = {e.id for e in ents}
        inside = [r for r in self.relations if r.head in kept and r.tail in kept]
        chosen = set(
            id(r)
            for r in sorted(inside, key=lambda r: (self.center not in (r.head, r.tail), -r.confidence))[:max_edges]
        )
        relations, cut_evidence = [], False
        for r in inside:
            if id(r) in chosen:
                r, cut = cap_evidence(r, max_evidence)
                cut_evidence |= cut
                relations.append(r)
        truncated = (
            self.truncated
            or cut_evidence
            or len(ents) < len(self.entities)
            or len(relations) < len(self.relations)
        )
        return Subgraph(
            self.center,
            self.depth,
            tuple(ents),
            tuple(relations),
            truncated,
            # a walk the store already cut does not know the totals
            self.total_entities if self.total_entities is not None or self.truncated else len(self.entities),
            self.total_relations if self.total_relations is not None or self.truncated else len(self.relations),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "center": self.center,
            "depth": self.depth,
            "truncated": self.truncated,
            # unknown (null) when the store stopped its walk early: there were more, how many was not counted
            "total_entities": self.total_entities if self.total_entities is not None else (None if self.truncated else len(self.entities)),
            "total_relations": self.total_relations if self.total_relations is not None else (None if self.truncated else len(self.relations)),
            "entities": [e.to_dict() for e in self.entities],
            "relations": [r.to_dict() for r in self.relations],
        }

    def to_networkx(self) -> nx.MultiDiGraph:
        """A MultiDiGraph keyed by relation type, for networkx algorithms
        (attribute values are flattened to strings; the GraphML and GEXF
        exports build their own graph for Gephi: graph/exports/gephi.py).

        Each edge carries, aligned with ``evidence`` (" | " between pieces),
        ``evidence_sources`` and ``evidence_attributes`` (what each sentence
        states); each attribute name carries every value ("2021; 2023") and
        ``<name>_sources`` says which source gave which value."""
        import networkx as nx

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


def drawn_parts(
    subgraph: Subgraph, paths: Sequence["OwnershipPath"] = ()
) -> tuple[dict[str, Entity], list[Relation], set[tuple[str, str, str]], set[str]]:
    """What a drawing of ``subgraph`` with ``paths`` highlighted shows:
    entities by id, relations (each once), the keys of the relations on a
    path and the ids of the entities on one.  A path is drawn whole even where
    it leaves the subgraph; the page and the picture draw the same things."""
    entities: dict[str, Entity] = {}
    for e in (*subgraph.entities, *(e for p in paths for e in p.entities)):
        entities.setdefault(e.id, e)
    relations: dict[tuple[str, str, str], Relation] = {}
    for r in (*subgraph.relations, *(h.relation for p in paths for h in p.hops)):
        relations.setdefault(r.key, r)
    path_keys = {h.relation.key for p in paths for h in p.hops}
    path_nodes = {e.id for p in paths for e in p.entities}
    return entities, list(relations.values()), path_keys, path_nodes
