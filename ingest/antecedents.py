"""Who "itself" and a repeated "its" stand for when the parse does not say.

"X is a unit of Y — itself acquired by Z —": spaCy often makes "itself" the
subject of a new main clause, with no relative clause to climb to.  The
aside is about the NEAREST organisation before it (Y), never the sentence
subject, so that is what it stands for.

"Its servers run on A's chips, and its phones use B's modems": the second
"its" continues the first clause's owner, not A (the organisation named just
before it); reading it as A would make A buy from B.
"""

from __future__ import annotations

from typing import Any

from chipgraph.graph.model import EntityType

__all__ = ["nearest_before_aside", "coordinated_owner"]

#: marks that open an aside right before "itself"
_ASIDE_MARKS = frozenset({",", "\u2014", "\u2013", "-", "(", "--"})


def nearest_before_aside(ctx: Any, t: Any) -> str | None:
    """The organisation named last before an "itself" that opens an aside
    (after a comma, dash or bracket) in the same sentence; None otherwise."""
    if t.lower_ != "itself" or t.i == 0 or t.doc[t.i - 1].text not in _ASIDE_MARKS:
        return None
    sent_start = t.sent.start
    for j in range(t.i - 2, sent_start - 1, -1):
        k = ctx.key(t.doc[j])
        if k and ctx.etype(k) == EntityType.ORG:
            return k
    return None


def coordinated_owner(t: Any) -> Any | None:
    """For "its" owning the subject of a clause coordinated with an earlier
    one whose subject has an owner ("Its servers ..., and its phones ...",
    "X's servers ..., and its phones ..."): that owner's token, which "its"
    stands for as well (None when the clauses are not built that way)."""
    if t.lower_ != "its" or t.dep_ != "poss" or t.head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = t.head.head
    if verb.dep_ != "conj" or verb.head.i == verb.i:
        return None
    owners = [p for s in verb.head.children if s.dep_ in ("nsubj", "nsubjpass") for p in s.children
              if p.dep_ == "poss" and p.i < t.i]
    return owners[0] if owners else None
