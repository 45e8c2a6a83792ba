"""The questions researchers bring, answered the same way on every store.

* **Exposure** (screening): which entities within N hops of X are on a list
  or linked to the military, each with the path that reaches it; and the
  reverse, which entities reach X (a listed company, a list, ``military``).
* **Owners**: the ownership chain of X upwards to its ultimate owner(s)
  (OWNED_BY and PART_OF, transitively), or everything a group owns, as a tree.
* **Everything on X**: names, relations by type with their sources, the
  articles that state them, list memberships.
* **Search** that forgives a misspelling ("Huawai").

Everything here is built on the GraphStore walk methods (``degrees``,
``links``, ``relations_by_key``, ``document_infos``), so SQLite and the
Neo4j store answer identically (tests/graph/test_questions.py holds them to
it).  Walks are breadth-first, one store round trip per level, and bounded:
an entity with more than ``max_degree`` relations of the walked types (a
hub: a state conglomerate, a distributor) is reported but not expanded, and
the answer says so (``cut_short``), as Sayari's traversal API does; lists and
``military`` end a walk, never join two companies.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Literal, Mapping, Sequence

from .citations import DocumentInfo, cite_evidence, cite_source
from .lists.status import ListingStatus, is_current, listing_status
from .errors import InvalidQuery
from .model import AttributeStatement, Entity, EntityType, Relation, RelationType
from .paths import MAX_HOPS_LIMIT, Hop, OwnershipPath
from .store import GraphStore, Link, Walk
from .subgraph import DEFAULT_MAX_EVIDENCE, cap_evidence

__all__ = [
    "FLAG_TYPES",
    "WALK_TYPES",
    "OWNERSHIP_TYPES",
    "DEFAULT_MAX_DEGREE",
    "MAX_DEGREE_LIMIT",
    "MAX_VISITED",
    "parse_types",
    "Exposure",
    "ExposureHit",
    "exposure",
    "Ownership",
    "OwnershipNode",
    "owners",
    "EntityPage",
    "entity_page",
    "find_entities",
    "hop_dict",
]

#: Relations that put an entity on a list or tie it to the military: what
#: screening looks for.  They end at LIST entities, so they end a walk too.
FLAG_TYPES: tuple[RelationType, ...] = (RelationType.DESIGNATED, RelationType.MILITARY_LINK)
#: What exposure walks by default: who owns whom and who sold to whom.
WALK_TYPES: tuple[RelationType, ...] = (RelationType.OWNED_BY, RelationType.PART_OF, RelationType.SUPPLIED)
OWNERSHIP_TYPES: tuple[RelationType, ...] = (RelationType.OWNED_BY, RelationType.PART_OF)
#: An entity with more relations than this (of the walked types, in the walked
#: direction) is a hub: shown, never expanded, and the answer is ``cut_short``.
DEFAULT_MAX_DEGREE = 100
MAX_DEGREE_LIMIT = 10_000
#: Entities one walk may visit before it stops (and says it was cut short).
MAX_VISITED = 20_000
#: Shortest paths considered per hit when choosing the best-evidenced one.
_PATHS_PER_HIT = 20

Direction = Literal["out", "both"]


def parse_types(
    value: str | Iterable[str] | None, default: Sequence[RelationType] = WALK_TYPES
) -> tuple[RelationType, ...]:
    """Relation types from what the CLI's ``--types`` and the API's ``types=``
    take alike: comma-separated names in any case (``owned_by,PART_OF``),
    given once or repeated.  Nothing given means ``default``."""
    if value is None:
        return tuple(default)
    parts = [value] if isinstance(value, str) else list(value)
    names = [n.strip().upper() for p in parts for n in str(p).split(",") if n.strip()]
    if not names:
        return tuple(default)
    try:
        return tuple(dict.fromkeys(RelationType(n) for n in names))
    except ValueError:
        bad = next(n for n in names if n not in RelationType.__members__)
        choices = ", ".join(t.value for t in RelationType if t is not RelationType.OTHER)
        raise InvalidQuery(f"unknown relation type {bad!r}; choose from {choices}") from None


def _check(name: str, value: int, low: int, high: int) -> None:
    if not low <= value <= high:
        raise InvalidQuery(f"{name} must be between {low} and {high}, not {value}")


# -- the walk -------------------------------------------------------------------
@dataclass
class _Walked:
    """What a breadth-first walk found: distance of every entity reached, the
    links that reach it at that distance (from which entity), and the hubs it
    did not expand."""

    dist: dict[str, int] = field(default_factory=dict)
    preds: dict[str, list[tuple[Link, str]]] = field(default_factory=dict)
    lists: set[str] = field(default_factory=set)
    hubs: dict[str, int] = field(default_factory=dict)
    explored: dict[str, int] = field(default_factory=dict)  # entity -> links found from it
    budget_hit: bool = False


def _walk(
    store: GraphStore,
    seeds: dict[str, list[tuple[Link, str]]],
    types: Sequence[RelationType],
    walk: Walk,
    max_hops: int,
    max_degree: int,
    always_expand: frozenset[str] = frozenset(),
) -> _Walked:
    """Breadth-first from ``seeds`` (entities at distance 0, with the links
    that led to them), ``max_hops`` levels, one ``degrees`` and one ``links``
    call per level."""
    w = _Walked(dist={s: 0 for s in seeds}, preds={s: list(p) for s, p in seeds.items()})
    frontier = sorted(seeds)
    for level in range(max_hops):
        frontier = [n for n in frontier if n not in w.lists or n in always_expand]
        if not frontier:
            break
        degree = store.degrees(frontier, types, walk)
        expand = []
        for node in frontier:
            if degree.get(node, 0) > max_degree and node not in always_expand:
                w.hubs[node] = degree[node]
            else:
                expand.append(node)
        nxt: list[str] = []
        for link in store.links(expand, types, walk) if expand else []:
            ends = [(link.head, link.tail, link.tail_is_list), (link.tail, link.head, link.head_is_list)]
            for node, nbr, nbr_is_list in ends:
                if node not in expand or nbr == node:
                    continue
                if walk == "out" and node != link.head or walk == "in" and node != link.tail:
                    continue
                w.explored[node] = w.explored.get(node, 0) + 1
                if nbr not in w.dist:
                    if len(w.dist) >= MAX_VISITED:
                        w.budget_hit = True
                        continue
                    w.dist[nbr] = level + 1
                    w.preds[nbr] = []
                    nxt.append(nbr)
                    if nbr_is_list:
                        w.lists.add(nbr)
                if w.dist[nbr] == level + 1:
                    w.preds[nbr].append((link, node))
        for node in expand:
            w.explored.setdefault(node, 0)
        frontier = sorted(set(nxt))
    return w


def _shortest(w: _Walked, node: str, cap: int = _PATHS_PER_HIT) -> list[list[tuple[Link, str, str]]]:
    """Up to ``cap`` shortest chains from a seed to ``node``, each a list of
    (link, from, to) in walking order."""
    if w.dist.get(node) == 0:
        return [[]]
    out: list[list[tuple[Link, str, str]]] = []
    for link, prev in sorted(w.preds.get(node, ()), key=lambda p: (p[1], p[0].key)):
        for chain in _shortest(w, prev, cap):
            out.append([*chain, (link, prev, node)])
            if len(out) >= cap:
                return out
    return out


def _flags(store: GraphStore, ids: Iterable[str], types: Sequence[RelationType]) -> dict[str, list[Link]]:
    """Each entity's links to a list or ``military`` (of the flag ``types``)."""
    out: dict[str, list[Link]] = {}
    ids = sorted(set(ids))
    for link in store.links(ids, types, "out") if ids else []:
        if link.tail_is_list:
            out.setdefault(link.head, []).append(link)
    return out


