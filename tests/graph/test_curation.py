"""Curation on every store: each action's effect on every read, kept through
re-ingest and copy, accepted-only reads, and refusals that change nothing.

Runs against the ``store`` fixture (SQLite and the Neo4j store on FalkorDB,
and Neo4j 5 when CHIPGRAPH_TEST_NEO4J_URL is set), with the conformance
suite's articles plus a few of its own for merging and splitting.
"""

from __future__ import annotations

from typing import Callable

import pytest

from chipgraph.graph import curation, questions
from chipgraph.graph.accepted import AcceptedView, accepted_view
from chipgraph.graph.copy import copy_graph
from chipgraph.graph.errors import DocumentNotFound, EntityNotFound, FactNotFound, InvalidCuration
from chipgraph.graph.model import Entity, EntityType, Evidence, Extraction, Relation, RelationType
from chipgraph.graph.paths import PathQuery
from chipgraph.graph.store import GraphStore

from test_conformance import (
    A1,
    A2,
    A4,
    ASML,
    CEC,
    FAB_A,
    GTA,
    HOSTILE_NAME,
    INJECTION,
    MILITARY,
    QUOTES,
    article,
    ingest,
)

ORG = EntityType.ORG
R = RelationType
SUPPLY = (ASML.id, "SUPPLIED", GTA.id)
OWNED = (GTA.id, "OWNED_BY", CEC.id)
MIL = (CEC.id, "MILITARY_LINK", MILITARY.id)

# Two names of one group, written as two entities by extraction.
HHG = Entity.create("Hua Hong Group", ORG)
HUAHONG = Entity.create("Shanghai Huahong", ORG)
GRACE = Entity.create("Hua Hong Grace", ORG)
DELTA = Entity.create("Delta Fab", ORG)
M1_TEXT = "Hua Hong Grace is owned by Hua Hong Group."
M1 = article(M1_TEXT, "https://news.example/grace", [(GRACE, R.OWNED_BY, HHG, M1_TEXT)])
M2_TEXT = (
    "Shanghai Huahong supplied wafers to Delta Fab. Hua Hong Grace is owned by Shanghai Huahong. "
    "Shanghai Huahong is owned by Hua Hong Group."
)
M2 = article(
    M2_TEXT,
    "https://news.example/huahong",
    [
        (HUAHONG, R.SUPPLIED, DELTA, "Shanghai Huahong supplied wafers to Delta Fab."),
        (GRACE, R.OWNED_BY, HUAHONG, "Hua Hong Grace is owned by Shanghai Huahong."),
        (HUAHONG, R.OWNED_BY, HHG, "Shanghai Huahong is owned by Hua Hong Group."),
    ],
)
# An alias wrongly merged into Nexperia: NXP is another company.
NEXPERIA = Entity.create("Nexperia", ORG, aliases=["NXP"])
WINGTECH = Entity.create("Wingtech", ORG)
S1_TEXT = "NXP sold radar chips to Delta Fab. Nexperia is owned by Wingtech."
S1 = article(
    S1_TEXT,
    "https://news.example/nxp",
    [
        (NEXPERIA, R.SUPPLIED, DELTA, "NXP sold radar chips to Delta Fab."),
        (NEXPERIA, R.OWNED_BY, WINGTECH, "Nexperia is owned by Wingtech."),
    ],
)
S2_TEXT = "Nexperia, no longer part of NXP, sold chips to Delta Fab."
S2 = article(S2_TEXT, "https://news.example/nexperia", [(NEXPERIA, R.SUPPLIED, DELTA, S2_TEXT)])


def keys(store: GraphStore, entity_id: str | None = None) -> set[tuple[str, str, str]]:
    return {r.key for r in store.relations(entity_id)}


def state(store: GraphStore) -> tuple:
    """Everything a read gives, to compare stores and before/after."""
    return (
        store.counts(),
        sorted(e.to_dict()["id"] + repr(e.to_dict()) for e in store.entities()),
        sorted((r.key, tuple(sorted(ev.key() for ev in r.evidence))) for r in store.relations()),
    )


