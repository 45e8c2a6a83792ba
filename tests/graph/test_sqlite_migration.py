"""A store file written by an older chipgraph still opens, and keeps its facts.

Schema version 1 kept one attributes dict per relation; version 2 keeps the
attributes on each piece of evidence.  The file below is built with version
1's own DDL, as that chipgraph wrote it.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from chipgraph.graph.errors import StoreError
from chipgraph.graph.model import Document, Entity, EntityType, Evidence, Extraction, Relation, RelationType
from chipgraph.graph.sqlite_store import SCHEMA_VERSION, SQLiteStore

_V1_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (id TEXT PRIMARY KEY, source TEXT NOT NULL, title TEXT, date TEXT, language TEXT NOT NULL,
    text TEXT NOT NULL, ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
CREATE TABLE entities (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, aliases TEXT NOT NULL DEFAULT '[]',
    country TEXT);
CREATE TABLE entity_names (entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE, norm TEXT NOT NULL,
    PRIMARY KEY (entity_id, norm));
CREATE INDEX entity_names_norm ON entity_names(norm);
CREATE TABLE relations (id INTEGER PRIMARY KEY, head TEXT NOT NULL REFERENCES entities(id), type TEXT NOT NULL,
    tail TEXT NOT NULL REFERENCES entities(id), attributes TEXT NOT NULL DEFAULT '{}', UNIQUE (head, type, tail));
CREATE INDEX relations_tail ON relations(tail);
CREATE TABLE evidence (relation_id INTEGER NOT NULL REFERENCES relations(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents(id), start INTEGER NOT NULL, end INTEGER NOT NULL,
    method TEXT NOT NULL, sentence TEXT NOT NULL, confidence REAL NOT NULL, source TEXT,
    PRIMARY KEY (relation_id, document_id, start, end, method));
CREATE INDEX evidence_document ON evidence(document_id);
INSERT INTO meta VALUES ('schema_version', '1');
"""

SELLER = Entity.create("Gamma Optics", EntityType.ORG)
BUYER = Entity.create("Delta Fab", EntityType.ORG)
OWNER = Entity.create("Epsilon Group", EntityType.ORG)
ONE = "Gamma Optics sold lenses to Delta Fab in 2018."
TWO = "Delta Fab bought lenses from Gamma Optics. Epsilon Group owns Delta Fab."


def _version_1_file(path: Path) -> tuple[Document, Document]:
    """A version-1 store: a supply seen in two articles (attributes on the
    relation, source unknowable) and an ownership seen once."""
    d1 = Document.from_text(ONE, "https://old.example/1")
    d2 = Document.from_text(TWO, "https://old.example/2")
    db = sqlite3.connect(path)
    db.executescript(_V1_SCHEMA)
    for d in (d1, d2):
        db.execute(
            "INSERT INTO documents (id, source, title, date, language, text) VALUES (?,?,?,?,?,?)",
            (d.id, d.source, None, None, "en", d.text),
        )
    for e in (SELLER, BUYER, OWNER):
        db.execute("INSERT INTO entities (id, name, type) VALUES (?,?,?)", (e.id, e.name, e.type.value))
    db.execute(
        "INSERT INTO relations (id, head, type, tail, attributes) VALUES (1,?,?,?,?)",
        (SELLER.id, "SUPPLIED", BUYER.id, json.dumps({"date": "2018", "product": "lenses"})),
    )
    db.execute(
        "INSERT INTO relations (id, head, type, tail, attributes) VALUES (2,?,?,?,?)",
        (BUYER.id, "OWNED_BY", OWNER.id, json.dumps({"stake": "all"})),
    )
    second = TWO.index("Epsilon")
    rows = [
        (1, d1.id, 0, len(ONE), "rule:a", ONE, 0.8, d1.source),
        (1, d2.id, 0, second - 1, "rule:b", TWO[: second - 1], 0.7, d2.source),
        (2, d2.id, second, len(TWO), "rule:c", TWO[second:], 0.9, d2.source),
    ]
    db.executemany("INSERT INTO evidence VALUES (?,?,?,?,?,?,?,?)", rows)
    db.commit()
    db.close()
    return d1, d2


