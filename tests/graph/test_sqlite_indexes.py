"""Bulk loads into a small SQLite store build the read indexes once at their
end (graph/sqlite_indexes.py) and give new relations their ids from the
store's complete cache (graph/sqlite_known.py): the same file as one-by-one
writes, whatever stops the load."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from chipgraph.graph import sqlite_indexes
from chipgraph.graph.copy import copy_graph
from chipgraph.graph.model import Extraction
from chipgraph.graph.sqlite_indexes import READ_INDEXES
from chipgraph.graph.sqlite_store import SQLiteStore

from test_bulk_writes import ALL, kill_load_in_batch
from test_copy import everything
from test_sqlite_known import interrupt_third_write


def indexes(path: Path) -> set[str]:
    db = sqlite3.connect(path)
    try:
        return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        db.close()


def relation_ids(store: SQLiteStore) -> list[tuple]:
    return store._query("SELECT id, head, type, tail FROM relations ORDER BY id")


def one_by_one(path: Path, articles: list[Extraction]) -> SQLiteStore:
    """The articles written one by one, every relation id given by SQLite."""
    store = SQLiteStore(path)
    store._known.relation_ids = lambda: None  # type: ignore[method-assign]
    for x in articles:
        store.add(x)
    return store


@pytest.fixture
def defer_all(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every load defers the indexes (the fixtures are small)."""
    monkeypatch.setattr(sqlite_indexes, "DEFER_MIN_ROWS", 1)


def test_a_deferred_load_equals_one_by_one_writes(tmp_path: Path, defer_all: None) -> None:
    bulk = SQLiteStore(tmp_path / "bulk.sqlite")
    bulk.add_many(ALL[:10], batch_articles=4)
    bulk.add_many(ALL, batch_articles=7)  # a second load, into a store that is no longer empty
    reference = one_by_one(tmp_path / "one.sqlite", ALL)
    assert everything(bulk) == everything(reference)
    assert relation_ids(bulk) == relation_ids(reference)  # the ids SQLite would have given
    assert indexes(bulk.path) >= set(READ_INDEXES)


def test_a_copy_into_a_new_file_equals_its_source(tmp_path: Path, defer_all: None) -> None:
    source = one_by_one(tmp_path / "source.sqlite", ALL)
    target = SQLiteStore(tmp_path / "target.sqlite")
    copy_graph(source, target, batch_size=20, progress=False)
    assert everything(target) == everything(source)
    assert indexes(target.path) >= set(READ_INDEXES)


def test_a_small_load_into_a_big_store_keeps_its_indexes(
    tmp_path: Path, defer_all: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = one_by_one(tmp_path / "big.sqlite", ALL[:30])
    original = SQLiteStore._write_relations
    during = []

    def look(self, cur, relations):  # type: ignore[no-untyped-def]
        original(self, cur, relations)
        during.append(indexes(store.path) >= set(READ_INDEXES))

    monkeypatch.setattr(SQLiteStore, "_write_relations", look)
    store.add_many(ALL[30:32])
    assert during == [True]


def test_a_rolled_back_load_builds_the_indexes_again(
    tmp_path: Path, defer_all: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SQLiteStore(tmp_path / "load.sqlite")

    def deferred_meanwhile() -> None:
        assert not indexes(store.path) & set(READ_INDEXES)  # deferred while the load runs

    interrupt_third_write(monkeypatch, deferred_meanwhile)
    with pytest.raises(KeyboardInterrupt):
        store.add_many(ALL, batch_articles=4)
    monkeypatch.undo()
    assert indexes(store.path) >= set(READ_INDEXES)
    assert everything(store) == everything(one_by_one(tmp_path / "eight.sqlite", ALL[:8]))
    store.add_many(ALL, batch_articles=4)  # the re-run completes the load
    reference = one_by_one(tmp_path / "all.sqlite", ALL)
    assert everything(store) == everything(reference)
    assert relation_ids(store) == relation_ids(reference)


def test_a_killed_load_leaves_whole_articles_and_the_next_open_builds_the_indexes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "killed.sqlite"
    # killed mid-transaction, in the third batch, with the read indexes dropped
    kill_load_in_batch(path, 3, preamble="from chipgraph.graph import sqlite_indexes\nsqlite_indexes.DEFER_MIN_ROWS = 1\n")
    assert not indexes(path) & set(READ_INDEXES)  # the load died with them dropped
    # another process reading the file meanwhile gets the same answers, without the indexes
    reader = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    tails = reader.execute("SELECT COUNT(*) FROM relations WHERE tail = (SELECT tail FROM relations WHERE id = 1)").fetchone()
    reader.close()
    store = SQLiteStore(path)  # the next open builds them
    assert indexes(path) >= set(READ_INDEXES)
    assert tails == store._query("SELECT COUNT(*) FROM relations WHERE tail = (SELECT tail FROM relations WHERE id = 1)")[0]
    assert everything(store) == everything(one_by_one(tmp_path / "eight.sqlite", ALL[:8]))
    store.add_many(ALL, batch_articles=4)
    reference = one_by_one(tmp_path / "all.sqlite", ALL)
    assert everything(store) == everything(reference)
    assert relation_ids(store) == relation_ids(reference)


def test_a_store_opened_during_a_load_reads_without_waiting(
    tmp_path: Path, defer_all: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its open cannot build the indexes (the loader holds the write lock):
    it does not wait for the lock, and answers as it will after the load."""
    store = SQLiteStore(tmp_path / "load.sqlite")
    original = SQLiteStore._write_relations
    seen, calls = [], []

    def look(self, cur, relations):  # type: ignore[no-untyped-def]
        original(self, cur, relations)
        calls.append(1)
        if len(calls) == 2:  # the first batch is committed
            other = SQLiteStore(store.path)
            seen.append((other.counts(), sorted(r.key for r in other.relations(ALL[0].relations[0].tail))))
            other.close()

    monkeypatch.setattr(SQLiteStore, "_write_relations", look)
    store.add_many(ALL[:8], batch_articles=4)
    monkeypatch.undo()
    reference = one_by_one(tmp_path / "four.sqlite", ALL[:4])
    assert seen == [(reference.counts(), sorted(r.key for r in reference.relations(ALL[0].relations[0].tail)))]
    assert indexes(store.path) >= set(READ_INDEXES)


def test_rows_changed_through_the_connection_past_the_store_are_noticed(tmp_path: Path) -> None:
    """A script deleting rows through ``store._db`` between two loads: the
    complete cache starts again, so ids and evidence stay SQLite's."""
    def run(store: SQLiteStore) -> tuple:
        store.add_many(ALL[:6])
        with store._lock:
            store._db.execute("DELETE FROM evidence WHERE relation_id = (SELECT max(id) FROM relations)")
            store._db.execute("DELETE FROM relations WHERE id = (SELECT max(id) FROM relations)")
        store.add_many(ALL)
        return everything(store), relation_ids(store)

    reference = SQLiteStore(tmp_path / "reference.sqlite")
    reference._known.relation_ids = lambda: None  # type: ignore[method-assign]
    assert run(SQLiteStore(tmp_path / "bulk.sqlite")) == run(reference)
