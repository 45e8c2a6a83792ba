"""Extraction -> the evaluation scorer's prediction format.

One JSON object per article with entity names (not ids) at both ends of every
relation, and every entity's aliases, since the scorer matches names through
aliases (../shared/eval/score.py).
"""

from __future__ import annotations

from typing import Any

from chipgraph.graph.model import Extraction

__all__ = ["to_prediction"]


def to_prediction(extraction: Extraction, file_name: str) -> dict[str, Any]:
    """{"file", "language", "entities": [...], "relations": [...]} for ``extraction``."""
    names = {e.id: e.name for e in extraction.entities}
    relations = []
    for r in extraction.relations:
        row: dict[str, Any] = {
            "head": names[r.head],
            "type": r.type.value,
            "tail": names[r.tail],
            "evidence": r.evidence[0].sentence if r.evidence else "",
            "confidence": round(r.confidence, 4),
        }
        for attr in ("product", "date"):
            if r.attributes.get(attr):
                row[attr] = r.attributes[attr]
        relations.append(row)
    return {
        "file": file_name.rsplit("/", 1)[-1],
        "language": extraction.document.language,
        "entities": [{"name": e.name, "type": e.type.value, "aliases": list(e.aliases)} for e in extraction.entities],
        "relations": relations,
    }