def _current(store: GraphStore, flags: dict[str, list[Link]]) -> dict[str, list[Link]]:
    """The flags that hold now: a listing the latest edition of its list
    removed is history, not a hit (see graph/lists/status.py)."""
    relations = store.relations_by_key({lk.key for links in flags.values() for lk in links})
    out: dict[str, list[Link]] = {}
    for node, links in flags.items():
        kept = [lk for lk in links if lk.key in relations and is_current(relations[lk.key])]
        if kept:
            out[node] = kept
    return out


def _capped(rel: Relation, max_evidence: int) -> tuple[Relation, bool]:
    return cap_evidence(rel, max_evidence)


def hop_dict(hop: Hop, names: Mapping[str, str], documents: Mapping[str, DocumentInfo]) -> dict[str, Any]:
    """One hop as a reader cites it: the relation, its direction, and each
    sentence once with the articles (title, date, URL or file name) stating it."""
    r = hop.relation
    return {
        "head": r.head,
        "head_name": names.get(r.head, r.head),
        "type": r.type.value,
        "tail": r.tail,
        "tail_name": names.get(r.tail, r.tail),
        "forward": hop.forward,
        "confidence": round(r.confidence, 4),
        "attributes": r.attributes,
        "attribute_statements": [_statement_dict(s, documents) for s in r.attribute_statements()],
        "evidence_count": len(r.evidence),
        "sentences": [c.to_dict() for c in cite_evidence(r.evidence, documents)],
    }


