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
import sys
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_bench import build  # noqa: E402

from chipgraph.graph import bolt_dialect, neo4j_store  # noqa: E402
from chipgraph.graph.neo4j_store import Neo4jStore  # noqa: E402


class Recorder:
    """A Neo4j 5 driver that answers nothing and writes everything: every
    statement is kept with its transaction number."""

    def __init__(self) -> None:
        self.calls: list[tuple[int | None, str, int]] = []
        self.transactions = 0

    def run(self, cypher: str, params: dict[str, Any] | None, tx: int | None) -> "_Result":
        rows = len((params or {}).get("rows", ())) or 1
        self.calls.append((tx, cypher, rows))
        if cypher.startswith("CALL dbms.components()"):
            return _Result([{"name": "Neo4j Kernel"}], 0)
        return _Result([], rows)

    def driver(self, url: Any, timeout: float) -> "Recorder":
        return self

    def session(self, **options: Any) -> "_Session":
        return _Session(self)


class _Result(list):
    def __init__(self, records: list[dict[str, Any]], written: int) -> None:
        super().__init__(records)
        self.written = written

    def consume(self) -> None:
        return None

    def single(self) -> dict[str, int]:
        return {"written": self.written}


class _Session:
    def __init__(self, recorder: Recorder, tx: int | None = None) -> None:
        self.recorder, self.tx = recorder, tx

    def __enter__(self) -> "_Session":
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> _Result:
        return self.recorder.run(cypher, params, self.tx)

    def execute_write(self, work: Callable[["_Session"], None]) -> None:
        self.recorder.transactions += 1
        work(_Session(self.recorder, self.recorder.transactions))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=1000)
    p.add_argument("--batch-size", type=int, default=1000, help="rows per UNWIND statement")
    args = p.parse_args(argv)
    articles, _ = build(args.articles, 10, 7)
    recorder = Recorder()
    neo4j_store._driver = recorder.driver  # type: ignore[assignment]
    store = Neo4jStore("bolt://neo4j:secret@localhost:7687/neo4j", batch_size=args.batch_size)
    recorder.calls.clear()
    store.add_many(articles)
    writes = [(tx, rows) for tx, c, rows in recorder.calls if c.endswith(bolt_dialect.COUNT_WRITTEN)]
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
