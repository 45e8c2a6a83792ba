"""Path search over the graph index: meet in the middle, then enumerate.

The answer is the one ``PathQuery`` defines (graph/paths.py): simple paths
of the chosen relation types, at most ``max_hops`` long, never through a
LIST entity, every path of a length before any longer one, at most
``limit * 50`` collected before ranking.  How it is found:

1. A breadth-first search from both ends at once, always growing the side
   with the smaller frontier, a whole level at a time in numpy (one gather
   over the CSR arrays per level), gives the shortest length.  Searching from
   both ends visits about the square root of what a one-sided search visits.
2. The side grown from the target is taken up to ``max_hops - 2`` levels
   while its frontier stays small: those distances to the target prune the
   enumeration (a node that cannot reach the target in the hops left is
   never entered), leaving at most one unpruned step from the source.
3. Depth-first enumeration from the source, by increasing length, in the
   neighbour order the networkx graph of earlier versions used, so a search
   cut by its budget keeps the same paths.

Relations the caller excludes (``skip``: listings a newer edition removed)
are left out of the enumeration only: the distances of steps 1-2 may then
be too short, which keeps them lower bounds (they prune nothing they should
not) and costs at most a longer enumeration.

Only integers are handled here; the store reads entities and evidence for
the paths it keeps.  The search runs compiled (graph/_path_kernel.pyx, the
same steps without a Python object per edge: about a tenth of the time)
wherever `pip install` could build it; this module's Python and numpy
version is the reference it is tested against and the fallback.

A caller that must not be held up (an event loop) passes ``max_work``: the
edges the search may look at.  Past it the search stops with
:class:`SearchTooLong` and the caller asks again where time is no object;
the answer is never cut short silently.
"""

from __future__ import annotations

from typing import AbstractSet, Sequence

import numpy as np

from .graph_index import TYPE_NAMES, GraphIndex

__all__ = ["RawHop", "find_paths", "BALL_FRONTIER_CAP", "QUICK_MAX_WORK", "SearchTooLong"]

#: the edges a search inside ``GraphStore.quick_reads`` may look at: on the
#: million-relation benchmark graph a 4-hop question looks at 320 (median)
#: to 590 (most), about a millisecond; this is some ten times the most, so
#: an event loop is held up for milliseconds, never for a broad walk
QUICK_MAX_WORK = 5_000

#: (from node, type code, to node, walked forward, relation id)
RawHop = tuple[int, int, int, bool, int]
#: the target's side keeps growing (for pruning) while its frontier is at most this big
BALL_FRONTIER_CAP = 4096


class SearchTooLong(Exception):
    """The search looked at more edges than the caller's ``max_work``."""


class _Search:
    def __init__(self, index: GraphIndex, codes: Sequence[int], both: bool, max_work: int | None) -> None:
        self.index = index
        self.mask = np.zeros(len(TYPE_NAMES), bool)
        self.mask[list(codes)] = True
        self.both = both
        self.work_left = max_work

    def spend(self, edges: int) -> None:
        """Count ``edges`` looked at against the caller's budget, if any."""
        if self.work_left is not None:
            self.work_left -= edges
            if self.work_left < 0:
                raise SearchTooLong()

    def expand(self, nodes: np.ndarray, forward: bool) -> np.ndarray:
        """Distinct neighbours of ``nodes`` one step away (towards the target
        when ``forward``, away from it otherwise)."""
        nbr = self.index.neighbours(nodes, out=forward, types=self.mask)
        if self.both:
            nbr = np.concatenate([nbr, self.index.neighbours(nodes, out=not forward, types=self.mask)])
        self.spend(len(nbr))
        return _distinct(nbr)


def _distinct(ids: np.ndarray) -> np.ndarray:
    """Sorted distinct ids.  Not ``np.unique``: that imports ``numpy.ma`` on
    its first call (about 10 ms of every cold ``chipgraph path``) for a masked
    array check these plain integer arrays never need."""
    ids = np.sort(ids.astype(np.int64, copy=False))
    if len(ids) < 2:
        return ids
    keep = np.empty(len(ids), bool)
    keep[0] = True
    np.not_equal(ids[1:], ids[:-1], out=keep[1:])
    return ids[keep]


def find_paths(
    index: GraphIndex,
    source: int,
    target: int,
    codes: Sequence[int],
    both: bool,
    max_hops: int,
    limit: int,
    skip: AbstractSet[int] = frozenset(),
    max_work: int | None = None,
) -> list[list[RawHop]]:
    """Simple paths from ``source`` to ``target`` (nodes) as ``PathQuery``
    defines them, unranked, at most ``limit * 50``, through no relation id in
    ``skip``; SearchTooLong past ``max_work`` edges looked at.

    The compiled search (graph/_path_kernel.pyx) when it was built, else
    the same search in Python and numpy."""
    kernel = index.path_kernel()
    if kernel is None:
        return _find_paths_python(index, source, target, codes, both, max_hops, limit, skip, max_work)
    if source == target:
        return []
    size = max(index.size, source + 1, target + 1)
    found = kernel.find(source, target, codes, both, max_hops, limit, skip, size, max_work, BALL_FRONTIER_CAP)
    if found is None:
        raise SearchTooLong()
    return found


