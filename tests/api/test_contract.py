"""The API keeps its OpenAPI contract: schemathesis generates requests from
the schema (valid ones and invalid ones) and checks every answer against it:
no 500, only documented status codes, bodies of the declared shape.  A small,
derandomized example budget keeps it well under a minute in CI.

(schemathesis' own pytest plugin does not run under pytest 9, so each
operation gets a plain Hypothesis test over the operation's strategy.)
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from chipgraph.api.app import create_app
from chipgraph.api.security import SecurityConfig
from chipgraph.graph.sqlite_store import SQLiteStore
from chipgraph.ingest import Extractor

KEY = "contract-test-key"
OPERATIONS = (
    "GET /healthz",
    "GET /entities",
    "GET /entities/{entity}",
    "GET /paths",
    "GET /exposure",
    "GET /owners",
    "GET /show",
    "GET /subgraph",
    "GET /render",
    "GET /render/path",
    "GET /render/exposure",
    "GET /render/owners",
    "POST /documents",
    "POST /curation",
    "GET /curation",
    "GET /curation/status",
    "GET /export",
    "POST /import/ftm",
)


def api_schema(store: SQLiteStore, extractor: Extractor) -> schemathesis.Schema:
    # Any Host (the ASGI client names itself "testserver"); no write-rate limit to hit.
    config = SecurityConfig(
        write_keys=frozenset({KEY}), allowed_hosts=None, write_rate_per_minute=1e9, write_burst=10**9
    )
    app = create_app(store, security=config)
    app.state.extractor = extractor
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_every_operation_is_covered(sample_store: SQLiteStore, extractor: Extractor) -> None:
    schema = api_schema(sample_store, extractor)
    labels = {op.ok().label for op in schema.get_all_operations()}
    assert labels == set(OPERATIONS)


#: every operation with valid requests; with invalid ones those that take input (/healthz takes none)
CASES = [(label, GenerationMode.POSITIVE) for label in OPERATIONS] + [
    (label, GenerationMode.NEGATIVE) for label in OPERATIONS if label != "GET /healthz"
]


@pytest.mark.parametrize(("label", "mode"), CASES, ids=[f"{label}-{mode}" for label, mode in CASES])
def test_operation_keeps_its_contract(
    label: str, mode: GenerationMode, sample_store: SQLiteStore, extractor: Extractor
) -> None:
    operation = api_schema(sample_store, extractor).find_operation_by_label(label)
    assert operation is not None

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None)
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate(headers={"Authorization": f"Bearer {KEY}"})

    check()
