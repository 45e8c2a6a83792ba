"""Every statement the Neo4j store sends, checked by Neo4j's own Cypher 5
parser and semantic analysis.

No Neo4j 5 server can run on these machines, so the code paths only Neo4j
takes (constraints, UNWIND batches inside a transaction, long texts read
whole, parameters bound by the driver) would otherwise go unchecked.
``cypher_lint/`` holds Neo4j's editor tooling (@neo4j-cypher/language-support,
installed by .ci/setup with `npm ci`), which runs the same parser and semantic
analysis as the server.  The workload below drives every store operation on
FalkorDB and records each statement before it is sent, then records the
statements of the Neo4j-only paths without sending them.  With a real Neo4j
at hand, CHIPGRAPH_TEST_NEO4J_URL runs the whole suite against it instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any, Callable

import pytest

from chipgraph.graph import bolt_dialect, curation, neo4j_store, questions
from chipgraph.graph.accepted import AcceptedView
from chipgraph.graph.copy import copy_graph
from chipgraph.graph.model import EntityType, RelationType
from chipgraph.graph.neo4j_store import Neo4jStore, neo4j_schema_statements
from chipgraph.graph.paths import PathQuery
from chipgraph.graph.store import GraphStore

from test_conformance import ARTICLES, ASML, CEC, CHAIN, GTA, MILITARY, ingest

LINT_DIR = Path(__file__).with_name("cypher_lint")


def lint(statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Run lint.cjs over ``statements``; fail with the setup step when the
    tooling is missing."""
    node = shutil.which("node")
    if node is None:
        message = "Node.js is not installed: the Neo4j dialect check needs it (apt install nodejs npm)"
        if os.environ.get("CHIPGRAPH_REQUIRE_CYPHER_LINT"):
            pytest.fail(message)
        pytest.skip(message)
    if not (LINT_DIR / "node_modules" / "@neo4j-cypher" / "language-support").is_dir():
        pytest.fail(f"the Cypher linter is not installed: run `npm ci --prefix {LINT_DIR}` (.ci/setup does)")
    done = subprocess.run(
        [node, str(LINT_DIR / "lint.cjs")],
        input=json.dumps(statements),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def sample(value: Any) -> Any:
    """A parameter value cut down to what type checking needs."""
    if isinstance(value, (list, tuple)):
        return [sample(v) for v in value[:2]]
    if isinstance(value, dict):
        return {k: sample(v) for k, v in value.items()}
    if isinstance(value, str):
        return value[:40]
    return value


class Recorder:
    """Wraps ``Neo4jStore._run``: keeps every statement (with sample
    parameters) and, unless ``send`` is off, still runs it."""

    def __init__(self) -> None:
        self.statements: dict[str, dict[str, Any]] = {}
        self.send = True
        self._original = Neo4jStore._run

    def __call__(self, store: Neo4jStore, runner: Any, cypher: str, params: dict[str, Any]) -> Any:
        self.statements.setdefault(cypher, {"cypher": cypher, "parameters": sample(params)})
        if self.send:
            return self._original(store, runner, cypher, params)
        return _NoResult(len(params.get("rows", ())) or 1)


class _NoResult(list):
    """No records; a write's ``single()`` reports every row written."""

    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows

    def consume(self) -> None:
        return None

    def single(self) -> dict[str, int]:
        return {"written": self.rows}


def workload(store: GraphStore, new_store: Callable[[str], GraphStore]) -> None:
    """Every public operation of a store, the copy both ways included."""
    ingest(store)
    store.add_many(ARTICLES)  # known documents: the batch path's reads
    store.lookup("CEC")
    store.search("semi")
    store.resolve("ASML")
    store.suggest("ASM")
    store.paths(PathQuery(ASML.id, MILITARY.id))
    store.paths(PathQuery(CEC.id, ASML.id, direction="both", max_hops=3))
    store.paths(PathQuery(GTA.id, CEC.id, types=(RelationType.OWNED_BY,)))
    store.subgraph(GTA.id, depth=2)
    list(store.relations())
    list(store.relations(GTA.id))
    list(store.entities())
    list(store.documents())
    store.get_document(ARTICLES[0].document.id)
    store.has_document(ARTICLES[0].document.id)
    store.get_entity(ASML.id)
    store.counts()
    store.entity_ids_of_type(EntityType.LIST)
    # the questions' walk methods (graph/questions.py)
    questions.exposure(store, ASML.id, max_hops=3, direction="both")
    questions.exposure(store, MILITARY.id, reverse=True)
    questions.owners(store, GTA.id)
    questions.owners(store, CEC.id, down=True)
    questions.entity_page(store, CEC.id)
    store.document_infos([ARTICLES[0].document.id])
    # curation (graph/curation.py): every action, the log, accepted-only reads
    owned = (GTA.id, "OWNED_BY", CEC.id)
    curation.reject(store, owned, "ana", "test")
    curation.accept(store, owned, "ana", "test")
    curation.merge(store, CHAIN[2].id, CHAIN[1].id, "ana", "test")
    curation.split(store, CEC.id, "Zhongdian", "ana", "test")
    curation.retract(store, ARTICLES[3].document.id, "ana", "test")
    store.add(ARTICLES[3])  # re-applies the log after the write
    AcceptedView(store).counts()
    copy_graph(store, new_store("sqlite"), progress=False)
    other = new_store("sqlite")
    ingest(other)
    copy_graph(other, store, progress=False)


def test_every_statement_is_valid_neo4j_5_cypher(
    new_store: Callable[[str], GraphStore], monkeypatch: pytest.MonkeyPatch
) -> None:
    recorder = Recorder()
    monkeypatch.setattr(Neo4jStore, "_run", lambda self, runner, cypher, params: recorder(self, runner, cypher, params))
    store = new_store("falkordb")
    workload(store, new_store)

    # The Neo4j-only paths, recorded but not sent to FalkorDB: writes as
    # UNWIND batches in one transaction, reads of long texts in one piece.
    recorder.send = False
    monkeypatch.setattr(store, "_dialect", bolt_dialect.Neo4jDialect(store.location))
    store.clear()  # sent directly, not through _run
    ingest(store)
    store.get_document(ARTICLES[0].document.id)
    list(store.documents())
    list(store.relations())

    statements = list(recorder.statements.values())
    statements += [{"cypher": s, "parameters": {}} for s in neo4j_schema_statements()]
    texts = [s["cypher"] for s in statements]
    # the workload reached what matters
    assert any("*1.." in t or "*.." in t for t in texts), "no variable-length path query was recorded"
    assert any(t.startswith("UNWIND $rows AS row MERGE (e:Entity") for t in texts), "no entity batch write"
    assert any(t == bolt_dialect.DOCUMENT_SEGMENT + bolt_dialect.COUNT_WRITTEN for t in texts), "no Neo4j-style (unjoined) document write"
    assert any("d.text AS text" in t for t in texts), "no Neo4j-style document read"
    assert any(bolt_dialect.CARRY_WRITTEN in t for t in texts), "no joined FalkorDB-style write"
    assert any(t.startswith("CREATE CONSTRAINT") for t in texts)
    assert any("count(r) AS degree" in t for t in texts), "no degree count of the questions' walk"
    assert any(t == neo4j_store._APPEND_CURATION for t in texts), "no curation log write"

    results = lint(statements + [{"cypher": "MATCH (n) RETRUN n", "parameters": {}}])
    *results, canary = results
    assert canary["errors"], "the linter accepted a syntax error: it is not checking anything"
    bad = [(r["cypher"], r["errors"]) for r in results if r["errors"]]
    assert not bad, "Neo4j 5 would refuse:\n" + "\n".join(f"{c}\n  -> {e}" for c, e in bad)
    deprecated = [(r["cypher"], r["warnings"]) for r in results if any("deprecat" in w.lower() for w in r["warnings"])]
    assert not deprecated, "deprecated in Neo4j 5:\n" + "\n".join(f"{c}\n  -> {w}" for c, w in deprecated)
