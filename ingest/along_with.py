""""A was added to the list, along with B": B shares A's part in the clause.

The parser hangs "along with B" / "together with B" on the verb, either as
"along" > "with" > B or as "with" > B with "together" as its adverb, and
"alongside B" as a preposition of its own; these shapes are read here, for the rules (relations.as_well_as) and for entity
typing (a name listed beside companies is a company).
"""

from __future__ import annotations

from typing import Any

__all__ = ["joined_with", "joined_to"]

_WORDS = ("along", "together")


def joined_with(verb: Any, after: int, *, alongside: bool = False) -> list[Any]:
    """The objects of "along with" / "together with" on ``verb`` after token
    index ``after``; ``alongside``: and of "alongside", which joins a subject
    ("A was added alongside B") but not an object ("holds a stake in X
    alongside B": B holds one too)."""
    out: list[Any] = []
    for c in verb.children:
        if c.dep_ != "prep" or c.i <= after:
            continue
        if c.lower_ in _WORDS:
            out += [o for w in c.children if w.dep_ == "prep" and w.lower_ == "with" for o in w.children if o.dep_ == "pobj"]
        elif alongside and c.lower_ == "alongside":
            out += [o for o in c.children if o.dep_ == "pobj"]
        elif c.lower_ == "with" and any(a.lower_ in _WORDS for a in c.children if a.dep_ == "advmod"):
            out += [o for o in c.children if o.dep_ == "pobj"]
    return out


def joined_to(tok: Any) -> list[Any]:
    """For B in "... A ..., along with B": the listed or passive A it joins."""
    w = tok.head if tok.dep_ == "pobj" and tok.head.lower_ == "with" else None
    if w is None:
        return []
    verb = w.head.head if w.head.lower_ in _WORDS else w.head
    return [o for o in verb.children if o.dep_ in ("dobj", "nsubjpass") and tok in joined_with(verb, o.i)]
