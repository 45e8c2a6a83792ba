"""One behaviour, every store: the conformance suite.

Every test runs against each store of the ``store`` fixture (SQLite, the
Neo4j store on FalkorDB, and on Neo4j 5 when CHIPGRAPH_TEST_NEO4J_URL is set),
with the same hand-made articles, and asserts the same answers, so a path
query, a lookup or a piece of evidence means the same thing whichever store
answers it.  ``test_same_answers_as_sqlite`` also compares each server store
with the embedded one answer by answer.
"""

from __future__ import annotations

import itertools
import random
from typing import Callable

import pytest

from chipgraph.graph.errors import EntityNotFound, StoreError
from chipgraph.graph.model import (
    MILITARY_ID,
    Document,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    Relation,
    RelationType,
)
from chipgraph.graph.paths import PathQuery
from chipgraph.graph.reference import reference_extractions
from chipgraph.graph.store import GraphStore

ORG, LIST = EntityType.ORG, EntityType.LIST
R = RelationType

ASML = Entity.create("ASML Holding N.V.", ORG, aliases=["ASML"], country="NL")
GTA = Entity.create("GTA Semiconductor", ORG, aliases=["GTA"], country="CN")
CEC = Entity.create("China Electronics Corporation", ORG, aliases=["CEC"], country="CN")
CEC_SHORT = Entity.create("CEC", ORG)  # what a later article calls it
CEC_OTHER_NAME = Entity.create("China Electronics Corp", ORG, aliases=["Zhongdian"])
MILITARY = Entity.create("military", LIST)
NS_CMIC = Entity.create("NS-CMIC List", LIST, aliases=["CMIC list"], country="US")
FAB_A = Entity.create("Alpha Foundry", ORG)
FAB_B = Entity.create("Beta Memory", ORG)
CHAIN = [Entity.create(n, ORG) for n in ("Leaf Devices", "Mid Holdings Two", "Upper Capital Three", "Top Parent Four")]
HOSTILE_NAME = "<img src=x onerror=alert(1)>"
INJECTION = "'}) DETACH DELETE n //"
QUOTES = 'O\'Brien "Quoted" Chips \\ Backslash Ltd'
HOSTILE = Entity.create(HOSTILE_NAME, ORG, aliases=[INJECTION, QUOTES])
assert MILITARY.id == MILITARY_ID


def article(
    text: str,
    source: str,
    facts: list[tuple[Entity, RelationType, Entity, str]],
    *,
    extra: tuple[Entity, ...] = (),
    title: str | None = None,
    attributes: dict[str, str] | None = None,
    method: str = "rule:test",
    confidence: float = 0.8,
) -> Extraction:
    """An Extraction whose evidence points at ``sentence`` inside ``text``;
    each piece of evidence states ``attributes``."""
    doc = Document.from_text(text, source, title=title, date="2024-05-01")
    entities: dict[str, Entity] = {e.id: e for e in extra}
    relations = []
    for head, rtype, tail, sentence in facts:
        start = text.index(sentence)
        ev = Evidence(doc.id, sentence, start, start + len(sentence), method, confidence, source, attributes or {})
        entities.setdefault(head.id, head)
        entities.setdefault(tail.id, tail)
        relations.append(Relation(head.id, rtype, tail.id, (ev,)))
    return Extraction(doc, tuple(entities.values()), tuple(relations))


