"""Plain-text views of paths and entities for the terminal.

Researchers paste these into notes, so each hop's evidence sits directly under
the hop it supports, with the source to cite.
"""

from __future__ import annotations

import textwrap
from typing import Mapping

from chipgraph.graph.citations import CitedSentence, DocumentInfo, cite_evidence, cite_source
from chipgraph.graph.model import Evidence, Relation
from chipgraph.graph.paths import OwnershipPath
from chipgraph.graph.questions import EntityPage, Exposure, Ownership

__all__ = [
    "format_path",
    "format_evidence",
    "format_relation",
    "format_attributes",
    "format_cited",
    "format_exposure",
    "format_ownership",
    "format_page",
]


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


def format_path(path: OwnershipPath, number: int, documents: Mapping[str, DocumentInfo] | None = None) -> str:
    """The chain on one line, then every hop with its evidence; given the
    ``documents`` (``GraphStore.document_infos``), each sentence once with the
    title, date and URL or file name of every article stating it."""
    lines = [f"{number}. {path.describe()}"]
    if documents is not None:
        lines.append(format_cited_path(path, documents))
        return "\n".join(lines)
    for hop, a, b in zip(path.hops, path.entities, path.entities[1:]):
        lines.append(format_relation(hop.relation, a.name, b.name, hop.forward))
    return "\n".join(lines)


# -- the questions (graph/questions.py) ----------------------------------------------
def format_cited(sentence: CitedSentence, indent: str = "      ", width: int = 100, max_sources: int = 3) -> str:
    """A sentence once, then the articles that state it: title, date and URL
    or file name ("and 17 more" past ``max_sources``)."""
    quote = textwrap.shorten(sentence.sentence, width=400, placeholder=" ...")
    lines = [textwrap.fill(f'"{quote}"', width=width, initial_indent=indent, subsequent_indent=indent + " ")]
    label = "source" if sentence.count == 1 else f"{sentence.count} sources"
    cited = [c.describe() for c in sentence.citations[:max_sources]]
    more = f"; and {sentence.count - max_sources} more" if sentence.count > max_sources else ""
    lines.append(f"{indent}  {label}: " + "; ".join(cited) + more + f" · confidence {sentence.confidence:.2f}")
    if sentence.attributes:
        lines.append(f"{indent}  states: " + ", ".join(f"{k}: {v}" for k, v in sentence.attributes.items()))
    return "\n".join(lines)


def format_cited_relation(
    rel: Relation, head: str, tail: str, documents: Mapping[str, DocumentInfo], forward: bool = True, indent: str = "   ",
    max_sentences: int = 3,
) -> str:
    """``A -[TYPE]-> B`` and under it each distinct sentence with its sources."""
    t = rel.type.value
    arrow = f"-[{t}]->" if forward else f"<-[{t}]-"
    a, b = (head, tail) if forward else (tail, head)
    attrs = format_attributes(rel)
    lines = [f"{indent}{a} {arrow} {b}" + (f"  ({attrs})" if attrs else "")]
    cited = cite_evidence(rel.evidence, documents)
    for c in cited[:max_sentences]:
        lines.append(format_cited(c, indent=indent + "   "))
    if len(cited) > max_sentences:
        lines.append(f"{indent}   (+{len(cited) - max_sentences} more sentences)")
    return "\n".join(lines)


def format_cited_path(path: OwnershipPath, documents: Mapping[str, DocumentInfo], indent: str = "   ") -> str:
    """Every hop of a path with its cited sentences."""
    lines = []
    for hop, x, y in zip(path.hops, path.entities, path.entities[1:]):
        head, tail = (x.name, y.name) if hop.forward else (y.name, x.name)
        lines.append(format_cited_relation(hop.relation, head, tail, documents, hop.forward, indent))
    return "\n".join(lines)


def _cut_note(truncated: bool, cut_short: bool, hubs: Mapping[str, int], names: Mapping[str, str]) -> list[str]:
    out = []
    if cut_short:
        listed = ", ".join(f"{names.get(i, i)} ({d} relations)" for i, d in sorted(hubs.items()))
        out.append(f"note: the search was cut short; not expanded (above the degree cap): {listed or 'visit budget reached'}")
    elif truncated:
        out.append("note: the answer was cut to fit (see --limit / evidence caps)")
    return out


