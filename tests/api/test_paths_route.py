"""GET /paths gives the library's answer (graph/path_answer.py) byte for byte
as FastAPI wrote it before the route serialised it itself, whether it answers
on the event loop or in a worker thread; /exposure, /owners and /show, which
now serialise once too, give their library answers the same way."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import TypeAdapter

from chipgraph.api.app import create_app
from chipgraph.api.security import SecurityConfig
from chipgraph.graph import questions as q
from chipgraph.graph.model import Document, Entity, EntityType, Evidence, Extraction, Relation, RelationType
from chipgraph.graph.path_answer import answer_paths
from chipgraph.graph.sqlite_store import SQLiteStore

#: questions on the sample graph: exact names and ids (answered on the loop),
#: other spellings, two-way and deep walks, type filters, caps (in a worker)
QUESTIONS: list[dict[str, Any]] = [
    {"source": "ASML", "target": "military"},
    {"source": "org:asml", "target": "list:military", "max_evidence": 1},
    {"source": "asml", "target": "MILITARY", "limit": 1},
    {"source": "ASML", "target": "military", "direction": "both", "max_hops": 5},
    {"source": "ASML", "target": "military", "types": "SUPPLIED,owned_by,MILITARY_LINK", "max_hops": 3},
    {"source": "GTA Semiconductor", "target": "China Electronics Corporation", "max_hops": 1},
    {"source": "China Electronics Corporation", "target": "ASML", "direction": "both"},
    {"source": "ASML", "target": "military", "types": "SUPPLIED"},
]


ANSWER_MODEL = TypeAdapter(dict[str, Any])


def legacy_bytes(data: Any) -> bytes:
    """What FastAPI wrote for a dict returned by a route whose response model
    is dict[str, Any]: the dict validated against the model, then pydantic's
    JSON of it."""
    return ANSWER_MODEL.dump_json(ANSWER_MODEL.validate_python(data))


def library_answer(store: SQLiteStore, question: dict[str, Any]) -> bytes:
    options = {k: v for k, v in question.items() if k not in ("source", "target")}
    if isinstance(options.get("types"), str):
        options["types"] = [options["types"]]
    return legacy_bytes(answer_paths(store, question["source"], question["target"], **options).to_dict())


@contextmanager
def never_quick() -> Iterator[bool]:
    yield False


@pytest.fixture
def client(sample_store: SQLiteStore) -> Iterator[TestClient]:
    with TestClient(create_app(sample_store, security=SecurityConfig()), base_url="http://localhost") as c:
        yield c


def test_the_route_answers_what_the_library_answers(client: TestClient, sample_store: SQLiteStore) -> None:
    found = 0
    for question in QUESTIONS:
        r = client.get("/paths", params=question)
        assert r.status_code == 200, (question, r.text)
        assert r.headers["content-type"] == "application/json"
        assert r.content == library_answer(sample_store, question), question
        found += len(r.json()["paths"])
    assert found >= len(QUESTIONS) - 1  # the questions have answers to compare


def test_on_the_loop_and_in_a_worker_the_answer_is_the_same(client: TestClient, sample_store: SQLiteStore) -> None:
    client.get("/paths", params=QUESTIONS[0])  # the first question builds the graph index, in a worker
    with sample_store.quick_reads() as quick:
        assert quick  # so the questions below that may be are answered on the loop
    on_loop = [client.get("/paths", params=q).content for q in QUESTIONS]
    sample_store.quick_reads = never_quick  # type: ignore[method-assign]
    assert [client.get("/paths", params=q).content for q in QUESTIONS] == on_loop


def test_a_search_too_broad_for_the_loop_goes_to_a_worker(client: TestClient, sample_store: SQLiteStore,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Past the loop's work budget the question is asked again in a worker:
    the same bytes, never a shorter answer."""
    from chipgraph.graph import sqlite_store
    from chipgraph.graph.errors import QuickReadTooLong

    client.get("/paths", params=QUESTIONS[0])  # builds the graph index
    expected = [client.get("/paths", params=q).content for q in QUESTIONS]
    stopped = []
    cited_paths = sample_store.cited_paths  # what answer_paths asks

    def counting(query):  # type: ignore[no-untyped-def]
        try:
            return cited_paths(query)
        except QuickReadTooLong:
            stopped.append(query)
            raise

    monkeypatch.setattr(sample_store, "cited_paths", counting)
    monkeypatch.setattr(sqlite_store, "QUICK_MAX_WORK", 1)
    assert [client.get("/paths", params=q).content for q in QUESTIONS] == expected
    assert len(stopped) >= 2  # the questions that went to the loop first