def _statement_dict(st: AttributeStatement, documents: Mapping[str, DocumentInfo]) -> dict[str, Any]:
    """An attribute value with the articles stating it, cited like evidence (no local paths)."""
    sources: dict[str, str] = {}
    for ev in st.evidence:
        doc = documents.get(ev.document_id)
        sources.setdefault(ev.document_id, cite_source(doc.source if doc else ev.source)[0])
    return {
        "name": st.name,
        "value": st.value,
        "sources": [{"document_id": d, "source": s} for d, s in sources.items()],
    }


def _path_dict(path: OwnershipPath, documents: Mapping[str, DocumentInfo]) -> dict[str, Any]:
    names = {e.id: e.name for e in path.entities}
    return {
        "length": path.length,
        "confidence": round(path.confidence, 4),
        "description": path.describe(),
        "entities": [e.to_dict() for e in path.entities],
        "hops": [hop_dict(h, names, documents) for h in path.hops],
    }


def _documents_of(store: GraphStore, relations: Iterable[Relation]) -> dict[str, DocumentInfo]:
    return store.document_infos({ev.document_id for r in relations for ev in r.evidence})


# -- exposure -------------------------------------------------------------------
@dataclass(frozen=True)
class ExposureHit:
    """A flagged entity reached from the start (or, in reverse, an entity
    that reaches the start), the path between them and the entity's own
    list memberships and military links."""

    entity: Entity
    path: OwnershipPath
    flags: tuple[Relation, ...]
    hops: int
    #: what ranks hits of one length: the path's weakest hop (forward, also
    #: the hit's best flag, which is part of the chain a reader follows)
    confidence: float


@dataclass(frozen=True)
class Exposure:
    """The answer to a screening question.

    ``cut_short`` says a hub (``hubs``: id -> its degree) or the visit budget
    stopped the walk, so entities beyond it may be missing; ``truncated``
    says anything at all was left out (that, hits past ``limit``, evidence
    past ``max_evidence``).
    """

    start: Entity
    reverse: bool
    max_hops: int
    types: tuple[RelationType, ...]
    direction: Direction
    hits: tuple[ExposureHit, ...]
    total_hits: int
    cut_short: bool
    hubs: Mapping[str, int]
    truncated: bool
    documents: Mapping[str, DocumentInfo]
    names: Mapping[str, str]

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.to_dict(),
            "reverse": self.reverse,
            "max_hops": self.max_hops,
            "types": [t.value for t in self.types],
            "direction": self.direction,
            "total_hits": self.total_hits,
            "truncated": self.truncated,
            "cut_short": self.cut_short,
            "hubs": [{"id": i, "name": self.names.get(i, i), "degree": d} for i, d in sorted(self.hubs.items())],
            "hits": [
                {
                    "entity": h.entity.to_dict(),
                    "hops": h.hops,
                    "confidence": round(h.confidence, 4),
                    "flags": [
                        hop_dict(Hop(f), {**self.names, f.head: h.entity.name}, self.documents) for f in h.flags
                    ],
                    "path": _path_dict(h.path, self.documents),
                }
                for h in self.hits
            ],
        }


