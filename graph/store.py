"""The interface every graph store implements, and how a store is chosen.

Stores differ in how they keep the graph (a SQLite file, a Neo4j server) but
not in what they answer: the conformance suite in tests/graph holds each of
them to the behaviour written here.
"""

from __future__ import annotations

import difflib
import os
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .errors import EntityNotFound, UnsupportedStore
from .model import Document, Entity, Extraction, Relation, normalise_name
from .paths import OwnershipPath, PathQuery
from .resolution import resolve_against_store
from .subgraph import Subgraph

__all__ = ["GraphStore", "IngestResult", "open_store", "DEFAULT_STORE", "BOLT_SCHEMES"]

DEFAULT_STORE = "chipgraph.sqlite"
BOLT_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


@dataclass(frozen=True)
class IngestResult:
    """What writing one extraction did.  ``added`` is False when the document
    was already in the store (nothing was written)."""

    document_id: str
    source: str
    added: bool
    entities: int
    relations: int


class GraphStore(ABC):
    """A place that keeps the graph.  Writes are per document and idempotent;
    reads return the shared model."""

    #: how the store was opened (a path or a URL without its password)
    location: str

    # -- writes ---------------------------------------------------------------
    def add(self, extraction: Extraction) -> IngestResult:
        """Write one document's facts in one transaction.

        Entities whose name or alias already names an entity of the same type
        in the store are merged into it, so one organisation stays one node
        across articles.  A document already present is skipped.
        """
        extraction.validate()
        if self.has_document(extraction.document.id):
            return IngestResult(extraction.document.id, extraction.document.source, False, 0, 0)
        resolved = resolve_against_store(extraction, self.lookup)
        self._write(resolved)
        return IngestResult(
            resolved.document.id,
            resolved.document.source,
            True,
            len(resolved.entities),
            len(resolved.relations),
        )

    def add_many(self, extractions: Iterable[Extraction]) -> list[IngestResult]:
        return [self.add(x) for x in extractions]

    @abstractmethod
    def _write(self, extraction: Extraction) -> None:
        """Write document, entities, relations and evidence atomically: after a
        failure nothing of the document is stored, so a re-run completes it."""

    # -- reads ----------------------------------------------------------------
    @abstractmethod
    def has_document(self, document_id: str) -> bool: ...

    @abstractmethod
    def get_document(self, document_id: str) -> Document | None: ...

    @abstractmethod
    def documents(self) -> Iterator[Document]: ...

    @abstractmethod
    def get_entity(self, entity_id: str) -> Entity | None: ...

    @abstractmethod
    def entities(self) -> Iterator[Entity]: ...

    @abstractmethod
    def lookup(self, name: str) -> list[Entity]:
        """Entities whose canonical name or an alias normalises to ``name``'s form."""

    @abstractmethod
    def search(self, query: str, limit: int = 20) -> list[Entity]:
        """Entities whose name or an alias contains ``query`` (case-insensitive),
        exact matches first."""

    @abstractmethod
    def relations(self, entity_id: str | None = None) -> Iterator[Relation]:
        """Every relation touching ``entity_id`` (or all of them), with evidence."""

    @abstractmethod
    def paths(self, query: PathQuery) -> list[OwnershipPath]:
        """Paths from query.source to query.target (entity ids), ranked by
        ``rank_paths``; an empty list when there is none."""

    @abstractmethod
    def subgraph(self, entity_id: str, depth: int = 1) -> Subgraph: ...

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Numbers of documents, entities, relations and evidence rows."""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- shared behaviour -----------------------------------------------------
    def resolve(self, name: str) -> Entity:
        """The entity an id, name or alias stands for.

        Raises EntityNotFound with the closest names when nothing matches, and
        prefers an ORG when a name is shared by entities of several types.
        """
        name = name.strip()
        if not name:
            raise EntityNotFound(name, store=self.location)
        found = self.get_entity(name)
        if found is not None:
            return found
        matches = self.lookup(name)
        if matches:
            return sorted(matches, key=lambda e: (e.type.value != "ORG", e.name))[0]
        if not self.has_articles():
            raise EntityNotFound(name, store=self.location, store_empty=True)
        raise EntityNotFound(name, self.suggest(name), store=self.location)

    def has_articles(self) -> bool:
        """Whether any article (not only the reference data every ingest
        loads) is stored: a store without one is "empty" to its user."""
        from .reference import reference_document_ids

        reference = reference_document_ids()
        documents = self.counts().get("documents", 0)
        if documents > len(reference):
            return True
        return documents > sum(1 for doc_id in reference if self.has_document(doc_id))

    def suggest(self, name: str, n: int = 5) -> list[str]:
        """Names close to ``name``: substring matches first, then fuzzy ones."""
        out = [e.name for e in self.search(name, limit=n)]
        if len(out) < n:
            names = {}
            for e in self.entities():
                for alias in e.names():
                    names.setdefault(normalise_name(alias), e.name)
            for key in difflib.get_close_matches(normalise_name(name), list(names), n=n, cutoff=0.6):
                if names[key] not in out:
                    out.append(names[key])
        return out[:n]


def open_store(location: str | os.PathLike[str] | None = None, *, create: bool = True) -> GraphStore:
    """Open the store named by a path or URL (default: $CHIPGRAPH_STORE, then
    ./chipgraph.sqlite).  A bolt:// or neo4j:// URL opens a Neo4jStore.

    ``create=False`` is for commands that only read (stats, path, copy's
    source): a SQLite file that does not exist raises StoreUnavailable
    instead of being created empty, so a mistyped path is an error, not an
    empty answer.
    """
    loc = str(location) if location else os.environ.get("CHIPGRAPH_STORE") or DEFAULT_STORE
    if loc.startswith(BOLT_SCHEMES):
        from .neo4j_store import Neo4jStore

        return Neo4jStore.from_url(loc)
    if "://" in loc and not loc.startswith("sqlite://"):
        raise UnsupportedStore(
            f"unknown store {loc!r}: give a SQLite file path (or sqlite:///path) or a "
            f"Neo4j URL starting with one of {', '.join(BOLT_SCHEMES)}"
        )
    from .sqlite_store import SQLiteStore

    path = loc.removeprefix("sqlite://")
    return SQLiteStore(Path(path), create=create)
