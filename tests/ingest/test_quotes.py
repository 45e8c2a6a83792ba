"""Evidence is the whole sentence, with offsets into the document, and carries
what its own sentence states.  Sentences are invented for these tests."""

from __future__ import annotations

import pytest

from chipgraph.graph.model import RelationType
from chipgraph.ingest import Extractor, article_from_text
from chipgraph.ingest.quotes import MAX_WIDENING, whole_sentence


def widened(text: str, fragment: str) -> str:
    start = text.index(fragment)
    q = whole_sentence(text, start, start + len(fragment))
    assert text[q.start : q.end] == q.text
    assert q.start <= start and q.end >= start + len(fragment)
    return q.text


@pytest.mark.parametrize(
    "text, fragment, sentence",
    [
        # cut after a legal form inside a name, on either side
        ("Intro line. Orion Wafer Co. Semiconductor, which is owned by Aquila Holdings, makes chips. Next one.",
         "Semiconductor, which is owned by Aquila Holdings, makes chips.",
         "Orion Wafer Co. Semiconductor, which is owned by Aquila Holdings, makes chips."),
        ("Intro line. Orion Wafer Co. Semiconductor, which is owned by Aquila Holdings, makes chips. Next one.",
         "Orion Wafer Co.",
         "Orion Wafer Co. Semiconductor, which is owned by Aquila Holdings, makes chips."),
        ("Vela Chips Inc. Research sold probes to Lyra Devices. Done.",
         "Research sold probes to Lyra Devices.",
         "Vela Chips Inc. Research sold probes to Lyra Devices."),
        # dotted acronyms and "No." with a number
        ("Old news! Sales to U.S. Buyers by Hydra Optics fell 3.5 percent. More?",
         "Buyers by Hydra Optics fell 3.5 percent.",
         "Sales to U.S. Buyers by Hydra Optics fell 3.5 percent."),
        ("Tucana Foundry is the No. 2 maker. It is owned by Grus Investment.",
         "2 maker.",
         "Tucana Foundry is the No. 2 maker."),
        # a closing quote belongs to the sentence it closes
        ('He said: "Pavo Tech Inc. Labs is ours." Then he left.',
         "Labs is ours.\"",
         'He said: "Pavo Tech Inc. Labs is ours."'),
        # a sentence in lower case after a full stop is not a new sentence
        ("Draco Memory sold approx. two hundred wafers to Lyra. End.",
         "two hundred wafers to Lyra.",
         "Draco Memory sold approx. two hundred wafers to Lyra."),
    ],
)
def test_span_widens_to_the_whole_sentence(text: str, fragment: str, sentence: str) -> None:
    assert widened(text, fragment) == sentence


def test_line_breaks_bound_the_quote() -> None:
    text = "Headline of Kestrel Co.\nKestrel Co. Labs is owned by Aquila Group.\n\nNext paragraph here."
    assert widened(text, "Labs is owned by Aquila Group.") == "Kestrel Co. Labs is owned by Aquila Group."
    assert widened(text, "Headline of Kestrel") == "Headline of Kestrel Co."


def test_a_whole_sentence_stays_as_it_is() -> None:
    text = "First one. Lyra Devices is owned by Kestrel Group. Last one."
    assert widened(text, "Lyra Devices is owned by Kestrel Group.") == "Lyra Devices is owned by Kestrel Group."


def test_widening_is_capped() -> None:
    run_on = "word " * (MAX_WIDENING + 50)
    text = f"Start. {run_on}Lyra Inc. Labs is owned by Kestrel Group"
    fragment = "Labs is owned by Kestrel Group"
    start = text.index(fragment)
    q = whole_sentence(text, start, start + len(fragment))
    assert text[q.start : q.end] == q.text
    assert start - q.start <= MAX_WIDENING and q.end == len(text)


# -- in extraction, with spaCy ----------------------------------------------------

DOCUMENT = (
    "Chip groups reshuffle units\n"
    "Aquila Group's unit Draco Memory Inc. Beijing is a subsidiary of Aquila Group.\n"
    "Analysts were not surprised. Hydra Lithography Inc. Sales of scanners to Tucana Foundry began in 2020, "
    "when Hydra Lithography sold two machines to Tucana Foundry.\n"
)
SPLIT_SENTENCES = [
    "Aquila Group's unit Draco Memory Inc. Beijing is a subsidiary of Aquila Group.",
    "Hydra Lithography Inc. Sales of scanners to Tucana Foundry began in 2020, "
    "when Hydra Lithography sold two machines to Tucana Foundry.",
]


def test_evidence_is_the_whole_sentence_where_spacy_cuts_it(extractor: Extractor) -> None:
    doc = extractor.nlp(DOCUMENT)
    spacy_starts = {s.start_char for s in doc.sents}
    for sentence in SPLIT_SENTENCES:
        start = DOCUMENT.index(sentence)
        # the premise: spaCy cuts each of these sentences after an abbreviation
        assert any(start < s < start + len(sentence) for s in spacy_starts), sentence
    x = extractor.extract(article_from_text(DOCUMENT))
    quoted = {ev.sentence for r in x.relations for ev in r.evidence}
    assert quoted and quoted <= set(SPLIT_SENTENCES)
    assert len(quoted) == 2
    for r in x.relations:
        for ev in r.evidence:
            assert x.document.text[ev.start : ev.end] == ev.sentence


def test_evidence_carries_the_attributes_its_sentence_states(extractor: Extractor) -> None:
    text = (
        "Vela Microsystems Inc. sold etching tools to Lyra Semiconductor Corp. in 2021. "
        "Lyra Semiconductor bought deposition systems from Vela Microsystems in 2023."
    )
    x = extractor.extract(article_from_text(text))
    (supply,) = [r for r in x.relations if r.type is RelationType.SUPPLIED]
    stated = sorted((ev.attributes.get("date"), ev.attributes.get("product")) for ev in supply.evidence)
    assert stated == [("2021", "etching tools"), ("2023", "deposition systems")]
    for ev in supply.evidence:
        assert ev.sentence in text and text[ev.start : ev.end] == ev.sentence
    # every product stated becomes a PRODUCT entity
    assert {"etching tools", "deposition systems"} <= {e.name for e in x.entities}
