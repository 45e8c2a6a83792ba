"""Importing one list file into a store: each list in it becomes one
Document per edition, its entries entities with their facts, and entries a
newer edition no longer names are stated removed, never deleted.

The facts written are those extraction writes for the same listing
(DESIGNATED to the list; for a list of Chinese military companies also
MILITARY_LINK to ``military``; OWNED_BY for a parent the list names), with
evidence whose method is "list-import" and whose attributes say which
edition, file and row stated it.  Everything goes through the store's normal
``add``, so an entry merges with the entity of the same name or alias the
articles already made, and each edition is one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass, field
from typing import Callable, Sequence

from ..errors import ChipgraphError, InvalidQuery
from ..model import (
    MILITARY_ID,
    MILITARY_LIST_NAMES,
    Document,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Relation,
    RelationType,
    normalise_name,
)
from ..reference import load_reference, reference_entities
from ..resolution import resolve_against_store
from ..store import GraphStore
from .entry import ListEntry
from .formats import ListFile, read_list
from .status import LIST_METHOD

__all__ = ["EditionConflict", "EditionResult", "ListImport", "import_list", "plan_editions"]

R = RelationType
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class EditionConflict(ChipgraphError):
    """An edition of a list already imported from a different file."""


@dataclass(frozen=True)
class EditionResult:
    """What importing one list's edition did."""

    list_name: str
    list_id: str
    edition: str
    document_id: str
    added: bool
    entries: int
    removed: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        return {
            "list": self.list_name,
            "list_id": self.list_id,
            "edition": self.edition,
            "document_id": self.document_id,
            "added": self.added,
            "entries": self.entries,
            "removed": list(self.removed),
        }


@dataclass(frozen=True)
class ListImport:
    """What importing a file did, one result per list it holds."""

    file: str
    format: str
    editions: tuple[EditionResult, ...]

    def describe(self) -> str:
        parts = []
        for e in self.editions:
            if not e.added:
                parts.append(f"{e.list_name}, edition of {e.edition}: already imported")
                continue
            gone = f", {len(e.removed)} removed since the previous edition" if e.removed else ""
            parts.append(f"{e.list_name}, edition of {e.edition}: {e.entries} entries{gone}")
        return f"{self.file} ({self.format}): " + "; ".join(parts)

    def to_dict(self) -> dict[str, object]:
        return {"file": self.file, "format": self.format, "editions": [e.to_dict() for e in self.editions]}


def check_edition(edition: str | None) -> str:
    """The edition's date (YYYY-MM-DD); today's (UTC) when none is given."""
    if edition is None:
        return dt.datetime.now(dt.timezone.utc).date().isoformat()
    edition = edition.strip()
    try:
        if not _DATE.fullmatch(edition):
            raise ValueError
        dt.date.fromisoformat(edition)
    except ValueError:
        raise InvalidQuery(f"the edition {edition!r} is not a date (give it as YYYY-MM-DD)") from None
    return edition


def import_list(
    store: GraphStore, data: bytes, file: str, *, format: str | None = None, edition: str | None = None
) -> ListImport:
    """Read ``data`` (the bytes of ``file``) as a list and write every list
    edition in it to ``store``.  The whole file is read and checked, and
    every edition planned, before anything is written."""
    date = check_edition(edition)
    read = read_list(data, file, format)
    load_reference(store)
    plans = plan_editions(store, read, date)
    results = []
    for plan in plans:
        if plan.extraction is not None:
            store.add(plan.extraction)
        results.append(plan.result)
    if any(plan.extraction is not None for plan in plans):
        store.prepare_queries()
    return ListImport(file, read.format, tuple(results))


@dataclass
class _Plan:
    result: EditionResult
    extraction: Extraction | None


@dataclass
class _Doc:
    """A list edition's document being written: one line per statement, and
    the evidence each line gives."""

    id: str
    file: str
    edition: str
    lines: list[str] = field(default_factory=list)
    offset: int = 0

    def state(self, sentence: str, attributes: dict[str, str | None]) -> Evidence:
        ev = Evidence(self.id, sentence, self.offset, self.offset + len(sentence), LIST_METHOD, 1.0,
                      source=self.file, attributes=attributes)
        self.lines.append(sentence)
        self.offset += len(sentence) + 1
        return ev


def _list_entity(name: str) -> Entity:
    """The list entity of data/reference when it is one, so articles and imports meet."""
    for ent in reference_entities():
        if ent.type is EntityType.LIST and ent.name == name:
            return ent
    return Entity.create(name, EntityType.LIST, country="US")


def plan_editions(store: GraphStore, read: ListFile, edition: str) -> list[_Plan]:
    """One plan per list in the file: its extraction (None when this edition
    is already stored) and what it will do."""
    by_list: dict[str, list[ListEntry]] = {}
    for entry in read.entries:
        by_list.setdefault(entry.list_name, []).append(entry)
    return [_plan(store, _list_entity(name), entries, read, edition) for name, entries in by_list.items()]