T1 = (
    "ASML supplied lithography scanners to GTA Semiconductor in 2023. "
    "GTA Semiconductor is a subsidiary of China Electronics Corporation (CEC)."
)
A1 = article(
    T1,
    "https://news.example/asml-gta",
    [
        (ASML, R.SUPPLIED, GTA, "ASML supplied lithography scanners to GTA Semiconductor in 2023."),
        (GTA, R.OWNED_BY, CEC, "GTA Semiconductor is a subsidiary of China Electronics Corporation (CEC)."),
    ],
    title="ASML and GTA",
    attributes={"product": "lithography scanners"},
)
T2 = (
    "CEC is a state-owned group with close ties to the military. "
    "CEC was added to the NS-CMIC List in 2021. "
    "ASML also shipped tools to GTA Semiconductor last year."
)
A2 = article(
    T2,
    "https://news.example/cec-military",
    [
        (CEC_SHORT, R.MILITARY_LINK, MILITARY, "CEC is a state-owned group with close ties to the military."),
        (CEC_SHORT, R.DESIGNATED, NS_CMIC, "CEC was added to the NS-CMIC List in 2021."),
        (ASML, R.SUPPLIED, GTA, "ASML also shipped tools to GTA Semiconductor last year."),
    ],
    attributes={"product": "tools", "year": "2024"},
    confidence=0.9,
)
T3 = "China Electronics Corp, known in China as Zhongdian, owns Alpha Foundry."
A3 = article(
    T3,
    "https://news.example/zhongdian",
    [(FAB_A, R.OWNED_BY, CEC_OTHER_NAME, T3)],
)
T4 = (
    "Alpha Foundry was added to the NS-CMIC List. Beta Memory was added to the NS-CMIC List. "
    "Beta Memory supplied chips to Alpha Foundry. Alpha Foundry supplied wafers to Beta Memory."
)
A4 = article(
    T4,
    "https://news.example/lists",
    [
        (FAB_A, R.DESIGNATED, NS_CMIC, "Alpha Foundry was added to the NS-CMIC List."),
        (FAB_B, R.DESIGNATED, NS_CMIC, "Beta Memory was added to the NS-CMIC List."),
        (FAB_B, R.SUPPLIED, FAB_A, "Beta Memory supplied chips to Alpha Foundry."),
        (FAB_A, R.SUPPLIED, FAB_B, "Alpha Foundry supplied wafers to Beta Memory."),
    ],
)
T5 = (
    "Leaf Devices is owned by Mid Holdings Two. Mid Holdings Two is owned by Upper Capital Three. "
    "Upper Capital Three is owned by Top Parent Four."
)
A5 = article(
    T5,
    "https://news.example/chain",
    [
        (CHAIN[0], R.OWNED_BY, CHAIN[1], "Leaf Devices is owned by Mid Holdings Two."),
        (CHAIN[1], R.OWNED_BY, CHAIN[2], "Mid Holdings Two is owned by Upper Capital Three."),
        (CHAIN[2], R.OWNED_BY, CHAIN[3], "Upper Capital Three is owned by Top Parent Four."),
    ],
    method="rule:relcl-owned",
    confidence=0.7,
)
T6 = f"{HOSTILE_NAME} bought from ASML; {INJECTION} said {QUOTES}.\nPath C:\\temp\\new and a tab\there."
A6 = article(
    T6,
    f"https://evil.example/?q={INJECTION}",
    [(ASML, R.SUPPLIED, HOSTILE, T6)],
    title=f"{HOSTILE_NAME} {INJECTION}",
    attributes={"product": INJECTION, "note": HOSTILE_NAME},
    method=f"rule:{INJECTION}",
)
ARTICLES = [A1, A2, A3, A4, A5, A6]


def ingest(store: GraphStore, articles: list[Extraction] = ARTICLES) -> None:
    for x in articles:
        assert store.add(x).added


def rel(store: GraphStore, head: str, rtype: RelationType, tail: str) -> Relation:
    found = [r for r in store.relations(head) if r.key == (head, rtype.value, tail)]
    assert len(found) == 1, f"{head} {rtype.value} {tail} not stored exactly once"
    return found[0]


def describe(store: GraphStore, query: PathQuery) -> list[str]:
    return [p.describe() for p in store.paths(query)]


# -- ingest, identity, idempotence -------------------------------------------
def test_ingest_counts(store: GraphStore) -> None:
    ingest(store)
    assert store.counts() == {"documents": 6, "entities": 12, "relations": 13, "evidence": 14}


def test_reingest_adds_nothing(store: GraphStore) -> None:
    ingest(store)
    before = store.counts()
    results = [store.add(x) for x in ARTICLES]
    assert not any(r.added for r in results)
    assert store.counts() == before
    # add_many (batched on the server stores) skips them too
    assert not any(r.added for r in store.add_many(ARTICLES))
    assert store.counts() == before


