"""GraphML and GEXF, the files Gephi, yEd and Sigma.js open.

networkx writes both; what it is given decides whether Gephi shows the right
thing, so the graph is built for them here:

* every node has a ``label`` (the entity's name, what Gephi draws) and its
  ``entity_type``, ``aliases`` and ``country``;
* every relation is one edge with the id ``head|TYPE|tail`` (unique: a store
  keeps one relation per key) and carries its type as the edge ``label`` and as
  the declared attribute ``relation``, with ``confidence``, ``evidence_count``,
  the cited ``sources`` (each once), the aligned ``evidence`` /
  ``evidence_sources`` / ``evidence_attributes`` (one entry per sentence)
  and one column per stated attribute (``date``, ``product``) with
  ``<name>_sources``;
* in GEXF the edge ``type`` is the format's own (``directed``): the relation
  type never goes there, since GEXF allows only directed/undirected/mutual;
* every string is XML-safe (:func:`xml_safe`), so a control character
  scraped into a sentence cannot make the file unreadable.
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any

from ..model import Relation
from .base import Exporter, GraphData, register, relation_id, xml_safe

if TYPE_CHECKING:  # networkx takes a fifth of a second to import: only writing a file needs it
    import networkx as nx

__all__ = ["GraphMLExporter", "GEXFExporter", "gephi_graph", "NODE_ATTRIBUTES", "EDGE_ATTRIBUTES"]

NODE_ATTRIBUTES = ("label", "entity_type", "aliases", "country")
EDGE_ATTRIBUTES = (
    "label", "relation", "confidence", "evidence_count", "sources", "evidence", "evidence_sources", "evidence_attributes",
)
#: names the formats or networkx treat specially, never used for a stated attribute
_RESERVED = frozenset({*EDGE_ATTRIBUTES, "id", "key", "type", "weight", "start", "end", "pid", "source", "target"})


def _attribute_name(name: str) -> str:
    return f"attr_{name}" if name in _RESERVED or name.endswith("_sources") and name[:-8] in _RESERVED else name


def _edge_attributes(relation: Relation, data: GraphData) -> dict[str, Any]:
    """The declared columns of one relation (strings, one float, one int)."""
    sources = [data.source_of(ev) for ev in relation.evidence]
    out: dict[str, Any] = {
        "label": relation.type.value,
        "relation": relation.type.value,
        "confidence": round(relation.confidence, 4),
        "evidence_count": len(relation.evidence),
        "sources": "; ".join(dict.fromkeys(sources)),  # each article once
        # aligned, one per piece of evidence (" | " between them): the sentence, its source, what it states
        "evidence": " | ".join(ev.sentence for ev in relation.evidence),
        "evidence_sources": " | ".join(sources),
        "evidence_attributes": " | ".join("; ".join(f"{k}={v}" for k, v in ev.attributes.items()) for ev in relation.evidence),
    }
    values: dict[str, list[str]] = {}
    cited: dict[str, list[str]] = {}
    for st in relation.attribute_statements():
        values.setdefault(st.name, []).append(st.value)
        docs = ", ".join(dict.fromkeys(data.source_of(e) for e in st.evidence))
        cited.setdefault(st.name, []).append(f"{st.value}: {docs}")
    for k, v in relation.unsourced_attributes.items():
        values.setdefault(k, []).append(v)
        cited.setdefault(k, []).append(f"{v}: source not recorded")
    for k in values:
        out[_attribute_name(k)] = "; ".join(values[k])
        out[_attribute_name(k) + "_sources"] = "; ".join(cited[k])
    return out


def gephi_graph(data: GraphData, *, gexf: bool = False) -> nx.MultiDiGraph:
    """``data`` as the MultiDiGraph networkx writes: keyed by relation id,
    every string XML-safe.  ``gexf`` adds what GEXF reads from reserved
    keys (the edge ``id`` and ``type``)."""

    def clean(value: Any) -> Any:
        return xml_safe(value) if isinstance(value, str) else value

    import networkx as nx

    g = nx.MultiDiGraph()
    for e in data.entities:
        g.add_node(
            clean(e.id),
            label=clean(e.name),
            entity_type=e.type.value,
            aliases=clean("; ".join(e.aliases)),
            country=clean(e.country or ""),
        )
    for r in data.relations:
        key = clean(relation_id(r))
        attrs = {clean(k): clean(v) for k, v in _edge_attributes(r, data).items()}
        if gexf:
            attrs.update(id=key, type="directed")
        g.add_edge(clean(r.head), clean(r.tail), key=key, **attrs)
    return g


@register
class GraphMLExporter(Exporter):
    name = "graphml"
    extensions = (".graphml",)
    media_type = "application/graphml+xml"
    description = "GraphML for Gephi, yEd and networkx: node label, relation type as edge label, evidence counts and sources."

    def write(self, data: GraphData, out: IO[bytes]) -> None:
        import networkx as nx

        nx.write_graphml(gephi_graph(data), out, encoding="utf-8")


@register
class GEXFExporter(Exporter):
    name = "gexf"
    extensions = (".gexf",)
    media_type = "application/gexf+xml"
    description = "GEXF 1.2 for Gephi and Sigma.js: the same columns as GraphML, directed edges."

    def write(self, data: GraphData, out: IO[bytes]) -> None:
        import networkx as nx

        nx.write_gexf(gephi_graph(data, gexf=True), out, encoding="utf-8")
