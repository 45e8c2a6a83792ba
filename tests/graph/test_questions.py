"""The questions (graph/questions.py) on every store: exposure, owners,
everything on an entity, search by close spelling, citations.

Each test runs once per store of the ``store`` fixture on the hand-made
articles of the conformance suite; ``test_same_answers_on_every_store``
compares every answer with the embedded store's, field by field.
"""

from __future__ import annotations

from typing import Callable

import pytest

from chipgraph.graph import questions as q
from chipgraph.graph.citations import cite_evidence, cite_source
from chipgraph.graph.errors import EntityAmbiguous, EntityNotFound, InvalidQuery
from chipgraph.graph.model import Document, Entity, EntityType, Evidence, Extraction, Relation, RelationType
from chipgraph.graph.store import GraphStore

from test_conformance import A1, A2, A3, ARTICLES, ASML, CEC, CHAIN, FAB_A, FAB_B, GTA, MILITARY, NS_CMIC, article, ingest

R = RelationType
CETC = Entity.create("China Electronics Technology Group Corporation", EntityType.ORG, aliases=["CETC"])
INSTITUTE = Entity.create("14th Institute of CETC", EntityType.ORG)
WIRE = "Gamma Devices sold test equipment to Alpha Foundry last spring."
GAMMA = Entity.create("Gamma Devices", EntityType.ORG)


def _syndicated(outlet: str, n: int) -> Extraction:
    """The same wire sentence reprinted by an outlet (its own text around it)."""
    return article(
        f"{WIRE} Reprinted by {outlet} on page {n}.",
        f"https://{outlet}.example/wire-{n}",
        [(GAMMA, R.SUPPLIED, FAB_A, WIRE)],
        title=f"Wire story in {outlet}",
    )


EXTRA = [
    article(
        "The 14th Institute of CETC is a unit of China Electronics Technology Group Corporation (CETC).",
        "/home/someone/articles/cetc-units.txt",
        [(INSTITUTE, R.PART_OF, CETC, "The 14th Institute of CETC is a unit of China Electronics Technology Group Corporation (CETC).")],
        title="CETC units",
    ),
    *(_syndicated(o, i) for i, o in enumerate(("outlet-one", "outlet-two", "outlet-three"))),
]


def names(result: q.Exposure) -> list[tuple[str, int]]:
    return [(h.entity.name, h.hops) for h in result.hits]


def test_exposure_reaches_listed_owner_with_cited_path(store: GraphStore) -> None:
    ingest(store, ARTICLES)
    result = q.exposure(store, ASML.id, max_hops=3)
    assert names(result) == [("China Electronics Corporation", 2)]
    (hit,) = result.hits
    assert hit.path.describe() == "ASML Holding N.V. -[SUPPLIED]-> GTA Semiconductor -[OWNED_BY]-> China Electronics Corporation"
    assert {f.tail for f in hit.flags} == {MILITARY.id, NS_CMIC.id}
    assert not result.truncated and not result.cut_short
    data = result.to_dict()
    first_hop = data["hits"][0]["path"]["hops"][0]
    cited = {s["url"]: s for sent in first_hop["sentences"] for s in sent["sources"]}
    assert cited["https://news.example/asml-gta"]["title"] == "ASML and GTA"
    assert cited["https://news.example/asml-gta"]["date"] == "2024-05-01"
    # within one hop nothing listed is reached; 0 hops: ASML itself is not listed
    assert q.exposure(store, ASML.id, max_hops=1).hits == ()
    # CEC itself is a hit at 0 hops
    assert names(q.exposure(store, CEC.id, max_hops=0)) == [("China Electronics Corporation", 0)]