def exposure(
    store: GraphStore,
    entity_id: str,
    *,
    max_hops: int = 3,
    types: Sequence[RelationType] = WALK_TYPES,
    direction: Direction = "out",
    flags: Sequence[RelationType] = FLAG_TYPES,
    reverse: bool = False,
    limit: int = 20,
    max_degree: int = DEFAULT_MAX_DEGREE,
    max_evidence: int = DEFAULT_MAX_EVIDENCE,
) -> Exposure:
    """Screen ``entity_id``.

    Forward: every entity within ``max_hops`` hops (following ``types`` as
    stated, or both ways with ``direction="both"``) that has a ``flags``
    relation (on a list, linked to the military); the entity itself counts,
    at 0 hops.  Reverse: every entity from which ``entity_id`` is reached
    that way (its suppliers, their owners...); when ``entity_id`` is a list
    or ``military``, its members are the starting points (0 hops), so "which
    suppliers reach the Entity List" is one question.  Hops count the links
    between companies; the final designation is shown, not counted.

    Hits come shortest first, then by the strength of their weakest
    evidence, then by name; each with the best-evidenced shortest path.
    """
    _check("max_hops", max_hops, 0, MAX_HOPS_LIMIT)
    _check("limit", limit, 1, 10_000)
    _check("max_degree", max_degree, 1, MAX_DEGREE_LIMIT)
    if direction not in ("out", "both"):
        raise InvalidQuery(f"direction must be 'out' or 'both', not {direction!r}")
    start = store.get_entity(entity_id)
    if start is None:
        raise InvalidQuery(f"no entity with id {entity_id!r}")
    walk_types = tuple(t for t in types if t not in FLAG_TYPES)
    flags = tuple(flags) or FLAG_TYPES
    if not walk_types and max_hops:
        raise InvalidQuery("at least one relation type to walk is needed (lists end a walk, they do not join companies)")
    walk: Walk = ("in" if reverse else "out") if direction == "out" else "both"

    seeds: dict[str, list[tuple[Link, str]]] = {start.id: []}
    if reverse and start.type is EntityType.LIST:
        members = [lk for lk in store.links([start.id], flags, "in") if lk.tail == start.id]
        members = _current(store, {"": members}).get("", [])
        seeds = {}
        for lk in members:
            seeds.setdefault(lk.head, []).append((lk, start.id))
    # the entity asked about is always expanded, however many relations it has
    w = _walk(store, seeds, walk_types, walk, max_hops if walk_types else 0, max_degree, frozenset({start.id}))

    reached = [n for n in w.dist if n not in w.lists]
    own_flags = _current(store, _flags(store, reached, flags))
    if reverse:
        candidates = [n for n in reached if n != start.id]
    else:
        candidates = [n for n in reached if n in own_flags]
    # rank by length first; evidence strength decides within the last length shown
    candidates.sort(key=lambda n: w.dist[n])
    if len(candidates) > limit:
        boundary = w.dist[candidates[limit - 1]]
        pool = [n for n in candidates if w.dist[n] <= boundary][: max(limit * 5, 200)]
    else:
        pool = candidates
    chains = {n: _shortest(w, n) for n in pool}
    keys = {lk.key for cs in chains.values() for c in cs for lk, _, _ in c}
    keys |= {lk.key for n in pool for lk in own_flags.get(n, ())}
    if reverse:  # a list's members reach it through their designation
        keys |= {lk.key for n in pool for lk, _ in w.preds.get(n, ()) if w.dist[n] == 0}
    relations = store.relations_by_key(keys)
    entities = {e.id: e for e in _entities(store, {start.id, *pool, *(x for k in keys for x in (k[0], k[2]))})}

    cut = bool(w.hubs) or w.budget_hit
    hits: list[ExposureHit] = []
    for n in pool:
        best: OwnershipPath | None = None
        for chain in chains[n] or [[]]:
            steps = [(relations[lk.key], a, b) for lk, a, b in chain]
            if reverse:
                # walked start -> n; shown n -> start, each hop as stated or not
                nodes = [n] + [a for _, a, _ in reversed(steps)]
                hops = [Hop(rel, forward=rel.head == b) for rel, a, b in reversed(steps)]
                if start.type is EntityType.LIST:
                    (lk, _), *_ = sorted(w.preds[chain[0][1] if chain else n], key=lambda p: p[0].key)
                    nodes.append(start.id)
                    hops.append(Hop(relations[lk.key], True))
            else:
                nodes = [start.id] + [b for _, _, b in steps]
                hops = [Hop(rel, forward=rel.head == a) for rel, a, _ in steps]
            path = OwnershipPath(tuple(entities[i] for i in nodes), tuple(hops))
            if best is None or (-path.confidence, path.describe()) < (-best.confidence, best.describe()):
                best = path
        assert best is not None
        flag_rels = tuple(sorted((relations[lk.key] for lk in own_flags.get(n, ())), key=lambda r: r.key))
        strength = best.confidence
        if not reverse:
            strength = min(strength, max((f.confidence for f in flag_rels), default=1.0))
        hits.append(ExposureHit(entities[n], best, flag_rels, w.dist[n], strength))
    hits.sort(key=lambda h: (h.hops, -h.confidence, h.entity.name.casefold(), h.entity.id))
    shown = hits[:limit]

    evidence_cut = False
    capped_hits = []
    for h in shown:
        path, c1 = h.path.with_evidence_cap(max_evidence)
        flag_rels = []
        for f in h.flags:
            f, c2 = _capped(f, max_evidence)
            c1 |= c2
            flag_rels.append(f)
        evidence_cut |= c1
        capped_hits.append(replace(h, path=path, flags=tuple(flag_rels)))
    used = [hop.relation for h in capped_hits for hop in h.path.hops] + [f for h in capped_hits for f in h.flags]
    names = {e.id: e.name for e in entities.values()}
    names.update({i: i for i in w.hubs if i not in names})
    hub_entities = {e.id: e.name for e in _entities(store, w.hubs)}
    names.update(hub_entities)
    return Exposure(
        start=start,
        reverse=reverse,
        max_hops=max_hops,
        types=walk_types,
        direction=direction,
        hits=tuple(capped_hits),
        total_hits=len(candidates),
        cut_short=cut,
        hubs=dict(w.hubs),
        truncated=cut or evidence_cut or len(candidates) > limit,
        documents=_documents_of(store, used),
        names=names,
    )


