"""copy_graph: SQLite -> server -> new SQLite keeps every entity, relation and
piece of evidence, and copying again adds nothing."""

from __future__ import annotations

from typing import Callable

import os

import pytest

from chipgraph.graph.copy import CopyReport, copy_graph
from chipgraph.graph.reference import reference_extractions
from chipgraph.graph.store import GraphStore

from test_conformance import ARTICLES

SERVER_KINDS = ["falkordb"] + (["neo4j"] if os.environ.get("CHIPGRAPH_TEST_NEO4J_URL") else [])


def everything(store: GraphStore) -> tuple:
    return (
        store.counts(),
        [e.to_dict() for e in store.entities()],
        sorted((r.to_dict() for r in store.relations()), key=lambda d: (d["head"], d["type"], d["tail"])),
        sorted((d for d in store.documents()), key=lambda d: d.id),
    )


@pytest.fixture
def source(new_store: Callable[[str], GraphStore]) -> GraphStore:
    store = new_store("sqlite")
    store.add_many(ARTICLES + reference_extractions())
    return store


@pytest.mark.parametrize("kind", SERVER_KINDS)
def test_sqlite_to_server_to_sqlite(source: GraphStore, new_store: Callable[[str], GraphStore], kind: str) -> None:
    server = new_store(kind)
    there = copy_graph(source, server, batch_size=7, progress=False)
    assert isinstance(there, CopyReport)
    assert (there.documents, there.entities, there.relations, there.evidence) == tuple(
        source.counts()[k] for k in ("documents", "entities", "relations", "evidence")
    )
    assert there.skipped_documents == 0 and there.unattached == 0
    assert str(there).startswith(f"{there.documents} documents (0 already there)")
    assert everything(server) == everything(source)

    back = new_store("sqlite")
    report = copy_graph(server, back, batch_size=5, progress=False)
    assert report.unattached == 0
    assert everything(back) == everything(source)


@pytest.mark.parametrize("kind", SERVER_KINDS)
def test_copy_is_idempotent_both_ways(source: GraphStore, new_store: Callable[[str], GraphStore], kind: str) -> None:
    server = new_store(kind)
    copy_graph(source, server, progress=False)
    again = copy_graph(source, server, progress=False)
    assert again.skipped_documents == source.counts()["documents"]
    assert everything(server) == everything(source)

    back = new_store("sqlite")
    copy_graph(server, back, progress=False)
    again = copy_graph(server, back, progress=False)
    assert again.skipped_documents == source.counts()["documents"]
    assert everything(back) == everything(source)


def test_copy_with_progress_bar(source: GraphStore, new_store: Callable[[str], GraphStore], capsys) -> None:
    copy_graph(source, new_store("sqlite"), progress=True)
    assert "copy to" in capsys.readouterr().err


def test_copy_onto_itself_is_refused(source: GraphStore) -> None:
    with pytest.raises(ValueError, match="onto itself"):
        copy_graph(source, source)
