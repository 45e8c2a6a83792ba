"""The embedded store: the whole graph in one SQLite file, no server needed.

SQLite gives what a pickle cannot: atomic per-article transactions (a crash
mid-ingest leaves nothing half-written), concurrent readers while the API
serves, and a file any SQLite tool can open.  Path, walk and neighbourhood
queries run over a graph index beside the file (graph/graph_index.py):
memory-mapped integer adjacency, brought up to date from what was written
since, never reloaded whole.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from contextlib import contextmanager
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

import numpy as np

from .errors import QuickReadTooLong, StoreError, StoreUnavailable
from .model import (
    sorted_evidence,
    Document,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Relation,
    RelationType,
    normalise_name,
)
from .graph_index import GRAPH_LOG_SCHEMA, TYPE_CODES, TYPE_NAMES, GraphIndex
from .path_search import QUICK_MAX_WORK, RawHop, SearchTooLong, find_paths
from .paths import Hop, OwnershipPath, PathQuery, rank_paths
from .citations import DocumentInfo
from .resolution import batch_names
from .batching import batches
from .gc_pause import collection_paused
from . import sqlite_bulk, sqlite_indexes
from .sqlite_known import KnownEntities, name_keys, row_entity, rows_in
from .store import GraphStore, IngestResult, Link, Walk, resolve_batch
from .subgraph import Subgraph
from .curation import Changes, CurationEntry
from .lists.status import LIST_METHOD, REMOVAL_MARK, is_current

__all__ = ["SQLiteStore"]

log = logging.getLogger(__name__)

#: 2: evidence rows carry the attributes their sentence states; the
#: relations.attributes column keeps only attributes with no known source.
#: 3: the curation log (graph/curation.py), one JSON entry per row.
SCHEMA_VERSION = 3

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    title TEXT,
    date TEXT,
    language TEXT NOT NULL,
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]',
    country TEXT
);
CREATE TABLE IF NOT EXISTS entity_names (
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    norm TEXT NOT NULL,
    PRIMARY KEY (entity_id, norm)
);
CREATE INDEX IF NOT EXISTS entity_names_norm ON entity_names(norm);
CREATE TABLE IF NOT EXISTS relations (
    id INTEGER PRIMARY KEY,
    head TEXT NOT NULL REFERENCES entities(id),
    type TEXT NOT NULL,
    tail TEXT NOT NULL REFERENCES entities(id),
    attributes TEXT NOT NULL DEFAULT '{}',
    UNIQUE (head, type, tail)
);
CREATE TABLE IF NOT EXISTS evidence (
    relation_id INTEGER NOT NULL REFERENCES relations(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    method TEXT NOT NULL,
    sentence TEXT NOT NULL,
    confidence REAL NOT NULL,
    source TEXT,
    attributes TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (relation_id, document_id, start, end, method)
);
CREATE TABLE IF NOT EXISTS curation (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    entry TEXT NOT NULL
);
"""