def _find_paths_python(
    index: GraphIndex,
    source: int,
    target: int,
    codes: Sequence[int],
    both: bool,
    max_hops: int,
    limit: int,
    skip: AbstractSet[int] = frozenset(),
    max_work: int | None = None,
) -> list[list[RawHop]]:
    """``find_paths`` in Python and numpy: the reference the compiled search
    is tested against, and the search where it was not built."""
    if source == target:
        return []
    search = _Search(index, codes, both, max_work)
    size = max(index.size, source + 1, target + 1)
    dist_f = np.full(size, -1, np.int16)
    dist_b = np.full(size, -1, np.int16)
    dist_f[source], dist_b[target] = 0, 0
    front_f, front_b = np.array([source], np.int64), np.array([target], np.int64)
    level_f = level_b = 0
    shortest: int | None = None
    ball = [front_b]  # the nodes with a known distance to the target, level by level
    while shortest is None and level_f + level_b < max_hops and front_f.size and front_b.size:
        if front_f.size <= front_b.size:
            new = search.expand(front_f, forward=True)
            new = new[dist_f[new] < 0]
            level_f += 1
            dist_f[new] = level_f
            met = new[dist_b[new] >= 0]
            met = met[(met == target) | ~index.list_flags(met)]
            if met.size:
                shortest = level_f + int(dist_b[met].min())
            front_f = new[(new != target) & ~index.list_flags(new)]
        else:
            new, front_b, level_b = _grow(search, dist_b, front_b, level_b)
            ball.append(new)
            met = new[dist_f[new] >= 0]
            met = met[(met == source) | ~index.list_flags(met)]
            if met.size:
                shortest = level_b + int(dist_f[met].min())
    if shortest is None or shortest > max_hops:
        return []
    # Two levels short of max_hops leaves at most one unpruned step from the
    # source: deeper levels cost more to grow than they save.
    while level_b < max_hops - 2 and 0 < front_b.size <= BALL_FRONTIER_CAP:
        new, front_b, level_b = _grow(search, dist_b, front_b, level_b)
        ball.append(new)
    nodes = np.concatenate(ball)
    to_target = dict(zip(nodes.tolist(), dist_b[nodes].tolist()))
    return _enumerate(search, source, target, shortest, max_hops, limit, to_target, level_b + 1, skip)


def _grow(search: _Search, dist_b: np.ndarray, front: np.ndarray, level: int) -> tuple[np.ndarray, np.ndarray, int]:
    """One more level of the target's side: the nodes one step further from
    it, those of them to grow from next (no LIST), and the new level."""
    new = search.expand(front, forward=False)
    new = new[dist_b[new] < 0]
    dist_b[new] = level + 1
    return new, new[~search.index.list_flags(new)], level + 1


def _enumerate(
    search: _Search,
    source: int,
    target: int,
    shortest: int,
    max_hops: int,
    limit: int,
    to_target: dict[int, int],
    unknown: int,
    skip: AbstractSet[int],
) -> list[list[RawHop]]:
    """All simple paths of each length from ``shortest`` on, as the networkx
    search did; ``to_target`` holds distances to the target (nodes missing
    from it are at least ``unknown`` away)."""
    index, mask, both = search.index, search.mask.tolist(), search.both
    is_list, known = index.is_list, len(index.is_list)
    cache: dict[int, list[tuple[int, int, int, bool]]] = {}
    budgeted = search.work_left is not None

    def steps(node: int) -> list[tuple[int, int, int, bool]]:
        """(neighbour, type, relation id, forward) in order."""
        got = cache.get(node)
        if got is None:
            got = []
            for forward in (True, False) if both else (True,):
                nbrs, typs, rids = index.ordered_edges(node, out=forward)
                got += [(n, t, r, forward) for n, t, r in zip(nbrs, typs, rids) if mask[t] and r not in skip]
            cache[node] = got
        if budgeted:
            search.spend(len(got) + 1)
        return got

    found: list[list[RawHop]] = []
    budget = limit * 50

    def walk(node: int, visited: set[int], hops: list[RawHop], length: int) -> None:
        left = length - len(hops) - 1
        for nbr, rtype, rid, forward in steps(node):
            if len(found) >= budget:
                return
            if nbr in visited:
                continue
            step = (node, rtype, nbr, forward, rid)
            if nbr == target:
                if left == 0:
                    found.append([*hops, step])
                continue
            if left < 1 or to_target.get(nbr, unknown) > left or (nbr < known and is_list[nbr]):
                continue
            visited.add(nbr)
            walk(nbr, visited, [*hops, step], length)
            visited.discard(nbr)

    for length in range(shortest, max_hops + 1):
        walk(source, {source}, [], length)
        if len(found) >= limit:
            break
    return found
