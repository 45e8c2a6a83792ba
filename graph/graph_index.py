"""The SQLite store's graph index: integer adjacency on disk, never rebuilt whole.

Path, walk and neighbourhood questions need the graph's shape (who links to
whom, by which relation type, and which entities are lists), not its text.
This index keeps that shape beside the store (``<store>.gidx``) as CSR arrays
in both directions: for each entity (numbered by its SQLite rowid) the
neighbours, relation-type codes and relation ids of its out- and in-edges.
The file is memory-mapped, so a new process opens it in milliseconds and no
Python object exists per relation.

What changed since the file was written is a *delta* read from SQLite, not a
reload: relations whose id is above the file's high-water mark, entities
above its entity mark, and the rows of ``graph_log``, which triggers fill
when a relation or entity is deleted or changed in place (a curation that
rejects a fact or merges entities).  A removed relation is a tombstone over
the file's edges; a changed one is a tombstone plus its current row in the
delta.  When the delta passes ``COMPACT_AT`` edges it is merged with the file
into a new file (numpy, no SQL scan) renamed over the old one.  A missing,
damaged or foreign file (another store's, or entity rowids renumbered by a
VACUUM) is rebuilt from SQLite with a log message.

Neighbours are listed in the order the networkx graph of earlier versions
listed them (a relation scan in (head, type, tail) order): out-neighbours by
their first relation type, then id; in-neighbours by id; types ascending.
A path search cut by its budget therefore keeps the same paths as before.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import uuid
from pathlib import Path
from typing import IO, Iterable, Sequence

import numpy as np

from .index_file import IndexFileError, read_arrays, write_arrays
from .model import EntityType, RelationType

__all__ = ["GraphIndex", "TYPE_NAMES", "TYPE_CODES", "COMPACT_AT", "GRAPH_LOG_SCHEMA"]

try:  # the compiled path search, built by `pip install` where a C++ compiler is found (setup.py)
    from ._path_kernel import PathKernel
except ImportError:
    PathKernel = None

try:
    import fcntl
except ImportError:  # Windows: one writer at a time is then the user's to ensure
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger("chipgraph.graph.index")

#: relation type name by code; codes follow the names' sort order, so sorting
#: by code sorts by name (as SQLite's (head, type, tail) index does)
TYPE_NAMES: tuple[str, ...] = tuple(sorted(t.value for t in RelationType))
TYPE_CODES: dict[str, int] = {name: code for code, name in enumerate(TYPE_NAMES)}
#: delta edges (added or changed relations since the file) that trigger a merge
COMPACT_AT = 20_000
FORMAT = 1
_CHUNK = 100_000
_EMPTY = np.empty(0, np.int64)

#: Changes a delta cannot see by rowid: deleted or rewritten relations and
#: entities, and new rows that reuse a logged rowid.  Appended to the store's
#: schema; a write that only inserts new rows logs nothing.
GRAPH_LOG_SCHEMA = """
CREATE TABLE IF NOT EXISTS graph_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, ref INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS graph_log_ref ON graph_log(kind, ref);
CREATE TRIGGER IF NOT EXISTS graph_log_relation_delete AFTER DELETE ON relations
BEGIN INSERT INTO graph_log (kind, ref) VALUES ('relation', OLD.id); END;
CREATE TRIGGER IF NOT EXISTS graph_log_relation_update AFTER UPDATE OF id, head, type, tail ON relations
BEGIN INSERT INTO graph_log (kind, ref) VALUES ('relation', OLD.id), ('relation', NEW.id); END;
CREATE TRIGGER IF NOT EXISTS graph_log_relation_reuse AFTER INSERT ON relations
WHEN EXISTS (SELECT 1 FROM graph_log WHERE kind = 'relation' AND ref = NEW.id)
BEGIN INSERT INTO graph_log (kind, ref) VALUES ('relation', NEW.id); END;
CREATE TRIGGER IF NOT EXISTS graph_log_entity_delete AFTER DELETE ON entities
BEGIN INSERT INTO graph_log (kind, ref) VALUES ('entity', OLD.rowid); END;
CREATE TRIGGER IF NOT EXISTS graph_log_entity_update AFTER UPDATE OF id, type ON entities
BEGIN INSERT INTO graph_log (kind, ref) VALUES ('entity', OLD.rowid), ('entity', NEW.rowid); END;
CREATE TRIGGER IF NOT EXISTS graph_log_entity_reuse AFTER INSERT ON entities
WHEN EXISTS (SELECT 1 FROM graph_log WHERE kind = 'entity' AND ref = NEW.rowid)
BEGIN INSERT INTO graph_log (kind, ref) VALUES ('entity', NEW.rowid); END;
"""

_TYPE_CASE = "CASE r.type " + " ".join(f"WHEN '{n}' THEN {c}" for n, c in TYPE_CODES.items()) + " ELSE -1 END"
_RELATION_ROWS = (
    f"SELECT r.id, h.rowid, {_TYPE_CASE}, t.rowid FROM relations r "
    "JOIN entities h ON h.id = r.head JOIN entities t ON t.id = r.tail"
)
_ENTITY_ROWS = f"SELECT rowid, id, type = '{EntityType.LIST.value}' FROM entities"


class _Direction:
    """One direction of the adjacency: CSR arrays from the file plus the delta
    (kept sorted by its own source column for searchsorted lookups)."""

    def __init__(self, ptr: np.ndarray, nbr: np.ndarray, typ: np.ndarray, rid: np.ndarray) -> None:
        self.ptr, self.nbr, self.typ, self.rid = ptr, nbr, typ, rid
        self.n_base = len(ptr) - 1
        self.set_delta(_EMPTY, _EMPTY, _EMPTY, _EMPTY)

    def set_delta(self, src: np.ndarray, nbr: np.ndarray, typ: np.ndarray, rid: np.ndarray) -> None:
        order = np.lexsort((rid, src))
        self.d_src, self.d_nbr, self.d_typ, self.d_rid = src[order], nbr[order], typ[order], rid[order]

    def gather(self, nodes: np.ndarray, tomb: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(source, neighbour, type code, relation id) of every edge of ``nodes``."""
        base = nodes[(nodes >= 0) & (nodes < self.n_base)]
        starts, ends = self.ptr[base], self.ptr[base + 1]
        idx = _ranges(starts, ends)
        src = np.repeat(base, ends - starts)
        nbr, typ, rid = self.nbr[idx], self.typ[idx], self.rid[idx]
        if tomb.size:
            keep = ~np.isin(rid, tomb)
            src, nbr, typ, rid = src[keep], nbr[keep], typ[keep], rid[keep]
        if self.d_src.size:
            lo = np.searchsorted(self.d_src, nodes, "left")
            hi = np.searchsorted(self.d_src, nodes, "right")
            didx = _ranges(lo, hi)
            if didx.size:
                src = np.concatenate([src, self.d_src[didx]])
                nbr = np.concatenate([nbr, self.d_nbr[didx]])
                typ = np.concatenate([typ, self.d_typ[didx]])
                rid = np.concatenate([rid, self.d_rid[didx]])
        return src.astype(np.int64, copy=False), nbr.astype(np.int64, copy=False), typ, rid

    def neighbours(self, nodes: np.ndarray, mask: np.ndarray, tomb: np.ndarray) -> np.ndarray:
        """The neighbours along edges of the allowed types (``mask`` by type
        code) of ``nodes``: ``gather`` without the columns a search does not need."""
        base = nodes[nodes < self.n_base]
        idx = _ranges(self.ptr[base], self.ptr[base + 1])
        keep = mask[self.typ[idx]]
        if tomb.size:
            keep &= ~np.isin(self.rid[idx], tomb)
        found = self.nbr[idx[keep]]
        if self.d_src.size:
            didx = _ranges(np.searchsorted(self.d_src, nodes, "left"), np.searchsorted(self.d_src, nodes, "right"))
            didx = didx[mask[self.d_typ[didx]]]
            found = np.concatenate([found.astype(np.int64), self.d_nbr[didx]])
        return found

    def base_rows(self) -> np.ndarray:
        """Every edge of the file as rows (relation id, node, type code, neighbour)."""
        src = np.repeat(np.arange(self.n_base, dtype=np.int64), np.diff(self.ptr))
        return np.stack([np.asarray(self.rid, np.int64), src, np.asarray(self.typ, np.int64), np.asarray(self.nbr, np.int64)], axis=1)

    def base_slice(self, node: int) -> tuple[list[int], list[int], list[int]]:
        if node >= self.n_base:
            return [], [], []
        a, b = int(self.ptr[node]), int(self.ptr[node + 1])
        return self.nbr[a:b].tolist(), self.typ[a:b].tolist(), self.rid[a:b].tolist()


