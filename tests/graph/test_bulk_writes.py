"""The bulk path writes the graph that one-by-one writes give, on every store."""

from __future__ import annotations

import pickle
import random
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

from chipgraph.graph.model import Document, Entity, EntityType, Evidence, Extraction, Relation, RelationType
from chipgraph.graph.reference import reference_extractions
from chipgraph.graph.sqlite_store import SQLiteStore
from chipgraph.graph.store import GraphStore

from test_conformance import ARTICLES
from test_copy import everything

#: names that meet under aliases, so articles of one batch must resolve
#: against each other in order (as one-by-one writes would)
POOL = [
    ("Harbor Lithography Corporation", ["Harbor Litho", "HLC"]),
    ("Harbor Litho", ["HL Tools"]),
    ("Crescent Memory Co., Ltd.", ["Crescent", "CMC"]),
    ("CMC", []),
    ("Delta Wafer Group", ["Delta Wafer"]),
    ("Eastfield Devices Inc.", ["Eastfield"]),
    ("Fulcrum Photonics", ["Fulcrum"]),
    ("Granite Holdings", []),
    ("Granite", ["Granite Holdings"]),
]


def random_articles(count: int, seed: int) -> list[Extraction]:
    rng = random.Random(seed)
    out = []
    for i in range(count):
        text = f"Article {i} of a bulk test. " * 3
        doc = Document.from_text(text, f"bulk-{i}.txt", title=f"Bulk {i}", date=f"2024-01-{i % 28 + 1:02d}")
        picks = rng.sample(POOL, 3)
        ents = [
            Entity.create(name, EntityType.ORG, aliases=rng.sample(aliases, rng.randint(0, len(aliases))),
                          country=rng.choice([None, "CN", "NL"]))
            for name, aliases in picks
        ]
        rels = []
        for head, tail in ((ents[0], ents[1]), (ents[1], ents[2])):
            rtype = rng.choice([RelationType.SUPPLIED, RelationType.OWNED_BY])
            ev = Evidence(doc.id, text[:20], 0, 20, "rule:test", round(rng.random(), 3), doc.source,
                          attributes={"date": str(2000 + rng.randint(0, 20))} if rng.random() < 0.5 else {})
            rels.append(Relation(head.id, rtype, tail.id, (ev,),
                                 unsourced_attributes={"note": f"n{i}"} if rng.random() < 0.2 else {}))
        out.append(Extraction(doc, tuple(ents), tuple(rels)))
    return out


ALL = ARTICLES + reference_extractions() + random_articles(40, seed=5)


def kill_load_in_batch(path: Path, batch_number: int, preamble: str = "") -> None:
    """``add_many`` of ALL into ``path`` (4 articles a batch) in another
    process, killed with ``os._exit`` right after the relations of batch
    ``batch_number`` are written: no rollback, no ``finally``.  ``preamble``
    runs first in that process (to set module knobs)."""
    articles = path.with_suffix(".pickle")
    articles.write_bytes(pickle.dumps(ALL))
    script = (
        "import os, pickle, sys\n"
        "from chipgraph.graph.sqlite_store import SQLiteStore\n"
        f"{preamble}"
        "original, calls = SQLiteStore._write_relations, []\n"
        "def dies(self, cur, relations):\n"
        "    calls.append(1)\n"
        "    original(self, cur, relations)\n"
        f"    if len(calls) == {batch_number}:\n"
        "        os._exit(9)\n"
        "SQLiteStore._write_relations = dies\n"
        "SQLiteStore(sys.argv[1]).add_many(pickle.loads(open(sys.argv[2], 'rb').read()), batch_articles=4)\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(path), str(articles)], timeout=120)
    assert done.returncode == 9


@pytest.fixture
def one_by_one(new_store: Callable[[str], GraphStore]) -> GraphStore:
    store = new_store("sqlite")
    for x in ALL:
        store.add(x)
    return store


def test_sqlite_batches_equal_one_by_one(one_by_one: GraphStore, new_store: Callable[[str], GraphStore]) -> None:
    bulk = new_store("sqlite")
    assert isinstance(bulk, SQLiteStore)
    results = bulk.add_many(ALL[:10], batch_articles=4) + bulk.add_many(ALL, batch_articles=7)
    assert [r.added for r in results] == [True] * 10 + [False] * 10 + [True] * (len(ALL) - 10)
    assert everything(bulk) == everything(one_by_one)


def test_bolt_batches_equal_one_by_one(one_by_one: GraphStore, new_store: Callable[[str], GraphStore]) -> None:
    bulk = new_store("falkordb")
    bulk.add_many(ALL)
    assert everything(bulk) == everything(one_by_one)


def test_a_failed_batch_leaves_no_part_of_an_article(new_store: Callable[[str], GraphStore],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    store = new_store("sqlite")
    store.add_many(ALL[:3])
    before = everything(store)
    original = SQLiteStore._write_relations

    def disk_full(self, cur, relations):  # the write fails after the entities of the batch went in
        original(self, cur, relations)
        raise OSError("disk full")

    monkeypatch.setattr(SQLiteStore, "_write_relations", disk_full)
    with pytest.raises(OSError):
        store.add_many(ALL[3:12])
    monkeypatch.undo()
    assert everything(store) == before  # the batch rolled back whole
    store.add_many(ALL[3:12])  # and a re-run completes it
    assert store.counts()["documents"] == 12
