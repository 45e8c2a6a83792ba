#!/usr/bin/env python3
"""Is extraction linear in the length of one article?

Builds single articles of about 10k, 100k and 1M characters from the shipped
sample articles (data/articles, repeated), extracts each once with
``Extractor.extract`` and prints seconds, characters per second and the peak
resident memory.  Linear extraction keeps characters per second roughly flat
as the article grows; a quadratic step shows as a rate that falls tenfold
for each tenfold longer text.

usage: python benchmarks/extract_scaling.py [--sizes 10000,100000,1000000]
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from chipgraph.ingest import Extractor, article_from_text

REPO = Path(__file__).resolve().parents[1]


def _corpus() -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "data" / "articles").glob("*.txt"))]
    english = [t for t in texts if " the " in t]
    return "\n\n".join(english)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    args = ap.parse_args()
    base = _corpus()
    extractor = Extractor()
    extractor.extract(article_from_text(base[:2000]))  # load the model outside the timings
    print(f"{'chars':>10} {'seconds':>9} {'chars/s':>10} {'relations':>10} {'peak RSS MB':>12}")
    for size in (int(s) for s in args.sizes.split(",")):
        text = (base + "\n\n") * (size // (len(base) + 2) + 1)
        text = text[:size].rsplit("\n\n", 1)[0]
        t0 = time.perf_counter()
        extraction = extractor.extract(article_from_text(text))
        dt = time.perf_counter() - t0
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{len(text):>10,} {dt:>9.2f} {len(text) / dt:>10,.0f} {len(extraction.relations):>10} {rss:>12,.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
