"""The SQLite store's bulk transactions: references proven once per batch.

With foreign keys on, SQLite looks up each new row's parents as it inserts
it: a relation's head and tail in the entities' id index, a piece of
evidence's relation and document.  The graph-log reuse triggers
(graph/graph_index.py) add a probe of ``graph_log`` per new relation and
entity.  On a 200,000-relation load into a new file these row-by-row probes
were about a third of SQLite's statements (benchmarks/RESULTS.md), although
the writer already knows the answers: it has just written or looked up every
entity and document the batch names.

A bulk transaction (``SQLiteStore.add_many``'s batches, ``write_batch`` of a
copy) therefore runs with foreign keys off and proves the same thing once,
before any relation is written (``check_references``): every relation end
is an entity that is stored or written in this transaction, every piece of
evidence names a document that is stored or written in it; the evidence's
relation ids come from the rows the transaction writes itself.  A batch
that fails the check raises ``StoreError`` and rolls back whole, as the
foreign-key error did.  The bulk path only inserts and upserts (no row is
deleted and no key changes), so no cascade is missed.

Why this stays correct with other processes around: the transaction starts
with ``BEGIN IMMEDIATE``, so from the check to the commit no other
connection can write (in particular none can delete an entity or document
the check found); ``PRAGMA foreign_keys`` is a setting of this connection
only, switched back on before the lock on the store is released, so every
other write (single ``add``, curation) keeps SQLite's checks.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from itertools import chain
from typing import Iterable, Iterator, Mapping, Sequence

from .errors import StoreError
from .model import Document, Entity, Relation
from .sqlite_known import rows_in

__all__ = [
    "REUSE_TRIGGERS", "ROWS_PER_STATEMENT", "WAL_KEPT_BYTES", "WAL_BULK_BYTES", "check_references",
    "checkpoints_deferred", "foreign_keys_off", "idle_reuse_triggers", "insert_rows",
]

#: graph-log trigger -> the kind of graph_log row that makes it fire
REUSE_TRIGGERS: dict[str, str] = {"graph_log_relation_reuse": "relation", "graph_log_entity_reuse": "entity"}


#: the write-ahead log a bulk load may grow before SQLite copies it into the
#: file (about five million relations with their evidence)
WAL_BULK_BYTES = 1 << 30
#: what is left of the log's file after a checkpoint (journal_size_limit)
WAL_KEPT_BYTES = 64 << 20


#: rows one INSERT statement carries (fewer when SQLite's variable limit
#: asks): past about a hundred the statement's own cost per row stops falling
ROWS_PER_STATEMENT = 100


def insert_rows(cur: sqlite3.Cursor, insert: str, rows: Sequence[tuple], conflict: str = "") -> None:
    """``insert`` ("INSERT ... INTO t (a, b)") of ``rows`` (tuples of one
    width), ``ROWS_PER_STATEMENT`` rows to a statement, then the rest one by
    one; ``conflict`` is the statement's ON CONFLICT clause, if any.

    Why not ``executemany`` alone: it runs the statement once per row, and
    each run's start and end (reset, halt, the cursor's bookkeeping) cost
    about as much as the row's insert; a statement of many rows pays them
    once.  Inserting 200,000 evidence rows took about a third less CPU
    (benchmarks/RESULTS.md).  SQLite applies the rows of one statement in
    order, each with its own conflict handling, so the result is the same
    as one statement per row."""
    if not rows:
        return
    width = len(rows[0])
    one = "(" + ",".join("?" * width) + ")"
    per = max(1, min(ROWS_PER_STATEMENT, cur.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // width))
    full = len(rows) - len(rows) % per
    if full:
        statement = f"{insert} VALUES {','.join([one] * per)} {conflict}"
        for i in range(0, full, per):
            cur.execute(statement, list(chain.from_iterable(rows[i : i + per])))
    if full < len(rows):
        cur.executemany(f"{insert} VALUES {one} {conflict}", rows[full:])


@contextmanager
def checkpoints_deferred(db: sqlite3.Connection) -> Iterator[None]:
    """The write-ahead log copied into the database file once, at the end
    of the block, instead of after every commit that finds it past SQLite's
    1,000 pages (about every batch of a bulk load).  Each such checkpoint
    writes back pages the next batch changes again and waits for the disk
    (fsync): time the load spends writing pages twice and waiting, not
    computing (benchmarks/RESULTS.md has the figures).

    The log may grow to ``WAL_BULK_BYTES`` meanwhile (then SQLite
    checkpoints as usual).  At the end a passive checkpoint copies what no
    reader still needs, without waiting for readers; the file is cut back
    to ``WAL_KEPT_BYTES`` when the log restarts.  ``wal_autocheckpoint``
    is a setting of this connection only, restored at the end: other
    connections, and this one's writes outside the block, checkpoint as
    before.  A crash in the block loses nothing committed: the log is the
    database's own journal and is replayed at the next open."""
    before = db.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    page = db.execute("PRAGMA page_size").fetchone()[0]
    db.execute(f"PRAGMA wal_autocheckpoint = {WAL_BULK_BYTES // page}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA wal_autocheckpoint = {int(before)}")
        db.execute("PRAGMA wal_checkpoint(PASSIVE)")


