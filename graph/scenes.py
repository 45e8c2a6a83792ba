"""What a picture shows: a neighbourhood, the chains between two entities, a
screening (exposure) result or an ownership tree, each turned into the same
thing the renderers draw (a Subgraph, the chains to highlight, a title and
the documents the sources are cited from).

The CLI, the API and notebooks build scenes with these functions and hand
them to graph/picture.py or graph/render.py, so every way of asking draws
the same picture.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Literal, Mapping, Sequence

from .citations import DocumentInfo
from .errors import InvalidQuery
from .model import Entity, EntityType, Relation
from .paths import OwnershipPath, PathQuery
from .questions import Exposure, Ownership, OwnershipNode
from .store import GraphStore
from .subgraph import DEFAULT_MAX_EDGES, DEFAULT_MAX_NODES, Subgraph

__all__ = ["Scene", "neighbourhood_scene", "paths_scene", "exposure_scene", "owners_scene", "chains_scene"]

SceneLayout = Literal["auto", "force", "chain", "tree"]


@dataclass(frozen=True)
class Scene:
    """A subgraph with the chains to highlight and how to title and lay it out."""

    subgraph: Subgraph
    title: str
    paths: tuple[OwnershipPath, ...] = ()
    documents: Mapping[str, DocumentInfo] = field(default_factory=dict)
    layout: SceneLayout = "auto"

    def picture_options(self) -> dict[str, object]:
        """Keyword arguments for ``render_picture`` / ``write_picture``."""
        return {"title": self.title, "paths": self.paths, "documents": self.documents, "layout": self.layout}


def _documents(store: GraphStore, relations: Iterable[Relation]) -> dict[str, DocumentInfo]:
    return dict(store.document_infos({ev.document_id for r in relations for ev in r.evidence}))


def neighbourhood_scene(
    store: GraphStore, entity_id: str, depth: int = 1, *, max_nodes: int = DEFAULT_MAX_NODES,
    max_edges: int = DEFAULT_MAX_EDGES,
) -> Scene:
    """Everything within ``depth`` hops of the entity, cut to the caps."""
    centre = store.get_entity(entity_id)
    if centre is None:
        raise InvalidQuery(f"no entity with id {entity_id!r}")
    sub = store.subgraph(centre.id, depth, max_nodes=max_nodes).capped(max_nodes=max_nodes, max_edges=max_edges)
    return Scene(sub, f"{centre.name}: {depth}-hop neighbourhood", documents=_documents(store, sub.relations),
                 layout="force")


def chains_scene(
    paths: Sequence[OwnershipPath],
    centre: Entity,
    title: str,
    *,
    extra: Sequence[tuple[Relation, Entity]] = (),
    documents: Mapping[str, DocumentInfo] | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
    max_edges: int = DEFAULT_MAX_EDGES,
    truncated: bool = False,
    layout: SceneLayout = "auto",
) -> Scene:
    """Chains as one subgraph: whole chains are added in the given (ranked)
    order while they fit the caps, so a chain is never drawn half; ``extra``
    relations (a hit's list memberships) join when both ends are drawn or
    their far end fits.  ``truncated`` marks the picture as cut."""
    entities: dict[str, Entity] = {centre.id: centre}
    relations: dict[tuple[str, str, str], Relation] = {}
    kept: list[OwnershipPath] = []
    for p in paths:
        new_entities = {e.id for e in p.entities} - entities.keys()
        new_relations = {h.relation.key for h in p.hops} - relations.keys()
        if len(entities) + len(new_entities) > max_nodes or len(relations) + len(new_relations) > max_edges:
            truncated = True
            continue
        kept.append(p)
        entities.update((e.id, e) for e in p.entities)
        relations.update((h.relation.key, h.relation) for h in p.hops)
    for rel, far in extra:
        if rel.key in relations or rel.head not in entities:
            continue
        if (far.id not in entities and len(entities) >= max_nodes) or len(relations) >= max_edges:
            truncated = True
            continue
        entities.setdefault(far.id, far)
        relations[rel.key] = rel
    depth = max((p.length for p in kept), default=0)
    sub = Subgraph(centre.id, depth, tuple(entities.values()), tuple(relations.values()), truncated)
    return Scene(sub, title, tuple(kept), dict(documents or {}), layout)


def paths_scene(
    store: GraphStore, query: PathQuery, *, max_nodes: int = DEFAULT_MAX_NODES, max_edges: int = DEFAULT_MAX_EDGES
) -> Scene:
    """The chains ``store.paths(query)`` finds from source to target, drawn
    left to right along each chain."""
    source, target = store.get_entity(query.source), store.get_entity(query.target)
    if source is None or target is None:
        raise InvalidQuery(f"no entity with id {query.source if source is None else query.target!r}")
    found = store.paths(query)
    if not found:
        raise InvalidQuery(
            f"no path from {source.name} to {target.name} within {query.max_hops} hops ({query.direction}): nothing to draw"
        )
    documents = _documents(store, (h.relation for p in found for h in p.hops))
    return chains_scene(found, source, f"How {source.name} is connected to {target.name}", documents=documents,
                        max_nodes=max_nodes, max_edges=max_edges, layout="chain")


def exposure_scene(
    store: GraphStore, result: Exposure, *, max_nodes: int = DEFAULT_MAX_NODES, max_edges: int = DEFAULT_MAX_EDGES
) -> Scene:
    """A screening result: the chain to every hit, and each hit's own list
    memberships and military links, drawn left to right from the start."""
    if not result.hits:
        raise InvalidQuery(f"{result.start.name} reaches no listed or military-linked entity: nothing to draw")
    flag_ends = {f.tail for h in result.hits for f in h.flags}
    lists = {e.id: e for e in (store.get_entity(i) for i in sorted(flag_ends)) if e is not None}
    extra = [
        (f, lists.get(f.tail) or Entity(f.tail, result.names.get(f.tail, f.tail), EntityType.LIST))
        for h in result.hits
        for f in h.flags
    ]
    if result.reverse:
        title = f"Who reaches {result.start.name} within {result.max_hops} hops"
    else:
        title = f"{result.start.name}: listed or military-linked entities within {result.max_hops} hops"
    return chains_scene(
        [h.path for h in result.hits], result.start, title, extra=extra, documents=result.documents,
        max_nodes=max_nodes, max_edges=max_edges, truncated=result.truncated, layout="chain",
    )


def owners_scene(result: Ownership, *, max_nodes: int = DEFAULT_MAX_NODES, max_edges: int = DEFAULT_MAX_EDGES) -> Scene:
    """An ownership tree, owners drawn above what they own; upwards, the
    chains to the ultimate owners are highlighted."""
    root = result.root.entity
    entities: dict[str, Entity] = {}
    relations: dict[tuple[str, str, str], Relation] = {}
    truncated = result.truncated

    def visit(node: OwnershipNode) -> None:
        nonlocal truncated
        if node.entity.id not in entities and len(entities) >= max_nodes:
            truncated = True
            return
        if node.relation is not None and node.relation.key not in relations and len(relations) >= max_edges:
            truncated = True
            return
        entities.setdefault(node.entity.id, node.entity)
        if node.relation is not None:
            relations.setdefault(node.relation.key, node.relation)
        for child in node.children:
            visit(child)

    visit(result.root)
    relations = {k: r for k, r in relations.items() if r.head in entities and r.tail in entities}
    chains = tuple(
        c for c in result.chains if all(e.id in entities for e in c.entities)
        and all(h.relation.key in relations for h in c.hops)
    )
    depth = max((d for d, _ in result.root.lines()), default=0)
    sub = Subgraph(root.id, depth, tuple(entities.values()), tuple(relations.values()), truncated)
    title = f"Who owns {root.name}" if result.direction == "up" else f"What {root.name} owns"
    return Scene(sub, title, chains, dict(result.documents), "tree")