def format_exposure(result: Exposure) -> str:
    """Hits ranked, each with its chain, the hit's lists and every hop's sources."""
    start = result.start.name
    if result.reverse:
        head = f"Entities that reach {start} within {result.max_hops} hop(s)"
    else:
        head = f"Entities on a list or linked to the military within {result.max_hops} hop(s) of {start}"
    lines = [f"{head}: {result.total_hits} found" + (f", {len(result.hits)} shown" if len(result.hits) < result.total_hits else "")]
    if not result.hits:
        lines.append("   none")
    for n, hit in enumerate(result.hits, 1):
        flags = ", ".join(f"{f.type.value} {result.names.get(f.tail, f.tail)}" for f in hit.flags)
        lines.append("")
        lines.append(f"{n}. {hit.entity.name}  [{hit.hops} hop(s)" + (f"; {flags}" if flags else "") + "]")
        lines.append(f"   {hit.path.describe()}")
        if hit.path.hops:
            lines.append(format_cited_path(hit.path, result.documents, indent="   "))
        for f in hit.flags if not result.reverse else ():
            lines.append(format_cited_relation(f, hit.entity.name, result.names.get(f.tail, f.tail), result.documents))
    lines.extend(_cut_note(result.truncated, result.cut_short, result.hubs, result.names))
    return "\n".join(lines)


def format_ownership(result: Ownership) -> str:
    """The tree, indented, then the ultimate owners with their chains."""
    root = result.root.entity.name
    title = f"What {root} owns" if result.direction == "down" else f"Who owns {root}"
    lines = [f"{title} (up to {result.max_depth} level(s)):"]
    for depth, node in result.root.lines():
        if depth == 0:
            lines.append(f"{node.entity.name}")
            continue
        rel = node.relation
        label = rel.type.value if rel else ""
        marks = (" (shown above)" if node.repeated else "") + (" (not explored further)" if node.unexplored else "")
        lines.append(f"{'   ' * depth}└─ {label}: {node.entity.name}{marks}")
        if rel is not None and not node.repeated:
            for c in cite_evidence(rel.evidence, result.documents)[:2]:
                lines.append(format_cited(c, indent="   " * depth + "      "))
    if result.direction == "up":
        lines.append("")
        if result.ultimate:
            lines.append("Ultimate owner(s): " + ", ".join(e.name for e in result.ultimate))
            for chain in result.chains:
                lines.append(f"   {chain.describe()}")
        elif not result.root.children:
            lines.append("No owner known.")
    names = {n.entity.id: n.entity.name for _, n in result.root.lines()}
    lines.extend(_cut_note(result.truncated and result.cut_short, result.cut_short, result.hubs, names))
    return "\n".join(lines)


def format_page(page: EntityPage) -> str:
    """Everything on one entity, as `chipgraph show` prints it."""
    e = page.entity
    lines = [f"{e.name}  ({e.type.value}{', ' + e.country if e.country else ''}; id {e.id})"]
    if e.aliases:
        lines.append(f"also called: {', '.join(e.aliases)}")
    lines.append("")
    if page.lists:
        lines.append("On lists / linked to the military:")
        for r in page.lists:
            lines.append(format_cited_relation(r, e.name, page.names.get(r.tail, r.tail), page.document_map))
            if r.key in page.statuses:
                status = page.statuses[r.key]
                lines.append(f"   {status.describe()}{'' if status.current else '  (no longer listed)'}")
        lines.append("")
    listed = {r.key for r in page.lists}
    for rtype, every in page.by_type().items():
        rels = [r for r in every if r.key not in listed]  # memberships are shown above
        if not rels:
            continue
        lines.append(f"{rtype} ({len(rels)}):")
        for r in rels:
            lines.append(
                format_cited_relation(r, page.names.get(r.head, r.head), page.names.get(r.tail, r.tail), page.document_map)
            )
        lines.append("")
    if not page.relations:
        lines.append("No relations stored.")
        lines.append("")
    lines.append(f"Articles and sources stating these facts ({page.total_documents}):")
    for d in page.documents:
        shown, _ = cite_source(d.source)
        lines.append(f"   {d.date or 'undated'}  {d.title or 'untitled'}  ({shown})")
    if page.truncated:
        lines.append("note: cut to fit (--max-relations, --max-documents)")
    return "\n".join(lines)
