#!/usr/bin/env python3
"""What listed names cost extraction: the matcher's build (once per version
of the store's lists) and the time per article with and without them.

Makes N made-up listed companies (two names each, like a list entry with an
alias), builds the matcher, then extracts the shipped sample articles
without and with the names.  Prints seconds; nothing is asserted.

usage: python benchmarks/known_names.py [N ...]   (default: 1000 10000 30000)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from chipgraph.graph.model import Entity, EntityType
from chipgraph.ingest import Extractor, KnownNames, iter_article_paths, read_article
from chipgraph.ingest.known import _matchers

REPO = Path(__file__).resolve().parents[1]
SYLLABLES = "kal dro vex qua ren tis mor vath bel lun sor pex zan tri cor ula".split()


def made_up(i: int) -> Entity:
    """A company name no article holds: syllables picked by the digits of ``i``."""
    word = "".join(SYLLABLES[int(d) + k % 6] for k, d in enumerate(str(i).zfill(5))).capitalize()
    return Entity.create(f"{word} Microsystems Co., Ltd.", EntityType.ORG, aliases=[f"{word} Micro"])


def main(sizes: list[int]) -> None:
    ex = Extractor()
    nlp = ex.nlp
    paths = [p for p in iter_article_paths([REPO / "data" / "articles"]) if p.suffix in (".txt", ".md", ".html")]
    articles = [read_article(p) for p in paths]
    for a in articles:  # warm up: the first parses load vectors and caches
        ex.extract(a)
    started = time.perf_counter()
    for a in articles:
        ex.extract(a)
    base = (time.perf_counter() - started) / len(articles)
    print(f"{len(articles)} sample articles: {base * 1000:.1f} ms per article without listed names")
    for n in sizes:
        known = KnownNames(f"bench-{n}", tuple(made_up(i) for i in range(n)))
        t0 = time.perf_counter()
        _matchers(nlp, known)
        build = time.perf_counter() - t0
        t0 = time.perf_counter()
        for a in articles:
            ex.extract(a, known)
        per = (time.perf_counter() - t0) / len(articles)
        print(f"{n:>6} listed names: matcher built in {build:.2f} s once; {per * 1000:.1f} ms per article "
              f"({(per - base) * 1000:+.1f} ms)")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000, 30000])
