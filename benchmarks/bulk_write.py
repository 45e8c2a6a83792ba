"""Bulk write rates into SQLite: ``add_many`` and ``chipgraph copy``.

    python benchmarks/bulk_write.py --entities 20000 --repeat 3
    python benchmarks/bulk_write.py --entities 3000 --without-triggers
    python benchmarks/bulk_write.py --entities 20000 --split --no-copy

The articles are store_bench.py's synthetic supply chain (``--entities``
companies, about ``--relations`` relations each, one article per company,
one piece of evidence per relation).  Each round writes them into a new
SQLite file with one ``add_many`` call (the store's own transaction size),
then copies that store into another new file with ``copy_graph`` (what
``chipgraph copy`` runs).  Every line gives wall-clock and CPU rates and the
load average, because the figures of a shared machine are only comparable
with the load they were measured under.  ``--split`` adds the CPU of each
table's INSERT statements (graph/sqlite_bulk.insert_rows) within ``add_many``:
what SQLite's own work is against the Python that resolves and builds rows.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import store_bench  # noqa: E402  (benchmarks/ is not a package)

from chipgraph.graph import sqlite_bulk  # noqa: E402
from chipgraph.graph.copy import copy_graph  # noqa: E402
from chipgraph.graph.sqlite_store import SQLiteStore  # noqa: E402


def timed(run) -> tuple[float, float]:
    """Wall-clock and CPU seconds of ``run()``."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def line(what: str, relations: int, wall: float, cpu: float) -> str:
    load = os.getloadavg()[0]
    return (f"{what}: {relations:,} relations in {wall:.1f}s = {relations / wall:,.0f} relations/s "
            f"(CPU {cpu:.1f}s = {relations / cpu:,.0f}/s); load average {load:.2f}")


def split_inserts() -> collections.Counter:
    """CPU seconds of each table's INSERTs from now on, by statement start."""
    spent: collections.Counter = collections.Counter()
    insert = sqlite_bulk.insert_rows

    def timed_insert(cur, statement, rows, conflict=""):
        cpu = time.process_time()
        insert(cur, statement, rows, conflict)
        spent[statement.split("(")[0].strip()] += time.process_time() - cpu

    sqlite_bulk.insert_rows = timed_insert
    return spent


def drop_triggers(store: SQLiteStore) -> None:
    """Remove the graph-log triggers (graph/graph_index.py), to show their share."""
    for (name,) in store._query("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'graph_log_%'"):
        store._db.execute(f"DROP TRIGGER {name}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--entities", type=int, default=20_000)
    p.add_argument("--relations", type=int, default=10, help="relations per company")
    p.add_argument("--repeat", type=int, default=3, help="rounds (a shared machine's figures vary by round)")
    p.add_argument("--without-triggers", action="store_true", help="also add_many with the graph-log triggers dropped")
    p.add_argument("--no-copy", action="store_true", help="add_many only")
    p.add_argument("--split", action="store_true", help="also the CPU of each table's INSERT statements in add_many")
    p.add_argument("--seed", type=int, default=7)
    args = p.parse_args(argv)
    spent = split_inserts() if args.split else None

    t0 = time.perf_counter()
    articles, _ = store_bench.build(args.entities, args.relations, args.seed)
    relations = sum(len(x.relations) for x in articles)
    print(f"{len(articles):,} articles, {relations:,} relations (built in {time.perf_counter() - t0:.1f}s)", flush=True)
    with tempfile.TemporaryDirectory(prefix="chipgraph-bulk-") as tmp_name:
        tmp = Path(tmp_name)
        for n in range(args.repeat):
            variants = [True, False] if args.without_triggers else [True]
            for triggers in variants:
                path = tmp / f"load-{n}-{triggers}.sqlite"
                store = SQLiteStore(path)
                if not triggers:
                    drop_triggers(store)
                if spent is not None:
                    spent.clear()
                wall, cpu = timed(lambda: store.add_many(articles))
                print(line(f"round {n + 1} add_many" + ("" if triggers else " without the graph-log triggers"),
                           relations, wall, cpu), flush=True)
                if spent:
                    print("  of its CPU, INSERT statements: " + ", ".join(
                        f"{what.removeprefix('INSERT ').removeprefix('OR IGNORE ').removeprefix('INTO ')} "
                        f"{seconds:.2f}s ({seconds / cpu:.0%})" for what, seconds in spent.most_common())
                        + f"; all {sum(spent.values()) / cpu:.0%}", flush=True)
                if triggers and not args.no_copy:
                    target = SQLiteStore(tmp / f"copy-{n}.sqlite")
                    wall, cpu = timed(lambda: copy_graph(store, target, progress=False))
                    stored = target.counts()["relations"]
                    print(line(f"round {n + 1} copy", stored, wall, cpu), flush=True)
                    target.close()
                store.close()
                for leftover in tmp.glob("*.sqlite*"):
                    leftover.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