# -- reject / accept -------------------------------------------------------------------
def test_reject_removes_the_fact_from_every_read(store: GraphStore) -> None:
    ingest(store)
    before = store.counts()
    assert questions.exposure(store, ASML.id).total_hits == 1  # ASML -> GTA -> CEC (military, listed)
    entry = curation.reject(store, "ASML|supplied|GTA Semiconductor", "Ana Analyst", "the scanners went elsewhere")
    assert entry.target == curation.fact_key(*SUPPLY) and entry.action == "reject"
    assert SUPPLY not in keys(store) and SUPPLY not in keys(store, ASML.id)
    assert store.relations_by_key([SUPPLY]) == {}
    assert store.paths(PathQuery(ASML.id, CEC.id)) == []
    assert SUPPLY not in {r.key for r in store.subgraph(GTA.id, depth=2).relations}
    assert questions.exposure(store, ASML.id).total_hits == 0
    assert SUPPLY not in {r.key for r in questions.entity_page(store, GTA.id).relations}
    assert store.counts() == {**before, "relations": before["relations"] - 1, "evidence": before["evidence"] - 2}
    (st,) = curation.status(store, [SUPPLY]).values()
    assert st.verdict == "rejected" and not st.new_evidence and st.entry == entry
    assert curation.curation_log(store) == [entry]


def test_a_rejected_fact_does_not_come_back_from_the_same_article(store: GraphStore) -> None:
    ingest(store, [A1, A2])
    curation.reject(store, SUPPLY, "ana", "wrong")
    assert not store.add(A1).added  # the same document: skipped
    # the same article fetched again (its page changed a little): a new
    # document from the same source, still covered by the rejection
    refetched = article(
        A1.document.text + " Updated.", A1.document.source,
        [(ASML, R.SUPPLIED, GTA, "ASML supplied lithography scanners to GTA Semiconductor in 2023.")],
    )
    assert store.add(refetched).added
    assert SUPPLY not in keys(store)
    # a new, independent source brings it back with only its own evidence,
    # flagged "rejected earlier, new evidence"
    text = "Reuters says ASML delivered a scanner to GTA Semiconductor."
    fresh = article(text, "https://other.example/new", [(ASML, R.SUPPLIED, GTA, text)])
    store.add(fresh)
    back = store.relations_by_key([SUPPLY])[SUPPLY]
    assert [e.document_id for e in back.evidence] == [fresh.document.id]
    st = curation.status(store, [SUPPLY])[SUPPLY]
    assert st.verdict == "rejected" and st.new_evidence
    assert SUPPLY not in keys(AcceptedView(store))


def test_a_generic_source_label_is_not_one_article(store: GraphStore) -> None:
    """Articles posted to the API without a source are all labelled "api":
    rejecting what one of them said does not silence the others."""
    one, two = "Orbit Fab sold masks to Delta Fab.", "Orbit Fab shipped masks to Delta Fab again."
    orbit = Entity.create("Orbit Fab", ORG)
    store.add(article(one, "api", [(orbit, R.SUPPLIED, DELTA, one)]))
    key = (orbit.id, "SUPPLIED", DELTA.id)
    curation.reject(store, key, "ana", "not a sale")
    store.add(article(two, "api", [(orbit, R.SUPPLIED, DELTA, two)]))
    assert [e.sentence for e in store.relations_by_key([key])[key].evidence] == [two]


def test_reject_one_piece_of_evidence_then_the_last(store: GraphStore) -> None:
    ingest(store, [A1, A2])
    rel = store.relations_by_key([SUPPLY])[SUPPLY]
    first, second = rel.evidence
    curation.reject(store, SUPPLY, "ana", "that sentence is about another sale", evidence=curation.evidence_ref(first))
    assert store.relations_by_key([SUPPLY])[SUPPLY].evidence == (second,)
    assert store.counts()["evidence"] == 4
    curation.reject(store, SUPPLY, "ana", "this one too", evidence=curation.evidence_ref(second))
    assert SUPPLY not in keys(store)
    with pytest.raises(FactNotFound):
        curation.accept(store, SUPPLY, "ana", "x", evidence=curation.evidence_ref(second))


