"""QuickPaths (api/quick_paths.py) answers plain GET /paths questions before
FastAPI reads their parameters: byte for byte what the route answers, only
after the Gate has checked keys, and never a question the route would read
differently."""

from __future__ import annotations

from typing import Any, Iterator

import pytest
from fastapi.testclient import TestClient

from chipgraph.api import app as app_module
from chipgraph.api import quick_paths
from chipgraph.api.app import create_app
from chipgraph.api.security import SecurityConfig
from chipgraph.graph.sqlite_store import SQLiteStore

#: (query string, answered by QuickPaths): plain ones, and every kind it leaves to the route
QUERIES: list[tuple[str, bool]] = [
    ("source=ASML&target=military", True),
    ("source=org%3Aasml&target=list%3Amilitary&max_evidence=1", True),
    ("source=ASML&target=military&max_hops=3&limit=2&direction=out", True),
    ("target=military&source=ASML&max_hops=4", True),
    ("source=GTA+Semiconductor&target=China%20Electronics%20Corporation&max_hops=1", True),
    ("source=ASML&target=military&direction=both", False),  # not a quick question
    ("source=ASML&target=military&max_hops=6", False),  # nor this
    ("source=asml&target=MILITARY", True),  # exact but for case, as the route's quick answer takes them
    ("source=ASML&target=military&max_hops=04", False),  # numbers the route converts
    ("source=ASML&target=military&max_hops=%2B4", False),
    ("source=ASML&target=military&max_hops=4.0", False),
    ("source=ASML&target=military&max_hops=0", False),  # numbers the route refuses
    ("source=ASML&target=military&max_hops=99", False),
    ("source=ASML&target=military&limit=101", False),
    ("source=ASML&target=military&max_hops=%EF%BC%94", False),  # a full-width digit
    ("source=ASML&target=military&types=SUPPLIED", False),  # parameters it does not read
    ("source=ASML&target=military&accepted_only=true", False),
    ("source=ASML&target=military&include_removed=1", False),
    ("source=ASML&target=military&colour=red", False),
    ("source=ASML&source=GTA+Semiconductor&target=military", False),  # a repeated one
    ("source=&target=military", False),  # what the route refuses
    ("source=ASML", False),
    ("source=ASML&target=military&direction=sideways", False),
    ("source=" + "A" * 301 + "&target=military", False),
    ("source=%FF%FE&target=military", False),  # not UTF-8
    ("source=Nonexistent+Foundry+Ltd&target=military", False),  # the route's 404
    ("source=China+Electronics&target=military", False),  # its 409
]


class Passthrough:
    """QuickPaths' place in the stack, doing nothing: the route alone."""

    def __init__(self, app: Any, store: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await self.app(scope, receive, send)


@pytest.fixture
def answered(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Query strings QuickPaths answered itself."""
    seen: list[bytes] = []
    answer = quick_paths.QuickPaths._answer

    def recording(self: quick_paths.QuickPaths, query_string: bytes) -> bytes | None:
        body = answer(self, query_string)
        if body is not None:
            seen.append(query_string)
        return body

    monkeypatch.setattr(quick_paths.QuickPaths, "_answer", recording)
    return seen


def responses(store: SQLiteStore, security: SecurityConfig, headers: dict[str, str] | None = None) -> Iterator[tuple]:
    with TestClient(create_app(store, security=security), base_url="http://localhost") as client:
        client.get("/paths", params={"source": "ASML", "target": "military"}, headers=headers)  # builds the index
        for query, _ in QUERIES:
            r = client.get(f"/paths?{query}", headers=headers)
            yield r.status_code, r.headers.get("content-type"), r.headers.get("content-length"), r.content


def test_the_same_bytes_as_the_route_and_only_plain_questions(sample_store: SQLiteStore, answered: list[bytes],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    fast = list(responses(sample_store, SecurityConfig()))
    assert set(answered) == {q.encode() for q, plain in QUERIES if plain}
    monkeypatch.setattr(app_module, "QuickPaths", Passthrough)
    assert fast == list(responses(sample_store, SecurityConfig()))
    statuses = {status for status, *_ in fast}
    assert statuses == {200, 404, 409, 422}  # the cases reach the route's every answer


def test_keys_are_checked_first(sample_store: SQLiteStore, answered: list[bytes]) -> None:
    security = SecurityConfig(read_keys=frozenset({"reader-key"}))
    with TestClient(create_app(sample_store, security=security), base_url="http://localhost") as client:
        assert client.get(f"/paths?{QUERIES[0][0]}").status_code == 401
        assert client.get(f"/paths?{QUERIES[0][0]}", headers={"X-API-Key": "wrong"}).status_code == 403
        assert not answered
        r = client.get(f"/paths?{QUERIES[0][0]}", headers={"X-API-Key": "reader-key"})
        assert r.status_code == 200 and r.json()["paths"]


@pytest.mark.parametrize("query", [q for q, plain in QUERIES if not plain])
def test_what_it_leaves_to_the_route(query: str) -> None:
    """Each such query is refused by the reading itself or is not a quick
    question; either way the route reads it."""
    plain = quick_paths.plain_query(query.encode())
    assert plain is None or not quick_paths.is_quick(plain[2]["max_hops"], plain[2]["direction"], plain[2]["limit"]) \
        or query.startswith(("source=Nonexistent", "source=China"))
