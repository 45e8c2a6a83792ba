"""Partners a relative clause calls shareholders too: "X makes chips for A
and B, both of which are also shareholders", "X supplies A, which is also a
shareholder".  The clause names no company the shares are in: "also" says
they are in the company the sentence is about, the subject of its main
clause.  The small parser often hangs such a clause on the wrong noun, so
the holders are read from the text: the names right before the clause's
comma (the last one for "which is", all of a list for "both/all of which").
"""

from __future__ import annotations

from typing import Any

from chipgraph.graph.model import EntityType, RelationType

from .engine import procedure
from .groups import names_run

__all__ = ["also_shareholders"]

#: what the partners are called
_HOLDER_NOUNS = frozenset("shareholder shareholders investor investors owner owners stakeholder stakeholders".split())
#: words that open the relative clause ("which", "both of which")
_RELATIVES = frozenset("which who whom".split())
#: counts that make the clause speak of every name before it
_EVERY_ONE = frozenset("both all each".split())


@procedure("also-shareholders")
def also_shareholders(ctx: Any, tok: Any) -> None:
    """Names set before ", which is also a shareholder" (or ", both of which
    are also shareholders") own part of the main clause's subject."""
    if tok.lower_ not in _HOLDER_NOUNS or tok.dep_ != "attr" or tok.head.lemma_ != "be":
        return
    verb = tok.head
    if not any(c.dep_ == "advmod" and c.lower_ in ("also", "too") for c in verb.children):
        return
    if any(c.dep_ in ("prep", "poss") for c in tok.children):
        return  # "also a shareholder of Y": the company is named (the rules read it)
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or not any(t.lower_ in _RELATIVES for t in subj.subtree):
        return
    doc, opening = tok.doc, subj.left_edge.i
    if opening < 2 or doc[opening - 1].text != ",":
        return
    holders = names_run(ctx, doc, opening - 1, tok.sent.start)
    if subj.lower_ not in _EVERY_ONE:
        holders = holders[-1:]  # "A and B, which is also a shareholder": B
    companies = [k for k in ctx.subjects(tok.sent.root) if isinstance(k, str) and ctx.etype(k) == EntityType.ORG and k not in holders]
    if holders and len(companies) == 1:
        ctx.emit(companies, RelationType.OWNED_BY, holders, tok, "rule:also-shareholders", 0.7)
