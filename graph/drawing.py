"""Answers as drawings: the subgraph (and highlighted paths) that shows a path
query or an exposure screening, for the renderer and the exporters.

The workbench draws what a question answered, not a neighbourhood around it:
the entities and relations on the answer's paths, plus (for screening) the
list memberships that made each hit a hit.  Building that here, over the
library's own answers, keeps the page, the export and any future client
drawing the same graph.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from .model import Entity, Relation
from .paths import OwnershipPath
from .questions import Exposure
from .store import GraphStore
from .subgraph import Subgraph

__all__ = ["paths_subgraph", "exposure_drawing"]


def paths_subgraph(
    center: str,
    paths: Sequence[OwnershipPath],
    *,
    extra_relations: Iterable[Relation] = (),
    extra_entities: Iterable[Entity] = (),
    truncated: bool = False,
) -> Subgraph:
    """Every entity and relation of ``paths`` (each once, in path order), plus
    ``extra_relations`` and ``extra_entities``, as a subgraph centred on
    ``center``; its depth is the longest path's length."""
    entities: dict[str, Entity] = {}
    for e in (*(e for p in paths for e in p.entities), *extra_entities):
        entities.setdefault(e.id, e)
    relations: dict[tuple[str, str, str], Relation] = {}
    for r in (*(h.relation for p in paths for h in p.hops), *extra_relations):
        relations.setdefault(r.key, r)
    return Subgraph(
        center=center,
        depth=max((p.length for p in paths), default=0),
        entities=tuple(entities.values()),
        relations=tuple(relations.values()),
        truncated=truncated,
    )


def exposure_drawing(store: GraphStore, answer: Exposure) -> tuple[Subgraph, tuple[OwnershipPath, ...]]:
    """The screening answer as a drawing: each hit's path (highlighted) and
    the hit's own list memberships and military links (drawn, with the lists
    they point at), centred on the entity screened.  What the answer left out
    (hits past its limit) the page around the drawing says, not the drawing."""
    paths = tuple(h.path for h in answer.hits)
    flags = [f for h in answer.hits for f in h.flags]
    known = {e.id for p in paths for e in p.entities}
    missing = {f.tail for f in flags if f.tail not in known} | {f.head for f in flags if f.head not in known}
    lists = [e for e in (store.get_entity(i) for i in sorted(missing)) if e is not None]
    sub = paths_subgraph(
        answer.start.id,
        paths,
        extra_relations=flags,
        extra_entities=(answer.start, *lists),
    )
    return sub, paths
