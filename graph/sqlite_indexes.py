"""The SQLite store's read indexes, and building them once after a bulk load.

Some indexes only speed reads up: no write reads them to stay correct (a
relation's tail, evidence by document, the few list-import statements).
Kept up to date row by row, a bulk load inserts into each of them at a
random place per row; built once after the load, SQLite sorts the column
instead, the standard way to bulk-load SQLite: the statements of a
200,000-relation load into a new file took about 15% less CPU that way, the
index builds included (benchmarks/RESULTS.md).

``deferred`` drops them for the length of a big load into a small store and
builds them again at its end, also after an error.  SQLite's DDL is
transactional, so the drop and the build each happen whole or not at all;
if the process dies in between, the next ``SQLiteStore`` that opens the file
builds them (``add_missing``), and until then reads answer the same, only
by scanning.
"""

from __future__ import annotations

import logging
import sqlite3
from contextlib import contextmanager
from typing import Callable, ContextManager, Iterator

__all__ = ["READ_INDEXES", "DEFER_MIN_ROWS", "add_missing", "deferred"]

log = logging.getLogger(__name__)

#: index name -> its statement
READ_INDEXES: dict[str, str] = {
    "relations_tail": "CREATE INDEX IF NOT EXISTS relations_tail ON relations(tail)",
    "evidence_document": "CREATE INDEX IF NOT EXISTS evidence_document ON evidence(document_id)",
    # the statements list imports leave (graph/lists/status.py), found
    # without reading every article's evidence
    "evidence_list_import": (
        "CREATE INDEX IF NOT EXISTS evidence_list_import ON evidence(relation_id) WHERE method = 'list-import'"
    ),
}

#: a load of fewer relations keeps the indexes: it would gain little
DEFER_MIN_ROWS = 10_000


def _missing(db: sqlite3.Connection) -> list[str]:
    present = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    return [name for name in READ_INDEXES if name not in present]


def add_missing(db: sqlite3.Connection, where: str) -> None:
    """At open: build the read indexes the file lacks (written before an
    index existed, or by a load that was killed).  A read-only file, or one
    another connection is loading into right now, is read without them: a
    warning, no wait (the load builds them at its end)."""
    missing = _missing(db)
    if not missing:
        return
    timeout = db.execute("PRAGMA busy_timeout").fetchone()[0]
    db.execute("PRAGMA busy_timeout = 0")
    try:
        for name in missing:
            try:
                db.execute(READ_INDEXES[name])
            except sqlite3.OperationalError as exc:  # read-only, or locked by a writer
                log.warning("%s: read index %s not added (%s); reads work without it", where, name, exc)
    finally:
        db.execute(f"PRAGMA busy_timeout = {int(timeout)}")


@contextmanager
def deferred(
    transaction: Callable[[], ContextManager[sqlite3.Cursor]], rows: int
) -> Iterator[bool]:
    """Drop the read indexes for the block when a load of about ``rows``
    relations is at least ``DEFER_MIN_ROWS`` and bigger than what the store
    holds (rebuilding then costs less than the row-by-row inserts it
    saves); build them again when the block ends, however it ends.
    ``transaction`` opens one write transaction of the store.  Yields
    whether the indexes were dropped."""
    drop = False
    if rows >= DEFER_MIN_ROWS:
        with transaction() as cur:
            held = cur.execute("SELECT coalesce(max(id), 0) FROM relations").fetchone()[0]
            drop = held < rows
            if drop:
                for name in READ_INDEXES:
                    cur.execute(f"DROP INDEX IF EXISTS {name}")
    try:
        yield drop
    finally:
        if drop:
            with transaction() as cur:
                for statement in READ_INDEXES.values():
                    cur.execute(statement)
