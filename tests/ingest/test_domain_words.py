"""Trade words read with a common word's norm (ingest/domain_words.py):
the parse they make right, and the text, lemmas and offsets they leave as
written (sentences written for the project)."""

from __future__ import annotations

import json

import pytest

from chipgraph.ingest import Extractor
from chipgraph.ingest.domain_words import _TABLE, domain_norms

from test_recall_kinds import triples


def test_every_trade_word_has_one_stand_in() -> None:
    table = json.loads(_TABLE.read_text(encoding="utf-8"))["stand_ins"]
    words = [w for ws in table.values() for w in ws]
    assert len(words) == len(set(words)), "a trade word listed under two stand-ins"
    assert all(w == w.lower() and " " not in w for w in words)
    assert set(domain_norms()) == set(words)


def test_only_the_norm_changes(extractor: Extractor) -> None:
    text = "Harlow Devices supplies Gallium nitride substrates to Qorvo."
    doc = extractor.nlp(text)
    assert doc.text == text
    by_text = {t.text: t for t in doc}
    assert by_text["Gallium"].norm_ == "steel" and by_text["substrates"].norm_ == "components"
    assert by_text["substrates"].lemma_ == "substrate"
    assert by_text["Harlow"].norm_ == "harlow"  # other words keep their own


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Harlow Devices supplies gallium nitride wafers to Qorvo.", ("Harlow Devices", "SUPPLIED", "Qorvo")),
        ("Harlow Devices supplies indium phosphide lasers to Coherent.", ("Harlow Devices", "SUPPLIED", "Coherent")),
        ("Harlow Devices sells photoresists to Kioxia.", ("Harlow Devices", "SUPPLIED", "Kioxia")),
        # a trade noun before "makers" after "to", read as an infinitive's verb
        ("Harlow Devices sells polishing pads to wafer makers including Siltronic.", ("Harlow Devices", "SUPPLIED", "Siltronic")),
        ("Tessaro Microsystems designs gallium arsenide chips used in military radar systems.",
         ("Tessaro Microsystems", "MILITARY_LINK", "military")),
    ],
)
def test_sentences_with_trade_words_are_read(extractor: Extractor, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(extractor, text)
