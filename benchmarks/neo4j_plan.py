"""What the Neo4j path sends for a bulk load, counted without a Neo4j server.

    python benchmarks/neo4j_plan.py --articles 1000

No Neo4j 5 server runs on these machines, so the Neo4j dialect's plan
(managed transactions of whole articles, UNWIND statements of ``batch_size``
rows, constraints first) is counted with a recording driver, as
tests/graph/test_bolt_dialect.py checks it: statements and transactions per
``--articles`` articles of benchmarks/store_bench.py's graph, an empty
database answering every read.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_bench import ROOT, build  # noqa: E402

from chipgraph.graph import bolt_dialect, neo4j_store  # noqa: E402
from chipgraph.graph.neo4j_store import Neo4jStore  # noqa: E402


def fake_neo4j():  # type: ignore[no-untyped-def]
    """tests/graph/fake_neo4j.py (the recording driver), imported by path."""
    spec = importlib.util.spec_from_file_location("chipgraph_tests_fake_neo4j", ROOT / "tests" / "graph" / "fake_neo4j.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=1000)
    p.add_argument("--batch-size", type=int, default=1000, help="rows per UNWIND statement")
    args = p.parse_args(argv)
    articles, _ = build(args.articles, 10, 7)
    recorder = fake_neo4j().FakeServer()
    neo4j_store._driver = recorder.driver  # type: ignore[assignment]
    store = Neo4jStore("bolt://neo4j:secret@localhost:7687/neo4j", batch_size=args.batch_size)
    recorder.calls.clear()
    store.add_many(articles)
    writes = [
        (tx, len(params["rows"])) for tx, c, params in recorder.calls if c.endswith(bolt_dialect.COUNT_WRITTEN)
    ]
    reads = [c for tx, c, _ in recorder.calls if not c.endswith(bolt_dialect.COUNT_WRITTEN)]
    relations = sum(len(x.relations) for x in articles)
    print(
        f"Neo4j dialect, {len(articles):,} articles ({relations:,} relations), batch_size {args.batch_size}: "
        f"{recorder.transactions} managed transaction(s), {len(writes)} UNWIND write statements "
        f"({sum(r for _, r in writes):,} rows, at most {max(r for _, r in writes)} each), {len(reads)} reads"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
