"""`chipgraph export` and `chipgraph import` (issue 11) on the store built
from the shipped sample articles."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
from click.testing import CliRunner

from chipgraph.api.cli import cli
from chipgraph.graph.sqlite_store import SQLiteStore


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_whole_graph_in_every_format(sample_store_path: Path, tmp_path: Path) -> None:
    with SQLiteStore(sample_store_path, create=False) as store:
        counts = store.counts()
    for name in ("g.graphml", "g.gexf", "g.csv", "g.ftm.jsonl"):
        result = run("--store", str(sample_store_path), "export", str(tmp_path / name))
        assert result.exit_code == 0, result.output
        assert f"{counts['relations']} relations, {counts['evidence']} pieces of evidence" in result.output
    g = nx.read_graphml(tmp_path / "g.graphml")
    assert g.number_of_edges() == counts["relations"] and g.number_of_nodes() == counts["entities"]
    with (tmp_path / "g.evidence.csv").open(encoding="utf-8", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == counts["evidence"]
    schemata = {json.loads(line)["schema"] for line in (tmp_path / "g.ftm.jsonl").read_text(encoding="utf-8").splitlines()}
    assert {"Company", "Ownership", "UnknownLink", "Sanction", "Article", "Documentation"} <= schemata


def test_neighbourhood_export_and_format_option(sample_store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "asml.xml"
    result = run("--store", str(sample_store_path), "export", "--format", "gexf", "--entity", "ASML", "--depth", "1", str(out))
    assert result.exit_code == 0, result.output
    g = nx.read_gexf(out)
    assert "org:asml" in g
    with SQLiteStore(sample_store_path, create=False) as store:
        neighbours = {r.head for r in store.relations("org:asml")} | {r.tail for r in store.relations("org:asml")}
    assert set(g.nodes) == neighbours


def test_whole_graph_over_the_cap_is_refused_clearly(sample_store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.graphml"
    result = run("--store", str(sample_store_path), "export", "--max-relations", "1", str(out))
    assert result.exit_code == 2
    assert "over the whole-graph export cap of 1" in result.output and "--entity" in result.output
    assert "Traceback" not in result.output and not out.exists()


def test_usage_errors(sample_store_path: Path, tmp_path: Path) -> None:
    unknown = run("--store", str(sample_store_path), "export", str(tmp_path / "g.xyz"))
    assert unknown.exit_code == 2 and "--format" in unknown.output
    depth = run("--store", str(sample_store_path), "export", "--depth", "2", str(tmp_path / "g.gexf"))
    assert depth.exit_code == 2 and "--depth needs --entity" in depth.output


def test_import_round_trip_and_bad_line(sample_store_path: Path, tmp_path: Path) -> None:
    ftm = tmp_path / "all.ftm.jsonl"
    assert run("--store", str(sample_store_path), "export", str(ftm)).exit_code == 0
    target = tmp_path / "imported.sqlite"
    result = run("--store", str(target), "import", str(ftm))
    assert result.exit_code == 0, result.output
    with SQLiteStore(sample_store_path, create=False) as a, SQLiteStore(target, create=False) as b:
        assert sorted(r.key for r in a.relations()) == sorted(r.key for r in b.relations())
        assert a.counts()["evidence"] == b.counts()["evidence"]
        before = b.counts()

    bad = tmp_path / "bad.ftm.jsonl"
    lines = ftm.read_text(encoding="utf-8").splitlines()
    bad.write_text("\n".join(lines[:5] + ["{oops"] + lines[5:]), encoding="utf-8")
    fresh = tmp_path / "fresh.sqlite"
    failed = run("--store", str(fresh), "import", str(bad))
    assert failed.exit_code == 2 and "line 6: not JSON" in failed.output and "Traceback" not in failed.output
    with SQLiteStore(fresh) as store:
        assert store.counts()["relations"] == 0
    with SQLiteStore(target, create=False) as b:
        assert b.counts() == before
