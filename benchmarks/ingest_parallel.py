"""`chipgraph ingest` on one core and on every core, and the Dask archive job,
over the same synthetic archive (data/synthetic.py).

    python benchmarks/ingest_parallel.py --articles 500
    python benchmarks/ingest_parallel.py --articles 500 --job   # also the Dask job + load

Each run is a fresh `chipgraph` process into a fresh SQLite file, timed wall
clock, as a user would run it (spaCy start-up included).  Prints the
speed-up, the per-core article rate and what 10M articles would take on N
workers at that rate (extraction only; the load is separate and bounded by
the store's write rate).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from chipgraph.data.synthetic import write_synthetic_archive

CHIPGRAPH = Path(sys.executable).with_name("chipgraph")


def _run(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run([str(CHIPGRAPH), *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--job", action="store_true", help="also time the Dask job (2 local workers) and its load")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        archive = root / "archive"
        write_synthetic_archive(archive, args.articles)
        words = sum(len(p.read_text().split()) for p in archive.iterdir())
        print(f"{args.articles} synthetic articles, {words:,} words")
        one = _run("--store", str(root / "one.sqlite"), "ingest", "--processes", "1", str(archive))
        print(f"ingest, 1 process:      {one:6.1f} s  ({args.articles / one:5.1f} articles/s)")
        every = _run("--store", str(root / "all.sqlite"), "ingest", str(archive))
        print(f"ingest, every core:     {every:6.1f} s  ({args.articles / every:5.1f} articles/s)"
              f"  = {every / one:.2f}x the single-process time (target <= 0.65x)")
        per_core = args.articles / one
        if args.job:
            job = _run("job", "extract", str(archive), "--out", str(root / "job"), "--workers", "2")
            load = _run("--store", str(root / "job.sqlite"), "job", "load", str(root / "job"))
            print(f"dask job, 2 workers:    {job:6.1f} s  (cluster start included); load {load:.1f} s")
        for workers in (2, 16, 64, 256):
            days = 10_000_000 / (per_core * workers) / 86_400
            print(f"10M articles of this size on {workers:3d} workers at {per_core:.1f} articles/s/core: {days:7.2f} days")
    return 0


if __name__ == "__main__":
    sys.exit(main())
