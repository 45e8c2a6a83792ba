"""What lets the API answer a small question on its event loop: names
resolved by index lookups alone (``resolve_exact``, every store), and a store
that says when its reads cannot wait on anything (``quick_reads``)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from chipgraph.graph.errors import EntityNotFound
from chipgraph.graph.model import Document, Entity, EntityType, Evidence, Extraction, Relation, RelationType
from chipgraph.graph.paths import PathQuery
from chipgraph.graph.sqlite_store import SQLiteStore
from chipgraph.graph.store import GraphStore

ORG = EntityType.ORG


def supply(seller: Entity, buyer: Entity, tag: str) -> Extraction:
    """An article stating that ``seller`` supplied ``buyer``."""
    sentence = f"{seller.name} supplied {buyer.name} ({tag})."
    doc = Document.from_text(sentence, f"https://quick.example/{tag}")
    ev = Evidence(doc.id, sentence, 0, len(sentence), "rule:test", 0.9)
    return Extraction(doc, (seller, buyer), (Relation(seller.id, RelationType.SUPPLIED, buyer.id, (ev,)),))


def test_resolve_exact_takes_ids_and_exact_names_only(store: GraphStore) -> None:
    acme = Entity.create("Acme Wafer Works", ORG, aliases=["AWW"])
    twin_a = Entity.create("Twin Fab", ORG)
    twin_b = Entity.create("Twin Fab", EntityType.PRODUCT)
    store.add(supply(acme, twin_a, "a"))
    store.add(supply(acme, twin_b, "b"))
    for name in (acme.id, "Acme Wafer Works", "acme wafer works", "  AWW ", "aww"):
        assert store.resolve_exact(name) == acme, name
    # a prefix, a misspelling and a name two entities share are for resolve_unique to judge
    for name in ("Acme Wafer", "Acme Wafer Werks", "Twin Fab"):
        assert store.resolve_exact(name) is None, name
    assert store.resolve_unique("Acme Wafer") == acme
    with pytest.raises(EntityNotFound):
        store.resolve_exact("   ")


def test_an_id_wins_over_a_name_that_spells_it(store: GraphStore) -> None:
    """A name lookup and an id lookup answer together (one statement on
    SQLite): when a string is one entity's id and another's name or alias,
    the id's entity is meant."""
    owner = Entity.create("Spelling Holdings", ORG)
    mimic = Entity.create("Mimic Fab", ORG, aliases=[owner.id])
    store.add(supply(owner, mimic, "id"))
    for resolve in (store.resolve, store.resolve_exact, store.resolve_unique):
        assert resolve(owner.id) == owner
    assert store.resolve("Mimic Fab") == mimic
    assert store.lookup(owner.id) == [mimic]


def test_only_a_local_current_store_reads_quickly(store: GraphStore) -> None:
    a, b = Entity.create("Quick Seller", ORG), Entity.create("Quick Buyer", ORG)
    store.add(supply(a, b, "q"))
    assert store.paths(PathQuery(a.id, b.id))
    with store.quick_reads() as quick:
        assert quick is isinstance(store, SQLiteStore)  # a server over the network never is


