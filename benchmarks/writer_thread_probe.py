"""Would a writer thread speed ``add_many`` up?  The probe that says no.

    python benchmarks/writer_thread_probe.py --entities 20000 --repeat 3

SQLite's INSERT statements are about 30% of ``add_many``'s CPU
(``bulk_write.py --split``), so on two cores running them in a second
thread, while the first resolves the next batch and builds its rows, looked
like the way to more relations per second.  This measures it before anyone
builds it, on the same articles as bulk_write.py:

- *plan*: ``add_many`` with every ``sqlite_bulk.insert_rows`` call recorded
  instead of run (resolution, row building, reference checks: the Python);
- *one thread*: the plan, then its recorded statements replayed into a
  second new store batch by batch, one transaction each, as ``add_many``
  writes them (read indexes built and the log checkpointed at the end);
- *writer thread*: the same replay in a thread fed batch by batch while the
  plan runs, at the interpreter's switch interval and at a short one.

The replay store has foreign keys and the read indexes off during the load,
as ``add_many``'s bulk transactions do.  If the thread overlapped the two,
the third line would approach the larger of plan and replay.
"""

from __future__ import annotations

import argparse
import os
import queue
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import store_bench  # noqa: E402  (benchmarks/ is not a package)

from chipgraph.graph import sqlite_bulk, sqlite_indexes  # noqa: E402
from chipgraph.graph.sqlite_store import SQLiteStore  # noqa: E402

Batch = list[tuple[str, list, str]]


def replay_store(directory: str) -> SQLiteStore:
    """A new store set up as a bulk load runs: read indexes dropped, foreign
    keys off, no checkpoint until the end."""
    store = SQLiteStore(Path(directory) / "replay.sqlite")
    for name in sqlite_indexes.READ_INDEXES:
        store._db.execute(f"DROP INDEX {name}")
    store._db.execute("PRAGMA foreign_keys = OFF")
    store._db.execute(f"PRAGMA wal_autocheckpoint = {sqlite_bulk.WAL_BULK_BYTES // 4096}")
    return store


def write_batch(store: SQLiteStore, batch: Batch, insert) -> None:
    """One batch's recorded statements in one transaction, as add_many commits them."""
    store._db.execute("BEGIN IMMEDIATE")
    cur = store._db.cursor()
    for statement, rows, conflict in batch:
        insert(cur, statement, rows, conflict)
    store._db.execute("COMMIT")


def finish(store: SQLiteStore) -> None:
    for statement in sqlite_indexes.READ_INDEXES.values():
        store._db.execute(statement)
    store._db.execute("PRAGMA wal_checkpoint(PASSIVE)")
    store.close()


def plan(articles, directory: str, on_batch) -> float:
    """``add_many`` of ``articles`` with its INSERTs handed to ``on_batch``
    one batch (transaction) at a time instead of run; its wall seconds."""
    insert, add_group = sqlite_bulk.insert_rows, SQLiteStore._add_group
    pending: Batch = []

    def group(self, articles):
        results = add_group(self, articles)
        on_batch(list(pending))
        pending.clear()
        return results

    sqlite_bulk.insert_rows = lambda cur, statement, rows, conflict="": pending.append((statement, rows, conflict))
    SQLiteStore._add_group = group
    try:
        store = SQLiteStore(Path(directory) / "plan.sqlite")
        start = time.perf_counter()
        store.add_many(articles)
        wall = time.perf_counter() - start
        store.close()
        return wall
    finally:
        sqlite_bulk.insert_rows, SQLiteStore._add_group = insert, add_group


def one_thread(articles) -> tuple[float, float]:
    batches: list[Batch] = []
    with tempfile.TemporaryDirectory() as directory:
        planned = plan(articles, directory, batches.append)
        store = replay_store(directory)
        start = time.perf_counter()
        for batch in batches:
            write_batch(store, batch, sqlite_bulk.insert_rows)
        finish(store)
        return planned, planned + time.perf_counter() - start


def writer_thread(articles, interval: float) -> float:
    before = sys.getswitchinterval()
    batches: queue.Queue = queue.Queue(maxsize=2)
    with tempfile.TemporaryDirectory() as directory:
        store = replay_store(directory)
        insert = sqlite_bulk.insert_rows

        def write() -> None:
            while (batch := batches.get()) is not None:
                write_batch(store, batch, insert)

        thread = threading.Thread(target=write)
        sys.setswitchinterval(interval)
        try:
            start = time.perf_counter()
            thread.start()
            plan(articles, directory, batches.put)
            batches.put(None)
            thread.join()
            finish(store)
            return time.perf_counter() - start
        finally:
            sys.setswitchinterval(before)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entities", type=int, default=20000)
    parser.add_argument("--relations", type=int, default=10, help="relations per company")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    articles, _ = store_bench.build(args.entities, args.relations, args.seed)
    relations = sum(len(a.relations) for a in articles)
    print(f"{len(articles):,} articles, {relations:,} relations")
    default = sys.getswitchinterval()
    for round_ in range(1, args.repeat + 1):
        planned, sequential = one_thread(articles)
        threaded = {interval: writer_thread(articles, interval) for interval in (default, 0.0005)}
        print(
            f"round {round_}: plan {planned:.2f}s; plan then replay, one thread {sequential:.2f}s "
            f"= {relations / sequential:,.0f}/s; replay in a writer thread "
            + ", ".join(f"{wall:.2f}s = {relations / wall:,.0f}/s (switch interval {interval * 1000:g} ms)"
                        for interval, wall in threaded.items())
            + f"; load average {os.getloadavg()[0]:.2f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