def _entities(store: GraphStore, ids: Iterable[str]) -> list[Entity]:
    """Entities by id (the store's bulk read where it has one)."""
    bulk = getattr(store, "_entities_by_id", None)
    if bulk is not None:
        return list(bulk(ids).values())
    return [e for e in (store.get_entity(i) for i in set(ids)) if e is not None]


# -- owners ---------------------------------------------------------------------
@dataclass(frozen=True)
class OwnershipNode:
    """An entity in an ownership tree, with the relation joining it to its
    parent: upwards its children are its owners, downwards what it owns.

    ``repeated``: shown elsewhere in the tree (a shared owner), not expanded
    again; ``unexplored``: the depth bound or a hub cap stopped here.
    """

    entity: Entity
    relation: Relation | None = None
    children: tuple["OwnershipNode", ...] = ()
    repeated: bool = False
    unexplored: bool = False

    def to_dict(self, documents: Mapping[str, DocumentInfo], names: Mapping[str, str]) -> dict[str, Any]:
        out: dict[str, Any] = {"entity": self.entity.to_dict()}
        if self.relation is not None:
            out["relation"] = hop_dict(Hop(self.relation), names, documents)
        out["repeated"] = self.repeated
        out["unexplored"] = self.unexplored
        out["children"] = [c.to_dict(documents, names) for c in self.children]
        return out

    def lines(self, depth: int = 0) -> list[tuple[int, "OwnershipNode"]]:
        """(depth, node) in display order."""
        out = [(depth, self)]
        for c in self.children:
            out.extend(c.lines(depth + 1))
        return out


@dataclass(frozen=True)
class Ownership:
    """Who owns X up to its ultimate owners (``up``), or what X owns (``down``)."""

    root: OwnershipNode
    direction: Literal["up", "down"]
    max_depth: int
    ultimate: tuple[Entity, ...]
    chains: tuple[OwnershipPath, ...]
    cut_short: bool
    hubs: Mapping[str, int]
    truncated: bool
    documents: Mapping[str, DocumentInfo]

    def to_dict(self) -> dict[str, Any]:
        names = {d.entity.id: d.entity.name for _, d in self.root.lines()}
        return {
            "entity": self.root.entity.to_dict(),
            "direction": self.direction,
            "max_depth": self.max_depth,
            "truncated": self.truncated,
            "cut_short": self.cut_short,
            "hubs": [{"id": i, "name": names.get(i, i), "degree": d} for i, d in sorted(self.hubs.items())],
            "ultimate_owners": [e.to_dict() for e in self.ultimate],
            "chains": [_path_dict(c, self.documents) for c in self.chains],
            "tree": self.root.to_dict(self.documents, names),
        }


