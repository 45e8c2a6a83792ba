"""Answers as drawings (graph/drawing.py), on every store: a path answer
draws exactly its entities and relations; a screening draws each hit's path
and the list memberships that made it a hit, with the lists themselves."""

from __future__ import annotations

from chipgraph.graph import questions as q
from chipgraph.graph.drawing import exposure_drawing, paths_subgraph
from chipgraph.graph.paths import PathQuery
from chipgraph.graph.render import render_html
from chipgraph.graph.store import GraphStore

from test_conformance import ARTICLES, ASML, CEC, GTA, MILITARY, NS_CMIC, ingest


def test_paths_subgraph_holds_the_paths_and_nothing_else(store: GraphStore) -> None:
    ingest(store, ARTICLES)
    found = store.paths(PathQuery(ASML.id, CEC.id, max_hops=3))
    assert found
    sub = paths_subgraph(ASML.id, found)
    assert sub.center == ASML.id and sub.depth == max(p.length for p in found)
    assert {e.id for e in sub.entities} == {e.id for p in found for e in p.entities}
    assert {r.key for r in sub.relations} == {h.relation.key for p in found for h in p.hops}
    # each entity and relation once, with the evidence the store gave back
    assert len({e.id for e in sub.entities}) == len(sub.entities)
    assert all(r.evidence for r in sub.relations)


def test_exposure_drawing_adds_the_flags_and_their_lists(store: GraphStore) -> None:
    ingest(store, ARTICLES)
    answer = q.exposure(store, ASML.id, max_hops=3)
    sub, paths = exposure_drawing(store, answer)
    assert paths == tuple(h.path for h in answer.hits)
    ids = {e.id for e in sub.entities}
    assert {ASML.id, GTA.id, CEC.id} <= ids
    flags = {f.key for h in answer.hits for f in h.flags}
    assert flags and flags <= {r.key for r in sub.relations}
    assert {k[2] for k in flags} <= ids  # the lists are drawn, not grey unknowns
    assert {k[2] for k in flags} & {MILITARY.id, NS_CMIC.id}
    page = render_html(sub, title="Exposure of ASML", paths=paths)
    assert "China Electronics Corporation" in page and "highlighted path" in page


def test_an_answer_without_hits_draws_the_start_alone(store: GraphStore) -> None:
    ingest(store, ARTICLES)
    answer = q.exposure(store, ASML.id, max_hops=0)
    assert answer.hits == ()
    sub, paths = exposure_drawing(store, answer)
    assert paths == () and [e.id for e in sub.entities] == [ASML.id] and sub.relations == ()