@contextmanager
def foreign_keys_off(db: sqlite3.Connection) -> Iterator[None]:
    """Foreign-key enforcement off on ``db`` for the block, which must open
    and end its transactions inside (SQLite ignores the setting inside a
    transaction).  The caller holds the store's lock throughout."""
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        db.execute("PRAGMA foreign_keys = ON")


@contextmanager
def idle_reuse_triggers(cur: sqlite3.Cursor) -> Iterator[None]:
    """Inside a write transaction that only inserts and upserts: the
    graph-log reuse triggers that cannot fire in it are dropped for its
    length and created again, from their stored text, before it commits.

    A reuse trigger logs a new row whose id a logged (deleted or re-keyed)
    row had, so the graph index does not take the new row for the old one.
    It fires only when ``graph_log`` holds a row of its kind with that id.
    ``graph_log`` is append-only and only the delete and key-update
    triggers add rows to it; this transaction deletes nothing and changes no
    key, and it holds the write lock, so when ``graph_log`` holds no row of
    the trigger's kind at its start, it holds none at its end and the
    trigger's condition is false for every row written: dropping it changes
    nothing.  DDL is transactional: other connections see the trigger
    before and after, never without it, and a rollback or a killed process
    leaves it in place.  On an error the block's end is not reached and the
    caller's rollback restores the triggers."""
    restore: list[str] = []
    for name, kind in REUSE_TRIGGERS.items():
        row = cur.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (name,)).fetchone()
        if row is None or cur.execute("SELECT EXISTS (SELECT 1 FROM graph_log WHERE kind = ?)", (kind,)).fetchone()[0]:
            continue
        cur.execute(f"DROP TRIGGER {name}")
        restore.append(row[0])
    yield
    for statement in restore:
        cur.execute(statement)


def check_references(
    cur: sqlite3.Cursor,
    held: Mapping[str, Entity | None],
    complete: bool,
    documents: Sequence[Document],
    relations: Iterable[Relation],
) -> None:
    """Raise StoreError unless every end of ``relations`` is an entity that
    is stored or written in this transaction, and every piece of their
    evidence names a stored document or one of ``documents``.

    ``held``: the store's known entities by id after this transaction's
    entities were written (graph/sqlite_known.py; None: known not stored).
    When ``complete``, an id it does not hold is not stored; otherwise such
    ids are looked up.  Documents outside ``documents`` are looked up (a
    batch's evidence normally cites its own articles: no query)."""
    relations = list(relations)
    ends = {rel.head for rel in relations}
    ends.update([rel.tail for rel in relations])
    cited = {ev.document_id for rel in relations for ev in rel.evidence}
    missing = {end for end in ends if held.get(end) is None}
    if missing and not complete:
        asked = [end for end in missing if end not in held]
        missing -= {row[0] for row in rows_in(cur, "SELECT id FROM entities", "id", asked)}
    if missing:
        raise StoreError(
            f"relations name entities that are neither stored nor written with them: {', '.join(sorted(missing)[:5])}; "
            "nothing of this batch was written (write the entities in the same batch or before it)"
        )
    cited.difference_update(d.id for d in documents)
    if cited:
        cited -= {row[0] for row in rows_in(cur, "SELECT id FROM documents", "id", cited)}
    if cited:
        raise StoreError(
            f"evidence cites documents that are neither stored nor written with it: {', '.join(sorted(cited)[:5])}; "
            "nothing of this batch was written (write the documents in the same batch or before it)"
        )