def owners(
    store: GraphStore,
    entity_id: str,
    *,
    down: bool = False,
    max_depth: int = 6,
    max_degree: int = DEFAULT_MAX_DEGREE,
    max_evidence: int = DEFAULT_MAX_EVIDENCE,
) -> Ownership:
    """The ownership tree of ``entity_id`` over OWNED_BY and PART_OF, at most
    ``max_depth`` levels.  Upwards, the ultimate owners are the entities the
    walk reached that have no owner of their own (an owner left unexplored
    at the depth bound is not called ultimate), with the chain to each."""
    _check("max_depth", max_depth, 1, MAX_HOPS_LIMIT)
    _check("max_degree", max_degree, 1, MAX_DEGREE_LIMIT)
    root = store.get_entity(entity_id)
    if root is None:
        raise InvalidQuery(f"no entity with id {entity_id!r}")
    walk: Walk = "in" if down else "out"
    w = _walk(store, {root.id: []}, OWNERSHIP_TYPES, walk, max_depth, max_degree, frozenset({root.id}))
    tree_links = {n: sorted(p, key=lambda x: (x[1], x[0].key))[0] for n, p in w.preds.items() if p}
    # every link the walk saw between explored entities, including those to an
    # entity already placed (a second owner): shown as a repeated leaf
    children: dict[str, list[tuple[Link, str, bool]]] = {}
    seen_links: set[tuple[str, str, str]] = set()
    for n, preds in w.preds.items():
        for link, prev in preds:
            children.setdefault(prev, []).append((link, n, tree_links[n][0].key != link.key))
            seen_links.add(link.key)
    extra = [
        lk
        for lk in (store.links(list(w.explored), OWNERSHIP_TYPES, walk) if w.explored else [])
        if lk.key not in seen_links
    ]
    for lk in extra:
        prev, n = (lk.head, lk.tail) if walk == "out" else (lk.tail, lk.head)
        if prev in w.explored and n in w.dist and n != prev:
            children.setdefault(prev, []).append((lk, n, True))
    keys = {lk.key for kids in children.values() for lk, _, _ in kids}
    relations = store.relations_by_key(keys)
    evidence_cut = False
    for k, rel in list(relations.items()):
        relations[k], cut = _capped(rel, max_evidence)
        evidence_cut |= cut
    ents = {e.id: e for e in _entities(store, w.dist)}

    def build(node: str, rel: Relation | None, repeated: bool, trail: frozenset[str]) -> OwnershipNode:
        if repeated:
            return OwnershipNode(ents[node], rel, (), True, False)
        kids = sorted(children.get(node, ()), key=lambda c: (ents[c[1]].name.casefold(), c[0].key))
        built = tuple(
            build(n, relations[lk.key], rep or n in trail, trail | {n}) for lk, n, rep in kids
        )
        unexplored = node not in w.explored
        return OwnershipNode(ents[node], rel, built, False, unexplored)

    tree = build(root.id, None, False, frozenset({root.id}))
    ultimate: list[Entity] = []
    chains: list[OwnershipPath] = []
    if not down:

        def collect(node: OwnershipNode, path: list[OwnershipNode]) -> None:
            if node.repeated:
                return
            if not node.children and path and not node.unexplored:
                if node.entity.id not in {e.id for e in ultimate}:
                    ultimate.append(node.entity)
                    chain = [*path, node]
                    chains.append(
                        OwnershipPath(
                            tuple(x.entity for x in chain),
                            tuple(Hop(x.relation) for x in chain[1:] if x.relation is not None),
                        )
                    )
            for c in node.children:
                collect(c, [*path, node])

        for c in tree.children:
            collect(c, [tree])
    used = list(relations.values())
    cut = bool(w.hubs) or w.budget_hit
    unexplored_any = any(n.unexplored for _, n in tree.lines() if not n.repeated)
    return Ownership(
        root=tree,
        direction="down" if down else "up",
        max_depth=max_depth,
        ultimate=tuple(ultimate),
        chains=tuple(chains),
        cut_short=cut,
        hubs=dict(w.hubs),
        truncated=cut or evidence_cut or unexplored_any,
        documents=_documents_of(store, used),
    )


