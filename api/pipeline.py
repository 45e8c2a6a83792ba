"""Articles in, stored facts out: the one place that joins ingest and graph.

The CLI, the API and the demo all ingest through here, so "what an ingest
does" (reference data first, per-article transactions, unreadable files
reported and skipped, already-stored articles not re-extracted) is the same
everywhere.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

from tqdm import tqdm

from chipgraph.graph.lists.known import listed_names
from chipgraph.graph.model import Extraction, document_id
from chipgraph.graph.reference import load_reference
from chipgraph.graph.store import GraphStore, IngestResult
from chipgraph.ingest import Article, ArticleError, Extractor, KnownNames, read_article, scan_article_paths
from chipgraph.ingest.fetch import FetchSettings, read_url
from chipgraph.ingest.parallel import extract_in_processes, worker_count

__all__ = ["IngestFailure", "IngestSummary", "ingest_paths", "ingest_article", "known_names", "load_extraction_folder"]


def known_names(store: GraphStore) -> KnownNames:
    """The parties of the store's imported lists, for the recogniser: an
    article naming one is read even when the statistical NER misses it."""
    listed = listed_names(store)
    return KnownNames(listed.version, listed.entities)


@dataclass(frozen=True)
class IngestFailure:
    """A file or web address not stored, and why (a read or fetch error, or
    a file left out of a folder); ``kind`` is what the summary counts it as."""

    path: str
    error: str
    kind: str = "skipped"


@dataclass
class IngestSummary:
    """What an ingest run did, for the closing line and the exit code."""

    added: list[IngestResult] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[IngestFailure] = field(default_factory=list)
    #: files met in a folder that are not articles (a PDF, a FIFO), with why
    skipped: list[IngestFailure] = field(default_factory=list)
    #: the encoding each file read was decoded with, by path
    encodings: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def not_utf8(self) -> dict[str, str]:
        """The files that were not UTF-8 and the encoding they were read in."""
        return {path: enc for path, enc in self.encodings.items() if enc != "utf-8"}

    def describe(self) -> str:
        rel = sum(r.relations for r in self.added)
        parts = [
            f"{len(self.added)} article(s) added ({rel} relation(s))",
            f"{len(self.unchanged)} already in the store",
        ]
        if self.not_utf8:
            used = ", ".join(sorted(set(self.not_utf8.values())))
            parts.append(f"{len(self.not_utf8)} read as {used}, not UTF-8")
        if self.skipped:
            parts.append(f"{len(self.skipped)} file(s) skipped")
        if self.failed:
            kinds: dict[str, int] = {}
            for failure in self.failed:
                kinds[failure.kind] = kinds.get(failure.kind, 0) + 1
            parts.append(f"{len(self.failed)} failed (" + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) + ")")
        return ", ".join(parts) + f" in {self.seconds:.1f}s"


def ingest_paths(
    store: GraphStore,
    paths: Sequence[Path],
    extractor: Extractor,
    *,
    progress: bool | None = None,
    batch_size: int = 16,
    processes: int = 0,
    on_failure: Callable[[IngestFailure], None] | None = None,
    on_skip: Callable[[IngestFailure], None] | None = None,
    on_decoded: Callable[[str, str], None] | None = None,
    urls: Sequence[str] = (),
    fetch: FetchSettings | None = None,
) -> IngestSummary:
    """Ingest every article under ``paths``, and at ``urls``, into ``store``.

    Articles are read on ``processes`` cores (0: every core, see
    :func:`~chipgraph.ingest.parallel.worker_count`) and written here, in
    input order, by this one process, through the store's bulk path: a
    transaction holds whole articles only, so an interrupted run keeps what
    it finished and a re-run completes the rest.  A file that
    cannot be read is reported (``on_failure``) and skipped: one bad file
    never costs the others.  Files in a folder that are not articles are
    named with the reason (``on_skip``); a file read in an encoding other
    than UTF-8 is named with it (``on_decoded(path, encoding)``).  A web
    address is fetched with ``fetch``'s caps; one that fails (not found, too
    large, timed out) is reported like an unreadable file.

    Paths are checked before the store is touched: a path that does not
    exist raises :class:`ArticleNotFound` and nothing is written.
    """
    started = time.perf_counter()
    summary = IngestSummary()
    scan = scan_article_paths(list(paths))
    files = scan.files
    for skipped in scan.skipped:
        entry = IngestFailure(str(skipped.path), skipped.reason)
        summary.skipped.append(entry)
        if on_skip:
            on_skip(entry)
    load_reference(store)
    known = known_names(store)

    def fail(path: Path | str, exc: ArticleError) -> None:
        failure = IngestFailure(str(path), str(exc), exc.kind)
        summary.failed.append(failure)
        if on_failure:
            on_failure(failure)

    def new_articles(bar: tqdm) -> Iterator[Article]:
        sources: list[tuple[str | Path, Callable[[], Article]]] = [(p, lambda p=p: read_article(p)) for p in files]
        sources += [(u, lambda u=u: read_url(u, fetch)) for u in urls]
        for path, read in sources:
            try:
                article = read()
            except ArticleError as exc:
                fail(path, exc)
                bar.update(1)
                continue
            summary.encodings[str(path)] = article.encoding
            if article.encoding != "utf-8" and on_decoded:
                on_decoded(str(path), article.encoding)
            if store.has_document(document_id(article.text)):
                summary.unchanged.append(str(path))
                bar.update(1)
                continue
            yield article

    # disable=None: tqdm shows the bar on a terminal and stays quiet in logs.
    disable = None if progress is None else not progress
    with tqdm(total=len(files) + len(urls), unit="article", desc="ingest", disable=disable) as bar:
        workers = worker_count(processes, len(files) + len(urls))
        extractions = extract_in_processes(
            new_articles(bar), extractor, processes=workers, batch_size=batch_size, known=known
        )
        _write_in_order(store, extractions, summary, bar)
    if summary.added:
        store.prepare_queries()
    summary.seconds = time.perf_counter() - started
    return summary


#: articles handed to the store's bulk path at once: large enough that a
#: batch costs one transaction and one name query, small enough that the
#: progress bar moves and an interruption loses little extraction work
WRITE_BATCH = 64


def _write_in_order(store: GraphStore, extractions: Iterable[Extraction], summary: IngestSummary, bar: tqdm) -> None:
    """Write ``extractions`` through the store's bulk path in the order given
    (names resolve against what came before), each with the entities its
    relations name (``Extraction.with_stated_entities``), noting each in
    ``summary``."""
    group: list[Extraction] = []

    def flush() -> None:
        for result in store.add_many(group):
            if result.added:
                summary.added.append(result)
            else:
                summary.unchanged.append(result.source)
        bar.update(len(group))
        group.clear()

    for extraction in extractions:
        group.append(extraction.with_stated_entities())
        if len(group) >= WRITE_BATCH:
            flush()
    flush()


def ingest_article(store: GraphStore, article: Article, extractor: Extractor) -> tuple[IngestResult, Extraction]:
    """Extract and store one article given in memory (the API's POST /documents)."""
    load_reference(store)
    extraction = extractor.extract(article, known_names(store))
    return store.add(extraction.with_stated_entities()), extraction


def load_extraction_folder(store: GraphStore, folder: Path, *, progress: bool | None = None) -> IngestSummary:
    """Write the extractions an archive job left in ``folder`` into ``store``,
    partition by partition in the manifest's (input) order, so the graph is
    the one ``ingest_paths`` builds from the same files.  The job's failed
    files are carried into the summary; a folder without a manifest (a job
    that did not finish) is refused rather than loaded in part."""
    from chipgraph.graph.extraction_io import ExtractionFileError, read_extractions
    from chipgraph.ingest.distributed import MANIFEST

    started = time.perf_counter()
    manifest_path = folder / MANIFEST
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        parts = [folder / str(p) for p in manifest["parts"]]
        failed = dict(manifest.get("failed", {}))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ExtractionFileError(
            f"{manifest_path}: no readable job manifest ({exc}); run `chipgraph job extract` to completion first"
        ) from exc
    summary = IngestSummary(failed=[IngestFailure(path, error, "failed in the job") for path, error in failed.items()])
    load_reference(store)
    disable = None if progress is None else not progress
    # a job's manifest says how many relations it holds (older ones do not: no hint then)
    with tqdm(total=int(manifest.get("articles", 0)), unit="article", desc="load", disable=disable) as bar, \
            store.bulk_load(int(manifest.get("relations", 0))):
        for part in parts:
            _write_in_order(store, read_extractions(part), summary, bar)
    if summary.added:
        store.prepare_queries()
    summary.seconds = time.perf_counter() - started
    return summary