def test_accept_after_reject_restores_the_fact(store: GraphStore) -> None:
    ingest(store, [A1, A2])
    original = store.relations_by_key([SUPPLY])[SUPPLY]
    curation.reject(store, SUPPLY, "ana", "looks wrong")
    curation.accept(store, SUPPLY, "bob", "confirmed with the company")
    assert store.relations_by_key([SUPPLY])[SUPPLY] == original
    assert curation.status(store, [SUPPLY])[SUPPLY].verdict == "accepted"
    store.add(A4)  # a later write re-applies the log: the fact stays
    assert SUPPLY in keys(store)


def test_accepted_only_reads(store: GraphStore) -> None:
    ingest(store)
    curation.accept(store, OWNED, "ana", "annual report")
    curation.accept(store, MIL, "ana", "official list")
    ev = store.relations_by_key([SUPPLY])[SUPPLY].evidence[0]
    curation.accept(store, SUPPLY, "ana", "this sentence is right", evidence=curation.evidence_ref(ev))
    view = accepted_view(store, True)
    assert accepted_view(store, False) is store
    assert keys(view) == {OWNED, MIL, SUPPLY}
    assert view.counts()["relations"] == 3
    assert [p.describe() for p in view.paths(PathQuery(GTA.id, MILITARY.id))] == [
        "GTA Semiconductor -[OWNED_BY]-> China Electronics Corporation -[MILITARY_LINK]-> military"
    ]
    # the path through unaccepted facts is not taken
    assert view.paths(PathQuery(FAB_A.id, MILITARY.id)) == []
    assert store.paths(PathQuery(FAB_A.id, MILITARY.id)) != []
    hits = questions.exposure(view, ASML.id)
    assert [h.entity.id for h in hits.hits] == [CEC.id]
    assert [e.id for e in questions.owners(view, GTA.id).ultimate] == [CEC.id]
    page = questions.entity_page(view, CEC.id)
    assert {r.key for r in page.relations} == {OWNED, MIL}
    sub = view.subgraph(GTA.id, depth=2)
    assert {e.id for e in sub.entities} == {GTA.id, CEC.id, ASML.id, MILITARY.id}
    assert view.lookup("CEC") == store.lookup("CEC")


# -- merge -------------------------------------------------------------------------------
def test_merge_makes_one_node_for_paths_and_lookups(store: GraphStore) -> None:
    ingest(store, [M1, M2])
    assert store.paths(PathQuery(GRACE.id, HHG.id, max_hops=1)) != []
    curation.merge(store, "Hua Hong Group", "Shanghai Huahong", "ana", "Shanghai Huahong is the group's Chinese name")
    assert store.get_entity(HUAHONG.id) is None
    assert [e.id for e in store.lookup("Shanghai Huahong")] == [HHG.id]
    assert "Shanghai Huahong" in store.get_entity(HHG.id).aliases
    grace = store.relations_by_key([(GRACE.id, "OWNED_BY", HHG.id)])[(GRACE.id, "OWNED_BY", HHG.id)]
    assert len(grace.evidence) == 2  # one from each article, on one fact
    assert keys(store) == {(GRACE.id, "OWNED_BY", HHG.id), (HHG.id, "SUPPLIED", DELTA.id)}  # the self-loop went
    assert [p.describe() for p in store.paths(PathQuery(GRACE.id, DELTA.id, direction="both"))] == [
        "Hua Hong Grace -[OWNED_BY]-> Hua Hong Group -[SUPPLIED]-> Delta Fab"
    ]
    assert store.counts()["entities"] == 3
    # an article naming the merged-away entity again lands on the kept one
    text = "Shanghai Huahong supplied masks to Wingtech."
    store.add(article(text, "https://news.example/masks", [(HUAHONG, R.SUPPLIED, WINGTECH, text)]))
    assert store.get_entity(HUAHONG.id) is None
    assert (HHG.id, "SUPPLIED", WINGTECH.id) in keys(store)


