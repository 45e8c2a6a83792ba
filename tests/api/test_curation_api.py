"""Curation through the API (POST /curation keyed and rate-limited like every
write) and the CLI (`chipgraph curate ...`, `--accepted-only`), on a copy of
the sample store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from chipgraph.api.app import create_app
from chipgraph.api.cli import EXIT_NOT_FOUND, cli
from chipgraph.api.security import SecurityConfig
from chipgraph.graph.sqlite_store import SQLiteStore
from chipgraph.ingest import Extractor

KEY = "curation-write-key"
SUPPLY = "org:asml|SUPPLIED|org:gta-semiconductor"
OWNED = "org:gta-semiconductor|OWNED_BY|org:china-electronics"
MIL = "org:china-electronics|MILITARY_LINK|list:military"


@pytest.fixture
def client(sample_store: SQLiteStore, extractor: Extractor) -> Iterator[TestClient]:
    app = create_app(sample_store, security=SecurityConfig(write_keys=frozenset({KEY})))
    app.state.extractor = extractor
    with TestClient(app, base_url="http://localhost") as c:
        yield c


def post(client: TestClient, body: dict, key: str | None = KEY) -> "object":
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return client.post("/curation", json=body, headers=headers)


def test_curation_writes_need_the_write_key(client: TestClient) -> None:
    body = {"action": "reject", "target": SUPPLY, "author": "Ana", "reason": "wrong buyer"}
    assert post(client, body, key=None).status_code == 401
    assert post(client, body, key="not-the-key").status_code == 403
    assert client.get("/curation").json()["total"] == 0  # refused writes left nothing
    r = post(client, body)
    assert r.status_code == 201, r.text
    entry = r.json()
    assert entry["author"] == "Ana" and entry["action"] == "reject" and entry["target"] == SUPPLY
    assert client.get("/curation").json()["entries"] == [entry]
    # every read now answers without the fact
    assert client.get("/paths", params={"source": "ASML", "target": "GTA Semiconductor"}).json()["paths"] == []
    status = client.get("/curation/status", params={"fact": [SUPPLY, OWNED]}).json()["facts"]
    assert [s["verdict"] for s in status] == ["rejected", None]


def test_accepted_only_on_every_question(client: TestClient) -> None:
    for fact in (OWNED, MIL):
        assert post(client, {"action": "accept", "target": fact, "author": "Ana", "reason": "annual report"}).status_code == 201
    params = {"source": "GTA Semiconductor", "target": "military", "accepted_only": "true"}
    paths = client.get("/paths", params=params).json()["paths"]
    assert [p["description"] for p in paths] == [
        "GTA Semiconductor -[OWNED_BY]-> China Electronics Corporation -[MILITARY_LINK]-> military"
    ]
    # ASML's supply to GTA is in the graph but not accepted
    assert client.get("/paths", params={"source": "ASML", "target": "military"}).json()["paths"]
    assert client.get("/paths", params={"source": "ASML", "target": "military", "accepted_only": True}).json()["paths"] == []
    assert client.get("/exposure", params={"entity": "ASML", "accepted_only": True}).json()["total_hits"] == 0
    assert client.get("/exposure", params={"entity": "GTA Semiconductor", "accepted_only": True}).json()["total_hits"] == 1
    owners = client.get("/owners", params={"entity": "GTA Semiconductor", "accepted_only": True}).json()
    assert [e["id"] for e in owners["ultimate_owners"]] == ["org:china-electronics"]
    show = client.get("/show", params={"entity": "CEC", "accepted_only": True}).json()
    assert show["total_relations"] == 2


def test_curation_errors_change_nothing(client: TestClient) -> None:
    before = client.get("/healthz").json()["counts"]
    cases = [
        ({"action": "reject", "target": "org:asml|OWNED_BY|org:gta-semiconductor"}, 404),
        ({"action": "merge", "target": "ASML", "other": "Nobody Such Corp"}, 404),
        ({"action": "retract", "target": "0" * 32}, 404),
        ({"action": "split", "target": "ASML", "other": "Philips"}, 409),
        ({"action": "merge", "target": "ASML", "other": "ASML Holding N.V."}, 409),
        ({"action": "merge", "target": "ASML", "evidence": None, "other": "x"}, 422),
        ({"action": "merge", "target": "ASML"}, 422),
        ({"action": "accept", "target": "no pipes here"}, 422),
        ({"action": "obliterate", "target": SUPPLY}, 422),
    ]
    for body, code in cases:
        r = post(client, {**body, "author": "Ana", "reason": "test"})
        assert r.status_code == code, (body, r.text)
    assert post(client, {"action": "accept", "target": SUPPLY, "reason": "no author"}).status_code == 422
    assert client.get("/curation").json()["total"] == 0
    assert client.get("/healthz").json()["counts"] == before


def test_cli_curate_and_accepted_only(sample_store_path: Path, tmp_path: Path) -> None:
    store = tmp_path / "s.sqlite"
    store.write_bytes(sample_store_path.read_bytes())
    run = lambda *a: CliRunner().invoke(cli, ["--store", str(store), *a])  # noqa: E731
    r = run("curate", "reject", "ASML|SUPPLIED|GTA Semiconductor", "--by", "Ana <ana@example.org>", "--why", "it's \"wrong\"")
    assert r.exit_code == 0, r.output
    assert run("path", "ASML", "China Electronics Corporation").output.startswith("no path")
    r = run("curate", "accept", OWNED, "--by", "Bob", "--why", "filing")
    assert r.exit_code == 0, r.output
    out = run("owners", "GTA Semiconductor", "--accepted-only").output
    assert "China Electronics Corporation" in out
    assert "no path" in run("path", "GTA Semiconductor", "military", "--accepted-only").output
    lines = run("curate", "log", "--json").output.splitlines()
    entries = [json.loads(line) for line in lines]
    assert [(e["action"], e["author"]) for e in entries] == [("reject", "Ana <ana@example.org>"), ("accept", "Bob")]
    assert entries[0]["reason"] == 'it\'s "wrong"'
    bad = run("curate", "reject", "ASML|OWNED_BY|GTA Semiconductor", "--by", "Ana", "--why", "x")
    assert bad.exit_code == EXIT_NOT_FOUND and "no fact" in bad.output and "Traceback" not in bad.output
    missing = run("curate", "reject", SUPPLY, "--why", "x")
    assert missing.exit_code != 0 and "--by" in missing.output
