"""Write and path-query speed of every store on one synthetic supply chain.

    python benchmarks/store_bench.py --entities 100000            # SQLite + FalkorDB
    python benchmarks/store_bench.py --entities 5000 --stores sqlite
    python benchmarks/store_bench.py --neo4j-url bolt://neo4j:pw@localhost:7687/neo4j
    python benchmarks/store_bench.py --entities 20000 --stores falkordb --copy --queries 0

The graph: ``--entities`` companies (plus a few lists), each the head of about
``--relations`` relations (SUPPLIED to other companies, OWNED_BY a parent,
now and then DESIGNATED on a list), each with one piece of evidence; one
article per company carries its relations.  Every store ingests the same
articles through ``add_many`` (the path an ingest run takes), then answers
the same ``--queries`` path queries between random connected pairs.  SQLite
writes to a temporary file; FalkorDB is started from tests/falkordb.py; a
Neo4j URL given with ``--neo4j-url`` is WIPED first.

With ``--copy`` the same graph is also copied (``copy_graph``, the
``chipgraph copy`` path: rows as they are, no name resolution) from a SQLite
file into a fresh FalkorDB (and into the ``--neo4j-url`` database, wiped
again), and that load rate is printed too.  For FalkorDB each load also
prints the CPU seconds of the client (this process) and of the server
process, to tell where the time goes.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Iterator

from chipgraph.graph.copy import copy_graph
from chipgraph.graph.model import Document, Entity, EntityType, Evidence, Extraction, Relation, RelationType
from chipgraph.graph.paths import PathQuery
from chipgraph.graph.store import GraphStore

ROOT = Path(__file__).resolve().parents[1]


def company(i: int) -> Entity:
    return Entity.create(f"Firm {i:07d}", EntityType.ORG, aliases=[f"F{i:07d}"])


def build(n: int, per_entity: int, seed: int) -> tuple[list[Extraction], dict[int, list[int]]]:
    """Articles of a synthetic supply chain, and each company's out-neighbours
    (to pick connected pairs without asking a store)."""
    rng = random.Random(seed)
    lists = [Entity.create(f"Watch List {k}", EntityType.LIST) for k in range(10)]
    out: dict[int, list[int]] = {}
    articles = []
    for i in range(n):
        head = company(i)
        sentences: list[tuple[RelationType, Entity, str]] = []
        if i >= 10:  # an owner among earlier companies: ownership trees
            parent = rng.randrange(0, i)
            sentences.append((RelationType.OWNED_BY, company(parent), f"{head.name} is owned by {company(parent).name}."))
            out.setdefault(i, []).append(parent)
        if rng.random() < 0.05:
            lst = rng.choice(lists)
            sentences.append((RelationType.DESIGNATED, lst, f"{head.name} was added to the {lst.name}."))
        while len(sentences) < per_entity:
            other = rng.randrange(0, n)
            if other == i:
                continue
            sentences.append(
                (RelationType.SUPPLIED, company(other), f"{head.name} supplied components to {company(other).name}.")
            )
            out.setdefault(i, []).append(other)
        text = " ".join(s for _, _, s in sentences)
        doc = Document.from_text(text, f"https://bench.example/{i}", title=f"Article {i}")
        entities = {head.id: head}
        relations: dict[tuple[str, str, str], Relation] = {}
        offset = 0
        for rtype, tail, sentence in sentences:
            ev = Evidence(doc.id, sentence, offset, offset + len(sentence), "rule:bench", 0.5 + rng.random() / 2)
            offset += len(sentence) + 1
            entities.setdefault(tail.id, tail)
            rel = Relation(head.id, rtype, tail.id, (ev,))
            relations[rel.key] = relations[rel.key].merged(rel) if rel.key in relations else rel
        articles.append(Extraction(doc, tuple(entities.values()), tuple(relations.values())))
    return articles, out


def connected_pairs(out: dict[int, list[int]], count: int, seed: int, max_hops: int) -> list[tuple[str, str]]:
    """Random walks of 1..max_hops steps along stated relations: the ends are connected."""
    rng = random.Random(seed + 1)
    starts = [i for i in out if out[i]]
    pairs = []
    while len(pairs) < count:
        node = start = rng.choice(starts)
        seen = {start}
        for _ in range(rng.randint(1, max_hops)):
            nxt = [x for x in out.get(node, ()) if x not in seen]
            if not nxt:
                break
            node = rng.choice(nxt)
            seen.add(node)
        if node != start:
            pairs.append((company(start).id, company(node).id))
    return pairs


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def process_cpu(pid: int | None) -> float:
    """CPU seconds (user + system) the process ``pid`` has used; 0 without /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_note(client_s: float, server_pid: int | None, server_s: float) -> str:
    """``client 12.3 s CPU, server 4.5 s CPU`` (the server's only when known)."""
    note = f"client {client_s:.1f} s CPU"
    return note + (f", server {server_s:.1f} s CPU" if server_pid else "")


