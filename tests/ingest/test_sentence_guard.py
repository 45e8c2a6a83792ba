"""A rule that fails on one sentence costs that sentence only (ingest/sentence_guard.py)."""

from __future__ import annotations

import pytest

from chipgraph.ingest import Extractor, article_from_text
from chipgraph.ingest import relations, rules_nl
from chipgraph.ingest.sentence_guard import SentenceUnread

TEXT = ("Norvik Semiconductor ships wafers to Calder Devices. Orin Labs sells lasers to Brightwave Mobile. "
        "Calder Devices is a subsidiary of Halden Group.")


def _names(extractor: Extractor, text: str) -> set[tuple[str, str, str]]:
    x = extractor.extract(article_from_text(text))
    names = {e.id: e.name for e in x.entities}
    return {(names[r.head], r.type.value, names[r.tail]) for r in x.relations}


def test_a_failing_english_sentence_is_left_out_and_named(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = _names(extractor, TEXT)
    assert ("Orin Labs", "SUPPLIED", "Brightwave Mobile") in whole
    real = relations.also_shareholders

    def failing(ctx, tok):  # the second sentence's rules fail part-way, after facts were added
        if tok.text == "Brightwave":
            raise RecursionError("maximum recursion depth exceeded")
        return real(ctx, tok)

    monkeypatch.setattr(relations, "also_shareholders", failing)
    with pytest.warns(SentenceUnread, match=r"characters 53-97 .*RecursionError.*Orin Labs sells lasers"):
        got = _names(extractor, TEXT)
    assert got == {t for t in whole if t[0] != "Orin Labs"}


def test_a_failing_dutch_sentence_is_left_out_and_named(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    text = ("Dit is een bericht over de chipsector. Norvik Systems levert wafers aan Calder Devices. "
            "Orin Technologies verkoopt lasers aan Brightwave Mobile.")
    whole = _names(extractor, text)
    assert {("Norvik Systems", "SUPPLIED", "Calder Devices"), ("Orin Technologies", "SUPPLIED", "Brightwave Mobile")} <= whole
    real = rules_nl._sentence_facts

    def failing(d, s, language):
        if "Orin" in s.text:
            raise IndexError("list index out of range")
        return real(d, s, language)

    monkeypatch.setattr(rules_nl, "_sentence_facts", failing)
    with pytest.warns(SentenceUnread, match="IndexError"):
        got = _names(extractor, text)
    assert got == {t for t in whole if t[0] != "Orin Technologies"}
