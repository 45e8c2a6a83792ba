"""The embedded store: the whole graph in one SQLite file, no server needed.

SQLite gives what a pickle cannot: atomic per-article transactions (a crash
mid-ingest leaves nothing half-written), concurrent readers while the API
serves, and a file any SQLite tool can open.  Path and neighbourhood queries
run in networkx over an adjacency graph loaded from the file once and reloaded
only when the file changes.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections import deque
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import networkx as nx

from .errors import StoreError, StoreUnavailable
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
from .paths import Hop, OwnershipPath, PathQuery, rank_paths
from .citations import DocumentInfo
from .resolution import batch_names
from .store import GraphStore, IngestResult, Link, Walk, resolve_batch
from .subgraph import Subgraph

__all__ = ["SQLiteStore"]

#: 2: evidence rows carry the attributes their sentence states; the
#: relations.attributes column keeps only attributes with no known source.
SCHEMA_VERSION = 2

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
CREATE INDEX IF NOT EXISTS relations_tail ON relations(tail);
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
CREATE INDEX IF NOT EXISTS evidence_document ON evidence(document_id);
"""


class SQLiteStore(GraphStore):
    """A graph in a SQLite file (created on first use)."""

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
            self._db.executescript(_SCHEMA)
            self._check_version()
        except sqlite3.DatabaseError as exc:
            raise StoreUnavailable(
                f"cannot open {self.path} as a chipgraph store ({exc}); is it a SQLite file written by chipgraph?"
            ) from exc
        self._lock = threading.RLock()
        self._graph: nx.MultiDiGraph | None = None
        self._graph_version: int | None = None

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
        with self._transaction() as cur:
            self._write_rows(cur, [extraction])

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Cursor]:
        """One write transaction (taken at once, so writers queue instead of
        failing mid-way); rolled back whole on any error, and the cached
        graph is dropped either way."""
        with self._lock:
            cur = self._db.cursor()
            cur.execute("BEGIN IMMEDIATE")
            try:
                yield cur
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise
            finally:
                self._graph = None

    def add_many(self, extractions: Iterable[Extraction], *, batch_articles: int = 500) -> list[IngestResult]:
        """Add articles ``batch_articles`` per transaction: the bulk path of
        ingest, ``job load`` and ``copy``.

        Same result as ``add`` one by one: known documents are skipped and
        names resolve against the store and the articles before them (one
        query per batch for all its names, see BatchResolver); then the
        batch's rows are written together.  A batch is one transaction, so a
        crash or error leaves whole articles only (those of earlier batches),
        never part of one, and a re-run completes the rest.
        """
        results: list[IngestResult] = []
        group: list[Extraction] = []
        for x in extractions:
            x.validate()
            group.append(x)
            if len(group) >= batch_articles:
                results.extend(self._add_group(group))
                group = []
        if group:
            results.extend(self._add_group(group))
        return results

    def _add_group(self, group: list[Extraction]) -> list[IngestResult]:
        with self._transaction() as cur:
            ids = [x.document.id for x in group]
            known = {row[0] for row in self._rows_in(cur, "SELECT id FROM documents", "id", ids)}
            results, to_write = resolve_batch(group, known, self._lookup_many(cur, batch_names(group)))
            self._write_rows(cur, to_write)
        return results

    @staticmethod
    def _rows_in(cur: sqlite3.Cursor, select: str, column: str, values: Iterable[str]) -> Iterator[tuple]:
        """Rows of ``select`` whose ``column`` is one of ``values``, 500 values
        per statement (SQLite's variable limit)."""
        items = sorted(set(values))
        for i in range(0, len(items), 500):
            chunk = items[i : i + 500]
            yield from cur.execute(f"{select} WHERE {column} IN ({','.join('?' * len(chunk))})", chunk).fetchall()

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

    def _write_rows(self, cur: sqlite3.Cursor, batch: Sequence[Extraction]) -> None:
        """Resolved articles' rows, inside the caller's transaction: entities
        and relations merged with what is stored exactly as writing the
        articles one by one would, in a handful of statements per batch."""
        self._write_parts(
            cur,
            [x.document for x in batch],
            [e for x in batch for e in x.entities],
            [r for x in batch for r in x.relations],
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
        with self._transaction() as cur:
            self._write_parts(cur, documents, entities, relations)

    def _write_parts(
        self, cur: sqlite3.Cursor, documents: Sequence[Document], entities: Sequence[Entity],
        relations: Sequence[Relation],
    ) -> None:
        self._write_entities(cur, entities)
        relation_ids = self._write_relations(cur, relations)
        cur.executemany(
            "INSERT OR IGNORE INTO documents (id, source, title, date, language, text) VALUES (?,?,?,?,?,?)",
            [(d.id, d.source, d.title, d.date, d.language, d.text) for d in documents],
        )
        cur.executemany(
            "INSERT OR IGNORE INTO evidence (relation_id, document_id, start, end, method, sentence, confidence,"
            " source, attributes) VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (
                    relation_ids[rel.key], e.document_id, e.start, e.end, e.method, e.sentence, e.confidence,
                    e.source, json.dumps(dict(e.attributes), sort_keys=True),
                )
                for rel in relations
                for e in rel.evidence
            ],
        )

    def _write_entities(self, cur: sqlite3.Cursor, entities: Sequence[Entity]) -> None:
        """Upsert ``entities`` (in order, an id seen twice merged), each merged
        into its stored row: the stored name stays, aliases accumulate."""
        merged: dict[str, Entity] = {}
        for ent in entities:
            merged[ent.id] = merged[ent.id].merged(ent) if ent.id in merged else ent
        stored = self._rows_in(cur, "SELECT id, name, type, aliases, country FROM entities", "id", merged)
        for row in stored:
            merged[row[0]] = _entity(row).merged(merged[row[0]])
        cur.executemany(
            "INSERT INTO entities (id, name, type, aliases, country) VALUES (?,?,?,?,?) "
            "ON CONFLICT(id) DO UPDATE SET aliases = excluded.aliases, country = excluded.country",
            [(e.id, e.name, e.type.value, json.dumps(list(e.aliases)), e.country) for e in merged.values()],
        )
        cur.executemany(
            "INSERT OR IGNORE INTO entity_names (entity_id, norm) VALUES (?, ?)",
            [(e.id, n) for e in merged.values() for n in {normalise_name(x) for x in e.names()}],
        )

    def _write_relations(self, cur: sqlite3.Cursor, relations: Sequence[Relation]) -> dict[tuple[str, str, str], int]:
        """Relation rows, and the row id of every key.  The ``attributes``
        column holds unsourced attributes only, the first stated winning
        (stored ones first); sourced ones go with the evidence."""
        unsourced: dict[tuple[str, str, str], dict[str, str]] = {}
        for rel in relations:
            attrs = dict(rel.unsourced_attributes)
            attrs.update(unsourced.get(rel.key, {}))
            unsourced[rel.key] = attrs

        def stored_rows() -> dict[tuple[str, str, str], tuple[int, str]]:
            """The stored rows of the keys, 300 keys per statement, each key
            looked up through the relations' unique index (a row-value IN
            list would scan the table)."""
            keys = list(unsourced)
            found: dict[tuple[str, str, str], tuple[int, str]] = {}
            one = "SELECT head, type, tail, id, attributes FROM relations WHERE head = ? AND type = ? AND tail = ?"
            for i in range(0, len(keys), 300):
                chunk = keys[i : i + 300]
                rows = cur.execute(
                    " UNION ALL ".join([one] * len(chunk)), [part for key in chunk for part in key]
                ).fetchall()
                found.update(((h, t, tl), (rid, attrs)) for h, t, tl, rid, attrs in rows)
            return found

        stored = stored_rows()
        cur.executemany(
            "INSERT INTO relations (head, type, tail, attributes) VALUES (?,?,?,?)",
            [(*key, json.dumps(attrs, sort_keys=True)) for key, attrs in unsourced.items() if key not in stored],
        )
        updates = []
        for key, (rid, stored_attrs) in stored.items():
            attrs = unsourced[key]
            if attrs and not json.loads(stored_attrs).items() >= attrs.items():
                attrs.update(json.loads(stored_attrs))
                updates.append((json.dumps(attrs, sort_keys=True), rid))
        cur.executemany("UPDATE relations SET attributes = ? WHERE id = ?", updates)
        ids = {key: rid for key, (rid, _) in (stored if len(stored) == len(unsourced) else stored_rows()).items()}
        return ids

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

    def _rows_by_id(self, select: str, ids: Iterable[str]) -> Iterator[tuple]:
        """Rows of ``select`` (a SELECT ... FROM ... without WHERE) whose id is
        one of ``ids``, 500 ids per statement (SQLite's variable limit)."""
        id_list = sorted(set(ids))
        for i in range(0, len(id_list), 500):
            chunk = id_list[i : i + 500]
            yield from self._query(f"{select} WHERE id IN ({','.join('?' * len(chunk))})", chunk)

    def _entities_by_id(self, ids: Iterable[str]) -> dict[str, Entity]:
        rows = self._rows_by_id("SELECT id, name, type, aliases, country FROM entities", ids)
        return {row[0]: _entity(row) for row in rows}

    def entities(self) -> Iterator[Entity]:
        for row in self._query("SELECT id, name, type, aliases, country FROM entities ORDER BY id"):
            yield _entity(row)

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
        rows = self._query(
            f"SELECT r.id, r.head, r.type, r.tail, r.attributes FROM relations r WHERE {where} ORDER BY r.id", params
        )
        evidence: dict[int, list[Evidence]] = {r[0]: [] for r in rows}
        ids = list(evidence)
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            for rid, *ev, ev_attrs in self._query(
                "SELECT relation_id, document_id, sentence, start, end, method, confidence, source, attributes "
                f"FROM evidence WHERE relation_id IN ({marks})",
                chunk,
            ):
                evidence[rid].append(Evidence(*ev, attributes=json.loads(ev_attrs)))
        return [
            Relation(
                head,
                RelationType(rtype),
                tail,
                sorted_evidence(evidence[rid]),
                unsourced_attributes=json.loads(attrs),
            )
            for rid, head, rtype, tail, attrs in rows
        ]

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

    # -- graph queries (networkx) ---------------------------------------------
    def _adjacency(self) -> nx.MultiDiGraph:
        """The relation graph (ids, types, LIST flags), cached until the file changes.

        PRAGMA data_version changes when another connection commits, so an API
        process sees what a concurrent `chipgraph ingest` wrote.
        """
        with self._lock:
            version = self._db.execute("PRAGMA data_version").fetchone()[0]
            if self._graph is not None and self._graph_version == version:
                return self._graph
            g = nx.MultiDiGraph()
            for eid, etype in self._db.execute("SELECT id, type FROM entities"):
                g.add_node(eid, is_list=etype == EntityType.LIST.value)
            for rid, head, rtype, tail in self._db.execute("SELECT id, head, type, tail FROM relations"):
                g.add_edge(head, tail, key=rtype, rid=rid)
            self._graph, self._graph_version = g, version
            return g

    def paths(self, query: PathQuery) -> list[OwnershipPath]:
        g = self._adjacency()
        if query.source not in g or query.target not in g or query.source == query.target:
            return []
        types = set(query.type_names)
        both = query.direction == "both"

        def steps(node: str, reverse: bool) -> Iterator[tuple[str, str, bool]]:
            """(neighbour, relation type, walked forward) for edges of the chosen types."""
            forward_edges = g.pred[node] if reverse else g.succ[node]
            for nbr, keyed in forward_edges.items():
                for rtype in keyed:
                    if rtype in types:
                        yield nbr, rtype, not reverse
            if both:
                backward_edges = g.succ[node] if reverse else g.pred[node]
                for nbr, keyed in backward_edges.items():
                    for rtype in keyed:
                        if rtype in types:
                            yield nbr, rtype, reverse

        # Distances to the target (walking edges backwards) prune the search to
        # nodes that can still reach it within the hops left.
        dist = {query.target: 0}
        frontier = deque([query.target])
        while frontier:
            node = frontier.popleft()
            if dist[node] >= query.max_hops or (node != query.target and g.nodes[node]["is_list"]):
                continue
            for nbr, _, _ in steps(node, reverse=True):
                if nbr not in dist:
                    dist[nbr] = dist[node] + 1
                    frontier.append(nbr)

        found: list[list[tuple[str, str, str, bool]]] = []
        budget = query.limit * 50  # enough to rank the best `limit` among equals

        def walk(node: str, visited: set[str], hops: list[tuple[str, str, str, bool]], length: int) -> None:
            """Collect simple paths of exactly ``length`` hops from ``node`` to the target."""
            left = length - len(hops) - 1  # hops still to go after this step
            for nbr, rtype, forward in steps(node, reverse=False):
                if len(found) >= budget:
                    return
                if nbr in visited:
                    continue
                step = (node, rtype, nbr, forward)
                if nbr == query.target:
                    if left == 0:
                        found.append([*hops, step])
                    continue
                if left < 1 or g.nodes[nbr]["is_list"] or dist.get(nbr, length + 1) > left:
                    continue
                visited.add(nbr)
                walk(nbr, visited, [*hops, step], length)
                visited.discard(nbr)

        # Iterative deepening: all paths of one length before any longer one, so
        # the shortest are never cut off by the budget.
        if query.source in dist:
            for length in range(dist[query.source], query.max_hops + 1):
                walk(query.source, {query.source}, [], length)
                if len(found) >= query.limit:
                    break
        return rank_paths(self._hydrate(found), query.limit)

    def _hydrate(self, raw: list[list[tuple[str, str, str, bool]]]) -> list[OwnershipPath]:
        keys = {(a, t, b) if fwd else (b, t, a) for path in raw for a, t, b, fwd in path}
        relations = self.relations_by_key(keys)
        ents = self._entities_by_id({n for path in raw for a, _, b, _ in path for n in (a, b)})
        out = []
        for path in raw:
            nodes = [ents[path[0][0]]] + [ents[b] for _, _, b, _ in path]
            hops = [
                Hop(relations[(a, t, b) if fwd else (b, t, a)], forward=fwd) for a, t, b, fwd in path
            ]
            out.append(OwnershipPath(tuple(nodes), tuple(hops)))
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

    def _walk_edges(self, node: str, types: set[str], walk: Walk) -> Iterator[tuple[str, str, str]]:
        """(head, type, tail) of the node's relations of ``types`` in the ``walk`` direction."""
        g = self._adjacency()
        if node not in g:
            return
        if walk in ("out", "both"):
            for nbr, keyed in g.succ[node].items():
                yield from ((node, t, nbr) for t in keyed if t in types)
        if walk in ("in", "both"):
            for nbr, keyed in g.pred[node].items():
                yield from ((nbr, t, node) for t in keyed if t in types)

    def degrees(self, ids: Iterable[str], types: Sequence[RelationType], walk: Walk) -> dict[str, int]:
        names = {RelationType(t).value for t in types}
        return {i: sum(1 for _ in self._walk_edges(i, names, walk)) for i in set(ids)}

    def links(self, ids: Iterable[str], types: Sequence[RelationType], walk: Walk) -> list[Link]:
        g = self._adjacency()
        names = {RelationType(t).value for t in types}
        keys = {k for i in set(ids) for k in self._walk_edges(i, names, walk)}
        return [
            Link(h, RelationType(t), tl, g.nodes[h]["is_list"], g.nodes[tl]["is_list"]) for h, t, tl in sorted(keys)
        ]

    def document_infos(self, ids: Iterable[str]) -> dict[str, DocumentInfo]:
        rows = self._rows_by_id("SELECT id, source, title, date, language FROM documents", ids)
        return {row[0]: DocumentInfo(*row) for row in rows}

    def subgraph(self, entity_id: str, depth: int = 1, max_nodes: int | None = None) -> Subgraph:
        g = self._adjacency()
        if entity_id not in g:
            entity = self.get_entity(entity_id)
            return Subgraph(entity_id, depth, (entity,) if entity else (), ())
        # Breadth-first, a level at a time in id order (as the Bolt store does),
        # so a node budget cuts both stores at the same entities.  Lists and
        # `military` are shown but not expanded: one list links hundreds of
        # unrelated companies.
        seen = {entity_id: 0}
        frontier = [entity_id]
        cut = False
        for level in range(1, depth + 1):
            found = sorted({nbr for node in frontier for nbr in (*g.succ[node], *g.pred[node]) if nbr not in seen})
            if max_nodes is not None and len(seen) + len(found) > max_nodes:
                found, cut = found[:max(0, max_nodes - len(seen))], True
            for nbr in found:
                seen[nbr] = level
            frontier = [n for n in found if not g.nodes[n]["is_list"]]
            if cut or not frontier:
                break
        ids = list(seen)
        rel_ids = {
            data["rid"] for a, b, data in g.subgraph(ids).edges(data=True)
        }
        relations = self._relations_where(
            f"r.id IN ({','.join('?' * len(rel_ids))})", sorted(rel_ids)
        ) if rel_ids else []
        ents = self._entities_by_id(ids)
        ordered = sorted(ents.values(), key=lambda e: (seen[e.id], e.name.casefold()))
        return Subgraph(entity_id, depth, tuple(ordered), tuple(relations), truncated=cut)

    def close(self) -> None:
        with self._lock:
            self._db.close()


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


#: schema version -> the step that brings a file from it to the next version
_MIGRATIONS = {1: _migrate_1_to_2}


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


def _entity(row: tuple) -> Entity:
    eid, name, etype, aliases, country = row
    return Entity(eid, name, EntityType(etype), tuple(json.loads(aliases)), country)
