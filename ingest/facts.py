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

__all__ = ["Fact", "Placeholder", "GROUP_NOUNS", "is_group_noun", "MIL_CUES", "supply_verbs"]


def supply_verbs() -> frozenset[str]:
    """The grammar's supply verbs: one list for the rules and the procedures."""
    return load_grammar("en").word_class("core_supply_verbs")


MIL_CUES = frozenset("military defence defense army pla navy missile armed".split())
GROUP_NOUNS = frozenset(
    "company firm chipmaker maker manufacturer entity customer buyer supplier business organisation organization "
    "institute institution unit group enterprise producer foundry conglomerate contractor laboratory lab academy "
    "university startup start-up vendor client operator carrier telco player giant automaker supplier fab designer "
    "trader distributor reseller dealer".split()
)
def is_group_noun(t: Any) -> bool:
    """A noun that stands for organisations ("firms", "chipmakers", "carmakers", "telcos")."""
    lemma = t.lemma_.lower()
    return lemma in GROUP_NOUNS or lemma.endswith("maker") or lemma.endswith("makers")


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