def _plan(store: GraphStore, lst: Entity, entries: Sequence[ListEntry], read: ListFile, edition: str) -> _Plan:
    doc_id = hashlib.sha256(f"{lst.id}\n{edition}\n{read.sha256}".encode()).hexdigest()[:32]
    name = os.path.basename(read.file) or read.file
    if store.has_document(doc_id):
        return _Plan(EditionResult(lst.name, lst.id, edition, doc_id, False, len(entries)), None)
    history = _History.of(store, lst.id)
    other = history.documents.get(edition, set()) - {doc_id}
    if other:
        raise EditionConflict(
            f"the {lst.name} edition of {edition} is already imported from another file; "
            "give this file's own date with --edition"
        )
    doc = _Doc(doc_id, name, edition)
    military = lst.name in MILITARY_LIST_NAMES
    entities: dict[str, Entity] = {lst.id: lst}
    relations: dict[tuple[str, str, str], Relation] = {}

    def relate(head: Entity, rtype: RelationType, tail: Entity, ev: Evidence) -> None:
        for e in (head, tail):
            entities[e.id] = entities[e.id].merged(e) if e.id in entities else e
        rel = Relation(head.id, rtype, tail.id, (ev,))
        relations[rel.key] = relations[rel.key].merged(rel) if rel.key in relations else rel

    mil = _list_entity("military") if military else None
    for entry in entries:
        ent = Entity.create(entry.name, entry.type, aliases=entry.aliases, country=entry.country)
        attrs = {"edition": edition, "file": name, "row": str(entry.row), "program": entry.program,
                 "listed": entry.listed, "source_url": entry.source_url, "list_source": entry.list_source}
        since = f" since {entry.listed}" if entry.listed else ""
        ev = doc.state(f"{entry.name} is on the {lst.name}{since} (edition of {edition}, {name} row {entry.row}).", attrs)
        relate(ent, R.DESIGNATED, lst, ev)
        if mil is not None:
            relate(ent, R.MILITARY_LINK, mil, ev)
        for parent_name in entry.parents:
            parent = Entity.create(parent_name, EntityType.ORG)
            if parent.id != ent.id:
                owned = doc.state(f"The {lst.name} names {parent_name} as the parent of {entry.name} "
                                  f"(edition of {edition}, {name} row {entry.row}).", attrs)
                relate(ent, R.OWNED_BY, parent, owned)
    draft = Extraction(Document(doc_id, name, "", date=edition), tuple(entities.values()), tuple(relations.values()))
    resolved = resolve_against_store(draft, _lookup(store, {n for e in entities.values() for n in e.names()}))
    members = {r.head for r in resolved.relations if r.type is R.DESIGNATED and r.tail == lst.id}
    ents = {e.id: e for e in resolved.entities}
    removed, removed_now = _removals(store, history, members, ents, edition, doc, lst, mil)
    rels = {r.key: r for r in resolved.relations}
    for ent, rel in removed:
        ents.setdefault(ent.id, ent)
        if mil is not None:
            ents.setdefault(mil.id, mil)
        rels[rel.key] = rels[rel.key].merged(rel) if rel.key in rels else rel
    title = f"{lst.name}, edition of {edition}"
    document = Document(doc_id, name, "\n".join(doc.lines), title=title, date=edition, language="en")
    extraction = Extraction(document, tuple(ents.values()), tuple(rels.values()))
    return _Plan(EditionResult(lst.name, lst.id, edition, doc_id, True, len(entries), removed_now), extraction)


def _lookup(store: GraphStore, names: set[str]) -> Callable[[str], list[Entity]]:
    """``store.lookup`` for ``names``, in one round trip where the store can
    (a list of thousands of entries is not thousands of queries)."""
    found = store.lookup_many(names)
    return lambda name: list(found.get(normalise_name(name), ()))


@dataclass
class _History:
    """What the store holds of a list's editions: the entity ids each
    edition names, and the documents each edition was read from."""

    members: dict[str, set[str]]
    documents: dict[str, set[str]]

    @classmethod
    def of(cls, store: GraphStore, list_id: str) -> "_History":
        keys = [lk.key for lk in store.links([list_id], [R.DESIGNATED], "in") if lk.tail == list_id]
        members: dict[str, set[str]] = {}
        documents: dict[str, set[str]] = {}
        for rel in store.relations_by_key(keys).values():
            for ev in rel.evidence:
                edition = ev.attributes.get("edition")
                if ev.method != LIST_METHOD or not edition:
                    continue
                if "removed" not in ev.attributes:
                    members.setdefault(edition, set()).add(rel.head)
                    documents.setdefault(edition, set()).add(ev.document_id)
        return cls(members, documents)

    def editions(self) -> list[str]:
        return sorted(self.members)


def _removals(
    store: GraphStore,
    history: _History,
    members: set[str],
    written: dict[str, Entity],
    edition: str,
    doc: _Doc,
    lst: Entity,
    mil: Entity | None,
) -> tuple[list[tuple[Entity, Relation]], tuple[str, ...]]:
    """Statements of removal, and the names removed by this edition: entries
    of the previous edition this one no longer names (removed on this
    edition's date), and, when an older edition is imported after a newer
    one, its entries the newer one no longer names (removed on the newer
    one's date)."""
    earlier = [e for e in history.editions() if e < edition]
    later = [e for e in history.editions() if e > edition]
    gone: list[tuple[str, str, str]] = []  # entity id, removed on, previous edition
    if earlier:
        gone += [(i, edition, earlier[-1]) for i in sorted(history.members[earlier[-1]] - members)]
    if later:
        gone += [(i, later[0], edition) for i in sorted(members - history.members[later[0]])]
    from ..questions import _entities

    out: list[tuple[Entity, Relation]] = []
    now: list[str] = []
    known = {e.id: e for e in _entities(store, {i for i, _, _ in gone if i not in written})} | written
    for ent_id, removed_on, previous in gone:
        ent = known[ent_id]
        if removed_on == edition:
            now.append(ent.name)
        sentence = (f"{ent.name}, on the {lst.name} edition of {previous}, is not on its edition of {removed_on}"
                    f" ({doc.file}).")
        attrs = {"edition": removed_on, "removed": removed_on, "previous_edition": previous, "file": doc.file}
        ev = doc.state(sentence, attrs)
        out.append((ent, Relation(ent.id, R.DESIGNATED, lst.id, (ev,))))
        if mil is not None:
            out.append((ent, Relation(ent.id, R.MILITARY_LINK, mil.id, (ev,))))
    return out, tuple(sorted(now))
