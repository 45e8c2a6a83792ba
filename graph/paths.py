"""Ownership paths: the answer to "how is A connected to B", hop by hop.

Both stores return the same ``OwnershipPath`` objects and rank them with
``rank_paths``, so a path query means the same thing whichever store answers it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Literal

from .errors import InvalidQuery
from .model import SCORED_RELATION_TYPES, Entity, EntityType, Relation, RelationType
from .subgraph import cap_evidence

__all__ = ["Direction", "PathQuery", "Hop", "OwnershipPath", "rank_paths", "cited_document_ids", "MAX_HOPS_LIMIT"]

Direction = Literal["out", "both"]
MAX_HOPS_LIMIT = 8


@dataclass(frozen=True)
class PathQuery:
    """What to search for.

    ``direction="out"`` follows relations as stated (head -> tail: a buyer's
    supplier, a subsidiary's owner); ``"both"`` also walks them backwards.
    Paths are simple (no entity twice) and never pass *through* a LIST entity
    (a list or ``military``): a designation is an end, not a link between the
    hundreds of companies on one list.
    """

    source: str
    target: str
    types: tuple[RelationType, ...] = SCORED_RELATION_TYPES
    direction: Direction = "out"
    max_hops: int = 4
    limit: int = 10
    include_removed: bool = False

    def __post_init__(self) -> None:
        if not 1 <= self.max_hops <= MAX_HOPS_LIMIT:
            raise InvalidQuery(f"max_hops must be between 1 and {MAX_HOPS_LIMIT}, not {self.max_hops}")
        if not 1 <= self.limit <= 1000:
            raise InvalidQuery(f"limit must be between 1 and 1000, not {self.limit}")
        if self.direction not in ("out", "both"):
            raise InvalidQuery(f"direction must be 'out' or 'both', not {self.direction!r}")
        if not self.types:
            raise InvalidQuery("at least one relation type is needed")
        object.__setattr__(self, "types", tuple(RelationType(t) for t in self.types))

    @property
    def type_names(self) -> list[str]:
        return [t.value for t in self.types]


@dataclass(frozen=True)
class Hop:
    """One step of a path: a relation, walked forwards (head -> tail) or not."""

    relation: Relation
    forward: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"forward": self.forward, **self.relation.to_dict()}


@dataclass(frozen=True)
class OwnershipPath:
    """A chain of entities joined by relations, each hop with its evidence."""

    entities: tuple[Entity, ...]
    hops: tuple[Hop, ...] = field(default=())

    def __post_init__(self) -> None:
        if len(self.entities) != len(self.hops) + 1:
            raise ValueError("a path has one more entity than hops")

    @property
    def length(self) -> int:
        return len(self.hops)

    @property
    def confidence(self) -> float:
        """A chain is as strong as its weakest hop."""
        return min((h.relation.confidence for h in self.hops), default=1.0)

    def signature(self) -> tuple[Any, ...]:
        return tuple(e.id for e in self.entities) + tuple(h.relation.key for h in self.hops)

    def describe(self) -> str:
        """``ASML -[SUPPLIED]-> GTA Semiconductor <-[OWNED_BY]- X``."""
        parts = [self.entities[0].name]
        for hop, ent in zip(self.hops, self.entities[1:]):
            t = hop.relation.type.value
            parts.append(f"-[{t}]->" if hop.forward else f"<-[{t}]-")
            parts.append(ent.name)
        return " ".join(parts)

    def with_evidence_cap(self, max_evidence: int) -> tuple["OwnershipPath", bool]:
        """The same path keeping each hop's ``max_evidence`` most confident
        pieces of evidence, and whether any were dropped."""
        hops, cut = [], False
        for h in self.hops:
            rel, dropped = cap_evidence(h.relation, max_evidence)
            cut |= dropped
            hops.append(Hop(rel, h.forward))
        return OwnershipPath(self.entities, tuple(hops)), cut

    def to_dict(self) -> dict[str, Any]:
        return {
            "length": self.length,
            "confidence": round(self.confidence, 4),
            "description": self.describe(),
            "entities": [e.to_dict() for e in self.entities],
            "hops": [h.to_dict() for h in self.hops],
        }


def cited_document_ids(paths: Iterable[OwnershipPath]) -> set[str]:
    """The documents the paths' evidence cites: what their citations read."""
    return {ev.document_id for p in paths for h in p.hops for ev in h.relation.evidence}


def rank_paths(paths: Iterable[OwnershipPath], limit: int) -> list[OwnershipPath]:
    """Shortest first; among equals the most confident, then by names (stable
    across stores).  Duplicates (same entities and relations) are dropped."""
    unique: dict[tuple[Any, ...], OwnershipPath] = {}
    for p in paths:
        unique.setdefault(p.signature(), p)
    ordered = sorted(
        unique.values(),
        key=lambda p: (p.length, -p.confidence, [e.name.casefold() for e in p.entities], p.signature()),
    )
    return ordered[:limit]


def is_passable(entity: Entity) -> bool:
    """Whether a path may go through this entity (lists and ``military`` are ends only)."""
    return entity.type is not EntityType.LIST
