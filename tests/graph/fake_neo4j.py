"""A Neo4j 5 driver that records instead of sending: what the store would
ask a Neo4j server, for tests/graph/test_bolt_dialect.py and
benchmarks/neo4j_plan.py (no Neo4j server runs on these machines)."""

from __future__ import annotations

from typing import Any, Callable


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
