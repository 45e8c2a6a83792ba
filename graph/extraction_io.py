"""Extractions as JSON lines, losslessly: the hand-off between extraction
workers that have no store (a Dask cluster, another machine) and the loader
that writes a store.

``Extraction.to_dict``-style views round confidences for people; this codec
keeps every field exactly, so a graph loaded from these files equals the one
``chipgraph ingest`` writes from the same articles.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Iterator

from .errors import ChipgraphError
from .model import Document, Entity, EntityType, Evidence, Extraction, Relation, RelationType

__all__ = [
    "ExtractionFileError",
    "extraction_from_json",
    "extraction_to_json",
    "read_extractions",
    "write_extractions",
]

#: the format's version, written on every line so a loader can refuse files
#: written by an incompatible chipgraph instead of misreading them
FORMAT = "chipgraph.extraction/1"


class ExtractionFileError(ChipgraphError):
    """An extraction file cannot be read: names the file and line."""


def extraction_to_json(x: Extraction) -> dict[str, Any]:
    """Every field of ``x`` as JSON-ready values."""
    d = x.document
    return {
        "format": FORMAT,
        "document": {
            "id": d.id, "source": d.source, "text": d.text, "title": d.title, "date": d.date, "language": d.language,
        },
        "entities": [
            {"id": e.id, "name": e.name, "type": e.type.value, "aliases": list(e.aliases), "country": e.country}
            for e in x.entities
        ],
        "relations": [
            {
                "head": r.head,
                "type": r.type.value,
                "tail": r.tail,
                "unsourced_attributes": dict(r.unsourced_attributes),
                "evidence": [
                    {
                        "document_id": ev.document_id,
                        "sentence": ev.sentence,
                        "start": ev.start,
                        "end": ev.end,
                        "method": ev.method,
                        "confidence": ev.confidence,
                        "source": ev.source,
                        "attributes": dict(ev.attributes),
                    }
                    for ev in r.evidence
                ],
            }
            for r in x.relations
        ],
    }


def extraction_from_json(data: dict[str, Any]) -> Extraction:
    """The Extraction ``extraction_to_json`` wrote; ValueError/KeyError on a
    malformed record (the file reader turns them into ExtractionFileError)."""
    if data.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} record (format {data.get('format')!r})")
    d = data["document"]
    document = Document(
        id=d["id"], source=d["source"], text=d["text"], title=d.get("title"), date=d.get("date"),
        language=d.get("language", "en"),
    )
    entities = tuple(
        Entity(id=e["id"], name=e["name"], type=EntityType(e["type"]), aliases=tuple(e.get("aliases", ())),
               country=e.get("country"))
        for e in data["entities"]
    )
    relations = tuple(
        Relation(
            r["head"],
            RelationType(r["type"]),
            r["tail"],
            tuple(
                Evidence(
                    document_id=ev["document_id"], sentence=ev["sentence"], start=int(ev["start"]),
                    end=int(ev["end"]), method=ev["method"], confidence=float(ev["confidence"]),
                    source=ev.get("source"), attributes=ev.get("attributes") or {},
                )
                for ev in r["evidence"]
            ),
            unsourced_attributes=r.get("unsourced_attributes") or {},
        )
        for r in data["relations"]
    )
    extraction = Extraction(document, entities, relations)
    extraction.validate()
    return extraction


def write_extractions(path: Path, extractions: Iterable[Extraction]) -> int:
    """Write one extraction per line to ``path`` (via a temporary file, so a
    worker that dies leaves no half file for the loader); the count written."""
    tmp = path.with_name(f".{path.name}.tmp")
    n = 0
    try:
        with tmp.open("w", encoding="utf-8") as out:
            for x in extractions:
                out.write(json.dumps(extraction_to_json(x), ensure_ascii=False, separators=(",", ":")))
                out.write("\n")
                n += 1
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return n


def read_extractions(path: Path) -> Iterator[Extraction]:
    """The extractions in ``path``, in order; a bad line raises
    ExtractionFileError naming the file and line."""
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                yield extraction_from_json(json.loads(line))
            except (ValueError, KeyError, TypeError) as exc:
                raise ExtractionFileError(f"{path}, line {number}: not a readable extraction ({exc})") from exc
