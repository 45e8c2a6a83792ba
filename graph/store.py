"""The interface every graph store implements, and how a store is chosen.

Stores differ in how they keep the graph (a SQLite file, a Neo4j server) but
not in what they answer: the conformance suite in tests/graph holds each of
them to the behaviour written here.
"""

from __future__ import annotations

import difflib
import os
from abc import ABC, abstractmethod
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Literal, Mapping, Sequence

from .citations import DocumentInfo
from .errors import EntityAmbiguous, EntityNotFound, UnsupportedStore
from .model import Document, Entity, EntityType, Extraction, Relation, RelationType, normalise_name
from .paths import OwnershipPath, PathQuery, cited_document_ids
from .resolution import BatchResolver, resolve_against_store
from .subgraph import Subgraph

if TYPE_CHECKING:  # pragma: no cover
    from .curation import Changes, CurationEntry

__all__ = ["GraphStore", "IngestResult", "Link", "Walk", "open_store", "resolve_batch", "DEFAULT_STORE", "BOLT_SCHEMES"]

#: Which way a walk follows relations from an entity: as stated (head ->
#: tail, a subsidiary to its owner), against it (an owner to its
#: subsidiaries), or both.
Walk = Literal["out", "in", "both"]

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


def resolve_batch(
    group: Sequence[Extraction], known_documents: set[str], stored: Mapping[str, list[Entity]],
    stored_by_id: Mapping[str, Entity | None] | None = None,
) -> tuple[list[IngestResult], list[Extraction]]:
    """What each article of a bulk write does, in order, and the resolved
    articles to write: documents already stored (or earlier in the batch)
    are skipped, the others resolve against ``stored`` (the stored entities
    of every name in the batch, fetched in one query) and each other.  The
    one definition of a batch that every store's ``add_many`` writes."""
    resolver = BatchResolver(stored, stored_by_id)
    known = set(known_documents)
    results: list[IngestResult] = []
    to_write: list[Extraction] = []
    for x in group:
        if x.document.id in known:
            results.append(IngestResult(x.document.id, x.document.source, False, 0, 0))
            continue
        known.add(x.document.id)
        resolved = resolver.resolve(x)
        to_write.append(resolved)
        results.append(
            IngestResult(x.document.id, x.document.source, True, len(resolved.entities), len(resolved.relations))
        )
    return results, to_write