def test_errors_are_the_same_on_both_ways(client: TestClient, sample_store: SQLiteStore) -> None:
    """An unknown name (404 with suggestions), an ambiguous one (409) and
    unknown types (422) are answered alike whichever way a question goes."""
    cases = [
        ({"source": "ASML", "target": "Nonexistent Foundry Ltd"}, 404),
        ({"source": "China Electronics", "target": "military"}, 409),
        ({"source": "ASML", "target": "military", "types": "LIKES"}, 422),
    ]
    first = [client.get("/paths", params=q) for q, _ in cases]
    assert [r.status_code for r in first] == [status for _, status in cases]
    sample_store.quick_reads = never_quick  # type: ignore[method-assign]
    assert [client.get("/paths", params=q).json() for q, _ in cases] == [r.json() for r in first]


def test_unusual_names_come_back_as_the_json_encoder_wrote_them(tmp_path: Path) -> None:
    names = ['Société "Générale" <Électronique>', "华为 Technologies\u2028Line", "Back\\slash & Co </script>", "Émoji 🚀 Fab"]
    entities = [Entity.create(n, EntityType.ORG) for n in names]
    text = " ".join(f"{a.name} supplied {b.name}." for a, b in zip(entities, entities[1:]))
    doc = Document.from_text(text, "https://unusual.example/é?x=1&y=\"2\"", title="Ünïcode title\ttab", date="2026-01-02")
    relations, offset = [], 0
    for a, b in zip(entities, entities[1:]):
        sentence = f"{a.name} supplied {b.name}."
        ev = Evidence(doc.id, sentence, offset, offset + len(sentence), "rule:test", 0.8125,
                      attributes={"product": "wafers ≥ 300 mm"})
        relations.append(Relation(a.id, RelationType.SUPPLIED, b.id, (ev,)))
        offset += len(sentence) + 1
    with SQLiteStore(tmp_path / "unusual.sqlite") as store:
        store.add(Extraction(doc, tuple(entities), tuple(relations)))
        with TestClient(create_app(store, security=SecurityConfig()), base_url="http://localhost") as client:
            for question in ({"source": names[0], "target": names[-1]}, {"source": entities[0].id, "target": entities[-1].id}):
                r = client.get("/paths", params=question)
                assert r.status_code == 200
                assert r.content == library_answer(store, question)
                assert [e["name"] for e in r.json()["paths"][0]["entities"]] == names


def test_sibling_questions_answer_what_the_library_answers(client: TestClient, sample_store: SQLiteStore) -> None:
    asml, gta = sample_store.resolve_unique("ASML"), sample_store.resolve_unique("GTA Semiconductor")
    cases = [
        ("/exposure", {"entity": "ASML"}, q.exposure(sample_store, asml.id)),
        ("/exposure", {"entity": "military", "reverse": True, "max_hops": 2},
         q.exposure(sample_store, "list:military", reverse=True, max_hops=2)),
        ("/owners", {"entity": "GTA Semiconductor"}, q.owners(sample_store, gta.id)),
        ("/owners", {"entity": "China Electronics Corporation", "direction": "down"},
         q.owners(sample_store, "org:china-electronics", down=True)),
        ("/show", {"entity": "GTA Semiconductor", "max_evidence": 1}, q.entity_page(sample_store, gta.id, max_evidence=1)),
    ]
    for route, params, answer in cases:
        r = client.get(route, params=params)
        assert r.status_code == 200, (route, r.text)
        assert r.content == legacy_bytes(answer.to_dict()), (route, params)
