#!/usr/bin/env python3
"""Throughput of chipgraph's extraction against bare spaCy on the same texts.

Reads the seed articles (../shared/seeds relative to the repository, or
--seeds), repeats them to at least --words words, then times in one run:

* bare spaCy: ``nlp.pipe`` of the plain model (no chipgraph components), and
* chipgraph: ``Extractor.extract_many`` (rulers + parse + entity resolution +
  relation rules + model objects).

Prints words/second for both, their ratio (target: chipgraph >= 0.7x bare)
and the peak resident memory of this process (and of worker processes with
--processes > 1).

usage: python benchmarks/extract_throughput.py [--processes N] [--words N] [--batch-size N]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _peak_rss_mb() -> tuple[float, float]:
    """Peak RSS of this process and of its (finished) children, in MB (Linux: ru_maxrss is KiB)."""
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return me, kids


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--processes", type=int, default=1, help="worker processes (bare: nlp.pipe n_process; chipgraph: ingest/parallel.py)")
    ap.add_argument("--words", type=int, default=200_000, help="minimum words to process")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--seeds", type=Path, default=REPO.parent / "shared" / "seeds")
    ap.add_argument("--model", default=None)
    args = ap.parse_args(argv)

    import psutil
    import spacy

    from chipgraph.ingest import Extractor, read_article
    from chipgraph.ingest.parallel import extract_in_processes

    paths = sorted(p for p in args.seeds.glob("*") if p.suffix in (".txt", ".md", ".html"))
    if not paths:
        print(f"no articles in {args.seeds}", file=sys.stderr)
        return 2
    base = [read_article(p) for p in paths]
    base_words = sum(len(a.text.split()) for a in base)
    reps = -(-args.words // base_words)
    articles = base * reps
    words = base_words * reps
    texts = [a.text for a in articles]
    proc = psutil.Process()

    extractor = Extractor(args.model)
    bare = spacy.load(extractor.model_name)
    extractor.nlp  # load both before timing
    print(f"{len(articles)} articles, {words:,} words, model {extractor.model_name}, processes {args.processes}")
    print(f"pipeline bare:      {bare.pipe_names}")
    print(f"pipeline chipgraph: {extractor.nlp.pipe_names}")

    t0 = time.perf_counter()
    n_bare = sum(1 for _ in bare.pipe(texts, batch_size=args.batch_size, n_process=args.processes))
    t_bare = time.perf_counter() - t0
    rss_after_bare = proc.memory_info().rss / 2**20

    t0 = time.perf_counter()
    n_rel = 0
    n_ours = 0
    for x in extract_in_processes(articles, extractor, processes=args.processes, batch_size=args.batch_size):
        n_ours += 1
        n_rel += len(x.relations)
    t_ours = time.perf_counter() - t0
    assert n_bare == n_ours == len(articles)

    wps_bare, wps_ours = words / t_bare, words / t_ours
    me, kids = _peak_rss_mb()
    print(f"bare spaCy nlp.pipe:       {wps_bare:10,.0f} words/s  ({t_bare:.1f}s)")
    print(f"chipgraph extract_many:    {wps_ours:10,.0f} words/s  ({t_ours:.1f}s, {n_rel} relations)")
    print(f"ratio chipgraph/bare:      {wps_ours / wps_bare:10.2f}x  (target >= 0.70)")
    print(f"peak RSS: {me:,.0f} MB (this process; {rss_after_bare:,.0f} MB after the bare run)"
          + (f", {kids:,.0f} MB largest worker" if args.processes > 1 else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
