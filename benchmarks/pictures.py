"""How long a published picture takes to draw, by number of entities.

Prints one line per size (entities, relations, PNG and SVG seconds, bytes);
figures, not assertions: run it after changing graph/picture.py.

    .venv/bin/python benchmarks/pictures.py [SIZES...]
"""

from __future__ import annotations

import random
import sys
import time

from chipgraph.graph.citations import DocumentInfo
from chipgraph.graph.model import Entity, EntityType, Evidence, Relation, RelationType
from chipgraph.graph.picture import render_picture
from chipgraph.graph.subgraph import Subgraph


def graph(n: int, seed: int = 7) -> tuple[Subgraph, dict[str, DocumentInfo]]:
    """A hub with ``n - 1`` invented companies, each joined to the hub or to an
    earlier company, and one article per ten relations."""
    rng = random.Random(seed)
    ents = [Entity.create(f"Invented Company {i:03d} Holdings", EntityType.ORG) for i in range(n)]
    docs = {f"d{k}": DocumentInfo(f"d{k}", f"https://example.org/{k}", f"Invented article {k}", "2025-01-01")
            for k in range(n // 10 + 1)}
    rels = []
    for i in range(1, n):
        j = 0 if rng.random() < 0.4 else rng.randrange(i)
        doc = f"d{i // 10}"
        rtype = rng.choice([RelationType.SUPPLIED, RelationType.OWNED_BY, RelationType.PART_OF])
        rels.append(Relation(ents[i].id, rtype, ents[j].id, (Evidence(doc, "s", 0, 1, "rule:bench", 0.8),)))
    return Subgraph(ents[0].id, 2, tuple(ents), tuple(rels)), docs


def main(sizes: list[int]) -> None:
    print(f"{'entities':>8} {'relations':>9} {'png s':>7} {'svg s':>7} {'png bytes':>10} {'svg bytes':>10}")
    for n in sizes:
        sub, docs = graph(n)
        t0 = time.perf_counter()
        png = render_picture(sub, "png", documents=docs)
        t1 = time.perf_counter()
        svg = render_picture(sub, "svg", documents=docs)
        t2 = time.perf_counter()
        print(f"{n:>8} {len(sub.relations):>9} {t1 - t0:>7.2f} {t2 - t1:>7.2f} {len(png):>10} {len(svg):>10}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10, 25, 60, 120])
