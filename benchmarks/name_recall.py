#!/usr/bin/env python3
"""Name recall: how many relation endpoints does extraction find as entities?

A relation can only be extracted when both of its ends were recognised as
entities, so the share of gold relation endpoints found among the predicted
entities is an upper bound on relation recall, and the place to look when
names are missed.  For every article of a gold file this runs extraction and
reports, per language:

* endpoints: gold heads and tails of scored relations (not ``military``, not
  lists), one per (article, entity);
* found: endpoints that some predicted entity matches by normalised name or
  alias (``chipgraph.ingest.evaluation.norm``, either side's aliases, as the
  scorer matches), and ``typed``: those whose match also has the gold type;
* noise: predicted ORG entities that match no gold entity at all (gold entity
  lists are incomplete, so this only signals when it explodes).

usage: python benchmarks/name_recall.py [GOLD.jsonl] [ARTICLES_DIR] [--missed] [--noise]
(defaults: ../shared/eval/real/gold.jsonl and its articles/ folder)
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from chipgraph.ingest import Extractor
from chipgraph.ingest.evaluation import SCORED, norm
from chipgraph.ingest.prediction import to_prediction
from chipgraph.ingest.reader import read_article

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO.parent / "shared" / "eval" / "real" / "gold.jsonl"


def _names(entity: dict[str, Any]) -> set[str]:
    return {norm(entity["name"])} | {norm(a) for a in entity.get("aliases", []) if a}


def endpoints(gold: dict[str, Any]) -> list[dict[str, Any]]:
    """The gold entities at either end of a scored relation, lists and ``military`` left out."""
    by_name: dict[str, dict[str, Any]] = {}
    for e in gold.get("entities", []):
        for n in _names(e):
            by_name.setdefault(n, e)
    out: dict[str, dict[str, Any]] = {}
    for r in gold.get("relations", []):
        if r["type"] not in SCORED:
            continue
        for end in (r["head"], r["tail"]):
            e = by_name.get(norm(end), {"name": end, "type": "ORG", "aliases": []})
            if e.get("type") == "LIST" or norm(end) == "military":
                continue
            out.setdefault(norm(e["name"]), e)
    return list(out.values())


def score_file(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, Any]:
    """Counts for one article, plus the names missed and the noise names."""
    preds = [(p, _names(p)) for p in pred["entities"]]
    found = typed = 0
    missed = []
    ends = endpoints(gold)
    for g in ends:
        gn = _names(g)
        hits = [p for p, pn in preds if pn & gn]
        if hits:
            found += 1
            typed += any(p["type"] == g.get("type", "ORG") for p in hits)
        else:
            missed.append(g["name"])
    gold_names: set[str] = set()
    for e in gold.get("entities", []):
        gold_names |= _names(e)
    noise = [p["name"] for p, pn in preds if p["type"] == "ORG" and not (pn & gold_names)]
    return {"endpoints": len(ends), "found": found, "typed": typed, "missed": missed, "noise": noise}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("articles", nargs="?", type=Path, default=None)
    ap.add_argument("--missed", action="store_true", help="list the endpoints not found, per file")
    ap.add_argument("--noise", action="store_true", help="list the unmatched ORG names, per file")
    args = ap.parse_args(argv)
    articles = args.articles or args.gold.parent / "articles"
    golds = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    extractor = Extractor()
    totals: dict[str, Counter] = {}
    for g in golds:
        fname = g["file"].rsplit("/", 1)[-1]
        pred = to_prediction(extractor.extract(read_article(articles / fname)), fname)
        res = score_file(g, pred)
        lang = g.get("language", "?")
        t = totals.setdefault(lang, Counter())
        t.update({k: res[k] for k in ("endpoints", "found", "typed")})
        t["noise"] += len(res["noise"])
        t["articles"] += 1
        if args.missed and res["missed"]:
            print(f"{fname} [{lang}] missed: {', '.join(res['missed'])}")
        if args.noise and res["noise"]:
            print(f"{fname} [{lang}] noise: {', '.join(res['noise'])}")
    print(f"{'lang':5} {'art':>4} {'ends':>5} {'found':>6} {'recall':>7} {'typed':>6} {'t-rec':>6} {'noise':>6}")
    all_ = Counter()
    for lang in sorted(totals):
        all_.update(totals[lang])
    for lang, t in [*sorted(totals.items()), ("all", all_)]:
        e = t["endpoints"] or 1
        print(f"{lang:5} {t['articles']:4} {t['endpoints']:5} {t['found']:6} {t['found'] / e:7.3f} "
              f"{t['typed']:6} {t['typed'] / e:6.3f} {t['noise']:6}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
