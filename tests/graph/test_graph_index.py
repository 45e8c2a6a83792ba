"""The SQLite store's graph index: the same answers as the networkx search it
replaced, kept current across writers without a rebuild, rebuilt when its
file is lost or damaged."""

from __future__ import annotations

import logging
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from chipgraph.graph import graph_index
from chipgraph.graph.model import Document, Entity, EntityType, Evidence, Extraction, Relation, RelationType
from chipgraph.graph.path_search import SearchTooLong, find_paths
from chipgraph.graph.paths import PathQuery
from chipgraph.graph.sqlite_store import SQLiteStore
from chipgraph.graph.store import Link

from nx_reference import adjacency, nx_paths, nx_subgraph
from test_conformance import ARTICLES, ingest

TYPES = list(RelationType)


def random_article(rng: random.Random, names: list[Entity], n_relations: int, tag: str) -> Extraction:
    """An article stating ``n_relations`` random facts among ``names``."""
    facts = []
    while len(facts) < n_relations:
        head, tail = rng.sample(names, 2)
        facts.append((head, rng.choice(TYPES), tail))
    return random_article_of(rng, facts, tag)


def random_article_of(rng: random.Random, facts: list[tuple[Entity, RelationType, Entity]], tag: str) -> Extraction:
    """An article stating ``facts``, each with a random confidence."""
    sentences = [f"{h.name} {t.value.lower()} {tl.name} ({tag} {i})." for i, (h, t, tl) in enumerate(facts)]
    text = " ".join(sentences)
    doc = Document.from_text(text, f"https://random.example/{tag}")
    relations: dict[tuple[str, str, str], Relation] = {}
    offset = 0
    for (head, rtype, tail), sentence in zip(facts, sentences):
        ev = Evidence(doc.id, sentence, offset, offset + len(sentence), "rule:random", round(rng.uniform(0.3, 1.0), 2))
        offset += len(sentence) + 1
        rel = Relation(head.id, rtype, tail.id, (ev,))
        relations[rel.key] = relations[rel.key].merged(rel) if rel.key in relations else rel
    ents = {e.id: e for f in facts for e in (f[0], f[2])}
    return Extraction(doc, tuple(ents.values()), tuple(relations.values()))


def random_entities(rng: random.Random, n: int) -> list[Entity]:
    # names in random order, so id order differs from insertion (rowid) order
    words = ["Alder", "Birch", "Cedar", "Delta", "Elm", "Fir", "Gale", "Hazel", "Iris", "Juniper", "Kite", "Lark"]
    names = rng.sample([f"{a} {b} {k}" for a in words for b in words for k in range(3)], n)
    return [Entity.create(name, EntityType.LIST if i % 9 == 4 else EntityType.ORG) for i, name in enumerate(names)]


def signatures(paths) -> list[tuple]:
    return [(p.signature(), [h.forward for h in p.hops], round(p.confidence, 6)) for p in paths]


def random_queries(rng: random.Random, ids: list[str], count: int) -> list[PathQuery]:
    out = []
    for _ in range(count):
        source, target = rng.sample(ids, 2)
        types = tuple(rng.sample(TYPES, rng.randint(1, len(TYPES))))
        out.append(PathQuery(source, target, types=types, direction=rng.choice(["out", "both"]),
                             max_hops=rng.randint(1, 5), limit=rng.choice([1, 2, 3, 10])))
    return out


def assert_same_as_networkx(store: SQLiteStore, queries: list[PathQuery]) -> int:
    """Every query answered identically; returns how many had paths."""
    g = adjacency(store)
    found = 0
    for q in queries:
        expected = nx_paths(store, q, g)
        assert signatures(store.paths(q)) == signatures(expected), q
        found += bool(expected)
    return found


def reference_links(store: SQLiteStore, ids: list[str], types: list[RelationType], walk: str) -> list[Link]:
    is_list = {e.id: e.type is EntityType.LIST for e in store.entities()}
    keys = set()
    for r in store.relations():
        if r.type not in types:
            continue
        if (walk in ("out", "both") and r.head in ids) or (walk in ("in", "both") and r.tail in ids):
            keys.add(r.key)
    return [Link(h, RelationType(t), tl, is_list[h], is_list[tl]) for h, t, tl in sorted(keys)]


