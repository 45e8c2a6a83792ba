"""Sources as they come, end to end: a PDF file and web addresses ingested
by the CLI and the library, their facts stored with the title, date and
address a citation shows; scans and failed fetches named in the summary
while the rest of the batch is stored (issue 12, sources)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from page_server import Route, html_page
from pdf_maker import image_only_pdf_bytes, pdf_bytes

from chipgraph.api.cli import EXIT_PARTIAL, cli
from chipgraph.api.pipeline import ingest_paths
from chipgraph.graph.citations import cite_source
from chipgraph.graph.sqlite_store import SQLiteStore
from chipgraph.graph.store import GraphStore
from chipgraph.ingest import Extractor
from chipgraph.ingest.fetch import FetchSettings

OWNED = ["Orbit Foundry, which is owned by China Electronics", "Corporation, bought tools in 2024."]
SUPPLIED = "ASML supplied a lithography machine to Orbit Foundry in 2024."


def owned_pdf(path: Path) -> Path:
    path.write_bytes(pdf_bytes([[[OWNED]]], title="Orbit Foundry and its owner", created="D:20250214100000Z"))
    return path


def test_cli_ingests_a_pdf_and_urls_and_names_what_failed(tmp_path: Path, web) -> None:  # type: ignore[no-untyped-def]
    web.add("/wire/asml-orbit.html", Route(200, {"Content-Type": "text/html"}, html_page("ASML ships to Orbit", "2025-03-02", [SUPPLIED])))
    moved = web.add("/asml-orbit", Route(301, {"Location": "/wire/asml-orbit.html"}))
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(image_only_pdf_bytes())
    store = tmp_path / "g.sqlite"
    result = CliRunner().invoke(
        cli, ["--store", str(store), "ingest", str(owned_pdf(tmp_path / "orbit.pdf")), str(scan), moved, web.url("/missing")]
    )
    assert result.exit_code == EXIT_PARTIAL, result.output
    assert "Traceback" not in result.output
    assert "scan.pdf: the PDF has no text layer" in result.output and "needs OCR" in result.output
    assert "/missing: the server answered 404 Not Found" in result.output
    assert "2 article(s) added" in result.output and "2 failed (1 HTTP 404, 1 needs OCR)" in result.output

    out = CliRunner().invoke(cli, ["--store", str(store), "path", "ASML", "military"])
    assert out.exit_code == 0, out.output
    assert "ASML -[SUPPLIED]-> Orbit Foundry -[OWNED_BY]-> China Electronics Corporation" in out.output
    with SQLiteStore(store) as s:
        docs = {d.source: d for d in s.documents() if d.source != "reference"}
    url = web.url("/wire/asml-orbit.html")  # the final address, after the redirect
    assert set(docs) >= {url, str(tmp_path / "orbit.pdf")}
    assert (docs[url].title, docs[url].date) == ("ASML ships to Orbit", "2025-03-02")
    pdf = docs[str(tmp_path / "orbit.pdf")]
    assert (pdf.title, pdf.date) == ("Orbit Foundry and its owner", "2025-02-14")
    assert "owned by China Electronics Corporation" in pdf.text  # the line break inside the name is gone
    assert cite_source(pdf.source) == ("orbit.pdf", None) and cite_source(url) == (url, url)


def test_pipeline_stores_pdf_and_url_documents_on_every_store(
    store: GraphStore, extractor: Extractor, tmp_path: Path, web  # type: ignore[no-untyped-def]
) -> None:
    data = pdf_bytes([[[[SUPPLIED]]]], title="ASML note")
    url = web.add("/notes/asml.pdf", Route(200, {"Content-Type": "application/pdf"}, data))
    summary = ingest_paths(
        store, [owned_pdf(tmp_path / "orbit.pdf")], extractor, progress=False, urls=[url],
        fetch=FetchSettings(timeout=5.0, allow_private=True),
    )
    assert not summary.failed and len(summary.added) == 2
    by_source = {r.source: r for r in summary.added}
    infos = store.document_infos([r.document_id for r in summary.added])
    assert {(i.source, i.title, i.date) for i in infos.values()} == {
        (url, "ASML note", None),
        (str(tmp_path / "orbit.pdf"), "Orbit Foundry and its owner", "2025-02-14"),
    }
    assert by_source[url].relations >= 1 and by_source[str(tmp_path / "orbit.pdf")].relations >= 1
