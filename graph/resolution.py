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

    def candidates_of(ent: Entity) -> dict[str, Entity]:
        return {known.id: known for name in ent.names() for known in lookup(name) if known.type is ent.type}

    return _resolve(extraction, candidates_of)


def _resolve(extraction: Extraction, candidates_of: Callable[[Entity], dict[str, Entity]]) -> Extraction:
    """``resolve_against_store`` given each entity's candidates: the stored
    entities of its type that one of its names names, by id."""
    mapping: dict[str, Entity] = {}
    for ent in extraction.entities:
        candidates = candidates_of(ent)
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


def batch_names(extractions: Iterable[Extraction]) -> list[str]:
    """Every name and alias of every entity of ``extractions``, once each, an
    entity's names together: what a store fetches before resolving them as
    a batch (read in runs, a stored entity is then mostly found by one run)."""
    return list(dict.fromkeys(n for x in extractions for e in x.entities for n in e.names()))


class BatchResolver:
    """Resolves a batch of articles in order, as one-by-one writes would, with
    no query per name: the stored entities of every name in the batch are
    fetched once (``stored``: normalised name -> entities), and each article
    also resolves against the entities the articles before it will write.

    This is what makes bulk loading fast on every store: the lookups that
    ``resolve_against_store`` makes per name become dictionary reads.
    """

    def __init__(
        self, stored: Mapping[str, list[Entity]], stored_by_id: Mapping[str, Entity | None] | None = None
    ) -> None:
        """``stored_by_id``: the stored entities by id, when the caller holds
        them (else derived from ``stored`` when first needed)."""
        self._stored = stored
        self._stored_by_id = stored_by_id
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

    def _candidates(self, ent: Entity) -> dict[str, Entity]:
        """The entities ``lookup`` gives for ``ent``'s names that have its
        type, by id (the lookups inlined: this runs for every entity of
        every article of a bulk load).

        The common case of a bulk load, an entity met again with nothing
        new, is answered from its id alone: when the entity of its id as it
        will be written (pending, else stored) has its type and all of its
        names (``merged`` gives that entity back unchanged), ``lookup``
        finds that entity under each of ``ent``'s names, and ``_resolve``
        maps ``ent`` onto it whatever else the names find, so that one
        candidate is all it needs."""
        etype = ent.type
        current = self._pending.get(ent.id) or self._stored_entity(ent.id)
        if current is not None and current.type is etype and current.merged(ent) is current:
            return {ent.id: current}
        found, stored = self._found, self._stored
        out: dict[str, Entity] = {}
        for name in (ent.name, *ent.aliases):
            norm = normalise_name(name)
            hits = found.get(norm)
            if hits is None:
                hits = stored.get(norm) or ()
            for known in hits:
                if known.type is etype:
                    out[known.id] = known
        return out

    def _stored_entity(self, eid: str) -> Entity | None:
        """The stored entity ``eid`` (the very object the stored lists hold), if any."""
        if self._stored_by_id is None:
            self._stored_by_id = {e.id: e for found in self._stored.values() for e in found}
        return self._stored_by_id.get(eid)

    def _is_stored(self, ent: Entity) -> bool:
        """Whether ``ent`` is a stored entity, unchanged (the very object)."""
        return self._stored_entity(ent.id) is ent

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

    def _met_again(self, extraction: Extraction) -> Extraction | None:
        """``extraction`` resolved, when every one of its entities is met
        again with nothing new (most articles of a bulk load once its
        companies have been seen), else None.

        ``_resolve`` would map each such entity onto the entity of its id as
        it will be written (see ``_candidates``): the article keeps its ids,
        so its relations stay as they are (unless two share a key, which
        ``_resolve`` merges: None then), its entities become those objects,
        one per id in first-seen order, and none of them becomes pending.
        This gives that answer with a few dict reads per entity instead of
        a lookup per name."""
        if not extraction.entities:
            return None
        pending, stored = self._pending, self._stored_entity
        out: dict[str, Entity] = {}
        for ent in extraction.entities:
            eid = ent.id
            current = pending.get(eid) or stored(eid)
            if current is None or current.type is not ent.type:
                return None
            if current is not ent and not (
                current.name == ent.name and current.aliases == ent.aliases and (current.country or not ent.country)
            ) and current.merged(ent) is not current:  # the first test is merged's own, inlined
                return None
            out[eid] = current
        relations = extraction.relations
        if len({(r.head, r.type, r.tail) for r in relations}) != len(relations):
            return None
        return Extraction(extraction.document, tuple(out.values()), relations)

    def resolve(self, extraction: Extraction) -> Extraction:
        """``extraction`` resolved against the store and the batch so far; its
        entities become visible to the articles after it."""
        settled = self._met_again(extraction)
        if settled is not None:
            return settled
        resolved = _resolve(extraction, self._candidates)
        pending = self._pending
        for ent in resolved.entities:
            before = pending.get(ent.id)
            if before is None and self._is_stored(ent):
                continue  # as stored: lookups find it there already
            if before is not None:
                if ent is before:
                    continue
                ent = before.merged(ent)
                if ent is before:
                    continue  # nothing new: its names are registered already
            pending[ent.id] = ent
            for name in ent.names():
                self._register(normalise_name(name), ent.id)
        return resolved
