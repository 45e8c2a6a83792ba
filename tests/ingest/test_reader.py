"""Reading articles: formats, chrome removal and every way a file can be bad."""

from __future__ import annotations

from pathlib import Path

import pytest

from chipgraph.graph.errors import ChipgraphError
from chipgraph.ingest import (
    ArticleError,
    ArticleTooLarge,
    BinaryArticle,
    EmptyArticle,
    UndecodableArticle,
    UnsupportedFormat,
    article_from_text,
    iter_article_paths,
    read_article,
)
from chipgraph.ingest.cleaning import strip_chrome


def test_errors_are_chipgraph_errors() -> None:
    for cls in (EmptyArticle, BinaryArticle, UndecodableArticle, ArticleTooLarge, UnsupportedFormat):
        assert issubclass(cls, ArticleError) and issubclass(cls, ChipgraphError)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="nope"):
        iter_article_paths([tmp_path / "nope"])


def test_empty_file(tmp_path: Path) -> None:
    p = tmp_path / "empty.txt"
    p.write_text("  \n\n", encoding="utf-8")
    with pytest.raises(EmptyArticle, match="empty.txt"):
        read_article(p)


def test_binary_file(tmp_path: Path) -> None:
    p = tmp_path / "scan.txt"
    p.write_bytes(b"%PDF-1.7\n\x00\x01\x02 binary")
    with pytest.raises(BinaryArticle, match=r"scan\.txt: is a PDF named like a text file; rename it to \.pdf"):
        read_article(p)
    q = tmp_path / "nul.txt"
    q.write_bytes(b"text\x00with nul")
    with pytest.raises(BinaryArticle):
        read_article(q)


def test_non_utf8(tmp_path: Path) -> None:
    # clearly text in Windows-1252: read with the fallback
    p = tmp_path / "cp1252.txt"
    p.write_bytes("Intel\u2019s caf\u00e9 deal with Tokyo Electron was signed on Monday in the city.".encode("cp1252"))
    art = read_article(p)
    assert "caf\u00e9" in art.text and "\u2019" in art.text
    # bytes that are text in no fallback either
    q = tmp_path / "garbage.txt"
    q.write_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 50)
    with pytest.raises(UndecodableArticle, match="garbage.txt.*UTF-8"):
        read_article(q)


def test_too_large(tmp_path: Path) -> None:
    p = tmp_path / "dump.txt"
    p.write_text("word " * 1000, encoding="utf-8")
    with pytest.raises(ArticleTooLarge, match="dump.txt"):
        read_article(p, max_bytes=1000)


def test_unsupported_format(tmp_path: Path) -> None:
    p = tmp_path / "sheet.xlsx"
    p.write_text("x", encoding="utf-8")
    with pytest.raises(UnsupportedFormat, match=".xlsx"):
        read_article(p)
    with pytest.raises(UnsupportedFormat):
        article_from_text("hello", fmt="pdf")


def test_iter_article_paths(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a.md", "sub/c.html", "sub/d.htm", "sub/e.markdown", "skip.json", ".hidden.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_article_paths([tmp_path])]
    assert found == ["a.md", "b.txt", "sub/c.html", "sub/d.htm", "sub/e.markdown"]


def test_scraped_page_chrome_removed(fixtures: Path) -> None:
    art = read_article(fixtures / "scraped_page.txt")
    assert art.date == "2025-03-03"
    assert art.title == "Dutch toolmaker ships inspection gear to Shanghai foundry"
    assert "ASML shipped two inspection systems to Hua Hong Semiconductor" in art.text
    for chrome in ("Share on", "cookies", "Subscribe", "Also read", "See also", "Related News", "LinkedIn",
                   "Chip Daily", "Popular Articles", "By Jane Example", "Home | World"):
        assert chrome not in art.text, chrome


def test_chrome_rules_keep_prose() -> None:
    text = (
        "Read more: nothing\n\nThe Readable reached out to the ministry, which declined to comment on the new rules.\n\n"
        "Stay Ahead with Our Insights"
    )
    out = strip_chrome(text).text
    assert out.startswith("The Readable reached out")
    assert "Stay Ahead" not in out


def test_error_and_sign_in_notices_are_not_the_story() -> None:
    """What a scraper saved when the site answered with an error page or a
    sign-in wall above the story is dropped, so the headline becomes the
    title; prose that merely starts like a notice stays."""
    text = (
        "404\nNews & Insights\nOops! Something went wrong.\nSorry, the page you were looking for could not be found.\n"
        "Please log in to read the full story and use the print button.\nBitte melden Sie sich an\n"
        "Norvik wins order from Calder\n\n"
        "Sorry, said the chief executive of Norvik Semiconductor, but the Calder order was never in doubt this year.\n\n"
        "Error rates at the Calder fab fell after Norvik Semiconductor shipped two new etching tools in March."
    )
    cleaned = strip_chrome(text)
    assert cleaned.title == "Norvik wins order from Calder"
    assert cleaned.text.startswith("Norvik wins order from Calder")
    for notice in ("404", "Insights", "Oops", "looking for", "log in", "melden"):
        assert notice not in cleaned.text, notice
    assert "Sorry, said the chief executive" in cleaned.text and "Error rates at the Calder fab" in cleaned.text


