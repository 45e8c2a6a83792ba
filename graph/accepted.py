"""Reads limited to the facts an analyst accepted (``--accepted-only``).

``AcceptedView(store)`` is a read-only GraphStore over any store whose
relations are only those whose last verdict in the curation log is an accept.
Accepted facts are what analysts vouched for one by one, so there are few of
them: the view keeps their keys in memory and walks them in Python, and every
question of graph/questions.py (built on ``links``, ``degrees`` and
``relations_by_key``) answers from accepted facts alone on every store.
"""

from __future__ import annotations

from collections import deque
from typing import Iterable, Iterator, Sequence

from .citations import DocumentInfo
from .curation import Changes, CurationEntry, accepted_keys
from .errors import StoreError
from .lists.status import is_current
from .model import Document, Entity, EntityType, Extraction, Relation, RelationType
from .paths import Hop, OwnershipPath, PathQuery, rank_paths
from .store import GraphStore, Link, Walk
from .subgraph import Subgraph

__all__ = ["AcceptedView", "accepted_view"]


class AcceptedView(GraphStore):
    """``store`` as if it held only accepted facts (entities and documents unchanged)."""

    def __init__(self, store: GraphStore) -> None:
        self.inner = store
        self.location = store.location
        keys = accepted_keys(store)
        self._relations = store.relations_by_key(keys) if keys else {}
        self._types = {e.id: e.type for e in self._entities(self._ends())}

    def _ends(self) -> set[str]:
        return {x for k in self._relations for x in (k[0], k[2])}

    def _entities(self, ids: Iterable[str]) -> list[Entity]:
        return [e for e in (self.inner.get_entity(i) for i in sorted(set(ids))) if e is not None]

    def _is_list(self, entity_id: str) -> bool:
        return self._types.get(entity_id) is EntityType.LIST

    # -- writes: none ---------------------------------------------------------------
    def _write(self, extraction: Extraction) -> None:
        raise StoreError("an accepted-only view is read-only; write to the store itself")

    def _apply_changes(self, changes: Changes, entries: Sequence[CurationEntry] = ()) -> None:
        raise StoreError("an accepted-only view is read-only; curate the store itself")

    def curation_log(self) -> list[CurationEntry]:
        return self.inner.curation_log()

    def curation_version(self) -> tuple[int, str | None]:
        return self.inner.curation_version()

    # -- reads passed through -------------------------------------------------------
    def has_document(self, document_id: str) -> bool:
        return self.inner.has_document(document_id)

    def get_document(self, document_id: str) -> Document | None:
        return self.inner.get_document(document_id)

    def documents(self) -> Iterator[Document]:
        return self.inner.documents()

    def get_entity(self, entity_id: str) -> Entity | None:
        return self.inner.get_entity(entity_id)

    def entities(self) -> Iterator[Entity]:
        return self.inner.entities()

    def lookup(self, name: str) -> list[Entity]:
        return self.inner.lookup(name)

    def search(self, query: str, limit: int = 20) -> list[Entity]:
        return self.inner.search(query, limit)

    def document_infos(self, ids: Iterable[str]) -> dict[str, DocumentInfo]:
        return self.inner.document_infos(ids)

    # -- relations: accepted ones only ----------------------------------------------
    def relations(self, entity_id: str | None = None) -> Iterator[Relation]:
        for key in sorted(self._relations):
            if entity_id is None or entity_id in (key[0], key[2]):
                yield self._relations[key]

    def relations_of_document(self, document_id: str) -> list[Relation]:
        return [r for r in self.relations() if any(e.document_id == document_id for e in r.evidence)]

    def relations_by_key(self, keys: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str, str], Relation]:
        return {k: self._relations[k] for k in set(keys) if k in self._relations}

    def _steps(self, node: str, types: set[str], walk: Walk) -> Iterator[Link]:
        for (h, t, tl) in self._relations:
            if t in types and ((walk != "in" and h == node) or (walk != "out" and tl == node)):
                yield Link(h, RelationType(t), tl, self._is_list(h), self._is_list(tl))

    def degrees(self, ids: Iterable[str], types: Sequence[RelationType], walk: Walk) -> dict[str, int]:
        names = {RelationType(t).value for t in types}
        return {i: sum(1 for _ in self._steps(i, names, walk)) for i in set(ids)}

    def links(self, ids: Iterable[str], types: Sequence[RelationType], walk: Walk) -> list[Link]:
        names = {RelationType(t).value for t in types}
        found = {lk.key: lk for i in set(ids) for lk in self._steps(i, names, walk)}
        return [found[k] for k in sorted(found)]

    def counts(self) -> dict[str, int]:
        counts = self.inner.counts()
        counts["relations"] = len(self._relations)
        counts["evidence"] = sum(len(r.evidence) for r in self._relations.values())
        return counts

    def paths(self, query: PathQuery) -> list[OwnershipPath]:
        """Simple paths over accepted facts, shorter first (few facts: a plain
        depth-first search, bounded as the stores bound theirs)."""
        if query.source == query.target or self.get_entity(query.source) is None:
            return []
        types = set(query.type_names)
        walk: Walk = "out" if query.direction == "out" else "both"
        found: list[list[tuple[Link, bool]]] = []
        budget = query.limit * 50

        def dfs(node: str, visited: list[str], hops: list[tuple[Link, bool]], length: int) -> None:
            for lk in self._steps(node, types, walk):
                if len(found) >= budget:
                    return
                if not query.include_removed and not is_current(self._relations[lk.key]):
                    continue
                forward = lk.head == node
                nbr = lk.tail if forward else lk.head
                if nbr in visited:
                    continue
                if nbr == query.target:
                    if len(hops) + 1 == length:
                        found.append([*hops, (lk, forward)])
                    continue
                if len(hops) + 1 < length and not self._is_list(nbr):
                    dfs(nbr, [*visited, nbr], [*hops, (lk, forward)], length)

        for length in range(1, query.max_hops + 1):
            dfs(query.source, [query.source], [], length)
            if len(found) >= query.limit:
                break
        ents = {e.id: e for e in self._entities({x for p in found for lk, _ in p for x in (lk.head, lk.tail)})}
        out = []
        for p in found:
            nodes = [query.source] + [lk.tail if fwd else lk.head for lk, fwd in p]
            out.append(OwnershipPath(tuple(ents[n] for n in nodes), tuple(Hop(self._relations[lk.key], fwd) for lk, fwd in p)))
        return rank_paths(out, query.limit)

    def subgraph(self, entity_id: str, depth: int = 1, max_nodes: int | None = None) -> Subgraph:
        """Breadth-first over accepted facts, lists shown but not expanded (as the stores)."""
        center = self.get_entity(entity_id)
        if center is None:
            return Subgraph(entity_id, depth, (), ())
        all_types = {t.value for t in RelationType}
        seen = {entity_id: 0}
        frontier = deque([entity_id])
        cut = False
        for level in range(1, depth + 1):
            nxt = sorted(
                {
                    (lk.tail if lk.head == node else lk.head)
                    for node in frontier
                    for lk in self._steps(node, all_types, "both")
                }
                - set(seen)
            )
            if max_nodes is not None and len(seen) + len(nxt) > max_nodes:
                nxt, cut = nxt[: max(0, max_nodes - len(seen))], True
            for n in nxt:
                seen[n] = level
            frontier = deque(n for n in nxt if not self._is_list(n))
            if cut or not frontier:
                break
        rels = tuple(r for k, r in sorted(self._relations.items()) if k[0] in seen and k[2] in seen)
        ents = sorted(self._entities(seen), key=lambda e: (seen[e.id], e.name.casefold()))
        return Subgraph(entity_id, depth, tuple(ents), rels, truncated=cut)

    def close(self) -> None:
        """The view does not own its store: closing it leaves the store open."""


def accepted_view(store: GraphStore, accepted_only: bool = True) -> GraphStore:
    """``store`` limited to accepted facts when ``accepted_only``, else ``store`` itself."""
    return AcceptedView(store) if accepted_only else store
