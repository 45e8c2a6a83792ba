"""Articles in, stored facts out: the one place that joins ingest and graph.

The CLI, the API and the demo all ingest through here, so "what an ingest
does" (reference data first, per-article transactions, unreadable files
reported and skipped, already-stored articles not re-extracted) is the same
everywhere.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Sequence

from tqdm import tqdm

from chipgraph.graph.lists.known import listed_names
from chipgraph.graph.model import Extraction, document_id
from chipgraph.graph.reference import load_reference
from chipgraph.graph.store import GraphStore, IngestResult
from chipgraph.ingest import Article, ArticleError, Extractor, KnownNames, read_article, scan_article_paths

__all__ = ["IngestFailure", "IngestSummary", "ingest_paths", "ingest_article", "known_names"]


def known_names(store: GraphStore) -> KnownNames:
    """The parties of the store's imported lists, for the recogniser: an
    article naming one is read even when the statistical NER misses it."""
    listed = listed_names(store)
    return KnownNames(listed.version, listed.entities)


@dataclass(frozen=True)
class IngestFailure:
    """A file not stored, and why (a read error, or a file left out of a folder)."""

    path: str
    error: str


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
            parts.append(f"{len(self.failed)} failed")
        return ", ".join(parts) + f" in {self.seconds:.1f}s"


def ingest_paths(
    store: GraphStore,
    paths: Sequence[Path],
    extractor: Extractor,
    *,
    progress: bool | None = None,
    batch_size: int = 16,
    processes: int = 1,
    on_failure: Callable[[IngestFailure], None] | None = None,
    on_skip: Callable[[IngestFailure], None] | None = None,
    on_decoded: Callable[[str, str], None] | None = None,
) -> IngestSummary:
    """Ingest every article under ``paths`` into ``store``.

    Each article is written in its own transaction, so an interrupted run
    keeps what it finished and a re-run completes the rest.  A file that
    cannot be read is reported (``on_failure``) and skipped: one bad file
    never costs the others.  Files in a folder that are not articles are
    named with the reason (``on_skip``); a file read in an encoding other
    than UTF-8 is named with it (``on_decoded(path, encoding)``).

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

    def fail(path: Path | str, exc: Exception) -> None:
        failure = IngestFailure(str(path), str(exc))
        summary.failed.append(failure)
        if on_failure:
            on_failure(failure)

    def new_articles(bar: tqdm) -> Iterator[Article]:
        for path in files:
            try:
                article = read_article(path)
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
    with tqdm(total=len(files), unit="article", desc="ingest", disable=disable) as bar:
        for extraction in extractor.extract_many(
            new_articles(bar), batch_size=batch_size, n_process=processes, known=known
        ):
            result = store.add(extraction)
            if result.added:
                summary.added.append(result)
            else:
                summary.unchanged.append(result.source)
            bar.update(1)
    summary.seconds = time.perf_counter() - started
    return summary


def ingest_article(store: GraphStore, article: Article, extractor: Extractor) -> tuple[IngestResult, Extraction]:
    """Extract and store one article given in memory (the API's POST /documents)."""
    load_reference(store)
    extraction = extractor.extract(article, known_names(store))
    return store.add(extraction), extraction
