"""Shared fixtures: one spaCy pipeline for the whole test session (loading
it takes seconds and hundreds of MB, so every test reuses it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from chipgraph.ingest import Extractor

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    ex = Extractor()
    ex.nlp  # load once, up front
    return ex


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES
