"""The gate in front of the API: Host allow-list, keys, write rate, body size,
and error bodies that never repeat what was sent."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Iterator

import pytest
from fastapi.testclient import TestClient

from chipgraph.api.app import create_app
from chipgraph.api.security import SecurityConfig, TokenBucket, read_key_file
from chipgraph.api.worker import BoundedWorker, WorkerBusy
from chipgraph.graph.sqlite_store import SQLiteStore
from chipgraph.ingest import Extractor

WRITE, READ = "w-key-for-tests", "r-key-for-tests"
# Invalid on purpose (an unknown format): the gate's answer comes before extraction.
INVALID_POST = {"text": "Some words.", "format": "pdf"}


def make_client(store: SQLiteStore, extractor: Extractor, **config: object) -> TestClient:
    app = create_app(store, security=SecurityConfig(**config))  # type: ignore[arg-type]
    app.state.extractor = extractor
    return TestClient(app, base_url="http://localhost")


@pytest.fixture
def keyed(sample_store: SQLiteStore, extractor: Extractor) -> Iterator[TestClient]:
    with make_client(sample_store, extractor, write_keys=frozenset({WRITE})) as c:
        yield c


def test_writes_need_a_key_401_without_403_wrong(keyed: TestClient) -> None:
    r = keyed.post("/documents", json=INVALID_POST)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert "key" in r.json()["detail"]
    assert keyed.post("/documents", json=INVALID_POST, headers={"Authorization": "Bearer nope"}).status_code == 403
    assert keyed.post("/documents", json=INVALID_POST, headers={"X-API-Key": WRITE[:-1]}).status_code == 403
    # The right key, either way, reaches the app (which refuses the format).
    assert keyed.post("/documents", json=INVALID_POST, headers={"Authorization": f"Bearer {WRITE}"}).status_code == 422
    assert keyed.post("/documents", json=INVALID_POST, headers={"X-API-Key": WRITE}).status_code == 422
    # Reads stay open unless read keys are configured.
    assert keyed.get("/entities", params={"q": "ASML"}).status_code == 200


def test_reads_keyed_when_configured(sample_store: SQLiteStore, extractor: Extractor) -> None:
    config = {"write_keys": frozenset({WRITE}), "read_keys": frozenset({READ})}
    with make_client(sample_store, extractor, **config) as c:
        assert c.get("/entities").status_code == 401
        assert c.get("/healthz", headers={"X-API-Key": "guess"}).status_code == 403
        assert c.get("/entities", headers={"X-API-Key": READ}).status_code == 200
        assert c.get("/entities", headers={"X-API-Key": WRITE}).status_code == 200  # a writer may read
        assert c.get("/openapi.json").status_code == 200  # the description stays public
        # A read key does not write.
        assert c.post("/documents", json=INVALID_POST, headers={"X-API-Key": READ}).status_code == 403


def test_unknown_host_header_is_400(keyed: TestClient) -> None:
    r = keyed.get("/healthz", headers={"Host": "rebound.attacker.example"})
    assert r.status_code == 400 and "Host" in r.json()["detail"]
    assert keyed.get("/healthz", headers={"Host": "127.0.0.1:8000"}).status_code == 200
    assert keyed.get("/healthz", headers={"Host": "[::1]:8000"}).status_code == 200


def test_writes_are_rate_limited_per_client_with_retry_after(sample_store: SQLiteStore, extractor: Extractor) -> None:
    config = {"write_keys": frozenset({WRITE, "other"}), "write_rate_per_minute": 6.0, "write_burst": 2}
    with make_client(sample_store, extractor, **config) as c:
        codes = [c.post("/documents", json=INVALID_POST, headers={"X-API-Key": WRITE}).status_code for _ in range(3)]
        assert codes == [422, 422, 429]
        r = c.post("/documents", json=INVALID_POST, headers={"X-API-Key": WRITE})
        assert r.status_code == 429 and 1 <= int(r.headers["retry-after"]) <= 10
        # Another client has its own bucket; reads are never limited.
        assert c.post("/documents", json=INVALID_POST, headers={"X-API-Key": "other"}).status_code == 422
        assert c.get("/entities").status_code == 200


def test_token_bucket_refills_and_forgets_old_clients() -> None:
    bucket = TokenBucket(rate_per_minute=60, burst=1, max_clients=2)
    assert bucket.take("a", now=0.0) == 0.0
    assert bucket.take("a", now=0.5) == pytest.approx(0.5)
    assert bucket.take("a", now=1.5) == 0.0
    bucket.take("b", now=2.0)
    bucket.take("c", now=3.0)
    assert len(bucket._buckets) == 2 and "a" not in bucket._buckets


def test_body_over_the_limit_is_413_before_it_is_read(sample_store: SQLiteStore, extractor: Extractor) -> None:
    marker = "UNREAD-BODY-MARKER-"
    with make_client(sample_store, extractor, max_body_bytes=1000) as c:
        r = c.post("/documents", json={"text": marker * 200})
        assert r.status_code == 413 and marker not in r.text
        assert "1000 bytes" in r.json()["detail"]

        # A streamed body declares no length: it is counted as it arrives.
        def chunks() -> Iterator[bytes]:
            yield b'{"text": "'
            for _ in range(100):
                yield marker.encode()
            yield b'"}'

        r = c.post("/documents", content=chunks(), headers={"Content-Type": "application/json"})
        assert r.status_code == 413 and marker not in r.text
        assert c.post("/documents", json={"text": "x", "format": "pdf"}).status_code == 422


def test_422_never_echoes_the_posted_text(keyed: TestClient) -> None:
    marker = "POSTED-TEXT-MARKER"
    headers = {"X-API-Key": WRITE}
    for body in ({"text": marker, "format": "pdf"}, {"text": marker * 10, "title": marker * 500}, {"text": 5, "source": [marker]}):
        r = keyed.post("/documents", json=body, headers=headers)
        assert r.status_code == 422
        assert marker not in r.text
        out = r.json()
        assert isinstance(out["detail"], str) and isinstance(out["errors"], list)
        assert all(set(e) == {"loc", "msg", "type"} for e in out["errors"])


def test_lone_surrogate_and_huge_name_are_422_not_500(keyed: TestClient) -> None:
    raw = b'{"text": "Vela \\ud800 supplied tools."}'
    r = keyed.post("/documents", content=raw, headers={"Content-Type": "application/json", "X-API-Key": WRITE})
    assert r.status_code == 422
    assert r.json()["errors"][0]["loc"][:2] == ["body", "text"]
    huge = "N" * 50_000
    for r in (
        keyed.get(f"/entities/{huge}"),
        keyed.get("/paths", params={"source": huge, "target": "ASML"}),
        keyed.get("/subgraph", params={"entity": huge}),
    ):
        assert r.status_code == 422 and huge not in r.text
    r = keyed.get("/entities/%ED%A0%80")  # an encoded surrogate in the path
    assert r.status_code in (404, 422)


def test_blank_or_binary_text_is_refused_by_the_schema(keyed: TestClient) -> None:
    import re

    schema = keyed.get("/openapi.json").json()["components"]["schemas"]["DocumentIn"]["properties"]["text"]
    pattern = re.compile(schema["pattern"])
    assert schema["minLength"] == 1 and pattern.search("ASML sold scanners.")
    assert not pattern.search(" \t\n") and not pattern.search("text\x00with NUL")
    for text in ("", " \t\n", "text\x00with NUL"):
        r = keyed.post("/documents", json={"text": text}, headers={"X-API-Key": WRITE})
        assert r.status_code == 422 and r.json()["errors"][0]["loc"] == ["body", "text"]


def test_openapi_documents_every_error_answer(keyed: TestClient) -> None:
    paths = keyed.get("/openapi.json").json()["paths"]
    post = paths["/documents"]["post"]["responses"]
    assert {"201", "401", "403", "413", "422", "429", "503"} <= set(post)
    for route in ("/entities/{entity}", "/paths", "/subgraph"):
        assert {"200", "404", "422", "503"} <= set(paths[route]["get"]["responses"])
    assert post["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ValidationErrorOut")
    # /docs can send a key ("Authorize"): the write declares both ways of giving one.
    assert keyed.get("/openapi.json").json()["paths"]["/documents"]["post"]["security"] == [
        {"HTTPBearer": []},
        {"APIKeyHeader": []},
    ]


def test_slow_extraction_answers_503_and_does_not_block_reads(sample_store: SQLiteStore, extractor: Extractor) -> None:
    release = threading.Event()

    class Slow:
        def extract(self, article: object, known: object = None) -> object:
            release.wait(10)
            return extractor.extract(article, known)  # type: ignore[arg-type]

    with make_client(sample_store, extractor, extract_timeout=0.5) as c:
        c.app.state.extractor = Slow()  # type: ignore[attr-defined]
        started = time.monotonic()
        r = c.post("/documents", json={"text": "Vela Microsystems bought wafers from Ostra Fab."})
        assert r.status_code == 503 and int(r.headers["retry-after"]) > 0
        assert time.monotonic() - started < 5
        assert c.get("/healthz").status_code == 200
        release.set()


def test_bounded_worker_refuses_beyond_its_queue() -> None:
    async def scenario() -> list[str]:
        worker = BoundedWorker(workers=1, queue=1, timeout=2)
        gate = threading.Event()
        first = asyncio.ensure_future(worker.run(lambda: gate.wait(5)))
        await asyncio.sleep(0.05)
        second = asyncio.ensure_future(worker.run(lambda: "second"))
        await asyncio.sleep(0.05)
        outcomes = []
        try:
            await worker.run(lambda: "third")
        except WorkerBusy as exc:
            outcomes.append(f"busy:{exc.retry_after}")
        gate.set()
        outcomes += [str(await first), await second]
        return outcomes

    assert asyncio.run(scenario()) == ["busy:5", "True", "second"]


def test_key_file_skips_comments_and_blank_lines(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "keys"
    path.write_text("# newsroom writers\nalpha\n\n  beta  \n", encoding="utf-8")
    assert read_key_file(path) == {"alpha", "beta"}
    config = SecurityConfig.from_env({"CHIPGRAPH_API_KEYS": "gamma, ", "CHIPGRAPH_API_KEY_FILE": str(path)})
    assert config.write_keys == {"alpha", "beta", "gamma"} and config.may_write("beta") and not config.may_write("delta")
    assert SecurityConfig.from_env({}).writes_open