def test_add_many_equals_add(store: GraphStore, new_store: Callable[[str], GraphStore]) -> None:
    results = store.add_many(ARTICLES + [A1])
    assert [r.added for r in results] == [True] * 6 + [False]
    one_by_one = new_store("sqlite")
    ingest(one_by_one)
    assert snapshot_entities(store) == snapshot_entities(one_by_one)
    assert snapshot_relations(store) == snapshot_relations(one_by_one)


def test_documents_round_trip(store: GraphStore) -> None:
    ingest(store)
    doc = store.get_document(A1.document.id)
    assert doc == A1.document
    assert store.has_document(A6.document.id)
    assert not store.has_document("0" * 32)
    assert store.get_document("0" * 32) is None
    assert sorted(d.id for d in store.documents()) == sorted(x.document.id for x in ARTICLES)
    assert {d.id: d for d in store.documents()}[A6.document.id] == A6.document


def test_long_texts_round_trip(store: GraphStore) -> None:
    """A report of a few hundred KB, and a sentence of tens of KB (a table
    flattened into one "sentence"), read back whole -- in any script."""
    sentence = "Alpha Foundry supplied parts to Beta Memory: " + "wafers, 晶圆 🙂, it's \\ " * 2500 + "and more."
    text = "Report. " + "Filler line about fabs é漢字 🙂 it's. " * 6000 + sentence + " End."
    x = article(text, "https://news.example/long-report", [(FAB_A, R.SUPPLIED, FAB_B, sentence)])
    assert len(sentence.encode()) > 70_000 and len(text.encode()) > 300_000
    assert store.add(x).added
    assert store.get_document(x.document.id) == x.document
    assert [d for d in store.documents()] == [x.document]
    assert rel(store, FAB_A.id, R.SUPPLIED, FAB_B.id).evidence == x.relations[0].evidence


def test_entities_and_get_entity(store: GraphStore) -> None:
    ingest(store)
    ids = [e.id for e in store.entities()]
    assert ids == sorted(ids)
    assert set(ids) == {
        ASML.id, GTA.id, CEC.id, MILITARY.id, NS_CMIC.id, FAB_A.id, FAB_B.id, HOSTILE.id, *(c.id for c in CHAIN)
    }
    asml = store.get_entity(ASML.id)
    assert asml == ASML
    assert store.get_entity("org:nothing-of-the-kind") is None


# -- evidence --------------------------------------------------------------------
def test_evidence_round_trips_every_field(store: GraphStore) -> None:
    ingest(store)
    r = rel(store, GTA.id, R.OWNED_BY, CEC.id)
    assert r.evidence == A1.relations[1].evidence
    assert r.attributes == {"product": "lithography scanners"}
    (ev,) = r.evidence
    stored_doc = store.get_document(ev.document_id)
    assert stored_doc is not None and stored_doc.text[ev.start : ev.end] == ev.sentence


def test_evidence_accumulates_from_two_documents(store: GraphStore) -> None:
    ingest(store)
    r = rel(store, ASML.id, R.SUPPLIED, GTA.id)
    assert {e.document_id for e in r.evidence} == {A1.document.id, A2.document.id}
    # most confident first, as in every store
    assert [e.confidence for e in r.evidence] == [0.9, 0.8]
    assert r.confidence == 0.9
    # each piece of evidence keeps what its own sentence states
    by_doc = {e.document_id: e.attributes for e in r.evidence}
    assert by_doc == {
        A1.document.id: {"product": "lithography scanners"},
        A2.document.id: {"product": "tools", "year": "2024"},
    }
    # the summary takes the most confident evidence's value per attribute
    assert r.attributes == {"product": "tools", "year": "2024"}


def _dated_supply(text: str, source: str, date: str, confidence: float) -> Extraction:
    return article(
        text,
        source,
        [(FAB_B, R.SUPPLIED, FAB_A, text)],
        attributes={"product": "memory chips", "date": date},
        confidence=confidence,
    )