def curate_behind_the_index(store: SQLiteStore) -> None:
    """What a curation does to the file's relations: five deleted and one
    re-pointed, i.e. tombstones over the index file and a rewritten edge."""
    with store._lock:
        store._db.execute("DELETE FROM evidence WHERE relation_id IN (SELECT id FROM relations ORDER BY id LIMIT 5)")
        store._db.execute("DELETE FROM relations WHERE id IN (SELECT id FROM relations ORDER BY id LIMIT 5)")
        (anchor,) = store._db.execute("SELECT id FROM entities ORDER BY rowid LIMIT 1").fetchone()
        store._db.execute("UPDATE OR IGNORE relations SET tail = ? WHERE id = (SELECT MAX(id) FROM relations WHERE tail != ? AND head != ?)",
                          (anchor, anchor, anchor))
    store._index_stale = True


@pytest.mark.parametrize("seed", range(12))
def test_search_matches_networkx_on_random_graphs(tmp_path: Path, seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Same paths in the same order as the networkx search, on the file, on
    its delta, after deletions (tombstones) and after compaction; the same
    links, degrees and neighbourhoods as the networkx walks."""
    monkeypatch.setattr(graph_index, "COMPACT_AT", 10_000)
    rng = random.Random(seed)
    ents = random_entities(rng, rng.randint(12, 40))
    store = SQLiteStore(tmp_path / "g.sqlite")
    store.add(random_article(rng, ents, rng.randint(20, 120), "first"))
    ids = [e.id for e in ents]
    found = assert_same_as_networkx(store, random_queries(rng, ids, 40))
    # written after the file: answered from the delta
    store.add(random_article(rng, ents, rng.randint(10, 60), "second"))
    found += assert_same_as_networkx(store, random_queries(rng, ids, 40))
    assert store._index.stats["builds"] == 1
    curate_behind_the_index(store)
    found += assert_same_as_networkx(store, random_queries(rng, ids, 40))
    walks = [(rng.sample(ids, 3), rng.sample(TYPES, 3), w) for w in ("out", "in", "both")]
    for some, types, walk in walks:
        assert store.links(some, types, walk) == reference_links(store, some, types, walk)
        degree = {i: sum(1 for lk in reference_links(store, [i], types, walk) for end in (lk.head, lk.tail)
                         if end == i and (walk == "both" or (walk == "out") == (end == lk.head)))
                  for i in some}
        assert store.degrees(some, types, walk) == degree
    for center in rng.sample(ids, 3):
        if store.get_entity(center) is None:
            continue
        for depth, cap in ((1, None), (2, None), (2, 6)):
            sub = store.subgraph(center, depth, max_nodes=cap)
            assert (sub.entities, sub.relations, sub.truncated) == nx_subgraph(store, center, depth, cap)
    # merged into a new file: same answers again
    store._index.compact_at = 1
    store.add(random_article(rng, ents, 5, "third"))
    found += assert_same_as_networkx(store, random_queries(rng, ids, 40))
    assert store._index.stats["compactions"] >= 1 and store._index.stats["builds"] == 1
    assert found > 0
    store.close()


def layered_article(rng: random.Random, layers: list[list[Entity]], tag: str) -> Extraction:
    """Every entity of a layer linked to every one of the next, by two random types."""
    facts = [(a, t, b) for upper, lower in zip(layers, layers[1:]) for a in upper for b in lower
             for t in rng.sample(TYPES[:3], 2)]
    return random_article_of(rng, facts, tag)


def test_budget_cut_keeps_the_networkx_paths(tmp_path: Path) -> None:
    """Hundreds of equally short paths, so ``limit * 50`` cuts the search:
    the same paths are kept as by the networkx search (its neighbour order)."""
    rng = random.Random(99)
    ents = [e for e in random_entities(rng, 40) if e.type is EntityType.ORG]
    layers = [ents[:1], ents[1:9], ents[9:17], ents[17:18]]
    store = SQLiteStore(tmp_path / "dense.sqlite")
    store.add(layered_article(rng, layers, "dense"))
    store.add(random_article(rng, ents[:18], 30, "more"))  # some nodes with delta edges
    source, target = layers[0][0].id, layers[-1][0].id
    queries = [PathQuery(source, target, types=TYPES[:3], direction=d, max_hops=h, limit=n)
               for d in ("out", "both") for h in (3, 4) for n in (1, 2, 3)]
    g = adjacency(store)
    cut = 0
    for q in queries:
        assert signatures(store.paths(q)) == signatures(nx_paths(store, q, g))
        index = store._graph()
        codes = [graph_index.TYPE_CODES[t] for t in q.type_names]
        raw = find_paths(index, index.node_of(q.source), index.node_of(q.target), codes, q.direction == "both",
                         q.max_hops, q.limit)
        cut += len(raw) == q.limit * 50
    assert cut >= len(queries) // 2  # the budget cut most of these searches
    store.close()


def test_conformance_articles_match_networkx(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "c.sqlite")
    ingest(store, ARTICLES)
    ids = [e.id for e in store.entities()]
    queries = [PathQuery(a, b, direction=d, max_hops=h) for a in ids for b in ids if a != b
               for d in ("out", "both") for h in (2, 4)]
    assert assert_same_as_networkx(store, queries) > 10
    store.close()


WRITER = """
import sys
from chipgraph.graph.sqlite_store import SQLiteStore
from chipgraph.graph.model import Document, Entity, EntityType, Evidence, Extraction, Relation, RelationType
a, b = Entity.create(sys.argv[2], EntityType.ORG), Entity.create(sys.argv[3], EntityType.ORG)
text = f"{a.name} supplied {b.name}."
doc = Document.from_text(text, "https://writer.example/1")
rel = Relation(a.id, RelationType.SUPPLIED, b.id, (Evidence(doc.id, text, 0, len(text), "rule:test", 0.9),))
SQLiteStore(sys.argv[1]).add(Extraction(doc, (a, b), (rel,)))
"""


def test_another_process_writes_and_the_reader_sees_it_without_rebuild(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite"
    reader = SQLiteStore(path)
    ingest(reader, ARTICLES)
    asml = reader.resolve("ASML").id
    assert reader.paths(PathQuery(asml, Entity.create("Newcomer Fab", EntityType.ORG).id)) == []
    builds = reader._index.stats["builds"]
    subprocess.run([sys.executable, "-c", WRITER, str(path), "ASML Holding N.V.", "Newcomer Fab"], check=True)
    newcomer = reader.resolve("Newcomer Fab").id
    (p,) = reader.paths(PathQuery(asml, newcomer))
    assert p.describe() == "ASML Holding N.V. -[SUPPLIED]-> Newcomer Fab"
    assert reader._index.stats["builds"] == builds  # the delta, not a rebuild
    # a second store object on the same file opens the saved index (no build)
    other = SQLiteStore(path)
    assert [x.describe() for x in other.paths(PathQuery(asml, newcomer))] == [p.describe()]
    assert other._index.stats == {**other._index.stats, "builds": 0, "opens": 1}
    reader.close(), other.close()


def saved_store(path: Path) -> tuple[PathQuery, list[tuple]]:
    """A store of the conformance articles with its index saved, a query and its answer."""
    store = SQLiteStore(path)
    ingest(store, ARTICLES)
    query = PathQuery(store.resolve("ASML").id, store.resolve("military").id)
    answer = signatures(store.paths(query))
    store.close()
    return query, answer


@pytest.mark.parametrize("damage", ["delete", "truncate", "garbage", "foreign"])
def test_lost_or_damaged_index_is_rebuilt(tmp_path: Path, damage: str, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "s.sqlite"
    query, before = saved_store(path)
    index_file = Path(f"{path}.gidx")
    assert index_file.exists()
    if damage == "delete":
        index_file.unlink()
    elif damage == "truncate":
        index_file.write_bytes(index_file.read_bytes()[:200])
    elif damage == "garbage":
        index_file.write_bytes(b"not an index at all" * 10)
    else:  # the index of another store file copied beside this one
        other = SQLiteStore(tmp_path / "other.sqlite")
        ingest(other, ARTICLES[:1])
        other.paths(query)
        other.close()
        index_file.write_bytes(Path(f"{tmp_path / 'other.sqlite'}.gidx").read_bytes())
    caplog.set_level(logging.INFO, logger="chipgraph.graph.index")
    store = SQLiteStore(path)
    assert signatures(store.paths(query)) == before
    assert store._index.stats["builds"] == 1
    assert any("building the graph index" in r.getMessage() for r in caplog.records)
    store.close()


def test_vacuum_renumbering_is_noticed(tmp_path: Path) -> None:
    """Entity rowids renumbered behind the index's back (as a VACUUM may do)
    make it rebuild instead of answering with the wrong entities."""
    path = tmp_path / "v.sqlite"
    query, before = saved_store(path)
    db = sqlite3.connect(path)
    rows = db.execute("SELECT rowid FROM entities ORDER BY rowid").fetchall()
    db.execute("PRAGMA foreign_keys = OFF")
    for (rowid,) in rows:  # shift every rowid, as a renumbering would
        db.execute("UPDATE entities SET rowid = rowid + 100000 WHERE rowid = ?", (rowid,))
    db.execute("DELETE FROM graph_log")  # what a renumbering would not log
    db.commit()
    db.close()
    store = SQLiteStore(path)
    assert signatures(store.paths(query)) == before
    assert store._index.stats["builds"] == 1
    store.close()


def test_a_load_leaves_the_index_ready_for_the_first_query(tmp_path: Path) -> None:
    """Copy and list import (and ingest, through the same call) sync the
    index in the loading process: a new process then maps the file and
    answers without building anything."""
    from chipgraph.graph.copy import copy_graph
    from chipgraph.graph.lists import import_list

    source = SQLiteStore(tmp_path / "source.sqlite")
    ingest(source)
    target = SQLiteStore(tmp_path / "target.sqlite")
    copy_graph(source, target, progress=False)
    assert target._index is not None and target._index.path.exists()
    copied = target.counts()["relations"]
    fixtures = Path(__file__).with_name("fixtures")
    csl = fixtures / "csl-2024-06-01.csv"
    import_list(target, csl.read_bytes(), csl.name, edition="2024-06-01")
    target.close()
    reader = SQLiteStore(tmp_path / "target.sqlite")
    answer = signatures(reader.paths(PathQuery(ARTICLES[0].relations[0].head, ARTICLES[0].relations[0].tail)))
    assert answer == signatures(source.paths(PathQuery(ARTICLES[0].relations[0].head, ARTICLES[0].relations[0].tail)))
    assert answer and reader._index.stats["builds"] == 0 and reader._index.stats["opens"] == 1
    # the file holds the copy; the relations the list import added are the delta read at open
    assert reader._index._d.shape[0] == reader.counts()["relations"] - copied > 0


def test_a_search_past_its_work_budget_stops_and_says_so(tmp_path: Path) -> None:
    """With a budget the search either answers exactly as without one or
    raises SearchTooLong: never a shorter list of paths."""
    rng = random.Random(5)
    ents = [e for e in random_entities(rng, 40) if e.type is EntityType.ORG]
    layers = [ents[:1], ents[1:9], ents[9:17], ents[17:18]]
    store = SQLiteStore(tmp_path / "dense.sqlite")
    store.add(layered_article(rng, layers, "dense"))
    index = store._graph()
    codes = [graph_index.TYPE_CODES[t] for t in TYPES[:3]]
    source, target = index.node_of(layers[0][0].id), index.node_of(layers[-1][0].id)
    unbounded = find_paths(index, source, target, codes, False, 4, 3)
    assert unbounded
    outcomes = set()
    for budget in (1, 10, 50, 100, 200, 400, 10_000):
        try:
            assert find_paths(index, source, target, codes, False, 4, 3, max_work=budget) == unbounded, budget
            outcomes.add("answered")
        except SearchTooLong:
            outcomes.add("stopped")
    assert outcomes == {"answered", "stopped"}
    store.close()