def bench(
    name: str,
    store: GraphStore,
    articles: list[Extraction],
    pairs: list[tuple[str, str]],
    hops: int,
    server_pid: int | None = None,
) -> dict:
    relations = sum(len(x.relations) for x in articles)
    cpu0, server0 = time.process_time(), process_cpu(server_pid)
    started = time.perf_counter()
    chunk = 2000  # the SQLite store's own transaction size (SQLiteStore.add_many)
    for i in range(0, len(articles), chunk):
        store.add_many(articles[i : i + chunk])
        done = min(i + chunk, len(articles))
        rate = sum(len(x.relations) for x in articles[:done]) / (time.perf_counter() - started)
        print(f"  {name}: {done}/{len(articles)} articles, {rate:,.0f} relations/s", file=sys.stderr, flush=True)
    write_s = time.perf_counter() - started
    cpu = cpu_note(time.process_time() - cpu0, server_pid, process_cpu(server_pid) - server0)
    counts = store.counts()
    times, found = [], 0
    if pairs:
        store.paths(PathQuery(*pairs[0], max_hops=hops))  # warm caches (SQLite loads its adjacency)
    for source, target in pairs:
        t0 = time.perf_counter()
        found += bool(store.paths(PathQuery(source, target, max_hops=hops)))
        times.append(time.perf_counter() - t0)
    return {
        "store": name,
        "relations": counts["relations"],
        "write_s": write_s,
        "relations_per_s": relations / write_s,
        "cpu": cpu,
        "path_median_ms": statistics.median(times) * 1000 if times else 0.0,
        "path_p99_ms": percentile(times, 0.99) * 1000 if times else 0.0,
        "paths_found": found,
        "queries": len(pairs),
    }


def falkordb_server():  # type: ignore[no-untyped-def]
    """A fresh FalkorDB server (tests/falkordb.py), as a context manager."""
    spec = importlib.util.spec_from_file_location("chipgraph_tests_falkordb", ROOT / "tests" / "falkordb.py")
    helper = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(helper)
    return helper.FalkorDBServer()


def stores(args: argparse.Namespace, tmp: Path) -> Iterator[tuple[str, GraphStore, int | None]]:
    """(name, empty store, server pid when it runs on this machine)."""
    wanted = args.stores.split(",")
    if "sqlite" in wanted:
        from chipgraph.graph.sqlite_store import SQLiteStore

        yield "sqlite", SQLiteStore(tmp / "bench.sqlite"), None
    if "falkordb" in wanted:
        from chipgraph.graph.neo4j_store import Neo4jStore

        with falkordb_server() as server:
            yield "falkordb", Neo4jStore(server.url_for("bench"), batch_size=args.batch_size), server.pid
    if args.neo4j_url:
        from chipgraph.graph.neo4j_store import Neo4jStore

        store = Neo4jStore(args.neo4j_url, batch_size=args.batch_size)
        store.clear()
        yield "neo4j", store, None


