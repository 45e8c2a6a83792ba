"""The answer to "how is A connected to B" as the API gives it: both names
resolved (never guessed), the ranked paths, each hop's evidence capped and
cited (title, date, URL or file name of every article stating a sentence).

GET /paths returns ``PathAnswer.to_dict()`` serialised once; building it here
rather than in the route keeps the API thin and lets the tests compare the
route's JSON with the library's answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from .citations import DocumentInfo, cite_evidence
from .model import SCORED_RELATION_TYPES, Entity
from .paths import Direction, OwnershipPath, PathQuery, cited_document_ids
from .questions import parse_types
from .store import GraphStore
from .subgraph import DEFAULT_MAX_EVIDENCE

__all__ = ["PathAnswer", "answer_paths", "is_quick", "QUICK_MAX_HOPS", "QUICK_LIMIT"]

#: the largest path question answered without a worker thread (see ``is_quick``)
QUICK_MAX_HOPS = 4
QUICK_LIMIT = 10


@dataclass(frozen=True)
class PathAnswer:
    """Paths from ``source`` to ``target`` (at most the limit asked, each hop
    with at most ``max_evidence`` pieces of evidence) and the documents they
    cite; ``truncated`` says more paths or evidence were found than shown."""

    source: Entity
    target: Entity
    paths: tuple[OwnershipPath, ...]
    truncated: bool
    documents: Mapping[str, DocumentInfo]

    def to_dict(self) -> dict[str, Any]:
        """The JSON of GET /paths: each path's own dict, each hop with its
        sentences (each sentence once, with every article stating it)."""
        shown = []
        for p in self.paths:
            data = p.to_dict()
            for hop, out in zip(p.hops, data["hops"]):
                out["sentences"] = [c.to_dict() for c in cite_evidence(hop.relation.evidence, self.documents)]
            shown.append(data)
        return {"source": self.source.to_dict(), "target": self.target.to_dict(), "truncated": self.truncated,
                "paths": shown}


def answer_paths(
    store: GraphStore,
    source: str | Entity,
    target: str | Entity,
    *,
    types: Sequence[str] | None = None,
    direction: Direction = "out",
    max_hops: int = 4,
    limit: int = 10,
    max_evidence: int = DEFAULT_MAX_EVIDENCE,
    include_removed: bool = False,
) -> PathAnswer:
    """The paths between two names, ids or aliases (or entities already
    resolved), as GET /paths answers.

    Raises EntityNotFound / EntityAmbiguous for a name that is unknown or
    fits several entities, InvalidQuery for unknown ``types`` or bounds."""
    src = source if isinstance(source, Entity) else store.resolve_unique(source)
    dst = target if isinstance(target, Entity) else store.resolve_unique(target)
    wanted = parse_types(types, SCORED_RELATION_TYPES)
    found, cited = store.cited_paths(PathQuery(src.id, dst.id, wanted, direction, max_hops, limit + 1, include_removed))
    truncated = len(found) > limit
    shown = []
    for p in found[:limit]:
        capped, cut = p.with_evidence_cap(max_evidence)
        truncated |= cut
        shown.append(capped)
    # the documents of the evidence shown
    documents = {d: cited[d] for d in cited_document_ids(shown) if d in cited}
    return PathAnswer(src, dst, tuple(shown), truncated, documents)


def is_quick(max_hops: int, direction: Direction, limit: int) -> bool:
    """Whether a path question is small enough to answer inside an event
    loop on a store whose reads are quick (``GraphStore.quick_reads``): at
    most QUICK_MAX_HOPS hops as stated, at most QUICK_LIMIT paths.  On the
    million-relation benchmark graph such a search and its evidence take
    a millisecond or two (benchmarks/RESULTS.md); deeper or two-way walks took
    tens to hundreds of times that there and belong in a worker thread."""
    return max_hops <= QUICK_MAX_HOPS and direction == "out" and limit <= QUICK_LIMIT