def test_sqlite_reads_quickly_only_while_its_index_is_current_and_free(tmp_path: Path) -> None:
    path = tmp_path / "quick.sqlite"
    a, b, c = (Entity.create(f"Quick Firm {n}", ORG) for n in "ABC")
    with SQLiteStore(path) as store, SQLiteStore(path) as other:
        store.add(supply(a, b, "1"))

        def quick() -> bool:
            with store.quick_reads() as answer:
                return answer

        assert not quick()  # no index yet: the first query builds it
        assert store.paths(PathQuery(a.id, b.id))
        assert quick()
        other.add(supply(b, c, "2"))  # another connection's write: the index has a delta to read
        assert not quick()
        assert [p.describe() for p in store.paths(PathQuery(a.id, c.id))] == [
            "Quick Firm A -[SUPPLIED]-> Quick Firm B -[SUPPLIED]-> Quick Firm C"
        ]
        assert quick()
        store.add(supply(c, a, "3"))  # its own write
        assert not quick()
        store.paths(PathQuery(c.id, a.id))
        assert quick()

        with store.quick_reads() as answer:  # a write inside the block is read, not the index as checked
            assert answer
            d = Entity.create("Quick Firm D", ORG)
            store.add(supply(c, d, "4"))
            assert [p.describe() for p in store.paths(PathQuery(c.id, d.id))] == [
                "Quick Firm C -[SUPPLIED]-> Quick Firm D"
            ]
        assert quick()

        held, release = threading.Event(), threading.Event()

        def hold() -> None:
            with store._lock:
                held.set()
                release.wait(10)

        worker = threading.Thread(target=hold)
        worker.start()
        held.wait(10)
        try:
            assert not quick()  # another thread is reading: the answer would have to wait
        finally:
            release.set()
            worker.join()
        assert quick()


def test_quick_reads_answer_from_one_snapshot(tmp_path: Path) -> None:
    """The block's reads share one read transaction: what another connection
    commits meanwhile is not half-seen by an answer; the next block sees it."""
    a, b, c = (Entity.create(f"Snapshot Firm {x}", ORG) for x in "ABC")
    path = tmp_path / "snapshot.sqlite"
    with SQLiteStore(path) as reader, SQLiteStore(path) as writer:
        reader.add(supply(a, b, "1"))
        reader.paths(PathQuery(a.id, b.id))
        with reader.quick_reads() as quick:
            assert quick
            before = reader.counts()
            writer.add(supply(b, c, "2"))  # another connection commits inside the block
            assert reader.counts() == before
            assert reader.paths(PathQuery(a.id, c.id)) == []
            assert reader.get_entity(c.id) is None
        with reader.quick_reads() as quick:
            assert not quick  # the index must take the new article in first
        assert [p.describe() for p in reader.paths(PathQuery(a.id, c.id))] == [
            "Snapshot Firm A -[SUPPLIED]-> Snapshot Firm B -[SUPPLIED]-> Snapshot Firm C"
        ]
        with reader.quick_reads() as quick:
            assert quick and reader.get_entity(c.id) == c
            with reader.quick_reads() as inner:  # nested: the outer block's snapshot, left open for it
                assert inner and reader.get_entity(c.id) == c
            assert reader._db.in_transaction and reader.paths(PathQuery(a.id, c.id))
        assert not reader._db.in_transaction


def test_a_broad_search_inside_quick_reads_stops_and_answers_outside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Quick means short: past the work budget a search inside the block
    raises QuickReadTooLong (nothing answered in part); the same question
    outside the block is answered in full."""
    from chipgraph.graph import sqlite_store
    from chipgraph.graph.errors import QuickReadTooLong

    hub, end = Entity.create("Broad Hub", ORG), Entity.create("Broad End", ORG)
    middle = [Entity.create(f"Broad Middle {i}", ORG) for i in range(12)]
    with SQLiteStore(tmp_path / "broad.sqlite") as store:
        for i, m in enumerate(middle):
            store.add(supply(hub, m, f"h{i}"))
            store.add(supply(m, end, f"e{i}"))
        question = PathQuery(hub.id, end.id, limit=20)
        full = store.paths(question)
        assert len(full) == 12
        with store.quick_reads() as quick:
            assert quick and store.paths(question) == full  # within the real budget
        monkeypatch.setattr(sqlite_store, "QUICK_MAX_WORK", 20)
        with store.quick_reads() as quick:
            assert quick
            with pytest.raises(QuickReadTooLong, match="more than 20 edges"):
                store.paths(question)
            with store.quick_reads() as inner:  # a nested block ends without lifting the outer one's budget
                assert inner
            with pytest.raises(QuickReadTooLong, match="more than 20 edges"):
                store.paths(question)
        assert store.paths(question) == full  # outside the block no budget applies
