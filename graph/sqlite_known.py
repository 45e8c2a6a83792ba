"""What a SQLite store's connection knows of its stored entities and names.

A bulk load resolves every name of every article against the store.  Asking
SQLite for all of a batch's names and decoding every matching entity again
for each batch of 500 articles cost more than the writes themselves (a
company named in many articles was read and decoded once per batch).  This
keeps, for one connection, the entities it has read or written and which
entities every normalised name it has asked about names (none, too), so each
is read once per load.

It is only as good as its assumption that nobody else wrote: it is checked
at the start of every write transaction (``PRAGMA data_version`` changes
when another connection commits; the connection's count of rows it changed,
``total_changes``, must be where the last tracked write left it) and
dropped whole when anything but a write it kept track of happened, when a
transaction rolls back, or when it grows past its caps.  Inside the
transaction SQLite's write lock keeps other writers out, so what it says
stays true until the commit.

When it starts again on a store with no entities and no relations (a load
into a new file, a copy), it is *complete*: it holds every stored entity and
name and the id of every stored relation, so a name it has not seen names
nothing and a relation key it has not seen is new, with no query; the store
then gives new relations their ids itself (the ids SQLite would give) and
writes evidence with them (graph/sqlite_store.py).
"""

from __future__ import annotations

import sqlite3
from typing import Iterable, Iterator, Mapping

import orjson

from .model import Entity, EntityType, normalise_name

__all__ = ["KnownEntities", "name_keys", "row_entity", "rows_in"]

#: beyond these many entities or names the cache starts again empty: a load
#: of millions of companies keeps its memory bounded at the price of a few
#: extra reads
MAX_ENTITIES = 400_000
MAX_NAMES = 1_000_000
MAX_RELATIONS = 1_000_000  # about 130 MB of keys

#: a relation's key: (head, type value, tail)
Key = tuple[str, str, str]


def name_keys(entity: Entity) -> frozenset[str]:
    """The normalised names the store keeps for ``entity`` (table entity_names)."""
    return frozenset(map(normalise_name, entity.names()))


def row_entity(row: tuple) -> Entity:
    """An Entity from a row (id, name, type, aliases JSON, country).  Every
    answer decodes a few of these (a path's companies), so the aliases go
    through orjson and the type through a dict."""
    eid, name, etype, aliases, country = row
    return Entity(eid, name, _ENTITY_TYPE.get(etype) or EntityType(etype),
                  tuple(orjson.loads(aliases)) if aliases != "[]" else (), country)


_ENTITY_TYPE = {t.value: t for t in EntityType}


