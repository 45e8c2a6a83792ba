"""Keeping one entity per real-world organisation across articles.

Extraction names entities by what one article says; the store may already know
the same organisation under another canonical name (an article that only says
"CXMT" after one that said "ChangXin Memory Technologies (CXMT)").  Before a
write, each incoming entity whose names match exactly one stored entity of the
same type is mapped onto it.  This runs in the shared GraphStore.add, so every
store merges the same way.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from .model import Entity, Extraction, Relation

__all__ = ["resolve_against_store"]


def resolve_against_store(extraction: Extraction, lookup: Callable[[str], list[Entity]]) -> Extraction:
    """The extraction with entity ids remapped onto stored entities where the
    match is unambiguous; stored entities gain the article's aliases."""
    mapping: dict[str, Entity] = {}
    for ent in extraction.entities:
        candidates: dict[str, Entity] = {}
        for name in ent.names():
            for known in lookup(name):
                if known.type is ent.type:
                    candidates[known.id] = known
        if ent.id in candidates:
            mapping[ent.id] = candidates[ent.id].merged(ent)
        elif len(candidates) == 1:
            (known,) = candidates.values()
            mapping[ent.id] = known.merged(ent)
    if not mapping:
        return extraction

    entities: dict[str, Entity] = {}
    for ent in extraction.entities:
        target = mapping.get(ent.id, ent)
        entities[target.id] = entities[target.id].merged(target) if target.id in entities else target

    def remap(r: Relation) -> Relation:
        return replace(
            r,
            head=mapping[r.head].id if r.head in mapping else r.head,
            tail=mapping[r.tail].id if r.tail in mapping else r.tail,
        )

    relations: dict[tuple[str, str, str], Relation] = {}
    for rel in map(remap, extraction.relations):
        relations[rel.key] = relations[rel.key].merged(rel) if rel.key in relations else rel
    return replace(extraction, entities=tuple(entities.values()), relations=tuple(relations.values()))
