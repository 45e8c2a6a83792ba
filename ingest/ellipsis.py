"""Facts a clause shares by ellipsis: "Orin Labs was blacklisted, as was
Kestrel Devices", "Kestrel supplies Y, as does Z", "X is owned by Y, and so
is Z".  The echo clause ("as was Z") repeats only an auxiliary, so no rule
reads anything from it; what it says is whatever the clause it hangs on said
of that clause's subject.  It needs the facts already read from the
sentence, so it is a procedure run after the rules.
"""

from __future__ import annotations

from typing import Any

from chipgraph.graph.model import EntityType

from .engine import procedure
from .facts import Fact

__all__ = ["share_with_echoed_subjects"]

#: the verbs an echo clause repeats ("as was", "as does", "as has")
_ECHO_VERBS = frozenset({"be", "do", "have"})
#: anything of these makes the clause a statement of its own, not an echo
_OWN_CONTENT = frozenset({"dobj", "attr", "acomp", "xcomp", "ccomp", "prep", "neg", "oprd", "agent"})


def _echoed_subjects(ctx: Any, clause: Any) -> list[str]:
    """The organisations an echo clause ("as was Z", "and so did Z") names
    as its subject, or [] when ``clause`` is no echo."""
    if clause.dep_ not in ("advcl", "conj") or clause.lemma_.lower() not in _ECHO_VERBS:
        return []
    if clause.dep_ == "advcl" and not any(m.dep_ == "mark" and m.lower_ == "as" for m in clause.children):
        return []
    if clause.dep_ == "conj" and not any(m.dep_ == "advmod" and m.lower_ == "so" for m in clause.children):
        return []
    if any(c.dep_ in _OWN_CONTENT for c in clause.children):
        return []
    return [k for n in clause.children if n.dep_ in ("nsubj", "nsubjpass")
            for k in ctx.args(n) if isinstance(k, str) and ctx.etype(k) == EntityType.ORG]


@procedure("+as-was")
def share_with_echoed_subjects(ctx: Any, sent: Any, first_fact: int) -> None:
    """"X was blacklisted, as was Y": Y shares every fact the sentence's
    rules read about X, the subject of the clause the echo hangs on."""
    for clause in sent:
        echoed = _echoed_subjects(ctx, clause)
        if not echoed:
            continue
        subjects = {k for k in ctx.subjects(clause.head) if isinstance(k, str)}
        for f in list(ctx.facts[first_fact:]):
            for k in echoed:
                if f.head in subjects and k != f.tail:
                    ctx.facts.append(Fact(k, f.type, f.tail, f.sent, f.method + "+as-was", f.confidence * 0.9, dict(f.attributes)))
                elif f.tail in subjects and k != f.head:
                    ctx.facts.append(Fact(f.head, f.type, k, f.sent, f.method + "+as-was", f.confidence * 0.9, dict(f.attributes)))