class SQLiteStore(GraphStore):
    """A graph in a SQLite file (created on first use)."""

    #: rows per ``write_batch`` that ``copy_graph`` sends by default: each
    #: commit rewrites every index page the batch touched, so a copy of
    #: 200,000 relations in batches of 1,000 rows took twice as long
    copy_batch_rows = 40_000

    def __init__(self, path: Path | str, *, create: bool = True) -> None:
        self.path = Path(path)
        self.location = str(self.path)
        if self.path.is_dir():
            raise StoreUnavailable(f"store path {self.path} is a folder; give a file name such as chipgraph.sqlite")
        if not create and not self.path.exists():
            raise StoreUnavailable(
                f"no store at {self.path}: the file does not exist; check the path (--store / $CHIPGRAPH_STORE), "
                "or create the store with `chipgraph ingest`"
            )
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # check_same_thread=False: the API serves from a thread pool; the
            # lock below keeps one statement sequence at a time.
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            # a 64 MiB page cache (an upper bound, taken as pages are read):
            # bulk loads insert all over the relation and evidence indexes
            self._db.execute("PRAGMA cache_size = -65536")
            # the log a bulk load grows (sqlite_bulk.checkpoints_deferred) is
            # cut back to this size once it has been checkpointed
            self._db.execute(f"PRAGMA journal_size_limit = {sqlite_bulk.WAL_KEPT_BYTES}")
            self._db.executescript(_SCHEMA + GRAPH_LOG_SCHEMA)
            self._check_version()
            # the indexes that only speed reads up (graph/sqlite_indexes.py)
            sqlite_indexes.add_missing(self._db, str(self.path))
        except sqlite3.DatabaseError as exc:
            raise StoreUnavailable(
                f"cannot open {self.path} as a chipgraph store ({exc}); is it a SQLite file written by chipgraph?"
            ) from exc
        self._lock = threading.RLock()
        #: edges a path search may look at: set only inside quick_reads()
        self._search_budget: int | None = None
        #: quick_reads' read transaction is open
        self._snapshot = False
        #: inside quick_reads that found the index current (its PRAGMA is not asked again)
        self._checked_current = False
        self._index: GraphIndex | None = None
        self._index_version: int | None = None
        self._index_stale = True
        self._lapsed_ids: frozenset[int] | None = None
        self._known = KnownEntities()  # entities and names read or written (graph/sqlite_known.py)
        self._bulk_depth = 0  # bulk_load blocks open

    def _check_version(self) -> None:
        row = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            self._db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            return
        version = int(row[0])
        if version in _MIGRATIONS:
            _migrate(self._db, version)
        elif version != SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has chipgraph schema version {row[0]}, this chipgraph reads version "
                f"{SCHEMA_VERSION}; copy it with a matching chipgraph or start a new store"
            )

    # -- writes ---------------------------------------------------------------
    def _write(self, extraction: Extraction) -> None:
        with self._transaction(tracked=True) as cur:
            self._write_rows(cur, [extraction])

    @contextmanager
    def _transaction(self, *, tracked: bool = False) -> Iterator[sqlite3.Cursor]:
        """One write transaction (taken at once, so writers queue instead of
        failing mid-way); rolled back whole on any error, and the cached
        graph is dropped either way.  ``tracked``: every entity it writes
        goes through ``_write_entities``, which keeps ``self._known`` true;
        any other transaction, or a rollback, empties it."""
        with self._lock:
            self._end_snapshot()  # a write inside quick_reads reads and writes the file as it is now
            cur = self._db.cursor()
            cur.execute("BEGIN IMMEDIATE")
            try:
                if tracked:
                    self._known.begin(cur, self._db.total_changes)
                else:  # it may change anything the cache holds
                    self._known.forget()
                yield cur
                cur.execute("COMMIT")
                if tracked:
                    self._known.committed(self._db.total_changes)
            except BaseException:
                self._known.forget()
                cur.execute("ROLLBACK")
                raise
            finally:
                self._index_stale = True
                if not tracked:
                    self._known.forget()

    def add_many(self, extractions: Iterable[Extraction], *, batch_articles: int = 2000) -> list[IngestResult]:
        """Add articles ``batch_articles`` per transaction: the bulk path of
        ingest, ``job load`` and ``copy``.

        Same result as ``add`` one by one: known documents are skipped and
        names resolve against the store and the articles before them (see
        BatchResolver; stored names and entities are read once per load and
        remembered, see graph/sqlite_known.py); then the batch's rows are
        written together.  A batch is one transaction, so a crash or error
        leaves whole articles only (those of earlier batches), never part of
        one, and a re-run completes the rest.  A big load into a small store
        builds the read-only indexes once at its end (``bulk_load``).
        """
        groups = batches(_validated(extractions), batch_articles)
        first = next(groups, None)
        if first is None:
            return []
        with self.bulk_load(sum(len(x.relations) for x in first)):
            results = self._add_group(first)
            for group in groups:
                results.extend(self._add_group(group))
        return results

    @contextmanager
    def bulk_load(self, relations: int) -> Iterator[None]:
        """A load of about ``relations`` relations happens in the block (in
        any number of transactions): when the store holds fewer, the
        indexes that only reads need are built once at its end instead of
        row by row (graph/sqlite_indexes.py); the write-ahead log is copied
        into the file once at its end (sqlite_bulk.checkpoints_deferred).
        Nested blocks do nothing."""
        self._bulk_depth += 1
        try:
            if self._bulk_depth > 1:
                yield
                return
            with sqlite_bulk.checkpoints_deferred(self._db), \
                    sqlite_indexes.deferred(lambda: self._transaction(tracked=True), relations):
                yield
        finally:
            self._bulk_depth -= 1

    @contextmanager
    def _bulk_transaction(self) -> Iterator[sqlite3.Cursor]:
        """A tracked write transaction of the bulk paths (``add_many``'s
        batches, ``write_batch``): foreign keys off and the idle graph-log
        reuse triggers dropped for its length, the batch's references
        checked once instead (graph/sqlite_bulk.py; ``_write_parts`` with
        ``checked=False``)."""
        with self._lock, sqlite_bulk.foreign_keys_off(self._db), self._transaction(tracked=True) as cur:
            with sqlite_bulk.idle_reuse_triggers(cur):
                yield cur

    def _add_group(self, group: list[Extraction]) -> list[IngestResult]:
        with collection_paused(), self._bulk_transaction() as cur:
            ids = [x.document.id for x in group]
            known = {row[0] for row in self._rows_in(cur, "SELECT id FROM documents", "id", ids)}
            stored = self._known.every_name()
            if stored is None:
                stored = self._known.by_name(cur, map(normalise_name, batch_names(group)))
            results, to_write = resolve_batch(group, known, stored, self._known.held())
            self._write_rows(cur, to_write, checked=False)
        if to_write:
            self._after_write(to_write)  # the curation log holds for bulk writes too
        return results

    _rows_in = staticmethod(rows_in)

    def _lookup_for(self, extraction: Extraction) -> Callable[[str], list[Entity]]:
        """Every name of ``extraction`` read at once (500 per statement), so a
        list edition of thousands of names costs a few queries, not one per
        name; answers as ``lookup`` would."""
        stored = self.lookup_many(batch_names([extraction]))
        return lambda name: list(stored.get(normalise_name(name), ()))

    def lookup_many(self, names: Iterable[str]) -> dict[str, list[Entity]]:
        with self._lock:
            return self._lookup_many(self._db.cursor(), names)

    def _lookup_many(self, cur: sqlite3.Cursor, names: Iterable[str]) -> dict[str, list[Entity]]:
        """Stored entities per normalised name, for many names at once."""
        out: dict[str, list[Entity]] = {}
        rows = self._rows_in(
            cur,
            "SELECT n.norm, e.id, e.name, e.type, e.aliases, e.country FROM entities e "
            "JOIN entity_names n ON n.entity_id = e.id",
            "n.norm",
            {normalise_name(n) for n in names},
        )
        for norm, *entity in rows:
            out.setdefault(norm, []).append(_entity(tuple(entity)))
        for found in out.values():
            found.sort(key=lambda e: e.id)
        return out

    def _write_rows(self, cur: sqlite3.Cursor, batch: Sequence[Extraction], *, checked: bool = True) -> None:
        """Resolved articles' rows, inside the caller's transaction: entities
        and relations merged with what is stored exactly as writing the
        articles one by one would, in a handful of statements per batch
        (``checked``: see ``_write_parts``)."""
        self._write_parts(
            cur,
            [x.document for x in batch],
            [e for x in batch for e in x.entities],
            [r for x in batch for r in x.relations],
            checked=checked,
        )

    def write_batch(
        self,
        *,
        documents: Sequence[Document] = (),
        entities: Sequence[Entity] = (),
        relations: Sequence[Relation] = (),
    ) -> None:
        """Write rows as they are (no name resolution) in one transaction: the
        bulk path ``copy_graph`` uses.  Idempotent; entities and relations
        merge with what is stored exactly as in ``add``.  Every piece of
        evidence must name a document that is stored or in ``documents``."""
        with self._bulk_transaction() as cur:
            self._write_parts(cur, documents, entities, relations, checked=False)

    def _write_parts(
        self, cur: sqlite3.Cursor, documents: Sequence[Document], entities: Sequence[Entity],
        relations: Sequence[Relation], *, checked: bool = True,
    ) -> None:
        """``checked``: SQLite enforces the foreign keys; else (a bulk
        transaction, foreign keys off) the references are checked here
        before any relation is written (graph/sqlite_bulk.py)."""
        self._write_entities(cur, entities)
        if not checked:
            sqlite_bulk.check_references(cur, self._known.held(), self._known.complete, documents, relations)
        sqlite_bulk.insert_rows(
            cur, "INSERT OR IGNORE INTO documents (id, source, title, date, language, text)",
            [(d.id, d.source, d.title, d.date, d.language, d.text) for d in documents],
        )
        self._write_relations(cur, relations)

    def _write_entities(self, cur: sqlite3.Cursor, entities: Sequence[Entity]) -> None:
        """Upsert ``entities`` (in order, an id seen twice merged), each merged
        into its stored row: the stored name stays, aliases accumulate.  An
        entity the merge leaves as stored is not written again, and only
        names it did not have yet are added (the stored rows come from
        ``self._known``, read once per load)."""
        merged: dict[str, Entity] = {}
        for ent in entities:
            before = merged.get(ent.id)
            if before is None:
                merged[ent.id] = ent
            elif before is not ent:  # a bulk load meets the very same object again and again
                merged[ent.id] = before.merged(ent)
        stored = self._known.by_id(cur, merged)
        rows: list[tuple] = []
        names: list[tuple[str, str]] = []
        for eid, ent in merged.items():
            old = stored[eid]
            if old is not None:
                if old is ent:
                    continue
                ent = old.merged(ent)
                if ent is old or ent == old:
                    continue
            keys = name_keys(ent)
            names.extend((eid, n) for n in (keys - name_keys(old) if old is not None else keys))
            rows.append((eid, ent.name, ent.type.value, json.dumps(list(ent.aliases)), ent.country))
            self._known.wrote(ent, keys)
        sqlite_bulk.insert_rows(
            cur, "INSERT INTO entities (id, name, type, aliases, country)", rows,
            "ON CONFLICT(id) DO UPDATE SET aliases = excluded.aliases, country = excluded.country",
        )
        sqlite_bulk.insert_rows(cur, "INSERT OR IGNORE INTO entity_names (entity_id, norm)", names)

    def _write_relations(self, cur: sqlite3.Cursor, relations: Sequence[Relation]) -> None:
        """Relation rows and their evidence (a piece already stored is left as
        it is).  The ``attributes`` column holds unsourced attributes only,
        the first stated winning (stored ones first); sourced ones go with
        the evidence.

        New relations get their row ids in the order first seen, as
        one-by-one writes would give them: from the complete cache when the
        store started empty (graph/sqlite_known.py), evidence then written
        with its relation's id; else from SQLite, evidence finding its
        relation's id inside SQLite (a lookup on the unique index per row, no
        round trip).  Stored rows are read only for keys that bring
        unsourced attributes to merge."""
        keys = [(rel.head, _TYPE_VALUE[rel.type], rel.tail) for rel in relations]
        # key -> its unsourced attributes (_NO_ATTRIBUTES, never changed, for none)
        unsourced: dict[tuple[str, str, str], Mapping[str, str]] = {}
        for key, rel in zip(keys, relations):
            stated = rel.unsourced_attributes
            if stated:
                attrs = dict(stated)
                attrs.update(unsourced.get(key, _NO_ATTRIBUTES))
                unsourced[key] = attrs
            elif key not in unsourced:
                unsourced[key] = _NO_ATTRIBUTES
        known = self._known.relation_ids()  # every stored relation's id, on a complete cache
        with_attrs = [key for key, attrs in unsourced.items() if attrs and (known is None or key in known)]
        updates = []
        one = "SELECT head, type, tail, id, attributes FROM relations WHERE head = ? AND type = ? AND tail = ?"
        for i in range(0, len(with_attrs), 300):  # a row-value IN list would scan the table
            chunk = with_attrs[i : i + 300]
            for h, t, tl, rid, stored_attrs in cur.execute(
                " UNION ALL ".join([one] * len(chunk)), [part for key in chunk for part in key]
            ).fetchall():
                attrs = unsourced[(h, t, tl)]
                if not json.loads(stored_attrs).items() >= attrs.items():
                    attrs.update(json.loads(stored_attrs))
                    updates.append((json.dumps(attrs, sort_keys=True), rid))
        if known is None:
            sqlite_bulk.insert_rows(
                cur, "INSERT INTO relations (head, type, tail, attributes)",
                [(*key, _json_text(attrs)) for key, attrs in unsourced.items()],
                "ON CONFLICT (head, type, tail) DO NOTHING",
            )
        else:  # the ids SQLite would give; a key stored after all fails the transaction
            sqlite_bulk.insert_rows(
                cur, "INSERT INTO relations (id, head, type, tail, attributes)",
                [(rid, *key, _json_text(attrs) if (attrs := unsourced[key]) else "{}")
                 for rid, key in self._known.new_relations(unsourced)],
            )
        cur.executemany("UPDATE relations SET attributes = ? WHERE id = ?", updates)
        columns = "relation_id, document_id, start, end, method, sentence, confidence, source, attributes"
        if known is None:  # the relation's id found inside SQLite, on the unique index
            cur.executemany(
                f"INSERT OR IGNORE INTO evidence ({columns}) "
                "SELECT id, ?,?,?,?,?,?,?,? FROM relations WHERE head = ? AND type = ? AND tail = ?",
                [
                    (e.document_id, e.start, e.end, e.method, e.sentence, e.confidence, e.source,
                     json.dumps(e.attributes, sort_keys=True) if e.attributes else "{}", *key)
                    for key, rel in zip(keys, relations)
                    for e in rel.evidence
                ],
            )
        else:
            sqlite_bulk.insert_rows(
                cur, f"INSERT OR IGNORE INTO evidence ({columns})",
                [
                    (known[key], e.document_id, e.start, e.end, e.method, e.sentence, e.confidence, e.source,
                     json.dumps(e.attributes, sort_keys=True) if e.attributes else "{}")
                    for key, rel in zip(keys, relations)
                    for e in rel.evidence
                ],
            )

    # -- curation (graph/curation.py) ------------------------------------------
    def curation_log(self) -> list[CurationEntry]:
        return [CurationEntry.from_json(row[0]) for row in self._query("SELECT entry FROM curation ORDER BY seq")]

    def curation_version(self) -> tuple[int, str | None]:
        count, last = self._query("SELECT COUNT(*), (SELECT id FROM curation ORDER BY seq DESC LIMIT 1) FROM curation")[0]
        return int(count), last

    def relations_of_document(self, document_id: str) -> list[Relation]:
        return self._relations_where(
            "r.id IN (SELECT relation_id FROM evidence WHERE document_id = ?)", (document_id,)
        )

    def _apply_changes(self, changes: Changes, entries: Sequence[CurationEntry] = ()) -> None:
        """One transaction: the changes and the log entries land together or not at all."""
        rekeyed = changes.drop_relations | set(changes.put_relations)
        try:
            with self._transaction() as cur:
                cur.executemany("DELETE FROM relations WHERE head = ? AND type = ? AND tail = ?", sorted(rekeyed))
                for ent in changes.put_entities.values():
                    cur.execute(
                        "INSERT INTO entities (id, name, type, aliases, country) VALUES (?,?,?,?,?) "
                        "ON CONFLICT(id) DO UPDATE SET name = excluded.name, aliases = excluded.aliases, "
                        "country = excluded.country",
                        (ent.id, ent.name, ent.type.value, json.dumps(list(ent.aliases)), ent.country),
                    )
                    cur.execute("DELETE FROM entity_names WHERE entity_id = ?", (ent.id,))
                    cur.executemany(
                        "INSERT OR IGNORE INTO entity_names (entity_id, norm) VALUES (?, ?)",
                        [(ent.id, n) for n in {normalise_name(x) for x in ent.names()}],
                    )
                self._write_relations(cur, list(changes.put_relations.values()))
                cur.executemany("DELETE FROM entities WHERE id = ?", [(i,) for i in sorted(changes.drop_entities)])
                for doc_id in sorted(changes.drop_documents):
                    cur.execute("DELETE FROM evidence WHERE document_id = ?", (doc_id,))
                    cur.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
                cur.executemany(
                    "INSERT OR IGNORE INTO curation (id, entry) VALUES (?, ?)", [(e.id, e.to_json()) for e in entries]
                )
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: applying a curation failed ({exc}); nothing was changed") from exc

    # -- reads: documents and entities -----------------------------------------
    def _query(self, sql: str, params: Iterable[Any] = ()) -> list[tuple]:
        with self._lock:
            return self._db.execute(sql, tuple(params)).fetchall()

    def has_document(self, document_id: str) -> bool:
        return bool(self._query("SELECT 1 FROM documents WHERE id = ?", (document_id,)))

    def get_document(self, document_id: str) -> Document | None:
        rows = self._query(
            "SELECT id, source, text, title, date, language FROM documents WHERE id = ?", (document_id,)
        )
        return Document(*rows[0]) if rows else None

    def documents(self) -> Iterator[Document]:
        for row in self._query("SELECT id, source, text, title, date, language FROM documents ORDER BY rowid"):
            yield Document(*row)

    def get_entity(self, entity_id: str) -> Entity | None:
        rows = self._query("SELECT id, name, type, aliases, country FROM entities WHERE id = ?", (entity_id,))
        return _entity(rows[0]) if rows else None

    def _entity_or_named(self, name: str) -> tuple[Entity | None, list[Entity]]:
        """As GraphStore's, in one statement (the id's row first, marked), not
        two: a GET /paths resolves two names per question."""
        rows = self._query(
            "SELECT 1, id, name, type, aliases, country FROM entities WHERE id = ? UNION ALL "
            "SELECT 0, e.id, e.name, e.type, e.aliases, e.country FROM entities e "
            "JOIN entity_names n ON n.entity_id = e.id WHERE n.norm = ? ORDER BY 1 DESC, 2",
            (name, normalise_name(name)),
        )
        if rows and rows[0][0]:
            return _entity(rows[0][1:]), []
        return None, [_entity(row[1:]) for row in rows]

    def _rows_by_id(self, select: str, ids: Iterable[str]) -> list[tuple]:
        """Rows of ``select`` (a SELECT ... FROM ... without WHERE) whose id is
        one of ``ids`` (see ``_rows_in``)."""
        with self._lock:
            return list(self._rows_in(self._db.cursor(), select, "id", ids))

    def _entities_by_id(self, ids: Iterable[str]) -> dict[str, Entity]:
        rows = self._rows_by_id("SELECT id, name, type, aliases, country FROM entities", ids)
        return {row[0]: _entity(row) for row in rows}

    def entities(self) -> Iterator[Entity]:
        for row in self._query("SELECT id, name, type, aliases, country FROM entities ORDER BY id"):
            yield _entity(row)

    def entity_ids_of_type(self, type: EntityType) -> list[str]:
        return [r[0] for r in self._query("SELECT id FROM entities WHERE type = ? ORDER BY id", (EntityType(type).value,))]

    def lookup(self, name: str) -> list[Entity]:
        rows = self._query(
            "SELECT e.id, e.name, e.type, e.aliases, e.country FROM entities e "
            "JOIN entity_names n ON n.entity_id = e.id WHERE n.norm = ? ORDER BY e.id",
            (normalise_name(name),),
        )
        return [_entity(r) for r in rows]

    def search(self, query: str, limit: int = 20) -> list[Entity]:
        q = normalise_name(query) if query.strip() else ""
        like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self._query(
            "SELECT e.id, e.name, e.type, e.aliases, e.country FROM entities e "
            "JOIN entity_names n ON n.entity_id = e.id WHERE n.norm LIKE ? ESCAPE '\\' "
            "GROUP BY e.id ORDER BY MAX(n.norm = ?) DESC, length(e.name), e.name LIMIT ?",
            (like, q, limit),
        )
        return [_entity(r) for r in rows]

    # -- reads: relations ------------------------------------------------------
    def _relations_where(self, where: str, params: Iterable[Any]) -> list[Relation]:
        return [rel for _, rel in self._relations_rows(where, params)]

    def _relations_with_ids(self, where: str, ids: Iterable[int]) -> list[tuple[int, Relation]]:
        """(id, relation) for relation ids, 500 per statement; ``where`` has
        one ``{}`` for the placeholders."""
        id_list = sorted(set(ids))
        out: list[tuple[int, Relation]] = []
        for i in range(0, len(id_list), 500):
            chunk = id_list[i : i + 500]
            out += self._relations_rows(where.format(",".join("?" * len(chunk))), chunk)
        return out

    def _relations_rows(self, where: str, params: Iterable[Any]) -> list[tuple[int, Relation]]:
        """(id, relation) of the relations ``where`` selects, with their
        evidence: one statement (each relation's row joined with its evidence
        rows), in relation id order."""
        rows = self._query(
            f"SELECT {_RELATION_COLUMNS} FROM relations r LEFT JOIN evidence e ON e.relation_id = r.id "
            f"WHERE {where} ORDER BY r.id",
            params,
        )
        return [(rid, _relation_of(list(group))) for rid, group in groupby(rows, key=itemgetter(0))]

    def _relations_and_ends(
        self, rids: Iterable[int], cited: dict[str, DocumentInfo] | None = None
    ) -> tuple[dict[int, Relation], dict[str, Entity]]:
        """Relations by id, with their evidence, and the entities at their
        ends: ``_relations_rows`` with both ends' rows joined in (and, for
        ``cited``, each piece of evidence's document).  A relation whose end
        is gone (a writer removed it since the search) is left out."""
        columns = f"{_RELATION_COLUMNS}, h.name, h.type, h.aliases, h.country, t.name, t.type, t.aliases, t.country"
        joins = "JOIN entities h ON h.id = r.head JOIN entities t ON t.id = r.tail LEFT JOIN evidence e ON e.relation_id = r.id"
        if cited is not None:
            columns += ", d.source, d.title, d.date, d.language"
            joins += " LEFT JOIN documents d ON d.id = e.document_id"
        id_list = sorted(set(rids))
        relations: dict[int, Relation] = {}
        entities: dict[str, Entity] = {}
        for i in range(0, len(id_list), 500):
            chunk = id_list[i : i + 500]
            rows = self._query(
                f"SELECT {columns} FROM relations r {joins} WHERE r.id IN ({','.join('?' * len(chunk))}) ORDER BY r.id",
                chunk,
            )
            for rid, group in groupby(rows, key=itemgetter(0)):
                group = list(group)
                first = group[0]
                for eid, row in ((first[1], first[13:17]), (first[3], first[17:21])):
                    if eid not in entities:
                        entities[eid] = row_entity((eid, *row))
                if cited is not None:
                    for row in group:
                        if row[21] is not None and row[5] not in cited:  # NULL: no such document, as document_infos
                            cited[row[5]] = DocumentInfo(row[5], *row[21:25])
                relations[rid] = _relation_of([row[:13] for row in group])
        return relations, entities

    def relations(self, entity_id: str | None = None) -> Iterator[Relation]:
        if entity_id is None:
            yield from self._relations_where("1 = 1", ())
        else:
            yield from self._relations_where("r.head = ? OR r.tail = ?", (entity_id, entity_id))

    def counts(self) -> dict[str, int]:
        return {
            table: self._query(f"SELECT COUNT(*) FROM {table}")[0][0]
            for table in ("documents", "entities", "relations", "evidence")
        }

    # -- graph queries (the graph index) -----------------------------------------
    def _graph(self) -> GraphIndex:
        """The graph index, brought up to date when the file changed.

        PRAGMA data_version changes when another connection commits, so an API
        process sees what a concurrent `chipgraph ingest` wrote; this
        connection's own writes mark the index stale in ``_write``.  Callers
        hold ``self._lock`` while they read the index.
        """
        with self._lock:
            if self._checked_current and not self._index_stale:  # quick_reads has just asked
                return self._index
            version = self._db.execute("PRAGMA data_version").fetchone()[0]
            if self._index is None:
                self._index = GraphIndex(self._db, self.path)
            if self._index_stale or version != self._index_version:
                self._index.sync()
                self._index_version, self._index_stale = version, False
                self._lapsed_ids = None
            return self._index

    def prepare_queries(self) -> None:
        """Sync (or build, the first time) the graph index here, in the
        process that loaded, rather than in the first query's."""
        with self._lock:
            self._graph()

    def _lapsed(self) -> frozenset[int]:
        """Ids of the relations a newer list edition removed, which paths
        leave out: few, so read once per change of the graph.  Callers hold
        ``self._lock`` and have called ``_graph()``."""
        if self._lapsed_ids is None:
            # the method is a literal so that SQLite uses the partial index
            candidates = [r[0] for r in self._query(
                f"SELECT DISTINCT relation_id FROM evidence WHERE method = '{LIST_METHOD}' AND instr(attributes, ?) > 0",
                (REMOVAL_MARK,))]
            self._lapsed_ids = frozenset(
                rid for rid, rel in self._relations_with_ids("r.id IN ({})", candidates) if not is_current(rel))
        return self._lapsed_ids

    @contextmanager
    def quick_reads(self) -> Iterator[bool]:
        """True while no other thread holds the store and the graph index is
        current (built, and nothing written since it was brought up to date),
        so a read neither waits for a lock nor reads a delta or compacts; the
        lock is held until the block ends.  One PRAGMA, no waiting.

        While current, the block's reads share one read transaction, opened
        by the PRAGMA: one snapshot of the file for the whole answer, and
        SQLite takes its read lock once instead of once per statement (in
        WAL mode that is several system calls, a fifth of a small path
        answer).  A write inside the block ends it first.  A block nested in
        another leaves the outer one's budget and check as it found them."""
        if not self._lock.acquire(blocking=False):
            yield False
            return
        opened = False
        outer = self._search_budget, self._checked_current
        try:
            current = self._index is not None and not self._index_stale
            if current and not self._db.in_transaction:  # else nested, or inside a write: that transaction reads
                self._db.execute("BEGIN")
                self._snapshot = opened = True
            if current:
                current = self._db.execute("PRAGMA data_version").fetchone()[0] == self._index_version
                if not current and opened:  # the index must sync first, in a transaction of its own
                    self._end_snapshot()
            self._search_budget = QUICK_MAX_WORK if current else None
            self._checked_current = current
            yield current
        finally:
            if opened:
                self._end_snapshot()
            self._search_budget, self._checked_current = outer
            self._lock.release()

    def _end_snapshot(self) -> None:
        """End quick_reads' read transaction, if it is open."""
        if self._snapshot:
            self._snapshot = False
            self._db.execute("COMMIT")

    def paths(self, query: PathQuery) -> list[OwnershipPath]:
        return self._paths(query, None)

    def cited_paths(self, query: PathQuery) -> tuple[list[OwnershipPath], dict[str, DocumentInfo]]:
        """In the statements that read the paths (a path question's answer
        is mostly statements)."""
        cited: dict[str, DocumentInfo] = {}
        return self._paths(query, cited), cited

    def _paths(self, query: PathQuery, cited: dict[str, DocumentInfo] | None) -> list[OwnershipPath]:
        """``paths``; with ``cited``, the documents the paths' evidence cites are put there."""
        with self._lock:
            index = self._graph()
            nodes = index.nodes_of((query.source, query.target))
            source, target = nodes.get(query.source), nodes.get(query.target)
            if source is None or target is None or source == target:
                return []
            codes = [TYPE_CODES[t] for t in query.type_names]
            skip = frozenset() if query.include_removed else self._lapsed()
            try:
                raw = find_paths(index, source, target, codes, query.direction == "both", query.max_hops, query.limit,
                                 skip, self._search_budget)
            except SearchTooLong:
                raise QuickReadTooLong(f"{self.location}: the path search needs more than {QUICK_MAX_WORK:,} edges; "
                                       "ask outside quick_reads()") from None
            return rank_paths(self._hydrate(self._best(raw, index, query.limit), index, cited), query.limit)

    def _best(self, raw: list[list[RawHop]], index: GraphIndex, limit: int) -> list[list[RawHop]]:
        """The ``limit`` paths ``rank_paths`` would keep, chosen from names and
        confidences alone, so evidence is read for those paths only."""
        if len(raw) <= limit:
            return raw
        rids = sorted({h[4] for path in raw for h in path})
        confidence: dict[int, float] = {}
        for i in range(0, len(rids), 500):
            chunk = rids[i : i + 500]
            confidence.update(self._query(
                "SELECT relation_id, MAX(confidence) FROM evidence "
                f"WHERE relation_id IN ({','.join('?' * len(chunk))}) GROUP BY relation_id", chunk))
        ids = index.ids_of({n for path in raw for a, _, b, _, _ in path for n in (a, b)})
        names = {eid: name.casefold() for eid, name in self._rows_by_id("SELECT id, name FROM entities", ids.values())}

        def rank(path: list[RawHop]) -> tuple:
            seq = [ids.get(n, "") for n in [path[0][0], *(h[2] for h in path)]]
            keys = tuple((ids.get(a, ""), TYPE_NAMES[t], ids.get(b, "")) if fwd else (ids.get(b, ""), TYPE_NAMES[t], ids.get(a, ""))
                         for a, t, b, fwd, _ in path)
            weakest = min(confidence.get(h[4], 0.0) for h in path)
            return (len(path), -weakest, [names.get(e, "") for e in seq], tuple(seq) + keys)

        return sorted(raw, key=rank)[:limit]

    def _hydrate(
        self, raw: list[list[RawHop]], index: GraphIndex, cited: dict[str, DocumentInfo] | None = None
    ) -> list[OwnershipPath]:
        """Entities and relations (with evidence) of the paths found, and
        into ``cited`` the documents of that evidence.  Every entity of a
        path is an end of one of its relations, so one statement per 500
        relations reads them all (a small question's answer is mostly
        statements: one fewer is a tenth of it)."""
        relations, ents = self._relations_and_ends({rid for path in raw for *_, rid in path}, cited)
        ids = index.ids_of({n for path in raw for a, _, b, _, _ in path for n in (a, b)})
        out = []
        for path in raw:
            nodes = [path[0][0]] + [b for _, _, b, _, _ in path]
            if any(ids.get(n) not in ents for n in nodes) or any(h[4] not in relations for h in path):
                continue  # removed by a writer since the search
            hops = tuple(Hop(relations[rid], forward=fwd) for _, _, _, fwd, rid in path)
            out.append(OwnershipPath(tuple(ents[ids[n]] for n in nodes), hops))
        return out

    def relations_by_key(self, keys: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str, str], Relation]:
        relations: dict[tuple[str, str, str], Relation] = {}
        key_list = sorted(set(keys))
        for i in range(0, len(key_list), 300):
            chunk = key_list[i : i + 300]
            where = " OR ".join(["(r.head = ? AND r.type = ? AND r.tail = ?)"] * len(chunk))
            for rel in self._relations_where(where, [x for k in chunk for x in k]):
                relations[rel.key] = rel
        return relations

    def _walk_edges(self, ids: Iterable[str], types: Sequence[RelationType], walk: Walk) -> tuple[GraphIndex, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(queried node, head nodes, type codes, tail nodes) of the relations
        of ``types`` leaving (out), entering (in) or touching (both) the
        entities ``ids``.  Callers hold ``self._lock``."""
        index = self._graph()
        mask = np.zeros(len(TYPE_CODES), bool)
        mask[[TYPE_CODES[RelationType(t).value] for t in types]] = True
        nodes = np.array([n for n in map(index.node_of, set(ids)) if n is not None], np.int64)
        parts = [(np.empty(0, np.int64),) * 4]
        if walk in ("out", "both"):
            src, nbr, typ, _ = index.edges(nodes, out=True, types=mask)
            parts.append((src, src, typ.astype(np.int64), nbr))
        if walk in ("in", "both"):
            dst, nbr, typ, _ = index.edges(nodes, out=False, types=mask)
            parts.append((dst, nbr, typ.astype(np.int64), dst))
        anchor, heads, typs, tails = (np.concatenate(col) for col in zip(*parts))
        return index, anchor, heads, typs, tails

    def degrees(self, ids: Iterable[str], types: Sequence[RelationType], walk: Walk) -> dict[str, int]:
        ids = set(ids)
        with self._lock:
            index, anchor, _, _, _ = self._walk_edges(ids, types, walk)
            counts: dict[str, int] = dict.fromkeys(ids, 0)
            names = index.ids_of(set(anchor.tolist()))
            for node, n in zip(*np.unique(anchor, return_counts=True)):
                counts[names[int(node)]] += int(n)
            return counts

    def links(self, ids: Iterable[str], types: Sequence[RelationType], walk: Walk) -> list[Link]:
        with self._lock:
            index, _, heads, typs, tails = self._walk_edges(ids, types, walk)
            rows = set(zip(heads.tolist(), typs.tolist(), tails.tolist()))
            names = index.ids_of({n for h, _, t in rows for n in (h, t)})
            flags = dict(zip(names, index.list_flags(np.array(list(names), np.int64)).tolist()))
            return sorted(
                (Link(names[h], RelationType(TYPE_NAMES[t]), names[tl], flags[h], flags[tl]) for h, t, tl in rows
                 if h in names and tl in names),
                key=lambda lk: lk.key,
            )

    def document_infos(self, ids: Iterable[str]) -> dict[str, DocumentInfo]:
        rows = self._rows_by_id("SELECT id, source, title, date, language FROM documents", ids)
        return {row[0]: DocumentInfo(*row) for row in rows}

    def subgraph(self, entity_id: str, depth: int = 1, max_nodes: int | None = None) -> Subgraph:
        with self._lock:
            index = self._graph()
            center = index.node_of(entity_id)
            if center is None:
                entity = self.get_entity(entity_id)
                return Subgraph(entity_id, depth, (entity,) if entity else (), ())
            # Breadth-first, a level at a time in id order (as the Bolt store does),
            # so a node budget cuts both stores at the same entities.  Lists and
            # `military` are shown but not expanded: one list links hundreds of
            # unrelated companies.
            seen = {center: 0}
            frontier = np.array([center], np.int64)
            cut = False
            for level in range(1, depth + 1):
                near = np.unique(np.concatenate([index.edges(frontier, out=True)[1], index.edges(frontier, out=False)[1]]))
                fresh = index.ids_of(n for n in near.tolist() if n not in seen)
                found = sorted(fresh, key=fresh.__getitem__)
                if max_nodes is not None and len(seen) + len(found) > max_nodes:
                    found, cut = found[: max(0, max_nodes - len(seen))], True
                for node in found:
                    seen[node] = level
                frontier = np.array(found, np.int64)
                frontier = frontier[~index.list_flags(frontier)]
                if cut or not frontier.size:
                    break
            nodes = np.array(list(seen), np.int64)
            _, nbr, _, rids = index.edges(nodes, out=True)
            rel_ids = sorted(set(rids[np.isin(nbr, nodes)].tolist()))
            relations = [rel for _, rel in self._relations_with_ids("r.id IN ({})", rel_ids)]
            ids = index.ids_of(seen)
            ents = self._entities_by_id(ids.values())
            level_of = {ids[n]: lvl for n, lvl in seen.items() if n in ids}
            ordered = sorted(ents.values(), key=lambda e: (level_of[e.id], e.name.casefold()))
            return Subgraph(entity_id, depth, tuple(ordered), tuple(relations), truncated=cut)

    def close(self) -> None:
        with self._lock:
            self._db.close()


def _validated(extractions: Iterable[Extraction]) -> Iterator[Extraction]:
    """Each article checked as it is read, before any of its batch is written."""
    for x in extractions:
        x.validate()
        yield x


def _migrate_1_to_2(db: sqlite3.Connection) -> None:
    """Give evidence rows their own attributes.

    Version 1 kept one attributes dict per relation.  Where a relation has a
    single piece of evidence, that sentence is what stated them, so they move
    onto it; for several pieces the source is unknowable and they stay on the
    relation as unsourced attributes (shown as such, never put in a source's
    mouth).
    """
    db.execute("ALTER TABLE evidence ADD COLUMN attributes TEXT NOT NULL DEFAULT '{}'")
    db.execute(
        "UPDATE evidence SET attributes = (SELECT r.attributes FROM relations r WHERE r.id = evidence.relation_id) "
        "WHERE relation_id IN (SELECT e.relation_id FROM evidence e GROUP BY e.relation_id HAVING COUNT(*) = 1)"
    )
    db.execute(
        "UPDATE relations SET attributes = '{}' "
        "WHERE id IN (SELECT e.relation_id FROM evidence e GROUP BY e.relation_id HAVING COUNT(*) = 1)"
    )


def _migrate_2_to_3(db: sqlite3.Connection) -> None:
    """Add the curation log: an empty one (the schema script has already
    created the table, ``IF NOT EXISTS``; this makes sure of it)."""
    db.execute("CREATE TABLE IF NOT EXISTS curation (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, entry TEXT NOT NULL)")


#: schema version -> the step that brings a file from it to the next version
_MIGRATIONS = {1: _migrate_1_to_2, 2: _migrate_2_to_3}


def _migrate(db: sqlite3.Connection, version: int) -> None:
    """Bring a file written by an older chipgraph to ``SCHEMA_VERSION`` in
    one transaction (a failed migration leaves the file as it was)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        while version != SCHEMA_VERSION:
            _MIGRATIONS[version](db)
            version += 1
        db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


#: a relation's row joined with one of its evidence rows (``_relation_of``)
_RELATION_COLUMNS = (
    "r.id, r.head, r.type, r.tail, r.attributes, e.document_id, e.sentence, e.start, e.end, e.method, "
    "e.confidence, e.source, e.attributes"
)


def _relation_of(rows: list[tuple]) -> Relation:
    """The Relation of one relation's ``_RELATION_COLUMNS`` rows (one per
    piece of evidence; one row of NULL evidence when it has none)."""
    first = rows[0]
    _, head, rtype, tail, attrs = first[:5]
    evidence = [_evidence(row) for row in rows] if first[5] is not None else []
    return Relation(
        head,
        _TYPE_OF.get(rtype) or RelationType(rtype),
        tail,
        sorted_evidence(evidence),
        unsourced_attributes=_json_dict(attrs),
    )


def _evidence(row: tuple) -> Evidence:
    """The Evidence of a joined relation-evidence row (its last eight columns)."""
    document_id, sentence, start, end, method, confidence, source, attrs = row[5:]
    return Evidence(document_id, sentence, start, end, method, confidence, source, attributes=_json_dict(attrs))


_entity = row_entity


def _json_text(attrs: dict) -> str:
    """An attributes dict as its column text (sorted keys), '{}' without the encoder."""
    return json.dumps(attrs, sort_keys=True) if attrs else "{}"


def _json_dict(text: str) -> dict:
    """A JSON object column (attributes), without the parser for the usual '{}'."""
    return {} if text == "{}" else json.loads(text)


#: what a relation without unsourced attributes has (read-only: shared)
_NO_ATTRIBUTES: Mapping[str, str] = MappingProxyType({})

#: RelationType -> its value, without the enum's descriptor on the hot path
_TYPE_VALUE = {t: t.value for t in RelationType}
#: and back, without the enum's constructor (a copy reads every relation)
_TYPE_OF = {t.value: t for t in RelationType}
