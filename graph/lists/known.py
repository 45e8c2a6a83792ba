"""The names of listed parties, for the entity recogniser.

An article naming an obscure listed company must be read even when the
statistical NER misses the name: the api layer hands these names to the
extractor (ingest never reads a store).  ``version`` changes when a list
gains or loses members, so the extractor builds its matcher once per
version, not once per article.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass

from ..model import Entity, EntityType, RelationType
from ..store import GraphStore
from .status import LIST_METHOD

__all__ = ["ListedNames", "listed_names"]

_CACHE: "OrderedDict[tuple[str, str], ListedNames]" = OrderedDict()
_CACHE_SIZE = 8


@dataclass(frozen=True)
class ListedNames:
    """The entities some imported list names (current or removed: a removed
    company is still a company), and a key for the set."""

    version: str
    entities: tuple[Entity, ...]


def _version(store: GraphStore) -> tuple[list[str], str]:
    """The list ids of the store and a hash of their member counts: two
    cheap queries, whatever the graph's size."""
    lists = store.entity_ids_of_type(EntityType.LIST)
    degree = store.degrees(lists, [RelationType.DESIGNATED], "in") if lists else {}
    key = "\n".join([store.location, *(f"{i}={degree.get(i, 0)}" for i in lists)])
    return lists, hashlib.sha1(key.encode()).hexdigest()[:16]


def listed_names(store: GraphStore) -> ListedNames:
    """Every entity an imported list edition designates, with a version
    that changes when list memberships do (cached per store and version)."""
    from ..questions import _entities

    lists, version = _version(store)
    key = (store.location, version)
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key]
    links = store.links(lists, [RelationType.DESIGNATED], "in") if lists else []
    keys = [lk.key for lk in links if lk.tail_is_list]
    heads = {
        rel.head
        for rel in store.relations_by_key(keys).values()
        if any(ev.method == LIST_METHOD for ev in rel.evidence)
    }
    entities = tuple(sorted(_entities(store, heads), key=lambda e: e.id))
    found = ListedNames(version, entities)
    _CACHE[key] = found
    if len(_CACHE) > _CACHE_SIZE:
        _CACHE.popitem(last=False)
    return found
