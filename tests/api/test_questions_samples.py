"""The questions on the shipped sample articles: the chains a reader of those
articles expects, on every store (the sample graph copied into each), through
the library, the `chipgraph` command and the HTTP API."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from chipgraph.api.app import create_app
from chipgraph.api.cli import EXIT_AMBIGUOUS, EXIT_NOT_FOUND, cli
from chipgraph.api.security import SecurityConfig
from chipgraph.graph import questions as q
from chipgraph.graph.errors import EntityAmbiguous
from chipgraph.graph.sqlite_store import SQLiteStore
from chipgraph.graph.store import GraphStore

def test_asml_exposure_reaches_the_military_through_cetc_and_gta(samples: GraphStore) -> None:
    asml = samples.resolve_unique("ASML")
    result = q.exposure(samples, asml.id, max_hops=3)
    chains = {h.entity.name: h.path.describe() for h in result.hits}
    assert chains["24th Research Institute of CETC"] == "ASML -[SUPPLIED]-> 24th Research Institute of CETC"
    assert chains["China Electronics Corporation"] == (
        "ASML -[SUPPLIED]-> GTA Semiconductor -[OWNED_BY]-> China Electronics Corporation"
    )
    assert result.hits[0].entity.name == "24th Research Institute of CETC"  # the shortest first
    first = result.to_dict()["hits"][0]
    assert [f["tail_name"] for f in first["flags"]] == ["military"]
    source = first["path"]["hops"][0]["sentences"][0]["sources"][0]
    assert source["source"] == "asml-shipments-to-chinese-defence-research.txt"
    assert source["title"] and source["date"] and "/" not in source["source"]


def test_gta_owners_reach_cec_and_cetc_owns_its_institute(samples: GraphStore) -> None:
    up = q.owners(samples, samples.resolve_unique("GTA Semiconductor").id)
    assert [e.name for e in up.ultimate] == ["China Electronics Corporation"]
    down = q.owners(samples, samples.resolve_unique("CETC").id, down=True)
    assert "24th Research Institute of CETC" in [n.entity.name for _, n in down.root.lines()]


def test_reverse_from_military_and_the_entity_page(samples: GraphStore) -> None:
    military = samples.resolve_unique("military")
    result = q.exposure(samples, military.id, reverse=True, max_hops=2)
    chains = [h.path.describe() for h in result.hits]
    assert "ASML -[SUPPLIED]-> 24th Research Institute of CETC -[MILITARY_LINK]-> military" in chains
    with pytest.raises(EntityAmbiguous):
        samples.resolve_unique("China Electronics")
    page = q.entity_page(samples, samples.resolve_unique("CEC").id).to_dict()
    assert {x["list_name"] for x in page["lists"]} >= {"military"}
    assert any(d["title"] == "Shanghai foundry GTA Semiconductor keeps buying Dutch tools" for d in page["documents"])
    found, close = q.find_entities(samples, "Huawai")
    assert close and found[0].name.startswith("Huawei")


def test_every_store_answers_the_samples_alike(samples: GraphStore, sample_store: SQLiteStore) -> None:
    for name in ("ASML", "GTA Semiconductor", "CETC", "military", "US Entity List", "Nexperia"):
        a, b = samples.resolve_unique(name), sample_store.resolve_unique(name)
        assert a == b
        for reverse in (False, True):
            assert q.exposure(samples, a.id, reverse=reverse).to_dict() == q.exposure(sample_store, b.id, reverse=reverse).to_dict()
        assert q.owners(samples, a.id).to_dict() == q.owners(sample_store, b.id).to_dict()
        assert q.entity_page(samples, a.id).to_dict() == q.entity_page(sample_store, b.id).to_dict()


# -- the command ------------------------------------------------------------------------
def run(store: Path, *args: str) -> "CliRunner.invoke":
    return CliRunner().invoke(cli, ["--store", str(store), *args])


def test_cli_questions(sample_store_path: Path) -> None:
    out = run(sample_store_path, "exposure", "ASML", "--hops", "3")
    assert out.exit_code == 0, out.output
    assert "1. 24th Research Institute of CETC  [1 hop(s); MILITARY_LINK military]" in out.output
    assert "ASML -[SUPPLIED]-> GTA Semiconductor -[OWNED_BY]-> China Electronics Corporation" in out.output
    assert "asml-shipments-to-chinese-defence-research.txt" in out.output and "/data/articles/" not in out.output
    js = json.loads(run(sample_store_path, "exposure", "US Entity List", "--reverse", "--json").output)
    assert js["reverse"] and js["hits"]
    owners = run(sample_store_path, "owners", "GTA Semiconductor")
    assert "Ultimate owner(s): China Electronics Corporation" in owners.output
    down = run(sample_store_path, "owners", "CETC", "--down")
    assert "PART_OF: 24th Research Institute of CETC" in down.output
    show = run(sample_store_path, "show", "CEC")
    assert show.exit_code == 0 and "also called:" in show.output and "Articles and sources" in show.output
    assert json.loads(run(sample_store_path, "show", "CEC", "--json").output)["entity"]["name"] == "China Electronics Corporation"


def test_cli_names_ambiguous_unknown_and_misspelt(sample_store_path: Path) -> None:
    assert run(sample_store_path, "path", "China Electronics", "military").exit_code == EXIT_AMBIGUOUS
    amb = run(sample_store_path, "show", "China Electronics")
    assert amb.exit_code == EXIT_AMBIGUOUS
    assert "China Electronics Corporation" in amb.output and "China Electronics Technology Group Corporation" in amb.output
    assert run(sample_store_path, "owners", "Nobody Such Ltd").exit_code == EXIT_NOT_FOUND
    close = run(sample_store_path, "entities", "Huawai")
    assert close.exit_code == 0 and "Huawei" in close.output and "close spellings" in close.output
    bad = run(sample_store_path, "exposure", "ASML", "--types", "OWNS")
    assert bad.exit_code == 2 and "OWNED_BY" in bad.output
    lower = run(sample_store_path, "path", "ASML", "military", "--types", "supplied,military_link")
    assert lower.exit_code == 0 and "24th Research Institute of CETC" in lower.output
    # every hop cites title, date and file name, never the path the article was read from
    assert "(2025-12-10), asml-shipments-to-chinese-defence-research.txt" in lower.output
    assert "/data/articles/" not in lower.output


# -- the API ------------------------------------------------------------------------------
@pytest.fixture
def client(sample_store: SQLiteStore) -> Iterator[TestClient]:
    with TestClient(create_app(sample_store, security=SecurityConfig()), base_url="http://localhost") as c:
        yield c


def test_api_questions(client: TestClient) -> None:
    r = client.get("/exposure", params={"entity": "ASML", "max_hops": 3})
    assert r.status_code == 200
    assert [h["entity"]["name"] for h in r.json()["hits"]][0] == "24th Research Institute of CETC"
    r = client.get("/exposure", params={"entity": "military", "reverse": "true", "types": "supplied,OWNED_BY,part_of"})
    assert r.status_code == 200 and r.json()["types"] == ["SUPPLIED", "OWNED_BY", "PART_OF"]
    r = client.get("/owners", params={"entity": "GTA Semiconductor"})
    assert [e["name"] for e in r.json()["ultimate_owners"]] == ["China Electronics Corporation"]
    r = client.get("/owners", params={"entity": "CETC", "direction": "down"})
    assert r.json()["tree"]["children"][0]["entity"]["name"] == "24th Research Institute of CETC"
    r = client.get("/show", params={"entity": "CEC"})
    assert r.status_code == 200 and r.json()["documents"]
    r = client.get("/entities", params={"q": "Huawai"})
    assert r.json()["close_spelling"] and r.json()["entities"][0]["name"].startswith("Huawei")


def test_api_errors_and_types_as_the_cli(client: TestClient) -> None:
    r = client.get("/show", params={"entity": "China Electronics"})
    assert r.status_code == 409
    assert {c["name"] for c in r.json()["candidates"]} == {
        "China Electronics Corporation", "China Electronics Technology Group Corporation"
    }
    assert client.get("/exposure", params={"entity": "Nobody Such Ltd"}).status_code == 404
    assert client.get("/exposure", params={"entity": "ASML", "max_hops": 99}).status_code == 422
    assert client.get("/exposure", params={"entity": "ASML", "max_degree": 0}).status_code == 422
    r = client.get("/exposure", params={"entity": "ASML", "types": "OWNS"})
    assert r.status_code == 422 and "OWNED_BY" in r.json()["detail"]
    comma = client.get("/paths", params={"source": "ASML", "target": "military", "types": "SUPPLIED,MILITARY_LINK"})
    repeated = client.get(
        "/paths", params=[("source", "ASML"), ("target", "military"), ("types", "supplied"), ("types", "military_link")]
    )
    assert comma.status_code == repeated.status_code == 200
    assert comma.json() == repeated.json() and comma.json()["paths"]
    (sentence, *_) = comma.json()["paths"][0]["hops"][0]["sentences"]
    assert sentence["sources"][0]["source"] == "asml-shipments-to-chinese-defence-research.txt"
    # every route that takes a name refuses to guess one
    assert client.get("/entities/China Electronics").status_code == 409
    assert client.get("/paths", params={"source": "China Electronics", "target": "military"}).status_code == 409
    assert client.get("/subgraph", params={"entity": "China Electronics"}).status_code == 409
    schema = client.get("/openapi.json").json()
    for route in ("/exposure", "/owners", "/show", "/entities/{entity}", "/paths", "/subgraph"):
        assert {"200", "404", "409", "422"} <= set(schema["paths"][route]["get"]["responses"])
