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
from typing import Callable, Iterable, Mapping

from .model import Entity, Extraction, Relation, normalise_name

__all__ = ["BatchResolver", "batch_names", "resolve_against_store"]


def resolve_against_store(extraction: Extraction, lookup: Callable[[str], list[Entity]]) -> Extraction:
    """The extraction with entity ids remapped onto stored entities where the
    match is unambiguous; stored entities gain the article's aliases."""
    mapping: dict[str, Entity] = {}
    for ent in extraction.entities:
        etype = ent.type
        candidates: dict[str, Entity] = {}
        for name in (ent.name, *ent.aliases):
            for known in lookup(name):
                if known.type is etype:
                    candidates[known.id] = known
        if not candidates:
            continue
        known = candidates.get(ent.id)
        if known is not None:
            mapping[ent.id] = known.merged(ent)
        elif len(candidates) == 1:
            (known,) = candidates.values()
            mapping[ent.id] = known.merged(ent)
    if not mapping:
        return extraction

    entities: dict[str, Entity] = {}
    for ent in extraction.entities:
        target = mapping.get(ent.id, ent)
        tid = target.id
        entities[tid] = entities[tid].merged(target) if tid in entities else target

    if all(new.id == old for old, new in mapping.items()) and len(
        {(r.head, r.type, r.tail) for r in extraction.relations}
    ) == len(extraction.relations):
        # every entity kept its id (the common case of a bulk load: a name
        # met again), so the relations are as given
        return replace(extraction, entities=tuple(entities.values()))
    moved = {old: new.id for old, new in mapping.items() if new.id != old}

    def remap(r: Relation) -> Relation:
        if r.head not in moved and r.tail not in moved:
            return r
        return replace(r, head=moved.get(r.head, r.head), tail=moved.get(r.tail, r.tail))

    relations: dict[tuple[str, str, str], Relation] = {}
    for rel in map(remap, extraction.relations):
        relations[rel.key] = relations[rel.key].merged(rel) if rel.key in relations else rel
    return replace(extraction, entities=tuple(entities.values()), relations=tuple(relations.values()))


def batch_names(extractions: Iterable[Extraction]) -> set[str]:
    """Every name and alias of every entity of ``extractions``: what a store
    fetches in one query before resolving them as a batch."""
    return {n for x in extractions for e in x.entities for n in e.names()}


class BatchResolver:
    """Resolves a batch of articles in order, as one-by-one writes would, with
    no query per name: the stored entities of every name in the batch are
    fetched once (``stored``: normalised name -> entities), and each article
    also resolves against the entities the articles before it will write.

    This is what makes bulk loading fast on every store: the lookups that
    ``resolve_against_store`` makes per name become dictionary reads.
    """

    def __init__(self, stored: Mapping[str, list[Entity]]) -> None:
        self._stored = stored
        self._pending: dict[str, Entity] = {}  # id -> entity as it will be written
        self._pending_names: dict[str, set[str]] = {}  # norm -> ids
        # norm -> what lookup answers, for names a pending entity has: kept
        # up to date as entities become pending, so a lookup is two dict reads
        self._found: dict[str, list[Entity]] = {}

    def lookup(self, name: str) -> list[Entity]:
        """Entities (stored, or pending in the batch, as they will be
        written) with the name, by id.  The list is shared: do not change it."""
        norm = normalise_name(name)
        found = self._found.get(norm)
        if found is None:
            return self._stored.get(norm) or []
        return found

    def _register(self, norm: str, eid: str) -> None:
        """The pending entity ``eid`` (new, or changed) has the name ``norm``."""
        ids = self._pending_names.setdefault(norm, set())
        ids.add(eid)
        stored = self._stored.get(norm, ())
        if len(ids) == 1 and (not stored or (len(stored) == 1 and stored[0].id == eid)):
            self._found[norm] = [self._pending[eid]]  # the common cases, without a dict to sort
            return
        found = {e.id: e for e in stored}
        for i in ids:
            found[i] = self._pending[i]
        self._found[norm] = [found[k] for k in sorted(found)]

    def resolve(self, extraction: Extraction) -> Extraction:
        """``extraction`` resolved against the store and the batch so far; its
        entities become visible to the articles after it."""
        resolved = resolve_against_store(extraction, self.lookup)
        for ent in resolved.entities:
            if ent.id in self._pending:
                before = self._pending[ent.id]
                ent = before.merged(ent)
                if ent is before:
                    continue  # nothing new: its names are registered already
            self._pending[ent.id] = ent
            for name in ent.names():
                self._register(normalise_name(name), ent.id)
        return resolved