def test_two_articles_with_different_dates_keep_both_with_their_sources(store: GraphStore) -> None:
    first = _dated_supply("Beta Memory delivered memory chips to Alpha Foundry in 2019.", "https://a.example/1", "2019", 0.8)
    second = _dated_supply("In 2022 Beta Memory sold memory chips to Alpha Foundry.", "https://b.example/2", "2022", 0.7)
    store.add(first)
    store.add(second)
    r = rel(store, FAB_B.id, R.SUPPLIED, FAB_A.id)
    # what the store gives back equals what was written, piece by piece
    assert r.evidence == (first.relations[0].evidence[0], second.relations[0].evidence[0])
    dates = {(st.value, tuple((e.document_id, e.source) for e in st.evidence))
             for st in r.attribute_statements() if st.name == "date"}
    assert dates == {
        ("2019", ((first.document.id, "https://a.example/1"),)),
        ("2022", ((second.document.id, "https://b.example/2"),)),
    }
    (product,) = [st for st in r.attribute_statements() if st.name == "product"]
    assert product.value == "memory chips" and len(product.evidence) == 2
    assert r.unsourced_attributes == {}
    # the same through paths and subgraphs
    (path,) = store.paths(PathQuery(FAB_B.id, FAB_A.id, types=(R.SUPPLIED,)))
    assert path.hops[0].relation == r
    (sub_rel,) = [x for x in store.subgraph(FAB_B.id).relations if x.key == r.key]
    assert sub_rel == r


def test_unsourced_attributes_round_trip_and_merge(store: GraphStore) -> None:
    """Attributes no single sentence stated (graphs from before per-evidence
    attributes) are kept apart, and the first stored value wins."""
    x = article("Alpha Foundry owns Beta Memory.", "https://c.example/3", [(FAB_B, R.OWNED_BY, FAB_A, "Alpha Foundry owns Beta Memory.")])
    x = Extraction(x.document, x.entities, (Relation(FAB_B.id, R.OWNED_BY, FAB_A.id, x.relations[0].evidence, unsourced_attributes={"stake": "51%"}),))
    y = article("Beta Memory is held by Alpha Foundry.", "https://d.example/4", [(FAB_B, R.OWNED_BY, FAB_A, "Beta Memory is held by Alpha Foundry.")])
    y = Extraction(y.document, y.entities, (Relation(FAB_B.id, R.OWNED_BY, FAB_A.id, y.relations[0].evidence, unsourced_attributes={"stake": "60%", "since": "2020"}),))
    store.add(x)
    store.add(y)
    r = rel(store, FAB_B.id, R.OWNED_BY, FAB_A.id)
    assert r.unsourced_attributes == {"stake": "51%", "since": "2020"}
    assert all(e.attributes == {} for e in r.evidence)
    assert r.attributes == {"since": "2020", "stake": "51%"}


# -- entity resolution -------------------------------------------------------------
def test_alias_merging_across_documents(store: GraphStore) -> None:
    ingest(store)
    # "CEC" (A2) and "China Electronics Corp" (A3) are the stored CEC
    assert store.get_entity(entity_id_of("CEC")) is None
    cec = store.get_entity(CEC.id)
    assert cec is not None and cec.name == "China Electronics Corporation"
    assert "Zhongdian" in cec.aliases and "China Electronics Corp" in cec.aliases
    assert [e.id for e in store.lookup("Zhongdian")] == [CEC.id]
    assert [e.id for e in store.lookup("the China Electronics Corp.")] == [CEC.id]
    assert {r.key for r in store.relations(CEC.id)} == {
        (GTA.id, "OWNED_BY", CEC.id),
        (CEC.id, "MILITARY_LINK", MILITARY.id),
        (CEC.id, "DESIGNATED", NS_CMIC.id),
        (FAB_A.id, "OWNED_BY", CEC.id),
    }


def entity_id_of(name: str) -> str:
    return Entity.create(name, ORG).id