def bench_copy(args: argparse.Namespace, tmp: Path, articles: list[Extraction]) -> None:
    """Copy the graph from a SQLite file into fresh Bolt stores and print the
    load rate (the SQLite file is written first, not timed)."""
    from chipgraph.graph.neo4j_store import Neo4jStore
    from chipgraph.graph.sqlite_store import SQLiteStore

    source = SQLiteStore(tmp / "copy-source.sqlite")
    source.add_many(articles)
    relations = source.counts()["relations"]
    targets: list[tuple[str, str, Any]] = []
    if "falkordb" in args.stores.split(","):
        targets.append(("falkordb", "", falkordb_server))
    if args.neo4j_url:
        targets.append(("neo4j", args.neo4j_url, None))
    for name, url, start in targets:
        with start() if start else _NoServer() as server:
            target = Neo4jStore(server.url_for("copy") if start else url, batch_size=args.batch_size)
            if not start:
                target.clear()
            pid = server.pid if start else None
            cpu0, server0 = time.process_time(), process_cpu(pid)
            started = time.perf_counter()
            report = copy_graph(source, target, batch_size=args.copy_batch, progress=False)
            seconds = time.perf_counter() - started
            cpu = cpu_note(time.process_time() - cpu0, pid, process_cpu(pid) - server0)
            assert target.counts()["relations"] == relations, "the copy lost relations"
            print(
                f"{'copy ' + name:>14}: {report.relations:,} relations copied from SQLite in {seconds:.1f}s = "
                f"{report.relations / seconds:,.0f} relations/s ({cpu}; --copy-batch {args.copy_batch})",
                flush=True,
            )
            target.close()
    source.close()


class _NoServer:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--entities", type=int, default=100_000)
    p.add_argument("--relations", type=int, default=10, help="relations per company")
    p.add_argument("--queries", type=int, default=1000)
    p.add_argument("--max-hops", type=int, default=4)
    p.add_argument("--stores", default="sqlite,falkordb", help="comma-separated: sqlite, falkordb")
    p.add_argument("--neo4j-url", help="also run on this Neo4j (its database is wiped)")
    p.add_argument("--batch-size", type=int, default=1000, help="rows per write statement (server stores)")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--copy", action="store_true", help="also time `copy` from SQLite into the Bolt stores")
    p.add_argument("--copy-batch", type=int, default=20_000, help="rows per write_batch of --copy")
    args = p.parse_args(argv)
    # SIGTERM (kill, timeout) unwinds like Ctrl-C, so the FalkorDB server and
    # the temporary files are cleaned up.
    signal.signal(signal.SIGTERM, lambda signum, frame: (_ for _ in ()).throw(KeyboardInterrupt()))

    t0 = time.perf_counter()
    articles, out = build(args.entities, args.relations, args.seed)
    pairs = connected_pairs(out, args.queries, args.seed, args.max_hops)
    print(
        f"graph: {args.entities:,} companies, {sum(len(x.relations) for x in articles):,} relations "
        f"in {len(articles):,} articles (built in {time.perf_counter() - t0:.1f}s); "
        f"{len(pairs)} path queries, max_hops={args.max_hops}",
        flush=True,
    )
    results = []
    with tempfile.TemporaryDirectory(prefix="chipgraph-bench-") as tmp:
        for name, store, pid in stores(args, Path(tmp)):
            results.append(bench(name, store, articles, pairs, args.max_hops, pid))
            store.close()
            r = results[-1]
            print(
                f"{r['store']:>9}: {r['relations']:,} relations written in {r['write_s']:.1f}s = "
                f"{r['relations_per_s']:,.0f} relations/s ({r['cpu']}); paths: median {r['path_median_ms']:.2f} ms, "
                f"p99 {r['path_p99_ms']:.2f} ms ({r['paths_found']}/{r['queries']} found)",
                flush=True,
            )
        if args.copy:
            bench_copy(args, Path(tmp), articles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
