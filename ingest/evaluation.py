"""Score extraction against gold annotations, the way ../shared/eval/score.py does.

A re-implementation of the scorer's matching rules (type equal; each end
matches by normalised name or alias, either side's aliases; each gold relation
matched at most once; OTHER not scored; micro-averaged), so that `chipgraph
eval` prints the very table the scorer prints and can add what the scorer
cannot: the same table per language, each rule's hits and false hits, and the
misses and false hits with their sentences, for error analysis.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .extractor import Extractor
from .prediction import to_prediction
from .reader import read_article

__all__ = ["EvalReport", "RuleCount", "evaluate", "score_predictions", "norm"]

SCORED = ("OWNED_BY", "PART_OF", "SUPPLIED", "DESIGNATED", "MILITARY_LINK", "BANNED")
_SUFFIXES = r"(co|corp|corporation|company|inc|incorporated|ltd|limited|llc|plc|nv|n v|bv|b v|ag|sa|se|gmbh|holding|holdings|group)"


def norm(name: str) -> str:
    """The scorer's name folding (case, punctuation, leading "the", legal suffixes)."""
    s = name.lower().replace("\u2019", "'")
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"^the ", "", s)
    prev = None
    while prev != s:
        prev = s
        s = re.sub(r"( " + _SUFFIXES + r")$", "", s).strip()
    return s


