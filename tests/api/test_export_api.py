"""GET /export (read-keyed, capped, the right media types) and POST
/import/ftm (a keyed write, checked whole before anything is stored)."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Iterator

import networkx as nx
import pytest
from fastapi.testclient import TestClient

from chipgraph.api.app import create_app
from chipgraph.api.security import SecurityConfig
from chipgraph.graph.sqlite_store import SQLiteStore

WRITE, READ = "export-write-key", "export-read-key"


def client_for(store: SQLiteStore, key: str | None) -> TestClient:
    app = create_app(store, security=SecurityConfig(write_keys=frozenset({WRITE}), read_keys=frozenset({READ})))
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return TestClient(app, base_url="http://localhost", headers=headers)


@pytest.fixture
def reader(sample_store: SQLiteStore) -> Iterator[TestClient]:
    with client_for(sample_store, READ) as c:
        yield c


def test_neighbourhood_as_graphml(reader: TestClient) -> None:
    r = reader.get("/export", params={"format": "graphml", "entity": "ASML", "depth": 1})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/graphml+xml")
    assert r.headers["content-disposition"] == 'attachment; filename="chipgraph-org-asml.graphml"'
    g = nx.read_graphml(io.BytesIO(r.content))
    assert "org:asml" in g and g.number_of_edges() > 0
    assert all(d["relation"] == d["label"] for _, _, d in g.edges(data=True))


def test_whole_graph_as_csv_zip_and_ftm(reader: TestClient, sample_store: SQLiteStore) -> None:
    counts = sample_store.counts()
    r = reader.get("/export", params={"format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
    assert r.headers["content-disposition"].endswith('filename="chipgraph.csv.zip"')
    with zipfile.ZipFile(io.BytesIO(r.content)) as zf:
        edges = zf.read("edges.csv").decode("utf-8").splitlines()
        assert len(edges) == counts["relations"] + 1  # a header and one row per relation
    ftm = reader.get("/export", params={"format": "ftm"})
    assert ftm.headers["content-type"] == "application/x-ndjson"
    assert all(json.loads(line)["schema"] for line in ftm.text.splitlines())


def test_caps_and_keys(sample_store: SQLiteStore, reader: TestClient) -> None:
    cut = reader.get("/export", params={"format": "gexf", "max_relations": 1})
    assert cut.status_code == 422 and "over the whole-graph export cap of 1" in cut.json()["detail"]
    capped = reader.get("/export", params={"format": "gexf", "entity": "ASML", "depth": 3, "max_nodes": 2})
    assert capped.status_code == 200 and capped.headers["x-chipgraph-truncated"] == "true"
    assert reader.get("/export", params={"format": "pdf"}).status_code == 422
    assert reader.get("/export", params={"format": "gexf", "max_relations": 10**9}).status_code == 422
    with client_for(sample_store, None) as anonymous:
        assert anonymous.get("/export", params={"format": "gexf"}).status_code == 401


def _entities(reader: TestClient) -> list[dict]:
    return [json.loads(line) for line in reader.get("/export", params={"format": "ftm"}).text.splitlines()]


def test_import_is_a_keyed_write_checked_whole(reader: TestClient, tmp_path: Path) -> None:
    entities = _entities(reader)
    with SQLiteStore(tmp_path / "empty.sqlite") as target:
        with client_for(target, READ) as only_reads:
            assert only_reads.post("/import/ftm", json={"entities": entities}).status_code == 403
        with client_for(target, WRITE) as writer:
            bad = entities[:3] + [{"id": "o", "schema": "Ownership", "properties": {"owner": ["nobody"], "asset": ["nobody"]}}]
            r = writer.post("/import/ftm", json={"entities": bad})
            assert r.status_code == 422 and "line 4" in r.json()["detail"]
            assert target.counts()["relations"] == 0

            ok = writer.post("/import/ftm", json={"entities": entities})
            assert ok.status_code == 201, ok.text
            report = ok.json()
            assert report["relations"] == target.counts()["relations"] > 0 and report["documents_added"] > 0
            again = writer.post("/import/ftm", json={"entities": entities}).json()
            assert again["documents_added"] == 0
