"""`chipgraph eval`'s cuts of one report: by gold language and by rule."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from chipgraph.ingest import Extractor, evaluate
from chipgraph.ingest.evaluation import score_predictions

GOLD = {
    "a.txt": {"language": "en", "entities": [{"name": "Orbit Foundry", "aliases": ["Orbit"]}],
              "relations": [{"head": "Orbit Foundry", "type": "OWNED_BY", "tail": "Kite Holdings"},
                            {"head": "Lark Tools", "type": "SUPPLIED", "tail": "Orbit Foundry"}]},
    "b.txt": {"language": "nl", "entities": [],
              "relations": [{"head": "Vink Chips", "type": "DESIGNATED", "tail": "US Entity List"}]},
    "c.txt": {"language": "de", "entities": [], "relations": []},
}
PRED = {
    "a.txt": {"entities": [], "relations": [
        {"head": "Orbit", "type": "OWNED_BY", "tail": "Kite Holdings", "methods": ["rule:passive-owned"]},
        {"head": "Kite Holdings", "type": "SUPPLIED", "tail": "Orbit", "methods": ["rule:sell-to", "rule:get-from"]},
        {"head": "Orbit", "type": "OTHER", "tail": "Lark Tools", "methods": ["rule:other"]}]},
    "b.txt": {"entities": [], "relations": [
        {"head": "Vink Chips", "type": "DESIGNATED", "tail": "US Entity List", "methods": ["trigger:designated"]}]},
    "c.txt": {"entities": [], "relations": [
        {"head": "Specht", "type": "BANNED", "tail": "Germany"}]},
}


def test_language_reports_add_up_to_the_whole() -> None:
    rep = score_predictions(PRED, GOLD)
    langs = rep.by_language()
    assert list(langs) == ["en", "nl", "de"]
    assert (sum(langs["en"].tp.values()), sum(langs["en"].fp.values()), sum(langs["en"].fn.values())) == (1, 1, 1)
    assert langs["nl"].precision == langs["nl"].recall == 1.0
    assert sum(langs["de"].fp.values()) == 1 and "c.txt" in langs["de"].false_hits
    for counter in ("tp", "fp", "fn"):
        assert sum((getattr(sub, counter) for sub in langs.values()), start=Counter()) == getattr(rep, counter)
    text = rep.language_tables()
    assert text.startswith("language en (1 articles)\n" + langs["en"].table())
    assert "language de (1 articles)" in text


def test_rule_table_credits_every_rule_of_a_fact() -> None:
    rep = score_predictions(PRED, GOLD)
    assert (rep.rules["rule:passive-owned"].tp, rep.rules["rule:passive-owned"].fp) == (1, 0)
    # a wrong fact two rules made is a false hit of both
    assert rep.rules["rule:sell-to"].fp == rep.rules["rule:get-from"].fp == 1
    # OTHER is not scored, so its rule is not in the table; a prediction without methods is
    assert "rule:other" not in rep.rules and rep.rules["(none)"].fp == 1
    lines = rep.rule_table().splitlines()
    assert lines[0].split() == ["rule", "facts", "tp", "fp", "P"]
    assert "rule:passive-owned 1 1 0 1.000" in [" ".join(line.split()) for line in lines]


def test_evaluate_records_the_rules_of_real_extraction(extractor: Extractor, fixtures: Path) -> None:
    rep = evaluate(fixtures / "gold.jsonl", fixtures / "articles", extractor)
    assert rep.rules and "(none)" not in rep.rules
    credited = sum(c.facts for c in rep.rules.values())
    assert credited >= sum(rep.tp.values()) + sum(rep.fp.values())
    assert set(rep.by_language()) == {"en", "nl", "de"}


def test_rule_table_names_the_rules_that_made_no_fact() -> None:
    rep = score_predictions(PRED, GOLD)
    known = {"rule:passive-owned": ("passive-owned", "passive-acquired"), "rule:sell-to": ("supply-to",),
             "rule:ship-to": ("supply-to",), "rule:stake-in": ("stake-in",), "rule:military-modifier": ("military-modifier",)}
    last = rep.rule_table(known).splitlines()[-1]
    # supply-to fired (as sell-to), the rules sharing passive-owned fired with it: the others are named
    assert last == "rules with no fact on this set (2): military-modifier, stake-in"
