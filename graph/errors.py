"""The exceptions chipgraph raises, each with a message a user can act on.

One small hierarchy (after followthemoney's): everything is a ChipgraphError, so
the CLI and the API can turn any of them into a clear message or status code
without catching bare Exceptions.
"""

from __future__ import annotations

from typing import Sequence

__all__ = [
    "ChipgraphError",
    "EntityNotFound",
    "EntityAmbiguous",
    "StoreError",
    "StoreUnavailable",
    "StoreAuthError",
    "UnsupportedStore",
    "InvalidQuery",
    "ExportError",
    "UnknownExportFormat",
    "ExportTooLarge",
    "ImportFormatError",
    "FactNotFound",
    "DocumentNotFound",
    "InvalidCuration",
    "CurationConflict",
]


class ChipgraphError(Exception):
    """Base of every error chipgraph raises on purpose."""


class EntityNotFound(ChipgraphError, LookupError):
    """A name or id matches no entity; carries the closest names to offer instead.

    ``store`` names the store that was read and ``store_empty`` says it holds
    no article at all, so that "no entity named ASML" on the wrong or a new
    store reads as what it is: the store is empty, not ASML unknown.
    """

    def __init__(
        self, name: str, suggestions: Sequence[str] = (), *, store: str | None = None, store_empty: bool = False
    ) -> None:
        self.name = name
        self.suggestions = list(suggestions)
        self.store = store
        self.store_empty = store_empty
        if store_empty:
            message = f"no entity named {name!r}: the graph is empty (no article has been ingested into it)"
        else:
            hint = f"; closest matches: {', '.join(self.suggestions)}" if self.suggestions else ""
            message = f"no entity named {name!r} in the graph{hint}"
        super().__init__(message)

    def describe(self) -> str:
        """The message with the store named (for the CLI, where the store is the
        user's own; the API does not show its store's location)."""
        if self.store is None:
            return str(self)
        if self.store_empty:
            return (
                f"no entity named {self.name!r}: the store {self.store} is empty (no article ingested); "
                "ingest articles into it, or check --store / $CHIPGRAPH_STORE"
            )
        return f"{self}  (store: {self.store})"


class EntityAmbiguous(ChipgraphError, LookupError):
    """A name that fits several entities ("China Electronics": CEC or CETC?):
    answered with the candidates, never silently resolved to one of them."""

    def __init__(self, name: str, candidates: Sequence["object"]) -> None:
        self.name = name
        #: the entities the name could mean (``chipgraph.graph.model.Entity``)
        self.candidates = list(candidates)
        listed = "; ".join(f"{getattr(c, 'name', c)} ({getattr(c, 'id', '')})" for c in self.candidates)
        super().__init__(f"{name!r} could mean several entities: {listed}; give a full name or an id")


class InvalidQuery(ChipgraphError, ValueError):
    """A query's parameters are out of range or contradict each other."""


class StoreError(ChipgraphError):
    """The graph store failed; the message names the store."""


class QuickReadTooLong(ChipgraphError):
    """A read inside ``GraphStore.quick_reads`` would run longer than a
    caller that cannot wait (an event loop) may spend; nothing was answered
    in part: ask again outside the block."""


class StoreUnavailable(StoreError):
    """The store cannot be reached (server down, file unreadable)."""


class StoreAuthError(StoreError):
    """The store refused the credentials given."""


class UnsupportedStore(StoreError, ValueError):
    """A --store / CHIPGRAPH_STORE value that names no store chipgraph has."""


class ExportError(ChipgraphError):
    """A graph could not be exported as asked."""


class UnknownExportFormat(ExportError, ValueError):
    """A format name or file extension no exporter writes; the message lists those that exist."""


class ExportTooLarge(ExportError):
    """A whole-graph export over its cap: the message says how to narrow it."""


class ImportFormatError(ChipgraphError, ValueError):
    """A file to import is malformed; ``line`` (1-based) names where, and
    nothing of the file was written."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = f"{path}, line {line}: " if path and line else (f"line {line}: " if line else (f"{path}: " if path else ""))
        super().__init__(where + message)


class FactNotFound(ChipgraphError, LookupError):
    """A curation names a fact (head|type|tail), or a piece of its evidence,
    that the store does not hold."""


class DocumentNotFound(ChipgraphError, LookupError):
    """A curation names a document id the store does not hold."""


class InvalidCuration(ChipgraphError, ValueError):
    """A curation request that cannot be carried out as asked (an empty
    author or reason, merging an entity with itself, splitting off the
    canonical name...); nothing was changed."""


class CurationConflict(InvalidCuration):
    """A curation the graph as it is rules out (merging an entity with
    itself, splitting off a name the entity does not have)."""
