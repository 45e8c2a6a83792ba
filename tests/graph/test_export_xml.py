"""GraphML and GEXF as the formats require and Gephi reads them (issue 11;
issue 10 item 9 for hostile text): well-formed XML 1.0 whatever the text holds,
unique node and edge ids, every data key declared, the GEXF edge type one of
the three the format allows, the entity's name as the node label and the
relation type as a declared edge attribute; and networkx reads back the same
nodes, edges, labels and relation types."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from chipgraph.api.exporting import write_subgraph
from chipgraph.graph.exports import exporter, relation_id, xml_safe
from chipgraph.graph.subgraph import Subgraph

from export_samples import FORBIDDEN, KEPT, SCRIPT, hostile_extraction, sample

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
GEXF_TYPES = {"directed", "undirected", "mutual"}


def write(tmp_path: Path, fmt: str) -> Path:
    (out,) = exporter(fmt).write_files(sample(), tmp_path / f"g.{fmt}")
    return out


def parse(path: Path) -> etree._Element:
    """A strict XML 1.0 parse: raises on anything malformed or forbidden."""
    return etree.parse(str(path), etree.XMLParser(recover=False, resolve_entities=False)).getroot()


def local(el: etree._Element) -> str:
    return etree.QName(el).localname


def test_xml_safe_replaces_only_what_xml_forbids() -> None:
    assert xml_safe(KEPT) == KEPT
    assert xml_safe(f"a{FORBIDDEN}b") == "a" + "\ufffd" * len(FORBIDDEN) + "b"


def test_graphml_declares_every_key_and_keeps_ids_unique(tmp_path: Path) -> None:
    data = sample()
    root = parse(write(tmp_path, "graphml"))
    keys = {k.get("id"): (k.get("for"), k.get("attr.name")) for k in root.iter(f"{GRAPHML}key")}
    assert len(keys) == len(list(root.iter(f"{GRAPHML}key")))
    for d in root.iter(f"{GRAPHML}data"):
        assert d.get("key") in keys, f"undeclared key {d.get('key')}"
        assert keys[d.get("key")][0] == local(d.getparent()), "a key declared for nodes used on an edge (or back)"
    names = {name for _, name in keys.values()}
    assert {"label", "entity_type", "relation", "confidence", "evidence_count", "sources"} <= names
    (graph,) = root.iter(f"{GRAPHML}graph")
    assert graph.get("edgedefault") == "directed"
    node_ids = [n.get("id") for n in root.iter(f"{GRAPHML}node")]
    edge_ids = [e.get("id") for e in root.iter(f"{GRAPHML}edge")]
    assert len(node_ids) == len(set(node_ids)) == len(data.entities)
    assert len(edge_ids) == len(set(edge_ids)) == len(data.relations)
    assert set(edge_ids) == {xml_safe(relation_id(r)) for r in data.relations}
    label_key = next(k for k, (f, n) in keys.items() if (f, n) == ("node", "label"))
    for node in root.iter(f"{GRAPHML}node"):
        assert [d.get("key") for d in node].count(label_key) == 1, "every node has one label"


def test_gexf_edge_type_is_allowed_and_attributes_declared(tmp_path: Path) -> None:
    data = sample()
    root = parse(write(tmp_path, "gexf"))
    declared = {
        (a.getparent().get("class"), a.get("id")): a.get("title")
        for a in root.iter()
        if local(a) == "attribute"
    }
    for v in (el for el in root.iter() if local(el) == "attvalue"):
        owner = v.getparent().getparent()  # node|edge > attvalues > attvalue
        assert (local(owner), v.get("for")) in declared, f"undeclared attribute {v.get('for')} on a {local(owner)}"
    titles = {(cls, t) for (cls, _), t in declared.items()}
    assert {("node", "entity_type"), ("edge", "relation"), ("edge", "evidence_count"), ("edge", "sources")} <= titles
    edges = [el for el in root.iter() if local(el) == "edge"]
    nodes = [el for el in root.iter() if local(el) == "node"]
    assert {e.get("type") for e in edges} == {"directed"} <= GEXF_TYPES
    assert len({e.get("id") for e in edges}) == len(edges) == len(data.relations)
    assert len({n.get("id") for n in nodes}) == len(nodes) == len(data.entities)
    assert {n.get("label") for n in nodes} == {xml_safe(e.name) for e in data.entities}
    assert {e.get("label") for e in edges} == {r.type.value for r in data.relations}
    (graph,) = [el for el in root.iter() if local(el) == "graph"]
    assert graph.get("defaultedgetype") in GEXF_TYPES


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_hostile_text_stays_text(tmp_path: Path, fmt: str) -> None:
    out = write(tmp_path, fmt)
    root = parse(out)  # strict: raises on any character XML 1.0 forbids
    assert not [el for el in root.iter() if local(el) == "script"], "markup from an article became an element"
    text = etree.tostring(root, encoding="unicode")
    assert SCRIPT.replace("<", "&lt;").replace(">", "&gt;") in text
    assert "\U0001F600" in text and "\U00020000" in text and "etch\ufffders" in text
    assert not any(c in text for c in FORBIDDEN)
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"g.{fmt}"]  # no temporary file left behind


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_networkx_reads_back_the_same_graph(tmp_path: Path, fmt: str, read) -> None:
    data = sample()
    g = read(write(tmp_path, fmt))
    assert isinstance(g, nx.MultiDiGraph) or g.is_directed()
    assert {n: d["label"] for n, d in g.nodes(data=True)} == {xml_safe(e.id): xml_safe(e.name) for e in data.entities}
    edges = sorted((u, d["relation"], v) for u, v, d in g.edges(data=True))
    assert edges == sorted((xml_safe(r.head), r.type.value, xml_safe(r.tail)) for r in data.relations)
    for u, v, d in g.edges(data=True):
        (r,) = [r for r in data.relations if (xml_safe(r.head), r.type.value, xml_safe(r.tail)) == (u, d["relation"], v)]
        assert d["evidence_count"] == len(r.evidence)
        assert d["label"] == r.type.value
        assert float(d["confidence"]) == pytest.approx(r.confidence)


def test_stated_attributes_are_columns_with_their_sources(tmp_path: Path) -> None:
    g = nx.read_graphml(write(tmp_path, "graphml"))
    (d,) = [d for _, _, d in g.edges(data=True) if "attr_type" in d]
    assert d["product"] == xml_safe(f"etch\x04ers{FORBIDDEN}")
    assert d["attr_type"] == "-reserved name"  # a stated attribute named like a reserved one is renamed
    assert d["attr_confidence"] == "high" and isinstance(d["confidence"], float)
    assert d["date"] == "2024" and d["date_sources"].startswith("2024: https://news.example/")
    assert KEPT in d["evidence"] and d["evidence_attributes"].count("date=") == 1


def test_write_subgraph_dispatches_by_extension(tmp_path: Path) -> None:
    x = hostile_extraction()
    sub = Subgraph(x.entities[0].id, 1, x.entities, x.relations)
    for name in ("g.graphml", "g.gexf", "g.html", "g.ftm.jsonl"):
        out = write_subgraph(sub, tmp_path / name)
        assert out.name == name and out.stat().st_size > 0
    assert write_subgraph(sub, tmp_path / "t.csv").name == "t.nodes.csv"