def test_version_1_file_opens_and_migrates(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    d1, d2 = _version_1_file(path)
    store = SQLiteStore(path)
    try:
        (supply,) = [r for r in store.relations(SELLER.id) if r.type is RelationType.SUPPLIED]
        # two sources: which one said "2018" is unknowable, so it is not put in either's mouth
        assert supply.unsourced_attributes == {"date": "2018", "product": "lenses"}
        assert all(e.attributes == {} for e in supply.evidence)
        assert supply.attributes == {"date": "2018", "product": "lenses"}
        # one source: it is the sentence that stated them
        (owned,) = [r for r in store.relations(OWNER.id)]
        assert owned.unsourced_attributes == {}
        assert [e.attributes for e in owned.evidence] == [{"stake": "all"}]
        assert store.counts() == {"documents": 2, "entities": 3, "relations": 2, "evidence": 3}
        # new writes carry per-evidence attributes into the migrated file
        text = "In 2020 Gamma Optics shipped lenses to Delta Fab."
        d3 = Document.from_text(text, "https://new.example/3")
        ev = Evidence(d3.id, text, 0, len(text), "rule:new", 0.95, d3.source, {"date": "2020", "product": "lenses"})
        store.add(Extraction(d3, (SELLER, BUYER), (Relation(SELLER.id, RelationType.SUPPLIED, BUYER.id, (ev,)),)))
        (supply,) = [r for r in store.relations(SELLER.id) if r.type is RelationType.SUPPLIED]
        assert supply.evidence[0] == ev
        assert {(s.value, s.evidence[0].source) for s in supply.attribute_statements() if s.name == "date"} == {
            ("2020", "https://new.example/3")
        }
        assert supply.unsourced_attributes == {"date": "2018", "product": "lenses"}
    finally:
        store.close()
    # the file now says the current version and opens again without migrating twice
    version = sqlite3.connect(path).execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    assert int(version) == SCHEMA_VERSION == 3
    SQLiteStore(path).close()


def test_version_2_file_gains_an_empty_curation_log(tmp_path: Path) -> None:
    """Version 3 adds the curation log; a version-2 file (no such table)
    opens with an empty log, its facts untouched, and can be curated."""
    from chipgraph.graph import curation

    path = tmp_path / "v2.sqlite"
    d1, _ = _version_1_file(path)
    SQLiteStore(path).close()  # brings it to the current version...
    db = sqlite3.connect(path)  # ...then back to exactly what version 2 wrote
    db.execute("DROP TABLE curation")
    db.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    store = SQLiteStore(path)
    try:
        assert store.curation_log() == []
        assert store.counts() == {"documents": 2, "entities": 3, "relations": 2, "evidence": 3}
        entry = curation.reject(store, f"{BUYER.id}|OWNED_BY|{OWNER.id}", "ana", "not the owner")
        assert store.curation_log() == [entry]
        assert store.counts()["relations"] == 1
    finally:
        store.close()
    version = sqlite3.connect(path).execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
    assert int(version) == 3


def new_file_edited(path: Path, statement: str) -> Path:
    """A store file just written by this chipgraph, then changed by ``statement``."""
    SQLiteStore(path).close()
    db = sqlite3.connect(path)
    db.execute(statement)
    db.commit()
    db.close()
    return path


def test_newer_file_is_refused(tmp_path: Path) -> None:
    path = new_file_edited(tmp_path / "future.sqlite", "UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="schema version 99"):
        SQLiteStore(path)


def test_a_file_without_the_read_indexes_gets_them_when_writable(tmp_path: Path) -> None:
    """The list-import index only speeds reads up: a file written before it
    gets it on the next open (a read-only file is read without it)."""
    path = new_file_edited(tmp_path / "older.sqlite", "DROP INDEX evidence_list_import")
    store = SQLiteStore(path, create=False)
    names = {r[0] for r in store._db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "evidence_list_import" in names
    plan = store._db.execute(
        "EXPLAIN QUERY PLAN SELECT DISTINCT relation_id FROM evidence WHERE method = 'list-import' AND instr(attributes, ?) > 0",
        ('"removed"',)).fetchall()
    assert "evidence_list_import" in str(plan)
    store.close()
