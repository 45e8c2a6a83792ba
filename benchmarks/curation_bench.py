"""What curation costs: ingest with and without a curation log, each action,
and an accepted-only path query, on the embedded store (or any --store).

    python benchmarks/curation_bench.py --articles 2000 --decisions 500

Builds store_bench.py's synthetic supply chain, ingests the first half of
the articles into two stores, records ``--decisions`` rejects and accepts
(every fourth an accept) over facts of that half in one of them, then
ingests the second half one article at a time (``add``: the log is
re-applied after each write) into both, alternating, and compares the rates.
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_bench import build, company  # noqa: E402

from chipgraph.graph import curation  # noqa: E402
from chipgraph.graph.accepted import AcceptedView  # noqa: E402
from chipgraph.graph.paths import PathQuery  # noqa: E402
from chipgraph.graph.store import open_store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--decisions", type=int, default=500)
    parser.add_argument("--store", default=None, help="store path or URL (default: a temporary SQLite file)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    articles, _ = build(args.articles, 5, args.seed)
    half = len(articles) // 2
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(args.store or str(Path(tmp) / "curation.sqlite"))
        plain_store = open_store(str(Path(tmp) / "plain.sqlite"))
        for x in articles[:half]:
            store.add(x)
            plain_store.add(x)

        rng = random.Random(args.seed)
        facts = [r.key for x in articles[:half] for r in x.relations]
        chosen = rng.sample(facts, min(args.decisions, len(facts)))
        times: dict[str, list[float]] = {"reject": [], "accept": []}
        for i, key in enumerate(chosen):
            action = "accept" if i % 4 == 0 else "reject"
            t = time.perf_counter()
            try:
                getattr(curation, action)(store, key, "bench", "benchmark decision")
            except curation.FactNotFound:  # the same fact drawn twice under two keys
                continue
            times[action].append(time.perf_counter() - t)
        t = time.perf_counter()
        curation.merge(store, company(1).id, company(2).id, "bench", "benchmark merge")
        merge_s = time.perf_counter() - t

        spent = {"plain": 0.0, "curated": 0.0}
        for x in articles[half:]:
            for name, target in (("plain", plain_store), ("curated", store)):
                t = time.perf_counter()
                target.add(x)
                spent[name] += time.perf_counter() - t
        plain, curated = ((len(articles) - half) / spent[k] for k in ("plain", "curated"))

        t = time.perf_counter()
        view = AcceptedView(store)
        view_s = time.perf_counter() - t
        accepted = sorted(view._relations)
        t = time.perf_counter()
        for h, _, tl in accepted[:100]:
            view.paths(PathQuery(h, tl, max_hops=4))
        path_ms = (time.perf_counter() - t) / max(1, min(100, len(accepted))) * 1000
        t = time.perf_counter()
        changed = curation.reapply(store)
        reapply_s = time.perf_counter() - t

        log = len(curation.curation_log(store))
        print(f"store {store.location}: {args.articles} articles, {log} log entries")
        print(f"  ingest without a log: {plain:,.1f} articles/s; with the log: {curated:,.1f} articles/s")
        for action, ts in times.items():
            if ts:
                print(f"  {action}: median {statistics.median(ts) * 1000:.1f} ms over {len(ts)}")
        print(f"  merge (a company and its relations): {merge_s * 1000:.1f} ms")
        print(f"  accepted-only view: built in {view_s * 1000:.1f} ms ({len(accepted)} facts); path {path_ms:.2f} ms")
        print(f"  reapply of the whole log: {reapply_s:.2f} s ({changed} entries changed something)")
        store.close()
        plain_store.close()


if __name__ == "__main__":
    main()