def test_lookup_and_search(store: GraphStore) -> None:
    ingest(store)
    assert [e.id for e in store.lookup("asml")] == [ASML.id]
    assert [e.id for e in store.lookup("ASML Holding")] == [ASML.id]
    assert store.lookup("Nobody Inc") == []
    found = [e.id for e in store.search("memory")]
    assert found == [FAB_B.id]
    assert [e.id for e in store.search("CEC")][0] == CEC.id
    assert len(store.search("", limit=3)) == 3


def test_unknown_entity_suggests(store: GraphStore) -> None:
    ingest(store)
    assert store.resolve("CEC").id == CEC.id
    assert store.resolve(GTA.id).id == GTA.id
    with pytest.raises(EntityNotFound) as info:
        store.resolve("GTA Semiconduktor")
    assert "GTA Semiconductor" in info.value.suggestions
    with pytest.raises(EntityNotFound):
        store.resolve("   ")


# -- hostile strings ---------------------------------------------------------------
def test_hostile_strings_stored_verbatim(store: GraphStore) -> None:
    ingest(store)
    e = store.get_entity(HOSTILE.id)
    assert e is not None and e.name == HOSTILE_NAME and e.aliases == (INJECTION, QUOTES)
    assert [x.id for x in store.lookup(INJECTION)] == [HOSTILE.id]
    assert [x.id for x in store.lookup(QUOTES)] == [HOSTILE.id]
    assert HOSTILE.id in [x.id for x in store.search("onerror")]
    doc = store.get_document(A6.document.id)
    assert doc == A6.document and "C:\\temp\\new" in doc.text
    r = rel(store, ASML.id, R.SUPPLIED, HOSTILE.id)
    assert r.attributes == {"product": INJECTION, "note": HOSTILE_NAME}
    assert r.evidence[0].attributes == {"product": INJECTION, "note": HOSTILE_NAME}
    assert r.evidence == A6.relations[0].evidence
    # nothing was deleted by the injection attempt
    assert store.counts()["entities"] == 12


# -- paths ---------------------------------------------------------------------------
def test_paths_out_with_evidence(store: GraphStore) -> None:
    ingest(store)
    paths = store.paths(PathQuery(ASML.id, MILITARY.id))
    assert [p.describe() for p in paths] == [
        "ASML Holding N.V. -[SUPPLIED]-> GTA Semiconductor -[OWNED_BY]-> China Electronics Corporation "
        "-[MILITARY_LINK]-> military"
    ]
    (path,) = paths
    assert [h.forward for h in path.hops] == [True, True, True]
    assert [len(h.relation.evidence) for h in path.hops] == [2, 1, 1]
    assert path.hops[1].relation.evidence == A1.relations[1].evidence
    assert path.confidence == 0.8


def test_cited_paths_are_the_paths_and_their_documents(store: GraphStore) -> None:
    """What an answer reads in one go (SQLite: in the statements that read
    the paths) is exactly ``paths`` and ``document_infos`` of its evidence."""
    ingest(store)
    for query in (PathQuery(ASML.id, MILITARY.id), PathQuery(CEC.id, ASML.id, direction="both")):
        paths, cited = store.cited_paths(query)
        assert paths == store.paths(query)
        wanted = {ev.document_id for p in paths for h in p.hops for ev in h.relation.evidence}
        assert wanted and cited == store.document_infos(wanted)
    assert store.cited_paths(PathQuery(CEC.id, ASML.id)) == ([], {})


def test_paths_direction_both(store: GraphStore) -> None:
    ingest(store)
    assert store.paths(PathQuery(CEC.id, ASML.id)) == []
    paths = store.paths(PathQuery(CEC.id, ASML.id, direction="both"))
    assert [p.describe() for p in paths] == [
        "China Electronics Corporation <-[OWNED_BY]- GTA Semiconductor <-[SUPPLIED]- ASML Holding N.V."
    ]
    assert [h.forward for h in paths[0].hops] == [False, False]


