# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True, initializedcheck=False
# distutils: language = c++
"""The path search of graph/path_search.py, compiled.

A path question on the million-relation benchmark graph looks at a few
hundred edges; in Python and numpy each of those steps costs microseconds of
interpreter and array-call overhead, about half a millisecond a question,
half of what the API may spend on the whole answer.  Here the same search
runs over the same memory-mapped CSR arrays with no Python object per edge.

The algorithm, its order and its budgets are exactly those of
``path_search._find_paths_python`` (read its docstring first):
tests/graph/test_path_kernel.py compares the two on random graphs, deltas
and budgets included.  Nodes whose edges changed since the index file was
written (the delta, tombstones) are read through the index's own
``ordered_edges``, so the delta logic lives in one place, in Python.
"""

from libc.stdint cimport int8_t, int16_t, int32_t, int64_t, uint8_t, uint32_t
from libcpp.algorithm cimport sort, unique
from libcpp.unordered_set cimport unordered_set
from libcpp.vector cimport vector


cdef class PathKernel:
    """One index's arrays and the scratch space its searches reuse.

    Built by ``GraphIndex.path_kernel`` after every change of the index and
    used under the store's lock, like the index itself (not thread-safe)."""

    cdef const int64_t[::1] out_ptr, in_ptr, out_rid, in_rid
    cdef const int32_t[::1] out_nbr, in_nbr
    cdef const int8_t[::1] out_typ, in_typ
    cdef const uint8_t[::1] is_list, delta
    cdef Py_ssize_t n_base, n_list, n_delta
    cdef object ordered_edges
    # per-query state, stamped with ``gen`` so nothing is cleared between queries
    cdef uint32_t gen
    cdef vector[uint32_t] seen_f, seen_b, seen_steps
    cdef vector[int16_t] dist_f, dist_b
    cdef vector[uint8_t] visited
    cdef vector[int64_t] steps_at
    cdef vector[int32_t] steps_len
    cdef vector[int64_t] s_nbr, s_rid
    cdef vector[int8_t] s_typ
    cdef vector[uint8_t] s_fwd
    cdef vector[uint8_t] mask
    cdef unordered_set[int64_t] skip
    cdef bint both, budgeted, over
    cdef int64_t work_left
    # the walk
    cdef int64_t target, budget, unknown
    cdef vector[int64_t] hop_from, hop_to, hop_rid
    cdef vector[int8_t] hop_typ
    cdef vector[uint8_t] hop_fwd
    cdef list found

    def __init__(self, out_ptr, out_nbr, out_typ, out_rid, in_ptr, in_nbr, in_typ, in_rid, is_list, delta,
                 ordered_edges):
        self.out_ptr, self.out_nbr, self.out_typ, self.out_rid = out_ptr, out_nbr, out_typ, out_rid
        self.in_ptr, self.in_nbr, self.in_typ, self.in_rid = in_ptr, in_nbr, in_typ, in_rid
        self.is_list, self.delta = is_list, delta
        self.n_base = len(out_ptr) - 1
        self.n_list = len(is_list)
        self.n_delta = len(delta)
        self.ordered_edges = ordered_edges
        self.gen = 0

    cdef inline bint listed(self, int64_t node):
        return node < self.n_list and self.is_list[node] != 0

    cdef inline bint allowed(self, int64_t code):
        return 0 <= code < <int64_t>self.mask.size() and self.mask[code] != 0

    cdef inline bint spend(self, int64_t edges):
        """Count edges against the budget; True once it is overspent."""
        if self.budgeted:
            self.work_left -= edges
            if self.work_left < 0:
                self.over = True
        return self.over

    cdef int neighbours(self, int64_t node, bint out, vector[int64_t]& acc) except -1:
        """Append the neighbours along allowed edges (with repeats)."""
        cdef Py_ssize_t k
        if node < self.n_delta and self.delta[node]:
            nbrs, typs, _ = self.ordered_edges(node, out)
            for n, t in zip(nbrs, typs):
                if self.allowed(t):
                    acc.push_back(n)
            return 0
        if node >= self.n_base:
            return 0
        cdef const int64_t[::1] ptr = self.out_ptr if out else self.in_ptr
        cdef const int32_t[::1] nbr = self.out_nbr if out else self.in_nbr
        cdef const int8_t[::1] typ = self.out_typ if out else self.in_typ
        for k in range(ptr[node], ptr[node + 1]):
            if self.allowed(typ[k]):
                acc.push_back(nbr[k])
        return 0

    cdef int expand(self, vector[int64_t]& front, bint forward, vector[int64_t]& new) except -1:
        """Distinct neighbours of ``front``, sorted, into ``new`` (counted as work)."""
        cdef int64_t node
        new.clear()
        for node in front:
            self.neighbours(node, forward, new)
            if self.both:
                self.neighbours(node, not forward, new)
        self.spend(new.size())
        sort(new.begin(), new.end())
        new.erase(unique(new.begin(), new.end()), new.end())
        return 0

    cdef int grow(self, vector[int64_t]& front, int level, vector[int64_t]& added) except -1:
        """One more level of the target's side: ``added`` gets the nodes it
        placed (LIST ones too: they may be met), ``front`` those to grow
        from next (no LIST)."""
        cdef vector[int64_t] new
        cdef int64_t n
        self.expand(front, False, new)
        front.clear()
        added.clear()
        for n in new:
            if self.seen_b[n] != self.gen:
                self.seen_b[n] = self.gen
                self.dist_b[n] = level + 1
                added.push_back(n)
                if not self.listed(n):
                    front.push_back(n)
        return 0

    cdef Py_ssize_t steps(self, int64_t node) except -1:
        """Index of the node's cached steps (neighbour, type, relation id,
        direction) in walk order, allowed types and relations only."""
        cdef Py_ssize_t k
        cdef bint forward
        cdef int side
        cdef const int64_t[::1] ptr, rid
        cdef const int32_t[::1] nbr
        cdef const int8_t[::1] typ
        if self.seen_steps[node] != self.gen:
            self.seen_steps[node] = self.gen
            self.steps_at[node] = self.s_nbr.size()
            for side in range(2 if self.both else 1):
                forward = side == 0
                if node < self.n_delta and self.delta[node]:
                    nbrs, typs, rids = self.ordered_edges(node, forward)
                    for n, t, r in zip(nbrs, typs, rids):
                        if self.allowed(t) and not self.skip.count(r):
                            self.push_step(n, t, r, forward)
                elif node < self.n_base:
                    ptr = self.out_ptr if forward else self.in_ptr
                    nbr = self.out_nbr if forward else self.in_nbr
                    typ = self.out_typ if forward else self.in_typ
                    rid = self.out_rid if forward else self.in_rid
                    for k in range(ptr[node], ptr[node + 1]):
                        if self.allowed(typ[k]) and (self.skip.empty() or not self.skip.count(rid[k])):
                            self.push_step(nbr[k], typ[k], rid[k], forward)
            self.steps_len[node] = self.s_nbr.size() - self.steps_at[node]
        self.spend(self.steps_len[node] + 1)
        return self.steps_at[node]

    cdef inline void push_step(self, int64_t nbr, int8_t typ, int64_t rid, bint forward):
        self.s_nbr.push_back(nbr)
        self.s_typ.push_back(typ)
        self.s_rid.push_back(rid)
        self.s_fwd.push_back(forward)

    cdef int walk(self, int64_t node, int depth, int length) except -1:
        cdef Py_ssize_t at, i, count
        cdef int64_t nbr, reach
        cdef int left = length - depth - 1
        at = self.steps(node)
        if self.over:
            return 0
        count = self.steps_len[node]
        for i in range(at, at + count):
            if len(self.found) >= self.budget or self.over:
                return 0
            nbr = self.s_nbr[i]
            if self.visited[nbr]:
                continue
            if nbr == self.target:
                if left == 0:
                    self.push_hop(node, i)
                    self.found.append(self.path())
                    self.pop_hop()
                continue
            reach = self.dist_b[nbr] if self.seen_b[nbr] == self.gen else self.unknown
            if left < 1 or reach > left or self.listed(nbr):
                continue
            self.visited[nbr] = 1
            self.push_hop(node, i)
            self.walk(nbr, depth + 1, length)
            self.pop_hop()
            self.visited[nbr] = 0
        return 0

    cdef inline void push_hop(self, int64_t node, Py_ssize_t i):
        self.hop_from.push_back(node)
        self.hop_to.push_back(self.s_nbr[i])
        self.hop_typ.push_back(self.s_typ[i])
        self.hop_fwd.push_back(self.s_fwd[i])
        self.hop_rid.push_back(self.s_rid[i])

    cdef inline void pop_hop(self):
        self.hop_from.pop_back()
        self.hop_to.pop_back()
        self.hop_typ.pop_back()
        self.hop_fwd.pop_back()
        self.hop_rid.pop_back()

    cdef list path(self):
        cdef Py_ssize_t i
        return [(self.hop_from[i], self.hop_typ[i], self.hop_to[i], bool(self.hop_fwd[i]), self.hop_rid[i])
                for i in range(<Py_ssize_t>self.hop_from.size())]

    cdef void start(self, Py_ssize_t size):
        """A new query: stamps move on, so every per-node mark is unset."""
        if <Py_ssize_t>self.seen_f.size() < size:
            self.seen_f.resize(size, 0)
            self.seen_b.resize(size, 0)
            self.seen_steps.resize(size, 0)
            self.dist_f.resize(size, 0)
            self.dist_b.resize(size, 0)
            self.visited.resize(size, 0)
            self.steps_at.resize(size, 0)
            self.steps_len.resize(size, 0)
        if self.gen == 0xFFFFFFFF:
            self.seen_f.assign(self.seen_f.size(), 0)
            self.seen_b.assign(self.seen_b.size(), 0)
            self.seen_steps.assign(self.seen_steps.size(), 0)
            self.gen = 0
        self.gen += 1
        self.s_nbr.clear()
        self.s_typ.clear()
        self.s_rid.clear()
        self.s_fwd.clear()
        self.hop_from.clear()
        self.hop_to.clear()
        self.hop_typ.clear()
        self.hop_fwd.clear()
        self.hop_rid.clear()
        self.over = False

    def find(self, int64_t source, int64_t target, codes, bint both, int max_hops, int64_t limit, skip,
             Py_ssize_t size, max_work, int ball_cap):
        """Paths as ``_find_paths_python`` returns them; None when the
        search looked at more than ``max_work`` edges."""
        cdef vector[int64_t] front_f, front_b, new
        cdef int level_f = 0, level_b = 0, shortest = -1, best
        cdef int64_t n
        self.start(size)
        self.mask.assign(0, 0)
        for code in codes:
            if code >= <int64_t>self.mask.size():
                self.mask.resize(code + 1, 0)
            self.mask[code] = 1
        self.skip.clear()
        for rid in skip:
            self.skip.insert(rid)
        self.both = both
        self.budgeted = max_work is not None
        self.work_left = max_work if max_work is not None else 0
        self.seen_f[source] = self.gen
        self.dist_f[source] = 0
        self.seen_b[target] = self.gen
        self.dist_b[target] = 0
        front_f.push_back(source)
        front_b.push_back(target)
        while shortest < 0 and level_f + level_b < max_hops and front_f.size() and front_b.size():
            if front_f.size() <= front_b.size():
                self.expand(front_f, True, new)
                if self.over:
                    return None
                level_f += 1
                front_f.clear()
                best = -1
                for n in new:
                    if self.seen_f[n] == self.gen:
                        continue
                    self.seen_f[n] = self.gen
                    self.dist_f[n] = level_f
                    if self.seen_b[n] == self.gen and (n == target or not self.listed(n)):
                        if best < 0 or level_f + self.dist_b[n] < best:
                            best = level_f + self.dist_b[n]
                    if n != target and not self.listed(n):
                        front_f.push_back(n)
                shortest = best
            else:
                self.grow(front_b, level_b, new)
                if self.over:
                    return None
                level_b += 1
                best = -1
                for n in new:
                    if self.seen_f[n] == self.gen and (n == source or not self.listed(n)):
                        if best < 0 or level_b + self.dist_f[n] < best:
                            best = level_b + self.dist_f[n]
                shortest = best
        if shortest < 0 or shortest > max_hops:
            return []
        while level_b < max_hops - 2 and 0 < front_b.size() <= ball_cap:
            self.grow(front_b, level_b, new)
            if self.over:
                return None
            level_b += 1
        self.target, self.budget, self.unknown = target, limit * 50, level_b + 1
        self.found = []
        for length in range(shortest, max_hops + 1):
            self.visited[source] = 1
            self.walk(source, 0, length)
            self.visited[source] = 0
            if self.over:
                return None
            if len(self.found) >= limit:
                break
        found, self.found = self.found, None
        return found
