"""A description that a later sentence names: "A company in Eindhoven
delivered the scanners ... The firm, Veldhoven Optics, declined to comment",
"X sold memory to a research institute run by the army. The institute, the
54th Research Institute of CETC, designs radars".

The first sentence's fact has a Placeholder for "a company" / "a research
institute"; a later sentence that opens a definite description of the same
kind with the name in apposition ("The firm, X," / "The supplier, X,") or
states it ("The buyer was X") fills that placeholder, so the facts (and a
military tie of the description) pass to X when the extraction is assembled.
"""

from __future__ import annotations

from typing import Any

from chipgraph.graph.model import EntityType, RelationType

from .engine import procedure
from .facts import GROUP_NOUNS, Placeholder, is_group_noun

__all__ = ["name_described"]

#: nouns that say only "an organisation": any of them takes up any other ("a company ... The firm, X,")
_ANY_COMPANY = frozenset("company firm business enterprise group".split())
#: nouns that say which side of a supply the description was on ("The supplier, X," takes up whoever sold)
_SELLER_NOUNS = frozenset("supplier seller vendor exporter distributor provider".split())
_BUYER_NOUNS = frozenset("buyer customer client purchaser importer recipient".split())
#: how many sentences back a description may be taken up
_REACH = 3


def _named_in_apposition(ctx: Any, t: Any) -> str | None:
    """The organisation that "The <noun>, X," names, when ``t`` is such a noun."""
    if t.tag_ != "NN" or ctx.key(t) or not (is_group_noun(t) or t.lemma_.lower() in _SELLER_NOUNS | _BUYER_NOUNS):
        return None
    if [c.lower_ for c in t.children if c.dep_ == "det"] != ["the"]:
        return None
    names = [k for c in t.children if c.dep_ == "appos" and c.i > t.i for k in [ctx.key(c)] if k]
    if len(names) != 1 or ctx.etype(names[0]) not in (EntityType.ORG, EntityType.PERSON):
        return None
    if any(c.dep_ == "conj" for c in t.children if c.dep_ == "appos"):
        return None  # "The firms, A and B," name a group, not the one described
    return names[0]


def _role(ctx: Any, p: Placeholder, first_fact: int) -> set[str]:
    """"seller" / "buyer": the side(s) of a supply fact ``p`` stands on."""
    sides: set[str] = set()
    for f in ctx.facts[:first_fact]:
        if f.type == RelationType.SUPPLIED:
            if f.head is p:
                sides.add("seller")
            if f.tail is p:
                sides.add("buyer")
    return sides


def _fits(ctx: Any, noun: str, p: Placeholder, first_fact: int) -> bool:
    """Whether a definite "the <noun>" can take up the description ``p``."""
    described = p.token.lemma_.lower()
    if noun == described:
        return True
    if noun in _ANY_COMPANY:
        return described in GROUP_NOUNS and described not in ("institute", "institution", "university", "academy",
                                                             "laboratory", "lab", "unit", "operator", "carrier")
    if noun in _SELLER_NOUNS:
        return "seller" in _role(ctx, p, first_fact)
    if noun in _BUYER_NOUNS:
        return "buyer" in _role(ctx, p, first_fact)
    return False


@procedure("named-later")
def name_described(ctx: Any, sents: list[Any], si: int, first_fact: int) -> None:
    """Fill the one description of the sentences before ``si`` that this
    sentence names ("The firm, X," / "The buyer was X")."""
    if not any(ctx.placeholders_in.get(j) for j in range(max(0, si - _REACH), si)):
        return  # no description before to take up
    sent = sents[si]
    for t in sent:
        target = _named_in_apposition(ctx, t)
        if target is None and t.dep_ == "nsubj" and t.head.lemma_ == "be" and t.tag_ == "NN" and not ctx.key(t) \
                and [c.lower_ for c in t.children if c.dep_ == "det"] == ["the"] \
                and t.lemma_.lower() in _SELLER_NOUNS | _BUYER_NOUNS:
            attrs = [k for c in t.head.children if c.dep_ == "attr" for k in [ctx.key(c)] if k]
            target = attrs[0] if len(attrs) == 1 and ctx.etype(attrs[0]) in (EntityType.ORG, EntityType.PERSON) else None
        if target is None:
            continue
        noun = t.lemma_.lower()
        open_ = [p for j in range(max(0, si - _REACH), si) for p in ctx.placeholders_in.get(j, [])
                 if not p.plural and not p.members and _fits(ctx, noun, p, first_fact)
                 and any(f.head is p or f.tail is p for f in ctx.facts[:first_fact])]
        if not open_:
            continue
        p = open_[-1]  # the latest description of that kind
        if any(f.head == target or f.tail == target for f in ctx.facts[:first_fact] if f.head is p or f.tail is p):
            continue  # the other party of the described fact is not what describes it
        p.members.append(target)
        rec = ctx.ents.get(target)
        if rec.type == EntityType.PERSON and not rec.reference:
            rec.type = EntityType.ORG  # "The firm, Angstrem,": a company NER took for a person
