"""Plain-text views of paths and entities for the terminal.

Researchers paste these into notes, so each hop's evidence sits directly under
the hop it supports, with the source to cite.
"""

from __future__ import annotations

import textwrap

from chipgraph.graph.model import Evidence, Relation
from chipgraph.graph.paths import OwnershipPath

__all__ = ["format_path", "format_evidence", "format_relation"]


def format_evidence(ev: Evidence, indent: str = "      ", width: int = 100) -> str:
    quote = textwrap.shorten(" ".join(ev.sentence.split()), width=400, placeholder=" ...")
    body = textwrap.fill(f'"{quote}"', width=width, initial_indent=indent, subsequent_indent=indent + " ")
    return f"{body}\n{indent}  source: {ev.source or ev.document_id} · {ev.method} · confidence {ev.confidence:.2f}"


def format_relation(rel: Relation, head: str, tail: str, forward: bool = True, max_evidence: int = 3) -> str:
    t = rel.type.value
    arrow = f"-[{t}]->" if forward else f"<-[{t}]-"
    attrs = ", ".join(f"{k}: {v}" for k, v in sorted(rel.attributes.items()))
    lines = [f"   {head} {arrow} {tail}" + (f"  ({attrs})" if attrs else "")]
    for ev in rel.evidence[:max_evidence]:
        lines.append(format_evidence(ev))
    if len(rel.evidence) > max_evidence:
        lines.append(f"      (+{len(rel.evidence) - max_evidence} more)")
    return "\n".join(lines)


def format_path(path: OwnershipPath, number: int) -> str:
    """The chain on one line, then every hop with its evidence."""
    lines = [f"{number}. {path.describe()}"]
    for hop, a, b in zip(path.hops, path.entities, path.entities[1:]):
        lines.append(format_relation(hop.relation, a.name, b.name, hop.forward))
    return "\n".join(lines)