def test_verdicts_follow_a_merge(store: GraphStore) -> None:
    ingest(store, [M2])
    key = (HUAHONG.id, "SUPPLIED", DELTA.id)
    curation.accept(store, key, "ana", "invoice seen")
    store.add(M1)
    curation.merge(store, HHG.id, HUAHONG.id, "ana", "one group")
    assert curation.accepted_keys(store) == {(HHG.id, "SUPPLIED", DELTA.id)}
    assert keys(AcceptedView(store)) == {(HHG.id, "SUPPLIED", DELTA.id)}


# -- split ---------------------------------------------------------------------------------
def test_split_moves_what_only_the_alias_named(store: GraphStore) -> None:
    ingest(store, [S1, S2])
    nxp_id = Entity.create("NXP", ORG).id
    entry = curation.split(store, "Nexperia", "NXP", "ana", "NXP is another company")
    assert entry.details["new_entity"] == nxp_id
    assert [e.id for e in store.lookup("NXP")] == [nxp_id]
    assert store.get_entity(NEXPERIA.id).aliases == ()
    moved = store.relations_by_key([(nxp_id, "SUPPLIED", DELTA.id)])[(nxp_id, "SUPPLIED", DELTA.id)]
    assert [e.sentence for e in moved.evidence] == ["NXP sold radar chips to Delta Fab."]
    stays = store.relations_by_key([(NEXPERIA.id, "SUPPLIED", DELTA.id)])[(NEXPERIA.id, "SUPPLIED", DELTA.id)]
    assert [e.sentence for e in stays.evidence] == [S2_TEXT]  # names both: stays
    assert (NEXPERIA.id, "OWNED_BY", WINGTECH.id) in keys(store)
    assert entry.details["moved"] == [[[NEXPERIA.id, "SUPPLIED", DELTA.id], [nxp_id, "SUPPLIED", DELTA.id]]]
    # an article that merges the alias back in is split again after the write
    text = "Nexperia (NXP) sold chips to Wingtech."
    again = article(text, "https://news.example/again", [(NEXPERIA, R.SUPPLIED, WINGTECH, text)])
    store.add(again)
    assert [e.id for e in store.lookup("NXP")] == [nxp_id]
    assert "NXP" not in store.get_entity(NEXPERIA.id).aliases


# -- retract ---------------------------------------------------------------------------------
def test_retract_keeps_facts_another_source_states(store: GraphStore) -> None:
    ingest(store, [A1, A2])
    curation.retract(store, A2.document.id, "ana", "the article was withdrawn by its publisher")
    assert not store.has_document(A2.document.id)
    assert [e.document_id for e in store.relations_by_key([SUPPLY])[SUPPLY].evidence] == [A1.document.id]
    assert MIL not in keys(store)
    assert store.counts() == {"documents": 1, "entities": 5, "relations": 2, "evidence": 2}
    assert not store.add(A2).added  # ingesting it again does not bring it back
    assert not store.has_document(A2.document.id)
    assert MIL not in keys(store) and store.counts()["evidence"] == 2


# -- refusals and hostile text ---------------------------------------------------------------
def test_unknown_targets_are_clear_errors_and_change_nothing(store: GraphStore) -> None:
    ingest(store, [A1, A2, S1])
    before = state(store)
    with pytest.raises(FactNotFound, match="no fact"):
        curation.reject(store, (ASML.id, "OWNED_BY", GTA.id), "ana", "x")
    with pytest.raises(EntityNotFound):
        curation.accept(store, "Nobody Corp|SUPPLIED|GTA", "ana", "x")
    with pytest.raises(InvalidCuration, match="head\\|TYPE\\|tail"):
        curation.accept(store, "ASML SUPPLIED GTA", "ana", "x")
    with pytest.raises(InvalidCuration, match="unknown relation type"):
        curation.accept(store, "ASML|SOLD|GTA Semiconductor", "ana", "x")
    with pytest.raises(FactNotFound, match="has no evidence"):
        curation.reject(store, SUPPLY, "ana", "x", evidence={"document_id": "d", "start": 0, "end": 1, "method": "m"})
    with pytest.raises(EntityNotFound):
        curation.merge(store, "ASML", "Nobody Corp", "ana", "x")
    with pytest.raises(InvalidCuration, match="already one entity"):
        curation.merge(store, "ASML", "ASML Holding N.V.", "ana", "x")
    with pytest.raises(InvalidCuration, match="not an alias"):
        curation.split(store, "Nexperia", "Philips", "ana", "x")
    with pytest.raises(DocumentNotFound):
        curation.retract(store, "0" * 32, "ana", "x")
    for author, reason in (("", "why"), ("ana", "  "), ("a" * 201, "why"), ("ana", "x\x00y")):
        with pytest.raises(InvalidCuration):
            curation.reject(store, SUPPLY, author, reason)
    assert state(store) == before
    assert curation.curation_log(store) == []


