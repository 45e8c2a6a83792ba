"""A store built once from the shipped sample articles, shared by the API and
CLI tests (extraction takes seconds; the tests only read it)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterator

import pytest

from chipgraph.api.pipeline import ingest_paths
from chipgraph.graph.copy import copy_graph
from chipgraph.graph.sqlite_store import SQLiteStore
from chipgraph.graph.store import GraphStore
from chipgraph.ingest import Extractor

ARTICLES = Path(__file__).resolve().parents[2] / "data" / "articles"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    ex = Extractor()
    ex.nlp
    return ex


@pytest.fixture(scope="session")
def sample_store_path(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Path:
    path = tmp_path_factory.mktemp("api") / "samples.sqlite"
    with SQLiteStore(path) as store:
        summary = ingest_paths(store, [ARTICLES], extractor, progress=False)
        assert not summary.failed
    return path


@pytest.fixture
def sample_store(sample_store_path: Path, tmp_path: Path) -> Iterator[SQLiteStore]:
    """A private copy, so a test that writes cannot change what others read."""
    copy = tmp_path / "store.sqlite"
    copy.write_bytes(sample_store_path.read_bytes())
    with SQLiteStore(copy) as store:
        yield store


#: as tests/conftest.py's ``store`` fixture: SQLite, FalkorDB, and Neo4j when one is named
STORE_KINDS = ["sqlite", "falkordb"] + (["neo4j"] if os.environ.get("CHIPGRAPH_TEST_NEO4J_URL") else [])


@pytest.fixture(params=STORE_KINDS)
def samples(
    request: pytest.FixtureRequest, sample_store: SQLiteStore, new_store: Callable[[str], GraphStore]
) -> GraphStore:
    """The sample graph in each store kind."""
    if request.param == "sqlite":
        return sample_store
    store = new_store(request.param)
    copy_graph(sample_store, store, progress=False)
    return store
