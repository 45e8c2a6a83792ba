"""The Neo4j dialect without a Neo4j server: a fake driver records what the
store sends, so the plain Neo4j path (Bolt parameters bound by the driver,
one managed transaction per batch of articles, UNWIND statements of
``batch_size`` rows, constraints first) is checked on every run.  The FalkorDB
dialect runs against the real server in the conformance suite."""

from __future__ import annotations

from typing import Any, Callable

import pytest

from chipgraph.graph import bolt_dialect, neo4j_store
from chipgraph.graph.neo4j_store import Neo4jStore

from test_bulk_writes import random_articles


class FakeResult(list):
    """Records as dicts; a write's ``single()`` reports every row written."""

    def __init__(self, records: list[dict[str, Any]], written: int) -> None:
        super().__init__(records)
        self.written = written

    def consume(self) -> None:
        return None

    def single(self) -> dict[str, int]:
        return {"written": self.written}


class FakeServer:
    """What a Neo4j 5 server would be asked: every statement with the
    parameters it came with, and which transaction (if any) it ran in."""

    def __init__(self) -> None:
        self.calls: list[tuple[int | None, str, dict[str, Any] | None]] = []
        self.transactions = 0

    def answer(self, cypher: str, params: dict[str, Any] | None, tx: int | None) -> FakeResult:
        self.calls.append((tx, cypher, params))
        if cypher.startswith("CALL dbms.components()"):
            return FakeResult([{"name": "Neo4j Kernel"}], 0)
        rows = (params or {}).get("rows", ())
        return FakeResult([], len(rows) or 1)  # nothing stored yet: every read finds nothing

    def driver(self, url: Any, timeout: float) -> "FakeDriver":
        return FakeDriver(self)


class FakeTransaction:
    def __init__(self, server: FakeServer, number: int) -> None:
        self.server, self.number = server, number

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> FakeResult:
        return self.server.answer(cypher, params, self.number)


class FakeSession:
    def __init__(self, server: FakeServer) -> None:
        self.server = server

    def __enter__(self) -> "FakeSession":
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> FakeResult:
        return self.server.answer(cypher, params, None)

    def execute_write(self, work: Callable[[FakeTransaction], None]) -> None:
        self.server.transactions += 1
        work(FakeTransaction(self.server, self.server.transactions))


class FakeDriver:
    def __init__(self, server: FakeServer) -> None:
        self.server = server

    def session(self, **options: Any) -> FakeSession:
        return FakeSession(self.server)


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> FakeServer:
    fake = FakeServer()
    monkeypatch.setattr(neo4j_store, "_driver", fake.driver)
    return fake


def test_the_store_picks_the_neo4j_dialect_and_creates_constraints_first(server: FakeServer) -> None:
    store = Neo4jStore("bolt://neo4j:secret@localhost:7687/chips", batch_size=50)
    assert store.flavour == "neo4j" and type(store._dialect) is bolt_dialect.Neo4jDialect
    schema = [c for _, c, _ in server.calls if c.startswith("CREATE ")]
    assert schema == bolt_dialect.neo4j_schema_statements()


def test_neo4j_writes_send_plain_parameters_in_one_transaction_per_batch(server: FakeServer) -> None:
    store = Neo4jStore("bolt://neo4j:secret@localhost:7687", batch_size=50)
    server.calls.clear()
    articles = random_articles(60, seed=11)  # about 600 rows: over batch_size, under a transaction's rows
    results = store.add_many(articles)
    assert all(r.added for r in results)
    assert server.transactions == 1

    for _, cypher, params in server.calls:
        assert not cypher.startswith("CYPHER"), "a FalkorDB parameter header reached Neo4j"
        assert "$" not in cypher or params, f"a parameterised statement went without parameters: {cypher[:60]}"
    writes = [(tx, c, p) for tx, c, p in server.calls if c.endswith(bolt_dialect.COUNT_WRITTEN)]
    assert writes and all(tx == 1 for tx, _, _ in writes), "every write ran inside the one transaction"
    assert all(c.startswith("UNWIND $rows AS row") and 0 < len(p["rows"]) <= 50 for _, c, p in writes)
    assert sum(len(p["rows"]) for _, c, p in writes if c.startswith(bolt_dialect.DOCUMENT_SEGMENT)) == 60
    assert writes[-1][1].startswith(bolt_dialect.DOCUMENT_SEGMENT), "documents are written last"
    assert sum(1 for _, c, _ in writes if c.startswith(bolt_dialect.DOCUMENT_SEGMENT)) == 2  # 60 rows of 50


def test_neo4j_batches_hold_whole_articles_up_to_the_transaction_rows(
    server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bolt_dialect.Neo4jDialect, "transaction_rows", 100)
    store = Neo4jStore("bolt://neo4j:secret@localhost:7687", batch_size=20)
    server.calls.clear()
    store.add_many(random_articles(60, seed=12))
    assert server.transactions > 1
    documents_per_tx: dict[int, int] = {}
    for tx, c, p in server.calls:
        if tx is not None and c.startswith(bolt_dialect.DOCUMENT_SEGMENT):
            documents_per_tx[tx] = documents_per_tx.get(tx, 0) + len(p["rows"])
    assert sum(documents_per_tx.values()) == 60 and len(documents_per_tx) == server.transactions


def test_a_dropped_row_fails_the_neo4j_transaction(server: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Neo4jStore("bolt://neo4j:secret@localhost:7687")
    monkeypatch.setattr(FakeResult, "single", lambda self: {"written": max(0, self.written - 1)})
    with pytest.raises(bolt_dialect.WriteNotApplied, match="applied"):
        store.add_many(random_articles(3, seed=13))