def test_hostile_authors_and_reasons_round_trip(store: GraphStore) -> None:
    ingest(store, [A1])
    author = f"{HOSTILE_NAME} {QUOTES}"
    reason = f"{INJECTION}\nline two\t\\n ünïcødé 中文 \U0001f600 ' \" `"
    entry = curation.accept(store, SUPPLY, author, reason)
    (stored,) = curation.curation_log(store)
    assert stored == entry and stored.author == author.strip() and stored.reason == reason.strip()
    assert curation.CurationEntry.from_json(stored.to_json()) == stored
    assert store.counts()["entities"] == 3  # the injection did nothing


# -- the log travels with the graph -------------------------------------------------------------
def _curate_all(store: GraphStore) -> None:
    ingest(store, [A1, A2, M1, M2, S1, S2])
    curation.reject(store, MIL, "ana", "no such tie")
    curation.accept(store, OWNED, "ana", "annual report")
    curation.merge(store, HHG.id, HUAHONG.id, "ana", "one group")
    curation.split(store, NEXPERIA.id, "NXP", "ana", "another company")
    curation.retract(store, A1.document.id, "ana", "withdrawn")


@pytest.mark.parametrize("direction", ["sqlite->falkordb", "falkordb->sqlite"])
def test_curation_survives_copy(direction: str, new_store: Callable[[str], GraphStore]) -> None:
    kind_from, kind_to = direction.split("->")
    source, target = new_store(kind_from), new_store(kind_to)
    _curate_all(source)
    # the target already holds the raw articles: copying must curate them too
    ingest(target, [A1, A2, M1, M2, S1, S2])
    report = copy_graph(source, target, progress=False)
    assert report.curation == 5
    assert curation.curation_log(target) == curation.curation_log(source)
    assert state(target) == state(source)
    assert curation.accepted_keys(target) == {OWNED}
    again = copy_graph(source, target, progress=False)  # idempotent
    assert again.curation == 0 and state(target) == state(source)
    # and a later ingest on the target still respects the log
    target.add(A2)
    assert MIL not in keys(target)


def test_reapply_is_idempotent(store: GraphStore) -> None:
    _curate_all(store)
    before = state(store)
    assert curation.reapply(store) == 0
    assert state(store) == before


def test_a_second_process_sees_decisions_made_by_the_first(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Each store object caches the log it read; a decision recorded through
    another connection (the API while `chipgraph ingest` runs) is seen at
    the next write, so the ingest does not bring a rejected fact back."""
    from chipgraph.graph.sqlite_store import SQLiteStore

    path = tmp_path / "shared.sqlite"
    with SQLiteStore(path) as ingesting, SQLiteStore(path) as api:
        ingesting.add(A2)
        assert curation.curation_log(ingesting) == []  # cached: empty
        curation.reject(api, SUPPLY, "ana", "wrong")
        refetched = article(A2.document.text + " More.", A2.document.source,
                            [(ASML, R.SUPPLIED, GTA, "ASML also shipped tools to GTA Semiconductor last year.")])
        ingesting.add(refetched)
        assert SUPPLY not in keys(ingesting)
        assert [e.action for e in curation.curation_log(ingesting)] == ["reject"]
