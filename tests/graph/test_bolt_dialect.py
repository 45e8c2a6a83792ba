"""The Neo4j dialect without a Neo4j server: a fake driver records what the
store sends, so the plain Neo4j path (Bolt parameters bound by the driver,
one managed transaction per batch of articles, UNWIND statements of
``batch_size`` rows, constraints first) is checked on every run.  The FalkorDB
dialect runs against the real server in the conformance suite."""

from __future__ import annotations

from typing import Any

import pytest

from chipgraph.graph import bolt_dialect, neo4j_store
from chipgraph.graph.neo4j_store import Neo4jStore

from fake_neo4j import FakeResult, FakeServer
from test_bulk_writes import random_articles


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> FakeServer:
    fake = FakeServer()
    monkeypatch.setattr(neo4j_store, "_driver", fake.driver)
    return fake


def test_the_store_picks_the_neo4j_dialect_and_creates_constraints_first(server: FakeServer) -> None:
    store = Neo4jStore("bolt://neo4j:secret@localhost:7687/chips", batch_size=50)
    assert store.flavour == "neo4j" and type(store._dialect) is bolt_dialect.Neo4jDialect
    schema = [c for _, c, _ in server.calls if c.startswith("CREATE ")]
    assert schema == bolt_dialect.neo4j_schema_statements()


def test_neo4j_writes_send_plain_parameters_in_one_transaction_per_batch(server: FakeServer) -> None:
    store = Neo4jStore("bolt://neo4j:secret@localhost:7687", batch_size=50)
    server.calls.clear()
    articles = random_articles(60, seed=11)  # about 600 rows: over batch_size, under a transaction's rows
    results = store.add_many(articles)
    assert all(r.added for r in results)
    assert server.transactions == 1

    for _, cypher, params in server.calls:
        assert not cypher.startswith("CYPHER"), "a FalkorDB parameter header reached Neo4j"
        assert "$" not in cypher or params, f"a parameterised statement went without parameters: {cypher[:60]}"
    writes = [(tx, c, p) for tx, c, p in server.calls if c.endswith(bolt_dialect.COUNT_WRITTEN)]
    assert writes and all(tx == 1 for tx, _, _ in writes), "every write ran inside the one transaction"
    assert all(c.startswith("UNWIND $rows AS row") and 0 < len(p["rows"]) <= 50 for _, c, p in writes)
    assert sum(len(p["rows"]) for _, c, p in writes if c.startswith(bolt_dialect.DOCUMENT_SEGMENT)) == 60
    assert writes[-1][1].startswith(bolt_dialect.DOCUMENT_SEGMENT), "documents are written last"
    assert sum(1 for _, c, _ in writes if c.startswith(bolt_dialect.DOCUMENT_SEGMENT)) == 2  # 60 rows of 50


def test_neo4j_batches_hold_whole_articles_up_to_the_transaction_rows(
    server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bolt_dialect.Neo4jDialect, "transaction_rows", 100)
    store = Neo4jStore("bolt://neo4j:secret@localhost:7687", batch_size=20)
    server.calls.clear()
    store.add_many(random_articles(60, seed=12))
    assert server.transactions > 1
    documents_per_tx: dict[int, int] = {}
    for tx, c, p in server.calls:
        if tx is not None and c.startswith(bolt_dialect.DOCUMENT_SEGMENT):
            documents_per_tx[tx] = documents_per_tx.get(tx, 0) + len(p["rows"])
    assert sum(documents_per_tx.values()) == 60 and len(documents_per_tx) == server.transactions


def test_a_dropped_row_fails_the_neo4j_transaction(server: FakeServer, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Neo4jStore("bolt://neo4j:secret@localhost:7687")
    monkeypatch.setattr(FakeResult, "single", lambda self: {"written": max(0, self.written - 1)})
    with pytest.raises(bolt_dialect.WriteNotApplied, match="applied"):
        store.add_many(random_articles(3, seed=13))


def reads_by_kind(calls: list[tuple[int | None, str, dict[str, Any] | None]]) -> dict[str, int]:
    """How many times each read statement (not a write) was sent."""
    out: dict[str, int] = {}
    for _, cypher, _ in calls:
        if not cypher.endswith(bolt_dialect.COUNT_WRITTEN):
            out[cypher] = out.get(cypher, 0) + 1
    return out


def test_neo4j_bulk_reads_are_one_of_each_kind_per_transaction(server: FakeServer) -> None:
    """A batch of articles costs one read of each kind (known documents,
    stored names with their entities, entities by id, stored attributes of
    relations that bring some), not one per article or per name."""
    store = Neo4jStore("bolt://neo4j:secret@localhost:7687", batch_size=1000)
    server.calls.clear()
    articles = random_articles(600, seed=14)  # about 4,800 rows: one transaction
    store.add_many(articles)
    assert server.transactions == 1
    reads = reads_by_kind(server.calls)
    assert all(n == 1 for n in reads.values()), reads
    assert any("collect(norm)" in c for c in reads), "no batched name lookup"
    documents = [p for _, c, p in server.calls if c.startswith(bolt_dialect.DOCUMENT_SEGMENT)]
    assert sum(len(p["rows"]) for p in documents) == 600


def test_relations_without_unsourced_attributes_are_not_read_back(server: FakeServer) -> None:
    """Only relations that bring unsourced attributes need the stored ones
    (stored ones win); the others keep what is stored, null in the row."""
    store = Neo4jStore("bolt://neo4j:secret@localhost:7687", batch_size=1000)
    server.calls.clear()
    articles = random_articles(50, seed=15)
    store.add_many(articles)
    attribute_reads = [p for _, c, p in server.calls if "RETURN r.key AS key, r.attributes" in c]
    assert any(r.unsourced_attributes for x in articles for r in x.relations) and len(attribute_reads) == 1
    relation_rows = [row for _, c, p in server.calls if "MERGE (h)-[r:" in c for row in p["rows"]]
    assert {row["attributes"] is None for row in relation_rows} == {True, False}
    brought = sorted((row["head"], row["tail"]) for row in relation_rows if row["attributes"] is not None)
    assert sorted((r["head"], r["tail"]) for r in attribute_reads[0]["rows"]) == brought


def test_a_curation_on_neo4j_is_one_transaction_with_its_log_entry(server: FakeServer) -> None:
    """A decision's effects (drops, rewritten entities and relations) and its
    log entry go in one managed transaction: Neo4j applies them whole or not
    at all, and the entry comes last within it."""
    from chipgraph.graph.curation import Changes, CurationEntry

    store = Neo4jStore("bolt://neo4j:secret@localhost:7687", batch_size=50)
    article = random_articles(1, seed=15)[0]
    kept, dropped = article.relations[0], article.relations[-1]
    changes = Changes()
    changes.drop_relations.add(dropped.key)
    changes.put_relations[kept.key] = kept
    changes.put_entities[kept.head] = next(e for e in article.entities if e.id == kept.head)
    changes.drop_documents.add("gone-document")
    entry = CurationEntry(id="c1", action="reject", target="|".join(dropped.key), author="ana",
                          at="2026-11-26T03:00:00Z", reason="the sentence says otherwise")
    server.calls.clear()
    store._apply_changes(changes, [entry])
    assert server.transactions == 1
    assert server.calls and all(tx == 1 for tx, _, _ in server.calls), "a statement ran outside the transaction"
    assert server.calls[-1][1] == neo4j_store._APPEND_CURATION and server.calls[-1][2]["row"]["id"] == "c1"
    assert any(c.endswith(bolt_dialect.COUNT_WRITTEN) for _, c, _ in server.calls), "the kept relation was not rewritten"
