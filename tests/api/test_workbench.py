"""The workbench's pages without a browser: what each answers, the policy it
sends, how it refuses, and that no article string becomes markup.  (The
browser tests, test_workbench_browser.py, run them in Chromium.)"""

from __future__ import annotations

import re
from typing import Iterator
from xml.etree import ElementTree

import pytest
from starlette.testclient import TestClient

from chipgraph.api.app import create_app
from chipgraph.api.security import SecurityConfig
from chipgraph.api.workbench import PAGE_CSP
from chipgraph.graph.sqlite_store import SQLiteStore

from workbench_data import HOSTILE_BUYER, HOSTILE_IMG, HOSTILE_ORG, HOSTILE_QUOTES, HOSTILE_SCRIPT, hostile_extractions

PAGES = [
    "/",
    "/ui/search?q=Huawai",
    "/ui/entity?name=ASML",
    "/ui/path?source=ASML&target=military",
    "/ui/exposure?entity=ASML",
    "/ui/upload",
    "/ui/entity?name=Norvale",
    "/ui/entity?name=Huawai",
]


@pytest.fixture
def client(sample_store: SQLiteStore) -> Iterator[TestClient]:
    for extraction in hostile_extractions():
        sample_store.add(extraction)
    app = create_app(sample_store, security=SecurityConfig(write_keys=frozenset({"k"})))
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c


@pytest.mark.parametrize("url", PAGES)
def test_every_page_runs_only_its_own_script_under_a_strict_policy(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.headers["content-type"].startswith("text/html")
    assert r.headers["content-security-policy"] == PAGE_CSP
    assert "script-src 'self';" in PAGE_CSP and "'unsafe-inline'" not in PAGE_CSP and "frame-ancestors 'none'" in PAGE_CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    scripts = re.findall(r"<script\b[^>]*>", r.text)
    assert scripts == ['<script src="/ui/static/workbench.js">']
    assert " style=" not in r.text and "<style" not in r.text  # styles only from the sheet
    assert not re.search(r"<(link|img|iframe|script)\b[^>]*(src|href)=\"https?://", r.text)


def test_pages_answer_with_the_library_answers(client: TestClient) -> None:
    assert "Close spellings" in client.get("/ui/search?q=Huawai").text
    entity = client.get("/ui/entity?name=Huawei").text
    assert "Huawei Technologies Co., Ltd." in entity and "US Entity List" in entity
    assert "How US rules cut Huawei" in entity and "2025-11-02" in entity  # article title and date
    path = client.get("/ui/path?source=ASML&target=military").text
    assert "24th Research Institute of CETC" in path and "spare parts" in path
    assert 'src="/ui/draw?kind=path&amp;source=org%3Aasml&amp;target=list%3Amilitary' in path
    exposure = client.get("/ui/exposure?entity=ASML").text
    assert "3 hits from" in exposure and "NS-CMIC List" in exposure


def test_a_name_that_is_unknown_or_ambiguous_is_a_choice(client: TestClient) -> None:
    r = client.get("/ui/entity?name=Huawai")
    assert r.status_code == 404 and "Huawei Technologies" in r.text
    r = client.get("/ui/entity?name=Norvale")
    assert r.status_code == 409
    assert 'href="/ui/entity?name=org%3Anorvale-devices"' in r.text and "Norvale Systems" in r.text
    # in a path question the link asks the same question again with the one chosen
    r = client.get("/ui/path?source=Norvale&target=military&max_hops=2")
    assert r.status_code == 409
    assert "/ui/path?source=org%3Anorvale-systems&amp;target=military&amp;max_hops=2" in r.text
    r = client.get("/ui/path?source=ASML&target=military&types=NOPE")
    assert r.status_code == 422 and "unknown relation type" in r.text


def test_hostile_strings_are_escaped_everywhere(client: TestClient) -> None:
    pages = [
        client.get("/ui/search?q=Evilcorp").text,
        client.get("/ui/entity?name=Evilcorp").text,
        client.get("/ui/path?source=Evilcorp&target=US+Entity+List").text,
        client.get("/ui/exposure?entity=Evilcorp&max_hops=2").text,
        client.get("/ui/entity?name=" + HOSTILE_IMG).text,
    ]
    for text in pages:
        for raw in (HOSTILE_IMG, HOSTILE_SCRIPT, HOSTILE_QUOTES, "<svg", "<img src=x"):
            assert raw not in text
    entity = pages[1]
    assert "Evilcorp &lt;img src=x onerror=&#34;window.__pwned=1;alert(1)&#34;&gt;" in entity
    assert 'href="javascript:' not in entity and "javascript:window.__pwned=4" in entity  # shown, not linked
    # the http source with markup in its query is linked, escaped
    assert 'href="https://example.org/a?q=&#34;&gt;&lt;script&gt;' in entity
    assert HOSTILE_BUYER.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;").replace("'", "&#39;") in entity
    assert HOSTILE_ORG not in pages[0]


def test_drawings_are_the_render_page_framed_by_the_workbench_only(client: TestClient) -> None:
    r = client.get("/ui/draw?kind=path&source=ASML&target=military")
    assert r.status_code == 200 and r.headers["content-security-policy"] == "frame-ancestors 'self'"
    assert 'http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;' in r.text  # render.py's own
    assert "How ASML is connected to military" in r.text and "24th Research Institute of CETC" in r.text
    r = client.get("/ui/draw?kind=exposure&entity=Evilcorp&max_hops=2")
    assert r.status_code == 200 and HOSTILE_IMG not in r.text and "US Entity List" in r.text
    r = client.get("/ui/draw?kind=neighbourhood&entity=Norvale")
    assert r.status_code == 422 and "several entities" in r.text


@pytest.mark.parametrize(
    ("fmt", "media", "suffix", "magic"),
    [
        ("png", "image/png", ".png", b"\x89PNG\r\n\x1a\n"),
        ("svg", "image/svg+xml", ".svg", b"<?xml"),
        ("html", "text/html", ".html", b"<!DOCTYPE html>"),
        ("graphml", "application/graphml+xml", ".graphml", b"<?xml"),
        ("gexf", "application/gexf+xml", ".gexf", b"<?xml"),
        ("csv", "application/zip", ".zip", b"PK"),
        ("ftm", "application/x-ndjson", ".ftm.jsonl", b"{"),
    ],
)
def test_exports_are_files_of_the_drawing(client: TestClient, fmt: str, media: str, suffix: str, magic: bytes) -> None:
    r = client.get(f"/ui/export?kind=path&source=ASML&target=military&format={fmt}")
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    disposition = r.headers["content-disposition"]
    assert disposition.startswith("attachment; filename=") and disposition.endswith(f'{suffix}"')
    assert r.content.startswith(magic)
    if fmt not in ("png", "svg", "csv"):  # pictures draw their text as shapes; csv is a zip
        assert "24th Research Institute of CETC" in r.text
    if fmt in ("graphml", "gexf", "svg"):
        ElementTree.fromstring(r.content)
    assert "sandbox" in r.headers["content-security-policy"] or "default-src 'none'" in r.headers["content-security-policy"]
    hostile = client.get(f"/ui/export?kind=neighbourhood&entity=Evilcorp&format={fmt}")
    assert hostile.status_code == 200 and hostile.content.startswith(magic)
    assert HOSTILE_IMG.encode() not in hostile.content or fmt in ("ftm", "csv")  # data formats carry names as they are
    if fmt in ("graphml", "gexf", "svg"):
        ElementTree.fromstring(hostile.content)  # the hostile names are still well-formed XML


def test_an_unknown_export_format_is_refused_in_words(client: TestClient) -> None:
    r = client.get("/ui/export?kind=path&source=ASML&target=military&format=docx")
    assert r.status_code == 422 and "cannot export as" in r.text and "graphml" in r.text


def test_static_files_are_the_two_served_and_no_other(client: TestClient) -> None:
    assert client.get("/ui/static/workbench.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/ui/static/workbench.css").headers["content-type"].startswith("text/css")
    assert client.get("/ui/static/..%2Fworkbench.py").status_code == 404
    assert client.get("/ui/static/base.html.j2").status_code == 404


def test_the_script_writes_article_strings_as_text_only(client: TestClient) -> None:
    script = client.get("/ui/static/workbench.js").text
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script


def test_upload_page_says_whether_a_key_is_needed(sample_store: SQLiteStore) -> None:
    keyed = TestClient(create_app(sample_store, security=SecurityConfig(write_keys=frozenset({"k"}))), base_url="http://127.0.0.1")
    open_ = TestClient(create_app(sample_store, security=SecurityConfig()), base_url="http://127.0.0.1")
    assert 'data-writes-keyed="yes"' in keyed.get("/ui/upload").text
    assert 'data-writes-keyed="no"' in open_.get("/ui/upload").text
    # the page posts to the existing write route, which still wants the key
    assert keyed.post("/documents", json={"text": "x"}).status_code == 401


# -- a server whose reads need a key ------------------------------------------------
READ_KEY, WRITE_KEY = "reader-key", "writer-key"
HTML = {"Accept": "text/html,application/xhtml+xml"}


@pytest.fixture
def keyed(sample_store: SQLiteStore) -> Iterator[TestClient]:
    security = SecurityConfig(read_keys=frozenset({READ_KEY}), write_keys=frozenset({WRITE_KEY}))
    with TestClient(create_app(sample_store, security=security), base_url="http://127.0.0.1") as c:
        yield c


def test_a_browser_without_the_read_key_is_sent_to_the_key_page(keyed: TestClient) -> None:
    r = keyed.get("/ui/path?source=ASML&target=military", headers=HTML, follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"] == "/ui/key?next=%2Fui%2Fpath%3Fsource%3DASML%26target%3Dmilitary"
    page = keyed.get(r.headers["location"], headers=HTML)
    assert page.status_code == 200 and 'name="next" value="/ui/path?source=ASML&amp;target=military"' in page.text
    assert page.headers["content-security-policy"] == PAGE_CSP
    assert keyed.get("/ui/static/workbench.css").status_code == 200  # the key page's style needs no key
    # a script (no text/html) and the JSON API get the plain refusal
    assert keyed.get("/paths?source=ASML&target=military").status_code == 401
    assert keyed.get("/ui/search?q=ASML", follow_redirects=False).status_code == 401


def test_the_key_page_keeps_the_key_for_reads_only(keyed: TestClient) -> None:
    wrong = keyed.post("/ui/key", data={"key": "guess", "next": "/ui/search?q=ASML"}, headers=HTML)
    assert wrong.status_code == 403 and 'id="key-refused"' in wrong.text and "chipgraph_read_key" not in wrong.headers.get("set-cookie", "")
    given = keyed.post("/ui/key", data={"key": READ_KEY, "next": "/ui/search?q=ASML", "action": "keep"}, headers=HTML,
                       follow_redirects=False)
    assert given.status_code == 303 and given.headers["location"] == "/ui/search?q=ASML"
    cookie = given.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/" in cookie and READ_KEY not in cookie
    # the cookie now opens the pages, the drawings and the JSON reads the pages' script makes
    assert "ASML" in keyed.get("/ui/search?q=ASML", headers=HTML).text
    assert keyed.get("/ui/draw?kind=path&source=ASML&target=military").status_code == 200
    assert keyed.get("/entities?q=ASML").status_code == 200
    # ...and never a write: that still needs the write key in a header
    assert keyed.post("/documents", json={"text": "Quarrow sold steppers to Norvale."}).status_code == 401
    # a read key is not a write key either, even in a header
    assert keyed.post("/documents", json={"text": "x"}, headers={"X-API-Key": READ_KEY}).status_code == 403
    # forgetting clears it
    forgot = keyed.post("/ui/key", data={"action": "forget", "next": "/"}, headers=HTML)
    assert forgot.status_code == 200 and 'id="key-forgotten"' in forgot.text
    assert keyed.get("/entities?q=ASML").status_code == 401


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "/ok\r\nSet-Cookie: x=1"])
def test_the_key_page_never_sends_a_reader_elsewhere(keyed: TestClient, target: str) -> None:
    r = keyed.post("/ui/key", data={"key": READ_KEY, "next": target}, headers=HTML, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"


def test_a_bad_or_foreign_cookie_opens_nothing(keyed: TestClient) -> None:
    from chipgraph.api.gate import cookie_value

    for value in ("not base64 !!", cookie_value("guess"), cookie_value(READ_KEY)[:-2]):
        keyed.cookies.set("chipgraph_read_key", value)
        assert keyed.get("/entities?q=ASML").status_code == 401
    # a cookie never overrides a wrong key sent in a header
    keyed.cookies.set("chipgraph_read_key", cookie_value(READ_KEY))
    assert keyed.get("/entities?q=ASML", headers={"X-API-Key": "wrong"}).status_code == 403


def test_guessing_keys_on_the_key_page_is_rate_limited(sample_store: SQLiteStore) -> None:
    security = SecurityConfig(read_keys=frozenset({READ_KEY}), write_rate_per_minute=1, write_burst=3)
    with TestClient(create_app(sample_store, security=security), base_url="http://127.0.0.1") as c:
        codes = [c.post("/ui/key", data={"key": f"guess-{i}"}).status_code for i in range(5)]
    assert codes[:3] == [403, 403, 403] and codes[3:] == [429, 429]