def test_exposure_filters_direction_limit_and_hub_cap(store: GraphStore) -> None:
    ingest(store, ARTICLES)
    both = q.exposure(store, ASML.id, max_hops=3, direction="both")
    assert names(both) == [("China Electronics Corporation", 2), ("Alpha Foundry", 3)]
    assert both.hits[1].path.describe().endswith("China Electronics Corporation <-[OWNED_BY]- Alpha Foundry")
    only_military = q.exposure(store, ASML.id, max_hops=3, direction="both", flags=(R.MILITARY_LINK,))
    assert names(only_military) == [("China Electronics Corporation", 2)]
    assert q.exposure(store, ASML.id, max_hops=3, types=(R.OWNED_BY,)).hits == ()
    one = q.exposure(store, ASML.id, max_hops=3, direction="both", limit=1)
    assert names(one) == [("China Electronics Corporation", 2)] and one.total_hits == 2 and one.truncated
    # GTA has two relations: above a cap of one it is a hub, shown but not expanded
    cut = q.exposure(store, ASML.id, max_hops=3, max_degree=1, direction="both")
    assert cut.hits == () and cut.cut_short and cut.truncated and dict(cut.hubs) == {GTA.id: 2}
    assert cut.to_dict()["hubs"] == [{"id": GTA.id, "name": "GTA Semiconductor", "degree": 2}]
    with pytest.raises(InvalidQuery):
        q.exposure(store, ASML.id, max_hops=99)
    with pytest.raises(InvalidQuery):
        q.exposure(store, ASML.id, types=(R.DESIGNATED,))


def test_exposure_reverse_from_a_list_and_a_company(store: GraphStore) -> None:
    ingest(store, ARTICLES)
    members = q.exposure(store, NS_CMIC.id, reverse=True, max_hops=2)
    # shortest first, then the strongest evidence (CEC's listing is stated at 0.9), then by name
    assert names(members) == [
        ("China Electronics Corporation", 0), ("Alpha Foundry", 0), ("Beta Memory", 0),
        ("GTA Semiconductor", 1), ("ASML Holding N.V.", 2),
    ]
    asml = members.hits[-1]
    assert asml.path.describe() == (
        "ASML Holding N.V. -[SUPPLIED]-> GTA Semiconductor -[OWNED_BY]-> China Electronics Corporation "
        "-[DESIGNATED]-> NS-CMIC List"
    )
    suppliers = q.exposure(store, CEC.id, reverse=True, types=(R.SUPPLIED, R.OWNED_BY))
    assert names(suppliers) == [("Alpha Foundry", 1), ("GTA Semiconductor", 1), ("ASML Holding N.V.", 2), ("Beta Memory", 2)]
    assert [h.forward for h in suppliers.hits[2].path.hops] == [True, True]


def test_owners_up_to_the_ultimate_owner_and_down_as_a_tree(store: GraphStore) -> None:
    ingest(store, ARTICLES)
    up = q.owners(store, CHAIN[0].id)
    assert [e.name for e in up.ultimate] == ["Top Parent Four"]
    assert [c.describe() for c in up.chains] == [
        "Leaf Devices -[OWNED_BY]-> Mid Holdings Two -[OWNED_BY]-> Upper Capital Three -[OWNED_BY]-> Top Parent Four"
    ]
    assert not up.truncated
    short = q.owners(store, CHAIN[0].id, max_depth=2)
    assert short.ultimate == () and short.truncated  # Upper Capital Three may have an owner: not called ultimate
    down = q.owners(store, CHAIN[3].id, down=True)
    assert [(d, n.entity.name) for d, n in down.root.lines()] == [
        (0, "Top Parent Four"), (1, "Upper Capital Three"), (2, "Mid Holdings Two"), (3, "Leaf Devices")
    ]
    group = q.owners(store, CEC.id, down=True)
    assert [n.entity.name for n in group.root.children] == ["Alpha Foundry", "GTA Semiconductor"]
    tree = group.to_dict()["tree"]
    assert tree["children"][1]["relation"]["sentences"][0]["sources"][0]["title"] == "ASML and GTA"
    assert q.owners(store, ASML.id).ultimate == ()


def test_entity_page_and_ambiguous_names(store: GraphStore) -> None:
    ingest(store, ARTICLES + EXTRA)
    page = q.entity_page(store, CEC.id)
    data = page.to_dict()
    assert {"CEC", "Zhongdian", "China Electronics Corp"} <= set(data["names"])
    assert {(x["type"], x["list_name"]) for x in data["lists"]} == {("DESIGNATED", "NS-CMIC List"), ("MILITARY_LINK", "military")}
    assert [r["other_name"] for r in data["relations"]["OWNED_BY"]] == ["GTA Semiconductor", "Alpha Foundry"] or [
        r["other_name"] for r in data["relations"]["OWNED_BY"]
    ] == ["Alpha Foundry", "GTA Semiconductor"]
    assert {d["document_id"] for d in data["documents"]} == {A1.document.id, A2.document.id, A3.document.id}
    assert {d["source"] for d in data["documents"]} >= {"https://news.example/asml-gta"}
    # a file is cited by its name, never by the path it was read from
    cetc = q.entity_page(store, CETC.id).to_dict()
    assert cetc["documents"][0]["source"] == "cetc-units.txt"
    assert "/home/someone" not in str(cetc)
    # "China Electronics" fits CEC and CETC: the candidates, not a guess
    with pytest.raises(EntityAmbiguous) as info:
        store.resolve_unique("China Electronics")
    assert {c.id for c in info.value.candidates} == {CEC.id, CETC.id}
    assert store.resolve_unique("CEC").id == CEC.id
    assert store.resolve_unique("cetc").id == CETC.id
    assert store.resolve_unique("China Electronics Corporation").id == CEC.id
    with pytest.raises(EntityNotFound):
        store.resolve_unique("Nothing Like It Ltd")


