"""The pipeline's sentence starts: a standalone full stop ends a sentence
before the parser runs, abbreviations do not (ingest/pipeline.py)."""

from __future__ import annotations

from chipgraph.ingest import Extractor, article_from_text
from chipgraph.ingest.evaluation import norm


def _sentences(extractor: Extractor, text: str) -> list[str]:
    return [s.text for s in extractor.nlp(text).sents]


def test_full_stop_before_a_capital_starts_a_sentence(extractor: Extractor) -> None:
    text = ("Harbor Beijing had taken delivery of equipment from Naura. CXMT, which counts Tokyo Electron "
            "among its suppliers, declined to comment.")
    assert _sentences(extractor, text)[-1].startswith("CXMT")


def test_abbreviations_do_not_end_a_sentence(extractor: Extractor) -> None:
    text = "The U.S. Commerce Department added Kestrel Devices Inc. to the list on Monday."
    assert _sentences(extractor, text) == [text]


def test_no_fact_reaches_across_a_full_stop(extractor: Extractor) -> None:
    """Run together, the second subject was read as the buyer of the first sentence's delivery."""
    text = ("Last month SMIC disclosed that a subsidiary, SMIC Beijing, had taken delivery of equipment from Naura. "
            "CXMT, which counts Tokyo Electron and Lam Research among its suppliers, declined to comment.")
    x = extractor.extract(article_from_text(text))
    names = {e.id: norm(e.name) for e in x.entities}
    facts = {(names[r.head], r.type.value, names[r.tail]) for r in x.relations}
    assert not any(h.startswith("changxin") and t.startswith("semiconductor manufacturing beijing") for h, _, t in facts), facts
    assert any(h == "tokyo electron" and r == "SUPPLIED" and t.startswith("changxin") for h, r, t in facts), facts


def test_the_lemmatiser_slips_are_mended(extractor: Extractor) -> None:
    """spaCy's rule lemmatiser cuts "installed" to "instal"; every rule that
    lists "install" would miss it (pipeline._mend_lemmas)."""
    doc = extractor.nlp("Telia installed radios and is installing more.")
    assert {t.text: t.lemma_ for t in doc}["installed"] == "install"
    assert {t.text: t.lemma_ for t in doc}["installing"] == "install"


def test_a_legal_form_in_mixed_case_gives_up_its_full_stop(extractor: Extractor) -> None:
    """"... an der Orvane GmbH. Die Firma ...": "GmbH." stayed one token, so
    the name kept the stop and the sentence ran into the next; dotted
    abbreviations stay whole."""
    text = "Die Tessaro AG hält 25 Prozent an der Orvane GmbH. Die Firma baut Sensoren."
    assert _sentences(extractor, text) == ["Die Tessaro AG hält 25 Prozent an der Orvane GmbH.", "Die Firma baut Sensoren."]
    x = extractor.extract(article_from_text(text))
    assert "Orvane GmbH" in {e.name for e in x.entities}
    assert [t.text for t in extractor.nlp("Orvane B.V. and Kestrel Inc. sold chips.")][:4] == ["Orvane", "B.V.", "and", "Kestrel"]


def test_a_dateline_is_parsed_apart_from_its_story(extractor: Extractor) -> None:
    """"TAIPEI, March 3 (Reuters) - TSMC shipped ...": read with its dateline
    the acronym was tagged part of it and "shipped" an adjective; parsed
    apart (extractor.text_pieces) the clause keeps its subject, every offset
    stays the article's, and batches read as single articles do."""
    from chipgraph.ingest.extractor import text_pieces

    text = "Chip sales\n\nTAIPEI, March 3 (Reuters) - TSMC shipped chips to Huawei, the company said.\n\nBEIJING -- SMIC bought scanners from ASML."
    assert "".join(text_pieces(text)) == text and len(text_pieces(text)) == 3
    x = extractor.extract(article_from_text(text))
    names = {e.id: norm(e.name) for e in x.entities}
    facts = {(names[r.head], r.type.value, names[r.tail]) for r in x.relations}
    assert ("taiwan semiconductor manufacturing", "SUPPLIED", "huawei technologies") in facts, facts
    assert ("asml", "SUPPLIED", "semiconductor manufacturing international") in facts, facts
    for r in x.relations:
        ev = r.evidence[0]
        assert x.document.text[ev.start:ev.end] == ev.sentence
    batch = list(extractor.extract_many([article_from_text(text), article_from_text("Orvane Systems sold chips to Kestrel Devices.")],
                                        batch_size=2))
    assert {r.key for r in batch[0].relations} == {r.key for r in x.relations}
