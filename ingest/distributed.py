"""Extraction of a news archive as a Dask job, past one machine.

Why Dask and not Ray: the work is embarrassingly parallel Python (each
partition of files -> spaCy -> extraction JSON lines) with no actors, GPUs or
shared state, which is what ``dask.bag`` and ``dask.distributed`` do with a
pure-Python install of a few MB; Ray brings a large native runtime and object
store that this job would not use.  The same code runs on a
``LocalCluster`` (the tests, a laptop) and on a real cluster
(``--scheduler tcp://host:8786``).

Workers never touch the graph store: each writes its partition's extractions
to ``part-NNNNN.jsonl`` in the output folder (graph/extraction_io.py), and a
``manifest.json`` records the partitions in input order.  The loader
(api/pipeline.py ``load_extraction_folder``) then writes them into Neo4j or
SQLite from one place, in that order, so the graph equals what
``chipgraph ingest`` builds from the same files.  Inputs and the output
folder must be reachable by every worker at the same path (a shared
filesystem on a real cluster).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

from chipgraph.graph.extraction_io import write_extractions
from chipgraph.graph.model import Extraction

from .errors import ArticleError
from .extractor import Extractor
from .known import KnownNames
from .reader import read_article, scan_article_paths

__all__ = ["ArchiveJob", "MANIFEST", "run_archive_job"]

MANIFEST = "manifest.json"
#: files per partition: a task long enough that scheduling overhead vanishes,
#: short enough that a lost worker costs little to redo
DEFAULT_PARTITION_FILES = 64

_extractors: dict[tuple[tuple[str, Any], ...], Extractor] = {}


@dataclass
class ArchiveJob:
    """What a job did: the partitions written (in input order), the articles
    extracted and the relations in them (the loader's hint of the load's
    size), the files that failed with why, and the wall time."""

    out_dir: Path
    parts: list[str] = field(default_factory=list)
    articles: int = 0
    relations: int = 0
    failed: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    workers: int = 0

    def describe(self) -> str:
        rate = self.articles / self.seconds if self.seconds else 0.0
        failed = f", {len(self.failed)} failed" if self.failed else ""
        return (
            f"{self.articles} article(s) in {len(self.parts)} partition(s) on {self.workers} worker(s)"
            f"{failed} in {self.seconds:.1f}s ({rate:.1f} articles/s) -> {self.out_dir}"
        )


def _extractor(settings: dict[str, Any]) -> Extractor:
    """The worker process's Extractor for ``settings``, loaded once per process."""
    key = tuple(sorted(settings.items()))
    if key not in _extractors:
        _extractors[key] = Extractor(**settings)
    return _extractors[key]


def extract_partition(index: int, files: Sequence[tuple[str, str]], out_dir: str, settings: dict[str, Any],
                      batch_size: int, known: KnownNames | None = None) -> dict[str, Any]:
    """Run on a worker: read and extract one partition's files (each an
    absolute path to read and the path as the user gave it, which stays the
    article's source, as in ``chipgraph ingest``) and write them as
    ``part-{index}.jsonl``; returns the part's name, count and failures."""
    failed: dict[str, str] = {}
    articles = []
    for absolute, given in files:
        try:
            articles.append(replace(read_article(Path(absolute)), source=given))
        except ArticleError as exc:
            failed[given] = str(exc).replace(absolute, given)
    part = f"part-{index:05d}.jsonl"
    extractor = _extractor(settings)
    relations = 0

    def counted(extractions: Iterable[Extraction]) -> Iterator[Extraction]:
        nonlocal relations
        for x in extractions:
            relations += len(x.relations)
            yield x

    count = write_extractions(Path(out_dir) / part,
                              counted(extractor.extract_many(articles, batch_size=batch_size, known=known)))
    return {"index": index, "part": part, "articles": count, "relations": relations, "failed": failed}


def _client(scheduler: str | None, workers: int) -> Any:
    """A client of the cluster at ``scheduler``, or of a new local cluster of
    ``workers`` single-threaded worker processes (spaCy holds the GIL)."""
    from dask.distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    )
    return Client(cluster)


def run_archive_job(
    paths: Sequence[Path],
    out_dir: Path,
    extractor: Extractor,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    partition_files: int = DEFAULT_PARTITION_FILES,
    batch_size: int = 16,
    known: KnownNames | None = None,
) -> ArchiveJob:
    """Extract every article under ``paths`` on a Dask cluster into ``out_dir``.

    ``scheduler`` is the address of a running cluster; without one, a local
    cluster of ``workers`` processes is started and stopped here.  Workers
    build an Extractor from ``extractor.settings()``, so they read exactly as
    ``chipgraph ingest`` would; ``known`` are the listed names of the
    store the result will be loaded into (see ``api.pipeline.known_names``),
    scattered to the workers once.
    """
    import dask.bag as db

    started = time.perf_counter()
    files = [(str(p.absolute()), str(p)) for p in scan_article_paths(list(paths)).files]
    out_dir.mkdir(parents=True, exist_ok=True)
    job = ArchiveJob(out_dir)
    partitions = [files[i:i + partition_files] for i in range(0, len(files), partition_files)]
    settings = extractor.settings()
    client = _client(scheduler, workers)
    try:
        job.workers = len(client.scheduler_info().get("workers", {}))
        names = client.scatter(known, broadcast=True) if known is not None else None
        bag = db.from_sequence(list(enumerate(partitions)), npartitions=max(1, len(partitions)))
        results = bag.map(
            lambda item, names: extract_partition(item[0], item[1], str(out_dir), settings, batch_size, names),
            names=names,
        )
        done = sorted(results.compute(), key=lambda r: r["index"]) if partitions else []
    finally:
        cluster = getattr(client, "cluster", None)
        client.close()
        if cluster is not None and scheduler is None:
            cluster.close()
    for r in done:
        job.parts.append(r["part"])
        job.articles += r["articles"]
        job.relations += r["relations"]
        job.failed.update(r["failed"])
    job.seconds = time.perf_counter() - started
    manifest = {"parts": job.parts, "articles": job.articles, "relations": job.relations, "failed": job.failed,
                "settings": settings}
    (out_dir / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return job
