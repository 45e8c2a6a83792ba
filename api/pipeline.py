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

from chipgraph.graph.model import Extraction, document_id
from chipgraph.graph.reference import load_reference
from chipgraph.graph.store import GraphStore, IngestResult
from chipgraph.ingest import Article, ArticleError, Extractor, iter_article_paths, read_article

__all__ = ["IngestFailure", "IngestSummary", "ingest_paths", "ingest_article"]


@dataclass(frozen=True)
class IngestFailure:
    path: str
    error: str


@dataclass
class IngestSummary:
    """What an ingest run did, for the closing line and the exit code."""

    added: list[IngestResult] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[IngestFailure] = field(default_factory=list)
    seconds: float = 0.0

    def describe(self) -> str:
        rel = sum(r.relations for r in self.added)
        parts = [
            f"{len(self.added)} article(s) added ({rel} relation(s))",
            f"{len(self.unchanged)} already in the store",
        ]
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
) -> IngestSummary:
    """Ingest every article under ``paths`` into ``store``.

    Each article is written in its own transaction, so an interrupted run
    keeps what it finished and a re-run completes the rest.  A file that
    cannot be read is reported (``on_failure``) and skipped: one bad file
    never costs the others.
    """
    started = time.perf_counter()
    summary = IngestSummary()
    load_reference(store)
    files = iter_article_paths(list(paths))

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
            if store.has_document(document_id(article.text)):
                summary.unchanged.append(str(path))
                bar.update(1)
                continue
            yield article

    # disable=None: tqdm shows the bar on a terminal and stays quiet in logs.
    disable = None if progress is None else not progress
    with tqdm(total=len(files), unit="article", desc="ingest", disable=disable) as bar:
        for extraction in extractor.extract_many(new_articles(bar), batch_size=batch_size, n_process=processes):
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
    extraction = extractor.extract(article)
    return store.add(extraction), extraction
