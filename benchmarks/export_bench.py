"""How long each export format takes, and how big it is, for a synthetic graph
(``python benchmarks/export_bench.py --relations 20000``): the figures behind
the whole-graph caps (20,000 relations for the CLI, 5,000 for the API).

Also times an FtM import of the FtM export into a fresh SQLite store.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from chipgraph.graph.citations import DocumentInfo
from chipgraph.graph.exports import GraphData, exporter, exporters
from chipgraph.graph.ftm_import import import_ftm
from chipgraph.graph.model import Entity, EntityType, Evidence, Relation, RelationType
from chipgraph.graph.sqlite_store import SQLiteStore


def synthetic(relations: int, evidence: int, seed: int = 7) -> GraphData:
    """Companies with about four relations each, ``evidence`` sentences per
    relation spread over one article per 20 relations."""
    rng = random.Random(seed)
    companies = [Entity.create(f"Company {i:06d} Semiconductor", EntityType.ORG, country="NL") for i in range(relations // 4 + 2)]
    lists = [Entity.create("Entity List", EntityType.LIST, country="US"), Entity.create("military", EntityType.LIST)]
    types = [RelationType.OWNED_BY, RelationType.PART_OF, RelationType.SUPPLIED, RelationType.SUPPLIED]
    rels: dict[tuple[str, str, str], Relation] = {}
    docs: dict[str, DocumentInfo] = {}
    while len(rels) < relations:
        head = rng.choice(companies)
        if rng.random() < 0.1:
            rtype, tail = rng.choice([(RelationType.DESIGNATED, lists[0]), (RelationType.MILITARY_LINK, lists[1])])
        else:
            rtype, tail = rng.choice(types), rng.choice(companies)
        if tail.id == head.id:
            continue
        evs = []
        for k in range(evidence):
            doc = f"doc{(len(rels) // 20) + k:08d}"
            docs.setdefault(doc, DocumentInfo(doc, f"https://news.example/{doc}", f"Article {doc}", "2025-01-02"))
            sentence = f"{head.name} and {tail.name} are linked ({rtype.value}), sentence {k}."
            evs.append(Evidence(doc, sentence, 100 * k, 100 * k + len(sentence), "rule:bench", 0.8, None, {"date": "2024"}))
        rels[(head.id, rtype.value, tail.id)] = Relation(head.id, rtype, tail.id, tuple(evs))
    return GraphData.build([*companies, *lists], rels.values(), docs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--relations", type=int, default=20_000)
    parser.add_argument("--evidence", type=int, default=2, help="pieces of evidence per relation")
    args = parser.parse_args()
    started = time.perf_counter()
    data = synthetic(args.relations, args.evidence)
    print(
        f"graph: {len(data.entities):,} entities, {len(data.relations):,} relations, "
        f"{sum(len(r.evidence) for r in data.relations):,} pieces of evidence (built in {time.perf_counter() - started:.1f}s)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for name, cls in exporters().items():
            started = time.perf_counter()
            written = exporter(name).write_files(data, out / f"bench{cls.extensions[0]}")
            seconds = time.perf_counter() - started
            size = sum(p.stat().st_size for p in written)
            print(f"{name:>8}: {seconds:6.2f}s, {size / 1e6:7.1f} MB, {len(data.relations) / seconds:9,.0f} relations/s")
        started = time.perf_counter()
        with SQLiteStore(out / "imported.sqlite") as store:
            report = import_ftm(store, out / "bench.ftm.jsonl")
        seconds = time.perf_counter() - started
        print(f"ftm import into SQLite: {seconds:6.2f}s, {report.relations / seconds:,.0f} relations/s ({report})")


if __name__ == "__main__":
    main()
