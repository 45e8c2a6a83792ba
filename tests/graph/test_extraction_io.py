"""Extraction files round-trip every field, and a bad line is named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chipgraph.graph.extraction_io import (
    ExtractionFileError,
    extraction_from_json,
    extraction_to_json,
    read_extractions,
    write_extractions,
)
from chipgraph.graph.reference import reference_extractions

from test_conformance import ARTICLES


def test_every_field_survives_a_round_trip(tmp_path: Path) -> None:
    originals = ARTICLES + reference_extractions()
    path = tmp_path / "part.jsonl"
    assert write_extractions(path, originals) == len(originals)
    assert list(read_extractions(path)) == originals
    # confidences are kept exactly, not rounded for display
    assert extraction_from_json(extraction_to_json(originals[0])).relations == originals[0].relations


def test_a_bad_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "part.jsonl"
    good = json.dumps(extraction_to_json(ARTICLES[0]))
    path.write_text(good + "\n" + '{"format": "something else"}\n', encoding="utf-8")
    reader = read_extractions(path)
    assert next(reader) == ARTICLES[0]
    with pytest.raises(ExtractionFileError, match=r"part\.jsonl, line 2"):
        next(reader)


def test_a_relation_to_an_unknown_entity_is_refused() -> None:
    data = extraction_to_json(ARTICLES[0])
    data["entities"] = data["entities"][:1]
    with pytest.raises(ValueError, match="unknown entity"):
        extraction_from_json(data)


def test_no_half_file_is_left_when_writing_fails(tmp_path: Path) -> None:
    def broken():
        yield ARTICLES[0]
        raise RuntimeError("worker lost")

    path = tmp_path / "part.jsonl"
    with pytest.raises(RuntimeError):
        write_extractions(path, broken())
    assert not path.exists()
