"""Plain-text views of paths and entities for the terminal.

Researchers paste these into notes, so each hop's evidence sits directly under
the hop it supports, with the source to cite.
"""

from __future__ import annotations

import textwrap

from chipgraph.graph.model import Evidence, Relation
from chipgraph.graph.paths import OwnershipPath

__all__ = ["format_path", "format_evidence", "format_relation", "format_attributes"]


def format_evidence(ev: Evidence, indent: str = "      ", width: int = 100) -> str:
    """The quote, then its source and what this source states (product, date)."""
    quote = textwrap.shorten(" ".join(ev.sentence.split()), width=400, placeholder=" ...")
    body = textwrap.fill(f'"{quote}"', width=width, initial_indent=indent, subsequent_indent=indent + " ")
    line = f"{body}\n{indent}  source: {ev.source or ev.document_id} · {ev.method} · confidence {ev.confidence:.2f}"
    if ev.attributes:
        line += f"\n{indent}  states: " + ", ".join(f"{k}: {v}" for k, v in ev.attributes.items())
    return line


def format_attributes(rel: Relation) -> str:
    """Every value of every attribute, so sources that disagree on a date all
    show ("date: 2021, 2023"); unsourced values are marked as such."""
    values: dict[str, list[str]] = {}
    for st in rel.attribute_statements():
        values.setdefault(st.name, []).append(st.value)
    for k, v in rel.unsourced_attributes.items():
        values.setdefault(k, []).append(f"{v} (source not recorded)")
    return "; ".join(f"{k}: {', '.join(vs)}" for k, vs in values.items())


def format_relation(rel: Relation, head: str, tail: str, forward: bool = True, max_evidence: int = 3) -> str:
    t = rel.type.value
    arrow = f"-[{t}]->" if forward else f"<-[{t}]-"
    attrs = format_attributes(rel)
    lines = [f"   {head} {arrow} {tail}" + (f"  ({attrs})" if attrs else "")]
    shown = quoted_evidence(rel, max_evidence)
    for ev in shown:
        lines.append(format_evidence(ev))
    if len(rel.evidence) > len(shown):
        lines.append(f"      (+{len(rel.evidence) - len(shown)} more)")
    return "\n".join(lines)


def quoted_evidence(rel: Relation, max_evidence: int) -> list[Evidence]:
    """The first ``max_evidence`` pieces of evidence, plus any later one that
    is the only source of an attribute value, so every value shown in the
    header can be traced to a quote."""
    shown = list(rel.evidence[:max_evidence])
    stated = {item for ev in shown for item in ev.attributes.items()}
    for ev in rel.evidence[max_evidence:]:
        new = set(ev.attributes.items()) - stated
        if new:
            shown.append(ev)
            stated |= new
    return shown


def format_path(path: OwnershipPath, number: int) -> str:
    """The chain on one line, then every hop with its evidence."""
    lines = [f"{number}. {path.describe()}"]
    for hop, a, b in zip(path.hops, path.entities, path.entities[1:]):
        lines.append(format_relation(hop.relation, a.name, b.name, hop.forward))
    return "\n".join(lines)
