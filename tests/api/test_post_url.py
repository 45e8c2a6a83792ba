"""POST /documents with {"url": ...}: the server fetches the article in its
bounded worker (write key required, as for text), only when its operator
turned fetching on, and never from its own network unless allowed (issue 12)."""

from __future__ import annotations

from typing import Iterator

import pytest
from fastapi.testclient import TestClient
from page_server import Route, html_page
from pdf_maker import image_only_pdf_bytes

from chipgraph.api.app import create_app
from chipgraph.api.security import SecurityConfig
from chipgraph.graph.sqlite_store import SQLiteStore
from chipgraph.ingest import Extractor

KEY = "url-write-key"
SENTENCES = ["Halvard Group owns Kestrel Devices, a maker of power chips for electric trains."]


def client_for(store: SQLiteStore, extractor: Extractor, **settings: bool) -> TestClient:
    app = create_app(store, security=SecurityConfig(write_keys=frozenset({KEY}), **settings))
    app.state.extractor = extractor
    return TestClient(app, base_url="http://localhost", headers={"Authorization": f"Bearer {KEY}"})


@pytest.fixture
def fetching(sample_store: SQLiteStore, extractor: Extractor) -> Iterator[TestClient]:
    """A server that fetches, including from 127.0.0.1 (where the test pages are)."""
    with client_for(sample_store, extractor, fetch_urls=True, fetch_private=True) as c:
        yield c


def test_a_url_is_fetched_extracted_and_stored_with_its_final_address(fetching: TestClient, sample_store: SQLiteStore, web) -> None:  # type: ignore[no-untyped-def]
    web.add("/2025/kestrel.html", Route(200, {"Content-Type": "text/html"}, html_page("Halvard buys Kestrel", "2025-09-30", SENTENCES)))
    r = fetching.post("/documents", json={"url": web.add("/k", Route(302, {"Location": "/2025/kestrel.html"}))})
    assert r.status_code == 201, r.text
    triples = {(x["head_name"], x["type"], x["tail_name"]) for x in r.json()["relations"]}
    assert ("Kestrel Devices", "OWNED_BY", "Halvard Group") in triples
    doc = sample_store.get_document(r.json()["document_id"])
    assert doc is not None
    assert (doc.source, doc.title, doc.date) == (web.url("/2025/kestrel.html"), "Halvard buys Kestrel", "2025-09-30")


def test_fetch_failures_are_named_with_their_status(fetching: TestClient, web) -> None:  # type: ignore[no-untyped-def]
    r = fetching.post("/documents", json={"url": web.url("/nothing-here")})
    assert r.status_code == 502 and "answered 404" in r.json()["detail"]
    scan = web.add("/scan.pdf", Route(200, {"Content-Type": "application/pdf"}, image_only_pdf_bytes()))
    r = fetching.post("/documents", json={"url": scan})
    assert r.status_code == 422 and "needs OCR" in r.json()["detail"]
    image = web.add("/a.png", Route(200, {"Content-Type": "image/png"}, b"\x89PNG"))
    assert fetching.post("/documents", json={"url": image}).status_code == 422


def test_text_or_url_not_both(fetching: TestClient, web) -> None:  # type: ignore[no-untyped-def]
    r = fetching.post("/documents", json={"text": "Some words.", "url": web.url("/x")})
    assert r.status_code == 422 and "not both" in r.json()["detail"]
    assert fetching.post("/documents", json={"url": "ftp://example.org/a"}).status_code == 422
    assert not web.requests


def test_fetching_is_off_unless_turned_on(sample_store: SQLiteStore, extractor: Extractor, web) -> None:  # type: ignore[no-untyped-def]
    url = web.add("/k.html", Route(200, {"Content-Type": "text/html"}, html_page("K", "2025-09-30", SENTENCES)))
    with client_for(sample_store, extractor) as c:
        r = c.post("/documents", json={"url": url})
        assert r.status_code == 403 and "does not fetch web addresses" in r.json()["detail"]
        assert c.post("/documents", json={"url": url}, headers={"Authorization": "Bearer wrong"}).status_code == 403
    with client_for(sample_store, extractor, fetch_urls=True) as c:  # on, but not for its own network
        for address in (url, "http://localhost:9/", "http://192.168.1.10/admin"):
            r = c.post("/documents", json={"url": address})
            assert r.status_code == 403 and "private network" in r.json()["detail"], address
    assert not web.requests


def test_the_environment_turns_fetching_on() -> None:
    config = SecurityConfig.from_env({"CHIPGRAPH_FETCH_URLS": "1", "CHIPGRAPH_FETCH_PRIVATE": "no"})
    assert config.fetch_urls and not config.fetch_private
    assert not SecurityConfig.from_env({}).fetch_urls
