"""What a SQLite store remembers of its entities between bulk writes
(graph/sqlite_known.py) never outlives what is in the file: another process
writing in between, a curation, a rolled-back load."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest

from chipgraph.graph import curation
from chipgraph.graph.model import Entity, EntityType, Extraction, RelationType
from chipgraph.graph.sqlite_store import SQLiteStore

from test_bulk_writes import ALL
from test_conformance import FAB_A, FAB_B, article
from test_copy import everything

ORG, PRODUCT = EntityType.ORG, EntityType.PRODUCT
GP_PRODUCT = Entity.create("GP", PRODUCT)  # a product line called GP
ALPHA_TW = Entity.create("Alpha Foundry", ORG, aliases=["Alpha Fab"], country="TW")
GAMMA = Entity.create("Gamma Parts", ORG, aliases=["GP"])
ALPHA_AF = Entity.create("Alpha Foundry", ORG, aliases=["AF"])
GP_ORG = Entity.create("GP", ORG)


def fact(head: Entity, tail: Entity, sentence: str, source: str) -> Extraction:
    return article(f"Intro of {source}. {sentence} Outro.", source, [(head, RelationType.SUPPLIED, tail, sentence)])


OURS_FIRST = [
    fact(FAB_A, FAB_B, "Alpha Foundry supplied Beta Memory.", "ours-1"),
    fact(FAB_B, GP_PRODUCT, "Beta Memory shipped the GP line.", "ours-2"),
]
THEIRS = [fact(ALPHA_TW, GAMMA, "Alpha Fab supplied Gamma Parts.", "theirs-1")]
OURS_LATER = [fact(ALPHA_AF, GP_ORG, "AF supplied GP.", "ours-3")]


def one_by_one(path: Path, articles: list[Extraction]) -> tuple:
    store = SQLiteStore(path)
    for x in articles:
        store.add(x)
    try:
        return everything(store)
    finally:
        store.close()


def test_names_another_process_wrote_between_loads_are_seen(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "shared.sqlite")
    store.add_many(OURS_FIRST)  # this connection now knows Alpha Foundry, and "GP" as a product only
    batch = tmp_path / "theirs.pickle"
    batch.write_bytes(pickle.dumps(THEIRS))
    subprocess.run(
        [sys.executable, "-c",
         "import pickle, sys; from chipgraph.graph.sqlite_store import SQLiteStore; "
         "SQLiteStore(sys.argv[1]).add_many(pickle.loads(open(sys.argv[2], 'rb').read()))",
         str(tmp_path / "shared.sqlite"), str(batch)],
        check=True, timeout=120,
    )
    store.add_many(OURS_LATER)

    alpha = store.get_entity(FAB_A.id)
    assert alpha is not None and alpha.aliases == ("Alpha Fab", "AF") and alpha.country == "TW"
    assert store.get_entity(GP_ORG.id) is None  # "GP" now names Gamma Parts, written by the other process
    assert {(r.head, r.tail) for r in store.relations()} >= {(FAB_A.id, GAMMA.id)}
    assert everything(store) == one_by_one(tmp_path / "reference.sqlite", OURS_FIRST + THEIRS + OURS_LATER)


def test_a_curation_between_loads_is_seen(tmp_path: Path) -> None:
    def run(store: SQLiteStore, write) -> tuple:  # type: ignore[no-untyped-def]
        write(store, OURS_FIRST)
        curation.merge(store, FAB_A.id, FAB_B.id, "analyst", "one company")
        write(store, [fact(FAB_B, GAMMA, "Beta Memory supplied Gamma Parts.", "ours-4")])
        return everything(store)

    bulk = run(SQLiteStore(tmp_path / "bulk.sqlite"), lambda s, xs: s.add_many(xs))
    assert bulk == run(SQLiteStore(tmp_path / "one.sqlite"), lambda s, xs: [s.add(x) for x in xs])
    entities = {e["id"]: e for e in bulk[1]}
    assert FAB_B.id not in entities and "Beta Memory" in entities[FAB_A.id]["aliases"]


def interrupt_third_write(monkeypatch: pytest.MonkeyPatch, during: Callable[[], None] = lambda: None) -> None:
    """Ctrl-C once the third transaction's relation rows are in (``during``
    runs after each write, inside its transaction)."""
    original = SQLiteStore._write_relations
    calls = []

    def interrupted(self, cur, relations):  # type: ignore[no-untyped-def]
        calls.append(len(relations))
        original(self, cur, relations)
        during()
        if len(calls) == 3:
            raise KeyboardInterrupt

    monkeypatch.setattr(SQLiteStore, "_write_relations", interrupted)


def test_an_interrupted_load_keeps_whole_articles_and_a_rerun_completes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = SQLiteStore(tmp_path / "load.sqlite")
    interrupt_third_write(monkeypatch)
    with pytest.raises(KeyboardInterrupt):
        store.add_many(ALL, batch_articles=4)
    monkeypatch.undo()
    # the first two transactions' eight articles, whole, and nothing of the third
    assert everything(store) == one_by_one(tmp_path / "eight.sqlite", ALL[:8])
    results = store.add_many(ALL, batch_articles=4)  # the re-run completes the load
    assert [r.added for r in results] == [False] * 8 + [True] * (len(ALL) - 8)
    assert everything(store) == one_by_one(tmp_path / "all.sqlite", ALL)