# -- everything on X ----------------------------------------------------------------
@dataclass(frozen=True)
class EntityPage:
    """Everything the graph holds on one entity."""

    entity: Entity
    relations: tuple[Relation, ...]
    lists: tuple[Relation, ...]
    documents: tuple[DocumentInfo, ...]
    total_relations: int
    total_documents: int
    truncated: bool
    names: Mapping[str, str]
    document_map: Mapping[str, DocumentInfo]
    #: each list membership's place in its list's editions (imported lists only)
    statuses: Mapping[tuple[str, str, str], ListingStatus] = field(default_factory=dict)

    def by_type(self) -> dict[str, list[Relation]]:
        """Relations grouped by type, in RelationType order."""
        out: dict[str, list[Relation]] = {}
        for t in RelationType:
            group = [r for r in self.relations if r.type is t]
            if group:
                out[t.value] = group
        return out

    def to_dict(self) -> dict[str, Any]:
        def rel(r: Relation) -> dict[str, Any]:
            outgoing = r.head == self.entity.id
            d = hop_dict(Hop(r, True), self.names, self.document_map)
            other = r.tail if outgoing else r.head
            return {"direction": "out" if outgoing else "in", "other": other, "other_name": self.names.get(other, other), **d}

        return {
            "entity": self.entity.to_dict(),
            "names": list(self.entity.names()),
            "truncated": self.truncated,
            "total_relations": self.total_relations,
            "lists": [
                {
                    "list": r.tail,
                    "list_name": self.names.get(r.tail, r.tail),
                    "listing": self.statuses[r.key].to_dict() if r.key in self.statuses else None,
                    **rel(r),
                }
                for r in self.lists
            ],
            "relations": {t: [rel(r) for r in rs] for t, rs in self.by_type().items()},
            "total_documents": self.total_documents,
            "documents": [
                {
                    "document_id": d.id,
                    "title": d.title,
                    "date": d.date,
                    "source": cite_source(d.source)[0],
                    "url": cite_source(d.source)[1],
                    "language": d.language,
                }
                for d in self.documents
            ],
        }


def entity_page(
    store: GraphStore,
    entity_id: str,
    *,
    max_relations: int = 500,
    max_evidence: int = DEFAULT_MAX_EVIDENCE,
    max_documents: int = 100,
) -> EntityPage:
    """Names, relations by type (most confident first, each with its cited
    sentences), list memberships and military links, and the articles that
    state any of it (newest first), each part capped."""
    from .subgraph import cap_relations

    ent = store.get_entity(entity_id)
    if ent is None:
        raise InvalidQuery(f"no entity with id {entity_id!r}")
    every = sorted(store.relations(ent.id), key=lambda r: (-r.confidence, r.key))
    relations, truncated = cap_relations(every, max_relations, max_evidence)
    lists = tuple(r for r in relations if r.head == ent.id and r.type in FLAG_TYPES)
    full = {r.key: r for r in every}  # evidence not yet capped: a removal is never cut off
    statuses = {r.key: st for r in lists if (st := listing_status(full[r.key])) is not None}
    doc_ids = {ev.document_id for r in every for ev in r.evidence}
    infos = store.document_infos(doc_ids)
    docs = sorted(infos.values(), key=lambda d: (d.date or "", d.title or "", d.id), reverse=True)
    names = {e.id: e.name for e in _entities(store, {x for r in relations for x in (r.head, r.tail)})}
    return EntityPage(
        entity=ent,
        relations=tuple(relations),
        lists=lists,
        documents=tuple(docs[:max_documents]),
        total_relations=len(every),
        total_documents=len(docs),
        truncated=truncated or len(docs) > max_documents,
        names=names,
        document_map=infos,
        statuses=statuses,
    )


# -- search ---------------------------------------------------------------------------
def find_entities(store: GraphStore, query: str, limit: int = 20) -> tuple[list[Entity], bool]:
    """Entities whose name or alias contains ``query``; when none does, those
    spelled close to it ("Huawai" -> Huawei).  The flag says the second."""
    found = store.search(query, limit=limit)
    if found or not query.strip():
        return found, False
    return store.close_matches(query, n=limit), True
