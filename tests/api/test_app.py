"""The HTTP API through FastAPI's test client, on a real SQLite store."""

from __future__ import annotations

from typing import Iterator

import pytest
from fastapi.testclient import TestClient

from chipgraph.api.app import create_app
from chipgraph.api.security import SecurityConfig
from chipgraph.graph.sqlite_store import SQLiteStore
from chipgraph.ingest import Extractor


WRITE_KEY = "test-write-key"


@pytest.fixture
def client(sample_store: SQLiteStore, extractor: Extractor) -> Iterator[TestClient]:
    """A client that writes with a key, as a newsroom's would."""
    app = create_app(sample_store, security=SecurityConfig(write_keys=frozenset({WRITE_KEY})))
    app.state.extractor = extractor
    with TestClient(app, base_url="http://localhost", headers={"Authorization": f"Bearer {WRITE_KEY}"}) as c:
        yield c


def test_healthz_reports_counts(client: TestClient) -> None:
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["counts"]["documents"] >= 7


def test_entities_search_finds_by_alias(client: TestClient) -> None:
    names = [e["name"] for e in client.get("/entities", params={"q": "CEC"}).json()["entities"]]
    assert "China Electronics Corporation" in names


def test_entity_detail_resolves_alias_and_carries_evidence(client: TestClient) -> None:
    r = client.get("/entities/GTA Semiconductor")
    assert r.status_code == 200
    body = r.json()
    owned = [x for x in body["relations"] if x["type"] == "OWNED_BY"]
    assert owned and owned[0]["tail_name"] == "China Electronics Corporation"
    ev = owned[0]["evidence"][0]
    assert "owned by" in ev["sentence"] and ev["end"] > ev["start"] and ev["method"]


def test_unknown_entity_is_404_with_suggestions(client: TestClient) -> None:
    r = client.get("/entities/China Electronic Corp")
    assert r.status_code == 404
    assert "China Electronics Corporation" in r.json()["suggestions"]
    r = client.get("/paths", params={"source": "Nonexistent Foundry Ltd", "target": "military"})
    assert r.status_code == 404


def test_paths_include_the_headline_chain(client: TestClient) -> None:
    r = client.get("/paths", params={"source": "ASML", "target": "military", "max_hops": 4})
    assert r.status_code == 200
    chains = [[e["name"] for e in p["entities"]] for p in r.json()["paths"]]
    assert ["ASML", "GTA Semiconductor", "China Electronics Corporation", "military"] in chains
    lengths = [len(c) for c in chains]
    assert lengths == sorted(lengths)
    for p in r.json()["paths"]:
        assert all(h["evidence"] for h in p["hops"])


def test_paths_filter_by_type_and_validate_hops(client: TestClient) -> None:
    r = client.get("/paths", params={"source": "ASML", "target": "military", "types": ["SUPPLIED"]})
    assert r.status_code == 200 and r.json()["paths"] == []
    assert client.get("/paths", params={"source": "ASML", "target": "military", "max_hops": 99}).status_code == 422
    assert client.get("/paths", params={"source": "ASML", "target": "military", "types": ["LIKES"]}).status_code == 422


def test_subgraph_json_and_html(client: TestClient) -> None:
    body = client.get("/subgraph", params={"entity": "GTA Semiconductor", "depth": 1}).json()
    assert {e["name"] for e in body["entities"]} >= {"GTA Semiconductor", "ASML", "China Electronics Corporation"}
    r = client.get("/subgraph", params={"entity": "GTA Semiconductor", "format": "html"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "GTA Semiconductor" in r.text and "<script src=" not in r.text


def test_post_document_extracts_stores_and_is_idempotent(client: TestClient) -> None:
    text = (
        "Kestrel Microsystems, which is owned by Huawei Technologies, designs radio chips.\n\n"
        "Kestrel Microsystems was added to the Entity List in March 2025."
    )
    r = client.post("/documents", json={"text": text, "source": "https://example.org/kestrel"})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["added"] is True
    triples = {(x["head_name"], x["type"], x["tail_name"]) for x in body["relations"]}
    assert ("Kestrel Microsystems", "OWNED_BY", "Huawei Technologies") in triples
    assert client.post("/documents", json={"text": text}).json()["added"] is False
    paths = client.get("/paths", params={"source": "Kestrel Microsystems", "target": "US Entity List"}).json()["paths"]
    assert paths and paths[0]["length"] == 1


def test_post_document_escapes_nothing_and_loses_nothing_from_hostile_text(client: TestClient) -> None:
    hostile = "<img src=x onerror=alert(1)>"
    text = f"ASML supplied a lithography machine to {hostile} Semiconductor in 2024."
    r = client.post("/documents", json={"text": text, "format": "txt"})
    assert r.status_code == 201
    html = client.get("/subgraph", params={"entity": "ASML", "format": "html"}).text
    assert hostile not in html


def test_post_empty_document_is_a_clear_error(client: TestClient) -> None:
    r = client.post("/documents", json={"text": "   \n  "})
    assert r.status_code == 422
    assert "empty" in r.json()["detail"].lower()
    assert r.json()["errors"][0]["loc"] == ["body", "text"]  # refused by the schema, before extraction
