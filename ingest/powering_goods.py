"""Goods said to power a buyer's products, with the verb read as a noun.

"Qualcomm's chips power Xiaomi's phones", "Its chips power phones made by
Transsion": after a plural goods noun the small parser reads the present
tense "power" as a noun compound ("power phones"), so the goods-power-products
rule, which needs a verb, never fires.  This reads the noun phrase instead:
the goods right before the word, with their maker as possessive or name
("Qualcomm's chips", "its chips", "Qualcomm chips"), and the product the word
modifies, with its maker as possessive or "made by" ("Xiaomi's phones",
"phones made by Transsion").  The maker of the goods supplied the maker of
the product.  A real noun ("power chips", "power supply") never has a
product noun after it whose owner is named.
"""

from __future__ import annotations

from typing import Any

from chipgraph.graph.model import EntityType, RelationType

from .engine import load_grammar, procedure

__all__ = ["goods_power_misparsed"]

#: the present-tense forms the parser misreads
_VERB_FORMS = frozenset("power powers drive drives".split())
#: what the product's maker made it with ("phones made by X")
_MADE = frozenset("make build manufacture produce assemble design sell".split())


def _makers(ctx: Any, noun: Any, skip: set[int]) -> list[str]:
    """Organisations a noun's possessive or name modifier names ("Xiaomi's
    phones", "its chips", "Qualcomm chips")."""
    out = []
    for c in noun.children:
        if c.i in skip:
            continue
        k = ctx.possessor(c) if c.dep_ == "poss" else ctx.key(c) if c.dep_ == "compound" else None
        if k and ctx.etype(k) == EntityType.ORG and k not in out:
            out.append(k)
    return out


def _product_after(tok: Any, products: frozenset[str]) -> Any | None:
    """The product noun the misread word belongs to: an ancestor within two
    steps ("power Xiaomi's phones", hung on the name or the noun), or, with
    the word read as the root, what hangs after it ("power most of Xiaomi's
    phones", "power Xiaomi's phones" as an apposition)."""
    a = tok
    for _ in range(2):
        if a.head.i == a.i:
            break
        a = a.head
        if a.pos_ == "NOUN" and a.lemma_.lower() in products and a.i > tok.i:
            return a
    for o in tok.children:  # the parser hangs the product as the word's object, apposition or "most of" modifier
        if o.dep_ not in ("dobj", "appos", "advmod", "npadvmod") or o.i < tok.i:
            continue
        if o.lemma_.lower() in products:
            return o
        inner = [x for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for x in p.children if x.dep_ == "pobj"]
        if inner and inner[0].lemma_.lower() in products:
            return inner[0]
    return None


@procedure("goods-power-misparsed")
def goods_power_misparsed(ctx: Any, tok: Any) -> None:
    """"X's chips power Y's phones" read as a noun compound: X supplied Y."""
    if tok.lower_ not in _VERB_FORMS or tok.pos_ != "NOUN" or tok.i == tok.sent.start:
        return
    grammar = load_grammar("en")
    goods = tok.doc[tok.i - 1]
    if goods.tag_ != "NNS" or goods.lemma_.lower() not in grammar.word_class("goods_nouns") or goods.head.i not in (tok.i, tok.head.i):
        return
    product = _product_after(tok, grammar.word_class("teardown_products"))
    if product is None:
        return
    # "X's chips power ...": the possessive may hang on the misread word, with the goods as its modifier
    sellers = _makers(ctx, goods, set()) or (_makers(ctx, tok, {goods.i, product.i}) if goods.head.i == tok.i else [])
    buyers = _makers(ctx, product, {tok.i, goods.i}) or [
        k for a in product.children if a.dep_ == "acl" and a.lemma_.lower() in _MADE
        for b in a.children if b.dep_ == "agent" for o in b.children if o.dep_ == "pobj"
        for k in [ctx.key(o)] if k and ctx.etype(k) == EntityType.ORG]
    buyers = [b for b in buyers if b not in sellers]
    if sellers and buyers:
        ctx.emit(sellers, RelationType.SUPPLIED, buyers, tok, "rule:products-used-by", 0.65)