def test_syndicated_sentence_once_with_its_count(store: GraphStore) -> None:
    ingest(store, ARTICLES + EXTRA)
    hit = q.exposure(store, GAMMA.id, max_hops=1)
    (hop,) = hit.to_dict()["hits"][0]["path"]["hops"]
    (sentence,) = hop["sentences"]
    assert sentence["sentence"] == WIRE and sentence["sources_count"] == 3
    assert sorted(s["url"] for s in sentence["sources"]) == [
        "https://outlet-one.example/wire-0", "https://outlet-three.example/wire-2", "https://outlet-two.example/wire-1"
    ]
    assert hop["evidence_count"] == 3


def test_search_finds_close_spellings(store: GraphStore) -> None:
    ingest(store, ARTICLES)
    found, close = q.find_entities(store, "Alpha Foundri")
    assert close and found[0].id == FAB_A.id
    found, close = q.find_entities(store, "foundry")
    assert not close and [e.id for e in found] == [FAB_A.id]
    assert q.find_entities(store, "zzzzqqq") == ([], True)


def test_same_answers_on_every_store(store: GraphStore, new_store: Callable[[str], GraphStore]) -> None:
    ingest(store, ARTICLES + EXTRA)
    ref = new_store("sqlite")
    ingest(ref, ARTICLES + EXTRA)
    for e in ref.entities():
        for direction in ("out", "both"):
            for reverse in (False, True):
                a = q.exposure(store, e.id, max_hops=3, direction=direction, reverse=reverse).to_dict()
                b = q.exposure(ref, e.id, max_hops=3, direction=direction, reverse=reverse).to_dict()
                assert a == b, (e.id, direction, reverse)
        for down in (False, True):
            assert q.owners(store, e.id, down=down).to_dict() == q.owners(ref, e.id, down=down).to_dict(), e.id
        assert q.entity_page(store, e.id).to_dict() == q.entity_page(ref, e.id).to_dict(), e.id


def test_parse_types_takes_what_the_cli_and_api_take() -> None:
    assert q.parse_types("owned_by, PART_OF") == (R.OWNED_BY, R.PART_OF)
    assert q.parse_types(["OWNED_BY,supplied", "PART_OF"]) == (R.OWNED_BY, R.SUPPLIED, R.PART_OF)
    assert q.parse_types(None) == q.WALK_TYPES and q.parse_types([""]) == q.WALK_TYPES
    with pytest.raises(InvalidQuery, match="OWNED_BY"):
        q.parse_types("OWNS")


def test_citations_never_show_a_local_path() -> None:
    assert cite_source("https://a.example/x?y=1") == ("https://a.example/x?y=1", "https://a.example/x?y=1")
    assert cite_source("/srv/data/articles/story.txt") == ("story.txt", None)
    assert cite_source("C:\\Users\\me\\story.html") == ("story.html", None)
    ev = [
        Evidence("d1", "Same  sentence.", 0, 14, "rule:a", 0.8, "/tmp/x/a.txt"),
        Evidence("d2", "same sentence.", 0, 14, "rule:a", 0.9, "/tmp/x/b.txt"),
        Evidence("d1", "Other sentence.", 20, 35, "rule:b", 0.7, "/tmp/x/a.txt"),
    ]
    cited = cite_evidence(ev, {})
    assert [(c.sentence, c.count) for c in cited] == [("same sentence.", 2), ("Other sentence.", 1)]
    assert {c.source for c in cited[0].citations} == {"a.txt", "b.txt"}
