"""Bulk transactions check references once instead of row by row
(graph/sqlite_bulk.py): the same rows, the same refusals, the graph-log
triggers and foreign keys as they were."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from chipgraph.graph import sqlite_bulk
from chipgraph.graph.errors import StoreError
from chipgraph.graph.model import Document, Entity, EntityType, Evidence, Extraction, Relation, RelationType
from chipgraph.graph.sqlite_store import SQLiteStore

from test_bulk_writes import ALL, kill_load_in_batch, random_articles
from test_copy import everything

ORG = EntityType.ORG
KESTREL = Entity.create("Kestrel Devices", ORG)
VANTOR = Entity.create("Vantor Lithography", ORG)


def triggers(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as db:
        return dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())


def supply(doc_id: str, head: Entity = VANTOR, tail: Entity = KESTREL) -> Relation:
    return Relation(head.id, RelationType.SUPPLIED, tail.id,
                    (Evidence(doc_id, "Vantor Lithography shipped tools to Kestrel Devices.", 0, 52, "rule:test", 0.8),))


def document(n: int) -> Document:
    return Document.from_text(f"Vantor Lithography shipped tools to Kestrel Devices in week {n}.", f"week-{n}.txt")


def foreign_keys_on(store: SQLiteStore) -> bool:
    return store._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_a_bulk_load_keeps_its_triggers_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "bulk.sqlite"
    store = SQLiteStore(path)
    before = triggers(path)
    store.add_many(ALL, batch_articles=5)
    assert triggers(path) == before and len(before) == 6
    assert foreign_keys_on(store)
    with pytest.raises(sqlite3.IntegrityError):  # other writes keep SQLite's checks
        store._db.execute("INSERT INTO entity_names (entity_id, norm) VALUES ('org:nobody', 'nobody')")
    store.close()


def test_a_reused_relation_id_is_still_logged(tmp_path: Path) -> None:
    """After a deletion, graph_log holds a relation row: the reuse trigger
    stays on and logs a new relation that takes the deleted one's id."""
    store = SQLiteStore(tmp_path / "reuse.sqlite")
    store.add_many(ALL[:6])
    (last,) = store._db.execute("SELECT max(id) FROM relations").fetchone()
    store._db.execute("DELETE FROM relations WHERE id = ?", (last,))
    logged = store._db.execute("SELECT count(*) FROM graph_log WHERE kind = 'relation' AND ref = ?", (last,)).fetchone()[0]
    store.add_many(random_articles(3, seed=11))
    after = store._db.execute("SELECT count(*) FROM graph_log WHERE kind = 'relation' AND ref = ?", (last,)).fetchone()[0]
    assert logged == 1 and after == 2  # the delete, then the reuse
    store.close()


@pytest.mark.parametrize("stored_first", [False, True], ids=["new store", "written by another connection"])
def test_a_relation_naming_an_unwritten_entity_is_refused_whole(tmp_path: Path, stored_first: bool) -> None:
    path = tmp_path / "refuse.sqlite"
    store = SQLiteStore(path)
    if stored_first:  # the store's memory of its entities is then not complete
        other = SQLiteStore(path)
        other.write_batch(documents=[document(0)], entities=[KESTREL, VANTOR], relations=[supply(document(0).id)])
        other.close()
    before = everything(store)
    stray = Entity.create("Halvern Optics", ORG)
    with pytest.raises(StoreError, match="org:halvern-optics"):
        store.write_batch(documents=[document(1)], entities=[KESTREL],
                          relations=[supply(document(1).id, head=stray)])
    assert everything(store) == before
    with pytest.raises(StoreError, match="week-9|neither stored"):
        store.write_batch(documents=[document(2)], entities=[KESTREL, VANTOR], relations=[supply(document(9).id)])
    assert everything(store) == before
    assert foreign_keys_on(store)
    # what is stored or written with the batch passes
    store.write_batch(documents=[document(3)], entities=[KESTREL, VANTOR], relations=[supply(document(3).id)])
    store.write_batch(documents=[document(4)], relations=[supply(document(4).id), supply(document(3).id)])
    assert len(store.relations_by_key([supply("x").key])[supply("x").key].evidence) == 2 + stored_first
    store.close()


def test_entities_written_in_an_earlier_batch_may_be_named(tmp_path: Path) -> None:
    """A copy sends each entity once: later batches name entities an earlier
    batch carried (the check asks the cache, or SQLite when it is cold)."""
    path = tmp_path / "carried.sqlite"
    store = SQLiteStore(path)
    store.write_batch(documents=[document(1)], entities=[KESTREL, VANTOR], relations=[supply(document(1).id)])
    store.close()
    store = SQLiteStore(path)  # a new connection: nothing in memory
    store.write_batch(documents=[document(2)], relations=[supply(document(2).id, head=KESTREL, tail=VANTOR)])
    assert store.counts() == {"documents": 2, "entities": 2, "relations": 2, "evidence": 2}
    store.close()