class KnownEntities:
    """Stored entities by id (None: known not to be stored) and the ids every
    known normalised name stands for, for one connection; see the module's
    docstring for when it may be trusted."""

    def __init__(self) -> None:
        self._entities: dict[str, Entity | None] = {}
        self._names: dict[str, list[Entity]] = {}  # norm -> entities, by id
        self._stamp: tuple[int, int] | None = None  # (data_version, total_changes) after the last tracked write
        self._version: int | None = None  # data_version in the current tracked write
        self._complete = False  # see the module's docstring
        self._relations: dict[Key, int] = {}  # key -> id of every stored relation, when complete
        self._next_relation = 1  # the id SQLite gives the next relation, when complete

    def __len__(self) -> int:
        return len(self._entities)

    def clear(self) -> None:
        self._entities.clear()
        self._names.clear()
        self._stamp = self._version = None
        self._complete = False
        self._relations.clear()
        self._next_relation = 1

    def begin(self, cur: sqlite3.Cursor, changes: int) -> None:
        """At the start of a tracked write transaction (write lock held),
        ``changes`` being the connection's ``total_changes``: start again
        empty unless the file is as the last tracked write left it (no
        other connection committed, this one changed no row since)."""
        version = cur.execute("PRAGMA data_version").fetchone()[0]
        if (
            self._stamp != (version, changes)
            or len(self._entities) > MAX_ENTITIES
            or len(self._names) > MAX_NAMES
            or len(self._relations) > MAX_RELATIONS
        ):
            self.clear()
            self._complete = bool(cur.execute(
                "SELECT NOT EXISTS (SELECT 1 FROM entities) AND NOT EXISTS (SELECT 1 FROM relations)").fetchone()[0])
        self._stamp, self._version = None, version

    def committed(self, changes: int) -> None:
        """The tracked write begun last committed; ``changes``: the
        connection's ``total_changes`` now."""
        if self._version is not None:
            self._stamp = (self._version, changes)

    def forget(self) -> None:
        """After a transaction the cache did not follow (a curation, a
        rollback): nothing it holds may be trusted any more."""
        self.clear()

    # -- reads -----------------------------------------------------------------
    def by_name(self, cur: sqlite3.Cursor, norms: Iterable[str]) -> dict[str, list[Entity]]:
        """Stored entities per normalised name (names that name none are left
        out), each list sorted by id: ``lookup_many`` from memory, reading
        only the names it has not seen."""
        norms = set(norms)
        missing = [n for n in norms if n not in self._names]
        if missing and self._complete:  # a name not held names nothing stored
            self._names.update((n, []) for n in missing)
        elif missing:
            found: dict[str, list[str]] = {n: [] for n in missing}
            entities = self._entities
            rows = rows_in(
                cur,
                "SELECT n.norm, e.id, e.name, e.type, e.aliases, e.country FROM entity_names n "
                "JOIN entities e ON e.id = n.entity_id",
                "n.norm",
                missing,
            )
            for norm, *entity in rows:
                found[norm].append(entity[0])
                if entities.get(entity[0]) is None:
                    entities[entity[0]] = row_entity(tuple(entity))
            for norm, ids in found.items():
                self._names[norm] = [entities[i] for i in sorted(ids)]  # type: ignore[misc]
        names = self._names
        return {norm: names[norm] for norm in norms if names[norm]}

    @property
    def complete(self) -> bool:
        """Whether it holds everything stored (see the module's docstring)."""
        return self._complete

    def held(self) -> Mapping[str, Entity | None]:
        """The stored entities held, by id (None: known not to be stored)."""
        return self._entities

    def every_name(self) -> Mapping[str, list[Entity]] | None:
        """When complete, stored entities per normalised name for every
        stored name (a name not in it names none), as ``by_name`` would give
        them, without a look at each name; None when not complete.  Live:
        valid until the next write."""
        return self._names if self._complete else None

    def by_id(self, cur: sqlite3.Cursor, ids: Iterable[str]) -> Mapping[str, Entity | None]:
        """The stored entity of every id (None when there is none)."""
        missing = [i for i in ids if i not in self._entities]
        if missing:
            for i in missing:
                self._entities[i] = None
            if self._complete:  # an id not held is not stored
                return self._entities
            for row in rows_in(cur, "SELECT id, name, type, aliases, country FROM entities", "id", missing):
                self._entities[row[0]] = row_entity(row)
        return self._entities

    # -- writes ----------------------------------------------------------------
    def wrote(self, entity: Entity, names: Iterable[str]) -> None:
        """``entity`` was written as it is; ``names`` are all its normalised
        names (they only grow: a tracked write never takes one away)."""
        self._entities[entity.id] = entity
        for norm in names:
            found = self._names.get(norm)
            if not found:
                if found is not None or self._complete:
                    self._names[norm] = [entity]
            elif len(found) == 1 and found[0].id == entity.id:
                self._names[norm] = [entity]
            else:
                others = [e for e in found if e.id != entity.id]
                self._names[norm] = sorted((*others, entity), key=lambda e: e.id)

    def relation_ids(self) -> dict[Key, int] | None:
        """The id of every stored relation by key when complete (None when
        not); see ``new_relations``."""
        return self._relations if self._complete else None

    def new_relations(self, keys: Iterable[Key]) -> list[tuple[int, Key]]:
        """(id, key) of the ``keys`` not stored, which the caller writes with
        these ids in this transaction: the ids SQLite would give them
        (one past the largest, in the order given).  Only when complete."""
        assert self._complete
        held, out = self._relations, []
        rid = self._next_relation
        for key in keys:
            if key not in held:
                held[key] = rid
                out.append((rid, key))
                rid += 1
        self._next_relation = rid
        return out


def rows_in(cur: sqlite3.Cursor, select: str, column: str, values: Iterable[str]) -> Iterator[tuple]:
    """Rows of ``select`` whose ``column`` is one of ``values``, 500 values
    per statement (SQLite's variable limit)."""
    items = sorted(set(values))
    for i in range(0, len(items), 500):
        chunk = items[i : i + 500]
        yield from cur.execute(f"{select} WHERE {column} IN ({','.join('?' * len(chunk))})", chunk).fetchall()
