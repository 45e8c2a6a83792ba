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
from typing import Any, Protocol, Sequence, runtime_checkable

from tqdm import tqdm

from .batching import batches
from .curation import copy_log
from .gc_pause import collection_paused
from .model import Document, Entity, Evidence, Relation
from .store import GraphStore

__all__ = ["CopyReport", "copy_graph", "BulkWriter"]

log = logging.getLogger(__name__)


@runtime_checkable
class BulkWriter(Protocol):
    """What a copy target takes: rows as they are, written as one unit (one
    transaction on either store; FalkorDB: documents last).  Both stores
    implement it."""

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
    source: GraphStore, target: GraphStore, *, batch_size: int | None = None, progress: bool | None = True
) -> CopyReport:
    """Copy documents (with text), entities and relations (with evidence)
    from ``source`` into ``target``.

    Parameters
    ----------
    batch_size:
        Rows (documents, entities, relations, evidence) per ``write_batch``;
        whole documents only.  None: the target's ``copy_batch_rows``
        (SQLite takes big transactions best), else 1,000.
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
    if batch_size is None:
        batch_size = getattr(target, "copy_batch_rows", 1000)
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    if source is target or source.location == target.location:
        raise ValueError(f"cannot copy {source.location} onto itself")
    if not isinstance(target, BulkWriter):
        raise TypeError(f"{type(target).__name__} takes no bulk writes (write_batch): it cannot be a copy target")
    started = time.monotonic()
    totals = source.counts()
    bar = tqdm(
        total=totals["documents"] + totals["entities"] + totals["relations"],
        unit="row",
        desc=f"copy to {target.location}",
        disable=None if progress is None else not progress,
    )
    try:
        # hundreds of thousands of rows in memory, no cycles; a target that
        # builds indexes after a bulk load (SQLite) is told one is coming
        with collection_paused(), target.bulk_load(totals["relations"]):
            counts = _copy(source, target, batch_size, bar)
    finally:
        bar.close()
    # the analysts' log goes along and is re-applied there, so decisions hold
    # on the target whatever it held before
    counts["curation"] = copy_log(source, target)
    target.prepare_queries()
    return CopyReport(
        source=source.location,
        target=target.location,
        seconds=round(time.monotonic() - started, 3),
        **counts,
    )


def _copy(source: GraphStore, target: BulkWriter, batch_size: int, bar: tqdm) -> dict[str, int]:
    """Source documents in batches of about ``batch_size`` rows, each batch
    one ``write_batch`` carrying the documents, the relations with the
    evidence those documents give, and the entities they name that no earlier
    batch carried: whatever the target, an article arrives whole or not at
    all, and relations accumulate their evidence across batches exactly as in
    the source.  Entities no relation names, and relations without evidence,
    travel with the first batch written.

    Holds the source's relations in memory (an index from document to
    evidence): fine for the graphs chipgraph builds from news.
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
    lonely = set(entities) - {end for pairs in by_doc.values() for rel, _ in pairs for end in (rel.head, rel.tail)}
    lonely -= {end for rel in bare for end in (rel.head, rel.tail)}

    carried: set[str] = set()
    first = True

    def write(docs: list[Document]) -> None:
        nonlocal first
        rels: dict[tuple[str, str, str], Relation] = {}
        for doc in docs:
            for rel, ev in by_doc.pop(doc.id, ()):
                key = rel.key
                rels[key] = rels[key].merged(_with(rel, (ev,))) if key in rels else _with(rel, (ev,))
        if first:
            for rel in bare:
                rels.setdefault(rel.key, rel)
        ent_ids = {end for r in rels.values() for end in (r.head, r.tail)} | (lonely if first else set())
        new_ids = sorted(ent_ids - carried)
        target.write_batch(documents=docs, entities=[entities[i] for i in new_ids], relations=list(rels.values()))
        carried.update(new_ids)
        first = False

    batch: list[Document] = []
    rows = 0
    for chunk in batches(source.documents(), max(1, batch_size // 10)):  # documents carry their text
        known = set(target.document_infos(d.id for d in chunk))  # one query, not one per document
        for doc in chunk:
            n["documents"] += 1
            if doc.id in known:
                n["skipped_documents"] += 1
                by_doc.pop(doc.id, None)
                continue
            batch.append(doc)
            rows += 1 + sum(2 for _ in by_doc.get(doc.id, ()))
        bar.update(len(chunk))
        if rows >= batch_size:
            write(batch)
            batch, rows = [], 0
    if batch:
        write(batch)
    bar.update(len(entities))
    orphans = sum(len(v) for v in by_doc.values())
    if first and n["documents"] == 0 and (entities or bare):  # no documents at all
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
    if rel.evidence == evidence:  # the common case: one piece of evidence
        return rel
    return Relation(rel.head, rel.type, rel.tail, evidence, unsourced_attributes=rel.unsourced_attributes)


