"""Extraction on every core: whole articles go to worker processes, each with
its own spaCy pipeline, and their extractions come back in input order.

spaCy's own ``n_process`` parallelises only the parse and ships every Doc
back to the caller, which then runs the rules alone; here each worker parses
*and* runs the rules, and returns the small :class:`Extraction`, so the one
process that writes the store does little besides writing.  Results come back
in the order the articles went in: names resolve against the store in that
order, so the graph is the same as a single-process run's.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Iterable, Iterator

from chipgraph.graph.model import Extraction

from .extractor import Extractor
from .known import KnownNames
from .reader import Article

__all__ = ["available_cores", "extract_in_processes", "worker_count"]

#: articles per task sent to a worker: enough to amortise the round trip and
#: let ``nlp.pipe`` batch, few enough that both workers stay busy on a small run
TASK_ARTICLES = 8
#: below this many articles per worker, starting workers (each loads spaCy,
#: about two seconds) costs more than it saves
MIN_ARTICLES_PER_WORKER = 24

_worker_extractor: Extractor | None = None
_worker_known: KnownNames | None = None


def available_cores() -> int:
    """Cores this process may run on (a container's CPU set, not the host's)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def worker_count(requested: int, articles: int | None) -> int:
    """How many processes to use: ``requested`` when it is positive; for 0
    ("auto") every available core, but never more than the number of
    articles can keep busy, so a handful of files is not slowed by start-up."""
    if requested > 0:
        return requested
    cores = available_cores()
    if articles is None:
        return cores
    return max(1, min(cores, articles // MIN_ARTICLES_PER_WORKER))


def _start_worker(settings: dict[str, object], known: KnownNames | None) -> None:
    """A worker's one-time set-up: its pipeline, and the known names it
    matches (sent once here, not with every task)."""
    global _worker_extractor, _worker_known
    _worker_extractor = Extractor(**settings)  # type: ignore[arg-type]
    _worker_known = known
    _worker_extractor.nlp  # load now, not inside the first task's timing


def _extract_task(articles: list[Article], batch_size: int) -> list[Extraction]:
    assert _worker_extractor is not None, "worker started without its extractor"
    return list(_worker_extractor.extract_many(articles, batch_size=batch_size, known=_worker_known))


def extract_in_processes(
    articles: Iterable[Article],
    extractor: Extractor,
    *,
    processes: int,
    batch_size: int = 16,
    known: KnownNames | None = None,
) -> Iterator[Extraction]:
    """Extractions of ``articles`` in input order, read by ``processes``
    worker processes each holding a pipeline configured like ``extractor``
    (and matching ``known`` names, as ``Extractor.extract_many`` does).

    At most two tasks per worker are in flight, so memory stays bounded
    however long the input is, and a consumer that stops early (an
    interrupted ingest) leaves no work running.  With one process this is
    just ``extractor.extract_many``.
    """
    if processes <= 1:
        yield from extractor.extract_many(articles, batch_size=batch_size, known=known)
        return
    global _worker_extractor, _worker_known
    if "fork" in multiprocessing.get_all_start_methods():
        # Fork: the pipeline is loaded once, here, and every worker starts
        # with it at once (pages shared copy-on-write) instead of importing
        # spaCy and loading the model again.  A worker never touches what
        # the parent's other threads may hold (the store's connection or
        # driver, the progress bar): it only extracts and returns results,
        # and logging re-creates its locks after a fork.
        context = multiprocessing.get_context("fork")
        extractor.nlp
        _worker_extractor, _worker_known = extractor, known
        start: dict[str, object] = {}
    else:  # no fork (macOS, Windows): each worker builds its own
        context = multiprocessing.get_context("spawn")
        start = {"initializer": _start_worker, "initargs": (extractor.settings(), known)}
    source = iter(articles)
    pending: deque[Future[list[Extraction]]] = deque()
    with ProcessPoolExecutor(max_workers=processes, mp_context=context, **start) as pool:  # type: ignore[arg-type]
        try:
            while True:
                while len(pending) < 2 * processes:
                    chunk = list(islice(source, TASK_ARTICLES))
                    if not chunk:
                        break
                    pending.append(pool.submit(_extract_task, chunk, batch_size))
                if not pending:
                    return
                yield from pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()
            _worker_extractor = _worker_known = None