def test_an_article_citing_another_stored_document_loads(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "cites.sqlite")
    first = document(1)
    store.write_batch(documents=[first])
    doc = document(2)
    later = Extraction(doc, (KESTREL, VANTOR), (supply(first.id), supply(doc.id)))
    store.add_many([later])
    stored = store.relations_by_key([supply("x").key])[supply("x").key]
    assert sorted(e.document_id for e in stored.evidence) == sorted([first.id, doc.id])
    store.close()


def test_other_connections_see_the_triggers_throughout_a_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The triggers are dropped inside the loader's transaction only: a
    reader mid-load sees them, as before and after."""
    path = tmp_path / "watched.sqlite"
    store = SQLiteStore(path)
    before = triggers(path)
    original, seen = SQLiteStore._write_relations, []

    def look(self, cur, relations):  # type: ignore[no-untyped-def]
        original(self, cur, relations)
        mine = {row[0] for row in cur.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        seen.append((mine, triggers(path)))

    monkeypatch.setattr(SQLiteStore, "_write_relations", look)
    store.add_many(ALL[:8], batch_articles=4)
    assert len(seen) == 2
    assert all(theirs == before for _, theirs in seen)
    assert all("graph_log_relation_reuse" not in mine for mine, _ in seen)  # idle in a new store: dropped
    store.close()


def test_a_load_killed_mid_batch_keeps_its_triggers_and_whole_articles(tmp_path: Path) -> None:
    path = tmp_path / "killed.sqlite"
    SQLiteStore(tmp_path / "fresh.sqlite").close()
    before = triggers(tmp_path / "fresh.sqlite")
    kill_load_in_batch(path, 2)  # inside the second batch: triggers dropped, foreign keys off
    assert triggers(path) == before
    store = SQLiteStore(path)
    assert foreign_keys_on(store)
    reference = SQLiteStore(tmp_path / "four.sqlite")
    for x in ALL[:4]:
        reference.add(x)
    assert everything(store) == everything(reference)
    store.close()
    reference.close()


def test_a_bulk_load_checkpoints_its_log_once_at_the_end(tmp_path: Path) -> None:
    """During add_many this connection lets the write-ahead log grow (no
    checkpoint per batch); afterwards its setting is back, the log has been
    copied into the file, and another connection reads every row."""
    from chipgraph.graph.sqlite_bulk import WAL_BULK_BYTES, WAL_KEPT_BYTES

    path = tmp_path / "wal.sqlite"
    store = SQLiteStore(path)
    page = store._db.execute("PRAGMA page_size").fetchone()[0]
    seen: list[int] = []

    def articles():
        for x in ALL:  # read while add_many consumes them, inside its bulk block
            seen.append(store._db.execute("PRAGMA wal_autocheckpoint").fetchone()[0])
            yield x

    store.add_many(articles(), batch_articles=5)
    # the first batch is read to size the load, before the block; the rest inside it
    assert seen[:5] == [1000] * 5 and set(seen[5:]) == {WAL_BULK_BYTES // page} and len(seen) > 5
    assert store._db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
    assert store._db.execute("PRAGMA journal_size_limit").fetchone()[0] == WAL_KEPT_BYTES
    busy, logged, copied = store._db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert busy == 0 and logged == copied  # nothing left that the end of the load had not copied
    with sqlite3.connect(path) as other:
        assert other.execute("SELECT COUNT(*) FROM relations").fetchone()[0] == store.counts()["relations"] > 0
    store.close()


@pytest.mark.parametrize("limit", [None, 7])
def test_rows_inserted_many_per_statement_land_as_one_statement_per_row_would(limit: int | None) -> None:
    """Duplicates inside one statement, an upsert and a conflict ignored,
    in order; with SQLite's variable limit so low that a statement carries
    fewer rows than ROWS_PER_STATEMENT (7 variables: three rows of two)."""
    rows = [(f"k{i % 150}", f"v{i}") for i in range(sqlite_bulk.ROWS_PER_STATEMENT * 2 + 37)]
    results = []
    for insert in (sqlite_bulk.insert_rows, None):
        db = sqlite3.connect(":memory:", isolation_level=None)
        if limit:
            db.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, limit)
        db.execute("CREATE TABLE upserted (k TEXT PRIMARY KEY, v TEXT, n INTEGER DEFAULT 1)")
        db.execute("CREATE TABLE kept (k TEXT PRIMARY KEY, v TEXT)")
        upsert = "ON CONFLICT(k) DO UPDATE SET v = excluded.v, n = n + 1"
        if insert is None:
            db.executemany(f"INSERT INTO upserted (k, v) VALUES (?, ?) {upsert}", rows)
            db.executemany("INSERT OR IGNORE INTO kept (k, v) VALUES (?, ?)", rows)
        else:
            insert(db.cursor(), "INSERT INTO upserted (k, v)", rows, upsert)
            insert(db.cursor(), "INSERT OR IGNORE INTO kept (k, v)", rows)
            insert(db.cursor(), "INSERT INTO kept (k, v)", [])
        results.append([db.execute(f"SELECT rowid, * FROM {t} ORDER BY rowid").fetchall() for t in ("upserted", "kept")])
    assert results[0] == results[1]
    assert results[0][0][0] == (1, "k0", "v150", 2) and len(results[0][1]) == 150
