"""Every answer that grows with the graph has a bounded size parameter and
says when it was cut."""

from __future__ import annotations

from typing import Iterator

import pytest
from fastapi.testclient import TestClient

from chipgraph.api.app import create_app
from chipgraph.api.security import SecurityConfig
from chipgraph.graph.sqlite_store import SQLiteStore


@pytest.fixture
def client(sample_store: SQLiteStore) -> Iterator[TestClient]:
    with TestClient(create_app(sample_store, security=SecurityConfig()), base_url="http://localhost") as c:
        yield c


def test_subgraph_is_capped_and_says_so(client: TestClient) -> None:
    whole = client.get("/subgraph", params={"entity": "ASML", "depth": 2}).json()
    assert whole["truncated"] is False and whole["total_entities"] == len(whole["entities"]) > 3
    cut = client.get("/subgraph", params={"entity": "ASML", "depth": 2, "max_nodes": 3, "max_edges": 2}).json()
    assert cut["truncated"] is True
    assert len(cut["entities"]) == 3 and len(cut["relations"]) <= 2
    # the store stops its walk at the budget, so a cut neighbourhood is never read whole: its size is not known
    assert cut["total_entities"] is None and cut["total_relations"] is None
    html = client.get("/subgraph", params={"entity": "ASML", "depth": 2, "max_nodes": 3, "format": "html"}).text
    assert "Cut to fit" in html
    for bad in ({"max_nodes": 0}, {"max_nodes": 100_000}, {"max_edges": 10**6}, {"max_evidence": 0}):
        assert client.get("/subgraph", params={"entity": "ASML", **bad}).status_code == 422


def test_entity_list_and_detail_are_capped(client: TestClient) -> None:
    body = client.get("/entities", params={"limit": 1}).json()
    assert body["truncated"] is True and len(body["entities"]) == 1
    assert client.get("/entities", params={"q": "ASML"}).json()["truncated"] is False
    full = client.get("/entities/ASML").json()
    assert full["truncated"] is False and full["total_relations"] == len(full["relations"]) > 1
    cut = client.get("/entities/ASML", params={"max_relations": 1, "max_evidence": 1}).json()
    assert cut["truncated"] is True and len(cut["relations"]) == 1 and cut["total_relations"] == full["total_relations"]
    assert client.get("/entities/ASML", params={"max_relations": 10**6}).status_code == 422


def test_paths_say_when_more_were_found(client: TestClient) -> None:
    params = {"source": "ASML", "target": "military", "max_hops": 4}
    every = client.get("/paths", params=params).json()
    assert len(every["paths"]) >= 2 and every["truncated"] is False
    one = client.get("/paths", params={**params, "limit": 1}).json()
    assert one["truncated"] is True and len(one["paths"]) == 1
