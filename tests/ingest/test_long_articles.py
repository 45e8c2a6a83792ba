"""Long articles are parsed in pieces and read as one: the same facts, the same
offsets, as if parsed whole."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from chipgraph.ingest import Extractor, article_from_text
from chipgraph.ingest import extractor as extractor_module

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "articles"


def _long_article():  # type: ignore[no-untyped-def]
    """The sample stories told three times over, in one article (cleaned once, so nothing is dropped as repeated)."""
    parts = [article_from_text((SAMPLES / n).read_text(encoding="utf-8")).text
             for n in ("asml-shipments-to-chinese-defence-research.txt", "ymtc-entity-list.txt")]
    text = "\n\n".join(f"Part {i}.\n\n{p}" for i, p in enumerate(parts * 3))
    return replace(article_from_text(parts[0]), text=text)


def test_pieces_join_back_to_the_text(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extractor_module, "PIECE_CHARS", 800)
    article = _long_article()
    doc = extractor_module.parse(extractor.nlp, article.text)
    assert doc.text == article.text
    assert len(article.text) > 3 * 800  # several pieces


def test_long_article_reads_the_same_in_pieces(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    article = _long_article()
    whole = extractor_module.build_extraction(article, extractor.nlp(article.text))
    monkeypatch.setattr(extractor_module, "PIECE_CHARS", 800)
    pieces = extractor.extract(article)
    assert {r.key for r in pieces.relations} == {r.key for r in whole.relations}
    assert pieces.relations, "the sample articles state facts"
    for rel in pieces.relations:
        for ev in rel.evidence:
            assert article.text[ev.start:ev.end] == ev.sentence


def test_extract_many_parses_long_articles_in_pieces(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extractor_module, "PIECE_CHARS", 800)
    short = article_from_text("Tokyo Electron shipped etch tools to SMIC in March.")
    long = _long_article()
    many = list(extractor.extract_many([short, long, short]))
    assert [len(x.relations) for x in many] == [len(extractor.extract(a).relations) for a in (short, long, short)]