def test_paths_max_hops_bound(store: GraphStore) -> None:
    ingest(store)
    leaf, top = CHAIN[0].id, CHAIN[3].id
    assert store.paths(PathQuery(leaf, top, max_hops=2)) == []
    assert describe(store, PathQuery(leaf, top, max_hops=3)) == [
        "Leaf Devices -[OWNED_BY]-> Mid Holdings Two -[OWNED_BY]-> Upper Capital Three -[OWNED_BY]-> Top Parent Four"
    ]
    assert store.paths(PathQuery(leaf, top, types=(R.SUPPLIED,))) == []
    assert store.paths(PathQuery(top, leaf)) == []


def test_list_is_not_passable_and_paths_are_simple(store: GraphStore) -> None:
    ingest(store)
    q = PathQuery(FAB_A.id, FAB_B.id, direction="both", max_hops=4)
    found = describe(store, q)
    # two direct hops; never through the NS-CMIC List, never revisiting a node
    assert found == [
        "Alpha Foundry -[SUPPLIED]-> Beta Memory",
        "Alpha Foundry <-[SUPPLIED]- Beta Memory",
    ] or found == [
        "Alpha Foundry <-[SUPPLIED]- Beta Memory",
        "Alpha Foundry -[SUPPLIED]-> Beta Memory",
    ]
    # a list may still end a path
    assert describe(store, PathQuery(GTA.id, NS_CMIC.id)) == [
        "GTA Semiconductor -[OWNED_BY]-> China Electronics Corporation -[DESIGNATED]-> NS-CMIC List"
    ]
    # but not join two companies designated on it
    both = describe(store, PathQuery(GTA.id, FAB_B.id, direction="both", max_hops=5))
    assert all("NS-CMIC" not in p for p in both)
    assert both == [
        "GTA Semiconductor -[OWNED_BY]-> China Electronics Corporation <-[OWNED_BY]- Alpha Foundry "
        "-[SUPPLIED]-> Beta Memory",
        "GTA Semiconductor -[OWNED_BY]-> China Electronics Corporation <-[OWNED_BY]- Alpha Foundry "
        "<-[SUPPLIED]- Beta Memory",
    ]


def test_paths_edge_cases(store: GraphStore) -> None:
    ingest(store)
    assert store.paths(PathQuery(ASML.id, ASML.id)) == []
    assert store.paths(PathQuery("org:missing", ASML.id)) == []
    many = store.paths(PathQuery(FAB_A.id, FAB_B.id, direction="both", limit=1))
    assert len(many) == 1


# -- subgraph --------------------------------------------------------------------------
def test_subgraph_depth(store: GraphStore) -> None:
    ingest(store)
    one = store.subgraph(GTA.id, depth=1)
    assert {e.id for e in one.entities} == {GTA.id, ASML.id, CEC.id}
    assert one.entities[0].id == GTA.id
    assert {r.key for r in one.relations} == {(ASML.id, "SUPPLIED", GTA.id), (GTA.id, "OWNED_BY", CEC.id)}
    two = store.subgraph(GTA.id, depth=2)
    assert {e.id for e in two.entities} == {GTA.id, ASML.id, CEC.id, MILITARY.id, NS_CMIC.id, FAB_A.id, HOSTILE.id}
    # the list is shown but not expanded: Beta Memory (on the same list) is not pulled in
    three = store.subgraph(GTA.id, depth=3)
    assert FAB_B.id in {e.id for e in three.entities}  # via Alpha Foundry, not via the list
    lst = store.subgraph(NS_CMIC.id, depth=1)
    assert {e.id for e in lst.entities} == {NS_CMIC.id, CEC.id, FAB_A.id, FAB_B.id}
    assert store.subgraph("org:missing").entities == ()


