"""A supply read in two articles with different dates: every view a journalist
uses (CLI path, JSON, API, HTML page, GraphML/GEXF) shows both dates, each with
the source that gave it.  The articles are invented for this test."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from chipgraph.api.app import create_app
from chipgraph.api.cli import cli
from chipgraph.graph.sqlite_store import SQLiteStore
from chipgraph.ingest import Extractor

FIRST = "Vela Microsystems Inc. sold etching tools to Lyra Semiconductor Corp. in 2021.\n"
SECOND = "Lyra Semiconductor bought deposition systems from Vela Microsystems in 2023.\n"


def run(*args: str):
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("dates")
    (root / "in").mkdir()
    (root / "in" / "first.txt").write_text(FIRST, encoding="utf-8")
    (root / "in" / "second.txt").write_text(SECOND, encoding="utf-8")
    store = root / "g.sqlite"
    run("--store", str(store), "ingest", str(root / "in"))
    return store


def test_cli_path_shows_each_date_with_its_quote(store_path: Path) -> None:
    out = run("--store", str(store_path), "path", "Vela Microsystems", "Lyra Semiconductor", "--types", "SUPPLIED").output
    assert "date: 2021, 2023" in out or "date: 2023, 2021" in out
    # each quote is followed by its source and what that source states
    for quote, source, states in (
        ("sold etching tools", "first.txt", "states: date: 2021, product: etching tools"),
        ("bought deposition systems", "second.txt", "states: date: 2023, product: deposition systems"),
    ):
        at = out.index(quote)
        assert at < out.index(source, at) < out.index(states, at)

    js = json.loads(
        run("--store", str(store_path), "path", "Vela Microsystems", "Lyra Semiconductor", "--types", "SUPPLIED", "--json").output
    )
    hop = js["paths"][0]["hops"][0]
    by_source = {Path(e["source"]).name: e["attributes"] for e in hop["evidence"]}
    assert by_source == {
        "first.txt": {"date": "2021", "product": "etching tools"},
        "second.txt": {"date": "2023", "product": "deposition systems"},
    }
    dates = {s["value"]: [Path(x["source"]).name for x in s["sources"]] for s in hop["attribute_statements"] if s["name"] == "date"}
    assert dates == {"2021": ["first.txt"], "2023": ["second.txt"]}


def test_api_entity_detail_carries_per_evidence_attributes(store_path: Path, extractor: Extractor) -> None:
    with SQLiteStore(store_path) as store:
        app = create_app(store)
        app.state.extractor = extractor
        with TestClient(app, base_url="http://localhost") as client:  # a Host the server allows
            body = client.get("/entities/Vela Microsystems").json()
    (supply,) = [r for r in body["relations"] if r["type"] == "SUPPLIED"]
    assert sorted(e["attributes"]["date"] for e in supply["evidence"]) == ["2021", "2023"]
    assert {s["value"] for s in supply["attribute_statements"] if s["name"] == "date"} == {"2021", "2023"}


def test_rendered_page_and_exports_show_dates_per_source(store_path: Path, tmp_path: Path) -> None:
    html_file, graphml, gexf = tmp_path / "v.html", tmp_path / "v.graphml", tmp_path / "v.gexf"
    for f in (html_file, graphml, gexf):
        run("--store", str(store_path), "render", "Vela Microsystems", "-o", str(f))
    html = html_file.read_text(encoding="utf-8")
    table = html.split('<table class="evidence">', 1)[1]
    assert "date: 2021 <span class=\"source\">[" in table and "date: 2023 <span class=\"source\">[" in table
    assert "&middot; date: 2021" in table and "&middot; date: 2023" in table

    edges = [e for e in ET.parse(graphml).getroot().iter() if e.tag.endswith("edge")]
    keys = {k.get("id"): k.get("attr.name") for k in ET.parse(graphml).getroot().iter() if k.tag.endswith("key")}
    (edge,) = [e for e in edges if e.get("source") != e.get("target")]
    data = {keys[d.get("key")]: d.text for d in edge if d.tag.endswith("data")}
    assert set(data["date"].split("; ")) == {"2021", "2023"}
    assert "2021: " in data["date_sources"] and "first.txt" in data["date_sources"].split("2021: ", 1)[1]
    assert data["evidence_attributes"].count("date=") == 2
    assert len(data["evidence_sources"].split(" | ")) == len(data["evidence"].split(" | ")) == 2
    assert "2021" in gexf.read_text(encoding="utf-8") and "2023" in gexf.read_text(encoding="utf-8")
