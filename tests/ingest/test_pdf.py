"""PDF articles: the text layer read as paragraphs of sentences, with the
title and date of the metadata; scans, locked and damaged files named with
what to do, never stored empty (issue 12, sources)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chipgraph.ingest import ArticleTooLarge, Extractor, NeedsOCR, read_article, scan_article_paths
from chipgraph.ingest.errors import DamagedPDF, EmptyArticle, EncryptedPDF

from pdf_maker import encrypted_pdf_bytes, image_only_pdf_bytes, pdf_bytes, write_pdf

FIRST = [
    "Halvard Group owns Kestrel Devices, a maker of power chips",
    "for electric trains that was founded in Eindhoven.",
]
SECOND = [
    "Kestrel Devices said on Tuesday that its new semi-",
    "conductor line will start production next year, using",
    "state-owned land near the harbour.",
]
THIRD = ["The company also confirmed that its plant is state-", "owned until the lease ends, under a Dutch-", "German treaty."]


def three_pages() -> list:
    return [[[FIRST, SECOND]], [[THIRD]], [[["Orders from rail operators rose sharply in the spring."]]]]


def test_paragraphs_hyphenation_and_running_lines(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "weekly.pdf", three_pages(), header="Rail Chips Weekly  Issue 7", page_numbers=True)
    art = read_article(path)
    assert art.format == "pdf" and art.file_name == "weekly.pdf"
    paragraphs = art.text.split("\n\n")
    assert paragraphs == [
        "Halvard Group owns Kestrel Devices, a maker of power chips for electric trains that was founded in Eindhoven.",
        "Kestrel Devices said on Tuesday that its new semiconductor line will start production next year, "
        "using state-owned land near the harbour.",
        # "state-" + "owned": written with its hyphen elsewhere, so the hyphen is kept
        "The company also confirmed that its plant is state-owned until the lease ends, under a Dutch-German treaty.",
        "Orders from rail operators rose sharply in the spring.",
    ]
    assert "Weekly" not in art.text


def test_a_paragraph_cut_by_a_page_break_is_one() -> None:
    from chipgraph.ingest.pdf import pdf_to_text

    pages = [[[["Kestrel Devices expects its order book to grow", "as rail operators replace"]]],
             [[["old traction inverters across the region."]]]]
    text = pdf_to_text(pdf_bytes(pages), "cut.pdf").text
    assert text == "Kestrel Devices expects its order book to grow as rail operators replace old traction inverters across the region."


def test_title_and_date_come_from_the_metadata(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "r.pdf", three_pages(), title="Kestrel expands in Eindhoven", created="D:20251103094500+01'00'")
    art = read_article(path)
    assert art.title == "Kestrel expands in Eindhoven" and art.date == "2025-11-03"
    bare = read_article(write_pdf(tmp_path / "bare.pdf", three_pages()))
    assert bare.title is None and bare.date is None


def test_a_word_processors_placeholder_title_is_no_title(tmp_path: Path) -> None:
    art = read_article(write_pdf(tmp_path / "w.pdf", three_pages(), title="Microsoft Word - draft3.docx"))
    assert art.title is None


def test_a_scan_without_text_needs_ocr(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(image_only_pdf_bytes(pages=2))
    with pytest.raises(NeedsOCR, match=r"scan\.pdf: the PDF has no text layer \(2 of its 2 page\(s\) are images\); it needs OCR") as info:
        read_article(path)
    assert info.value.kind == "needs OCR"


def test_a_password_protected_pdf_is_named(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(encrypted_pdf_bytes(three_pages(), "s3cret"))
    with pytest.raises(EncryptedPDF, match=r"locked\.pdf: the PDF is password-protected"):
        read_article(path)


def test_a_pdf_locked_only_against_copying_is_read(tmp_path: Path) -> None:
    path = tmp_path / "open.pdf"
    path.write_bytes(encrypted_pdf_bytes(three_pages(), ""))
    assert "Halvard Group owns Kestrel Devices" in read_article(path).text


@pytest.mark.parametrize("data", [b"%PDF-1.7\n", b"%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <<>>\n%%EOF", b"not a pdf at all"])
def test_damaged_pdfs_are_named(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(DamagedPDF, match=r"broken\.pdf: not a readable PDF"):
        read_article(path)


def test_a_truncated_pdf_is_damaged_not_empty(tmp_path: Path) -> None:
    data = pdf_bytes(three_pages())
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 3])
    with pytest.raises(DamagedPDF, match=r"cut\.pdf"):
        read_article(path)


def test_empty_and_oversize_pdfs(tmp_path: Path) -> None:
    (tmp_path / "empty.pdf").write_bytes(b"")
    with pytest.raises(EmptyArticle):
        read_article(tmp_path / "empty.pdf")
    big = write_pdf(tmp_path / "big.pdf", three_pages())
    with pytest.raises(ArticleTooLarge, match=r"big\.pdf"):
        read_article(big, max_bytes=1000)


def test_pdfs_in_a_folder_are_articles(tmp_path: Path) -> None:
    write_pdf(tmp_path / "a.pdf", three_pages())
    (tmp_path / "b.txt").write_text("Some words about chips.", encoding="utf-8")
    scan = scan_article_paths([tmp_path])
    assert [p.name for p in scan.files] == ["a.pdf", "b.txt"] and not scan.skipped


def test_a_pdf_yields_the_facts_its_sentences_state(tmp_path: Path, extractor: Extractor) -> None:
    art = read_article(write_pdf(tmp_path / "own.pdf", three_pages()))
    x = extractor.extract(art)
    names = {e.id: e.name for e in x.entities}
    facts = {(names[r.head], r.type.value, names[r.tail]) for r in x.relations}
    assert ("Kestrel Devices", "OWNED_BY", "Halvard Group") in facts
    evidence = next(r.evidence[0] for r in x.relations if r.type.value == "OWNED_BY")
    assert art.text[evidence.start:evidence.end].startswith("Halvard Group owns Kestrel Devices")