def test_subgraph_walk_stops_at_the_node_budget(store: GraphStore) -> None:
    """A hub costs no more than the page that shows it: the walk stops at
    max_nodes, nearest first and then by id, the same on every store."""
    ingest(store)
    whole = store.subgraph(GTA.id, depth=2)
    assert not whole.truncated
    cut = store.subgraph(GTA.id, depth=2, max_nodes=4)
    assert cut.truncated and len(cut.entities) == 4
    assert cut.entities[0].id == GTA.id
    nearest = {ASML.id, CEC.id}
    assert nearest <= {e.id for e in cut.entities}  # the first level comes before the second
    further = sorted(e.id for e in whole.entities if e.id not in nearest | {GTA.id})
    assert {e.id for e in cut.entities} - nearest - {GTA.id} == {further[0]}
    assert {e.id for e in store.subgraph(GTA.id, depth=2, max_nodes=len(whole.entities)).entities} == {e.id for e in whole.entities}
    answer = cut.capped(max_nodes=4).to_dict()
    assert answer["truncated"] is True and answer["total_entities"] is None


# -- the server stores answer exactly as the embedded one ----------------------------------
def snapshot_entities(store: GraphStore) -> list[dict]:
    return [e.to_dict() for e in store.entities()]


def snapshot_relations(store: GraphStore) -> list[dict]:
    return sorted((r.to_dict() for r in store.relations()), key=lambda d: (d["head"], d["type"], d["tail"]))


def test_same_answers_as_sqlite(store: GraphStore, new_store: Callable[[str], GraphStore]) -> None:
    everything = ARTICLES + reference_extractions()
    ingest(store, everything)
    ref = new_store("sqlite")
    ingest(ref, everything)
    assert store.counts() == ref.counts()
    assert snapshot_entities(store) == snapshot_entities(ref)
    assert snapshot_relations(store) == snapshot_relations(ref)
    assert sorted(d.id for d in store.documents()) == sorted(d.id for d in ref.documents())
    for e in ref.entities():
        for name in e.names():
            assert store.lookup(name) == ref.lookup(name), name
        assert sorted(r.key for r in store.relations(e.id)) == sorted(r.key for r in ref.relations(e.id))
    for q in ("china", "list", "semi", "o'brien"):
        assert store.search(q) == ref.search(q), q
    ids = [e.id for e in ref.entities()]
    for source, target in itertools.permutations(ids, 2):
        for direction in ("out", "both"):
            q = PathQuery(source, target, direction=direction, max_hops=4, limit=5)
            mine, theirs = store.paths(q), ref.paths(q)
            assert [p.to_dict() for p in mine] == [p.to_dict() for p in theirs], q
    for eid in (GTA.id, CEC.id, MILITARY.id):
        for depth in (1, 2):
            a, b = store.subgraph(eid, depth), ref.subgraph(eid, depth)
            assert [e.id for e in a.entities] == [e.id for e in b.entities]
            assert sorted(r.key for r in a.relations) == sorted(r.key for r in b.relations)


# -- round trip of hostile strings (issue 10, item 10) -------------------------------
#: Characters that have broken stores before or could: quotes and escapes of
#: Cypher and JSON, control characters, line and paragraph separators, a BOM,
#: combining marks, zero-width space, non-characters, and characters outside
#: the Basic Multilingual Plane (4 bytes in UTF-8, 2 units in UTF-16).
HOSTILE_CHARS = (
    list("abcXYZ019 .,-") + ["'", '"', "\\", "`", "$", "{", "}", "/", "*", ";", "<", ">", "&", "%", "|"]
    + ["\n", "\r", "\t", "\x01", "\x08", "\x0b", "\x1b", "\x1f", "\x7f", "\x85", "\u2028", "\u2029", "\ufeff"]
    + ["\u00e9", "\u00df", "\u6f22", "\u0301", "\u200b", "\ufffd", "\uffff", "\U0001F600", "\U00020000", "\U0010FFFD"]
)
HOSTILE_SNIPPETS = ["'}) DETACH DELETE n //", "$rows", "CYPHER x=1 ", "\\'", "\\u0041", "\\n", '"]}', "%s%n"]


def hostile_text(rng: random.Random, length: int) -> str:
    """``length``-ish characters mixing hostile characters and snippets."""
    out: list[str] = []
    while sum(map(len, out)) < length:
        out.append(rng.choice(HOSTILE_SNIPPETS) if rng.random() < 0.05 else rng.choice(HOSTILE_CHARS))
    return "".join(out)


