"""The networkx path search the SQLite store used before its graph index,
kept as the oracle the index's search is compared with (same semantics:
types, direction, max hops, LIST entities not passable mid-path, budget,
ranking).  The adjacency is read in (head, type, tail) order, the order
SQLite's covering-index scan gave the old code.
"""

from __future__ import annotations

from collections import deque
from typing import Iterator

import networkx as nx

from chipgraph.graph.model import EntityType
from chipgraph.graph.paths import OwnershipPath, PathQuery, rank_paths
from chipgraph.graph.sqlite_store import SQLiteStore


def adjacency(store: SQLiteStore) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for eid, etype in store._query("SELECT id, type FROM entities"):
        g.add_node(eid, is_list=etype == EntityType.LIST.value)
    for rid, head, rtype, tail in store._query("SELECT id, head, type, tail FROM relations ORDER BY head, type, tail"):
        g.add_edge(head, tail, key=rtype, rid=rid)
    return g


def nx_paths(store: SQLiteStore, query: PathQuery, g: nx.MultiDiGraph | None = None) -> list[OwnershipPath]:
    g = adjacency(store) if g is None else g
    if query.source not in g or query.target not in g or query.source == query.target:
        return []
    types = set(query.type_names)
    both = query.direction == "both"

    def steps(node: str, reverse: bool) -> Iterator[tuple[str, str, bool]]:
        forward_edges = g.pred[node] if reverse else g.succ[node]
        for nbr, keyed in forward_edges.items():
            for rtype in keyed:
                if rtype in types:
                    yield nbr, rtype, not reverse
        if both:
            backward_edges = g.succ[node] if reverse else g.pred[node]
            for nbr, keyed in backward_edges.items():
                for rtype in keyed:
                    if rtype in types:
                        yield nbr, rtype, reverse

    dist = {query.target: 0}
    frontier = deque([query.target])
    while frontier:
        node = frontier.popleft()
        if dist[node] >= query.max_hops or (node != query.target and g.nodes[node]["is_list"]):
            continue
        for nbr, _, _ in steps(node, reverse=True):
            if nbr not in dist:
                dist[nbr] = dist[node] + 1
                frontier.append(nbr)

    found: list[list[tuple[str, str, str, bool]]] = []
    budget = query.limit * 50

    def walk(node: str, visited: set[str], hops: list[tuple[str, str, str, bool]], length: int) -> None:
        left = length - len(hops) - 1
        for nbr, rtype, forward in steps(node, reverse=False):
            if len(found) >= budget:
                return
            if nbr in visited:
                continue
            step = (node, rtype, nbr, forward)
            if nbr == query.target:
                if left == 0:
                    found.append([*hops, step])
                continue
            if left < 1 or g.nodes[nbr]["is_list"] or dist.get(nbr, length + 1) > left:
                continue
            visited.add(nbr)
            walk(nbr, visited, [*hops, step], length)
            visited.discard(nbr)

    if query.source in dist:
        for length in range(dist[query.source], query.max_hops + 1):
            walk(query.source, {query.source}, [], length)
            if len(found) >= query.limit:
                break
    return rank_paths(_hydrate(store, found), query.limit)


def _hydrate(store: SQLiteStore, raw: list[list[tuple[str, str, str, bool]]]) -> list[OwnershipPath]:
    from chipgraph.graph.paths import Hop

    keys = {(a, t, b) if fwd else (b, t, a) for path in raw for a, t, b, fwd in path}
    relations = store.relations_by_key(keys)
    ents = store._entities_by_id({n for path in raw for a, _, b, _ in path for n in (a, b)})
    out = []
    for path in raw:
        nodes = [ents[path[0][0]]] + [ents[b] for _, _, b, _ in path]
        hops = [Hop(relations[(a, t, b) if fwd else (b, t, a)], forward=fwd) for a, t, b, fwd in path]
        out.append(OwnershipPath(tuple(nodes), tuple(hops)))
    return out


def nx_subgraph(store: SQLiteStore, entity_id: str, depth: int, max_nodes: int | None) -> tuple:
    """(entities, relations, truncated) of the old networkx neighbourhood walk."""
    g = adjacency(store)
    seen = {entity_id: 0}
    frontier = [entity_id]
    cut = False
    for level in range(1, depth + 1):
        found = sorted({nbr for node in frontier for nbr in (*g.succ[node], *g.pred[node]) if nbr not in seen})
        if max_nodes is not None and len(seen) + len(found) > max_nodes:
            found, cut = found[: max(0, max_nodes - len(seen))], True
        for nbr in found:
            seen[nbr] = level
        frontier = [n for n in found if not g.nodes[n]["is_list"]]
        if cut or not frontier:
            break
    rel_ids = sorted({data["rid"] for _, _, data in g.subgraph(list(seen)).edges(data=True)})
    relations = store._relations_where(f"r.id IN ({','.join('?' * len(rel_ids))})", rel_ids) if rel_ids else []
    ents = store._entities_by_id(seen)
    ordered = sorted(ents.values(), key=lambda e: (seen[e.id], e.name.casefold()))
    return tuple(ordered), tuple(relations), cut
