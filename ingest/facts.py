"""What the English rules produce: facts, and placeholders for descriptions.

Shared by the rule engine's context (relations.py), the group procedures
(groups.py) and the military procedure (military.py), with the few word
lists they all read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chipgraph.graph.model import RelationType

from .engine import load_grammar

__all__ = ["Fact", "Placeholder", "GROUP_NOUNS", "is_group_noun", "name_after_misread_modifier", "MIL_CUES", "supply_verbs"]


def supply_verbs() -> frozenset[str]:
    """The grammar's supply verbs: one list for the rules and the procedures."""
    return load_grammar("en").word_class("core_supply_verbs")


MIL_CUES = frozenset("military defence defense army pla navy missile armed".split())
GROUP_NOUNS = frozenset(
    "company firm chipmaker maker manufacturer entity customer buyer supplier business organisation organization "
    "institute institution unit group enterprise producer foundry conglomerate contractor laboratory lab academy "
    "university startup start-up vendor client operator carrier telco player giant automaker supplier fab designer "
    "trader distributor reseller dealer builder shipbuilder developer "
    # vehicles of ownership ("a vehicle jointly owned by A and B", "a fund controlled by the city")
    "vehicle venture fund investor affiliate consortium".split()
)


def is_group_noun(t: Any) -> bool:
    """A noun that stands for organisations ("firms", "chipmakers", "carmakers", "telcos")."""
    lemma = t.lemma_.lower()
    return lemma in GROUP_NOUNS or lemma.endswith("maker") or lemma.endswith("makers")


def name_after_misread_modifier(t: Any) -> Any | None:
    """The name a description's first word belongs to, when the parser took
    that word alone for the object: in "ships parts to defence contractor
    Thales" it reads "defence" as what "to" governs and hangs "contractor
    Thales" elsewhere, so the buyer would be the military cue word (or
    nothing: "memory maker Foo").  The words after ``t`` up to the name
    must all be nouns or adjectives modifying the name (a description such
    as "contractor", "maker": one of them a noun for organisations), and
    the name must not hang from ``t``."""
    if t.dep_ not in ("pobj", "dobj") or t.pos_ not in ("NOUN", "ADJ"):
        return None
    doc, i = t.doc, t.i + 1
    while i < len(doc) and doc[i].pos_ in ("NOUN", "ADJ") and doc[i].dep_ in ("compound", "amod") and doc[i].head.i > i:
        i += 1
    if i == t.i + 1 or i >= len(doc) or doc[i].pos_ != "PROPN" or doc[i].head.i == t.i:
        return None
    return doc[i] if any(is_group_noun(w) for w in doc[t.i:i]) else None


@dataclass
class Placeholder:
    """A description standing for entities named elsewhere."""

    token: Any
    sent_index: int
    plural: bool
    military: bool = False
    parent: str | None = None
    members: list[str] = field(default_factory=list)
    siblings: list[str] = field(default_factory=list)  # "X and other Ys": X


@dataclass
class Fact:
    """A relation found in a sentence, before it becomes a model Relation.

    ``head``/``tail`` are entity keys or Placeholders; ``sent`` is the
    sentence span the evidence quotes."""

    head: Any
    type: RelationType
    tail: Any
    sent: Any
    method: str
    confidence: float
    attributes: dict[str, str] = field(default_factory=dict)