def _ranges(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Concatenated ``arange(s, e)`` for each pair, without a Python loop."""
    if len(starts) == 1:  # one node: the common first level of a search
        return np.arange(int(starts[0]), int(ends[0]), dtype=np.int64)
    lens = (ends - starts).astype(np.int64)
    total = int(lens.sum())
    if total == 0:
        return _EMPTY
    shift = np.repeat(starts.astype(np.int64) - np.cumsum(lens) + lens, lens)
    return shift + np.arange(total, dtype=np.int64)


class GraphIndex:
    """The adjacency of one SQLite store.  Not thread-safe: the store calls it
    under its own lock, after ``sync`` when the file may have changed."""

    def __init__(self, db: sqlite3.Connection, store_path: Path, *, compact_at: int | None = None) -> None:
        self._db = db
        self.path = Path(f"{store_path}.gidx")
        self._lock_path = Path(f"{store_path}.gidx.lock")
        self.compact_at = COMPACT_AT if compact_at is None else compact_at
        self._persist = True
        self._stat: tuple[int, int, int] | None = None
        #: what happened, for tests and benchmarks: builds (whole, from SQLite),
        #: compactions (file + delta merged), opens (file mapped), refreshes
        #: (delta read after a change)
        self.stats = {"builds": 0, "compactions": 0, "opens": 0, "refreshes": 0}
        self._base_meta: dict = {}
        self._loaded = False

    # -- state ----------------------------------------------------------------
    def _reset_delta(self, meta: dict) -> None:
        self.rel_seen = int(meta["rel_hw"])
        self.log_seen = int(meta["log_hw"])
        self.ent_seen = int(meta["ent_hw"])
        self._d = np.empty((0, 4), np.int64)  # rid, src, type, dst
        self._tomb = _EMPTY
        self._tomb_nodes: set[int] = set()
        self._overlay: dict[int, tuple[str | None, bool]] = {}
        self._derive()

    def _install(self, meta: dict, arrays: dict[str, np.ndarray], st: os.stat_result | None) -> None:
        self._base_meta = meta
        self._a = arrays
        self.out = _Direction(arrays["out_ptr"], arrays["out_nbr"], arrays["out_type"], arrays["out_rid"])
        self.inn = _Direction(arrays["in_ptr"], arrays["in_nbr"], arrays["in_type"], arrays["in_rid"])
        self._stat = (st.st_ino, st.st_mtime_ns, st.st_size) if st is not None else None
        self._loaded = True
        self._reset_delta(meta)

    def _derive(self) -> None:
        """Arrays the queries read, from the file plus the delta and overlay."""
        d = self._d
        self.out.set_delta(d[:, 1], d[:, 3], d[:, 2].astype(np.int8), d[:, 0])
        self.inn.set_delta(d[:, 3], d[:, 1], d[:, 2].astype(np.int8), d[:, 0])
        self._delta_nodes = set(d[:, 1].tolist()) | set(d[:, 3].tolist()) | self._tomb_nodes
        base_list = self._a["is_list"]
        if self._overlay:
            size = max(len(base_list), max(self._overlay) + 1)
            is_list = np.zeros(size, np.bool_)
            is_list[: len(base_list)] = base_list
            for node, (_, flag) in self._overlay.items():
                is_list[node] = flag
            self.is_list = is_list
        else:
            self.is_list = base_list.view(np.bool_)
        self._ranks: dict[int, float] | None = None
        ends = int(d[:, [1, 3]].max()) + 1 if len(d) else 0
        self._size = max(len(self.is_list), self.out.n_base, ends)
        self._kernel = None

    # -- opening, building, syncing -----------------------------------------------
    def sync(self) -> None:
        """Bring the index up to the store's current content: map the file (or
        build it), notice a file another process replaced, read the delta."""
        if not self._loaded:
            self._open_or_build()
        elif self._file_replaced():
            self._open_or_build()
        self.stats["refreshes"] += 1
        self._apply_changes()
        if len(self._d) + len(self._tomb) >= self.compact_at:
            self._compact()

    def _file_replaced(self) -> bool:
        if not self._persist:
            return False
        try:
            st = os.stat(self.path)
        except OSError:
            return False  # deleted under us: keep what is mapped; rebuilt on next open
        return (st.st_ino, st.st_mtime_ns, st.st_size) != self._stat

    def _store_key(self, create: bool) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = 'graph_index_key'").fetchone()
        if row is None and create:
            try:
                self._db.execute("INSERT OR IGNORE INTO meta VALUES ('graph_index_key', ?)", (uuid.uuid4().hex,))
            except sqlite3.OperationalError as exc:  # a read-only file: the index stays in memory
                log.warning("graph index of %s not saved: the store is read-only (%s)", self.path, exc)
                self._persist = False
                return None
            row = self._db.execute("SELECT value FROM meta WHERE key = 'graph_index_key'").fetchone()
        return row[0] if row else None

    def _open_or_build(self) -> None:
        reason = None
        try:
            meta, arrays, st = read_arrays(self.path)
            reason = self._mismatch(meta, arrays)
        except IndexFileError as exc:
            reason = str(exc) if self.path.exists() else "no index file yet"
        if reason is None:
            self._install(meta, arrays, st)
            self.stats["opens"] += 1
            return
        level = logging.INFO if reason == "no index file yet" else logging.WARNING
        log.log(level, "building the graph index %s from the store: %s", self.path, reason)
        self._build()

    def _mismatch(self, meta: dict, arrays: dict[str, np.ndarray]) -> str | None:
        """Why a mapped file cannot serve this store, or None."""
        if meta.get("format") != FORMAT or tuple(meta.get("types", ())) != TYPE_NAMES:
            return "written by another chipgraph version"
        if meta.get("store_key") != self._store_key(create=False):
            return "it belongs to another store file"
        need = ("out_ptr", "out_nbr", "out_type", "out_rid", "in_ptr", "in_nbr", "in_type", "in_rid", "is_list", "rank", "ids")
        if any(name not in arrays for name in need):
            return "arrays are missing"
        for side in ("out", "in"):
            ptr = arrays[f"{side}_ptr"]
            n = len(arrays[f"{side}_nbr"])
            if len(ptr) != len(arrays["rank"]) + 1 or int(ptr[-1]) != n or len(arrays[f"{side}_rid"]) != n:
                return "arrays are inconsistent"
        # A VACUUM may renumber entity rowids: check a sample against SQLite.
        rank, ids = arrays["rank"], arrays["ids"]
        present = np.flatnonzero(rank >= 0)
        sample = present[np.linspace(0, len(present) - 1, min(16, len(present))).astype(np.int64)] if len(present) else []
        logged = {r for (r,) in self._db.execute(
            "SELECT ref FROM graph_log WHERE kind = 'entity' AND seq > ?", (int(meta["log_hw"]),))}
        marks = ",".join("?" * len(sample))
        stored = dict(self._db.execute(f"SELECT rowid, id FROM entities WHERE rowid IN ({marks})", [int(x) for x in sample])) if len(sample) else {}
        for node in sample:
            node = int(node)
            if node not in logged and stored.get(node) != ids[rank[node]].decode():
                return "entity numbers changed (the store was vacuumed or replaced)"
        return None

    def _build(self) -> None:
        """The whole index from SQLite, in one read transaction."""
        key = self._store_key(create=True)
        self._db.execute("BEGIN")
        try:
            log_hw = self._db.execute("SELECT COALESCE(MAX(seq), 0) FROM graph_log").fetchone()[0]
            ent_rows, ent_ids = self._entity_rows(_ENTITY_ROWS, ())
            rels = self._relation_rows(_RELATION_ROWS, ())
        finally:
            self._db.execute("COMMIT")
        rel_hw = int(rels[:, 0].max()) if len(rels) else 0
        ent_hw = int(ent_rows[:, 0].max()) if len(ent_rows) else 0
        meta = {"format": FORMAT, "types": list(TYPE_NAMES), "store_key": key,
                "rel_hw": rel_hw, "log_hw": int(log_hw), "ent_hw": ent_hw}
        arrays = _assemble(rels, ent_rows[:, 0], ent_rows[:, 1].astype(bool), _encoded(ent_ids))
        self.stats["builds"] += 1
        with self._locked():
            self._save_and_install(meta, arrays)

    def _save_and_install(self, meta: dict, arrays: dict[str, np.ndarray]) -> None:
        """Write the file and map it; in memory only when it cannot be written.
        Callers hold the lock file."""
        if self._persist and meta.get("store_key"):
            try:
                write_arrays(self.path, meta, arrays)
                saved, mapped, st = read_arrays(self.path)
                self._install(saved, mapped, st)
                return
            except (OSError, IndexFileError) as exc:
                log.warning("graph index %s not saved (%s); keeping it in memory", self.path, exc)
                self._persist = False
        self._install(meta, arrays, None)

    def _locked(self, blocking: bool = True) -> "IO[str] | _NoLock | None":
        """The lock file, held exclusively until the ``with`` block ends; None
        when ``blocking`` is False and another process holds it; a stand-in
        where no lock file can be made (the file is not saved there either)."""
        if fcntl is None:
            return _NoLock()
        try:
            lock = open(self._lock_path, "a")
        except OSError:
            return _NoLock()
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        except BlockingIOError:
            lock.close()
            return None
        return lock

    def _entity_rows(self, sql: str, params: Sequence) -> tuple[np.ndarray, list[str]]:
        rows = self._db.execute(sql, tuple(params)).fetchall()
        arr = np.array([(r[0], r[2]) for r in rows], np.int64).reshape(-1, 2)
        return arr, [r[1] for r in rows]

    def _relation_rows(self, sql: str, params: Sequence) -> np.ndarray:
        cur = self._db.execute(sql, tuple(params))
        chunks = []
        while batch := cur.fetchmany(_CHUNK):
            chunks.append(np.array(batch, np.int64))
        rows = np.concatenate(chunks) if chunks else np.empty((0, 4), np.int64)
        return rows[rows[:, 2] >= 0]

    def _apply_changes(self) -> None:
        """Read what was written since the last look and fold it into the delta."""
        db = self._db
        db.execute("BEGIN")
        try:
            logged = db.execute(
                "SELECT seq, kind, ref FROM graph_log WHERE seq > ? ORDER BY seq", (self.log_seen,)
            ).fetchall()
            rel_refs = sorted({ref for _, kind, ref in logged if kind == "relation"})
            ent_refs = sorted({ref for _, kind, ref in logged if kind == "entity"})
            ents, ent_ids = self._entity_rows(f"{_ENTITY_ROWS} WHERE rowid > ?", (self.ent_seen,))
            changed, changed_ids = _in_chunks(self._entity_rows, f"{_ENTITY_ROWS} WHERE rowid IN", ent_refs)
            rels = self._relation_rows(f"{_RELATION_ROWS} WHERE r.id > ?", (self.rel_seen,))
            rewritten = _in_chunks_rel(self._relation_rows, f"{_RELATION_ROWS} WHERE r.id IN", rel_refs)
        finally:
            db.execute("COMMIT")
        if not (logged or len(ents) or len(rels)):
            return
        if logged:
            self.log_seen = max(seq for seq, _, _ in logged)
        for ref in ent_refs:
            self._overlay[ref] = (None, False)
        for (node, flag), eid in zip(np.concatenate([ents, changed]).tolist(), ent_ids + changed_ids):
            self._overlay[node] = (eid, bool(flag))
        if len(ents):
            self.ent_seen = max(self.ent_seen, int(ents[:, 0].max()))
        if rel_refs:
            refs = np.array(rel_refs, np.int64)
            self._d = self._d[~np.isin(self._d[:, 0], refs)]
            old = refs[refs <= int(self._base_meta["rel_hw"])]
            new_tomb = np.setdiff1d(old, self._tomb)
            if new_tomb.size:
                self._tomb = np.union1d(self._tomb, new_tomb)
                pos = np.flatnonzero(np.isin(self.out.rid, new_tomb))
                heads = np.searchsorted(self.out.ptr, pos, "right") - 1
                self._tomb_nodes |= set(heads.tolist()) | set(self.out.nbr[pos].tolist())
        added = np.concatenate([rels, rewritten])
        if len(added):
            added = added[np.unique(added[:, 0], return_index=True)[1]]
            self._d = np.concatenate([self._d, added])
        if len(rels):
            self.rel_seen = max(self.rel_seen, int(rels[:, 0].max()))
        self._derive()

    def _compact(self) -> None:
        """Merge the file and the delta into a new file (no SQL scan)."""
        lock = self._locked(blocking=False)
        if lock is None:
            return  # another process is writing it; we map theirs when it lands
        with lock:
            if self._file_replaced():
                return  # someone else compacted: the next sync maps their file
            base_rels = self.out.base_rows()
            base_rels = base_rels[~np.isin(base_rels[:, 0], self._tomb)]
            d = self._d
            rewritten = d[d[:, 0] <= int(self._base_meta["rel_hw"]), 0]  # rows of the file read again
            if rewritten.size:
                base_rels = base_rels[~np.isin(base_rels[:, 0], rewritten)]
            rels = np.concatenate([base_rels, d])
            nodes, flags, ids = self._entities_now()
            meta = dict(self._base_meta, rel_hw=self.rel_seen, log_hw=self.log_seen, ent_hw=self.ent_seen)
            arrays = _assemble(rels, nodes, flags, ids)
            self.stats["compactions"] += 1
            self._save_and_install(meta, arrays)

    def _entities_now(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(node, LIST flag, encoded id) of every stored entity: the file's
        (as bytes, never decoded) and the overlay's."""
        rank, ids, is_list = self._a["rank"], self._a["ids"], self._a["is_list"]
        base = np.flatnonzero(rank >= 0)
        base = base[~np.isin(base, np.array(list(self._overlay), np.int64))]
        fresh = [(node, flag, eid) for node, (eid, flag) in self._overlay.items() if eid is not None]
        nodes = np.concatenate([base, np.array([f[0] for f in fresh], np.int64)])
        flags = np.concatenate([is_list[base].astype(bool), np.array([f[1] for f in fresh], bool)])
        names = np.concatenate([ids[rank[base]], _encoded([f[2] for f in fresh])])
        return nodes, flags, names

    # -- what queries read ----------------------------------------------------------
    def edges(self, nodes: np.ndarray, out: bool, types: np.ndarray | None = None) -> tuple[np.ndarray, ...]:
        """(node, neighbour, type code, relation id) of the edges of ``nodes``
        leaving them (``out``) or entering them, of the allowed ``types``
        (a boolean mask by type code; all when None)."""
        src, nbr, typ, rid = (self.out if out else self.inn).gather(np.asarray(nodes, np.int64), self._tomb)
        if types is not None:
            keep = types[typ]
            src, nbr, typ, rid = src[keep], nbr[keep], typ[keep], rid[keep]
        return src, nbr, typ, rid

    def neighbours(self, nodes: np.ndarray, out: bool, types: np.ndarray) -> np.ndarray:
        """Neighbours (with repeats) of ``nodes`` along their edges of the
        allowed ``types`` leaving them (``out``) or entering them."""
        return (self.out if out else self.inn).neighbours(nodes, types, self._tomb)

    def ordered_edges(self, node: int, out: bool) -> tuple[list[int], list[int], list[int]]:
        """A node's (neighbours, type codes, relation ids) in the networkx
        graph's order (see the module docstring)."""
        side = self.out if out else self.inn
        if node not in self._delta_nodes:
            return side.base_slice(node)
        _, nbr, typ, rid = side.gather(np.array([node], np.int64), self._tomb)
        nbrs, typs, rids = nbr.tolist(), typ.tolist(), rid.tolist()
        rank = self.rank_of
        if out:
            first: dict[int, int] = {}
            for n, t in zip(nbrs, typs):
                first[n] = min(t, first.get(n, t))
            key = [(first[n], rank(n), t) for n, t in zip(nbrs, typs)]
        else:
            key = [(rank(n), t) for n, t in zip(nbrs, typs)]
        order = sorted(range(len(nbrs)), key=key.__getitem__)
        return [nbrs[i] for i in order], [typs[i] for i in order], [rids[i] for i in order]

    def path_kernel(self) -> "PathKernel | None":
        """The compiled search over the current arrays (None where the
        extension was not built); made again after every change, since it
        holds the LIST flags and which nodes must be read through
        ``ordered_edges`` (those with delta edges or tombstones)."""
        if PathKernel is None:
            return None
        if self._kernel is None:
            delta = np.zeros(self._size, np.uint8)
            if self._delta_nodes:
                delta[np.fromiter(self._delta_nodes, np.int64, len(self._delta_nodes))] = 1
            out, inn = self.out, self.inn
            self._kernel = PathKernel(out.ptr, out.nbr, out.typ, out.rid, inn.ptr, inn.nbr, inn.typ, inn.rid,
                                      self.is_list.view(np.uint8), delta, self.ordered_edges)
        return self._kernel

    def rank_of(self, node: int) -> float:
        """The node's place in entity-id order (fractional for new entities)."""
        if self._ranks is None:
            ids = self._a["ids"]
            fresh = sorted((eid, node) for node, (eid, _) in self._overlay.items() if eid is not None)
            where = np.searchsorted(ids, np.array([e.encode() for e, _ in fresh], dtype="S")) if fresh else []
            self._ranks = {n: float(p) - 0.5 + 1e-7 * j for j, ((_, n), p) in enumerate(zip(fresh, where))}
        if node in self._ranks:
            return self._ranks[node]
        rank = self._a["rank"]
        return float(rank[node]) if node < len(rank) else float("inf")

    def ids_of(self, nodes: Iterable[int]) -> dict[int, str]:
        """Entity ids of nodes (those still stored)."""
        rank, ids = self._a["rank"], self._a["ids"]
        out = {}
        for node in nodes:
            if node in self._overlay:
                eid = self._overlay[node][0]
                if eid is not None:
                    out[node] = eid
            elif node < len(rank) and rank[node] >= 0:
                out[node] = ids[rank[node]].decode()
        return out

    def node_of(self, entity_id: str) -> int | None:
        """The node of an entity id (None when it is not stored)."""
        row = self._db.execute("SELECT rowid FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return int(row[0]) if row else None

    def nodes_of(self, entity_ids: Sequence[str]) -> dict[str, int]:
        """The nodes of a few entity ids (those stored), in one statement:
        a path question's two ends."""
        marks = ",".join("?" * len(entity_ids))
        return {eid: int(node) for eid, node in
                self._db.execute(f"SELECT id, rowid FROM entities WHERE id IN ({marks})", tuple(entity_ids))}

    def list_flags(self, nodes: np.ndarray) -> np.ndarray:
        """Whether each node is a LIST entity."""
        nodes = np.asarray(nodes, np.int64)
        if not nodes.size:
            return np.zeros(0, bool)
        if nodes.max() < len(self.is_list):
            return self.is_list[nodes]
        out = np.zeros(len(nodes), bool)
        inside = nodes < len(self.is_list)
        out[inside] = self.is_list[nodes[inside]]
        return out

    @property
    def size(self) -> int:
        """One more than the largest node number (for per-query arrays)."""
        return self._size


class _NoLock:
    """Stands in for the lock file where it cannot be created (nothing is saved there either)."""

    def __enter__(self) -> "_NoLock":
        return self

    def __exit__(self, *exc: object) -> None:
        return None


def _in_chunks(fetch, sql: str, refs: list[int]) -> tuple[np.ndarray, list[str]]:
    arrays, names = [np.empty((0, 2), np.int64)], []
    for i in range(0, len(refs), 500):
        chunk = refs[i : i + 500]
        arr, ids = fetch(f"{sql} ({','.join('?' * len(chunk))})", chunk)
        arrays.append(arr)
        names += ids
    return np.concatenate(arrays), names


def _in_chunks_rel(fetch, sql: str, refs: list[int]) -> np.ndarray:
    arrays = [np.empty((0, 4), np.int64)]
    for i in range(0, len(refs), 500):
        chunk = refs[i : i + 500]
        arrays.append(fetch(f"{sql} ({','.join('?' * len(chunk))})", chunk))
    return np.concatenate(arrays)


def _encoded(ids: list[str]) -> np.ndarray:
    """Entity ids as a fixed-width bytes array (UTF-8 sorts as SQLite and Python do)."""
    return np.array([i.encode() for i in ids], dtype="S") if ids else np.empty(0, "S1")


def _order(columns: Sequence[tuple[np.ndarray, int]]) -> np.ndarray:
    """The order sorting by ``columns`` (most significant first; each with
    the bits its values need) gives: one int64 sort key when they fit, else
    numpy's lexsort (several times slower at a million rows)."""
    if sum(bits for _, bits in columns) <= 62:
        key = np.zeros(len(columns[0][0]), np.int64)
        for values, bits in columns:
            key = (key << bits) | values.astype(np.int64)
        return np.argsort(key, kind="stable")
    return np.lexsort([values for values, _ in reversed(columns)])


def _assemble(rels: np.ndarray, nodes: np.ndarray, flags: np.ndarray, encoded: np.ndarray) -> dict[str, np.ndarray]:
    """The file's arrays from relation rows (id, head node, type code, tail
    node) and entities (node, LIST flag, encoded id)."""
    n = int(max(nodes.max() + 1 if len(nodes) else 0, rels[:, [1, 3]].max() + 1 if len(rels) else 0))
    by_id = np.argsort(encoded, kind="stable")
    rank = np.full(n, -1, np.int32)
    rank[nodes[by_id]] = np.arange(len(by_id), dtype=np.int32)
    is_list = np.zeros(n, np.uint8)
    is_list[nodes] = flags
    rid, src, typ, dst = rels[:, 0], rels[:, 1], rels[:, 2], rels[:, 3]
    nb, tb = max(n, 1).bit_length() + 1, (len(TYPE_NAMES) - 1).bit_length()  # bits of a node (or rank + 1), of a type code
    # out: by node, then the neighbour's smallest type, its id, the type
    pair = _order([(src, nb), (dst, nb)])
    s, d, t = src[pair], dst[pair], typ[pair]
    starts = np.flatnonzero(np.r_[True, (s[1:] != s[:-1]) | (d[1:] != d[:-1])]) if len(s) else _EMPTY
    first = np.empty_like(typ)
    if len(s):
        group = np.cumsum(np.r_[True, (s[1:] != s[:-1]) | (d[1:] != d[:-1])]) - 1
        first[pair] = np.minimum.reduceat(t, starts)[group]
    out_order = _order([(src, nb), (first, tb), (rank[dst] + 1, nb), (typ, tb)])
    in_order = _order([(dst, nb), (rank[src] + 1, nb), (typ, tb)])
    arrays: dict[str, np.ndarray] = {}
    for side, order, node, nbr in (("out", out_order, src, dst), ("in", in_order, dst, src)):
        arrays[f"{side}_ptr"] = np.r_[0, np.cumsum(np.bincount(node, minlength=n))].astype(np.int64)
        arrays[f"{side}_nbr"] = nbr[order].astype(np.int32)
        arrays[f"{side}_type"] = typ[order].astype(np.int8)
        arrays[f"{side}_rid"] = rid[order].astype(np.int64)
    arrays["is_list"] = is_list
    arrays["rank"] = rank
    arrays["ids"] = encoded[by_id]
    return arrays
