"""Write and path-query speed of every store on one synthetic supply chain.

    python benchmarks/store_bench.py --entities 100000            # SQLite + FalkorDB
    python benchmarks/store_bench.py --entities 5000 --stores sqlite
    python benchmarks/store_bench.py --neo4j-url bolt://neo4j:pw@localhost:7687/neo4j

The graph: ``--entities`` companies (plus a few lists), each the head of about
``--relations`` relations (SUPPLIED to other companies, OWNED_BY a parent,
now and then DESIGNATED on a list), each with one piece of evidence; one
article per company carries its relations.  Every store ingests the same
articles through ``add_many`` (the path an ingest run takes), then answers
the same ``--queries`` path queries between random connected pairs.  SQLite
writes to a temporary file; FalkorDB is started from tests/falkordb.py; a
Neo4j URL given with ``--neo4j-url`` is WIPED first.
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

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


def bench(name: str, store: GraphStore, articles: list[Extraction], pairs: list[tuple[str, str]], hops: int) -> dict:
    relations = sum(len(x.relations) for x in articles)
    started = time.perf_counter()
    chunk = 2000  # the SQLite store's own transaction size (SQLiteStore.add_many)
    for i in range(0, len(articles), chunk):
        store.add_many(articles[i : i + chunk])
        done = min(i + chunk, len(articles))
        rate = sum(len(x.relations) for x in articles[:done]) / (time.perf_counter() - started)
        print(f"  {name}: {done}/{len(articles)} articles, {rate:,.0f} relations/s", file=sys.stderr, flush=True)
    write_s = time.perf_counter() - started
    counts = store.counts()
    times, found = [], 0
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
        "path_median_ms": statistics.median(times) * 1000,
        "path_p99_ms": percentile(times, 0.99) * 1000,
        "paths_found": found,
        "queries": len(pairs),
    }


def stores(args: argparse.Namespace, tmp: Path) -> Iterator[tuple[str, GraphStore]]:
    wanted = args.stores.split(",")
    if "sqlite" in wanted:
        from chipgraph.graph.sqlite_store import SQLiteStore

        yield "sqlite", SQLiteStore(tmp / "bench.sqlite")
    if "falkordb" in wanted:
        from chipgraph.graph.neo4j_store import Neo4jStore

        spec = importlib.util.spec_from_file_location("chipgraph_tests_falkordb", ROOT / "tests" / "falkordb.py")
        helper = importlib.util.module_from_spec(spec)
        assert spec.loader is not None
        spec.loader.exec_module(helper)
        with helper.FalkorDBServer() as server:
            yield "falkordb", Neo4jStore(server.url_for("bench"), batch_size=args.batch_size)
    if args.neo4j_url:
        from chipgraph.graph.neo4j_store import Neo4jStore

        store = Neo4jStore(args.neo4j_url, batch_size=args.batch_size)
        store.clear()
        yield "neo4j", store


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
        for name, store in stores(args, Path(tmp)):
            results.append(bench(name, store, articles, pairs, args.max_hops))
            store.close()
            r = results[-1]
            print(
                f"{r['store']:>9}: {r['relations']:,} relations written in {r['write_s']:.1f}s = "
                f"{r['relations_per_s']:,.0f} relations/s; paths: median {r['path_median_ms']:.2f} ms, "
                f"p99 {r['path_p99_ms']:.2f} ms ({r['paths_found']}/{r['queries']} found)",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
