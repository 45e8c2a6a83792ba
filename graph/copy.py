"""Copying a whole graph from one store to another (``chipgraph copy --from --to``).

Moving from the embedded SQLite file to a team's Neo4j server (or back, for a
laptop) must keep every document with its text, every entity with its aliases
and every relation with all of its evidence, ids unchanged.  The copy writes
rows as they are -- no name resolution, which could merge entities the source
keeps apart -- and is idempotent: stores MERGE on ids, so a copy cut short is
completed by running it again.
"""

from __future__ import annotations

import logging
import time
from dataclasses import asdict, dataclass
from typing import Any, Iterable, Iterator, Protocol, Sequence, TypeVar, runtime_checkable

from tqdm import tqdm

from .curation import copy_log
from .model import Document, Entity, Evidence, Extraction, Relation
from .store import GraphStore

__all__ = ["CopyReport", "copy_graph", "BulkWriter"]

log = logging.getLogger(__name__)
T = TypeVar("T")


@runtime_checkable
class BulkWriter(Protocol):
    """A store that can take rows in bulk (the Neo4j store does).  Stores
    without it are written one source document at a time through ``_write``."""

    def write_batch(
        self,
        *,
        documents: Sequence[Document] = (),
        entities: Sequence[Entity] = (),
        relations: Sequence[Relation] = (),
    ) -> None: ...


@dataclass(frozen=True)
class CopyReport:
    """What a copy read from the source and what the target did with it."""

    source: str
    target: str
    documents: int
    entities: int
    relations: int
    evidence: int
    skipped_documents: int  # already complete in the target
    unattached: int  # entities/relations that could not be written (no source document to carry them)
    seconds: float
    curation: int = 0  # curation log entries appended to the target (then re-applied there)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __str__(self) -> str:
        """One line for the CLI: ``12 documents (3 already there), ...``."""
        extra = f", {self.unattached} not copied" if self.unattached else ""
        log = f", {self.curation} curation entries" if self.curation else ""
        return (
            f"{self.documents} documents ({self.skipped_documents} already there), {self.entities} entities, "
            f"{self.relations} relations, {self.evidence} pieces of evidence{log} in {self.seconds:.1f}s{extra}"
        )


def copy_graph(
    source: GraphStore, target: GraphStore, *, batch_size: int = 1000, progress: bool | None = True
) -> CopyReport:
    """Copy documents (with text), entities and relations (with evidence)
    from ``source`` into ``target``.

    Parameters
    ----------
    batch_size:
        Rows per write for stores that take bulk writes.
    progress:
        Show a tqdm bar on stderr (None: only when stderr is a terminal).

    Returns
    -------
    CopyReport
        Counts of what was read, and how many documents the target already had.

    Raises
    ------
    ValueError
        ``source`` and ``target`` are the same store.

    The curation log travels too: entries the target lacks are appended in
    order and the whole log is re-applied there.
    StoreError
        Either store failed (the message names it); re-running completes the copy.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    if source is target or source.location == target.location:
        raise ValueError(f"cannot copy {source.location} onto itself")
    started = time.monotonic()
    totals = source.counts()
    bar = tqdm(
        total=totals["documents"] + totals["entities"] + totals["relations"],
        unit="row",
        desc=f"copy to {target.location}",
        disable=None if progress is None else not progress,
    )
    try:
        if isinstance(target, BulkWriter):
            counts = _copy_bulk(source, target, batch_size, bar)
        else:
            counts = _copy_by_document(source, target, bar)
    finally:
        bar.close()
    # the analysts' log goes along and is re-applied there, so decisions hold
    # on the target whatever it held before
    counts["curation"] = copy_log(source, target)
    return CopyReport(
        source=source.location,
        target=target.location,
        seconds=round(time.monotonic() - started, 3),
        **counts,
    )


def _copy_bulk(source: GraphStore, target: Any, batch_size: int, bar: tqdm) -> dict[str, int]:
    """Entities, then relations with evidence, then documents last (a document
    marks its article complete, so it must not arrive before its facts)."""
    n = {"documents": 0, "entities": 0, "relations": 0, "evidence": 0, "skipped_documents": 0, "unattached": 0}
    for chunk in _batches(source.entities(), batch_size):
        target.write_batch(entities=chunk)
        n["entities"] += len(chunk)
        bar.update(len(chunk))
    for chunk in _batches(source.relations(), batch_size):
        target.write_batch(relations=chunk)
        n["relations"] += len(chunk)
        n["evidence"] += sum(len(r.evidence) for r in chunk)
        bar.update(len(chunk))
    for chunk in _batches(source.documents(), max(1, batch_size // 10)):  # documents carry their text
        new = [d for d in chunk if not target.has_document(d.id)]
        n["skipped_documents"] += len(chunk) - len(new)
        if new:
            target.write_batch(documents=new)
        n["documents"] += len(chunk)
        bar.update(len(chunk))
    return n


def _copy_by_document(source: GraphStore, target: GraphStore, bar: tqdm) -> dict[str, int]:
    """One atomic ``_write`` per source document, carrying the relations (with
    that document's evidence only) and entities it supports; relations
    accumulate their evidence across documents exactly as in the source.

    Holds the source's relations in memory: fine for the stores chipgraph
    builds from news; a very large graph should go to a bulk-writing store.
    """
    n = {"documents": 0, "entities": 0, "relations": 0, "evidence": 0, "skipped_documents": 0, "unattached": 0}
    entities = {e.id: e for e in source.entities()}
    n["entities"] = len(entities)
    by_doc: dict[str, list[tuple[Relation, Evidence]]] = {}
    bare: list[Relation] = []  # relations without evidence
    for rel in source.relations():
        n["relations"] += 1
        n["evidence"] += len(rel.evidence)
        if not rel.evidence:
            bare.append(rel)
        for ev in rel.evidence:
            by_doc.setdefault(ev.document_id, []).append((rel, ev))
    bar.update(n["relations"])

    carried: set[str] = set()
    first = True
    for doc in source.documents():
        n["documents"] += 1
        bar.update(1)
        rels: dict[tuple[str, str, str], Relation] = {}
        for rel, ev in by_doc.pop(doc.id, ()):
            rels[rel.key] = rels[rel.key].merged(_with(rel, (ev,))) if rel.key in rels else _with(rel, (ev,))
        ent_ids = {end for r in rels.values() for end in (r.head, r.tail)}
        if first:
            # entities no relation names, and relations without evidence,
            # travel with the first document
            ent_ids |= set(entities)
            for rel in bare:
                rels.setdefault(rel.key, rel)
            first = False
        carried |= ent_ids
        if target.has_document(doc.id):
            n["skipped_documents"] += 1
            continue
        target._write(Extraction(doc, tuple(entities[i] for i in sorted(ent_ids)), tuple(rels.values())))
    bar.update(len(entities))
    orphans = sum(len(v) for v in by_doc.values())
    if first and (entities or bare):  # no documents at all
        n["unattached"] += len(entities) + len(bare)
    if orphans:
        n["unattached"] += orphans
        log.warning(
            "%d piece(s) of evidence in %s name documents it does not hold; they were not copied",
            orphans,
            source.location,
        )
    return n


def _with(rel: Relation, evidence: tuple[Evidence, ...]) -> Relation:
    return Relation(rel.head, rel.type, rel.tail, evidence, unsourced_attributes=rel.unsourced_attributes)


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