def test_credits_go_and_sentences_about_reporting_stay() -> None:
    """Bylines and wire credits name reporters, whom NER takes for companies
    and places; a sentence that starts like a credit is the story's."""
    text = (
        "Norvik wins order\nBy Jane Roe and Max Mustermann\nWritten by Jane Roe for Chip Daily ->\n4 minute read\n\n"
        "Norvik Semiconductor said on Monday that it had shipped two etching tools to Calder Devices in March.\n\n"
        "Reporting by Bloomberg showed that Norvik Semiconductor also sold scanners to Calder Devices last year.\n\n"
        "By the end of 2024, Norvik Semiconductor and Calder Devices had signed a supply deal worth millions.\n\n"
        "(Reporting by Jane Roe in Washington; Additional reporting by Max Mustermann; Editing by Lisa Kent)\n"
        "Reporting by Jane Roe; editing by Kim Cole and Lee Adler\nOur Standards: The Chip Daily Trust Principles."
    )
    cleaned = strip_chrome(text)
    for chrome in ("Roe", "Mustermann", "Editing", "minute read", "Trust Principles"):
        assert chrome not in cleaned.text, chrome
    for kept in ("Reporting by Bloomberg showed", "By the end of 2024", "shipped two etching tools"):
        assert kept in cleaned.text, kept


def test_dutch_and_german_page_furniture_goes_and_the_story_stays() -> None:
    """Teasers for other stories ("Lesen Sie auch: A liefert an B") would be
    read as the story's own facts; credit and share lines are furniture.
    Sentences that start with the same words stay."""
    text = (
        "Veldlaser levert aan Brabant Precisie\nLees ook: Kabinet grijpt in bij chipmaker\nDeel dit artikel\n"
        "Veldlaser levert sinds vorig jaar lasers aan Brabant Precisie, meldt het bedrijf in een verklaring.\n"
        "Delen van de productie gaan naar Duitsland.\nDelen:\nLesen Sie auch: Elbgrund liefert an Rheinfunk\n"
        "Mehr zum Thema\nAnzeige\nArtikel teilen\nZum Thema: Chips aus China\nFoto: ANP\nBild: dpa\n"
        "Zum Thema Exportkontrollen sagte der Minister am Mittwoch, dass Elbgrund weiter an Rheinfunk liefern werde."
    )
    out = strip_chrome(text).text
    for chrome in ("Lees ook", "Deel dit", "Delen:", "Lesen Sie", "Mehr zum", "Anzeige", "teilen", "Zum Thema:", "Foto", "dpa"):
        assert chrome not in out, chrome
    for kept in ("Veldlaser levert sinds", "Delen van de productie", "Zum Thema Exportkontrollen"):
        assert kept in out, kept


def test_a_story_without_headline_is_titled_by_its_first_sentence() -> None:
    """Citations show the title under every hop: a lead paragraph standing
    in for the headline gives its first sentence, and a long one is cut at
    a word."""
    lead = ("Norvik Semiconductor said on Monday that it had shipped two etching tools to Calder Devices. "
            "The company gave no value for the order, which analysts put at about forty million euros.")
    assert strip_chrome(lead + "\n\nMore text follows here.").title == (
        "Norvik Semiconductor said on Monday that it had shipped two etching tools to Calder Devices.")
    long_lead = "Norvik Semiconductor, " + "a maker of etching and deposition tools based in Eindhoven, " * 4 + "shipped tools."
    title = strip_chrome(long_lead).title
    assert title is not None and title.endswith("…") and len(title) <= 161 and long_lead.startswith(title[:-1])
    assert strip_chrome("Norvik wins order\n\n" + lead).title == "Norvik wins order"


def test_html_article(fixtures: Path) -> None:
    art = read_article(fixtures / "article_page.html")
    assert art.format == "html"
    assert art.title == "Regulator bars Hikvision cameras from state buildings"
    assert art.date == "2024-11-05"
    assert "banned the sale of new Hikvision cameras" in art.text
    for chrome in ("Subscribe", "cookies", "Ten phones", "tracking", "Follow us", "<p>"):
        assert chrome not in art.text, chrome


def test_markdown_article(fixtures: Path) -> None:
    art = read_article(fixtures / "markdown_article.md")
    assert art.format == "md"
    assert art.title == "Foundry ties under scrutiny"
    assert art.date == "2025-01-20"
    assert "**" not in art.text and "](" not in art.text and "#" not in art.text
    assert "shipped test wafers to Sophgo" in art.text


def test_article_from_text_auto_detects_html() -> None:
    html = "<html><body><article><p>One.</p><p>ASML sold a scanner to SMIC in 2023, the company said.</p></article></body></html>"
    art = article_from_text(html, fmt="auto", source="post")
    assert art.format == "html" and "<p>" not in art.text
    assert article_from_text("Plain text about ASML.", fmt="auto").format == "txt"
    with pytest.raises(EmptyArticle):
        article_from_text("   ")


@pytest.mark.parametrize("line, iso", [
    ("Updated: March 3, 2025 at 10:14 AM EST", "2025-03-03"),
    ("Gepubliceerd op 3 maart 2025 om 10.14 uur", "2025-03-03"),
    ("Veröffentlicht am 5. März 2024, 14:30 Uhr", "2024-03-05"),
    ("12 mei 2023", "2023-05-12"),
    ("3. Dezember 2022", "2022-12-03"),
])
def test_date_lines_in_three_languages(line: str, iso: str) -> None:
    text = f"Norvik wins order\n{line}\nNorvik Semiconductor said on Monday that it had shipped two etching tools to Calder."
    cleaned = strip_chrome(text)
    assert cleaned.date == iso and line not in cleaned.text