def hostile_article(rng: random.Random, n: int, *, text_length: int, name_length: int = 30) -> Extraction:
    """One article whose every stored string is hostile; names get a unique
    prefix so that articles never merge entities by accident."""
    sentence = hostile_text(rng, rng.randint(5, 200))
    text = hostile_text(rng, text_length) + sentence + hostile_text(rng, 50)
    start = text.index(sentence)
    doc = Document.from_text(text, f"https://hostile.example/{n}?q={hostile_text(rng, 20)}",
                             title=hostile_text(rng, 40), date="2024-02-29")
    head = Entity.create(f"Hostile {n} head {hostile_text(rng, name_length)}", ORG,
                         aliases=[f"H{n} {hostile_text(rng, 15)}"], country=hostile_text(rng, 3))
    tail = Entity.create(f"Hostile {n} tail {hostile_text(rng, 25)}", ORG)
    ev = Evidence(doc.id, sentence, start, start + len(sentence), f"rule:{hostile_text(rng, 10)}", 0.75,
                  doc.source, {"product": hostile_text(rng, 20), "date": hostile_text(rng, 8)})
    return Extraction(doc, (head, tail), (Relation(head.id, R.SUPPLIED, tail.id, (ev,)),))


def assert_reads_back(store: GraphStore, x: Extraction) -> None:
    """Everything ``x`` wrote reads back exactly as written."""
    doc = store.get_document(x.document.id)
    assert doc is not None
    assert (doc.source, doc.text, doc.title, doc.date, doc.language) == (
        x.document.source, x.document.text, x.document.title, x.document.date, x.document.language
    )
    for written in x.entities:
        got = store.get_entity(written.id)
        assert got is not None
        assert (got.name, got.aliases, got.country, got.type) == (written.name, written.aliases, written.country, written.type)
        assert written.id in [e.id for e in store.lookup(written.name)]
    (rel,) = list(store.relations(x.relations[0].head))
    (ev,), (want,) = rel.evidence, x.relations[0].evidence
    assert (ev.document_id, ev.sentence, ev.start, ev.end, ev.method, ev.source, dict(ev.attributes)) == (
        want.document_id, want.sentence, want.start, want.end, want.method, want.source, dict(want.attributes)
    )
    assert ev.confidence == pytest.approx(want.confidence)


def test_hostile_strings_round_trip(store: GraphStore) -> None:
    """A seeded property test: whatever the strings, what is read back is what
    was written, on every store."""
    rng = random.Random(20261125)
    written = [hostile_article(rng, n, text_length=rng.choice((40, 300, 2_000))) for n in range(10)]
    # long texts: read back in pieces on FalkorDB, with 4-byte characters on the piece boundaries
    written += [hostile_article(rng, 100 + n, text_length=length) for n, length in enumerate((13_000, 30_000))]
    for x in written:
        assert store.add(x).added
    for x in written:
        assert_reads_back(store, x)
    assert {d.id for d in store.documents()} == {x.document.id for x in written}


def test_a_write_the_store_cannot_keep_fails_loudly(store: GraphStore) -> None:
    """An entity id of ~9 KB (FalkorDB's index cannot find it again) and text
    with a NUL (FalkorDB cannot store it): each store either keeps the article
    whole and reads it back, or raises StoreError and keeps nothing of it --
    never a 'stored' answer with its relations missing."""
    rng = random.Random(7)
    cases = [
        hostile_article(rng, 1, text_length=100, name_length=9_000),
        article("Nul\x00Co supplied Other Co.", "https://hostile.example/nul",
                [(Entity.create("Nul\x00Co", ORG), R.SUPPLIED, Entity.create("Other Co", ORG), "Nul\x00Co supplied Other Co.")]),
    ]
    for x in cases:
        try:
            result = store.add(x)
        except StoreError:
            assert not store.has_document(x.document.id)
            assert list(store.relations(x.relations[0].head)) == []
            continue
        assert result.added
        assert_reads_back(store, x)
