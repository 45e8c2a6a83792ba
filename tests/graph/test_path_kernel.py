"""The compiled path search (graph/_path_kernel.pyx) against the Python one
it replaces: the same raw paths in the same order, the same budget cuts, the
same stops past a work budget, on the index file, its delta, tombstones and
relations left out (``skip``)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from chipgraph.graph import graph_index, path_search
from chipgraph.graph.path_search import SearchTooLong, _find_paths_python, find_paths
from chipgraph.graph.sqlite_store import SQLiteStore

from test_graph_index import TYPES, curate_behind_the_index, layered_article, random_article, random_entities


def test_the_compiled_search_is_built() -> None:
    """`pip install` builds it wherever a C++ compiler is found, as on every
    machine chipgraph is tested on; without it answers are the same but some
    ten times slower (benchmarks/path_bench.py)."""
    assert graph_index.PathKernel is not None, "run `pip install -e .` again with g++ installed"


def outcome(fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except SearchTooLong:
        return "too long"


def assert_same_searches(store: SQLiteStore, rng: random.Random, count: int) -> int:
    """``count`` random searches answered alike; returns how many found paths."""
    index = store._graph()
    nodes = sorted(index.ids_of(range(index.size)))
    rids = [r for (r,) in store._db.execute("SELECT id FROM relations")]
    found = 0
    for _ in range(count):
        source, target = rng.sample(nodes, 2)
        codes = sorted(rng.sample(range(len(graph_index.TYPE_NAMES)), rng.randint(1, len(graph_index.TYPE_NAMES))))
        args = (index, source, target, codes, rng.random() < 0.5, rng.randint(1, 5), rng.choice([1, 2, 3, 10]))
        skip = frozenset(rng.sample(rids, min(len(rids), rng.choice([0, 0, 3, 10]))))
        max_work = rng.choice([None, None, 5, 40, 200, 2_000])
        compiled = outcome(find_paths, *args, skip, max_work)
        assert compiled == outcome(_find_paths_python, *args, skip, max_work), (args[1:], skip, max_work)
        found += isinstance(compiled, list) and bool(compiled)
    return found


@pytest.mark.parametrize("seed", range(10))
def test_same_paths_as_the_python_search(tmp_path: Path, seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(graph_index, "COMPACT_AT", 10_000)
    rng = random.Random(seed)
    ents = random_entities(rng, rng.randint(12, 40))
    store = SQLiteStore(tmp_path / "g.sqlite")
    store.add(random_article(rng, ents, rng.randint(20, 150), "first"))
    found = assert_same_searches(store, rng, 60)
    store.add(random_article(rng, ents, rng.randint(10, 60), "second"))  # the delta
    assert store._graph()._delta_nodes  # read through ordered_edges
    found += assert_same_searches(store, rng, 60)
    curate_behind_the_index(store)
    found += assert_same_searches(store, rng, 60)
    assert found > 10
    store.close()


def test_budget_cuts_and_work_stops_alike(tmp_path: Path) -> None:
    """Hundreds of equally short paths: ``limit * 50`` cuts both searches at
    the same paths, and a work budget stops both or neither."""
    rng = random.Random(7)
    ents = [e for e in random_entities(rng, 60) if e.type.value == "ORG"]
    layers = [ents[:1], ents[1:11], ents[11:21], ents[21:31], ents[31:32]]
    store = SQLiteStore(tmp_path / "dense.sqlite")
    store.add(layered_article(rng, layers, "dense"))
    index = store._graph()
    source, target = index.node_of(layers[0][0].id), index.node_of(layers[-1][0].id)
    codes = [graph_index.TYPE_CODES[t.value] for t in TYPES[:3]]
    cut = stopped = 0
    for both in (False, True):
        for limit in (1, 2, 5):
            for max_work in (None, 50, 500, 5_000, 50_000):
                args = (index, source, target, codes, both, 4, limit, frozenset(), max_work)
                compiled = outcome(find_paths, *args)
                assert compiled == outcome(_find_paths_python, *args)
                cut += isinstance(compiled, list) and len(compiled) == limit * 50
                stopped += compiled == "too long"
    assert cut and stopped
    store.close()


def test_without_the_extension_the_python_search_answers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(3)
    ents = random_entities(rng, 20)
    store = SQLiteStore(tmp_path / "g.sqlite")
    store.add(random_article(rng, ents, 60, "only"))
    index = store._graph()
    nodes = sorted(index.ids_of(range(index.size)))
    codes = list(range(len(graph_index.TYPE_NAMES)))
    expected = [find_paths(index, a, b, codes, True, 3, 3) for a in nodes[:6] for b in nodes[-6:] if a != b]
    monkeypatch.setattr(graph_index, "PathKernel", None)
    index._kernel = None
    assert index.path_kernel() is None
    assert [find_paths(index, a, b, codes, True, 3, 3) for a in nodes[:6] for b in nodes[-6:] if a != b] == expected
    assert any(expected)
    assert path_search.find_paths is find_paths
    store.close()
