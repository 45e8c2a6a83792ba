"""Every rule of every grammar reads the examples it carries, and the grammar
files are checked when they load (a typo names the rule and the field)."""

from __future__ import annotations

import pytest

from chipgraph.ingest import Extractor, article_from_text
from chipgraph.ingest.engine import GrammarError, load_grammar, parse_grammar, parse_grammars
from chipgraph.ingest.evaluation import norm

_EXAMPLES = [
    pytest.param(rule.name, ex.text, ex.expect, id=f"{rule.name}-{i}")
    for rule in load_grammar("en").rules
    for i, ex in enumerate(rule.examples)
]


def _facts(extractor: Extractor, text: str) -> list[tuple[set[str], str, set[str]]]:
    ex = extractor.extract(article_from_text(text))
    names = {e.id: {norm(n) for n in (e.name, *e.aliases)} for e in ex.entities}
    return [(names[r.head], r.type.name, names[r.tail]) for r in ex.relations]


@pytest.mark.parametrize(("rule", "text", "expect"), _EXAMPLES)
def test_rule_reads_its_examples(extractor: Extractor, rule: str, text: str, expect: tuple[tuple[str, str, str], ...]) -> None:
    got = _facts(extractor, text)
    for head, rtype, tail in expect:
        assert any(norm(head) in h and rtype == t and norm(tail) in tl for h, t, tl in got), (rule, text, got)
    if not expect:  # a counter-example: nothing of the relation types the grammar makes
        scored = [g for g in got if g[1] != "OTHER"]
        assert not scored, (rule, text, scored)


def test_every_rule_has_examples() -> None:
    assert all(r.examples for r in load_grammar("en").rules)


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[[rule]]\nname = "x"\ntype = "SOLD"\ntrigger = {lemma = "sell"}\nhead = "subject"\ntail = "dobj"', "'type' must be one of"),
        ('[[rule]]\nname = "x"\ntype = "SUPPLIED"\ntrigger = {lemma = "@nope"}\nhead = "subject"\ntail = "dobj"', "unknown word class"),
        ('[[rule]]\nname = "x"\ntype = "SUPPLIED"\ntrigger = {lemma = "sell"}\nhead = "subject>dobj"\ntail = "dobj"', "ends a path"),
        ('[[rule]]\nname = "x"\ntype = "SUPPLIED"\ntrigger = {lemma = "sell"}\nhead = "subject"', "needs 'head' and 'tail'"),
        ('[[rule]]\nname = "x"\ntype = "SUPPLIED"\ntrigger = {lemma = "sell"}\nhead = "subject"\ntail = "dobj"\n'
         '[[rule]]\nname = "x"\ntype = "SUPPLIED"\ntrigger = {lemma = "sell"}\nhead = "subject"\ntail = "dobj"', "unique"),
        ("[[rule", "not valid TOML"),
    ],
)
def test_grammar_errors_name_the_problem(toml: str, message: str) -> None:
    with pytest.raises(GrammarError, match=message):
        parse_grammar(toml, "en")


def test_grammar_files_merge_into_one() -> None:
    a = '[classes]\nsell = ["sell"]\n[[rule]]\nname = "a"\ntype = "SUPPLIED"\ntrigger = {lemma = "@sell"}\nhead = "subject"\ntail = "prep:to"'
    b = '[classes]\nsell = ["sell"]\n[[rule]]\nname = "b"\ntype = "SUPPLIED"\ntrigger = {lemma = "@sell"}\nhead = "subject"\ntail = "dative"'
    grammar = parse_grammars([a, b], "en")
    assert [r.name for r in grammar.rules] == ["a", "b"]
    assert [r.name for r in grammar.by_lemma["sell"]] == ["a", "b"]
    with pytest.raises(GrammarError, match="defined twice"):
        parse_grammars([a, b.replace('["sell"]', '["sell", "vend"]')], "en")
    with pytest.raises(GrammarError, match="unique"):
        parse_grammars([a, a.replace("[classes]\nsell = [\"sell\"]\n", "")], "en")


def test_every_english_fact_names_a_known_rule(extractor: Extractor, fixtures) -> None:
    """Facts carry the name of a grammar rule or a registered procedure, so
    `chipgraph eval --by-rule` can account for every one of them."""
    from chipgraph.ingest import read_article
    from chipgraph.ingest.relations import english_rules

    known = english_rules()
    seen = set()
    for folder in (fixtures / "articles", fixtures / "paraphrase" / "articles"):
        for path in sorted(folder.glob("*.txt")):
            ex = extractor.extract(read_article(path))
            if ex.document.language != "en":
                continue
            seen |= {ev.method.split("+")[0] for r in ex.relations for ev in r.evidence}
    assert seen and not {m for m in seen if m not in known}, sorted(m for m in seen if m not in known)


_CORE = '[classes]\nstake = ["stake"]\n[[rule]]\nname = "s"\ntype = "OWNED_BY"\ntrigger = {lemma = ["sell", "ship"]}\n'


def test_rule_features_parse_into_the_rule() -> None:
    rule = parse_grammar(_CORE + 'method = "{lemma}-to"\nhead = "head:dobj[@stake]>subject"\ntail = "[ship]>list:US Entity List"\n'
                         'placeholders = "tail"\nmilitary_method = "m"\nmilitary_confidence = 0.5', "en").rules[0]
    assert rule.head == (("head:dobj[stake]", "subject"),) and rule.tail == (("[ship]", "list:US Entity List"),)
    assert rule.placeholders == "tail" and rule.military_confidence == 0.5
    from chipgraph.ingest.engine import rule_methods

    assert rule_methods(parse_grammar(_CORE + 'method = "{lemma}-to"\nhead = "subject"\ntail = "dobj"', "en")) == {
        "rule:sell-to": ("s",), "rule:ship-to": ("s",)}
    with pytest.raises(GrammarError, match="'placeholders' is"):
        parse_grammar(_CORE + 'head = "subject"\ntail = "dobj"\nplaceholders = "both"', "en")
    with pytest.raises(GrammarError, match="'authorities' is"):
        parse_grammar(_CORE + 'head = "subject"\ntail = "dobj"\nauthorities = "some"', "en")
    reported = parse_grammar(_CORE + 'head = "subject"\ntail = "dobj"\nauthorities = "only"\nreported = true', "en").rules[0]
    assert reported.authorities == "only" and reported.reported
    with pytest.raises(GrammarError, match="ends a path"):
        parse_grammar(_CORE + 'head = "list:US Entity List>dobj"\ntail = "dobj"', "en")


def test_every_context_macro_is_a_method_of_the_rule_context() -> None:
    """Paths call these macros by name on the English rule context (engine.follow)."""
    from chipgraph.ingest import engine
    from chipgraph.ingest.relations import _Ctx

    assert all(callable(getattr(_Ctx, name, None)) for name in engine._CONTEXT_MACROS)
    assert engine._CONTEXT_MACROS <= set(engine._MACROS)