def _name_sets(doc: dict[str, Any]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for e in doc.get("entities", []):
        names = {norm(e["name"])} | {norm(a) for a in e.get("aliases", []) if a}
        for n in names:
            out[n] |= names
    return out


def _same(p: str, g: str, pa: dict[str, set[str]], ga: dict[str, set[str]]) -> bool:
    return bool(({norm(p)} | pa.get(norm(p), set())) & ({norm(g)} | ga.get(norm(g), set())))


#: languages shown first, in this order, by :meth:`EvalReport.language_tables`
LANGUAGE_ORDER = ("en", "nl", "de")
#: the rule name of predictions that carry none (a prediction file, not an extraction)
UNKNOWN_METHOD = "(none)"


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass
class RuleCount:
    """What one extraction rule predicted on the set: scored facts, right and wrong."""

    facts: int = 0
    tp: int = 0
    fp: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.facts if self.facts else 0.0


@dataclass
class EvalReport:
    """Scores plus the per-file misses and false hits behind them.

    ``languages`` (file -> gold language) and ``file_counts`` (file -> the
    tp/fp/fn of that file alone) let the same report be cut by language;
    ``rules`` credits each predicted fact to the rules (Evidence.method) that
    made it, so a rule's precision on the set can be read off.
    """

    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    misses: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    false_hits: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    languages: dict[str, str] = field(default_factory=dict)
    file_counts: dict[str, tuple[Counter, Counter, Counter]] = field(default_factory=dict)
    rules: dict[str, RuleCount] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return _prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))[0]

    @property
    def recall(self) -> float:
        return _prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))[1]

    @property
    def f1(self) -> float:
        return _prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))[2]

    def by_type(self) -> dict[str, dict[str, float]]:
        """precision, recall, f1, tp, fp, fn of each relation type that occurs."""
        out = {}
        for t in SCORED:
            if self.tp[t] + self.fp[t] + self.fn[t]:
                p, r, f = _prf(self.tp[t], self.fp[t], self.fn[t])
                out[t] = {"precision": p, "recall": r, "f1": f, "tp": self.tp[t], "fp": self.fp[t], "fn": self.fn[t]}
        return out

    def table(self) -> str:
        """Exactly the table score.py prints."""
        lines = [f"{'type':15} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
        for t, v in self.by_type().items():
            lines.append(f"{t:15} {v['precision']:6.3f} {v['recall']:6.3f} {v['f1']:6.3f} {v['tp']:4} {v['fp']:4} {v['fn']:4}")
        T, F, N = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        p, r, f = _prf(T, F, N)
        lines.append(f"{'all':15} {p:6.3f} {r:6.3f} {f:6.3f} {T:4} {F:4} {N:4}")
        return "\n".join(lines)

    def subset(self, files: set[str]) -> EvalReport:
        """The report restricted to ``files`` (counts, misses, false hits; no rules)."""
        sub = EvalReport()
        for fname in files:
            tp, fp, fn = self.file_counts.get(fname, (Counter(), Counter(), Counter()))
            sub.tp.update(tp)
            sub.fp.update(fp)
            sub.fn.update(fn)
            sub.file_counts[fname] = (tp, fp, fn)
            if fname in self.languages:
                sub.languages[fname] = self.languages[fname]
            if fname in self.misses:
                sub.misses[fname] = self.misses[fname]
            if fname in self.false_hits:
                sub.false_hits[fname] = self.false_hits[fname]
        return sub

    def by_language(self) -> dict[str, EvalReport]:
        """One sub-report per gold ``language``: en, nl, de first, then any other."""
        groups: dict[str, set[str]] = defaultdict(set)
        for fname, lang in self.languages.items():
            groups[lang].add(fname)
        order = [lang for lang in LANGUAGE_ORDER if lang in groups] + sorted(set(groups) - set(LANGUAGE_ORDER))
        return {lang: self.subset(groups[lang]) for lang in order}

    def language_tables(self) -> str:
        """The scorer's table once per language, each headed by its article count."""
        blocks = [f"language {lang} ({len(sub.languages)} articles)\n{sub.table()}" for lang, sub in self.by_language().items()]
        return "\n\n".join(blocks)

    def rule_table(self, known: dict[str, tuple[str, ...]] | None = None) -> str:
        """Facts, tp, fp and precision of each rule, most productive first.

        A fact several rules found counts for each of them, so the rows can
        add up to more than the overall table's tp + fp.  With ``known``
        (method -> the rules that make it, e.g. ``english_rules()``), the
        rules that made no fact on this set are named after the table, so a
        rule that stopped firing is seen.
        """
        lines = [f"{'rule':34} {'facts':>5} {'tp':>4} {'fp':>4} {'P':>6}"]
        for name, c in sorted(self.rules.items(), key=lambda kv: (-kv[1].facts, kv[0])):
            lines.append(f"{name:34} {c.facts:5} {c.tp:4} {c.fp:4} {c.precision:6.3f}")
        if known:
            fired = {r for m in self.rules for r in known.get(m.split("+")[0], ())}
            silent = sorted({r for rules in known.values() for r in rules} - fired)
            lines.append(f"rules with no fact on this set ({len(silent)}): " + ", ".join(silent))
        return "\n".join(lines)

    def errors(self) -> str:
        """Misses (gold not found, with the gold sentence) and false hits (with ours), per file."""
        out: list[str] = []
        for fname in sorted(set(self.misses) | set(self.false_hits)):
            miss, fps = self.misses.get(fname, []), self.false_hits.get(fname, [])
            if not miss and not fps:
                continue
            out.append(f"== {fname}")
            for r in miss:
                out.append(f"  MISS  {r['head']} -[{r['type']}]-> {r['tail']}\n        gold: {r.get('evidence', '')}")
            for r in fps:
                out.append(f"  FALSE {r['head']} -[{r['type']}]-> {r['tail']}\n        ours: {r.get('evidence', '')}")
        return "\n".join(out) if out else "no misses, no false hits"

    def _credit(self, methods: list[str], hit: bool) -> None:
        for m in methods or [UNKNOWN_METHOD]:
            c = self.rules.setdefault(m, RuleCount())
            c.facts += 1
            if hit:
                c.tp += 1
            else:
                c.fp += 1


def score_predictions(pred: dict[str, dict[str, Any]], gold: dict[str, dict[str, Any]]) -> EvalReport:
    """Score prediction objects against gold objects (both keyed by file name).

    A prediction relation may carry ``methods`` (the rules that made it);
    :func:`evaluate` adds them, and the report's rule table counts by them.
    """
    rep = EvalReport()
    for fname, g in gold.items():
        p = pred.get(fname, {"relations": [], "entities": []})
        ga, pa = _name_sets(g), _name_sets(p)
        tp, fp, fn = Counter(), Counter(), Counter()
        rep.languages[fname] = g.get("language", "?")
        rep.file_counts[fname] = (tp, fp, fn)
        golds = [r for r in g.get("relations", []) if r["type"] in SCORED]
        used = [False] * len(golds)
        for r in p.get("relations", []):
            if r.get("type") not in SCORED:
                continue
            hit = None
            for i, gr in enumerate(golds):
                if used[i] or gr["type"] != r["type"]:
                    continue
                if _same(r["head"], gr["head"], pa, ga) and _same(r["tail"], gr["tail"], pa, ga):
                    hit = i
                    break
            rep._credit(list(r.get("methods", [])), hit is not None)
            if hit is None:
                fp[r["type"]] += 1
                rep.false_hits.setdefault(fname, []).append(r)
            else:
                used[hit] = True
                tp[r["type"]] += 1
        for i, gr in enumerate(golds):
            if not used[i]:
                fn[gr["type"]] += 1
                rep.misses.setdefault(fname, []).append(gr)
        rep.tp.update(tp)
        rep.fp.update(fp)
        rep.fn.update(fn)
    return rep


def _load(path: Path) -> dict[str, dict[str, Any]]:
    docs = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                docs[d["file"].rsplit("/", 1)[-1]] = d
    return docs


def evaluate(gold_path: Path, articles_dir: Path, extractor: Extractor) -> EvalReport:
    """Extract every article named in ``gold_path`` from ``articles_dir`` and score it."""
    gold = _load(Path(gold_path))
    pred = {}
    for fname in gold:
        extraction = extractor.extract(read_article(Path(articles_dir) / fname))
        pred[fname] = to_prediction(extraction, fname)
        # to_prediction keeps the order of extraction.relations
        for row, rel in zip(pred[fname]["relations"], extraction.relations):
            row["methods"] = list(dict.fromkeys(ev.method for ev in rel.evidence))
    return score_predictions(pred, gold)