@dataclass(frozen=True)
class Link:
    """A relation without its evidence, and whether each end is a LIST: what
    a walk over the graph needs at each step (evidence is read only for the
    paths it keeps)."""

    head: str
    type: RelationType
    tail: str
    head_is_list: bool
    tail_is_list: bool

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.head, self.type.value, self.tail)


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
        resolved = resolve_against_store(extraction, self._lookup_for(extraction))
        self._write(resolved)
        if self._after_write([resolved]) and not self.has_document(resolved.document.id):
            # a retracted document: written, then withdrawn again by the curation log
            return IngestResult(extraction.document.id, extraction.document.source, False, 0, 0)
        return IngestResult(
            resolved.document.id,
            resolved.document.source,
            True,
            len(resolved.entities),
            len(resolved.relations),
        )

    def add_many(self, extractions: Iterable[Extraction]) -> list[IngestResult]:
        return [self.add(x) for x in extractions]

    def prepare_queries(self) -> None:
        """Bring what the store derives for its queries up to date with what
        was written, at the end of a load, so that the first question after
        it does not pay for it (the SQLite store's graph index).  A server
        store derives nothing: the default does nothing."""

    def _lookup_for(self, extraction: Extraction) -> Callable[[str], list[Entity]]:
        """The ``lookup`` that ``add`` resolves ``extraction``'s names with:
        ``self.lookup`` itself here; a store may read all of its names at
        once (a list edition names thousands)."""
        return self.lookup

    @abstractmethod
    def _write(self, extraction: Extraction) -> None:
        """Write document, entities, relations and evidence atomically: after a
        failure nothing of the document is stored, so a re-run completes it."""

    def _after_write(self, extractions: Sequence[Extraction]) -> int:
        """Re-apply the curation log to what was just written (see
        graph/curation.py): a rejected fact, a merged-away entity or a
        retracted document never comes back through an ingest.  Returns how
        many entries changed something."""
        from .curation import reapply_for

        return reapply_for(self, extractions)

    # -- curation (graph/curation.py holds the logic; stores keep the log) ----
    @abstractmethod
    def curation_log(self) -> list["CurationEntry"]:
        """Every curation entry, oldest first."""

    @abstractmethod
    def curation_version(self) -> tuple[int, str | None]:
        """How many entries the log holds and which came last (a cheap read
        that says whether the log changed: it only grows)."""

    @abstractmethod
    def relations_of_document(self, document_id: str) -> list[Relation]:
        """The relations (with all their evidence) some evidence of the document supports."""

    @abstractmethod
    def _apply_changes(self, changes: "Changes", entries: Sequence["CurationEntry"] = ()) -> None:
        """Carry out ``changes`` in the order ``Changes`` gives, then append
        ``entries`` (ids already in the log are skipped), as one unit where
        the server allows."""

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

    def entity_ids_of_type(self, type: EntityType) -> list[str]:
        """Ids of every entity of ``type``, sorted: the lists a store holds
        are few among many companies, and this finds them without reading
        the others (stores override it with one indexed query)."""
        return sorted(e.id for e in self.entities() if e.type is type)

    @abstractmethod
    def lookup(self, name: str) -> list[Entity]:
        """Entities whose canonical name or an alias normalises to ``name``'s form."""

    def lookup_many(self, names: Iterable[str]) -> dict[str, list[Entity]]:
        """``lookup`` of many names at once, keyed by normalised name: one
        round trip on stores that can (a list of thousands of entries, a
        bulk write), one lookup per name otherwise."""
        out: dict[str, list[Entity]] = {}
        for name in names:
            norm = normalise_name(name)
            if norm not in out:
                out[norm] = self.lookup(name)
        return {norm: found for norm, found in out.items() if found}

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

    def cited_paths(self, query: PathQuery) -> tuple[list[OwnershipPath], dict[str, DocumentInfo]]:
        """``paths`` and the documents their evidence cites, as an answer
        shows them; a store may read both at once."""
        found = self.paths(query)
        return found, self.document_infos(cited_document_ids(found))

    @abstractmethod
    def subgraph(self, entity_id: str, depth: int = 1, max_nodes: int | None = None) -> Subgraph:
        """Entities within ``depth`` hops and the relations among them; with
        ``max_nodes``, the walk stops once that many are found (nearest first,
        then by id) and the answer says it was cut, so a hub costs no more
        than the page that shows it."""

    # -- walks (the questions in graph/questions.py are built on these) -------
    @abstractmethod
    def degrees(self, ids: Iterable[str], types: Sequence[RelationType], walk: Walk) -> dict[str, int]:
        """How many relations of ``types`` each entity has in the ``walk``
        direction (an unknown id counts 0): lets a walk skip hubs before
        reading their links."""

    @abstractmethod
    def links(self, ids: Iterable[str], types: Sequence[RelationType], walk: Walk) -> list[Link]:
        """Every relation of ``types`` leaving (``out``), entering (``in``) or
        touching (``both``) one of ``ids``, once each, ordered by key."""

    @abstractmethod
    def relations_by_key(self, keys: Iterable[tuple[str, str, str]]) -> dict[tuple[str, str, str], Relation]:
        """The stored relations (with evidence) of (head, type, tail) keys; absent keys are left out."""

    @abstractmethod
    def document_infos(self, ids: Iterable[str]) -> dict[str, DocumentInfo]:
        """Source, title, date and language of documents, without their text."""

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
        found, matches = self._id_or_name(name)
        if found is not None:
            return found
        if matches:
            return sorted(matches, key=lambda e: (e.type.value != "ORG", e.name))[0]
        raise self._not_found(name)

    def _id_or_name(self, name: str) -> tuple[Entity | None, list[Entity]]:
        """The entity whose id is ``name``, else the entities it names (by lookup)."""
        name = name.strip()
        if not name:
            raise EntityNotFound(name, store=self.location)
        return self._entity_or_named(name)

    def _entity_or_named(self, name: str) -> tuple[Entity | None, list[Entity]]:
        """``_id_or_name`` for a stripped, non-empty ``name``; a store may
        answer both questions at once."""
        found = self.get_entity(name)
        return (found, []) if found is not None else (None, self.lookup(name))

    def resolve_exact(self, name: str) -> Entity | None:
        """The entity ``name`` is the id of, or the one entity with ``name`` as
        its name or an alias exactly (ignoring case); None when it is neither
        (``resolve_unique`` then decides).  Index lookups only, never a scan:
        cheap enough to answer without leaving the event loop."""
        found, matches = self._id_or_name(name)
        return found if found is not None else _one_exact(name.strip(), matches)

    @contextmanager
    def bulk_load(self, relations: int) -> Iterator[None]:
        """A load of about ``relations`` relations runs in the block (in any
        number of writes): a store may prepare for it and finish once at its
        end (SQLite builds the indexes only reads need after the load).
        Nothing by default."""
        yield

    @contextmanager
    def quick_reads(self) -> Iterator[bool]:
        """Whether reads may run where blocking costs others their turn (an
        event loop): True only while the store is a local file ready to
        answer at once, nothing to wait for or rebuild first.  Network stores
        never are; the SQLite store is while its graph index is current and no
        other thread is using it (and keeps it so until the block ends).

        Inside the block a path search that would look at more than
        ``QUICK_MAX_WORK`` edges raises QuickReadTooLong instead of going on:
        quick means short, not only free of waiting."""
        yield False

    def resolve_unique(self, name: str) -> Entity:
        """The one entity ``name`` stands for, or EntityAmbiguous with the candidates.

        An id, or a name or alias written exactly (ignoring case) by one
        entity, is that entity.  Otherwise every entity whose folded names
        equal the query's or start with its words is a candidate
        ("China Electronics" fits China Electronics Corporation and China
        Electronics Technology Group Corporation): one candidate is the answer,
        several are an EntityAmbiguous, none an EntityNotFound with the
        closest spellings.  Questions about one company use this, so a
        researcher never reads an answer about the wrong one.
        """
        found, matches = self._id_or_name(name)
        if found is not None:
            return found
        name = name.strip()
        exact = _one_exact(name, matches)
        if exact is not None:
            return exact
        norm = normalise_name(name)
        candidates = {e.id: e for e in matches}
        for e in self.search(name, limit=50):
            if any(normalise_name(n).startswith(norm + " ") for n in e.names()):
                candidates.setdefault(e.id, e)
        # as resolve(): an organisation wins over a product or place of the same name
        pool = [e for e in candidates.values() if e.type is EntityType.ORG] or list(candidates.values())
        if len(pool) > 1:
            raise EntityAmbiguous(name, sorted(pool, key=lambda e: (len(e.name), e.name)))
        if pool:
            return pool[0]
        raise self._not_found(name)

    def _not_found(self, name: str) -> EntityNotFound:
        """EntityNotFound naming the store, and saying so when it holds no article."""
        if not self.has_articles():
            return EntityNotFound(name, store=self.location, store_empty=True)
        return EntityNotFound(name, self.suggest(name), store=self.location)

    def has_articles(self) -> bool:
        """Whether any article (not only the reference data every ingest
        loads) is stored: a store without one is "empty" to its user."""
        from .reference import reference_document_ids

        reference = reference_document_ids()
        documents = self.counts().get("documents", 0)
        if documents > len(reference):
            return True
        return documents > sum(1 for doc_id in reference if self.has_document(doc_id))

    def close_matches(self, name: str, n: int = 5, cutoff: float = 0.6) -> list[Entity]:
        """Entities with a name or alias spelled close to ``name`` ("Huawai"
        -> Huawei), closest first: the fallback when no name contains it."""
        names: dict[str, str] = {}
        for e in self.entities():
            for alias in e.names():
                names.setdefault(normalise_name(alias), e.id)
        out: list[Entity] = []
        for key in difflib.get_close_matches(normalise_name(name), list(names), n=n * 3, cutoff=cutoff):
            ent = self.get_entity(names[key])
            if ent is not None and ent.id not in {e.id for e in out}:
                out.append(ent)
        return out[:n]

    def suggest(self, name: str, n: int = 5) -> list[str]:
        """Names close to ``name``: substring matches first, then fuzzy ones."""
        out = [e.name for e in self.search(name, limit=n)]
        if len(out) < n:
            for e in self.close_matches(name, n):
                if e.name not in out:
                    out.append(e.name)
        return out[:n]


def _one_exact(name: str, matches: Iterable[Entity]) -> Entity | None:
    """The one of ``matches`` with ``name`` as its name or an alias, ignoring
    case (None when none or several are)."""
    exact = [e for e in matches if name.casefold() in {n.casefold() for n in e.names()}]
    return exact[0] if len(exact) == 1 else None


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
