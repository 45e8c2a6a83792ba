"""GraphML and GEXF exports are valid XML 1.0 whatever the text holds
(issue 10, item 9): a control character scraped into a sentence, a lone
surrogate, U+FFFF.  Each file is parsed back with a strict XML parser and the
GraphML also read by networkx."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from chipgraph.api.exporting import write_subgraph, xml_safe
from chipgraph.graph.model import Entity, EntityType, Evidence, Relation, RelationType
from chipgraph.graph.subgraph import Subgraph

#: every kind of character XML 1.0 forbids, with legal neighbours that must survive
FORBIDDEN = "\x00\x01\x08\x0b\x0c\x0e\x1f\ud800\udfff\ufffe\uffff"
KEPT = "tab\there, line\nbreak, CR\r, emoji \U0001F600, CJK \U00020000, < & > \" '"


def hostile() -> Subgraph:
    head = Entity.create(f"Vexa{FORBIDDEN}Chips", EntityType.ORG, aliases=[f"V\x1bX {KEPT}"], country="N\x07L")
    tail = Entity.create("Quill Foundry", EntityType.ORG)
    sentence = f"Vexa\x0bChips shipped\x00 etchers {KEPT} to Quill Foundry{FORBIDDEN}."
    ev = Evidence(
        document_id="doc\x01x", sentence=sentence, start=0, end=len(sentence), method="rule:\x02test", confidence=0.9,
        source=f"https://news.example/\x03{FORBIDDEN}", attributes={"product": f"etch\x04ers{FORBIDDEN}", "date": "2024"},
    )
    rel = Relation(head.id, RelationType.SUPPLIED, tail.id, (ev,))
    return Subgraph(center=head.id, depth=1, entities=(head, tail), relations=(rel,))


def test_xml_safe_replaces_only_what_xml_forbids() -> None:
    assert xml_safe(KEPT) == KEPT
    assert xml_safe(f"a{FORBIDDEN}b") == "a" + "\ufffd" * len(FORBIDDEN) + "b"


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_export_with_control_characters_is_valid_xml(tmp_path: Path, suffix: str) -> None:
    out = write_subgraph(hostile(), tmp_path / f"g{suffix}")
    root = ET.parse(out).getroot()  # strict: raises on any character XML 1.0 forbids
    text = ET.tostring(root, encoding="unicode")
    assert "Quill Foundry" in text and "\U0001F600" in text and "\U00020000" in text
    assert "shipped" in text and "etchers" in text
    assert not any(c in text for c in FORBIDDEN)
    assert [p.name for p in tmp_path.iterdir()] == [f"g{suffix}"]  # no temporary file left behind


def test_graphml_round_trips_through_networkx(tmp_path: Path) -> None:
    out = write_subgraph(hostile(), tmp_path / "g.graphml")
    g = nx.read_graphml(out)
    assert g.number_of_nodes() == 2 and g.number_of_edges() == 1
    names = sorted(d["name"] for _, d in g.nodes(data=True))
    assert names == ["Quill Foundry", xml_safe(f"Vexa{FORBIDDEN}Chips")]
    (_, _, data), = g.edges(data=True)
    assert KEPT.replace("\r", "\n") in data["evidence"].replace("\r", "\n")
    assert data["product"] == xml_safe(f"etch\x04ers{FORBIDDEN}")


def test_gexf_round_trips_through_networkx(tmp_path: Path) -> None:
    out = write_subgraph(hostile(), tmp_path / "g.gexf")
    g = nx.read_gexf(out)
    assert g.number_of_nodes() == 2 and g.number_of_edges() == 1
