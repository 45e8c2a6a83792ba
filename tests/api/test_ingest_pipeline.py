"""The library's ingest flow (api/pipeline.py): what an article leaves in
the store beyond its relations."""

from __future__ import annotations

from pathlib import Path

from chipgraph.api.pipeline import ingest_article, ingest_paths
from chipgraph.graph.store import GraphStore
from chipgraph.ingest import Extractor, article_from_text

#: an article naming a supply and, in passing, a person, a place and a company it states nothing about
MENTIONS = (
    "Norvik Semiconductor shipped two etching tools to Calder Devices in March, the company said.\n\n"
    "Analysts at Brightline Research, speaking in Rotterdam, said Jane Holloway would visit Tessaro Optics next week."
)


def test_ingest_keeps_the_entities_its_facts_name(store: GraphStore, extractor: Extractor, tmp_path: Path) -> None:
    """An entity the article only mentions has no evidence in the graph, so
    neither a file ingest nor a single article given in memory stores it."""
    path = tmp_path / "mentions.txt"
    path.write_text(MENTIONS, encoding="utf-8")
    summary = ingest_paths(store, [path], extractor, progress=False)
    assert not summary.failed and summary.added[0].relations == 1
    read = extractor.extract(article_from_text(MENTIONS))
    mentioned = {e.name for e in read.entities}
    assert {"Norvik Semiconductor", "Calder Devices", "Brightline Research"} <= mentioned  # what was read...
    stored = {e.name for e in store.entities()}
    assert {"Norvik Semiconductor", "Calder Devices"} <= stored  # ...and what was kept
    assert not stored & {"Brightline Research", "Tessaro Optics", "Jane Holloway", "Rotterdam"}

    other = MENTIONS.replace("March", "April")
    result, extraction = ingest_article(store, article_from_text(other), extractor)
    assert result.added and {e.name for e in extraction.entities} == {e.name for e in extractor.extract(article_from_text(other)).entities}
    assert not {e.name for e in store.entities()} & {"Brightline Research", "Tessaro Optics", "Jane Holloway", "Rotterdam"}
