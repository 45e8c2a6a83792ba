"""The workbench end to end in a real headless Chromium (Debian's, driven by
Playwright): search with close spellings, an entity page with its evidence,
an ambiguous name, a path and an exposure drawn with their evidence, exports,
an upload with the write key, and hostile strings in the data that must never
run.  The app is served by uvicorn on 127.0.0.1 over the sample articles, on
SQLite and once on FalkorDB.

Screenshots of the main pages go to test-artifacts/screenshots/ (not
committed): look at them after a change to the pages.
"""

from __future__ import annotations

import re
import shutil
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator
from urllib.parse import quote

import pytest
import uvicorn
from workbench_data import HOSTILE_BUYER, HOSTILE_IMG, HOSTILE_ORG, HOSTILE_QUOTES, HOSTILE_SCRIPT, hostile_extractions
from playwright.sync_api import Browser, Dialog, Page, expect, sync_playwright

from chipgraph.api.app import create_app
from chipgraph.api.security import SecurityConfig
from chipgraph.graph.copy import copy_graph
from chipgraph.graph.sqlite_store import SQLiteStore
from chipgraph.graph.store import GraphStore

CHROMIUM = "/usr/bin/chromium"
#: the closed network refuses Chromium's background connections; these keep it from trying
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
KEY = "workbench-test-key"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
TIMEOUT_MS = 20_000
FIRST_ARTICLE = "Quarrow Semiconductor supplied wafer steppers to Norvale Microsystems in 2024."


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(store: GraphStore, read_keys: frozenset[str] = frozenset()) -> Iterator[str]:
    """``create_app`` over ``store`` (writes keyed, reads too when
    ``read_keys``) served by uvicorn in a thread; yields its base URL."""
    app = create_app(store, security=SecurityConfig(write_keys=frozenset({KEY}), read_keys=read_keys))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install -y chromium (bash .ci/setup does)"
    with sync_playwright() as p:
        # Playwright gives every launch a fresh temporary user-data-dir.
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def base_url(sample_store_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample articles plus the hostile facts, on SQLite, served."""
    path = tmp_path_factory.mktemp("workbench") / "store.sqlite"
    shutil.copy(sample_store_path, path)
    with SQLiteStore(path) as store:
        for extraction in hostile_extractions():
            store.add(extraction)
        with serving(store) as url:
            yield url


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh tab (own storage) that records every dialog; a prompt whose
    message contains a key of ``tab.prompt_replies`` (set by a test) is
    answered with its value, any other dialog dismissed."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    tab.dialogs = []  # type: ignore[attr-defined]
    tab.prompt_replies = {}  # type: ignore[attr-defined]

    def on_dialog(dialog: Dialog) -> None:
        tab.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        replies = tab.prompt_replies  # type: ignore[attr-defined]
        reply = next((v for k, v in replies.items() if k in dialog.message), None)
        dialog.accept(reply) if reply is not None else dialog.dismiss()

    tab.on("dialog", on_dialog)
    yield tab
    context.close()


def shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def drawing_ready(page: Page, name: str | None = None) -> None:
    """The framed vis-network drawing has put its canvas on the page; with
    ``name``, a screenshot of it (a full-page shot leaves frames blank)."""
    frame = page.frame_locator("iframe.graph")
    expect(frame.locator("#chipgraph-network canvas")).to_be_attached()
    if name:
        page.locator("iframe.graph").scroll_into_view_if_needed()
        page.wait_for_timeout(1500)  # the layout settles (physics stops after stabilising)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.locator("iframe.graph").screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def assert_not_pwned(page: Page) -> None:
    for frame in page.frames:
        assert frame.evaluate("typeof window.__pwned") == "undefined", frame.url
    assert page.dialogs == []  # type: ignore[attr-defined]


# -- the analyst's way through ------------------------------------------------------
def test_search_suggests_close_spellings_and_opens_the_entity(page: Page, base_url: str) -> None:
    page.goto(base_url + "/")
    expect(page.locator("h1")).to_contain_text("supply chains")
    box = page.locator("#home-search")
    box.press_sequentially("Huawai", delay=20)
    suggestions = page.locator("#home-search ~ .suggestions")
    expect(suggestions).to_contain_text("Close spellings")
    expect(suggestions.locator("li.option").first).to_contain_text("Huawei")
    shot(page, "home-suggestions")
    suggestions.locator("li.option", has_text="Huawei").first.click()
    page.wait_for_url("**/ui/entity?name=*")
    expect(page.locator("#entity-name")).to_have_text("Huawei Technologies")
    expect(page.locator(".aka")).to_contain_text("Huawei Technologies Co., Ltd.")
    # relations grouped by type, each with its sentence, article title, date and source
    expect(page.locator("h3 .reltype").first).to_be_visible()
    first = page.locator("table.facts-table tr.relation").first
    expect(first.locator("blockquote")).to_be_visible()
    expect(first.locator(".citation cite")).not_to_have_text("")
    expect(first.locator(".citation time").first).to_have_text(
        re.compile(r"^\d{4}-\d{2}-\d{2}$")
    )
    expect(page.locator("ul.memberships")).to_contain_text("US Entity List")
    expect(page.locator("table.docs tbody tr").first).to_be_visible()
    shot(page, "entity")
    drawing_ready(page, "entity-drawing")

    # the search page lists close spellings too, without JavaScript's help
    page.goto(base_url + "/ui/search?q=Huawai")
    expect(page.locator("#close-spelling")).to_be_visible()
    expect(page.locator("table.results")).to_contain_text("Huawei Technologies")
    shot(page, "search")


def test_an_ambiguous_name_shows_the_candidates(page: Page, base_url: str) -> None:
    page.goto(base_url + "/ui/entity?name=Norvale")
    expect(page.locator("h1")).to_contain_text("names several entities")
    candidates = page.locator("a.candidate")
    expect(candidates).to_have_count(2)
    shot(page, "ambiguous")
    page.locator("a.candidate", has_text="Norvale Systems").click()
    expect(page.locator("#entity-name")).to_have_text("Norvale Systems")


def test_a_path_is_drawn_with_its_evidence_and_exported(page: Page, base_url: str, tmp_path: Path) -> None:
    page.goto(base_url + "/ui/path")
    page.locator("#path-source").press_sequentially("ASML", delay=10)
    page.locator("#path-target").fill("military")
    page.locator("#path-form button[type=submit]").click()
    page.wait_for_url("**/ui/path?*")
    expect(page.locator("#answer-title")).to_contain_text("from ASML to military")
    hop = page.locator("li.hop").first
    expect(hop).to_contain_text("SUPPLIED")
    expect(hop.locator("blockquote")).to_contain_text("spare parts")
    expect(hop.locator(".citation cite")).to_contain_text("ASML equipment")
    shot(page, "path")
    drawing_ready(page, "path-drawing")
    frame = page.frame_locator("iframe.graph")
    expect(frame.locator("table.evidence")).to_contain_text("MILITARY_LINK")
    # the drawing's own PNG button (render.py) saves the canvas
    with page.expect_download() as png:
        frame.locator("#chipgraph-download").click()
    saved = tmp_path / png.value.suggested_filename
    png.value.save_as(saved)
    assert saved.suffix == ".png" and saved.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert saved.stat().st_size > 10_000  # a drawing, not an empty canvas

    # every export link of the drawing gives the file it names
    for fmt, marker in (("png", b"\x89PNG"), ("graphml", b"<graphml"), ("html", b"chipgraph-network")):
        with page.expect_download() as info:
            page.locator(f"a.export[data-format={fmt}]").first.click()
        saved = tmp_path / info.value.suggested_filename
        info.value.save_as(saved)
        assert saved.suffix == f".{fmt}"
        body = saved.read_bytes()
        assert marker in body, fmt
        assert fmt == "png" or b"24th Research Institute of CETC" in body, fmt
    assert saved.stat().st_size > 10_000


def test_exposure_lists_hits_with_their_paths(page: Page, base_url: str) -> None:
    page.goto(base_url + "/ui/exposure?entity=ASML&max_hops=3")
    expect(page.locator("#answer-title")).to_contain_text("from ASML")
    hit = page.locator("tr.hit").filter(has=page.locator("td:first-child", has_text="24th Research Institute of CETC"))
    expect(hit).to_contain_text("MILITARY_LINK")
    hit.locator("details summary").last.click()
    expect(hit.locator("li.hop blockquote").first).to_be_visible()
    shot(page, "exposure")
    drawing_ready(page, "exposure-drawing")


def test_upload_asks_for_the_key_once_and_stores_the_article(page: Page, base_url: str) -> None:
    page.goto(base_url + "/ui/upload")
    expect(page.locator("#key-state")).to_have_text("No key yet.")
    # a wrong key: refused, said in words, and forgotten
    page.locator("#write-key").fill("not-the-key")
    page.locator("#save-key").click()
    page.locator("#upload-text").fill(FIRST_ARTICLE)
    page.locator("#upload-submit").click()
    expect(page.locator("#upload-error")).to_contain_text("refused that key")
    expect(page.locator("#key-state")).to_have_text("No key yet.")
    # no key kept: the page asks once (a prompt), then keeps it for the tab
    page.prompt_replies = {"write key": KEY}  # type: ignore[attr-defined]
    asked: list[str] = page.dialogs  # type: ignore[attr-defined]
    page.locator("#upload-title").fill("Steppers for Norvale")
    page.locator("#upload-source").fill("https://example.org/norvale-steppers")
    page.locator("#upload-submit").click()
    expect(page.locator("#upload-result")).to_be_visible(timeout=60_000)
    expect(page.locator("#upload-relations")).to_contain_text("Quarrow Semiconductor")
    expect(page.locator("#upload-relations")).to_contain_text("SUPPLIED")
    expect(page.locator("#upload-summary")).to_contain_text("Stored: 1 relation read")
    assert len(asked) == 1 and "write key" in asked[0]
    expect(page.locator("#key-state")).to_have_text("A key is kept for this tab.")
    shot(page, "upload")

    # a file this time: the kept key is sent, nothing is asked again
    article = Path(__file__).with_name("_workbench_upload.md")
    article.write_text("# Brightmoor\n\nNorvale Microsystems is a subsidiary of Brightmoor Holdings.\n", encoding="utf-8")
    try:
        page.locator("#upload-text").fill("")
        page.locator("#upload-title").fill("")
        page.locator("#upload-source").fill("")
        page.locator("#upload-file").set_input_files(str(article))
        page.locator("#upload-submit").click()
        expect(page.locator("#upload-relations")).to_contain_text("OWNED_BY", timeout=60_000)
    finally:
        article.unlink()
    assert len(asked) == 1
    page.locator("#upload-relations a", has_text="Brightmoor Holdings").click()
    expect(page.locator("#entity-name")).to_have_text("Brightmoor Holdings")
    expect(page.locator("table.docs")).to_contain_text("_workbench_upload.md")

    # back on the upload page the key is still kept; the first article again
    # is stored before, nothing is added, and the page says so
    page.goto(base_url + "/ui/upload")
    expect(page.locator("#key-state")).to_have_text("A key is kept for this tab.")
    page.locator("#upload-text").fill(FIRST_ARTICLE)
    page.locator("#upload-submit").click()
    expect(page.locator("#upload-summary")).to_contain_text("stored before", timeout=60_000)
    assert len(asked) == 1


def test_an_analyst_accepts_and_rejects_facts(page: Page, base_url: str) -> None:
    page.prompt_replies = {  # type: ignore[attr-defined]
        "Your name": "Ana Analyst",
        "Why do you accept": "Matches the group's annual report",
        "Why do you reject": "Test boards went to another buyer",
        "write key": KEY,
    }
    page.goto(base_url + "/ui/entity?name=HiSilicon")
    row = page.locator("tr.relation", has_text="OWNED_BY").first
    row.locator("button.accept").click()
    expect(row.locator(".curate-status")).to_have_text("accepted by Ana Analyst")
    expect(page.locator("#analyst-name")).to_have_text("Analyst: Ana Analyst")
    asked = list(page.dialogs)  # type: ignore[attr-defined]
    assert [m.split(",")[0].split(" ")[0] for m in asked] == ["Your", "This", "Why"]  # name, key, reason: once each
    shot(page, "curation")
    # the verdict is in the log and shown on the next visit, from the server
    page.reload()
    expect(page.locator("tr.relation", has_text="OWNED_BY").first.locator(".curate-status")).to_have_text(
        "accepted by Ana Analyst"
    )
    log = page.request.get(base_url + "/curation").json()
    assert [(e["action"], e["author"], e["reason"]) for e in log["entries"]] == [
        ("accept", "Ana Analyst", "Matches the group's annual report")
    ]

    # a rejected fact leaves the graph: the page no longer shows it; signed in, only the reason is asked
    page.goto(base_url + "/ui/entity?name=Norvale+Devices")
    row = page.locator("tr.relation", has_text="Norvale Systems")
    row.locator("button.reject").click()
    expect(row.locator(".curate-status")).to_contain_text("rejected")
    assert len(page.dialogs) == len(asked) + 1  # type: ignore[attr-defined]
    page.reload()
    expect(page.locator("tr.relation")).to_have_count(0)

    # signed out, a decision is not made
    page.locator("#sign-out").click()
    page.prompt_replies = {}  # type: ignore[attr-defined]
    page.goto(base_url + "/ui/entity?name=HiSilicon")
    row = page.locator("tr.relation", has_text="OWNED_BY").first
    row.locator("button.reject").click()
    expect(row.locator(".curate-status")).to_have_text("sign in to decide")


# -- hostile strings ------------------------------------------------------------------
def test_hostile_strings_are_shown_as_text_and_never_run(page: Page, base_url: str) -> None:
    page.goto(base_url + "/ui/search?q=Evilcorp")
    expect(page.locator("table.results")).to_contain_text(HOSTILE_ORG)
    assert_not_pwned(page)
    page.locator("#quick-search").press_sequentially("Evilc", delay=20)
    expect(page.locator("#quick-search ~ .suggestions")).to_contain_text(HOSTILE_ORG)
    assert_not_pwned(page)

    page.locator("table.results a.entity").first.click()
    expect(page.locator("#entity-name")).to_have_text(HOSTILE_ORG)
    expect(page.locator(".aka")).to_contain_text(HOSTILE_SCRIPT)
    expect(page.locator("table.facts-table")).to_contain_text(HOSTILE_BUYER)
    expect(page.locator(".attr").first).to_contain_text(HOSTILE_IMG)
    expect(page.locator("table.docs")).to_contain_text(HOSTILE_QUOTES)
    # a javascript: source is shown, never linked; an http one is linked as it is
    assert page.locator("a[href^='javascript:']").count() == 0
    shot(page, "hostile-entity")
    drawing_ready(page, "hostile-drawing")
    assert_not_pwned(page)

    page.goto(base_url + "/ui/path?source=Evilcorp&target=US+Entity+List&max_hops=3")
    expect(page.locator("li.hop").first).to_contain_text(HOSTILE_BUYER)
    drawing_ready(page)
    assert_not_pwned(page)
    page.goto(base_url + "/ui/exposure?entity=Evilcorp&max_hops=2")
    expect(page.locator("tr.hit")).to_contain_text(HOSTILE_BUYER)
    drawing_ready(page)
    assert_not_pwned(page)
    # a name that is itself markup, asked for by URL, comes back as text
    page.goto(base_url + "/ui/entity?name=" + quote(HOSTILE_SCRIPT))
    expect(page.locator("#entity-name")).to_have_text(HOSTILE_ORG)
    page.goto(base_url + "/ui/entity?name=" + quote(HOSTILE_IMG + "zz"))
    expect(page.locator("h1")).to_contain_text(HOSTILE_IMG + "zz")
    assert_not_pwned(page)


# -- a server whose reads need a key --------------------------------------------------------
def test_a_keyed_server_asks_for_the_read_key_once(page: Page, sample_store_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "keyed.sqlite"
    shutil.copy(sample_store_path, path)
    with SQLiteStore(path) as store, serving(store, read_keys=frozenset({"reader-key"})) as url:
        page.goto(url + "/ui/entity?name=ASML")
        page.wait_for_url("**/ui/key?next=*")
        expect(page.locator("h1")).to_have_text("Read key")
        shot(page, "read-key")
        page.locator("#read-key").fill("not-the-key")
        page.locator("#read-key-submit").click()
        expect(page.locator("#key-refused")).to_be_visible()
        page.locator("#read-key").fill("reader-key")
        page.locator("#read-key-submit").click()
        page.wait_for_url("**/ui/entity?name=ASML")
        expect(page.locator("#entity-name")).to_have_text("ASML")
        # the key is kept: other pages, the drawing and the suggestions the script fetches all answer
        drawing_ready(page, "keyed-entity")
        page.goto(url + "/")
        page.locator("#home-search").press_sequentially("Huawai", delay=20)
        expect(page.locator("#home-search ~ .suggestions li.option").first).to_contain_text("Huawei")
        # the cookie is out of the page's reach
        assert page.evaluate("document.cookie") == ""
        page.goto(url + "/ui/key")
        page.locator("#read-key-forget").click()
        expect(page.locator("#key-forgotten")).to_be_visible()
        page.goto(url + "/ui/search?q=ASML")
        page.wait_for_url("**/ui/key?next=*")
        assert_not_pwned(page)


# -- the Bolt store -----------------------------------------------------------------------
def test_the_workbench_on_falkordb(
    page: Page, sample_store_path: Path, new_store: Callable[[str], GraphStore]
) -> None:
    falkor = new_store("falkordb")
    with SQLiteStore(sample_store_path) as source:
        copy_graph(source, falkor, progress=False)
    with serving(falkor) as url:
        page.goto(url + "/ui/search?q=Huawai")
        expect(page.locator("table.results")).to_contain_text("Huawei Technologies")
        page.locator("table.results a.entity", has_text="Huawei Technologies").click()
        expect(page.locator("#entity-name")).to_have_text("Huawei Technologies")
        expect(page.locator("table.facts-table blockquote").first).to_be_visible()
        page.goto(url + "/ui/path?source=ASML&target=military&max_hops=4")
        expect(page.locator("li.hop").first.locator("blockquote")).to_contain_text("spare parts")
        drawing_ready(page)
        shot(page, "falkordb-path")
